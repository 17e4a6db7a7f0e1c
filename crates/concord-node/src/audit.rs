//! The audit trail: what the node did with whom, and when — never the content.
//!
//! Every message queued, delivered, received, refused or rejected is recorded with the
//! partner, the kind, the message ID and its size, in the same transaction as the change
//! it describes, so the trail and the data can never disagree; so is every user added,
//! every password reset, every import and export of cases, every sign-in (and failed attempt and lock-out), every API
//! token made or revoked, every case created or changed, and every time a user opened a
//! case or person with its identifying data. Entries made for a signed-in user name them
//! as the actor.
//!
//! The trail is append-only and chained: each entry carries a link, HMAC-SHA256 under a
//! key derived from the node's data key over the previous link and the entry, and a
//! sealed head records the last entry's number. Someone who can edit the database file
//! but does not hold the node's key cannot compute a link, so [`Store::verify_audit`]
//! finds an entry altered, removed or inserted, and entries cut from the end. (Putting
//! back a whole older copy of the trail, head included, is not detected: that needs a
//! copy of the head kept elsewhere.)

use rusqlite::Connection;
use serde::Serialize;

use crate::store::sqlite::{self, audit as sql};
use crate::vault::Vault;
use crate::{Store, StoreError};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A partner was added from its card.
    PeerAdded,
    /// A partner's card was replaced by a newer one.
    PeerUpdated,
    /// A sharing agreement was changed.
    AgreementChanged,
    /// A message was sealed and queued for a partner.
    MessageQueued,
    /// Sending a message was refused (e.g. outside the agreement); nothing was queued.
    SendRefused,
    /// A partner acknowledged a message.
    MessageDelivered,
    /// A partner rejected a message.
    MessageRejectedByPartner,
    /// A message was received and applied.
    MessageReceived,
    /// A message arrived again and was not applied again.
    MessageDuplicate,
    /// A message was rejected (e.g. outside the agreement); nothing was applied.
    MessageRejected,
    /// A whole bundle was rejected (damaged, forged, unknown sender, not for this node).
    BundleRejected,
    /// Pending messages were written to a bundle file.
    BundleExported,
    /// A user was added.
    UserAdded,
    /// A user was given a new password.
    PasswordReset,
    /// A user signed in.
    SignedIn,
    /// A sign-in failed (wrong username or password, or the account is locked).
    SignInFailed,
    /// An account was locked after too many failed sign-ins.
    LockedOut,
    /// A user signed out.
    SignedOut,
    /// A user made an API token.
    TokenCreated,
    /// A user revoked an API token.
    TokenRevoked,
    /// A case was created.
    CaseCreated,
    /// A case (or a person in it) was changed.
    CaseChanged,
    /// A user opened a case, with the identifying data of its persons.
    CaseViewed,
    /// A user opened a person's record, with their identifying data.
    PersonViewed,
    /// A request for assistance changed status by a partner's step.
    RequestChanged,
    /// This node issued, updated or cancelled an alert.
    AlertIssued,
    /// A partner's alert was updated or cancelled, or a partner acknowledged ours.
    AlertChanged,
    /// Cases were imported from a file.
    CasesImported,
    /// Every case, identifying data included, was exported to a file.
    CasesExported,
    /// The partner whose linkage keys this node accepts was named.
    CoordinatorChanged,
    /// This node, as coordinator, made the linkage key of a new epoch.
    LinkageKeyCreated,
    /// The coordinator's linkage key of a new epoch arrived.
    LinkageKeyReceived,
    /// A comparison of encodings found hits with a partner (counted, never listed).
    HitsFound,
    /// A user confirmed or rejected a hit.
    HitReviewed,
    /// An answer disclosed a person's identifying data to a partner (the actor approved).
    DisclosureSent,
    /// A partner's answer disclosed a person's identifying data to this node.
    DisclosureReceived,
    /// A user read identifying data a partner disclosed.
    DisclosureViewed,
}

