//! `/api/v1/persons` and `/api/v1/cases/{id}/persons`: list, read, replace and add
//! persons. A person is always written as part of its case: the whole case is
//! validated and replaced in one transaction.
//!
//! There is deliberately no search by name, document or phone here: personal data must
//! not travel in URLs, which end up in logs and browser histories.

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use concord_core::vocabulary::PersonRole;
use concord_core::{CaseId, FieldError, Permission, Person, PersonId, ValidationErrors};
use concord_node::store::{Paged, PersonFilter, PersonSummary};
use serde::Serialize;

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::cases::{case_id, not_found as case_not_found, path_segment};
use crate::error::ApiError;
use crate::params::{query_pairs, Params};
use crate::state::AppState;

/// Query parameters of `GET /api/v1/persons`.
pub const LIST_PARAMETERS: &[&str] = &["page", "per_page", "role", "citizenship"];

/// A person with the case it belongs to: the body of `GET /api/v1/persons/{id}`.
#[derive(Debug, Serialize)]
pub struct PersonInCase {
    /// The case the person belongs to.
    pub case_id: CaseId,
    /// The person.
    pub person: Person,
}

/// `GET /api/v1/persons`: a page of person summaries (no names or identifiers).
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Json<Paged<PersonSummary>>, ApiError> {
    caller.require(Permission::ReadCases)?;
    let params = Params::new(query_pairs(query)?, LIST_PARAMETERS)?;
    let filter = PersonFilter {
        role: params.picklist::<PersonRole>("role")?,
        citizenship: params.country("citizenship")?,
        unit: None,
    };
    let page = params.page()?;
    let paged = state
        .with_store(move |s| Ok(s.persons_for(&caller.user, filter, page)?))
        .await?;
    Ok(Json(paged))
}

/// `GET /api/v1/persons/{id}`: one person and their case's ID.
pub(crate) async fn get(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<PersonInCase>, ApiError> {
    caller.require(Permission::ReadCases)?;
    let id = person_id(path)?;
    let (case_id, person) = state
        .with_store(move |s| s.open_person(&caller.user, &id)?.ok_or_else(|| not_found(&id)))
        .await?;
    Ok(Json(PersonInCase { case_id, person }))
}

/// `PUT /api/v1/persons/{id}`: replaces one person within their case.
pub(crate) async fn replace(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
    body: Result<JsonBody<Person>, ApiError>,
) -> Result<Json<PersonInCase>, ApiError> {
    caller.require(Permission::WriteCases)?;
    let JsonBody(person) = body?;
    let id = person_id(path)?;
    if person.id != id {
        return Err(ApiError::Validation(ValidationErrors(vec![FieldError::new(
            "id",
            &person.id,
            format!("the person ID in the address ({id}); a person's ID cannot be changed"),
        )])));
    }
    let today = state.today();
    let answer = state
        .with_store(move |s| {
            let (case_id, _) = s.get_person(&id)?.ok_or_else(|| not_found(&id))?;
            if !s.within_reach(&caller.user, &case_id)? {
                return Err(not_found(&id));
            }
            let mut case = s.get_case(&case_id)?.ok_or_else(|| case_not_found(&case_id))?;
            let index = case
                .persons
                .iter()
                .position(|p| p.id == id)
                .ok_or_else(|| not_found(&id))?;
            case.persons[index] = person.clone();
            case.validate(today)
                .map_err(|e| ApiError::Validation(relative_to_person(e, index)))?;
            s.change_case(&caller.user, &case)?;
            Ok(PersonInCase { case_id, person })
        })
        .await?;
    Ok(Json(answer))
}

/// `POST /api/v1/cases/{id}/persons`: adds a person to a case.
pub(crate) async fn add(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
    body: Result<JsonBody<Person>, ApiError>,
) -> Result<Response, ApiError> {
    caller.require(Permission::WriteCases)?;
    let JsonBody(person) = body?;
    let case_id = case_id(path)?;
    let today = state.today();
    let answer = state
        .with_store(move |s| {
            if !s.within_reach(&caller.user, &case_id)? {
                return Err(case_not_found(&case_id));
            }
            let mut case = s.get_case(&case_id)?.ok_or_else(|| case_not_found(&case_id))?;
            if s.get_person(&person.id)?.is_some() {
                return Err(concord_node::StoreError::DuplicatePerson(person.id.clone()).into());
            }
            let index = case.persons.len();
            case.persons.push(person.clone());
            case.validate(today)
                .map_err(|e| ApiError::Validation(relative_to_person(e, index)))?;
            s.change_case(&caller.user, &case)?;
            Ok(PersonInCase { case_id, person })
        })
        .await?;
    let location = person_location(&answer.person.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(answer)).into_response())
}

/// The address of a person.
fn person_location(id: &PersonId) -> String {
    format!("/api/v1/persons/{}", path_segment(id.as_str()))
}

fn person_id(path: Result<Path<String>, PathRejection>) -> Result<PersonId, ApiError> {
    let Path(raw) = path.map_err(|_| ApiError::NotFound("no such person".into()))?;
    raw.parse().map_err(|e| ApiError::bad_parameter("id", &raw, &e))
}

fn not_found(id: &PersonId) -> ApiError {
    ApiError::NotFound(format!("person {id} not found"))
}

/// Rewrites the field paths of a whole-case validation for a request whose body is one
/// person (the one at `index`): that person's fields become paths within the body
/// (`birth_date`, `names[0].given`), as in a malformed-JSON error; any problem elsewhere
/// in the case keeps its path under `case.`.
fn relative_to_person(errors: ValidationErrors, index: usize) -> ValidationErrors {
    let prefix = format!("persons[{index}].");
    ValidationErrors(
        errors
            .0
            .into_iter()
            .map(|mut e| {
                e.field = match e.field.strip_prefix(&prefix) {
                    Some(within) => within.to_string(),
                    None => format!("case.{}", e.field),
                };
                e
            })
            .collect(),
    )
}
