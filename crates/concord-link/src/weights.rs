//! Fellegi–Sunter match weights, estimated from the data by expectation–maximisation.
//!
//! Hand-set weights say how much each field counts; the data can say it better. The
//! Fellegi–Sunter model of record linkage cuts each field's similarity into a few
//! *levels* (absent, different, close, equal, …) and asks, per level, how often a true
//! match shows it (`m`) and how often two different people do (`u`). A pair's evidence
//! is then the sum over fields of `log2(m/u)` (its *match weight*, in bits), and with the
//! share `λ` of matches among the pairs compared, the probability that the pair is one
//! person:
//!
//! ```text
//! P(match | levels) = 1 / (1 + 2^−(log2(λ/(1−λ)) + Σ log2(m_f/u_f)))
//! ```
//!
//! Neither `m`, `u` nor `λ` needs ground truth: the candidate pairs of a linkage are a
//! mixture of matches and non-matches, and expectation–maximisation finds the mixture
//! that explains the levels seen, assuming the fields independent within each class.
//! Three choices make that assumption hold well enough, and they were measured
//! (`docs/linkage.md`):
//!
//! - **Names and their consonant skeletons are one comparison**, with a level for every
//!   combination: the skeleton is computed from the same names, so counting both as
//!   independent evidence counts the names twice (F1 0.78 → 0.67 on the synthetic data).
//! - **The pairs estimated on are selected by their names only**: those whose names or
//!   skeletons agree at least [`NAME_FLOOR`]. Whole-filter Dice, which finds the
//!   candidates, also counts dates and documents, so among its candidates a pair with
//!   different names is there *because* its other fields agree, and EM then mistakes
//!   that for a class of its own. Selected by names, the other fields of different people
//!   agree no more than chance would have them, and a pair below the floor is not linked.
//! - **The start is fixed**: `u` from how often each level occurs among all the pairs
//!   (nearly all are non-matches), `m` leaning towards agreement, `λ` = 0.05. EM is then
//!   deterministic and, on the synthetic data, lands near the true share of matches.
//!
//! The estimation runs on the histogram of level patterns, not on the pairs: a linkage
//! of millions of candidates has a few thousand distinct patterns, so each iteration is
//! microseconds. [`MatchWeights`] serialise (TOML), so that a network can estimate them
//! once and share them with its schema.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::schema::{Schema, Similarity, Source};
use crate::scoring::{corrected, ones};

/// The similarity (of names or of skeletons) a pair must reach to be compared at all.
pub const NAME_FLOOR: f32 = 0.75;

/// Pairs below which a linkage does not estimate its own weights but uses the defaults.
pub const MIN_PAIRS: u64 = 2_000;

/// The weights estimated (by [`Comparisons::estimate`]) on the synthetic data of
/// `docs/linkage.md`, for the default schema: what a linkage too small to estimate its
/// own uses.
pub const DEFAULT_WEIGHTS: &str = include_str!("default-weights.toml");

/// A pair's levels, one per field, packed in mixed radix (at most 16 fields of at most
/// 11 levels fit in 64 bits).
pub type Pattern = u64;

/// Match weights tabulated by [`Comparisons::tabulate`].
#[derive(Debug, Clone)]
pub struct Tabulated {
    /// Each pattern's probability.
    probability: Vec<f32>,
    /// For each pattern of the fields other than names (names at level 0), the highest
    /// probability any levels of the names give it.
    best_with_names: Vec<f32>,
}

/// How the fields of a schema are compared: each field's levels, and which fields form
/// one comparison.
#[derive(Debug, Clone)]
pub struct Comparisons {
    fields: Vec<FieldLevels>,
    /// How many patterns there are: every pattern is below it.
    patterns: u64,
    /// Each comparison's fields (indices into `fields`), in schema order.
    groups: Vec<Vec<usize>>,
    /// Fields whose similarity counts for the name floor.
    name_fields: Vec<usize>,
}

#[derive(Debug, Clone)]
struct FieldLevels {
    name: String,
    segment: Range<usize>,
    similarity: Similarity,
    cuts: &'static [f32],
    /// One of the names, which the [`NAME_FLOOR`] looks at.
    is_name: bool,
    /// The value of this field's level in a [`Pattern`].
    radix: u64,
}

impl FieldLevels {
    /// Levels: 0 when neither record has the field, 1 when one lacks it, then one level
    /// per interval between cuts.
    fn count(&self) -> u64 {
        self.cuts.len() as u64 + 3
    }

