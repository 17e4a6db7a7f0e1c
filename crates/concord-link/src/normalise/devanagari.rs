//! Devanagari (Nepali, Hindi) to Latin as Nepali passports write names: consonants
//! carry the inherent vowel a unless a vowel sign or virama follows; the inherent vowel
//! of the last consonant is not pronounced and not written (राम → ram, मदन → madan)
//! unless that consonant ends a cluster (कृष्ण → krishna, श्रेष्ठ → shreshtha). ष and श
//! are sh, क्ष is ksh, and व is b, as Nepali records write it (Bishnu, Parbati); the
//! Hindi forms with v meet them by similarity or the skeleton.

const VIRAMA: char = '\u{094D}';
/// The dot below that makes क़ or ज़ of क or ज; the base letter is close enough.
const NUKTA: char = '\u{093C}';

/// Appends the Devanagari `word` as a-z to `out`.
pub(super) fn push(word: &str, out: &mut String) {
    let letters: Vec<char> = word.chars().filter(|&c| c != NUKTA).collect();
    for (i, &c) in letters.iter().enumerate() {
        let next = letters.get(i + 1).copied();
        if let Some(consonant) = consonant(c) {
            out.push_str(consonant);
            if needs_inherent_vowel(&letters, i, next) {
                out.push('a');
            }
        } else if let Some(vowel) = vowel(c) {
            out.push_str(vowel);
        }
    }
}

/// Whether the consonant at `i` is followed by its inherent vowel: not before a vowel
/// sign or virama, and not at the end of the word unless it ends a cluster.
fn needs_inherent_vowel(letters: &[char], i: usize, next: Option<char>) -> bool {
    match next {
        Some(n) => n != VIRAMA && !is_vowel_sign(n),
        None => i >= 2 && letters[i - 1] == VIRAMA,
    }
}

fn is_vowel_sign(c: char) -> bool {
    matches!(c, '\u{093A}'..='\u{094C}' | '\u{094E}' | '\u{094F}' | '\u{0955}'..='\u{0957}' | '\u{0962}' | '\u{0963}')
}

fn consonant(c: char) -> Option<&'static str> {
    Some(match c {
        'क' => "k",
        'ख' => "kh",
        'ग' => "g",
        'घ' => "gh",
        'ङ' => "ng",
        'च' => "ch",
        'छ' => "chh",
        'ज' => "j",
        'झ' => "jh",
        'ञ' | 'ण' | 'न' => "n",
        'ट' | 'त' => "t",
        'ठ' | 'थ' => "th",
        'ड' | 'द' => "d",
        'ढ' | 'ध' => "dh",
        'प' => "p",
        'फ' => "ph",
        'ब' | 'व' => "b",
        'भ' => "bh",
        'म' => "m",
        'य' => "y",
        'र' => "r",
        'ल' | 'ळ' => "l",
        'श' | 'ष' => "sh",
        'स' => "s",
        'ह' => "h",
        _ => return None,
    })
}

/// Independent vowels, vowel signs and the nasal and visarga signs.
fn vowel(c: char) -> Option<&'static str> {
    Some(match c {
        'अ' | 'आ' | 'ा' => "a",
        'इ' | 'ई' | 'ि' | 'ी' => "i",
        'उ' | 'ऊ' | 'ु' | 'ू' => "u",
        'ऋ' | 'ृ' => "ri",
        'ए' | 'े' | 'ॅ' | 'ऍ' => "e",
        'ऐ' | 'ै' => "ai",
        'ओ' | 'ो' | 'ॉ' | 'ऑ' => "o",
        'औ' | 'ौ' => "au",
        'ं' | 'ँ' => "n",
        'ः' => "h",
        _ => return None,
    })
}
