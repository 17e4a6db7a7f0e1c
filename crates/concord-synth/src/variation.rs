//! How one agency writes an individual: script, romanisation variant, typing errors,
//! swapped name parts, second names, and dates of birth that are partial or slightly
//! wrong.

use chrono::{Datelike, Days, NaiveDate};
use concord_core::{PartialDate, PersonName, RomanisedName};
use rand::Rng;

use crate::names::{NameForm, Script};
use crate::population::{Entity, SecondName};
use crate::random::{self, Stream};

/// In which script(s) a record writes a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Writing {
    /// The native script only.
    Native,
    /// The native script, with a romanised form beside it.
    NativeAndRomanised,
    /// A romanised form only.
    Romanised,
}

/// The names a record gives an individual: the main one, sometimes an alias written
/// another way. `local` is whether the agency is in the individual's own country.
pub(crate) fn names(rng: &mut Stream, entity: &Entity, local: bool) -> Vec<PersonName> {
    let writing = writing(rng, entity, local);
    let with_second = random::chance(rng, if local { 0.45 } else { 0.2 });
    let mut main = name(rng, entity, writing, with_second);
    let swap_rate = if entity.origin.pool.family_name_first {
        0.12
    } else {
        0.04
    };
    if random::chance(rng, swap_rate) {
        swap(&mut main);
    }
    if random::chance(rng, 0.07) {
        mistype_name(rng, &mut main);
    }
    if random::chance(rng, 0.03) {
        // Only a first name is known ("she called herself Oksana").
        main.family.clear();
        if let Some(r) = &mut main.romanised {
            r.family.clear();
        }
    }
    let mut all = vec![main];
    if random::chance(rng, 0.06) {
        all.push(name(rng, entity, Writing::Romanised, false));
    }
    all
}

fn writing(rng: &mut Stream, entity: &Entity, local: bool) -> Writing {
    let latin = matches!(entity.origin.pool.script, Script::Latin);
    let weights = match (latin, local) {
        (true, true) => [
            (Writing::Native, 90),
            (Writing::NativeAndRomanised, 2),
            (Writing::Romanised, 8),
        ],
        (true, false) => [
            (Writing::Native, 45),
            (Writing::NativeAndRomanised, 5),
            (Writing::Romanised, 50),
        ],
        (false, true) => [
            (Writing::Native, 55),
            (Writing::NativeAndRomanised, 40),
            (Writing::Romanised, 5),
        ],
        (false, false) => [
            (Writing::Native, 5),
            (Writing::NativeAndRomanised, 25),
            (Writing::Romanised, 70),
        ],
    };
    random::weighted(rng, &weights)
}

/// One name of the individual, written one way.
pub(crate) fn name(rng: &mut Stream, entity: &Entity, writing: Writing, with_second: bool) -> PersonName {
    let second = entity.second.filter(|_| with_second);
    let native_given = join(
        entity.given.native.to_string(),
        second.map(|s| second_native(&s, entity.female)),
    );
    let native_family = entity.family.native.to_string();
    let mut roman = || {
        let given = join(
            variant(rng, entity.given).to_string(),
            second.map(|s| second_romanised(rng, &s, entity.female)),
        );
        RomanisedName {
            given,
            family: variant(rng, entity.family).to_string(),
        }
    };
    match writing {
        Writing::Native => PersonName {
            given: native_given,
            family: native_family,
            romanised: None,
        },
        Writing::NativeAndRomanised => PersonName {
            given: native_given,
            family: native_family,
            romanised: Some(roman()),
        },
        Writing::Romanised => {
            let r = roman();
            PersonName {
                given: r.given,
                family: r.family,
                romanised: None,
            }
        }
    }
}

fn join(first: String, second: Option<String>) -> String {
    match second {
        Some(second) => format!("{first} {second}"),
        None => first,
    }
}

fn second_native(second: &SecondName, female: bool) -> String {
    match second {
        SecondName::Given(form) => form.native.to_string(),
        SecondName::Patronymic { father, style } => format!("{}{}", father.native, style.suffixes(female).0),
    }
}

fn second_romanised(rng: &mut Stream, second: &SecondName, female: bool) -> String {
    match second {
        SecondName::Given(form) => variant(rng, form).to_string(),
        SecondName::Patronymic { father, style } => {
            format!("{}{}", variant(rng, father), style.suffixes(female).1)
        }
    }
}

/// A romanisation of a name, the more common ones more often.
fn variant(rng: &mut Stream, form: &NameForm) -> &'static str {
    const CHOICES: [(usize, u32); 6] = [(0, 60), (1, 22), (2, 10), (3, 5), (4, 2), (5, 1)];
    form.romanised[random::weighted(rng, &CHOICES[..form.romanised.len().min(CHOICES.len())])]
}

/// Given and family name written in each other's place.
fn swap(name: &mut PersonName) {
    std::mem::swap(&mut name.given, &mut name.family);
    if let Some(r) = &mut name.romanised {
        std::mem::swap(&mut r.given, &mut r.family);
    }
}

/// One typing error in the Latin part of a name (or the native part if there is none).
pub(crate) fn mistype_name(rng: &mut Stream, name: &mut PersonName) {
    let part = match (&mut name.romanised, random::chance(rng, 0.5)) {
        (Some(r), true) => &mut r.given,
        (Some(r), false) => &mut r.family,
        (None, true) => &mut name.given,
        (None, false) => &mut name.family,
    };
    *part = typo(rng, part);
}

