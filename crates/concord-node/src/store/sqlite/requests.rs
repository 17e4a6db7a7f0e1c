//! SQL of requests for mutual assistance.

use rusqlite::{params, Connection, OptionalExtension};

use crate::store::StoreError;

/// A request as stored.
pub(crate) struct RequestRow {
    pub request_id: String,
    pub peer: String,
    pub direction: &'static str,
    pub request_type: String,
    pub legal_basis: String,
    pub urgency: String,
    pub deadline: Option<String>,
    pub status: String,
    pub content: Vec<u8>,
    pub message_id: String,
    pub created_at: String,
    pub updated_at: String,
    pub about_person: Option<String>,
    pub about_case: Option<String>,
}

const COLUMNS: &str = "request_id, peer, direction, request_type, legal_basis, urgency, deadline, status, \
                       content, message_id, created_at, updated_at, about_person, about_case";

fn request_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RequestRow> {
    let direction: String = r.get(2)?;
    Ok(RequestRow {
        request_id: r.get(0)?,
        peer: r.get(1)?,
        direction: if direction == "outgoing" {
            "outgoing"
        } else {
            "incoming"
        },
        request_type: r.get(3)?,
        legal_basis: r.get(4)?,
        urgency: r.get(5)?,
        deadline: r.get(6)?,
        status: r.get(7)?,
        content: r.get(8)?,
        message_id: r.get(9)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
        about_person: r.get(12)?,
        about_case: r.get(13)?,
    })
}

/// Adds a request; false if the partner already has one with this ID.
pub(crate) fn insert_request(conn: &Connection, row: &RequestRow) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached(&format!(
            "INSERT OR IGNORE INTO requests ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
        ))?
        .execute(params![
            row.request_id,
            row.peer,
            row.direction,
            row.request_type,
            row.legal_basis,
            row.urgency,
            row.deadline,
            row.status,
            row.content,
            row.message_id,
            row.created_at,
            row.updated_at,
            row.about_person,
            row.about_case
        ])?
        > 0)
}

/// The request `request_id` exchanged with `peer`.
pub(crate) fn request(conn: &Connection, peer: &str, request_id: &str) -> Result<Option<RequestRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM requests WHERE peer = ?1 AND request_id = ?2"
    ))?;
    Ok(stmt.query_row([peer, request_id], request_row).optional()?)
}

/// Every request with this ID (with any partner).
pub(crate) fn requests_with_id(conn: &Connection, request_id: &str) -> Result<Vec<RequestRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM requests WHERE request_id = ?1"))?;
    let rows = stmt.query_map([request_id], request_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The newest `limit` requests.
pub(crate) fn list_requests(conn: &Connection, limit: usize) -> Result<Vec<RequestRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM requests ORDER BY created_at DESC, pk DESC LIMIT ?1"
    ))?;
    let rows = stmt.query_map([limit as i64], request_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Sets a request's status and content.
pub(crate) fn update_request(
    conn: &Connection,
    peer: &str,
    request_id: &str,
    status: &str,
    content: &[u8],
    at: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE requests SET status = ?3, content = ?4, updated_at = ?5 WHERE peer = ?1 AND request_id = ?2",
    )?
    .execute(params![peer, request_id, status, content, at])?;
    Ok(())
}

/// Marks the outgoing request carried by message `message_id` as received by `peer`, if
/// it was still only sent.
pub(crate) fn mark_received(conn: &Connection, peer: &str, message_id: &str, at: &str) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE requests SET status = 'Received', updated_at = ?3
         WHERE peer = ?1 AND message_id = ?2 AND direction = 'outgoing' AND status = 'Sent'",
    )?
    .execute(params![peer, message_id, at])?;
    Ok(())
}
