//! Faults in the exchange between nodes, with every node a separate `concord` process on
//! 127.0.0.1: a partner that is down for a while, a sender killed at random points, the
//! same message by HTTP and by bundle, damaged, forged and misdirected bundles, a kind of
//! message outside the agreement, and a tampered bundle posted over HTTP.
//!
//! Nothing here waits for a fixed time and then checks: every wait polls for the state it
//! needs, with one generous deadline ([`PATIENCE`]) so that a slow machine makes a test
//! slower, not red. A wait that runs out fails with the sender's outbox and the servers'
//! logs, which is what one needs to see why.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

mod common;

use common::{free_port, logs, spawn_logged, Server};

/// The longest any wait for a node may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(60);

/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(100);

/// A node in its own data folder (`ROOT/NAME`, key file `ROOT/NAME.key`), with its card
/// in `ROOT/NAME.card` naming the port it serves on when it serves.
struct Node {
    name: &'static str,
    root: PathBuf,
    id: String,
    port: u16,
}

impl Node {
    /// Creates the node and its key file, and writes its card with its endpoint.
    fn create(root: &Path, name: &'static str) -> Node {
        let mut node = Node {
            name,
            root: root.to_path_buf(),
            id: String::new(),
            port: free_port(),
        };
        node.ok(&["init", "--name", name, "--country", "KZ", "--kind", "LawEnforcement"]);
        let endpoint = format!("http://127.0.0.1:{}", node.port);
        let card = node.path(&format!("{name}.card"));
        let printed = node.ok(&["peer", "card", "--endpoint", &endpoint, "-o", card.to_str().unwrap()]);
        node.id = printed
            .lines()
            .find_map(|l| l.strip_prefix("Node ID:"))
            .unwrap_or_else(|| panic!("`peer card` printed no node ID:\n{printed}"))
            .trim()
            .to_string();
        assert!(
            printed.lines().any(|l| l.starts_with("concord-card-1.")),
            "`peer card` printed no card:\n{printed}"
        );
        node
    }

    /// A file beside the nodes.
    fn path(&self, file: &str) -> PathBuf {
        self.root.join(file)
    }

