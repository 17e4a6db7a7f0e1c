//! How an agency writes an individual into a person record.

use std::collections::BTreeSet;

use concord_core::vocabulary::{DocumentKind, Gender, OrganisationType, PersonRole};
use concord_core::{DocumentNumber, IdentityDocument, Person, PersonId, PhoneNumber};

use crate::agency::Agency;
use crate::config::Config;
use crate::identifiers;
use crate::population::Entity;
use crate::random::{self, Purpose, Stream};
use crate::variation;

/// The record `agency` keeps of `entity` in the part `role`. The same agency always
/// writes the same individual the same way.
pub(crate) fn record(config: &Config, agency: &Agency, entity: &Entity, role: PersonRole) -> Person {
    let slot = agency.slot();
    let keys = [slot as u64, entity.id.0];
    let mut rng = random::stream(config.seed, Purpose::Rendering, &keys);
    let country = entity.origin.country;
    let missing = role == PersonRole::MissingPerson;
    let names = variation::names(&mut rng, entity, agency.country() == country);
    let gender = if random::chance(&mut rng, 0.05) {
        Gender::NonSpecifiedUnknown
    } else {
        entity.gender
    };
    let birth_date = variation::birth_date(&mut rng, entity.birth, missing);
    let citizenships = if missing || random::chance(&mut rng, 0.92) {
        BTreeSet::from([country])
    } else {
        BTreeSet::new()
    };
    let country_of_birth = random::chance(&mut rng, 0.5).then_some(country);
    let documents = documents(&mut rng, agency, entity);
    let phone_rate = if missing { 0.7 } else { 0.3 };
    let phones = entity
        .ids
        .phone
        .as_deref()
        .filter(|_| random::chance(&mut rng, phone_rate))
        .map(|p| {
            p.parse::<PhoneNumber>()
                .expect("phone formats make E.164 numbers (tested in identifiers)")
        })
        .into_iter()
        .collect();
    Person {
        id: person_id(config, slot, entity),
        role,
        names,
        gender,
        birth_date,
        citizenships,
        country_of_birth,
        documents,
        phones,
    }
}

/// An opaque reference: a keyed hash of the agency and the individual, so that it reveals
/// nothing of the individual and differs from agency to agency.
pub(crate) fn person_id(config: &Config, slot: usize, entity: &Entity) -> PersonId {
    let h = random::hash(config.seed, Purpose::PersonRef, &[slot as u64, entity.id.0]);
    format!("P-{h:016x}")
        .parse()
        .expect("`P-` and hex digits make a valid person ID")
}

fn documents(rng: &mut Stream, agency: &Agency, entity: &Entity) -> Vec<IdentityDocument> {
    let passport_rate = match agency.org().kind {
        OrganisationType::LawEnforcement | OrganisationType::ProsecutionService => 0.45,
        _ => 0.25,
    };
    let held = [
        (DocumentKind::Passport, entity.ids.passport.as_deref(), passport_rate),
        (DocumentKind::NationalId, entity.ids.national_id.as_deref(), 0.2),
    ];
    held.into_iter()
        .filter_map(|(kind, number, rate)| {
            let number = number.filter(|_| random::chance(rng, rate))?;
            let written = if random::chance(rng, 0.02) {
                identifiers::mistype(rng, number)
            } else {
                number.to_string()
            };
            Some(IdentityDocument {
                kind,
                issuing_country: entity.origin.country,
                number: written
                    .parse::<DocumentNumber>()
                    .expect("document formats make letters and digits (tested in identifiers)"),
            })
        })
        .collect()
}
