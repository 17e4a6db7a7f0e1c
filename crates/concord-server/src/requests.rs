//! `/api/v1/requests`: requests for mutual assistance, to and from partners, and the
//! steps of their workflow. Reading needs the partners permission; sending a request or
//! taking a step needs the permission to send messages (liaison officers). A liaison
//! officer who answers with `disclose_person` approves that disclosure; reading what a
//! partner disclosed (`GET /api/v1/requests/{id}/disclosure`) is recorded in the audit
//! trail.

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::NaiveDate;
use concord_core::assistance::{LegalBasis, RequestStatus, RequestType, Step, Urgency};
use concord_core::{Permission, PersonId};
use concord_exchange::payload::{Disclosure, PayloadError, StepName};
use concord_exchange::NodeId;
use concord_node::exchange::{AssistanceRecord, ExchangeError, NewAnswer, NewRequest};
use serde::{Deserialize, Serialize};

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::error::ApiError;
use crate::params::{query_pairs, Params};
use crate::state::AppState;

/// The body of `POST /api/v1/requests`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestToSend {
    /// The partner.
    pub to: NodeId,
    /// What is asked.
    pub request_type: RequestType,
    /// Under which instrument.
    pub legal_basis: LegalBasis,
    /// How fast.
    pub urgency: Urgency,
    /// By when.
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    /// What it is about (1 to 200 characters).
    pub subject: String,
    /// The request (up to 10,000 characters).
    pub details: String,
    /// The hit the request is about (its number on this node), if any.
    #[serde(default)]
    pub about_hit: Option<i64>,
    /// The case of this node the request is about, if any.
    #[serde(default)]
    pub about_case: Option<concord_core::CaseId>,
}

/// The body of `POST /api/v1/requests/{id}/steps`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepToTake {
    /// `acknowledge`, `start`, `answer`, `decline` or `withdraw`.
    pub step: StepName,
    /// Why (required to decline).
    #[serde(default)]
    pub reason: Option<String>,
    /// With `answer`: the answer's text.
    #[serde(default)]
    pub answer: Option<String>,
    /// With `answer`: the person whose identifying data the caller approves disclosing.
    #[serde(default)]
    pub disclose_person: Option<PersonId>,
}

/// Where a request stands after a step, or once sent.
#[derive(Debug, Serialize)]
pub struct RequestState {
    /// The request.
    pub request_id: uuid::Uuid,
    /// Its status.
    pub status: RequestStatus,
}

/// `GET /api/v1/requests?limit`: requests both ways, newest first.
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Json<Vec<AssistanceRecord>>, ApiError> {
    caller.require(Permission::ReadPartners)?;
    let params = Params::new(query_pairs(query)?, &["limit"])?;
    let limit = params.number_in("limit", 1, 1000)?.unwrap_or(100) as usize;
    Ok(Json(state.with_store(move |s| Ok(s.requests(limit)?)).await?))
}

/// `POST /api/v1/requests`: sends a request; 201 with its ID.
pub(crate) async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<JsonBody<RequestToSend>, ApiError>,
) -> Result<Response, ApiError> {
    caller.require(Permission::SendMessages)?;
    let JsonBody(body) = body?;
    let new = NewRequest {
        request_type: body.request_type,
        legal_basis: body.legal_basis,
        urgency: body.urgency,
        deadline: body.deadline,
        subject: body.subject,
        details: body.details,
        about_hit: body.about_hit,
        about_case: body.about_case,
    };
    let request_id = state
        .with_store(move |s| s.send_request(&body.to, &new).map_err(refusal))
        .await?;
    let sent = RequestState {
        request_id,
        status: RequestStatus::Sent,
    };
    Ok((StatusCode::CREATED, Json(sent)).into_response())
}

/// `POST /api/v1/requests/{id}/steps`: takes a step and tells the partner.
pub(crate) async fn step(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
    body: Result<JsonBody<StepToTake>, ApiError>,
) -> Result<Json<RequestState>, ApiError> {
    caller.require(Permission::SendMessages)?;
    let request_id = request_id(path)?;
    let JsonBody(body) = body?;
    if body.step == StepName::Answer {
        let answer = NewAnswer {
            text: body.answer.unwrap_or_default(),
            disclose: body.disclose_person,
            approved_by: caller.user.username.to_string(),
        };
        let status = state
            .with_store(move |s| s.answer_request(&request_id, &answer).map_err(refusal))
            .await?;
        return Ok(Json(RequestState { request_id, status }));
    }
    let step = match body.step {
        StepName::Acknowledge => Step::Acknowledge,
        StepName::Start => Step::Start,
        StepName::Answer => Step::Answer,
        StepName::Decline => Step::Decline {
            reason: body.reason.unwrap_or_default(),
        },
        StepName::Withdraw => Step::Withdraw,
    };
    let status = state
        .with_store(move |s| s.request_step(&request_id, &step).map_err(refusal))
        .await?;
    Ok(Json(RequestState { request_id, status }))
}

/// `GET /api/v1/requests/{id}/disclosure`: the person a partner disclosed in its answer;
/// the reading is recorded in the audit trail. 404 when nothing was disclosed.
pub(crate) async fn disclosure(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Disclosure>, ApiError> {
    caller.require(Permission::ReadPartners)?;
    let request_id = request_id(path)?;
    let reader = caller.user.username.to_string();
    let disclosed = state
        .with_store(move |s| s.disclosure(&request_id, &reader).map_err(refusal))
        .await?;
    disclosed
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("request {request_id} has no disclosure")))
}

fn request_id(path: Result<Path<String>, PathRejection>) -> Result<uuid::Uuid, ApiError> {
    let Path(raw) = path.map_err(|_| ApiError::NotFound("no such request".into()))?;
    raw.parse().map_err(|_| ApiError::BadParameter {
        parameter: "id".into(),
        value: raw.clone(),
        expected: "a request ID (a UUID), as listed by GET /api/v1/requests".into(),
    })
}

/// Why the node would not send a request or take a step, as an API error.
fn refusal(error: ExchangeError) -> ApiError {
    match error {
        ExchangeError::Store(e) => e.into(),
        ExchangeError::UnknownPeer(_) | ExchangeError::UnknownRequest(_) | ExchangeError::UnknownHit(_) => {
            ApiError::NotFound(error.to_string())
        }
        ExchangeError::InvalidMessage(PayloadError::Empty { field } | PayloadError::TooLong { field, .. }) => {
            ApiError::BadParameter {
                parameter: field.into(),
                value: String::new(),
                expected: error.to_string(),
            }
        }
        other => ApiError::Conflict(other.to_string()),
    }
}
