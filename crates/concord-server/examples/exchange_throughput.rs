//! Envelopes per second between two nodes, end to end, and what each stage costs.
//!
//! Two nodes with their own stores in a temporary folder, both in this process: A
//! seals, signs and queues N notices (`Store::send_all`), then pushes them over HTTP on
//! loopback to B's API (`deliver_due`, bundles of `BATCH`), where B verifies, opens and
//! persists them and answers with its signed receipt, which A applies. The stages are
//! also timed alone: sealing without the store, batch signature verification, opening,
//! and B's whole receive path without HTTP on a second receiving node.
//!
//! Run: `cargo run --release -p concord-server --example exchange_throughput [N] [BATCH] [PARALLEL]`

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use concord_core::vocabulary::OrganisationType;
use concord_exchange::payload::{self, Notice};
use concord_exchange::{envelope, Category, Envelope, Handling, Header, Identity, Kind, MessageId};
use concord_node::exchange::{Agreement, Message, Via};
use concord_node::{vault, KeySource, NodeSettings, Store};
use concord_server::{deliver_due, delivery_client, AppState, DeliveryOptions};
use rayon::prelude::*;

fn node(dir: &Path, name: &str) -> Store {
    let key = dir.join(format!("{name}.key"));
    vault::create_key_file(&key).unwrap();
    let settings = NodeSettings {
        name: name.into(),
        country: "KZ".parse().unwrap(),
        kind: OrganisationType::LawEnforcement,
    };
    Store::init(&dir.join(name), &settings, &KeySource::KeyFile(key)).unwrap()
}

fn pair(a: &mut Store, b: &mut Store) {
    let all: BTreeSet<Category> = Category::ALL.iter().copied().collect();
    let agreement = Agreement {
        send: all.clone(),
        receive: all,
    };
    let (card_a, card_b, id_a, id_b) = (a.card().unwrap(), b.card().unwrap(), a.node_id(), b.node_id());
    a.add_peer(&card_b, &id_b).unwrap();
    b.add_peer(&card_a, &id_a).unwrap();
    a.set_agreement(&id_b, &agreement).unwrap();
    b.set_agreement(&id_a, &agreement).unwrap();
}

fn notices(n: usize) -> Vec<Message> {
    (0..n)
        .map(|i| {
            Message::Notice(Notice {
                subject: format!("Route report {i}"),
                body: "Recruiters seen at the northern crossing; two minibuses a week, night departures. \
                       Victims promised farm work abroad, documents taken on arrival."
                    .into(),
            })
        })
        .collect()
}

fn rate(n: usize, elapsed: Duration) -> String {
    format!(
        "{:>9.0} /s  ({:>6.1} µs each)",
        n as f64 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / n as f64
    )
}

fn main() {
    tracing_subscriber::fmt()
        .with_max_level(tracing_subscriber::filter::LevelFilter::WARN)
        .init();
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map_or(20_000, |a| a.parse().expect("N"));
    let batch: usize = args.next().map_or(500, |a| a.parse().expect("BATCH"));
    let parallel: usize = args.next().map_or(2, |a| a.parse().expect("PARALLEL"));
    println!(
        "{n} notices of {} bytes each, bundles of {batch}, {parallel} in flight, {} threads",
        payload_size(),
        rayon::current_num_threads()
    );
    stages_alone(n);

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, mut b2) = (node(dir.path(), "a"), node(dir.path(), "b"), node(dir.path(), "b2"));
    b.set_endpoint(Some(&endpoint)).unwrap();
    pair(&mut a, &mut b);
    pair(&mut a, &mut b2);
    let messages = notices(n);

    // B's receive path without HTTP, measured on a second receiving node so that B
    // itself later receives everything fresh.
    for chunk in messages.chunks(5000) {
        a.send_all(&b2.node_id(), chunk, Handling::Amber).unwrap();
    }
    let (mut receiving, mut settling, mut received) = (Duration::ZERO, Duration::ZERO, 0);
    while let Some(bundle) = a.take_due(i64::MAX, batch, 1, 0).unwrap().pop() {
        let started = Instant::now();
        let outcome = b2.receive_bundle(&bundle.bytes, Via::Http).unwrap();
        receiving += started.elapsed();
        received += outcome.accepted;
        let started = Instant::now();
        a.receive_bundle(&outcome.return_bundle.unwrap(), Via::Http).unwrap();
        settling += started.elapsed();
    }
    assert_eq!(received, n);
    println!("B verifies, opens, persists, receipts: {}", rate(n, receiving));
    println!("A applies the receipts:                {}", rate(n, settling));
    drop(b2);

    let started = Instant::now();
    for chunk in messages.chunks(5000) {
        a.send_all(&b.node_id(), chunk, Handling::Amber).unwrap();
    }
    let sealing = started.elapsed();
    println!("A seals, signs and queues:             {}", rate(n, sealing));

    runtime.spawn(async move {
        axum::serve(listener, concord_server::router_with_state(AppState::new(b)))
            .await
            .unwrap();
    });
    let state = AppState::new(a);
    let options = DeliveryOptions {
        batch,
        parallel,
        ..DeliveryOptions::default()
    };
    let client = delivery_client(&options).unwrap();
    let started = Instant::now();
    let mut delivered = 0;
    while delivered < n {
        let report = runtime.block_on(deliver_due(&state, &client, &options));
        assert_eq!(report.failed, 0, "a push failed (see the log)");
        delivered += report.delivered;
    }
    let pushing = started.elapsed();
    println!("HTTP push, B receives, A settles:      {}", rate(n, pushing));
    println!("End to end (sealed → settled):         {}", rate(n, sealing + pushing));
}

fn payload_size() -> usize {
    match &notices(1)[0] {
        Message::Notice(n) => payload::encode(n).len(),
        _ => unreachable!("only notices are made"),
    }
}

/// Sealing, verifying and opening alone, on all cores, without any store.
fn stages_alone(n: usize) {
    let mut rng = rand::thread_rng();
    let (a, b) = (Identity::generate(&mut rng), Identity::generate(&mut rng));
    let body = match &notices(1)[0] {
        Message::Notice(notice) => payload::encode(notice),
        _ => unreachable!("only notices are made"),
    };
    let headers: Vec<Header> = (0..n)
        .map(|_| Header {
            message_id: MessageId::random(&mut rng),
            sender: a.node_id(),
            recipient: b.node_id(),
            kind: Kind::Notice,
            handling: Handling::Amber,
            created_at_ms: 1_767_225_600_000,
        })
        .collect();
    let started = Instant::now();
    let sealed: Vec<Vec<u8>> = headers
        .par_iter()
        .map_init(rand::thread_rng, |rng, h| {
            envelope::seal(&a, &b.public(), h, &body, rng).unwrap()
        })
        .collect();
    println!("seal and sign alone (HPKE + Ed25519):  {}", rate(n, started.elapsed()));
    let decoded: Vec<Envelope<'_>> = sealed.iter().map(|e| Envelope::decode(e).unwrap()).collect();
    let keys = a.public();
    let started = Instant::now();
    decoded.par_chunks(500).for_each(|chunk| {
        envelope::verify_all(chunk, &vec![&keys; chunk.len()]).unwrap();
    });
    println!("verify alone (Ed25519 batches of 500): {}", rate(n, started.elapsed()));
    let started = Instant::now();
    decoded.par_iter().for_each(|e| {
        e.open(&b).unwrap();
    });
    println!("open alone (HPKE):                     {}", rate(n, started.elapsed()));
}
