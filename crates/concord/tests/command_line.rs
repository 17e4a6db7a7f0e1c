//! The `concord` command as scripts use it: outputs, files and exit codes.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn concord(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("concord").unwrap();
    cmd.current_dir(dir)
        .env_remove("CONCORD_PASSPHRASE")
        .env_remove("CONCORD_DATA_DIR")
        .env_remove("CONCORD_KEY_FILE");
    cmd
}

/// A node in `dir/node` with key file `dir/node.key`, and a synthetic file `dir/cases.csv`.
fn node_with_file(dir: &Path, cases: usize) {
    concord(dir)
        .args([
            "init",
            "-d",
            "node",
            "-k",
            "node.key",
            "--name",
            "Test unit",
            "--country",
            "PL",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Created key file"));
    concord(dir)
        .args(["synth", "-o", "cases.csv", "--cases", &cases.to_string(), "--seed", "5"])
        .assert()
        .success();
}

#[test]
fn import_export_and_reimport_round_trip_through_files() {
    let dir = tempfile::tempdir().unwrap();
    node_with_file(dir.path(), 200);
    concord(dir.path())
        .args(["import", "cases.csv", "-d", "node", "-k", "node.key"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("imported 200 case(s)"));
    concord(dir.path())
        .args(["export", "-o", "out.jsonl", "-d", "node", "-k", "node.key"])
        .assert()
        .success();
    concord(dir.path())
        .args([
            "init",
            "-d",
            "second",
            "-k",
            "second.key",
            "--name",
            "Second",
            "--country",
            "DE",
            "--kind",
            "NGO",
        ])
        .assert()
        .success();
    concord(dir.path())
        .args(["import", "out.jsonl", "-d", "second", "-k", "second.key"])
        .assert()
        .code(0);
    concord(dir.path())
        .args(["export", "-o", "again.jsonl", "-d", "second", "-k", "second.key"])
        .assert()
        .success();
    let first = std::fs::read(dir.path().join("out.jsonl")).unwrap();
    assert_eq!(first, std::fs::read(dir.path().join("again.jsonl")).unwrap());
    assert_eq!(first.iter().filter(|b| **b == b'\n').count(), 200);
}

#[test]
fn a_rejected_row_means_exit_3_and_nothing_imported_or_exit_4_with_skip_invalid() {
    let dir = tempfile::tempdir().unwrap();
    node_with_file(dir.path(), 20);
    let csv = std::fs::read_to_string(dir.path().join("cases.csv")).unwrap();
    let broken = csv.replacen(",LawEnforcement,", ",Police,", 1);
    std::fs::write(dir.path().join("broken.csv"), broken).unwrap();
    concord(dir.path())
        .args(["import", "broken.csv", "-d", "node", "-k", "node.key"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("broken.csv: rejected line 2").and(predicate::str::contains("org_Type")))
        .stderr(predicate::str::contains("nothing was imported"));
    concord(dir.path())
        .args(["cases", "list", "--json", "-d", "node", "-k", "node.key"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"total\": 0"));
    concord(dir.path())
        .args([
            "import",
            "broken.csv",
            "--skip-invalid",
            "--report",
            "report.json",
            "-d",
            "node",
            "-k",
            "node.key",
        ])
        .assert()
        .code(4);
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(report["rejected"][0]["line"], 2);
    assert_eq!(report["rejected"][0]["errors"][0]["field"], "org_Type");
    assert!(report["cases"].as_u64().unwrap() >= 18);
}

#[test]
fn a_file_level_problem_names_the_file_and_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    node_with_file(dir.path(), 1);
    std::fs::write(dir.path().join("empty.csv"), "").unwrap();
    concord(dir.path())
        .args(["import", "empty.csv", "-d", "node", "-k", "node.key"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("empty.csv, line 1: the file is empty"));
}

#[test]
fn a_wrong_key_exits_5_and_a_passphrase_comes_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    concord(dir.path())
        .env("CONCORD_PASSPHRASE", "a passphrase of some length")
        .args([
            "init",
            "-d",
            "node",
            "--name",
            "Shelter",
            "--country",
            "MD",
            "--kind",
            "NGO",
        ])
        .assert()
        .success();
    concord(dir.path())
        .env("CONCORD_PASSPHRASE", "a passphrase of some length")
        .args(["stats", "-d", "node"])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 case(s)"));
    concord(dir.path())
        .env("CONCORD_PASSPHRASE", "not the passphrase")
        .args(["stats", "-d", "node"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("wrong passphrase"));
    concord(dir.path())
        .args(["stats", "-d", "node"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("CONCORD_PASSPHRASE"));
}

#[test]
fn a_short_passphrase_is_refused_at_init() {
    let dir = tempfile::tempdir().unwrap();
    concord(dir.path())
        .env("CONCORD_PASSPHRASE", "short")
        .args(["init", "-d", "node", "--name", "X", "--country", "UA"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("at least 12 characters"));
    assert!(!dir.path().join("node").exists());
}

#[test]
fn the_server_refuses_a_network_address_until_sign_in_exists() {
    let dir = tempfile::tempdir().unwrap();
    concord(dir.path())
        .args(["serve", "-d", "node", "-k", "node.key", "--listen", "0.0.0.0:9"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("loopback"));
}

#[test]
fn cases_list_filters_and_show_prints_a_case() {
    let dir = tempfile::tempdir().unwrap();
    node_with_file(dir.path(), 100);
    concord(dir.path())
        .args(["import", "cases.csv", "-d", "node", "-k", "node.key"])
        .assert()
        .success();
    let listed = concord(dir.path())
        .args([
            "cases",
            "list",
            "--json",
            "--exploitation",
            "ForcedLabour",
            "--per-page",
            "500",
            "-d",
            "node",
            "-k",
            "node.key",
        ])
        .output()
        .unwrap();
    let page: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let items = page["items"].as_array().unwrap();
    assert!(!items.is_empty() && items.len() < 100);
    assert!(items.iter().all(|c| c["exploitation"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e == "ForcedLabour")));
    let id = items[0]["id"].as_str().unwrap();
    concord(dir.path())
        .args(["cases", "show", id, "-d", "node", "-k", "node.key"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("Case {id}")).and(predicate::str::contains("ForcedLabour")));
    concord(dir.path())
        .args([
            "cases",
            "list",
            "--exploitation",
            "Slavery",
            "-d",
            "node",
            "-k",
            "node.key",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ForcedLabour"));
}

#[test]
fn the_demo_needs_no_arguments_and_is_reused_on_a_second_run() {
    let dir = tempfile::tempdir().unwrap();
    let first = concord(dir.path())
        .args(["demo", "--no-serve", "--cases", "300"])
        .assert()
        .success();
    let first = String::from_utf8(first.get_output().stdout.clone()).unwrap();
    // Each node has its cases and found hits; the police unit asked the mission; the
    // mission's alert reached both police units.
    let counts = demo_counts(&first);
    assert_eq!(counts.len(), 3, "{first}");
    for (folder, cases, hits, requests, alerts) in &counts {
        assert_eq!(*alerts, 1, "{folder}'s alerts:\n{first}");
        assert!(dir.path().join(format!("concord-demo/{folder}.key")).is_file());
        assert_eq!(*cases, 300, "{folder}");
        assert!(*hits > 0, "{folder} found no hit:\n{first}");
        let expected = if folder == "kr-police" { 0 } else { 1 };
        assert_eq!(*requests, expected, "{folder}'s requests:\n{first}");
    }
    for url in [
        "http://127.0.0.1:8080/",
        "http://127.0.0.1:8081/",
        "http://127.0.0.1:8082/",
    ] {
        assert!(first.contains(url), "{url} is not printed:\n{first}");
    }
    let again = concord(dir.path())
        .args(["demo", "--no-serve"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Reusing the demo network"));
    let again = String::from_utf8(again.get_output().stdout.clone()).unwrap();
    assert_eq!(
        demo_counts(&again),
        counts,
        "the same network, no second request:\n{again}"
    );
}

/// (folder, cases, hits, requests, alerts) of each node, from the lines `concord demo`
/// prints like `  kz-police: 300 cases, 412 persons, 37 hits (36 new), 1 request(s), 1 alert(s)`.
fn demo_counts(stdout: &str) -> Vec<(String, u64, u64, u64, u64)> {
    stdout
        .lines()
        .filter_map(|line| {
            let (folder, rest) = line.strip_prefix("  ")?.split_once(": ")?;
            let words: Vec<&str> = rest.split_whitespace().collect();
            let before = |word: &str| {
                let at = words.iter().position(|w| w.starts_with(word))?;
                words.get(at.checked_sub(1)?)?.parse().ok()
            };
            Some((
                folder.to_string(),
                before("cases")?,
                before("hits")?,
                before("request")?,
                before("alert")?,
            ))
        })
        .collect()
}

#[test]
fn a_database_locked_by_another_process_exits_6() {
    let dir = tempfile::tempdir().unwrap();
    node_with_file(dir.path(), 5);
    let other = rusqlite::Connection::open(dir.path().join("node").join("concord.sqlite3")).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    concord(dir.path())
        .args(["import", "cases.csv", "-d", "node", "-k", "node.key"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains("locked by another process"));
    other.execute_batch("ROLLBACK").unwrap();
    concord(dir.path())
        .args(["import", "cases.csv", "-d", "node", "-k", "node.key"])
        .assert()
        .code(0);
}

#[test]
fn init_creates_the_first_administrator_and_users_get_a_password_shown_once() {
    let dir = tempfile::tempdir().unwrap();
    node_with_file(dir.path(), 1);
    let node = ["-d", "node", "-k", "node.key"];
    concord(dir.path())
        .args(["user", "list"])
        .args(node)
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"(?m)^admin +Administrator").unwrap());
    let added = concord(dir.path())
        .args(["user", "add", "o.kovalenko", "--role", "LiaisonOfficer"])
        .args(node)
        .assert()
        .success();
    let text = String::from_utf8(added.get_output().stdout.clone()).unwrap();
    let password = text
        .split("Password: ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap();
    assert_eq!(password.len(), 20, "{text}");
    let listed = concord(dir.path())
        .args(["user", "list", "--json"])
        .args(node)
        .assert()
        .success();
    let listing = String::from_utf8(listed.get_output().stdout.clone()).unwrap();
    assert!(
        listing.contains("\"LiaisonOfficer\"") && !listing.contains(password),
        "{listing}"
    );
    concord(dir.path())
        .args(["user", "add", "taras", "--role", "FieldOfficer"])
        .args(node)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("needs a unit"));
}
