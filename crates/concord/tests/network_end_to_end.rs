//! The network end to end, every node a `concord serve` process on 127.0.0.1: a police
//! unit in Kazakhstan, an IOM mission in Sudan and a police unit in Korea, with persons
//! planted in more than one of them, exchange encodings over HTTP and find the planted
//! persons as hits; a shelter whose agreement with the mission leaves out encodings is
//! sent none; a hit leads to a request that goes through its workflow to an answer with
//! an approved disclosure; an alert reaches the partners, is acknowledged and expires;
//! and no message that travelled carries a name, a date of birth, a document, a phone or
//! a person ID, but for the one disclosure.
//!
//! The nodes are built through the library (synthetic cases, planting, cards,
//! agreements, the linkage key), so that everything after that — the key reaching the
//! members, encodings, hits, notices, the request — travels between the processes. Every
//! wait polls for the state it needs, with one generous deadline ([`PATIENCE`]).

use std::collections::{BTreeMap, BTreeSet};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use concord_core::alert::AlertStatus;
use concord_core::assistance::RequestStatus;
use concord_core::vocabulary::OrganisationType;
use concord_core::{Organisation, Person, PersonId};
use concord_exchange::payload::Notice;
use concord_exchange::{Category, Handling, Kind, NodeId};
use concord_node::exchange::{Agreement, Message, SHARED_ROLES};
use concord_node::{vault, KeySource, NodeSettings, Store};
use concord_synth::{Agency, Change, EntityId, Planted, Planting, SyntheticCase};

mod common;

use common::{free_port, logs, spawn_logged, Server};

/// The longest any wait for the nodes may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(120);

/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(200);

/// Cases per node: enough for the rates below to mean something, few enough for a debug
/// build to finish in well under a minute.
const CASES: usize = 400;

/// The recall of the planted persons that issue 6 asks for, of all planted pairs.
const RECALL_TARGET: f64 = 0.95;

/// The recall asserted of all planted pairs: measured 0.956–0.963 (the key is new at
/// every run, so scores move a little), less a margin of a pair or two.
const RECALL_FLOOR: f64 = 0.94;

/// The recall asserted per pair of nodes: what was measured less a margin of a pair or
/// two. The pairs missed are mostly a name in Arabic or Kazakh Cyrillic script against its
/// romanisation, with the date of birth a month off or absent, or a record that knows
/// only a given name (`describe_misses` prints the causes).
const RECALL_FLOORS: [((usize, usize), f64); 3] = [((KZ, IOM), 0.95), ((IOM, KR), 0.90), ((KZ, KR), 0.85)];

/// The most false hits allowed, as a share of the persons of shared roles.
const FALSE_HIT_RATE: f64 = 0.01;

const KZ: usize = 0;
const IOM: usize = 1;
const KR: usize = 2;
const SHELTER: usize = 3;

/// The nodes that exchange encodings with each other.
const LINKED: [usize; 3] = [KZ, IOM, KR];

