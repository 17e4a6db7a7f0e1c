//! The case pages: the list with its filters, one case, and the form that creates or
//! edits a case with its first person, with each problem shown next to its field.

use std::collections::BTreeSet;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use concord_core::vocabulary::{CaseStatus, ExploitationType, Gender, LegRole, PersonRole, Sensitivity};
use concord_core::{
    Case, CaseId, Country, FieldError, Organisation, PartialDate, Permission, Person, PersonName, Picklist,
    Recruitment, RouteLeg, ValidationErrors,
};
use concord_node::store::{CaseSummary, Paged};
use maud::{html, Markup};

use crate::auth::Caller;
use crate::cases::{case_filter, case_id, not_found, path_segment, LIST_PARAMETERS};
use crate::error::ApiError;
use crate::params::{query_pairs, Params};
use crate::state::AppState;
use crate::web::form::Form;
use crate::web::ui::{html as page, Ui};

/// `GET /cases`: a page of cases with the filters that chose them.
pub(crate) async fn list(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    caller.require(Permission::ReadCases)?;
    let pairs = query_pairs(query)?;
    let params = Params::new(pairs.clone(), LIST_PARAMETERS)?;
    let filter = case_filter(&params)?;
    let page_asked = params.page()?;
    let paged = state
        .with_store(move |s| Ok(s.cases_for(&caller.user, filter, page_asked)?))
        .await?;
    let body = html! {
        @if ui.may(Permission::WriteCases) {
            p { a.button href="/cases/new" { (ui.t("cases-new")) } }
        }
        (filters(&ui, &params))
        p { (ui.lang.t_with("cases-count", &[("total", paged.total.into())])) }
        @if paged.items.is_empty() {
            p { (ui.t("cases-none")) }
        } @else {
            (case_table(&ui, &paged))
            (pager(&ui, &paged, "/cases", &pairs))
        }
    };
    Ok(page(ui.page(&ui.t("cases-title"), body)))
}

fn filters(ui: &Ui, params: &Params) -> Markup {
    let value = |name: &str| params.text(name).unwrap_or_default();
    html! {
        form.filters method="get" action="/cases" {
            div.field {
                label for="q" { (ui.t("cases-search")) }
                input #q name="q" type="search" value=(value("q"));
            }
            div.field {
                label for="status" { (ui.t("field-status")) }
                (ui.picklist_select::<CaseStatus>("status", params.picklist("status").ok().flatten(), true))
            }
            div.field {
                label for="exploitation" { (ui.t("field-exploitation")) }
                (ui.picklist_select::<ExploitationType>("exploitation", params.picklist("exploitation").ok().flatten(), true))
            }
            div.field {
                label for="citizenship" { (ui.t("field-citizenship")) }
                input #citizenship name="citizenship" size="3" maxlength="2" value=(value("citizenship"));
            }
            div.field {
                label for="route_country" { (ui.t("field-route-country")) }
                input #route_country name="route_country" size="3" maxlength="2" value=(value("route_country"));
            }
            div.field {
                label for="registered_from" { (ui.t("field-registered-from")) }
                input #registered_from name="registered_from" type="date" value=(value("registered_from"));
            }
            div.field {
                label for="registered_to" { (ui.t("field-registered-to")) }
                input #registered_to name="registered_to" type="date" value=(value("registered_to"));
            }
            div.actions {
                button type="submit" { (ui.t("cases-filter")) }
                a href="/cases" { (ui.t("cases-clear")) }
            }
        }
    }
}

fn case_table(ui: &Ui, paged: &Paged<CaseSummary>) -> Markup {
    html! {
        div.table {
            table {
                thead { tr {
                    th scope="col" { (ui.t("field-id")) }
                    th scope="col" { (ui.t("field-registered-on")) }
                    th scope="col" { (ui.t("field-status")) }
                    th scope="col" { (ui.t("field-exploitation")) }
                    th scope="col" { (ui.t("field-origin")) }
                    th scope="col" { (ui.t("field-destination")) }
                    th scope="col" { (ui.t("field-persons")) }
                } }
                tbody {
                    @for case in &paged.items {
                        tr {
                            td { a href=(case_address(&case.id)) { (case.id) } }
                            td { (case.registered_on) }
                            td { (ui.lang.pick(case.status)) }
                            td { (labels(ui, case.exploitation.iter().copied())) }
                            td { (country(case.origin)) }
                            td { (country(case.destination)) }
                            td.number { (case.persons) }
                        }
                    }
                }
            }
        }
    }
}

