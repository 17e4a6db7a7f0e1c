//! The node's store: cases and persons in an embedded SQLite database, sealed where they
//! identify someone.
//!
//! The store is one layer with two halves. This module speaks the domain: it turns a
//! [`Case`] into rows, sealing identifying fields and computing blind indexes with the
//! node's [`Vault`], and back. [`sqlite`] holds every SQL statement and knows nothing of
//! keys. A PostgreSQL backend is a second module beside `sqlite` with the same row-level
//! functions, chosen when the store opens; nothing above this module changes.

mod records;
pub(crate) mod sqlite;

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use concord_core::vocabulary::{CaseStatus, ExploitationType, OrganisationType, PersonRole};
use concord_core::{AgeBand, Case, CaseId, Country, Person, PersonId};
use rusqlite::Connection;
use serde::Serialize;

use concord_exchange::Identity;

use crate::vault::{KeyError, KeySource, Vault};

pub use records::lookup_form;

/// File name of the database inside the data folder.
pub const DATABASE_FILE: &str = "concord.sqlite3";

/// What goes wrong with a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data folder holds no node.
    #[error("no Concord node in {0}; create one with `concord init`")]
    NotInitialised(PathBuf),
    /// `init` on a folder that already holds a node.
    #[error("{0} already holds a Concord node; refusing to overwrite it")]
    AlreadyInitialised(PathBuf),
    /// The key does not fit.
    #[error(transparent)]
    Key(#[from] KeyError),
    /// Another process holds the database.
    #[error("database {0} is locked by another process (is `concord serve` running on this folder?); try again when it is done")]
    Locked(PathBuf),
    /// The database file is damaged or not a database.
    #[error("database {path} is damaged or not a Concord database ({detail}); restore it from a backup. Nothing was written")]
    Corrupt { path: PathBuf, detail: String },
    /// The database is from a newer Concord.
    #[error("database {path} has schema version {found}, newer than this Concord understands ({supported}); upgrade Concord")]
    TooNew { path: PathBuf, found: i64, supported: i64 },
    /// A case ID already in the store.
    #[error("case {0} already exists")]
    DuplicateCase(CaseId),
    /// A person ID already in the store.
    #[error("person {0} already exists (person IDs are unique in a node)")]
    DuplicatePerson(PersonId),
    /// No such case.
    #[error("case {0} not found")]
    CaseNotFound(CaseId),
    /// No such person.
    #[error("person {0} not found")]
    PersonNotFound(PersonId),
    /// A sealed field did not open: altered on disk, or a bug.
    #[error("a sealed field of {0} does not open with this node's key; the record was altered on disk")]
    Tampered(String),
    /// Creating the data folder failed.
    #[error("data folder {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    /// Any other database error.
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
}

/// Who the node is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NodeSettings {
    /// Display name (e.g. "Anti-Trafficking Unit, Kyiv").
    pub name: String,
    /// The country the node operates in.
    pub country: Country,
    /// The kind of organisation running the node.
    pub kind: OrganisationType,
}

/// Which cases to list.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    /// Only cases with this status.
    pub status: Option<CaseStatus>,
    /// Only cases with this form of exploitation.
    pub exploitation: Option<ExploitationType>,
    /// Only cases with a person of this citizenship.
    pub citizenship: Option<Country>,
    /// Only cases whose route passes through this country.
    pub route_country: Option<Country>,
    /// Only cases registered on or after this date.
    pub registered_from: Option<NaiveDate>,
    /// Only cases registered on or before this date.
    pub registered_to: Option<NaiveDate>,
    /// Only the cases of this unit (how a field officer's view is limited).
    pub unit: Option<String>,
    /// Only cases whose reference contains this text (case IDs are the organisation's
    /// file numbers, not personal data).
    pub id_contains: Option<String>,
}

/// Which persons to list.
#[derive(Debug, Clone, Default)]
pub struct PersonFilter {
    /// Only persons with this role.
    pub role: Option<PersonRole>,
    /// Only persons of this citizenship.
    pub citizenship: Option<Country>,
    /// Only persons in cases of this unit.
    pub unit: Option<String>,
}

