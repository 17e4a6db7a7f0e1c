//! The audit trail: what the node did with whom, and when — never the content.
//!
//! Every message queued, delivered, received, refused or rejected is recorded with the
//! partner, the kind, the message ID and its size, in the same transaction as the change
//! it describes, so the trail and the data can never disagree. The trail is append-only:
//! nothing in Concord updates or deletes an entry. (Sign-ins and views of identifying
//! data join it with the users and roles of the web UI.)

use rusqlite::Connection;
use serde::Serialize;

use crate::store::sqlite::{self, exchange as sql};
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
        }
    }

    /// An entry of this event concerning `peer`.
    pub(crate) fn about(self, peer: &str) -> Entry<'_> {
        Entry {
            event: self,
            peer: Some(peer),
            kind: None,
            message_id: None,
            size: None,
            detail: None,
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
}

/// Appends `entry` to the trail, inside the caller's transaction.
pub(crate) fn record(conn: &Connection, entry: Entry<'_>) -> Result<(), StoreError> {
    sql::append_audit(
        conn,
        &sql::AuditRow {
            at: &sqlite::now(),
            event: entry.event.name(),
            peer: entry.peer,
            kind: entry.kind,
            message_id: entry.message_id,
            size: entry.size.map(|s| s as i64),
            detail: entry.detail,
        },
    )
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
}

impl Store {
    /// The newest `limit` entries of the audit trail, newest first.
    pub fn audit_trail(&self, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        Ok(sql::list_audit(&self.conn, limit)?
            .into_iter()
            .map(|(seq, at, event, peer, kind, message_id, size, detail)| AuditEntry {
                seq,
                at,
                event,
                peer,
                kind,
                message_id,
                size,
                detail,
            })
            .collect())
    }
}
