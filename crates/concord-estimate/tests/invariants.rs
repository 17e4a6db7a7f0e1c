//! Properties that hold for any table.

use concord_estimate::{estimate, evaluate, CaptureHistories, History, Model, Options};
use proptest::prelude::*;

/// Tables of 3 lists with every count from 1 to 60 (so every model's MLE exists).
fn tables() -> impl Strategy<Value = CaptureHistories> {
    proptest::collection::vec(1u64..60, 7).prop_map(|counts| {
        let lists = vec!["A".into(), "B".into(), "C".into()];
        let cells = counts
            .into_iter()
            .enumerate()
            .map(|(i, c)| (History::new(i as u16 + 1).unwrap(), c));
        CaptureHistories::new(lists, cells).unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_estimate_is_at_least_the_observed_and_inside_its_interval(h in tables()) {
        let result = estimate(&h, &Options::default()).unwrap();
        let chosen = result.chosen();
        prop_assert!(chosen.total >= h.observed() as f64);
        prop_assert!(chosen.interval.lower <= chosen.total + 1e-6);
        prop_assert!(chosen.interval.upper.unwrap_or(f64::INFINITY) >= chosen.total - 1e-6);
    }

    #[test]
    fn the_order_of_the_lists_does_not_change_the_estimate(h in tables(), order in Just(vec![0usize, 1, 2]).prop_shuffle()) {
        let permuted = h.permuted(&order);
        let ours = evaluate(&h, &Model::main_effects(3), 0.95);
        let theirs = evaluate(&permuted, &Model::main_effects(3), 0.95);
        let (a, b) = (ours.fitted().unwrap(), theirs.fitted().unwrap());
        prop_assert!((a.total - b.total).abs() <= 1e-8 * a.total);
        prop_assert!((a.interval.lower - b.interval.lower).abs() <= 1e-6 * a.total);
        let (x, y) = (estimate(&h, &Options::default()).unwrap(), estimate(&permuted, &Options::default()).unwrap());
        prop_assert!((x.chosen().total - y.chosen().total).abs() <= 1e-8 * x.chosen().total);
    }
}
