//! Cyrillic romanisations: Ukrainian (2010 passport table, the 1996 one, Russian-mediated,
//! German, Polish, French), Russian (ICAO 9303, BGN/PCGN, popular, German, French),
//! Belarusian (2007 passport table and its variants), Bulgarian (Streamlined System and
//! emigrant forms), Kazakh and Kyrgyz (passport practice, Russian-mediated, Latin).

use super::{by_word, capitalised, System};

/// A Cyrillic romanisation table: letters not listed in `letters` take their [`BASE`] form.
struct Table {
    letters: &'static [(char, &'static str)],
    /// Letters written otherwise at the start of a word (Ukrainian є → ye).
    initial: &'static [(char, &'static str)],
    /// Letters written otherwise after a vowel, a soft or hard sign or an apostrophe
    /// (Russian BGN е → ye).
    after_vowel: &'static [(char, &'static str)],
    /// The soft sign before a vowel, if it is written (Russian popular Vasiliev).
    soft_before_vowel: Option<&'static str>,
    /// Whether с between vowels is written ss (German, French, Kazakh passports).
    double_s: bool,
    /// Word endings written as a whole (-ий → -y, -ов → -off).
    endings: &'static [(&'static str, &'static str)],
    /// Letter pairs written as a whole (Ukrainian зг → zgh).
    pairs: &'static [(&'static str, &'static str)],
}

const PLAIN: Table = Table {
    letters: &[],
    initial: &[],
    after_vowel: &[],
    soft_before_vowel: None,
    double_s: false,
    endings: &[],
    pairs: &[],
};

/// ICAO 9303 forms, the default of every table.
const BASE: &[(char, &str)] = &[
    ('а', "a"),
    ('б', "b"),
    ('в', "v"),
    ('г', "g"),
    ('ґ', "g"),
    ('д', "d"),
    ('е', "e"),
    ('ё', "e"),
    ('є', "ie"),
    ('ж', "zh"),
    ('з', "z"),
    ('и', "i"),
    ('і', "i"),
    ('ї', "i"),
    ('й', "i"),
    ('к', "k"),
    ('л', "l"),
    ('м', "m"),
    ('н', "n"),
    ('о', "o"),
    ('п', "p"),
    ('р', "r"),
    ('с', "s"),
    ('т', "t"),
    ('у', "u"),
    ('ў', "u"),
    ('ф', "f"),
    ('х', "kh"),
    ('ц', "ts"),
    ('ч', "ch"),
    ('ш', "sh"),
    ('щ', "shch"),
    ('ъ', ""),
    ('ы', "y"),
    ('ь', ""),
    ('э', "e"),
    ('ю', "iu"),
    ('я', "ia"),
    ('ә', "a"),
    ('ғ', "g"),
    ('қ', "k"),
    ('ң', "n"),
    ('ө', "o"),
    ('ұ', "u"),
    ('ү', "u"),
    ('һ', "h"),
    ('\'', ""),
    ('’', ""),
];

const VOWELS: &str = "аеёиіїоуыэюяєәөұү";

fn is_vowel(c: char) -> bool {
    VOWELS.contains(c)
}

