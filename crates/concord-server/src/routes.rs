//! Every route of the node in one table: its method, its path and who may call it.
//!
//! The router is built from this table, and the same table is public ([`route_table`]),
//! so that a test can walk every route with every role and check that the handlers
//! refuse exactly whom the table says — no route can be added without being walked.

use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::routing::{delete, get, post, put, MethodRouter};
use axum::Router;
use concord_core::Permission;

use crate::state::AppState;
use crate::{alerts, audit, cases, exchange, hits, node, persons, requests, tokens, web, MAX_BUNDLE_BYTES};

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone: the sign-in page, the stylesheet, health, and the exchange (whose bundles
    /// carry their sender's signature).
    Public,
    /// Any signed-in user (their own API tokens, the dashboard, signing out).
    SignedIn,
    /// Any user signed in through a browser session, not with an API token: making API
    /// tokens, so that a leaked token cannot mint others that outlive its revocation.
    InSession,
    /// A signed-in user whose role holds this permission.
    Needs(Permission),
}

/// One route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSpec {
    /// The method.
    pub method: Method,
    /// The path template (`/api/v1/cases/{id}`).
    pub path: &'static str,
    /// Who may call it.
    pub access: Access,
}

struct Table {
    router: Router<AppState>,
    specs: Vec<RouteSpec>,
}

impl Table {
    fn add(mut self, method: Method, path: &'static str, access: Access, handler: MethodRouter<AppState>) -> Self {
        self.router = self.router.route(path, handler);
        self.specs.push(RouteSpec { method, path, access });
        self
    }
}

