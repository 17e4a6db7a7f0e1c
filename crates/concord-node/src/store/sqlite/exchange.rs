//! SQL of the exchange: the node's keys, partners, outbox and inbox.
//!
//! Rows here are plain strings and bytes; `crate::exchange` turns them into protocol
//! types and checks them.

use rusqlite::{params, Connection, OptionalExtension};

use crate::store::StoreError;

/// The node's keys as stored: its ID, public keys, and secret keys sealed by the vault.
pub(crate) struct KeyRow {
    pub node_id: String,
    pub public_keys: Vec<u8>,
    pub sealed_secret: Vec<u8>,
}

pub(crate) fn read_keys(conn: &Connection) -> Result<Option<KeyRow>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT node_id, public_keys, sealed_secret FROM node_identity WHERE id = 1",
            [],
            |r| {
                Ok(KeyRow {
                    node_id: r.get(0)?,
                    public_keys: r.get(1)?,
                    sealed_secret: r.get(2)?,
                })
            },
        )
        .optional()?)
}

/// Stores the node's keys unless another process stored its own first (the first to
/// open an upgraded node makes them; everyone then reads those).
pub(crate) fn write_keys(conn: &Connection, keys: &KeyRow) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR IGNORE INTO node_identity (id, node_id, public_keys, sealed_secret) VALUES (1, ?1, ?2, ?3)",
        params![keys.node_id, keys.public_keys, keys.sealed_secret],
    )?;
    Ok(())
}

pub(crate) fn read_endpoint(conn: &Connection) -> Result<Option<String>, StoreError> {
    Ok(conn.query_row("SELECT endpoint FROM node WHERE id = 1", [], |r| r.get(0))?)
}

pub(crate) fn write_endpoint(conn: &Connection, endpoint: Option<&str>) -> Result<(), StoreError> {
    conn.execute("UPDATE node SET endpoint = ?1 WHERE id = 1", [endpoint])?;
    Ok(())
}

/// A partner as stored: its card as text, and the agreement.
pub(crate) struct PeerRow {
    pub node_id: String,
    pub card: String,
    pub added_at: String,
    pub send_categories: String,
    pub receive_categories: String,
}

const PEER_COLUMNS: &str = "node_id, card, added_at, send_categories, receive_categories";

fn peer_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PeerRow> {
    Ok(PeerRow {
        node_id: r.get(0)?,
        card: r.get(1)?,
        added_at: r.get(2)?,
        send_categories: r.get(3)?,
        receive_categories: r.get(4)?,
    })
}

/// Adds a partner, or replaces its card (keeping its agreement and the time it was added).
pub(crate) fn upsert_peer(conn: &Connection, peer: &PeerRow) -> Result<(), StoreError> {
    conn.execute(
        &format!(
            "INSERT INTO peers ({PEER_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (node_id) DO UPDATE SET card = excluded.card"
        ),
        params![
            peer.node_id,
            peer.card,
            peer.added_at,
            peer.send_categories,
            peer.receive_categories
        ],
    )?;
    Ok(())
}

pub(crate) fn get_peer(conn: &Connection, node_id: &str) -> Result<Option<PeerRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {PEER_COLUMNS} FROM peers WHERE node_id = ?1"))?;
    Ok(stmt.query_row([node_id], peer_row).optional()?)
}

pub(crate) fn list_peers(conn: &Connection) -> Result<Vec<PeerRow>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {PEER_COLUMNS} FROM peers ORDER BY node_id"))?;
    let rows = stmt.query_map([], peer_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Sets a partner's agreement; false if there is no such partner.
pub(crate) fn set_agreement(conn: &Connection, node_id: &str, send: &str, receive: &str) -> Result<bool, StoreError> {
    Ok(conn.execute(
        "UPDATE peers SET send_categories = ?2, receive_categories = ?3 WHERE node_id = ?1",
        params![node_id, send, receive],
    )? > 0)
}

/// A message queued for a partner.
pub(crate) struct OutboxRow<'a> {
    pub message_id: String,
    pub recipient: &'a str,
    pub kind: &'a str,
    pub handling: &'a str,
    pub created_at: &'a str,
    pub envelope: &'a [u8],
    pub next_attempt_ms: i64,
}

