//! Hit/no-hit throughput (issue #6): a node holding a million persons receives a
//! partner's encodings and records every hit. Prints the figures of
//! `docs/performance.md`, section "Hit/no-hit matching".
//!
//! ```sh
//! cargo run --release -p concord-node --example hit_throughput -- \
//!     [--persons 1000000] [--incoming 100000] [--data DIR] [--breakdown] [--sweep 60x6,40x6]
//! ```
//!
//! Node A holds `--persons` persons of the shared roles (victims, presumed victims,
//! missing persons: those encoded), with the other persons of their cases (suspects,
//! witnesses) too: the cases of the first agency of a synthetic three-agency network.
//! Node B, a partner, holds `--incoming` shared persons from the second agency's cases.
//! The synthetic agencies share individuals as real ones do — the same victim recorded by
//! the police of one country and an NGO of another, written differently (scripts,
//! romanisations, typing errors, partial dates) — and every record carries its true
//! individual, so the pairs that hits should find are known.
//!
//! Timed: A's first `sync_linkage` (the one-off cost of joining: encoding every person,
//! queuing the encodings for the partner), B's bundle of encodings received by A
//! (`receive_bundle`: verify, open, store), then A's `find_hits` by stage. The figure of
//! the issue is receive + find_hits. Then, outside the timing, the recall of the true
//! pairs against what an exhaustive comparison finds, and (`--breakdown`) the
//! comparison's split into candidate search (MinHash signatures, buckets, Dice) and
//! scoring, measured again with concord-link directly on the same filters; and
//! (`--sweep`) other blocking parameters, tables × hashes, on the same filters (`60x6n`:
//! keys of the names alone, without the date of birth).
//!
//! The databases go in a fresh folder inside `--data` (default: the system's temporary
//! folder), deleted at the end; at a million persons they take about 3 GB.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use concord_core::vocabulary::OrganisationType;
use concord_core::{Case, Person, PersonId};
use concord_exchange::payload::{Encodings, LinkageKeyGrant};
use concord_exchange::{Category, Kind, UnverifiedBundle};
use concord_link::blocking::Blocking;
use concord_link::encoding::encode_all;
use concord_link::encodings::from_base64;
use concord_link::filter::FilterSet;
use concord_link::key::LinkageKey;
use concord_link::matching::{Matcher, Scoring, DEFAULT_CANDIDATE_DICE};
use concord_link::schema::Schema;
use concord_link::similarity::Kernel;
use concord_link::weights::MatchWeights;
use concord_node::exchange::{Agreement, Via, HIT_THRESHOLD, SHARED_ROLES};
use concord_node::{vault, KeySource, NodeSettings, Store};

/// Cases inserted per transaction while building the nodes.
const INSERT_BATCH: usize = 20_000;

