//! The node's side of the exchange protocol: its keys, its partners and their sharing
//! agreements, the outbox of messages waiting for each partner, and the receiving of
//! bundles.
//!
//! The wire format and the cryptography live in `concord-exchange`; this module decides
//! what may be sent to whom, keeps every message until the partner has acknowledged it,
//! and applies what arrives exactly once. Moving the bytes (HTTP, a file on a USB stick)
//! is left to the caller: both ways end in [`Store::receive_bundle`], so a message that
//! arrives twice, or both ways, is applied once.
//!
//! [`Store::receive_bundle`]: crate::Store::receive_bundle

mod alerts;
mod backoff;
mod hits;
pub(crate) mod keys;
mod linkage;
mod message;
mod outbox;
mod peers;
mod receive;
mod requests;

use concord_exchange::{BundleError, CardError, Category, EnvelopeError, Kind, MessageId, NodeId, PayloadError};

use crate::StoreError;

pub use alerts::{AlertChange, AlertRecipient, AlertRecord, AlertSent, NewAlert};
pub use backoff::Backoff;
pub use hits::{FoundBy, Hit, HitReport, HitSearch, HitStages, HitStatus, HitsFound, HIT_THRESHOLD};
pub use linkage::{LinkageStatus, SyncReport, SHARED_ROLES};
pub use message::{InboxMessage, Message};
pub use outbox::{OutboxEntry, OutboxStatus, OutgoingBundle, PartnerCounts};
pub use peers::{Agreement, Peer};
pub use receive::{CheckedBundle, Received, Receiver, Via};
pub use requests::{AssistanceRecord, Direction, NewAnswer, NewRequest};

/// Why a message could not be sent, or a bundle not received.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// No request with this ID.
    #[error("no request {0} on this node; `concord request list` shows them")]
    UnknownRequest(uuid::Uuid),
    /// No hit with this number.
    #[error("no hit {0} on this node; `concord hits list` shows them")]
    UnknownHit(i64),
    /// A hit with another partner than the request's.
    #[error("hit {hit} is with node {peer}; a request about it goes to that partner")]
    HitOfAnotherPartner { hit: i64, peer: NodeId },
    /// A review that is not a decision.
    #[error("a hit is reviewed by confirming or rejecting it")]
    InvalidReview,
    /// A request ID that two partners used.
    #[error("request {0} was exchanged with two partners under the same ID; no step is taken on a guess")]
    AmbiguousRequest(uuid::Uuid),
    /// A step the request's workflow does not allow.
    #[error(transparent)]
    Step(concord_core::assistance::StepError),
    /// No alert with this ID.
    #[error("no alert {0} on this node; `concord alert list` shows them")]
    UnknownAlert(uuid::Uuid),
    /// A partner's alert, which only that partner may revise.
    #[error("alert {alert} was issued by partner {issuer}; only its issuer may update or cancel it")]
    NotIssuer { alert: uuid::Uuid, issuer: NodeId },
    /// One of our own alerts, which its recipients acknowledge, not we.
    #[error("alert {0} was issued by this node; the partners it went to acknowledge it, not its issuer")]
    OwnAlert(uuid::Uuid),
    /// A revision this node has acknowledged already.
    #[error("revision {revision} of alert {alert} is already acknowledged; the issuer was told")]
    AlreadyAcknowledged { alert: uuid::Uuid, revision: u32 },
    /// What the rules of alerts refuse (an expiry out of range, an alert no longer in force).
    #[error(transparent)]
    Alert(concord_core::alert::AlertError),
    /// A node that is not a partner.
    #[error("node {0} is not a partner of this node; add it with `concord peer add`")]
    UnknownPeer(NodeId),
    /// The node itself given as a partner.
    #[error("node {0} is this node itself")]
    SelfPeer(NodeId),
    /// The fingerprint confirmed out of band is not the card's.
    #[error(
        "the fingerprint given ({given}) is not the node ID on the card ({card}); the partner was not added. \
         Read the ID again with the partner, by phone or in person"
    )]
    FingerprintMismatch { given: NodeId, card: NodeId },
    /// A card older than the one already held for that partner.
    #[error("this card for {0} was issued before the one already held; the newer card is kept")]
    StaleCard(NodeId),
    /// The card does not verify.
    #[error("node card: {0}")]
    Card(CardError),
    /// The sharing agreement does not allow the message.
    #[error(
        "the sharing agreement with {peer} does not allow sending {category} (it allows: {allowed}); \
         nothing was sent. Change it with `concord peer agreement`"
    )]
    NotAllowed {
        peer: NodeId,
        category: Category,
        allowed: String,
    },
    /// A message kind that cannot be sent by hand.
    #[error("{0} messages are sent by the protocol itself, not by hand")]
    NotSendable(Kind),
    /// The message itself is invalid (e.g. a notice without a subject); nothing was sent.
    #[error("the message is not valid, nothing was sent: {0}")]
    InvalidMessage(PayloadError),
    /// The message could not be sealed (e.g. too large).
    #[error("the message cannot be sealed: {0}")]
    Seal(EnvelopeError),
    /// A bundle that is damaged, forged or not a bundle.
    #[error("bundle rejected, nothing applied: {0}")]
    Bundle(BundleError),
    /// An envelope inside a signed bundle that does not even decode.
    #[error("bundle rejected, nothing applied: envelope {index} of the bundle: {error}")]
    Envelope { index: usize, error: EnvelopeError },
    /// A bundle or envelope addressed to another node.
    #[error("bundle rejected, nothing applied: it is addressed to node {addressed}, not to this node ({this})")]
    NotForThisNode { addressed: NodeId, this: NodeId },
    /// A bundle from a node that is not a partner.
    #[error(
        "bundle rejected, nothing applied: it comes from node {0}, which is not a partner of this node \
         (add its card with `concord peer add` first)"
    )]
    UnknownSender(NodeId),
    /// An envelope in a bundle whose header names another sender than the bundle.
    #[error("bundle rejected, nothing applied: envelope {index} claims sender {claimed}, the bundle is from {sender}")]
    MixedSenders {
        index: usize,
        claimed: NodeId,
        sender: NodeId,
    },
    /// A bundle with no message at all.
    #[error("the outbox holds no pending message for {0}")]
    NothingPending(NodeId),
}

// The protocol's errors are part of the message above (for the API, which shows one
// line), not a `source` (which the command line would print a second time).
impl From<CardError> for ExchangeError {
    fn from(error: CardError) -> Self {
        Self::Card(error)
    }
}

impl From<BundleError> for ExchangeError {
    fn from(error: BundleError) -> Self {
        Self::Bundle(error)
    }
}

/// Milliseconds since the Unix epoch, now.
pub(crate) fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// RFC 3339 text of a time in Unix milliseconds, as stored and shown.
pub(crate) fn time_text(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Parses a node ID as stored; a bad one means the database was altered.
pub(crate) fn stored_node_id(text: &str) -> Result<NodeId, StoreError> {
    text.parse()
        .map_err(|_| StoreError::Tampered(format!("node ID {text:?}")))
}

/// Parses a message ID as stored.
pub(crate) fn stored_message_id(text: &str) -> Result<MessageId, StoreError> {
    text.parse()
        .map_err(|_| StoreError::Tampered(format!("message ID {text:?}")))
}