/// A page of a list: `number` counts from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Page number, from 1.
    pub number: u32,
    /// Items per page, 1 to [`Page::MAX_SIZE`].
    pub size: u32,
}

impl Page {
    /// Largest page served.
    pub const MAX_SIZE: u32 = 500;

    /// A page, with the size clamped to 1..=MAX_SIZE and the number to at least 1.
    pub fn new(number: u32, size: u32) -> Self {
        Self {
            number: number.max(1),
            size: size.clamp(1, Self::MAX_SIZE),
        }
    }

    fn offset(self) -> u64 {
        u64::from(self.number - 1) * u64::from(self.size)
    }
}

/// One page of results and the total count.
#[derive(Debug, Clone, Serialize)]
pub struct Paged<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// How many items match in all.
    pub total: u64,
    /// This page's number.
    pub page: u32,
    /// Items per page.
    pub per_page: u32,
}

/// A case as listed: nothing identifying, nothing to decrypt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseSummary {
    /// The case reference.
    pub id: CaseId,
    /// Registration date.
    pub registered_on: NaiveDate,
    /// Status.
    pub status: CaseStatus,
    /// Forms of exploitation.
    pub exploitation: Vec<ExploitationType>,
    /// First country of the route.
    pub origin: Option<Country>,
    /// Last country of the route.
    pub destination: Option<Country>,
    /// Number of persons in the case.
    pub persons: u32,
}

/// A person as listed: role and statistics attributes, no identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonSummary {
    /// The person reference.
    pub id: PersonId,
    /// The case the person belongs to.
    pub case_id: CaseId,
    /// Role in the case.
    pub role: PersonRole,
    /// Gender.
    pub gender: concord_core::vocabulary::Gender,
    /// Age group at the case's registration.
    pub age_band: Option<AgeBand>,
    /// Citizenships.
    pub citizenships: Vec<Country>,
}

/// An exact lookup through a blind index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// A full name, given name(s) then family name(s), in any script as recorded.
    Name(String),
    /// A document number.
    Document(String),
    /// A phone number.
    Phone(String),
}

/// Counts for statistics: each list is (value, count), largest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Number of cases.
    pub cases: u64,
    /// Number of persons.
    pub persons: u64,
    /// Victims and presumed victims.
    pub victims: u64,
    /// Cases by form of exploitation.
    pub by_exploitation: Vec<(String, u64)>,
    /// Victims by citizenship.
    pub by_citizenship: Vec<(String, u64)>,
    /// Victims by gender.
    pub by_gender: Vec<(String, u64)>,
    /// Victims by age group at registration (youngest first; `unknown` last).
    pub by_age_band: Vec<(String, u64)>,
    /// Cases by year of registration (oldest first).
    pub by_year: Vec<(String, u64)>,
    /// The most frequent routes, origin country to destination country.
    pub top_routes: Vec<(String, u64)>,
}

