//! Blocking by locality-sensitive hashing, so that a large linkage compares a small share
//! of all pairs and still finds almost every match.
//!
//! Two filters' Dice coefficient `D` fixes their Jaccard similarity `J = D / (2 − D)` of
//! set bits, and MinHash estimates exactly that: under a random permutation of bit
//! positions, the first set bit of two filters is the same with probability `J`. A table
//! keys every filter by `k` such MinHashes, so a pair lands in the same bucket with
//! probability `J^k`; with `L` tables, at least once with probability `1 − (1 − J^k)^L`.
//! Matches (D ≈ 0.85, J ≈ 0.74) collide almost surely, unrelated pairs (D ≈ 0.3,
//! J ≈ 0.18) almost never; `k` sets how sharp the cut is and `L` how much recall is kept.
//! Only pairs that share a bucket are scored, and the scores are exact: blocking can miss
//! a pair but never invents one.
//!
//! MinHash rather than sampling single bits (Hamming LSH): Bloom filters are sparse, and
//! two unrelated filters agree on most sampled bits simply because both are zero there;
//! MinHash looks only at set bits. The permutations come from a seeded generator, not
//! from the data, so every party blocks alike and a run is reproducible.
//!
//! The hashes look at one range of bits only: the names segment ([`Schema::blocking_bits`]).
//! A true match often differs in its other fields (a date of birth one agency lacks, a
//! phone number only one knows), which would lower its Jaccard similarity and its chance
//! to collide; names are what every record has.
//!
//! [`Schema::blocking_bits`]: crate::schema::Schema::blocking_bits

use std::ops::Range;

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rayon::prelude::*;

use crate::filter::FilterSet;
use crate::similarity::{compare_lists, Candidate, Kernel};

/// Blocking parameters: `tables` (L) tables keyed by `hashes` (k) MinHashes each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Blocking {
    pub tables: usize,
    pub hashes: usize,
    pub seed: u64,
}

impl Default for Blocking {
    /// Tuned on the synthetic data (`docs/performance.md`): about 98% of the true matches
    /// that exhaustive comparison finds at 0.8, with about 6% of the pairs scored.
    fn default() -> Self {
        Self {
            tables: 60,
            hashes: 6,
            seed: 0x0063_6f6e_636f_7264,
        }
    }
}

/// The candidates a blocked linkage found, and how much work it did.
#[derive(Debug, Clone, PartialEq)]
pub struct Blocked {
    /// Pairs with Dice at or above the threshold that the refinement kept, sorted by
    /// (left, right), each once: a pair is kept only from the first table it met in.
    pub candidates: Vec<Candidate>,
    /// Pairs scored, counting a pair once per table it met in.
    pub comparisons: u64,
}

impl Blocking {
    /// Every pair at or above `threshold` (whole-filter Dice) that shares a bucket in at
    /// least one table, hashing the bits in `bits`, and that `refine` keeps (it may also
    /// rescore it). Refining inside each table keeps memory to the pairs kept: the
    /// candidates of a large linkage may be many times more.
    pub fn link(
        &self,
        kernel: Kernel,
        (left, right): (&FilterSet, &FilterSet),
        threshold: f32,
        bits: Range<usize>,
        refine: &(dyn Fn(Candidate) -> Option<Candidate> + Sync),
    ) -> Blocked {
        assert_eq!(
            left.bits(),
            right.bits(),
            "filters of both sides must have the same length"
        );
        assert!(
            (1..=16).contains(&self.hashes) && self.tables >= 1,
            "1 to 16 hashes per key and at least one table"
        );
        assert!(
            bits.end <= left.bits() && !bits.is_empty(),
            "a range of bits within the filter"
        );
        let permutations = self.permutations(bits);
        let (left_keys, right_keys) = (
            self.signatures(left, &permutations),
            self.signatures(right, &permutations),
        );
        let per_table: Vec<(Vec<Candidate>, u64)> = (0..self.tables)
            .into_par_iter()
            .map(|table| {
                let (l, r) = (
                    bucket(&left_keys, self.tables, table),
                    bucket(&right_keys, self.tables, table),
                );
                let first_met = |c: &Candidate| {
                    let (a, b) = (c.left as usize * self.tables, c.right as usize * self.tables);
                    (0..table).all(|t| left_keys[a + t] != right_keys[b + t])
                };
                let keep = |c: Candidate| first_met(&c).then(|| refine(c)).flatten();
                join_buckets(kernel, (left, &l), (right, &r), threshold, &keep)
            })
            .collect();
        let comparisons = per_table.iter().map(|(_, n)| n).sum();
        let mut candidates: Vec<Candidate> = per_table.into_iter().flat_map(|(c, _)| c).collect();
        candidates.par_sort_unstable_by_key(|c| (c.left, c.right));
        Blocked {
            candidates,
            comparisons,
        }
    }

