//! The estimation page: a pasted table of capture histories gives the estimate of the
//! published UK 2013 study, with every model considered; a table that is not one comes
//! back with the line and column of the problem.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use concord_core::Role;

mod common;

use common::TestNode;

/// UK 2013, five lists (Bales, Hesketh & Silverman 2015; published aggregate counts).
const UK_2013: &str = include_str!("../../concord-estimate/tests/data/uk2013_5lists.csv");

async fn post(node: &TestNode, token: &str, form: &str) -> common::Answer {
    let request = Request::post("/estimate")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.to_string()))
        .unwrap();
    node.request_as_sent(request).await
}

fn form(table: &str) -> String {
    let mut form = form_urlencoded::Serializer::new(String::new());
    form.append_pair("histories", table).append_pair("criterion", "aic");
    form.finish()
}

#[tokio::test]
async fn an_analyst_gets_the_published_estimate_with_every_model_considered() {
    let node = TestNode::new();
    let (_, token) = node.user("analyst", Role::Analyst, None);
    let page = post(&node, &token, &form(UK_2013)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    assert!(page.text.contains("<strong>11313</strong>"), "the chosen total");
    assert!(page.text.contains("9897–13074"), "its profile-likelihood interval");
    assert!(
        page.text.contains("main effects only"),
        "the models considered are listed"
    );
    assert!(page.text.contains("NG:GO"), "with their interactions");
}

#[tokio::test]
async fn a_table_that_is_not_one_comes_back_with_where_the_problem_is() {
    let node = TestNode::new();
    let page = post(&node, &node.token, &form("A,B,count\n1,0,5\n1,1,2.5\n")).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.text.contains("id=\"histories-error\""));
    assert!(page.text.contains("line 3"), "{}", page.text);
}

#[tokio::test]
async fn a_field_officer_who_sees_no_statistics_gets_no_estimate() {
    let node = TestNode::new();
    let (_, token) = node.user("field", Role::FieldOfficer, Some("Unit 1"));
    assert_eq!(post(&node, &token, &form(UK_2013)).await.status, StatusCode::FORBIDDEN);
}
