//! Folding of romanisation variants: an ordered table of rewrite rules applied to every
//! part after transliteration, so that the spellings people actually write meet.
//!
//! Each rule rewrites a letter sequence wherever it occurs in the stated place, in one
//! left-to-right pass; the rules run in table order, each on the output of the one
//! before. The table first turns multi-letter spellings of one sound into one spelling
//! (German tsch/sch, Polish sz/cz/rz, Hungarian cs/zs, Albanian xh/gj, dzh/dj/zh → j,
//! tz/ts), then the consonant variants (soft c → ch as in Romanian Ceban and in the
//! Czech, Turkish and Albanian č/ç whose mark keyboards drop, hard c → k, Polish -cki,
//! kh/h/x, German ch/h, q/k, gh/g, dh/d, ph/f, th/t, w/v and the Dinka w of Kwol), then
//! the vowel and glide variants (y/i, the Slavic j glide, ee/i, oo/ou/u, Korean eo/o,
//! German oe/ue, Greek gg/ng and eu/ev, ye/ie/e at the start, -ii/-iy/-ei endings,
//! Belarusian -ou), and last collapses doubled letters (Hassan, Hasan).
//!
//! What is deliberately not folded, because it would merge different names: o/a and e/i
//! (Olena and Alena; Ivanov and Ivanova, gendered forms of different people), g/h
//! (Ukrainian Olha meets Russian Olga only by similarity: folding would merge Hasan with
//! Gasan and Hana with Gana), s/sh (Sahin and Shahin meet in the skeleton, not here),
//! initial j and y (Jana and Yana stay apart, because Korean Jun and Yun, Jung and Young
//! are different names; only Julia, the Latin form of Iulia, meets Yulia).

/// Where in a part a rule applies.
#[derive(Debug, Clone, Copy)]
enum Place {
    Anywhere,
    Start,
    NotStart,
    End,
    BeforeVowel,
    BeforeConsonant,
    AfterVowel,
    BetweenVowels,
    /// Not before e, i, y or h: where c is hard (Cristina, Victor, Nicolae).
    HardC,
    /// At the end, after at least three letters (Andrei, not Lei).
    EndOfLong,
    /// Where j is the glide y of Slavic and German spellings: after e, i, o or u and
    /// before a, e or a consonant (Stojan, Marija, Andrejew, Olijnyk), or after l, t or
    /// r (Natalja, Tatjana). Not after a: Arabic Najjar, Sajjad and Najla have a j there,
    /// and their native form, which writes no vowel before it, keeps it. Not before o:
    /// Korean Su-jeong is not Su-yeong.
    Glide,
    /// Between vowels, not after a (Michail, Mychajlo; not Achakzai, Surachai).
    BetweenVowelsNotAfterA,
    /// At the start and before a consonant (Yevhen, not Yeon).
    StartBeforeConsonant,
    /// Not after n (gh, but not the ng-h of Jung-ho).
    NotAfterN,
    /// Not before h (rz, but not the rzh of Erzhan).
    NotBeforeH,
    /// Before e or i, where c is soft.
    BeforeFrontVowel,
    /// Not after a (the woo of Hyun-woo, not of Dawood; the eo of Seo, not of Thai kaeo).
    NotAfterA,
    /// After a consonant letter and before a or o (the w of Kwol, Lwal, Kwon).
    AfterConsonantBeforeBackVowel,
}

struct Rule {
    from: &'static str,
    to: &'static str,
    place: Place,
}

const fn rule(from: &'static str, to: &'static str, place: Place) -> Rule {
    Rule { from, to, place }
}

use Place::*;

/// The rules, in the order they run.
const RULES: &[Rule] = &[
    // One sound, many spellings: German, Polish, Hungarian, Albanian, English.
    rule("tsch", "ch", Anywhere),
    rule("sch", "sh", Anywhere),
    rule("szcz", "shch", Anywhere),
    rule("shch", "sh", Anywhere),
    rule("sz", "sh", Anywhere),
    rule("cz", "ch", Anywhere),
    rule("cs", "ch", Anywhere),
    rule("zs", "zh", Anywhere),
    rule("rz", "zh", NotBeforeH),
    rule("xh", "j", Anywhere),
    rule("gj", "j", Anywhere),
    rule("dzh", "j", Anywhere),
    rule("dj", "j", Anywhere),
    rule("zh", "j", Anywhere),
    rule("tch", "ch", Anywhere),
    rule("tz", "ts", Anywhere),
    // Consonants.
    rule("cki", "tski", End),
    rule("cka", "tska", End),
    rule("ck", "k", Anywhere),
    rule("ci", "ch", BeforeVowel),
    rule("ic", "ich", End),
    rule("c", "ch", BeforeFrontVowel),
    rule("qu", "k", BeforeVowel),
    rule("q", "k", Anywhere),
    rule("x", "ks", BetweenVowels),
    rule("x", "kh", Anywhere),
    rule("chr", "hr", Anywhere),
    rule("ch", "h", BetweenVowelsNotAfterA),
    rule("kh", "h", Anywhere),
    rule("gh", "g", NotAfterN),
    rule("gg", "ng", Anywhere),
    rule("dh", "d", Anywhere),
    rule("ph", "f", Anywhere),
    rule("th", "t", NotStart),
    rule("c", "k", HardC),
    rule("woo", "u", NotAfterA),
    rule("w", "u", AfterConsonantBeforeBackVowel),
    rule("w", "v", Anywhere),
    // Vowels and glides.
    rule("jul", "iul", Start),
    rule("y", "i", Anywhere),
    rule("eo", "o", NotAfterA),
    rule("ie", "e", AfterVowel),
    rule("ee", "i", Anywhere),
    rule("oo", "u", Anywhere),
    rule("ou", "ov", End),
    rule("ou", "u", Anywhere),
    rule("eu", "ev", BeforeVowel),
    rule("eu", "u", Anywhere),
    rule("oe", "o", BeforeConsonant),
    rule("ue", "u", BeforeConsonant),
    rule("ie", "e", StartBeforeConsonant),
    rule("jj", "j", Anywhere),
    rule("j", "i", Glide),
    rule("ei", "i", EndOfLong),
];

