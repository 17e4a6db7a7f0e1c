//! Where people come from and where they are taken: the trafficking corridors, and the
//! name pools of the countries of origin.

use concord_core::Country;

use crate::names::{self, NamePool};
use crate::random::{self, Stream};

/// A corridor: origin first, destination last, possible transit countries between
/// (each used on a given journey or not), with a relative frequency.
type CorridorRow = (&'static [&'static str], u32);

/// Corridors seen in counter-trafficking reporting (UNODC GLOTIP, IOM CTDC), simplified.
/// A single country is trafficking within that country.
const CORRIDORS: &[CorridorRow] = &[
    (&["UA", "PL"], 30),
    (&["UA", "PL", "DE"], 25),
    (&["UA", "CZ"], 8),
    (&["UA", "MD", "RO", "IT"], 6),
    (&["UA", "PL", "NL"], 5),
    (&["UA", "TR"], 5),
    (&["UA", "RU"], 4),
    (&["UA", "HU", "AT"], 4),
    (&["UA"], 4),
    (&["RU", "TR"], 3),
    (&["RU", "AE"], 3),
    (&["BY", "PL"], 5),
    (&["BY", "RU"], 4),
    (&["BY", "LT", "DE"], 3),
    (&["KZ", "RU"], 4),
    (&["KZ", "KR"], 3),
    (&["KZ", "AE"], 3),
    (&["KZ"], 2),
    (&["KG", "KZ", "RU"], 6),
    (&["KG", "KR"], 3),
    (&["KG", "TR"], 3),
    (&["SY", "TR", "GR", "DE"], 10),
    (&["SY", "TR"], 8),
    (&["SY", "LB"], 6),
    (&["SY", "LY", "IT"], 3),
    (&["SY"], 3),
    (&["IQ", "TR", "GR"], 4),
    (&["IQ", "BY", "PL", "DE"], 4),
    (&["IQ"], 2),
    (&["SD", "LY", "IT"], 8),
    (&["SD", "EG"], 4),
    (&["SD", "SA"], 3),
    (&["SD"], 3),
    (&["LY", "IT"], 3),
    (&["LY", "TN", "FR"], 2),
    (&["YE", "SA"], 6),
    (&["YE", "OM", "AE"], 3),
    (&["YE"], 2),
    (&["AF", "IR", "TR", "GR", "DE"], 8),
    (&["AF", "IR"], 6),
    (&["AF", "PK"], 4),
    (&["AF", "IR", "TR", "BG", "RS", "HU", "AT"], 4),
    (&["AF"], 2),
    (&["KR", "JP"], 2),
    (&["KR", "US"], 2),
    (&["KR", "KH"], 1),
    (&["KP", "CN"], 5),
    (&["KP", "RU"], 3),
    (&["GE", "TR"], 4),
    (&["GE", "GR"], 3),
    (&["AM", "RU"], 3),
    (&["AM", "AE"], 3),
    (&["GR", "DE"], 1),
    (&["ET", "DJ", "YE", "SA"], 8),
    (&["ET", "LB"], 4),
    (&["ET", "SD", "LY", "IT"], 4),
    (&["ET", "KE", "ZA"], 3),
    (&["ET", "AE"], 4),
    (&["ER", "SD", "LY", "IT"], 6),
    (&["ER", "SD", "LY", "MT"], 2),
    (&["MM", "TH"], 8),
    (&["MM", "CN"], 5),
    (&["MM", "MY"], 3),
    (&["MM"], 3),
    (&["TH", "MY"], 3),
    (&["TH", "KR"], 3),
    (&["TH", "MM"], 3),
    (&["TH"], 2),
    (&["NP", "IN"], 8),
    (&["NP", "IN", "AE"], 4),
    (&["NP", "QA"], 3),
    (&["NP", "MY"], 3),
    (&["PL", "DE"], 3),
    (&["PL", "GB"], 3),
    (&["RO", "DE"], 5),
    (&["RO", "IT"], 5),
    (&["RO", "ES"], 4),
    (&["RO", "GB"], 4),
    (&["MD", "RU"], 3),
    (&["MD", "RO", "IT"], 3),
    (&["MD", "TR"], 3),
    (&["TR", "DE"], 2),
    (&["VN", "CN"], 4),
    (&["VN", "RU", "PL", "DE"], 3),
    (&["VN", "FR", "GB"], 4),
    (&["VN", "KH"], 4),
    (&["VN", "LA"], 2),
    (&["VN", "CZ"], 2),
    (&["CZ", "DE"], 2),
    (&["AL", "IT"], 3),
    (&["AL", "GR"], 3),
    (&["AL", "FR", "GB"], 3),
    (&["RS", "DE"], 2),
    (&["RS", "AT"], 2),
    (&["HU", "AT"], 2),
    (&["HU", "GB"], 2),
    (&["NG", "NE", "LY", "IT"], 8),
    (&["NG", "ES"], 3),
    (&["NG", "GH"], 3),
    (&["NG"], 3),
    (&["SO", "ET", "SD", "LY", "IT"], 4),
    (&["SO", "YE", "SA"], 3),
    (&["SO", "KE"], 3),
    (&["CD", "UG"], 2),
    (&["CD", "ZA"], 2),
    (&["CD", "BE"], 2),
    (&["CD"], 3),
    (&["SS", "SD"], 3),
    (&["SS", "UG"], 3),
    (&["SS"], 2),
    (&["VE", "CO"], 8),
    (&["VE", "CO", "EC", "PE"], 4),
    (&["VE", "TT"], 3),
    (&["VE", "ES"], 2),
    (&["CO", "MX"], 2),
    (&["CO", "ES"], 3),
    (&["CO"], 2),
    (&["HT", "DO"], 6),
    (&["HT", "CL"], 2),
    (&["HT", "MX", "US"], 2),
    (&["PH", "AE"], 4),
    (&["PH", "SA"], 4),
    (&["PH", "KH"], 4),
    (&["PH", "TH", "MM"], 2),
    (&["PH", "MY"], 3),
    (&["PH", "HK"], 3),
];

