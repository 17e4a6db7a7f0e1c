//! The hand-weighted score of a pair: Dice per field, weighted, with absent fields told
//! apart from disagreeing ones. Linkage now scores by estimated match weights
//! ([`crate::weights`]); this score stays as `Scoring::WeightedMean`, to compare with, and
//! its field similarities are what those weights are estimated on.
//!
//! Dice over the whole filter (what the fast kernels compute) treats a missing date of
//! birth like a different one, and two records that both lack it like records that agree
//! on it. Neither is right, and on real data both are common: one agency in ten records
//! no date of birth, and many people share a common name. So the whole-filter Dice only
//! finds candidates, and each candidate is then scored field by field, each field in its
//! own segment of the filter:
//!
//! ```text
//! score = Π similarity_f ^ (weight_f / Σ weight)     over the fields either record has
//! ```
//!
//! a weighted geometric mean: a pair must agree on every field it has, and agreement on
//! one field cannot buy back disagreement on another (two strangers born on the same day
//! do not become one person). A field only one record has counts with its `absent_score`
//! (a date of birth one agency did not record is a small doubt; a phone number only one
//! agency knows is none); a field neither has is left out; a similarity is never counted
//! below [`FLOOR`], so that one wrong field (a mistyped gender) lowers a score without
//! zeroing it. The similarity of a field is Dice, or containment where a less precise
//! value should agree fully with a more precise one (dates of birth: `1990` is part of
//! `1990-03-09`), each corrected for the bits two unrelated filters share by chance.

use std::ops::Range;

use crate::schema::{Schema, Similarity};

/// Scores pairs of filters made under one schema.
#[derive(Debug, Clone)]
pub struct Scorer {
    fields: Vec<FieldScore>,
    /// The sum of every field's weight.
    total_weight: f32,
}

/// One field's segment and how it counts.
#[derive(Debug, Clone)]
struct FieldScore {
    segment: Range<usize>,
    weight: f32,
    absent_score: f32,
    similarity: Similarity,
}

/// The lowest similarity a field counts with.
pub const FLOOR: f32 = 0.05;

impl Scorer {
    /// The scorer of `schema`'s fields and weights.
    pub fn new(schema: &Schema) -> Self {
        let fields = schema
            .segments()
            .into_iter()
            .zip(&schema.fields)
            .map(|(segment, field)| FieldScore {
                segment,
                weight: field.weight,
                absent_score: field.absent_score,
                similarity: field.similarity,
            })
            .collect::<Vec<FieldScore>>();
        let total_weight = fields.iter().map(|f| f.weight).sum();
        Self { fields, total_weight }
    }

    /// The field-weighted score of two filters, from 0 to 1.
    pub fn score(&self, a: &[u64], b: &[u64]) -> f32 {
        self.score_at_least(a, b, 0.0).unwrap_or(0.0)
    }

    /// The score of two filters if it is at least `threshold`, else `None` — often
    /// without looking at every field. Every field's term is at most 0 and the weights
    /// that divide the sum are at most all of them, so after any field the score is at
    /// most exp(terms so far / all weights): a pair whose names disagree is refused
    /// before its other fields are read.
    pub fn score_at_least(&self, a: &[u64], b: &[u64], threshold: f32) -> Option<f32> {
        let bound = threshold.max(f32::MIN_POSITIVE).ln() * self.total_weight;
        let (mut log_score, mut weight) = (0.0f32, 0.0f32);
        for field in &self.fields {
            let Some(similarity) = field.similarity_of(a, b) else {
                continue;
            };
            log_score += field.weight * similarity.max(FLOOR).ln();
            weight += field.weight;
            if log_score < bound {
                return None;
            }
        }
        let score = if weight == 0.0 { 0.0 } else { (log_score / weight).exp() };
        (score >= threshold).then_some(score)
    }
}

impl FieldScore {
    /// The similarity of two records in this field; `None` when neither has it.
    fn similarity_of(&self, a: &[u64], b: &[u64]) -> Option<f32> {
        let (a, b) = (&a[self.segment.clone()], &b[self.segment.clone()]);
        Some(match (ones(a), ones(b)) {
            (0, 0) => return None,
            (0, _) | (_, 0) => self.absent_score,
            (ca, cb) => {
                let common: u32 = a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum();
                let bits = (64 * a.len()) as f32;
                let similarity = corrected(self.similarity, common as f32, ca as f32, cb as f32, bits);
                match self.similarity {
                    Similarity::Identifier if similarity < 0.5 => self.absent_score,
                    _ => similarity,
                }
            }
        })
    }
}

