//! The API tokens page: a user's own tokens, made (the secret shown once) and revoked.

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use concord_node::sessions::ApiToken;
use maud::html;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;
use crate::tokens::{make, revoke_token};
use crate::web::form::Form;
use crate::web::ui::{html as page, Ui};

/// `GET /tokens`.
pub(crate) async fn list(State(state): State<AppState>, ui: Ui, caller: Caller) -> Result<Response, ApiError> {
    let tokens = state.with_store(move |s| Ok(s.api_tokens(&caller.user)?)).await?;
    Ok(page(tokens_page(&ui, &tokens, None)))
}

/// `POST /tokens`: makes a token and shows its secret, this once.
pub(crate) async fn create(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    body: Bytes,
) -> Result<Response, ApiError> {
    caller.require_session()?;
    let name = Form::parse(&body).get("name").to_string();
    let made = make(&state, caller.clone(), name).await?;
    let tokens = state.with_store(move |s| Ok(s.api_tokens(&caller.user)?)).await?;
    Ok((StatusCode::CREATED, page(tokens_page(&ui, &tokens, Some(&made.secret)))).into_response())
}

/// `POST /tokens/{id}/revoke`.
pub(crate) async fn revoke(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<Path<i64>, PathRejection>,
) -> Result<Response, ApiError> {
    let Path(id) = path.map_err(|_| ApiError::NotFound("no such token".into()))?;
    revoke_token(&state, caller, id).await?;
    Ok((StatusCode::SEE_OTHER, [(header::LOCATION, "/tokens")]).into_response())
}

fn tokens_page(ui: &Ui, tokens: &[ApiToken], secret: Option<&str>) -> maud::Markup {
    let body = html! {
        p { (ui.t("tokens-intro")) }
        @if let Some(secret) = secret {
            div.notice role="status" {
                p { (ui.t("tokens-created")) }
                p { code.secret { (secret) } }
            }
        }
        form.inline method="post" action="/tokens" {
            (ui.csrf_field())
            label for="name" { (ui.t("tokens-name")) }
            input #name name="name" required maxlength="100";
            button type="submit" { (ui.t("tokens-create")) }
        }
        @if tokens.is_empty() {
            p { (ui.t("tokens-none")) }
        } @else {
            div.table { table {
                thead { tr {
                    th scope="col" { "#" }
                    th scope="col" { (ui.t("tokens-name")) }
                    th scope="col" { (ui.t("tokens-created-at")) }
                    th scope="col" { (ui.t("tokens-last-used")) }
                    th scope="col" { }
                } }
                tbody { @for t in tokens { tr {
                    td.number { (t.id) }
                    td { (t.name) }
                    td { (t.created_at) }
                    td { (t.last_used.clone().unwrap_or_else(|| ui.t("never"))) }
                    td {
                        @if t.revoked_at.is_some() {
                            (ui.t("tokens-revoked"))
                        } @else {
                            form method="post" action={ "/tokens/" (t.id) "/revoke" } {
                                (ui.csrf_field())
                                button type="submit" { (ui.t("tokens-revoke")) }
                            }
                        }
                    }
                } } }
            } }
        }
    };
    ui.page(&ui.t("tokens-title"), body)
}
