//! Deterministic randomness.
//!
//! Every random draw comes from a ChaCha8 stream keyed by the seed, a purpose and a few
//! numbers (an entity, an agency, a case number), mixed with SplitMix64. ChaCha output is
//! specified bit for bit, and the helpers below sample only 32- and 64-bit integers, never
//! `usize`, so the same inputs give the same draws on every machine.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A source of random draws.
pub(crate) type Stream = ChaCha8Rng;

/// What a stream is for: keeps the streams of different purposes independent.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Purpose {
    /// The true attributes of an entity.
    Entity = 1,
    /// One case of one agency.
    Case = 2,
    /// The story shared by a group of agencies in one round.
    Group = 3,
    /// How one agency writes one entity.
    Rendering = 4,
    /// How agencies are grouped in one round.
    Partition = 5,
    /// Opaque person references.
    PersonRef = 6,
    /// Which persons are planted where, and how each copy is written ([`crate::plant`]).
    Planting = 7,
}

/// SplitMix64's finaliser: a bijective, well-mixing function of 64 bits.
fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hashes a purpose and a list of numbers under the seed into 64 bits.
pub(crate) fn hash(seed: u64, purpose: Purpose, keys: &[u64]) -> u64 {
    keys.iter().fold(splitmix(seed ^ splitmix(purpose as u64)), |h, k| {
        splitmix(h ^ splitmix(*k))
    })
}

/// The stream for a purpose and a list of numbers under the seed.
pub(crate) fn stream(seed: u64, purpose: Purpose, keys: &[u64]) -> Stream {
    let h = hash(seed, purpose, keys);
    let mut key = [0u8; 32];
    for (i, chunk) in (0u64..).zip(key.chunks_exact_mut(8)) {
        chunk.copy_from_slice(&splitmix(h ^ i).to_le_bytes());
    }
    ChaCha8Rng::from_seed(key)
}

/// A uniform index below `n`; `n` must not be zero.
pub(crate) fn below(rng: &mut Stream, n: usize) -> usize {
    rng.gen_range(0..n as u64) as usize
}

/// A uniform element of a non-empty slice.
pub(crate) fn pick<'a, T>(rng: &mut Stream, items: &'a [T]) -> &'a T {
    &items[below(rng, items.len())]
}

/// An element of a non-empty table, drawn in proportion to its weight.
pub(crate) fn weighted<T: Copy>(rng: &mut Stream, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut x = rng.gen_range(0..total);
    let hit = items.iter().find(|(_, w)| {
        let inside = x < *w;
        x = x.saturating_sub(*w);
        inside
    });
    // `x < total`, so the scan always stops inside the table; the last entry is a fallback
    // for the type checker only.
    hit.unwrap_or(&items[items.len() - 1]).0
}

/// An index into a table of cumulative weights (non-empty, ending with the total, which
/// must not be zero), drawn in proportion to each entry's own weight.
pub(crate) fn by_cumulative_weight(rng: &mut Stream, cumulative: &[u64]) -> usize {
    let total = cumulative[cumulative.len() - 1];
    let x = rng.gen_range(0..total);
    cumulative.partition_point(|&c| c <= x)
}

/// True with probability `p`, which is clamped to `[0, 1]`.
pub(crate) fn chance(rng: &mut Stream, p: f64) -> bool {
    rng.gen_bool(p.clamp(0.0, 1.0))
}

/// A uniform integer in `lo..=hi`.
pub(crate) fn between(rng: &mut Stream, lo: i64, hi: i64) -> i64 {
    rng.gen_range(lo..=hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_depend_on_every_input() {
        let draw = |seed, purpose, keys: &[u64]| stream(seed, purpose, keys).gen::<u64>();
        let base = draw(1, Purpose::Case, &[2, 3]);
        assert_eq!(base, draw(1, Purpose::Case, &[2, 3]));
        assert_ne!(base, draw(2, Purpose::Case, &[2, 3]));
        assert_ne!(base, draw(1, Purpose::Entity, &[2, 3]));
        assert_ne!(base, draw(1, Purpose::Case, &[3, 2]));
    }

    #[test]
    fn weighted_choice_follows_the_weights() {
        let mut rng = stream(7, Purpose::Case, &[]);
        let table = [('a', 1), ('b', 0), ('c', 3)];
        let draws: Vec<char> = (0..4000).map(|_| weighted(&mut rng, &table)).collect();
        let count = |c| draws.iter().filter(|&&d| d == c).count();
        assert_eq!(count('b'), 0);
        assert!((800..1200).contains(&count('a')), "{}", count('a'));
    }
}
