//! The hits page: where the node stands in the network's linkage, and the hits — this
//! node's persons that a partner likely holds too — with, for liaison officers, the
//! review (confirm for follow-up, reject as a different person) and a request for
//! assistance about a confirmed hit.

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use concord_core::Permission;
use concord_node::exchange::{FoundBy, Hit, HitStatus, LinkageStatus};
use maud::{html, Markup};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;
use crate::web::form::Form;
use crate::web::ui::{html as page, Ui};

/// `GET /hits`.
pub(crate) async fn list(State(state): State<AppState>, ui: Ui, caller: Caller) -> Result<Response, ApiError> {
    caller.require(Permission::ReadPartners)?;
    Ok(page(hits_page(&state, &ui, None).await?))
}

/// `POST /hits/{id}/review`: confirms or rejects the hit, as the form says.
pub(crate) async fn review(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    path: Result<Path<i64>, PathRejection>,
    body: Bytes,
) -> Result<Response, ApiError> {
    caller.require(Permission::SendMessages)?;
    let Path(id) = path.map_err(|_| ApiError::NotFound("no such hit".into()))?;
    let status = match Form::parse(&body).get("status") {
        "confirmed" => HitStatus::Confirmed,
        _ => HitStatus::Rejected,
    };
    let reviewer = caller.user.username.to_string();
    let reviewed = state
        .with_store(move |s| Ok(s.review_hit(id, status, &reviewer).map_err(|e| e.to_string())))
        .await?;
    match reviewed {
        Ok(_) => Ok((StatusCode::SEE_OTHER, [(header::LOCATION, "/hits")]).into_response()),
        Err(problem) => {
            let markup = hits_page(&state, &ui, Some(problem)).await?;
            Ok((StatusCode::CONFLICT, page(markup)).into_response())
        }
    }
}

async fn hits_page(state: &AppState, ui: &Ui, problem: Option<String>) -> Result<Markup, ApiError> {
    let (status, hits) = state
        .with_store(|s| Ok((s.linkage_status()?, s.hits(None, 500)?)))
        .await?;
    let acts = ui.may(Permission::SendMessages);
    let body = html! {
        @if let Some(problem) = &problem {
            p.notice.error role="alert" { (problem) }
        }
        (network(ui, &status))
        @if hits.is_empty() {
            p { (ui.t("hits-none")) }
        } @else {
            div.table { table {
                thead { tr {
                    th scope="col" { (ui.t("hits-number")) }
                    th scope="col" { (ui.t("hits-person")) }
                    th scope="col" { (ui.t("partner-node-id")) }
                    th scope="col" { (ui.t("hits-score")) }
                    th scope="col" { (ui.t("hits-found-by")) }
                    th scope="col" { (ui.t("field-status")) }
                    @if acts { th scope="col" { } }
                } }
                tbody { @for hit in &hits { (row(ui, hit, acts)) } }
            } }
        }
    };
    Ok(ui.page(&ui.t("hits-title"), body))
}

fn network(ui: &Ui, status: &LinkageStatus) -> Markup {
    let none = ui.t("hits-no-key");
    html! {
        dl.record {
            dt { (ui.t("hits-epoch")) } dd { (status.epoch.map_or(none.clone(), |e| e.to_string())) }
            dt { (ui.t("hits-key-check")) } dd.mono { (status.key_check.clone().unwrap_or(none)) }
            dt { (ui.t("hits-encodings")) }
            dd { (status.own_encodings) " / " (status.partner_encodings) }
        }
        p.hint { (ui.t("hits-explained")) }
    }
}

fn row(ui: &Ui, hit: &Hit, acts: bool) -> Markup {
    let found_by = match hit.found_by {
        FoundBy::ThisNode => "hits-found-here",
        FoundBy::Partner => "hits-found-there",
    };
    html! {
        tr {
            td { (hit.id) }
            td.mono { a href={ "/persons/" (hit.person_id) } { (hit.person_id) } }
            td.mono { (hit.peer) }
            td { (format!("{:.2}", hit.score)) }
            td { (ui.t(found_by)) }
            td { (ui.t(&format!("hits-status-{}", hit.status.as_str())))
                @if let Some(by) = &hit.reviewed_by { br; small { (by) } } }
            @if acts {
                td {
                    @for (status, label) in [("confirmed", "hits-confirm"), ("rejected", "hits-reject")] {
                        @if hit.status.as_str() != status {
                            form.inline method="post" action={ "/hits/" (hit.id) "/review" } {
                                (ui.csrf_field())
                                input type="hidden" name="status" value=(status);
                                button type="submit" { (ui.t(label)) }
                            }
                        }
                    }
                    @if hit.status == HitStatus::Confirmed {
                        a href={ "/requests?hit=" (hit.id) } { (ui.t("hits-ask")) }
                    }
                }
            }
        }
    }
}
