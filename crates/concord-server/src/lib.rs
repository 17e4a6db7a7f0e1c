//! The HTTP API of a Concord node: JSON under `/api/v1`, served by the same binary as
//! the command line (`concord serve`).
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
//! | `POST /api/v1/exchange/bundles` | a partner's signed bundle in; our signed return bundle (receipts) out |
//! | `GET /api/v1/exchange/outbox?to&limit` | delivery status per partner and per message |
//!
//! Every error is JSON `{"error": code, "message": text, ...}` (see [`ApiError`]): 400
//! for a bad parameter or malformed JSON (naming the parameter or JSON path), 404, 409
//! for an ID already taken, 413 for a body over 1 MiB, 415 for a body not sent as JSON,
//! 422 for a record that breaks the rules (every problem, each naming its field), and
//! 500 only when the store itself fails.
//!
//! Until sign-in exists the API listens on loopback only ([`check_listen_address`]) and
//! answers only requests addressed to a loopback host name. Nothing personal is logged:
//! the access log holds the method, the route template and the status.

mod body;
mod cases;
mod delivery;
mod error;
mod exchange;
mod guards;
mod listen;
mod node;
mod params;
mod persons;
mod state;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use concord_node::Store;

pub use delivery::{deliver_due, deliver_pending, delivery_client, DeliveryOptions, DeliveryReport};
pub use error::{ApiError, MAX_BODY_BYTES};
pub use exchange::{Outbox, BUNDLE_MEDIA_TYPE, MAX_BUNDLE_BYTES};
pub use listen::{check_listen_address, serve, ServeError};
pub use node::Health;
pub use params::DEFAULT_PER_PAGE;
pub use persons::PersonInCase;
pub use state::AppState;

/// The API for `store`, validating dates against the local calendar.
pub fn router(store: Store) -> Router {
    router_with_state(AppState::new(store))
}

/// The API over prepared state (e.g. with a fixed "today").
pub fn router_with_state(state: AppState) -> Router {
    let api = Router::new()
        .route("/health", get(node::health))
        .route("/stats", get(node::stats))
        .route("/cases", get(cases::list).post(cases::create))
        .route("/cases/{id}", get(cases::get).put(cases::replace))
        .route("/cases/{id}/persons", post(persons::add))
        .route("/persons", get(persons::list))
        .route("/persons/{id}", get(persons::get).put(persons::replace))
        .route(
            "/exchange/bundles",
            post(exchange::receive).layer(DefaultBodyLimit::max(MAX_BUNDLE_BYTES)),
        )
        .route("/exchange/outbox", get(exchange::outbox));
    Router::new()
        .nest("/api/v1", api)
        .fallback(no_route)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(guards::loopback_host_only))
        .layer(axum::middleware::from_fn(guards::access_log))
        .with_state(state)
}

async fn no_route() -> ApiError {
    ApiError::NotFound("no such address in this node's API; the API lives under /api/v1".into())
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
