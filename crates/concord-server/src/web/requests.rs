//! The requests page: requests for mutual assistance both ways, where each stands, and —
//! for liaison officers — a form to send one and the steps this side may take.

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use concord_core::assistance::{LegalBasis, Party, RequestType, Step, Urgency};
use concord_core::{Permission, Picklist};
use concord_node::exchange::{AssistanceRecord, Direction, NewAnswer, NewRequest, Peer};
use maud::{html, Markup};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::params::{query_pairs, Params};
use crate::state::AppState;
use crate::web::form::Form;
use crate::web::ui::{html as page, Ui};

/// `GET /requests`, or with `?hit=N` or `?case=ID` to fill the form for a request about
/// a hit or one of our cases.
pub(crate) async fn list(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    caller.require(Permission::ReadPartners)?;
    let params = Params::new(query_pairs(query)?, &["hit", "case"])?;
    let mut form = Form::default();
    if let Some(case) = params.text("case") {
        form.set("about_case", &case);
    }
    if let Some(id) = params.parsed::<i64>("hit")? {
        let hit = state.with_store(move |s| Ok(s.hit(id)?)).await?;
        let hit = hit.ok_or_else(|| ApiError::NotFound(format!("no hit {id}")))?;
        form.set("to", &hit.peer.to_string());
        form.set("about_hit", &id.to_string());
    }
    Ok(page(requests_page(&state, &ui, &form, None).await?))
}

/// `POST /requests`: sends a request from the form.
pub(crate) async fn create(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    body: Bytes,
) -> Result<Response, ApiError> {
    caller.require(Permission::SendMessages)?;
    let form = Form::parse(&body);
    let sent = match read_request(&form) {
        Ok((to, new)) => state
            .with_store(move |s| Ok(s.send_request(&to, &new).map_err(|e| e.to_string())))
            .await?
            .map(|_| ()),
        Err(problem) => Err(problem),
    };
    match sent {
        Ok(()) => Ok(see_requests()),
        Err(problem) => {
            let markup = requests_page(&state, &ui, &form, Some(problem)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page(markup)).into_response())
        }
    }
}

/// `POST /requests/{id}/steps`: takes the step named in the form.
pub(crate) async fn step(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    path: Result<Path<uuid::Uuid>, PathRejection>,
    body: Bytes,
) -> Result<Response, ApiError> {
    caller.require(Permission::SendMessages)?;
    let Path(id) = path.map_err(|_| ApiError::NotFound("no such request".into()))?;
    let form = Form::parse(&body);
    if form.get("step") == "answer" {
        let answer = NewAnswer {
            text: form.get("answer").to_string(),
            disclose: form.text("disclose").and_then(|p| p.parse().ok()),
            approved_by: caller.user.username.to_string(),
        };
        let answered = state
            .with_store(move |s| Ok(s.answer_request(&id, &answer).map_err(|e| e.to_string())))
            .await?;
        return stepped(&state, &ui, answered.map(|_| ())).await;
    }
    let step = match form.get("step") {
        "acknowledge" => Step::Acknowledge,
        "start" => Step::Start,
        "answer" => Step::Answer,
        "decline" => Step::Decline {
            reason: form.get("reason").to_string(),
        },
        _ => Step::Withdraw,
    };
    let taken = state
        .with_store(move |s| Ok(s.request_step(&id, &step).map_err(|e| e.to_string())))
        .await?;
    stepped(&state, &ui, taken.map(|_| ())).await
}

/// Back to the list after a step, or the page with the reason it was refused.
async fn stepped(state: &AppState, ui: &Ui, taken: Result<(), String>) -> Result<Response, ApiError> {
    match taken {
        Ok(()) => Ok(see_requests()),
        Err(problem) => {
            let markup = requests_page(state, ui, &Form::default(), Some(problem)).await?;
            Ok((StatusCode::CONFLICT, page(markup)).into_response())
        }
    }
}

fn see_requests() -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, "/requests")]).into_response()
}

fn read_request(form: &Form) -> Result<(concord_exchange::NodeId, NewRequest), String> {
    let picked = |name: &str| form.get(name).to_string();
    let to = picked("to").parse().map_err(|e| format!("partner: {e}"))?;
    let deadline = form
        .text("deadline")
        .map(str::parse)
        .transpose()
        .map_err(|_| "deadline: expected a date such as 2026-12-15".to_string())?;
    let new = NewRequest {
        request_type: RequestType::parse(&picked("request_type")).map_err(|e| e.to_string())?,
        legal_basis: LegalBasis::parse(&picked("legal_basis")).map_err(|e| e.to_string())?,
        urgency: Urgency::parse(&picked("urgency")).map_err(|e| e.to_string())?,
        deadline,
        subject: picked("subject"),
        details: picked("details"),
        about_hit: form
            .text("about_hit")
            .map(str::parse)
            .transpose()
            .map_err(|_| "hit: expected a hit number".to_string())?,
        about_case: form
            .text("about_case")
            .map(str::parse)
            .transpose()
            .map_err(|e| format!("case: {e}"))?,
    };
    Ok((to, new))
}

