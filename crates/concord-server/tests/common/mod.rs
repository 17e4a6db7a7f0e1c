//! A node in a temporary folder with the API in front of it, and hand-built records.
//! Every name in these records is invented.

#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use chrono::NaiveDate;
use concord_core::vocabulary::OrganisationType;
use concord_core::{Case, Person, Role};
use concord_node::users::NewUser;
use concord_node::{KeySource, NodeSettings, Store};
use concord_server::{router_with_state, AppState};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

/// The date the test node takes for today.
pub const TODAY: &str = "2025-06-30";

fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

/// A fresh node and its API, called as an administrator with an API token unless a
/// request says otherwise.
pub struct TestNode {
    pub router: Router,
    /// The administrator's API token.
    pub token: String,
    /// The node's state, shared with the router (to add users and tokens).
    pub state: AppState,
    _dir: tempfile::TempDir,
}

/// What the API answered.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// The body as JSON (`Null` when it is empty or not JSON).
    pub body: Value,
    /// The body as text.
    pub text: String,
}

impl Answer {
    /// The `error` code of an error body.
    pub fn error(&self) -> &str {
        self.body["error"]
            .as_str()
            .unwrap_or_else(|| panic!("not an error body: {}", self.body))
    }

    /// The `field`s named by a validation error.
    pub fn fields(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("no `errors` in {}", self.body))
            .iter()
            .map(|e| e["field"].as_str().unwrap().to_string())
            .collect()
    }

    /// The IDs of the items of a page.
    pub fn ids(&self) -> Vec<String> {
        self.body["items"]
            .as_array()
            .unwrap_or_else(|| panic!("no `items` in {}", self.body))
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    }
}

impl TestNode {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("node.key");
        concord_node::vault::create_key_file(&key).unwrap();
        let settings = NodeSettings {
            name: "Test unit, Kyiv".into(),
            country: "UA".parse().unwrap(),
            kind: OrganisationType::LawEnforcement,
        };
        let mut store = Store::init(&dir.path().join("node"), &settings, &KeySource::KeyFile(key)).unwrap();
        let (admin, _) = store.add_user(&new_user("admin", Role::Administrator, None)).unwrap();
        let token = store.create_api_token(&admin, "tests").unwrap().1.as_str().to_string();
        let state = AppState::with_today(store, today);
        Self {
            router: router_with_state(state.clone()),
            token,
            state,
            _dir: dir,
        }
    }

    /// Adds a user and returns their password and an API token of theirs.
    pub fn user(&self, name: &str, role: Role, unit: Option<&str>) -> (String, String) {
        let mut store = self.state.lock_store();
        let (user, password) = store.add_user(&new_user(name, role, unit)).unwrap();
        let token = store.create_api_token(&user, "tests").unwrap().1;
        (password.to_string(), token.as_str().to_string())
    }

    /// A node already holding `cases`.
    pub async fn with(cases: &[Case]) -> Self {
        let node = Self::new();
        for case in cases {
            let answer = node.post("/api/v1/cases", &serde_json::to_value(case).unwrap()).await;
            assert_eq!(
                answer.status,
                StatusCode::CREATED,
                "setting up {}: {}",
                case.id,
                answer.body
            );
        }
        node
    }

    /// Sends `request`, with the administrator's token unless it carries credentials.
    pub async fn request(&self, mut request: Request<Body>) -> Answer {
        if !request.headers().contains_key(header::AUTHORIZATION) && !request.headers().contains_key(header::COOKIE) {
            let bearer = format!("Bearer {}", self.token);
            request
                .headers_mut()
                .insert(header::AUTHORIZATION, bearer.parse().unwrap());
        }
        self.request_as_sent(request).await
    }

    /// Sends `request` exactly as it is (anonymous unless it carries credentials).
    pub async fn request_as_sent(&self, request: Request<Body>) -> Answer {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Answer {
            status,
            headers,
            body,
            text,
        }
    }

    pub async fn get(&self, uri: &str) -> Answer {
        self.request(Request::get(uri).body(Body::empty()).unwrap()).await
    }

    pub async fn send_raw(&self, method: Method, uri: &str, body: impl Into<Body>) -> Answer {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(body.into())
            .unwrap();
        self.request(request).await
    }

    pub async fn post(&self, uri: &str, body: &Value) -> Answer {
        self.send_raw(Method::POST, uri, body.to_string()).await
    }

    pub async fn put(&self, uri: &str, body: &Value) -> Answer {
        self.send_raw(Method::PUT, uri, body.to_string()).await
    }
}

/// A user to add.
pub fn new_user(name: &str, role: Role, unit: Option<&str>) -> NewUser {
    NewUser {
        username: name.parse().unwrap(),
        display_name: format!("Test {name}"),
        role,
        unit: unit.map(str::to_owned),
    }
}

/// A valid forced-labour case (UA → PL → DE, registered 2024-03-01) with one victim
/// `{id}-V1` of Ukrainian citizenship.
pub fn case(id: &str) -> Case {
    serde_json::from_value(json!({
        "id": id,
        "registered_on": "2024-03-01",
        "reporting_org": { "name": "National Police, Kyiv", "kind": "LawEnforcement", "country": "UA" },
        "status": "Active",
        "exploitation": ["ForcedLabour"],
        "labour_sector": "F_Construction",
        "means_of_control": ["DebtBondage", "WithholdsDocuments"],
        "route": [
            { "role": "Origin", "country": "UA", "place": "Vinnytsia" },
            { "role": "Transit", "country": "PL" },
            { "role": "Destination", "country": "DE", "from": "2023-11" }
        ],
        "narrative": "Recruited through an advert for building work; passport taken on arrival.",
        "sensitivity": "Amber",
        "persons": [person(&format!("{id}-V1"))]
    }))
    .unwrap()
}

/// A victim, born in May 1990, Ukrainian, with a Cyrillic name and its romanised form.
pub fn person(id: &str) -> Value {
    json!({
        "id": id,
        "role": "Victim",
        "names": [{
            "given": "Олена",
            "family": "Тестова",
            "romanised": { "given": "Olena", "family": "Testova" }
        }],
        "gender": "Feminine",
        "birth_date": "1990-05",
        "citizenships": ["UA"],
        "documents": [{ "kind": "Passport", "issuing_country": "UA", "number": "FX123456" }],
        "phones": ["+380501234567"]
    })
}

/// The same person as a typed record.
pub fn typed_person(id: &str) -> Person {
    serde_json::from_value(person(id)).unwrap()
}
