//! The audit trail is chained under the node's key: any entry altered, removed or
//! inserted in the database file, and entries cut from the end, are detected.

use concord_node::audit::AuditBreak;
use concord_node::exchange::Agreement;
use concord_node::store::DATABASE_FILE;
use concord_node::{KeySource, Store};

mod common;

/// A node with a few audit entries (two partners added, agreements changed), closed.
fn node_with_a_trail(dir: &std::path::Path) -> KeySource {
    for name in ["a", "b", "c"] {
        std::fs::create_dir(dir.join(name)).unwrap();
    }
    let (mut store, key) = common::new_node(&dir.join("a"));
    for name in ["b", "c"] {
        let (other, _) = common::new_node(&dir.join(name));
        store.add_peer(&other.card().unwrap(), &other.node_id()).unwrap();
        store.set_agreement(&other.node_id(), &Agreement::default()).unwrap();
    }
    assert_eq!(store.verify_audit().unwrap().entries, 4);
    key
}

fn tamper(dir: &std::path::Path, sql: &str) {
    let conn = rusqlite::Connection::open(dir.join("a").join("data").join(DATABASE_FILE)).unwrap();
    conn.execute_batch(sql).unwrap();
}

fn check(dir: &std::path::Path, key: &KeySource) -> Option<AuditBreak> {
    Store::open(&dir.join("a").join("data"), key)
        .unwrap()
        .verify_audit()
        .unwrap()
        .broken
}

#[test]
fn an_untouched_trail_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let key = node_with_a_trail(dir.path());
    assert_eq!(check(dir.path(), &key), None);
}

#[test]
fn an_altered_entry_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let key = node_with_a_trail(dir.path());
    tamper(dir.path(), "UPDATE audit SET at = '2020-01-01T00:00:00Z' WHERE seq = 2");
    assert_eq!(check(dir.path(), &key), Some(AuditBreak::Broken(2)));
}

#[test]
fn a_removed_entry_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let key = node_with_a_trail(dir.path());
    tamper(dir.path(), "DELETE FROM audit WHERE seq = 2");
    assert_eq!(check(dir.path(), &key), Some(AuditBreak::Missing { from: 2, to: 2 }));
    // Renumbering to hide the gap breaks the chain instead.
    tamper(dir.path(), "UPDATE audit SET seq = seq - 1 WHERE seq > 2");
    assert_eq!(check(dir.path(), &key), Some(AuditBreak::Broken(2)));
}

#[test]
fn entries_cut_from_the_end_are_found_even_with_the_head_rewound() {
    let dir = tempfile::tempdir().unwrap();
    let key = node_with_a_trail(dir.path());
    tamper(
        dir.path(),
        "DELETE FROM audit WHERE seq = 4;
         UPDATE audit_head SET seq = 3, link = (SELECT link FROM audit WHERE seq = 3);",
    );
    assert_eq!(check(dir.path(), &key), Some(AuditBreak::Head { last: 3 }));
}

#[test]
fn an_inserted_entry_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let key = node_with_a_trail(dir.path());
    tamper(
        dir.path(),
        "INSERT INTO audit (seq, at, event, peer, kind, message_id, size, detail, link)
         SELECT 5, at, event, peer, kind, message_id, size, detail, link FROM audit WHERE seq = 4;
         UPDATE audit_head SET seq = 5;",
    );
    assert_eq!(check(dir.path(), &key), Some(AuditBreak::Broken(5)));
}
