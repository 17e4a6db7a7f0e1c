//! Thai to Latin, roughly after the Royal Thai General System that passports use:
//! syllable by syllable, a leading vowel (เ แ โ ใ ไ) read after the consonant it is
//! written before, an inherent vowel where none is written (o in a closed syllable: สม
//! → som; a in an open one: นภา → napha), final consonants with their final sounds (ล,
//! ญ → n; ย → i; ว → o; stops → k, t, p; ร → n, but -orn after an inherent o, as names
//! are spelt: พร → phorn), tone marks dropped and letters under the
//! silencing mark ์ removed (สมศักดิ์ → somsak). Names are romanised by their bearers,
//! not by rule (Supaporn, Suphaphon), so this is a start that similarity and the
//! skeleton finish.

const SILENCER: char = '\u{0E4C}';

/// Appends the Thai `word` as a-z to `out`.
pub(super) fn push(word: &str, out: &mut String) {
    let letters = without_silent_letters(word);
    let mut i = 0;
    while i < letters.len() {
        i = push_syllable(&letters, i, out);
    }
}

/// The letters that are pronounced: no tone marks, no letter under ์ (with the vowel
/// sign on it, and the consonant before a silent ร, as in จันทร์).
fn without_silent_letters(word: &str) -> Vec<char> {
    let mut letters: Vec<char> = Vec::with_capacity(word.len() / 3);
    for c in word.chars() {
        if c == SILENCER {
            while letters.last().is_some_and(|&l| is_following_vowel(l)) {
                letters.pop();
            }
            let silent = letters.pop();
            let cluster_before = letters.len() >= 2 && is_consonant(letters[letters.len() - 2]);
            if silent == Some('ร') && letters.last().is_some_and(|&l| is_consonant(l)) && cluster_before {
                letters.pop();
            }
        } else if is_consonant(c) || is_following_vowel(c) || is_leading_vowel(c) {
            letters.push(c);
        }
    }
    letters
}

/// Romanises the syllable starting at `start`, returns where the next one starts.
fn push_syllable(letters: &[char], start: usize, out: &mut String) -> usize {
    let mut i = start;
    let lead = letters.get(i).copied().filter(|&c| is_leading_vowel(c));
    i += usize::from(lead.is_some());
    let Some(&onset) = letters.get(i).filter(|&&c| is_consonant(c)) else {
        return i + 1;
    };
    i += 1;
    let onset = match letters.get(i) {
        Some(&next) if onset == 'ห' && matches!(next, 'ง' | 'ญ' | 'น' | 'ม' | 'ย' | 'ร' | 'ล' | 'ว') =>
        {
            i += 1;
            next
        }
        _ => onset,
    };
    out.push_str(initial(onset));
    if matches!(letters.get(i), Some('ร' | 'ล')) && letters.get(i + 1).is_some_and(|&c| is_following_vowel(c)) {
        out.push(if letters[i] == 'ร' { 'r' } else { 'l' });
        i += 1;
    }
    let vowel_start = i;
    while letters
        .get(i)
        .is_some_and(|&c| is_following_vowel(c) || is_vowel_letter(letters, vowel_start, i, lead))
    {
        i += 1;
    }
    let signs = &letters[vowel_start..i];
    let vowel = vowel(lead, signs);
    let last = final_consonant(letters, i, signs, vowel.is_none());
    out.push_str(vowel.unwrap_or(if last.is_some() { "o" } else { "a" }));
    match last {
        Some('ร') => out.push_str("rn"),
        Some(last) => out.push_str(final_sound(last)),
        None => return i,
    }
    i + 1
}

/// Whether the letter at `i` belongs to the vowel: อ after the consonant (ทอง), ย in
/// เ-ีย, อ in เ-ือ, ว in -ัว.
fn is_vowel_letter(letters: &[char], vowel_start: usize, i: usize, lead: Option<char>) -> bool {
    let before = &letters[vowel_start..i];
    match letters[i] {
        'อ' => before.is_empty() || before == ['ื'],
        'ย' => lead == Some('เ') && before == ['ี'],
        'ว' => before == ['ั'],
        _ => false,
    }
}

