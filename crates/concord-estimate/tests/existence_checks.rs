//! Models whose estimate does not exist or is not identifiable are refused, with the
//! reason; the artificial table of Chan, Silverman & Vincent (2021, Table 2; SparseMSE's
//! `checkident` examples) has one model of each kind.

use concord_estimate::existence::Refusal;
use concord_estimate::report::Outcome;
use concord_estimate::{estimate, evaluate, CaptureHistories, EstimateError, Model, Options, Pair};

fn artificial() -> CaptureHistories {
    let path = format!("{}/tests/data/artificial_3lists.csv", env!("CARGO_MANIFEST_DIR"));
    CaptureHistories::from_csv(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn pair(a: usize, b: usize) -> Pair {
    Pair::new(a, b).unwrap()
}

fn refusal(outcome: Outcome) -> Refusal {
    match outcome {
        Outcome::Refused { reason, .. } => reason,
        Outcome::Fitted(f) => panic!("expected a refusal, got {f:?}"),
    }
}

#[test]
fn an_interaction_that_lets_the_unseen_grow_without_bound_is_refused_as_infinite() {
    // A:B with C seen only alone: raising θ₀ and lowering every main effect keeps the
    // observed cells' fit and empties only cells already at zero.
    let outcome = evaluate(&artificial(), &Model::with_pairs(3, [pair(0, 1)]), 0.95);
    assert_eq!(refusal(outcome), Refusal::Infinite);
}

#[test]
fn all_interactions_are_not_identifiable() {
    // A:C and B:C share nobody: their cells leave, and 4 cells cannot fix 5 parameters.
    let all = Model::with_pairs(3, [pair(0, 1), pair(0, 2), pair(1, 2)]);
    let reason = refusal(evaluate(&artificial(), &all, 0.95));
    assert_eq!(
        reason,
        Refusal::NotIdentifiable {
            parameters: 5,
            cells: 4,
            rank: 4
        }
    );
    assert!(reason.to_string().contains("not identifiable"));
}

#[test]
fn interactions_between_lists_that_share_nobody_are_fixed_at_minus_infinity() {
    let outcome = evaluate(&artificial(), &Model::with_pairs(3, [pair(0, 2), pair(1, 2)]), 0.95);
    let fitted = outcome.fitted().expect("the extended MLE exists");
    assert_eq!(fitted.infinite_terms, ["A:C", "B:C"]);
    assert!(fitted.unseen.is_finite() && fitted.unseen > 0.0);
}

#[test]
fn stepwise_selection_never_admits_a_refused_model() {
    // In the artificial table list C shares nobody: no selection starts at all.
    let e = estimate(&artificial(), &Options::default()).unwrap_err();
    assert_eq!(e, EstimateError::IsolatedList("C".into()));
    let path = format!("{}/tests/data/new_orleans_5lists_n185.csv", env!("CARGO_MANIFEST_DIR"));
    let sparse = CaptureHistories::from_csv(&std::fs::read_to_string(path).unwrap()).unwrap();
    let options = Options {
        p_threshold: 0.5,
        ..Options::default()
    };
    let result = estimate(&sparse, &options).unwrap();
    assert!(result.models.len() > 1);
    for m in result.models.iter().filter(|m| m.admitted) {
        assert!(m.outcome.fitted().is_some(), "{m:?}");
    }
}
