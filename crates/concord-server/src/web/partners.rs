//! The partners page: each partner's card, what the agreement lets travel each way, and
//! how the messages sent to it stand.

use std::collections::BTreeSet;

use axum::extract::State;
use axum::response::Response;
use concord_core::Permission;
use concord_exchange::Category;
use concord_node::exchange::Agreement;
use maud::html;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;
use crate::web::ui::{html as page, Ui};

/// `GET /partners`.
pub(crate) async fn list(State(state): State<AppState>, ui: Ui, caller: Caller) -> Result<Response, ApiError> {
    caller.require(Permission::ReadPartners)?;
    let (peers, counts) = state.with_store(|s| Ok((s.peers()?, s.outbox_counts()?))).await?;
    let describe = |set: &BTreeSet<Category>| {
        if set.is_empty() {
            ui.t("nothing")
        } else {
            Agreement::describe(set)
        }
    };
    let body = html! {
        @if peers.is_empty() {
            p { (ui.t("partners-none")) }
        } @else {
            div.table { table {
                thead { tr {
                    th scope="col" { (ui.t("app-name")) }
                    th scope="col" { (ui.t("partner-node-id")) }
                    th scope="col" { (ui.t("partner-country")) }
                    th scope="col" { (ui.t("partner-sends")) }
                    th scope="col" { (ui.t("partner-receives")) }
                    th scope="col" { (ui.t("partner-pending")) }
                    th scope="col" { (ui.t("partner-delivered")) }
                    th scope="col" { (ui.t("partner-rejected")) }
                } }
                tbody { @for peer in &peers {
                    @let count = counts.iter().find(|c| c.recipient == peer.card.node_id);
                    tr {
                        td { (peer.card.name) }
                        td.mono { (peer.card.node_id) }
                        td { (peer.card.country.name()) }
                        td { (describe(&peer.agreement.send)) }
                        td { (describe(&peer.agreement.receive)) }
                        td.number { (count.map_or(0, |c| c.pending)) }
                        td.number { (count.map_or(0, |c| c.delivered)) }
                        td.number { (count.map_or(0, |c| c.rejected)) }
                    }
                } }
            } }
        }
    };
    Ok(page(ui.page(&ui.t("partners-title"), body)))
}
