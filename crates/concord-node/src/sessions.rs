//! Signing in: passwords checked against their hash, lock-out after repeated failures,
//! browser sessions, and API tokens for scripts.
//!
//! A session or token is a 256-bit random secret held by the browser (in a cookie) or
//! the script; the node keeps only its SHA-256 digest, so a copy of the database does
//! not let anyone act as a user. Each session also has its own CSRF token, which every
//! state-changing form and call of that session must send back.
//!
//! Five wrong passwords in a row lock the account for fifteen minutes: slow enough to
//! stop guessing (the generated passwords are ~116 bits anyway), short enough that a
//! colleague locked out in the field is not stuck for the day. A session ends after an
//! hour without use or twelve hours after sign-in, whichever comes first.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use rand::RngCore;
use serde::Serialize;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::audit::{self, Event};
use crate::store::sqlite::{self, sessions as sql};
use crate::users::{decoy_hash, user_from_row, verifies, User, UserError};
use crate::{Store, StoreError};

/// Wrong passwords in a row that lock an account.
pub const MAX_FAILED_SIGN_INS: u32 = 5;
/// How long a locked account stays locked.
pub const LOCK_OUT: Duration = Duration::minutes(15);
/// A session unused this long has ended.
pub const SESSION_IDLE: Duration = Duration::hours(1);
/// A session ends this long after sign-in, however busy.
pub const SESSION_LIFETIME: Duration = Duration::hours(12);
/// How stale a session's or token's "last seen" may get before it is written again:
/// saves a write on every request.
const TOUCH_EVERY: Duration = Duration::minutes(1);

/// A secret handed to a browser or a script: shown once, kept only as a digest.
pub struct Secret(Zeroizing<String>);

impl Secret {
    fn generate(prefix: &str) -> Self {
        let mut bytes = Zeroizing::new([0u8; 32]);
        rand::rngs::OsRng.fill_bytes(bytes.as_mut());
        Self(Zeroizing::new(format!(
            "{prefix}{}",
            URL_SAFE_NO_PAD.encode(bytes.as_ref())
        )))
    }

    /// The secret as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// How API tokens begin, so that one found in a file or a log is recognised as such.
pub const TOKEN_PREFIX: &str = "concord_";

fn digest(secret: &str) -> [u8; 32] {
    Sha256::digest(secret.as_bytes()).into()
}

/// A signed-in browser session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Who is signed in.
    pub user: User,
    /// The token its state-changing requests must carry.
    pub csrf_token: String,
}

/// The outcome of a sign-in.
#[derive(Debug)]
pub enum SignIn {
    /// Signed in: the secret goes into the browser's cookie.
    Granted {
        /// The session's secret.
        secret: Secret,
        /// The session.
        session: Session,
    },
    /// Wrong username or password (which of the two is not said).
    Refused,
    /// Too many failed attempts: no password is accepted until then.
    Locked {
        /// When the account opens again.
        until: DateTime<Utc>,
    },
}

/// A sign-in between reading the account and recording the outcome.
///
/// Checking an Argon2id hash takes tens of milliseconds; splitting sign-in in three
/// ([`Store::sign_in_attempt`], [`SignInAttempt::password_matches`],
/// [`Store::complete_sign_in`]) lets a server check it without holding the store.
pub struct SignInAttempt {
    account: Option<sql::Account>,
}

impl SignInAttempt {
    /// Whether `password` is the account's; as slow for an unknown user as for a known one.
    pub fn password_matches(&self, password: &str) -> bool {
        let stored = self
            .account
            .as_ref()
            .map_or(decoy_hash(), |a| a.user.password_hash.as_str());
        verifies(password, stored) && self.account.is_some()
    }
}

/// An API token, without its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiToken {
    /// Its number, to revoke it by.
    pub id: i64,
    /// What its owner called it (e.g. "nightly export").
    pub name: String,
    /// When it was made (RFC 3339).
    pub created_at: String,
    /// When it was last used, to the minute.
    pub last_used: Option<String>,
    /// When it was revoked.
    pub revoked_at: Option<String>,
}

impl From<sql::TokenRow> for ApiToken {
    fn from(row: sql::TokenRow) -> Self {
        Self {
            id: row.id,
            name: row.name,
            created_at: row.created_at,
            last_used: row.last_used,
            revoked_at: row.revoked_at,
        }
    }
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn parse_time(s: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::Tampered(format!("time `{s}`")))
}

impl Store {
    /// Signs `username` in with `password`, all in one step (for callers that may hold
    /// the store for the length of a hash check).
    pub fn sign_in(&mut self, username: &str, password: &str) -> Result<SignIn, StoreError> {
        let attempt = self.sign_in_attempt(username)?;
        let matched = attempt.password_matches(password);
        self.complete_sign_in(attempt, matched)
    }

    /// Reads what a sign-in as `username` needs.
    pub fn sign_in_attempt(&self, username: &str) -> Result<SignInAttempt, StoreError> {
        let account = match username.parse::<crate::users::Username>() {
            Ok(name) => sql::account(&self.conn, name.as_str())?,
            Err(_) => None,
        };
        Ok(SignInAttempt { account })
    }

