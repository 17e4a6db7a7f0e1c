//! `concord link`: encoding, matching and evaluation through files, and every kind of
//! bad input refused with a clear message.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn concord(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("concord").unwrap();
    cmd.current_dir(dir).env_remove("CONCORD_LINKAGE_KEY");
    cmd
}

/// Agency `n` of a two-agency synthetic network, with its truth file.
fn synth(dir: &Path, n: usize, cases: usize, format: &str) {
    concord(dir)
        .args(["synth", "--agencies", "2", "--agency", &n.to_string(), "--seed", "11"])
        .args(["--as-of", "2026-11-01", "--cases", &cases.to_string()])
        .args([
            "-o",
            &format!("agency{n}.{format}"),
            "--truth",
            &format!("truth{n}.csv"),
        ])
        .assert()
        .success();
}

fn key(dir: &Path, name: &str, epoch: u32) {
    concord(dir)
        .args(["link", "key", "-o", name, "--epoch", &epoch.to_string()])
        .assert()
        .success();
}

fn encode(dir: &Path, input: &str, output: &str, key: &str) -> assert_cmd::assert::Assert {
    concord(dir)
        .args(["link", "encode", input, "-o", output, "--key", key])
        .assert()
}

#[test]
fn two_agencies_find_the_persons_they_share_and_eval_measures_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    synth(d, 1, 600, "csv");
    synth(d, 2, 600, "jsonl");
    key(d, "network.key", 1);
    encode(d, "agency1.csv", "one.enc", "network.key").code(0);
    encode(d, "agency2.jsonl", "two.jsonl", "network.key").code(0);
    let matches = concord(d)
        .args(["link", "match", "one.enc", "two.jsonl", "-o", "-"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let matches = String::from_utf8(matches).unwrap();
    let mut lines = matches.lines();
    assert_eq!(lines.next(), Some("group,party_a,id_a,party_b,id_b,score"));
    let rows: Vec<&str> = lines.collect();
    assert!(rows.len() > 50, "{} links", rows.len());
    assert!(rows
        .iter()
        .all(|r| r.contains(",agency1,P-") && r.contains(",agency2,P-")));
    let report = concord(d)
        .args([
            "link",
            "eval",
            "one.enc",
            "two.jsonl",
            "--truth",
            "truth1.csv",
            "--truth",
            "truth2.csv",
        ])
        .args(["--json", "--thresholds", "0.2,0.35,0.5"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let points: serde_json::Value = serde_json::from_slice(&report).unwrap();
    let best = points
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["f1"].as_f64().unwrap())
        .fold(0.0, f64::max);
    assert!(best > 0.75, "best F1 {best}: {points}");
}

#[test]
fn encodings_of_another_key_epoch_or_schema_are_refused_not_compared() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    synth(d, 1, 50, "csv");
    key(d, "a.key", 1);
    key(d, "b.key", 1);
    key(d, "epoch2.key", 2);
    encode(d, "agency1.csv", "a.enc", "a.key").code(0);
    encode(d, "agency1.csv", "b.enc", "b.key").code(0);
    concord(d)
        .args(["link", "match", "a.enc", "b.enc"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("different linkage keys"));
    encode(d, "agency1.csv", "c.enc", "epoch2.key")
        .code(1)
        .stderr(predicate::str::contains("epoch 2").and(predicate::str::contains("requires epoch 1")));
    let schema = concord(d)
        .args(["link", "schema"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let schema = String::from_utf8(schema).unwrap();
    std::fs::write(d.join("epoch2.toml"), schema.replace("key_epoch = 1", "key_epoch = 2")).unwrap();
    concord(d)
        .args([
            "link",
            "encode",
            "agency1.csv",
            "-o",
            "c.enc",
            "--key",
            "epoch2.key",
            "--schema",
            "epoch2.toml",
        ])
        .assert()
        .code(0);
    concord(d)
        .args(["link", "match", "a.enc", "c.enc"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("schema"));
}

#[test]
fn a_schema_with_an_unknown_key_or_an_impossible_value_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    synth(d, 1, 5, "csv");
    key(d, "k.key", 1);
    let schema = String::from_utf8(concord(d).args(["link", "schema"]).output().unwrap().stdout).unwrap();
    for (from, to, expected) in [
        ("qgram = 2", "qgram = 2\ncolour = \"red\"", "unknown field `colour`"),
        ("bits = 512", "bits = 500", "field[0].bits"),
        ("filter_bits = 1024", "filter_bits = 2048", "filter_bits"),
    ] {
        std::fs::write(d.join("bad.toml"), schema.replacen(from, to, 1)).unwrap();
        concord(d)
            .args([
                "link",
                "encode",
                "agency1.csv",
                "-o",
                "x.enc",
                "--key",
                "k.key",
                "--schema",
                "bad.toml",
            ])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("bad.toml").and(predicate::str::contains(expected)));
    }
    assert!(!d.join("x.enc").exists());
}

#[test]
fn persons_that_cannot_be_encoded_are_listed_and_nothing_is_written_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    synth(d, 1, 40, "jsonl");
    key(d, "k.key", 1);
    let text = std::fs::read_to_string(d.join("agency1.jsonl")).unwrap();
    let mut cases: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let bad_names = [
        ("!!!", ""),
        ("12345", "---"),
        ("", ""),
        (&"a".repeat(10_000) as &str, "Smith"),
        ("Оlena", "Kovalenko"),
    ];
    for (case, (given, family)) in cases.iter_mut().zip(bad_names) {
        case["persons"][0]["names"] = serde_json::json!([{ "given": given, "family": family }]);
    }
    let lines: Vec<String> = cases.iter().map(|c| c.to_string()).collect();
    std::fs::write(d.join("bad.jsonl"), lines.join("\n") + "\n").unwrap();
    let out = concord(d)
        .args(["link", "encode", "bad.jsonl", "-o", "bad.enc", "--key", "k.key"])
        .assert()
        .code(3)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    for line in 1..=5 {
        assert!(
            stderr.contains(&format!("bad.jsonl: line {line}")),
            "line {line}: {stderr}"
        );
    }
    assert!(stderr.contains("names[0].given"), "{stderr}");
    assert!(stderr.contains("5 person(s) rejected: nothing written"), "{stderr}");
    assert!(!stderr.contains(&"a".repeat(50)), "a rejected name is never echoed");
    assert!(!d.join("bad.enc").exists());
    concord(d)
        .args([
            "link",
            "encode",
            "bad.jsonl",
            "-o",
            "bad.enc",
            "--key",
            "k.key",
            "--skip-invalid",
        ])
        .assert()
        .code(4);
    assert!(d.join("bad.enc").exists());
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    synth(d, 1, 5, "csv");
    key(d, "k.key", 1);
    let mut bytes = std::fs::read(d.join("agency1.csv")).unwrap();
    let second_line = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
    bytes.insert(second_line + 3, 0xFF);
    std::fs::write(d.join("latin1.csv"), bytes).unwrap();
    concord(d)
        .args(["link", "encode", "latin1.csv", "-o", "x.enc", "--key", "k.key"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("latin1.csv: line 2").and(predicate::str::contains("UTF-8")));
}

#[test]
fn a_damaged_encoding_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    synth(d, 1, 30, "csv");
    key(d, "k.key", 1);
    encode(d, "agency1.csv", "a.enc", "k.key").code(0);
    let mut bytes = std::fs::read(d.join("a.enc")).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    std::fs::write(d.join("damaged.enc"), &bytes).unwrap();
    std::fs::write(d.join("cut.enc"), &bytes[..middle]).unwrap();
    for file in ["damaged.enc", "cut.enc"] {
        concord(d)
            .args(["link", "match", "a.enc", file])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!("{file}: not a usable encoding file")));
    }
}

#[test]
fn a_key_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    key(dir.path(), "k.key", 1);
    let before = std::fs::read(dir.path().join("k.key")).unwrap();
    concord(dir.path())
        .args(["link", "key", "-o", "k.key"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("never overwritten"));
    assert_eq!(std::fs::read(dir.path().join("k.key")).unwrap(), before);
}
