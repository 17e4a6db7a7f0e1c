//! Identity documents and phone numbers in plausible per-country formats.

use concord_core::Country;
use rand::Rng;

use crate::random::{self, Stream};

/// Document number patterns per country: passport, then national ID (if the country
/// issues one people carry). `A` is a random letter, `9` a random digit, anything else is
/// written as is (hyphens are dropped by [`concord_core::DocumentNumber`]).
const DOCUMENT_FORMATS: &[(&str, &str, Option<&str>)] = &[
    ("UA", "AA999999", Some("999999999")),
    ("RU", "999999999", Some("9999999999")),
    ("KZ", "N99999999", Some("999999999")),
    ("KG", "AC9999999", Some("ID9999999")),
    ("BY", "AB9999999", Some("9999999A999AA9")),
    ("SY", "N999999999", Some("99999999999")),
    ("IQ", "A99999999", Some("999999999999")),
    ("SD", "P99999999", Some("99999999999")),
    ("LY", "AA999999", Some("119999999999")),
    ("YE", "99999999", Some("99999999999")),
    ("AF", "P99999999", Some("9999-9999-99999")),
    ("KR", "M99999999", Some("999999-9999999")),
    ("KP", "999999999", None),
    ("GE", "99AA99999", Some("99999999999")),
    ("AM", "AA9999999", Some("999999999")),
    ("GR", "AA9999999", Some("AA999999")),
    ("ET", "EP9999999", Some("9999999999999999")),
    ("ER", "99999999", None),
    ("MM", "MA999999", None),
    ("TH", "AA9999999", Some("9999999999999")),
    ("NP", "99999999", Some("99-99-99-99999")),
    ("PL", "AA9999999", Some("AAA999999")),
    ("RO", "99999999", Some("AA999999")),
    ("MD", "AB9999999", Some("2009999999999")),
    ("TR", "U99999999", Some("99999999999")),
    ("VN", "C9999999", Some("999999999999")),
    ("CZ", "99999999", Some("999999999")),
    ("AL", "BA9999999", Some("A99999999A")),
    ("RS", "999999999", Some("999999999")),
    ("HU", "AA9999999", Some("999999AA")),
    ("NG", "A99999999", Some("99999999999")),
    ("SO", "P99999999", None),
    ("CD", "OP9999999", None),
    ("SS", "R99999999", None),
    ("VE", "999999999", Some("V99999999")),
    ("CO", "AA999999", Some("9999999999")),
    ("HT", "AA9999999", Some("9999999999")),
    ("PH", "P9999999A", Some("9999-9999-9999-9999")),
];

/// Mobile numbering per country: calling code, leading digits of mobile numbers, and the
/// length of the national number.
const PHONE_FORMATS: &[(&str, &str, &[&str], usize)] = &[
    (
        "UA",
        "380",
        &["50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99"],
        9,
    ),
    ("RU", "7", &["91", "92", "95", "96", "98"], 10),
    ("KZ", "7", &["70", "74", "77"], 10),
    ("KG", "996", &["50", "55", "70", "77"], 9),
    ("BY", "375", &["25", "29", "33", "44"], 9),
    ("SY", "963", &["93", "94", "95", "99"], 9),
    ("IQ", "964", &["75", "77", "78", "79"], 10),
    ("SD", "249", &["91", "92", "12", "11"], 9),
    ("LY", "218", &["91", "92", "94"], 9),
    ("YE", "967", &["71", "73", "77"], 9),
    ("AF", "93", &["70", "72", "78", "79"], 9),
    ("KR", "82", &["10"], 10),
    ("KP", "850", &["191"], 10),
    ("GE", "995", &["55", "57", "59"], 9),
    ("AM", "374", &["77", "91", "93", "94"], 8),
    ("GR", "30", &["69"], 10),
    ("ET", "251", &["91", "92", "93", "70"], 9),
    ("ER", "291", &["7"], 7),
    ("MM", "95", &["94", "96", "97", "98"], 9),
    ("TH", "66", &["6", "8", "9"], 9),
    ("NP", "977", &["98", "97"], 10),
    ("PL", "48", &["5", "6", "7", "88"], 9),
    ("RO", "40", &["72", "74", "75", "76"], 9),
    ("MD", "373", &["60", "67", "68", "69", "78"], 8),
    ("TR", "90", &["53", "54", "55"], 10),
    ("VN", "84", &["3", "7", "8", "9"], 9),
    ("CZ", "420", &["60", "72", "73", "77"], 9),
    ("AL", "355", &["67", "68", "69"], 9),
    ("RS", "381", &["60", "61", "63", "64", "65"], 9),
    ("HU", "36", &["20", "30", "70"], 9),
    ("NG", "234", &["70", "80", "81", "90"], 10),
    ("SO", "252", &["61", "62", "90"], 9),
    ("CD", "243", &["81", "82", "84", "97", "99"], 9),
    ("SS", "211", &["91", "92", "95"], 9),
    ("VE", "58", &["412", "414", "416", "424"], 10),
    ("CO", "57", &["30", "31", "32"], 10),
    ("HT", "509", &["3", "4"], 8),
    ("PH", "63", &["91", "92", "93", "99"], 10),
];