impl Event {
    /// The event's name in the trail.
    pub fn name(self) -> &'static str {
        match self {
            Self::PeerAdded => "peer.added",
            Self::PeerUpdated => "peer.updated",
            Self::AgreementChanged => "agreement.changed",
            Self::MessageQueued => "message.queued",
            Self::SendRefused => "message.send-refused",
            Self::MessageDelivered => "message.delivered",
            Self::MessageRejectedByPartner => "message.rejected-by-partner",
            Self::MessageReceived => "message.received",
            Self::MessageDuplicate => "message.duplicate",
            Self::MessageRejected => "message.rejected",
            Self::BundleRejected => "bundle.rejected",
            Self::BundleExported => "bundle.exported",
            Self::UserAdded => "user.added",
            Self::PasswordReset => "user.password-reset",
            Self::SignedIn => "session.signed-in",
            Self::SignInFailed => "session.sign-in-failed",
            Self::LockedOut => "session.locked-out",
            Self::SignedOut => "session.signed-out",
            Self::TokenCreated => "token.created",
            Self::TokenRevoked => "token.revoked",
            Self::CaseCreated => "case.created",
            Self::CaseChanged => "case.changed",
            Self::CaseViewed => "case.viewed",
            Self::PersonViewed => "person.viewed",
            Self::RequestChanged => "request.changed",
            Self::AlertIssued => "alert.issued",
            Self::AlertChanged => "alert.changed",
            Self::CasesImported => "cases.imported",
            Self::CasesExported => "cases.exported",
            Self::CoordinatorChanged => "linkage.coordinator-changed",
            Self::LinkageKeyCreated => "linkage.key-created",
            Self::LinkageKeyReceived => "linkage.key-received",
            Self::HitsFound => "hit.found",
            Self::HitReviewed => "hit.reviewed",
            Self::DisclosureSent => "disclosure.sent",
            Self::DisclosureReceived => "disclosure.received",
            Self::DisclosureViewed => "disclosure.viewed",
        }
    }

    /// An entry of this event concerning no partner.
    pub(crate) fn entry(self) -> Entry<'static> {
        Entry {
            event: self,
            peer: None,
            kind: None,
            message_id: None,
            size: None,
            detail: None,
            actor: None,
        }
    }

    /// An entry of this event concerning `peer`.
    pub(crate) fn about(self, peer: &str) -> Entry<'_> {
        Entry {
            peer: Some(peer),
            ..self.entry()
        }
    }
}

/// An entry about to be recorded.
pub(crate) struct Entry<'a> {
    event: Event,
    peer: Option<&'a str>,
    kind: Option<&'a str>,
    message_id: Option<&'a str>,
    size: Option<usize>,
    detail: Option<&'a str>,
    actor: Option<&'a str>,
}

impl<'a> Entry<'a> {
    /// The message concerned: its kind, ID and size in bytes.
    pub(crate) fn message(mut self, kind: &'a str, message_id: &'a str, size: usize) -> Self {
        self.kind = Some(kind);
        self.message_id = Some(message_id);
        self.size = Some(size);
        self
    }

    /// A reason or note; never personal data.
    pub(crate) fn detail(mut self, detail: &'a str) -> Self {
        self.detail = Some(detail);
        self
    }

    /// The user who did it.
    pub(crate) fn by(mut self, username: &'a str) -> Self {
        self.actor = Some(username);
        self
    }
}

/// Appends `entry` to the trail, inside the caller's transaction.
pub(crate) fn record(conn: &Connection, vault: &Vault, entry: Entry<'_>) -> Result<(), StoreError> {
    let (last, previous) = match sql::last_audit_link(conn)? {
        Some((seq, link)) => (seq, stored_link(seq, &link)?),
        None => (0, GENESIS),
    };
    let row = sql::AuditRow {
        seq: last + 1,
        at: &sqlite::now(),
        event: entry.event.name(),
        peer: entry.peer,
        kind: entry.kind,
        message_id: entry.message_id,
        size: entry.size.map(|s| s as i64),
        detail: entry.detail,
        actor: entry.actor,
    };
    let link = vault.chain_link(&previous, &encode(&row));
    sql::append_audit(conn, &row, &link)?;
    sql::set_audit_head(conn, row.seq, &head_seal(vault, row.seq, &link))
}

