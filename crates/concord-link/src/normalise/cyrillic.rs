//! Cyrillic to Latin, close to the passport tables (Ukrainian 2010, Russian ICAO 9303,
//! Belarusian 2007, Kazakh and Kyrgyz practice) but with the choices that make the
//! folding rules meet the press forms: iotated vowels are i + vowel (я → ia, ю → iu,
//! є → ie, ё → io), a soft sign before a vowel is a glide (Наталья → natalia), х is kh.
//!
//! Ukrainian and Belarusian г is h, Russian, Bulgarian and Central Asian г is g. The
//! spelling alone rarely tells them apart (Ольга is both Olha and Olga), so a word is
//! read as Ukrainian or Belarusian only when it shows it: ї, є, ґ or ў, or і before a
//! vowel or at the start (Марія, Андрій, Ігор), and no Kazakh letter. Bulgarian ъ before a
//! consonant is the vowel a (Петър → petar); elsewhere ъ and ь are silent.

use unicode_normalization::char::is_combining_mark;

/// Appends the lower-case Cyrillic `word` as a-z to `out`.
pub(super) fn push(word: &str, out: &mut String) {
    let h_for_g = uses_h_for_g(word);
    let mut letters = word.chars().filter(|&c| !is_combining_mark(c)).peekable();
    let mut first = true;
    while let Some(c) = letters.next() {
        let next = letters.peek().copied();
        match c {
            'ь' => out.push_str(if next.is_some_and(is_vowel) { "i" } else { "" }),
            'ъ' if first || next.is_some_and(|n| !is_vowel(n)) => out.push('a'),
            'ъ' => {}
            'г' => out.push(if h_for_g { 'h' } else { 'g' }),
            'и' => out.push(if h_for_g { 'y' } else { 'i' }),
            _ => match letter(c) {
                Some(spelling) => out.push_str(spelling),
                None => super::push_ascii(any_ascii::any_ascii_char(c), out),
            },
        }
        first = false;
    }
}

/// Whether the word is Ukrainian or Belarusian by its letters.
fn uses_h_for_g(word: &str) -> bool {
    const KAZAKH: &[char] = &['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ'];
    if word.contains(KAZAKH) {
        return false;
    }
    if word.contains(['ї', 'є', 'ґ', 'ў']) || word.starts_with('і') {
        return true;
    }
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if c == 'і' && chars.peek().is_some_and(|&n| is_vowel(n) || n == 'й') {
            return true;
        }
    }
    false
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'е' | 'ё' | 'є' | 'и' | 'і' | 'ї' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'ә' | 'ө' | 'ұ' | 'ү'
    )
}

fn letter(c: char) -> Option<&'static str> {
    Some(match c {
        'а' | 'ә' => "a",
        'б' => "b",
        'в' => "v",
        'ґ' => "g",
        'ғ' => "gh",
        'д' => "d",
        'е' | 'э' => "e",
        'ё' => "io",
        'є' => "ie",
        'ж' => "zh",
        'з' => "z",
        'і' | 'ї' | 'й' => "i",
        'к' | 'қ' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' => "ng",
        'о' | 'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' | 'ұ' | 'ү' => "u",
        'ф' => "f",
        'х' => "kh",
        'һ' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ы' => "y",
        'ю' => "iu",
        'я' => "ia",
        'ђ' => "dj",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ћ' => "c",
        'џ' | 'ѕ' => "dz",
        'ѓ' => "gj",
        'ќ' => "kj",
        _ => return None,
    })
}
