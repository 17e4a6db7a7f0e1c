//! `/api/v1/cases`: what a client can rely on when it lists, creates, reads and
//! replaces cases.

mod common;

use axum::http::{header, Method, StatusCode};
use common::{case, person, TestNode};
use concord_core::vocabulary::{CaseStatus, ExploitationType};
use concord_core::Case;
use serde_json::json;

#[tokio::test]
async fn a_created_case_reads_back_equal_with_its_persons() {
    let node = TestNode::new();
    let sent = case("UA-NPU-2024-000001");

    let created = node.post("/api/v1/cases", &serde_json::to_value(&sent).unwrap()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(created.headers[header::LOCATION], "/api/v1/cases/UA-NPU-2024-000001");

    let read = node.get("/api/v1/cases/UA-NPU-2024-000001").await;
    assert_eq!(read.status, StatusCode::OK);
    let read: Case = serde_json::from_value(read.body).unwrap();
    assert_eq!(read, sent);
    assert_eq!(read.persons.len(), 1);
}

#[tokio::test]
async fn a_case_id_with_a_slash_gets_an_address_that_leads_back_to_it() {
    let node = TestNode::new();
    let sent = case("UA-NPU-2024/000123");
    let created = node.post("/api/v1/cases", &serde_json::to_value(&sent).unwrap()).await;
    let location = created.headers[header::LOCATION].to_str().unwrap().to_string();
    assert_eq!(location, "/api/v1/cases/UA-NPU-2024%2F000123");

    let read = node.get(&location).await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.body);
    assert_eq!(serde_json::from_value::<Case>(read.body).unwrap(), sent);
}

#[tokio::test]
async fn a_case_that_breaks_the_rules_is_refused_with_422_naming_each_field() {
    let node = TestNode::new();
    let mut bad = serde_json::to_value(case("C-1")).unwrap();
    bad["registered_on"] = json!("2025-07-01"); // the day after the node's today
    bad["persons"][0]["birth_date"] = json!("2026");

    let answer = node.post("/api/v1/cases", &bad).await;

    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.error(), "validation");
    let fields = answer.fields();
    assert!(fields.contains(&"registered_on".to_string()), "{fields:?}");
    assert!(fields.contains(&"persons[0].birth_date".to_string()), "{fields:?}");
    let first = &answer.body["errors"][0];
    assert_eq!(first["value"], "2025-07-01");
    assert!(
        first["expected"].as_str().unwrap().contains("not after today"),
        "{first}"
    );
    assert_eq!(
        node.get("/api/v1/cases/C-1").await.status,
        StatusCode::NOT_FOUND,
        "nothing stored"
    );
}

#[tokio::test]
async fn malformed_json_is_refused_with_400_naming_the_json_path() {
    let node = TestNode::new();
    let mut bad = serde_json::to_value(case("C-1")).unwrap();
    bad["persons"][0]["role"] = json!("Victm");

    let answer = node.post("/api/v1/cases", &bad).await;

    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.error(), "malformed_json");
    assert_eq!(answer.body["path"], "persons[0].role");
    assert!(
        answer.body["message"].as_str().unwrap().contains("Victim"),
        "lists the allowed roles"
    );
}

#[tokio::test]
async fn json_that_does_not_parse_at_all_is_a_400_with_line_and_column() {
    let node = TestNode::new();
    let answer = node
        .send_raw(Method::POST, "/api/v1/cases", "{\n  \"id\": \"C-1\",\n  oops")
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.error(), "malformed_json");
    assert_eq!(answer.body["line"], 3);
}

#[tokio::test]
async fn an_unknown_field_is_refused_naming_it() {
    let node = TestNode::new();
    let mut bad = serde_json::to_value(case("C-1")).unwrap();
    bad["reporting_org"]["colour"] = json!("blue");
    let answer = node.post("/api/v1/cases", &bad).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.body["path"], "reporting_org.colour");
}