/// Towns that appear as places on routes.
const PLACES: &[(&str, &[&str])] = &[
    (
        "UA",
        &["Kharkiv", "Odesa", "Kyiv", "Lviv", "Dnipro", "Mykolaiv", "Zaporizhzhia"],
    ),
    ("PL", &["Warszawa", "Kraków", "Wrocław", "Poznań", "Przemyśl", "Gdańsk"]),
    ("DE", &["Berlin", "Hamburg", "München", "Leipzig", "Köln"]),
    ("IT", &["Roma", "Milano", "Napoli", "Foggia", "Ragusa"]),
    ("TR", &["İstanbul", "Gaziantep", "İzmir", "Antalya"]),
    ("GR", &["Athina", "Thessaloniki", "Lesvos", "Patra"]),
    ("SY", &["Aleppo", "Idlib", "Damascus", "Homs"]),
    ("LY", &["Tripoli", "Sabha", "Zuwara", "Benghazi"]),
    ("TH", &["Bangkok", "Mae Sot", "Pattaya", "Songkhla"]),
    ("MM", &["Myawaddy", "Yangon", "Tachileik", "Shwe Kokko"]),
    ("KH", &["Sihanoukville", "Phnom Penh", "Bavet"]),
    ("AE", &["Dubai", "Abu Dhabi", "Sharjah"]),
    ("SD", &["Khartoum", "Port Sudan", "El Fasher"]),
    ("NG", &["Benin City", "Lagos", "Kano"]),
    ("RO", &["București", "Iași", "Timișoara"]),
    ("MD", &["Chișinău", "Bălți"]),
    ("ES", &["Madrid", "Almería", "Murcia"]),
    ("CO", &["Cúcuta", "Bogotá", "Medellín"]),
    ("VE", &["Maracaibo", "Caracas", "San Cristóbal"]),
];

/// A name pool that records can be written from, with its country.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Origin {
    pub(crate) pool: &'static NamePool,
    pub(crate) country: Country,
}

/// A corridor whose countries are all known and whose origin has a name pool.
#[derive(Debug, Clone)]
pub(crate) struct Corridor {
    /// Index into [`World::origins`].
    pub(crate) origin: u8,
    /// Every country on it, origin first.
    pub(crate) path: Vec<Country>,
    pub(crate) weight: u32,
}

/// The usable name pools and corridors, resolved once.
#[derive(Debug, Clone)]
pub(crate) struct World {
    pub(crate) origins: Vec<Origin>,
    pub(crate) corridors: Vec<Corridor>,
    /// English names of the countries on corridors (looking them up is slow).
    names: Vec<(Country, &'static str)>,
    /// For each country on a corridor, sorted: the corridors through it, and whether
    /// each starts there.
    touching: Vec<(Country, Vec<(usize, bool)>)>,
}

impl World {
    /// Resolves the tables against the name pools.
    ///
    /// # Panics
    /// If no corridor origin has a usable name pool: the static tables would be broken,
    /// which the tests of this module rule out.
    pub(crate) fn new() -> Self {
        let origins: Vec<Origin> = names::pools()
            .iter()
            .filter(|p| usable(p))
            .filter_map(|pool| {
                Some(Origin {
                    pool,
                    country: pool.country.parse().ok()?,
                })
            })
            .take(usize::from(u8::MAX))
            .collect();
        let corridors: Vec<Corridor> = CORRIDORS
            .iter()
            .filter_map(|(codes, weight)| {
                let origin = origins.iter().position(|o| o.pool.country == codes[0])?;
                let path = codes.iter().map(|c| c.parse().ok()).collect::<Option<Vec<Country>>>()?;
                Some(Corridor {
                    origin: origin as u8,
                    path,
                    weight: *weight,
                })
            })
            .collect();
        assert!(
            !corridors.is_empty(),
            "names.rs has no usable pool for any corridor origin"
        );
        let mut names: Vec<(Country, &str)> = corridors
            .iter()
            .flat_map(|c| c.path.iter().map(|&p| (p, p.name())))
            .collect();
        names.sort_unstable();
        names.dedup();
        let touching = names
            .iter()
            .map(|&(country, _)| {
                let through = corridors.iter().enumerate().filter(|(_, c)| c.path.contains(&country));
                (country, through.map(|(i, c)| (i, c.path[0] == country)).collect())
            })
            .collect();
        Self {
            origins,
            corridors,
            names,
            touching,
        }
    }

