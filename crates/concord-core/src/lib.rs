//! The Concord domain: cases, persons, their attributes and the rules they obey.
//!
//! This crate holds the vocabulary every other Concord crate speaks. It follows the IOM
//! Human Trafficking Case Data Standard (HTCDS 2.0) wherever HTCDS has a field or a
//! picklist, so that records move between Concord and other HTCDS systems without
//! translation; `docs/data-model.md` maps every field and says where Concord differs and
//! why. It does no I/O: storage, exchange and presentation live in other crates.
//!
//! Types carry their own validity where they can (a [`Country`] is always an ISO 3166-1
//! code, a [`PartialDate`] always a real range of days); [`Case::validate`] checks the
//! rules that span fields and reports every problem at once, each naming its field.

mod age;
pub mod alert;
pub mod assistance;
mod case;
mod country;
mod date;
pub mod htcds;
mod ids;
mod person;
pub mod picklist;
mod role;
mod validation;
pub mod vocabulary;

pub use age::AgeBand;
pub use case::{Case, Organisation, Recruitment, RouteLeg, MAX_NARRATIVE_CHARS};
pub use country::{Country, UnknownCountry};
pub use date::{InvalidDate, PartialDate};
pub use ids::{CaseId, InvalidId, PersonId};
pub use person::{
    DocumentNumber, IdentityDocument, InvalidDocumentNumber, InvalidPhoneNumber, Person, PersonName, PhoneNumber,
    RomanisedName, MAX_NAME_CHARS,
};
pub use picklist::{Picklist, UnknownValue};
pub use role::{Permission, Role};
pub use validation::{without_values, FieldError, ValidationErrors};
