//! Sørensen–Dice similarity of Bloom filters, with one kernel per CPU level.
//!
//! # Exact scores, whatever the kernel
//! A kernel only counts bits: for every pair it computes the integer size of the intersection.
//! The score is then derived from integers in one place, `score`, as
//! `(2 * intersection) as f32 / (count_a + count_b) as f32`, and a pair is kept when that score
//! is `>= threshold`. Both conversions are exact (every count is below 2^24) and the division is
//! correctly rounded, so the three kernels return bit-identical candidates and a candidate's
//! reported score is exactly the value that passed the threshold.
//!
//! # Layout: one group of eight filters per vector
//! The right side of a comparison (the larger list in [`compare_lists`]) is copied into an
//! interleaved form (`Interleaved`): eight filters form a group, and word `j` of the eight
//! filters sits in one 64-byte aligned lane vector. A kernel takes `ROWS` filters of the
//! other side (the "rows") and, for each word, ANDs one lane vector with each row's word
//! broadcast to every lane and adds the population count of each 64-bit lane to that row's
//! counter. After the last word, lane `k` of a row's counter holds the intersection of the row
//! with filter `k` of the group: 64 pairs are finished without any horizontal reduction, and
//! each lane vector is loaded once for eight rows. A comparison of two 512-bit filters thus
//! costs three vector operations (AND, POPCNT, ADD) and little more than one load (the row
//! words, broadcast from L1 inside the AND).
//!
//! # Pre-test, then exact test
//! Computing and testing a float score per pair (a division) would cost more than counting
//! the bits. Instead every kernel runs an integer pre-test,
//! `intersection >= need(count_a) + need(count_b)`, where `need` is the threshold scaled to
//! integers and rounded down with some slack (`Threshold`). The vector kernels start each
//! pair's counter at minus that bound, so after the last word one AND of the row counters and
//! one sign test settle 64 pairs at once. The pre-test never rejects a pair that the exact
//! test accepts; the rare pairs that pass go to the shared scalar exact test (`Sink::emit`).
//!
//! # Tiling
//! Groups are scanned in blocks of about `BLOCK_BYTES`, which stay in the L2 cache while
//! every row of a chunk passes over them; the packed words of the current rows stay in L1.
//! One 64-byte load feeds 64 pair-words, about 5 bytes per cycle, far below what L2 delivers,
//! so the kernel is limited by its vector ports, not by memory, even for sets much larger
//! than the caches. [`compare_all`] hands chunks of rows to rayon; each chunk keeps one list
//! of candidates per row, which comes out sorted because blocks and groups are scanned in
//! order, so no sort is needed.

#[cfg(target_arch = "x86_64")]
mod avx2;
#[cfg(target_arch = "x86_64")]
mod avx512;
mod portable;
#[cfg(test)]
mod tests;

use std::cell::{Cell, RefCell};
use std::ops::Range;

use rayon::prelude::*;

use crate::filter::FilterSet;

/// A way of counting intersections, one per CPU level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kernel {
    /// AVX-512 Foundation with the VPOPCNTDQ extension (Ice Lake and later, Zen 4 and later).
    Avx512,
    /// AVX2, counting bits with a nibble lookup table (Haswell and later, Zen and later).
    Avx2,
    /// Plain Rust on 64-bit words; uses the POPCNT instruction on x86-64 CPUs that have it.
    Portable,
}

impl Kernel {
    /// The fastest kernel this CPU supports, chosen at run time.
    pub fn best() -> Self {
        [Self::Avx512, Self::Avx2]
            .into_iter()
            .find(|k| k.is_available())
            .unwrap_or(Self::Portable)
    }

    /// Whether this CPU can run the kernel.
    pub fn is_available(self) -> bool {
        match self {
            #[cfg(target_arch = "x86_64")]
            Self::Avx512 => is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("avx512vpopcntdq"),
            #[cfg(target_arch = "x86_64")]
            Self::Avx2 => is_x86_feature_detected!("avx2"),
            #[cfg(not(target_arch = "x86_64"))]
            Self::Avx512 | Self::Avx2 => false,
            Self::Portable => true,
        }
    }

