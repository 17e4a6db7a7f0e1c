//! Multi-script name normalisation: from a name as a record writes it, in any script, to
//! the comparable parts the linkage encoder hashes.
//!
//! The same person is written Олена Коваленко by a Ukrainian police unit, Olena Kovalenko
//! in her passport, Elena Kovalenko by a Russian-speaking officer and Kowalenko by a
//! German NGO. Linkage can only find her if those records give nearly the same parts, so
//! [`normalise`] takes each name through four steps:
//!
//! 1. **Unicode.** NFKC (so presentation forms, full-width letters and ligatures become
//!    ordinary letters), lower-casing, and removal of format characters (zero-width
//!    joiners, direction marks, soft hyphens), which records pick up from copy and paste.
//!    The name is split into words; a word mixing two alphabets (a Cyrillic `о` in a
//!    Latin word) is refused, because it is a homoglyph or a keying error, not a name.
//! 2. **Transliteration to Latin**, per script. Cyrillic, Greek, Georgian, Armenian,
//!    Arabic script, Hangul, Devanagari, Myanmar and Thai have tables of their own here,
//!    written for names, because the general-purpose transliterators are wrong for them
//!    in ways that matter: Ukrainian г is h, not g; Arabic needs its article dropped and
//!    its weak letters read as vowels; Hangul needs family names split off; Devanagari,
//!    Thai and Burmese need their unwritten vowels, which `any_ascii` and `deunicode`
//!    drop (लक्ष्मी → lksmi, สมศรี → smsri). The CLDR transliterators of ICU4X are per
//!    language, carry a large data set, and give ISO 9 (š, ž) where records write sh, zh.
//!    Latin diacritics are dropped, as keyboards do. Ethiopic and Han go through the
//!    `any_ascii` crate, whose tables give the usual romanisation of the Ethiopic
//!    syllables and pinyin for Han, with no allocation per character; it is also the
//!    fallback for letters no table here knows.
//! 3. **Parts.** Particles are handled (Arabic al-, Abd al-, bin; de, van; Turkic -uly),
//!    romanised Korean syllables are joined (Ji-min → jimin), Korean family names get
//!    their conventional spelling (Pak, Bak → park) where the name is Korean or the
//!    family name stands alone, everything else that the name separates stays a
//!    separate part (Kovalenko-Bila → kovalenko, bila).
//! 4. **Folding** of romanisation variants by an ordered rule table (see `fold`), so
//!    that Yuliia, Iuliia and Yulia meet, or Mykhailo, Mikhailo and Michailo.
//!
//! [`skeleton()`] gives the consonant skeleton of a part, which bridges Arabic script
//! (written without short vowels) and its romanised forms; the encoder stores it beside
//! the full part.
//!
//! The normalisation is deterministic and cheap: no regular expressions, one pass per
//! rule over parts of a few bytes, a length check before any of it. Error messages never
//! contain the name: names are personal data.

mod arabic;
mod armenian;
mod cyrillic;
mod devanagari;
mod fold;
mod georgian;
mod greek;
mod hangul;
mod latin;
mod myanmar;
mod particles;
mod script;
mod skeleton;
mod thai;
mod words;

pub use script::{script_of, Script};

use words::{Gap, Word};

/// The most characters a name field may have; longer input is refused before any work.
pub const MAX_NAME_CHARS: usize = 200;

/// Why a name cannot be normalised. The messages say what was expected and never
/// contain the name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    /// Nothing left that is a letter: empty, blank, or only digits and punctuation.
    #[error("the name has no letters; expected at least one letter of some script")]
    NoLetters,
    /// More than [`MAX_NAME_CHARS`] characters.
    #[error("the name is longer than {max} characters; expected at most {max}")]
    TooLong { max: usize },
    /// One word is written in two alphabets (such as a Cyrillic homoglyph in a Latin word).
    #[error(
        "word {word} mixes {} and {} letters; expected each word in one script",
        .first.name(),
        .second.name()
    )]
    MixedScripts { word: usize, first: Script, second: Script },
}