    /// One random order of the bit positions per MinHash, `hashes` per table.
    fn permutations(&self, bits: Range<usize>) -> Vec<Vec<u16>> {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(self.seed);
        (0..self.tables * self.hashes)
            .map(|_| {
                let mut order: Vec<u16> = (bits.start as u16..bits.end as u16).collect();
                order.shuffle(&mut rng);
                order
            })
            .collect()
    }

    /// Every filter's bucket key in every table, filter by filter (`tables` keys each).
    /// [`NO_KEY`] marks a filter with no bit set in the hashed range: it meets nothing.
    fn signatures(&self, set: &FilterSet, permutations: &[Vec<u16>]) -> Vec<u32> {
        (0..set.len())
            .into_par_iter()
            .flat_map_iter(|i| {
                let filter = set.get(i);
                permutations
                    .chunks(self.hashes)
                    .map(move |table| bucket_key(filter, table).unwrap_or(NO_KEY))
            })
            .collect()
    }
}

/// The key of a filter that has no bit set in the hashed range.
const NO_KEY: u32 = u32::MAX;

/// The (key, filter) pairs of one table, sorted by key, without filters that have no key.
fn bucket(signatures: &[u32], tables: usize, table: usize) -> Vec<(u32, u32)> {
    let mut keys: Vec<(u32, u32)> = signatures
        .iter()
        .skip(table)
        .step_by(tables)
        .enumerate()
        .filter(|(_, &key)| key != NO_KEY)
        .map(|(i, &key)| (key, i as u32))
        .collect();
    keys.sort_unstable();
    keys
}

/// The MinHashes of a filter under each permutation of the table, mixed into one key;
/// `None` when no bit of the range is set. Keys are 32 bits: two buckets that share a key
/// by chance only cost some extra comparisons, which are scored exactly.
fn bucket_key(filter: &[u64], table: &[Vec<u16>]) -> Option<u32> {
    let key = table.iter().try_fold(0u64, |key, order| {
        let first = order
            .iter()
            .position(|&bit| filter[usize::from(bit) / 64] >> (bit % 64) & 1 == 1)? as u64;
        Some((key ^ first).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(23))
    })?;
    Some(((key >> 32) as u32).min(NO_KEY - 1))
}

/// Scores every pair of filters whose keys are equal; returns the pairs `keep` keeps.
fn join_buckets(
    kernel: Kernel,
    (left, left_keys): (&FilterSet, &[(u32, u32)]),
    (right, right_keys): (&FilterSet, &[(u32, u32)]),
    threshold: f32,
    keep: &dyn Fn(Candidate) -> Option<Candidate>,
) -> (Vec<Candidate>, u64) {
    let (mut out, mut kept, mut comparisons) = (Vec::new(), Vec::new(), 0u64);
    let (mut i, mut j) = (0, 0);
    let (mut left_ids, mut right_ids) = (Vec::new(), Vec::new());
    while i < left_keys.len() && j < right_keys.len() {
        let (a, b) = (left_keys[i].0, right_keys[j].0);
        if a < b {
            i += 1;
        } else if b < a {
            j += 1;
        } else {
            left_ids.clear();
            right_ids.clear();
            while i < left_keys.len() && left_keys[i].0 == a {
                left_ids.push(left_keys[i].1);
                i += 1;
            }
            while j < right_keys.len() && right_keys[j].0 == a {
                right_ids.push(right_keys[j].1);
                j += 1;
            }
            comparisons += (left_ids.len() * right_ids.len()) as u64;
            compare_lists(kernel, left, &left_ids, right, &right_ids, threshold, &mut out);
            kept.extend(out.drain(..).filter_map(keep));
        }
    }
    (kept, comparisons)
}
