//! The parameters of a synthetic network.

use chrono::{Days, NaiveDate};

/// Parameters that, with the agencies, fix every generated record.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The seed: the same seed and parameters give byte-identical output.
    pub seed: u64,
    /// The day the data is generated "on": nothing is registered or happens after it.
    /// Fixed rather than read from the clock, so that output does not change by the day.
    pub today: NaiveDate,
    /// The share of victim and missing-person records whose individual is also recorded
    /// by another agency (0 to 1; default 0.3). Reached when agencies generate similar
    /// numbers of cases: an individual is shared through the same case number.
    pub shared_fraction: f64,
    /// Cases are registered over this many years before `today` (default 6).
    pub years: u32,
}

impl Config {
    /// The default parameters for a seed and a generation day.
    pub fn new(seed: u64, today: NaiveDate) -> Self {
        Self {
            seed,
            today,
            shared_fraction: 0.3,
            years: 6,
        }
    }

    /// The first day of the registration period (never before 1990).
    pub(crate) fn start(&self) -> NaiveDate {
        self.today
            .checked_sub_days(Days::new(u64::from(self.years) * 365))
            .map_or(earliest_date(), |d| d.max(earliest_date()))
    }
}

/// The earliest date a record may carry (concord-core refuses registrations before 1990).
pub(crate) fn earliest_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1990, 1, 1).expect("1990-01-01 is a date")
}