/// Previous and next links that keep every other parameter of the list.
pub(crate) fn pager<T>(ui: &Ui, paged: &Paged<T>, path: &str, pairs: &[(String, String)]) -> Markup {
    let pages = paged.total.div_ceil(u64::from(paged.per_page.max(1))).max(1);
    let link = |page: u64| {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (k, v) in pairs.iter().filter(|(k, _)| k != "page") {
            query.append_pair(k, v);
        }
        query.append_pair("page", &page.to_string());
        format!("{path}?{}", query.finish())
    };
    let current = u64::from(paged.page);
    html! {
        nav.pager aria-label=(ui.lang.t_with("page-of", &[("page", current.into()), ("pages", pages.into())])) {
            @if current > 1 {
                a rel="prev" href=(link(current - 1)) { (ui.t("page-previous")) }
            }
            span { (ui.lang.t_with("page-of", &[("page", current.into()), ("pages", pages.into())])) }
            @if current < pages {
                a rel="next" href=(link(current + 1)) { (ui.t("page-next")) }
            }
        }
    }
}

/// `GET /cases/{id}`: one case with its persons (a recorded view of identifying data).
pub(crate) async fn show(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    caller.require(Permission::ReadCases)?;
    let id = case_id(path)?;
    let case = state
        .with_store(move |s| s.open_case(&caller.user, &id)?.ok_or_else(|| not_found(&id)))
        .await?;
    let title = ui.lang.t_with("case-title", &[("id", case.id.to_string().into())]);
    Ok(page(ui.page(&title, case_detail(&ui, &case))))
}

fn case_detail(ui: &Ui, case: &Case) -> Markup {
    html! {
        p.notice { (ui.t("case-identifying-notice")) }
        @if ui.may(Permission::WriteCases) {
            p { a.button href={ (case_address(&case.id)) "/edit" } { (ui.t("case-edit")) } }
        }
        @if ui.may(Permission::SendMessages) {
            p { a href={ "/requests?case=" (path_segment(case.id.as_str())) } { (ui.t("requests-ask-about-case")) } }
        }
        dl.record {
            dt { (ui.t("field-registered-on")) } dd { (case.registered_on) }
            dt { (ui.t("field-reporting-org")) } dd { (case.reporting_org.name) " (" (case.reporting_org.country) ")" }
            dt { (ui.t("field-status")) } dd { (ui.lang.pick(case.status)) }
            dt { (ui.t("field-sensitivity")) } dd { (ui.lang.pick(case.sensitivity)) }
            dt { (ui.t("field-exploitation")) } dd { (labels(ui, case.exploitation.iter().copied())) }
            @for leg in &case.route {
                dt { (ui.lang.pick(leg.role)) }
                dd { (leg.country.name()) @if let Some(place) = &leg.place { " — " (place) } }
            }
            @if let Some(narrative) = &case.narrative {
                dt { (ui.t("field-narrative")) } dd.narrative { (narrative) }
            }
        }
        h2 { (ui.t("field-persons")) }
        @if case.persons.is_empty() {
            p { (ui.t("case-no-persons")) }
        } @else {
            div.table { table {
                thead { tr {
                    th scope="col" { (ui.t("field-id")) }
                    th scope="col" { (ui.t("field-role")) }
                    th scope="col" { (ui.t("field-family")) ", " (ui.t("field-given")) }
                    th scope="col" { (ui.t("field-birth-date")) }
                    th scope="col" { (ui.t("field-citizenship")) }
                } }
                tbody { @for person in &case.persons { tr {
                    td { a href={ "/persons/" (path_segment(person.id.as_str())) } { (person.id) } }
                    td { (ui.lang.pick(person.role)) }
                    td { (display_names(person)) }
                    td { (person.birth_date.map(|d| d.to_string()).unwrap_or_default()) }
                    td { (countries(&person.citizenships)) }
                } } }
            } }
        }
    }
}

