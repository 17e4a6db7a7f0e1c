//! The same individual appears in several agencies' records, written differently, and the
//! ground truth says which records are the same individual.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use concord_core::vocabulary::PersonRole;
use concord_core::PersonName;
use concord_synth::{agencies, cases, Agency, Config, EntityId};

const CASES: usize = 3000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).expect("a date")
}

fn is_victim_like(role: PersonRole) -> bool {
    matches!(
        role,
        PersonRole::Victim | PersonRole::PresumedVictim | PersonRole::MissingPerson
    )
}

/// For each agency, its victim-like records: entity → names.
fn records(config: &Config, network: &[Agency]) -> Vec<BTreeMap<EntityId, Vec<PersonName>>> {
    network
        .iter()
        .map(|agency| {
            cases(config, agency, CASES)
                .flat_map(|c| c.entities.into_iter().zip(c.case.persons))
                .filter(|(_, p)| is_victim_like(p.role))
                .map(|(e, p)| (e, p.names))
                .collect()
        })
        .collect()
}

fn shared_share(fraction: f64) -> Vec<f64> {
    let config = Config {
        shared_fraction: fraction,
        ..Config::new(5, today())
    };
    let per_agency = records(&config, &agencies(3));
    (0..3)
        .map(|a| {
            let shared = per_agency[a]
                .keys()
                .filter(|e| (0..3).any(|b| b != a && per_agency[b].contains_key(e)))
                .count();
            shared as f64 / per_agency[a].len() as f64
        })
        .collect()
}

#[test]
fn about_the_configured_share_of_victims_appears_in_another_agency() {
    for share in shared_share(0.3) {
        assert!((0.22..0.38).contains(&share), "{share}");
    }
    for share in shared_share(0.6) {
        assert!((0.5..0.7).contains(&share), "{share}");
    }
    assert_eq!(shared_share(0.0), vec![0.0; 3]);
}

#[test]
fn agencies_write_the_same_individual_differently_at_least_sometimes() {
    let per_agency = records(&Config::new(5, today()), &agencies(3));
    let (mut pairs, mut differ) = (0, 0);
    for (entity, names) in &per_agency[0] {
        for other in &per_agency[1..] {
            if let Some(other_names) = other.get(entity) {
                pairs += 1;
                differ += usize::from(names[0] != other_names[0]);
            }
        }
    }
    assert!(pairs > 300, "{pairs}");
    assert!(differ * 4 > pairs, "only {differ} of {pairs} pairs differ");
    assert!(
        differ < pairs,
        "every pair differs: the same individual is no longer recognisable"
    );
}

#[test]
fn references_are_per_agency_and_reveal_no_entity() {
    let config = Config::new(5, today());
    let mut seen: BTreeMap<EntityId, BTreeMap<usize, String>> = BTreeMap::new();
    let mut case_ids = BTreeSet::new();
    for (a, agency) in agencies(3).iter().enumerate() {
        for c in cases(&config, agency, 500) {
            assert!(c.case.id.as_str().starts_with(agency.code()));
            assert!(case_ids.insert(c.case.id.clone()), "case ID {} used twice", c.case.id);
            for (e, p) in c.entities.iter().zip(&c.case.persons) {
                let id = p.id.as_str().to_string();
                assert!(id.starts_with("P-") && !id.ends_with(&format!("{:016x}", e.0)), "{id}");
                let before = seen.entry(*e).or_default().insert(a, id.clone());
                assert!(
                    before.is_none_or(|b| b == id),
                    "one individual, two references in one agency"
                );
            }
        }
    }
    let shared: Vec<_> = seen.values().filter(|refs| refs.len() > 1).collect();
    assert!(!shared.is_empty());
    for refs in shared {
        let distinct: BTreeSet<_> = refs.values().collect();
        assert_eq!(distinct.len(), refs.len(), "agencies share a reference: {refs:?}");
    }
}

#[test]
fn missing_persons_are_reported_in_their_country_of_origin() {
    let config = Config::new(9, today());
    let mut missing = 0;
    for agency in &agencies(12) {
        let country = agency.country();
        for c in cases(&config, agency, 300) {
            for p in c.case.persons.iter().filter(|p| p.role == PersonRole::MissingPerson) {
                missing += 1;
                assert!(
                    p.citizenships.contains(&country),
                    "{} reports a foreign missing person",
                    c.case.id
                );
            }
        }
    }
    assert!(missing > 50, "{missing}");
}
