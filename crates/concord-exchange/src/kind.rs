//! What a message is ([`Kind`]), which category of data it carries ([`Category`]), and
//! how its recipient may pass it on ([`Handling`]).
//!
//! Kinds and handling labels travel as one-byte codes in the envelope header, so that a
//! node can route, refuse or audit a message before opening it. Codes are never reused:
//! a retired kind keeps its number.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A name that is not on one of this module's lists.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not a known {list}; expected one of: {expected}")]
pub struct UnknownName {
    /// The list, e.g. "message kind".
    pub list: &'static str,
    /// The text given.
    pub value: String,
    /// The accepted names.
    pub expected: &'static str,
}

/// The kind of a message, which says how to read its payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Acknowledges messages received: a protocol message, not data.
    Receipt = 1,
    /// A short text from one organisation to another.
    Notice = 2,
    /// A case without identifying data, for analysis.
    CaseSummary = 3,
    /// A request for mutual assistance.
    Request = 4,
    /// A step in a request's workflow (acknowledged, declined, withdrawn…).
    RequestUpdate = 5,
    /// The network's linkage key and schema of one epoch, from the coordinating node.
    LinkageKey = 6,
    /// Encodings of persons for hit/no-hit matching, under opaque references.
    Encodings = 7,
    /// Hits found between the recipient's encodings and the sender's persons.
    Hits = 8,
    /// An alert broadcast to partners, or a later revision of it (updated, cancelled).
    Alert = 9,
    /// A partner's acknowledgement of an alert, sent back to its issuer.
    AlertAck = 10,
}

impl Kind {
    /// Every kind, by code.
    pub const ALL: [Kind; 10] = [
        Kind::Receipt,
        Kind::Notice,
        Kind::CaseSummary,
        Kind::Request,
        Kind::RequestUpdate,
        Kind::LinkageKey,
        Kind::Encodings,
        Kind::Hits,
        Kind::Alert,
        Kind::AlertAck,
    ];

    /// The header code.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The kind of a header code.
    pub fn from_code(code: u8) -> Option<Kind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The data category a sharing agreement must allow for this kind to go out; `None`
    /// for a receipt, which acknowledges what the partner sent and carries no data.
    pub fn category(self) -> Option<Category> {
        match self {
            Kind::Receipt => None,
            Kind::Notice => Some(Category::Notices),
            Kind::CaseSummary => Some(Category::CaseSummaries),
            Kind::Request | Kind::RequestUpdate => Some(Category::Requests),
            Kind::LinkageKey | Kind::Encodings | Kind::Hits => Some(Category::Encodings),
            Kind::Alert | Kind::AlertAck => Some(Category::Alerts),
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Kind::Receipt => "receipt",
            Kind::Notice => "notice",
            Kind::CaseSummary => "case-summary",
            Kind::Request => "request",
            Kind::RequestUpdate => "request-update",
            Kind::LinkageKey => "linkage-key",
            Kind::Encodings => "encodings",
            Kind::Hits => "hits",
            Kind::Alert => "alert",
            Kind::AlertAck => "alert-ack",
        }
    }
}

/// A category of data that a sharing agreement allows to go to a partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// Notices: short texts between organisations.
    Notices,
    /// Case summaries without identifying data.
    CaseSummaries,
    /// Requests for mutual assistance and their workflow.
    Requests,
    /// Hit/no-hit matching: the linkage key, encodings of persons, and the hits found.
    /// One category, because each is useless without the others: a partner that may
    /// receive encodings needs the key to match them and answers with hits.
    Encodings,
    /// Alerts, their revisions and their acknowledgements.
    Alerts,
}

impl Category {
    /// Every category.
    pub const ALL: [Category; 5] = [
        Category::Notices,
        Category::CaseSummaries,
        Category::Requests,
        Category::Encodings,
        Category::Alerts,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Category::Notices => "notices",
            Category::CaseSummaries => "case-summaries",
            Category::Requests => "requests",
            Category::Encodings => "encodings",
            Category::Alerts => "alerts",
        }
    }
}

/// How the recipient may share a message further: the Traffic Light Protocol 2.0 labels
/// of FIRST (<https://www.first.org/tlp/>), which police, CERTs and NGOs already know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Handling {
    /// No limit on disclosure.
    Clear = 0,
    /// Within the recipient's community, not publicly.
    Green = 1,
    /// Within the recipient's organisation and its clients, on a need-to-know basis. The
    /// default: what partners exchange about cases is rarely for wider eyes.
    #[default]
    Amber = 2,
    /// Within the recipient's organisation only.
    AmberStrict = 3,
    /// To the named recipients only.
    Red = 4,
}

impl Handling {
    /// Every label, from least to most restricted.
    pub const ALL: [Handling; 5] = [
        Handling::Clear,
        Handling::Green,
        Handling::Amber,
        Handling::AmberStrict,
        Handling::Red,
    ];

