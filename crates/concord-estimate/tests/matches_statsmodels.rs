//! Fits agree with an independent implementation: statsmodels' Poisson GLM (its own
//! IRLS), with scipy's brentq for the profile-likelihood interval. The reference values
//! are in `tests/reference/statsmodels_reference.json`, written by
//! `tests/reference/statsmodels_reference.py` (statsmodels 0.15.0) from the tables in
//! `tests/data/` (published data; sources in `tests/data/README.md`).

use concord_estimate::{evaluate, CaptureHistories, Model, Pair};
use serde_json::Value;

const REFERENCE: &str = include_str!("reference/statsmodels_reference.json");

/// Significant digits required to agree. Every figure agreed to 10 when this was
/// written; 8 leaves room for other platforms' floating point.
const DIGITS: i32 = 8;

fn table(file: &str) -> CaptureHistories {
    let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    CaptureHistories::from_csv(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn model(histories: &CaptureHistories, terms: &[Value]) -> Model {
    let index = |name: &str| histories.lists().iter().position(|l| l == name).unwrap();
    let pairs = terms.iter().map(|t| {
        let (a, b) = t.as_str().unwrap().split_once(':').unwrap();
        Pair::new(index(a), index(b)).unwrap()
    });
    Model::with_pairs(histories.list_count(), pairs)
}

fn assert_agrees(what: &str, ours: f64, reference: f64) {
    let relative = ((ours - reference) / reference).abs();
    assert!(
        relative < 10f64.powi(-DIGITS),
        "{what}: ours {ours}, statsmodels {reference} (relative difference {relative:e})"
    );
}

#[test]
fn every_reference_model_agrees_to_eight_significant_digits() {
    let reference: Value = serde_json::from_str(REFERENCE).unwrap();
    let models = reference["models"].as_array().unwrap();
    assert!(models.len() >= 12);
    for m in models {
        let histories = table(m["data"].as_str().unwrap());
        let terms = m["interactions"].as_array().unwrap();
        let name = format!("{} {:?}", m["data"], terms);
        let outcome = evaluate(&histories, &model(&histories, terms), 0.95);
        let fitted = outcome
            .fitted()
            .unwrap_or_else(|| panic!("{name} refused: {outcome:?}"));
        let expect = |key: &str| m[key].as_f64().unwrap();
        assert_agrees(&format!("{name} deviance"), fitted.deviance, expect("deviance"));
        assert_agrees(&format!("{name} AIC"), fitted.aic, expect("aic"));
        assert_agrees(&format!("{name} BIC"), fitted.bic, expect("bic"));
        assert_agrees(&format!("{name} unseen"), fitted.unseen, expect("unseen"));
        assert_agrees(&format!("{name} total"), fitted.total, expect("total"));
        assert_agrees(&format!("{name} lower"), fitted.interval.lower, expect("profile_lower"));
        assert_agrees(
            &format!("{name} upper"),
            fitted.interval.upper.unwrap(),
            expect("profile_upper"),
        );
    }
}
