//! Dates of birth as records really hold them: full, year and month, year only, or
//! approximate ("about 1990, give or take three years").

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date known to a precision of a day, a month, a year, or a span of years.
///
/// Written as `1990-05-17`, `1990-05`, `1990` or `1990±3` (`1990+-3` is accepted on
/// input). Every form denotes a closed range of days, which is what comparisons,
/// validation and linkage use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartialDate {
    /// A known day.
    Full(NaiveDate),
    /// A known month of a known year.
    YearMonth { year: i32, month: u32 },
    /// A known year.
    Year(i32),
    /// A year give or take some years (1 to 20).
    Approximate { year: i32, plus_minus: u8 },
}

/// Text that is not a date in any of the accepted forms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date; expected YYYY-MM-DD, YYYY-MM, YYYY or YYYY±N (N from 1 to 20)")]
pub struct InvalidDate(pub String);

impl PartialDate {
    /// The first day the date may denote.
    pub fn earliest(self) -> NaiveDate {
        match self {
            Self::Full(d) => d,
            Self::YearMonth { year, month } => ymd(year, month, 1),
            Self::Year(year) => ymd(year, 1, 1),
            Self::Approximate { year, plus_minus } => ymd(year - i32::from(plus_minus), 1, 1),
        }
    }

    /// The last day the date may denote.
    pub fn latest(self) -> NaiveDate {
        match self {
            Self::Full(d) => d,
            Self::YearMonth { year, month } => {
                let (y, m) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
                ymd(y, m, 1).pred_opt().expect("a day before the first of a month")
            }
            Self::Year(year) => ymd(year, 12, 31),
            Self::Approximate { year, plus_minus } => ymd(year + i32::from(plus_minus), 12, 31),
        }
    }

    /// The middle of the range: the best single guess, used for age groups.
    pub fn midpoint(self) -> NaiveDate {
        let (a, b) = (self.earliest(), self.latest());
        a + (b - a) / 2
    }

    /// Whether two dates may denote the same day.
    pub fn overlaps(self, other: PartialDate) -> bool {
        self.earliest() <= other.latest() && other.earliest() <= self.latest()
    }

    /// Age in whole years on `on`, taking the midpoint of an imprecise date.
    pub fn age_on(self, on: NaiveDate) -> Option<u32> {
        on.years_since(self.midpoint())
    }
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("validated at construction")
}

fn year_of(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| *y >= 1000)
}

impl FromStr for PartialDate {
    type Err = InvalidDate;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let bad = || InvalidDate(s.to_string());
        if let Some((y, n)) = t.split_once('±').or_else(|| t.split_once("+-")) {
            let year = year_of(y.trim()).ok_or_else(bad)?;
            let plus_minus: u8 = n.trim().parse().map_err(|_| bad())?;
            if !(1..=20).contains(&plus_minus) || NaiveDate::from_ymd_opt(year + 20, 1, 1).is_none() {
                return Err(bad());
            }
            return Ok(Self::Approximate { year, plus_minus });
        }
        match t.len() {
            4 => year_of(t).map(Self::Year).ok_or_else(bad),
            7 => {
                let (y, m) = t.split_once('-').ok_or_else(bad)?;
                let year = year_of(y).ok_or_else(bad)?;
                let month: u32 = m.parse().map_err(|_| bad())?;
                if m.len() != 2 || !(1..=12).contains(&month) {
                    return Err(bad());
                }
                Ok(Self::YearMonth { year, month })
            }
            10 => NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .ok()
                .filter(|d| d.year() >= 1000)
                .map(Self::Full)
                .ok_or_else(bad),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Full(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Self::YearMonth { year, month } => write!(f, "{year:04}-{month:02}"),
            Self::Year(year) => write!(f, "{year:04}"),
            Self::Approximate { year, plus_minus } => write!(f, "{year:04}±{plus_minus}"),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn every_form_denotes_a_range_of_days() {
        assert_eq!(d("1990-05-17").earliest(), d("1990-05-17").latest());
        assert_eq!(d("2000-02").latest(), NaiveDate::from_ymd_opt(2000, 2, 29).unwrap());
        assert_eq!(d("1990").earliest(), NaiveDate::from_ymd_opt(1990, 1, 1).unwrap());
        assert_eq!(d("1990±3").earliest(), NaiveDate::from_ymd_opt(1987, 1, 1).unwrap());
        assert_eq!(d("1990+-3").latest(), NaiveDate::from_ymd_opt(1993, 12, 31).unwrap());
    }

    #[test]
    fn partial_dates_overlap_what_they_are_compatible_with() {
        assert!(d("1990").overlaps(d("1990-05-17")));
        assert!(d("1990±3").overlaps(d("1992-12")));
        assert!(!d("1990-05").overlaps(d("1990-06-01")));
        assert!(!d("1985").overlaps(d("1990±3")));
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for bad in [
            "1990-02-30",
            "1990-13",
            "1990-00",
            "90",
            "1990±0",
            "1990±21",
            "abcd",
            "0999",
            "1990-5",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn age_uses_the_midpoint_of_an_imprecise_date() {
        let on = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        assert_eq!(d("2000-05-31").age_on(on), Some(24));
        assert_eq!(d("2000").age_on(on), Some(23), "2000 is taken as 2000-07-01");
        assert_eq!(d("2030").age_on(on), None);
    }

    proptest! {
        #[test]
        fn display_round_trips_through_parse(
            year in 1900i32..2100, month in 1u32..=12, day in 1u32..=28, pm in 1u8..=20, form in 0..4
        ) {
            let date = match form {
                0 => PartialDate::Full(NaiveDate::from_ymd_opt(year, month, day).unwrap()),
                1 => PartialDate::YearMonth { year, month },
                2 => PartialDate::Year(year),
                _ => PartialDate::Approximate { year, plus_minus: pm },
            };
            prop_assert_eq!(date.to_string().parse::<PartialDate>().unwrap(), date);
            prop_assert!(date.earliest() <= date.latest());
        }
    }
}
