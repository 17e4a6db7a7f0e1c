//! The dashboard and the statistics page: the node's counts, drawn as charts on the
//! server, each with its numbers in a table beside it.

use axum::extract::State;
use axum::response::Response;
use concord_core::vocabulary::{ExploitationType, Gender};
use concord_core::{Country, Permission, Picklist};
use concord_node::store::Stats;
use maud::{html, Markup};

use crate::auth::Caller;
use crate::charts::{bar_chart, flow_diagram, trend_chart};
use crate::error::ApiError;
use crate::state::AppState;
use crate::web::ui::{html as page, Ui};

/// `GET /`: counts, the trend, the top routes and the forms of exploitation; for a role
/// without statistics, a welcome that points to the cases.
pub(crate) async fn show(State(state): State<AppState>, ui: Ui, caller: Caller) -> Result<Response, ApiError> {
    let welcome = ui.lang.t_with(
        "dashboard-welcome",
        &[("name", caller.user.display_name.clone().into())],
    );
    if !caller.user.role.may(Permission::ReadStatistics) {
        let body = html! {
            p { (welcome) }
            p { a href="/cases" { (ui.t("dashboard-no-statistics")) } }
        };
        return Ok(page(ui.page(&ui.t("dashboard-title"), body)));
    }
    let stats = state.with_store(|s| Ok(s.stats()?)).await?;
    let body = html! {
        p { (welcome) }
        (counts(&ui, &stats))
        div.charts {
            (chart(&ui, trend_chart(&ui.t("chart-trend"), &stats.by_year, &ui.t("chart-no-data")), &stats.by_year))
            (chart(&ui, flow_diagram(&ui.t("chart-routes"), &flows(&stats.top_routes), &ui.t("chart-no-data")), &stats.top_routes))
            (bars(&ui, "chart-exploitation", &labelled::<ExploitationType>(&ui, &stats.by_exploitation)))
        }
    };
    Ok(page(ui.page(&ui.t("dashboard-title"), body)))
}

/// `GET /statistics`: every breakdown the node keeps.
pub(crate) async fn statistics(State(state): State<AppState>, ui: Ui, caller: Caller) -> Result<Response, ApiError> {
    caller.require(Permission::ReadStatistics)?;
    let stats = state.with_store(|s| Ok(s.stats()?)).await?;
    let body = html! {
        (counts(&ui, &stats))
        div.charts {
            (chart(&ui, trend_chart(&ui.t("chart-trend"), &stats.by_year, &ui.t("chart-no-data")), &stats.by_year))
            (chart(&ui, flow_diagram(&ui.t("chart-routes"), &flows(&stats.top_routes), &ui.t("chart-no-data")), &stats.top_routes))
            (bars(&ui, "chart-exploitation", &labelled::<ExploitationType>(&ui, &stats.by_exploitation)))
            (bars(&ui, "chart-citizenship", &countries(&stats.by_citizenship)))
            (bars(&ui, "chart-gender", &labelled::<Gender>(&ui, &stats.by_gender)))
            (bars(&ui, "chart-age", &stats.by_age_band))
        }
    };
    Ok(page(ui.page(&ui.t("statistics-title"), body)))
}

fn counts(ui: &Ui, stats: &Stats) -> Markup {
    html! {
        ul.counts {
            li { strong { (stats.cases) } " " (ui.t("count-cases")) }
            li { strong { (stats.persons) } " " (ui.t("count-persons")) }
            li { strong { (stats.victims) } " " (ui.t("count-victims")) }
        }
    }
}

fn bars(ui: &Ui, key: &str, data: &[(String, u64)]) -> Markup {
    chart(ui, bar_chart(&ui.t(key), data, &ui.t("chart-no-data")), data)
}

/// A chart with its numbers in a table that opens beneath it.
fn chart(ui: &Ui, svg: Markup, data: &[(String, u64)]) -> Markup {
    html! {
        figure.chart-box {
            (svg)
            @if !data.is_empty() {
                details {
                    summary { (ui.t("chart-numbers")) }
                    table { tbody { @for (label, count) in data { tr { th scope="row" { (label) } td.number { (count) } } } } }
                }
            }
        }
    }
}

/// Counts by picklist value, labelled in the page's language.
fn labelled<P: Picklist>(ui: &Ui, counts: &[(String, u64)]) -> Vec<(String, u64)> {
    counts
        .iter()
        .map(|(code, n)| (P::parse(code).map_or_else(|_| code.clone(), |v| ui.lang.pick(v)), *n))
        .collect()
}

/// Counts by country code, labelled with the country's name.
fn countries(counts: &[(String, u64)]) -> Vec<(String, u64)> {
    counts
        .iter()
        .map(|(code, n)| {
            (
                code.parse::<Country>()
                    .map_or_else(|_| code.clone(), |c| c.name().to_string()),
                *n,
            )
        })
        .collect()
}

/// Routes as the store counts them (`UA → PL`) split into origin and destination.
fn flows(routes: &[(String, u64)]) -> Vec<(String, String, u64)> {
    routes
        .iter()
        .filter_map(|(route, count)| {
            let (from, to) = route.split_once(" → ")?;
            Some((from.to_string(), to.to_string(), *count))
        })
        .collect()
}
