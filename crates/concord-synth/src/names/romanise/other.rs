//! Greek, Georgian and Armenian romanisations.

use super::{by_word, capitalised, respell, System};

/// Greek without accents and with the diaeresis kept apart (so that αϊ is two vowels).
fn greek_letters(word: &str) -> Vec<char> {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ά' => 'α',
            'έ' => 'ε',
            'ή' => 'η',
            'ί' => 'ι',
            'ό' => 'ο',
            'ύ' => 'υ',
            'ώ' => 'ω',
            'ΐ' => 'ϊ',
            'ΰ' => 'ϋ',
            'ς' => 'σ',
            c => c,
        })
        .collect()
}

/// ELOT 743, the system of Greek passports.
fn elot_word(word: &str) -> String {
    let g = greek_letters(word);
    let mut out = String::new();
    let mut i = 0;
    let voiceless = |c: Option<&char>| c.is_none_or(|c| "θκξπστφχψ".contains(*c));
    while i < g.len() {
        let (c, next) = (g[i], g.get(i + 1));
        let pair = match (c, next) {
            ('α', Some('ι')) => Some("ai"),
            ('ε', Some('ι')) => Some("ei"),
            ('ο', Some('ι')) => Some("oi"),
            ('ο', Some('υ')) => Some("ou"),
            ('α', Some('υ')) => Some(if voiceless(g.get(i + 2)) { "af" } else { "av" }),
            ('ε', Some('υ')) => Some(if voiceless(g.get(i + 2)) { "ef" } else { "ev" }),
            ('η', Some('υ')) => Some(if voiceless(g.get(i + 2)) { "if" } else { "iv" }),
            ('γ', Some('γ')) => Some("ng"),
            ('γ', Some('κ')) => Some(if i == 0 { "g" } else { "gk" }),
            ('γ', Some('ξ')) => Some("nx"),
            ('γ', Some('χ')) => Some("nch"),
            ('μ', Some('π')) => Some(if i == 0 { "b" } else { "mp" }),
            ('ν', Some('τ')) => Some(if i == 0 { "d" } else { "nt" }),
            _ => None,
        };
        if let Some(latin) = pair {
            out.push_str(latin);
            i += 2;
            continue;
        }
        out.push_str(match c {
            'α' => "a",
            'β' => "v",
            'γ' => "g",
            'δ' => "d",
            'ε' => "e",
            'ζ' => "z",
            'η' | 'ι' | 'ϊ' => "i",
            'θ' => "th",
            'κ' => "k",
            'λ' => "l",
            'μ' => "m",
            'ν' => "n",
            'ξ' => "x",
            'ο' | 'ω' => "o",
            'π' => "p",
            'ρ' => "r",
            'σ' => "s",
            'τ' => "t",
            'υ' | 'ϋ' => "y",
            'φ' => "f",
            'χ' => "ch",
            'ψ' => "ps",
            _ => "",
        });
        i += 1;
    }
    capitalised(&out)
}

fn elot(name: &str) -> String {
    by_word(name, elot_word)
}

/// Greek names: ELOT 743 (Papadopoulos), then the forms people give and older records
/// carry, each one habit away from it: u for ou (Papadopulos), h for ch (Hristos),
/// y before front vowels (Yeorgiou), c for k (Constantinidis, Nicolaou).
pub(in crate::names) const GREEK: &[System] = &[
    elot,
    |s| respell(&elot(s), &[("ou", "u")]),
    |s| respell(&elot(s), &[("ch", "h")]),
    |s| respell(&elot(s), &[("^ge", "ye"), ("^gi", "yi")]),
    |s| respell(&elot(s), &[("ka", "ca"), ("ko", "co"), ("ku", "cu")]),
];

/// A Georgian romanisation: one Latin form per letter (Georgian has no letter case).
fn georgian(name: &str, overrides: &[(char, &str)]) -> String {
    by_word(name, |word| {
        let latin: String = word
            .chars()
            .map(|c| {
                overrides
                    .iter()
                    .chain(GEORGIAN_NATIONAL)
                    .find(|(k, _)| *k == c)
                    .map_or(c.to_string(), |(_, v)| (*v).to_string())
            })
            .collect();
        capitalised(&latin)
    })
}

/// The national system of 2002 (Georgian passports).
const GEORGIAN_NATIONAL: &[(char, &str)] = &[
    ('ა', "a"),
    ('ბ', "b"),
    ('გ', "g"),
    ('დ', "d"),
    ('ე', "e"),
    ('ვ', "v"),
    ('ზ', "z"),
    ('თ', "t"),
    ('ი', "i"),
    ('კ', "k"),
    ('ლ', "l"),
    ('მ', "m"),
    ('ნ', "n"),
    ('ო', "o"),
    ('პ', "p"),
    ('ჟ', "zh"),
    ('რ', "r"),
    ('ს', "s"),
    ('ტ', "t"),
    ('უ', "u"),
    ('ფ', "p"),
    ('ქ', "k"),
    ('ღ', "gh"),
    ('ყ', "q"),
    ('შ', "sh"),
    ('ჩ', "ch"),
    ('ც', "ts"),
    ('ძ', "dz"),
    ('წ', "ts"),
    ('ჭ', "ch"),
    ('ხ', "kh"),
    ('ჯ', "j"),
    ('ჰ', "h"),
];

