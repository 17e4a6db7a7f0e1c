//! The case pages as a browser posts them: a case form that breaks the rules comes back
//! with 422 and each problem next to its field, what was typed kept; a valid one is
//! saved and leads to the case; editing keeps what the form does not show.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use concord_core::Role;

mod common;

use common::{Answer, TestNode};

async fn form(node: &TestNode, method: Method, uri: &str, body: &str, token: Option<&str>) -> Answer {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    node.request(request.body(Body::from(body.to_string())).unwrap()).await
}

const NEW_CASE: &str = "id=KZ-2026-7&registered_on=2025-01-15&status=Active&sensitivity=Amber\
    &exploitation=ForcedLabour&origin=kz&destination=KR&narrative=Seasonal+farm+work\
    &person_role=Victim&given=Aigerim&family=Testova&gender=Feminine&citizenship=KZ";

#[tokio::test]
async fn a_case_form_that_breaks_the_rules_comes_back_with_each_problem_next_to_its_field() {
    let node = TestNode::new();
    let bad = NEW_CASE
        .replace("registered_on=2025-01-15", "registered_on=2030-01-01")
        .replace("origin=kz", "origin=XX")
        .replace("citizenship=KZ", "citizenship=KZ&birth_date=1990-13");
    let answer = form(&node, Method::POST, "/cases", &bad, None).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    for input in ["registered_on", "origin", "birth_date"] {
        assert!(
            answer.text.contains(&format!("id=\"{input}-error\"")),
            "no error next to {input}"
        );
        assert!(
            answer.text.contains(&format!("id=\"{input}\" name=\"{input}\"")),
            "the {input} field is still there"
        );
    }
    assert!(answer.text.contains("value=\"Testova\""), "what was typed is kept");
    assert!(
        answer.text.contains("3\u{2069} fields need attention"),
        "all three problems are counted"
    );
    assert_eq!(
        node.get("/api/v1/cases/KZ-2026-7").await.status,
        StatusCode::NOT_FOUND,
        "nothing saved"
    );
}

#[tokio::test]
async fn a_valid_case_form_is_saved_with_its_first_person_and_leads_to_the_case() {
    let node = TestNode::new();
    let answer = form(&node, Method::POST, "/cases", NEW_CASE, None).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.text);
    assert_eq!(answer.headers[header::LOCATION], "/cases/KZ-2026-7");
    let case = node.get("/api/v1/cases/KZ-2026-7").await.body;
    assert_eq!(case["route"][0]["country"], "KZ", "country codes are read in any case");
    assert_eq!(case["route"][1]["country"], "KR");
    assert_eq!(case["persons"][0]["names"][0]["family"], "Testova");
    assert_eq!(
        case["reporting_org"]["name"], "Test unit, Kyiv",
        "the node is the reporting organisation"
    );
    let again = form(&node, Method::POST, "/cases", NEW_CASE, None).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        again.text.contains("id=\"id-error\""),
        "a taken reference is an error on the reference"
    );
}

#[tokio::test]
async fn editing_a_case_changes_what_the_form_shows_and_keeps_the_rest() {
    let node = TestNode::with(&[common::case("C-1")]).await;
    let page = node.get("/cases/C-1/edit").await;
    assert!(
        page.text.contains("value=\"Олена\""),
        "the form is filled with the case"
    );
    let edit = "registered_on=2024-03-01&status=Closed&sensitivity=Amber&exploitation=ForcedLabour\
        &origin=UA&transit=&destination=DE&person_role=Victim&given=Олена&family=Тестова\
        &gender=Feminine&birth_date=1990-05&citizenship=UA";
    let answer = form(&node, Method::POST, "/cases/C-1", edit, None).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.text);
    let case = node.get("/api/v1/cases/C-1").await.body;
    assert_eq!(case["status"], "Closed");
    let countries: Vec<_> = case["route"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["country"].clone())
        .collect();
    assert_eq!(countries, ["UA", "DE"], "the emptied transit country is gone");
    assert_eq!(case["route"][0]["place"], "Vinnytsia", "a kept leg keeps its place");
    assert_eq!(
        case["labour_sector"], "F_Construction",
        "fields the form does not show are kept"
    );
    assert_eq!(case["persons"][0]["documents"][0]["number"], "FX123456");
}

#[tokio::test]
async fn the_pages_speak_arabic_right_to_left_when_asked() {
    let node = TestNode::with(&[common::case("C-1")]).await;
    let request = Request::get("/cases")
        .header(header::AUTHORIZATION, format!("Bearer {}", node.token))
        .header(header::ACCEPT_LANGUAGE, "ar")
        .body(Body::empty())
        .unwrap();
    let page = node.request_as_sent(request).await;
    assert!(page.text.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(page.text.contains("العمل القسري"), "picklist values are translated");
}

#[tokio::test]
async fn a_liaison_officer_reads_cases_but_gets_no_form_to_change_them() {
    let node = TestNode::with(&[common::case("C-1")]).await;
    let (_, token) = node.user("liaison", Role::LiaisonOfficer, None);
    let request = |uri: &str| {
        Request::get(uri)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap()
    };
    let case = node.request_as_sent(request("/cases/C-1")).await;
    assert_eq!(case.status, StatusCode::OK);
    assert!(
        !case.text.contains("/cases/C-1/edit"),
        "no edit link for a role that cannot edit"
    );
    assert_eq!(
        node.request_as_sent(request("/cases/C-1/edit")).await.status,
        StatusCode::FORBIDDEN
    );
    let saved = form(&node, Method::POST, "/cases/C-1", "status=Closed", Some(&token)).await;
    assert_eq!(saved.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn administrators_read_the_audit_trail_filtered_by_user_and_event() {
    let node = TestNode::with(&[common::case("C-1")]).await;
    node.get("/cases/C-1").await;
    let page = node.get("/audit?actor=admin&event=case").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("case.viewed") && page.text.contains("case.created"));
    assert!(!page.text.contains("user.added"), "the filter keeps other events out");
}
