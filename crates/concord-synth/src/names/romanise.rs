//! Romanisation systems: how records write a native name in Latin letters.
//!
//! Composed names get their romanised forms from these systems, in the order the pool's
//! listed names follow: the country's own passport system first, then the Russian-mediated
//! forms of Soviet-era documents, then German, French and Polish press forms (and, for
//! Latin scripts, the name without diacritics first, then other languages' respellings).
//! A system applied to root + suffix gives its form of the root followed by its form of
//! the suffix (Шевч + ук: Shevch + uk, Schewtsch + uk, Chevtch + ouk, Szewcz + uk), so a
//! composed name varies across records exactly as its parts do.

mod cyrillic;
mod latin;
mod other;

pub(super) use cyrillic::*;
pub(super) use latin::*;
pub(super) use other::*;

/// A romanisation system: a name in its native script, written in Latin letters.
pub(super) type System = fn(&str) -> String;

/// A name's romanised forms under each system, in order, without repeats.
pub(super) fn romanised(native: &str, systems: &[System]) -> Vec<String> {
    let mut forms: Vec<String> = Vec::new();
    for system in systems {
        let form = system(native);
        if !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

/// `text` with its first letter in upper case.
pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Applies `word` to each word of a name (words are separated by spaces and hyphens,
/// which are kept).
fn by_word(name: &str, mut word: impl FnMut(&str) -> String) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut start = 0;
    for (i, c) in name.char_indices() {
        if c == ' ' || c == '-' {
            out.push_str(&word(&name[start..i]));
            out.push(c);
            start = i + c.len_utf8();
        }
    }
    out.push_str(&word(&name[start..]));
    out
}

/// Rewrites a word by a table of (from, to) sequences, longest match first at each
/// position, keeping unmatched characters. A `from` starting with `^` matches only at the
/// start of the word, one ending in `$` only at its end. The word is matched in lower case; its first letter's case is kept.
fn respell_word(word: &str, rules: &[(&str, &str)]) -> String {
    // Turkish İ lowers to i with a combining dot; the plain i is what every system writes.
    let lower: Vec<char> = word
        .chars()
        .flat_map(|c| {
            if c == 'İ' {
                'i'.to_lowercase()
            } else {
                c.to_lowercase()
            }
        })
        .collect();
    let upper = word.chars().next().is_some_and(char::is_uppercase);
    let mut out = String::with_capacity(word.len() + 4);
    let mut i = 0;
    while i < lower.len() {
        let mut best: Option<(usize, &str)> = None;
        for (from, to) in rules {
            let (pattern, at_start) = match from.strip_prefix('^') {
                Some(p) => (p, true),
                None => (*from, false),
            };
            let (pattern, at_end) = match pattern.strip_suffix('$') {
                Some(p) => (p, true),
                None => (pattern, false),
            };
            let n = pattern.chars().count();
            let matches = i + n <= lower.len()
                && pattern.chars().zip(&lower[i..]).all(|(a, b)| a == *b)
                && (!at_start || i == 0)
                && (!at_end || i + n == lower.len());
            if matches && best.is_none_or(|(m, _)| n > m) {
                best = Some((n, to));
            }
        }
        match best {
            Some((n, to)) => {
                out.push_str(to);
                i += n;
            }
            None => {
                out.push(lower[i]);
                i += 1;
            }
        }
    }
    if upper {
        capitalised(&out)
    } else {
        out
    }
}

/// Rewrites every word of a name by a table of sequences (see [`respell_word`]).
pub(super) fn respell(name: &str, rules: &[(&str, &str)]) -> String {
    by_word(name, |w| respell_word(w, rules))
}
