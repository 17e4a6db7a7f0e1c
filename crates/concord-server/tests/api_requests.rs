//! `/api/v1/requests`: a liaison officer sends a request to a partner and follows its
//! workflow, on the API and on the requests page; a step the workflow does not allow is
//! a 409, an unknown request a 404.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use concord_core::Role;
use concord_exchange::Category;
use concord_node::exchange::Agreement;
use serde_json::json;

mod common;

use common::TestNode;

/// Two nodes; `a` has `b` as a partner allowed requests.
fn partners() -> (TestNode, TestNode) {
    let (a, b) = (TestNode::new(), TestNode::new());
    let (card, id) = {
        let store = b.state.lock_store();
        (store.card().unwrap(), store.node_id())
    };
    let mut store = a.state.lock_store();
    store.add_peer(&card, &id).unwrap();
    let requests = BTreeSet::from([Category::Requests]);
    store
        .set_agreement(
            &id,
            &Agreement {
                send: requests.clone(),
                receive: requests,
            },
        )
        .unwrap();
    drop(store);
    (a, b)
}

fn partner_id(node: &TestNode) -> String {
    node.state.lock_store().node_id().to_string()
}

#[tokio::test]
async fn a_liaison_officer_sends_a_request_and_withdraws_it_once() {
    let (a, b) = partners();
    let (_, token) = a.user("liaison", Role::LiaisonOfficer, None);
    let as_liaison = |req: axum::http::request::Builder| req.header("authorization", format!("Bearer {token}"));
    let body = json!({
        "to": partner_id(&b),
        "request_type": "IdentifyPerson",
        "legal_basis": "TraffickingProtocol",
        "urgency": "LifeOrChildAtRisk",
        "deadline": "2025-07-15",
        "subject": "Hit H-3",
        "details": "A child may be at risk; please confirm the identity behind hit H-3."
    });
    let send = |uri: &str, body: serde_json::Value| {
        as_liaison(axum::http::Request::post(uri))
            .header("content-type", "application/json")
            .body(axum::body::Body::from(body.to_string()))
            .unwrap()
    };
    let sent = a.request_as_sent(send("/api/v1/requests", body)).await;
    assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.text);
    assert_eq!(sent.body["status"], "Sent");
    let id = sent.body["request_id"].as_str().unwrap().to_string();

    let listed = a.get("/api/v1/requests").await;
    assert_eq!(listed.body[0]["request_id"], id.as_str());
    assert_eq!(listed.body[0]["direction"], "outgoing");
    assert_eq!(listed.body[0]["urgency"], "LifeOrChildAtRisk");

    let page = a
        .request_as_sent(
            as_liaison(axum::http::Request::get("/requests"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Hit H-3") && page.text.contains("A life or a child at risk"));
    assert!(
        page.text.contains(&format!("action=\"/requests/{id}/steps\"")),
        "the step forms are there"
    );
    assert!(
        page.text.contains(">Withdraw<") && !page.text.contains(">Mark answered<"),
        "only this side's steps"
    );

    let steps = format!("/api/v1/requests/{id}/steps");
    let answer = a.request_as_sent(send(&steps, json!({"step": "answer"}))).await;
    assert_eq!(
        answer.status,
        StatusCode::CONFLICT,
        "only the partner answers: {}",
        answer.text
    );
    let withdrawn = a.request_as_sent(send(&steps, json!({"step": "withdraw"}))).await;
    assert_eq!(withdrawn.status, StatusCode::OK, "{}", withdrawn.text);
    assert_eq!(withdrawn.body["status"], "Withdrawn");
    let again = a.request_as_sent(send(&steps, json!({"step": "withdraw"}))).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(
        again.body["message"].as_str().unwrap().contains("withdrawn"),
        "{}",
        again.text
    );

    let unknown = "/api/v1/requests/00000000-0000-4000-8000-000000000000/steps";
    assert_eq!(
        a.request_as_sent(send(unknown, json!({"step": "withdraw"})))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}
