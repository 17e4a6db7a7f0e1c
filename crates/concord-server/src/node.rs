//! `/api/v1/health` and `/api/v1/stats`: who this node is, and its counts.

use axum::extract::State;
use axum::Json;
use concord_core::Permission;
use concord_node::store::Stats;
use concord_node::NodeSettings;
use serde::Serialize;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// The body of `GET /api/v1/health`.
#[derive(Debug, Serialize)]
pub struct Health {
    /// Always `ok` when the node answers and its store can be read.
    pub status: &'static str,
    /// Who the node is: `name`, `country`, `kind`.
    pub node: NodeSettings,
    /// The Concord version serving.
    pub version: &'static str,
}

/// `GET /api/v1/health`.
pub(crate) async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let node = state.with_store(|s| Ok(s.settings()?)).await?;
    Ok(Json(Health {
        status: "ok",
        node,
        version: env!("CARGO_PKG_VERSION"),
    }))
}

/// `GET /api/v1/stats`.
pub(crate) async fn stats(State(state): State<AppState>, caller: Caller) -> Result<Json<Stats>, ApiError> {
    caller.require(Permission::ReadStatistics)?;
    Ok(Json(state.with_store(|s| Ok(s.stats()?)).await?))
}
