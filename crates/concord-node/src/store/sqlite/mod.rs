//! The SQLite backend: every SQL statement of the store, and nothing about keys.

use std::collections::HashMap;
use std::path::Path;

use concord_core::{CaseId, PersonId};
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, Transaction};
use rusqlite_migration::{Migrations, M};

use super::records::{CaseRows, StoredCase, StoredPerson};
use super::{CaseFilter, CaseSummary, NodeSettings, PersonFilter, PersonSummary, Stats, StoreError};
use crate::vault::WrappedKey;

pub(crate) mod alerts;
pub(crate) mod audit;
pub(crate) mod exchange;
pub(crate) mod linkage;
pub(crate) mod requests;
pub(crate) mod sessions;
pub(crate) mod users;

/// The schema version the migrations below lead to: their number.
const SCHEMA_VERSION: i64 = 8;

/// Schema versions, oldest first. Never edit a released migration: add one (and raise
/// [`SCHEMA_VERSION`]).
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../../../migrations/sqlite/0001_initial.sql")),
        M::up(include_str!("../../../migrations/sqlite/0002_exchange.sql")),
        M::up(include_str!("../../../migrations/sqlite/0003_users.sql")),
        M::up(include_str!("../../../migrations/sqlite/0004_sign_in.sql")),
        M::up(include_str!("../../../migrations/sqlite/0005_list_indexes.sql")),
        M::up(include_str!("../../../migrations/sqlite/0006_requests.sql")),
        M::up(include_str!("../../../migrations/sqlite/0007_linkage.sql")),
        M::up(include_str!("../../../migrations/sqlite/0008_alerts.sql")),
    ])
}

/// How long a write waits for another process's transaction before giving up.
const BUSY_TIMEOUT_MS: u64 = 3000;

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // FULL: a committed transaction survives a power cut, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    // 64 MiB of page cache: blind-index and person-ID inserts land at random places in
    // their B-trees, and a large import slows down several-fold once they outgrow it.
    conn.pragma_update(None, "cache_size", -65536)?;
    // Savepoints (one per imported case) journal into a temporary file unless told
    // otherwise; in memory they cost nothing and hold no plaintext either way.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

/// Maps an SQLite error on `path` to what the operator needs to know.
fn classify(path: &Path, error: rusqlite::Error) -> StoreError {
    match error.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked(path.to_path_buf()),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: error.to_string(),
        },
        _ => StoreError::Database(error),
    }
}

pub(super) fn create(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open(path).map_err(|e| classify(path, e))?;
    configure(&conn).map_err(|e| classify(path, e))?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(|e| classify(path, e))?;
    Ok(conn)
}

pub(super) fn open(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(path, e))?;
    configure(&conn).map_err(|e| classify(path, e))?;
    Ok(conn)
}

pub(super) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    let supported = SCHEMA_VERSION;
    if found > supported {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            supported,
        });
    }
    migrations().to_latest(conn).map_err(|e| match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => classify(path, err),
        other => StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: other.to_string(),
        },
    })
}

pub(super) fn write_identity(
    conn: &mut Connection,
    settings: &NodeSettings,
    key: &WrappedKey,
) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO node (id, name, country, kind, created_at) VALUES (1, ?1, ?2, ?3, ?4)",
        params![settings.name, settings.country.code(), settings.kind.to_string(), now()],
    )?;
    tx.execute(
        "INSERT INTO keyring (id, method, salt, memory_kib, passes, sealed_key) VALUES (1, ?1, ?2, ?3, ?4, ?5)",
        params![key.method, key.salt, key.memory_kib, key.passes, key.sealed_key],
    )?;
    tx.commit()?;
    Ok(())
}

pub(super) fn read_wrapped_key(conn: &Connection, path: &Path) -> Result<WrappedKey, StoreError> {
    let not_a_node = |detail: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail,
    };
    let row = conn
        .query_row(
            "SELECT method, salt, memory_kib, passes, sealed_key FROM keyring WHERE id = 1",
            [],
            |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()
        .map_err(|e| match e.sqlite_error_code() {
            None => not_a_node("no key table".into()),
            Some(_) if e.to_string().contains("no such table") => not_a_node("no key table".into()),
            Some(_) => classify(path, e),
        })?
        .ok_or_else(|| not_a_node("no data key".into()))?;
    let method = match row.0.as_str() {
        "passphrase" => "passphrase",
        "keyfile" => "keyfile",
        other => return Err(not_a_node(format!("unknown key method `{other}`"))),
    };
    Ok(WrappedKey {
        method,
        salt: row.1,
        memory_kib: row.2,
        passes: row.3,
        sealed_key: row.4,
    })
}

