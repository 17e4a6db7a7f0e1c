//! The consonant skeleton of a normalised part.
//!
//! Arabic script writes no short vowels, so محمد is mhmd while records write Mohammed,
//! Muhammad and Mohamed; Ethiopic, Thai and Devanagari transliterations lose or add
//! vowels too; Korean romanisations differ in vowels (eo, o, u) and in voicing (Ji-min,
//! Chi-min), Western Armenian in voicing (Kevork for Gevorg). The skeleton keeps what
//! these agree on:
//!
//! - a vowel at the start or the end is kept as `a` (Omar, Umar and عمر all start with
//!   a vowel; Ivanova ends in one and Ivanov does not), other vowels are dropped;
//! - sh and ts count as s (Şahin written Sahin and Shahin), ch as j;
//! - a final h is dropped (Fatimah and فاطمة, Saleh and صالح);
//! - consonants that romanisations swap are merged: b/p, d/t, g/k/q, s/z/soft c/ts,
//!   ch/j, v/w;
//! - repeated consonants are collapsed (Mohammed, Muhamad).
//!
//! The skeleton is coarse on purpose: it is encoded beside the full form, never alone,
//! so it can bridge spellings without deciding a match by itself.

/// The skeleton of one normalised part (see the module documentation).
pub(super) fn skeleton(part: &str) -> String {
    let bytes = part.as_bytes();
    let mut out = String::with_capacity(part.len());
    let mut i = 0;
    while i < bytes.len() {
        let (class, width) = class_at(bytes, i);
        let letter = match class {
            Class::Vowel if i == 0 => Some(b'a'),
            Class::Vowel => None,
            Class::Letter(b'h') if i + width == bytes.len() && i > 0 => None,
            Class::Letter(letter) => Some(letter),
        };
        if let Some(letter) = letter.filter(|&l| !out.ends_with(l as char)) {
            out.push(letter as char);
        }
        i += width;
    }
    if ends_in_vowel(bytes) && bytes.len() > 1 && !out.ends_with('a') {
        out.push('a');
    }
    out
}

/// Whether the part ends in a vowel, counting the -ah and -eh that write a final vowel
/// (Fatimah, Hamzeh).
fn ends_in_vowel(bytes: &[u8]) -> bool {
    match bytes {
        [.., b'a' | b'e', b'h'] => true,
        [.., last] => matches!(last, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'),
        [] => false,
    }
}

enum Class {
    Vowel,
    Letter(u8),
}

/// The class of the letter (or two-letter group) at `i`, and how many bytes it spans.
fn class_at(bytes: &[u8], i: usize) -> (Class, usize) {
    let pair = (bytes[i], bytes.get(i + 1).copied());
    match pair {
        (b'c', Some(b'h')) => (Class::Letter(b'j'), 2),
        (b's', Some(b'h')) | (b't', Some(b's')) => (Class::Letter(b's'), 2),
        (b'a' | b'e' | b'i' | b'o' | b'u' | b'y', _) => (Class::Vowel, 1),
        (b'p', _) => (Class::Letter(b'b'), 1),
        (b'd', _) => (Class::Letter(b't'), 1),
        (b'g' | b'q', _) => (Class::Letter(b'k'), 1),
        (b'z' | b'c', _) => (Class::Letter(b's'), 1),
        (b'w', _) => (Class::Letter(b'v'), 1),
        (letter, _) => (Class::Letter(letter), 1),
    }
}
