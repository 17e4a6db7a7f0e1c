//! Signing in and out in the browser, and choosing the language.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use concord_node::sessions::SignIn;
use maud::{html, Markup};
use serde::Deserialize;

use crate::auth::{session_secret, SESSION_COOKIE};
use crate::error::ApiError;
use crate::state::AppState;
use crate::web::form::Form;
use crate::web::i18n::{Lang, LANGUAGE_COOKIE};
use crate::web::ui::{html as page, Ui};

/// The sign-in page: shown at `/sign-in`, and in place of any page asked for without a
/// session (with status 401), so that signing in leads back to it.
pub(crate) fn sign_in_page(ui: &Ui, message: Option<&str>, username: &str) -> Markup {
    let back = if ui.path == "/sign-in" { "/" } else { ui.path.as_str() };
    ui.page(
        &ui.t("sign-in-title"),
        html! {
            @if let Some(message) = message {
                p.notice role="alert" { (message) }
            }
            form.sign-in method="post" action="/sign-in" {
                input type="hidden" name="back" value=(back);
                label for="username" { (ui.t("sign-in-username")) }
                input #username name="username" type="text" autocomplete="username" autocapitalize="none"
                    spellcheck="false" required value=(username);
                label for="password" { (ui.t("sign-in-password")) }
                input #password name="password" type="password" autocomplete="current-password" required;
                button type="submit" { (ui.t("sign-in-submit")) }
            }
        },
    )
}

/// `GET /sign-in`.
pub(crate) async fn show(ui: Ui) -> Response {
    page(sign_in_page(&ui, None, ""))
}

/// `POST /sign-in`: checks the password, then sets the session cookie and goes back to
/// the page asked for.
pub(crate) async fn sign_in(State(state): State<AppState>, ui: Ui, body: Bytes) -> Response {
    let form = Form::parse(&body);
    let username = form.get("username").trim().to_lowercase();
    let ui = Ui {
        path: safe_back(form.get("back")).to_string(),
        ..ui
    };
    let refused = |status: StatusCode, message: String| {
        (status, page(sign_in_page(&ui, Some(&message), &username))).into_response()
    };
    if state.sign_ins.attempt(ui.client).is_err() {
        return refused(StatusCode::TOO_MANY_REQUESTS, ui.t("sign-in-throttled"));
    }
    match check(&state, username.clone(), form.get("password").to_string()).await {
        Ok(SignIn::Granted { secret, .. }) => {
            let cookie = format!(
                "{SESSION_COOKIE}={}; Path=/; Secure; HttpOnly; SameSite=Strict",
                secret.as_str()
            );
            redirect_with_cookie(&ui.path, &cookie)
        }
        Ok(SignIn::Refused) => refused(StatusCode::UNAUTHORIZED, ui.t("sign-in-refused")),
        Ok(SignIn::Locked { until }) => {
            let until = until.format("%Y-%m-%d %H:%M").to_string();
            refused(
                StatusCode::UNAUTHORIZED,
                ui.lang.t_with("sign-in-locked", &[("until", until.into())]),
            )
        }
        Err(e) => e.into_response(),
    }
}

/// Signs in, checking the Argon2id hash off the store's lock: it takes tens of
/// milliseconds, during which other requests go on.
async fn check(state: &AppState, username: String, password: String) -> Result<SignIn, ApiError> {
    let attempt = state.with_store(move |s| Ok(s.sign_in_attempt(&username)?)).await?;
    let (matched, attempt) = tokio::task::spawn_blocking(move || (attempt.password_matches(&password), attempt))
        .await
        .map_err(|_| ApiError::Internal)?;
    state
        .with_store(move |s| Ok(s.complete_sign_in(attempt, matched)?))
        .await
}

/// `POST /sign-out`: ends the session and forgets the cookie.
pub(crate) async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    if let Some(secret) = session_secret(&headers) {
        state.with_store(move |s| Ok(s.sign_out(&secret)?)).await?;
    }
    let cookie = format!("{SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
    Ok(redirect_with_cookie("/sign-in", &cookie))
}

/// Where `/language/{code}` goes back to.
#[derive(Debug, Deserialize)]
pub(crate) struct Back {
    back: Option<String>,
}

/// `GET /language/{code}`: keeps the language chosen in a cookie and goes back. (A GET,
/// because it changes nothing but how pages are shown to this browser.)
pub(crate) async fn choose_language(Path(code): Path<String>, Query(back): Query<Back>) -> Result<Response, ApiError> {
    let lang = Lang::from_code(&code).ok_or_else(|| ApiError::NotFound(format!("no language `{code}` here")))?;
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000",
        lang.code()
    );
    Ok(redirect_with_cookie(
        safe_back(back.back.as_deref().unwrap_or("/")),
        &cookie,
    ))
}

/// `back` if it is a path on this node, else `/`: a sign-in link must not be able to
/// send the user to another site.
fn safe_back(back: &str) -> &str {
    let local = back.starts_with('/') && !back.starts_with("//") && !back.contains('\\');
    if local && back != "/sign-in" {
        back
    } else {
        "/"
    }
}

fn redirect_with_cookie(to: &str, cookie: &str) -> Response {
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response();
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::safe_back;

    #[test]
    fn only_paths_on_this_node_are_gone_back_to() {
        assert_eq!(safe_back("/cases?page=2"), "/cases?page=2");
        for foreign in [
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "cases",
            "/sign-in",
        ] {
            assert_eq!(safe_back(foreign), "/", "{foreign}");
        }
    }
}
