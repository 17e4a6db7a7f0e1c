//! The people who use a node: a username, a role, a unit for field officers, and a
//! password kept only as an Argon2id hash.
//!
//! Passwords are hashed with Argon2id at the parameters OWASP recommends as a minimum
//! for interactive sign-in (19 MiB, 2 passes, 1 lane: `argon2`'s default), in the PHC
//! string format, so that the parameters travel with each hash and can be raised later
//! without invalidating the old ones. New passwords are generated (20 characters from a
//! 57-letter alphabet without look-alikes: about 116 bits) and shown once, so no weak
//! password is ever chosen for a node that protects people's lives. Checking a password
//! of an unknown user costs as much as of a known one, so that timing does not tell
//! which usernames exist. Signing in is in [`crate::sessions`].

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use concord_core::Role;
use rand::Rng;
use serde::Serialize;
use zeroize::Zeroizing;

use crate::audit::{self, Event};
use crate::store::sqlite::{self, sessions, users as sql};
use crate::{Store, StoreError};

/// A username: 1 to 64 of `a–z 0–9 . _ -`, starting with a letter or digit.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Username(String);

impl Username {
    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Username {
    type Err = UserError;

    fn from_str(s: &str) -> Result<Self, UserError> {
        let ok = (1..=64).contains(&s.len())
            && s.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
        if ok {
            Ok(Self(s.to_string()))
        } else {
            Err(UserError::BadUsername(s.to_string()))
        }
    }
}

/// A user of the node, without the password hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    /// What they sign in with.
    pub username: Username,
    /// Their name as shown.
    pub display_name: String,
    /// What they may do.
    pub role: Role,
    /// For a field officer, the unit whose cases they see.
    pub unit: Option<String>,
    /// When the user was added (RFC 3339).
    pub created_at: String,
    /// When the password was last set (RFC 3339).
    pub password_changed_at: String,
}

/// A user to add.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// What they sign in with.
    pub username: Username,
    /// Their name as shown.
    pub display_name: String,
    /// What they may do.
    pub role: Role,
    /// The unit of a field officer (required for that role, refused for others).
    pub unit: Option<String>,
}

/// What goes wrong with users.
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A username that breaks the rules.
    #[error("`{0}` is not a valid username: use 1 to 64 of a–z, 0–9, `.`, `_`, `-`, starting with a letter or digit")]
    BadUsername(String),
    /// A username already taken.
    #[error("user `{0}` already exists")]
    Exists(Username),
    /// No such user.
    #[error("no user `{0}`")]
    NotFound(Username),
    /// A field officer without a unit, or a unit for another role.
    #[error("a field officer needs a unit (--unit), and only a field officer has one")]
    Unit,
    /// An API token's name that is empty or too long.
    #[error("an API token needs a name of 1 to 100 characters, saying what it is for")]
    TokenName,
}

/// A password generated for a user, to show once.
pub type Password = Zeroizing<String>;

/// Letters of generated passwords: no 0/O, 1/l/I, to be copied by hand without doubt.
const ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const PASSWORD_CHARS: usize = 20;

fn generate_password() -> Password {
    let mut rng = rand::rngs::OsRng;
    Zeroizing::new(
        (0..PASSWORD_CHARS)
            .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
            .collect(),
    )
}

fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("Argon2id with a generated salt cannot fail")
        .to_string()
}

/// A hash to check against when the user does not exist, so that the answer takes as
/// long as for one who does.
pub(crate) fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash(&generate_password()))
}

pub(crate) fn verifies(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

pub(crate) fn user_from_row(row: sql::UserRow) -> Result<User, StoreError> {
    let tampered = || StoreError::Tampered(format!("user {}", row.username));
    Ok(User {
        username: row.username.parse().map_err(|_| tampered())?,
        display_name: row.display_name,
        role: row.role.parse().map_err(|_| tampered())?,
        unit: row.unit,
        created_at: row.created_at,
        password_changed_at: row.password_changed_at,
    })
}

impl Store {
    /// Adds a user with a new generated password, returned to be shown once.
    pub fn add_user(&mut self, new: &NewUser) -> Result<(User, Password), UserError> {
        if (new.role == Role::FieldOfficer) != new.unit.is_some() {
            return Err(UserError::Unit);
        }
        let password = generate_password();
        let now = sqlite::now();
        let row = sql::UserRow {
            username: new.username.to_string(),
            display_name: new.display_name.clone(),
            role: new.role.to_string(),
            unit: new.unit.clone(),
            password_hash: hash(&password),
            created_at: now.clone(),
            password_changed_at: now,
        };
        self.transaction(|tx, vault| {
            if !sql::insert_user(tx, &row)? {
                return Err(UserError::Exists(new.username.clone()));
            }
            let detail = format!("user {} ({})", new.username, new.role);
            Ok(audit::record(tx, vault, Event::UserAdded.entry().detail(&detail))?)
        })?;
        Ok((user_from_row(row)?, password))
    }

    /// Every user, by username.
    pub fn users(&self) -> Result<Vec<User>, StoreError> {
        sql::list_users(&self.conn)?.into_iter().map(user_from_row).collect()
    }

    /// Gives a user a new generated password, returned to be shown once.
    pub fn reset_password(&mut self, username: &Username) -> Result<Password, UserError> {
        let password = generate_password();
        let hashed = hash(&password);
        self.transaction(|tx, vault| {
            if !sql::set_password_hash(tx, username.as_str(), &hashed, &sqlite::now())? {
                return Err(UserError::NotFound(username.clone()));
            }
            sessions::delete_sessions_of(tx, username.as_str())?;
            let detail = format!("user {username}");
            Ok(audit::record(tx, vault, Event::PasswordReset.entry().detail(&detail))?)
        })?;
        Ok(password)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_short_lowercase_words() {
        for ok in ["admin", "o.kovalenko", "field_7", "a", "9lives"] {
            assert!(ok.parse::<Username>().is_ok(), "{ok}");
        }
        for bad in ["", "Admin", "-x", ".x", "a b", "ölga", "x/y", &"a".repeat(65)] {
            assert!(bad.parse::<Username>().is_err(), "{bad}");
        }
    }

    #[test]
    fn generated_passwords_are_long_random_and_unambiguous() {
        let a = generate_password();
        assert_eq!(a.chars().count(), PASSWORD_CHARS);
        assert!(a.chars().all(|c| !"0O1lI".contains(c)));
        assert_ne!(*a, *generate_password());
    }
}
