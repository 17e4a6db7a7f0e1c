//! Korean names: Hangul romanised syllable by syllable, family names split off and given
//! their conventional spellings, and romanised syllables recognised so that Min-jun,
//! Min Jun and Minjun meet.
//!
//! Hangul syllables are decomposed algorithmically into initial, vowel and final jamo
//! and romanised after the Revised Romanisation, except that a word-initial ㄱ is k, as
//! in passports (Kim, Kang, Kwon, Kyung). McCune–Reischauer and the popular spellings
//! differ mostly in vowels (ŏ, eo, u) and in voicing (Chi-min for Ji-min): the folding
//! rules meet some of them, the skeleton (which drops vowels and merges voicing) more.
//!
//! Korean names are written without a space between family and given name; a word of
//! three syllables whose first is a common family name is split there (박지민 → park,
//! jimin), and a word of four whose first two are a two-syllable family name (남궁, 황보)
//! likewise. Family names have conventional spellings that no romanisation system gives
//! (박 Park, 이 Lee, 최 Choi); [`conventional_surname`] maps the spellings seen in records
//! to one of them.

use std::collections::HashMap;
use std::sync::OnceLock;

const SYLLABLES: std::ops::RangeInclusive<u32> = 0xAC00..=0xD7A3;

const INITIALS: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h",
];
const VOWELS: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu",
    "ui", "i",
];
const FINALS: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t",
    "t", "k", "t", "p", "t",
];

/// Family names of one syllable common enough to split a three-syllable name after them.
const FAMILY_SYLLABLES: &str = "김이리박최정강조윤장임림한오서신권황안송류유홍전고문양량손배백허남심노로하곽성차주우구민진나라지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉";
/// Family names of two syllables.
const DOUBLE_FAMILIES: [&str; 7] = ["남궁", "황보", "제갈", "선우", "독고", "사공", "서문"];

/// Whether `c` is a precomposed Hangul syllable.
fn is_syllable(c: char) -> bool {
    SYLLABLES.contains(&(c as u32))
}

/// The Hangul `word` as (family name, given name) when it is a whole Korean name
/// written together, else `None`.
pub(super) fn split_family(word: &str) -> Option<(&str, &str)> {
    let count = word.chars().filter(|&c| is_syllable(c)).count();
    if count != word.chars().count() {
        return None;
    }
    let first_two = word.char_indices().nth(2).map_or(word.len(), |(i, _)| i);
    let first = word.chars().next()?;
    match count {
        3 if FAMILY_SYLLABLES.contains(first) => Some(word.split_at(first.len_utf8())),
        4 if DOUBLE_FAMILIES.contains(&&word[..first_two]) => Some(word.split_at(first_two)),
        _ => None,
    }
}

/// Whether the Hangul `word` is one syllable, which as a name of its own is a family name.
pub(super) fn is_single_syllable(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(is_syllable) && chars.next().is_none()
}

/// Appends the Hangul `word` romanised to `out`.
pub(super) fn push(word: &str, out: &mut String) {
    for (i, c) in word.chars().enumerate() {
        if !is_syllable(c) {
            super::push_ascii(any_ascii::any_ascii_char(c), out);
            continue;
        }
        let index = c as usize - *SYLLABLES.start() as usize;
        let (initial, vowel, last) = (index / 588, index % 588 / 28, index % 28);
        out.push_str(if i == 0 && initial == 0 { "k" } else { INITIALS[initial] });
        out.push_str(VOWELS[vowel]);
        out.push_str(FINALS[last]);
    }
}