pub(crate) fn insert_outbox(conn: &Connection, row: &OutboxRow<'_>) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO outbox (message_id, recipient, kind, handling, created_at, envelope, size, status,
             next_attempt_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', ?8)",
    )?;
    stmt.execute(params![
        row.message_id,
        row.recipient,
        row.kind,
        row.handling,
        row.created_at,
        row.envelope,
        row.envelope.len() as i64,
        row.next_attempt_ms
    ])?;
    Ok(())
}

/// Pending envelopes for `recipient` due by `due_by_ms` (all of them when `None`), at
/// most `limit` of them and, past the first, at most `max_bytes` in all; longest overdue
/// first (in queue order among equals, which the index `outbox_pending` gives without
/// sorting). Each is (message ID, attempts so far, envelope).
pub(crate) fn pending(
    conn: &Connection,
    recipient: &str,
    due_by_ms: Option<i64>,
    (limit, max_bytes): (usize, usize),
) -> Result<Vec<(String, u32, Vec<u8>)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT message_id, attempts, envelope FROM outbox
         WHERE status = 'pending' AND recipient = ?1 AND next_attempt_ms <= ?2
         ORDER BY next_attempt_ms, pk LIMIT ?3",
    )?;
    let mut rows = stmt.query(params![recipient, due_by_ms.unwrap_or(i64::MAX), limit as i64])?;
    let (mut taken, mut bytes) = (Vec::new(), 0usize);
    while let Some(row) = rows.next()? {
        let envelope: Vec<u8> = row.get(2)?;
        bytes += envelope.len();
        if bytes > max_bytes && !taken.is_empty() {
            break;
        }
        taken.push((row.get(0)?, row.get(1)?, envelope));
    }
    Ok(taken)
}

/// Partners with a pending message due by `now_ms`.
pub(crate) fn recipients_due(conn: &Connection, now_ms: i64) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT recipient FROM outbox WHERE status = 'pending' AND next_attempt_ms <= ?1 ORDER BY 1",
    )?;
    let rows = stmt.query_map([now_ms], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// When the next pending message falls due, if any is pending.
pub(crate) fn next_due_ms(conn: &Connection) -> Result<Option<i64>, StoreError> {
    Ok(conn.query_row(
        "SELECT min(next_attempt_ms) FROM outbox WHERE status = 'pending'",
        [],
        |r| r.get(0),
    )?)
}

/// Leases a pending message to a push under way until `until_ms`.
pub(crate) fn lease(conn: &Connection, message_id: &str, until_ms: i64) -> Result<(), StoreError> {
    let mut stmt =
        conn.prepare_cached("UPDATE outbox SET next_attempt_ms = ?2 WHERE message_id = ?1 AND status = 'pending'")?;
    stmt.execute(params![message_id, until_ms])?;
    Ok(())
}

/// Makes every pending message due by `now_ms`; how many were waiting.
pub(crate) fn make_due(conn: &Connection, now_ms: i64) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "UPDATE outbox SET next_attempt_ms = ?1 WHERE status = 'pending' AND next_attempt_ms > ?1",
        [now_ms],
    )?)
}

/// Records a failed push of a still-pending message and when to try again.
pub(crate) fn record_attempt(
    conn: &Connection,
    message_id: &str,
    next_attempt_ms: i64,
    error: &str,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "UPDATE outbox SET attempts = attempts + 1, next_attempt_ms = ?2, last_error = ?3
         WHERE message_id = ?1 AND status = 'pending'",
    )?;
    stmt.execute(params![message_id, next_attempt_ms, error])?;
    Ok(())
}

