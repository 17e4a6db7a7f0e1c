//! `/api/v1/network`, `/api/v1/hits` and the hits page: an administrator makes the
//! network's key, two nodes holding the same victim find the hit, a liaison officer
//! confirms it under their own name and asks for assistance about it.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use concord_core::Role;
use concord_exchange::Category;
use concord_node::exchange::{Agreement, Via};
use serde_json::json;

mod common;

use common::TestNode;

/// Carries everything pending from `from` to `to` by bundle, and the receipts back.
fn carry(from: &TestNode, to: &TestNode) {
    let mut from = from.state.lock_store();
    let mut to = to.state.lock_store();
    let Ok(bundle) = from.export_bundle(&to.node_id()) else {
        return;
    };
    let received = to.receive_bundle(&bundle.bytes, Via::Bundle).unwrap();
    if let Some(back) = received.return_bundle {
        from.receive_bundle(&back, Via::Bundle).unwrap();
    }
}

/// `a` coordinates; both hold case C-1 with the same victim, and exchange encodings.
async fn two_nodes_with_a_hit() -> (TestNode, TestNode) {
    let (a, b) = (
        TestNode::with(&[common::case("C-1")]).await,
        TestNode::with(&[common::case("C-9")]).await,
    );
    let all: BTreeSet<Category> = Category::ALL.into_iter().collect();
    let agreement = Agreement {
        send: all.clone(),
        receive: all,
    };
    for (x, y) in [(&a, &b), (&b, &a)] {
        let (card, id) = {
            let store = y.state.lock_store();
            (store.card().unwrap(), store.node_id())
        };
        let mut store = x.state.lock_store();
        store.add_peer(&card, &id).unwrap();
        store.set_agreement(&id, &agreement).unwrap();
    }
    let made = a.post("/api/v1/network/keys", &json!({})).await;
    assert_eq!((made.status, made.body["epoch"].as_u64()), (StatusCode::OK, Some(1)));
    let a_id = a.state.lock_store().node_id().to_string();
    let named = b.post("/api/v1/network/coordinator", &json!({ "node_id": a_id })).await;
    assert_eq!(named.status, StatusCode::OK, "{}", named.text);
    for _ in 0..3 {
        for node in [&a, &b] {
            let mut store = node.state.lock_store();
            store.sync_linkage().unwrap();
            store.find_hits().unwrap();
        }
        carry(&a, &b);
        carry(&b, &a);
    }
    (a, b)
}

#[tokio::test]
async fn both_nodes_see_the_hit_and_a_liaison_officer_confirms_it_under_their_name() {
    let (a, b) = two_nodes_with_a_hit().await;
    let (status_a, status_b) = (a.get("/api/v1/network").await, b.get("/api/v1/network").await);
    assert_eq!(status_a.body["epoch"], 1);
    assert_eq!(status_a.body["key_check"], status_b.body["key_check"]);
    assert_eq!(status_b.body["partner_encodings"], 1);

    let hits = a.get("/api/v1/hits?status=new").await;
    assert_eq!(hits.status, StatusCode::OK);
    let list = hits.body.as_array().unwrap();
    assert_eq!(list.len(), 1, "{}", hits.body);
    assert_eq!(list[0]["person_id"], "C-1-V1");
    assert_eq!(b.get("/api/v1/hits").await.body[0]["person_id"], "C-9-V1");
    let id = list[0]["id"].as_i64().unwrap();

    let (_, token) = a.user("liaison", Role::LiaisonOfficer, None);
    let review_of = |id: i64, status: &'static str, token: String| {
        axum::http::Request::post(format!("/api/v1/hits/{id}/review"))
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json")
            .body(axum::body::Body::from(json!({ "status": status }).to_string()))
            .unwrap()
    };
    let review = |status, token| review_of(id, status, token);
    let confirmed = a.request(review("confirmed", token.clone())).await;
    assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.text);
    assert_eq!(confirmed.body["status"], "confirmed");
    assert_eq!(confirmed.body["reviewed_by"], "liaison");
    assert_eq!(
        a.request(review("new", token.clone())).await.status,
        StatusCode::BAD_REQUEST
    );
    let (_, analyst) = a.user("analyst", Role::Analyst, None);
    assert_eq!(
        a.request(review("rejected", analyst)).await.status,
        StatusCode::FORBIDDEN
    );
    let unknown = a.request(review_of(424_242, "rejected", token.clone())).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let admin = a
        .post(&format!("/api/v1/hits/{id}/review"), &json!({ "status": "rejected" }))
        .await;
    assert_eq!(
        admin.status,
        StatusCode::FORBIDDEN,
        "an administrator does not review hits"
    );

    // The page lists it, in English and Arabic, and offers the request about it.
    let page = a
        .request(
            axum::http::Request::get("/hits")
                .header("authorization", format!("Bearer {token}"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("C-1-V1") && page.text.contains(&format!("/requests?hit={id}")));
    let arabic = a
        .request(
            axum::http::Request::get("/hits")
                .header("accept-language", "ar")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert!(arabic.text.contains("التطابقات"), "{}", arabic.text);
    let form = a
        .request(
            axum::http::Request::get(format!("/requests?hit={id}"))
                .header("authorization", format!("Bearer {token}"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert!(
        form.text.contains(&format!("name=\"about_hit\" value=\"{id}\"")),
        "{}",
        form.text
    );
}
