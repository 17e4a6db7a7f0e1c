//! Age groups for statistics.

use chrono::NaiveDate;
use serde::Serialize;

use crate::date::PartialDate;

/// The age bands of the CTDC global dataset (`ageBroad`), so that Concord's statistics
/// line up with published figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum AgeBand {
    /// 0 to 8 years.
    #[serde(rename = "0-8")]
    UpTo8,
    /// 9 to 17 years.
    #[serde(rename = "9-17")]
    From9To17,
    /// 18 to 20 years.
    #[serde(rename = "18-20")]
    From18To20,
    /// 21 to 23 years.
    #[serde(rename = "21-23")]
    From21To23,
    /// 24 to 26 years.
    #[serde(rename = "24-26")]
    From24To26,
    /// 27 to 29 years.
    #[serde(rename = "27-29")]
    From27To29,
    /// 30 to 38 years.
    #[serde(rename = "30-38")]
    From30To38,
    /// 39 to 47 years.
    #[serde(rename = "39-47")]
    From39To47,
    /// 48 years and over.
    #[serde(rename = "48+")]
    From48,
}

impl AgeBand {
    /// Every band, youngest first.
    pub const ALL: [AgeBand; 9] = [
        Self::UpTo8,
        Self::From9To17,
        Self::From18To20,
        Self::From21To23,
        Self::From24To26,
        Self::From27To29,
        Self::From30To38,
        Self::From39To47,
        Self::From48,
    ];

    /// The band of an age in years.
    pub fn of_age(age: u32) -> Self {
        match age {
            0..=8 => Self::UpTo8,
            9..=17 => Self::From9To17,
            18..=20 => Self::From18To20,
            21..=23 => Self::From21To23,
            24..=26 => Self::From24To26,
            27..=29 => Self::From27To29,
            30..=38 => Self::From30To38,
            39..=47 => Self::From39To47,
            _ => Self::From48,
        }
    }

    /// The band of a person born on `birth` at date `on` (the middle of an imprecise
    /// birth date is used).
    pub fn at(birth: PartialDate, on: NaiveDate) -> Option<Self> {
        birth.age_on(on).map(Self::of_age)
    }

    /// The band as written in tables ("18-20").
    pub fn as_str(self) -> &'static str {
        [
            "0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+",
        ][self as usize]
    }

    /// Parses a band as written by [`AgeBand::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_edges_follow_ctdc() {
        assert_eq!(AgeBand::of_age(17), AgeBand::From9To17);
        assert_eq!(AgeBand::of_age(18), AgeBand::From18To20);
        assert_eq!(AgeBand::of_age(48), AgeBand::From48);
        for band in AgeBand::ALL {
            assert_eq!(AgeBand::parse(band.as_str()), Some(band));
        }
    }
}