    /// `concord ARGS` on this node: its data folder and key file, nothing from the
    /// environment of the test run, warnings only in the log.
    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_concord"));
        cmd.current_dir(&self.root)
            .args(args)
            .arg("--data-dir")
            .arg(self.path(self.name))
            .arg("--key-file")
            .arg(self.path(&format!("{}.key", self.name)))
            .env_remove("CONCORD_PASSPHRASE")
            .env_remove("CONCORD_DATA_DIR")
            .env_remove("CONCORD_KEY_FILE")
            .env_remove("CONCORD_LISTEN")
            .env_remove("CONCORD_RETRY_MAX_SECS")
            .env("CONCORD_LOG", "warn")
            .stdin(Stdio::null());
        cmd
    }

    /// Runs `concord ARGS` to the end, whatever its exit code.
    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("the concord binary runs")
    }

    /// Runs `concord ARGS`, which must succeed, and gives its standard output.
    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "node {}: `concord {}` failed ({}):\n{}{}",
            self.name,
            args.join(" "),
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// Adds `other` as a partner (its card, its ID confirmed) with this agreement.
    fn add_partner(&self, other: &Node, send: &str, receive: &str) {
        let card = other.path(&format!("{}.card", other.name));
        self.ok(&[
            "peer",
            "add",
            card.to_str().unwrap(),
            "--confirm",
            &other.id,
            "--send",
            send,
            "--receive",
            receive,
        ]);
    }

    /// Queues `count` notices for `to`, one `concord send` each; their message IDs.
    fn send_notices(&self, to: &Node, count: usize) -> Vec<String> {
        (0..count)
            .flat_map(|n| {
                let subject = format!("Notice {n} from {}", self.name);
                let out = self.ok(&[
                    "send",
                    "notice",
                    "--to",
                    &to.id,
                    "--subject",
                    &subject,
                    "--body",
                    "Recruiters moved to the northern crossing",
                ]);
                queued_ids(&out)
            })
            .collect()
    }

    /// `concord outbox --json` with every message.
    fn outbox(&self) -> Value {
        serde_json::from_str(&self.ok(&["outbox", "--json", "--limit", "100000"])).unwrap()
    }

    /// `concord inbox --json` with every message.
    fn inbox(&self) -> Vec<Value> {
        serde_json::from_str(&self.ok(&["inbox", "--json", "--limit", "100000"])).unwrap()
    }

    /// The IDs of every message in the inbox, with how many there were (to see duplicates).
    fn inbox_ids(&self) -> (usize, BTreeSet<String>) {
        let inbox = self.inbox();
        let ids = inbox
            .iter()
            .map(|m| m["message_id"].as_str().unwrap().to_string())
            .collect();
        (inbox.len(), ids)
    }

    /// Exports every message pending for `to` into `ROOT/file`.
    fn export_bundle(&self, to: &Node, file: &str) -> PathBuf {
        let path = self.path(file);
        self.ok(&["bundle", "export", "--to", &to.id, "-o", path.to_str().unwrap()]);
        path
    }

    /// `concord bundle import FILE -o RETURN`, whatever its exit code.
    fn import_bundle(&self, file: &Path, return_file: &str) -> Output {
        let back = self.path(return_file);
        self.run(&["bundle", "import", file.to_str().unwrap(), "-o", back.to_str().unwrap()])
    }

    /// Starts `concord serve` on the node's port and waits until it answers its health check.
    fn serve(&self, extra: &[&str]) -> Server {
        let listen = format!("127.0.0.1:{}", self.port);
        let mut args = vec!["serve", "--listen", &listen];
        args.extend_from_slice(extra);
        let log = self.path(&format!("{}.serve.{}.log", self.name, unique()));
        let mut server = Server {
            label: format!("`concord serve` of node {}", self.name),
            child: spawn_logged(self.command(&args), &log),
            log,
        };
        let started = Instant::now();
        loop {
            if let Ok((200, _)) = http(self.port, "GET", "/api/v1/health", None, b"") {
                return server;
            }
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!("{} exited ({status}) before answering:\n{}", server.label, server.log());
            }
            assert!(
                started.elapsed() < PATIENCE,
                "{} did not answer /api/v1/health within {PATIENCE:?}:\n{}",
                server.label,
                server.log()
            );
            std::thread::sleep(POLL);
        }
    }

    /// Polls this node's outbox until `done` holds; on the deadline, fails with the outbox
    /// and the servers' logs.
    fn wait_for_outbox(&self, what: &str, servers: &[&Server], mut done: impl FnMut(&Value) -> bool) -> Value {
        let started = Instant::now();
        loop {
            let outbox = self.outbox();
            if done(&outbox) {
                return outbox;
            }
            if started.elapsed() > PATIENCE {
                panic!(
                    "waited {PATIENCE:?} for {what}; node {}'s outbox:\n{}\n{}",
                    self.name,
                    serde_json::to_string_pretty(&outbox).unwrap(),
                    logs(servers.iter().copied())
                );
            }
            std::thread::sleep(POLL);
        }
    }
}

/// A number that differs on each call, to name log files.
fn unique() -> usize {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The message IDs `concord send` printed ("Queued message ID for NODE").
fn queued_ids(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("Queued message "))
        .map(|rest| rest.split_whitespace().next().unwrap().to_string())
        .collect()
}

/// Two nodes that know each other; `a` may send `a_sends`, `b` accepts `b_receives`, and
/// the other way round everything is allowed.
fn pair(a: &Node, b: &Node, a_sends: &str, b_receives: &str) {
    a.add_partner(b, a_sends, "notices,case-summaries");
    b.add_partner(a, "notices,case-summaries", b_receives);
}

/// (pending, delivered, rejected) of the outbox towards `to`.
fn counts(outbox: &Value, to: &Node) -> (u64, u64, u64) {
    let partners = outbox["partners"].as_array().unwrap();
    partners
        .iter()
        .find(|p| p["recipient"] == to.id.as_str())
        .map_or((0, 0, 0), |p| {
            let n = |k: &str| p[k].as_u64().unwrap();
            (n("pending"), n("delivered"), n("rejected"))
        })
}

