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
//! The name hashes look at the names segment only ([`BlockingBits::names`]): a true
//! match often differs in its other fields (a phone number only one agency knows), which
//! would lower its Jaccard similarity and its chance to collide; names are what every
//! record has. But names alone put every namesake of every age in one bucket, and in a
//! large list of one country those are most of the pairs compared and nearly all of the
//! candidates. So each key also holds one MinHash of the date-of-birth segment
//! ([`BlockingBits::dates`]): the tokens of a date include its eight-year bins, which
//! every compatible date shares (`docs/linkage.md`), so a true match still collides
//! often, while the dates of people born decades apart share only the bits their tokens
//! happen to set in common and collide in a fraction of the tables. A record without a
//! date of birth has no such key: it is compared, by its names alone, with every record
//! of the other side whose names share a bucket, dated or not.
//!
//! [`BlockingBits::names`]: crate::schema::BlockingBits::names
//! [`BlockingBits::dates`]: crate::schema::BlockingBits::dates

use std::ops::Range;

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rayon::prelude::*;

use crate::filter::FilterSet;
use crate::schema::BlockingBits;
use crate::similarity::{compare_lists, Candidate, Kernel};

/// A step of a pair's refinement: the pair rescored, or `None` to drop it.
pub type Refine<'a> = dyn Fn(Candidate) -> Option<Candidate> + Sync + 'a;

/// Blocking parameters: `tables` (L) tables keyed by `hashes` (k) MinHashes of the names
/// each, and one of the date of birth if `by_date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Blocking {
    pub tables: usize,
    pub hashes: usize,
    pub by_date: bool,
    /// MinHashes of the names computed per filter; each table's key mixes `hashes` of
    /// them, chosen at random. Far fewer than `tables × hashes`, so that the signatures
    /// of a large side cost a fraction of what independent hashes would, while a pair
    /// still collides in a table with probability `J^k`.
    pub pool: usize,
    pub seed: u64,
}

