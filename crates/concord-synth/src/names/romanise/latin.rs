//! Latin-script names as other records write them: without diacritics first (many
//! registries cannot store them), then respelled by officers of another language:
//! Russian-mediated (Vishnevsky, Kozhokaru), English phonetic (Kovach, Shahin), German
//! (Oeztuerk, Kutschera).

use super::{by_word, respell, System};

/// Letters with diacritics and their plain forms: every letter the Latin pools use.
const PLAIN: &[(&str, &str)] = &[
    ("àáâãäåāăą", "a"),
    ("ÀÁÂÃÄÅĀĂĄ", "A"),
    ("çćčĉ", "c"),
    ("ÇĆČ", "C"),
    ("ďđ", "d"),
    ("ĎĐ", "D"),
    ("èéêëēėęěẹẻẽếềểễệ", "e"),
    ("ÈÉÊËĒĖĘĚ", "E"),
    ("ğ", "g"),
    ("Ğ", "G"),
    ("ìíîïīıịỉĩ", "i"),
    ("ÌÍÎÏĪİ", "I"),
    ("ł", "l"),
    ("Ł", "L"),
    ("ñńň", "n"),
    ("ÑŃŇ", "N"),
    ("òóôõöøőơọỏốồổỗộớờởỡợ", "o"),
    ("ÒÓÔÕÖØŐƠ", "O"),
    ("ř", "r"),
    ("Ř", "R"),
    ("śšşș", "s"),
    ("ŚŠŞȘ", "S"),
    ("ťţț", "t"),
    ("ŤŢȚ", "T"),
    ("ùúûüūůűũưụủứừửữự", "u"),
    ("ÙÚÛÜŪŮŰŨƯ", "U"),
    ("ýÿỳỵỷỹ", "y"),
    ("ÝŸ", "Y"),
    ("źżž", "z"),
    ("ŹŻŽ", "Z"),
    ("ạảấầẩẫậắằẳẵặ", "a"),
    ("ʻ’", ""),
];

/// A name without diacritics.
pub(in crate::names) fn plain(name: &str) -> String {
    if name.is_ascii() {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match PLAIN.iter().find(|(from, _)| !c.is_ascii() && from.contains(c)) {
            Some((_, to)) => out.push_str(to),
            None => out.push(c),
        }
    }
    out
}

/// Respells a name by `rules`, then drops the diacritics left.
fn respelled(name: &str, rules: &[(&str, &str)]) -> String {
    plain(&respell(name, rules))
}

/// Polish: plain, Russian-mediated (Vishnevsky, Kovalchik), German (Wischnewski).
pub(in crate::names) const POLISH: &[System] = &[plain, |s| respelled(s, PL_RUSSIAN), |s| respelled(s, PL_GERMAN)];

const PL_RUSSIAN: &[(&str, &str)] = &[
    ("szcz", "shch"),
    ("sz", "sh"),
    ("cz", "ch"),
    ("rz", "zh"),
    ("ch", "kh"),
    ("ś", "sh"),
    ("ć", "ch"),
    ("ż", "zh"),
    ("ź", "zh"),
    ("ó", "u"),
    ("ąb", "omb"),
    ("ąp", "omp"),
    ("ą", "on"),
    ("ę", "en"),
    ("w", "v"),
    ("ie", "e"),
    ("ia", "ya"),
    ("io", "yo"),
    ("iu", "yu"),
    ("j", "y"),
    ("c", "ts"),
    ("y", "i"),
    ("ski$", "sky"),
    ("cki$", "tsky"),
];

const PL_GERMAN: &[(&str, &str)] = &[
    ("szcz", "schtsch"),
    ("sz", "sch"),
    ("cz", "tsch"),
    ("rz", "rsch"),
    ("ś", "sch"),
    ("ż", "sch"),
    ("ci", "zi"),
    ("cki$", "tzki"),
    ("ą", "on"),
    ("ę", "en"),
];