/// Georgian names: the national system (Japaridze), Russian-mediated (Dzhaparidze),
/// h for kh (Hutsishvili), German (Chuzischwili), French (Djaparidze), c for ts (Cincadze).
pub(in crate::names) const GEORGIAN: &[System] = &[
    |s| georgian(s, &[]),
    |s| georgian(s, &[('ჯ', "dzh"), ('ღ', "g"), ('ყ', "k")]),
    |s| georgian(s, &[('ხ', "h"), ('ყ', "k")]),
    |s| {
        georgian(
            s,
            &[
                ('შ', "sch"),
                ('ჩ', "tsch"),
                ('ჭ', "tsch"),
                ('ჯ', "dsch"),
                ('ხ', "ch"),
                ('ც', "z"),
                ('წ', "z"),
                ('ვ', "w"),
                ('ჟ', "sch"),
                ('ყ', "k"),
            ],
        )
    },
    |s| {
        georgian(
            s,
            &[
                ('ჯ', "dj"),
                ('შ', "ch"),
                ('ჩ', "tch"),
                ('ჭ', "tch"),
                ('ჟ', "j"),
                ('უ', "ou"),
            ],
        )
    },
    |s| georgian(s, &[('ც', "c"), ('წ', "c"), ('ყ', "k")]),
];

/// An Armenian romanisation: letters (lower case) and their Latin forms, with ու, and the
/// word-initial ե (ye) and ո (vo).
fn armenian(name: &str, letters: &[(char, &str)], ou: &str, ending: Option<(&str, &str)>) -> String {
    by_word(name, |word| {
        let lower: String = word.chars().flat_map(char::to_lowercase).collect();
        let (stem, tail) = match ending {
            Some((from, to)) if lower.ends_with(from) => (&lower[..lower.len() - from.len()], to),
            _ => (lower.as_str(), ""),
        };
        let chars: Vec<char> = stem.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == 'ո' && chars.get(i + 1) == Some(&'ւ') {
                out.push_str(ou);
                i += 2;
                continue;
            }
            let latin = match c {
                'ե' if i == 0 => "ye",
                'ո' if i == 0 => "vo",
                'և' if i == 0 => "yev",
                _ => letters
                    .iter()
                    .chain(ARMENIAN_EASTERN)
                    .find(|(k, _)| *k == c)
                    .map_or("", |(_, v)| *v),
            };
            out.push_str(latin);
            i += 1;
        }
        out.push_str(tail);
        capitalised(&out)
    })
}

/// Eastern Armenian as Armenian passports write it.
const ARMENIAN_EASTERN: &[(char, &str)] = &[
    ('ա', "a"),
    ('բ', "b"),
    ('գ', "g"),
    ('դ', "d"),
    ('ե', "e"),
    ('զ', "z"),
    ('է', "e"),
    ('ը', "y"),
    ('թ', "t"),
    ('ժ', "zh"),
    ('ի', "i"),
    ('լ', "l"),
    ('խ', "kh"),
    ('ծ', "ts"),
    ('կ', "k"),
    ('հ', "h"),
    ('ձ', "dz"),
    ('ղ', "gh"),
    ('ճ', "ch"),
    ('մ', "m"),
    ('յ', "y"),
    ('ն', "n"),
    ('շ', "sh"),
    ('ո', "o"),
    ('չ', "ch"),
    ('պ', "p"),
    ('ջ', "j"),
    ('ռ', "r"),
    ('ս', "s"),
    ('վ', "v"),
    ('տ', "t"),
    ('ր', "r"),
    ('ց', "ts"),
    ('ւ', "v"),
    ('փ', "p"),
    ('ք', "k"),
    ('և', "ev"),
    ('օ', "o"),
    ('ֆ', "f"),
];

/// Western Armenian, as the diaspora writes it: voiced and voiceless stops swap.
const ARMENIAN_WESTERN: &[(char, &str)] = &[
    ('բ', "p"),
    ('պ', "b"),
    ('գ', "k"),
    ('կ', "g"),
    ('դ', "t"),
    ('տ', "d"),
    ('ճ', "j"),
    ('ջ', "ch"),
    ('ծ', "dz"),
    ('ձ', "ts"),
];

/// Armenian names: the passport forms (Harutyunyan), -ian (Harutyunian), Russian-mediated
/// (Arutyunyan, Gazaryan) and Western Armenian (Haroutiounian, Garabedian, Krikorian).
pub(in crate::names) const ARMENIAN: &[System] = &[
    |s| armenian(s, &[], "u", None),
    |s| armenian(s, &[], "u", Some(("յան", "ian"))),
    armenian_russian,
    |s| armenian(s, ARMENIAN_WESTERN, "ou", Some(("յան", "ian"))),
];

/// Russian-mediated Armenian: no initial h (Arutyunyan, Ovanesyan), g for gh, dzh for j.
fn armenian_russian(name: &str) -> String {
    let letters = &[('ղ', "g"), ('ջ', "dzh")];
    match name.strip_prefix('Հ') {
        Some(rest) if !rest.is_empty() => {
            let latin = armenian(rest, letters, "u", None);
            latin
                .strip_prefix("Vo")
                .map_or(latin.clone(), |tail| format!("O{tail}"))
        }
        _ => armenian(name, letters, "u", None),
    }
}
