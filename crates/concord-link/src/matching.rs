//! A whole linkage: candidates by whole-filter Dice (exhaustive or blocked), a score for
//! each candidate, and assignment into pairs or groups.
//!
//! The score is by default the probability that the pair is one person under
//! Fellegi–Sunter weights that each linkage estimates from its own candidates
//! ([`crate::weights`]); weights estimated once can be given instead, and the older
//! hand-weighted geometric mean ([`crate::scoring`]) is still there to compare.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::assignment::{assign, Assignment, Edge, Record, Rule};
use crate::blocking::{Blocking, Refine};
use crate::encodings::{EncodingSet, Incompatible};
use crate::filter::FilterSet;
use crate::schema::Schema;
use crate::scoring::Scorer;
use crate::similarity::{compare_all, Candidate, Kernel};
use crate::weights::{Comparisons, MatchWeights, Pattern, WeightsError, MIN_PAIRS};

/// Whole-filter Dice below which a pair is not even scored field by field. Low enough that
/// a true match missing its date of birth on one side still passes (`docs/linkage.md`).
pub const DEFAULT_CANDIDATE_DICE: f32 = 0.65;

/// The score at or above which a pair is linked: a match is more likely than not.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// Records of one side that the estimation looks at, at most: their candidates against
/// the whole other side are a uniform sample of all the candidates (every record's share
/// of them is alike), which is all EM needs — the share of matches and each level's `m`
/// and `u` are proportions — and a large linkage need not find its candidates twice.
const ESTIMATION_RECORDS: usize = 20_000;

/// Records of each side that the estimation of the share of matches alone looks at, at
/// most ([`Matcher::with_prior`]). Every k-th record of both sides keeps a uniform sample
/// of the pairs, and so of the candidates; one proportion needs far fewer than every
/// level's `m` and `u`, and a large side (a node's million persons) is then not hashed
/// for blocking twice, once for the estimate and once for the scores.
const PRIOR_RECORDS: usize = 50_000;

/// Every k-th record of `set`, when it has more than `records`.
fn estimation_sample(set: &FilterSet, records: usize) -> Option<FilterSet> {
    let step = set.len().div_ceil(records);
    (step > 1).then(|| {
        let mut sample = FilterSet::with_capacity(set.bits(), set.len() / step + 1);
        (0..set.len()).step_by(step).for_each(|i| sample.push(set.get(i)));
        sample
    })
}

/// Patterns up to which candidates are counted in one atomic counter each.
const DENSE_PATTERNS: u64 = 1 << 20;

/// How candidates are scored.
#[derive(Debug, Clone, PartialEq)]
pub enum Scoring {
    /// The probability of a match under Fellegi–Sunter weights estimated from the
    /// linkage's own candidates; a linkage of fewer than [`MIN_PAIRS`] candidates uses
    /// [`MatchWeights::default_weights`] if they fit the schema.
    Estimated,
    /// The probability of a match under weights given (estimated once, shared).
    Given(MatchWeights),
    /// The hand-weighted geometric mean of the fields' similarities, with the schema's
    /// weights ([`Scorer`]).
    WeightedMean,
}

/// How a linkage is run.
#[derive(Debug, Clone)]
pub struct Matcher {
    schema_digest: String,
    blocking_bits: crate::schema::BlockingBits,
    scorer: Scorer,
    kernel: Kernel,
    blocking: Option<Blocking>,
    candidate_dice: f32,
    comparisons: Comparisons,
    scoring: Scoring,
}

/// Scored pairs between two sets, and the work done to find them.
#[derive(Debug, Clone, PartialEq)]
pub struct Pairs {
    /// Pairs at or above the threshold, with their field-weighted score.
    pub pairs: Vec<Candidate>,
    /// Whole-filter comparisons made.
    pub comparisons: u64,
}