    /// The English name of a country.
    pub(crate) fn name(&self, country: Country) -> &'static str {
        match self.names.binary_search_by_key(&country, |(c, _)| *c) {
            Ok(i) => self.names[i].1,
            Err(_) => country.name(),
        }
    }

    /// The origin for an index made by this world.
    pub(crate) fn origin(&self, index: u8) -> Origin {
        self.origins[usize::from(index)]
    }

    /// The index of a country's name pool, if it has a usable one.
    pub(crate) fn origin_of(&self, country: Country) -> Option<u8> {
        self.origins.iter().position(|o| o.country == country).map(|i| i as u8)
    }

    /// Draws a corridor that passes through one of `countries`, weighting corridors that
    /// start there by `origin_boost`; any corridor if none passes through them.
    pub(crate) fn corridor_through(&self, rng: &mut Stream, countries: &[Country], origin_boost: u32) -> &Corridor {
        let mut weights: Vec<(usize, u32)> = Vec::new();
        for country in countries {
            let Ok(at) = self.touching.binary_search_by_key(country, |(c, _)| *c) else {
                continue;
            };
            for &(i, starts) in &self.touching[at].1 {
                let weight = self.corridors[i].weight * if starts { origin_boost } else { 1 };
                match weights.iter_mut().find(|(j, _)| *j == i) {
                    Some(entry) => entry.1 = entry.1.max(weight),
                    None => weights.push((i, weight)),
                }
            }
        }
        if weights.is_empty() {
            weights = self.corridors.iter().map(|c| c.weight).enumerate().collect();
        }
        &self.corridors[random::weighted(rng, &weights)]
    }
}

/// Whether a pool has every list a person can be written from.
fn usable(pool: &NamePool) -> bool {
    let forms_ok = |forms: &[names::NameForm]| !forms.is_empty() && forms.iter().all(|f| !f.romanised.is_empty());
    forms_ok(pool.given_female)
        && forms_ok(pool.given_male)
        && !pool.family.is_empty()
        && pool
            .family
            .iter()
            .all(|f| !f.male.romanised.is_empty() && !f.female.romanised.is_empty())
}

/// A town in `country` to name on a route, if the table has any.
pub(crate) fn place(rng: &mut Stream, country: Country) -> Option<String> {
    let (_, towns) = PLACES.iter().find(|(code, _)| *code == country.code())?;
    Some(random::pick(rng, towns).to_string())
}

/// Countries where scam compounds hold people for forced criminality.
pub(crate) fn has_scam_compounds(country: Country) -> bool {
    ["MM", "KH", "LA"].contains(&country.code())
}

/// Countries in or just out of armed conflict, where armed groups recruit.
pub(crate) fn is_conflict_affected(country: Country) -> bool {
    [
        "UA", "SY", "AF", "SD", "YE", "LY", "IQ", "MM", "ET", "SS", "CD", "SO", "HT",
    ]
    .contains(&country.code())
}

/// Destinations where domestic work under the kafala system dominates forced labour.
pub(crate) fn is_gulf_or_levant(country: Country) -> bool {
    ["AE", "SA", "QA", "OM", "KW", "LB", "BH", "JO"].contains(&country.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_corridor_is_usable() {
        let world = World::new();
        for (codes, _) in CORRIDORS {
            assert!(
                world
                    .corridors
                    .iter()
                    .any(|c| c.path.iter().map(|p| p.code()).eq(codes.iter().copied())),
                "corridor {codes:?} has an unknown country or no name pool for its origin"
            );
        }
    }

    #[test]
    fn every_place_is_in_a_real_country() {
        for (code, towns) in PLACES {
            assert!(code.parse::<Country>().is_ok() && !towns.is_empty(), "{code}");
        }
    }
}
