//! `concord estimate`: from a table of capture histories, and from encodings alone.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn concord(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("concord").unwrap();
    cmd.current_dir(dir).env_remove("CONCORD_LINKAGE_KEY");
    cmd
}

fn json_of(assert: assert_cmd::assert::Assert) -> Value {
    serde_json::from_slice(&assert.get_output().stdout).unwrap()
}

/// Korea (Palembang), three lists, from the MultipleSystemsEstimation R package.
const KOREA: &str = "b,c,d,count\n1,0,0,5\n0,1,0,5\n0,0,1,41\n1,1,0,54\n1,0,1,6\n0,1,1,0\n1,1,1,12\n";

#[test]
fn a_table_gives_every_model_considered_and_the_chosen_estimate_as_json() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("korea.csv"), KOREA).unwrap();
    let result = json_of(
        concord(dir.path())
            .args(["estimate", "korea.csv", "--json", "--bootstrap", "200", "--seed", "3"])
            .assert()
            .code(0),
    );
    assert_eq!(result["observed"], 123);
    let chosen = &result["models"][result["chosen"].as_u64().unwrap() as usize];
    assert_eq!(chosen["terms"], serde_json::json!(["b:c"]));
    assert_eq!(chosen["outcome"]["status"], "fitted");
    // statsmodels gives 268.778 for this model (crates/concord-estimate/tests/reference).
    let total = chosen["outcome"]["total"].as_f64().unwrap();
    assert!((total - 268.778).abs() < 0.01, "{total}");
    assert!(result["models"].as_array().unwrap().len() >= 2);
    assert_eq!(result["bootstrap"]["replicates"], 200);
}

#[test]
fn the_text_output_is_a_table_with_the_chosen_model() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("korea.csv"), KOREA).unwrap();
    concord(dir.path())
        .args(["estimate", "korea.csv", "--criterion", "bic"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Chosen model: main effects + b:c"))
        .stdout(predicate::str::contains("Estimated total 269"));
}

#[test]
fn bad_input_exits_3_naming_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.csv"), "A,B,count\n1,0,4\n1,1,2.5\n").unwrap();
    concord(dir.path())
        .args(["estimate", "bad.csv"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "bad.csv: line 3, column 3: expected a whole number of persons, 0 or more, found `2.5`",
        ));
    std::fs::write(dir.path().join("single.csv"), "A,B,count\n1,0,4\n0,1,2\n").unwrap();
    concord(dir.path())
        .args(["estimate", "single.csv"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "no estimate: no person is on more than one list",
        ));
}

/// Agency `n` of a three-agency synthetic network, encoded, with its truth file.
fn agency(dir: &Path, n: usize) {
    concord(dir)
        .args(["synth", "--agencies", "3", "--agency", &n.to_string(), "--seed", "21"])
        .args(["--as-of", "2026-11-01", "--cases", "1500"])
        .args(["-o", &format!("agency{n}.csv"), "--truth", &format!("truth{n}.csv")])
        .assert()
        .success();
    concord(dir)
        .args([
            "link",
            "encode",
            &format!("agency{n}.csv"),
            "-o",
            &format!("agency{n}.enc"),
        ])
        .args(["--key", "network.key"])
        .assert()
        .code(0);
}

/// The number of distinct individuals in the truth files.
fn true_observed(dir: &Path) -> usize {
    let mut entities: HashMap<String, HashSet<String>> = HashMap::new();
    for n in 1..=3 {
        let text = std::fs::read_to_string(dir.join(format!("truth{n}.csv"))).unwrap();
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let entity = header.iter().position(|h| *h == "entity_id").unwrap();
        for line in lines {
            let fields: Vec<&str> = line.split(',').collect();
            entities
                .entry(fields[entity].to_string())
                .or_default()
                .insert(n.to_string());
        }
    }
    entities.len()
}

#[test]
fn encodings_alone_are_linked_into_histories_and_estimated() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    concord(d).args(["link", "key", "-o", "network.key"]).assert().success();
    (1..=3).for_each(|n| agency(d, n));
    let result = json_of(
        concord(d)
            .args([
                "estimate",
                "--encodings",
                "agency1.enc",
                "agency2.enc",
                "agency3.enc",
                "--json",
            ])
            .assert()
            .code(0)
            .stderr(predicate::str::contains("linked")),
    );
    let lists: Vec<&str> = result["lists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(lists, ["agency1", "agency2", "agency3"]);
    // Linkage finds the persons the agencies share: the persons observed are close to
    // the distinct individuals of the truth files.
    let observed = result["observed"].as_f64().unwrap();
    let truth = true_observed(d) as f64;
    assert!(
        (observed - truth).abs() < 0.05 * truth,
        "linked {observed}, truth {truth}"
    );
    let chosen = &result["models"][result["chosen"].as_u64().unwrap() as usize];
    assert!(chosen["outcome"]["total"].as_f64().unwrap() >= observed);
}
