//! Countries as ISO 3166-1 alpha-2 codes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A country, always a valid ISO 3166-1 alpha-2 code (`UA`, `SY`, `KR`), or `XK` for
/// Kosovo: not in ISO 3166-1, but the code the EU, IOM and UN agencies use, and a country
/// of origin in the Balkan trafficking routes Concord's users work on.
///
/// Parsing accepts lower case and surrounding spaces, and writes upper case, so that
/// `ua` and `UA` never become two countries in statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country(&'static str);

const KOSOVO: &str = "XK";

/// Every accepted code, sorted: parsing a country is a binary search, not the linear
/// scan of `isocountry` (a large import parses several countries per row).
static CODES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let mut codes: Vec<&'static str> = isocountry::CountryCode::iter()
        .map(|c| c.alpha2())
        .chain(std::iter::once(KOSOVO))
        .collect();
    codes.sort_unstable();
    codes
});

/// A country code that is not in ISO 3166-1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an ISO 3166-1 alpha-2 country code (two letters, e.g. UA, SY, KR)")]
pub struct UnknownCountry(pub String);

impl Country {
    /// The two-letter code.
    pub fn code(self) -> &'static str {
        self.0
    }

    /// The English short name.
    pub fn name(self) -> &'static str {
        match isocountry::CountryCode::for_alpha2(self.0) {
            Ok(code) => code.name(),
            Err(_) => "Kosovo",
        }
    }
}

impl FromStr for Country {
    type Err = UnknownCountry;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let code = s.trim().to_ascii_uppercase();
        if code.len() != 2 {
            return Err(UnknownCountry(s.to_string()));
        }
        let codes = &*CODES;
        codes
            .binary_search(&code.as_str())
            .map(|i| Country(codes[i]))
            .map_err(|_| UnknownCountry(s.to_string()))
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_case_insensitive_and_written_upper_case() {
        let ua: Country = " ua ".parse().unwrap();
        assert_eq!(ua.code(), "UA");
        assert_eq!(ua.to_string(), "UA");
        assert_eq!(ua.name(), "Ukraine");
    }

    #[test]
    fn kosovo_is_accepted_as_xk() {
        let xk: Country = "xk".parse().unwrap();
        assert_eq!((xk.code(), xk.name()), ("XK", "Kosovo"));
    }

    #[test]
    fn unknown_and_alpha3_codes_are_rejected() {
        for bad in ["XX", "UKR", "U", "", "1A"] {
            assert!(bad.parse::<Country>().is_err(), "{bad} accepted");
        }
    }
}
