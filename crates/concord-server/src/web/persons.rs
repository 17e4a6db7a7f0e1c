//! The person pages: the list (no names: it is a census, not a search) and one person
//! with their identifying data (a recorded view).

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::Response;
use concord_core::vocabulary::PersonRole;
use concord_core::{Permission, PersonId};
use concord_node::store::PersonFilter;
use maud::html;

use crate::auth::Caller;
use crate::cases::path_segment;
use crate::error::ApiError;
use crate::params::{query_pairs, Params};
use crate::persons::LIST_PARAMETERS;
use crate::state::AppState;
use crate::web::cases::{countries, display_names, pager};
use crate::web::ui::{html as page, Ui};

/// `GET /persons`: a page of persons, filtered by role and citizenship.
pub(crate) async fn list(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    caller.require(Permission::ReadCases)?;
    let pairs = query_pairs(query)?;
    let params = Params::new(pairs.clone(), LIST_PARAMETERS)?;
    let filter = PersonFilter {
        role: params.picklist::<PersonRole>("role")?,
        citizenship: params.country("citizenship")?,
        unit: None,
    };
    let role = filter.role;
    let asked = params.page()?;
    let paged = state
        .with_store(move |s| Ok(s.persons_for(&caller.user, filter, asked)?))
        .await?;
    let body = html! {
        form.filters method="get" action="/persons" {
            div.field {
                label for="role" { (ui.t("field-role")) }
                (ui.picklist_select::<PersonRole>("role", role, true))
            }
            div.field {
                label for="citizenship" { (ui.t("field-citizenship")) }
                input #citizenship name="citizenship" size="3" maxlength="2" value=(params.text("citizenship").unwrap_or_default());
            }
            div.actions { button type="submit" { (ui.t("cases-filter")) } }
        }
        @if paged.items.is_empty() {
            p { (ui.t("persons-none")) }
        } @else {
            div.table { table {
                thead { tr {
                    th scope="col" { (ui.t("field-id")) }
                    th scope="col" { (ui.t("field-case")) }
                    th scope="col" { (ui.t("field-role")) }
                    th scope="col" { (ui.t("field-gender")) }
                    th scope="col" { (ui.t("field-age-band")) }
                    th scope="col" { (ui.t("field-citizenship")) }
                } }
                tbody { @for p in &paged.items { tr {
                    td { a href={ "/persons/" (path_segment(p.id.as_str())) } { (p.id) } }
                    td { a href={ "/cases/" (path_segment(p.case_id.as_str())) } { (p.case_id) } }
                    td { (ui.lang.pick(p.role)) }
                    td { (ui.lang.pick(p.gender)) }
                    td { (p.age_band.map(|b| b.as_str()).unwrap_or("")) }
                    td { (p.citizenships.iter().map(|c| c.code()).collect::<Vec<_>>().join(", ")) }
                } } }
            } }
            (pager(&ui, &paged, "/persons", &pairs))
        }
    };
    Ok(page(ui.page(&ui.t("persons-title"), body)))
}

/// `GET /persons/{id}`: one person with their identifying data.
pub(crate) async fn show(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    caller.require(Permission::ReadCases)?;
    let Path(raw) = path.map_err(|_| ApiError::NotFound("no such person".into()))?;
    let id: PersonId = raw.parse().map_err(|e| ApiError::bad_parameter("id", &raw, &e))?;
    let wanted = id.clone();
    let (case_id, person) = state
        .with_store(move |s| {
            s.open_person(&caller.user, &wanted)?
                .ok_or_else(|| ApiError::NotFound(format!("person {wanted} not found")))
        })
        .await?;
    let body = html! {
        p.notice { (ui.t("case-identifying-notice")) }
        dl.record {
            dt { (ui.t("field-case")) } dd { a href={ "/cases/" (path_segment(case_id.as_str())) } { (case_id) } }
            dt { (ui.t("field-role")) } dd { (ui.lang.pick(person.role)) }
            dt { (ui.t("field-family")) ", " (ui.t("field-given")) } dd { (display_names(&person)) }
            dt { (ui.t("field-gender")) } dd { (ui.lang.pick(person.gender)) }
            dt { (ui.t("field-birth-date")) } dd { (person.birth_date.map(|d| d.to_string()).unwrap_or_default()) }
            dt { (ui.t("field-citizenship")) } dd { (countries(&person.citizenships)) }
            dt { (ui.t("field-documents")) }
            dd { @for d in &person.documents { (ui.lang.pick(d.kind)) " " (d.issuing_country.code()) " " (d.number.as_str()) br; } }
            dt { (ui.t("field-phones")) }
            dd { @for phone in &person.phones { (phone.as_str()) br; } }
        }
    };
    let title = ui.lang.t_with("person-title", &[("id", id.to_string().into())]);
    Ok(page(ui.page(&title, body)))
}
