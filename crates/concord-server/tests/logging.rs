//! The node never logs personal data: the access log holds the method, the route
//! template and the status, whatever the request carried.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use common::{case, person, TestNode};
use serde_json::json;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn requests_full_of_personal_data_leave_only_method_route_and_status_in_the_log() {
    let log = Captured::default();
    let writer = log.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();

    let node = TestNode::with(&[case("C-1")]).await;
    let mut invalid = person("C-1-V2");
    invalid["birth_date"] = json!("2031-02");
    let mut malformed = person("C-1-V3");
    malformed["phones"] = json!(["Testova +380501234567"]);
    let answers = [
        node.get("/api/v1/cases/C-1").await.status,
        node.get("/api/v1/persons/C-1-V1").await.status,
        node.post("/api/v1/cases/C-1/persons", &invalid).await.status,
        node.post("/api/v1/cases/C-1/persons", &malformed).await.status,
        node.put("/api/v1/persons/C-1-V1", &person("C-1-V1")).await.status,
        node.get("/api/v1/persons?name=Testova").await.status,
        node.get("/api/v1/search/Testova/FX123456").await.status,
    ];
    assert_eq!(
        answers,
        [200, 200, 422, 400, 200, 400, 404].map(|s| StatusCode::from_u16(s).unwrap())
    );

    let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
    assert!(text.contains("/api/v1/persons/{id}"), "logs route templates:\n{text}");
    assert!(text.contains("status=422"), "logs statuses:\n{text}");
    for personal in [
        "Testova",
        "Тестова",
        "Олена",
        "Olena",
        "FX123456",
        "380501234567",
        "1990-05",
        "2031-02",
        "C-1-V1",
    ] {
        assert!(!text.contains(personal), "`{personal}` is in the log:\n{text}");
    }
}