/// Encodings the matcher cannot link.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MatchError {
    #[error(transparent)]
    Incompatible(#[from] Incompatible),
    #[error(transparent)]
    Weights(#[from] WeightsError),
    #[error("the encodings of {party} were made under schema digest {found}, but the schema given has digest {expected}; use the schema they were made with")]
    OtherSchema {
        party: String,
        found: String,
        expected: String,
    },
}

impl Matcher {
    /// Exhaustive comparison with the best kernel of this CPU.
    pub fn new(schema: &Schema) -> Self {
        Self {
            schema_digest: schema.digest(),
            blocking_bits: schema.blocking_bits(),
            scorer: Scorer::new(schema),
            kernel: Kernel::best(),
            blocking: None,
            candidate_dice: DEFAULT_CANDIDATE_DICE,
            comparisons: Comparisons::new(schema),
            scoring: Scoring::Estimated,
        }
    }

    /// Scores candidates as `scoring` says; weights given must fit the schema.
    pub fn scoring(mut self, scoring: Scoring) -> Result<Self, MatchError> {
        if let Scoring::Given(weights) = &scoring {
            self.comparisons.check(weights)?;
        }
        self.scoring = scoring;
        Ok(self)
    }

    /// Blocks with `blocking` (or compares every pair with `None`).
    pub fn blocking(mut self, blocking: Option<Blocking>) -> Self {
        self.blocking = blocking;
        self
    }

    /// Sets the whole-filter Dice that candidates must reach.
    pub fn candidate_dice(mut self, dice: f32) -> Self {
        self.candidate_dice = dice;
        self
    }

    /// Every pair of `left` and `right` scoring at least `threshold`.
    pub fn pairs(&self, left: &FilterSet, right: &FilterSet, threshold: f32) -> Pairs {
        let weights = self.weights_of(&[(left, right)], false);
        self.scored(left, right, threshold, weights.as_ref())
    }

    /// The weights a linkage of `sets` would use: estimated from its candidates (or
    /// the defaults, for a small linkage), or those given; `None` when scoring by the
    /// weighted mean.
    pub fn estimate(&self, sets: &[&FilterSet]) -> Option<MatchWeights> {
        self.weights_of(&between(sets), false)
    }

    /// `weights` (which must fit the schema) with their share of matches estimated anew
    /// from the candidates of `sets`, their levels kept ([`Comparisons::with_prior`]).
    pub fn with_prior(&self, sets: &[&FilterSet], weights: &MatchWeights) -> MatchWeights {
        let histogram = self.histogram(&between(sets), false, (PRIOR_RECORDS, PRIOR_RECORDS));
        self.comparisons.with_prior(weights, &histogram)
    }

    /// The weights to score candidates of these pairs of sets with (`within`: each pair
    /// is one set against itself).
    fn weights_of(&self, sets: &[(&FilterSet, &FilterSet)], within: bool) -> Option<MatchWeights> {
        match &self.scoring {
            Scoring::WeightedMean => None,
            Scoring::Given(weights) => Some(weights.clone()),
            Scoring::Estimated => {
                let histogram = self.histogram(sets, within, (ESTIMATION_RECORDS, usize::MAX));
                let total: u64 = histogram.values().sum();
                let defaults = (total < MIN_PAIRS).then(MatchWeights::default_weights);
                Some(match defaults {
                    Some(defaults) if self.comparisons.check(&defaults).is_ok() => defaults,
                    _ => self.comparisons.estimate(&histogram),
                })
            }
        }
    }

    /// How many candidates of the pairs of sets show each pattern of levels. Counted as
    /// the candidates are found, so that memory holds the counts, not the candidates: in
    /// one atomic counter per pattern when there are few patterns (the default schema
    /// has 44,352), else in a map behind a lock. Only every k-th record of each set is
    /// looked at, at most `records` of each left and each right set.
    fn histogram(
        &self,
        sets: &[(&FilterSet, &FilterSet)],
        within: bool,
        (left_records, right_records): (usize, usize),
    ) -> BTreeMap<Pattern, u64> {
        let dense: Vec<AtomicU64> = if self.comparisons.patterns() <= DENSE_PATTERNS {
            (0..self.comparisons.patterns()).map(|_| AtomicU64::new(0)).collect()
        } else {
            Vec::new()
        };
        let sparse = Mutex::new(FxHashMap::<Pattern, u64>::default());
        for (left, right) in sets {
            // A set against itself is not sampled: its pairs within are what is counted.
            let sample = |set: &FilterSet, records| (!within).then(|| estimation_sample(set, records)).flatten();
            let (left_sample, right_sample) = (sample(left, left_records), sample(right, right_records));
            let left = left_sample.as_ref().unwrap_or(left);
            let right = right_sample.as_ref().unwrap_or(right);
            let floor = |c: Candidate, a: &[u64], b: &[u64]| {
                let within_once = !within || c.left < c.right;
                (within_once && self.comparisons.reaches_name_floor(a, b)).then_some(c.score)
            };
            self.found(left, right, self.candidate_dice, &floor, &|c| {
                let (a, b) = (left.get(c.left as usize), right.get(c.right as usize));
                match (self.comparisons.pattern(a, b), dense.is_empty()) {
                    (Some(pattern), false) => {
                        dense[pattern as usize].fetch_add(1, Ordering::Relaxed);
                    }
                    (Some(pattern), true) => {
                        *sparse
                            .lock()
                            .expect("no panic while counting")
                            .entry(pattern)
                            .or_default() += 1;
                    }
                    (None, _) => {}
                }
                None
            });
        }
        let mut histogram: BTreeMap<Pattern, u64> = sparse
            .into_inner()
            .expect("no panic while counting")
            .into_iter()
            .collect();
        for (pattern, count) in dense.into_iter().enumerate() {
            let count = count.into_inner();
            if count > 0 {
                histogram.insert(pattern as Pattern, count);
            }
        }
        histogram
    }

    /// The pairs at or above `threshold`, scored under `weights` (or by the weighted mean
    /// for `None`).
    fn scored(&self, left: &FilterSet, right: &FilterSet, threshold: f32, weights: Option<&MatchWeights>) -> Pairs {
        match weights {
            None => self.found(
                left,
                right,
                self.candidate_dice.min(threshold),
                &|_, a, b| self.scorer.score_at_least(a, b, threshold),
                &Some,
            ),
            Some(weights) => {
                // Tabulated once, so that scoring a candidate is a lookup, not a sum of
                // logarithms.
                let table = self.comparisons.tabulate(weights, DENSE_PATTERNS);
                let score = |_, a: &[u64], b: &[u64]| match &table {
                    Some(table) => self.comparisons.score_at_least(table, a, b, threshold),
                    None => {
                        let score = self.comparisons.probability(weights, self.comparisons.pattern(a, b)?);
                        (score >= threshold).then_some(score)
                    }
                };
                self.found(left, right, self.candidate_dice, &score, &Some)
            }
        }
    }

    /// Pairs at whole-filter Dice `dice` that `score` scores (without side effects: under
    /// blocking it may see a pair more than once) and `keep` then keeps, once per pair.
    fn found(&self, left: &FilterSet, right: &FilterSet, dice: f32, score: &PairScore, keep: &Refine) -> Pairs {
        let rescore = |c: Candidate| {
            let (a, b) = (left.get(c.left as usize), right.get(c.right as usize));
            Some(Candidate {
                score: score(c, a, b)?,
                ..c
            })
        };
        match &self.blocking {
            Some(blocking) => {
                let blocked = blocking.link(self.kernel, (left, right), dice, &self.blocking_bits, (&rescore, keep));
                Pairs {
                    pairs: blocked.candidates,
                    comparisons: blocked.comparisons,
                }
            }
            None => Pairs {
                pairs: compare_all(self.kernel, left, right, dice)
                    .into_par_iter()
                    .filter_map(rescore)
                    .filter_map(keep)
                    .collect(),
                comparisons: left.len() as u64 * right.len() as u64,
            },
        }
    }

    /// Checks that every set was made under this matcher's schema and one key.
    pub fn check(&self, sets: &[&EncodingSet]) -> Result<(), MatchError> {
        for set in sets {
            if set.header.schema_digest != self.schema_digest {
                return Err(MatchError::OtherSchema {
                    party: set.header.party.clone(),
                    found: set.header.schema_digest.clone(),
                    expected: self.schema_digest.clone(),
                });
            }
            sets[0].header.check_compatible(&set.header)?;
        }
        Ok(())
    }

    /// Links several parties' sets: every pair of parties is scored, and records are
    /// grouped at most one per party (for two parties, greedy 1:1 pairs).
    pub fn link(&self, sets: &[&EncodingSet], threshold: f32) -> Result<Assignment, MatchError> {
        self.check(sets)?;
        let filters: Vec<&FilterSet> = sets.iter().map(|s| &s.filters).collect();
        Ok(self.link_filters(&filters, threshold))
    }

    /// [`link`](Self::link) for filters whose compatibility the caller has established.
    /// With estimated weights, the candidates are found twice: once to count their
    /// patterns for the estimation, once to score them.
    pub fn link_filters(&self, sets: &[&FilterSet], threshold: f32) -> Assignment {
        let weights = self.weights_of(&between(sets), false);
        let mut edges = Vec::new();
        for a in 0..sets.len() {
            for b in a + 1..sets.len() {
                let found = self.scored(sets[a], sets[b], threshold, weights.as_ref());
                edges.extend(found.pairs.into_iter().map(|c| edge(a, b, c)));
            }
        }
        assign(edges, threshold, Rule::OnePerParty)
    }

    /// Groups the records of one set that are the same person.
    pub fn deduplicate(&self, set: &EncodingSet, threshold: f32) -> Result<Assignment, MatchError> {
        self.check(&[set])?;
        let weights = self.weights_of(&[(&set.filters, &set.filters)], true);
        let found = self.scored(&set.filters, &set.filters, threshold, weights.as_ref());
        let edges = found
            .pairs
            .into_iter()
            .filter(|c| c.left < c.right)
            .map(|c| edge(0, 0, c))
            .collect();
        Ok(assign(edges, threshold, Rule::Any))
    }
}

/// Every pair of the sets, each once.
fn between<'a>(sets: &[&'a FilterSet]) -> Vec<(&'a FilterSet, &'a FilterSet)> {
    (0..sets.len())
        .flat_map(|a| (a + 1..sets.len()).map(move |b| (sets[a], sets[b])))
        .collect()
}

