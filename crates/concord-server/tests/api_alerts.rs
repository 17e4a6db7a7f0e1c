//! `/api/v1/alerts` and the alerts page: a liaison officer issues, updates and cancels an
//! alert and acknowledges a partner's; an analyst may do none of it; an unknown alert is a
//! 404, a bad expiry a 422 naming the field, what an alert's state refuses a 409; the page
//! shows alerts in English and Arabic.

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use concord_core::alert::AlertType;
use concord_core::Role;
use concord_exchange::Category;
use concord_node::exchange::{Agreement, NewAlert, Via};
use serde_json::{json, Value};

mod common;

use common::{Answer, TestNode};

/// Two nodes, partners allowing alerts both ways.
fn partners() -> (TestNode, TestNode) {
    let (a, b) = (TestNode::new(), TestNode::new());
    let alerts = BTreeSet::from([Category::Alerts]);
    let agreement = Agreement {
        send: alerts.clone(),
        receive: alerts,
    };
    let (mut x, mut y) = (a.state.lock_store(), b.state.lock_store());
    let (card_x, card_y, id_x, id_y) = (x.card().unwrap(), y.card().unwrap(), x.node_id(), y.node_id());
    x.add_peer(&card_y, &id_y).unwrap();
    y.add_peer(&card_x, &id_x).unwrap();
    x.set_agreement(&id_y, &agreement).unwrap();
    y.set_agreement(&id_x, &agreement).unwrap();
    drop((x, y));
    (a, b)
}

fn in_days(days: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days)).to_rfc3339()
}

/// A call with `token`, with a JSON body if any.
async fn call(node: &TestNode, token: &str, method: &str, uri: &str, body: Option<Value>) -> Answer {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json");
    let body = body.map_or_else(Body::empty, |b| Body::from(b.to_string()));
    node.request_as_sent(request.body(body).unwrap()).await
}

/// The alerts page as the holder of `token`, in `lang`.
async fn page(node: &TestNode, token: &str, lang: &str) -> Answer {
    let request = Request::get("/alerts")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::ACCEPT_LANGUAGE, lang)
        .body(Body::empty())
        .unwrap();
    node.request_as_sent(request).await
}

