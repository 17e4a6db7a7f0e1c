use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::*;

/// Filters of `bits` bits: random densities, empty and full filters, and noisy copies of
/// earlier filters (of either set, through `pool`) so that scores fall on both sides of any
/// threshold.
fn filters(rng: &mut ChaCha8Rng, bits: usize, n: usize, pool: &mut Vec<Vec<u64>>) -> FilterSet {
    let words = bits / 64;
    let mut set = FilterSet::new(bits);
    for _ in 0..n {
        let filter: Vec<u64> = match rng.gen_range(0..10) {
            0 => vec![0; words],
            1 => vec![u64::MAX; words],
            2..=5 if !pool.is_empty() => {
                let flip = rng.gen_range(0.0..0.2);
                let base = &pool[rng.gen_range(0..pool.len())];
                base.iter().map(|&w| w ^ word(rng, flip)).collect()
            }
            _ => {
                let density = rng.gen_range(0.0..1.0);
                (0..words).map(|_| word(rng, density)).collect()
            }
        };
        set.push(&filter);
        pool.push(filter);
    }
    set
}

fn word(rng: &mut ChaCha8Rng, density: f64) -> u64 {
    (0..64).filter(|_| rng.gen_bool(density)).fold(0, |w, b| w | 1 << b)
}

/// The reference: every pair, one at a time, score by the definition.
fn naive(left: &FilterSet, left_ids: &[u32], right: &FilterSet, right_ids: &[u32], t: f32) -> Vec<Candidate> {
    let ones = |f: &[u64]| f.iter().map(|w| w.count_ones()).sum::<u32>();
    let mut out = Vec::new();
    for &i in left_ids {
        for &j in right_ids {
            let (a, b) = (left.get(i as usize), right.get(j as usize));
            let both: Vec<u64> = a.iter().zip(b).map(|(x, y)| x & y).collect();
            let sum = ones(a) + ones(b);
            let score = if sum == 0 {
                0.0
            } else {
                (2 * ones(&both)) as f32 / sum as f32
            };
            if score >= t {
                out.push(Candidate {
                    left: i,
                    right: j,
                    score,
                });
            }
        }
    }
    out.sort_by_key(|c| (c.left, c.right));
    out
}

/// Candidates as bit patterns, so that equality is bit-identity of the scores too.
fn bits_of(candidates: &[Candidate]) -> Vec<(u32, u32, u32)> {
    candidates
        .iter()
        .map(|c| (c.left, c.right, c.score.to_bits()))
        .collect()
}

fn all_ids(set: &FilterSet) -> Vec<u32> {
    (0..set.len() as u32).collect()
}

/// A threshold: arbitrary, a value of note, or exactly the score of some pair (or one ulp
/// either side), which is where kernels that round differently would disagree.
fn threshold(rng: &mut ChaCha8Rng, left: &FilterSet, right: &FilterSet) -> f32 {
    let special = [
        0.0,
        -0.0,
        1.0,
        0.5,
        0.8,
        2.0 / 3.0,
        -1.0,
        1.5,
        f32::NAN,
        f32::MIN_POSITIVE,
    ];
    match rng.gen_range(0..4) {
        0 => rng.gen_range(-0.2..1.2),
        1 => special[rng.gen_range(0..special.len())],
        _ if left.is_empty() || right.is_empty() => rng.gen_range(0.0..1.0),
        mode => {
            let s = dice(
                left.get(rng.gen_range(0..left.len())),
                right.get(rng.gen_range(0..right.len())),
            );
            match mode {
                2 => s,
                _ if rng.gen_bool(0.5) => s.next_up(),
                _ => s.next_down(),
            }
        }
    }
}

fn case(seed: u64, bits: usize, n_left: usize, n_right: usize) -> (FilterSet, FilterSet, f32) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut pool = Vec::new();
    let left = filters(&mut rng, bits, n_left, &mut pool);
    let right = filters(&mut rng, bits, n_right, &mut pool);
    let t = threshold(&mut rng, &left, &right);
    (left, right, t)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn compare_all_matches_the_reference_on_every_kernel(
        seed: u64, words in 1usize..=64, n_left in 0usize..40, n_right in 0usize..40,
    ) {
        let (left, right, t) = case(seed, words * 64, n_left, n_right);
        let expected = bits_of(&naive(&left, &all_ids(&left), &right, &all_ids(&right), t));
        for kernel in Kernel::all_available() {
            prop_assert_eq!(&bits_of(&compare_all(kernel, &left, &right, t)), &expected, "{}", kernel.name());
        }
    }

    #[test]
    fn compare_lists_matches_the_reference_on_every_kernel(
        seed: u64, words in 1usize..=64, n_left in 1usize..30, n_right in 1usize..30,
        picks in proptest::collection::vec((any::<prop::sample::Index>(), any::<bool>()), 0..50),
    ) {
        let (left, right, t) = case(seed, words * 64, n_left, n_right);
        let (mut left_ids, mut right_ids) = (Vec::new(), Vec::new());
        for (index, to_left) in picks {
            if to_left {
                left_ids.push(index.index(n_left) as u32);
            } else {
                right_ids.push(index.index(n_right) as u32);
            }
        }
        let expected = bits_of(&naive(&left, &left_ids, &right, &right_ids, t));
        let mut first_sequence = None;
        for kernel in Kernel::all_available() {
            let before = Candidate { left: u32::MAX, right: 0, score: 0.25 };
            let mut out = vec![before];
            compare_lists(kernel, &left, &left_ids, &right, &right_ids, t, &mut out);
            prop_assert_eq!(out[0], before, "{}: what was in `out` stays", kernel.name());
            let sequence = bits_of(&out[1..]);
            let first = first_sequence.get_or_insert_with(|| sequence.clone());
            prop_assert_eq!(&sequence, first, "{}: same sequence as the first kernel", kernel.name());
            let mut sorted = sequence;
            sorted.sort();
            prop_assert_eq!(&sorted, &expected, "{}", kernel.name());
        }
    }
}