#[tokio::test]
async fn a_case_id_already_taken_is_a_409_and_the_first_case_stays() {
    let node = TestNode::with(&[case("C-1")]).await;
    let mut second = case("C-1");
    second.status = CaseStatus::Closed;
    second.persons.clear();

    let answer = node
        .post("/api/v1/cases", &serde_json::to_value(&second).unwrap())
        .await;

    assert_eq!(answer.status, StatusCode::CONFLICT);
    assert_eq!(answer.error(), "conflict");
    assert!(answer.body["message"].as_str().unwrap().contains("C-1"));
    let kept: Case = serde_json::from_value(node.get("/api/v1/cases/C-1").await.body).unwrap();
    assert_eq!(kept, case("C-1"));
}

#[tokio::test]
async fn a_person_id_already_used_in_another_case_is_a_409() {
    let node = TestNode::with(&[case("C-1")]).await;
    let mut second = serde_json::to_value(case("C-2")).unwrap();
    second["persons"] = json!([person("C-1-V1")]);

    let answer = node.post("/api/v1/cases", &second).await;

    assert_eq!(answer.status, StatusCode::CONFLICT);
    assert!(answer.body["message"].as_str().unwrap().contains("C-1-V1"));
    assert_eq!(node.get("/api/v1/cases/C-2").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_case_that_is_not_there_is_a_json_404() {
    let node = TestNode::new();
    let answer = node.get("/api/v1/cases/C-404").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.error(), "not_found");

    let put = node
        .put("/api/v1/cases/C-404", &serde_json::to_value(case("C-404")).unwrap())
        .await;
    assert_eq!(put.status, StatusCode::NOT_FOUND);
    assert_eq!(put.error(), "not_found");
}

#[tokio::test]
async fn an_id_that_no_case_could_have_is_a_400_saying_what_an_id_looks_like() {
    let node = TestNode::new();
    let answer = node.get("/api/v1/cases/a%20b").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.body["parameter"], "id");
    assert_eq!(answer.body["value"], "a b");
    assert!(answer.body["expected"].as_str().unwrap().contains("1 to 64 characters"));
}

#[tokio::test]
async fn put_replaces_the_case_and_its_persons() {
    let node = TestNode::with(&[case("C-1")]).await;
    let mut changed = case("C-1");
    changed.status = CaseStatus::Closed;
    changed.narrative = None;
    changed.persons = vec![common::typed_person("C-1-V2")];

    let answer = node
        .put("/api/v1/cases/C-1", &serde_json::to_value(&changed).unwrap())
        .await;

    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let read: Case = serde_json::from_value(node.get("/api/v1/cases/C-1").await.body).unwrap();
    assert_eq!(read, changed);
    assert_eq!(node.get("/api/v1/persons/C-1-V1").await.status, StatusCode::NOT_FOUND);
    assert_eq!(node.get("/api/v1/persons/C-1-V2").await.status, StatusCode::OK);
}

#[tokio::test]
async fn put_with_another_id_in_the_body_is_a_422_on_id_and_changes_nothing() {
    let node = TestNode::with(&[case("C-1"), case("C-2")]).await;
    let mut other = case("C-2");
    other.status = CaseStatus::Closed;

    let answer = node
        .put("/api/v1/cases/C-1", &serde_json::to_value(&other).unwrap())
        .await;

    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.fields(), ["id"]);
    assert_eq!(answer.body["errors"][0]["value"], "C-2");
    let c2: Case = serde_json::from_value(node.get("/api/v1/cases/C-2").await.body).unwrap();
    assert_eq!(c2.status, CaseStatus::Active);
}

#[tokio::test]
async fn put_that_breaks_the_rules_is_a_422_and_the_stored_case_stays() {
    let node = TestNode::with(&[case("C-1")]).await;
    let mut bad = serde_json::to_value(case("C-1")).unwrap();
    bad["exploitation"] = json!(["SexualExploitation"]); // labour_sector stays: ForcedLabour only

    let answer = node.put("/api/v1/cases/C-1", &bad).await;

    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.fields(), ["labour_sector"]);
    let kept: Case = serde_json::from_value(node.get("/api/v1/cases/C-1").await.body).unwrap();
    assert_eq!(kept, case("C-1"));
}