pub(super) fn read_settings(conn: &Connection) -> Result<NodeSettings, StoreError> {
    let (name, country, kind): (String, String, String) =
        conn.query_row("SELECT name, country, kind FROM node WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    let bad = |what: &str| StoreError::Tampered(format!("node settings ({what})"));
    Ok(NodeSettings {
        name,
        country: country.parse().map_err(|_| bad("country"))?,
        kind: kind.parse().map_err(|_| bad("kind"))?,
    })
}

pub(super) fn begin<'c>(conn: &'c mut Connection, path: &Path) -> Result<Transaction<'c>, StoreError> {
    // IMMEDIATE takes the write lock now, so a busy database fails here, before any work.
    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| classify(path, e))
}

pub(super) fn commit(tx: Transaction<'_>, path: &Path) -> Result<(), StoreError> {
    tx.commit().map_err(|e| classify(path, e))
}

/// Runs `work` under a savepoint: if it fails, its writes are undone and the enclosing
/// transaction carries on.
pub(super) fn atomically<T>(
    tx: &mut Transaction<'_>,
    path: &Path,
    work: impl FnOnce(&Connection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let sp = tx.savepoint().map_err(|e| classify(path, e))?;
    let out = work(&sp)?;
    sp.commit().map_err(|e| classify(path, e))?;
    Ok(out)
}

pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE)
}

pub(super) fn insert_case(tx: &Connection, rows: &CaseRows) -> Result<(), StoreError> {
    let duplicate_case = || StoreError::DuplicateCase(rows.case_id.parse().expect("a stored case ID is valid"));
    let mut insert = tx.prepare_cached(
        "INSERT INTO cases (case_id, registered_on, status, sensitivity, org_country, origin_country,
             destination_country, details, narrative, updated_at, unit)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    insert
        .execute(params![
            rows.case_id,
            rows.registered_on,
            rows.status,
            rows.sensitivity,
            rows.org_country,
            rows.origin,
            rows.destination,
            rows.details,
            rows.narrative,
            rows.updated_at,
            rows.unit
        ])
        .map_err(|e| {
            if is_unique_violation(&e) {
                duplicate_case()
            } else {
                e.into()
            }
        })?;
    let case_pk = tx.last_insert_rowid();
    let mut exploitation =
        tx.prepare_cached("INSERT INTO case_exploitation (case_pk, exploitation) VALUES (?1, ?2)")?;
    for e in &rows.exploitation {
        exploitation.execute(params![case_pk, e])?;
    }
    let mut route = tx.prepare_cached("INSERT INTO case_route_country (case_pk, country) VALUES (?1, ?2)")?;
    for c in &rows.route_countries {
        route.execute(params![case_pk, c])?;
    }
    for (position, person) in rows.persons.iter().enumerate() {
        insert_person(tx, case_pk, position, person)?;
    }
    Ok(())
}

fn insert_person(
    tx: &Connection,
    case_pk: i64,
    position: usize,
    p: &super::records::PersonRow,
) -> Result<(), StoreError> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO persons (person_id, case_pk, position, role, gender, age_band, country_of_birth, identity)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    insert
        .execute(params![
            p.person_id,
            case_pk,
            position as i64,
            p.role,
            p.gender,
            p.age_band,
            p.country_of_birth,
            p.identity
        ])
        .map_err(|e| {
            if is_unique_violation(&e) {
                StoreError::DuplicatePerson(p.person_id.parse().expect("a stored person ID is valid"))
            } else {
                e.into()
            }
        })?;
    let person_pk = tx.last_insert_rowid();
    let mut citizenship = tx.prepare_cached("INSERT INTO person_citizenship (person_pk, country) VALUES (?1, ?2)")?;
    for c in &p.citizenships {
        citizenship.execute(params![person_pk, c])?;
    }
    let mut index =
        tx.prepare_cached("INSERT OR IGNORE INTO blind_index (kind, digest, person_pk) VALUES (?1, ?2, ?3)")?;
    for (kind, digest) in &p.index {
        index.execute(params![kind, digest.as_slice(), person_pk])?;
    }
    Ok(())
}