    fn label(&self, level: usize) -> String {
        match level {
            0 => "neither".to_string(),
            1 => "one lacks".to_string(),
            _ => match (self.cuts.get(level.wrapping_sub(3)), self.cuts.get(level - 2)) {
                (None, Some(hi)) => format!("<{hi}"),
                (Some(lo), Some(hi)) => format!("{lo}-{hi}"),
                (Some(lo), None) => format!(">={lo}"),
                (None, None) => unreachable!("a field has at least one cut"),
            },
        }
    }

    /// How far towards agreement the level is, from 0 to 1; `None` for absence.
    fn agreement(&self, level: usize) -> Option<f64> {
        (level >= 2).then(|| (level - 2) as f64 / self.cuts.len() as f64)
    }
}

/// Where a source's similarity is cut into levels, chosen from the similarities of
/// matches and non-matches among the candidates of the synthetic data: finest where the
/// two overlap (names from 0.7 up, dates where partial and approximate dates fall).
fn cuts(source: Source) -> &'static [f32] {
    match source {
        Source::Names => &[0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99],
        Source::NameSkeletons => &[0.5, 0.7, 0.85, 0.95],
        Source::BirthDate => &[0.3, 0.5, 0.7, 0.85, 0.95, 0.99],
        Source::Gender | Source::Citizenship | Source::Documents | Source::Phones => &[0.5],
    }
}

/// The weights of a model: the share of matches, and each comparison's `m` and `u` per
/// level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchWeights {
    /// The share of matches among the pairs estimated on (λ).
    pub matches: f64,
    /// How many pairs they were estimated on.
    pub pairs: u64,
    /// Iterations of EM run.
    pub iterations: u32,
    #[serde(rename = "comparison")]
    pub comparisons: Vec<ComparisonWeights>,
}

/// One comparison's levels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonWeights {
    /// The schema fields compared together.
    pub fields: Vec<String>,
    #[serde(rename = "level")]
    pub levels: Vec<Level>,
}

/// One level: how often matches (`m`) and non-matches (`u`) show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Each field's interval of similarity, e.g. `0.85-0.9 >=0.95`.
    pub label: String,
    pub m: f64,
    pub u: f64,
}

impl Level {
    /// The evidence this level gives, in bits: log2(m/u), but never more than
    /// [`MAX_PENALTY_BITS`] against a match.
    pub fn weight(&self) -> f64 {
        (self.m / self.u).log2().max(-MAX_PENALTY_BITS)
    }
}

/// The most evidence one comparison may give against a match, in bits.
///
/// Estimated on data where a field is never mistyped (the synthetic generator never
/// changes a gender or a phone number between agencies), a disagreement gets an `m` near
/// zero and a weight near −17 bits: one typo would veto a true match however well
/// everything else agreed. Real registers do have such typos, so a disagreement counts
/// at most this much — still enough that a different gender outweighs a close name.
pub const MAX_PENALTY_BITS: f64 = 10.0;

/// Weights that do not fit a schema's comparisons.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WeightsError {
    #[error("{0}")]
    Syntax(String),
    #[error("the weights compare {found}, but the schema compares {expected}")]
    OtherComparisons { found: String, expected: String },
}

impl MatchWeights {
    /// Reads weights from TOML text.
    pub fn from_toml(text: &str) -> Result<Self, WeightsError> {
        toml::from_str(text).map_err(|e| WeightsError::Syntax(e.message().to_string()))
    }

    /// The weights as TOML text.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("weights always serialise")
    }

    /// The weights shipped with this build ([`DEFAULT_WEIGHTS`]).
    pub fn default_weights() -> Self {
        Self::from_toml(DEFAULT_WEIGHTS).expect("the default weights are valid (tested)")
    }
}

