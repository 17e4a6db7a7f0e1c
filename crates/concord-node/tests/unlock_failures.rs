//! A wrong key, a missing key file, a locked or a damaged database: a clear error, and
//! the data folder is left exactly as it was.

mod common;

use std::path::Path;

use concord_node::{KeyError, KeySource, Store, StoreError};
use zeroize::Zeroizing;

fn snapshot(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    files.sort();
    files
}

fn passphrase(s: &str) -> KeySource {
    KeySource::Passphrase(Zeroizing::new(s.to_string()))
}

#[test]
fn a_wrong_passphrase_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = Store::init(&data, &common::settings(), &passphrase("a long enough passphrase")).unwrap();
    drop(store);
    let before = snapshot(&data);
    let error = Store::open(&data, &passphrase("not the passphrase")).unwrap_err();
    assert!(matches!(error, StoreError::Key(KeyError::WrongPassphrase)), "{error}");
    assert!(error.to_string().contains("wrong passphrase"));
    assert_eq!(snapshot(&data), before);
    assert!(Store::open(&data, &passphrase("a long enough passphrase")).is_ok());
}

#[test]
fn a_missing_or_foreign_key_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = common::new_node(dir.path());
    drop(store);
    let data = dir.path().join("data");
    let missing = Store::open(&data, &KeySource::KeyFile(dir.path().join("nowhere.key"))).unwrap_err();
    assert!(
        matches!(missing, StoreError::Key(KeyError::MissingKeyFile(_))),
        "{missing}"
    );
    assert!(missing.to_string().contains("nowhere.key"));
    let other = dir.path().join("other.key");
    concord_node::vault::create_key_file(&other).unwrap();
    let wrong = Store::open(&data, &KeySource::KeyFile(other)).unwrap_err();
    assert!(matches!(wrong, StoreError::Key(KeyError::WrongKeyFile(_))), "{wrong}");
    let by_passphrase = Store::open(&data, &passphrase("whatever")).unwrap_err();
    assert!(
        by_passphrase.to_string().contains("protected by a key file"),
        "{by_passphrase}"
    );
}

#[test]
fn a_folder_without_a_node_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let error = Store::open(dir.path(), &passphrase("x")).unwrap_err();
    assert!(matches!(error, StoreError::NotInitialised(_)));
    assert!(error.to_string().contains("concord init"));
}

#[test]
fn a_damaged_database_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (store, key) = common::new_node(dir.path());
    drop(store);
    let data = dir.path().join("data");
    let db = data.join(concord_node::store::DATABASE_FILE);
    let garbage: Vec<u8> = (0..64 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&db, &garbage).unwrap();
    let error = Store::open(&data, &key).unwrap_err();
    assert!(matches!(error, StoreError::Corrupt { .. }), "{error}");
    assert!(error.to_string().contains("damaged"), "{error}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        garbage,
        "the damaged file was not modified"
    );
}

#[test]
fn a_database_locked_by_another_process_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (store, key) = common::new_node(dir.path());
    drop(store);
    let data = dir.path().join("data");
    let other = rusqlite::Connection::open(data.join(concord_node::store::DATABASE_FILE)).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let mut store = Store::open(&data, &key).expect("reading is possible while another process writes");
    let case = common::synthetic_cases(3, 1).remove(0);
    let error = store.insert_case(&case).unwrap_err();
    assert!(matches!(error, StoreError::Locked(_)), "{error}");
    assert!(error.to_string().contains("locked by another process"));
    other.execute_batch("ROLLBACK").unwrap();
    store
        .insert_case(&case)
        .expect("writes work again once the other process is done");
}
