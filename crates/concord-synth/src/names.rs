//! Name pools: how people of each country write their names, in their own script and in
//! the romanisations seen in records, and how often each name occurs.
//!
//! Pure data built from common given and family names (common names are not personal
//! data; the generator combines them at random). The romanisations are the ones really
//! seen in passports, police records and the press, most common first, because the
//! linkage engine must learn to match exactly those variants.
//!
//! # Why frequencies matter
//!
//! Linkage accuracy measured on synthetic data is only as good as its namesake rate. Drawn
//! uniformly from a few dozen family names, two unrelated Ukrainians would share given and
//! family name a hundred times more often than real ones do, and false matches would
//! dominate every measurement. So each pool has two parts:
//!
//! - the **listed** names (the data files `cyrillic.rs`, `latin.rs`, …): the common names,
//!   most common first, with hand-checked romanisations. They stay the frequent head.
//! - a **composed** tail (`tails`), built the way the naming system itself builds names:
//!   root + suffix in Slavic languages (Коваль → Ковальчук, Коваленко, Ковальський),
//!   -შვილი/-ძე in Georgian, -յան in Armenian, -όπουλος/-άκης/-ίδης in Greek, word + word
//!   in Turkish and Thai, al- + nisba and Abd al- + attribute in Arabic, two syllables for
//!   Korean given names. Native forms are composed from the parts, and romanised forms by
//!   the same romanisation systems the listed names follow (`romanise`), so a composed
//!   name varies across records the way a listed one does.
//!
//! Names are drawn with Zipf-like weights (`build`): the share of the name of rank `r` is
//! proportional to `1 / (r + offset)`, with an offset per pool that sets how concentrated
//! its names are. The largest pools come out with a chance of about 1/400 to 1/1000 that
//! two unrelated people share a family name, most others 1/120 to 1/340; Korean and
//! Vietnamese family names are concentrated, as they really are (Kim is about 21% of
//! South Koreans, Nguyễn 38% of Vietnamese), and their given names diverse instead.
//! `population::namesakes` measures the rates.

mod arabic;
mod asia;
mod build;
mod cyrillic;
mod latin;
mod other_scripts;
mod romanise;
mod tails;

/// A writing system a name pool's native forms are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    Cyrillic,
    Arabic,
    Hangul,
    Georgian,
    Armenian,
    Greek,
    Ethiopic,
    Myanmar,
    Thai,
    Devanagari,
}

/// One name with its native form and the romanisations seen in records, most common first.
#[derive(Debug, Clone, Copy)]
pub struct NameForm {
    /// The name as written in its own script (with diacritics, for Latin scripts).
    pub native: &'static str,
    /// Romanised forms seen in records, most common first.
    pub romanised: &'static [&'static str],
}

/// A family name that may have a gendered form (Slavic -ov/-ova; -enko does not change).
#[derive(Debug, Clone, Copy)]
pub struct FamilyName {
    /// The form for men.
    pub male: NameForm,
    /// The form for women.
    pub female: NameForm,
}

/// How people of one country write their names, and how often each name occurs.
#[derive(Debug, Clone, Copy)]
pub struct NamePool {
    /// ISO 3166-1 alpha-2, upper case.
    pub country: &'static str,
    /// The script of the native forms.
    pub script: Script,
    /// Whether the family name is written first (Korean, Vietnamese, Hungarian, Burmese).
    pub family_name_first: bool,
    /// Women's given names, most common first.
    pub given_female: &'static [NameForm],
    /// Men's given names, most common first.
    pub given_male: &'static [NameForm],
    /// Family names, most common first: the listed ones, then the composed ones.
    pub family: &'static [FamilyName],
    /// How many of `family` are listed by hand; the rest are composed.
    listed_family: usize,
    frequencies: Frequencies,
}

/// Cumulative weights of the names of each list, for drawing in proportion to them.
#[derive(Debug, Clone, Copy)]
struct Frequencies {
    given_female: &'static [u64],
    given_male: &'static [u64],
    family: &'static [u64],
}

impl NamePool {
    /// How many of the first names of [`NamePool::family`] are listed by hand (the common
    /// ones); the rest are composed from parts. Tests that compare every pair of names can
    /// keep to these.
    pub fn listed_family(&self) -> usize {
        self.listed_family
    }

    /// The share of the pool's people whose family name is `family[index]` (both forms).
    pub fn family_share(&self, index: usize) -> f64 {
        share(self.frequencies.family, index)
    }

    /// The chance that two unrelated people of the pool have the same family name (both
    /// forms of a gendered name counting as one): the sum of the squared shares.
    pub fn family_coincidence(&self) -> f64 {
        coincidence(self.frequencies.family)
    }

    /// The chance that two unrelated people of the pool and of one sex have the same
    /// given name.
    pub fn given_coincidence(&self, female: bool) -> f64 {
        coincidence(if female {
            self.frequencies.given_female
        } else {
            self.frequencies.given_male
        })
    }

    /// A given name, drawn by its frequency.
    pub(crate) fn draw_given(&self, rng: &mut crate::random::Stream, female: bool) -> &'static NameForm {
        let (names, cumulative) = if female {
            (self.given_female, self.frequencies.given_female)
        } else {
            (self.given_male, self.frequencies.given_male)
        };
        &names[crate::random::by_cumulative_weight(rng, cumulative)]
    }

    /// A family name, drawn by its frequency.
    pub(crate) fn draw_family(&self, rng: &mut crate::random::Stream) -> &'static FamilyName {
        &self.family[crate::random::by_cumulative_weight(rng, self.frequencies.family)]
    }
}

/// The share of entry `index` in a cumulative weight table.
fn share(cumulative: &[u64], index: usize) -> f64 {
    let total = cumulative.last().copied().unwrap_or(1) as f64;
    let before = if index == 0 { 0 } else { cumulative[index - 1] };
    (cumulative[index] - before) as f64 / total
}

/// The sum of the squared shares of a cumulative weight table.
fn coincidence(cumulative: &[u64]) -> f64 {
    (0..cumulative.len()).map(|i| share(cumulative, i).powi(2)).sum()
}

/// The listed names of a country, as the data files write them.
#[derive(Debug, Clone, Copy)]
struct Listed {
    country: &'static str,
    script: Script,
    family_name_first: bool,
    given_female: &'static [NameForm],
    given_male: &'static [NameForm],
    family: &'static [FamilyName],
}

/// Shorthand for the data files: a name and its romanisations.
const fn n(native: &'static str, romanised: &'static [&'static str]) -> NameForm {
    NameForm { native, romanised }
}

/// A family name with no gendered form.
const fn same(form: NameForm) -> FamilyName {
    FamilyName {
        male: form,
        female: form,
    }
}

/// A family name with a male and a female form.
const fn gendered(male: NameForm, female: NameForm) -> FamilyName {
    FamilyName { male, female }
}

static POOLS: std::sync::LazyLock<Vec<NamePool>> = std::sync::LazyLock::new(|| {
    [
        cyrillic::POOLS,
        arabic::POOLS,
        asia::POOLS,
        other_scripts::POOLS,
        latin::POOLS,
    ]
    .concat()
    .iter()
    .map(|listed| build::pool(listed, tails::tail(listed)))
    .collect()
});

/// Every pool, in a stable order.
pub fn pools() -> &'static [NamePool] {
    &POOLS
}

/// The pool for a country code, if there is one.
#[cfg(test)]
fn pool(country: &str) -> Option<&'static NamePool> {
    pools().iter().find(|p| p.country == country)
}

#[cfg(test)]
mod tests;
