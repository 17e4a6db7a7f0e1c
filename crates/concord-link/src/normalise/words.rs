//! Splitting a name into words, after NFKC and lower-casing.
//!
//! A word is a run of letters and combining marks. Apostrophes join (O'Brien, Ja'far,
//! Oʻgʻiloy); format characters (zero-width joiners, direction marks, soft hyphens) are
//! ignored as if absent; everything else (spaces, hyphens, digits, punctuation, symbols,
//! emoji) separates words. A word must be in one script: a Cyrillic `о` inside a Latin
//! word is a homoglyph, not a name.

use unicode_normalization::UnicodeNormalization;

use super::script::{self, Script};
use super::NameError;

/// What separates a word from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gap {
    /// The first word.
    Start,
    /// Spaces, punctuation or anything else but a bare hyphen.
    Space,
    /// Only a hyphen (Ji-min, al-Hassan, Kovalenko-Bila).
    Hyphen,
}

/// One word of a name, lower-cased, in one script.
#[derive(Debug)]
pub(super) struct Word {
    pub text: String,
    pub script: Script,
    pub gap: Gap,
}

/// The words of `text`, or an error for a word that mixes scripts.
pub(super) fn split(text: &str) -> Result<Vec<Word>, NameError> {
    let mut splitter = Splitter::default();
    for c in text.nfkc() {
        splitter.push(c)?;
    }
    splitter.end_word();
    Ok(splitter.words)
}

#[derive(Default)]
struct Splitter {
    words: Vec<Word>,
    text: String,
    script: Option<Script>,
    /// The separators since the last word: `None` before the first, `Some(true)` for a
    /// bare hyphen.
    gap: Option<bool>,
}

impl Splitter {
    fn push(&mut self, c: char) -> Result<(), NameError> {
        if is_ignorable(c) || script::is_apostrophe(c) {
            return Ok(());
        }
        if c.is_ascii_alphabetic() {
            self.check_script(Script::Latin)?;
            self.text.push(c.to_ascii_lowercase());
        } else if let Some(found) = script::of_char(c) {
            self.check_script(found)?;
            self.text.extend(c.to_lowercase());
        } else if unicode_normalization::char::is_combining_mark(c) {
            self.text.push(c);
        } else {
            self.end_word();
            if !self.words.is_empty() {
                self.gap = Some(is_hyphen(c) && self.gap.is_none_or(|hyphen| hyphen));
            }
        }
        Ok(())
    }

    fn check_script(&mut self, found: Script) -> Result<(), NameError> {
        match self.script {
            None => self.script = Some(found),
            Some(first) if !first.may_mix(found) => {
                return Err(NameError::MixedScripts {
                    word: self.words.len() + 1,
                    first,
                    second: found,
                })
            }
            Some(_) => {}
        }
        Ok(())
    }

    /// Closes the current word; a run of marks with no letter is dropped.
    fn end_word(&mut self) {
        let text = std::mem::take(&mut self.text);
        let Some(script) = self.script.take() else { return };
        let gap = match self.gap.take() {
            None => Gap::Start,
            Some(true) => Gap::Hyphen,
            Some(false) => Gap::Space,
        };
        self.words.push(Word { text, script, gap });
    }
}

/// Hyphens and dashes, which join double names.
fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{058A}' | '\u{05BE}' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}'
    )
}

/// Format characters that change how text is shown, not what it says: zero-width
/// spaces and joiners, direction marks and embeddings, soft hyphen, Arabic tatweel,
/// variation selectors, tags.
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{0640}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}