impl Default for Blocking {
    /// Tuned on the synthetic data (`docs/performance.md`).
    fn default() -> Self {
        Self {
            tables: 60,
            hashes: 6,
            by_date: true,
            pool: 128,
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
    /// Pairs compared (whole-filter Dice), counting a pair once per table it met in.
    pub comparisons: u64,
}

impl Blocking {
    /// Every pair at or above `threshold` (whole-filter Dice) that shares a bucket in at
    /// least one table, hashing the bits in `bits`, that `score` scores and `keep` keeps.
    ///
    /// `score` sees a pair once in every table the pair meets in, so it must have no
    /// side effects; most pairs fail it, and only a pair it scores is looked up in the
    /// earlier tables, so that it is passed to `keep` once, from the first table it met
    /// in. Refining inside each table keeps memory to the pairs kept: the candidates of
    /// a large linkage may be many times more.
    pub fn link(
        &self,
        kernel: Kernel,
        (left, right): (&FilterSet, &FilterSet),
        threshold: f32,
        bits: &BlockingBits,
        (score, keep): (&Refine, &Refine),
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
        let within = |range: &Range<usize>| range.end <= left.bits() && !range.is_empty();
        assert!(
            within(&bits.names) && bits.dates.as_ref().is_none_or(within),
            "ranges of bits within the filter"
        );
        let dates = bits.dates.clone().filter(|_| self.by_date);
        let permutations = self.permutations(&bits.names, dates.as_ref());
        let (left_keys, right_keys) = (
            self.signatures(left, &permutations),
            self.signatures(right, &permutations),
        );
        let per_table: Vec<(Vec<Candidate>, u64)> = (0..self.tables)
            .into_par_iter()
            .map(|table| {
                let mut join = Join::new(kernel, (left, right), threshold, (score, keep));
                if dates.is_some() {
                    join.dated(table, (&left_keys, &right_keys));
                }
                join.undated(table, (&left_keys, &right_keys));
                (join.kept, join.comparisons)
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

    /// The MinHashes each filter gets, and which of them key each table.
    fn permutations(&self, names: &Range<usize>, dates: Option<&Range<usize>>) -> Permutations {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(self.seed);
        let shuffled = |bits: &Range<usize>, count: usize, rng: &mut rand_chacha::ChaCha8Rng| -> Vec<Vec<u16>> {
            (0..count)
                .map(|_| {
                    let mut order: Vec<u16> = (bits.start as u16..bits.end as u16).collect();
                    order.shuffle(rng);
                    order
                })
                .collect()
        };
        let pool = self.pool.clamp(self.hashes, self.tables * self.hashes);
        let names = shuffled(names, pool, &mut rng);
        let dates = dates.map(|dates| shuffled(dates, self.tables, &mut rng));
        let all: Vec<usize> = (0..pool).collect();
        let tables = (0..self.tables)
            .map(|_| all.choose_multiple(&mut rng, self.hashes).copied().collect())
            .collect();
        Permutations { names, dates, tables }
    }

    /// Every filter's keys in every table, table by table: building a table's buckets
    /// then reads one stretch of memory.
    fn signatures(&self, set: &FilterSet, permutations: &Permutations) -> Signatures {
        let n = set.len();
        let chunks: Vec<ChunkKeys> = (0..n.div_ceil(SIGNATURE_CHUNK))
            .into_par_iter()
            .map(|chunk| {
                let records = chunk * SIGNATURE_CHUNK..((chunk + 1) * SIGNATURE_CHUNK).min(n);
                let mut names = vec![Vec::with_capacity(records.len()); self.tables];
                let mut dated = vec![Vec::with_capacity(records.len()); self.tables];
                let mut hashes = vec![0u64; permutations.names.len()];
                let mut date_hashes = vec![0u64; self.tables];
                for i in records {
                    let filter = set.get(i);
                    let has_names = fill(&mut hashes, filter, &permutations.names);
                    let has_date = permutations
                        .dates
                        .as_ref()
                        .is_some_and(|d| fill(&mut date_hashes, filter, d));
                    for (t, chosen) in permutations.tables.iter().enumerate() {
                        let of_names = chosen.iter().fold(0, |key, &h| mix(key, hashes[h]));
                        let (n, d) = match (has_names, has_date) {
                            (true, true) => (key(of_names), key(mix(of_names, date_hashes[t]))),
                            (true, false) => (key(of_names), NO_KEY),
                            (false, _) => (NO_KEY, NO_KEY),
                        };
                        names[t].push(n);
                        dated[t].push(d);
                    }
                }
                ChunkKeys { names, dated }
            })
            .collect();
        let by_table = |part: fn(&ChunkKeys) -> &Vec<Vec<u32>>| -> Vec<u32> {
            (0..self.tables)
                .into_par_iter()
                .flat_map_iter(|t| chunks.iter().flat_map(move |c| part(c)[t].iter().copied()))
                .collect()
        };
        let (names, dated) = (by_table(|c| &c.names), by_table(|c| &c.dated));
        let undated: Vec<bool> = (0..n).map(|i| names[i] != NO_KEY && dated[i] == NO_KEY).collect();
        Signatures {
            len: n,
            any_undated: undated.contains(&true),
            names,
            dated,
            undated,
        }
    }
}

/// The keys of one chunk of filters, table by table.
struct ChunkKeys {
    names: Vec<Vec<u32>>,
    dated: Vec<Vec<u32>>,
}

/// Filters whose signatures one worker computes at a time.
const SIGNATURE_CHUNK: usize = 4096;

/// Sets `hashes` to the MinHashes of `filter` under each order; `false` if the filter has
/// no bit set among them.
fn fill(hashes: &mut [u64], filter: &[u64], orders: &[Vec<u16>]) -> bool {
    for (hash, order) in hashes.iter_mut().zip(orders) {
        match min_hash(filter, order) {
            Some(h) => *hash = h,
            None => return false,
        }
    }
    true
}

/// The MinHash permutations, and which of them key each table.
struct Permutations {
    /// One random order of the names' bit positions per MinHash.
    names: Vec<Vec<u16>>,
    /// One per table for the date of birth, if dates are hashed.
    dates: Option<Vec<Vec<u16>>>,
    /// Per table, the names MinHashes its key mixes.
    tables: Vec<Vec<usize>>,
}

/// One side's keys, table by table, `len` keys each.
struct Signatures {
    len: usize,
    /// The key of the names alone.
    names: Vec<u32>,
    /// The key of names and date of birth; [`NO_KEY`] for a filter without a date.
    dated: Vec<u32>,
    /// Per filter: it has names but no date of birth (always so when dates are not hashed).
    undated: Vec<bool>,
    any_undated: bool,
}

/// Which of a filter's keys: of the names alone, or of names and date of birth.
#[derive(Clone, Copy)]
enum Keys {
    Names,
    Dated,
}

impl Signatures {
    fn keys(&self, which: Keys) -> &[u32] {
        match which {
            Keys::Names => &self.names,
            Keys::Dated => &self.dated,
        }
    }

    /// The keys of one table, each with its filter in the low 32 bits, sorted, of the
    /// filters that have a key and that `wanted` wants.
    fn bucket(&self, which: Keys, table: usize, wanted: impl Fn(usize) -> bool) -> Vec<u64> {
        let mut keyed: Vec<u64> = self.keys(which)[table * self.len..(table + 1) * self.len]
            .iter()
            .enumerate()
            .filter(|&(i, &key)| key != NO_KEY && wanted(i))
            .map(|(i, &key)| u64::from(key) << 32 | i as u64)
            .collect();
        keyed.sort_unstable();
        keyed
    }

    /// The key of filter `i` in `table`.
    fn key(&self, which: Keys, table: usize, i: u32) -> u32 {
        self.keys(which)[table * self.len + i as usize]
    }
}

/// The key of a filter that has no bit set in the hashed range.
const NO_KEY: u32 = u32::MAX;

/// The position of the first set bit of `filter` in the order given; `None` when none of
/// those bits is set.
fn min_hash(filter: &[u64], order: &[u16]) -> Option<u64> {
    order
        .iter()
        .position(|&bit| filter[usize::from(bit) / 64] >> (bit % 64) & 1 == 1)
        .map(|first| first as u64)
}

fn mix(key: u64, hash: u64) -> u64 {
    (key ^ hash).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(23)
}

/// Keys are 32 bits: two buckets that share a key by chance only cost some extra
/// comparisons, which are scored exactly.
fn key(mixed: u64) -> u32 {
    ((mixed >> 32) as u32).min(NO_KEY - 1)
}

/// The pairs of one table: compares the filters of each bucket, scores the pairs, and
/// passes those met there first to `keep`.
struct Join<'a> {
    kernel: Kernel,
    left: &'a FilterSet,
    right: &'a FilterSet,
    threshold: f32,
    score: &'a Refine<'a>,
    keep: &'a Refine<'a>,
    found: Vec<Candidate>,
    kept: Vec<Candidate>,
    comparisons: u64,
}

impl<'a> Join<'a> {
    fn new(
        kernel: Kernel,
        (left, right): (&'a FilterSet, &'a FilterSet),
        threshold: f32,
        (score, keep): (&'a Refine<'a>, &'a Refine<'a>),
    ) -> Self {
        Self {
            kernel,
            left,
            right,
            threshold,
            score,
            keep,
            found: Vec::new(),
            kept: Vec::new(),
            comparisons: 0,
        }
    }

    /// Pairs of dated filters whose names-and-date keys are equal.
    fn dated(&mut self, table: usize, (l, r): (&Signatures, &Signatures)) {
        let first_met = |c: &Candidate| met_first(table, (l, r), Keys::Dated, c);
        self.join(
            (
                &l.bucket(Keys::Dated, table, |_| true),
                &r.bucket(Keys::Dated, table, |_| true),
            ),
            &first_met,
        );
    }

    /// Pairs with at least one undated filter whose names keys are equal: the left's
    /// undated filters with all of the right's, the left's dated ones with the right's
    /// undated ones.
    fn undated(&mut self, table: usize, (l, r): (&Signatures, &Signatures)) {
        let first_met = |c: &Candidate| met_first(table, (l, r), Keys::Names, c);
        if l.any_undated {
            let left = l.bucket(Keys::Names, table, |i| l.undated[i]);
            self.join((&left, &r.bucket(Keys::Names, table, |_| true)), &first_met);
        }
        if r.any_undated {
            let right = r.bucket(Keys::Names, table, |j| r.undated[j]);
            self.join((&l.bucket(Keys::Names, table, |i| !l.undated[i]), &right), &first_met);
        }
    }

    /// Compares the filters of every key both sides have.
    fn join(&mut self, (left_keys, right_keys): (&[u64], &[u64]), first_met: &dyn Fn(&Candidate) -> bool) {
        for_each_bucket(left_keys, right_keys, |left_ids, right_ids| {
            self.compare(left_ids, right_ids, first_met);
        });
    }

    fn compare(&mut self, left_ids: &[u32], right_ids: &[u32], first_met: &dyn Fn(&Candidate) -> bool) {
        if left_ids.is_empty() || right_ids.is_empty() {
            return;
        }
        self.comparisons += (left_ids.len() * right_ids.len()) as u64;
        let (left, right, threshold) = (self.left, self.right, self.threshold);
        compare_lists(
            self.kernel,
            left,
            left_ids,
            right,
            right_ids,
            threshold,
            &mut self.found,
        );
        let (score, keep) = (self.score, self.keep);
        self.kept.extend(
            self.found
                .drain(..)
                .filter_map(score)
                .filter(first_met)
                .filter_map(keep),
        );
    }
}

/// Whether `table` is the first in which the pair's keys of `which` kind are equal.
fn met_first(table: usize, (l, r): (&Signatures, &Signatures), which: Keys, c: &Candidate) -> bool {
    (0..table).all(|t| l.key(which, t, c.left) != r.key(which, t, c.right))
}

/// Calls `each` with the filters of both sides of every key both sides have.
fn for_each_bucket(left_keys: &[u64], right_keys: &[u64], mut each: impl FnMut(&[u32], &[u32])) {
    let (mut i, mut j) = (0, 0);
    let (mut left_ids, mut right_ids) = (Vec::new(), Vec::new());
    let key = |keyed: u64| (keyed >> 32) as u32;
    while i < left_keys.len() && j < right_keys.len() {
        let (a, b) = (key(left_keys[i]), key(right_keys[j]));
        if a < b {
            i += 1;
        } else if b < a {
            j += 1;
        } else {
            left_ids.clear();
            right_ids.clear();
            while i < left_keys.len() && key(left_keys[i]) == a {
                left_ids.push(left_keys[i] as u32);
                i += 1;
            }
            while j < right_keys.len() && key(right_keys[j]) == a {
                right_ids.push(right_keys[j] as u32);
                j += 1;
            }
            each(&left_ids, &right_ids);
        }
    }
}
