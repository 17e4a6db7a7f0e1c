//! `/api/v1/persons` and `/api/v1/cases/{id}/persons`: reading, replacing and adding
//! persons, always as part of a valid case.

mod common;

use axum::http::{header, StatusCode};
use common::{case, person, TestNode};
use concord_core::vocabulary::PersonRole;
use concord_core::{Case, Person};
use serde_json::json;

#[tokio::test]
async fn a_person_reads_back_with_the_id_of_their_case() {
    let node = TestNode::with(&[case("C-1")]).await;

    let answer = node.get("/api/v1/persons/C-1-V1").await;

    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["case_id"], "C-1");
    let read: Person = serde_json::from_value(answer.body["person"].clone()).unwrap();
    assert_eq!(read, case("C-1").persons[0]);
}

#[tokio::test]
async fn a_person_who_is_not_there_is_a_json_404_for_get_put_and_add_to_a_missing_case() {
    let node = TestNode::with(&[case("C-1")]).await;
    let get = node.get("/api/v1/persons/P-404").await;
    assert_eq!((get.status, get.error()), (StatusCode::NOT_FOUND, "not_found"));

    let put = node.put("/api/v1/persons/P-404", &person("P-404")).await;
    assert_eq!((put.status, put.error()), (StatusCode::NOT_FOUND, "not_found"));

    let add = node.post("/api/v1/cases/C-404/persons", &person("P-1")).await;
    assert_eq!((add.status, add.error()), (StatusCode::NOT_FOUND, "not_found"));
}

#[tokio::test]
async fn put_replaces_one_person_and_leaves_the_rest_of_the_case_alone() {
    let mut two = case("C-1");
    two.persons.push(common::typed_person("C-1-V2"));
    let node = TestNode::with(&[two.clone()]).await;
    let mut changed = person("C-1-V1");
    changed["role"] = json!("Witness");
    changed["birth_date"] = json!("1985±2");

    let answer = node.put("/api/v1/persons/C-1-V1", &changed).await;

    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.body["case_id"], "C-1");
    let read: Case = serde_json::from_value(node.get("/api/v1/cases/C-1").await.body).unwrap();
    assert_eq!(read.persons[0], serde_json::from_value::<Person>(changed).unwrap());
    assert_eq!(read.persons[0].role, PersonRole::Witness);
    assert_eq!(read.persons[1], two.persons[1]);
    assert_eq!(
        Case {
            persons: vec![],
            ..read
        },
        Case { persons: vec![], ..two }
    );
}

#[tokio::test]
async fn put_of_a_person_that_breaks_the_rules_is_a_422_with_paths_within_the_person() {
    let node = TestNode::with(&[case("C-1")]).await;
    let mut bad = person("C-1-V1");
    bad["birth_date"] = json!("2024-05"); // after the case's registration on 2024-03-01
    bad["names"] = json!([]);

    let answer = node.put("/api/v1/persons/C-1-V1", &bad).await;

    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut fields = answer.fields();
    fields.sort();
    assert_eq!(fields, ["birth_date", "names"]);
    let read: Case = serde_json::from_value(node.get("/api/v1/cases/C-1").await.body).unwrap();
    assert_eq!(read, case("C-1"), "nothing changed");
}

