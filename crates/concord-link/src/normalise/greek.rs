//! Greek to Latin after ELOT 743, the passport system: ξ → ks, ου → ou, αυ/ευ → av/ev, μπ → b at
//! the start and mb inside, ντ → d/nt, γγ → ng, γκ → g/ng, χ → ch, η/ι/υ → i/i/y.
//! A vowel with a diaeresis (ϊ, ϋ) does not form a digraph with the vowel before it.

use unicode_normalization::char::decompose_canonical;

/// Appends the lower-case Greek `word` as a-z to `out`.
pub(super) fn push(word: &str, out: &mut String) {
    let letters: Vec<(char, bool)> = word.chars().filter_map(base).collect();
    let mut i = 0;
    while i < letters.len() {
        let (c, _) = letters[i];
        let (next, next_diaeresis) = letters.get(i + 1).copied().unwrap_or((' ', false));
        let digraph = if next_diaeresis { None } else { digraph(c, next, i == 0) };
        match digraph {
            Some(spelling) => {
                out.push_str(spelling);
                i += 2;
            }
            None => {
                out.push_str(letter(c).unwrap_or(""));
                i += 1;
            }
        }
    }
}

/// The base letter of a Greek character and whether it carried a diaeresis; `None` for
/// marks and anything that is not a Greek letter.
fn base(c: char) -> Option<(char, bool)> {
    let mut letter = None;
    let mut diaeresis = false;
    decompose_canonical(c, |part| match part {
        '\u{0308}' => diaeresis = true,
        'α'..='ω' => letter = Some(part),
        _ => {}
    });
    letter.map(|l| (l, diaeresis))
}

fn digraph(c: char, next: char, initial: bool) -> Option<&'static str> {
    Some(match (c, next) {
        ('ο', 'υ') => "ou",
        ('α', 'ι') => "ai",
        ('ε', 'ι') => "ei",
        ('ο', 'ι') => "oi",
        ('α', 'υ') => "av",
        ('ε', 'υ') => "ev",
        ('η', 'υ') => "iv",
        ('μ', 'π') if initial => "b",
        ('μ', 'π') => "mb",
        ('ν', 'τ') if initial => "d",
        ('ν', 'τ') => "nt",
        ('γ', 'γ') => "ng",
        ('γ', 'κ') if initial => "g",
        ('γ', 'κ') => "ng",
        ('γ', 'ξ') => "nks",
        ('γ', 'χ') => "nch",
        _ => return None,
    })
}

fn letter(c: char) -> Option<&'static str> {
    Some(match c {
        'α' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' | 'ι' => "i",
        'θ' => "th",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "ks",
        'ο' | 'ω' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        _ => return None,
    })
}
