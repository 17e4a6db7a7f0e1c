//! The node's web pages, served by the same binary as the API: HTML rendered on the
//! server, no script at all, one small stylesheet — for a slow link, a small screen and
//! a strict Content-Security-Policy.
//!
//! Each page checks the caller's role exactly as the API does (see [`crate::auth`]);
//! every form carries the session's CSRF token; text comes from the translation catalog
//! ([`i18n`]) in English or Arabic.

pub(crate) mod alerts;
pub(crate) mod audit;
pub(crate) mod cases;
pub(crate) mod dashboard;
pub(crate) mod errors;
pub(crate) mod estimate;
mod form;
pub(crate) mod hits;
pub mod i18n;
pub(crate) mod partners;
pub(crate) mod persons;
pub(crate) mod requests;
pub(crate) mod session;
pub(crate) mod tokens;
mod ui;

use axum::http::header;
use axum::response::IntoResponse;

/// The stylesheet of every page.
const STYLESHEET: &str = include_str!("../../assets/concord.css");

/// `GET /static/concord.css`.
pub(crate) async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
}
