//! Two nodes in one process, one serving its API on loopback: the outbox is pushed over
//! real HTTP, the receipt comes back in the answer, and refusals are clear JSON errors.

use std::collections::BTreeSet;
use std::path::Path;

use concord_core::vocabulary::OrganisationType;
use concord_exchange::payload::Notice;
use concord_exchange::{Category, Handling};
use concord_node::exchange::{Agreement, Message, OutboxStatus};
use concord_node::{vault, KeySource, NodeSettings, Store};
use concord_server::{
    deliver_due, delivery_client, router_with_state, AppState, DeliveryOptions, BUNDLE_MEDIA_TYPE, MAX_BUNDLE_BYTES,
};

struct Node {
    data: std::path::PathBuf,
    key: KeySource,
}

impl Node {
    fn create(dir: &Path, name: &str) -> (Self, Store) {
        let key_path = dir.join(format!("{name}.key"));
        vault::create_key_file(&key_path).unwrap();
        let key = KeySource::KeyFile(key_path);
        let settings = NodeSettings {
            name: name.into(),
            country: "KR".parse().unwrap(),
            kind: OrganisationType::LawEnforcement,
        };
        let data = dir.join(name);
        let store = Store::init(&data, &settings, &key).unwrap();
        (Self { data, key }, store)
    }

    /// A second connection to the node's store, as another process would have.
    fn open(&self) -> Store {
        Store::open(&self.data, &self.key).unwrap()
    }
}

fn everything() -> Agreement {
    let all: BTreeSet<Category> = Category::ALL.iter().copied().collect();
    Agreement {
        send: all.clone(),
        receive: all,
    }
}

fn pair(a: &mut Store, b: &mut Store) {
    let (card_a, card_b, id_a, id_b) = (a.card().unwrap(), b.card().unwrap(), a.node_id(), b.node_id());
    a.add_peer(&card_b, &id_b).unwrap();
    b.add_peer(&card_a, &id_a).unwrap();
    a.set_agreement(&id_b, &everything()).unwrap();
    b.set_agreement(&id_a, &everything()).unwrap();
}

fn notice(i: usize) -> Message {
    Message::Notice(Notice {
        subject: format!("Notice {i}"),
        body: "A new recruitment scheme seen at the bus station".into(),
    })
}