/// The documents and phone an individual truly has.
#[derive(Debug, Clone, Default)]
pub(crate) struct Identifiers {
    pub(crate) passport: Option<String>,
    pub(crate) national_id: Option<String>,
    pub(crate) phone: Option<String>,
}

/// Draws the documents and phone of a citizen of `country`.
pub(crate) fn generate(rng: &mut Stream, country: Country) -> Identifiers {
    let code = country.code();
    let documents = DOCUMENT_FORMATS.iter().find(|(c, _, _)| *c == code);
    let has_passport = random::chance(rng, 0.6);
    let has_id = random::chance(rng, 0.55);
    let has_phone = random::chance(rng, 0.6);
    Identifiers {
        passport: documents.filter(|_| has_passport).map(|(_, p, _)| fill(rng, p)),
        national_id: documents
            .and_then(|(_, _, id)| *id)
            .filter(|_| has_id)
            .map(|p| fill(rng, p)),
        phone: PHONE_FORMATS
            .iter()
            .find(|(c, ..)| *c == code)
            .filter(|_| has_phone)
            .map(|(_, cc, prefixes, len)| phone(rng, cc, prefixes, *len)),
    }
}

/// Fills a pattern's `A`s with letters and `9`s with digits.
fn fill(rng: &mut Stream, pattern: &str) -> String {
    pattern
        .chars()
        .map(|c| match c {
            'A' => char::from(b'A' + rng.gen_range(0..26u8)),
            '9' => char::from(b'0' + rng.gen_range(0..10u8)),
            other => other,
        })
        .collect()
}

/// An E.164 mobile number.
fn phone(rng: &mut Stream, calling_code: &str, prefixes: &[&str], national_len: usize) -> String {
    let prefix = random::pick(rng, prefixes);
    let rest = "9".repeat(national_len.saturating_sub(prefix.len()));
    format!("+{calling_code}{prefix}{}", fill(rng, &rest))
}

/// The number with one digit or letter replaced, as a mistyped record has it.
pub(crate) fn mistype(rng: &mut Stream, number: &str) -> String {
    let positions: Vec<usize> = number
        .char_indices()
        .filter(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i)
        .collect();
    if positions.is_empty() {
        return number.to_string();
    }
    let at = *random::pick(rng, &positions);
    let mut out = number.to_string();
    let digit = char::from(b'0' + rng.gen_range(0..10u8));
    out.replace_range(at..at + 1, digit.encode_utf8(&mut [0; 4]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use concord_core::{DocumentNumber, PhoneNumber};

    #[test]
    fn every_format_makes_valid_numbers() {
        let mut rng = random::stream(1, random::Purpose::Entity, &[]);
        for (code, passport, id) in DOCUMENT_FORMATS {
            assert!(code.parse::<Country>().is_ok(), "{code}");
            for pattern in std::iter::once(passport).chain(id) {
                assert!(
                    fill(&mut rng, pattern).parse::<DocumentNumber>().is_ok(),
                    "{code} {pattern}"
                );
            }
        }
        for (code, cc, prefixes, len) in PHONE_FORMATS {
            assert!(code.parse::<Country>().is_ok(), "{code}");
            let number = phone(&mut rng, cc, prefixes, *len);
            assert!(number.parse::<PhoneNumber>().is_ok(), "{code} {number}");
            assert_eq!(number.len(), 1 + cc.len() + len, "{code}");
        }
    }
}