async fn requests_page(state: &AppState, ui: &Ui, form: &Form, problem: Option<String>) -> Result<Markup, ApiError> {
    let (requests, peers) = state.with_store(|s| Ok((s.requests(200)?, s.peers()?))).await?;
    let acts = ui.may(Permission::SendMessages);
    let body = html! {
        @if let Some(problem) = &problem {
            p.notice.error role="alert" { (problem) }
        }
        @if requests.is_empty() {
            p { (ui.t("requests-none")) }
        } @else {
            div.table { table {
                thead { tr {
                    th scope="col" { (ui.t("requests-subject")) }
                    th scope="col" { (ui.t("requests-direction")) }
                    th scope="col" { (ui.t("partner-node-id")) }
                    th scope="col" { (ui.t("requests-type")) }
                    th scope="col" { (ui.t("requests-urgency")) }
                    th scope="col" { (ui.t("requests-deadline")) }
                    th scope="col" { (ui.t("field-status")) }
                    @if acts { th scope="col" { } }
                } }
                tbody { @for r in &requests { (row(ui, r, acts)) } }
            } }
        }
        @if acts && !peers.is_empty() {
            h2 { (ui.t("requests-new")) }
            (new_request_form(ui, form, &peers))
        }
    };
    Ok(ui.page(&ui.t("requests-title"), body))
}

fn row(ui: &Ui, r: &AssistanceRecord, acts: bool) -> Markup {
    let party = match r.direction {
        Direction::Outgoing => Party::Requester,
        Direction::Incoming => Party::Responder,
    };
    let steps: Vec<(&str, Step)> = [
        ("acknowledge", Step::Acknowledge),
        ("start", Step::Start),
        ("answer", Step::Answer),
        ("decline", Step::Decline { reason: "-".into() }),
        ("withdraw", Step::Withdraw),
    ]
    .into_iter()
    .filter(|(_, step)| r.status.after(party, step).is_ok())
    .collect();
    html! {
        tr {
            td {
                (r.subject)
                @if let Some(reason) = &r.reason { br; small { (reason) } }
                @if let Some(answer) = &r.answer { br; small { (ui.t("requests-answer")) ": " (answer) } }
                @if r.disclosed { br; small { (ui.t("requests-disclosed")) } }
            }
            td { (ui.t(match r.direction { Direction::Outgoing => "requests-outgoing", Direction::Incoming => "requests-incoming" })) }
            td.mono { (r.peer) }
            td { (ui.lang.pick(r.request_type)) }
            td { (ui.lang.pick(r.urgency)) }
            td { (r.deadline.map(|d| d.to_string()).unwrap_or_default()) }
            td { (ui.lang.pick(r.status)) }
            @if acts {
                td { @for (name, _) in &steps {
                    form.inline method="post" action={ "/requests/" (r.request_id) "/steps" } {
                        (ui.csrf_field())
                        input type="hidden" name="step" value=(name);
                        @if *name == "decline" {
                            input name="reason" required placeholder=(ui.t("requests-reason")) aria-label=(ui.t("requests-reason"));
                        }
                        @if *name == "answer" {
                            input name="answer" placeholder=(ui.t("requests-answer")) aria-label=(ui.t("requests-answer"));
                            @if let Some(person) = &r.about_person {
                                label {
                                    input type="checkbox" name="disclose" value=(person);
                                    " " (ui.lang.t_with("requests-disclose", &[("person", person.as_str().into())]))
                                }
                            }
                        }
                        button type="submit" { (ui.t(&format!("requests-step-{name}"))) }
                    }
                } }
            }
        }
    }
}

fn new_request_form(ui: &Ui, form: &Form, peers: &[Peer]) -> Markup {
    html! {
        form.case method="post" action="/requests" {
            (ui.csrf_field())
            @if let Some(hit) = form.text("about_hit") {
                input type="hidden" name="about_hit" value=(hit);
                p { (ui.t("requests-about-hit")) " " (hit) }
            }
            @if let Some(case) = form.text("about_case") {
                input type="hidden" name="about_case" value=(case);
                p { (ui.t("requests-about-case")) " " (case) }
            }
            div.field {
                label for="to" { (ui.t("requests-to")) }
                select #to name="to" {
                    @for p in peers {
                        option value=(p.card.node_id) selected[form.get("to") == p.card.node_id.to_string()] { (p.card.name) " (" (p.card.country) ")" }
                    }
                }
            }
            div.field {
                label for="request_type" { (ui.t("requests-type")) }
                (ui.picklist_select::<RequestType>("request_type", RequestType::parse(form.get("request_type")).ok(), false))
            }
            div.field {
                label for="legal_basis" { (ui.t("requests-basis")) }
                (ui.picklist_select::<LegalBasis>("legal_basis", LegalBasis::parse(form.get("legal_basis")).ok(), false))
            }
            div.field {
                label for="urgency" { (ui.t("requests-urgency")) }
                (ui.picklist_select::<Urgency>("urgency", Urgency::parse(form.get("urgency")).ok(), false))
            }
            div.field {
                label for="deadline" { (ui.t("requests-deadline")) }
                input #deadline name="deadline" type="date" value=(form.get("deadline"));
            }
            div.field {
                label for="subject" { (ui.t("requests-subject")) }
                input #subject name="subject" required maxlength="200" value=(form.get("subject"));
            }
            div.field {
                label for="details" { (ui.t("requests-details")) }
                textarea #details name="details" rows="5" { (form.get("details")) }
                small.hint { (ui.t("requests-no-identifying-data")) }
            }
            div.actions { button type="submit" { (ui.t("requests-send")) } }
        }
    }
}
