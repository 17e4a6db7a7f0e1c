//! Dice comparisons per second of 1024-bit filters with about 30% of their bits set.
//!
//! `one_core`: `compare_lists` (single-threaded) over 2048 × 4096 filters, per kernel.
//! `all_cores`: `compare_all` over 8192 × 8192 filters on rayon's global pool, per kernel.
//! Threshold 0.8 keeps nothing from random filters (the usual case: few candidates); 0.33
//! keeps about one pair in five, to show the cost of emitting many candidates.
//! Throughput is reported in elements per second, one element being one pair compared.

use std::hint::black_box;

use concord_link::filter::FilterSet;
use concord_link::similarity::{compare_all, compare_lists, Kernel};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const BITS: usize = 1024;
const DENSITY: f64 = 0.3;
const THRESHOLDS: [f32; 2] = [0.8, 0.33];

fn random_filters(rng: &mut ChaCha8Rng, n: usize) -> FilterSet {
    let mut set = FilterSet::with_capacity(BITS, n);
    for _ in 0..n {
        let filter: Vec<u64> = (0..BITS / 64)
            .map(|_| (0..64).filter(|_| rng.gen_bool(DENSITY)).fold(0, |w, b| w | 1 << b))
            .collect();
        set.push(&filter);
    }
    set
}

fn one_core(c: &mut Criterion) {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let (left, right) = (random_filters(&mut rng, 2048), random_filters(&mut rng, 4096));
    let left_ids: Vec<u32> = (0..left.len() as u32).collect();
    let right_ids: Vec<u32> = (0..right.len() as u32).collect();
    let mut group = c.benchmark_group("one_core");
    group.throughput(Throughput::Elements((left.len() * right.len()) as u64));
    group.sample_size(20);
    for kernel in Kernel::all_available() {
        for threshold in THRESHOLDS {
            let id = BenchmarkId::new(kernel.name(), format!("t{threshold}"));
            let mut out = Vec::new();
            group.bench_function(id, |b| {
                b.iter(|| {
                    out.clear();
                    compare_lists(
                        kernel,
                        &left,
                        &left_ids,
                        &right,
                        &right_ids,
                        black_box(threshold),
                        &mut out,
                    );
                    out.len()
                })
            });
        }
    }
    group.finish();
}

fn all_cores(c: &mut Criterion) {
    let mut rng = ChaCha8Rng::seed_from_u64(2);
    let (left, right) = (random_filters(&mut rng, 8192), random_filters(&mut rng, 8192));
    let mut group = c.benchmark_group("all_cores");
    group.throughput(Throughput::Elements((left.len() * right.len()) as u64));
    group.sample_size(10);
    for kernel in Kernel::all_available() {
        for threshold in THRESHOLDS {
            let id = BenchmarkId::new(kernel.name(), format!("t{threshold}"));
            group.bench_function(id, |b| {
                b.iter(|| compare_all(kernel, &left, &right, black_box(threshold)).len())
            });
        }
    }
    group.finish();
}

criterion_group!(benches, one_core, all_cores);
criterion_main!(benches);
