//! The organisations that run nodes: police units, prosecutors, labour inspectorates,
//! IOM and UN missions, NGO shelters.

use std::fmt;
use std::sync::Arc;

use concord_core::vocabulary::OrganisationType;
use concord_core::{CaseId, Country, Organisation};

/// An organisation that records cases, with the code its case references start with,
/// and its place in a network of agencies (which individuals it shares with others
/// depends on the whole network).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    code: String,
    org: Organisation,
    /// Its index in the network.
    slot: usize,
    /// The country of every agency of the network, by index.
    network: Arc<[Country]>,
}

/// An agency code that cannot start a case reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidAgencyCode(pub String);

impl fmt::Display for InvalidAgencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not an agency code; expected 1 to 40 letters, digits and hyphens, e.g. PL-POL",
            self.0
        )
    }
}

impl std::error::Error for InvalidAgencyCode {}

impl Agency {
    /// An agency with a code (`PL-POL`) that prefixes its case references
    /// (`PL-POL-2024-000123`), alone in its network until [`network`] joins it to others.
    pub fn new(code: &str, org: Organisation) -> Result<Self, InvalidAgencyCode> {
        let ok = (1..=40).contains(&code.len())
            && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && format!("{code}-2024-000001").parse::<CaseId>().is_ok();
        if ok {
            let network = Arc::from([org.country]);
            Ok(Self {
                code: code.to_string(),
                org,
                slot: 0,
                network,
            })
        } else {
            Err(InvalidAgencyCode(code.to_string()))
        }
    }

    /// The code that starts its case references.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The organisation.
    pub fn org(&self) -> &Organisation {
        &self.org
    }

    /// Its country.
    pub fn country(&self) -> Country {
        self.org.country
    }

    /// Its index in its network.
    pub(crate) fn slot(&self) -> usize {
        self.slot
    }

    /// The countries of the agencies of its network, by index.
    pub(crate) fn network(&self) -> &[Country] {
        &self.network
    }

    /// The reference of its case number `n` (from 0) registered in `year`.
    pub(crate) fn case_id(&self, year: i32, n: u64) -> CaseId {
        format!("{}-{year}-{:06}", self.code, n + 1)
            .parse()
            .expect("Agency::new admits only codes that make valid case IDs, and the rest is digits")
    }
}

use OrganisationType::{
    InternationalOrganisation as Intl, LabourInspectorate as Labour, LawEnforcement as Police,
    ProsecutionService as Prosecutor, NGO,
};

/// The catalogue: code, name, kind, country. Ordered so that any prefix mixes origin,
/// transit and destination countries and kinds of organisation; the first three follow
/// one corridor (missing in Ukraine, found in Poland, sheltered in Germany).
const CATALOGUE: &[(&str, &str, OrganisationType, &str)] = &[
    (
        "UA-NPU",
        "National Police, counter-trafficking department",
        Police,
        "UA",
    ),
    (
        "PL-POL",
        "Police, central unit against trafficking in human beings",
        Police,
        "PL",
    ),
    (
        "DE-NGO",
        "Counselling centre and shelter for trafficked persons",
        NGO,
        "DE",
    ),
    (
        "IT-PRO",
        "Public prosecutor's office, anti-trafficking section",
        Prosecutor,
        "IT",
    ),
    ("TR-IOM", "IOM country office", Intl, "TR"),
    ("TH-POL", "Police anti-trafficking division", Police, "TH"),
    ("SY-NGO", "Women's protection network", NGO, "SY"),
    ("GR-LAB", "Labour inspectorate", Labour, "GR"),
    ("LY-IOM", "IOM mission", Intl, "LY"),
    ("MD-NGO", "Anti-trafficking hotline and shelter", NGO, "MD"),
    ("RO-POL", "Police, directorate for combating trafficking", Police, "RO"),
    ("KZ-NGO", "Crisis centre for survivors of trafficking", NGO, "KZ"),
    ("AE-POL", "Police, human trafficking crimes unit", Police, "AE"),
    ("NG-POL", "National agency against trafficking in persons", Police, "NG"),
    ("ET-NGO", "Returnee reception centre", NGO, "ET"),
    ("MM-UN", "United Nations field office", Intl, "MM"),
    ("NP-NGO", "Anti-trafficking shelter home", NGO, "NP"),
    (
        "CO-PRO",
        "Attorney general's office, anti-trafficking unit",
        Prosecutor,
        "CO",
    ),
    ("KR-POL", "National Police, anti-trafficking team", Police, "KR"),
    ("GE-POL", "Police, anti-trafficking unit", Police, "GE"),
    ("VN-NGO", "Victim support centre", NGO, "VN"),
    ("HT-IOM", "IOM mission", Intl, "HT"),
    ("ES-LAB", "Labour and social security inspectorate", Labour, "ES"),
    ("SD-NGO", "Protection network for displaced persons", NGO, "SD"),
    ("PH-POL", "Police, women and children protection centre", Police, "PH"),
    ("GB-NGO", "Modern slavery victim care service", NGO, "GB"),
    ("AF-UN", "United Nations assistance mission", Intl, "AF"),
    ("VE-NGO", "Human rights and anti-trafficking network", NGO, "VE"),
    ("IQ-IOM", "IOM mission", Intl, "IQ"),
    ("MY-LAB", "Labour department, forced labour unit", Labour, "MY"),
    ("RS-NGO", "Centre for protection of victims of trafficking", NGO, "RS"),
    ("CZ-POL", "Police, organised crime unit", Police, "CZ"),
];

