//! What holds for every request: JSON errors everywhere, body limits, content type,
//! the loopback host check, and the node endpoints.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::{case, TestNode};

#[tokio::test]
async fn health_says_ok_and_who_the_node_is() {
    let node = TestNode::new();
    let answer = node.get("/api/v1/health").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["status"], "ok");
    assert_eq!(answer.body["node"]["name"], "Test unit, Kyiv");
    assert_eq!(answer.body["node"]["country"], "UA");
    assert_eq!(answer.body["node"]["kind"], "LawEnforcement");
    assert_eq!(answer.body["version"], env!("CARGO_PKG_VERSION"));
}

#[tokio::test]
async fn stats_count_the_cases_and_victims() {
    let node = TestNode::with(&[case("C-1"), case("C-2")]).await;
    let answer = node.get("/api/v1/stats").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["cases"], 2);
    assert_eq!(answer.body["persons"], 2);
    assert_eq!(answer.body["victims"], 2);
}

#[tokio::test]
async fn an_unknown_address_under_api_is_a_json_404() {
    let node = TestNode::new();
    for uri in [
        "/api/v1/nothing",
        "/api/v2/cases",
        "/api",
        "/api/v1/cases/C-1/persons/extra",
    ] {
        let answer = node.get(uri).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(answer.error(), "not_found", "{uri}");
    }
}

#[tokio::test]
async fn a_method_an_address_does_not_take_is_a_json_405() {
    let node = TestNode::new();
    let answer = node
        .request(Request::delete("/api/v1/cases/C-1").body(Body::empty()).unwrap())
        .await;
    assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(answer.error(), "method_not_allowed");
}

#[tokio::test]
async fn a_body_over_one_mebibyte_is_a_413() {
    let node = TestNode::new();
    let mut big = serde_json::to_value(case("C-1")).unwrap();
    big["narrative"] = "x".repeat(concord_server::MAX_BODY_BYTES + 1).into();
    let answer = node.post("/api/v1/cases", &big).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.error(), "payload_too_large");
}

#[tokio::test]
async fn a_body_not_sent_as_json_is_a_415_so_other_web_pages_cannot_post_forms_to_the_node() {
    let node = TestNode::new();
    let body = serde_json::to_string(&case("C-1")).unwrap();
    for content_type in [Some("text/plain"), Some("application/x-www-form-urlencoded"), None] {
        let mut request = Request::post("/api/v1/cases");
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let answer = node.request(request.body(Body::from(body.clone())).unwrap()).await;
        assert_eq!(answer.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{content_type:?}");
        assert_eq!(answer.error(), "unsupported_media_type");
    }
    assert_eq!(node.get("/api/v1/cases/C-1").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_request_addressed_to_a_foreign_host_name_is_refused_against_dns_rebinding() {
    let node = TestNode::with(&[case("C-1")]).await;
    let to = |host: &str| {
        Request::get("/api/v1/cases/C-1")
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap()
    };

    let foreign = node.request(to("attacker.example:8080")).await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);
    assert_eq!(foreign.error(), "forbidden_host");
    assert!(foreign.body.get("persons").is_none());

    for host in ["localhost:8080", "127.0.0.1:8080", "[::1]:8080"] {
        assert_eq!(node.request(to(host)).await.status, StatusCode::OK, "{host}");
    }
}

#[tokio::test]
async fn a_query_value_that_is_not_utf8_is_a_400_not_a_crash() {
    let node = TestNode::new();
    let answer = node
        .send_raw(Method::GET, "/api/v1/cases?status=%FF%FE", Body::empty())
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
    assert_eq!(answer.error(), "bad_parameter");
    assert_eq!(answer.body["parameter"], "status");
}