    /// Records the outcome of `attempt`: a session, a failure, or a lock-out.
    pub fn complete_sign_in(&mut self, attempt: SignInAttempt, password_matched: bool) -> Result<SignIn, StoreError> {
        let now = Utc::now();
        let Some(account) = attempt.account else {
            self.record_failure(None, "unknown username")?;
            return Ok(SignIn::Refused);
        };
        let name = account.user.username.clone();
        if let Some(until) = account.locked_until.as_deref().map(parse_time).transpose()? {
            if until > now {
                self.record_failure(Some(&name), "account locked")?;
                return Ok(SignIn::Locked { until });
            }
        }
        if !password_matched {
            return self.count_failure(&name, account.failed_sign_ins + 1, now);
        }
        let user = user_from_row(account.user)?;
        let secret = Secret::generate("");
        let csrf_token = Secret::generate("").0.to_string();
        self.transaction(|tx, vault| {
            sql::set_failures(tx, &name, 0, None)?;
            sql::delete_stale_sessions(tx, &rfc3339(now - SESSION_IDLE), &rfc3339(now - SESSION_LIFETIME))?;
            sql::insert_session(tx, &digest(secret.as_str()), &name, &csrf_token, &rfc3339(now))?;
            audit::record(tx, vault, Event::SignedIn.entry().by(&name))
        })?;
        Ok(SignIn::Granted {
            secret,
            session: Session { user, csrf_token },
        })
    }

    fn count_failure(&mut self, name: &str, failed: u32, now: DateTime<Utc>) -> Result<SignIn, StoreError> {
        if failed < MAX_FAILED_SIGN_INS {
            self.transaction(|tx, vault| {
                sql::set_failures(tx, name, failed, None)?;
                audit::record(tx, vault, Event::SignInFailed.entry().by(name).detail("wrong password"))
            })?;
            return Ok(SignIn::Refused);
        }
        let until = now + LOCK_OUT;
        self.transaction(|tx, vault| {
            sql::set_failures(tx, name, 0, Some(&rfc3339(until)))?;
            let detail = format!("{failed} wrong passwords in a row; locked until {}", rfc3339(until));
            audit::record(tx, vault, Event::LockedOut.entry().by(name).detail(&detail))
        })?;
        Ok(SignIn::Locked { until })
    }

    fn record_failure(&mut self, name: Option<&str>, why: &str) -> Result<(), StoreError> {
        self.transaction(|tx, vault| {
            let entry = Event::SignInFailed.entry().detail(why);
            audit::record(tx, vault, if let Some(n) = name { entry.by(n) } else { entry })
        })
    }

    /// The live session whose secret this is, if any.
    pub fn session(&mut self, secret: &str) -> Result<Option<Session>, StoreError> {
        let key = digest(secret);
        let Some(row) = sql::session(&self.conn, &key)? else {
            return Ok(None);
        };
        let now = Utc::now();
        let last_seen = parse_time(&row.last_seen)?;
        if now - last_seen > SESSION_IDLE || now - parse_time(&row.created_at)? > SESSION_LIFETIME {
            return Ok(None);
        }
        if now - last_seen > TOUCH_EVERY {
            sql::touch_session(&self.conn, &key, &rfc3339(now))?;
        }
        Ok(Some(Session {
            user: user_from_row(row.user)?,
            csrf_token: row.csrf_token,
        }))
    }

    /// Ends the session whose secret this is (nothing happens if there is none).
    pub fn sign_out(&mut self, secret: &str) -> Result<(), StoreError> {
        self.transaction(|tx, vault| match sql::delete_session(tx, &digest(secret))? {
            Some(name) => audit::record(tx, vault, Event::SignedOut.entry().by(&name)),
            None => Ok(()),
        })
    }

    /// Makes an API token for `owner`, acting with their role; the secret is shown once.
    pub fn create_api_token(&mut self, owner: &User, name: &str) -> Result<(ApiToken, Secret), UserError> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(UserError::TokenName);
        }
        let secret = Secret::generate(TOKEN_PREFIX);
        let now = sqlite::now();
        let id = self.transaction(|tx, vault| {
            let id = sql::insert_token(tx, &digest(secret.as_str()), owner.username.as_str(), name, &now)?;
            let detail = format!("token {id}");
            audit::record(
                tx,
                vault,
                Event::TokenCreated.entry().by(owner.username.as_str()).detail(&detail),
            )?;
            Ok::<_, StoreError>(id)
        })?;
        let token = ApiToken {
            id,
            name: name.to_string(),
            created_at: now,
            last_used: None,
            revoked_at: None,
        };
        Ok((token, secret))
    }

    /// The API tokens of `owner`, revoked ones included.
    pub fn api_tokens(&self, owner: &User) -> Result<Vec<ApiToken>, StoreError> {
        Ok(sql::tokens_of(&self.conn, owner.username.as_str())?
            .into_iter()
            .map(ApiToken::from)
            .collect())
    }

    /// Revokes `owner`'s token `id`; false if they have no such live token.
    pub fn revoke_api_token(&mut self, owner: &User, id: i64) -> Result<bool, StoreError> {
        let name = owner.username.as_str();
        self.transaction(|tx, vault| {
            let revoked = sql::revoke_token(tx, name, id, &sqlite::now())?;
            if revoked {
                let detail = format!("token {id}");
                audit::record(tx, vault, Event::TokenRevoked.entry().by(name).detail(&detail))?;
            }
            Ok(revoked)
        })
    }

    /// The user a live API token acts for, if the secret is one.
    pub fn token_user(&mut self, secret: &str) -> Result<Option<User>, StoreError> {
        let Some((token, user)) = sql::token(&self.conn, &digest(secret))? else {
            return Ok(None);
        };
        let now = Utc::now();
        let stale = match token.last_used.as_deref() {
            Some(t) => now - parse_time(t)? > TOUCH_EVERY,
            None => true,
        };
        if stale {
            sql::touch_token(&self.conn, token.id, &rfc3339(now))?;
        }
        user_from_row(user).map(Some)
    }
}
