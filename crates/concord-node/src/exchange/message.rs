//! The messages a person can send, and received messages as read back from the inbox.

use concord_exchange::payload::{
    self, Alert, AlertAck, AssistanceRequest, CaseSummary, Encodings, Hits, LinkageKeyGrant, Notice, RequestUpdate,
};
use concord_exchange::{Handling, Kind, MessageId, NodeId};
use serde::Serialize;

use super::{stored_message_id, stored_node_id, ExchangeError};
use crate::store::sqlite::exchange as sql;
use crate::{Store, StoreError};

/// Where sealed payloads of received messages are kept in the vault's namespaces.
pub(crate) const SEALED_PAYLOAD: &str = "inbox.payload";

/// A message to send to a partner.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Message {
    /// A plain notice: a subject and a text.
    Notice(Notice),
    /// A case without identifying data, for analysis.
    CaseSummary(CaseSummary),
    /// A request for mutual assistance (sent with [`Store::send_request`]).
    Request(AssistanceRequest),
    /// A step in a request's workflow (sent with [`Store::request_step`]).
    RequestUpdate(RequestUpdate),
    /// The network's linkage key (sent by [`Store::create_linkage_key`] and
    /// [`Store::sync_linkage`]); never shown, never in the inbox.
    #[serde(skip)]
    LinkageKey(LinkageKeyGrant),
    /// Encodings of persons (sent by [`Store::sync_linkage`]).
    #[serde(skip)]
    Encodings(Encodings),
    /// Hits found (sent by [`Store::find_hits`]).
    #[serde(skip)]
    Hits(Hits),
    /// An alert or a revision of it (sent with [`Store::issue_alert`] and the like).
    Alert(Alert),
    /// An acknowledgement of a partner's alert (sent with [`Store::acknowledge_alert`]).
    AlertAck(AlertAck),
}

impl Message {
    /// The kind on the envelope.
    pub fn kind(&self) -> Kind {
        match self {
            Self::Notice(_) => Kind::Notice,
            Self::CaseSummary(_) => Kind::CaseSummary,
            Self::Request(_) => Kind::Request,
            Self::RequestUpdate(_) => Kind::RequestUpdate,
            Self::LinkageKey(_) => Kind::LinkageKey,
            Self::Encodings(_) => Kind::Encodings,
            Self::Hits(_) => Kind::Hits,
            Self::Alert(_) => Kind::Alert,
            Self::AlertAck(_) => Kind::AlertAck,
        }
    }

    /// The payload bytes, after checking the message is well-formed.
    pub(crate) fn encode(&self) -> Result<Vec<u8>, ExchangeError> {
        match self {
            Self::Notice(notice) => {
                notice.validate().map_err(ExchangeError::InvalidMessage)?;
                Ok(payload::encode(notice))
            }
            Self::CaseSummary(summary) => Ok(payload::encode(summary)),
            Self::Request(request) => {
                request.validate().map_err(ExchangeError::InvalidMessage)?;
                Ok(payload::encode(request))
            }
            Self::RequestUpdate(update) => {
                update.validate().map_err(ExchangeError::InvalidMessage)?;
                Ok(payload::encode(update))
            }
            Self::LinkageKey(grant) => Ok(payload::encode(grant)),
            Self::Encodings(encodings) => {
                encodings.validate().map_err(ExchangeError::InvalidMessage)?;
                Ok(payload::encode(encodings))
            }
            Self::Hits(hits) => {
                hits.validate().map_err(ExchangeError::InvalidMessage)?;
                Ok(payload::encode(hits))
            }
            Self::Alert(alert) => {
                alert.validate().map_err(ExchangeError::InvalidMessage)?;
                Ok(payload::encode(alert))
            }
            Self::AlertAck(ack) => Ok(payload::encode(ack)),
        }
    }

    /// Reads a payload of `kind`; `None` for a receipt.
    pub(crate) fn decode(kind: Kind, bytes: &[u8]) -> Option<Result<Self, payload::PayloadError>> {
        match kind {
            Kind::Notice => Some(payload::decode(kind, bytes).map(Self::Notice)),
            Kind::CaseSummary => Some(payload::decode(kind, bytes).map(Self::CaseSummary)),
            Kind::Request => Some(payload::decode(kind, bytes).map(Self::Request)),
            Kind::RequestUpdate => Some(payload::decode(kind, bytes).map(Self::RequestUpdate)),
            Kind::LinkageKey => Some(payload::decode(kind, bytes).map(Self::LinkageKey)),
            Kind::Encodings => Some(payload::decode(kind, bytes).and_then(|e: Encodings| {
                e.validate()?;
                Ok(Self::Encodings(e))
            })),
            Kind::Hits => Some(payload::decode(kind, bytes).and_then(|h: Hits| {
                h.validate()?;
                Ok(Self::Hits(h))
            })),
            Kind::Alert => Some(payload::decode(kind, bytes).map(Self::Alert)),
            Kind::AlertAck => Some(payload::decode(kind, bytes).map(Self::AlertAck)),
            Kind::Receipt => None,
        }
    }
}

/// A message received from a partner and applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InboxMessage {
    /// The partner who sent it.
    pub sender: NodeId,
    /// Its ID, unique per sender.
    pub message_id: MessageId,
    /// How it must be handled (TLP).
    pub handling: Handling,
    /// When the sender made it (RFC 3339).
    pub created_at: String,
    /// When it arrived here (RFC 3339).
    pub received_at: String,
    /// `http` or `bundle`.
    pub via: String,
    /// Size of the envelope in bytes.
    pub size: i64,
    /// The message.
    pub message: Message,
}

impl Store {
    /// The newest `limit` received messages, optionally only of one kind; unsealed.
    /// Linkage messages (key, encodings, hits) are applied into the linkage tables and
    /// not kept here.
    pub fn inbox(&self, kind: Option<Kind>, limit: usize) -> Result<Vec<InboxMessage>, StoreError> {
        let kind_text = kind.map(|k| k.to_string());
        sql::list_inbox(&self.conn, kind_text.as_deref(), limit)?
            .into_iter()
            .map(|row| self.unseal_inbox(row))
            .collect()
    }

    fn unseal_inbox(&self, row: sql::InboxRow) -> Result<InboxMessage, StoreError> {
        let tampered = || StoreError::Tampered(format!("received message {}", row.message_id));
        let record = format!("{}/{}", row.sender, row.message_id);
        let bytes = self
            .vault
            .open(SEALED_PAYLOAD, &record, &row.payload)
            .ok_or_else(tampered)?;
        let kind: Kind = row.kind.parse().map_err(|_| tampered())?;
        let message = Message::decode(kind, &bytes)
            .and_then(Result::ok)
            .ok_or_else(tampered)?;
        Ok(InboxMessage {
            sender: stored_node_id(&row.sender)?,
            message_id: stored_message_id(&row.message_id)?,
            handling: row.handling.parse().map_err(|_| tampered())?,
            created_at: row.created_at,
            received_at: row.received_at,
            via: row.via,
            size: row.size,
            message,
        })
    }
}
