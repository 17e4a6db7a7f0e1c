//! The alerts page: alerts in force first, then the expired and cancelled, ours with who
//! acknowledged them and partners' with whether we did; for liaison officers, a form to
//! issue one, and buttons to acknowledge a partner's alert or cancel one of ours.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use concord_core::alert::{parse_expiry, AlertStatus, AlertType};
use concord_core::{Permission, Picklist};
use concord_exchange::{Category, NodeId};
use concord_node::exchange::{AlertRecord, Direction, ExchangeError, NewAlert};
use concord_node::Store;
use maud::{html, Markup};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;
use crate::web::form::Form;
use crate::web::ui::{html as page, Ui};

/// `GET /alerts`.
pub(crate) async fn list(State(state): State<AppState>, ui: Ui, caller: Caller) -> Result<Response, ApiError> {
    caller.require(Permission::ReadPartners)?;
    Ok(page(alerts_page(&state, &ui, &Form::default(), None).await?))
}

/// `POST /alerts`: issues an alert from the form.
pub(crate) async fn create(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    body: Bytes,
) -> Result<Response, ApiError> {
    caller.require(Permission::SendMessages)?;
    let form = Form::parse(&body);
    let issued = match read_alert(&form) {
        Ok(new) => state
            .with_store(move |s| Ok(s.issue_alert(&new).map_err(|e| e.to_string())))
            .await?
            .map(|_| ()),
        Err(problem) => Err(problem),
    };
    match issued {
        Ok(()) => Ok(see_alerts()),
        Err(problem) => {
            let markup = alerts_page(&state, &ui, &form, Some(problem)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page(markup)).into_response())
        }
    }
}

/// `POST /alerts/{id}/cancel`: cancels one of our alerts.
pub(crate) async fn cancel(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    path: Result<Path<uuid::Uuid>, PathRejection>,
) -> Result<Response, ApiError> {
    caller.require(Permission::SendMessages)?;
    let id = alert_id(path)?;
    act(&state, &ui, move |s| s.cancel_alert(&id).map(|_| ())).await
}

/// `POST /alerts/{id}/ack`: acknowledges a partner's alert.
pub(crate) async fn acknowledge(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    path: Result<Path<uuid::Uuid>, PathRejection>,
) -> Result<Response, ApiError> {
    caller.require(Permission::SendMessages)?;
    let id = alert_id(path)?;
    act(&state, &ui, move |s| s.acknowledge_alert(&id).map(|_| ())).await
}

fn alert_id(path: Result<Path<uuid::Uuid>, PathRejection>) -> Result<uuid::Uuid, ApiError> {
    path.map(|Path(id)| id)
        .map_err(|_| ApiError::NotFound("no such alert".into()))
}

/// Does `action` on the store; back to the list, or the list with why it was refused.
async fn act(
    state: &AppState,
    ui: &Ui,
    action: impl FnOnce(&mut Store) -> Result<(), ExchangeError> + Send + 'static,
) -> Result<Response, ApiError> {
    let done = state
        .with_store(move |s| match action(s) {
            Err(ExchangeError::UnknownAlert(id)) => Err(ApiError::NotFound(format!("no alert {id}"))),
            other => Ok(other.map_err(|e| e.to_string())),
        })
        .await?;
    match done {
        Ok(()) => Ok(see_alerts()),
        Err(problem) => {
            let markup = alerts_page(state, ui, &Form::default(), Some(problem)).await?;
            Ok((StatusCode::CONFLICT, page(markup)).into_response())
        }
    }
}

fn see_alerts() -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, "/alerts")]).into_response()
}

fn read_alert(form: &Form) -> Result<NewAlert, String> {
    Ok(NewAlert {
        alert_type: AlertType::parse(form.get("alert_type")).map_err(|e| e.to_string())?,
        subject: form.get("subject").to_string(),
        details: form.get("details").to_string(),
        expires_at: parse_expiry(form.get("expires_at")).map_err(|e| e.to_string())?,
        area: form.text("area").map(str::to_string),
    })
}

/// What the page needs from the store: the alerts, partners' names, and how many
/// partners an alert issued now would go to.
struct Listing {
    alerts: Vec<AlertRecord>,
    names: HashMap<NodeId, String>,
    eligible: usize,
}

async fn alerts_page(state: &AppState, ui: &Ui, form: &Form, problem: Option<String>) -> Result<Markup, ApiError> {
    let listing = state
        .with_store(|s| {
            let peers = s.peers()?;
            Ok(Listing {
                alerts: s.alerts(200)?,
                eligible: peers
                    .iter()
                    .filter(|p| p.agreement.send.contains(&Category::Alerts))
                    .count(),
                names: peers.into_iter().map(|p| (p.card.node_id, p.card.name)).collect(),
            })
        })
        .await?;
    let acts = ui.may(Permission::SendMessages);
    let (active, past): (Vec<&AlertRecord>, Vec<&AlertRecord>) =
        listing.alerts.iter().partition(|a| a.status == AlertStatus::Active);
    let body = html! {
        @if let Some(problem) = &problem {
            p.notice.error role="alert" { (problem) }
        }
        h2 { (ui.t("alerts-in-force")) }
        (table(ui, &active, &listing.names, acts))
        @if !past.is_empty() {
            h2 { (ui.t("alerts-past")) }
            (table(ui, &past, &listing.names, acts))
        }
        @if acts {
            h2 { (ui.t("alerts-new")) }
            (new_alert_form(ui, form, listing.eligible))
        }
    };
    Ok(ui.page(&ui.t("alerts-title"), body))
}