/// Every name of a person, "Family, Given" each, with the romanised form after.
pub(crate) fn display_names(person: &Person) -> String {
    person
        .names
        .iter()
        .map(|n| {
            let mut s = format!("{}, {}", n.family, n.given);
            if let Some(r) = &n.romanised {
                s.push_str(&format!(" ({}, {})", r.family, r.given));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `GET /cases/new`: an empty case form.
pub(crate) async fn new(ui: Ui, caller: Caller, State(state): State<AppState>) -> Result<Response, ApiError> {
    caller.require(Permission::WriteCases)?;
    let mut values = Form::default();
    values.set("registered_on", &state.today().to_string());
    values.set("status", CaseStatus::Active.as_str());
    values.set("sensitivity", Sensitivity::Amber.as_str());
    values.set("person_role", PersonRole::Victim.as_str());
    values.set("gender", Gender::NonSpecifiedUnknown.as_str());
    Ok(page(case_form(&ui, None, &values, &[])))
}

/// `POST /cases`: creates a case from the form, or shows the form again with every
/// problem next to its field.
pub(crate) async fn create(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    body: Bytes,
) -> Result<Response, ApiError> {
    caller.require(Permission::WriteCases)?;
    let form = Form::parse(&body);
    let settings = state.with_store(|s| Ok(s.settings()?)).await?;
    let mut errors = Vec::new();
    let id = match form.get("id").trim().parse::<CaseId>() {
        Ok(id) => id,
        Err(e) => {
            errors.push(FieldError::new("id", form.get("id"), expected(&e)));
            "INVALID".parse().expect("a placeholder ID is valid")
        }
    };
    let org = Organisation {
        name: settings.name,
        kind: settings.kind,
        country: settings.country,
    };
    let case = apply(&form, blank_case(id, state.today(), org), &mut errors);
    let case = match checked(case, errors, state.today()) {
        Ok(case) => case,
        Err(errors) => return Ok(invalid(&ui, None, &form, &errors)),
    };
    let address = case_address(&case.id);
    let stored = state.with_store(move |s| Ok(s.create_case(&caller.user, &case)?)).await;
    match stored {
        Ok(()) => Ok(see_other(&address)),
        Err(ApiError::Conflict(message)) => {
            let errors = [FieldError::new("id", form.get("id"), message)];
            Ok(invalid(&ui, None, &form, &errors))
        }
        Err(e) => Err(e),
    }
}

/// `GET /cases/{id}/edit`: the case form filled with the case.
pub(crate) async fn edit(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    caller.require(Permission::WriteCases)?;
    let id = case_id(path)?;
    let case = state
        .with_store(move |s| s.open_case(&caller.user, &id)?.ok_or_else(|| not_found(&id)))
        .await?;
    Ok(page(case_form(&ui, Some(&case.id), &values_of(&case), &[])))
}

/// `POST /cases/{id}`: saves the edited case, or shows the form again with its problems.
pub(crate) async fn update(
    State(state): State<AppState>,
    ui: Ui,
    caller: Caller,
    path: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, ApiError> {
    caller.require(Permission::WriteCases)?;
    let id = case_id(path)?;
    let form = Form::parse(&body);
    let today = state.today();
    let user = caller.user.clone();
    let wanted = id.clone();
    let case = state
        .with_store(move |s| {
            if !s.within_reach(&user, &wanted)? {
                return Err(not_found(&wanted));
            }
            s.get_case(&wanted)?.ok_or_else(|| not_found(&wanted))
        })
        .await?;
    let mut errors = Vec::new();
    let case = apply(&form, case, &mut errors);
    let case = match checked(case, errors, today) {
        Ok(case) => case,
        Err(errors) => return Ok(invalid(&ui, Some(&id), &form, &errors)),
    };
    state
        .with_store(move |s| Ok(s.change_case(&caller.user, &case)?))
        .await?;
    Ok(see_other(&case_address(&id)))
}

/// A new case with nothing but what the node knows.
fn blank_case(id: CaseId, today: NaiveDate, reporting_org: Organisation) -> Case {
    Case {
        id,
        registered_on: today,
        reporting_org,
        status: CaseStatus::Active,
        exploitation: BTreeSet::new(),
        labour_sector: None,
        sex_exploitation: BTreeSet::new(),
        recruitment: Recruitment::default(),
        means_of_control: BTreeSet::new(),
        route: Vec::new(),
        indicators: BTreeSet::new(),
        narrative: None,
        sensitivity: Sensitivity::Amber,
        persons: Vec::new(),
    }
}

/// The case's rules checked after the form's own parsing: every problem at once, a field
/// that did not even parse reported once.
fn checked(case: Case, mut errors: Vec<FieldError>, today: NaiveDate) -> Result<Case, Vec<FieldError>> {
    if let Err(ValidationErrors(more)) = case.validate(today) {
        for error in more {
            if !errors.iter().any(|e| input_of(&e.field) == input_of(&error.field)) {
                errors.push(error);
            }
        }
    }
    if errors.is_empty() {
        Ok(case)
    } else {
        Err(errors)
    }
}

/// The parse error's "what was expected", as the API words it.
fn expected(error: &impl std::fmt::Display) -> String {
    let message = error.to_string();
    match message.split_once("; expected ") {
        Some((_, expected)) => expected.to_string(),
        None => message,
    }
}

/// The form's fields written over `case`; a field that does not parse is recorded in
/// `errors` and leaves the case's value as it was.
fn apply(form: &Form, mut case: Case, errors: &mut Vec<FieldError>) -> Case {
    let mut parse = |name: &str, set: &mut dyn FnMut(&str) -> Result<(), String>| {
        if let Err(expected) = set(form.get(name).trim()) {
            errors.push(FieldError::new(name, form.get(name), expected));
        }
    };
    parse("registered_on", &mut |v| {
        case.registered_on = v.parse().map_err(|_| "a date such as 2025-03-14".to_string())?;
        Ok(())
    });
    parse("status", &mut |v| {
        case.status = CaseStatus::parse(v).map_err(|e| expected(&e))?;
        Ok(())
    });
    parse("sensitivity", &mut |v| {
        case.sensitivity = Sensitivity::parse(v).map_err(|e| expected(&e))?;
        Ok(())
    });
    case.exploitation = form
        .all("exploitation")
        .filter_map(|v| ExploitationType::parse(v).ok())
        .collect();
    if !case.exploitation.contains(&ExploitationType::ForcedLabour) {
        case.labour_sector = None;
    }
    if !case.exploitation.contains(&ExploitationType::SexualExploitation) {
        case.sex_exploitation.clear();
    }
    for (role, name) in ROUTE_INPUTS {
        parse(name, &mut |v| {
            let country = optional_country(v)?;
            set_leg(&mut case.route, *role, country);
            Ok(())
        });
    }
    case.narrative = form.text("narrative").map(str::to_owned);
    apply_person(form, &mut case, errors);
    case
}

/// The inputs of the route, one country per role.
const ROUTE_INPUTS: &[(LegRole, &str)] = &[
    (LegRole::Origin, "origin"),
    (LegRole::Transit, "transit"),
    (LegRole::Destination, "destination"),
];

fn optional_country(v: &str) -> Result<Option<Country>, String> {
    if v.is_empty() {
        return Ok(None);
    }
    v.to_uppercase().parse().map(Some).map_err(|e| expected(&e))
}

/// Sets the country of the first leg of `role`, adding or removing the leg as needed;
/// the other legs (and a kept leg's place and dates) stay as they were.
fn set_leg(route: &mut Vec<RouteLeg>, role: LegRole, country: Option<Country>) {
    let at = route.iter().position(|l| l.role == role);
    match (at, country) {
        (Some(i), Some(c)) => route[i].country = c,
        (Some(i), None) => {
            route.remove(i);
        }
        (None, Some(country)) => {
            let leg = RouteLeg {
                role,
                country,
                place: None,
                from: None,
                to: None,
            };
            let position = match role {
                LegRole::Origin => 0,
                LegRole::Destination => route.len(),
                _ => route
                    .iter()
                    .position(|l| l.role == LegRole::Destination)
                    .unwrap_or(route.len()),
            };
            route.insert(position, leg);
        }
        (None, None) => {}
    }
}

/// The first person's fields written over the case's first person, or a new first
/// person when the case has none and the form names one.
fn apply_person(form: &Form, case: &mut Case, errors: &mut Vec<FieldError>) {
    let given = form.get("given").trim().to_string();
    let family = form.get("family").trim().to_string();
    if case.persons.is_empty() {
        if given.is_empty() && family.is_empty() && form.text("birth_date").is_none() {
            return;
        }
        let id = format!("{}-P1", case.id)
            .parse()
            .expect("a case ID with -P1 is a valid person ID");
        case.persons.push(Person {
            id,
            role: PersonRole::Victim,
            names: vec![],
            gender: Gender::NonSpecifiedUnknown,
            birth_date: None,
            citizenships: BTreeSet::new(),
            country_of_birth: None,
            documents: vec![],
            phones: vec![],
        });
    }
    let person = &mut case.persons[0];
    match PersonRole::parse(form.get("person_role")) {
        Ok(role) => person.role = role,
        Err(e) => errors.push(FieldError::new("person_role", form.get("person_role"), expected(&e))),
    }
    match Gender::parse(form.get("gender")) {
        Ok(gender) => person.gender = gender,
        Err(e) => errors.push(FieldError::new("gender", form.get("gender"), expected(&e))),
    }
    match person.names.first_mut() {
        Some(name) => (name.given, name.family) = (given, family),
        None => person.names.push(PersonName {
            given,
            family,
            romanised: None,
        }),
    }
    match form.text("birth_date").map(str::parse::<PartialDate>).transpose() {
        Ok(date) => person.birth_date = date,
        Err(_) => errors.push(FieldError {
            field: "birth_date".into(),
            value: None,
            expected: "a year, a year and month, or a date: 1990, 1990-05, 1990-05-17".into(),
        }),
    }
    let mut citizenships = BTreeSet::new();
    for code in form.get("citizenship").split([',', ' ']).filter(|c| !c.is_empty()) {
        match optional_country(code) {
            Ok(Some(c)) => {
                citizenships.insert(c);
            }
            Ok(None) => {}
            Err(expected) => errors.push(FieldError::new("citizenship", code, expected)),
        }
    }
    person.citizenships = citizenships;
}

/// The form input a field path of [`Case::validate`] belongs to.
fn input_of(field: &str) -> &str {
    let person_field = field.strip_prefix("persons[0].");
    match person_field {
        Some(f) if f.starts_with("names") => {
            if f.ends_with("family") {
                "family"
            } else {
                "given"
            }
        }
        Some(f) if f.starts_with("birth_date") => "birth_date",
        Some(f) if f.starts_with("citizenships") => "citizenship",
        Some(f) if f.starts_with("gender") => "gender",
        Some(f) if f.starts_with("role") => "person_role",
        Some(_) => "",
        None if field.starts_with("route") => "origin",
        None if field.starts_with("labour_sector") || field.starts_with("sex_exploitation") => "exploitation",
        None => field.split(['.', '[']).next().unwrap_or(field),
    }
}

/// The form's values for an existing case.
fn values_of(case: &Case) -> Form {
    let mut values = Form::default();
    values.set("registered_on", &case.registered_on.to_string());
    values.set("status", case.status.as_str());
    values.set("sensitivity", case.sensitivity.as_str());
    for e in &case.exploitation {
        values.add("exploitation", e.as_str());
    }
    for (role, name) in ROUTE_INPUTS {
        if let Some(leg) = case.route.iter().find(|l| l.role == *role) {
            values.set(name, leg.country.code());
        }
    }
    values.set("narrative", case.narrative.as_deref().unwrap_or(""));
    if let Some(person) = case.persons.first() {
        values.set("person_role", person.role.as_str());
        values.set("gender", person.gender.as_str());
        if let Some(name) = person.names.first() {
            values.set("given", &name.given);
            values.set("family", &name.family);
        }
        values.set(
            "birth_date",
            &person.birth_date.map(|d| d.to_string()).unwrap_or_default(),
        );
        let codes: Vec<_> = person.citizenships.iter().map(|c| c.code()).collect();
        values.set("citizenship", &codes.join(", "));
    }
    values
}

/// The form again, with status 422 and every problem next to its field.
fn invalid(ui: &Ui, id: Option<&CaseId>, form: &Form, errors: &[FieldError]) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page(case_form(ui, id, form, errors))).into_response()
}

/// The case form: new when `id` is none, else editing case `id`.
fn case_form(ui: &Ui, id: Option<&CaseId>, values: &Form, errors: &[FieldError]) -> Markup {
    let title = match id {
        Some(id) => ui.lang.t_with("case-edit-title", &[("id", id.to_string().into())]),
        None => ui.t("case-new-title"),
    };
    let action = id.map_or_else(|| "/cases".to_string(), case_address);
    let field = |name: &'static str, label: &str, input: Markup, hint: Option<String>| {
        field_block(name, label, input, hint, errors)
    };
    let text = |name: &'static str, kind: &'static str| {
        html! { input #(name) name=(name) type=(kind) value=(values.get(name))
        aria-invalid=[has_error(errors, name).then_some("true")]
        aria-describedby=[has_error(errors, name).then(|| format!("{name}-error"))]; }
    };
    let selected = |name: &str, value: &str| values.all(name).any(|v| v == value);
    let body = html! {
        @if !errors.is_empty() {
            div.notice.error role="alert" {
                p { (ui.lang.t_with("case-errors", &[("count", errors.len().into())])) }
                @let unplaced: Vec<_> = errors.iter().filter(|e| !FORM_INPUTS.contains(&input_of(&e.field))).collect();
                @if !unplaced.is_empty() {
                    ul { @for e in unplaced { li { (e.field) ": " (e.expected) } } }
                }
            }
        }
        form.case method="post" action=(action) novalidate {
            (ui.csrf_field())
            @if id.is_none() {
                (field("id", &ui.t("field-id"), text("id", "text"), None))
            }
            (field("registered_on", &ui.t("field-registered-on"), text("registered_on", "date"), None))
            (field("status", &ui.t("field-status"),
                ui.picklist_select::<CaseStatus>("status", CaseStatus::parse(values.get("status")).ok(), false), None))
            (field("sensitivity", &ui.t("field-sensitivity"),
                ui.picklist_select::<Sensitivity>("sensitivity", Sensitivity::parse(values.get("sensitivity")).ok(), false), None))
            fieldset #exploitation {
                legend { (ui.t("field-exploitation")) }
                @for e in ExploitationType::ALL {
                    label.check {
                        input type="checkbox" name="exploitation" value=(e.as_str()) checked[selected("exploitation", e.as_str())];
                        " " (ui.lang.pick(*e))
                    }
                }
                (error_of(errors, "exploitation"))
            }
            (field("origin", &ui.t("field-origin"), text("origin", "text"), Some(ui.t("field-country-hint"))))
            (field("transit", &ui.t("field-transit"), text("transit", "text"), None))
            (field("destination", &ui.t("field-destination"), text("destination", "text"), None))
            div.field {
                label for="narrative" { (ui.t("field-narrative")) }
                textarea #narrative name="narrative" rows="5" { (values.get("narrative")) }
                (error_of(errors, "narrative"))
            }
            fieldset {
                legend { (ui.t("case-first-person")) }
                (field("person_role", &ui.t("field-role"),
                    ui.picklist_select::<PersonRole>("person_role", PersonRole::parse(values.get("person_role")).ok(), false), None))
                (field("given", &ui.t("field-given"), text("given", "text"), None))
                (field("family", &ui.t("field-family"), text("family", "text"), None))
                (field("gender", &ui.t("field-gender"),
                    ui.picklist_select::<Gender>("gender", Gender::parse(values.get("gender")).ok(), false), None))
                (field("birth_date", &ui.t("field-birth-date"), text("birth_date", "text"), Some(ui.t("field-birth-date-hint"))))
                (field("citizenship", &ui.t("field-citizenship"), text("citizenship", "text"), Some(ui.t("field-country-hint"))))
            }
            div.actions {
                button type="submit" { (ui.t("case-save")) }
                a href=(id.map_or_else(|| "/cases".to_string(), case_address)) { (ui.t("case-cancel")) }
            }
        }
    };
    ui.page(&title, body)
}

/// Every input of the case form that an error can be shown next to.
const FORM_INPUTS: &[&str] = &[
    "id",
    "registered_on",
    "status",
    "sensitivity",
    "exploitation",
    "origin",
    "transit",
    "destination",
    "narrative",
    "person_role",
    "given",
    "family",
    "gender",
    "birth_date",
    "citizenship",
];

fn has_error(errors: &[FieldError], input: &str) -> bool {
    errors.iter().any(|e| input_of(&e.field) == input)
}

fn field_block(name: &str, label: &str, input: Markup, hint: Option<String>, errors: &[FieldError]) -> Markup {
    html! {
        div.field.invalid[has_error(errors, name)] {
            label for=(name) { (label) }
            (input)
            @if let Some(hint) = hint { small.hint { (hint) } }
            (error_of(errors, name))
        }
    }
}

fn error_of(errors: &[FieldError], input: &str) -> Markup {
    html! {
        @for e in errors.iter().filter(|e| input_of(&e.field) == input) {
            p.field-error id={ (input) "-error" } { (e.expected) }
        }
    }
}

fn case_address(id: &CaseId) -> String {
    format!("/cases/{}", path_segment(id.as_str()))
}

fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response()
}

fn labels<P: Picklist>(ui: &Ui, values: impl Iterator<Item = P>) -> String {
    values.map(|v| ui.lang.pick(v)).collect::<Vec<_>>().join(", ")
}

fn country(c: Option<Country>) -> String {
    c.map(|c| c.name().to_string()).unwrap_or_default()
}

pub(crate) fn countries(set: &BTreeSet<Country>) -> String {
    set.iter().map(|c| c.code()).collect::<Vec<_>>().join(", ")
}
