//! Identifiers of records held by a node.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An identifier that is not well formed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{value}` is not a valid {kind}; expected 1 to 64 characters: letters A-Z a-z, digits, and . _ - / (not first)"
)]
pub struct InvalidId {
    /// What kind of identifier was expected.
    pub kind: &'static str,
    /// The value given.
    pub value: String,
}

fn is_valid_id(s: &str) -> bool {
    let mut bytes = s.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphanumeric())
        && s.len() <= 64
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'/'))
}

macro_rules! record_id {
    ($(#[$meta:meta])* $name:ident, $kind:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = InvalidId;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let t = s.trim();
                if is_valid_id(t) {
                    Ok(Self(t.to_string()))
                } else {
                    Err(InvalidId { kind: $kind, value: s.to_string() })
                }
            }
        }

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

record_id! {
    /// A case's reference, unique within the node that holds it (`UA-NPU-2024-000123`).
    /// It is the organisation's own file number, so it is kept as given.
    CaseId, "case ID"
}

record_id! {
    /// A person's reference within a node. Opaque: it never encodes a name or a date.
    PersonId, "person ID"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_accept_file_numbers_and_reject_what_would_break_files_and_urls() {
        assert!("UA-NPU-2024/000123".parse::<CaseId>().is_ok());
        assert_eq!(" P1 ".parse::<PersonId>().unwrap().as_str(), "P1");
        for bad in ["", "-x", "a b", "a;b", "a?b", "é1", &"x".repeat(65)] {
            assert!(bad.parse::<CaseId>().is_err(), "{bad} accepted");
        }
    }
}
