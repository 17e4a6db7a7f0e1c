//! Latin letters with diacritics, to plain a-z.
//!
//! Diacritics are dropped (Şahin → sahin, Dvořák → dvorak, Nguyễn → nguyen) because that
//! is what records written on an ordinary keyboard show; the phonetic respellings
//! (Shahin, Dvorzhak) are left to the folding rules and to similarity. Letters that are
//! not a base letter plus a mark get their usual spelling (ß → ss, ł → l, æ → ae, þ → th,
//! ə → a). Serbo-Croatian đ is dj, Vietnamese đ is d: a word with another Serbo-Croatian
//! letter (č ć š ž) or two đ is taken as Serbo-Croatian.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends the lower-case Latin `word` as a-z to `out`.
pub(super) fn push(word: &str, out: &mut String) {
    let serbo_croatian = word.chars().any(|c| matches!(c, 'č' | 'ć' | 'š' | 'ž')) || word.matches('đ').count() > 1;
    for c in word.chars() {
        match c {
            'a'..='z' => out.push(c),
            'đ' if serbo_croatian => out.push_str("dj"),
            _ => push_letter(c, out),
        }
    }
}

/// A letter with its marks dropped; one that has no base letter falls back to any_ascii.
fn push_letter(c: char, out: &mut String) {
    if let Some(spelling) = special(c) {
        out.push_str(spelling);
        return;
    }
    if is_combining_mark(c) {
        return;
    }
    let before = out.len();
    decompose_canonical(c, |part| {
        if part.is_ascii_alphabetic() {
            out.push(part.to_ascii_lowercase());
        }
    });
    if out.len() == before {
        super::push_ascii(any_ascii::any_ascii_char(c), out);
    }
}

/// Letters that do not decompose into a base letter and a mark.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' | 'ǽ' | 'ǣ' => "ae",
        'œ' => "oe",
        'ø' | 'ǿ' | 'ɔ' => "o",
        'ł' | 'ŀ' | 'ƚ' => "l",
        'đ' | 'ð' | 'ɗ' => "d",
        'þ' => "th",
        'ı' => "i",
        'ħ' => "h",
        'ŋ' => "ng",
        'ə' | 'ɐ' | 'ɑ' => "a",
        'ɛ' => "e",
        'ɣ' => "g",
        'ɓ' => "b",
        'ƙ' | 'ĸ' => "k",
        'ƴ' => "y",
        'ɲ' => "ny",
        'ʃ' => "sh",
        'ʒ' => "zh",
        'ſ' => "s",
        'ŧ' => "t",
        'ƒ' => "f",
        'ª' => "a",
        'º' => "o",
        _ => return None,
    })
}
