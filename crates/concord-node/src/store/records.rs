//! Conversion between domain records and stored rows: sealing, unsealing, blind indexes.

use std::collections::BTreeSet;

use concord_core::vocabulary::LegRole;
use concord_core::{AgeBand, Case, IdentityDocument, PartialDate, Person, PersonId, PersonName, PhoneNumber, Picklist};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::{Lookup, StoreError};
use crate::vault::Vault;

const NARRATIVE: &str = "case.narrative";
const IDENTITY: &str = "person.identity";

/// Blind index namespaces.
pub(super) const NAME: &str = "name";
pub(super) const DOCUMENT: &str = "document";
pub(super) const PHONE: &str = "phone";

/// A case ready to store.
pub(super) struct CaseRows {
    pub case_id: String,
    pub registered_on: String,
    pub updated_at: String,
    pub status: &'static str,
    pub sensitivity: &'static str,
    pub org_country: &'static str,
    pub origin: Option<&'static str>,
    pub destination: Option<&'static str>,
    pub details: String,
    pub narrative: Option<Vec<u8>>,
    pub exploitation: Vec<&'static str>,
    pub route_countries: BTreeSet<&'static str>,
    pub persons: Vec<PersonRow>,
    /// The unit the case belongs to (set by the caller, not by the case itself).
    pub unit: Option<String>,
}

