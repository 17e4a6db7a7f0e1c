//! `/api/v1/network` and `/api/v1/hits`: where the node stands in the network's
//! linkage, the coordinator's key, and the hits liaison officers review. Reading needs
//! the partners permission; naming the coordinator or making a key needs the permission
//! to manage partners (administrators); reviewing a hit needs the permission to send
//! messages (liaison officers), and the review is recorded under the caller's name.

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::Json;
use concord_core::Permission;
use concord_exchange::NodeId;
use concord_node::exchange::{ExchangeError, Hit, HitStatus, LinkageStatus};
use serde::{Deserialize, Serialize};

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::error::ApiError;
use crate::params::{query_pairs, Params};
use crate::state::AppState;

/// The body of `POST /api/v1/network/coordinator`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoordinatorToName {
    /// The partner whose linkage keys the node accepts (or the node itself).
    pub node_id: NodeId,
}

/// The answer of `POST /api/v1/network/keys`.
#[derive(Debug, Serialize)]
pub struct KeyMade {
    /// The new key epoch.
    pub epoch: u32,
}

/// The body of `POST /api/v1/hits/{id}/review`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HitReview {
    /// `confirmed` or `rejected`.
    pub status: HitStatus,
}

/// `GET /api/v1/network`: coordinator, key epoch, encodings both ways, hits.
pub(crate) async fn status(State(state): State<AppState>, caller: Caller) -> Result<Json<LinkageStatus>, ApiError> {
    caller.require(Permission::ReadPartners)?;
    Ok(Json(state.with_store(|s| Ok(s.linkage_status()?)).await?))
}

/// `POST /api/v1/network/coordinator`: names the coordinator.
pub(crate) async fn coordinator(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<JsonBody<CoordinatorToName>, ApiError>,
) -> Result<Json<LinkageStatus>, ApiError> {
    caller.require(Permission::ManagePartners)?;
    let JsonBody(body) = body?;
    let status = state
        .with_store(move |s| {
            s.set_linkage_coordinator(&body.node_id).map_err(refusal)?;
            Ok(s.linkage_status()?)
        })
        .await?;
    Ok(Json(status))
}

/// `POST /api/v1/network/keys`: makes the key of a new epoch; this node coordinates.
pub(crate) async fn create_key(State(state): State<AppState>, caller: Caller) -> Result<Json<KeyMade>, ApiError> {
    caller.require(Permission::ManagePartners)?;
    let epoch = state
        .with_store(|s| s.create_linkage_key(None).map_err(refusal))
        .await?;
    Ok(Json(KeyMade { epoch }))
}

/// `GET /api/v1/hits?status&limit`: hits, newest first.
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Json<Vec<Hit>>, ApiError> {
    caller.require(Permission::ReadPartners)?;
    let params = Params::new(query_pairs(query)?, &["status", "limit"])?;
    let limit = params.number_in("limit", 1, 10_000)?.unwrap_or(100) as usize;
    let status = match params.text("status") {
        None => None,
        Some(text) => Some(parse_status(&text)?),
    };
    Ok(Json(state.with_store(move |s| Ok(s.hits(status, limit)?)).await?))
}

/// `POST /api/v1/hits/{id}/review`: confirms or rejects a hit.
pub(crate) async fn review(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
    body: Result<JsonBody<HitReview>, ApiError>,
) -> Result<Json<Hit>, ApiError> {
    caller.require(Permission::SendMessages)?;
    let Path(raw) = path.map_err(|_| ApiError::NotFound("no such hit".into()))?;
    let id: i64 = raw.parse().map_err(|_| ApiError::BadParameter {
        parameter: "id".into(),
        value: raw.clone(),
        expected: "a hit number, as listed by GET /api/v1/hits".into(),
    })?;
    let JsonBody(body) = body?;
    let reviewer = caller.user.username.to_string();
    let hit = state
        .with_store(move |s| s.review_hit(id, body.status, &reviewer).map_err(refusal))
        .await?;
    Ok(Json(hit))
}

fn parse_status(text: &str) -> Result<HitStatus, ApiError> {
    serde_json::from_value(serde_json::Value::String(text.to_string())).map_err(|_| ApiError::BadParameter {
        parameter: "status".into(),
        value: text.to_string(),
        expected: "new, confirmed or rejected".into(),
    })
}

fn refusal(error: ExchangeError) -> ApiError {
    match error {
        ExchangeError::Store(e) => e.into(),
        ExchangeError::UnknownPeer(_) | ExchangeError::UnknownHit(_) => ApiError::NotFound(error.to_string()),
        ExchangeError::InvalidReview => ApiError::BadParameter {
            parameter: "status".into(),
            value: "new".into(),
            expected: "confirmed or rejected".into(),
        },
        other => ApiError::Conflict(other.to_string()),
    }
}
