//! Persons linked to a case, and the identity attributes that make them findable.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::country::Country;
use crate::date::PartialDate;
use crate::ids::PersonId;
use crate::validation::{short_text_problem, Checker, FieldError};

/// Longest name part accepted, in characters.
pub const MAX_NAME_CHARS: usize = 100;
use crate::vocabulary::{DocumentKind, Gender, PersonRole};

/// A person in a case: a victim, a presumed victim, a suspect, a missing person or a
/// witness.
///
/// `names`, `birth_date`, `documents` and `phones` identify the person and are sealed at
/// rest; the other attributes feed statistics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The node's reference for this person.
    pub id: PersonId,
    /// The part the person plays in the case.
    pub role: PersonRole,
    /// Every name the person is known by, the first being the main one.
    pub names: Vec<PersonName>,
    /// Gender (HTCDS `prs_Gender`).
    #[serde(default = "unknown_gender")]
    pub gender: Gender,
    /// Date of birth, as precisely as it is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<PartialDate>,
    /// Citizenships (HTCDS `prs_Citizenship`, multi-valued).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub citizenships: BTreeSet<Country>,
    /// Country of birth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_of_birth: Option<Country>,
    /// Identity documents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<IdentityDocument>,
    /// Phone numbers in E.164 form.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<PhoneNumber>,
}

fn unknown_gender() -> Gender {
    Gender::NonSpecifiedUnknown
}

/// One name of a person, in the script it was written in, with an optional romanised
/// form as it appears in documents (`Олександр Коваленко` / `Oleksandr Kovalenko`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonName {
    /// Given name(s), in the original script.
    #[serde(default)]
    pub given: String,
    /// Family name(s), in the original script.
    #[serde(default)]
    pub family: String,
    /// The romanised form, where one is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub romanised: Option<RomanisedName>,
}

/// A name written in Latin letters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RomanisedName {
    /// Given name(s).
    #[serde(default)]
    pub given: String,
    /// Family name(s).
    #[serde(default)]
    pub family: String,
}

/// An identity document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityDocument {
    /// What kind of document.
    pub kind: DocumentKind,
    /// The country that issued it.
    pub issuing_country: Country,
    /// Its number.
    pub number: DocumentNumber,
}

/// A document number, stored in canonical form: upper case, without spaces or hyphens,
/// so that `fx 123-456` and `FX123456` are one number for exact lookups.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocumentNumber(String);

/// A document number that is not well formed. The value is deliberately not kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a document number; expected 1 to 32 letters A-Z and digits (spaces and hyphens are ignored)")]
pub struct InvalidDocumentNumber;

impl DocumentNumber {
    /// The canonical number.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for DocumentNumber {
    type Err = InvalidDocumentNumber;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let canonical: String = s
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let ok = (1..=32).contains(&canonical.len()) && canonical.bytes().all(|b| b.is_ascii_alphanumeric());
        ok.then_some(Self(canonical)).ok_or(InvalidDocumentNumber)
    }
}

/// A phone number in ITU E.164 form (`+380501234567`), as HTCDS asks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PhoneNumber(String);

/// A phone number that is not E.164. The value is deliberately not kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a phone number; expected E.164: `+`, country code, 2 to 15 digits in all (spaces, dots, hyphens and brackets are ignored)")]
pub struct InvalidPhoneNumber;

impl PhoneNumber {
    /// The number as `+` and digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for PhoneNumber {
    type Err = InvalidPhoneNumber;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let compact: String = s
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
            .collect();
        let digits = compact.strip_prefix('+').ok_or(InvalidPhoneNumber)?;
        let ok =
            (2..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0');
        ok.then_some(Self(compact)).ok_or(InvalidPhoneNumber)
    }
}

macro_rules! string_serde {
    ($name:ident) => {
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
string_serde!(DocumentNumber);
string_serde!(PhoneNumber);

impl PersonName {
    fn problems(&self) -> Vec<FieldError> {
        let mut c = Checker::default();
        c.check(!(self.given.is_empty() && self.family.is_empty()), || {
            FieldError::redacted("given", "a given name or a family name (or both)")
        });
        let romanised = self
            .romanised
            .iter()
            .flat_map(|r| [("romanised.given", &r.given), ("romanised.family", &r.family)]);
        for (field, part) in [("given", &self.given), ("family", &self.family)]
            .into_iter()
            .chain(romanised)
        {
            if let Some(problem) = short_text_problem(part, MAX_NAME_CHARS) {
                c.push(FieldError::redacted(field, problem));
            }
        }
        c.into_errors()
    }
}

impl Person {
    /// Checks rules that the types alone cannot: at least one name, plausible dates,
    /// no repeated document. `registered_on` is the case's registration date.
    pub fn problems(&self, registered_on: NaiveDate) -> Vec<FieldError> {
        let mut c = Checker::default();
        c.check(!self.names.is_empty(), || {
            FieldError::redacted(
                "names",
                "at least one name (write what is known, e.g. a family name only)",
            )
        });
        for (i, name) in self.names.iter().enumerate() {
            c.extend_within(&format!("names[{i}]"), name.problems());
        }
        if let Some(birth) = self.birth_date {
            c.check(birth.earliest() <= registered_on, || {
                FieldError::redacted(
                    "birth_date",
                    "a date of birth on or before the case's registration date",
                )
            });
            c.check(birth.latest().year() >= 1900, || {
                FieldError::redacted("birth_date", "a date of birth after 1900")
            });
        }
        let mut seen = BTreeSet::new();
        for (i, doc) in self.documents.iter().enumerate() {
            c.check(seen.insert((doc.kind, doc.issuing_country, &doc.number)), || {
                FieldError::redacted(format!("documents[{i}]"), "each document once")
            });
        }
        let phones: BTreeSet<_> = self.phones.iter().collect();
        c.check(phones.len() == self.phones.len(), || {
            FieldError::redacted("phones", "each phone number once")
        });
        c.into_errors()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_numbers_are_canonical() {
        let n: DocumentNumber = " fx 123-456 ".parse().unwrap();
        assert_eq!(n.as_str(), "FX123456");
        assert!("".parse::<DocumentNumber>().is_err());
        assert!("FX/12".parse::<DocumentNumber>().is_err());
    }

    #[test]
    fn phone_numbers_must_be_e164() {
        assert_eq!(
            "+380 (50) 123-45-67".parse::<PhoneNumber>().unwrap().as_str(),
            "+380501234567"
        );
        for bad in ["0501234567", "+0123", "+1", "+1234567890123456", "+38050abc"] {
            assert!(bad.parse::<PhoneNumber>().is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn errors_about_identifying_fields_never_repeat_the_value() {
        let err = "+38050abc".parse::<PhoneNumber>().unwrap_err().to_string();
        assert!(!err.contains("38050"));
    }
}