/// A person ready to store.
pub(super) struct PersonRow {
    pub person_id: String,
    pub role: &'static str,
    pub gender: &'static str,
    pub age_band: Option<&'static str>,
    pub country_of_birth: Option<&'static str>,
    pub citizenships: Vec<&'static str>,
    pub identity: Vec<u8>,
    pub index: Vec<(&'static str, [u8; 16])>,
}

/// A case as read back, still sealed.
pub(super) struct StoredCase {
    pub case_id: String,
    pub details: String,
    pub narrative: Option<Vec<u8>>,
    pub persons: Vec<StoredPerson>,
}

/// A person as read back, still sealed.
pub(super) struct StoredPerson {
    pub person_id: String,
    pub role: String,
    pub gender: String,
    pub country_of_birth: Option<String>,
    pub citizenships: Vec<String>,
    pub identity: Vec<u8>,
}

/// The sealed part of a person.
#[derive(Serialize, Deserialize)]
struct Identity {
    names: Vec<PersonName>,
    birth_date: Option<PartialDate>,
    documents: Vec<IdentityDocument>,
    phones: Vec<PhoneNumber>,
}

/// The form a value takes before it is blind-indexed: Unicode NFKC, lower case, single
/// spaces. Lookups apply the same, so `ОЛЕНА  Коваль` finds `Олена Коваль`.
pub fn lookup_form(text: &str) -> String {
    let folded: String = text.nfkc().flat_map(char::to_lowercase).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn lookup_key(lookup: &Lookup) -> (&'static str, String) {
    match lookup {
        Lookup::Name(name) => (NAME, lookup_form(name)),
        Lookup::Document(number) => (
            DOCUMENT,
            number
                .parse::<concord_core::DocumentNumber>()
                .map(|n| n.as_str().to_string())
                .unwrap_or_default(),
        ),
        Lookup::Phone(phone) => (
            PHONE,
            phone
                .parse::<PhoneNumber>()
                .map(|p| p.as_str().to_string())
                .unwrap_or_default(),
        ),
    }
}

/// Turns a case into rows. It takes the case by value so that the non-identifying
/// details are serialised from it directly, without copying its persons.
pub(super) fn seal_case(vault: &Vault, mut case: Case, updated_at: &str) -> CaseRows {
    let narrative = case
        .narrative
        .take()
        .map(|n| vault.seal(NARRATIVE, case.id.as_str(), n.as_bytes()));
    let persons = std::mem::take(&mut case.persons);
    let country_of = |role: LegRole| {
        case.route
            .iter()
            .filter(move |l| l.role == role)
            .map(|l| l.country.code())
    };
    CaseRows {
        case_id: case.id.to_string(),
        registered_on: case.registered_on.to_string(),
        updated_at: updated_at.to_string(),
        status: case.status.as_str(),
        sensitivity: case.sensitivity.as_str(),
        org_country: case.reporting_org.country.code(),
        origin: country_of(LegRole::Origin).next(),
        destination: country_of(LegRole::Destination).next_back(),
        details: serde_json::to_string(&case).expect("a case always serialises"),
        narrative,
        exploitation: case.exploitation.iter().map(|e| e.as_str()).collect(),
        route_countries: case.route.iter().map(|l| l.country.code()).collect(),
        persons: persons
            .iter()
            .map(|p| seal_person(vault, case.registered_on, p))
            .collect(),
        unit: None,
    }
}

fn seal_person(vault: &Vault, registered_on: chrono::NaiveDate, person: &Person) -> PersonRow {
    let identity = Identity {
        names: person.names.clone(),
        birth_date: person.birth_date,
        documents: person.documents.clone(),
        phones: person.phones.clone(),
    };
    let plaintext = zeroize::Zeroizing::new(serde_json::to_vec(&identity).expect("an identity always serialises"));
    PersonRow {
        person_id: person.id.to_string(),
        role: person.role.as_str(),
        gender: person.gender.as_str(),
        age_band: person
            .birth_date
            .and_then(|b| AgeBand::at(b, registered_on))
            .map(AgeBand::as_str),
        country_of_birth: person.country_of_birth.map(|c| c.code()),
        citizenships: person.citizenships.iter().map(|c| c.code()).collect(),
        identity: vault.seal(IDENTITY, person.id.as_str(), &plaintext),
        index: blind_indexes(vault, person),
    }
}

fn blind_indexes(vault: &Vault, person: &Person) -> Vec<(&'static str, [u8; 16])> {
    let names = person.names.iter().flat_map(|n| {
        let romanised = n.romanised.iter().map(|r| format!("{} {}", r.given, r.family));
        std::iter::once(format!("{} {}", n.given, n.family)).chain(romanised)
    });
    let mut index: BTreeSet<(&'static str, [u8; 16])> = names
        .map(|name| (NAME, vault.blind_index(NAME, &lookup_form(&name))))
        .collect();
    index.extend(
        person
            .documents
            .iter()
            .map(|d| (DOCUMENT, vault.blind_index(DOCUMENT, d.number.as_str()))),
    );
    index.extend(
        person
            .phones
            .iter()
            .map(|p| (PHONE, vault.blind_index(PHONE, p.as_str()))),
    );
    index.into_iter().collect()
}

pub(super) fn unseal_case(vault: &Vault, stored: StoredCase) -> Result<Case, StoreError> {
    let tampered = || StoreError::Tampered(format!("case {}", stored.case_id));
    let mut case: Case = serde_json::from_str(&stored.details).map_err(|_| tampered())?;
    case.narrative = match &stored.narrative {
        Some(sealed) => {
            let plain = vault.open(NARRATIVE, &stored.case_id, sealed).ok_or_else(tampered)?;
            Some(String::from_utf8(plain.to_vec()).map_err(|_| tampered())?)
        }
        None => None,
    };
    case.persons = stored
        .persons
        .into_iter()
        .map(|p| unseal_person(vault, p))
        .collect::<Result<_, _>>()?;
    Ok(case)
}

pub(super) fn unseal_person(vault: &Vault, stored: StoredPerson) -> Result<Person, StoreError> {
    let tampered = || StoreError::Tampered(format!("person {}", stored.person_id));
    let plain = vault
        .open(IDENTITY, &stored.person_id, &stored.identity)
        .ok_or_else(tampered)?;
    let identity: Identity = serde_json::from_slice(&plain).map_err(|_| tampered())?;
    Ok(Person {
        id: stored.person_id.parse::<PersonId>().map_err(|_| tampered())?,
        role: parse_stored(&stored.role).ok_or_else(tampered)?,
        gender: parse_stored(&stored.gender).ok_or_else(tampered)?,
        names: identity.names,
        birth_date: identity.birth_date,
        citizenships: stored
            .citizenships
            .iter()
            .map(|c| parse_stored(c))
            .collect::<Option<_>>()
            .ok_or_else(tampered)?,
        country_of_birth: match stored.country_of_birth.as_deref() {
            Some(c) => Some(parse_stored(c).ok_or_else(tampered)?),
            None => None,
        },
        documents: identity.documents,
        phones: identity.phones,
    })
}

/// Parses a value the store wrote itself; failure means the row was altered.
fn parse_stored<T: std::str::FromStr>(s: &str) -> Option<T> {
    s.parse().ok()
}