    /// The header code.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The label of a header code.
    pub fn from_code(code: u8) -> Option<Handling> {
        Self::ALL.into_iter().find(|h| h.code() == code)
    }

    fn as_str(self) -> &'static str {
        match self {
            Handling::Clear => "TLP:CLEAR",
            Handling::Green => "TLP:GREEN",
            Handling::Amber => "TLP:AMBER",
            Handling::AmberStrict => "TLP:AMBER+STRICT",
            Handling::Red => "TLP:RED",
        }
    }
}

/// Display, FromStr and serde as the names returned by `as_str`.
macro_rules! named {
    ($type:ident, $list:literal, $expected:literal, |$s:ident| $parse:expr) => {
        impl fmt::Display for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $type {
            type Err = UnknownName;

            fn from_str($s: &str) -> Result<Self, Self::Err> {
                $parse.ok_or_else(|| UnknownName {
                    list: $list,
                    value: $s.to_string(),
                    expected: $expected,
                })
            }
        }

        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

named!(
    Kind,
    "message kind",
    "receipt, notice, case-summary, request, request-update, linkage-key, encodings, hits, alert, alert-ack",
    |s| { Kind::ALL.into_iter().find(|k| k.as_str() == s.trim()) }
);
named!(
    Category,
    "data category",
    "notices, case-summaries, requests, encodings, alerts",
    |s| { Category::ALL.into_iter().find(|c| c.as_str() == s.trim()) }
);
named!(
    Handling,
    "handling label",
    "TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED",
    |s| {
        // People write labels as they say them: "amber", "tlp:red", "amber-strict".
        let upper = s.trim().to_ascii_uppercase().replace("AMBER-STRICT", "AMBER+STRICT");
        let label = upper.strip_prefix("TLP:").unwrap_or(&upper);
        Handling::ALL.into_iter().find(|h| &h.as_str()[4..] == label)
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_code(kind.code()), Some(kind));
            assert_eq!(kind.to_string().parse(), Ok(kind));
            assert_eq!(
                serde_json::from_value::<Kind>(serde_json::to_value(kind).unwrap()).unwrap(),
                kind
            );
        }
        for handling in Handling::ALL {
            assert_eq!(Handling::from_code(handling.code()), Some(handling));
            assert_eq!(handling.to_string().parse(), Ok(handling));
        }
        for category in Category::ALL {
            assert_eq!(category.to_string().parse(), Ok(category));
            let json = serde_json::to_string(&category).unwrap();
            assert_eq!(json, format!("\"{category}\""));
            assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), category);
        }
        assert_eq!(
            (Kind::from_code(0), Kind::from_code(11), Handling::from_code(5)),
            (None, None, None)
        );
    }

    #[test]
    fn the_codes_are_those_of_the_protocol_document() {
        let kinds: Vec<(u8, String)> = Kind::ALL.iter().map(|k| (k.code(), k.to_string())).collect();
        assert_eq!(
            kinds,
            [
                (1, "receipt".into()),
                (2, "notice".into()),
                (3, "case-summary".into()),
                (4, "request".into()),
                (5, "request-update".into()),
                (6, "linkage-key".into()),
                (7, "encodings".into()),
                (8, "hits".into()),
                (9, "alert".into()),
                (10, "alert-ack".into())
            ]
        );
        assert_eq!(Handling::default(), Handling::Amber);
        assert_eq!(Handling::AmberStrict.to_string(), "TLP:AMBER+STRICT");
        assert_eq!(Handling::Red.code(), 4);
    }

    #[test]
    fn handling_labels_parse_as_people_write_them() {
        for (text, handling) in [
            ("TLP:CLEAR", Handling::Clear),
            ("green", Handling::Green),
            ("amber", Handling::Amber),
            ("tlp:amber", Handling::Amber),
            ("amber+strict", Handling::AmberStrict),
            ("amber-strict", Handling::AmberStrict),
            (" TLP:AMBER-STRICT ", Handling::AmberStrict),
            ("Red", Handling::Red),
        ] {
            assert_eq!(text.parse(), Ok(handling), "{text}");
        }
        let err = "white".parse::<Handling>().unwrap_err();
        assert!(
            err.to_string().contains("`white` is not a known handling label"),
            "{err}"
        );
        assert!("TLP:".parse::<Handling>().is_err());
    }

    #[test]
    fn only_receipts_need_no_category() {
        assert_eq!(Kind::Receipt.category(), None);
        assert_eq!(Kind::Notice.category(), Some(Category::Notices));
        assert_eq!(Kind::CaseSummary.category(), Some(Category::CaseSummaries));
        assert_eq!(Kind::Alert.category(), Some(Category::Alerts));
        assert_eq!(Kind::AlertAck.category(), Some(Category::Alerts));
        assert!("Notice".parse::<Kind>().is_err());
    }
}