/// The store of one node.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) vault: Vault,
    /// The node's signing and exchange keys, unsealed at open; shared with the
    /// [`Receiver`](crate::exchange::Receiver)s that check bundles away from the store.
    pub(crate) identity: Arc<Identity>,
    /// How many cases match each filter listed lately, until the database changes.
    case_counts: RefCell<sqlite::CaseCounts>,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Creates a node in `dir` (made if absent): database, schema, data key.
    pub fn init(dir: &Path, settings: &NodeSettings, key: &KeySource) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join(DATABASE_FILE);
        if path.exists() {
            return Err(StoreError::AlreadyInitialised(dir.to_path_buf()));
        }
        let (vault, wrapped) = Vault::create(key)?;
        let mut conn = sqlite::create(&path)?;
        sqlite::migrate(&mut conn, &path)?;
        sqlite::write_identity(&mut conn, settings, &wrapped)?;
        Self::with_keys(conn, vault, path)
    }

    /// Opens the node in `dir`: unlocks the data key (writing nothing if it does not
    /// fit), then brings the schema up to date.
    pub fn open(dir: &Path, key: &KeySource) -> Result<Self, StoreError> {
        let path = dir.join(DATABASE_FILE);
        if !path.is_file() {
            return Err(StoreError::NotInitialised(dir.to_path_buf()));
        }
        let mut conn = sqlite::open(&path)?;
        let wrapped = sqlite::read_wrapped_key(&conn, &path)?;
        let vault = Vault::unlock(key, &wrapped)?;
        sqlite::migrate(&mut conn, &path)?;
        Self::with_keys(conn, vault, path)
    }

    /// The store over an unlocked, migrated database: the node's exchange keys are read
    /// (or, for a node that has none yet, made) here, once.
    fn with_keys(conn: Connection, vault: Vault, path: PathBuf) -> Result<Self, StoreError> {
        let identity = Arc::new(crate::exchange::keys::load_or_create(&conn, &vault)?);
        Ok(Self {
            conn,
            vault,
            identity,
            case_counts: RefCell::default(),
            path,
        })
    }

    /// Who this node is.
    pub fn settings(&self) -> Result<NodeSettings, StoreError> {
        sqlite::read_settings(&self.conn)
    }

    /// Adds a case with its persons. The case must be valid (see [`Case::validate`]).
    pub fn insert_case(&mut self, case: &Case) -> Result<(), StoreError> {
        self.write(|w| w.insert_case(case))
    }

    /// Replaces a case and its persons with `case`.
    pub fn update_case(&mut self, case: &Case) -> Result<(), StoreError> {
        self.write(|w| w.replace_case(case))
    }

    /// Runs `work` on one plain transaction of the connection (no sealing helpers):
    /// all its writes land, or none do.
    pub(crate) fn transaction<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&rusqlite::Transaction<'_>, &Vault) -> Result<T, E>,
    ) -> Result<T, E> {
        let tx = sqlite::begin(&mut self.conn, &self.path)?;
        let out = work(&tx, &self.vault)?;
        sqlite::commit(tx, &self.path)?;
        Ok(out)
    }

    /// Runs `work` in one transaction: all its writes land, or none do.
    pub fn write<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&mut Writer<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let path = self.path.clone();
        let tx = sqlite::begin(&mut self.conn, &path)?;
        let mut writer = Writer {
            tx,
            vault: &self.vault,
            path: &path,
            updated_at: sqlite::now(),
        };
        let out = work(&mut writer)?;
        sqlite::commit(writer.tx, &path)?;
        Ok(out)
    }

    /// One case with its persons, unsealed.
    pub fn get_case(&self, id: &CaseId) -> Result<Option<Case>, StoreError> {
        let Some(stored) = sqlite::get_case(&self.conn, id)? else {
            return Ok(None);
        };
        records::unseal_case(&self.vault, stored).map(Some)
    }

    /// One person, unsealed, with the case it belongs to.
    pub fn get_person(&self, id: &PersonId) -> Result<Option<(CaseId, Person)>, StoreError> {
        let Some((case_id, stored)) = sqlite::get_person(&self.conn, id)? else {
            return Ok(None);
        };
        Ok(Some((case_id, records::unseal_person(&self.vault, stored)?)))
    }

    /// A page of cases, newest first.
    ///
    /// The count of matching cases is remembered per filter until the database changes,
    /// so that turning pages or reloading a list does not count again.
    pub fn list_cases(&self, filter: &CaseFilter, page: Page) -> Result<Paged<CaseSummary>, StoreError> {
        let mut counts = self.case_counts.borrow_mut();
        let (items, total) = sqlite::list_cases(&self.conn, &mut counts, filter, page.size, page.offset())?;
        Ok(Paged {
            items,
            total,
            page: page.number,
            per_page: page.size,
        })
    }

    /// A page of persons, by person ID.
    pub fn list_persons(&self, filter: &PersonFilter, page: Page) -> Result<Paged<PersonSummary>, StoreError> {
        let (items, total) = sqlite::list_persons(&self.conn, filter, page.size, page.offset())?;
        Ok(Paged {
            items,
            total,
            page: page.number,
            per_page: page.size,
        })
    }

    /// Persons whose name, document or phone is exactly the one given.
    pub fn find_persons(&self, lookup: &Lookup) -> Result<Vec<PersonId>, StoreError> {
        let (kind, value) = records::lookup_key(lookup);
        sqlite::find_persons(&self.conn, kind, &self.vault.blind_index(kind, &value))
    }

    /// Every case, unsealed, in case ID order, without holding them all in memory.
    pub fn for_each_case<E: From<StoreError>>(&self, mut f: impl FnMut(Case) -> Result<(), E>) -> Result<(), E> {
        sqlite::for_each_case(&self.conn, |stored| f(records::unseal_case(&self.vault, stored)?))
    }

    /// Up to `limit` persons whose encoding must be made again, by ID, unsealed; `None`
    /// for a person since deleted.
    pub(crate) fn pending_persons(&self, limit: usize) -> Result<Vec<(String, Option<Person>)>, StoreError> {
        sqlite::pending_persons(&self.conn, limit)?
            .into_iter()
            .map(|(id, stored)| Ok((id, stored.map(|s| records::unseal_person(&self.vault, s)).transpose()?)))
            .collect()
    }

    /// Counts for the statistics page and `concord stats`.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        sqlite::stats(&self.conn)
    }
}