/// The link before the first entry.
const GENESIS: [u8; 32] = [0; 32];

/// The bytes of an entry that its link covers: every field, unambiguously.
fn encode(row: &sql::AuditRow<'_>) -> Vec<u8> {
    serde_json::to_vec(row).expect("an audit entry serialises")
}

/// What the head stores for a trail whose last entry is `seq` with `link`: a digest only
/// the node's key can make, so an older head cannot be derived from the entries left.
fn head_seal(vault: &Vault, seq: i64, link: &[u8; 32]) -> [u8; 32] {
    vault.chain_link(link, format!("head {seq}").as_bytes())
}

fn stored_link(seq: i64, link: &[u8]) -> Result<[u8; 32], StoreError> {
    link.try_into()
        .map_err(|_| StoreError::Tampered(format!("audit entry {seq}")))
}

/// Where the chain of the audit trail breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuditBreak {
    /// An entry whose link does not follow from the one before: it was altered, or one
    /// before it removed or inserted.
    #[error("audit entry {0} was altered, or an entry just before it was removed or inserted")]
    Broken(i64),
    /// A gap in the numbering.
    #[error("audit entries {from} to {to} are missing")]
    Missing { from: i64, to: i64 },
    /// The head does not seal the last entry.
    #[error("the audit trail's head does not match its last entry ({last}): entries were cut from the end, or the head was altered")]
    Head { last: i64 },
}

/// The result of checking the trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditCheck {
    /// Entries read.
    pub entries: u64,
    /// The first break found, if any.
    pub broken: Option<AuditBreak>,
}

/// An entry of the trail as read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// Position in the trail, from 1.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// What happened (e.g. `message.received`).
    pub event: String,
    /// The partner concerned.
    pub peer: Option<String>,
    /// The kind of message.
    pub kind: Option<String>,
    /// The message ID.
    pub message_id: Option<String>,
    /// The size of the message in bytes.
    pub size: Option<i64>,
    /// A reason or note.
    pub detail: Option<String>,
    /// The user who did it; none for the node itself (exchange, command line).
    pub actor: Option<String>,
}

/// Which entries of the trail to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// An event (`session.signed-in`) or a family of events (`session`).
    pub event: Option<String>,
    /// Only what this user did.
    pub actor: Option<String>,
    /// Only what concerns this partner (its node ID).
    pub peer: Option<String>,
    /// Only entries before this one (to page back through the trail).
    pub before: Option<i64>,
}

impl Store {
    /// Checks the whole audit trail against its chain and its head.
    pub fn verify_audit(&self) -> Result<AuditCheck, StoreError> {
        let mut check = AuditCheck {
            entries: 0,
            broken: None,
        };
        let (mut seq, mut previous) = (0, GENESIS);
        sql::for_each_audit(&self.conn, |entry, link| {
            check.entries += 1;
            if check.broken.is_some() {
                return Ok(());
            }
            if entry.seq != seq + 1 {
                check.broken = Some(AuditBreak::Missing {
                    from: seq + 1,
                    to: entry.seq - 1,
                });
                return Ok(());
            }
            let expected = self.vault.chain_link(&previous, &encode(&entry.row()));
            if link != expected {
                check.broken = Some(AuditBreak::Broken(entry.seq));
            }
            (seq, previous) = (entry.seq, expected);
            Ok(())
        })?;
        if check.broken.is_none() {
            let head = sql::audit_head(&self.conn)?;
            let sealed = (seq > 0).then(|| (seq, head_seal(&self.vault, seq, &previous).to_vec()));
            if head != sealed {
                check.broken = Some(AuditBreak::Head { last: seq });
            }
        }
        Ok(check)
    }

    /// The newest `limit` entries of the audit trail that pass `filter`, newest first.
    pub fn audit_trail(&self, filter: &AuditFilter, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        sql::list_audit(&self.conn, filter, limit)
    }
}
