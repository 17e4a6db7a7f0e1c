//! Node IDs: short, typable names of nodes that are also fingerprints of their keys.
//!
//! A node ID is 16 bytes of a hash of the node's two public keys ([`PublicKeys::node_id`]),
//! so two liaison officers who read each other's ID aloud over the phone confirm the keys
//! themselves, the way Syncthing users confirm device IDs. The text form is built for
//! being read aloud and typed: base32 (letters and the digits 2–7 only), a check character
//! after each half that catches every mistyped character, groups of seven, and parsing
//! that forgives case, spaces, dashes and the usual confusions (0 for O, 1 for I, 8 for B).
//!
//! [`PublicKeys::node_id`]: crate::identity::PublicKeys::node_id

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// RFC 4648 base32 alphabet: no 0, 1 or 8, which read like O, I and B.
const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
/// Base32 characters of 16 bytes, without padding.
const DATA_CHARS: usize = 26;
/// Data characters per half; each half is followed by its check character.
const HALF: usize = DATA_CHARS / 2;
/// Characters of the text form, separators excluded.
const TEXT_CHARS: usize = DATA_CHARS + 2;
const GROUP: usize = 7;

/// A node's identity on the network: the fingerprint of its public keys.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId([u8; 16]);

/// A text that is not a node ID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NodeIdError {
    /// Too few or too many characters.
    #[error(
        "a node ID has 28 letters and digits (4 groups of 7, e.g. ROKWEZY-OPKMSAT-PXV6QTI-IBXPFQZ); found {found}"
    )]
    WrongLength {
        /// Letters and digits found, separators excluded.
        found: usize,
    },
    /// A character outside the alphabet.
    #[error("`{character}` (character {position}) cannot be in a node ID: expected letters A-Z and digits 2-7")]
    BadCharacter {
        /// The character as given.
        character: char,
        /// Its position in the text as given, counting from 1.
        position: usize,
    },
    /// A check character does not match: a character in those groups is mistyped.
    #[error("the check character of groups {} does not match: a character in groups {} is mistyped", groups(*half), groups(*half))]
    CheckFailed {
        /// 1 for the first half (groups 1 and 2), 2 for the second (groups 3 and 4).
        half: usize,
    },
    /// The last data character has bits set that no node ID sets.
    #[error("character 6 of group 4 cannot end a node ID (its last two bits must be zero): it is mistyped")]
    NonCanonical,
}

fn groups(half: usize) -> &'static str {
    if half == 1 {
        "1 and 2"
    } else {
        "3 and 4"
    }
}

impl NodeId {
    /// Length in bytes.
    pub const LEN: usize = 16;

    /// A node ID from its bytes.
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(bytes)
    }

    /// The ID's bytes.
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }
}

/// The value (0..32) of a base32 character.
fn value(c: u8) -> Option<u8> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u8)
}

/// The Luhn mod N check character over `data` (Wikipedia's "generation" algorithm, N = 32):
/// from the right, every other value is doubled and its base-32 digits summed.
pub(crate) fn luhn_check_char(data: &[u8]) -> u8 {
    const N: u32 = 32;
    let mut factor = 2;
    let mut sum = 0u32;
    for &c in data.iter().rev() {
        let addend = factor * u32::from(value(c).expect("a base32 character"));
        factor = if factor == 2 { 1 } else { 2 };
        sum += addend / N + addend % N;
    }
    ALPHABET[((N - sum % N) % N) as usize]
}

fn base32(bytes: &[u8; 16]) -> [u8; DATA_CHARS] {
    let mut out = [0u8; DATA_CHARS];
    for (i, out) in out.iter_mut().enumerate() {
        // Character i holds bits 5i..5i+5 of the bytes read as one big-endian number,
        // padded with zero bits at the end.
        let bit = i * 5;
        let hi = u16::from(bytes[bit / 8]) << 8;
        let lo = bytes.get(bit / 8 + 1).copied().map_or(0, u16::from);
        let window = (hi | lo) >> (11 - bit % 8);
        *out = ALPHABET[usize::from(window & 0x1f)];
    }
    out
}

/// Decodes 26 base32 characters; `None` if the padding bits are not zero.
fn unbase32(chars: &[u8]) -> Option<[u8; 16]> {
    let mut out = [0u8; 16];
    let mut acc = 0u32;
    let mut bits = 0;
    let mut n = 0;
    for &c in chars {
        acc = (acc << 5) | u32::from(value(c)?);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out[n] = (acc >> bits) as u8;
            n += 1;
            acc &= (1 << bits) - 1;
        }
    }
    (n == 16 && acc == 0).then_some(out)
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let data = base32(&self.0);
        let mut text = Vec::with_capacity(TEXT_CHARS);
        for half in data.chunks(HALF) {
            text.extend_from_slice(half);
            text.push(luhn_check_char(half));
        }
        for (i, group) in text.chunks(GROUP).enumerate() {
            if i > 0 {
                f.write_str("-")?;
            }
            f.write_str(std::str::from_utf8(group).expect("base32 is ASCII"))?;
        }
        Ok(())
    }
}

