//! AVX2 kernel: each 512-bit lane vector is handled as two 256-bit halves of four filters.
//!
//! AVX2 has no population count instruction, so bits are counted with a 16-entry lookup table
//! per nibble (`VPSHUFB`, after W. Muła): every byte of `row & lane` gets its count, byte counts
//! are added over up to [`BYTE_WORDS`] words (at most 8 per word, so no byte overflows), and
//! `VPSADBW` then sums the eight bytes of each 64-bit lane, which is exactly one pair's
//! intersection. As in the AVX-512 kernel, several rows share each loaded vector, no horizontal
//! reduction is needed, and counters start at minus the pre-test bound so that the sign bits
//! (`VMOVMSKPD`) give the pre-test.
//!
//! AVX2 has only 16 registers, so the [`ROWS`] rows of a chunk go over each group in passes of
//! [`PASS_ROWS`]; the candidates still come out in the same order as from the other kernels.

use std::arch::x86_64::*;

use super::{lane_needs, pack, Lane8, Sink, Threshold, Tile, Work, LANES, ROWS};

/// Rows per pass over a group: four byte counters and four wide counters fit the registers;
/// passes of eight rows spill and measured 15% slower.
const PASS_ROWS: usize = 4;

/// Words whose byte counts are added before they are widened: 31 × 8 fits in a byte.
const BYTE_WORDS: usize = 31;

/// Filters per 256-bit half of a group.
const HALF: usize = LANES / 2;

/// Compares every row of the tile with every filter of its groups.
///
/// # Safety
/// The CPU must support AVX2.
#[target_feature(enable = "avx2")]
pub(super) unsafe fn scan(tile: &Tile, threshold: &Threshold, sink: &mut Sink, work: &mut Work) {
    let Work { needs, packed } = work;
    lane_needs(tile, threshold, needs);
    let mut chunks = tile.row_ids.chunks_exact(ROWS);
    for rows in &mut chunks {
        let ids: [u32; ROWS] = rows.try_into().expect("a chunk of ROWS ids");
        let packed = pack(tile.rows, ids, packed);
        for (g, need) in tile.groups.clone().zip(needs.iter()) {
            for (pass, pass_ids) in ids.as_chunks::<PASS_ROWS>().0.iter().enumerate() {
                let rows = Pass {
                    ids: *pass_ids,
                    packed,
                    first: pass * PASS_ROWS,
                };
                scan_group(tile, g, need, &rows, threshold, sink);
            }
        }
    }
    for &row in chunks.remainder() {
        let packed = pack(tile.rows, [row], packed);
        for (g, need) in tile.groups.clone().zip(needs.iter()) {
            scan_group(
                tile,
                g,
                need,
                &Pass {
                    ids: [row],
                    packed,
                    first: 0,
                },
                threshold,
                sink,
            );
        }
    }
}

/// `N` rows in a pass: their ids, and their words at `first..first + N` of each packed array.
struct Pass<'a, const N: usize, const R: usize> {
    ids: [u32; N],
    packed: &'a [[u64; R]],
    first: usize,
}

/// The rows of a pass against group `g`, whose pre-test shares are `need`; candidates are
/// emitted row by row, in lane order.
#[inline]
#[target_feature(enable = "avx2")]
fn scan_group<const N: usize, const R: usize>(
    tile: &Tile,
    g: usize,
    need: &Lane8,
    rows: &Pass<N, R>,
    threshold: &Threshold,
    sink: &mut Sink,
) {
    let Pass { ids, packed, first } = *rows;
    let row_starts = ids.map(|id| _mm256_set1_epi64x(-(threshold.need(tile.rows.count(id as usize)) as i64)));
    let halves: [_; 2] = std::array::from_fn(|half| {
        let lane_need = load(need, half);
        let start = row_starts.map(|row_start| _mm256_sub_epi64(row_start, lane_need));
        (start, count(packed, first, tile.lanes.group(g), half, start))
    });
    let lowest = halves
        .iter()
        .flat_map(|(_, margins)| margins)
        .fold(_mm256_set1_epi64x(-1), |all, &m| _mm256_and_si256(all, m));
    if non_negative(lowest) == 0 {
        return;
    }
    for i in 0..N {
        for (half, (start, margins)) in halves.iter().enumerate() {
            let mut inters = [0u64; HALF];
            store(&mut inters, _mm256_sub_epi64(margins[i], start[i]));
            let lane = g * LANES + half * HALF;
            sink.emit(tile, ids[i], lane, &inters, non_negative(margins[i]), threshold);
        }
    }
}

/// Bit `k` set when lane `k` is not negative.
#[inline]
#[target_feature(enable = "avx2")]
fn non_negative(v: __m256i) -> u32 {
    !(_mm256_movemask_pd(_mm256_castsi256_pd(v)) as u32) & 0xF
}

/// `start` plus the intersections of rows `first..first + N` of the packed words with the four
/// filters of half `half` of a group.
#[inline]
#[target_feature(enable = "avx2")]
fn count<const N: usize, const R: usize>(
    rows: &[[u64; R]],
    first: usize,
    group: &[Lane8],
    half: usize,
    start: [__m256i; N],
) -> [__m256i; N] {
    let mut acc = start;
    for (rows, group) in rows.chunks(BYTE_WORDS).zip(group.chunks(BYTE_WORDS)) {
        let bytes = byte_counts::<N, R>(rows, first, group, half);
        for i in 0..N {
            acc[i] = _mm256_add_epi64(acc[i], _mm256_sad_epu8(bytes[i], _mm256_setzero_si256()));
        }
    }
    acc
}

/// Per-byte population counts of `row & lane`, added over the (at most [`BYTE_WORDS`]) words.
#[inline]
#[target_feature(enable = "avx2")]
fn byte_counts<const N: usize, const R: usize>(
    rows: &[[u64; R]],
    first: usize,
    group: &[Lane8],
    half: usize,
) -> [__m256i; N] {
    let table = _mm256_setr_epi8(
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
    );
    let nibble = _mm256_set1_epi8(0x0F);
    let mut acc = [_mm256_setzero_si256(); N];
    for (lane, words) in group.iter().zip(rows) {
        let vector = load(lane, half);
        let words = &words[first..first + N];
        for i in 0..N {
            let both = _mm256_and_si256(vector, _mm256_set1_epi64x(words[i] as i64));
            let low = _mm256_shuffle_epi8(table, _mm256_and_si256(both, nibble));
            let high = _mm256_shuffle_epi8(table, _mm256_and_si256(_mm256_srli_epi16::<4>(both), nibble));
            acc[i] = _mm256_add_epi8(acc[i], _mm256_add_epi8(low, high));
        }
    }
    acc
}

#[inline]
#[target_feature(enable = "avx2")]
fn load(lane: &Lane8, half: usize) -> __m256i {
    let words = &lane.0[half * HALF..(half + 1) * HALF];
    // SAFETY: `words` is 32 initialised bytes, aligned to 32 because a `Lane8` is aligned to 64.
    unsafe { _mm256_load_si256(words.as_ptr().cast()) }
}

#[inline]
#[target_feature(enable = "avx2")]
fn store(out: &mut [u64; HALF], v: __m256i) {
    // SAFETY: `out` is 32 writable bytes; the store has no alignment requirement.
    unsafe { _mm256_storeu_si256(out.as_mut_ptr().cast(), v) }
}
