//! The wire format and cryptography of the Concord exchange protocol: how one node's
//! message reaches another so that only the recipient can read it, the recipient knows who
//! sent it, and any change on the way is caught.
//!
//! The pieces, one module each:
//! 1. [`node_id`]: a node's ID, the fingerprint of its keys, short enough to read aloud;
//! 2. [`identity`]: a node's keys (Ed25519 to sign, X25519 to be sealed to);
//! 3. [`card`]: the signed text by which partners introduce their nodes;
//! 4. [`kind`]: message kinds, the data categories agreements allow, TLP handling labels;
//! 5. [`envelope`]: one message, sealed with HPKE (RFC 9180) and signed;
//! 6. [`bundle`]: envelopes carried together, over HTTP or on a USB stick;
//! 7. [`payload`]: the JSON inside each kind of envelope.
//!
//! Every construction is a standard one from a maintained crate (`hpke`,
//! `ed25519-dalek`); this crate only lays out bytes and decides what is signed and bound.
//! Decoders read the magic and version first and refuse every other version by name, so
//! nodes of different versions fail clearly rather than misread each other.
//!
//! No I/O, storage or clock happens here: callers pass bytes, times and random number
//! generators, so that every output can be reproduced (`docs/protocol.md` has test
//! vectors). Delivery — outboxes, retries, receipts, idempotency — is the node's.

pub mod bundle;
pub mod card;
pub mod envelope;
pub mod identity;
pub mod kind;
pub mod node_id;
pub mod payload;
mod signature;
#[cfg(test)]
mod testing;

pub use bundle::{Bundle, BundleError, UnverifiedBundle};
pub use card::{CardError, NodeCard};
pub use envelope::{
    seal, verify_all, Envelope, EnvelopeError, Header, MessageId, MAX_PAYLOAD, PROTOCOL_VERSION, SUPPORTED_VERSIONS,
};
pub use identity::{ExchangePublicKey, Identity, KeyBytesError, PublicKeys};
pub use kind::{Category, Handling, Kind};
pub use node_id::{NodeId, NodeIdError};
pub use payload::{CaseSummary, Notice, Outcome, PayloadError, Receipt, ReceiptEntry};