impl Comparisons {
    /// The comparisons of `schema`'s fields: every names and name-skeletons field
    /// together, every other field on its own.
    pub fn new(schema: &Schema) -> Self {
        let mut radix = 1u64;
        let fields: Vec<FieldLevels> = schema
            .fields
            .iter()
            .zip(schema.segments())
            .map(|(field, segment)| {
                let levels = FieldLevels {
                    name: field.name.clone(),
                    is_name: matches!(field.source, Source::Names | Source::NameSkeletons),
                    segment,
                    similarity: field.similarity,
                    cuts: cuts(field.source),
                    radix,
                };
                radix = radix
                    .checked_mul(levels.count())
                    .expect("a schema has at most 16 fields (validated)");
                levels
            })
            .collect();
        let patterns = radix;
        let is_name = |i: &usize| matches!(schema.fields[*i].source, Source::Names | Source::NameSkeletons);
        let name_fields: Vec<usize> = (0..fields.len()).filter(is_name).collect();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for i in 0..fields.len() {
            match name_fields.first() {
                Some(&first) if is_name(&i) && i != first => {}
                Some(&first) if i == first => groups.push(name_fields.clone()),
                _ => groups.push(vec![i]),
            }
        }
        Self {
            fields,
            patterns,
            groups,
            name_fields,
        }
    }

    /// How many patterns there are (44,352 for the default schema): every pattern is
    /// below it.
    pub fn patterns(&self) -> u64 {
        self.patterns
    }

    /// The levels of a pair of filters, or `None` if their names agree less than the
    /// [`NAME_FLOOR`] (a schema without names has no floor).
    pub fn pattern(&self, a: &[u64], b: &[u64]) -> Option<Pattern> {
        let others = self.levels(a, b, false).0;
        let (names, names_pass) = self.levels(a, b, true);
        (names_pass || self.name_fields.is_empty()).then_some(others + names)
    }

    /// Whether the names of two filters agree at least as much as the [`NAME_FLOOR`]
    /// asks (always, for a schema without names): [`pattern`](Self::pattern) is `Some`.
    pub fn reaches_name_floor(&self, a: &[u64], b: &[u64]) -> bool {
        self.name_fields.is_empty() || self.levels(a, b, true).1
    }

