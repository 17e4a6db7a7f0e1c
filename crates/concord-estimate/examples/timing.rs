//! Times the two figures issue 7 sets: stepwise selection over every pairwise interaction
//! for 10 lists (target < 1 s), and a 1,000-replicate bootstrap for 5 lists (< 5 s).
//!
//! cargo run --release -p concord-estimate --example timing

#[path = "../tests/support/simulate.rs"]
mod simulate;

use std::time::{Duration, Instant};

use concord_estimate::{estimate, BootstrapOptions, CaptureHistories, Options};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use simulate::Capture;

fn median_of(runs: usize, mut f: impl FnMut() -> String) -> (Duration, String) {
    let mut times = Vec::new();
    let mut what = String::new();
    for _ in 0..runs {
        let start = Instant::now();
        what = f();
        times.push(start.elapsed());
    }
    times.sort();
    (times[runs / 2], what)
}

fn ten_lists() -> CaptureHistories {
    let capture = Capture {
        p: vec![0.05, 0.08, 0.1, 0.12, 0.15, 0.05, 0.2, 0.1, 0.07, 0.3],
        dependent: vec![(0, 1, 0.3), (2, 3, 0.4), (4, 6, 0.5), (7, 8, 0.25)],
    };
    capture.histories(20_000, &mut ChaCha8Rng::seed_from_u64(10)).unwrap()
}

fn main() {
    let tables = ten_lists();
    for threshold in [0.02, 0.5] {
        let options = Options {
            p_threshold: threshold,
            ..Options::default()
        };
        let (time, what) = median_of(5, || {
            let result = estimate(&tables, &options).unwrap();
            format!(
                "{} models considered, {} interactions chosen, total {:.0}",
                result.models.len(),
                result.models[result.chosen].terms.len(),
                result.chosen().total
            )
        });
        println!(
            "10 lists, {} observed, stepwise at p < {threshold}: {time:.2?} ({what})",
            tables.observed()
        );
    }
    let uk = CaptureHistories::from_csv(include_str!("../tests/data/uk2013_5lists.csv")).unwrap();
    let options = Options {
        bootstrap: Some(BootstrapOptions {
            replicates: 1000,
            seed: 1,
        }),
        ..Options::default()
    };
    let (time, what) = median_of(5, || {
        let result = estimate(&uk, &options).unwrap();
        format!("{:?}", result.bootstrap.unwrap().interval.unwrap())
    });
    println!("5 lists (UK 2013), stepwise and 1,000 bootstrap replicates: {time:.2?} ({what})");
    let options = Options::default();
    let (time, _) = median_of(5, || estimate(&uk, &options).unwrap().chosen().total.to_string());
    println!("5 lists (UK 2013), stepwise alone: {time:.2?}");
}
