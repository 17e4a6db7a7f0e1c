//! The composed tail of each pool: names built the way each naming system builds them,
//! from real common roots and suffixes (see the module documentation of `names`).
//!
//! Each composed name carries a weight that orders it among the composed names of its
//! pool: the product of its parts' weights, roots counting less the further down their
//! list (lists are written most common first) and suffixes by how common they are.
//! Only the order matters for Zipf-weighted pools.

mod arabic;
mod caucasus;
mod central_europe;
mod east_slavic;
mod greek;
mod korean;
mod others;
mod southeast_europe;
mod turkic;
mod vietnamese;

use super::build::{Family, Form, Shape, Tail};
use super::romanise::{romanised, System};
use super::Listed;

/// What composition adds to a country's listed names.
pub(super) fn tail(listed: &Listed) -> Tail {
    match listed.country {
        "UA" => east_slavic::ukrainian(),
        "RU" => east_slavic::russian(),
        "BY" => east_slavic::belarusian(),
        "KZ" => turkic::kazakh(),
        "KG" => turkic::kyrgyz(),
        "UZ" => turkic::uzbek(),
        "TR" => turkic::turkish(),
        "BG" => southeast_europe::bulgarian(),
        "RS" => southeast_europe::serbian(),
        "RO" => southeast_europe::romanian(),
        "MD" => southeast_europe::moldovan(),
        "AL" => southeast_europe::albanian(),
        "GR" => greek::greek(),
        "PL" => central_europe::polish(),
        "CZ" => central_europe::czech(),
        "HU" => central_europe::hungarian(),
        "GE" => caucasus::georgian(),
        "AM" => caucasus::armenian(),
        "SY" | "IQ" | "SD" | "LY" | "YE" | "AF" => arabic::tail(listed),
        "KR" => korean::south(),
        "KP" => korean::north(),
        "VN" => vietnamese::vietnamese(),
        _ => others::tail(listed),
    }
}

/// The weight of the `index`-th entry of a list written most common first: falls like
/// `1 / (index + 8)`, so that the first roots are a few times commoner than the middle
/// ones rather than hundreds of times.
fn rank_weight(index: usize) -> u64 {
    1_000_000 / (index as u64 + 8)
}

/// A composed family name that does not change with gender.
fn same(native: String, systems: &[System], weight: u64) -> Family {
    let romanised = romanised(&native, systems);
    Family {
        male: Form::new(native, romanised),
        female: None,
        weight,
    }
}

/// A composed family name with a male and a female form.
fn gendered(male: String, female: String, systems: &[System], weight: u64) -> Family {
    let (male_romanised, female_romanised) = (romanised(&male, systems), romanised(&female, systems));
    Family {
        male: Form::new(male, male_romanised),
        female: Some(Form::new(female, female_romanised)),
        weight,
    }
}

/// A part of a name with its romanised forms, most common first: for names whose parts
/// are romanised by habit rather than by a system (Arabic, Korean, Thai, Ethiopic).
type Part = (&'static str, &'static [&'static str]);

/// The romanised forms of a name made of two parts: each form of the first joined with
/// each form of the second by `join`, in order of the sum of their ranks (the most common
/// forms of both parts first).
fn combined(first: &[&str], second: &[&str], join: impl Fn(&str, &str) -> String) -> Vec<String> {
    let mut pairs: Vec<(usize, usize)> = (0..first.len())
        .flat_map(|i| (0..second.len()).map(move |j| (i, j)))
        .collect();
    pairs.sort_by_key(|&(i, j)| (i + j, i));
    pairs.into_iter().map(|(i, j)| join(first[i], second[j])).collect()
}

/// `word` with its first letter in lower case (for parts glued after a prefix: Abdul + rahman).
fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