    /// Short lower-case name, for logs and benchmarks.
    pub fn name(self) -> &'static str {
        match self {
            Self::Avx512 => "avx512",
            Self::Avx2 => "avx2",
            Self::Portable => "portable",
        }
    }

    /// Every kernel this CPU can run, fastest first.
    pub fn all_available() -> Vec<Kernel> {
        [Self::Avx512, Self::Avx2, Self::Portable]
            .into_iter()
            .filter(|k| k.is_available())
            .collect()
    }

    fn require(self) {
        assert!(
            self.is_available(),
            "the {} similarity kernel is not supported by this CPU; use Kernel::best()",
            self.name()
        );
    }
}

/// A pair above the threshold: indices into the left and right sets and the Dice score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    pub left: u32,
    pub right: u32,
    pub score: f32,
}

/// Dice coefficient of two filters of equal length; 0.0 when both are empty.
///
/// # Panics
/// If the filters have different lengths.
pub fn dice(a: &[u64], b: &[u64]) -> f32 {
    assert_eq!(a.len(), b.len(), "Dice coefficient of filters of different lengths");
    let ones = |f: &[u64]| f.iter().map(|w| w.count_ones()).sum();
    let inter = a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum();
    score(inter, ones(a), ones(b))
}

/// Every pair (i, j), i in left, j in right, with Dice ≥ threshold; tiled and parallel across
/// cores (rayon's current pool). Output sorted by (left, right).
///
/// `right` is first copied into the interleaved layout, which takes as much memory again.
///
/// # Panics
/// If the kernel is not available on this CPU (see [`Kernel::is_available`]), if the sets
/// hold filters of different lengths, or if a set holds more than `u32::MAX` filters.
pub fn compare_all(kernel: Kernel, left: &FilterSet, right: &FilterSet, threshold: f32) -> Vec<Candidate> {
    kernel.require();
    same_length(left, right);
    assert!(
        left.len().max(right.len()) <= u32::MAX as usize,
        "a filter set to compare holds more than u32::MAX filters"
    );
    let Some(threshold) = Threshold::new(threshold) else {
        return Vec::new();
    };
    let row_ids: Vec<u32> = (0..left.len() as u32).collect();
    let lane_ids: Vec<u32> = (0..right.len() as u32).collect();
    let mut lanes = Interleaved::default();
    lanes.fill(right, &lane_ids);
    let chunks: Vec<&[u32]> = row_ids.chunks(chunk_rows(left.len())).collect();
    let parts: Vec<Vec<Vec<Candidate>>> = chunks
        .into_par_iter()
        .map(|chunk| {
            let mut per_row = vec![Vec::new(); chunk.len()];
            let mut sink = Sink::PerRow {
                first: chunk[0],
                rows: &mut per_row,
            };
            scan_blocks(kernel, left, chunk, &lanes, &threshold, &mut sink);
            per_row
        })
        .collect();
    let mut all = Vec::with_capacity(parts.iter().flatten().map(Vec::len).sum());
    parts.iter().flatten().for_each(|row| all.extend_from_slice(row));
    all
}

/// Every pair (`left_ids[a]`, `right_ids[b]`) with Dice ≥ threshold, appended to `out`;
/// single-threaded (used inside blocking buckets, which are themselves processed in
/// parallel). Ids may repeat; a repeated pair is then reported as often.
///
/// The candidates are not sorted, but their order depends only on the arguments, so every
/// kernel appends the same sequence. The larger list is interleaved into a per-thread buffer
/// that is kept between calls, so that small buckets cost no allocation.
///
/// # Panics
/// If the kernel is not available on this CPU, if the sets hold filters of different
/// lengths, or if an id is out of bounds of its set.
pub fn compare_lists(
    kernel: Kernel,
    left: &FilterSet,
    left_ids: &[u32],
    right: &FilterSet,
    right_ids: &[u32],
    threshold: f32,
    out: &mut Vec<Candidate>,
) {
    kernel.require();
    same_length(left, right);
    in_bounds(left, left_ids, "left");
    in_bounds(right, right_ids, "right");
    let Some(threshold) = Threshold::new(threshold) else {
        return;
    };
    let swapped = left_ids.len() > right_ids.len();
    let (rows, row_ids, lane_set, lane_ids) = if swapped {
        (right, right_ids, left, left_ids)
    } else {
        (left, left_ids, right, right_ids)
    };
    SCRATCH.with_borrow_mut(|lanes| {
        lanes.fill(lane_set, lane_ids);
        scan_blocks(
            kernel,
            rows,
            row_ids,
            lanes,
            &threshold,
            &mut Sink::Append { out, swapped },
        );
    });
}