/// (folder, case reference prefix, name, country, kind) of each node.
const SPECS: [(&str, &str, &str, &str, OrganisationType); 4] = [
    (
        "kz",
        "KZ-POL",
        "Police anti-trafficking unit",
        "KZ",
        OrganisationType::LawEnforcement,
    ),
    (
        "iom",
        "SD-IOM",
        "IOM field mission",
        "SD",
        OrganisationType::InternationalOrganisation,
    ),
    (
        "kr",
        "KR-POL",
        "National Police anti-trafficking team",
        "KR",
        OrganisationType::LawEnforcement,
    ),
    (
        "shelter",
        "MD-NGO",
        "Shelter for survivors of trafficking",
        "MD",
        OrganisationType::NGO,
    ),
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

/// One node: its data folder and key file under the test's folder, its port and ID.
struct Node {
    folder: &'static str,
    root: PathBuf,
    port: u16,
    id: NodeId,
}

impl Node {
    fn data_dir(&self) -> PathBuf {
        self.root.join(self.folder)
    }

    fn key(&self) -> KeySource {
        KeySource::KeyFile(self.root.join(format!("{}.key", self.folder)))
    }

    /// The node's store, opened beside its server if it serves (WAL lets a second
    /// process in).
    fn store(&self) -> Store {
        Store::open(&self.data_dir(), &self.key()).unwrap()
    }

    /// The node's database, read-only, to watch what the library does not show.
    fn database(&self) -> rusqlite::Connection {
        rusqlite::Connection::open_with_flags(
            self.data_dir().join(concord_node::store::DATABASE_FILE),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap()
    }

    /// `concord ARGS` on this node, nothing from the environment of the test run.
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_concord"));
        command
            .args(args)
            .arg("--data-dir")
            .arg(self.data_dir())
            .arg("--key-file")
            .arg(self.root.join(format!("{}.key", self.folder)))
            .env_remove("CONCORD_PASSPHRASE")
            .env_remove("CONCORD_DATA_DIR")
            .env_remove("CONCORD_KEY_FILE")
            .env_remove("CONCORD_LISTEN")
            .env("CONCORD_LOG", "warn")
            .stdin(Stdio::null());
        command
    }

    /// Runs `concord ARGS`, which must succeed, beside the node's server; its output.
    fn run(&self, args: &[&str]) -> String {
        let output = self.command(args).output().expect("the concord binary runs");
        assert!(
            output.status.success(),
            "node {}: `concord {}` failed:\n{}{}",
            self.folder,
            args.join(" "),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// Starts `concord serve` comparing every second, and waits until it answers.
    fn serve(&self) -> Server {
        let log = self.root.join(format!("{}.serve.log", self.folder));
        let listen = format!("127.0.0.1:{}", self.port);
        let args = [
            "serve",
            "--linkage-every-secs",
            "1",
            "--retry-max-secs",
            "1",
            "--listen",
            &listen,
        ];
        let mut server = Server {
            label: format!("`concord serve` of node {}", self.folder),
            child: spawn_logged(self.command(&args), &log),
            log,
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!("{} exited ({status}) before listening:\n{}", server.label, server.log());
            }
            assert!(started.elapsed() < PATIENCE, "{} never listened", server.label);
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }
}

/// Polls `done` until it holds; on the deadline, fails with `what` and the servers' logs.
fn wait_for(what: &str, servers: &[Server], mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(
            started.elapsed() < PATIENCE,
            "waited {PATIENCE:?} for {what}\n{}",
            logs(servers)
        );
        std::thread::sleep(POLL);
    }
}

/// The network as built, with its ground truth.
struct Network {
    nodes: Vec<Node>,
    planted: Vec<Planted>,
    /// Every person of every node, with its node and true individual.
    persons: Vec<(usize, Person, EntityId)>,
}

impl Network {
    /// The true individual of each (node, person).
    fn entities(&self) -> BTreeMap<(usize, PersonId), EntityId> {
        self.persons
            .iter()
            .map(|(node, person, entity)| ((*node, person.id.clone()), *entity))
            .collect()
    }

    /// Persons of shared roles on the linked nodes: those encoded and compared.
    fn shared_persons(&self) -> usize {
        self.persons
            .iter()
            .filter(|(node, p, _)| LINKED.contains(node) && SHARED_ROLES.contains(&p.role))
            .count()
    }
}

/// Synthetic cases for the four nodes, with persons planted: some of the police unit's
/// at the mission, some of the mission's at the Korean police, some of the police unit's
/// at both, and some of the mission's at the shelter (which must never be found).
fn synthetic_cases() -> (Vec<Vec<SyntheticCase>>, Vec<Planted>) {
    let mut config = concord_synth::Config::new(31, today());
    config.shared_fraction = 0.0;
    let agencies = concord_synth::network(SPECS.iter().map(|(_, code, name, country, kind)| {
        let org = Organisation {
            name: (*name).into(),
            kind: *kind,
            country: country.parse().unwrap(),
        };
        Agency::new(code, org).unwrap()
    }));
    let mut cases: Vec<Vec<SyntheticCase>> = agencies
        .iter()
        .map(|a| concord_synth::cases(&config, a, CASES).collect())
        .collect();
    let planting = |from, into: &[usize], persons| Planting {
        from,
        into: into.to_vec(),
        persons,
    };
    let plan = [
        planting(KZ, &[IOM], 50),
        planting(IOM, &[KR], 50),
        planting(KZ, &[IOM, KR], 20),
        planting(IOM, &[SHELTER], 10),
    ];
    let planted = concord_synth::plant(&config, &agencies, &mut cases, &plan).unwrap();
    (cases, planted)
}

/// Builds the four nodes in `root`, each knowing its partners' endpoints: the three
/// linked nodes agree on everything, the shelter and the mission on everything but
/// encodings. The mission coordinates the linkage; every node, the shelter too, names it.
fn build(root: &Path) -> Network {
    let (cases, planted) = synthetic_cases();
    let mut stores = Vec::new();
    let mut nodes = Vec::new();
    let mut persons = Vec::new();
    for (index, ((folder, _, name, country, kind), cases)) in SPECS.iter().zip(&cases).enumerate() {
        let key = root.join(format!("{folder}.key"));
        vault::create_key_file(&key).unwrap();
        let settings = NodeSettings {
            name: (*name).into(),
            country: country.parse().unwrap(),
            kind: *kind,
        };
        let mut store = Store::init(&root.join(folder), &settings, &KeySource::KeyFile(key)).unwrap();
        store
            .write(|w| cases.iter().try_for_each(|c| w.insert_case(&c.case)))
            .unwrap();
        let port = free_port();
        store.set_endpoint(Some(&format!("http://127.0.0.1:{port}"))).unwrap();
        for synthetic in cases {
            for (person, entity) in synthetic.case.persons.iter().zip(&synthetic.entities) {
                persons.push((index, person.clone(), *entity));
            }
        }
        nodes.push(Node {
            folder,
            root: root.to_path_buf(),
            port,
            id: store.node_id(),
        });
        stores.push(store);
    }
    connect(&mut stores);
    Network {
        nodes,
        planted,
        persons,
    }
}

/// Cards, agreements and the linkage key, as the administrators would set them up; and
/// a notice from the mission to the shelter, which shows that the two are connected.
fn connect(stores: &mut [Store]) {
    let all: BTreeSet<Category> = Category::ALL.iter().copied().collect();
    let mut no_encodings = all.clone();
    no_encodings.remove(&Category::Encodings);
    let pairs = [
        (KZ, IOM, &all),
        (KZ, KR, &all),
        (IOM, KR, &all),
        (IOM, SHELTER, &no_encodings),
    ];
    for (a, b, categories) in pairs {
        let agreement = Agreement {
            send: categories.clone(),
            receive: categories.clone(),
        };
        for (from, to) in [(a, b), (b, a)] {
            let (card, id) = (stores[to].card().unwrap(), stores[to].node_id());
            stores[from].add_peer(&card, &id).unwrap();
            stores[from].set_agreement(&id, &agreement).unwrap();
        }
    }
    stores[IOM].create_linkage_key(None).unwrap();
    let coordinator = stores[IOM].node_id();
    for index in [KZ, KR, SHELTER] {
        stores[index].set_linkage_coordinator(&coordinator).unwrap();
    }
    let notice = Message::Notice(Notice {
        subject: "Joining the network".into(),
        body: "Our field teams start next week.".into(),
    });
    let shelter = stores[SHELTER].node_id();
    stores[IOM].send(&shelter, &notice, Handling::Green).unwrap();
}

/// What a node's database says about its linkage and outbox.
#[derive(Debug, Default, PartialEq)]
struct Progress {
    persons_pending: i64,
    own: i64,
    own_unmatched: i64,
    partners: i64,
    partners_unmatched: i64,
    outbox_pending: i64,
}

fn progress(db: &rusqlite::Connection) -> Progress {
    let count = |sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).unwrap() };
    Progress {
        persons_pending: count("SELECT count(*) FROM linkage_pending"),
        own: count("SELECT count(*) FROM own_encodings"),
        own_unmatched: count("SELECT count(*) FROM own_encodings WHERE matched = 0"),
        partners: count("SELECT count(*) FROM partner_encodings"),
        partners_unmatched: count("SELECT count(*) FROM partner_encodings WHERE matched = 0"),
        outbox_pending: count("SELECT count(*) FROM outbox WHERE status = 'pending'"),
    }
}