/// What scores (or refuses) a pair of filters.
type PairScore<'a> = dyn Fn(Candidate, &[u64], &[u64]) -> Option<f32> + Sync + 'a;

fn edge(a: usize, b: usize, c: Candidate) -> Edge {
    Edge {
        a: Record {
            party: a as u32,
            index: c.left,
        },
        b: Record {
            party: b as u32,
            index: c.right,
        },
        score: c.score,
    }
}

#[cfg(test)]
mod tests {
    use concord_core::vocabulary::{Gender, PersonRole};
    use concord_core::{Person, PersonName};

    use super::*;
    use crate::encoding::Encoder;
    use crate::encodings::Header;
    use crate::key::LinkageKey;

    fn set(party: &str, names: &[(&str, &str, &str)]) -> EncodingSet {
        let schema = Schema::default_schema();
        let key = LinkageKey::from_bytes(schema.key_epoch, [9; 32]);
        let mut encoder = Encoder::new(&schema, &key).unwrap();
        let mut set = EncodingSet::new(Header::new(party, &schema, &key));
        for (i, (given, family, birth)) in names.iter().enumerate() {
            let person = Person {
                id: format!("P-{i}").parse().unwrap(),
                role: PersonRole::Victim,
                names: vec![PersonName {
                    given: given.to_string(),
                    family: family.to_string(),
                    romanised: None,
                }],
                gender: Gender::Feminine,
                birth_date: Some(birth.parse().unwrap()),
                citizenships: Default::default(),
                country_of_birth: None,
                documents: vec![],
                phones: vec![],
            };
            set.push(format!("P-{i}"), &encoder.encode_to_vec(&person).unwrap());
        }
        set
    }

