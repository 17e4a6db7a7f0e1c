//! Who is calling, and what they may do.
//!
//! A caller is a browser with a session cookie, or a script with an API token in
//! `Authorization: Bearer …`. [`authenticate`] resolves either into a [`Caller`] once per
//! request, before any handler runs, and refuses a state-changing request of a browser
//! session that does not carry the session's CSRF token (in the form field `_csrf` or
//! the header `X-CSRF-Token`) or that another site sent. A script's token is never sent
//! by a browser on its own, so token calls need no CSRF token.
//!
//! Handlers then take a [`Caller`] (which answers 401 when there is none) and call
//! [`Caller::require`] with the [`Permission`] they need (403 when the role lacks it).
//! The routes that take no caller at all are few and listed in `lib.rs`.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::body::{to_bytes, Body};
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use concord_core::{Permission, Picklist};
use concord_node::users::User;
use subtle::ConstantTimeEq;

use crate::error::{ApiError, MAX_BODY_BYTES};
use crate::state::AppState;

/// The session cookie. `__Host-` makes browsers insist that it is `Secure`, set for the
/// whole site and by this host only.
pub const SESSION_COOKIE: &str = "__Host-concord-session";
/// The header that carries a session's CSRF token in script calls.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// The form field that carries a session's CSRF token.
pub const CSRF_FIELD: &str = "_csrf";

/// A signed-in caller.
#[derive(Debug, Clone)]
pub struct Caller {
    /// Who they are.
    pub user: User,
    /// How they proved it.
    pub via: Via,
}

/// How a caller proved who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    /// A browser session, whose state-changing requests carry this token.
    Session {
        /// The session's CSRF token.
        csrf_token: String,
    },
    /// An API token.
    Token,
}

impl Caller {
    /// Refuses with 403 unless the caller's role holds `permission`.
    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        if self.user.role.may(permission) {
            Ok(())
        } else {
            Err(ApiError::Forbidden {
                role: self.user.role.as_str(),
                needed: needed(permission),
            })
        }
    }

    /// Refuses with 403 a caller that came with an API token rather than a browser
    /// session. Making API tokens needs a session, so that a leaked token cannot mint
    /// others that outlive its revocation.
    pub fn require_session(&self) -> Result<(), ApiError> {
        match self.via {
            Via::Session { .. } => Ok(()),
            Via::Token => Err(ApiError::SessionNeeded),
        }
    }

    /// The CSRF token to put in this caller's forms (none for API tokens).
    pub fn csrf_token(&self) -> &str {
        match &self.via {
            Via::Session { csrf_token } => csrf_token,
            Via::Token => "",
        }
    }
}

fn needed(permission: Permission) -> &'static str {
    match permission {
        Permission::ReadCases => "read cases",
        Permission::WriteCases => "create and edit cases",
        Permission::ReadStatistics => "read statistics",
        Permission::ReadPartners => "read partners and deliveries",
        Permission::ManagePartners => "manage partners and agreements",
        Permission::SendMessages => "send messages to partners",
        Permission::ManageUsers => "manage users",
        Permission::ReadAudit => "read the audit trail",
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        parts
            .extensions
            .get::<Caller>()
            .cloned()
            .ok_or(ApiError::Unauthenticated)
    }
}

/// The credentials a request carries.
enum Credentials {
    Token(String),
    Session(String),
}

fn credentials(headers: &HeaderMap) -> Option<Credentials> {
    if let Some(value) = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) {
        let token = value.strip_prefix("Bearer ").unwrap_or("").trim();
        return Some(Credentials::Token(token.to_string()));
    }
    session_secret(headers).map(Credentials::Session)
}

/// The session secret in the request's cookies, if any.
pub(crate) fn session_secret(headers: &HeaderMap) -> Option<String> {
    cookie(headers, SESSION_COOKIE)
}

/// The value of cookie `name`.
pub(crate) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.to_string())
}

/// Resolves the caller of every request, and guards browser sessions against CSRF.
pub(crate) async fn authenticate(State(state): State<AppState>, req: Request, next: Next) -> Response {
    match resolve(&state, req).await {
        Ok(req) => next.run(req).await,
        Err(error) => error.into_response(),
    }
}