thread_local! {
    /// The interleaved filters of [`compare_lists`].
    static SCRATCH: RefCell<Interleaved> = RefCell::default();
    /// The kernels' buffers, taken by [`scan_blocks`] and put back.
    static WORK: Cell<Work> = Cell::default();
}

fn same_length(left: &FilterSet, right: &FilterSet) {
    assert_eq!(
        left.bits(),
        right.bits(),
        "cannot compare filters of {} bits with filters of {} bits",
        left.bits(),
        right.bits()
    );
}

fn in_bounds(set: &FilterSet, ids: &[u32], side: &str) {
    if let Some(&id) = ids.iter().find(|&&id| id as usize >= set.len()) {
        panic!("{side} id {id} is out of bounds of a set of {} filters", set.len());
    }
}

/// The Dice score from integer counts: the one place where a score is computed.
fn score(inter: u32, count_a: u32, count_b: u32) -> f32 {
    match count_a + count_b {
        0 => 0.0,
        sum => (2 * inter) as f32 / sum as f32,
    }
}

/// Filters per group: the 64-bit lanes of a 512-bit vector.
const LANES: usize = 8;

/// Rows that a kernel compares with each loaded lane vector: eight AVX-512 counters, the lane
/// vector and temporaries fit the 32 registers; four rows measured 5% slower, twelve spill.
/// Kernels emit the candidates of a group for these rows together, so the order of emission
/// does not depend on the kernel.
const ROWS: usize = 8;

/// Target size of a block of groups scanned by every row of a chunk: fits the L2 cache. Smaller
/// blocks (32 KiB, for L1) measured 7% slower, from the fixed cost of each pass of a row set.
const BLOCK_BYTES: usize = 256 * 1024;

/// Rows per chunk at most, so that a chunk of the longest filters stays in the L2 cache.
const MAX_CHUNK_ROWS: usize = 256;

/// Row chunks per thread that [`compare_all`] aims for, so that threads finish together.
const TASKS_PER_THREAD: usize = 8;

/// Word `j` of the eight filters of a group; aligned so that a load never splits a cache line.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(64))]
struct Lane8([u64; LANES]);

/// Filters interleaved in groups of [`LANES`]; the last group is padded with empty filters,
/// which [`Sink::emit`] skips.
#[derive(Debug, Default)]
struct Interleaved {
    words: usize,
    len: usize,
    /// `words` lane vectors per group, group after group.
    data: Vec<Lane8>,
    /// Population counts, one lane vector per group.
    counts: Vec<Lane8>,
    /// Id of each filter, reported in candidates; `u32::MAX` for padding.
    ids: Vec<u32>,
}

impl Interleaved {
    /// Replaces the content with the filters `ids` of `set`, reusing the allocations.
    fn fill(&mut self, set: &FilterSet, ids: &[u32]) {
        let words = set.words_per_filter();
        let groups = ids.len().div_ceil(LANES);
        self.words = words;
        self.len = ids.len();
        self.data.clear();
        self.data.resize(groups * words, Lane8::default());
        self.counts.clear();
        self.counts.resize(groups, Lane8::default());
        self.ids.clear();
        self.ids.extend_from_slice(ids);
        self.ids.resize(groups * LANES, u32::MAX);
        for (b, &id) in ids.iter().enumerate() {
            let (group, lane) = (b / LANES, b % LANES);
            let vectors = &mut self.data[group * words..(group + 1) * words];
            for (vector, &word) in vectors.iter_mut().zip(set.get(id as usize)) {
                vector.0[lane] = word;
            }
            self.counts[group].0[lane] = u64::from(set.count(id as usize));
        }
    }