/// Whether the linkage is complete: every linked node encoded its persons, holds all
/// its partners' encodings and compared them all, and every message (hit notices
/// included) was delivered. The hits are then final.
fn settled(databases: &[rusqlite::Connection]) -> bool {
    let all: Vec<Progress> = databases.iter().map(progress).collect();
    let own_total: i64 = LINKED.iter().map(|&i| all[i].own).sum();
    let linked_done = LINKED.iter().all(|&i| {
        let p = &all[i];
        p.persons_pending == 0
            && p.own > 0
            && p.own_unmatched == 0
            && p.partners == own_total - p.own
            && p.partners_unmatched == 0
    });
    linked_done && all.iter().all(|p| p.outbox_pending == 0)
}

/// A pair of (node, person), the lower node first.
type Pair = ((usize, PersonId), (usize, PersonId));

fn pair(a: (usize, PersonId), b: (usize, PersonId)) -> Pair {
    if a.0 < b.0 {
        (a, b)
    } else {
        (b, a)
    }
}

/// Every pair of records of a planted individual on two linked nodes, with the changes
/// of the copies in it.
fn true_pairs(planted: &[Planted]) -> BTreeMap<Pair, Vec<Change>> {
    let mut pairs = BTreeMap::new();
    for p in planted {
        let linked: Vec<_> = p.records.iter().filter(|r| LINKED.contains(&r.agency)).collect();
        for (i, a) in linked.iter().enumerate() {
            for b in &linked[i + 1..] {
                let changes = [a.change, b.change].into_iter().flatten().collect();
                pairs.insert(
                    pair((a.agency, a.person.clone()), (b.agency, b.person.clone())),
                    changes,
                );
            }
        }
    }
    pairs
}

