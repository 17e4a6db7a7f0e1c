use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use concord_core::vocabulary::OrganisationType;
use concord_core::Organisation;

use super::*;
use crate::agency::network;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).expect("a date")
}

/// Three agencies that share no individual of their own, and their cases.
fn three(count: usize) -> (Config, Vec<Agency>, Vec<Vec<SyntheticCase>>) {
    let mut config = Config::new(11, today());
    config.shared_fraction = 0.0;
    let org = |name: &str, kind, country: &str| Organisation {
        name: name.into(),
        kind,
        country: country.parse().expect("a country"),
    };
    let agencies = network([
        Agency::new("KZ-POL", org("Police", OrganisationType::LawEnforcement, "KZ")).expect("a code"),
        Agency::new("SD-IOM", org("IOM", OrganisationType::InternationalOrganisation, "SD")).expect("a code"),
        Agency::new("KR-POL", org("Police", OrganisationType::LawEnforcement, "KR")).expect("a code"),
    ]);
    let cases = agencies
        .iter()
        .map(|a| crate::cases(&config, a, count).collect())
        .collect();
    (config, agencies, cases)
}

fn plan() -> Vec<Planting> {
    vec![
        Planting {
            from: 0,
            into: vec![1],
            persons: 20,
        },
        Planting {
            from: 1,
            into: vec![2],
            persons: 10,
        },
        Planting {
            from: 0,
            into: vec![1, 2],
            persons: 5,
        },
    ]
}

/// Every person of every agency: (agency, person ID) → (person, its individual).
fn index(cases: &[Vec<SyntheticCase>]) -> BTreeMap<(usize, PersonId), (Person, EntityId)> {
    let mut all = BTreeMap::new();
    for (agency, cases) in cases.iter().enumerate() {
        for case in cases {
            for (person, entity) in case.case.persons.iter().zip(&case.entities) {
                let old = all.insert((agency, person.id.clone()), (person.clone(), *entity));
                assert!(old.is_none(), "person {} twice in agency {agency}", person.id);
            }
        }
    }
    all
}

#[test]
fn every_planted_record_is_where_the_truth_says_under_an_id_of_its_own() {
    let (config, agencies, mut cases) = three(200);
    let before: usize = cases.iter().flatten().map(|c| c.case.persons.len()).sum();
    let planted = plant(&config, &agencies, &mut cases, &plan()).expect("planted");
    assert_eq!(planted.len(), 35);
    let entities: BTreeSet<EntityId> = planted.iter().map(|p| p.entity).collect();
    assert_eq!(entities.len(), 35, "each individual planted once");

    let all = index(&cases);
    let after: usize = cases.iter().flatten().map(|c| c.case.persons.len()).sum();
    assert_eq!(after, before + 20 + 10 + 2 * 5, "one new person per copy");
    for p in &planted {
        let (original, _) = &all[&(p.records[0].agency, p.records[0].person.clone())];
        assert!(p.records[0].change.is_none());
        for record in &p.records {
            let (person, entity) = &all[&(record.agency, record.person.clone())];
            assert_eq!(*entity, p.entity);
            assert!(PLANTED_ROLES.contains(&person.role));
        }
        for copy in &p.records[1..] {
            let (person, _) = &all[&(copy.agency, copy.person.clone())];
            assert_ne!(person.names[0], original.names[0], "a copy is written differently");
            assert_eq!(person.gender, original.gender);
        }
    }
    for case in cases.iter().flatten() {
        assert!(case.case.validate(today()).is_ok(), "{}", case.case.id);
    }
}

#[test]
fn planting_is_deterministic_and_uses_every_change() {
    let (config, agencies, cases) = three(600);
    let big = [Planting {
        from: 0,
        into: vec![1, 2],
        persons: 150,
    }];
    let (mut first, mut second) = (cases.clone(), cases);
    let planted = plant(&config, &agencies, &mut first, &big).expect("planted");
    assert_eq!(planted, plant(&config, &agencies, &mut second, &big).expect("planted"));
    assert_eq!(first, second);
    let changes: Vec<Change> = planted
        .iter()
        .flat_map(|p| &p.records[1..])
        .filter_map(|r| r.change)
        .collect();
    let names: BTreeSet<NameChange> = changes.iter().map(|c| c.name).collect();
    let births: BTreeSet<BirthChange> = changes.iter().map(|c| c.birth).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(births.len(), 4, "{births:?}");
}

#[test]
fn a_plan_that_cannot_be_carried_out_is_refused() {
    let (config, agencies, mut cases) = three(10);
    let too_many = [Planting {
        from: 0,
        into: vec![1],
        persons: 1000,
    }];
    assert!(matches!(
        plant(&config, &agencies, &mut cases, &too_many),
        Err(PlantError::TooFewPersons {
            agency: 0,
            wanted: 1000,
            ..
        })
    ));
    let elsewhere = [Planting {
        from: 0,
        into: vec![3],
        persons: 1,
    }];
    assert_eq!(
        plant(&config, &agencies, &mut cases, &elsewhere),
        Err(PlantError::NoSuchAgency { index: 3, count: 3 })
    );
}