fn messages(outbox: &Value) -> &Vec<Value> {
    outbox["messages"].as_array().unwrap()
}

/// One HTTP/1.1 request to 127.0.0.1:`port`, read to the end: (status, body).
fn http(
    port: u16,
    method: &str,
    path: &str,
    content_type: Option<&str>,
    body: &[u8],
) -> std::io::Result<(u16, Vec<u8>)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    // Only against a server that hangs: the test then fails instead of waiting forever.
    stream.set_read_timeout(Some(PATIENCE))?;
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(content_type) = content_type {
        head.push_str(&format!("Content-Type: {content_type}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let malformed = || std::io::Error::other(format!("not an HTTP answer: {}", String::from_utf8_lossy(&response)));
    let end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(malformed)?;
    let head = std::str::from_utf8(&response[..end]).map_err(|_| malformed())?;
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(malformed)?;
    Ok((status, response[end + 4..].to_vec()))
}

/// A bundle file with the byte at `at` inverted, written beside it as `name`.
fn flipped(bundle: &Path, at: usize, name: &str) -> PathBuf {
    let mut bytes = std::fs::read(bundle).unwrap();
    bytes[at] ^= 0xff;
    let path = bundle.with_file_name(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A small seeded generator (SplitMix64): the same kill points on every run, and no
/// dependency for it.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..=max`.
    fn up_to(&mut self, max: u64) -> u64 {
        self.next() % (max + 1)
    }
}

#[test]
fn the_receiver_down_for_a_while_gets_everything_once_when_it_returns() {
    let root = tempfile::tempdir().unwrap();
    let (a, b) = (Node::create(root.path(), "a"), Node::create(root.path(), "b"));
    pair(&a, &b, "notices", "notices");
    // At most 2 s between attempts, so that B's return is noticed soon.
    let a_server = a.serve(&["--retry-max-secs", "2"]);
    let queued: BTreeSet<String> = a.send_notices(&b, 20).into_iter().collect();
    assert_eq!(queued.len(), 20);

    let outbox = a.wait_for_outbox("a failed attempt on each of the 20 messages", &[&a_server], |outbox| {
        let all = messages(outbox);
        all.len() == 20
            && all
                .iter()
                .all(|m| m["status"] == "pending" && m["attempts"].as_u64() >= Some(1))
    });
    for m in messages(&outbox) {
        let error = m["last_error"].as_str().unwrap_or_default();
        assert!(
            error.contains("unreachable"),
            "the reason is kept for the operator: {m}"
        );
    }

    let b_server = b.serve(&[]);
    a.wait_for_outbox("all 20 messages delivered", &[&a_server, &b_server], |outbox| {
        counts(outbox, &b) == (0, 20, 0)
    });
    let (received, ids) = b.inbox_ids();
    assert_eq!(received, 20, "each message is in B's inbox once");
    assert_eq!(ids, queued, "B received exactly the messages A queued");
    assert!(b
        .inbox()
        .iter()
        .all(|m| m["sender"] == a.id.as_str() && m["via"] == "http"));
}

#[test]
fn a_sender_killed_at_random_points_loses_nothing_and_applies_nothing_twice() {
    const MESSAGES: usize = 300;
    const ROUNDS: usize = 20;
    let root = tempfile::tempdir().unwrap();
    let (a, b) = (Node::create(root.path(), "a"), Node::create(root.path(), "b"));
    pair(&a, &b, "notices", "notices");
    let b_server = b.serve(&[]);
    let queued: BTreeSet<String> = a.send_notices(&b, MESSAGES).into_iter().collect();
    assert_eq!(queued.len(), MESSAGES);

    // A batch of 7 takes a few milliseconds, less than one `concord` command needs to
    // start, so the rounds watch B's inbox in its database directly (a WAL reader does
    // not disturb the writers) to place each kill inside the work.
    let b_database = rusqlite::Connection::open_with_flags(
        b.path("b").join("concord.sqlite3"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let b_received = || -> usize {
        let count: i64 = b_database
            .query_row("SELECT count(*) FROM inbox", [], |r| r.get(0))
            .unwrap();
        count as usize
    };

    // Each round starts a delivery in batches of 7 and kills it (SIGKILL) at a random
    // point. A whole delivery of the 300 takes a few hundred milliseconds, so a pause of
    // 0–400 ms from the start would mostly kill it before it began or after it ended;
    // instead most rounds wait until B has applied the round's first batch and kill a
    // random 0–20 ms later — between two batches, while B applies one, or after B applied
    // one but before A recorded the receipt. Every fourth round is killed 0–40 ms after it
    // starts, while it opens the node or sends its first batch.
    let mut rng = SplitMix64(0x05ee_d0fc_a11e);
    let mut rounds = Vec::with_capacity(ROUNDS);
    for round in 0..ROUNDS {
        let early = round % 4 == 3;
        let before = b_received();
        let log = a.path(&format!("deliver-{round}.log"));
        let mut child = spawn_logged(a.command(&["deliver", "--batch", "7", "--retry-max-secs", "1"]), &log);
        if !early {
            let started = Instant::now();
            while b_received() == before && child.try_wait().unwrap().is_none() && started.elapsed() < PATIENCE {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        // The pause chooses where the kill lands; nothing is asserted on time.
        let pause = rng.up_to(if early { 40 } else { 20 });
        std::thread::sleep(Duration::from_millis(pause));
        let running = child.try_wait().unwrap().is_none();
        child.kill().unwrap();
        child.wait().unwrap();
        let (pending, delivered, _) = counts(&a.outbox(), &b);
        rounds.push(Round {
            running,
            received: b_received(),
            delivered,
            pending,
        });
    }

    // Then deliveries to the end, as an operator would run it again after a crash.
    let started = Instant::now();
    loop {
        let output = a.run(&["deliver", "--batch", "7", "--retry-max-secs", "1"]);
        if output.status.success() && counts(&a.outbox(), &b).0 == 0 {
            break;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "`concord deliver` did not settle every message within {PATIENCE:?}; last run ({}):\n{}{}\noutbox: {}\n{}",
            output.status,
            text(&output.stdout),
            text(&output.stderr),
            serde_json::to_string_pretty(&a.outbox()).unwrap(),
            b_server.log()
        );
        std::thread::sleep(POLL);
    }

    let (received, ids) = b.inbox_ids();
    assert_eq!(received, MESSAGES, "B applied each message once");
    assert_eq!(ids, queued, "B has exactly the messages A queued");
    assert_eq!(
        counts(&a.outbox(), &b),
        (0, MESSAGES as u64, 0),
        "A knows every message arrived"
    );

    // The kills must have landed during the work, or the test proved nothing: several
    // rounds were killed while running with messages still pending.
    let cut_short = rounds.iter().filter(|r| r.running && r.pending > 0).count();
    let receipt_lost = rounds.iter().filter(|r| r.received as u64 > r.delivered).count();
    let duplicates = audit_events(&b, "message.duplicate");
    println!(
        "after each killed round (received by B / settled at A): {}; rounds killed mid-work: {cut_short}; \
         rounds killed after B applied a batch but before A recorded its receipt: {receipt_lost}; \
         messages B received twice and did not apply again: {duplicates}",
        rounds
            .iter()
            .map(|r| format!("{}/{}", r.received, r.delivered))
            .collect::<Vec<_>>()
            .join(" ")
    );
    // Each non-early kill follows B's commit of a batch by 0–20 ms, so it lands before A
    // records the receipt in many rounds on any machine: the case where "applied once"
    // is really put to the test.
    let seen = rounds.iter().map(|r| (r.received, r.delivered)).collect::<Vec<_>>();
    assert!(
        cut_short >= 3,
        "the kills did not interrupt the delivery (received, settled): {seen:?}"
    );
    assert!(
        receipt_lost >= 1 && duplicates >= 1,
        "no kill fell between B applying a batch and A recording its receipt (received, settled): {seen:?}"
    );
}

/// What a killed round of delivery left behind.
struct Round {
    /// Whether the delivery was still running when it was killed.
    running: bool,
    /// Messages in B's inbox.
    received: usize,
    /// Messages A has a receipt for.
    delivered: u64,
    /// Messages A still waits on.
    pending: u64,
}

/// The node's whole audit trail, read through the library: no command shows it yet. The
/// node may be serving meanwhile (WAL lets a second process read).
fn audit_trail(node: &Node) -> Vec<concord_node::audit::AuditEntry> {
    let key = concord_node::KeySource::KeyFile(node.path(&format!("{}.key", node.name)));
    let store = concord_node::Store::open(&node.path(node.name), &key).unwrap();
    store.audit_trail(&Default::default(), 1_000_000).unwrap()
}

/// How many entries of `event` the node's audit trail holds.
fn audit_events(node: &Node, event: &str) -> usize {
    audit_trail(node).iter().filter(|e| e.event == event).count()
}

#[test]
fn the_same_message_by_http_and_by_bundle_is_applied_once() {
    let root = tempfile::tempdir().unwrap();
    let (a, b) = (Node::create(root.path(), "a"), Node::create(root.path(), "b"));
    pair(&a, &b, "notices", "notices");
    let first: BTreeSet<String> = a.send_notices(&b, 5).into_iter().collect();
    let carried = a.export_bundle(&b, "first.bundle");

    // Over HTTP first…
    let b_server = b.serve(&[]);
    let delivered = a.ok(&["deliver"]);
    assert!(delivered.contains("5 delivered"), "{delivered}");
    // …then the same five by hand, while B still serves (a second process on its data).
    let imported = b.import_bundle(&carried, "first.return");
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    assert!(
        text(&imported.stdout).contains("0 message(s) applied, 5 already received before"),
        "{}",
        text(&imported.stdout)
    );
    let (received, ids) = b.inbox_ids();
    assert_eq!((received, &ids), (5, &first), "each message once, as it came by HTTP");
    assert!(b.inbox().iter().all(|m| m["via"] == "http"));

    // The receipts carried back settle nothing new and are no error.
    let settled = a.import_bundle(&root.path().join("first.return"), "first.return.return");
    assert!(settled.status.success(), "{}", text(&settled.stderr));
    assert!(
        text(&settled.stdout).contains("0 of our message(s) acknowledged as delivered"),
        "{}",
        text(&settled.stdout)
    );
    assert_eq!(counts(&a.outbox(), &b), (0, 5, 0));

    // The rest by hand only, with B's server stopped.
    drop(b_server);

    // A bundle imported twice (a replay) is applied once.
    let second: BTreeSet<String> = a.send_notices(&b, 3).into_iter().collect();
    let replayed = a.export_bundle(&b, "second.bundle");
    for (n, applied, duplicates) in [(1, 3, 0), (2, 0, 3)] {
        let imported = b.import_bundle(&replayed, &format!("second.{n}.return"));
        assert!(imported.status.success(), "import {n}: {}", text(&imported.stderr));
        let expected = format!("{applied} message(s) applied, {duplicates} already received before");
        assert!(
            text(&imported.stdout).contains(&expected),
            "import {n}: {}",
            text(&imported.stdout)
        );
    }
    let (received, ids) = b.inbox_ids();
    assert_eq!(received, 8);
    assert_eq!(ids, &first | &second);
    for n in [1, 2] {
        let back = a.import_bundle(
            &root.path().join(format!("second.{n}.return")),
            &format!("second.{n}.rr"),
        );
        assert!(back.status.success(), "return bundle {n}: {}", text(&back.stderr));
    }
    assert_eq!(
        counts(&a.outbox(), &b),
        (0, 8, 0),
        "both receipts settle the three once"
    );

    // Two bundles imported newest first: the older one's messages are all in the newer
    // one too (they stay pending until a receipt comes back), and each is applied once.
    let older_messages: BTreeSet<String> = a.send_notices(&b, 2).into_iter().collect();
    let older = a.export_bundle(&b, "older.bundle");
    let newer_messages: BTreeSet<String> = a.send_notices(&b, 2).into_iter().collect();
    let newer = a.export_bundle(&b, "newer.bundle");
    let imported = b.import_bundle(&newer, "newer.return");
    assert!(
        text(&imported.stdout).contains("4 message(s) applied"),
        "{}",
        text(&imported.stdout)
    );
    let imported = b.import_bundle(&older, "older.return");
    assert!(
        text(&imported.stdout).contains("0 message(s) applied, 2 already received before"),
        "{}",
        text(&imported.stdout)
    );
    let (received, ids) = b.inbox_ids();
    assert_eq!(received, 12, "every message once");
    assert_eq!(ids, &(&(&first | &second) | &older_messages) | &newer_messages);
    for file in ["older.return", "newer.return"] {
        let back = a.import_bundle(&root.path().join(file), &format!("{file}.return"));
        assert!(back.status.success(), "{file}: {}", text(&back.stderr));
    }
    assert_eq!(counts(&a.outbox(), &b), (0, 12, 0));
}

#[test]
fn damaged_forged_and_misdirected_bundles_are_refused_whole() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        Node::create(root.path(), "a"),
        Node::create(root.path(), "b"),
        Node::create(root.path(), "c"),
    );
    pair(&a, &b, "notices", "notices");
    // C knows A (so A's bundles verify there) and B (so it can write to B), but B does
    // not know C.
    c.add_partner(&a, "notices", "notices");
    c.add_partner(&b, "notices", "notices");
    a.send_notices(&b, 3);
    let bundle = a.export_bundle(&b, "a-to-b.bundle");
    let len = std::fs::metadata(&bundle).unwrap().len() as usize;

    let refused = |node: &Node, file: &Path, needle: &str| {
        let output = node.import_bundle(file, "refused.return");
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(3), "{}: {stderr}", file.display());
        assert!(
            stderr.contains(needle),
            "{}: expected {needle:?} in: {stderr}",
            file.display()
        );
        assert!(
            !root.path().join("refused.return").exists(),
            "no receipt for a refused bundle"
        );
        assert!(node.inbox().is_empty(), "{}: nothing applied", file.display());
    };

    // Bytes 0 (the magic), 10 (the sender), 40 (the time), the middle and the last byte
    // (the signature).
    for at in [0, 10, 40, len / 2, len - 1] {
        refused(&b, &flipped(&bundle, at, &format!("flipped-{at}.bundle")), "rejected");
    }
    let half = root.path().join("half.bundle");
    std::fs::write(&half, &std::fs::read(&bundle).unwrap()[..len / 2]).unwrap();
    refused(&b, &half, "truncated");
    refused(&c, &bundle, "addressed to");
    c.send_notices(&b, 1);
    let from_stranger = c.export_bundle(&b, "c-to-b.bundle");
    refused(&b, &from_stranger, "not a partner");

    // None of it left a trace that would stop the genuine bundle.
    let imported = b.import_bundle(&bundle, "a-to-b.return");
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    assert_eq!(b.inbox_ids().0, 3);
}

#[test]
fn a_kind_outside_the_agreement_is_rejected_recorded_and_reported_to_the_sender() {
    let root = tempfile::tempdir().unwrap();
    let (a, b) = (Node::create(root.path(), "a"), Node::create(root.path(), "b"));
    // A may send case summaries; B accepts only notices.
    pair(&a, &b, "notices,case-summaries", "notices");
    let synth = Command::new(env!("CARGO_BIN_EXE_concord"))
        .current_dir(root.path())
        .args(["synth", "-o", "cases.csv", "--cases", "3", "--seed", "5"])
        .output()
        .unwrap();
    assert!(synth.status.success(), "{}", text(&synth.stderr));
    a.ok(&["import", "cases.csv"]);
    let cases: Value = serde_json::from_str(&a.ok(&["cases", "list", "--json"])).unwrap();
    let case = cases["items"][0]["id"].as_str().unwrap().to_string();
    let summary = queued_ids(&a.ok(&["send", "case-summary", "--to", &b.id, &case]));
    let notice = a.send_notices(&b, 1);

    let b_server = b.serve(&[]);
    let delivered = a.run(&["deliver"]);
    assert!(
        delivered.status.success(),
        "a rejection is an answer, not a failed push: {}{}\n{}",
        text(&delivered.stdout),
        text(&delivered.stderr),
        b_server.log()
    );

    let outbox = a.outbox();
    assert_eq!(counts(&outbox, &b), (0, 1, 1));
    let entry = |id: &str| {
        messages(&outbox)
            .iter()
            .find(|m| m["message_id"] == id)
            .unwrap()
            .clone()
    };
    let rejected = entry(&summary[0]);
    assert_eq!(rejected["status"], "rejected");
    assert_eq!(rejected["kind"], "case-summary");
    let reason = rejected["rejection"].as_str().unwrap();
    assert!(reason.contains("agreement"), "the reason names the agreement: {reason}");
    assert_eq!(
        entry(&notice[0])["status"],
        "delivered",
        "the notice beside it is allowed"
    );

    let inbox = b.inbox();
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0]["message_id"], notice[0].as_str());

    // B's audit trail records the refusal.
    let trail = audit_trail(&b);
    assert!(
        trail
            .iter()
            .any(|e| e.event == "message.rejected" && e.message_id.as_deref() == Some(summary[0].as_str())),
        "{trail:#?}"
    );
}

#[test]
fn a_tampered_bundle_posted_over_http_is_answered_with_a_clear_error() {
    let root = tempfile::tempdir().unwrap();
    let (a, b) = (Node::create(root.path(), "a"), Node::create(root.path(), "b"));
    pair(&a, &b, "notices", "notices");
    a.send_notices(&b, 2);
    let bundle = a.export_bundle(&b, "a-to-b.bundle");
    let len = std::fs::metadata(&bundle).unwrap().len() as usize;
    let tampered = std::fs::read(flipped(&bundle, len / 2, "tampered.bundle")).unwrap();
    let genuine = std::fs::read(&bundle).unwrap();
    let b_server = b.serve(&[]);
    let post = |content_type: &str, body: &[u8]| {
        let (status, answer) = http(b.port, "POST", "/api/v1/exchange/bundles", Some(content_type), body)
            .unwrap_or_else(|e| panic!("posting to B: {e}\n{}", b_server.log()));
        (status, answer)
    };

    let (status, answer) = post("application/octet-stream", &tampered);
    let json: Value = serde_json::from_slice(&answer).unwrap_or_else(|_| panic!("not JSON: {}", text(&answer)));
    assert_eq!(
        (status, json["error"].as_str()),
        (400, Some("bundle_rejected")),
        "{json}"
    );
    assert!(json["message"].as_str().unwrap().contains("rejected"), "{json}");

    let (status, answer) = post("text/plain", &genuine);
    assert_eq!(status, 415, "{}", text(&answer));
    assert!(b.inbox().is_empty(), "nothing applied from either");

    // The genuine bundle, sent properly, is accepted: the refusals were for the damage
    // and the media type, not for the bundle.
    let (status, answer) = post("application/octet-stream", &genuine);
    assert_eq!(status, 200, "{}", text(&answer));
    assert_eq!(b.inbox_ids().0, 2);
}

#[test]
fn a_message_received_before_is_acknowledged_as_received_even_after_the_agreement_narrows() {
    let root = tempfile::tempdir().unwrap();
    let (a, b) = (Node::create(root.path(), "a"), Node::create(root.path(), "b"));
    pair(&a, &b, "notices", "notices");
    let sent = a.send_notices(&b, 1);
    // B applies the notice, but its receipt never reaches A (the return bundle is lost).
    let first = a.export_bundle(&b, "first.bundle");
    assert!(b.import_bundle(&first, "lost.return").status.success());
    b.ok(&["peer", "agreement", &a.id, "--receive", "none"]);

    // A, still without a receipt, sends it again; B no longer accepts notices, but it
    // holds this one already.
    let again = a.export_bundle(&b, "again.bundle");
    let imported = b.import_bundle(&again, "again.return");
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    assert!(a
        .import_bundle(&root.path().join("again.return"), "again.rr")
        .status
        .success());

    assert_eq!(b.inbox_ids().1, sent.iter().cloned().collect(), "B holds the notice");
    let outbox = a.outbox();
    assert_eq!(
        messages(&outbox)[0]["status"],
        "delivered",
        "A must not believe B refused a message B holds: {outbox}"
    );
}
