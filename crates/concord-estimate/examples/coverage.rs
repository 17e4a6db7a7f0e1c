//! Measures how often the 95% intervals cover the true population size, over many
//! simulated populations (the figures in docs/estimation.md).
//!
//! cargo run --release -p concord-estimate --example coverage [RUNS]

#[path = "../tests/support/simulate.rs"]
mod simulate;

use concord_estimate::report::Fitted;
use concord_estimate::{estimate, evaluate, BootstrapOptions, Model, Options, Pair};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use simulate::Capture;

const SIZE: f64 = 1000.0;

fn covers(fitted: &Fitted) -> bool {
    let i = fitted.interval;
    i.lower <= SIZE && SIZE <= i.upper.unwrap_or(f64::INFINITY)
}

fn main() {
    let runs: usize = std::env::args().nth(1).map_or(2000, |r| r.parse().unwrap());
    let cases = [
        ("independent", Vec::new(), Model::main_effects(3)),
        (
            "A and B dependent",
            vec![(0, 1, 0.6)],
            Model::with_pairs(3, [Pair::new(0, 1).unwrap()]),
        ),
    ];
    for (name, dependent, model) in cases {
        let capture = Capture {
            p: vec![0.2, 0.3, 0.25],
            dependent,
        };
        let mut rng = ChaCha8Rng::seed_from_u64(42);
        let (mut fixed, mut stepwise, mut boot, mut boot_runs) = (0, 0, 0, 0);
        for run in 0..runs {
            let h = capture.histories(SIZE as usize, &mut rng).unwrap();
            fixed += usize::from(covers(evaluate(&h, &model, 0.95).fitted().unwrap()));
            let bootstrap = (run % 4 == 0).then_some(BootstrapOptions {
                replicates: 500,
                seed: run as u64,
            });
            let options = Options {
                bootstrap,
                ..Options::default()
            };
            let result = estimate(&h, &options).unwrap();
            stepwise += usize::from(covers(result.chosen()));
            if let Some(interval) = result.bootstrap.and_then(|b| b.interval) {
                boot_runs += 1;
                boot += usize::from(interval.lower <= SIZE && SIZE <= interval.upper.unwrap_or(f64::INFINITY));
            }
        }
        println!(
            "{name}: profile interval of the true model {:.3} ({runs} runs); of the stepwise choice {:.3}; bootstrap (500 replicates) of the stepwise choice {:.3} ({boot_runs} runs)",
            fixed as f64 / runs as f64,
            stepwise as f64 / runs as f64,
            boot as f64 / boot_runs as f64
        );
    }
}