/// Korean family names: the conventional spelling first, then the spellings seen in
/// records (passport, Revised Romanisation, McCune–Reischauer, North Korean).
const SURNAMES: &[(&str, &[&str])] = &[
    ("kim", &["gim"]),
    ("lee", &["yi", "rhee", "i", "ri", "rie"]),
    ("park", &["pak", "bak", "bahk", "pack"]),
    ("choi", &["choe", "chey", "choy"]),
    ("jung", &["jeong", "chung", "chong", "jong", "cheong"]),
    ("kang", &["gang"]),
    ("cho", &["jo", "joe"]),
    ("yoon", &["yun"]),
    ("jang", &["chang"]),
    ("lim", &["im", "yim", "rim"]),
    ("oh", &["o"]),
    ("seo", &["suh", "so"]),
    ("shin", &["sin"]),
    ("kwon", &["gwon"]),
    ("ahn", &["an"]),
    ("ryu", &["yoo", "yu", "ryoo", "you"]),
    ("jeon", &["jun", "chun", "chon", "jon"]),
    ("ko", &["go", "koh"]),
    ("moon", &["mun"]),
    ("son", &["sohn"]),
    ("roh", &["ro", "no", "noh"]),
    ("baek", &["paek", "baik", "paik"]),
    ("heo", &["hur", "huh", "ho"]),
    ("shim", &["sim"]),
    ("kwak", &["gwak"]),
    ("sung", &["seong", "song"]),
];

/// The conventional spelling of a Korean family name given in any of the spellings in
/// [`SURNAMES`], compared after folding, or `None`.
pub(super) fn conventional_surname(folded: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for &(conventional, variants) in SURNAMES {
            for spelling in variants.iter().chain([&conventional]) {
                table.insert(super::fold::fold(spelling), conventional);
            }
        }
        table
    });
    table.get(folded).copied()
}

/// Whether a romanised word reads as a Korean name of one to three syllables (Pak,
/// Chimin, Seoyeon), so that a whole name made of such words is taken as Korean.
pub(super) fn is_romanised_name(word: &str) -> bool {
    fn syllables(rest: &str, left: usize) -> bool {
        rest.is_empty()
            || (left > 0
                && (1..=rest.len().min(6))
                    .any(|n| is_romanised_syllable(&rest[..n]) && syllables(&rest[n..], left - 1)))
    }
    !word.is_empty() && syllables(word, 3)
}

/// Whether a romanised word is one Korean syllable (ji, min, hyeon, kyung, chol): an
/// optional initial consonant, a vowel, an optional final consonant, in any of the
/// common romanisations. Two such words joined by a hyphen are one given name.
pub(super) fn is_romanised_syllable(word: &str) -> bool {
    const NUCLEI: [&[u8]; 28] = [
        b"a", b"ae", b"ya", b"yae", b"eo", b"e", b"yeo", b"ye", b"o", b"oo", b"wa", b"wae", b"oe", b"oi", b"yo", b"u",
        b"wo", b"woo", b"we", b"wi", b"yu", b"yoo", b"eu", b"ui", b"i", b"ee", b"ou", b"you",
    ];
    const CODAS: [&[u8]; 8] = [b"", b"k", b"n", b"t", b"l", b"m", b"p", b"ng"];
    let word = word.as_bytes();
    if word.len() > 7 {
        return false;
    }
    let onset = match word {
        [b'k', b'k', ..] | [b't', b't', ..] | [b'p', b'p', ..] | [b's', b's', ..] | [b's' | b'c', b'h', ..] => 2,
        [b'g' | b'k' | b'n' | b'd' | b't' | b'r' | b'l' | b'm' | b'b' | b'p' | b's' | b'j' | b'h', ..] => 1,
        _ => 0,
    };
    let rest = &word[onset..];
    (1..=rest.len().min(3)).any(|n| NUCLEI.contains(&&rest[..n]) && CODAS.contains(&&rest[n..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_spelling_is_given_to_two_family_names() {
        let mut seen = HashMap::new();
        for &(conventional, variants) in SURNAMES {
            for spelling in variants.iter().chain([&conventional]) {
                let previous = seen.insert(super::super::fold::fold(spelling), conventional);
                assert!(
                    previous.is_none_or(|p| p == conventional),
                    "{spelling}: {conventional} and {previous:?}"
                );
            }
        }
    }

    #[test]
    fn romanised_syllables_are_recognised_in_every_system() {
        for syllable in [
            "ji", "min", "hyeon", "hyun", "hyon", "kyung", "gyeong", "chol", "cheol", "young", "woo", "eun",
        ] {
            assert!(is_romanised_syllable(syllable), "{syllable}");
        }
        for word in ["park", "jean", "thi", "van", "ngoc", "kovalenko", "ali"] {
            assert!(!is_romanised_syllable(word), "{word}");
        }
    }
}
