//! `/api/v1/exchange/…`: where partner nodes push their bundles, and where this node's
//! users see what their outbox has delivered.
//!
//! `POST /api/v1/exchange/bundles` takes exactly the path of `concord bundle import`:
//! the body is a signed bundle, the answer a signed return bundle carrying our receipt.
//! The caller needs no session: what authenticates it is the partner's signature on the
//! bundle, checked against the card this node's administrator confirmed.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use concord_core::Permission;
use concord_exchange::NodeId;
use concord_node::exchange::{OutboxEntry, PartnerCounts, Via};
use serde::Serialize;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::params::{query_pairs, Params};
use crate::state::AppState;

/// Largest bundle accepted over HTTP, in bytes.
pub const MAX_BUNDLE_BYTES: usize = 64 * 1024 * 1024;

/// The media type of bundles, both ways.
pub const BUNDLE_MEDIA_TYPE: &str = "application/octet-stream";

/// `POST /api/v1/exchange/bundles`: receives a partner's bundle; answers 200 with the
/// return bundle, or 204 when the bundle held only receipts.
pub(crate) async fn receive(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    if !is_bundle(&headers) {
        return Err(ApiError::NotABundle);
    }
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::BundleTooLarge
        } else {
            ApiError::UnreadableBody
        }
    })?;
    // The public-key work runs between two short holds of the store, so that other
    // requests (and other partners' bundles) are served meanwhile.
    let bytes = body.clone();
    let (sender, receiver) = state
        .with_store(move |s| Ok((s.sender_of(&bytes), s.receiver())))
        .await?;
    let bytes = body.clone();
    let checked = tokio::task::spawn_blocking(move || sender.and_then(|peer| receiver.check(&bytes, peer)))
        .await
        .map_err(|_| ApiError::Internal)?;
    let received = state
        .with_store(move |s| Ok(s.apply_bundle(&body, checked, Via::Http)?))
        .await?;
    Ok(match received.return_bundle {
        Some(bytes) => ([(header::CONTENT_TYPE, BUNDLE_MEDIA_TYPE)], bytes).into_response(),
        None => StatusCode::NO_CONTENT.into_response(),
    })
}

/// Whether the body is declared as a bundle (parameters such as `; charset` aside).
fn is_bundle(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case(BUNDLE_MEDIA_TYPE))
}

/// Query parameters of `GET /api/v1/exchange/outbox`.
pub const OUTBOX_PARAMETERS: &[&str] = &["to", "limit"];

/// The body of `GET /api/v1/exchange/outbox`.
#[derive(Debug, Serialize)]
pub struct Outbox {
    /// Per partner: pending, delivered, rejected.
    pub partners: Vec<PartnerCounts>,
    /// The newest messages, newest first.
    pub messages: Vec<OutboxEntry>,
}

/// `GET /api/v1/exchange/outbox?to&limit`: delivery status, per partner and per message.
pub(crate) async fn outbox(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Json<Outbox>, ApiError> {
    caller.require(Permission::ReadPartners)?;
    let params = Params::new(query_pairs(query)?, OUTBOX_PARAMETERS)?;
    let to = params.parsed::<NodeId>("to")?;
    let limit = params.number_in("limit", 1, 1000)?.unwrap_or(100) as usize;
    let outbox = state
        .with_store(move |s| {
            Ok(Outbox {
                partners: s.outbox_counts()?,
                messages: s.outbox(to.as_ref(), limit)?,
            })
        })
        .await?;
    Ok(Json(outbox))
}
