//! The HTTP API and web pages of a Concord node: JSON under `/api/v1`, HTML elsewhere,
//! served by the same binary as the command line (`concord serve`).
//!
//! It turns requests into calls on the node's [`Store`] and their
//! results into JSON; the rules themselves live in `concord-core` (what a valid case is)
//! and `concord-node` (how it is stored). Endpoints:
//!
//! | method and path | answer |
//! |---|---|
//! | `GET /api/v1/health` | `{"status":"ok","node":{name,country,kind},"version"}` |
//! | `GET /api/v1/cases?page&per_page&status&exploitation&citizenship&route_country&registered_from&registered_to` | a page of case summaries |
//! | `POST /api/v1/cases` | 201, `Location: /api/v1/cases/{id}` |
//! | `GET /api/v1/cases/{id}` | the case with its persons |
//! | `PUT /api/v1/cases/{id}` | replaces the case |
//! | `POST /api/v1/cases/{id}/persons` | 201, `Location: /api/v1/persons/{id}` |
//! | `GET /api/v1/persons?page&per_page&role&citizenship` | a page of person summaries |
//! | `GET /api/v1/persons/{id}` | `{"case_id", "person"}` |
//! | `PUT /api/v1/persons/{id}` | replaces the person within their case |
//! | `GET /api/v1/stats` | the node's counts |
//! | `GET /api/v1/tokens`, `POST /api/v1/tokens`, `DELETE /api/v1/tokens/{id}` | the caller's API tokens |
//! | `GET /api/v1/audit?event&actor&peer&before&limit` | the audit trail (administrators) |
//! | `GET /api/v1/requests`, `POST /api/v1/requests`, `POST /api/v1/requests/{id}/steps` | requests for mutual assistance |
//! | `POST /api/v1/exchange/bundles` | a partner's signed bundle in; our signed return bundle (receipts) out |
//! | `GET /api/v1/exchange/outbox?to&limit` | delivery status per partner and per message |
//!
//! Every error is JSON `{"error": code, "message": text, ...}` (see [`ApiError`]): 400
//! for a bad parameter or malformed JSON (naming the parameter or JSON path), 404, 409
//! for an ID already taken, 413 for a body over 1 MiB, 415 for a body not sent as JSON,
//! 422 for a record that breaks the rules (every problem, each naming its field), and
//! 500 only when the store itself fails.
//!
//! Every endpoint but health and the exchange needs a caller: a browser session or an
//! API token (`Authorization: Bearer …`), see [`Caller`]; each checks the caller's role.
//! The node answers only requests addressed to loopback or to the host names it was
//! given ([`check_listen_address`]). Nothing personal is logged: the access log holds
//! the method, the route template and the status.
//!
//! The same router serves the web pages ([`web`]): HTML rendered on the server, in
//! English or Arabic, with the same role checks.

mod alerts;
mod audit;
mod auth;
mod body;
mod cases;
pub mod charts;
mod delivery;
mod error;
mod exchange;
mod guards;
mod hits;
mod linkage;
mod listen;
mod node;
mod params;
mod persons;
mod requests;
mod routes;
mod state;
mod tokens;
mod web;

use axum::extract::DefaultBodyLimit;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::Router;
use concord_node::Store;

pub use auth::{Caller, Via, CSRF_FIELD, CSRF_HEADER, SESSION_COOKIE, SIGN_INS_PER_MINUTE};
pub use delivery::{deliver_due, deliver_pending, delivery_client, DeliveryOptions, DeliveryReport};
pub use error::{ApiError, MAX_BODY_BYTES};
pub use exchange::{Outbox, BUNDLE_MEDIA_TYPE, MAX_BUNDLE_BYTES};
pub use guards::CONTENT_SECURITY_POLICY;
pub use listen::{check_listen_address, serve, ServeError, ServeOptions};
pub use node::Health;
pub use params::DEFAULT_PER_PAGE;
pub use persons::PersonInCase;
pub use requests::{RequestState, RequestToSend, StepToTake};
pub use routes::{route_table, Access, RouteSpec};
pub use state::AppState;
pub use tokens::{MadeToken, NewToken};
pub use web::i18n;

/// The API and pages for `store`, validating dates against the local calendar.
pub fn router(store: Store) -> Router {
    router_with_state(AppState::new(store))
}

/// The API and pages over prepared state (e.g. with a fixed "today").
///
/// Without a session or token, only these answer: `GET /api/v1/health`, `POST
/// /api/v1/exchange/bundles` (a partner's signed bundle authenticates itself), the
/// sign-in page, the language switch and the stylesheet. Everything else answers 401,
/// and 403 to a role without the permission it needs.
pub fn router_with_state(state: AppState) -> Router {
    routes::router()
        .fallback(no_route)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(from_fn_with_state(state.clone(), auth::authenticate))
        .layer(from_fn_with_state(state.clone(), web::errors::as_pages))
        .layer(from_fn_with_state(state.clone(), guards::known_hosts_only))
        .layer(from_fn(guards::security_headers))
        .layer(from_fn(guards::access_log))
        .with_state(state)
}

async fn no_route() -> ApiError {
    ApiError::NotFound("no such address on this node (the API lives under /api/v1)".into())
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