fn main() {
    let mut persons = 1_000_000usize;
    let mut incoming = 100_000usize;
    let mut data = std::env::temp_dir();
    let mut with_breakdown = false;
    let mut sweep: Vec<Blocking> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--persons" => persons = value().parse().expect("a number"),
            "--incoming" => incoming = value().parse().expect("a number"),
            "--data" => data = value().into(),
            "--breakdown" => with_breakdown = true,
            "--sweep" => {
                sweep = value()
                    .split(',')
                    .map(|t| {
                        let (tables, hashes) = t.split_once('x').expect("TABLESxHASHES");
                        let (hashes, by_date) = match hashes.strip_suffix('n') {
                            Some(hashes) => (hashes, false),
                            None => (hashes, true),
                        };
                        Blocking {
                            tables: tables.parse().expect("tables"),
                            hashes: hashes.parse().expect("hashes"),
                            by_date,
                            ..Blocking::default()
                        }
                    })
                    .collect()
            }
            "--bench" => {}
            other => panic!("unknown argument {other}; see the file's documentation"),
        }
    }
    std::fs::create_dir_all(&data).expect("the data folder");
    let dir = tempfile::tempdir_in(&data).expect("a folder for the nodes");
    let today = NaiveDate::from_ymd_opt(2026, 6, 30).expect("a date");
    let config = concord_synth::Config::new(2026, today);
    let agencies = concord_synth::agencies(3);

    let (mut a, mut b) = (node(dir.path(), "a"), node(dir.path(), "b"));
    pair(&mut a, &mut b);
    a.create_linkage_key(None).expect("key");
    b.set_linkage_coordinator(&a.node_id()).expect("coordinator");
    a.sync_linkage().expect("grant");
    let grant = carry_key(&mut a, &mut b);
    let key = LinkageKey::from_file(&grant.key).expect("key file");
    let schema = Schema::from_toml(&grant.schema).expect("schema");

    // B first: the individuals it holds are the ones A's records are kept for.
    let started = Instant::now();
    let side_b = build(&mut b, &config, &agencies[1], incoming, &schema, &key);
    println!(
        "node B: {} cases, {} persons, {} shared ({} encodable), built in {:.1} s",
        side_b.cases,
        side_b.persons,
        side_b.shared,
        side_b.filters.len(),
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let side_a = build(&mut a, &config, &agencies[0], persons, &schema, &key);
    println!(
        "node A: {} cases, {} persons, {} shared ({} encodable), built in {:.1} s",
        side_a.cases,
        side_a.persons,
        side_a.shared,
        side_a.filters.len(),
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let sync_a = a.sync_linkage().expect("sync A");
    let joining = started.elapsed();
    println!(
        "A sync_linkage (joining): {:.1} s — {} encoded, {} unencodable, {} queued for B",
        joining.as_secs_f64(),
        sync_a.encoded,
        sync_a.unencodable,
        sync_a.encodings_sent
    );
    // A's persons are compared once (with nothing yet) when it joins; from then on a
    // batch that arrives is compared with all of them.
    let started = Instant::now();
    let first = a.find_hits().expect("first comparison");
    println!(
        "A first find_hits (nothing to compare with; marks its encodings compared): {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(first.comparisons, 0);
    let started = Instant::now();
    let sync_b = b.sync_linkage().expect("sync B");
    println!(
        "B sync_linkage: {:.1} s — {} encoded, {} queued for A",
        started.elapsed().as_secs_f64(),
        sync_b.encoded,
        sync_b.encodings_sent
    );
    let bundle = b.export_bundle(&a.node_id()).expect("B's encodings");
    let references = references_of_b(&a, &b, &bundle.bytes, &side_b);
    println!(
        "B's bundle: {} messages, {:.1} MB",
        bundle.messages.len(),
        bundle.bytes.len() as f64 / 1e6
    );

    let started = Instant::now();
    let received = a.receive_bundle(&bundle.bytes, Via::Bundle).expect("receive");
    let receive = started.elapsed();
    assert!(received.rejected.is_empty(), "{:?}", received.rejected);
    let started = Instant::now();
    let report = a.find_hits().expect("find hits");
    let find = started.elapsed();
    let s = report.stages;
    println!();
    println!("| stage | time |");
    println!("|---|--:|");
    println!(
        "| receive B's bundle (verify, open, store {incoming} encodings) | {} |",
        secs(receive)
    );
    println!("| find_hits: read and unseal both sides | {} |", secs(s.load));
    println!(
        "| find_hits: estimate the share of matches (a sample of the batch) | {} |",
        secs(s.estimate)
    );
    println!("| find_hits: candidates and scores | {} |", secs(s.compare));
    println!(
        "| find_hits: record {} hits, queue {} notices | {} |",
        report.new_hits,
        report.notices_sent,
        secs(s.record)
    );
    println!("| find_hits: mark compared | {} |", secs(s.mark));
    println!("| find_hits, total | {} |", secs(find));
    println!("| **receive + find_hits** | **{}** |", secs(receive + find));
    println!(
        "comparisons: {} ({:.2}% of {} × {})",
        report.comparisons,
        100.0 * report.comparisons as f64 / (side_a.filters.len() as f64 * side_b.filters.len() as f64),
        side_a.filters.len(),
        side_b.filters.len()
    );

    // The hits as (A's person, B's person).
    let hits: HashSet<(PersonId, PersonId)> = a
        .hits(None, usize::MAX)
        .expect("hits")
        .into_iter()
        .flat_map(|h| {
            let person_a: PersonId = h.person_id.parse().expect("a person ID");
            references
                .get(&h.partner_reference)
                .into_iter()
                .flatten()
                .map(move |person_b| (person_a.clone(), person_b.clone()))
        })
        .collect();
    // The weights find_hits used: the shipped levels with the share of matches of this
    // comparison (the node keeps them), estimated again here the same way, so that
    // "exhaustive" scores alike.
    let shipped = MatchWeights::default_weights();
    let weights = Matcher::new(&schema)
        .scoring(Scoring::Given(shipped.clone()))
        .expect("the shipped weights fit the default schema")
        .blocking(Some(Blocking::default()))
        .with_prior(&[&side_b.filters, &side_a.filters], &shipped);
    let scoring = (&schema, &weights);
    let reachable = recall(&side_a, &side_b, &hits, scoring);
    if with_breakdown {
        breakdown(&side_a.filters, &side_b.filters, scoring);
    }
    for blocking in sweep {
        try_blocking(blocking, (&side_a.filters, &side_b.filters), scoring, &reachable);
    }
    drop((a, b));
    let size = folder_size(dir.path());
    println!("databases: {:.2} GB", size as f64 / 1e9);
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn node(dir: &std::path::Path, name: &str) -> Store {
    let key_path = dir.join(format!("{name}.key"));
    vault::create_key_file(&key_path).expect("key file");
    let settings = NodeSettings {
        name: format!("Node {name}"),
        country: "PL".parse().expect("PL"),
        kind: OrganisationType::LawEnforcement,
    };
    Store::init(&dir.join(name), &settings, &KeySource::KeyFile(key_path)).expect("init")
}

fn pair(a: &mut Store, b: &mut Store) {
    let all = Category::ALL.iter().copied().collect();
    let agreement = Agreement {
        send: all,
        receive: Category::ALL.iter().copied().collect(),
    };
    let (card_a, card_b) = (a.card().expect("card"), b.card().expect("card"));
    let (id_a, id_b) = (a.node_id(), b.node_id());
    a.add_peer(&card_b, &id_b).expect("peer");
    b.add_peer(&card_a, &id_a).expect("peer");
    a.set_agreement(&id_b, &agreement).expect("agreement");
    b.set_agreement(&id_a, &agreement).expect("agreement");
}

/// Carries A's key grant to B, and B's receipts back; the grant, read from the envelope.
fn carry_key(a: &mut Store, b: &mut Store) -> LinkageKeyGrant {
    let bundle = a.export_bundle(&b.node_id()).expect("the grant");
    let keys = b.peer(&a.node_id()).expect("peer").expect("known").card.keys;
    let raw = UnverifiedBundle::decode(&bundle.bytes)
        .expect("bundle")
        .verify(&keys)
        .expect("signed");
    let grant = raw
        .iter()
        .find_map(|e| {
            let (header, payload) = b.open_envelope(e).expect("opens");
            (header.kind == Kind::LinkageKey).then(|| serde_json::from_slice(&payload).expect("a grant"))
        })
        .expect("a linkage key in the bundle");
    let received = b.receive_bundle(&bundle.bytes, Via::Bundle).expect("receive");
    if let Some(back) = &received.return_bundle {
        a.receive_bundle(back, Via::Bundle).expect("receipts");
    }
    grant
}

/// A node's shared persons as the benchmark sees them: their filters (made here with the
/// network's key, as the node makes them), their IDs and true individuals.
struct Built {
    cases: usize,
    persons: usize,
    shared: usize,
    filters: FilterSet,
    ids: Vec<PersonId>,
    entities: Vec<u64>,
}

/// Inserts the agency's cases into `store` until it holds `wanted` persons of the shared
/// roles (the last case may bring a few more), and encodes them as the node will.
fn build(
    store: &mut Store,
    config: &concord_synth::Config,
    agency: &concord_synth::Agency,
    wanted: usize,
    schema: &Schema,
    key: &LinkageKey,
) -> Built {
    let mut built = Built {
        cases: 0,
        persons: 0,
        shared: 0,
        filters: FilterSet::with_capacity(schema.filter_bits as usize, wanted),
        ids: Vec::with_capacity(wanted),
        entities: Vec::with_capacity(wanted),
    };
    let mut generated = concord_synth::cases(config, agency, usize::MAX);
    while built.shared < wanted {
        let mut batch: Vec<Case> = Vec::with_capacity(INSERT_BATCH);
        let mut shared: Vec<(Person, u64)> = Vec::new();
        while batch.len() < INSERT_BATCH && built.shared < wanted {
            let synthetic = generated.next().expect("cases without end");
            let case = synthetic.case;
            for (person, entity) in case.persons.iter().zip(synthetic.entities) {
                if SHARED_ROLES.contains(&person.role) {
                    built.shared += 1;
                    shared.push((person.clone(), entity.0));
                }
            }
            built.persons += case.persons.len();
            batch.push(case);
        }
        built.cases += batch.len();
        store
            .write(|w| batch.iter().try_for_each(|c| w.insert_case(c)))
            .expect("insert");
        let persons: Vec<Person> = shared.iter().map(|(p, _)| p.clone()).collect();
        let encoded = encode_all(schema, key, &persons, &|| ()).expect("one epoch");
        for ((person, entity), filter) in shared.into_iter().zip(encoded) {
            if let Ok(filter) = filter {
                built.filters.push(&filter);
                built.ids.push(person.id);
                built.entities.push(entity);
            }
        }
    }
    built
}

/// B's references, read from its bundle (opened with A's keys), to B's persons: each
/// reference's filter is the one the benchmark made for those persons.
fn references_of_b(a: &Store, b: &Store, bytes: &[u8], side_b: &Built) -> HashMap<String, Vec<PersonId>> {
    let bits = side_b.filters.bits() as u32;
    let mut by_filter: HashMap<&[u64], Vec<PersonId>> = HashMap::new();
    for (i, id) in side_b.ids.iter().enumerate() {
        by_filter.entry(side_b.filters.get(i)).or_default().push(id.clone());
    }
    let keys = a.peer(&b.node_id()).expect("peer").expect("known").card.keys;
    let raw = UnverifiedBundle::decode(bytes)
        .expect("bundle")
        .verify(&keys)
        .expect("signed");
    let mut references = HashMap::new();
    for envelope in raw {
        let (header, payload) = a.open_envelope(envelope).expect("opens");
        if header.kind != Kind::Encodings {
            continue;
        }
        let encodings: Encodings = serde_json::from_slice(&payload).expect("encodings");
        for record in encodings.records {
            let filter = from_base64(&record.filter, bits).expect("a filter");
            let persons = by_filter.get(filter.as_slice()).cloned().expect("B's own filter");
            references.insert(record.reference, persons);
        }
    }
    references
}

/// The true pairs (one individual on both sides), how many an exhaustive comparison
/// would find (candidate Dice and score at the hit threshold), and how many were found;
/// returns those an exhaustive comparison finds, as (B's index, A's index).
fn recall(
    side_a: &Built,
    side_b: &Built,
    hits: &HashSet<(PersonId, PersonId)>,
    (schema, weights): (&Schema, &MatchWeights),
) -> Vec<(u32, u32)> {
    let mut reachable = Vec::new();
    let mut in_b: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, entity) in side_b.entities.iter().enumerate() {
        in_b.entry(*entity).or_default().push(j);
    }
    let matcher = Matcher::new(schema)
        .scoring(Scoring::Given(weights.clone()))
        .expect("weights of this schema");
    let (mut truth, mut exhaustive, mut found, mut found_of_exhaustive) = (0, 0, 0, 0);
    for (i, entity) in side_a.entities.iter().enumerate() {
        for &j in in_b.get(entity).into_iter().flatten() {
            truth += 1;
            let (mut one_a, mut one_b) = (
                FilterSet::with_capacity(side_a.filters.bits(), 1),
                FilterSet::with_capacity(side_b.filters.bits(), 1),
            );
            one_a.push(side_a.filters.get(i));
            one_b.push(side_b.filters.get(j));
            let scored = !matcher.pairs(&one_b, &one_a, HIT_THRESHOLD).pairs.is_empty();
            let hit = hits.contains(&(side_a.ids[i].clone(), side_b.ids[j].clone()));
            exhaustive += usize::from(scored);
            if scored {
                reachable.push((j as u32, i as u32));
            }
            found += usize::from(hit);
            found_of_exhaustive += usize::from(hit && scored);
        }
    }
    let correct = found;
    let pct = |n: usize, of: usize| 100.0 * n as f64 / of.max(1) as f64;
    println!(
        "true pairs (one individual on both nodes): {truth}; exhaustive comparison finds {exhaustive} ({:.1}%); \
         find_hits found {found} ({:.1}%), {found_of_exhaustive} of the exhaustive ones ({:.2}%)",
        pct(exhaustive, truth),
        pct(found, truth),
        pct(found_of_exhaustive, exhaustive)
    );
    println!(
        "hits: {} pairs, {correct} true: precision {:.1}%",
        hits.len(),
        pct(correct, hits.len())
    );
    reachable
}

/// Other blocking parameters on the same filters: time, comparisons, pairs, and the share
/// of the true pairs an exhaustive comparison finds that they keep.
fn try_blocking(
    blocking: Blocking,
    (a, b): (&FilterSet, &FilterSet),
    (schema, weights): (&Schema, &MatchWeights),
    reachable: &[(u32, u32)],
) {
    let matcher = Matcher::new(schema)
        .scoring(Scoring::Given(weights.clone()))
        .expect("weights of this schema")
        .blocking(Some(blocking));
    let started = Instant::now();
    let found = matcher.pairs(b, a, HIT_THRESHOLD);
    let took = started.elapsed();
    let pairs: HashSet<(u32, u32)> = found.pairs.iter().map(|c| (c.left, c.right)).collect();
    let kept = reachable.iter().filter(|p| pairs.contains(p)).count();
    println!(
        "blocking {} tables × {} hashes: {} — {} comparisons ({:.2}%), {} pairs ≥ {HIT_THRESHOLD}, \
         {kept} of {} reachable true pairs ({:.2}%)",
        blocking.tables,
        blocking.hashes,
        secs(took),
        found.comparisons,
        100.0 * found.comparisons as f64 / (a.len() as f64 * b.len() as f64),
        found.pairs.len(),
        reachable.len(),
        100.0 * kept as f64 / reachable.len().max(1) as f64
    );
}

/// The comparison again, with concord-link on the benchmark's own copies of the filters:
/// candidates alone (signatures, buckets, Dice), then candidates and scores.
fn breakdown(a: &FilterSet, b: &FilterSet, (schema, weights): (&Schema, &MatchWeights)) {
    let blocking = Blocking::default();
    let counted = AtomicU64::new(0);
    let started = Instant::now();
    let blocked = blocking.link(
        Kernel::best(),
        (b, a),
        DEFAULT_CANDIDATE_DICE,
        &schema.blocking_bits(),
        (&Some, &|_| {
            counted.fetch_add(1, Ordering::Relaxed);
            None
        }),
    );
    let candidates = started.elapsed();
    let matcher = Matcher::new(schema)
        .scoring(Scoring::Given(weights.clone()))
        .expect("weights of this schema")
        .blocking(Some(blocking));
    let started = Instant::now();
    let pairs = matcher.pairs(b, a, HIT_THRESHOLD);
    let total = started.elapsed();
    println!(
        "concord-link alone: candidates (signatures, buckets, Dice ≥ {DEFAULT_CANDIDATE_DICE}) {} — {} comparisons, \
         {} candidates (first table met); with scores {} — {} pairs ≥ {HIT_THRESHOLD}",
        secs(candidates),
        blocked.comparisons,
        counted.load(Ordering::Relaxed),
        secs(total),
        pairs.pairs.len()
    );
}

fn folder_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => folder_size(&e.path()),
            _ => e.metadata().map(|m| m.len()).unwrap_or(0),
        })
        .sum()
}