    fn groups(&self) -> usize {
        self.counts.len()
    }

    /// The lane vectors of group `g`, one per word.
    fn group(&self, g: usize) -> &[Lane8] {
        &self.data[g * self.words..(g + 1) * self.words]
    }

    /// Population count of filter `b` (position in the interleaved order).
    fn count(&self, b: usize) -> u32 {
        self.counts[b / LANES].0[b % LANES] as u32
    }

    /// The groups cut into blocks of about [`BLOCK_BYTES`].
    fn blocks(&self) -> impl Iterator<Item = Range<usize>> {
        let step = (BLOCK_BYTES / (self.words * size_of::<Lane8>())).max(1);
        let end = self.groups();
        (0..end).step_by(step).map(move |start| start..(start + step).min(end))
    }
}

/// The threshold, and the integer bound of the pre-test.
struct Threshold {
    value: f32,
    /// `value` × 2^16, lowered by a relative 2^-20 and rounded down. A correctly rounded score
    /// exceeds the exact ratio by a relative 2^-24 at most, so every pair whose score is
    /// `>= value` has `2 * inter * 2^16 >= scaled * (count_a + count_b)`, hence
    /// `inter >= need(count_a) + need(count_b)`: the pre-test.
    scaled: u64,
}

impl Threshold {
    /// `None` when no pair can reach `value`: scores are at most 1, and nothing is `>=` NaN.
    fn new(value: f32) -> Option<Self> {
        if value.is_nan() || value > 1.0 {
            return None;
        }
        let slack = 1.0 - 2f64.powi(-20);
        let scaled = (f64::from(value.max(0.0)) * slack * 65536.0).floor() as u64;
        Some(Self { value, scaled })
    }

    /// The share of the pre-test's bound due to one filter of `count` set bits,
    /// `floor(scaled * count / 2^17)`. Splitting the bound per filter lets a kernel start a
    /// pair's counter at `-(need(a) + need(b))` and test its sign at the end.
    fn need(&self, count: u32) -> u64 {
        (self.scaled * u64::from(count)) >> 17
    }

    /// The pre-test: false only for pairs that the exact test rejects.
    fn may_pass(&self, inter: u32, count_a: u32, count_b: u32) -> bool {
        u64::from(inter) >= self.need(count_a) + self.need(count_b)
    }

    /// The exact test, on a score from [`score`].
    fn passes(&self, score: f32) -> bool {
        score >= self.value
    }
}

/// A kernel's work: every row against the groups of one block.
struct Tile<'a> {
    rows: &'a FilterSet,
    row_ids: &'a [u32],
    lanes: &'a Interleaved,
    groups: Range<usize>,
}

/// Where a kernel's candidates go. Kernels emit, group after group, the pairs of each row in
/// lane order, so every kernel produces the same sequence.
enum Sink<'a> {
    /// Appended in emission order; `swapped` when the rows come from the right side.
    Append { out: &'a mut Vec<Candidate>, swapped: bool },
    /// One list per row, rows `first..`: since blocks and groups are scanned in order, each
    /// list is sorted by the right filter, and their concatenation by (left, right).
    PerRow { first: u32, rows: &'a mut [Vec<Candidate>] },
}

impl Sink<'_> {
    /// Exact test of the pairs of row `row` and the interleaved filters `first..first + inters.len()`
    /// whose bit is set in `mask` (they passed the pre-test); padding filters are skipped.
    /// Branch-free but for the loop over set bits: with many candidates, whether a pair passes
    /// is a coin toss that a branch predictor would lose.
    #[inline(never)]
    fn emit(&mut self, tile: &Tile, row: u32, first: usize, inters: &[u64], mask: u32, threshold: &Threshold) {
        let count = tile.rows.count(row as usize);
        let mut found = [Candidate {
            left: 0,
            right: 0,
            score: 0.0,
        }; LANES];
        let mut n = 0;
        let mut rest = mask;
        while rest != 0 {
            let k = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            let b = first + k;
            let score = score(inters[k] as u32, count, tile.lanes.count(b));
            let lane = tile.lanes.ids[b];
            found[n] = match self {
                Self::Append { swapped: true, .. } => Candidate {
                    left: lane,
                    right: row,
                    score,
                },
                _ => Candidate {
                    left: row,
                    right: lane,
                    score,
                },
            };
            n += usize::from(threshold.passes(score) && b < tile.lanes.len);
        }
        let found = &found[..n];
        match self {
            Self::Append { out, .. } => out.extend_from_slice(found),
            Self::PerRow { first, rows } => rows[(row - *first) as usize].extend_from_slice(found),
        }
    }
}

