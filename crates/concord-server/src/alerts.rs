//! `/api/v1/alerts`: alerts issued by this node and received from partners. Reading
//! needs the partners permission; issuing, updating, cancelling and acknowledging need the
//! permission to send messages (liaison officers).

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use concord_core::alert::{parse_expiry, AlertError, AlertType};
use concord_core::{FieldError, Permission, ValidationErrors};
use concord_exchange::payload::PayloadError;
use concord_node::exchange::{AlertChange, AlertRecord, ExchangeError, NewAlert};
use serde::{Deserialize, Serialize};

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::error::ApiError;
use crate::params::{query_pairs, Params};
use crate::state::AppState;

/// The body of `POST /api/v1/alerts`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertToIssue {
    /// What it is about.
    pub alert_type: AlertType,
    /// What it is about, in a line (1 to 200 characters).
    pub subject: String,
    /// The alert (up to 10,000 characters).
    pub details: String,
    /// When it stops being in force: RFC 3339, a date and time in UTC, or a date.
    pub expires_at: String,
    /// Where it applies (up to 200 characters).
    #[serde(default)]
    pub area: Option<String>,
}

/// The body of `POST /api/v1/alerts/{id}/update`: what is absent stays as it was.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertToUpdate {
    /// A new type.
    #[serde(default)]
    pub alert_type: Option<AlertType>,
    /// A new subject.
    #[serde(default)]
    pub subject: Option<String>,
    /// New details.
    #[serde(default)]
    pub details: Option<String>,
    /// A new expiry.
    #[serde(default)]
    pub expires_at: Option<String>,
    /// A new area ("" removes it).
    #[serde(default)]
    pub area: Option<String>,
}

/// The revision a partner's alert was acknowledged at.
#[derive(Debug, Serialize)]
pub struct Acknowledged {
    /// The alert.
    pub alert_id: uuid::Uuid,
    /// The revision acknowledged.
    pub revision: u32,
}

/// `GET /api/v1/alerts?limit`: alerts in force first, then expired and cancelled.
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Json<Vec<AlertRecord>>, ApiError> {
    caller.require(Permission::ReadPartners)?;
    let params = Params::new(query_pairs(query)?, &["limit"])?;
    let limit = params.number_in("limit", 1, 1000)?.unwrap_or(100) as usize;
    Ok(Json(state.with_store(move |s| Ok(s.alerts(limit)?)).await?))
}

/// `POST /api/v1/alerts`: issues an alert to every partner allowed alerts; 201.
pub(crate) async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<JsonBody<AlertToIssue>, ApiError>,
) -> Result<Response, ApiError> {
    caller.require(Permission::SendMessages)?;
    let JsonBody(body) = body?;
    let new = NewAlert {
        alert_type: body.alert_type,
        subject: body.subject,
        details: body.details,
        expires_at: parse_expiry(&body.expires_at).map_err(|e| refusal(ExchangeError::Alert(e)))?,
        area: body.area,
    };
    let sent = state.with_store(move |s| s.issue_alert(&new).map_err(refusal)).await?;
    Ok((StatusCode::CREATED, Json(sent)).into_response())
}

/// `POST /api/v1/alerts/{id}/update`: a new revision of one of our alerts.
pub(crate) async fn update(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
    body: Result<JsonBody<AlertToUpdate>, ApiError>,
) -> Result<Response, ApiError> {
    caller.require(Permission::SendMessages)?;
    let alert_id = alert_id(path)?;
    let JsonBody(body) = body?;
    let expires_at = body
        .expires_at
        .as_deref()
        .map(parse_expiry)
        .transpose()
        .map_err(|e| refusal(ExchangeError::Alert(e)))?;
    let change = AlertChange {
        alert_type: body.alert_type,
        subject: body.subject,
        details: body.details,
        expires_at,
        area: body.area,
    };
    let sent = state
        .with_store(move |s| s.update_alert(&alert_id, &change).map_err(refusal))
        .await?;
    Ok(Json(sent).into_response())
}

/// `POST /api/v1/alerts/{id}/cancel`: cancels one of our alerts.
pub(crate) async fn cancel(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    caller.require(Permission::SendMessages)?;
    let alert_id = alert_id(path)?;
    let sent = state
        .with_store(move |s| s.cancel_alert(&alert_id).map_err(refusal))
        .await?;
    Ok(Json(sent).into_response())
}

/// `POST /api/v1/alerts/{id}/ack`: acknowledges a partner's alert.
pub(crate) async fn acknowledge(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Acknowledged>, ApiError> {
    caller.require(Permission::SendMessages)?;
    let alert_id = alert_id(path)?;
    let revision = state
        .with_store(move |s| s.acknowledge_alert(&alert_id).map_err(refusal))
        .await?;
    Ok(Json(Acknowledged { alert_id, revision }))
}

fn alert_id(path: Result<Path<String>, PathRejection>) -> Result<uuid::Uuid, ApiError> {
    let Path(raw) = path.map_err(|_| ApiError::NotFound("no such alert".into()))?;
    raw.parse().map_err(|_| ApiError::BadParameter {
        parameter: "id".into(),
        value: raw.clone(),
        expected: "an alert ID (a UUID), as listed by GET /api/v1/alerts".into(),
    })
}

/// Why the node would not issue, revise or acknowledge an alert, as an API error: bad
/// fields are 422 naming the field (without repeating its text, which may describe a
/// person), an unknown alert or partner 404, what the alert's state refuses 409.
fn refusal(error: ExchangeError) -> ApiError {
    let invalid = |field: &str, error: &dyn std::fmt::Display| {
        ApiError::Validation(ValidationErrors(vec![FieldError::redacted(field, error.to_string())]))
    };
    match error {
        ExchangeError::Store(e) => e.into(),
        ExchangeError::UnknownPeer(_) | ExchangeError::UnknownAlert(_) => ApiError::NotFound(error.to_string()),
        ExchangeError::InvalidMessage(e @ (PayloadError::Empty { field } | PayloadError::TooLong { field, .. })) => {
            invalid(field, &e)
        }
        ExchangeError::Alert(
            e @ (AlertError::BadExpiry(_) | AlertError::ExpiryPast { .. } | AlertError::ExpiryTooFar { .. }),
        ) => invalid("expires_at", &e),
        other => ApiError::Conflict(other.to_string()),
    }
}