    /// The pattern's part of the fields that are names (`names`) or of the others, and
    /// whether a name reaches the [`NAME_FLOOR`].
    fn levels(&self, a: &[u64], b: &[u64], names: bool) -> (Pattern, bool) {
        // Every candidate of a linkage is counted here, so the popcounts must be the
        // CPU's: the default x86-64 target lacks POPCNT, and the same code is compiled
        // again with it (as the portable Dice kernel is).
        #[cfg(target_arch = "x86_64")]
        if is_x86_feature_detected!("popcnt") {
            // SAFETY: the CPU supports POPCNT, the only feature `levels_popcnt` enables.
            return unsafe { self.levels_popcnt(a, b, names) };
        }
        self.levels_any(a, b, names)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "popcnt")]
    fn levels_popcnt(&self, a: &[u64], b: &[u64], names: bool) -> (Pattern, bool) {
        self.levels_any(a, b, names)
    }

    #[inline(always)]
    fn levels_any(&self, a: &[u64], b: &[u64], names: bool) -> (Pattern, bool) {
        let mut pattern = 0;
        let mut names_pass = false;
        for field in self.fields.iter().filter(|f| f.is_name == names) {
            let (sa, sb) = (&a[field.segment.clone()], &b[field.segment.clone()]);
            let level = match (ones(sa), ones(sb)) {
                (0, 0) => 0,
                (0, _) | (_, 0) => 1,
                (ca, cb) => {
                    let common: u32 = sa.iter().zip(sb).map(|(x, y)| (x & y).count_ones()).sum();
                    let bits = (64 * sa.len()) as f32;
                    let similarity = corrected(field.similarity, common as f32, ca as f32, cb as f32, bits);
                    names_pass |= field.is_name && similarity >= NAME_FLOOR;
                    2 + field.cuts.iter().filter(|&&cut| similarity >= cut).count() as u64
                }
            };
            pattern += level * field.radix;
        }
        (pattern, names_pass)
    }

    /// `weights` tabulated for scoring many pairs, or `None` when the schema has too
    /// many patterns to tabulate (more than `limit`).
    pub fn tabulate(&self, weights: &MatchWeights, limit: u64) -> Option<Tabulated> {
        if self.patterns > limit {
            return None;
        }
        let probability: Vec<f32> = (0..self.patterns).map(|p| self.probability(weights, p)).collect();
        let mut best_with_names = vec![0f32; self.patterns as usize];
        for (pattern, &p) in probability.iter().enumerate() {
            let others = pattern as Pattern - self.names_part(pattern as Pattern);
            let best = &mut best_with_names[others as usize];
            *best = best.max(p);
        }
        Some(Tabulated {
            probability,
            best_with_names,
        })
    }

    /// The pattern's part of the name fields.
    fn names_part(&self, pattern: Pattern) -> Pattern {
        self.fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.is_name)
            .map(|(i, f)| self.level(pattern, i) as Pattern * f.radix)
            .sum()
    }

    /// The probability that two filters are one person, if it is at least `threshold`.
    /// The fields other than names are compared first: when even the best agreement of
    /// names could not lift the pair to the threshold, the names (most of a filter's
    /// words) are not counted at all. Namesakes born years apart are most of the
    /// candidates of a large linkage, and this drops them for a few popcounts.
    pub fn score_at_least(&self, table: &Tabulated, a: &[u64], b: &[u64], threshold: f32) -> Option<f32> {
        let (others, _) = self.levels(a, b, false);
        if table.best_with_names[others as usize] < threshold {
            return None;
        }
        let (names, names_pass) = self.levels(a, b, true);
        let score = table.probability[(others + names) as usize];
        ((names_pass || self.name_fields.is_empty()) && score >= threshold).then_some(score)
    }

    fn level(&self, pattern: Pattern, field: usize) -> usize {
        let f = &self.fields[field];
        ((pattern / f.radix) % f.count()) as usize
    }

    /// The level of comparison `c` in a pattern (mixed radix over its fields).
    fn comparison_level(&self, pattern: Pattern, c: usize) -> usize {
        self.groups[c].iter().rev().fold(0, |level, &field| {
            level * self.fields[field].count() as usize + self.level(pattern, field)
        })
    }

    fn levels_of(&self, c: usize) -> usize {
        self.groups[c]
            .iter()
            .map(|&f| self.fields[f].count() as usize)
            .product()
    }

    /// Each field's level within level `level` of comparison `c`.
    fn split(&self, c: usize, mut level: usize) -> Vec<usize> {
        self.groups[c]
            .iter()
            .map(|&f| {
                let count = self.fields[f].count() as usize;
                let own = level % count;
                level /= count;
                own
            })
            .collect()
    }

    fn label(&self, c: usize, level: usize) -> String {
        let parts: Vec<String> = self.groups[c]
            .iter()
            .zip(self.split(c, level))
            .map(|(&f, l)| self.fields[f].label(l))
            .collect();
        parts.join(" ")
    }

    fn field_names(&self, c: usize) -> Vec<String> {
        self.groups[c].iter().map(|&f| self.fields[f].name.clone()).collect()
    }

    /// Checks that `weights` were made for these comparisons.
    pub fn check(&self, weights: &MatchWeights) -> Result<(), WeightsError> {
        let expected: Vec<(Vec<String>, usize)> = (0..self.groups.len())
            .map(|c| (self.field_names(c), self.levels_of(c)))
            .collect();
        let found: Vec<(Vec<String>, usize)> = weights
            .comparisons
            .iter()
            .map(|c| (c.fields.clone(), c.levels.len()))
            .collect();
        if expected == found {
            Ok(())
        } else {
            let show = |v: &[(Vec<String>, usize)]| {
                let parts: Vec<String> = v.iter().map(|(f, n)| format!("{} ({n} levels)", f.join("+"))).collect();
                parts.join(", ")
            };
            Err(WeightsError::OtherComparisons {
                found: show(&found),
                expected: show(&expected),
            })
        }
    }

    /// The probability that a pair of these levels is one person, under `weights`
    /// (checked with [`check`](Self::check)).
    pub fn probability(&self, weights: &MatchWeights, pattern: Pattern) -> f32 {
        let mut log_odds = (weights.matches / (1.0 - weights.matches)).log2();
        for (c, comparison) in weights.comparisons.iter().enumerate() {
            log_odds += comparison.levels[self.comparison_level(pattern, c)].weight();
        }
        (1.0 / (1.0 + (-log_odds).exp2())) as f32
    }

    /// The probability that two filters are one person under `weights`; 0 when their
    /// names do not reach the [`NAME_FLOOR`].
    pub fn score(&self, weights: &MatchWeights, a: &[u64], b: &[u64]) -> f32 {
        self.pattern(a, b).map_or(0.0, |p| self.probability(weights, p))
    }

    /// `weights` with the share of matches (λ) estimated anew from the pairs of
    /// `histogram` (each pattern's count), their levels kept: expectation–maximisation
    /// of that one share. Two large lists hold far more candidates per true match —
    /// namesakes — than the linkage the levels were estimated on; re-estimating every
    /// level there lets the namesakes pull the match class towards themselves, whereas
    /// the share alone follows the lists and keeps what each level is worth.
    pub fn with_prior(&self, weights: &MatchWeights, histogram: &BTreeMap<Pattern, u64>) -> MatchWeights {
        let odds: Vec<(f64, f64)> = histogram
            .iter()
            .map(|(&p, &n)| {
                let bits: f64 = (weights.comparisons.iter().enumerate())
                    .map(|(c, comparison)| comparison.levels[self.comparison_level(p, c)].weight())
                    .sum();
                (bits.exp2(), n as f64)
            })
            .collect();
        let total: f64 = odds.iter().map(|(_, n)| n).sum();
        let mut matches = weights.matches;
        let mut iterations = 0;
        while total > 0.0 && iterations < MAX_ITERATIONS {
            iterations += 1;
            let matched: f64 = odds
                .iter()
                .map(|(ratio, n)| n * matches * ratio / (matches * ratio + 1.0 - matches))
                .sum();
            let next = (matched / total).clamp(1e-9, 1.0 - 1e-9);
            let change = (next - matches).abs();
            matches = next;
            if change < TOLERANCE {
                break;
            }
        }
        MatchWeights {
            matches,
            pairs: total as u64,
            iterations,
            comparisons: weights.comparisons.clone(),
        }
    }

    /// Estimates the weights by expectation–maximisation from the patterns of the pairs
    /// of a linkage, counted: `histogram` maps each pattern to its number of pairs.
    pub fn estimate(&self, histogram: &BTreeMap<Pattern, u64>) -> MatchWeights {
        let patterns: Vec<(Vec<usize>, f64)> = histogram
            .iter()
            .map(|(&p, &n)| {
                (
                    (0..self.groups.len()).map(|c| self.comparison_level(p, c)).collect(),
                    n as f64,
                )
            })
            .collect();
        let total: f64 = patterns.iter().map(|(_, n)| n).sum();
        let sizes: Vec<usize> = (0..self.groups.len()).map(|c| self.levels_of(c)).collect();
        let mut u: Vec<Vec<f64>> = sizes.iter().map(|&n| vec![0.5; n]).collect();
        for (levels, n) in &patterns {
            for (c, &l) in levels.iter().enumerate() {
                u[c][l] += n;
            }
        }
        u.iter_mut().for_each(|p| normalise(p));
        let mut m: Vec<Vec<f64>> = (0..sizes.len())
            .map(|c| {
                let mut p: Vec<f64> = (0..sizes[c]).map(|l| self.leaning(c, l)).collect();
                normalise(&mut p);
                p
            })
            .collect();
        let mut matches = 0.05;
        let mut iterations = 0;
        while iterations < MAX_ITERATIONS {
            iterations += 1;
            let mut m_next: Vec<Vec<f64>> = sizes.iter().map(|&n| vec![SMOOTHING; n]).collect();
            let mut u_next = m_next.clone();
            let mut matched = 0.0;
            for (levels, n) in &patterns {
                let (mut pm, mut pu) = (matches, 1.0 - matches);
                for (c, &l) in levels.iter().enumerate() {
                    pm *= m[c][l];
                    pu *= u[c][l];
                }
                let g = pm / (pm + pu);
                matched += g * n;
                for (c, &l) in levels.iter().enumerate() {
                    m_next[c][l] += g * n;
                    u_next[c][l] += (1.0 - g) * n;
                }
            }
            m_next.iter_mut().chain(u_next.iter_mut()).for_each(|p| normalise(p));
            let next = matched / total;
            let change = (next - matches)
                .abs()
                .max(largest_change(&m, &m_next))
                .max(largest_change(&u, &u_next));
            (matches, m, u) = (next, m_next, u_next);
            if change < TOLERANCE {
                break;
            }
        }
        MatchWeights {
            matches,
            pairs: total as u64,
            iterations,
            comparisons: (0..sizes.len())
                .map(|c| ComparisonWeights {
                    fields: self.field_names(c),
                    levels: (0..sizes[c])
                        .map(|l| Level {
                            label: self.label(c, l),
                            m: m[c][l],
                            u: u[c][l],
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// The starting `m` of a level (before normalising): rising with agreement, small
    /// for absence.
    fn leaning(&self, c: usize, level: usize) -> f64 {
        let agreements: Vec<f64> = self.groups[c]
            .iter()
            .zip(self.split(c, level))
            .filter_map(|(&f, l)| self.fields[f].agreement(l))
            .collect();
        if agreements.is_empty() {
            0.05 * 3f64.exp()
        } else {
            (3.0 * agreements.iter().sum::<f64>() / agreements.len() as f64).exp()
        }
    }
}

/// At most this many iterations of EM.
const MAX_ITERATIONS: u32 = 500;
/// EM stops when no probability changes by more than this.
const TOLERANCE: f64 = 1e-7;
/// Pairs added to every level's count, so that a level never seen has a small, equal
/// `m` and `u` (a weight near 0) rather than a division by zero.
const SMOOTHING: f64 = 1e-3;

fn normalise(p: &mut [f64]) {
    let sum: f64 = p.iter().sum();
    p.iter_mut().for_each(|x| *x /= sum);
}

fn largest_change(a: &[Vec<f64>], b: &[Vec<f64>]) -> f64 {
    a.iter()
        .flatten()
        .zip(b.iter().flatten())
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_comparisons() -> Comparisons {
        Comparisons::new(&Schema::default_schema())
    }

    /// The pattern of one level per field of the default schema (names, name-skeletons,
    /// birth-date, gender, documents, phones).
    fn pattern(comparisons: &Comparisons, levels: [u64; 6]) -> Pattern {
        comparisons.fields.iter().zip(levels).map(|(f, l)| f.radix * l).sum()
    }

    proptest::proptest! {
        /// Scoring against a threshold through the table, which skips the names of a pair
        /// its other fields already rule out, gives exactly the probability of its pattern.
        #[test]
        fn the_tabulated_score_is_the_probability_of_the_pattern_whenever_it_reaches_the_threshold(
            a in proptest::collection::vec(proptest::prelude::any::<u64>(), 16),
            flips in proptest::collection::vec((proptest::prelude::any::<u64>(), proptest::prelude::any::<u64>()), 16),
            sparse in proptest::collection::vec(0usize..16, 0..10),
            threshold in 0.0f32..1.0,
        ) {
            let comparisons = default_comparisons();
            let weights = MatchWeights::default_weights();
            let table = comparisons.tabulate(&weights, 1 << 20).expect("the default schema tabulates");
            // b is a with a few bits changed (so that names often pass the floor), and
            // some words emptied (so that fields are missing on one side or both).
            let mut b: Vec<u64> = a.iter().zip(&flips).map(|(w, (x, y))| w ^ (x & y & (x >> 7))).collect();
            let mut a = a;
            for (n, &word) in sparse.iter().enumerate() {
                if n % 2 == 0 { b[word] = 0 } else { a[word] = 0 }
            }
            let expected = comparisons
                .pattern(&a, &b)
                .map(|p| comparisons.probability(&weights, p))
                .filter(|&p| p >= threshold);
            proptest::prop_assert_eq!(comparisons.score_at_least(&table, &a, &b, threshold), expected);
        }
    }

    #[test]
    fn names_and_skeletons_are_one_comparison_and_every_other_field_its_own() {
        let comparisons = default_comparisons();
        let fields: Vec<Vec<String>> = (0..comparisons.groups.len())
            .map(|c| comparisons.field_names(c))
            .collect();
        assert_eq!(
            fields,
            [
                vec!["names", "name-skeletons"],
                vec!["birth-date"],
                vec!["gender"],
                vec!["documents"],
                vec!["phones"]
            ]
        );
        assert_eq!(comparisons.levels_of(0), 11 * 7, "every combination of the two");
    }

    #[test]
    fn a_pair_whose_names_and_skeletons_are_below_the_floor_is_not_compared() {
        let comparisons = default_comparisons();
        let a = vec![u64::MAX; 16];
        let mut b = a.clone();
        b[..11].iter_mut().for_each(|w| *w = 0x0f0f_0f0f_0f0f_0f0f);
        assert!(comparisons.pattern(&a, &a).is_some());
        assert_eq!(comparisons.pattern(&a, &b), None);
        assert_eq!(comparisons.score(&MatchWeights::default_weights(), &a, &b), 0.0);
    }

    /// A level of a field with its `m` and `u`.
    type LevelOdds = (u64, f64, f64);

    /// Expected counts of a mixture: a share `matches` of pairs drawn with `m`, the rest
    /// with `u`, each field independently.
    fn mixture(comparisons: &Comparisons, matches: f64, fields: &[(usize, Vec<LevelOdds>)]) -> BTreeMap<Pattern, u64> {
        let mut histogram = BTreeMap::new();
        let mut stack = vec![([2u64, 2, 0, 0, 0, 0], 1.0, 1.0, 0)];
        while let Some((levels, pm, pu, depth)) = stack.pop() {
            if depth == fields.len() {
                let n = (100_000.0 * (matches * pm + (1.0 - matches) * pu)).round() as u64;
                histogram.insert(pattern(comparisons, levels), n);
                continue;
            }
            let (field, options) = &fields[depth];
            for &(level, m, u) in options {
                let mut next = levels;
                next[*field] = level;
                stack.push((next, pm * m, pu * u, depth + 1));
            }
        }
        histogram
    }

    /// Levels of names, dates, gender and documents with known `m` and `u`: (field,
    /// [(level, m, u)]).
    fn known_levels() -> [(usize, Vec<LevelOdds>); 4] {
        [
            (0, vec![(10, 0.7, 0.1), (7, 0.2, 0.3), (5, 0.1, 0.6)]),
            (2, vec![(8, 0.6, 0.02), (6, 0.3, 0.18), (2, 0.1, 0.8)]),
            (3, vec![(3, 0.95, 0.5), (2, 0.05, 0.5)]),
            (4, vec![(3, 0.2, 0.001), (0, 0.8, 0.999)]),
        ]
    }

    #[test]
    fn expectation_maximisation_recovers_the_mixture_it_is_given() {
        let comparisons = default_comparisons();
        let fields = known_levels();
        let weights = comparisons.estimate(&mixture(&comparisons, 0.1, &fields));
        assert!((weights.matches - 0.1).abs() < 0.005, "{}", weights.matches);
        let names_equal =
            &weights.comparisons[0].levels[comparisons.comparison_level(pattern(&comparisons, [10, 2, 0, 0, 0, 0]), 0)];
        assert!(
            (names_equal.m - 0.7).abs() < 0.01 && (names_equal.u - 0.1).abs() < 0.01,
            "{names_equal:?}"
        );
        let dates_differ = &weights.comparisons[1].levels[2];
        assert!(
            (dates_differ.m - 0.1).abs() < 0.01 && (dates_differ.u - 0.8).abs() < 0.01,
            "{dates_differ:?}"
        );
        assert!(
            weights.comparisons[3].levels[3].weight() > 7.0,
            "a shared document is strong evidence"
        );
    }

    #[test]
    fn the_share_of_matches_alone_is_recovered_with_the_levels_kept() {
        let comparisons = default_comparisons();
        let fields = known_levels();
        let levels = comparisons.estimate(&mixture(&comparisons, 0.1, &fields));
        // The same kinds of pair, but far fewer of them matches: as between large lists.
        for share in [0.3, 0.02, 0.005] {
            let reprior = comparisons.with_prior(&levels, &mixture(&comparisons, share, &fields));
            assert!(
                (reprior.matches - share).abs() < share / 10.0,
                "{share}: {}",
                reprior.matches
            );
            assert_eq!(reprior.comparisons, levels.comparisons, "the levels are kept");
        }
        let none = comparisons.with_prior(&levels, &BTreeMap::new());
        assert_eq!(none.matches, levels.matches, "no pair: the share stays");
    }

    #[test]
    fn estimation_is_deterministic() {
        let comparisons = default_comparisons();
        let fields = [
            (0, vec![(10, 0.7, 0.1), (5, 0.3, 0.9)]),
            (2, vec![(8, 0.6, 0.02), (2, 0.4, 0.98)]),
            (3, vec![(3, 0.95, 0.5), (2, 0.05, 0.5)]),
        ];
        let histogram = mixture(&comparisons, 0.2, &fields);
        assert_eq!(comparisons.estimate(&histogram), comparisons.estimate(&histogram));
    }

    #[test]
    fn the_default_weights_fit_the_default_schema_and_round_trip() {
        let weights = MatchWeights::default_weights();
        assert_eq!(default_comparisons().check(&weights), Ok(()));
        assert_eq!(MatchWeights::from_toml(&weights.to_toml()), Ok(weights));
    }

    #[test]
    fn weights_of_other_comparisons_are_refused_naming_both() {
        let mut weights = MatchWeights::default_weights();
        weights.comparisons.pop();
        let e = default_comparisons().check(&weights).unwrap_err().to_string();
        assert!(
            e.contains("phones (4 levels)") && e.contains("names+name-skeletons (77 levels)"),
            "{e}"
        );
    }
}
