//! How the words of a name become parts: which words are joined, which particles are
//! dropped or given one spelling. Runs on the romanised words, before folding.
//!
//! - Romanised Korean syllables joined by a hyphen are one given name (Ji-min → jimin),
//!   and so are two one-syllable words that are the whole field or follow a family name
//!   (Ji Min, Park Ji Min).
//! - The Arabic article (al-, el-, ul-, and as-, ash-, ar- … before a hyphen) is dropped,
//!   standing alone or glued to a word (Alhassan → hassan, Alomar → omar; not Alina,
//!   Alena or Alexander). Records write it or leave it out at will; the native
//!   transliteration drops it too.
//! - Abd with its linking vowel and article is one spelling glued to the name after it:
//!   Abd al-Rahman, Abdul Rahman, Abdelrahman, Abdurrahman → abdrahman.
//! - Allah after another name is glued to it as -ullah (Najib Ullah → najibullah).
//! - bin, ben, ibn → bin; bint → bint.
//! - Prefix particles (de, van, von, da, di, dos, saint/st …) are glued to the word after
//!   them, so De la Cruz, Dela Cruz and Delacruz meet.
//! - Turkic patronymic words (uly, kyzy, uulu, ogly) are glued to the name before them.
//!
//! A hyphenated double name that is not Korean stays two parts (Kovalenko-Bila →
//! kovalenko, bila): callers compare parts as a set, so either half can match.

use super::hangul;
use super::words::Gap;
use super::Token;

/// Applies every rule above to the words of one name field.
pub(super) fn apply(tokens: &mut Vec<Token>) {
    join_korean_syllables(tokens);
    join_allah(tokens);
    drop_articles(tokens);
    join_abd(tokens);
    join_prefixes(tokens);
    join_patronymics(tokens);
}

/// Joins two romanised Korean syllables: always across a hyphen (Ji-min); across a space
/// when they are the whole field (Ji Min) or, in a field of three words, the two after a
/// family name (Park Ji Min) or, if the last is not a syllable, the two before it.
fn join_korean_syllables(tokens: &mut Vec<Token>) {
    let syllable = |t: &Token| hangul::is_romanised_syllable(&t.text);
    let spaced_pair = match tokens.len() {
        2 => Some(1),
        3 if syllable(&tokens[1]) && syllable(&tokens[2]) => Some(2),
        3 => Some(1),
        _ => None,
    };
    let mut i = tokens.len();
    while i > 1 {
        i -= 1;
        let joinable = tokens[i].gap == Gap::Hyphen || (spaced_pair == Some(i) && tokens[i].gap == Gap::Space);
        if joinable && syllable(&tokens[i - 1]) && syllable(&tokens[i]) {
            let token = tokens.remove(i);
            tokens[i - 1].text.push_str(&token.text);
            i -= 1;
        }
    }
}

/// Allah as a word of its own after another name.
const ALLAH: [&str; 4] = ["allah", "ullah", "ulla", "ollah"];
/// Allah glued to the end of a name (Awadalla, Zabihollah); Alla alone is a given name.
const ALLAH_SUFFIXES: [&str; 5] = ["allah", "ullah", "ulla", "ollah", "alla"];

fn join_allah(tokens: &mut Vec<Token>) {
    merge_into_previous(tokens, |prev, token| {
        ALLAH.contains(&token.text.as_str()) && !is_abd(&prev.text)
    });
    for token in tokens.iter_mut() {
        let stem = ALLAH_SUFFIXES.iter().find_map(|form| token.text.strip_suffix(form));
        if let Some(stem) = stem.filter(|stem| stem.len() >= 3 && !is_abd(stem)) {
            token.text = format!("{stem}ullah");
        }
    }
}

const ARTICLES: [&str; 3] = ["al", "el", "ul"];
const ASSIMILATED_ARTICLES: [&str; 10] = ["ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ez"];

