//! AVX-512 kernel: one 512-bit lane vector holds word `j` of a group of eight filters.
//!
//! Per word and row: VPANDQ with the row word broadcast from memory, VPOPCNTQ, VPADDQ into
//! the row's counter. [`ROWS`] rows share each lane vector load, so after the last word their
//! counters hold 64 pairs without any horizontal reduction. Each counter starts at minus the
//! pair's pre-test bound, so the pre-test of 64 pairs is an AND of the counters and one sign
//! test.

use std::arch::x86_64::*;

use super::{lane_needs, pack, Lane8, Sink, Threshold, Tile, Work, LANES, ROWS};

/// Compares every row of the tile with every filter of its groups.
///
/// # Safety
/// The CPU must support AVX-512F and AVX-512 VPOPCNTDQ.
#[target_feature(enable = "avx512f,avx512vpopcntdq")]
pub(super) unsafe fn scan(tile: &Tile, threshold: &Threshold, sink: &mut Sink, work: &mut Work) {
    let Work { needs, packed } = work;
    lane_needs(tile, threshold, needs);
    let mut chunks = tile.row_ids.chunks_exact(ROWS);
    for rows in &mut chunks {
        let ids = rows.try_into().expect("a chunk of ROWS ids");
        scan_rows::<ROWS>(tile, ids, needs, packed, threshold, sink);
    }
    for &row in chunks.remainder() {
        scan_rows::<1>(tile, [row], needs, packed, threshold, sink);
    }
}

/// `N` rows against every group of the tile.
#[target_feature(enable = "avx512f,avx512vpopcntdq")]
fn scan_rows<const N: usize>(
    tile: &Tile,
    ids: [u32; N],
    needs: &[Lane8],
    packed: &mut Vec<u64>,
    threshold: &Threshold,
    sink: &mut Sink,
) {
    let packed = pack(tile.rows, ids, packed);
    let row_starts = ids.map(|id| _mm512_set1_epi64(-(threshold.need(tile.rows.count(id as usize)) as i64)));
    let sign = _mm512_set1_epi64(i64::MIN);
    for (g, lane_need) in tile.groups.clone().zip(needs) {
        let lane_need = load(lane_need);
        let start = row_starts.map(|row_start| _mm512_sub_epi64(row_start, lane_need));
        let margins = count(packed, tile.lanes.group(g), start);
        let lowest = margins
            .into_iter()
            .fold(_mm512_set1_epi64(-1), |all, m| _mm512_and_si512(all, m));
        if _mm512_testn_epi64_mask(lowest, sign) != 0 {
            for i in 0..N {
                let mut inters = [0u64; LANES];
                store(&mut inters, _mm512_sub_epi64(margins[i], start[i]));
                let mask = _mm512_testn_epi64_mask(margins[i], sign);
                sink.emit(tile, ids[i], g * LANES, &inters, u32::from(mask), threshold);
            }
        }
    }
}

/// `start` plus the intersections of `N` packed rows with the eight filters of a group, one
/// pair per 64-bit lane. (Unrolling this loop twice measured no faster.)
#[inline]
#[target_feature(enable = "avx512f,avx512vpopcntdq")]
fn count<const N: usize>(rows: &[[u64; N]], group: &[Lane8], start: [__m512i; N]) -> [__m512i; N] {
    let mut acc = start;
    for (lane, words) in group.iter().zip(rows) {
        acc = add_word(acc, lane, words);
    }
    acc
}

#[inline]
#[target_feature(enable = "avx512f,avx512vpopcntdq")]
fn add_word<const N: usize>(acc: [__m512i; N], lane: &Lane8, words: &[u64; N]) -> [__m512i; N] {
    let vector = load(lane);
    std::array::from_fn(|i| {
        let both = _mm512_and_si512(vector, _mm512_set1_epi64(words[i] as i64));
        _mm512_add_epi64(acc[i], _mm512_popcnt_epi64(both))
    })
}

#[inline]
#[target_feature(enable = "avx512f")]
fn load(lane: &Lane8) -> __m512i {
    // SAFETY: a `Lane8` is 64 initialised bytes aligned to 64 bytes.
    unsafe { _mm512_load_si512(lane.0.as_ptr().cast()) }
}

#[inline]
#[target_feature(enable = "avx512f")]
fn store(out: &mut [u64; LANES], v: __m512i) {
    // SAFETY: `out` is 64 writable bytes; the store has no alignment requirement.
    unsafe { _mm512_storeu_si512(out.as_mut_ptr().cast(), v) }
}
