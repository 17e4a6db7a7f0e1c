//! SQL of the audit trail.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::audit::{AuditEntry, AuditFilter};
use crate::store::StoreError;

/// One entry of the audit trail, as its link covers it.
///
/// The link is computed over this struct's JSON, so fields are only ever added at the
/// end, and skipped when empty, so that the links of entries written before a field
/// existed stay valid.
#[derive(Serialize)]
pub(crate) struct AuditRow<'a> {
    pub seq: i64,
    pub at: &'a str,
    pub event: &'a str,
    pub peer: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub message_id: Option<&'a str>,
    pub size: Option<i64>,
    pub detail: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<&'a str>,
}

impl AuditEntry {
    pub(crate) fn row(&self) -> AuditRow<'_> {
        AuditRow {
            seq: self.seq,
            at: &self.at,
            event: &self.event,
            peer: self.peer.as_deref(),
            kind: self.kind.as_deref(),
            message_id: self.message_id.as_deref(),
            size: self.size,
            detail: self.detail.as_deref(),
            actor: self.actor.as_deref(),
        }
    }
}

pub(crate) fn append_audit(conn: &Connection, row: &AuditRow<'_>, link: &[u8; 32]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO audit (seq, at, event, peer, kind, message_id, size, detail, actor, link)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    stmt.execute(params![
        row.seq,
        row.at,
        row.event,
        row.peer,
        row.kind,
        row.message_id,
        row.size,
        row.detail,
        row.actor,
        link.as_slice()
    ])?;
    Ok(())
}

/// The trail's head: the number of the last entry and the keyed digest that seals it.
pub(crate) fn audit_head(conn: &Connection) -> Result<Option<(i64, Vec<u8>)>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT seq, link FROM audit_head WHERE id = 1")?;
    Ok(stmt.query_row([], |r| Ok((r.get(0)?, r.get(1)?))).optional()?)
}

pub(crate) fn set_audit_head(conn: &Connection, seq: i64, seal: &[u8; 32]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO audit_head (id, seq, link) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, link = excluded.link",
    )?;
    stmt.execute(params![seq, seal.as_slice()])?;
    Ok(())
}

/// The link of the last entry.
pub(crate) fn last_audit_link(conn: &Connection) -> Result<Option<(i64, Vec<u8>)>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT seq, link FROM audit ORDER BY seq DESC LIMIT 1")?;
    Ok(stmt.query_row([], |r| Ok((r.get(0)?, r.get(1)?))).optional()?)
}

const COLUMNS: &str = "seq, at, event, peer, kind, message_id, size, detail, actor";

fn entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        seq: r.get(0)?,
        at: r.get(1)?,
        event: r.get(2)?,
        peer: r.get(3)?,
        kind: r.get(4)?,
        message_id: r.get(5)?,
        size: r.get(6)?,
        detail: r.get(7)?,
        actor: r.get(8)?,
    })
}

/// Every audit entry in order with its link, for checking the chain.
pub(crate) fn for_each_audit(
    conn: &Connection,
    mut f: impl FnMut(AuditEntry, Vec<u8>) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS}, link FROM audit ORDER BY seq"))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        f(entry(r)?, r.get(9)?)?;
    }
    Ok(())
}

/// The newest `limit` entries that pass `filter`, newest first.
pub(crate) fn list_audit(conn: &Connection, filter: &AuditFilter, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM audit
         WHERE (?1 IS NULL OR event = ?1 OR event LIKE ?1 || '.%')
           AND (?2 IS NULL OR actor = ?2)
           AND (?3 IS NULL OR peer = ?3)
           AND (?4 IS NULL OR seq < ?4)
         ORDER BY seq DESC LIMIT ?5"
    ))?;
    let rows = stmt.query_map(
        params![filter.event, filter.actor, filter.peer, filter.before, limit as i64],
        entry,
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}
