//! Which writing system a character belongs to, by Unicode block.
//!
//! Only letters get a script. Combining marks, apostrophes, digits and punctuation are
//! neutral, so a Latin letter with a combining accent, or a Devanagari consonant with its
//! vowel sign, still counts as one script.

/// The writing system a text is mostly in (for per-script reporting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Script {
    Latin,
    Cyrillic,
    Arabic,
    Hangul,
    Greek,
    Georgian,
    Armenian,
    Ethiopic,
    Myanmar,
    Thai,
    Devanagari,
    Han,
    Other,
}

impl Script {
    /// Every script, in declaration order.
    pub const ALL: [Script; 13] = [
        Script::Latin,
        Script::Cyrillic,
        Script::Arabic,
        Script::Hangul,
        Script::Greek,
        Script::Georgian,
        Script::Armenian,
        Script::Ethiopic,
        Script::Myanmar,
        Script::Thai,
        Script::Devanagari,
        Script::Han,
        Script::Other,
    ];

    /// The script's English name, for reports and error messages.
    pub fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Cyrillic => "Cyrillic",
            Script::Arabic => "Arabic",
            Script::Hangul => "Hangul",
            Script::Greek => "Greek",
            Script::Georgian => "Georgian",
            Script::Armenian => "Armenian",
            Script::Ethiopic => "Ethiopic",
            Script::Myanmar => "Myanmar",
            Script::Thai => "Thai",
            Script::Devanagari => "Devanagari",
            Script::Han => "Han",
            Script::Other => "other",
        }
    }

    /// Whether two scripts may share one word: Han characters are written beside Hangul
    /// syllables and Japanese kana (which count as `Other`), never beside alphabets.
    pub(super) fn may_mix(self, other: Script) -> bool {
        let cjk = |s| matches!(s, Script::Han | Script::Hangul | Script::Other);
        self == other || (cjk(self) && cjk(other))
    }
}

/// The script of a letter, or `None` for anything that is not a letter of a name
/// (digits, punctuation, symbols, combining marks, apostrophes, format characters).
pub(super) fn of_char(c: char) -> Option<Script> {
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Script::Latin);
    }
    if !c.is_alphabetic() || is_apostrophe(c) || unicode_normalization::char::is_combining_mark(c) {
        return None;
    }
    Some(of_block(c as u32))
}

fn of_block(cp: u32) -> Script {
    match cp {
        0x00C0..=0x024F | 0x0250..=0x02AF | 0x1D00..=0x1DBF | 0x1E00..=0x1EFF => Script::Latin,
        0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F | 0xFF21..=0xFF5A => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0530..=0x058F | 0xFB13..=0xFB17 => Script::Armenian,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x0900..=0x097F | 0xA8E0..=0xA8FF => Script::Devanagari,
        0x0E00..=0x0E7F => Script::Thai,
        0x1000..=0x109F | 0xA9E0..=0xA9FF | 0xAA60..=0xAA7F => Script::Myanmar,
        0x10A0..=0x10FF | 0x1C90..=0x1CBF | 0x2D00..=0x2D2F => Script::Georgian,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF => Script::Hangul,
        0x1200..=0x139F | 0x2D80..=0x2DDF | 0xAB00..=0xAB2F => Script::Ethiopic,
        0x2E80..=0x2FDF | 0x3005 | 0x3007 | 0x3021..=0x3029 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF => Script::Han,
        0xF900..=0xFAFF | 0x20000..=0x3134F => Script::Han,
        _ => Script::Other,
    }
}

/// Apostrophes and the modifier letters used as apostrophes (Uzbek oʻ, Arabic ʿayn in
/// transcription): they join the letters around them and are then dropped.
pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '\u{00B4}' | '\u{02B9}'
            ..='\u{02BF}' | '\u{02C8}' | '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}'
    )
}

/// The writing system a text is mostly in: the script with the most letters (ties go to
/// the script declared first), `None` when there are no letters.
pub fn script_of(text: &str) -> Option<Script> {
    let mut counts = [0usize; Script::ALL.len()];
    for script in text.chars().filter_map(of_char) {
        counts[script as usize] += 1;
    }
    let (best, count) = counts
        .iter()
        .enumerate()
        .fold((0, 0), |acc, (i, &n)| if n > acc.1 { (i, n) } else { acc });
    (count > 0).then(|| Script::ALL[best])
}