/// Letters next to each other on a QWERTY keyboard.
const NEIGHBOURS: [&str; 26] = [
    "qwsz", "vghn", "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko", "huikmn", "jiolm", "kop", "njk",
    "bhjm", "iklp", "ol", "wa", "edft", "awedxz", "rfgy", "yhji", "cfgb", "qase", "zsdc", "tghu", "asx",
];

/// The text with one realistic typing error: two neighbouring letters transposed, a
/// letter dropped or doubled, or a letter replaced by its neighbour on the keyboard.
/// Only letters are touched, so the result keeps its spaces and hyphens.
pub(crate) fn typo(rng: &mut Stream, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let letters: Vec<usize> = (0..chars.len()).filter(|&i| chars[i].is_alphabetic()).collect();
    if letters.len() < 3 {
        return text.to_string();
    }
    let i = *random::pick(rng, &letters);
    match random::below(rng, 4) {
        0 if i + 1 < chars.len() && chars[i + 1].is_alphabetic() && chars[i] != chars[i + 1] => {
            chars.swap(i, i + 1);
        }
        1 => {
            chars.remove(i);
        }
        2 => chars.insert(i, chars[i]),
        _ => chars[i] = neighbour(rng, chars[i]),
    }
    chars.into_iter().collect()
}

/// A keyboard neighbour of an ASCII letter, in the same case; any other character is
/// returned unchanged.
fn neighbour(rng: &mut Stream, c: char) -> char {
    if !c.is_ascii_alphabetic() {
        return c;
    }
    let row = NEIGHBOURS[usize::from(c.to_ascii_lowercase() as u8 - b'a')].as_bytes();
    let n = char::from(*random::pick(rng, row));
    if c.is_ascii_uppercase() {
        n.to_ascii_uppercase()
    } else {
        n
    }
}

/// How precisely a record states a date of birth.
#[derive(Clone, Copy)]
enum Precision {
    Missing,
    Full,
    YearMonth,
    Year,
    Approximate,
    DayMonthSwapped,
    YearOffByOne,
}

/// The date of birth as a record states it: usually right, often partial, sometimes
/// missing or slightly wrong. `family_knows` raises the share of full dates (missing-person
/// reports come from relatives). Never later than the true date by more than a year.
pub(crate) fn birth_date(rng: &mut Stream, birth: NaiveDate, family_knows: bool) -> Option<PartialDate> {
    let full = if family_knows { 75 } else { 50 };
    let precision = random::weighted(
        rng,
        &[
            (Precision::Missing, 10),
            (Precision::Full, full),
            (Precision::YearMonth, 7),
            (Precision::Year, 14),
            (Precision::Approximate, 9),
            (Precision::DayMonthSwapped, 3),
            (Precision::YearOffByOne, 3),
        ],
    );
    match precision {
        Precision::Missing => None,
        Precision::Full => Some(PartialDate::Full(birth)),
        Precision::YearMonth => Some(PartialDate::YearMonth {
            year: birth.year(),
            month: birth.month(),
        }),
        Precision::Year => Some(PartialDate::Year(birth.year())),
        Precision::Approximate => {
            let plus_minus: u8 = rng.gen_range(2..=5);
            let off = i32::from(plus_minus) - 1;
            Some(PartialDate::Approximate {
                year: birth.year() + rng.gen_range(-off..=off),
                plus_minus,
            })
        }
        Precision::DayMonthSwapped => {
            let swapped = NaiveDate::from_ymd_opt(birth.year(), birth.day(), birth.month());
            Some(PartialDate::Full(swapped.unwrap_or(birth)))
        }
        Precision::YearOffByOne => {
            let shifted = if random::chance(rng, 0.5) {
                birth.checked_add_days(Days::new(365))
            } else {
                birth.checked_sub_days(Days::new(365))
            };
            Some(PartialDate::Full(shifted.unwrap_or(birth)))
        }
    }
}

/// A date as a record states it along a route: full, month, year, or not at all.
pub(crate) fn event_date(rng: &mut Stream, date: NaiveDate) -> Option<PartialDate> {
    match random::below(rng, 10) {
        0..=2 => Some(PartialDate::Full(date)),
        3..=6 => Some(PartialDate::YearMonth {
            year: date.year(),
            month: date.month(),
        }),
        7 => Some(PartialDate::Year(date.year())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_changes_a_name_by_one_edit_and_keeps_its_shape() {
        let mut rng = random::stream(3, random::Purpose::Rendering, &[]);
        let mut changed = 0;
        for _ in 0..200 {
            let t = typo(&mut rng, "Oleksandr Kovalenko-Bila");
            assert_eq!(t.matches(' ').count(), 1);
            assert_eq!(t.matches('-').count(), 1);
            assert!(t.chars().count().abs_diff(24) <= 1, "{t}");
            changed += usize::from(t != "Oleksandr Kovalenko-Bila");
        }
        assert!(changed > 150, "{changed}");
        assert_eq!(typo(&mut rng, "Li"), "Li", "names too short to mistype are kept");
    }

    #[test]
    fn a_stated_birth_date_is_close_to_the_truth() {
        let mut rng = random::stream(4, random::Purpose::Rendering, &[]);
        let truth = NaiveDate::from_ymd_opt(1994, 3, 9).expect("a date");
        for _ in 0..2000 {
            if let Some(d) = birth_date(&mut rng, truth, false) {
                let slightly_wrong = d.earliest() == d.latest() && (d.earliest() - truth).num_days().abs() <= 366;
                assert!(d.overlaps(PartialDate::Full(truth)) || slightly_wrong, "{d}");
            }
        }
    }
}