/// Ten cases registered on consecutive days from 2024-01-01, C-01 … C-10.
fn ten_cases() -> Vec<Case> {
    (1..=10)
        .map(|i| {
            let mut c = case(&format!("C-{i:02}"));
            c.registered_on = format!("2024-01-{i:02}").parse().unwrap();
            c
        })
        .collect()
}

#[tokio::test]
async fn the_list_is_paged_newest_first_with_the_total() {
    let node = TestNode::with(&ten_cases()).await;

    let first = node.get("/api/v1/cases?page=1&per_page=4").await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.body["total"], 10);
    assert_eq!(first.body["page"], 1);
    assert_eq!(first.body["per_page"], 4);
    assert_eq!(first.ids(), ["C-10", "C-09", "C-08", "C-07"]);

    let last = node.get("/api/v1/cases?page=3&per_page=4").await;
    assert_eq!(last.ids(), ["C-02", "C-01"]);

    let beyond = node.get("/api/v1/cases?page=4&per_page=4").await;
    assert_eq!(beyond.status, StatusCode::OK);
    assert!(beyond.ids().is_empty());
    assert_eq!(beyond.body["total"], 10);
}

#[tokio::test]
async fn the_list_defaults_to_page_one_of_fifty_and_summarises_without_names() {
    let node = TestNode::with(&[case("C-1")]).await;
    let answer = node.get("/api/v1/cases").await;
    assert_eq!(answer.body["page"], 1);
    assert_eq!(answer.body["per_page"], concord_server::DEFAULT_PER_PAGE);
    let item = &answer.body["items"][0];
    assert_eq!(item["id"], "C-1");
    assert_eq!(item["origin"], "UA");
    assert_eq!(item["destination"], "DE");
    assert_eq!(item["persons"], 1);
    let text = answer.body.to_string();
    assert!(!text.contains("Testova") && !text.contains("Тестова"), "{text}");
}

/// Cases that differ in one attribute each from the standard one (`C-base`).
async fn varied_node() -> TestNode {
    let base = case("C-base");
    let mut closed = case("C-closed");
    closed.status = CaseStatus::Closed;
    let mut sexual = case("C-sexual");
    sexual.exploitation = [ExploitationType::SexualExploitation].into();
    sexual.labour_sector = None;
    let mut syrian: Case = case("C-syrian");
    syrian.persons[0].citizenships = ["SY".parse().unwrap()].into();
    let mut via_hu = case("C-via-hu");
    via_hu.route[1].country = "HU".parse().unwrap();
    let mut old = case("C-old");
    old.registered_on = "2023-06-15".parse().unwrap();
    TestNode::with(&[base, closed, sexual, syrian, via_hu, old]).await
}

async fn listed(node: &TestNode, query: &str) -> Vec<String> {
    let answer = node.get(&format!("/api/v1/cases?{query}")).await;
    assert_eq!(answer.status, StatusCode::OK, "{query}: {}", answer.body);
    let mut ids = answer.ids();
    ids.sort();
    ids
}