/// The comparable parts of a name field (a given name, a family name, or a whole name):
/// lowercase ASCII a-z only, in written order, each non-empty, after transliteration and
/// folding.
///
/// # Errors
///
/// [`NameError::TooLong`] for more than [`MAX_NAME_CHARS`] characters,
/// [`NameError::MixedScripts`] for a word in two alphabets, [`NameError::NoLetters`]
/// when no letter is left.
pub fn normalise(text: &str) -> Result<Vec<String>, NameError> {
    if text.chars().nth(MAX_NAME_CHARS).is_some() {
        return Err(NameError::TooLong { max: MAX_NAME_CHARS });
    }
    let mut tokens = Vec::new();
    for word in words::split(text)? {
        push_tokens(&word, &mut tokens);
    }
    particles::apply(&mut tokens);
    let mut parts: Vec<String> = Vec::with_capacity(tokens.len());
    for (i, token) in tokens.iter().enumerate() {
        let folded = fold::fold(&token.text);
        match hangul::conventional_surname(&folded).filter(|_| is_family_position(&tokens, i)) {
            Some(conventional) => parts.push(fold::fold(conventional)),
            None if !folded.is_empty() => parts.push(folded),
            None => {}
        }
    }
    if parts.is_empty() {
        return Err(NameError::NoLetters);
    }
    Ok(parts)
}

/// The consonant skeleton of one normalised part: a vowel at the start or the end is
/// kept as `a`, other vowels and a final h are dropped, consonants that romanisations
/// swap are merged (b/p, d/t, g/k/q, s/sh/z/ts, ch/j, v/w) and repeats collapsed.
/// Mohammed, Muhammad, Mohamed and محمد all give `mhmt`; Ivanov gives `avnv` and
/// Ivanova `avnva`.
pub fn skeleton(part: &str) -> String {
    skeleton::skeleton(part)
}

/// A part of a name while it is being normalised: romanised, not yet folded.
#[derive(Debug)]
struct Token {
    text: String,
    gap: Gap,
    /// A Korean family name split off a Hangul name or written alone.
    korean_family: bool,
}

/// Whether token `i` may be a Korean family name, to be given its conventional
/// spelling: it was split off a Hangul name, or it is the only part, or it is the first
/// or last of a name of two or three parts that all read as romanised Korean.
fn is_family_position(tokens: &[Token], i: usize) -> bool {
    let korean_name = (2..=3).contains(&tokens.len()) && tokens.iter().all(|t| hangul::is_romanised_name(&t.text));
    tokens.len() == 1 || tokens[i].korean_family || (korean_name && (i == 0 || i + 1 == tokens.len()))
}

/// The tokens of one word: usually one, two for a Korean or Chinese name written
/// without a space.
fn push_tokens(word: &Word, tokens: &mut Vec<Token>) {
    let halves = match word.script {
        Script::Hangul => hangul::split_family(&word.text),
        Script::Han => split_han(&word.text),
        _ => None,
    };
    if let Some((family, given)) = halves {
        push_token(word.script, family, word.gap, word.script == Script::Hangul, tokens);
        push_token(word.script, given, Gap::Space, false, tokens);
    } else {
        let korean_family = word.script == Script::Hangul && hangul::is_single_syllable(&word.text);
        push_token(word.script, &word.text, word.gap, korean_family, tokens);
    }
}

fn push_token(script: Script, text: &str, gap: Gap, korean_family: bool, tokens: &mut Vec<Token>) {
    let mut romanised = String::with_capacity(text.len() + 4);
    match script {
        Script::Latin => latin::push(text, &mut romanised),
        Script::Cyrillic => cyrillic::push(text, &mut romanised),
        Script::Greek => greek::push(text, &mut romanised),
        Script::Georgian => georgian::push(text, &mut romanised),
        Script::Armenian => armenian::push(text, &mut romanised),
        Script::Arabic => arabic::push(text, &mut romanised),
        Script::Hangul => hangul::push(text, &mut romanised),
        Script::Devanagari => devanagari::push(text, &mut romanised),
        Script::Myanmar => myanmar::push(text, &mut romanised),
        Script::Thai => thai::push(text, &mut romanised),
        Script::Ethiopic | Script::Han | Script::Other => push_ascii(&any_ascii::any_ascii(text), &mut romanised),
    }
    if !romanised.is_empty() {
        tokens.push(Token {
            text: romanised,
            gap,
            korean_family,
        });
    }
}

/// A Chinese name of two to four characters as (family name, given name): the first
/// character, or the first two of four.
fn split_han(word: &str) -> Option<(&str, &str)> {
    let count = word.chars().count();
    let family_chars = match count {
        2 | 3 => 1,
        4 => 2,
        _ => return None,
    };
    let at = word.char_indices().nth(family_chars).map(|(i, _)| i)?;
    Some(word.split_at(at))
}

/// Appends the ASCII letters of `text`, lower-cased, to `out`.
fn push_ascii(text: &str, out: &mut String) {
    out.extend(
        text.chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase()),
    );
}

#[cfg(test)]
mod tests;
