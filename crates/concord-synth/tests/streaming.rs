//! Cases stream: each is generated when the iterator reaches it, so asking for more cases
//! than could ever be held costs nothing until they are taken.

use chrono::NaiveDate;
use concord_synth::{agencies, case, cases, Config};

#[test]
fn cases_are_generated_only_as_they_are_taken() {
    let today = NaiveDate::from_ymd_opt(2025, 6, 1).expect("a date");
    let config = Config::new(6, today);
    let agency = &agencies(3)[1];
    let taken: Vec<_> = cases(&config, agency, usize::MAX).skip(1_000).take(3).collect();
    assert_eq!(taken.len(), 3);
    assert_eq!(taken[2], case(&config, agency, 1_002));
}