    #[test]
    fn deduplication_groups_the_records_of_one_person_within_a_party() {
        let records = set(
            "UA",
            &[
                ("Олена", "Коваленко", "1990-03-09"),
                ("Iryna", "Bondarenko", "1985-01-02"),
                ("Olena", "Kovalenko", "1990-03"),
            ],
        );
        let groups = Matcher::new(&Schema::default_schema())
            .deduplicate(&records, DEFAULT_THRESHOLD)
            .unwrap()
            .groups;
        let indices: Vec<Vec<u32>> = groups.iter().map(|g| g.iter().map(|r| r.index).collect()).collect();
        assert_eq!(indices, vec![vec![0, 2]]);
    }

    #[test]
    fn three_parties_holding_one_person_make_one_group_of_three() {
        let ua = set(
            "UA",
            &[
                ("Олена", "Коваленко", "1990-03-09"),
                ("Iryna", "Bondarenko", "1985-01-02"),
            ],
        );
        let pl = set("PL", &[("Olena", "Kovalenko", "1990")]);
        let de = set(
            "DE",
            &[
                ("Iryna", "Sydorenko", "1970-05-05"),
                ("Olena", "Kowalenko", "1990-03-09"),
            ],
        );
        let groups = Matcher::new(&Schema::default_schema())
            .link(&[&ua, &pl, &de], DEFAULT_THRESHOLD)
            .unwrap()
            .groups;
        let members: Vec<Vec<(u32, u32)>> = groups
            .iter()
            .map(|g| g.iter().map(|r| (r.party, r.index)).collect())
            .collect();
        assert_eq!(members, vec![vec![(0, 0), (1, 0), (2, 1)]]);
    }

    #[test]
    fn blocking_and_exhaustive_comparison_agree_on_a_small_linkage() {
        let a = set(
            "A",
            &[
                ("Olena", "Kovalenko", "1990-03-09"),
                ("Iryna", "Bondarenko", "1985-01-02"),
            ],
        );
        let b = set(
            "B",
            &[("Iryna", "Bondarenko", "1985"), ("Олена", "Коваленко", "1990-03-09")],
        );
        let schema = Schema::default_schema();
        let exhaustive = Matcher::new(&schema).link(&[&a, &b], DEFAULT_THRESHOLD).unwrap();
        let blocked = Matcher::new(&schema)
            .blocking(Some(Blocking::default()))
            .link(&[&a, &b], DEFAULT_THRESHOLD)
            .unwrap();
        assert_eq!(exhaustive.groups, blocked.groups);
        assert_eq!(exhaustive.groups.len(), 2);
    }
}
