//! Name pools: how people of each country write their names, in their own script and in
//! the romanisations seen in records.
//!
//! Pure data built from common given and family names (common names are not personal
//! data; the generator combines them at random). The romanisations are the ones really
//! seen in passports, police records and the press, most common first, because the
//! linkage engine must learn to match exactly those variants.

mod arabic;
mod asia;
mod cyrillic;
mod latin;
mod other_scripts;

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

/// How people of one country write their names.
#[derive(Debug, Clone, Copy)]
pub struct NamePool {
    /// ISO 3166-1 alpha-2, upper case.
    pub country: &'static str,
    /// The script of the native forms.
    pub script: Script,
    /// Whether the family name is written first (Korean, Vietnamese, Hungarian, Burmese).
    pub family_name_first: bool,
    /// Women's given names.
    pub given_female: &'static [NameForm],
    /// Men's given names.
    pub given_male: &'static [NameForm],
    /// Family names.
    pub family: &'static [FamilyName],
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
