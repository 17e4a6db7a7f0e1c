//! Middleware around every request: the host check, the security headers and the access log.

use std::net::IpAddr;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::state::AppState;

/// Refuses requests addressed to any host but this computer's loopback and the names
/// the node was told it is reached by (`concord serve --host`).
///
/// A web page open in the user's browser can reach the node by pointing a DNS name of
/// its own at the node's address ("DNS rebinding") and would then read the answers as
/// same-origin. Such requests carry that foreign name in `Host`, so they are refused
/// here. A request without a host (not something a browser sends) passes.
pub(crate) async fn known_hosts_only(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let host = req.uri().host().map(str::to_owned).or_else(|| {
        req.headers()
            .get(header::HOST)
            .map(|h| host_of(h.to_str().unwrap_or("?")))
    });
    match host {
        Some(host) if !is_loopback_host(&host) && !state.hosts().contains(&host.to_ascii_lowercase()) => {
            ApiError::ForbiddenHost.into_response()
        }
        _ => next.run(req).await,
    }
}

/// The Content-Security-Policy of every answer: the node's own styles and images only,
/// no script at all, no framing, forms posted only to the node itself.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Adds the security headers to every answer, and forbids caching of anything but the
/// node's static files (pages and API answers may hold personal data).
pub(crate) async fn security_headers(req: Request, next: Next) -> Response {
    let cacheable = req.uri().path().starts_with("/static/");
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
        (HeaderName::from_static("cross-origin-resource-policy"), "same-origin"),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=()",
        ),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if !cacheable {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// The host part of a `Host` header value (`localhost:8080` → `localhost`, `[::1]:80` → `[::1]`).
fn host_of(value: &str) -> String {
    let value = value.trim();
    if let Some(end) = value.strip_prefix('[').and_then(|v| v.find(']')) {
        return value[..end + 2].to_string();
    }
    value.split(':').next().unwrap_or("").to_string()
}

fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host == "localhost" || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Logs each request's method, route template and status, and how long it took.
///
/// Only the template (`/api/v1/cases/{id}`) is logged, never the path as sent, the query
/// string, headers or body: any of those may carry personal data.
pub(crate) async fn access_log(req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(no route)".to_string(), |p| p.as_str().to_string());
    let started = Instant::now();
    let response = next.run(req).await;
    let status = response.status().as_u16();
    let millis = started.elapsed().as_millis();
    if response.status().is_server_error() {
        tracing::error!(%method, route, status, millis, "request failed");
    } else if response.status().is_client_error() {
        tracing::info!(%method, route, status, millis, "request refused");
    } else {
        tracing::info!(%method, route, status, millis, "request");
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_names_and_addresses_pass_and_others_do_not() {
        for ok in [
            "localhost",
            "localhost:8080",
            "127.0.0.1:7070",
            "127.1.2.3",
            "[::1]:8080",
            "LOCALHOST.",
        ] {
            assert!(is_loopback_host(&host_of(ok)), "{ok} refused");
        }
        for bad in [
            "evil.example",
            "evil.example:8080",
            "192.0.2.1",
            "[2001:db8::1]:80",
            "localhost.evil.example",
            "",
        ] {
            assert!(!is_loopback_host(&host_of(bad)), "{bad} accepted");
        }
    }
}