fn table() -> Table {
    use Access::*;
    use Permission::*;
    let t = Table {
        router: Router::new(),
        specs: Vec::new(),
    };
    t.add(Method::GET, "/api/v1/health", Public, get(node::health))
        .add(Method::GET, "/api/v1/stats", Needs(ReadStatistics), get(node::stats))
        .add(Method::GET, "/api/v1/cases", Needs(ReadCases), get(cases::list))
        .add(Method::POST, "/api/v1/cases", Needs(WriteCases), post(cases::create))
        .add(Method::GET, "/api/v1/cases/{id}", Needs(ReadCases), get(cases::get))
        .add(
            Method::PUT,
            "/api/v1/cases/{id}",
            Needs(WriteCases),
            put(cases::replace),
        )
        .add(
            Method::POST,
            "/api/v1/cases/{id}/persons",
            Needs(WriteCases),
            post(persons::add),
        )
        .add(Method::GET, "/api/v1/persons", Needs(ReadCases), get(persons::list))
        .add(Method::GET, "/api/v1/persons/{id}", Needs(ReadCases), get(persons::get))
        .add(
            Method::PUT,
            "/api/v1/persons/{id}",
            Needs(WriteCases),
            put(persons::replace),
        )
        .add(Method::GET, "/api/v1/tokens", SignedIn, get(tokens::list))
        .add(Method::POST, "/api/v1/tokens", InSession, post(tokens::create))
        .add(Method::DELETE, "/api/v1/tokens/{id}", SignedIn, delete(tokens::revoke))
        .add(Method::GET, "/api/v1/audit", Needs(ReadAudit), get(audit::list))
        .add(
            Method::GET,
            "/api/v1/requests",
            Needs(ReadPartners),
            get(requests::list),
        )
        .add(
            Method::POST,
            "/api/v1/requests",
            Needs(SendMessages),
            post(requests::create),
        )
        .add(
            Method::POST,
            "/api/v1/requests/{id}/steps",
            Needs(SendMessages),
            post(requests::step),
        )
        .add(Method::GET, "/api/v1/alerts", Needs(ReadPartners), get(alerts::list))
        .add(
            Method::POST,
            "/api/v1/alerts",
            Needs(SendMessages),
            post(alerts::create),
        )
        .add(
            Method::POST,
            "/api/v1/alerts/{id}/update",
            Needs(SendMessages),
            post(alerts::update),
        )
        .add(
            Method::POST,
            "/api/v1/alerts/{id}/cancel",
            Needs(SendMessages),
            post(alerts::cancel),
        )
        .add(
            Method::POST,
            "/api/v1/alerts/{id}/ack",
            Needs(SendMessages),
            post(alerts::acknowledge),
        )
        .add(
            Method::GET,
            "/api/v1/requests/{id}/disclosure",
            Needs(ReadPartners),
            get(requests::disclosure),
        )
        .add(Method::GET, "/api/v1/network", Needs(ReadPartners), get(hits::status))
        .add(
            Method::POST,
            "/api/v1/network/coordinator",
            Needs(ManagePartners),
            post(hits::coordinator),
        )
        .add(
            Method::POST,
            "/api/v1/network/keys",
            Needs(ManagePartners),
            post(hits::create_key),
        )
        .add(Method::GET, "/api/v1/hits", Needs(ReadPartners), get(hits::list))
        .add(
            Method::POST,
            "/api/v1/hits/{id}/review",
            Needs(SendMessages),
            post(hits::review),
        )
        .add(
            Method::POST,
            "/api/v1/exchange/bundles",
            Public,
            post(exchange::receive).layer(DefaultBodyLimit::max(MAX_BUNDLE_BYTES)),
        )
        .add(
            Method::GET,
            "/api/v1/exchange/outbox",
            Needs(ReadPartners),
            get(exchange::outbox),
        )
        .add(Method::GET, "/", SignedIn, get(web::dashboard::show))
        .add(
            Method::GET,
            "/statistics",
            Needs(ReadStatistics),
            get(web::dashboard::statistics),
        )
        .add(Method::GET, "/sign-in", Public, get(web::session::show))
        .add(Method::POST, "/sign-in", Public, post(web::session::sign_in))
        .add(Method::POST, "/sign-out", Public, post(web::session::sign_out))
        .add(
            Method::GET,
            "/language/{code}",
            Public,
            get(web::session::choose_language),
        )
        .add(Method::GET, "/cases", Needs(ReadCases), get(web::cases::list))
        .add(Method::POST, "/cases", Needs(WriteCases), post(web::cases::create))
        .add(Method::GET, "/cases/new", Needs(WriteCases), get(web::cases::new))
        .add(Method::GET, "/cases/{id}", Needs(ReadCases), get(web::cases::show))
        .add(Method::POST, "/cases/{id}", Needs(WriteCases), post(web::cases::update))
        .add(
            Method::GET,
            "/cases/{id}/edit",
            Needs(WriteCases),
            get(web::cases::edit),
        )
        .add(Method::GET, "/persons", Needs(ReadCases), get(web::persons::list))
        .add(Method::GET, "/persons/{id}", Needs(ReadCases), get(web::persons::show))
        .add(Method::GET, "/partners", Needs(ReadPartners), get(web::partners::list))
        .add(Method::GET, "/hits", Needs(ReadPartners), get(web::hits::list))
        .add(
            Method::POST,
            "/hits/{id}/review",
            Needs(SendMessages),
            post(web::hits::review),
        )
        .add(Method::GET, "/requests", Needs(ReadPartners), get(web::requests::list))
        .add(
            Method::POST,
            "/requests",
            Needs(SendMessages),
            post(web::requests::create),
        )
        .add(
            Method::POST,
            "/requests/{id}/steps",
            Needs(SendMessages),
            post(web::requests::step),
        )
        .add(Method::GET, "/alerts", Needs(ReadPartners), get(web::alerts::list))
        .add(Method::POST, "/alerts", Needs(SendMessages), post(web::alerts::create))
        .add(
            Method::POST,
            "/alerts/{id}/cancel",
            Needs(SendMessages),
            post(web::alerts::cancel),
        )
        .add(
            Method::POST,
            "/alerts/{id}/ack",
            Needs(SendMessages),
            post(web::alerts::acknowledge),
        )
        .add(
            Method::GET,
            "/estimate",
            Needs(ReadStatistics),
            get(web::estimate::show),
        )
        .add(
            Method::POST,
            "/estimate",
            Needs(ReadStatistics),
            post(web::estimate::run),
        )
        .add(Method::GET, "/audit", Needs(ReadAudit), get(web::audit::list))
        .add(Method::GET, "/tokens", SignedIn, get(web::tokens::list))
        .add(Method::POST, "/tokens", InSession, post(web::tokens::create))
        .add(Method::POST, "/tokens/{id}/revoke", SignedIn, post(web::tokens::revoke))
        .add(Method::GET, "/static/concord.css", Public, get(web::stylesheet))
}

/// The routes, for the router.
pub(crate) fn router() -> Router<AppState> {
    table().router
}

/// Every route of the node with who may call it.
pub fn route_table() -> Vec<RouteSpec> {
    table().specs
}