/// Czech: plain, phonetic (Dvorzak, Ruzhichka), German (Kutschera).
pub(in crate::names) const CZECH: &[System] = &[plain, |s| respelled(s, CZ_PHONETIC), |s| respelled(s, CZ_GERMAN)];

const CZ_PHONETIC: &[(&str, &str)] = &[("ř", "rz"), ("č", "ch"), ("š", "sh"), ("ž", "zh"), ("ě", "ye")];

const CZ_GERMAN: &[(&str, &str)] = &[
    ("ř", "rsch"),
    ("č", "tsch"),
    ("š", "sch"),
    ("ž", "sch"),
    ("ch", "ch"),
    ("c", "z"),
    ("v", "w"),
];

/// Turkish: plain, phonetic (Shahin, Redzhep, Doan), German (Oeztuerk, Schahin, Jilmaz).
pub(in crate::names) const TURKISH: &[System] = &[plain, |s| respelled(s, TR_PHONETIC), |s| respelled(s, TR_GERMAN)];

const TR_PHONETIC: &[(&str, &str)] = &[("ş", "sh"), ("ç", "ch"), ("c", "dzh"), ("ğ", "")];

const TR_GERMAN: &[(&str, &str)] = &[
    ("ö", "oe"),
    ("ü", "ue"),
    ("ş", "sch"),
    ("ç", "tsch"),
    ("c", "dsch"),
    ("y", "j"),
];

/// Romanian: plain, with the cedilla letters many keyboards type (Şerban), phonetic
/// English (Sherban, Popesku, Chobanu).
pub(in crate::names) const ROMANIAN: &[System] = &[plain, cedilla, |s| respelled(s, RO_PHONETIC)];

/// Plain, but with ș and ț typed as ş and ţ (cedilla), as many keyboards write them.
fn cedilla(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'ș' | 'ş' => "ş".to_string(),
            'Ș' | 'Ş' => "Ş".to_string(),
            'ț' | 'ţ' => "ţ".to_string(),
            'Ț' | 'Ţ' => "Ţ".to_string(),
            c => plain(&c.to_string()),
        })
        .collect()
}

const RO_PHONETIC: &[(&str, &str)] = &[
    ("ș", "sh"),
    ("ț", "ts"),
    ("chi", "ki"),
    ("che", "ke"),
    ("ghi", "gi"),
    ("ghe", "ge"),
    ("cea", "cha"),
    ("cia", "cha"),
    ("cio", "cho"),
    ("ciu", "chu"),
    ("ce", "che"),
    ("ci", "chi"),
    ("ca", "ka"),
    ("co", "ko"),
    ("cu", "ku"),
    ("ea", "ya"),
];

/// Moldovan: plain, Russian-mediated (Kozhokaru, Syrbu, Tsurkanu), Russian spelling
/// without the final -u (Turcan, Muntean).
pub(in crate::names) const MOLDOVAN: &[System] = &[plain, |s| respelled(s, MD_RUSSIAN), without_final_u];

const MD_RUSSIAN: &[(&str, &str)] = &[
    ("ș", "sh"),
    ("ț", "ts"),
    ("chi", "ki"),
    ("che", "ke"),
    ("ghi", "gi"),
    ("ghe", "ge"),
    ("cea", "cha"),
    ("cia", "cha"),
    ("cio", "cho"),
    ("ciu", "chu"),
    ("ce", "che"),
    ("ci", "chi"),
    ("c", "k"),
    ("j", "zh"),
    ("ea", "ya"),
    ("ă", "a"),
    ("â", "y"),
    ("î", "y"),
];

/// Without the final -u of -anu and -aru, as the Russian spelling often writes them
/// (Cioban, Cojocar).
fn without_final_u(name: &str) -> String {
    by_word(&plain(name), |w| {
        if w.ends_with("anu") || w.ends_with("aru") {
            w[..w.len() - 1].to_string()
        } else {
            w.to_string()
        }
    })
}

/// Hungarian: plain, phonetic (Kovach, Farkash, Sabo, Nadj), German (Kowatsch).
pub(in crate::names) const HUNGARIAN: &[System] = &[plain, |s| respelled(s, HU_PHONETIC), |s| respelled(s, HU_GERMAN)];

