//! Cases stream: a large number can be generated without holding them.

use chrono::NaiveDate;
use concord_synth::{agencies, cases, Config};

#[test]
fn two_hundred_thousand_cases_stream_one_at_a_time() {
    let today = NaiveDate::from_ymd_opt(2025, 6, 1).expect("a date");
    let config = Config::new(6, today);
    let agency = &agencies(3)[1];
    let started = std::time::Instant::now();
    let mut persons = 0;
    let count = cases(&config, agency, 200_000)
        .inspect(|c| persons += c.case.persons.len())
        .count();
    assert_eq!(count, 200_000);
    assert!(persons > count);
    eprintln!("200000 cases in {:?}", started.elapsed());
}