/// The text form, as people compare it.
impl fmt::Debug for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl FromStr for NodeId {
    type Err = NodeIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut text = Vec::with_capacity(TEXT_CHARS);
        for (i, character) in s.chars().enumerate() {
            if character.is_whitespace() || character == '-' {
                continue;
            }
            // What is read aloud as "zero", "one" or "eight" was meant as O, I or B: the
            // alphabet has none of those digits precisely so that this reading is safe.
            let c = match character.to_ascii_uppercase() {
                '0' => 'O',
                '1' => 'I',
                '8' => 'B',
                c => c,
            };
            if !c.is_ascii() || value(c as u8).is_none() {
                return Err(NodeIdError::BadCharacter {
                    character,
                    position: i + 1,
                });
            }
            text.push(c as u8);
        }
        if text.len() != TEXT_CHARS {
            return Err(NodeIdError::WrongLength { found: text.len() });
        }
        let mut data = Vec::with_capacity(DATA_CHARS);
        for (i, half) in text.chunks(HALF + 1).enumerate() {
            let (chars, check) = half.split_at(HALF);
            if luhn_check_char(chars) != check[0] {
                return Err(NodeIdError::CheckFailed { half: i + 1 });
            }
            data.extend_from_slice(chars);
        }
        unbase32(&data).map(Self).ok_or(NodeIdError::NonCanonical)
    }
}

