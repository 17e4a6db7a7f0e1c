//! SQL of alerts, issued and received, and of who received and acknowledged ours.

use rusqlite::{params, Connection, OptionalExtension};

use crate::store::StoreError;

/// An alert as stored (`pk` is ignored when inserting).
pub(crate) struct AlertRow {
    pub pk: i64,
    pub alert_id: String,
    pub issuer: Option<String>,
    pub revision: u32,
    pub alert_type: String,
    pub expires_at: String,
    pub cancelled: bool,
    pub content: Vec<u8>,
    pub acknowledged_revision: Option<u32>,
    pub acknowledged_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A partner an alert of ours went to.
pub(crate) struct RecipientRow {
    pub peer: String,
    pub acknowledged_revision: Option<u32>,
    pub acknowledged_at: Option<String>,
}

const COLUMNS: &str = "pk, alert_id, issuer, revision, alert_type, expires_at, cancelled, content, \
                       acknowledged_revision, acknowledged_at, created_at, updated_at";

fn alert_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AlertRow> {
    Ok(AlertRow {
        pk: r.get(0)?,
        alert_id: r.get(1)?,
        issuer: r.get(2)?,
        revision: r.get(3)?,
        alert_type: r.get(4)?,
        expires_at: r.get(5)?,
        cancelled: r.get(6)?,
        content: r.get(7)?,
        acknowledged_revision: r.get(8)?,
        acknowledged_at: r.get(9)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

/// Adds an alert; its `pk`.
pub(crate) fn insert_alert(conn: &Connection, row: &AlertRow) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO alerts (alert_id, issuer, revision, alert_type, expires_at, cancelled, content, created_at, \
         updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        row.alert_id,
        row.issuer,
        row.revision,
        row.alert_type,
        row.expires_at,
        row.cancelled,
        row.content,
        row.created_at,
        row.updated_at
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The alert `alert_id`, whoever issued it.
pub(crate) fn alert(conn: &Connection, alert_id: &str) -> Result<Option<AlertRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM alerts WHERE alert_id = ?1"))?;
    Ok(stmt.query_row([alert_id], alert_row).optional()?)
}

/// Replaces an alert's revision with a later one (`row.pk` names it).
pub(crate) fn revise_alert(conn: &Connection, row: &AlertRow) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE alerts SET revision = ?2, alert_type = ?3, expires_at = ?4, cancelled = ?5, content = ?6, \
         updated_at = ?7 WHERE pk = ?1",
    )?
    .execute(params![
        row.pk,
        row.revision,
        row.alert_type,
        row.expires_at,
        row.cancelled,
        row.content,
        row.updated_at
    ])?;
    Ok(())
}

/// Up to `limit` alerts: those in force at `now` first, then the rest; newest first in
/// each group.
pub(crate) fn list_alerts(conn: &Connection, now: &str, limit: usize) -> Result<Vec<AlertRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM alerts
         ORDER BY (cancelled = 0 AND expires_at > ?1) DESC, created_at DESC, pk DESC LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![now, limit as i64], alert_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Records that this node acknowledged revision `revision` of a partner's alert.
pub(crate) fn set_acknowledged(conn: &Connection, pk: i64, revision: u32, at: &str) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE alerts SET acknowledged_revision = ?2, acknowledged_at = ?3 WHERE pk = ?1")?
        .execute(params![pk, revision, at])?;
    Ok(())
}

/// Adds a partner to those an alert of ours went to.
pub(crate) fn add_recipient(conn: &Connection, alert_pk: i64, peer: &str) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT INTO alert_recipients (alert_pk, peer) VALUES (?1, ?2)")?
        .execute(params![alert_pk, peer])?;
    Ok(())
}

/// The partners an alert of ours went to, in node ID order.
pub(crate) fn recipients(conn: &Connection, alert_pk: i64) -> Result<Vec<RecipientRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT peer, acknowledged_revision, acknowledged_at FROM alert_recipients WHERE alert_pk = ?1 ORDER BY peer",
    )?;
    let rows = stmt.query_map([alert_pk], |r| {
        Ok(RecipientRow {
            peer: r.get(0)?,
            acknowledged_revision: r.get(1)?,
            acknowledged_at: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Records a recipient's acknowledgement of `revision`, unless it already acknowledged
/// that or a later one. False if `peer` is not a recipient of the alert.
pub(crate) fn record_ack(
    conn: &Connection,
    alert_pk: i64,
    peer: &str,
    revision: u32,
    at: &str,
) -> Result<bool, StoreError> {
    let known: Option<i64> = conn
        .prepare_cached("SELECT 1 FROM alert_recipients WHERE alert_pk = ?1 AND peer = ?2")?
        .query_row(params![alert_pk, peer], |r| r.get(0))
        .optional()?;
    if known.is_none() {
        return Ok(false);
    }
    conn.prepare_cached(
        "UPDATE alert_recipients SET acknowledged_revision = ?3, acknowledged_at = ?4
         WHERE alert_pk = ?1 AND peer = ?2 AND (acknowledged_revision IS NULL OR acknowledged_revision < ?3)",
    )?
    .execute(params![alert_pk, peer, revision, at])?;
    Ok(true)
}