/// Every hit, as the pair of persons it joins: a node's hit names its own person and the
/// partner's reference, which the partner's own encodings resolve to its person.
fn found_pairs(nodes: &[Node]) -> BTreeSet<Pair> {
    let databases: Vec<_> = nodes.iter().map(Node::database).collect();
    let person_of: BTreeMap<(usize, String), String> = databases
        .iter()
        .enumerate()
        .flat_map(|(index, db)| {
            let mut statement = db.prepare("SELECT reference, person_id FROM own_encodings").unwrap();
            let rows = statement
                .query_map([], |r| Ok(((index, r.get(0)?), r.get(1)?)))
                .unwrap()
                .collect::<Result<Vec<_>, _>>()
                .unwrap();
            rows
        })
        .collect();
    let index_of: BTreeMap<String, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id.to_string(), i)).collect();
    let mut found = BTreeSet::new();
    for (index, db) in databases.iter().enumerate() {
        let mut statement = db
            .prepare("SELECT peer, person_id, partner_reference FROM hits")
            .unwrap();
        let hits = statement
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?)))
            .unwrap();
        for hit in hits {
            let (peer, person, reference) = hit.unwrap();
            let partner = index_of[&peer];
            let theirs = &person_of[&(partner, reference)];
            found.insert(pair(
                (index, person.parse().unwrap()),
                (partner, theirs.parse().unwrap()),
            ));
        }
    }
    found
}

/// Recall of the planted pairs per pair of nodes, and false hits; prints what was
/// missed, by the changes the copies carry.
fn check_hits(network: &Network) {
    let truth = true_pairs(&network.planted);
    let found = found_pairs(&network.nodes);
    let mut recalls = Vec::new();
    for ((a, b), floor) in RECALL_FLOORS {
        let expected: Vec<&Pair> = truth.keys().filter(|((x, _), (y, _))| (*x, *y) == (a, b)).collect();
        let hit = expected.iter().filter(|p| found.contains(**p)).count();
        let recall = hit as f64 / expected.len() as f64;
        let names = (SPECS[a].0, SPECS[b].0);
        let note = if recall < RECALL_TARGET {
            format!(" (below {RECALL_TARGET})")
        } else {
            String::new()
        };
        eprintln!(
            "{names:?}: {hit} of {} planted pairs found, recall {recall:.3}{note}",
            expected.len()
        );
        recalls.push((names, recall, floor));
    }
    let planted = truth.keys().filter(|p| found.contains(*p)).count();
    let pooled = planted as f64 / truth.len() as f64;
    eprintln!(
        "all planted pairs: {planted} of {} found, recall {pooled:.3} (target {RECALL_TARGET})",
        truth.len()
    );
    describe_misses(network, &truth, &found);
    let entities = network.entities();
    let false_hits = found.iter().filter(|(x, y)| entities[x] != entities[y]).count();
    let rate = false_hits as f64 / network.shared_persons() as f64;
    eprintln!(
        "{} hits, {false_hits} false, among {} persons of shared roles: false-hit rate {rate:.4}",
        found.len(),
        network.shared_persons()
    );
    for (names, recall, floor) in recalls {
        assert!(recall >= floor, "recall {recall:.3} between {names:?}, below {floor}");
    }
    assert!(pooled >= RECALL_FLOOR, "recall {pooled:.3} of all planted pairs");
    assert!(rate < FALSE_HIT_RATE, "false-hit rate {rate:.4}");
}