impl Serialize for NodeId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for NodeId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn id(seed: u8) -> NodeId {
        NodeId::from_bytes(std::array::from_fn(|i| {
            seed.wrapping_mul(31).wrapping_add(i as u8 * 17)
        }))
    }

    /// The 28 characters of the text form, separators removed.
    fn chars(id: NodeId) -> Vec<u8> {
        id.to_string().bytes().filter(|&c| c != b'-').collect()
    }

    #[test]
    fn the_text_form_is_four_groups_of_seven_and_round_trips() {
        for seed in 0..=255 {
            let text = id(seed).to_string();
            let groups: Vec<&str> = text.split('-').collect();
            assert_eq!(groups.len(), 4, "{text}");
            assert!(groups
                .iter()
                .all(|g| g.len() == 7 && g.bytes().all(|c| value(c).is_some())));
            assert_eq!(text.parse::<NodeId>(), Ok(id(seed)));
        }
        for bytes in [[0u8; 16], [0xff; 16]] {
            let id = NodeId::from_bytes(bytes);
            assert_eq!(id.to_string().parse::<NodeId>().unwrap().as_bytes(), &bytes);
        }
    }

    #[test]
    fn base32_follows_rfc_4648() {
        // RFC 4648 §10: BASE32("foobar") = "MZXW6YTBOI======"; 16 bytes starting so.
        let mut bytes = [0u8; 16];
        bytes[..6].copy_from_slice(b"foobar");
        assert!(std::str::from_utf8(&base32(&bytes)).unwrap().starts_with("MZXW6YTBOI"));
        assert_eq!(unbase32(&base32(&bytes)), Some(bytes));
    }

    #[test]
    fn text_read_aloud_or_typed_loosely_still_parses() {
        let id = NodeId::from_bytes(*b"\x00\x01 Concord node!");
        let text = id.to_string();
        let variants = [
            text.to_lowercase(),
            text.replace('-', " "),
            text.replace('-', ""),
            format!("  {}\n", text.replace('-', "\t- ")),
            text.replace('O', "0").replace('I', "1").replace('B', "8"),
            text.to_lowercase()
                .replace('o', "0")
                .replace('i', "1")
                .replace('b', "8"),
        ];
        assert!(
            text.contains(['O', 'I', 'B']),
            "{text} should exercise the read-aloud mistakes"
        );
        for variant in variants {
            assert_eq!(variant.parse::<NodeId>(), Ok(id), "{variant:?}");
        }
    }

    #[test]
    fn malformed_text_gets_distinct_clear_errors() {
        let text = id(7).to_string();
        assert_eq!("".parse::<NodeId>(), Err(NodeIdError::WrongLength { found: 0 }));
        assert_eq!(
            text[..30].parse::<NodeId>(),
            Err(NodeIdError::WrongLength { found: 27 })
        );
        assert_eq!(
            format!("{text}A").parse::<NodeId>(),
            Err(NodeIdError::WrongLength { found: 29 })
        );
        let bad = format!("{}9{}", &text[..9], &text[10..]);
        let err = bad.parse::<NodeId>().unwrap_err();
        assert_eq!(
            err,
            NodeIdError::BadCharacter {
                character: '9',
                position: 10
            }
        );
        assert!(err.to_string().contains("`9` (character 10)"), "{err}");
        // Change one character in each half.
        for (position, half) in [(2, 1), (20, 2)] {
            let mut typo = text.clone().into_bytes();
            typo[position] = if typo[position] == b'Q' { b'R' } else { b'Q' };
            let err = String::from_utf8(typo).unwrap().parse::<NodeId>().unwrap_err();
            assert_eq!(err, NodeIdError::CheckFailed { half });
            assert!(err.to_string().contains(groups(half)), "{err}");
        }
    }

    #[test]
    fn a_last_data_character_with_padding_bits_set_is_refused() {
        let mut data = base32(&id(3).0);
        // 'B' is 1: a padding bit set.
        data[DATA_CHARS - 1] = b'B';
        let mut text = Vec::new();
        for half in data.chunks(HALF) {
            text.extend_from_slice(half);
            text.push(luhn_check_char(half));
        }
        let text = String::from_utf8(text).unwrap();
        assert_eq!(text.parse::<NodeId>(), Err(NodeIdError::NonCanonical));
    }

    #[test]
    fn serde_uses_the_text_form() {
        let json = serde_json::to_string(&id(1)).unwrap();
        assert_eq!(json, format!("\"{}\"", id(1)));
        assert_eq!(serde_json::from_str::<NodeId>(&json.to_lowercase()).unwrap(), id(1));
        assert!(serde_json::from_str::<NodeId>("\"ABC\"").is_err());
        assert_eq!(format!("{:?}", id(1)), id(1).to_string());
    }

    /// Luhn mod 32 misses a transposition of adjacent values a, b exactly when
    /// f(a) + b = f(b) + a (mod 32), where f doubles and sums base-32 digits: the only such
    /// pair of different values is 0 and 31 ('A' and '7'), as 0 and 9 in decimal Luhn.
    fn luhn_misses_transposition(a: u8, b: u8) -> bool {
        let f = |x: u32| (2 * x) / 32 + (2 * x) % 32;
        let (a, b) = (u32::from(value(a).unwrap()), u32::from(value(b).unwrap()));
        (f(a) + b) % 32 == (f(b) + a) % 32
    }

    proptest! {
        #[test]
        fn every_single_character_substitution_is_caught(
            bytes in any::<[u8; 16]>(), position in 0..TEXT_CHARS, replacement in 0..32usize,
        ) {
            let mut text = chars(NodeId::from_bytes(bytes));
            prop_assume!(text[position] != ALPHABET[replacement]);
            text[position] = ALPHABET[replacement];
            let result = String::from_utf8(text).unwrap().parse::<NodeId>();
            let expected = NodeIdError::CheckFailed { half: 1 + position / (HALF + 1) };
            prop_assert_eq!(result, Err(expected));
        }

        #[test]
        fn adjacent_transpositions_are_caught_wherever_luhn_mod_32_can(
            bytes in any::<[u8; 16]>(), half in 0..2usize, offset in 0..HALF,
        ) {
            let mut text = chars(NodeId::from_bytes(bytes));
            let i = half * (HALF + 1) + offset;
            let (a, b) = (text[i], text[i + 1]);
            prop_assume!(a != b);
            text.swap(i, i + 1);
            let result = String::from_utf8(text).unwrap().parse::<NodeId>();
            if luhn_misses_transposition(a, b) {
                let check_failed = matches!(result, Err(NodeIdError::CheckFailed { .. }));
                prop_assert!(!check_failed);
            } else {
                prop_assert_eq!(result, Err(NodeIdError::CheckFailed { half: half + 1 }));
            }
        }
    }

    #[test]
    fn luhn_mod_32_misses_only_the_transposition_of_a_and_7() {
        let missed: Vec<(char, char)> = ALPHABET
            .iter()
            .flat_map(|&a| ALPHABET.iter().map(move |&b| (a, b)))
            .filter(|&(a, b)| a < b && luhn_misses_transposition(a, b))
            .map(|(a, b)| (a as char, b as char))
            .collect();
        assert_eq!(missed, [('7', 'A')]);
        // And the check character really does miss it: "A7" and "7A" share a check.
        assert_eq!(luhn_check_char(b"A7"), luhn_check_char(b"7A"));
        assert_ne!(luhn_check_char(b"AB"), luhn_check_char(b"BA"));
    }
}