#[tokio::test]
async fn a_liaison_officer_issues_updates_and_cancels_an_alert_and_an_analyst_may_not() {
    let (a, _b) = partners();
    let (_, liaison) = a.user("liaison", Role::LiaisonOfficer, None);
    let (_, analyst) = a.user("analyst", Role::Analyst, None);
    let alert = json!({
        "alert_type": "WantedSuspect",
        "subject": "Recruiter using the name 'Marat'",
        "details": "Offers construction work in Poland; takes passports on arrival.",
        "expires_at": in_days(30),
        "area": "Lviv bus station"
    });
    assert_eq!(
        call(&a, &analyst, "POST", "/api/v1/alerts", Some(alert.clone()))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        call(&a, &analyst, "GET", "/api/v1/alerts", None).await.status,
        StatusCode::FORBIDDEN
    );

    let issued = call(&a, &liaison, "POST", "/api/v1/alerts", Some(alert.clone())).await;
    assert_eq!(issued.status, StatusCode::CREATED, "{}", issued.text);
    assert_eq!(
        (issued.body["revision"].as_u64(), issued.body["recipients"].as_u64()),
        (Some(1), Some(1))
    );
    let id = issued.body["alert_id"].as_str().unwrap().to_string();

    let listed = call(&a, &liaison, "GET", "/api/v1/alerts", None).await;
    assert_eq!(listed.status, StatusCode::OK);
    let first = &listed.body[0];
    assert_eq!(
        (first["alert_id"].as_str(), first["status"].as_str()),
        (Some(id.as_str()), Some("Active"))
    );
    assert_eq!(first["direction"], "outgoing");
    assert_eq!(first["recipients"].as_array().unwrap().len(), 1);

    let mut past = alert.clone();
    past["expires_at"] = json!("2020-01-01");
    let refused = call(&a, &liaison, "POST", "/api/v1/alerts", Some(past)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.text);
    assert_eq!(refused.fields(), ["expires_at"]);

    let own_ack = call(&a, &liaison, "POST", &format!("/api/v1/alerts/{id}/ack"), None).await;
    assert_eq!(own_ack.status, StatusCode::CONFLICT, "{}", own_ack.text);

    let change = json!({"subject": "Recruiter 'Marat' seen again in Lviv"});
    let updated = call(
        &a,
        &liaison,
        "POST",
        &format!("/api/v1/alerts/{id}/update"),
        Some(change),
    )
    .await;
    assert_eq!(
        (updated.status, updated.body["revision"].as_u64()),
        (StatusCode::OK, Some(2))
    );
    let cancel = format!("/api/v1/alerts/{id}/cancel");
    let cancelled = call(&a, &liaison, "POST", &cancel, None).await;
    assert_eq!(
        (cancelled.status, cancelled.body["revision"].as_u64()),
        (StatusCode::OK, Some(3))
    );
    let again = call(&a, &liaison, "POST", &cancel, None).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(
        again.text.contains("is cancelled, so it cannot be cancelled"),
        "{}",
        again.text
    );
    assert_eq!(
        call(&a, &analyst, "POST", &cancel, None).await.status,
        StatusCode::FORBIDDEN
    );

    let unknown = "/api/v1/alerts/00000000-0000-4000-8000-000000000000";
    for action in ["cancel", "ack"] {
        let answer = call(&a, &liaison, "POST", &format!("{unknown}/{action}"), None).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{action}: {}", answer.text);
    }
    let bad_id = call(&a, &liaison, "POST", "/api/v1/alerts/H-17/cancel", None).await;
    assert_eq!(bad_id.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_partners_alert_is_acknowledged_and_both_pages_show_it_in_english_and_arabic() {
    let (a, b) = partners();
    let (_, liaison_a) = a.user("liaison", Role::LiaisonOfficer, None);
    let (_, liaison_b) = b.user("liaison", Role::LiaisonOfficer, None);
    let new = NewAlert {
        alert_type: AlertType::MissingPerson,
        subject: "Boy, 14, missing since 3 June".into(),
        details: "May be travelling with an older man towards the border.".into(),
        expires_at: chrono::Utc::now() + chrono::Duration::days(10),
        area: None,
    };
    let id = a.state.lock_store().issue_alert(&new).unwrap().alert_id;
    let carry = |from: &TestNode, to: &TestNode| {
        let to_id = to.state.lock_store().node_id();
        let bundle = from.state.lock_store().export_bundle(&to_id).unwrap();
        let received = to
            .state
            .lock_store()
            .receive_bundle(&bundle.bytes, Via::Bundle)
            .unwrap();
        from.state
            .lock_store()
            .receive_bundle(&received.return_bundle.unwrap(), Via::Bundle)
            .unwrap();
    };
    carry(&a, &b);

    let english = page(&b, &liaison_b, "en").await;
    assert_eq!(english.status, StatusCode::OK);
    assert!(english.text.contains("Boy, 14, missing since 3 June") && english.text.contains("Missing person"));
    assert!(
        english.text.contains(&format!("action=\"/alerts/{id}/ack\"")),
        "the acknowledge button"
    );

    let ack = format!("/api/v1/alerts/{id}/ack");
    let acked = call(&b, &liaison_b, "POST", &ack, None).await;
    assert_eq!(
        (acked.status, acked.body["revision"].as_u64()),
        (StatusCode::OK, Some(1)),
        "{}",
        acked.text
    );
    assert_eq!(
        call(&b, &liaison_b, "POST", &ack, None).await.status,
        StatusCode::CONFLICT
    );
    let arabic = page(&b, &liaison_b, "ar").await;
    assert!(arabic.text.contains("dir=\"rtl\"") && arabic.text.contains("شخص مفقود"));
    assert!(arabic.text.contains("أقررنا باستلامه") && !arabic.text.contains(&format!("/alerts/{id}/ack")));

    carry(&b, &a);
    let issuer = page(&a, &liaison_a, "en").await;
    assert!(
        issuer.text.contains("acknowledged revision \u{2068}1\u{2069}"),
        "{}",
        issuer.text
    );
    assert!(issuer.text.contains(&format!("action=\"/alerts/{id}/cancel\"")));
}

#[tokio::test]
async fn the_page_form_issues_an_alert_and_a_bad_expiry_is_shown_not_sent() {
    let (a, _b) = partners();
    let (_, liaison) = a.user("liaison", Role::LiaisonOfficer, None);
    let post = |body: String| {
        Request::post("/alerts")
            .header(header::AUTHORIZATION, format!("Bearer {liaison}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap()
    };
    let expires = (chrono::Utc::now() + chrono::Duration::days(5)).format("%Y-%m-%dT%H:%M");
    let good = format!("alert_type=RouteSeen&subject=Night+crossings&details=By+boat&expires_at={expires}&area=");
    let issued = a.request_as_sent(post(good)).await;
    assert_eq!(issued.status, StatusCode::SEE_OTHER, "{}", issued.text);
    let bad = "alert_type=RouteSeen&subject=Later&details=&expires_at=next+week".to_string();
    let refused = a.request_as_sent(post(bad)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.text.contains("expires_at: `next week` is not a time"),
        "{}",
        refused.text
    );
    let alerts = a.state.lock_store().alerts(10).unwrap();
    assert_eq!(alerts.len(), 1);
    assert_eq!(
        (alerts[0].subject.as_str(), alerts[0].area.as_deref()),
        ("Night crossings", None)
    );
}