/// Serves `store`'s API on a free loopback port; returns its endpoint.
async fn serve(store: Store) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router_with_state(AppState::new(store))).await });
    endpoint
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outbox_is_pushed_over_http_and_settled_by_the_receipt_in_the_answer() {
    let dir = tempfile::tempdir().unwrap();
    let (a_node, mut a) = Node::create(dir.path(), "a");
    let (b_node, mut b) = Node::create(dir.path(), "b");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    b.set_endpoint(Some(&format!("http://{}", listener.local_addr().unwrap())))
        .unwrap();
    pair(&mut a, &mut b);
    let messages: Vec<Message> = (0..25).map(notice).collect();
    let ids = a.send_all(&b.node_id(), &messages, Handling::Amber).unwrap();
    tokio::spawn(async move { axum::serve(listener, router_with_state(AppState::new(b))).await });

    let state = AppState::new(a);
    let options = DeliveryOptions {
        batch: 10,
        ..DeliveryOptions::default()
    };
    let client = delivery_client(&options).unwrap();
    let mut delivered = 0;
    for _ in 0..3 {
        let report = deliver_due(&state, &client, &options).await;
        assert_eq!(report.failed, 0, "{:?}", a_node.open().outbox(None, 1).unwrap());
        delivered += report.delivered;
    }
    assert_eq!(delivered, 25);
    let outbox = a_node.open().outbox(None, 100).unwrap();
    assert!(outbox
        .iter()
        .all(|m| m.status == OutboxStatus::Delivered && m.settled_via.as_deref() == Some("http")));
    let inbox = b_node.open().inbox(None, 100).unwrap();
    let mut got: Vec<_> = inbox.iter().map(|m| m.message_id).collect();
    let mut sent = ids.clone();
    got.sort();
    sent.sort();
    assert_eq!(got, sent, "every message arrived once");
    assert_eq!(
        deliver_due(&state, &client, &options).await.bundles,
        0,
        "nothing is left to push"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_partner_leaves_the_messages_pending_with_the_reason_and_a_later_attempt() {
    let dir = tempfile::tempdir().unwrap();
    let (a_node, mut a) = Node::create(dir.path(), "a");
    let (_, mut b) = Node::create(dir.path(), "b");
    // A port nobody listens on: bind, note it, close.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    b.set_endpoint(Some(&format!("http://127.0.0.1:{port}"))).unwrap();
    pair(&mut a, &mut b);
    a.send(&b.node_id(), &notice(1), Handling::Amber).unwrap();
    let state = AppState::new(a);
    let options = DeliveryOptions::default();
    let report = deliver_due(&state, &delivery_client(&options).unwrap(), &options).await;
    assert_eq!((report.failed, report.delivered), (1, 0));
    let entry = &a_node.open().outbox(None, 1).unwrap()[0];
    assert_eq!((entry.status, entry.attempts), (OutboxStatus::Pending, 1));
    assert!(
        entry.last_error.as_deref().unwrap().contains("unreachable"),
        "{entry:?}"
    );
    assert!(entry.next_attempt_at.as_deref().unwrap() > entry.created_at.as_str());
    // Not due again yet: the next pass pushes nothing.
    let again = deliver_due(&state, &delivery_client(&options).unwrap(), &options).await;
    assert_eq!(again.bundles, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_bundle_is_answered_with_a_clear_json_error() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut a) = Node::create(dir.path(), "a");
    let (_, mut b) = Node::create(dir.path(), "b");
    let (_, mut stranger) = Node::create(dir.path(), "c");
    pair(&mut a, &mut b);
    pair(&mut stranger, &mut a);
    a.send(&b.node_id(), &notice(1), Handling::Amber).unwrap();
    let good = a.export_bundle(&b.node_id()).unwrap().bytes;
    let from_a_to_stranger = {
        a.send(&stranger.node_id(), &notice(2), Handling::Amber).unwrap();
        a.export_bundle(&stranger.node_id()).unwrap().bytes
    };
    let endpoint = serve(b).await;
    let url = format!("{endpoint}/api/v1/exchange/bundles");
    let client = reqwest::Client::new();
    let post = |body: Vec<u8>, media: &'static str| {
        let request = client.post(&url).header("content-type", media).body(body);
        async move {
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let body: serde_json::Value = response.json().await.unwrap_or_default();
            (status, body["error"].as_str().unwrap_or("").to_string(), body)
        }
    };
    let mut flipped = good.clone();
    flipped[good.len() / 2] ^= 0x10;
    let (status, code, body) = post(flipped, BUNDLE_MEDIA_TYPE).await;
    assert_eq!((status, code.as_str()), (400, "bundle_rejected"), "{body}");
    let (status, code, _) = post(good.clone(), "text/plain").await;
    assert_eq!((status, code.as_str()), (415, "not_a_bundle"));
    let (status, code, body) = post(from_a_to_stranger, BUNDLE_MEDIA_TYPE).await;
    assert_eq!((status, code.as_str()), (421, "not_for_this_node"), "{body}");
    let mut future = good.clone();
    future[5] = 9; // protocol version 9
    let (status, code, body) = post(future, BUNDLE_MEDIA_TYPE).await;
    assert_eq!((status, code.as_str()), (400, "unsupported_version"), "{body}");
    assert_eq!(body["supported_versions"], serde_json::json!([1]));
    let (status, code, body) = post(vec![0; MAX_BUNDLE_BYTES + 1], BUNDLE_MEDIA_TYPE).await;
    assert_eq!((status, code.as_str()), (413, "payload_too_large"), "{body}");
    assert_eq!(body["limit_bytes"], MAX_BUNDLE_BYTES);
    let (status, _, _) = post(good, "Application/Octet-Stream; charset=binary").await;
    assert_eq!(status, 200, "the untouched bundle is accepted");
}
