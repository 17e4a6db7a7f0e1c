//! `/api/v1/cases`: list, create, read and replace cases.

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use concord_core::vocabulary::{CaseStatus, ExploitationType};
use concord_core::{Case, CaseId, FieldError, Permission, ValidationErrors};
use concord_node::store::{CaseFilter, CaseSummary, Paged};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::params::{check_range, query_pairs, Params};
use crate::{body::JsonBody, state::AppState};

/// Query parameters of `GET /api/v1/cases`.
pub const LIST_PARAMETERS: &[&str] = &[
    "page",
    "per_page",
    "status",
    "exploitation",
    "citizenship",
    "route_country",
    "registered_from",
    "registered_to",
    "unit",
    "q",
];

/// `GET /api/v1/cases`: a page of case summaries, newest first.
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Json<Paged<CaseSummary>>, ApiError> {
    caller.require(Permission::ReadCases)?;
    let params = Params::new(query_pairs(query)?, LIST_PARAMETERS)?;
    let filter = case_filter(&params)?;
    let page = params.page()?;
    let paged = state
        .with_store(move |s| Ok(s.cases_for(&caller.user, filter, page)?))
        .await?;
    Ok(Json(paged))
}

/// The filter the case list's parameters describe.
pub(crate) fn case_filter(params: &Params) -> Result<CaseFilter, ApiError> {
    let filter = CaseFilter {
        status: params.picklist::<CaseStatus>("status")?,
        exploitation: params.picklist::<ExploitationType>("exploitation")?,
        citizenship: params.country("citizenship")?,
        route_country: params.country("route_country")?,
        registered_from: params.date("registered_from")?,
        registered_to: params.date("registered_to")?,
        unit: params.text("unit"),
        id_contains: params.text("q"),
    };
    check_range(
        filter.registered_from,
        filter.registered_to,
        "registered_from",
        "registered_to",
    )?;
    Ok(filter)
}

/// `POST /api/v1/cases`: adds a case with its persons.
pub(crate) async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<JsonBody<Case>, ApiError>,
) -> Result<Response, ApiError> {
    caller.require(Permission::WriteCases)?;
    let JsonBody(case) = body?;
    case.validate(state.today()).map_err(ApiError::Validation)?;
    let case = state
        .with_store(move |s| {
            s.create_case(&caller.user, &case)?;
            Ok(case)
        })
        .await?;
    let location = case_location(&case.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(case)).into_response())
}

/// `GET /api/v1/cases/{id}`: the whole case with its persons.
pub(crate) async fn get(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Case>, ApiError> {
    caller.require(Permission::ReadCases)?;
    let id = case_id(path)?;
    let case = state
        .with_store(move |s| s.open_case(&caller.user, &id)?.ok_or_else(|| not_found(&id)))
        .await?;
    Ok(Json(case))
}

/// `PUT /api/v1/cases/{id}`: replaces a case and its persons.
pub(crate) async fn replace(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
    body: Result<JsonBody<Case>, ApiError>,
) -> Result<Json<Case>, ApiError> {
    caller.require(Permission::WriteCases)?;
    let JsonBody(case) = body?;
    let id = case_id(path)?;
    let mut errors = Vec::new();
    if case.id != id {
        errors.push(FieldError::new(
            "id",
            &case.id,
            format!("the case ID in the address ({id}); a case's ID cannot be changed"),
        ));
    }
    if let Err(ValidationErrors(more)) = case.validate(state.today()) {
        errors.extend(more);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(ValidationErrors(errors)));
    }
    let case = state
        .with_store(move |s| {
            s.change_case(&caller.user, &case)?;
            Ok(case)
        })
        .await?;
    Ok(Json(case))
}

/// The address of a case.
fn case_location(id: &CaseId) -> String {
    format!("/api/v1/cases/{}", path_segment(id.as_str()))
}

/// A record ID as one path segment. IDs may hold `/` (file numbers like
/// `UA-NPU-2024/000123`), which is escaped; every other character an ID may hold is safe
/// in a path.
pub(crate) fn path_segment(id: &str) -> String {
    id.replace('/', "%2F")
}

pub(crate) fn case_id(path: Result<Path<String>, PathRejection>) -> Result<CaseId, ApiError> {
    let Path(raw) = path.map_err(|_| ApiError::NotFound("no such case".into()))?;
    raw.parse().map_err(|e| ApiError::bad_parameter("id", &raw, &e))
}

pub(crate) fn not_found(id: &CaseId) -> ApiError {
    ApiError::NotFound(format!("case {id} not found"))
}
