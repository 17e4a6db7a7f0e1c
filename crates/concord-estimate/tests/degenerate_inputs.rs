//! Inputs that cannot give a trustworthy number give a clear error or a refusal with its
//! reason, never a silent number.

use concord_estimate::existence::Refusal;
use concord_estimate::{estimate, CaptureHistories, EstimateError, HistoryError, Options};

fn table(csv: &str) -> CaptureHistories {
    CaptureHistories::from_csv(csv).unwrap()
}

#[test]
fn a_single_list_is_an_error() {
    let e = CaptureHistories::from_csv("A,count\n1,40\n").unwrap_err();
    assert_eq!(e, HistoryError::ListCount { found: 1 });
    assert!(e.to_string().contains("expected at least 2"), "{e}");
}

#[test]
fn negative_and_non_integer_counts_are_errors_naming_line_and_column() {
    for (count, shown) in [("-3", "`-3`"), ("2.5", "`2.5`"), ("many", "`many`")] {
        let e = CaptureHistories::from_csv(&format!("A,B,count\n1,0,4\n1,1,{count}\n")).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("line 3, column 3: expected a whole number of persons, 0 or more, found {shown}")
        );
    }
}

#[test]
fn malformed_rows_are_errors_saying_what_was_expected() {
    let e = CaptureHistories::from_csv("A,B,count\n1,0\n").unwrap_err();
    assert!(e.to_string().starts_with("line 2: expected 3 fields"), "{e}");
    let e = CaptureHistories::from_csv("A,B,count\n0,0,5\n").unwrap_err();
    assert!(
        e.to_string().contains("the persons on no list are what is estimated"),
        "{e}"
    );
    let e = CaptureHistories::from_csv("A,A,count\n1,0,5\n").unwrap_err();
    assert_eq!(e, HistoryError::DuplicateList("A".into()));
    let e = CaptureHistories::from_csv("A,B,count\n1,0,5\n").unwrap_err();
    assert_eq!(e, HistoryError::EmptyList("B".into()));
}

#[test]
fn lists_that_share_nobody_at_all_are_an_error() {
    let e = estimate(&table("A,B,count\n1,0,40\n0,1,30\n"), &Options::default()).unwrap_err();
    assert_eq!(e, EstimateError::NoOverlap);
}

#[test]
fn a_list_with_no_overlap_with_any_other_is_an_error_naming_it() {
    let csv = "A,B,C,count\n1,0,0,40\n0,1,0,30\n1,1,0,10\n0,0,1,25\n";
    let e = estimate(&table(csv), &Options::default()).unwrap_err();
    assert_eq!(e, EstimateError::IsolatedList("C".into()));
    assert!(e.to_string().contains("list C shares no person with any other list"));
}

#[test]
fn everyone_on_every_list_is_a_refusal_with_its_reason() {
    let e = estimate(&table("A,B,C,count\n1,1,1,50\n"), &Options::default()).unwrap_err();
    assert!(matches!(e, EstimateError::MainEffects(Refusal::Boundary)), "{e:?}");
    assert!(e.to_string().contains("does not exist"), "{e}");
}

#[test]
fn a_zero_cell_is_fitted_as_an_observed_zero() {
    // Korea: nobody is on lists c and d only.
    let path = format!("{}/tests/data/korea_3lists.csv", env!("CARGO_MANIFEST_DIR"));
    let korea = table(&std::fs::read_to_string(path).unwrap());
    let result = estimate(&korea, &Options::default()).unwrap();
    assert!(result.chosen().total > korea.observed() as f64);
}

#[test]
fn two_lists_give_the_lincoln_petersen_estimate() {
    // 100 on A, 60 on B, 20 on both: N = 100 × 60 / 20 = 300.
    let result = estimate(&table("A,B,count\n1,0,80\n0,1,40\n1,1,20\n"), &Options::default()).unwrap();
    let chosen = result.chosen();
    assert!((chosen.total - 300.0).abs() < 1e-6, "{}", chosen.total);
    assert!(chosen.interval.lower < 300.0 && chosen.interval.upper.unwrap() > 300.0);
    assert!(result.warnings[0].contains("independence cannot be tested"));
}

#[test]
fn sparse_overlaps_and_small_lists_are_warned_about() {
    let csv = "A,B,C,count\n1,0,0,40\n0,1,0,30\n0,0,1,5\n1,1,0,3\n1,0,1,1\n";
    let result = estimate(&table(csv), &Options::default()).unwrap();
    let warnings = result.warnings.join("\n");
    assert!(warnings.contains("list C has only 6 person(s)"), "{warnings}");
    assert!(warnings.contains("too sparse"), "{warnings}");
    assert!(warnings.contains("share no person: B:C"), "{warnings}");
}
