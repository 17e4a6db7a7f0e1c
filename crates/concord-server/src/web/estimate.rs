//! The estimation page: paste a table of capture histories (one 0/1 column per list,
//! then the count — as `concord estimate` reads), and see how many victims no list holds,
//! with every model considered and why any was refused.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use concord_core::Permission;
use concord_estimate::report::{Considered, Outcome};
use concord_estimate::{BootstrapOptions, CaptureHistories, Criterion, Estimate, Options};
use maud::{html, Markup};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;
use crate::web::form::Form;
use crate::web::ui::{html as page, Ui};

/// Most bootstrap replicates a page may ask for: the work runs while the user waits.
const MAX_REPLICATES: usize = 2_000;

/// `GET /estimate`: the empty form.
pub(crate) async fn show(ui: Ui, caller: Caller) -> Result<Response, ApiError> {
    caller.require(Permission::ReadStatistics)?;
    Ok(page(estimate_page(&ui, &Form::default(), None)))
}

/// `POST /estimate`: estimates from the pasted table.
pub(crate) async fn run(ui: Ui, caller: Caller, State(_): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    caller.require(Permission::ReadStatistics)?;
    let form = Form::parse(&body);
    let outcome = match options(&form) {
        Ok(options) => {
            let table = form.get("histories").to_string();
            tokio::task::spawn_blocking(move || compute(&table, &options))
                .await
                .map_err(|_| ApiError::Internal)?
        }
        Err(message) => Err(message),
    };
    let status = if outcome.is_ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, page(estimate_page(&ui, &form, Some(outcome)))).into_response())
}

fn compute(table: &str, options: &Options) -> Result<Estimate, String> {
    let histories = CaptureHistories::from_csv(table).map_err(|e| e.to_string())?;
    concord_estimate::estimate(&histories, options).map_err(|e| e.to_string())
}

fn options(form: &Form) -> Result<Options, String> {
    let criterion = match form.get("criterion") {
        "bic" => Criterion::Bic,
        _ => Criterion::Aic,
    };
    let replicates = match form.text("bootstrap") {
        None => 0,
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| *n == 0 || (100..=MAX_REPLICATES).contains(n))
            .ok_or_else(|| format!("bootstrap replicates: expected 0, or 100 to {MAX_REPLICATES}; got `{text}`"))?,
    };
    Ok(Options {
        criterion,
        bootstrap: (replicates > 0).then_some(BootstrapOptions { replicates, seed: 1 }),
        ..Options::default()
    })
}

fn estimate_page(ui: &Ui, form: &Form, outcome: Option<Result<Estimate, String>>) -> Markup {
    let error = outcome.as_ref().and_then(|o| o.as_ref().err());
    let body = html! {
        p { (ui.t("estimate-intro")) }
        form.case method="post" action="/estimate" novalidate {
            (ui.csrf_field())
            div.field.invalid[error.is_some()] {
                label for="histories" { (ui.t("estimate-table")) }
                textarea #histories name="histories" rows="10" spellcheck="false"
                    aria-describedby=[error.map(|_| "histories-error")] {
                    (form.get("histories"))
                }
                small.hint { (ui.t("estimate-table-hint")) }
                @if let Some(error) = error {
                    p.field-error id="histories-error" { (error) }
                }
            }
            div.field {
                label for="criterion" { (ui.t("estimate-criterion")) }
                select #criterion name="criterion" {
                    option value="aic" selected[form.get("criterion") != "bic"] { "AIC" }
                    option value="bic" selected[form.get("criterion") == "bic"] { "BIC" }
                }
            }
            div.field {
                label for="bootstrap" { (ui.t("estimate-bootstrap")) }
                input #bootstrap name="bootstrap" type="number" min="0" max=(MAX_REPLICATES) value=(form.get("bootstrap"));
            }
            div.actions { button type="submit" { (ui.t("estimate-run")) } }
        }
        @if let Some(Ok(estimate)) = &outcome {
            (result(ui, estimate))
        }
    };
    ui.page(&ui.t("estimate-title"), body)
}

fn result(ui: &Ui, estimate: &Estimate) -> Markup {
    let chosen = estimate.chosen();
    html! {
        h2 { (ui.t("estimate-result")) }
        ul.counts {
            li { strong { (whole(chosen.total)) } " " (ui.t("estimate-total")) }
            li { strong { (interval(chosen.interval.lower, chosen.interval.upper)) } " " (ui.t("estimate-interval")) }
            li { strong { (estimate.observed) } " " (ui.t("estimate-observed")) }
            li { strong { (whole(chosen.unseen)) } " " (ui.t("estimate-unseen")) }
        }
        @if let Some(bootstrap) = &estimate.bootstrap {
            p {
                (ui.t("estimate-bootstrap-interval")) " "
                @match &bootstrap.interval {
                    Some(i) => (interval(i.lower, i.upper)),
                    None => "—",
                }
                " (" (bootstrap.replicates) ")"
            }
        }
        @if !estimate.warnings.is_empty() {
            div.notice.error role="status" {
                p { (ui.t("estimate-warnings")) }
                ul { @for w in &estimate.warnings { li { (w) } } }
            }
        }
        h2 { (ui.t("estimate-lists")) }
        div.table { table {
            tbody { @for list in &estimate.lists { tr { th scope="row" { (list.name) } td.number { (list.persons) } } } }
        } }
        h2 { (ui.t("estimate-models")) }
        div.table { table {
            thead { tr {
                th scope="col" { (ui.t("estimate-step")) }
                th scope="col" { (ui.t("estimate-terms")) }
                th scope="col" { "p" }
                th scope="col" { (ui.t("estimate-deviance")) }
                th scope="col" { "AIC" }
                th scope="col" { "BIC" }
                th scope="col" { (ui.t("estimate-total")) }
                th scope="col" { (ui.t("estimate-interval")) }
            } }
            tbody { @for (i, model) in estimate.models.iter().enumerate() { (model_row(ui, model, i == estimate.chosen)) } }
        } }
    }
}

fn model_row(ui: &Ui, model: &Considered, chosen: bool) -> Markup {
    let terms = if model.terms.is_empty() {
        ui.t("estimate-main-effects")
    } else {
        model.terms.join(" + ")
    };
    html! {
        tr.chosen[chosen] {
            td.number { (model.step) @if chosen { " ✓" } }
            td.mono { (terms) }
            td.number { (model.p_value.map(|p| format!("{p:.3}")).unwrap_or_default()) }
            @match &model.outcome {
                Outcome::Fitted(f) => {
                    td.number { (format!("{:.2}", f.deviance)) }
                    td.number { (format!("{:.2}", f.aic)) }
                    td.number { (format!("{:.2}", f.bic)) }
                    td.number { (whole(f.total)) }
                    td.number { (interval(f.interval.lower, f.interval.upper)) }
                }
                Outcome::Refused { why, .. } => {
                    td colspan="5" { (ui.t("estimate-refused")) " " (why) }
                }
            }
        }
    }
}

fn whole(x: f64) -> String {
    format!("{}", x.round() as i64)
}

fn interval(lower: f64, upper: Option<f64>) -> String {
    match upper {
        Some(upper) => format!("{}–{}", whole(lower), whole(upper)),
        None => format!("{}–∞", whole(lower)),
    }
}
