//! SQL of the node's users.

use rusqlite::{params, Connection};

use crate::store::StoreError;

/// A user as stored.
pub(crate) struct UserRow {
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub unit: Option<String>,
    pub password_hash: String,
    pub created_at: String,
    pub password_changed_at: String,
}

pub(crate) const COLUMNS: &str = "username, display_name, role, unit, password_hash, created_at, password_changed_at";

pub(crate) fn user_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<UserRow> {
    Ok(UserRow {
        username: r.get(0)?,
        display_name: r.get(1)?,
        role: r.get(2)?,
        unit: r.get(3)?,
        password_hash: r.get(4)?,
        created_at: r.get(5)?,
        password_changed_at: r.get(6)?,
    })
}

/// Adds a user; false if the username is taken.
pub(crate) fn insert_user(conn: &Connection, user: &UserRow) -> Result<bool, StoreError> {
    Ok(conn.execute(
        &format!("INSERT OR IGNORE INTO users ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
        params![
            user.username,
            user.display_name,
            user.role,
            user.unit,
            user.password_hash,
            user.created_at,
            user.password_changed_at
        ],
    )? > 0)
}

pub(crate) fn list_users(conn: &Connection) -> Result<Vec<UserRow>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM users ORDER BY username"))?;
    let rows = stmt.query_map([], user_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Replaces a user's password hash; false if there is no such user.
pub(crate) fn set_password_hash(conn: &Connection, username: &str, hash: &str, at: &str) -> Result<bool, StoreError> {
    Ok(conn.execute(
        "UPDATE users SET password_hash = ?2, password_changed_at = ?3 WHERE username = ?1",
        params![username, hash, at],
    )? > 0)
}
