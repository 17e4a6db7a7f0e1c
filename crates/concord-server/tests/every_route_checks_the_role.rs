//! Walks every route of the router — taken from the router's own table, so no route is
//! left out — anonymously and as every role, and checks the answer against the table:
//! 401 without a session or token, 403 for a role without the permission (and for a
//! token where a browser session is needed), anything but 401 and 403 for a role that
//! holds it, and never a 5xx.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use concord_core::Role;
use concord_server::{route_table, Access};

mod common;

use common::{case, TestNode};

/// The roles walked, with the credentials each calls with (`None`: anonymous).
fn callers(node: &TestNode) -> Vec<(Option<Role>, Option<String>)> {
    let mut callers = vec![(None, None), (Some(Role::Administrator), Some(node.token.clone()))];
    for (name, role, unit) in [
        ("liaison", Role::LiaisonOfficer, None),
        ("analyst", Role::Analyst, None),
        ("field", Role::FieldOfficer, Some("Unit 1")),
    ] {
        let (_, token) = node.user(name, role, unit);
        callers.push((Some(role), Some(token)));
    }
    callers
}

/// A concrete address for a path template: the IDs of a case and person that exist.
fn address(template: &str) -> String {
    template
        .replace("/cases/{id}", "/cases/C-1")
        .replace("/persons/{id}", "/persons/C-1-V1")
        .replace("/tokens/{id}", "/tokens/999")
        .replace("/requests/{id}", "/requests/00000000-0000-4000-8000-000000000000")
        .replace("/alerts/{id}", "/alerts/00000000-0000-4000-8000-000000000000")
        .replace("{code}", "ar")
}

#[tokio::test]
async fn every_route_answers_each_role_as_its_table_says_and_never_fails() {
    let node = TestNode::with(&[case("C-1")]).await;
    let callers = callers(&node);
    let routes = route_table();
    assert!(routes.len() >= 30, "the table lists every route: {}", routes.len());
    let mut walked = 0;
    for route in &routes {
        for (role, token) in &callers {
            let mut request = Request::builder()
                .method(route.method.clone())
                .uri(address(route.path))
                .header(header::HOST, "127.0.0.1")
                .header(header::CONTENT_TYPE, "application/json");
            if let Some(token) = token {
                request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
            }
            let answer = node.request_as_sent(request.body(Body::from("{}")).unwrap()).await;
            let who = role.map_or("anonymous".to_string(), |r| format!("{r:?}"));
            let context = format!(
                "{} {} as {who}: {} {}",
                route.method, route.path, answer.status, answer.text
            );
            assert!(!answer.status.is_server_error(), "{context}");
            match (route.access, role) {
                (Access::Public, _) => assert_ne!(answer.status, StatusCode::FORBIDDEN, "{context}"),
                (_, None) => assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{context}"),
                (Access::SignedIn, Some(_)) => assert!(allowed(answer.status), "{context}"),
                (Access::InSession, Some(_)) => {
                    assert_eq!(
                        answer.status,
                        StatusCode::FORBIDDEN,
                        "{context} (a token, not a session)"
                    )
                }
                (Access::Needs(permission), Some(role)) if role.may(permission) => {
                    assert!(allowed(answer.status), "{context}")
                }
                (Access::Needs(_), Some(_)) => assert_eq!(answer.status, StatusCode::FORBIDDEN, "{context}"),
            }
            walked += 1;
        }
    }
    assert_eq!(walked, routes.len() * 5);
}

fn allowed(status: StatusCode) -> bool {
    status != StatusCode::UNAUTHORIZED && status != StatusCode::FORBIDDEN
}

#[tokio::test]
async fn a_field_officer_of_another_unit_gets_404_for_a_case_that_exists() {
    let node = TestNode::with(&[case("C-1")]).await;
    let (_, token) = node.user("field", Role::FieldOfficer, Some("Unit 1"));
    for uri in [
        "/api/v1/cases/C-1",
        "/api/v1/persons/C-1-V1",
        "/cases/C-1",
        "/persons/C-1-V1",
    ] {
        let request = Request::get(uri)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap();
        assert_eq!(
            node.request_as_sent(request).await.status,
            StatusCode::NOT_FOUND,
            "{uri}"
        );
    }
}