#[tokio::test]
async fn each_filter_narrows_the_list_to_the_cases_that_match() {
    let node = varied_node().await;
    let all_but = |left_out: &[&str]| {
        let mut ids: Vec<String> = ["C-base", "C-closed", "C-sexual", "C-syrian", "C-via-hu", "C-old"]
            .into_iter()
            .filter(|id| !left_out.contains(id))
            .map(String::from)
            .collect();
        ids.sort();
        ids
    };

    assert_eq!(listed(&node, "status=Closed").await, ["C-closed"]);
    assert_eq!(listed(&node, "status=Active").await, all_but(&["C-closed"]));
    assert_eq!(listed(&node, "exploitation=SexualExploitation").await, ["C-sexual"]);
    assert_eq!(listed(&node, "exploitation=ForcedLabour").await, all_but(&["C-sexual"]));
    assert_eq!(listed(&node, "citizenship=SY").await, ["C-syrian"]);
    assert_eq!(listed(&node, "citizenship=ua").await, all_but(&["C-syrian"]));
    assert_eq!(listed(&node, "route_country=HU").await, ["C-via-hu"]);
    assert_eq!(listed(&node, "route_country=PL").await, all_but(&["C-via-hu"]));
    assert_eq!(listed(&node, "registered_to=2023-12-31").await, ["C-old"]);
    assert_eq!(listed(&node, "registered_from=2024-01-01").await, all_but(&["C-old"]));
    assert_eq!(
        listed(&node, "registered_from=2023-06-15&registered_to=2023-06-15").await,
        ["C-old"],
        "both ends of the range are included"
    );
    assert_eq!(
        listed(&node, "status=Closed&citizenship=SY").await,
        Vec::<String>::new()
    );
    assert_eq!(
        listed(&node, "status=").await,
        all_but(&[]),
        "an empty value is no filter"
    );
}

#[tokio::test]
async fn a_bad_filter_value_is_a_400_naming_the_parameter_the_value_and_what_was_expected() {
    let node = TestNode::new();
    for (query, parameter, value, expected) in [
        (
            "status=Open",
            "status",
            "Open",
            "Active, FollowUp, Closed, ClosedReferred",
        ),
        ("exploitation=Slavery", "exploitation", "Slavery", "ForcedLabour"),
        ("citizenship=UKR", "citizenship", "UKR", "ISO 3166-1 alpha-2"),
        ("route_country=XX", "route_country", "XX", "ISO 3166-1 alpha-2"),
        (
            "registered_from=2024-13-01",
            "registered_from",
            "2024-13-01",
            "YYYY-MM-DD",
        ),
        ("registered_to=yesterday", "registered_to", "yesterday", "YYYY-MM-DD"),
        (
            "registered_from=2024-05-01&registered_to=2024-04-30",
            "registered_to",
            "2024-04-30",
            "on or after",
        ),
        ("page=0", "page", "0", "from 1"),
        ("per_page=501", "per_page", "501", "to 500"),
        ("per_page=ten", "per_page", "ten", "whole number"),
    ] {
        let answer = node.get(&format!("/api/v1/cases?{query}")).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(answer.error(), "bad_parameter", "{query}");
        assert_eq!(answer.body["parameter"], parameter, "{query}");
        assert_eq!(answer.body["value"], value, "{query}");
        let said = answer.body["expected"].as_str().unwrap();
        assert!(
            said.contains(expected),
            "{query}: expected {said:?} to mention {expected:?}"
        );
    }
}

#[tokio::test]
async fn an_unknown_or_repeated_parameter_is_a_400_rather_than_silently_ignored() {
    let node = TestNode::with(&[case("C-1")]).await;

    let misspelt = node.get("/api/v1/cases?stauts=Closed").await;
    assert_eq!(misspelt.status, StatusCode::BAD_REQUEST);
    assert_eq!(misspelt.error(), "unknown_parameter");
    assert_eq!(misspelt.body["parameter"], "stauts");
    assert!(misspelt.body["allowed"].as_array().unwrap().contains(&json!("status")));

    let name = node.get("/api/v1/cases?name=Testova").await;
    assert_eq!(name.status, StatusCode::BAD_REQUEST, "no search by name in URLs");
    assert!(!name.body.to_string().contains("Testova"), "the value is not repeated");

    let twice = node.get("/api/v1/cases?status=Active&status=Closed").await;
    assert_eq!(twice.status, StatusCode::BAD_REQUEST);
    assert_eq!(twice.error(), "repeated_parameter");
}