/// The unit a case belongs to: `None` if there is no such case, `Some(None)` if it has no unit.
pub(crate) fn case_unit(conn: &Connection, id: &CaseId) -> Result<Option<Option<String>>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT unit FROM cases WHERE case_id = ?1")?;
    Ok(stmt.query_row([id.as_str()], |r| r.get(0)).optional()?)
}

/// Deletes a case and, by cascade, its persons and index entries. False if absent.
pub(super) fn delete_case(tx: &Connection, id: &CaseId) -> Result<bool, StoreError> {
    Ok(tx.execute("DELETE FROM cases WHERE case_id = ?1", [id.as_str()])? > 0)
}

fn read_persons(conn: &Connection, case_pk: i64) -> Result<Vec<StoredPerson>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.pk, p.person_id, p.role, p.gender, p.country_of_birth, p.identity FROM persons p
         WHERE p.case_pk = ?1 ORDER BY p.position",
    )?;
    let rows = stmt.query_map([case_pk], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })?;
    rows.map(|row| {
        let (pk, person_id, role, gender, country_of_birth, identity) = row?;
        Ok(StoredPerson {
            person_id,
            role,
            gender,
            country_of_birth,
            citizenships: citizenships(conn, pk)?,
            identity,
        })
    })
    .collect()
}

/// Up to `limit` persons waiting to be encoded again (`linkage_pending`), each with its
/// sealed record, or `None` for a person since deleted.
pub(super) fn pending_persons(
    conn: &Connection,
    limit: usize,
) -> Result<Vec<(String, Option<StoredPerson>)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.person_id, p.pk, p.role, p.gender, p.country_of_birth, p.identity
         FROM linkage_pending l LEFT JOIN persons p ON p.person_id = l.person_id
         ORDER BY l.person_id LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit as i64], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<Vec<u8>>>(5)?,
        ))
    })?;
    rows.map(|row| {
        let (person_id, pk, role, gender, country_of_birth, identity) = row?;
        let stored = match (pk, role, gender, identity) {
            (Some(pk), Some(role), Some(gender), Some(identity)) => Some(StoredPerson {
                person_id: person_id.clone(),
                role,
                gender,
                country_of_birth,
                citizenships: citizenships(conn, pk)?,
                identity,
            }),
            _ => None,
        };
        Ok((person_id, stored))
    })
    .collect()
}

