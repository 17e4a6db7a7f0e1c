//! Precision, recall and F1 of a linkage against known truth, per threshold.
//!
//! The unit is the pair of records of different parties: a true pair is two records of
//! the same individual; a found pair is two records in the same group at that threshold.
//! Recall counts true pairs of every record given, including those whose encodings were
//! never compared (blocking's losses count against it).
//!
//! Records can carry a group label (the script of the individual's name, in the accuracy
//! report), so that one run shows how each group fares; a pair counts for the label of
//! its first record.

use std::collections::{BTreeMap, HashMap};

use crate::assignment::{components, Edge, Record};

/// The truth about one record: which individual it is, and its reporting label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Truth {
    pub entity: u64,
    pub label: String,
}

/// Counts and rates at one threshold.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Point {
    pub threshold: f32,
    pub true_pairs: u64,
    pub found_pairs: u64,
    pub correct_pairs: u64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Point {
    fn new(threshold: f32, true_pairs: u64, found_pairs: u64, correct_pairs: u64) -> Self {
        let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let (precision, recall) = (ratio(correct_pairs, found_pairs), ratio(correct_pairs, true_pairs));
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Self {
            threshold,
            true_pairs,
            found_pairs,
            correct_pairs,
            precision,
            recall,
            f1,
        }
    }
}

/// The label under which totals over every record are reported.
pub const ALL: &str = "all";

/// Evaluates `links` (from one assignment at the lowest threshold) at each threshold.
/// `truth[party][index]` is the truth of each record, `None` where unknown (such records
/// count as distinct from every other). Returns, per label and for [`ALL`], one point
/// per threshold.
pub fn evaluate(links: &[Edge], truth: &[Vec<Option<Truth>>], thresholds: &[f32]) -> BTreeMap<String, Vec<Point>> {
    let true_pairs = true_pairs(truth);
    let mut report: BTreeMap<String, Vec<Point>> = BTreeMap::new();
    for &threshold in thresholds {
        let kept: Vec<Edge> = links.iter().copied().filter(|l| l.score >= threshold).collect();
        let mut found: HashMap<&str, (u64, u64)> = HashMap::new();
        for group in components(&kept) {
            for (i, a) in group.iter().enumerate() {
                for b in &group[i + 1..] {
                    if a.party == b.party {
                        continue;
                    }
                    let (ta, tb) = (lookup(truth, *a), lookup(truth, *b));
                    let correct = matches!((ta, tb), (Some(x), Some(y)) if x.entity == y.entity);
                    let label = ta.map_or("unknown", |t| t.label.as_str());
                    for key in labels_of(label) {
                        let entry = found.entry(key).or_default();
                        entry.0 += 1;
                        entry.1 += u64::from(correct);
                    }
                }
            }
        }
        let labels: Vec<&str> = true_pairs
            .keys()
            .map(String::as_str)
            .chain(found.keys().copied())
            .collect();
        for label in labels {
            let points = report.entry(label.to_string()).or_default();
            if points.last().is_some_and(|p| p.threshold == threshold) {
                continue;
            }
            let (n_found, n_correct) = found.get(label).copied().unwrap_or_default();
            let n_true = true_pairs.get(label).copied().unwrap_or_default();
            points.push(Point::new(threshold, n_true, n_found, n_correct));
        }
    }
    report
}

/// The labels a pair counts for: its own and [`ALL`] (once, if they are the same).
fn labels_of(label: &str) -> impl Iterator<Item = &str> {
    std::iter::once(label).chain((label != ALL).then_some(ALL))
}

fn lookup(truth: &[Vec<Option<Truth>>], record: Record) -> Option<&Truth> {
    truth.get(record.party as usize)?.get(record.index as usize)?.as_ref()
}

/// True cross-party pairs per label (and for [`ALL`]).
fn true_pairs(truth: &[Vec<Option<Truth>>]) -> BTreeMap<String, u64> {
    let mut by_entity: HashMap<u64, Vec<(u32, &str)>> = HashMap::new();
    for (party, records) in truth.iter().enumerate() {
        for t in records.iter().flatten() {
            by_entity
                .entry(t.entity)
                .or_default()
                .push((party as u32, t.label.as_str()));
        }
    }
    let mut totals: BTreeMap<String, u64> = BTreeMap::from([(ALL.to_string(), 0)]);
    for records in by_entity.values() {
        for (i, (party_a, label)) in records.iter().enumerate() {
            let pairs = records[i + 1..].iter().filter(|(p, _)| p != party_a).count() as u64;
            for key in labels_of(label) {
                *totals.entry(key.to_string()).or_default() += pairs;
            }
        }
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(entity: u64) -> Option<Truth> {
        Some(Truth {
            entity,
            label: if entity < 100 { "Latin" } else { "Cyrillic" }.into(),
        })
    }

    fn link(pa: u32, a: u32, pb: u32, b: u32, score: f32) -> Edge {
        Edge {
            a: Record { party: pa, index: a },
            b: Record { party: pb, index: b },
            score,
        }
    }

    #[test]
    fn precision_recall_and_f1_follow_their_definitions() {
        // Entities 1 and 2 are in both parties; 3 only on the left; 200 on the right.
        let truth = vec![vec![t(1), t(2), t(3)], vec![t(2), t(1), t(200)]];
        let links = vec![link(0, 0, 1, 1, 0.95), link(0, 2, 1, 2, 0.85), link(0, 1, 1, 0, 0.75)];
        let report = evaluate(&links, &truth, &[0.7, 0.8, 0.9]);
        let all = &report[ALL];
        assert_eq!((all[0].true_pairs, all[0].found_pairs, all[0].correct_pairs), (2, 3, 2));
        assert_eq!((all[1].found_pairs, all[1].correct_pairs), (2, 1));
        assert_eq!((all[2].precision, all[2].recall), (1.0, 0.5));
        assert!((all[2].f1 - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(
            report["Latin"][1].found_pairs, 2,
            "a false pair counts for its first record's label"
        );
    }

    #[test]
    fn records_labelled_all_are_counted_once() {
        let all = |entity| {
            Some(Truth {
                entity,
                label: ALL.into(),
            })
        };
        let point = evaluate(&[link(0, 0, 1, 0, 0.9)], &[vec![all(1)], vec![all(1)]], &[0.5])[ALL][0];
        assert_eq!((point.true_pairs, point.found_pairs, point.correct_pairs), (1, 1, 1));
    }

    #[test]
    fn a_group_of_three_parties_counts_three_pairs() {
        let truth = vec![vec![t(7)], vec![t(7)], vec![t(7)]];
        let links = vec![link(0, 0, 1, 0, 0.9), link(1, 0, 2, 0, 0.9)];
        let point = evaluate(&links, &truth, &[0.5])[ALL][0];
        assert_eq!((point.true_pairs, point.found_pairs, point.correct_pairs), (3, 3, 3));
    }

    #[test]
    fn nothing_found_of_nothing_true_is_perfect_and_nothing_found_of_something_is_not() {
        let none = evaluate(&[], &[vec![t(1)], vec![t(2)]], &[0.8])[ALL][0];
        assert_eq!((none.precision, none.recall), (1.0, 1.0));
        let missed = evaluate(&[], &[vec![t(1)], vec![t(1)]], &[0.8])[ALL][0];
        assert_eq!((missed.recall, missed.f1), (0.0, 0.0));
    }
}
