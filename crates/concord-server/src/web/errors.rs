//! Errors as pages: the API's JSON errors, raised by the same extractors and checks,
//! turned into HTML for the browser. A missing session shows the sign-in form.

use axum::body::to_bytes;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::state::AppState;
use crate::web::i18n::Lang;
use crate::web::session::sign_in_page;
use crate::web::ui::{html as page, Ui};

/// Turns every JSON error answer outside the API into an HTML page with the same status.
pub(crate) async fn as_pages(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if path == "/api" || path.starts_with("/api/") {
        return next.run(req).await;
    }
    let ui = Ui {
        lang: Lang::of_request(req.headers()),
        caller: None,
        path: req.uri().path().to_string(),
        node_name: state.node_name().to_string(),
        client: None,
    };
    let response = next.run(req).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || !is_json {
        return response;
    }
    let message = match to_bytes(response.into_body(), 64 * 1024).await {
        Ok(bytes) => serde_json::from_slice::<serde_json::Value>(&bytes)
            .ok()
            .and_then(|v| v["message"].as_str().map(str::to_owned))
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    if status == StatusCode::UNAUTHORIZED {
        let notice = ui.t("sign-in-needed");
        return (status, page(sign_in_page(&ui, Some(&notice), ""))).into_response();
    }
    let title = match status {
        StatusCode::FORBIDDEN => ui.t("error-forbidden-title"),
        StatusCode::NOT_FOUND => ui.t("error-not-found-title"),
        _ => ui.t("error-title"),
    };
    let body = html! {
        p.notice role="alert" { (message) }
        p { a href="/" { (ui.t("error-back")) } }
    };
    (status, page(ui.page(&title, body))).into_response()
}
