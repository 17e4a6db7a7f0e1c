//! Prints the accuracy report of `docs/linkage.md`: the match weights estimated, then
//! precision, recall and F1 per threshold on synthetic cross-agency, cross-script data,
//! overall and per script.
//!
//! `cargo run --release -p concord-link --example accuracy -- [AGENCIES] [CASES] [SEED]`
//! (defaults: 8 agencies, 2000 cases each, seed 2026). `CONCORD_LINKAGE_SCHEMA` names
//! another schema file to measure; `CONCORD_LINKAGE_SCORING=mean` measures the
//! hand-weighted geometric mean instead of estimated weights; `CONCORD_LINKAGE_WEIGHTS`
//! names a file to write the estimated weights to (TOML).

#[path = "accuracy/harness.rs"]
mod harness;

use concord_link::evaluation::ALL;
use concord_link::filter::FilterSet;
use concord_link::key::LinkageKey;
use concord_link::matching::{Matcher, Scoring};
use concord_link::schema::Schema;

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).map(|a| a.parse().expect("numbers")).collect();
    let agencies = args.first().copied().unwrap_or(8);
    let cases = args.get(1).copied().unwrap_or(2000);
    let seed = args.get(2).copied().unwrap_or(2026) as u64;
    let parties = harness::parties(seed, agencies, cases);
    let records: usize = parties.iter().map(|p| p.persons.len()).sum();
    let schema = match std::env::var("CONCORD_LINKAGE_SCHEMA") {
        Ok(path) => Schema::from_toml(&std::fs::read_to_string(path).expect("a schema file")).expect("a valid schema"),
        Err(_) => Schema::default_schema(),
    };
    let key = LinkageKey::from_bytes(schema.key_epoch, [42; 32]);
    let sets = harness::encode(&parties, &schema, &key);
    let thresholds: Vec<f32> = (1..=19).map(|t| t as f32 / 20.0).collect();
    let mut matcher = Matcher::new(&schema);
    let codes: Vec<&str> = parties.iter().map(|p| p.code.as_str()).collect();
    println!(
        "{agencies} agencies ({}), {cases} cases each, {records} person records, seed {seed}\n",
        codes.join(", ")
    );
    if std::env::var("CONCORD_LINKAGE_SCORING").as_deref() == Ok("mean") {
        matcher = matcher.scoring(Scoring::WeightedMean).expect("no weights to check");
        println!("Scoring: the hand-weighted geometric mean of the schema.\n");
    } else {
        let filters: Vec<&FilterSet> = sets.iter().collect();
        let weights = matcher.estimate(&filters).expect("estimated scoring");
        println!(
            "Match weights estimated on {} pairs in {} iterations: matches {:.4} of them.\n",
            weights.pairs, weights.iterations, weights.matches
        );
        println!("| fields | level | m | u | weight (bits) |\n|---|---|---|---|---|");
        for comparison in &weights.comparisons {
            for level in comparison.levels.iter().filter(|l| l.m + l.u > 1e-4) {
                println!(
                    "| {} | {} | {:.4} | {:.4} | {:.1} |",
                    comparison.fields.join(" + "),
                    level.label,
                    level.m,
                    level.u,
                    level.weight()
                );
            }
        }
        println!();
        if let Ok(path) = std::env::var("CONCORD_LINKAGE_WEIGHTS") {
            std::fs::write(path, weights.to_toml()).expect("a writable weights file");
        }
        matcher = matcher
            .scoring(Scoring::Given(weights))
            .expect("weights of this schema");
    }
    let report = harness::measure(&matcher, &parties, &sets, &thresholds);
    println!("| threshold | precision | recall | F1 | true pairs | found | correct |\n|---|---|---|---|---|---|---|");
    for p in &report[ALL] {
        println!(
            "| {:.2} | {:.4} | {:.4} | {:.4} | {} | {} | {} |",
            p.threshold, p.precision, p.recall, p.f1, p.true_pairs, p.found_pairs, p.correct_pairs
        );
    }
    let chosen = harness::best(&report[ALL]);
    println!(
        "\nPer script, at the overall best threshold {:.2}, and each script's own best:\n",
        chosen.threshold
    );
    println!(
        "| script | true pairs | precision | recall | F1 | best threshold | best F1 |\n|---|---|---|---|---|---|---|"
    );
    for (label, points) in report.iter().filter(|(l, _)| l.as_str() != ALL) {
        let at = points
            .iter()
            .find(|p| p.threshold == chosen.threshold)
            .expect("every threshold");
        let own = harness::best(points);
        println!(
            "| {label} | {} | {:.4} | {:.4} | {:.4} | {:.2} | {:.4} |",
            at.true_pairs, at.precision, at.recall, at.f1, own.threshold, own.f1
        );
    }
}
