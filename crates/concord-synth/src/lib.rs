//! Synthetic data for Concord: realistic, entirely invented networks of trafficking
//! cases for tests, demonstrations and benchmarks. No real personal data is ever used.
//!
//! A network of [`Agency`]s (police units, prosecutors, labour inspectorates, IOM and
//! UN missions, NGO shelters in countries of origin, transit and destination) records
//! cases along realistic corridors. The same individual often appears in several agencies'
//! records — reported missing in Ukraine, identified by the police in Poland, sheltered in
//! Germany — and each agency writes them differently: native script or romanised,
//! another romanisation, a typing error, a partial or slightly wrong date of birth. Every
//! person record comes with the [`EntityId`] of the true individual, the ground truth that
//! linkage and estimation are measured against.
//!
//! Where a demonstration or a test must know exactly which persons several agencies hold,
//! [`plant`] copies chosen persons of one agency's cases into others', each copy written
//! as a second agency would write it, and returns who is who.
//!
//! # Determinism
//!
//! Output is a pure function of the [`Config`] (seed included), the agency list and the
//! case number: the same inputs give byte-identical cases on any machine, so tests can
//! assert on them and benchmarks can be repeated. Every draw comes from a ChaCha8 stream
//! keyed by the seed and what it is for (`random`); an individual's true attributes follow
//! from the seed and its [`EntityId`] alone, and case `n` of an agency from the seed, the
//! agency and `n`. Nothing is stored between cases, so a million cases stream in constant
//! memory ([`cases`]).
//!
//! ```
//! let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
//! let config = concord_synth::Config::new(42, today);
//! let agencies = concord_synth::agencies(3); // UA-NPU, PL-POL, DE-NGO
//! for synthetic in concord_synth::cases(&config, &agencies[1], 10) {
//!     assert!(synthetic.case.validate(today).is_ok());
//!     assert_eq!(synthetic.entities.len(), synthetic.case.persons.len());
//! }
//! ```

mod agency;
mod case;
mod config;
mod exploitation;
mod identifiers;
pub mod names;
mod narrative;
mod network;
mod person;
mod plant;
mod population;
mod random;
mod route;
mod sharing;
mod variation;
mod world;

pub use agency::{agencies, network, Agency, InvalidAgencyCode, MAX_AGENCIES};
pub use case::SyntheticCase;
pub use config::Config;
pub use network::{case, cases, name_pool};
pub use plant::{plant, BirthChange, Change, NameChange, PlantError, Planted, PlantedRecord, Planting};
pub use population::EntityId;