fn citizenships(conn: &Connection, person_pk: i64) -> Result<Vec<String>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT country FROM person_citizenship WHERE person_pk = ?1 ORDER BY country")?;
    let rows = stmt.query_map([person_pk], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(super) fn get_case(conn: &Connection, id: &CaseId) -> Result<Option<StoredCase>, StoreError> {
    let row = conn
        .query_row(
            "SELECT pk, details, narrative FROM cases WHERE case_id = ?1",
            [id.as_str()],
            |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((pk, details, narrative)) = row else {
        return Ok(None);
    };
    Ok(Some(StoredCase {
        case_id: id.to_string(),
        details,
        narrative,
        persons: read_persons(conn, pk)?,
    }))
}

pub(super) fn get_person(conn: &Connection, id: &PersonId) -> Result<Option<(CaseId, StoredPerson)>, StoreError> {
    let row = conn
        .query_row(
            "SELECT c.case_id, p.pk, p.role, p.gender, p.country_of_birth, p.identity
             FROM persons p JOIN cases c ON c.pk = p.case_pk WHERE p.person_id = ?1",
            [id.as_str()],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()?;
    let Some((case_id, pk, role, gender, country_of_birth, identity)) = row else {
        return Ok(None);
    };
    let case_id = case_id
        .parse()
        .map_err(|_| StoreError::Tampered(format!("person {id}")))?;
    let stored = StoredPerson {
        person_id: id.to_string(),
        role,
        gender,
        country_of_birth,
        citizenships: citizenships(conn, pk)?,
        identity,
    };
    Ok(Some((case_id, stored)))
}

/// `text` with the wildcards of SQL's LIKE escaped, to match literally.
fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// A WHERE clause built from optional filters, with its parameters.
#[derive(Default)]
struct Conditions {
    clauses: Vec<&'static str>,
    values: Vec<String>,
}

impl Conditions {
    fn add(&mut self, clause: &'static str, value: Option<String>) {
        if let Some(v) = value {
            self.clauses.push(clause);
            self.values.push(v);
        }
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }
}

/// How a filter on the cases' side tables (forms of exploitation, citizenships, route
/// countries) is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// As sets of matching cases (`c.pk IN (…)`): SQLite builds the set from the side
    /// table's index, reads each case's row, then sorts what matches. Right when few
    /// cases match.
    Sets,
    /// As a test of each case (`EXISTS (…)`), walking the cases in the list's order
    /// (newest first, within the unit, status or dates asked for) and stopping after
    /// the page: right when many cases match, since a page then needs only the first
    /// few hundred instead of reading and sorting tens of thousands.
    Rows,
}

/// The WHERE clause of a case filter, in `shape`. With `walk_only`, only the conditions
/// that indexes in the list's order answer (unit, status, registration dates): what
/// a walk in [`Shape::Rows`] goes through at most.
fn case_conditions(filter: &CaseFilter, shape: Shape, walk_only: bool) -> Conditions {
    let mut w = Conditions::default();
    w.add("c.unit = ?", filter.unit.clone());
    w.add("c.status = ?", filter.status.map(|s| s.to_string()));
    w.add("c.registered_on >= ?", filter.registered_from.map(|d| d.to_string()));
    w.add("c.registered_on <= ?", filter.registered_to.map(|d| d.to_string()));
    if walk_only {
        return w;
    }
    w.add(
        "c.case_id LIKE ? ESCAPE '\\'",
        filter
            .id_contains
            .as_deref()
            .map(|text| format!("%{}%", escape_like(text))),
    );
    let sets = shape == Shape::Sets;
    w.add(
        if sets {
            "c.pk IN (SELECT case_pk FROM case_exploitation WHERE exploitation = ?)"
        } else {
            "EXISTS (SELECT 1 FROM case_exploitation x WHERE x.exploitation = ? AND x.case_pk = c.pk)"
        },
        filter.exploitation.map(|e| e.to_string()),
    );
    w.add(
        if sets {
            "c.pk IN (SELECT p.case_pk FROM persons p JOIN person_citizenship pc ON pc.person_pk = p.pk WHERE pc.country = ?)"
        } else {
            "EXISTS (SELECT 1 FROM persons p JOIN person_citizenship pc ON pc.person_pk = p.pk WHERE pc.country = ? AND p.case_pk = c.pk)"
        },
        filter.citizenship.map(|c| c.to_string()),
    );
    w.add(
        if sets {
            "c.pk IN (SELECT case_pk FROM case_route_country WHERE country = ?)"
        } else {
            "EXISTS (SELECT 1 FROM case_route_country r WHERE r.country = ? AND r.case_pk = c.pk)"
        },
        filter.route_country.map(|c| c.to_string()),
    );
    w
}

/// How many times more a case costs in [`Shape::Sets`] than in [`Shape::Rows`]: reading
/// a case's row (a few kilobytes: its details and sealed narrative) and sorting it,
/// against one entry of an index and a look-up in a side table. Roughly 3 µs against
/// 0.2 µs with 100,000 cases (a set of 18,000 in 53 ms, a walk of 24,000 in 5 ms), so
/// the factor errs towards sets, whose cost does not grow with the page number.
const SETS_COST: u128 = 8;

/// The shape that finds a page ending at `end` (offset + limit) with less work, given
/// that `total` of the `walked` cases in the walk's range match. A walk goes through
/// about `end × walked / total` cases (matches are spread evenly, on average); a set
/// reads and sorts every match, `total`.
fn shape_for(end: u64, total: u64, walked: u64) -> Shape {
    let (end, total, walked) = (end as u128, total as u128, walked as u128);
    if end * walked < SETS_COST * total * total {
        Shape::Rows
    } else {
        Shape::Sets
    }
}

/// Counts of cases per filter, kept until the database changes.
///
/// Counting the matches of a filter means visiting every one (tens of milliseconds with
/// 100,000 cases), and every page of a list shows the count. The counts are dropped when
/// this connection writes anything (`total_changes`) or another connection commits
/// (`PRAGMA data_version`): a list never shows a stale count.
#[derive(Debug, Default)]
pub(crate) struct CaseCounts {
    version: Option<(i64, u64)>,
    counts: HashMap<(String, Vec<String>), u64>,
}

/// Filters whose counts are kept at most (all are dropped when there are more).
const MAX_COUNTS: usize = 256;

impl CaseCounts {
    fn count(&mut self, conn: &Connection, w: &Conditions) -> Result<u64, StoreError> {
        let count = || -> Result<u64, StoreError> {
            let sql = format!("SELECT count(*) FROM cases c {}", w.sql());
            let n: i64 = conn
                .prepare_cached(&sql)?
                .query_row(rusqlite::params_from_iter(&w.values), |r| r.get(0))?;
            Ok(n as u64)
        };
        if !conn.is_autocommit() {
            // Inside a transaction the count may include writes that are rolled back.
            return count();
        }
        let version = (
            conn.prepare_cached("PRAGMA data_version")?
                .query_row([], |r| r.get(0))?,
            conn.total_changes(),
        );
        if self.version != Some(version) {
            self.counts.clear();
            self.version = Some(version);
        }
        let key = (w.sql(), w.values.clone());
        if let Some(&n) = self.counts.get(&key) {
            return Ok(n);
        }
        let n = count()?;
        if self.counts.len() >= MAX_COUNTS {
            self.counts.clear();
        }
        self.counts.insert(key, n);
        Ok(n)
    }
}

pub(super) fn list_cases(
    conn: &Connection,
    counts: &mut CaseCounts,
    filter: &CaseFilter,
    limit: u32,
    offset: u64,
) -> Result<(Vec<CaseSummary>, u64), StoreError> {
    let total = counts.count(conn, &case_conditions(filter, Shape::Sets, false))?;
    let walked = counts.count(conn, &case_conditions(filter, Shape::Sets, true))?;
    let shape = shape_for(offset + u64::from(limit), total, walked);
    Ok((list_cases_shaped(conn, filter, shape, limit, offset)?, total))
}

/// A page of cases, the filter written in `shape`.
fn list_cases_shaped(
    conn: &Connection,
    filter: &CaseFilter,
    shape: Shape,
    limit: u32,
    offset: u64,
) -> Result<Vec<CaseSummary>, StoreError> {
    let w = case_conditions(filter, shape, false);
    // The page's cases are found first, by their keys alone (which the indexes hold),
    // and only then are their rows read: the rows are large, and whatever a sort
    // carries is read for every match, not only for the page's.
    let sql = format!(
        "WITH page AS (
             SELECT c.pk FROM cases c {}
             ORDER BY c.registered_on DESC, c.case_id LIMIT {limit} OFFSET {offset}
         )
         SELECT c.case_id, c.registered_on, c.status, c.origin_country, c.destination_country,
                (SELECT group_concat(exploitation, ';') FROM case_exploitation e WHERE e.case_pk = c.pk),
                (SELECT count(*) FROM persons p WHERE p.case_pk = c.pk)
         FROM page JOIN cases c ON c.pk = page.pk ORDER BY c.registered_on DESC, c.case_id",
        w.sql()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(&w.values), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, u32>(6)?,
        ))
    })?;
    let items = rows
        .map(|row| {
            let (id, date, status, origin, destination, exploitation, persons) = row?;
            let bad = || StoreError::Tampered(format!("case {id}"));
            Ok(CaseSummary {
                registered_on: date.parse().map_err(|_| bad())?,
                status: status.parse().map_err(|_| bad())?,
                exploitation: concord_core::picklist::split(exploitation.as_deref().unwrap_or(""))
                    .map_err(|_| bad())?,
                origin: origin.map(|c| c.parse()).transpose().map_err(|_| bad())?,
                destination: destination.map(|c| c.parse()).transpose().map_err(|_| bad())?,
                persons,
                id: id.parse().map_err(|_| bad())?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(items)
}

pub(super) fn list_persons(
    conn: &Connection,
    filter: &PersonFilter,
    limit: u32,
    offset: u64,
) -> Result<(Vec<PersonSummary>, u64), StoreError> {
    let mut w = Conditions::default();
    w.add("c.unit = ?", filter.unit.clone());
    w.add("p.role = ?", filter.role.map(|r| r.to_string()));
    w.add(
        "p.pk IN (SELECT person_pk FROM person_citizenship WHERE country = ?)",
        filter.citizenship.map(|c| c.to_string()),
    );
    let total: i64 = conn.query_row(
        &format!(
            "SELECT count(*) FROM persons p JOIN cases c ON c.pk = p.case_pk {}",
            w.sql()
        ),
        rusqlite::params_from_iter(&w.values),
        |r| r.get(0),
    )?;
    let sql = format!(
        "SELECT p.pk, p.person_id, c.case_id, p.role, p.gender, p.age_band
         FROM persons p JOIN cases c ON c.pk = p.case_pk {} ORDER BY p.person_id LIMIT {limit} OFFSET {offset}",
        w.sql()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(&w.values), |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let items = rows
        .map(|row| {
            let (pk, id, case_id, role, gender, age_band) = row?;
            let bad = || StoreError::Tampered(format!("person {id}"));
            Ok(PersonSummary {
                case_id: case_id.parse().map_err(|_| bad())?,
                role: role.parse().map_err(|_| bad())?,
                gender: gender.parse().map_err(|_| bad())?,
                age_band: age_band
                    .map(|b| concord_core::AgeBand::parse(&b).ok_or_else(bad))
                    .transpose()?,
                citizenships: citizenships(conn, pk)?
                    .iter()
                    .map(|c| c.parse().map_err(|_| bad()))
                    .collect::<Result<_, _>>()?,
                id: id.parse().map_err(|_| bad())?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok((items, total as u64))
}

pub(super) fn find_persons(conn: &Connection, kind: &str, digest: &[u8; 16]) -> Result<Vec<PersonId>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.person_id FROM blind_index b JOIN persons p ON p.pk = b.person_pk
         WHERE b.kind = ?1 AND b.digest = ?2 ORDER BY p.person_id",
    )?;
    let rows = stmt.query_map(params![kind, digest.as_slice()], |r| r.get::<_, String>(0))?;
    rows.map(|id| id?.parse().map_err(|_| StoreError::Tampered("person index".into())))
        .collect()
}

pub(super) fn for_each_case<E: From<StoreError>>(
    conn: &Connection,
    mut f: impl FnMut(StoredCase) -> Result<(), E>,
) -> Result<(), E> {
    let mut stmt = conn
        .prepare("SELECT pk, case_id, details, narrative FROM cases ORDER BY case_id")
        .map_err(StoreError::from)?;
    let mut rows = stmt.query([]).map_err(StoreError::from)?;
    while let Some(row) = rows.next().map_err(StoreError::from)? {
        let pk: i64 = row.get(0).map_err(StoreError::from)?;
        let stored = StoredCase {
            case_id: row.get(1).map_err(StoreError::from)?,
            details: row.get(2).map_err(StoreError::from)?,
            narrative: row.get(3).map_err(StoreError::from)?,
            persons: read_persons(conn, pk)?,
        };
        f(stored)?;
    }
    Ok(())
}

fn counts(conn: &Connection, sql: &str) -> Result<Vec<(String, u64)>, StoreError> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

const VICTIM_ROLES: &str = "('Victim', 'PresumedVictim')";

pub(super) fn stats(conn: &Connection) -> Result<Stats, StoreError> {
    let count = |sql: &str| -> Result<u64, StoreError> { Ok(conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
    let mut by_age_band = counts(
        conn,
        &format!("SELECT coalesce(age_band, 'unknown'), count(*) FROM persons WHERE role IN {VICTIM_ROLES} GROUP BY 1"),
    )?;
    by_age_band.sort_by_key(|(band, _)| concord_core::AgeBand::parse(band).map_or(usize::MAX, |b| b as usize));
    Ok(Stats {
        cases: count("SELECT count(*) FROM cases")?,
        persons: count("SELECT count(*) FROM persons")?,
        victims: count(&format!("SELECT count(*) FROM persons WHERE role IN {VICTIM_ROLES}"))?,
        by_exploitation: counts(
            conn,
            "SELECT exploitation, count(*) FROM case_exploitation GROUP BY 1 ORDER BY 2 DESC, 1",
        )?,
        by_citizenship: counts(
            conn,
            &format!(
                "SELECT pc.country, count(*) FROM person_citizenship pc JOIN persons p ON p.pk = pc.person_pk
                 WHERE p.role IN {VICTIM_ROLES} GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
        )?,
        by_gender: counts(
            conn,
            &format!("SELECT gender, count(*) FROM persons WHERE role IN {VICTIM_ROLES} GROUP BY 1 ORDER BY 2 DESC, 1"),
        )?,
        by_age_band,
        by_year: counts(
            conn,
            "SELECT substr(registered_on, 1, 4), count(*) FROM cases GROUP BY 1 ORDER BY 1",
        )?,
        top_routes: counts(
            conn,
            "SELECT origin_country || ' → ' || destination_country, count(*) FROM cases
             WHERE origin_country IS NOT NULL AND destination_country IS NOT NULL
             GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10",
        )?,
    })
}