/// Counts the planted pairs missed by the changes their copies carry, and by what the
/// original record already lacked.
fn describe_misses(network: &Network, truth: &BTreeMap<Pair, Vec<Change>>, found: &BTreeSet<Pair>) {
    let by_id: BTreeMap<(usize, PersonId), &Person> = network
        .persons
        .iter()
        .map(|(node, p, _)| ((*node, p.id.clone()), p))
        .collect();
    let mut causes: BTreeMap<String, usize> = BTreeMap::new();
    for (pair, changes) in truth.iter().filter(|(p, _)| !found.contains(*p)) {
        for change in changes {
            *causes.entry(format!("{:?}", change.name)).or_default() += 1;
            *causes.entry(format!("birth {:?}", change.birth)).or_default() += 1;
        }
        for person in [by_id[&pair.0], by_id[&pair.1]] {
            if person.names[0].family.is_empty() {
                *causes.entry("a record without a family name".into()).or_default() += 1;
            }
            if person.birth_date.is_none() {
                *causes.entry("a record without a date of birth".into()).or_default() += 1;
            }
        }
    }
    eprintln!("the pairs missed carry: {causes:?}");
}

/// The shelter's agreement leaves out encodings: it holds no key, no encodings and no
/// hits, and nothing of those kinds was queued for it — yet the mission's notice reached
/// it, so the two are connected.
fn check_shelter(network: &Network) {
    let shelter = network.nodes[SHELTER].store();
    let status = shelter.linkage_status().unwrap();
    assert_eq!(
        (status.epoch, status.partner_encodings, status.own_encodings),
        (None, 0, 0),
        "{status:?}"
    );
    assert!(shelter.hits(None, 100).unwrap().is_empty());
    assert_eq!(shelter.inbox(Some(Kind::Notice), 10).unwrap().len(), 1);
    let to_shelter = network.nodes[SHELTER].id.to_string();
    for node in &network.nodes {
        let db = node.database();
        let kinds: Vec<String> = db
            .prepare("SELECT kind FROM outbox WHERE recipient = ?1")
            .unwrap()
            .query_map([&to_shelter], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for kind in ["linkage-key", "encodings", "hits"] {
            assert!(
                !kinds.iter().any(|k| k == kind),
                "a {kind} message was queued for the shelter"
            );
        }
    }
}

/// The police unit confirms its best hit with the mission and asks it, about that hit,
/// to locate the person; the mission acknowledges, starts, and answers disclosing its
/// person's identifying data, approved by its liaison officer. Every step is a command
/// beside the servers, and reaches the other side over HTTP. Returns the person disclosed.
fn request_workflow(network: &Network, servers: &[Server]) -> PersonId {
    let (kz, iom) = (&network.nodes[KZ], &network.nodes[IOM]);
    let best = kz
        .store()
        .hits(None, 100_000)
        .unwrap()
        .into_iter()
        .filter(|h| h.peer == iom.id)
        .max_by(|a, b| a.score.total_cmp(&b.score))
        .expect("a hit between the police unit and the mission");
    let hit = best.id.to_string();
    kz.run(&["hits", "confirm", &hit, "--as", "liaison"]);
    let sent = kz.run(&[
        "request",
        "send",
        "--to",
        &iom.id.to_string(),
        "--type",
        "LocatePerson",
        "--basis",
        "TraffickingProtocol",
        "--urgency",
        "Urgent",
        "--subject",
        &format!("Hit {hit}"),
        "--details",
        "Please tell us whether the person is in your care.",
        "--hit",
        &hit,
    ]);
    let id: uuid::Uuid = sent
        .split_whitespace()
        .nth(2)
        .and_then(|w| w.parse().ok())
        .unwrap_or_else(|| panic!("no request ID in {sent}"));
    let record_at = |node: &Node| {
        node.store()
            .requests(100)
            .unwrap()
            .into_iter()
            .find(|r| r.request_id == id)
    };
    let status_at = |node: &Node| record_at(node).map(|r| r.status);
    wait_for("the request to be received", servers, || {
        status_at(iom) == Some(RequestStatus::Received) && status_at(kz) == Some(RequestStatus::Received)
    });
    let person = record_at(iom)
        .unwrap()
        .about_person
        .expect("the mission knows which of its persons");
    for step in ["acknowledge", "start"] {
        iom.run(&["request", "step", &id.to_string(), step]);
        let after = status_at(iom).unwrap();
        wait_for(&format!("the police unit to see {after:?}"), servers, || {
            status_at(kz) == Some(after)
        });
    }
    iom.run(&[
        "request",
        "step",
        &id.to_string(),
        "answer",
        "--answer",
        "She is in our care in the eastern camp.",
        "--disclose",
        &person,
        "--approved-by",
        "liaison",
    ]);
    wait_for("the police unit to see the answer", servers, || {
        status_at(kz) == Some(RequestStatus::Answered)
    });
    let person: PersonId = person.parse().unwrap();
    check_disclosure(network, id, &best.person_id, &person);
    person
}

/// The police unit holds the mission's person as disclosed, the same individual as its
/// own person of the hit; both audit trails record the disclosure.
fn check_disclosure(network: &Network, id: uuid::Uuid, own: &str, disclosed: &PersonId) {
    let (kz, iom) = (&network.nodes[KZ], &network.nodes[IOM]);
    let mut police = kz.store();
    let record = police
        .requests(100)
        .unwrap()
        .into_iter()
        .find(|r| r.request_id == id)
        .unwrap();
    assert!(record.disclosed && record.answer.is_some(), "{record:?}");
    let disclosure = police
        .disclosure(&id, "liaison")
        .unwrap()
        .expect("the person disclosed");
    assert_eq!(&disclosure.person.id, disclosed);
    assert_eq!(disclosure.approved_by, "liaison");
    let entities = network.entities();
    assert_eq!(
        entities[&(KZ, own.parse().unwrap())],
        entities[&(IOM, disclosed.clone())],
        "the best hit joins one individual"
    );
    let events = |node: &Node| -> Vec<String> {
        let trail = node.store().audit_trail(&Default::default(), 100_000).unwrap();
        trail.into_iter().map(|e| e.event).collect()
    };
    assert!(events(iom).iter().any(|e| e == "disclosure.sent"));
    let received = events(kz);
    assert!(received.iter().any(|e| e == "disclosure.received"), "{received:?}");
    assert!(received.iter().any(|e| e == "disclosure.viewed"), "{received:?}");
}

/// An alert the mission issues reaches every partner whose agreement allows alerts (the
/// two police units and the shelter), is acknowledged back to the mission, and expires
/// on every node, after which it can no longer be acknowledged.
fn alert_reaches_the_partners_and_expires(network: &Network, servers: &[Server]) {
    let (iom, kz, kr) = (&network.nodes[IOM], &network.nodes[KZ], &network.nodes[KR]);
    let expires = chrono::Utc::now() + chrono::Duration::seconds(12);
    iom.run(&[
        "alert",
        "issue",
        "--type",
        "MissingPerson",
        "--subject",
        "Boy, 14, missing near the border crossing",
        "--details",
        "Last seen boarding a minibus towards the capital.",
        "--expires",
        &expires.to_rfc3339(),
    ]);
    let alert_at = |node: &Node| {
        let alerts = node.store().alerts(100).unwrap();
        alerts.into_iter().find(|a| a.subject.starts_with("Boy, 14"))
    };
    wait_for("the alert to reach the mission's partners", servers, || {
        [KZ, KR, SHELTER].iter().all(|&i| alert_at(&network.nodes[i]).is_some())
    });
    let id = alert_at(kz).unwrap().alert_id.to_string();
    kz.run(&["alert", "ack", &id]);
    wait_for("the mission to see the police unit's acknowledgement", servers, || {
        alert_at(iom).is_some_and(|a| {
            a.recipients
                .iter()
                .any(|r| r.peer == kz.id && r.acknowledged_revision == Some(1))
        })
    });
    wait_for("the alert to expire", servers, || {
        [iom, kz, kr]
            .iter()
            .all(|n| alert_at(n).unwrap().status == AlertStatus::Expired)
    });
    let late = kr.command(&["alert", "ack", &id]).output().unwrap();
    assert!(!late.status.success(), "an expired alert was acknowledged");
}

/// Everything any node queued for a partner, opened with the recipient's keys: no name
/// part of four letters or more, birth date, document number, phone or person ID of any
/// person of any node is in it. Two things are set apart: the linkage key (it holds
/// nothing about persons, only random key bytes), and the one approved disclosure, which
/// must carry exactly the person disclosed, under TLP:RED, and nothing else identifying.
fn check_nothing_identifying_travelled(network: &Network, disclosed: &PersonId) {
    let secrets = identifiers(network.persons.iter().map(|(_, p, _)| p));
    let stores: BTreeMap<String, Store> = network.nodes.iter().map(|n| (n.id.to_string(), n.store())).collect();
    let mut kinds = BTreeSet::new();
    let (mut opened, mut disclosures) = (0, 0);
    for node in &network.nodes {
        let db = node.database();
        let mut statement = db.prepare("SELECT recipient, envelope FROM outbox").unwrap();
        let rows = statement
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?)))
            .unwrap();
        for row in rows {
            let (recipient, envelope) = row.unwrap();
            let (header, payload) = stores[&recipient].open_envelope(&envelope).unwrap();
            kinds.insert(header.kind);
            opened += 1;
            if header.kind == Kind::LinkageKey {
                continue;
            }
            let mut json: serde_json::Value = serde_json::from_slice(&payload).unwrap();
            if let Some(disclosure) = json.pointer_mut("/answer/disclosure").map(serde_json::Value::take) {
                assert_eq!(disclosure["person"]["id"], disclosed.to_string());
                assert_eq!(
                    header.handling,
                    Handling::Red,
                    "a disclosure is for the named recipient only"
                );
                disclosures += 1;
            }
            let text = json.to_string();
            for secret in &secrets {
                assert!(
                    !contains_word(&text, secret),
                    "`{secret}` travelled in a {} message from {}",
                    header.kind,
                    node.folder
                );
            }
        }
    }
    eprintln!("{opened} envelopes opened, {} identifiers looked for", secrets.len());
    assert_eq!(disclosures, 1, "the one approved disclosure");
    for kind in [
        Kind::Encodings,
        Kind::Hits,
        Kind::Request,
        Kind::RequestUpdate,
        Kind::Notice,
    ] {
        assert!(kinds.contains(&kind), "no {kind} message travelled: {kinds:?}");
    }
}