const HU_PHONETIC: &[(&str, &str)] = &[
    ("ccs", "ch"),
    ("cs", "ch"),
    ("sz", "s"),
    ("zs", "zh"),
    ("s", "sh"),
    ("gy", "dj"),
    ("ly", "y"),
    ("th", "t"),
    ("j", "y"),
    ("c", "ts"),
];

const HU_GERMAN: &[(&str, &str)] = &[("cs", "tsch"), ("sz", "s"), ("zs", "sch"), ("s", "sch"), ("v", "w")];

/// Albanian: plain, phonetic (Chela, Hodja, Djoka, Krasnici).
pub(in crate::names) const ALBANIAN: &[System] = &[plain, |s| respelled(s, AL_PHONETIC)];

const AL_PHONETIC: &[(&str, &str)] = &[
    ("ç", "ch"),
    ("xh", "dj"),
    ("gj", "dj"),
    ("q", "c"),
    ("ll", "l"),
    ("rr", "r"),
    ("dh", "d"),
    ("ë", "e"),
    ("y", "i"),
];

/// Serbian (Latin): plain with dj for đ, English (Jovanovich, Zhivkovich), plain with d
/// for đ (Dordevic), and with y for j (Yovanovich).
pub(in crate::names) const SERBIAN: &[System] = &[
    |s| plain(&respell(s, &[("đ", "dj")])),
    |s| respelled(s, RS_ENGLISH),
    plain,
    |s| respelled(&respell(s, &[("j", "y")]), RS_ENGLISH),
];

const RS_ENGLISH: &[(&str, &str)] = &[
    ("ć", "ch"),
    ("č", "ch"),
    ("š", "sh"),
    ("ž", "zh"),
    ("đ", "dj"),
    ("dž", "j"),
];

/// Uzbek (Latin): Russian-mediated passports first (Rakhimov, Kodirov, Abdullaev), then
/// h-forms (Rahimov), the Russian spelling (Tashmatov, Usmanov) and the Uzbek Latin
/// alphabet in ASCII (Xolmatov, Qodirov).
pub(in crate::names) const UZBEK: &[System] = &[
    |s| respelled(s, UZ_RUSSIAN),
    |s| respelled(s, UZ_H),
    |s| respell(&respelled(s, UZ_RUSSIAN), &[("o", "a"), ("ov$", "ov"), ("ova$", "ova")]),
    |s| s.replace(['ʻ', '’'], "'"),
];

const UZ_RUSSIAN: &[(&str, &str)] = &[
    ("sh", "sh"),
    ("ch", "ch"),
    ("oʻ", "u"),
    ("gʻ", "g"),
    ("x", "kh"),
    ("h", "kh"),
    ("q", "k"),
    ("yev$", "ev"),
    ("yeva$", "eva"),
];

const UZ_H: &[(&str, &str)] = &[("oʻ", "u"), ("gʻ", "g"), ("x", "h"), ("q", "k")];

/// Spanish: plain, and -ez written -es (Gonzales) as often happens outside Spain.
pub(in crate::names) const SPANISH: &[System] = &[plain, |s| respelled(s, &[("ez$", "es")])];

/// Two Spanish family names: plain, hyphenated (Gonzalez-Perez), with -es for -ez.
pub(in crate::names) const SPANISH_DOUBLE: &[System] = &[
    plain,
    |s| plain(s).replace(' ', "-"),
    |s| respelled(s, &[("ez$", "es")]),
];

/// French (Haitian) names: plain, hyphens as spaces (Jean Louis), Saint shortened (St-Louis).
pub(in crate::names) const FRENCH: &[System] = &[
    plain,
    |s| plain(s).replace('-', " "),
    |s| plain(s).replace("Saint-", "St-"),
];

/// Filipino names: plain, and compound names run together (Delacruz, Deguzman).
pub(in crate::names) const FILIPINO: &[System] = &[plain, |s| plain(s).replace(' ', "")];
