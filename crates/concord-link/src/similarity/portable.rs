//! Portable kernel: plain Rust over the same interleaved groups as the vector kernels.
//!
//! Each row word is ANDed with the eight words of a lane vector and counted with
//! `u64::count_ones`. On x86-64 the default target does not include POPCNT, so the same code is
//! compiled twice and the copy with POPCNT enabled is chosen at run time when the CPU has it;
//! elsewhere `count_ones` compiles to whatever the target offers (a bit trick at worst).

use super::{pack, Lane8, Sink, Threshold, Tile, Work, LANES, ROWS};

/// Compares every row of the tile with every filter of its groups.
pub(super) fn scan(tile: &Tile, threshold: &Threshold, sink: &mut Sink, work: &mut Work) {
    #[cfg(target_arch = "x86_64")]
    if is_x86_feature_detected!("popcnt") {
        // SAFETY: the CPU supports POPCNT, the only feature `scan_popcnt` enables.
        return unsafe { scan_popcnt(tile, threshold, sink, work) };
    }
    scan_any(tile, threshold, sink, work);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "popcnt")]
fn scan_popcnt(tile: &Tile, threshold: &Threshold, sink: &mut Sink, work: &mut Work) {
    scan_any(tile, threshold, sink, work);
}

#[inline(always)]
fn scan_any(tile: &Tile, threshold: &Threshold, sink: &mut Sink, work: &mut Work) {
    let mut chunks = tile.row_ids.chunks_exact(ROWS);
    for rows in &mut chunks {
        let ids = rows.try_into().expect("a chunk of ROWS ids");
        scan_rows::<ROWS>(tile, ids, &mut work.packed, threshold, sink);
    }
    for &row in chunks.remainder() {
        scan_rows::<1>(tile, [row], &mut work.packed, threshold, sink);
    }
}

/// `N` rows against every group of the tile.
#[inline(always)]
fn scan_rows<const N: usize>(
    tile: &Tile,
    ids: [u32; N],
    packed: &mut Vec<u64>,
    threshold: &Threshold,
    sink: &mut Sink,
) {
    let packed = pack(tile.rows, ids, packed);
    let counts = ids.map(|id| tile.rows.count(id as usize));
    for g in tile.groups.clone() {
        let inters = intersections(packed, tile.lanes.group(g));
        let lane_counts = &tile.lanes.counts[g];
        for i in 0..N {
            let mask = (0..LANES)
                .filter(|&k| threshold.may_pass(inters[i][k] as u32, counts[i], lane_counts.0[k] as u32))
                .fold(0, |mask, k| mask | 1 << k);
            if mask != 0 {
                sink.emit(tile, ids[i], g * LANES, &inters[i], mask, threshold);
            }
        }
    }
}

/// Intersections of `N` packed rows with the eight filters of a group.
#[inline(always)]
fn intersections<const N: usize>(rows: &[[u64; N]], group: &[Lane8]) -> [[u64; LANES]; N] {
    let mut acc = [[0u64; LANES]; N];
    for (lane, words) in group.iter().zip(rows) {
        for i in 0..N {
            let word = words[i];
            for (total, &other) in acc[i].iter_mut().zip(&lane.0) {
                *total += u64::from((word & other).count_ones());
            }
        }
    }
    acc
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::super::{Candidate, Interleaved, Sink, Threshold, Tile, Work};
    use crate::filter::FilterSet;

    /// The copy compiled for POPCNT and the baseline copy agree.
    #[test]
    fn both_compilations_agree() {
        if !is_x86_feature_detected!("popcnt") {
            return;
        }
        let mut set = FilterSet::new(192);
        for i in 0..37u64 {
            set.push(&[i.wrapping_mul(0x9E37_79B9_7F4A_7C15), !i << 3, i * i]);
        }
        let ids: Vec<u32> = (0..37).collect();
        let mut lanes = Interleaved::default();
        lanes.fill(&set, &ids);
        let tile = Tile {
            rows: &set,
            row_ids: &ids,
            lanes: &lanes,
            groups: 0..lanes.groups(),
        };
        let threshold = Threshold::new(0.3).unwrap();
        let run = |popcnt: bool| {
            let mut out: Vec<Candidate> = Vec::new();
            let mut sink = Sink::Append {
                out: &mut out,
                swapped: false,
            };
            if popcnt {
                // SAFETY: checked above that the CPU supports POPCNT.
                unsafe { super::scan_popcnt(&tile, &threshold, &mut sink, &mut Work::default()) };
            } else {
                super::scan_any(&tile, &threshold, &mut sink, &mut Work::default());
            }
            out
        };
        let with = run(true);
        assert!(!with.is_empty());
        assert_eq!(with, run(false));
    }
}
