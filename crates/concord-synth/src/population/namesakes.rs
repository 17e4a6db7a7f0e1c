//! How often unrelated individuals of one pool share a name.
//!
//! Linkage accuracy measured on synthetic data means something only if exact namesakes
//! (same given and family name, different people) are about as rare as in real
//! populations, and look-alikes (same family name, another given name; Ivanov and
//! Ivanova) about as common. This measures both on generated individuals, pool by pool,
//! and prints them with the chance of a shared family name the pool's weights predict.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::*;

/// Individuals generated per pool.
const SAMPLE: u64 = 20_000;

/// Pools whose names really are concentrated, and the most namesakes they may have (as
/// "one pair in"): Korean and Vietnamese family names (Kim, Nguyễn), and the pools whose
/// "family name" is the father's given name or a caste or clan name (Somali, Nepali,
/// South Sudanese, Sudanese, Haitian, Ethiopian and Eritrean records).
const CONCENTRATED: &[(&str, f64)] = &[
    ("KR", 1_500.0),
    ("KP", 1_000.0),
    ("VN", 1_500.0),
    ("SO", 500.0),
    ("NP", 500.0),
    ("SS", 500.0),
    ("SD", 1_000.0),
    ("HT", 500.0),
    ("ET", 1_000.0),
    ("ER", 1_000.0),
];

/// The fewest pairs per namesake pair anywhere else: a hundred times rarer than two
/// people sharing a family name in a pool of a few hundred names.
const MIN_PAIRS_PER_NAMESAKE: f64 = 2_500.0;

/// The most pairs per look-alike pair (same family name, other given name): look-alikes
/// must stay common enough to test that linkage tells them apart.
const MAX_PAIRS_PER_LOOK_ALIKE: f64 = 3_000.0;

/// Pairs among `counts` that share the counted key.
fn pairs_sharing<K>(counts: &HashMap<K, u64>) -> u64 {
    counts.values().map(|c| c * (c - 1) / 2).sum()
}

#[test]
fn namesakes_are_rare_and_look_alikes_common() {
    let config = Config::new(11, NaiveDate::from_ymd_opt(2025, 6, 1).expect("a date"));
    let world = World::new();
    let pairs = (SAMPLE * (SAMPLE - 1) / 2) as f64;
    let one_in = |n: u64| if n == 0 { f64::INFINITY } else { pairs / n as f64 };
    println!("one pair of unrelated individuals in … shares");
    println!(
        "{:<4} {:>8} {:>9} {:>10} {:>10}",
        "pool", "names", "expected", "family", "namesake"
    );
    let mut failures = Vec::new();
    for (index, origin) in world.origins.iter().enumerate() {
        let pool = origin.pool;
        let (mut full, mut family) = (HashMap::new(), HashMap::new());
        for n in 0..SAMPLE {
            let id = EntityId::new(index as u8, Part::Victim(0), false, 0, n);
            let e = Entity::generate(&config, &world, id);
            *full.entry((e.given.native, e.family.native)).or_insert(0) += 1;
            *family.entry(e.family.native).or_insert(0) += 1;
        }
        let (namesakes, same_family) = (pairs_sharing(&full), pairs_sharing(&family));
        let look_alikes = same_family - namesakes;
        println!(
            "{:<4} {:>8} {:>9.0} {:>10.0} {:>10.0}",
            pool.country,
            pool.family.len(),
            1.0 / pool.family_coincidence(),
            one_in(same_family),
            one_in(namesakes)
        );
        let bound = CONCENTRATED
            .iter()
            .find(|(c, _)| *c == pool.country)
            .map_or(MIN_PAIRS_PER_NAMESAKE, |(_, b)| *b);
        if one_in(namesakes) < bound {
            failures.push(format!(
                "{}: one namesake pair in {:.0}",
                pool.country,
                one_in(namesakes)
            ));
        }
        if one_in(look_alikes) > MAX_PAIRS_PER_LOOK_ALIKE || look_alikes < 5 * namesakes {
            failures.push(format!(
                "{}: one look-alike pair in {:.0}",
                pool.country,
                one_in(look_alikes)
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