/// Settles a pending message sent to `recipient` as delivered or rejected, giving back
/// its kind and size; `None` if it was not pending (already settled, or not ours).
pub(crate) fn settle(
    conn: &Connection,
    recipient: &str,
    message_id: &str,
    status: &str,
    via: &str,
    at: &str,
    rejection: Option<&str>,
) -> Result<Option<(String, i64)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "UPDATE outbox SET status = ?3, settled_via = ?4, settled_at = ?5, rejection = ?6
         WHERE message_id = ?2 AND recipient = ?1 AND status = 'pending'
         RETURNING kind, size",
    )?;
    Ok(stmt
        .query_row(params![recipient, message_id, status, via, at, rejection], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

/// A message in the outbox as listed: everything but the envelope.
pub(crate) struct OutboxEntryRow {
    pub message_id: String,
    pub recipient: String,
    pub kind: String,
    pub handling: String,
    pub created_at: String,
    pub size: i64,
    pub status: String,
    pub attempts: u32,
    pub next_attempt_ms: i64,
    pub last_error: Option<String>,
    pub settled_at: Option<String>,
    pub settled_via: Option<String>,
    pub rejection: Option<String>,
}

/// The newest `limit` messages of the outbox, optionally only those to `recipient`.
pub(crate) fn list_outbox(
    conn: &Connection,
    recipient: Option<&str>,
    limit: usize,
) -> Result<Vec<OutboxEntryRow>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT message_id, recipient, kind, handling, created_at, size, status, attempts, next_attempt_ms,
                last_error, settled_at, settled_via, rejection
         FROM outbox WHERE ?1 IS NULL OR recipient = ?1 ORDER BY pk DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![recipient, limit as i64], |r| {
        Ok(OutboxEntryRow {
            message_id: r.get(0)?,
            recipient: r.get(1)?,
            kind: r.get(2)?,
            handling: r.get(3)?,
            created_at: r.get(4)?,
            size: r.get(5)?,
            status: r.get(6)?,
            attempts: r.get(7)?,
            next_attempt_ms: r.get(8)?,
            last_error: r.get(9)?,
            settled_at: r.get(10)?,
            settled_via: r.get(11)?,
            rejection: r.get(12)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// How many messages each partner has in each status: (recipient, status, count).
pub(crate) fn outbox_counts(conn: &Connection) -> Result<Vec<(String, String, u64)>, StoreError> {
    let mut stmt = conn.prepare("SELECT recipient, status, count(*) FROM outbox GROUP BY 1, 2 ORDER BY 1, 2")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u64)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Whether a message from `sender` with this ID was already received.
pub(crate) fn inbox_has(conn: &Connection, sender: &str, message_id: &str) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM inbox WHERE sender = ?1 AND message_id = ?2")?;
    Ok(stmt.exists([sender, message_id])?)
}

/// A received message.
pub(crate) struct InboxRow {
    pub sender: String,
    pub message_id: String,
    pub kind: String,
    pub handling: String,
    pub created_at: String,
    pub received_at: String,
    pub via: String,
    pub size: i64,
    pub payload: Vec<u8>,
}

/// Stores a received message; false if (sender, message ID) was already there.
pub(crate) fn insert_inbox(conn: &Connection, row: &InboxRow) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO inbox (sender, message_id, kind, handling, created_at, received_at, via, size, payload)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    Ok(stmt.execute(params![
        row.sender,
        row.message_id,
        row.kind,
        row.handling,
        row.created_at,
        row.received_at,
        row.via,
        row.size,
        row.payload
    ])? > 0)
}

/// The newest `limit` received messages, optionally only those of one kind. Linkage
/// messages leave only their IDs here (to be recognised if they come again): what they
/// carry is in the linkage tables.
pub(crate) fn list_inbox(conn: &Connection, kind: Option<&str>, limit: usize) -> Result<Vec<InboxRow>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT sender, message_id, kind, handling, created_at, received_at, via, size, payload
         FROM inbox WHERE (?1 IS NULL OR kind = ?1) AND kind NOT IN ('linkage-key', 'encodings', 'hits')
         ORDER BY pk DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![kind, limit as i64], |r| {
        Ok(InboxRow {
            sender: r.get(0)?,
            message_id: r.get(1)?,
            kind: r.get(2)?,
            handling: r.get(3)?,
            created_at: r.get(4)?,
            received_at: r.get(5)?,
            via: r.get(6)?,
            size: r.get(7)?,
            payload: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