/// Name parts of four letters or more, birth dates, document numbers, phones and person
/// IDs of `persons`.
fn identifiers<'a>(persons: impl Iterator<Item = &'a Person>) -> BTreeSet<String> {
    let mut secrets = BTreeSet::new();
    for person in persons {
        secrets.insert(person.id.to_string());
        for name in &person.names {
            let romanised = name.romanised.iter().flat_map(|r| [&r.given, &r.family]);
            for part in [&name.given, &name.family].into_iter().chain(romanised) {
                let words = part.split_whitespace().filter(|w| w.chars().count() >= 4);
                secrets.extend(words.map(str::to_string));
            }
        }
        secrets.extend(person.birth_date.map(|d| d.to_string()));
        secrets.extend(person.documents.iter().map(|d| d.number.as_str().to_string()));
        secrets.extend(person.phones.iter().map(|p| p.as_str().to_string()));
    }
    secrets
}

/// Whether `secret` is in `text` as a whole word: not inside a longer run of letters and
/// digits. Encodings travel as base64, where any short word or year turns up by chance
/// ("Anna", "1994"); an identifier written into a message stands apart from its
/// neighbours (`"Anna Petrova"`, `"1994-05-17"`).
fn contains_word(text: &str, secret: &str) -> bool {
    text.match_indices(secret).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + secret.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn three_nodes_find_the_persons_they_share_and_nothing_identifying_travels() {
    let started = Instant::now();
    let root = tempfile::tempdir().unwrap();
    let network = build(root.path());
    eprintln!("built the four nodes in {:.1} s", started.elapsed().as_secs_f64());
    let servers: Vec<Server> = network.nodes.iter().map(Node::serve).collect();
    let databases: Vec<_> = network.nodes.iter().map(Node::database).collect();
    wait_for("the linkage to settle", &servers, || settled(&databases));
    eprintln!("linkage settled after {:.1} s", started.elapsed().as_secs_f64());

    check_hits(&network);
    check_shelter(&network);
    let disclosed = request_workflow(&network, &servers);
    alert_reaches_the_partners_and_expires(&network, &servers);
    drop(databases);
    drop(servers);
    check_nothing_identifying_travelled(&network, &disclosed);
    eprintln!("done in {:.1} s", started.elapsed().as_secs_f64());
}