/// The consonant at `i` if it closes the syllable whose vowel signs are `signs`. It
/// does not when a vowel sign follows it; when it is the first of two consonants ending
/// the word (สุภาพร: the พ opens พร); when it is ร after a written vowel (สุรชัย); or
/// when it follows a long vowel and the next consonant has a vowel (ศรีสวัสดิ์: sa-wat).
/// An inherent vowel is closed by ร as -orn, the passport spelling (พร → phorn).
fn final_consonant(letters: &[char], i: usize, signs: &[char], inherent: bool) -> Option<char> {
    let c = *letters.get(i).filter(|&&c| is_consonant(c))?;
    let next = letters.get(i + 1).copied();
    let next_has_vowel = letters.get(i + 2).is_some_and(|&c| is_following_vowel(c));
    let long = matches!(signs, ['า' | 'ี' | 'ู' | 'ื', ..]);
    let opens_next = match next {
        Some(next) if is_following_vowel(next) => true,
        Some(next) if is_consonant(next) && !inherent => i + 2 == letters.len() || c == 'ร' || (long && next_has_vowel),
        _ => false,
    };
    (!opens_next).then_some(c)
}

fn vowel(lead: Option<char>, signs: &[char]) -> Option<&'static str> {
    Some(match (lead, signs) {
        (Some('แ'), _) => "ae",
        (Some('โ'), _) => "o",
        (Some('ใ' | 'ไ'), _) => "ai",
        (Some('เ'), ['า', ..]) => "ao",
        (Some('เ'), ['ี', 'ย', ..]) => "ia",
        (Some('เ'), ['ื', 'อ', ..]) => "uea",
        (Some('เ'), ['อ', ..] | ['ิ', ..]) => "oe",
        (Some(_), _) => "e",
        (None, []) => return None,
        (None, ['ั', 'ว', ..]) => "ua",
        (None, ['ำ', ..]) => "am",
        (None, ['ิ' | 'ี', ..]) => "i",
        (None, ['ึ' | 'ื', ..]) => "ue",
        (None, ['ุ' | 'ู', ..]) => "u",
        (None, ['อ', ..]) => "o",
        (None, _) => "a",
    })
}

fn is_consonant(c: char) -> bool {
    ('ก'..='ฮ').contains(&c) && c != 'ฤ' && c != 'ฦ'
}

fn is_leading_vowel(c: char) -> bool {
    ('เ'..='ไ').contains(&c)
}

fn is_following_vowel(c: char) -> bool {
    matches!(c, 'ะ' | 'ั' | 'า' | 'ำ' | 'ิ' | 'ี' | 'ึ' | 'ื' | 'ุ' | 'ู' | '็')
}

fn initial(c: char) -> &'static str {
    match c {
        'ก' => "k",
        'ข' | 'ฃ' | 'ค' | 'ฅ' | 'ฆ' => "kh",
        'ง' => "ng",
        'จ' | 'ฉ' | 'ช' | 'ฌ' => "ch",
        'ซ' | 'ศ' | 'ษ' | 'ส' => "s",
        'ญ' | 'ย' => "y",
        'ฎ' | 'ด' => "d",
        'ฏ' | 'ต' => "t",
        'ฐ' | 'ฑ' | 'ฒ' | 'ถ' | 'ท' | 'ธ' => "th",
        'ณ' | 'น' => "n",
        'บ' => "b",
        'ป' => "p",
        'ผ' | 'พ' | 'ภ' => "ph",
        'ฝ' | 'ฟ' => "f",
        'ม' => "m",
        'ร' => "r",
        'ล' | 'ฬ' => "l",
        'ว' => "w",
        'ห' | 'ฮ' => "h",
        _ => "",
    }
}

fn final_sound(c: char) -> &'static str {
    match c {
        'ก' | 'ข' | 'ค' | 'ฆ' => "k",
        'ง' => "ng",
        'ญ' | 'ณ' | 'น' | 'ร' | 'ล' | 'ฬ' => "n",
        'ม' => "m",
        'ย' => "i",
        'ว' => "o",
        'บ' | 'ป' | 'พ' | 'ฟ' | 'ภ' => "p",
        _ => "t",
    }
}
