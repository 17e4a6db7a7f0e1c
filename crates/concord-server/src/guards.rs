//! Middleware around every request: the loopback host check and the access log.

use std::net::IpAddr;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// Refuses requests addressed to any host but this computer's loopback.
///
/// The API has no sign-in yet and listens on loopback only, but a web page open in the
/// user's browser can still reach it by pointing a DNS name of its own at 127.0.0.1
/// ("DNS rebinding") and would then read the answers as same-origin. Such requests carry
/// that foreign name in `Host`, so they are refused here. A request without a host (not
/// something a browser sends) passes.
pub(crate) async fn loopback_host_only(req: Request, next: Next) -> Response {
    let host = req.uri().host().map(str::to_owned).or_else(|| {
        req.headers()
            .get(header::HOST)
            .map(|h| host_of(h.to_str().unwrap_or("?")))
    });
    match host {
        Some(host) if !is_loopback_host(&host) => ApiError::ForbiddenHost.into_response(),
        _ => next.run(req).await,
    }
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