/// Dice or containment, corrected for chance: two unrelated filters with `ca` and `cb`
/// bits set in `bits` share `ca·cb/bits` bits on average, which plain Dice counts as
/// agreement. A names segment a third full gives unrelated names a Dice near one third;
/// corrected, it is near 0, while identical filters still score 1.
pub(crate) fn corrected(similarity: Similarity, common: f32, ca: f32, cb: f32, bits: f32) -> f32 {
    let chance = ca * cb / bits;
    let ratio = |agree: f32, most: f32| {
        if most <= 0.0 {
            1.0
        } else {
            (agree / most).clamp(0.0, 1.0)
        }
    };
    let dice = || ratio(2.0 * (common - chance), ca + cb - 2.0 * chance);
    let containment = || ratio(common - chance, ca.min(cb) - chance);
    match similarity {
        Similarity::Dice => dice(),
        Similarity::Containment | Similarity::Identifier => containment(),
        Similarity::Between => (dice() * containment()).sqrt(),
    }
}

pub(crate) fn ones(words: &[u64]) -> u32 {
    words.iter().map(|w| w.count_ones()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(segment: Range<usize>, similarity: Similarity) -> FieldScore {
        FieldScore {
            segment,
            weight: 1.0,
            absent_score: 0.64,
            similarity,
        }
    }

    fn scorer() -> Scorer {
        Scorer {
            fields: vec![field(0..2, Similarity::Dice), field(2..3, Similarity::Containment)],
            total_weight: 2.0,
        }
    }

    #[test]
    fn identical_filters_score_one_and_disjoint_ones_the_floor() {
        let a = [0b1011, 0b1, 0b110];
        assert_eq!(scorer().score(&a, &a), 1.0);
        assert!((scorer().score(&a, &[0b0100, 0b10, 0b1]) - FLOOR).abs() < 1e-6);
    }

    #[test]
    fn bits_two_unrelated_filters_share_by_chance_are_not_agreement() {
        let dense = [u64::MAX >> 1, 0x5555_5555_5555_5555, 0];
        let other = [u64::MAX >> 2, 0x3333_3333_3333_3333, 0];
        let plain_dice = crate::similarity::dice(&dense[..2], &other[..2]);
        assert!(plain_dice > 0.8, "{plain_dice}");
        assert!(scorer().score(&dense, &other) < 0.5);
    }

    #[test]
    fn a_field_one_record_lacks_counts_its_absent_score_and_one_both_lack_nothing() {
        let a = [0b1, 0, 0b1];
        let b = [0b1, 0, 0];
        assert!(
            (scorer().score(&a, &b) - 0.8).abs() < 1e-6,
            "the geometric mean of 1 and 0.64"
        );
        assert_eq!(scorer().score(&b, &b), 1.0);
    }

    #[test]
    fn a_score_below_the_threshold_is_refused_and_one_above_is_exact() {
        let a = [0b1011, 0b1, 0b110];
        for b in [
            [0b1011, 0b1, 0b110],
            [0b0011, 0b1, 0b100],
            [0b0100, 0b10, 0b1],
            [0b1011, 0, 0],
        ] {
            let full = scorer().score(&a, &b);
            for threshold in [0.1, 0.5, 0.8, 0.95] {
                let expected = (full >= threshold).then_some(full);
                assert_eq!(
                    scorer().score_at_least(&a, &b, threshold),
                    expected,
                    "{b:?} {threshold}"
                );
            }
        }
    }

    #[test]
    fn agreement_on_one_field_does_not_buy_back_disagreement_on_another() {
        let a = [0b1111, 0, 0b1];
        let other_name_same_date = [0b1_0000_0001, 0, 0b1];
        assert!(scorer().score(&a, &other_name_same_date) < 0.65);
    }

    #[test]
    fn containment_lets_a_less_precise_value_agree_fully_with_a_more_precise_one() {
        let year = [0b1, 0, 0b0011];
        let full_date_in_that_year = [0b1, 0, 0b1111];
        assert_eq!(scorer().score(&year, &full_date_in_that_year), 1.0);
        let other_year = [0b1, 0, 0b0110];
        let half = scorer().score(&year, &other_year);
        assert!(
            (0.65..0.71).contains(&half),
            "half the bits, less what chance gives: {half}"
        );
    }

    #[test]
    fn a_disagreeing_field_lowers_the_score_more_than_an_absent_one() {
        let a = [0b11, 0, 0b1];
        let absent = [0b11, 0, 0];
        let different = [0b11, 0, 0b10];
        assert!(scorer().score(&a, &different) < scorer().score(&a, &absent));
    }
}
