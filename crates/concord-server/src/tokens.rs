//! `/api/v1/tokens`: a user's API tokens for scripts, made, listed and revoked by their
//! owner only. A token acts with its owner's role; its secret is shown once, when made.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use concord_node::sessions::ApiToken;
use concord_node::users::UserError;
use serde::{Deserialize, Serialize};

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::error::ApiError;
use crate::state::AppState;

/// The body of `POST /api/v1/tokens`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    /// What the token is for (e.g. "nightly export").
    pub name: String,
}

/// A token just made, with its secret: the only time the secret is shown.
#[derive(Debug, Serialize)]
pub struct MadeToken {
    /// The token.
    #[serde(flatten)]
    pub token: ApiToken,
    /// The secret, for `Authorization: Bearer …`.
    pub secret: String,
}

/// `GET /api/v1/tokens`: the caller's tokens.
pub(crate) async fn list(State(state): State<AppState>, caller: Caller) -> Result<Json<Vec<ApiToken>>, ApiError> {
    Ok(Json(state.with_store(move |s| Ok(s.api_tokens(&caller.user)?)).await?))
}

/// `POST /api/v1/tokens`: makes a token for the caller.
pub(crate) async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<JsonBody<NewToken>, ApiError>,
) -> Result<Response, ApiError> {
    caller.require_session()?;
    let JsonBody(new) = body?;
    let made = make(&state, caller, new.name).await?;
    Ok((StatusCode::CREATED, Json(made)).into_response())
}

/// Makes a token named `name` for `caller`.
pub(crate) async fn make(state: &AppState, caller: Caller, name: String) -> Result<MadeToken, ApiError> {
    state
        .with_store(move |s| match s.create_api_token(&caller.user, &name) {
            Ok((token, secret)) => Ok(MadeToken {
                token,
                secret: secret.as_str().to_string(),
            }),
            Err(UserError::Store(e)) => Err(e.into()),
            Err(e) => Err(ApiError::BadParameter {
                parameter: "name".into(),
                value: name.clone(),
                expected: e.to_string(),
            }),
        })
        .await
}

/// `DELETE /api/v1/tokens/{id}`: revokes one of the caller's tokens.
pub(crate) async fn revoke(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let Path(raw) = path.map_err(|_| ApiError::NotFound("no such token".into()))?;
    let id: i64 = raw.parse().map_err(|_| ApiError::BadParameter {
        parameter: "id".into(),
        value: raw.clone(),
        expected: "a token number, as listed by GET /api/v1/tokens".into(),
    })?;
    revoke_token(&state, caller, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Revokes `caller`'s token `id`; 404 if they have no such live token.
pub(crate) async fn revoke_token(state: &AppState, caller: Caller, id: i64) -> Result<(), ApiError> {
    let revoked = state
        .with_store(move |s| Ok(s.revoke_api_token(&caller.user, id)?))
        .await?;
    if revoked {
        Ok(())
    } else {
        Err(ApiError::NotFound(format!("you have no live token {id}")))
    }
}