/// Writes inside one transaction of [`Store::write`].
pub struct Writer<'s> {
    tx: rusqlite::Transaction<'s>,
    vault: &'s Vault,
    path: &'s Path,
    /// The time of this transaction, written as every changed case's `updated_at`.
    updated_at: String,
}

impl<'s> Writer<'s> {
    /// A handle that seals cases for this transaction; it can work on another thread
    /// while this one writes, which is how a large import uses two cores.
    pub fn sealer(&self) -> Sealer<'s> {
        Sealer {
            vault: self.vault,
            updated_at: self.updated_at.clone(),
        }
    }

    /// Adds a case with its persons; on error nothing of this case is written and the
    /// transaction goes on.
    pub fn insert_case(&mut self, case: &Case) -> Result<(), StoreError> {
        self.insert_sealed(self.sealer().seal(case.clone()))
    }

    /// Adds a case sealed by [`Writer::sealer`], as [`Writer::insert_case`] does.
    pub fn insert_sealed(&mut self, case: SealedCase) -> Result<(), StoreError> {
        sqlite::atomically(&mut self.tx, self.path, |tx| sqlite::insert_case(tx, &case.0))
    }

    /// Adds a case that belongs to `unit` (whose field officers see it).
    pub fn insert_case_in_unit(&mut self, case: &Case, unit: Option<&str>) -> Result<(), StoreError> {
        let mut sealed = self.sealer().seal(case.clone());
        sealed.0.unit = unit.map(str::to_owned);
        self.insert_sealed(sealed)
    }

    /// Replaces an existing case and its persons; the case stays with its unit.
    pub fn replace_case(&mut self, case: &Case) -> Result<(), StoreError> {
        let mut rows = self.sealer().seal(case.clone()).0;
        sqlite::atomically(&mut self.tx, self.path, |tx| {
            rows.unit = sqlite::case_unit(tx, &case.id)?.ok_or_else(|| StoreError::CaseNotFound(case.id.clone()))?;
            sqlite::delete_case(tx, &case.id)?;
            sqlite::insert_case(tx, &rows)
        })
    }

    /// The transaction, for the node's own modules.
    pub(crate) fn tx(&self) -> &rusqlite::Transaction<'s> {
        &self.tx
    }

    /// The vault, for the node's own modules.
    pub(crate) fn vault(&self) -> &'s Vault {
        self.vault
    }
}

/// Seals cases into rows ready to store, on any thread.
pub struct Sealer<'s> {
    vault: &'s Vault,
    updated_at: String,
}

impl Sealer<'_> {
    /// Seals identifying fields and computes blind indexes: all the CPU work of storing.
    pub fn seal(&self, case: Case) -> SealedCase {
        SealedCase(records::seal_case(self.vault, case, &self.updated_at))
    }
}

/// A case sealed and turned into rows, ready for [`Writer::insert_sealed`].
pub struct SealedCase(records::CaseRows);