async fn resolve(state: &AppState, mut req: Request) -> Result<Request, ApiError> {
    let caller = match credentials(req.headers()) {
        None => None,
        Some(Credentials::Token(secret)) => {
            let user = state.with_store(move |s| Ok(s.token_user(&secret)?)).await?;
            Some(Caller {
                user: user.ok_or(ApiError::BadToken)?,
                via: Via::Token,
            })
        }
        Some(Credentials::Session(secret)) => {
            state
                .with_store(move |s| Ok(s.session(&secret)?))
                .await?
                .map(|session| Caller {
                    user: session.user,
                    via: Via::Session {
                        csrf_token: session.csrf_token,
                    },
                })
        }
    };
    if !is_safe(req.method()) {
        req = match &caller {
            Some(Caller {
                via: Via::Session { csrf_token },
                ..
            }) => check_csrf(req, csrf_token).await?,
            _ => req,
        };
        if from_another_site(req.headers()) {
            return Err(ApiError::CsrfRejected);
        }
    }
    if let Some(caller) = caller {
        req.extensions_mut().insert(caller);
    }
    Ok(req)
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether the browser says the request came from another site. Browsers send
/// `Sec-Fetch-Site` on every request (and `Origin` on every POST); a script sends
/// neither, and then nothing is concluded from their absence.
fn from_another_site(headers: &HeaderMap) -> bool {
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if let Some(site) = fetch_site {
        return !matches!(site, "same-origin" | "none");
    }
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match (origin, host) {
        (Some(origin), Some(host)) => origin.split_once("://").map(|(_, h)| h) != Some(host),
        _ => false,
    }
}

/// Passes the request on if it carries `expected` in the CSRF header or, for a form, in
/// the `_csrf` field (the body is read and put back).
async fn check_csrf(req: Request, expected: &str) -> Result<Request, ApiError> {
    let matches = |given: &str| bool::from(given.as_bytes().ct_eq(expected.as_bytes()));
    if let Some(given) = req.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok()) {
        return if matches(given) {
            Ok(req)
        } else {
            Err(ApiError::CsrfRejected)
        };
    }
    if !is_form(req.headers()) {
        return Err(ApiError::CsrfRejected);
    }
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| ApiError::PayloadTooLarge)?;
    let given = form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == CSRF_FIELD)
        .map(|(_, v)| v);
    match given {
        Some(given) if matches(&given) => Ok(Request::from_parts(parts, Body::from(bytes))),
        _ => Err(ApiError::CsrfRejected),
    }
}

pub(crate) fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

/// Sign-in attempts allowed per client address per minute, whatever the usernames:
/// the per-account lock-out stops guessing one password, this stops trying many accounts.
pub const SIGN_INS_PER_MINUTE: u32 = 10;

/// Counts sign-in attempts per client address in fixed one-minute windows.
#[derive(Debug, Clone, Default)]
pub struct SignInThrottle {
    windows: Arc<Mutex<HashMap<IpAddr, (Instant, u32)>>>,
}

impl SignInThrottle {
    /// Counts an attempt from `addr`; refuses when the address is over its allowance.
    pub(crate) fn attempt(&self, addr: Option<IpAddr>) -> Result<(), ApiError> {
        let addr = addr.unwrap_or(IpAddr::from([0, 0, 0, 0]));
        let now = Instant::now();
        let mut windows = self.windows.lock().unwrap_or_else(PoisonError::into_inner);
        windows.retain(|_, (start, _)| now.duration_since(*start) < Duration::from_secs(60));
        let (_, count) = windows.entry(addr).or_insert((now, 0));
        *count += 1;
        if *count > SIGN_INS_PER_MINUTE {
            Err(ApiError::TooManyAttempts)
        } else {
            Ok(())
        }
    }
}

/// The client's address, when the server recorded it.
pub(crate) fn client_addr(parts: &axum::http::Extensions) -> Option<IpAddr> {
    parts.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip())
}