/// `part` (lower-case a-z) with every rule applied and doubled letters collapsed.
pub(super) fn fold(part: &str) -> String {
    let mut current = part.to_owned();
    let mut next = String::with_capacity(part.len() + 4);
    let mut letters = letter_set(&current);
    for rule in RULES {
        if letters & letter_bit(rule.from.as_bytes()[0]) != 0 && apply(rule, &current, &mut next) {
            std::mem::swap(&mut current, &mut next);
            letters = letter_set(&current);
        }
    }
    let mut folded = collapse_doubles(&current);
    folded.retain(|c| c != BOUNDARY);
    folded
}

/// The letters a-z present in `text`, as bits, to skip rules quickly.
fn letter_set(text: &str) -> u32 {
    text.bytes().fold(0, |set, b| set | letter_bit(b))
}

fn letter_bit(b: u8) -> u32 {
    if b.is_ascii_lowercase() {
        1 << (b - b'a')
    } else {
        0
    }
}

/// Writes `text` with `rule` applied to `out`; whether it changed anything.
fn apply(rule: &Rule, text: &str, out: &mut String) -> bool {
    out.clear();
    let bytes = text.as_bytes();
    let from = rule.from.as_bytes();
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        let end = i + from.len();
        let found = end <= bytes.len() && bytes[i..end].iter().zip(from).all(|(a, b)| a == b);
        if found && fits(rule.place, bytes, i, end) {
            out.push_str(rule.to);
            changed = true;
            i = end;
        } else {
            out.push(bytes[i] as char);
            i += 1;
        }
    }
    changed
}

/// Written by a transliteration between two letters that must not be read together
/// (Arabic ز then ه is z-h, not the digraph zh; ش then ه is sh-h, not a doubled h);
/// removed after the rules.
pub(super) const BOUNDARY: char = '|';

fn fits(place: Place, bytes: &[u8], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).map(|i| bytes[i]);
    let after = bytes.get(end).copied();
    match place {
        Anywhere => true,
        Start => start == 0,
        NotStart => start > 0,
        End => after.is_none(),
        BeforeVowel => after.is_some_and(is_vowel),
        BeforeConsonant => after.is_some_and(|a| !is_vowel(a)),
        AfterVowel => before.is_some_and(is_vowel),
        BetweenVowels => before.is_some_and(is_vowel) && after.is_some_and(is_vowel),
        HardC => !matches!(after, Some(b'e' | b'i' | b'y' | b'h')),
        EndOfLong => after.is_none() && start >= 3,
        Glide => match (before, after) {
            (Some(b'l' | b't' | b'r'), Some(b'a' | b'e' | b'o' | b'u')) => true,
            (Some(b'e' | b'i' | b'o' | b'u'), Some(a)) => {
                matches!(a, b'a' | b'e') || (a.is_ascii_lowercase() && !is_vowel(a))
            }
            _ => false,
        },
        BetweenVowelsNotAfterA => before.is_some_and(|b| is_vowel(b) && b != b'a') && after.is_some_and(is_vowel),
        StartBeforeConsonant => start == 0 && after.is_some_and(|a| !is_vowel(a)),
        NotAfterN => before != Some(b'n'),
        NotBeforeH => after != Some(b'h'),
        BeforeFrontVowel => matches!(after, Some(b'e' | b'i')),
        NotAfterA => before != Some(b'a'),
        AfterConsonantBeforeBackVowel => {
            before.is_some_and(|b| b.is_ascii_lowercase() && !is_vowel(b)) && matches!(after, Some(b'a' | b'o'))
        }
    }
}

pub(super) fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

fn collapse_doubles(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = None;
    for c in text.chars() {
        if last != Some(c) {
            out.push(c);
        }
        last = Some(c);
    }
    out
}
