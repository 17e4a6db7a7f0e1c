//! Profile-likelihood intervals cover the true population size at about their nominal
//! rate, for lists captured independently and with dependence between two lists.
//!
//! 200 populations per case keeps the test quick; the band is wide enough for that
//! (a binomial 95% band around 0.95 for 200 trials is about 0.92–0.98). The example
//! `coverage` runs 2,000 per case; its figures are in docs/estimation.md.

#[path = "support/simulate.rs"]
mod simulate;

use concord_estimate::{evaluate, Model, Pair};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use simulate::Capture;

const SIZE: usize = 1000;
const RUNS: usize = 200;

/// Share of runs whose interval for `model` covers the true size.
fn coverage(capture: &Capture, model: &Model, seed: u64) -> f64 {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut covered = 0;
    for _ in 0..RUNS {
        let histories = capture.histories(SIZE, &mut rng).expect("every list has someone");
        let outcome = evaluate(&histories, model, 0.95);
        let interval = outcome.fitted().expect("the true model fits").interval;
        let upper = interval.upper.unwrap_or(f64::INFINITY);
        covered += usize::from(interval.lower <= SIZE as f64 && SIZE as f64 <= upper);
    }
    covered as f64 / RUNS as f64
}

#[test]
fn independent_lists_are_covered_at_about_95_percent() {
    let capture = Capture {
        p: vec![0.2, 0.3, 0.25],
        dependent: Vec::new(),
    };
    let rate = coverage(&capture, &Model::main_effects(3), 1);
    assert!((0.88..=0.99).contains(&rate), "coverage {rate}");
}

#[test]
fn dependent_lists_are_covered_at_about_95_percent_by_the_model_with_their_interaction() {
    // Being on A raises the chance of being on B from 0.3 to 0.6.
    let capture = Capture {
        p: vec![0.2, 0.3, 0.25],
        dependent: vec![(0, 1, 0.6)],
    };
    let model = Model::with_pairs(3, [Pair::new(0, 1).unwrap()]);
    let rate = coverage(&capture, &model, 2);
    assert!((0.88..=0.99).contains(&rate), "coverage {rate}");
}
