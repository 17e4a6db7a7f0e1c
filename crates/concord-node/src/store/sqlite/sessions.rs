//! SQL of sign-in: failed attempts and lock-outs, browser sessions and API tokens.

use rusqlite::{params, Connection, OptionalExtension};

use super::users::{user_row, UserRow, COLUMNS};
use crate::store::StoreError;

/// A user with what sign-in needs to know about their account.
pub(crate) struct Account {
    pub user: UserRow,
    pub failed_sign_ins: u32,
    pub locked_until: Option<String>,
}

pub(crate) fn account(conn: &Connection, username: &str) -> Result<Option<Account>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS}, failed_sign_ins, locked_until FROM users WHERE username = ?1"
    ))?;
    Ok(stmt
        .query_row([username], |r| {
            Ok(Account {
                user: user_row(r)?,
                failed_sign_ins: r.get(7)?,
                locked_until: r.get(8)?,
            })
        })
        .optional()?)
}

pub(crate) fn set_failures(
    conn: &Connection,
    username: &str,
    failed: u32,
    locked_until: Option<&str>,
) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE users SET failed_sign_ins = ?2, locked_until = ?3 WHERE username = ?1")?
        .execute(params![username, failed, locked_until])?;
    Ok(())
}

pub(crate) fn insert_session(
    conn: &Connection,
    digest: &[u8; 32],
    username: &str,
    csrf_token: &str,
    now: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO sessions (digest, username, csrf_token, created_at, last_seen) VALUES (?1, ?2, ?3, ?4, ?4)",
    )?
    .execute(params![digest.as_slice(), username, csrf_token, now])?;
    Ok(())
}

/// A session as stored, with its user.
pub(crate) struct SessionRow {
    pub user: UserRow,
    pub csrf_token: String,
    pub created_at: String,
    pub last_seen: String,
}

pub(crate) fn session(conn: &Connection, digest: &[u8; 32]) -> Result<Option<SessionRow>, StoreError> {
    let columns = COLUMNS.replace(", ", ", u.");
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT u.{columns}, s.csrf_token, s.created_at, s.last_seen
         FROM sessions s JOIN users u ON u.username = s.username WHERE s.digest = ?1"
    ))?;
    Ok(stmt
        .query_row([digest.as_slice()], |r| {
            Ok(SessionRow {
                user: user_row(r)?,
                csrf_token: r.get(7)?,
                created_at: r.get(8)?,
                last_seen: r.get(9)?,
            })
        })
        .optional()?)
}

pub(crate) fn touch_session(conn: &Connection, digest: &[u8; 32], now: &str) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE sessions SET last_seen = ?2 WHERE digest = ?1")?
        .execute(params![digest.as_slice(), now])?;
    Ok(())
}

/// Deletes one session; the user it belonged to, if it existed.
pub(crate) fn delete_session(conn: &Connection, digest: &[u8; 32]) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached("DELETE FROM sessions WHERE digest = ?1 RETURNING username")?
        .query_row([digest.as_slice()], |r| r.get(0))
        .optional()?)
}

pub(crate) fn delete_sessions_of(conn: &Connection, username: &str) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM sessions WHERE username = ?1")?
        .execute([username])?;
    Ok(())
}

/// Deletes sessions idle since before `idle_before` or created before `created_before`.
pub(crate) fn delete_stale_sessions(
    conn: &Connection,
    idle_before: &str,
    created_before: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM sessions WHERE last_seen < ?1 OR created_at < ?2")?
        .execute([idle_before, created_before])?;
    Ok(())
}

/// An API token as stored (without its digest).
pub(crate) struct TokenRow {
    pub id: i64,
    pub name: String,
    pub created_at: String,
    pub last_used: Option<String>,
    pub revoked_at: Option<String>,
}

const TOKEN_COLUMNS: &str = "id, name, created_at, last_used, revoked_at";

/// The token in the columns of `r` from `at` on.
fn token_row(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<TokenRow> {
    Ok(TokenRow {
        id: r.get(at)?,
        name: r.get(at + 1)?,
        created_at: r.get(at + 2)?,
        last_used: r.get(at + 3)?,
        revoked_at: r.get(at + 4)?,
    })
}

pub(crate) fn insert_token(
    conn: &Connection,
    digest: &[u8; 32],
    username: &str,
    name: &str,
    now: &str,
) -> Result<i64, StoreError> {
    conn.prepare_cached("INSERT INTO api_tokens (digest, username, name, created_at) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![digest.as_slice(), username, name, now])?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn tokens_of(conn: &Connection, username: &str) -> Result<Vec<TokenRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE username = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([username], |r| token_row(r, 0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Revokes a token of `username`; false if they have no such live token.
pub(crate) fn revoke_token(conn: &Connection, username: &str, id: i64, now: &str) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached("UPDATE api_tokens SET revoked_at = ?3 WHERE id = ?1 AND username = ?2 AND revoked_at IS NULL")?
        .execute(params![id, username, now])?
        > 0)
}

/// The live token with this digest, with its owner.
pub(crate) fn token(conn: &Connection, digest: &[u8; 32]) -> Result<Option<(TokenRow, UserRow)>, StoreError> {
    let user_columns = COLUMNS.replace(", ", ", u.");
    let token_columns = TOKEN_COLUMNS.replace(", ", ", t.");
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT u.{user_columns}, t.{token_columns}
         FROM api_tokens t JOIN users u ON u.username = t.username
         WHERE t.digest = ?1 AND t.revoked_at IS NULL"
    ))?;
    Ok(stmt
        .query_row([digest.as_slice()], |r| Ok((token_row(r, 7)?, user_row(r)?)))
        .optional()?)
}

pub(crate) fn touch_token(conn: &Connection, id: i64, now: &str) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE api_tokens SET last_used = ?2 WHERE id = ?1")?
        .execute(params![id, now])?;
    Ok(())
}