fn table(ui: &Ui, alerts: &[&AlertRecord], names: &HashMap<NodeId, String>, acts: bool) -> Markup {
    html! {
        @if alerts.is_empty() {
            p { (ui.t("alerts-none")) }
        } @else {
            div.table { table {
                thead { tr {
                    th scope="col" { (ui.t("alerts-subject")) }
                    th scope="col" { (ui.t("alerts-type")) }
                    th scope="col" { (ui.t("alerts-issuer")) }
                    th scope="col" { (ui.t("alerts-area")) }
                    th scope="col" { (ui.t("alerts-expires")) }
                    th scope="col" { (ui.t("field-status")) }
                    th scope="col" { (ui.t("alerts-acknowledgements")) }
                    @if acts { th scope="col" { } }
                } }
                tbody { @for a in alerts { (row(ui, a, names, acts)) } }
            } }
        }
    }
}

fn row(ui: &Ui, a: &AlertRecord, names: &HashMap<NodeId, String>, acts: bool) -> Markup {
    let name = |id: &NodeId| names.get(id).cloned().unwrap_or_else(|| id.to_string());
    html! {
        tr {
            td {
                details { summary { (a.subject) } p { (a.details) } }
            }
            td { (ui.lang.pick(a.alert_type)) }
            td { @match a.direction {
                Direction::Outgoing => (ui.t("alerts-ours")),
                Direction::Incoming => (name(&a.issuer)),
            } }
            td { (a.area.as_deref().unwrap_or("")) }
            td { (a.expires_at.format("%Y-%m-%d %H:%M UTC")) }
            td {
                (ui.lang.pick(a.status)) br;
                small { (ui.lang.t_with("alerts-revision", &[("revision", a.revision.into())])) }
            }
            td { (acknowledgements(ui, a, &name)) }
            @if acts { td { (actions(ui, a)) } }
        }
    }
}

/// Ours: how many partners acknowledged the latest revision, and each one's latest
/// acknowledgement. A partner's: whether we acknowledged its latest revision.
fn acknowledgements(ui: &Ui, a: &AlertRecord, name: &dyn Fn(&NodeId) -> String) -> Markup {
    let current = |revision: Option<u32>| revision == Some(a.revision);
    let acked = a.recipients.iter().filter(|r| current(r.acknowledged_revision)).count();
    html! {
        @match a.direction {
            Direction::Outgoing => {
                (ui.lang.t_with("alerts-acked-count", &[("acked", acked.into()), ("total", a.recipients.len().into())]))
                ul.plain { @for r in &a.recipients {
                    li { (name(&r.peer)) ": " @match r.acknowledged_revision {
                        Some(revision) => (ui.lang.t_with("alerts-acked-revision", &[("revision", revision.into())])),
                        None => (ui.t("alerts-not-acknowledged")),
                    } }
                } }
            }
            Direction::Incoming => {
                @if current(a.acknowledged_revision) {
                    (ui.t("alerts-we-acknowledged"))
                } @else if let Some(revision) = a.acknowledged_revision {
                    (ui.lang.t_with("alerts-acked-revision", &[("revision", revision.into())]))
                } @else {
                    (ui.t("alerts-not-acknowledged"))
                }
            }
        }
    }
}

/// The buttons for what this node may do with the alert now.
fn actions(ui: &Ui, a: &AlertRecord) -> Markup {
    let (path, label) = match a.direction {
        Direction::Outgoing if a.status != AlertStatus::Cancelled => ("cancel", "alerts-cancel"),
        Direction::Incoming if a.status == AlertStatus::Active && a.acknowledged_revision != Some(a.revision) => {
            ("ack", "alerts-acknowledge")
        }
        _ => return html! {},
    };
    html! {
        form.inline method="post" action={ "/alerts/" (a.alert_id) "/" (path) } {
            (ui.csrf_field())
            button type="submit" { (ui.t(label)) }
        }
    }
}

fn new_alert_form(ui: &Ui, form: &Form, eligible: usize) -> Markup {
    html! {
        form.case method="post" action="/alerts" {
            (ui.csrf_field())
            p.hint { (ui.lang.t_with("alerts-recipients", &[("count", eligible.into())])) }
            div.field {
                label for="alert_type" { (ui.t("alerts-type")) }
                (ui.picklist_select::<AlertType>("alert_type", AlertType::parse(form.get("alert_type")).ok(), false))
            }
            div.field {
                label for="subject" { (ui.t("alerts-subject")) }
                input #subject name="subject" required maxlength="200" value=(form.get("subject"));
            }
            div.field {
                label for="details" { (ui.t("alerts-details")) }
                textarea #details name="details" rows="5" { (form.get("details")) }
                small.hint { (ui.t("alerts-sealed")) }
            }
            div.field {
                label for="expires_at" { (ui.t("alerts-expires")) }
                input #expires_at name="expires_at" type="datetime-local" required value=(form.get("expires_at"));
                small.hint { (ui.t("alerts-expires-hint")) }
            }
            div.field {
                label for="area" { (ui.t("alerts-area")) }
                input #area name="area" maxlength="200" value=(form.get("area"));
            }
            div.actions { button type="submit" { (ui.t("alerts-issue")) } }
        }
    }
}
