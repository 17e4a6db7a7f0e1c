//! A person record for tests: one name, and only what linkage encodes besides.

use concord_core::vocabulary::{Gender, PersonRole};
use concord_core::{Person, PersonName};

pub fn person(given: &str, family: &str, birth: Option<&str>, gender: Gender) -> Person {
    Person {
        id: "P-1".parse().unwrap(),
        role: PersonRole::Victim,
        names: vec![PersonName {
            given: given.into(),
            family: family.into(),
            romanised: None,
        }],
        gender,
        birth_date: birth.map(|b| b.parse().unwrap()),
        citizenships: Default::default(),
        country_of_birth: None,
        documents: vec![],
        phones: vec![],
    }
}