fn drop_articles(tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i + 1 < tokens.len() {
        let text = tokens[i].text.as_str();
        let next_hyphenated = tokens[i + 1].gap == Gap::Hyphen;
        if ARTICLES.contains(&text) || (next_hyphenated && ASSIMILATED_ARTICLES.contains(&text)) {
            let gap = tokens.remove(i).gap;
            tokens[i].gap = gap;
        } else {
            i += 1;
        }
    }
    for token in tokens.iter_mut() {
        if let Some(rest) = glued_article_rest(&token.text) {
            token.text = rest.to_owned();
        }
    }
}

/// The word after a glued article: Alhassan → hassan, Elsadig → sadig, Alomar → omar.
/// Only before a consonant and at least three more letters, or before a, o or u and at
/// least four, so Alina, Alla, Alena, Elif and Alexander keep theirs.
fn glued_article_rest(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("al").or_else(|| text.strip_prefix("el"))?;
    let glued = match rest.bytes().next()? {
        b'a' | b'o' | b'u' => rest.len() >= 4,
        b'e' | b'i' | b'y' => false,
        _ => rest.len() >= 3,
    };
    (glued && !ALLAH.contains(&text)).then_some(rest)
}

const ABD: [&str; 10] = [
    "abd", "abdul", "abdel", "abdal", "abdol", "abdil", "abdur", "abdus", "abdes", "abdoul",
];

fn is_abd(text: &str) -> bool {
    ABD.contains(&text)
}

fn join_abd(tokens: &mut Vec<Token>) {
    merge_into_previous(tokens, |prev, _| is_abd(&prev.text));
    for token in tokens.iter_mut() {
        if let Some(name) = token
            .text
            .strip_prefix("abd")
            .map(without_linking)
            .filter(|n| n.len() >= 2)
        {
            token.text = format!("abd{name}");
        }
    }
}

/// `text` without the linking vowel or article that joins it to Abd: -ul-, -el-, -u-.
fn without_linking(text: &str) -> &str {
    const LINKS: [&str; 11] = ["oul", "ul", "el", "al", "ol", "il", "u", "e", "a", "o", "i"];
    let tail = ABD.iter().filter_map(|abd| text.strip_prefix(&abd[3..]));
    let linked = LINKS.iter().filter_map(|link| text.strip_prefix(link));
    tail.chain(linked)
        .find(|rest| rest.bytes().next().is_some_and(|b| !super::fold::is_vowel(b)))
        .unwrap_or(text)
}

const PREFIXES: [&str; 20] = [
    "de", "del", "della", "dela", "delos", "van", "von", "der", "den", "da", "das", "dos", "di", "du", "saint",
    "sainte", "san", "santa", "ter", "ten",
];

fn join_prefixes(tokens: &mut Vec<Token>) {
    let mut joined: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut pending: Option<Token> = None;
    for mut token in tokens.drain(..) {
        if let Some(prefix) = pending.take() {
            token.text.insert_str(0, &prefix.text);
        }
        match token.text.as_str() {
            "st" => token.text = "saint".to_owned(),
            "ibn" | "ben" | "ibnu" => token.text = "bin".to_owned(),
            _ => {}
        }
        if PREFIXES.contains(&token.text.as_str()) {
            pending = Some(token);
        } else {
            joined.push(token);
        }
    }
    joined.extend(pending);
    *tokens = joined;
}

const PATRONYMICS: [&str; 12] = [
    "uly", "ulu", "uulu", "kyzy", "kizi", "qyzy", "qizi", "ogly", "oglu", "ogli", "zade", "zadeh",
];

fn join_patronymics(tokens: &mut Vec<Token>) {
    merge_into_previous(tokens, |_, token| PATRONYMICS.contains(&token.text.as_str()));
}

/// Appends each token to the one before it when `joins(previous, token)`.
fn merge_into_previous(tokens: &mut Vec<Token>, joins: impl Fn(&Token, &Token) -> bool) {
    let mut merged: Vec<Token> = Vec::with_capacity(tokens.len());
    for token in tokens.drain(..) {
        match merged.last_mut() {
            Some(prev) if joins(prev, &token) => prev.text.push_str(&token.text),
            _ => merged.push(token),
        }
    }
    *tokens = merged;
}