/// Buffers of the kernels, kept from tile to tile so that small buckets cost no allocation.
#[derive(Debug, Default)]
struct Work {
    /// The pre-test share [`Threshold::need`] of the tile's filters, one lane vector per group.
    #[cfg(target_arch = "x86_64")]
    needs: Vec<Lane8>,
    /// The words of the current rows, word by word: see [`pack`].
    packed: Vec<u64>,
}

/// Fills `needs` with the pre-test share of every interleaved filter of the tile's groups.
#[cfg(target_arch = "x86_64")]
fn lane_needs(tile: &Tile, threshold: &Threshold, needs: &mut Vec<Lane8>) {
    let counts = &tile.lanes.counts[tile.groups.clone()];
    needs.clear();
    needs.extend(
        counts
            .iter()
            .map(|c| Lane8(c.0.map(|count| threshold.need(count as u32)))),
    );
}

/// Copies word `j` of rows `ids` to the `j`th array of the result, so that a kernel walks the
/// rows and a group's lane vectors in one zip, with no bounds check in its inner loop.
fn pack<'a, const N: usize>(rows: &FilterSet, ids: [u32; N], packed: &'a mut Vec<u64>) -> &'a [[u64; N]] {
    let rows = ids.map(|id| rows.get(id as usize));
    packed.clear();
    packed.extend((0..rows[0].len()).flat_map(|j| rows.map(|row| row[j])));
    packed.as_chunks::<N>().0
}

/// Runs `kernel` on the rows `row_ids` of `rows` against every block of `lanes`, in order.
fn scan_blocks(
    kernel: Kernel,
    rows: &FilterSet,
    row_ids: &[u32],
    lanes: &Interleaved,
    threshold: &Threshold,
    sink: &mut Sink,
) {
    let mut work = WORK.take();
    for groups in lanes.blocks() {
        scan(
            kernel,
            &Tile {
                rows,
                row_ids,
                lanes,
                groups,
            },
            threshold,
            sink,
            &mut work,
        );
    }
    WORK.set(work);
}

/// Runs `kernel` on a tile.
///
/// # Panics
/// If the kernel is not available on this CPU.
fn scan(kernel: Kernel, tile: &Tile, threshold: &Threshold, sink: &mut Sink, work: &mut Work) {
    kernel.require();
    match kernel {
        // SAFETY: `require` has just checked that the CPU supports AVX-512F and VPOPCNTDQ.
        #[cfg(target_arch = "x86_64")]
        Kernel::Avx512 => unsafe { avx512::scan(tile, threshold, sink, work) },
        // SAFETY: `require` has just checked that the CPU supports AVX2.
        #[cfg(target_arch = "x86_64")]
        Kernel::Avx2 => unsafe { avx2::scan(tile, threshold, sink, work) },
        #[cfg(not(target_arch = "x86_64"))]
        Kernel::Avx512 | Kernel::Avx2 => unreachable!("checked by require"),
        Kernel::Portable => portable::scan(tile, threshold, sink, work),
    }
}

/// Rows per rayon task: enough tasks to keep every thread busy, each a multiple of [`ROWS`]
/// and at most [`MAX_CHUNK_ROWS`].
fn chunk_rows(rows: usize) -> usize {
    let wanted = rayon::current_num_threads() * TASKS_PER_THREAD;
    rows.div_ceil(wanted).next_multiple_of(ROWS).clamp(ROWS, MAX_CHUNK_ROWS)
}
