//! The audit trail page, for administrators: newest first, filtered by event and user,
//! paged back by entry number.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Response;
use concord_core::Permission;
use maud::html;

use crate::audit::{audit_filter, PARAMETERS};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::params::{query_pairs, Params};
use crate::state::AppState;
use crate::web::ui::{html as page, Ui};

/// `GET /audit?event&actor&peer&before&limit`.
pub(crate) async fn list(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    caller.require(Permission::ReadAudit)?;
    let params = Params::new(query_pairs(query)?, PARAMETERS)?;
    let (filter, limit) = audit_filter(&params)?;
    let shown = filter.clone();
    let entries = state.with_store(move |s| Ok(s.audit_trail(&filter, limit)?)).await?;
    let older = entries.last().filter(|_| entries.len() == limit).map(|e| {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (name, value) in [("event", &shown.event), ("actor", &shown.actor), ("peer", &shown.peer)] {
            if let Some(value) = value {
                query.append_pair(name, value);
            }
        }
        query.append_pair("before", &e.seq.to_string());
        format!("/audit?{}", query.finish())
    });
    let body = html! {
        form.filters method="get" action="/audit" {
            div.field {
                label for="event" { (ui.t("audit-event")) }
                input #event name="event" value=(shown.event.clone().unwrap_or_default());
            }
            div.field {
                label for="actor" { (ui.t("audit-actor")) }
                input #actor name="actor" value=(shown.actor.clone().unwrap_or_default());
            }
            div.actions { button type="submit" { (ui.t("cases-filter")) } }
        }
        @if entries.is_empty() {
            p { (ui.t("audit-none")) }
        } @else {
            div.table { table {
                thead { tr {
                    th scope="col" { "#" }
                    th scope="col" { (ui.t("audit-when")) }
                    th scope="col" { (ui.t("audit-event")) }
                    th scope="col" { (ui.t("audit-actor")) }
                    th scope="col" { (ui.t("audit-partner")) }
                    th scope="col" { (ui.t("audit-detail")) }
                } }
                tbody { @for e in &entries { tr {
                    td.number { (e.seq) }
                    td { (e.at) }
                    td.mono { (e.event) }
                    td { (e.actor.clone().unwrap_or_default()) }
                    td.mono { (e.peer.clone().unwrap_or_default()) }
                    td { (e.detail.clone().unwrap_or_default())
                        @if let (Some(kind), Some(size)) = (&e.kind, e.size) { " " (kind) " (" (size) " B)" } }
                } } }
            } }
            @if let Some(older) = older {
                p { a href=(older) { (ui.t("audit-older")) } }
            }
        }
    };
    Ok(page(ui.page(&ui.t("audit-title"), body)))
}
