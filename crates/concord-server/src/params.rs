//! Query parameters: each one known to the endpoint, given at most once, and parsed
//! with the same types (and the same error wording) as the records themselves.
//!
//! An empty value (`status=`) means "not given", which is what an HTML form sends for a
//! select left on "any". Unknown parameters are refused rather than ignored, so that a
//! misspelt filter never silently lists everything; their values are never repeated in
//! the answer.

use std::str::FromStr;

use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use chrono::NaiveDate;
use concord_core::{Country, Picklist};
use concord_node::store::Page;

use crate::error::ApiError;

/// Items per page when `per_page` is not given.
pub const DEFAULT_PER_PAGE: u32 = 50;

/// The name and value pairs of a query string, as the `Query` extractor decoded them.
pub(crate) fn query_pairs(
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Vec<(String, String)>, ApiError> {
    query
        .map(|Query(pairs)| pairs)
        .map_err(|e| ApiError::BadQuery(e.body_text()))
}

/// The query parameters of one request, checked against what the endpoint accepts.
#[derive(Debug)]
pub(crate) struct Params {
    pairs: Vec<(&'static str, String)>,
}

impl Params {
    /// Checks `pairs` (as decoded from the query string) against `allowed`.
    pub(crate) fn new(pairs: Vec<(String, String)>, allowed: &'static [&'static str]) -> Result<Self, ApiError> {
        let mut checked: Vec<(&'static str, String)> = Vec::with_capacity(pairs.len());
        for (name, value) in pairs {
            let Some(known) = allowed.iter().copied().find(|a| *a == name) else {
                return Err(ApiError::UnknownParameter {
                    parameter: name,
                    allowed,
                });
            };
            if checked.iter().any(|(n, _)| *n == known) {
                return Err(ApiError::RepeatedParameter(name));
            }
            checked.push((known, value));
        }
        Ok(Self { pairs: checked })
    }

    /// The raw value of `name`, if given and not empty.
    fn raw(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// A free-text value, trimmed, if given and not empty.
    pub(crate) fn text(&self, name: &str) -> Option<String> {
        self.raw(name).map(str::to_owned)
    }

    /// A value parsed with `FromStr`; the parse error's message says what was expected.
    pub(crate) fn parsed<T: FromStr>(&self, name: &str) -> Result<Option<T>, ApiError>
    where
        T::Err: std::fmt::Display,
    {
        self.raw(name)
            .map(|v| v.parse().map_err(|e| ApiError::bad_parameter(name, v, &e)))
            .transpose()
    }

    /// A picklist value by its system name.
    pub(crate) fn picklist<P: Picklist>(&self, name: &str) -> Result<Option<P>, ApiError> {
        self.raw(name)
            .map(|v| P::parse(v).map_err(|e| ApiError::bad_parameter(name, v, &e)))
            .transpose()
    }

    /// An ISO 3166-1 alpha-2 country code.
    pub(crate) fn country(&self, name: &str) -> Result<Option<Country>, ApiError> {
        self.raw(name)
            .map(|v| {
                v.parse::<Country>().map_err(|_| ApiError::BadParameter {
                    parameter: name.to_string(),
                    value: v.to_string(),
                    expected: "an ISO 3166-1 alpha-2 country code (two letters, e.g. UA, SY, KR)".into(),
                })
            })
            .transpose()
    }

    /// A calendar date, `YYYY-MM-DD`.
    pub(crate) fn date(&self, name: &str) -> Result<Option<NaiveDate>, ApiError> {
        self.raw(name)
            .map(|v| {
                NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| ApiError::BadParameter {
                    parameter: name.to_string(),
                    value: v.to_string(),
                    expected: "a date written YYYY-MM-DD, e.g. 2024-01-31".into(),
                })
            })
            .transpose()
    }

    /// `page` and `per_page`: whole numbers from 1, `per_page` at most [`Page::MAX_SIZE`].
    pub(crate) fn page(&self) -> Result<Page, ApiError> {
        let number = self.number_in("page", 1, u32::MAX)?.unwrap_or(1);
        let size = self
            .number_in("per_page", 1, Page::MAX_SIZE)?
            .unwrap_or(DEFAULT_PER_PAGE);
        Ok(Page::new(number, size))
    }

    pub(crate) fn number_in(&self, name: &str, min: u32, max: u32) -> Result<Option<u32>, ApiError> {
        let bad = |v: &str| ApiError::BadParameter {
            parameter: name.to_string(),
            value: v.to_string(),
            expected: format!("a whole number from {min} to {max}"),
        };
        self.parsed::<u32>(name)
            .map_err(|_| bad(self.raw(name).unwrap_or_default()))?
            .map(|n| {
                if (min..=max).contains(&n) {
                    Ok(n)
                } else {
                    Err(bad(&n.to_string()))
                }
            })
            .transpose()
    }
}

/// Checks that a date range is not upside down.
pub(crate) fn check_range(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    from_name: &str,
    to_name: &str,
) -> Result<(), ApiError> {
    match (from, to) {
        (Some(from), Some(to)) if to < from => Err(ApiError::BadParameter {
            parameter: to_name.to_string(),
            value: to.to_string(),
            expected: format!("a date on or after `{from_name}` ({from})"),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use concord_core::vocabulary::CaseStatus;

    use super::*;

    const ALLOWED: &[&str] = &["page", "per_page", "status"];

    fn params(pairs: &[(&str, &str)]) -> Result<Params, ApiError> {
        Params::new(
            pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            ALLOWED,
        )
    }

    #[test]
    fn an_empty_value_means_not_given() {
        let p = params(&[("status", ""), ("page", " ")]).unwrap();
        assert_eq!(p.picklist::<CaseStatus>("status").unwrap(), None);
        assert_eq!(p.page().unwrap(), Page::new(1, DEFAULT_PER_PAGE));
    }

    #[test]
    fn page_numbers_out_of_range_are_refused_not_clamped() {
        for (name, value) in [
            ("page", "0"),
            ("per_page", "0"),
            ("per_page", "501"),
            ("page", "-1"),
            ("page", "x"),
        ] {
            let err = params(&[(name, value)]).unwrap().page().unwrap_err();
            assert_eq!(err.code(), "bad_parameter", "{name}={value}");
        }
        assert_eq!(
            params(&[("page", "3"), ("per_page", "500")]).unwrap().page().unwrap(),
            Page::new(3, 500)
        );
    }

    #[test]
    fn unknown_and_repeated_parameters_are_refused() {
        assert_eq!(params(&[("name", "x")]).unwrap_err().code(), "unknown_parameter");
        assert_eq!(
            params(&[("page", "1"), ("page", "2")]).unwrap_err().code(),
            "repeated_parameter"
        );
    }
}