/// Joins agencies into one network, in the order given: their cases then share
/// individuals (see [`crate::Config::shared_fraction`]).
///
/// # Panics
/// With more than [`MAX_AGENCIES`] agencies.
pub fn network(agencies: impl IntoIterator<Item = Agency>) -> Vec<Agency> {
    let mut agencies: Vec<Agency> = agencies.into_iter().collect();
    assert!(agencies.len() <= MAX_AGENCIES, "at most {MAX_AGENCIES} agencies");
    let countries: Arc<[Country]> = agencies.iter().map(Agency::country).collect();
    for (slot, agency) in agencies.iter_mut().enumerate() {
        agency.slot = slot;
        agency.network = Arc::clone(&countries);
    }
    agencies
}

/// Most agencies a network may have: entity IDs keep 12 bits for the agency.
pub const MAX_AGENCIES: usize = 4096;

/// A network of `n` agencies: the catalogue in order, then again with numbered offices
/// (`PL-POL-2`) when more are asked for. The same `n` always gives the same agencies.
pub fn agencies(n: usize) -> Vec<Agency> {
    network((0..n).map(|i| {
        let (code, name, kind, country) = CATALOGUE[i % CATALOGUE.len()];
        let office = i / CATALOGUE.len();
        let (code, name) = if office == 0 {
            (code.to_string(), name.to_string())
        } else {
            (
                format!("{code}-{}", office + 1),
                format!("{name} (office {})", office + 1),
            )
        };
        let org = Organisation {
            name,
            kind,
            country: country.parse().expect("the catalogue holds ISO 3166-1 codes (tested)"),
        };
        Agency::new(&code, org).expect("catalogue codes are letters and hyphens (tested)")
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_agencies_are_valid_and_codes_unique() {
        let all = agencies(CATALOGUE.len() * 2 + 1);
        let codes: std::collections::BTreeSet<_> = all.iter().map(Agency::code).collect();
        assert_eq!(codes.len(), all.len());
        assert_eq!(all[CATALOGUE.len()].code(), "UA-NPU-2");
        assert_eq!(all[CATALOGUE.len()].slot(), CATALOGUE.len());
        assert_eq!(all[5].network(), all[0].network());
    }

    #[test]
    fn codes_that_would_break_case_ids_are_refused() {
        let org = agencies(1)[0].org().clone();
        for bad in ["", "PL POL", "PL/POL", "-PL", &"X".repeat(41)] {
            assert!(Agency::new(bad, org.clone()).is_err(), "{bad} accepted");
        }
    }
}