/// Sets large enough for several row chunks and, at 8192 bits, several blocks of groups, run
/// on pools of 1 to 3 threads; and the same pairs through `compare_lists`, where the larger
/// list is the one interleaved.
#[test]
fn tiles_and_threads_do_not_change_the_result() {
    for (seed, bits, n_left, n_right) in [(1, 4096, 150, 100), (2, 1024, 60, 400), (3, 8192, 20, 300)] {
        let (left, right, _) = case(seed, bits, n_left, n_right);
        let (left_ids, right_ids) = (all_ids(&left), all_ids(&right));
        for t in [0.0, 0.55, 0.8] {
            let expected = bits_of(&naive(&left, &left_ids, &right, &right_ids, t));
            for kernel in Kernel::all_available() {
                for threads in 1..=3 {
                    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
                    let found = pool.install(|| compare_all(kernel, &left, &right, t));
                    assert_eq!(
                        bits_of(&found),
                        expected,
                        "{} on {threads} threads, t = {t}",
                        kernel.name()
                    );
                }
                let (mut forward, mut backward) = (Vec::new(), Vec::new());
                compare_lists(kernel, &left, &left_ids, &right, &right_ids, t, &mut forward);
                compare_lists(kernel, &right, &right_ids, &left, &left_ids, t, &mut backward);
                let mut forward = bits_of(&forward);
                let mut backward: Vec<_> = backward.iter().map(|c| (c.right, c.left, c.score.to_bits())).collect();
                forward.sort();
                backward.sort();
                assert_eq!(forward, expected, "{} through compare_lists, t = {t}", kernel.name());
                assert_eq!(
                    backward,
                    expected,
                    "{} through compare_lists, sides swapped",
                    kernel.name()
                );
            }
        }
    }
}

#[test]
fn dice_of_known_filters() {
    assert_eq!(dice(&[0b1111, 0], &[0b0011, 0]), 2.0 * 2.0 / 6.0);
    assert_eq!(dice(&[0, 0], &[0, 0]), 0.0);
    assert_eq!(dice(&[u64::MAX], &[u64::MAX]), 1.0);
    assert_eq!(dice(&[1], &[2]), 0.0);
}

#[test]
#[should_panic(expected = "different lengths")]
fn dice_rejects_filters_of_different_lengths() {
    dice(&[1, 2], &[1]);
}

#[test]
#[should_panic(expected = "cannot compare filters of 64 bits with filters of 128 bits")]
fn compare_all_rejects_sets_of_different_lengths() {
    compare_all(Kernel::best(), &FilterSet::new(64), &FilterSet::new(128), 0.5);
}

#[test]
#[should_panic(expected = "right id 3 is out of bounds of a set of 1 filters")]
fn compare_lists_rejects_an_id_out_of_bounds() {
    let mut set = FilterSet::new(64);
    set.push(&[1]);
    compare_lists(Kernel::best(), &set, &[0], &set, &[0, 3], 0.5, &mut Vec::new());
}

#[test]
fn a_kernel_the_cpu_lacks_panics_instead_of_running() {
    let set = FilterSet::new(64);
    for kernel in [Kernel::Avx512, Kernel::Avx2, Kernel::Portable] {
        let run = std::panic::catch_unwind(|| compare_all(kernel, &set, &set, 0.5));
        assert_eq!(run.is_ok(), kernel.is_available(), "{}", kernel.name());
    }
}

#[test]
fn kernels_are_listed_fastest_first() {
    let all = Kernel::all_available();
    assert_eq!(all.last(), Some(&Kernel::Portable));
    assert_eq!(all[0], Kernel::best());
    assert!(all.iter().all(|k| k.is_available()));
}

#[test]
fn thresholds_out_of_range() {
    let (left, right, _) = case(7, 128, 9, 5);
    for kernel in Kernel::all_available() {
        assert!(compare_all(kernel, &left, &right, 1.0 + f32::EPSILON).is_empty());
        assert!(compare_all(kernel, &left, &right, f32::NAN).is_empty());
        assert_eq!(
            compare_all(kernel, &left, &right, -0.0).len(),
            45,
            "every pair, empty ones too"
        );
    }
}

/// For pairs of counts up to the longest filters, the smallest intersection that the exact
/// test accepts passes the pre-test (which is monotonic in the intersection, as is the score).
#[test]
fn the_pre_test_never_rejects_an_accepted_pair() {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let max = FilterSet::MAX_BITS as u32;
    let thresholds = (0..=200)
        .map(|i| i as f32 / 200.0)
        .chain([2.0 / 3.0, 0.1f32.next_down(), 1e-30]);
    for t in thresholds {
        let threshold = Threshold::new(t).unwrap();
        let small = (0..40).flat_map(|a| (0..40).map(move |b| (a, b)));
        let large = (0..3000).map(|_| (rng.gen_range(0..=max), rng.gen_range(0..=max)));
        for (count_a, count_b) in small.chain(large) {
            let accepted = |inter| threshold.passes(score(inter, count_a, count_b));
            let most = count_a.min(count_b);
            if !accepted(most) {
                continue;
            }
            let (mut least, mut high) = (0, most);
            while least < high {
                let mid = (least + high) / 2;
                if accepted(mid) {
                    high = mid;
                } else {
                    least = mid + 1;
                }
            }
            assert!(
                threshold.may_pass(least, count_a, count_b),
                "t {t}, {least}/{count_a}+{count_b}"
            );
        }
    }
}
