//! `GET /api/v1/audit`: the audit trail, newest first, for administrators.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use concord_core::Permission;
use concord_node::audit::{AuditEntry, AuditFilter};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::params::{query_pairs, Params};
use crate::state::AppState;

/// Query parameters of `GET /api/v1/audit`.
pub const PARAMETERS: &[&str] = &["event", "actor", "peer", "before", "limit"];

/// `GET /api/v1/audit?event&actor&peer&before&limit`.
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    caller.require(Permission::ReadAudit)?;
    let params = Params::new(query_pairs(query)?, PARAMETERS)?;
    let (filter, limit) = audit_filter(&params)?;
    Ok(Json(
        state.with_store(move |s| Ok(s.audit_trail(&filter, limit)?)).await?,
    ))
}

/// The filter and page size the parameters describe.
pub(crate) fn audit_filter(params: &Params) -> Result<(AuditFilter, usize), ApiError> {
    let filter = AuditFilter {
        event: params.text("event"),
        actor: params.text("actor"),
        peer: params.text("peer"),
        before: params.parsed::<i64>("before")?,
    };
    let limit = params.number_in("limit", 1, 1000)?.unwrap_or(100) as usize;
    Ok((filter, limit))
}