#[tokio::test]
async fn put_with_another_person_id_in_the_body_is_a_422_on_id() {
    let node = TestNode::with(&[case("C-1")]).await;
    let answer = node.put("/api/v1/persons/C-1-V1", &person("C-1-V9")).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.fields(), ["id"]);
    assert_eq!(node.get("/api/v1/persons/C-1-V9").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_person_added_to_a_case_is_201_with_their_address_and_joins_the_case() {
    let node = TestNode::with(&[case("C-1")]).await;
    let mut suspect = person("C-1-S1");
    suspect["role"] = json!("Suspect");
    suspect["gender"] = json!("Masculine");
    suspect["documents"] = json!([]);
    suspect["phones"] = json!([]);

    let answer = node.post("/api/v1/cases/C-1/persons", &suspect).await;

    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    assert_eq!(answer.headers[header::LOCATION], "/api/v1/persons/C-1-S1");
    assert_eq!(answer.body["case_id"], "C-1");
    let read: Case = serde_json::from_value(node.get("/api/v1/cases/C-1").await.body).unwrap();
    assert_eq!(read.persons.len(), 2);
    assert_eq!(read.persons[1], serde_json::from_value::<Person>(suspect).unwrap());
    assert_eq!(node.get("/api/v1/persons/C-1-S1").await.body["case_id"], "C-1");
}

#[tokio::test]
async fn adding_a_person_whose_id_is_taken_anywhere_in_the_node_is_a_409() {
    let node = TestNode::with(&[case("C-1"), case("C-2")]).await;

    let same_case = node.post("/api/v1/cases/C-1/persons", &person("C-1-V1")).await;
    assert_eq!(same_case.status, StatusCode::CONFLICT);

    let other_case = node.post("/api/v1/cases/C-1/persons", &person("C-2-V1")).await;
    assert_eq!(other_case.status, StatusCode::CONFLICT);
    assert_eq!(other_case.error(), "conflict");

    let read: Case = serde_json::from_value(node.get("/api/v1/cases/C-1").await.body).unwrap();
    assert_eq!(read.persons.len(), 1);
}

#[tokio::test]
async fn adding_a_person_that_breaks_the_rules_is_a_422_with_paths_within_the_person() {
    let node = TestNode::with(&[case("C-1")]).await;
    let mut bad = person("C-1-V2");
    bad["names"][0]["given"] = json!(" Олена");

    let answer = node.post("/api/v1/cases/C-1/persons", &bad).await;

    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.fields(), ["names[0].given"]);
    assert!(answer.body["errors"][0]["value"].is_null(), "a name is never repeated");
    assert_eq!(node.get("/api/v1/persons/C-1-V2").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_malformed_person_is_a_400_naming_the_path() {
    let node = TestNode::with(&[case("C-1")]).await;
    let mut bad = person("C-1-V2");
    bad["citizenships"] = json!(["UA", "Ukraine"]);
    let answer = node.post("/api/v1/cases/C-1/persons", &bad).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.body["path"], "citizenships[1]");
}

#[tokio::test]
async fn a_malformed_name_or_birth_date_is_not_repeated_in_the_answer() {
    let node = TestNode::with(&[case("C-1")]).await;
    let mut bad = person("C-1-V2");
    bad["names"] = json!("Olena Testova");
    let answer = node.post("/api/v1/cases/C-1/persons", &bad).await;
    assert_eq!(
        (answer.status, answer.body["path"].as_str()),
        (StatusCode::BAD_REQUEST, Some("names"))
    );
    assert!(!answer.body.to_string().contains("Testova"), "{}", answer.body);

    let mut bad = person("C-1-V2");
    bad["birth_date"] = json!("12.03.1990");
    let answer = node.post("/api/v1/cases/C-1/persons", &bad).await;
    assert_eq!(answer.body["path"], "birth_date");
    assert!(!answer.body.to_string().contains("12.03.1990"), "{}", answer.body);
}

#[tokio::test]
async fn the_person_list_is_paged_by_id_filtered_by_role_and_citizenship_and_holds_no_names() {
    let mut c1 = case("C-1");
    let mut suspect = common::typed_person("C-1-S1");
    suspect.role = PersonRole::Suspect;
    suspect.citizenships = ["MD".parse().unwrap()].into();
    c1.persons.push(suspect);
    let node = TestNode::with(&[c1, case("C-2"), case("C-3")]).await;

    let all = node.get("/api/v1/persons?per_page=2").await;
    assert_eq!(all.status, StatusCode::OK);
    assert_eq!(all.body["total"], 4);
    assert_eq!(all.ids(), ["C-1-S1", "C-1-V1"]);
    assert_eq!(
        node.get("/api/v1/persons?per_page=2&page=2").await.ids(),
        ["C-2-V1", "C-3-V1"]
    );

    assert_eq!(node.get("/api/v1/persons?role=Suspect").await.ids(), ["C-1-S1"]);
    assert_eq!(node.get("/api/v1/persons?citizenship=MD").await.ids(), ["C-1-S1"]);
    assert_eq!(
        node.get("/api/v1/persons?role=Victim&citizenship=UA").await.ids(),
        ["C-1-V1", "C-2-V1", "C-3-V1"]
    );
    let first = &all.body["items"][0];
    assert_eq!(first["case_id"], "C-1");
    assert_eq!(first["role"], "Suspect");
    let text = all.body.to_string();
    assert!(!text.contains("Testova") && !text.contains("FX123456"), "{text}");
}

#[tokio::test]
async fn a_bad_person_filter_is_a_400_and_there_is_no_search_by_name() {
    let node = TestNode::new();
    let role = node.get("/api/v1/persons?role=Trafficker").await;
    assert_eq!(role.status, StatusCode::BAD_REQUEST);
    assert_eq!(role.body["parameter"], "role");
    assert!(role.body["expected"].as_str().unwrap().contains("Suspect"));

    let country = node.get("/api/v1/persons?citizenship=Ukraine").await;
    assert_eq!(country.body["parameter"], "citizenship");

    for query in ["name=Testova", "document=FX123456", "phone=%2B380501234567"] {
        let answer = node.get(&format!("/api/v1/persons?{query}")).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(answer.error(), "unknown_parameter", "{query}");
    }
}