fn lookup(table: &[(char, &'static str)], c: char) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)
}

fn word(word: &str, table: &Table) -> String {
    let lower: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let upper: Vec<bool> = word.chars().map(char::is_uppercase).collect();
    let lowered: String = lower.iter().collect();
    let (stem_len, ending) = table
        .endings
        .iter()
        .find(|(e, _)| lowered.ends_with(e) && lowered.len() > e.len())
        .map_or((lower.len(), ""), |(e, out)| (lower.len() - e.chars().count(), *out));
    let mut out = String::with_capacity(word.len() + 4);
    let mut i = 0;
    while i < stem_len {
        let c = lower[i];
        let prev = i.checked_sub(1).map(|p| lower[p]);
        let next = lower.get(i + 1).copied();
        let pair = table.pairs.iter().find(|(p, _)| {
            let mut chars = p.chars();
            chars.next() == Some(c) && chars.next() == next && i + 1 < stem_len
        });
        let (latin, width) = if let Some((_, latin)) = pair {
            ((*latin).to_string(), 2)
        } else {
            let soft = matches!(c, 'ь' | 'ъ' | '\'' | '’');
            let latin = match (table.soft_before_vowel, next) {
                (Some(form), Some(n)) if c == 'ь' && is_vowel(n) => form,
                _ if i == 0 && lookup(table.initial, c).is_some() => lookup(table.initial, c).unwrap_or(""),
                _ if prev.is_some_and(|p| is_vowel(p) || matches!(p, 'ь' | 'ъ' | '\'' | '’'))
                    && lookup(table.after_vowel, c).is_some() =>
                {
                    lookup(table.after_vowel, c).unwrap_or("")
                }
                _ if c == 'с' && table.double_s && prev.is_some_and(is_vowel) && next.is_some_and(is_vowel) => "ss",
                // ё after a hushing consonant is written without its j- or i- (Bogachov).
                _ if c == 'ё' && prev.is_some_and(|p| "жчшщ".contains(p)) => {
                    let form = lookup(table.letters, c).unwrap_or("e");
                    if form.ends_with('o') {
                        "o"
                    } else {
                        form
                    }
                }
                _ => lookup(table.letters, c).or_else(|| lookup(BASE, c)).unwrap_or(""),
            };
            let latin = if latin.is_empty() && !soft && lookup(BASE, c).is_none() {
                c.to_string()
            } else {
                latin.to_string()
            };
            (latin, 1)
        };
        if upper.get(i).copied().unwrap_or(false) {
            out.push_str(&capitalised(&latin));
        } else {
            out.push_str(&latin);
        }
        i += width;
    }
    out.push_str(ending);
    out
}

fn romanise(name: &str, table: &Table) -> String {
    by_word(name, |w| word(w, table))
}

/// Ukrainian names: the 2010 passport table, the 1996 one (Oliynyk, Kovalskyy), the
/// Russian-mediated forms of Soviet-era documents (Melnik, Goncharenko), German
/// (Schewtschenko), Polish (Szewczuk) and French (Chevtchenko) forms.
pub(in crate::names) const UKRAINIAN: &[System] = &[
    |s| romanise(s, &UA_PASSPORT),
    |s| romanise(s, &UA_1996),
    |s| romanise(s, &UA_RUSSIAN),
    |s| romanise(s, &UA_GERMAN),
    |s| romanise(s, &UA_POLISH),
    |s| romanise(s, &UA_FRENCH),
];

const UA_PASSPORT: Table = Table {
    letters: &[('г', "h"), ('и', "y")],
    initial: &[('є', "ye"), ('ї', "yi"), ('й', "y"), ('ю', "yu"), ('я', "ya")],
    pairs: &[("зг", "zgh")],
    ..PLAIN
};

const UA_1996: Table = Table {
    letters: &[
        ('г', "h"),
        ('и', "y"),
        ('є', "ye"),
        ('ї', "yi"),
        ('й', "y"),
        ('ю', "yu"),
        ('я', "ya"),
    ],
    ..PLAIN
};

const UA_RUSSIAN: Table = Table {
    letters: &[('є', "ye"), ('ї', "yi"), ('й', "y"), ('ю', "yu"), ('я', "ya")],
    ..PLAIN
};

const UA_GERMAN: Table = Table {
    letters: &[
        ('в', "w"),
        ('г', "h"),
        ('є', "je"),
        ('ж', "sh"),
        ('з', "s"),
        ('и', "y"),
        ('ї', "ji"),
        ('й', "j"),
        ('х', "ch"),
        ('ц', "z"),
        ('ч', "tsch"),
        ('ш', "sch"),
        ('щ', "schtsch"),
        ('ю', "ju"),
        ('я', "ja"),
    ],
    double_s: true,
    ..PLAIN
};

const UA_POLISH: Table = Table {
    letters: &[
        ('в', "w"),
        ('г', "h"),
        ('є', "je"),
        ('ж', "ż"),
        ('и', "y"),
        ('ї', "ji"),
        ('й', "j"),
        ('х', "ch"),
        ('ц', "c"),
        ('ч', "cz"),
        ('ш', "sz"),
        ('щ', "szcz"),
        ('ю', "ju"),
        ('я', "ja"),
    ],
    endings: &[("ський", "ski"), ("цький", "cki"), ("ська", "ska"), ("цька", "cka")],
    ..PLAIN
};

const UA_FRENCH: Table = Table {
    letters: &[
        ('г', "h"),
        ('ж', "j"),
        ('и', "y"),
        ('х', "kh"),
        ('ч', "tch"),
        ('ш', "ch"),
        ('щ', "chtch"),
        ('у', "ou"),
        ('ю', "iou"),
    ],
    double_s: true,
    endings: &[("ський", "ski"), ("цький", "tski"), ("ська", "ska"), ("цька", "tska")],
    ..PLAIN
};

/// Russian names: ICAO 9303 (passports since 2013), BGN/PCGN (Solovyov), the popular
/// forms of older passports and the press (Vasiliev, Kovalevsky), German (Wassiljew),
/// French (Kouznetsov) and the simplified kh → h (Zaharov).
pub(in crate::names) const RUSSIAN: &[System] = &[
    |s| romanise(s, &PLAIN),
    |s| romanise(s, &RU_BGN),
    |s| romanise(s, &RU_POPULAR),
    |s| romanise(s, &RU_GERMAN),
    |s| romanise(s, &RU_FRENCH),
    |s| romanise(s, &RU_H),
];

const RU_BGN: Table = Table {
    letters: &[('ё', "yo"), ('й', "y"), ('ю', "yu"), ('я', "ya")],
    initial: &[('е', "ye")],
    after_vowel: &[('е', "ye")],
    ..PLAIN
};

const RU_POPULAR: Table = Table {
    letters: &[('й', "y"), ('ю', "yu"), ('я', "ya")],
    soft_before_vowel: Some("i"),
    endings: &[
        ("ский", "sky"),
        ("цкий", "tsky"),
        ("ий", "y"),
        ("ый", "y"),
        ("ой", "oy"),
    ],
    ..PLAIN
};

const RU_GERMAN: Table = Table {
    letters: &[
        ('в', "w"),
        ('ё', "jo"),
        ('ж', "sh"),
        ('з', "s"),
        ('й', "j"),
        ('х', "ch"),
        ('ц', "z"),
        ('ч', "tsch"),
        ('ш', "sch"),
        ('щ', "schtsch"),
        ('ю', "ju"),
        ('я', "ja"),
    ],
    initial: &[('е', "je")],
    after_vowel: &[('е', "je")],
    double_s: true,
    endings: &[("ский", "ski"), ("цкий", "zki"), ("ий", "i"), ("ый", "y")],
    ..PLAIN
};

const RU_FRENCH: Table = Table {
    letters: &[
        ('ё', "io"),
        ('ж', "j"),
        ('х', "kh"),
        ('ч', "tch"),
        ('ш', "ch"),
        ('щ', "chtch"),
        ('у', "ou"),
        ('ю', "iou"),
    ],
    double_s: true,
    endings: &[("ский", "ski"), ("ий", "i"), ("ый", "y")],
    ..PLAIN
};

const RU_H: Table = Table {
    letters: &[('х', "h"), ('й', "y"), ('ю', "yu"), ('я', "ya")],
    ..PLAIN
};

/// Belarusian names: the 2007 passport table (Kavaliou, Piatrou), its y-forms (Kavalyou),
/// the Russian-mediated forms (Kavalev) and the Polish ones (Lukaszewicz).
pub(in crate::names) const BELARUSIAN: &[System] = &[
    |s| romanise(s, &BY_PASSPORT),
    |s| romanise(s, &BY_Y),
    |s| romanise(s, &BY_RUSSIAN),
    |s| romanise(s, &BY_POLISH),
];

const BY_PASSPORT: Table = Table {
    letters: &[('г', "h"), ('ё', "io")],
    initial: &[('е', "ye"), ('ё', "yo"), ('ю', "yu"), ('я', "ya")],
    after_vowel: &[('е', "ye"), ('ё', "yo"), ('ю', "yu"), ('я', "ya")],
    ..PLAIN
};

const BY_Y: Table = Table {
    letters: &[('г', "h"), ('ё', "yo"), ('ю', "yu"), ('я', "ya")],
    initial: &[('е', "ye")],
    ..PLAIN
};

const BY_RUSSIAN: Table = Table {
    letters: &[('ў', "v"), ('й', "y"), ('ю', "yu"), ('я', "ya")],
    endings: &[("скі", "sky"), ("цкі", "tsky"), ("ская", "skaya"), ("цкая", "tskaya")],
    ..PLAIN
};

const BY_POLISH: Table = Table {
    letters: &[
        ('в', "w"),
        ('ў', "w"),
        ('г', "h"),
        ('ё', "io"),
        ('ж', "ż"),
        ('й', "j"),
        ('х', "ch"),
        ('ц', "c"),
        ('ч', "cz"),
        ('ш', "sz"),
    ],
    initial: &[('е', "je"), ('ё', "jo"), ('ю', "ju"), ('я', "ja")],
    after_vowel: &[('е', "je"), ('ё', "jo"), ('ю', "ju"), ('я', "ja")],
    endings: &[("скі", "ski"), ("цкі", "cki"), ("ская", "ska"), ("цкая", "cka")],
    ..PLAIN
};

/// Bulgarian names: the Streamlined System of passports, j-forms (Stojanov), kh (Khristov),
/// the emigrant -off (Dimitroff) and German forms (Georgiew).
pub(in crate::names) const BULGARIAN: &[System] = &[
    |s| romanise(s, &BG_OFFICIAL),
    |s| romanise(s, &BG_J),
    |s| romanise(s, &BG_KH),
    |s| romanise(s, &BG_OFF),
    |s| romanise(s, &BG_GERMAN),
];

const BG_LETTERS: &[(char, &str)] = &[
    ('х', "h"),
    ('й', "y"),
    ('щ', "sht"),
    ('ъ', "a"),
    ('ь', "y"),
    ('ю', "yu"),
    ('я', "ya"),
];

const BG_OFFICIAL: Table = Table {
    letters: BG_LETTERS,
    endings: &[("ия", "ia")],
    ..PLAIN
};

const BG_J: Table = Table {
    letters: &[
        ('х', "h"),
        ('й', "j"),
        ('щ', "sht"),
        ('ъ', "a"),
        ('ю', "ju"),
        ('я', "ja"),
    ],
    ..PLAIN
};

const BG_KH: Table = Table {
    letters: &[('й', "y"), ('щ', "sht"), ('ъ', "a"), ('ю', "yu"), ('я', "ya")],
    ..PLAIN
};

const BG_OFF: Table = Table {
    letters: BG_LETTERS,
    endings: &[("ов", "off"), ("ев", "eff")],
    ..PLAIN
};

const BG_GERMAN: Table = Table {
    letters: &[
        ('в', "w"),
        ('ж', "sh"),
        ('з', "s"),
        ('й', "j"),
        ('х', "ch"),
        ('ц', "z"),
        ('ч', "tsch"),
        ('ш', "sch"),
        ('щ', "scht"),
        ('ъ', "a"),
        ('ю', "ju"),
        ('я', "ja"),
    ],
    ..PLAIN
};

/// Kazakh names: passport practice (ss between vowels, -yev: Kassymov, Zhumabayev), the
/// Russian-mediated forms (Kasymov), the Latin alphabet's q and gh (Qasymov), j for ж
/// (Jumabaev) and German forms (Achmetow).
pub(in crate::names) const KAZAKH: &[System] = &[
    |s| romanise(s, &KZ_PASSPORT),
    |s| romanise(s, &KZ_RUSSIAN),
    |s| romanise(s, &KZ_LATIN),
    |s| romanise(s, &KZ_J),
    |s| romanise(s, &KZ_GERMAN),
];

const KZ_PASSPORT: Table = Table {
    letters: &[('ю', "yu"), ('я', "ya")],
    after_vowel: &[('е', "ye")],
    double_s: true,
    ..PLAIN
};

const KZ_RUSSIAN: Table = Table {
    letters: &[('й', "y"), ('ю', "yu"), ('я', "ya")],
    ..PLAIN
};

const KZ_LATIN: Table = Table {
    letters: &[('қ', "q"), ('ғ', "gh"), ('ң', "ng"), ('ю', "yu"), ('я', "ya")],
    ..PLAIN
};

const KZ_J: Table = Table {
    letters: &[('ж', "j"), ('ю', "yu"), ('я', "ya")],
    ..PLAIN
};

const KZ_GERMAN: Table = Table {
    letters: &[
        ('в', "w"),
        ('ж', "sh"),
        ('з', "s"),
        ('й', "j"),
        ('х', "ch"),
        ('ц', "z"),
        ('ч', "tsch"),
        ('ш', "sch"),
        ('ю', "ju"),
        ('я', "ja"),
    ],
    double_s: true,
    ..PLAIN
};

/// Kyrgyz names: passport practice (Abdykadyrov), j for ж (Jumabekov), i for ы
/// (Abdikadirov) and -yev after vowels (Turdubayev).
pub(in crate::names) const KYRGYZ: &[System] = &[
    |s| romanise(s, &KG_PASSPORT),
    |s| romanise(s, &KG_J),
    |s| romanise(s, &KG_I),
    |s| romanise(s, &KG_YE),
];

const KG_PASSPORT: Table = Table {
    letters: &[('ю', "yu"), ('я', "ya")],
    ..PLAIN
};

const KG_J: Table = Table {
    letters: &[('ж', "j"), ('ю', "yu"), ('я', "ya")],
    ..PLAIN
};

const KG_I: Table = Table {
    letters: &[('ы', "i"), ('ю', "yu"), ('я', "ya")],
    ..PLAIN
};

const KG_YE: Table = Table {
    letters: &[('й', "y"), ('ю', "yu"), ('я', "ya")],
    after_vowel: &[('е', "ye")],
    ..PLAIN
};
