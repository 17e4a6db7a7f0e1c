//! Every generated case passes concord-core's validation.

use chrono::NaiveDate;
use concord_synth::{agencies, cases, Config};

#[test]
fn thousands_of_cases_over_several_seeds_all_validate() {
    let today = NaiveDate::from_ymd_opt(2025, 6, 1).expect("a date");
    for seed in [1, 2, 3] {
        let config = Config::new(seed, today);
        for agency in &agencies(32) {
            for synthetic in cases(&config, agency, 150) {
                let case = &synthetic.case;
                if let Err(e) = case.validate(today) {
                    panic!("seed {seed}, case {}: {e}", case.id);
                }
                assert_eq!(synthetic.entities.len(), case.persons.len());
            }
        }
    }
}

#[test]
fn short_and_long_registration_periods_validate() {
    let today = NaiveDate::from_ymd_opt(2021, 1, 1).expect("a date");
    for years in [0, 1, 20, 40] {
        let config = Config {
            years,
            ..Config::new(11, today)
        };
        for agency in &agencies(6) {
            for synthetic in cases(&config, agency, 300) {
                let result = synthetic.case.validate(today);
                assert!(result.is_ok(), "{years} years: {result:?}");
            }
        }
    }
}
