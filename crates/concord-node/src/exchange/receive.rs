//! Receiving: one path for every bundle, whether it came over HTTP or on a USB stick.
//!
//! The bundle is checked whole before anything is written: it must be addressed to this
//! node, come from a partner, carry that partner's valid signature, and hold only
//! envelopes from that partner to this node. Then each envelope is verified and opened
//! (on all cores), checked against the sharing agreement, and applied — stored in the
//! inbox, or, for a receipt, settling messages in the outbox — all in one transaction,
//! with an audit entry for each. Only after that transaction commits is a receipt made,
//! so a receipt never acknowledges anything a crash could still lose. A message already
//! received is recognised by (sender, message ID) and acknowledged again without being
//! applied again.

use std::sync::Arc;

use concord_exchange::payload::{self, Outcome, Receipt, ReceiptEntry};
use concord_exchange::{envelope, Bundle, Envelope, Handling, Header, Identity, Kind, MessageId, UnverifiedBundle};
use rayon::prelude::*;
use zeroize::Zeroizing;

use super::message::{Message, SEALED_PAYLOAD};
use super::peers::Peer;
use super::{alerts, hits, linkage, requests};
use super::{now_ms, time_text, ExchangeError};
use crate::audit::{self, Event};
use crate::store::sqlite::{self, exchange as sql};
use crate::Store;

/// Envelopes whose signatures are verified together: large enough for batch
/// verification to pay, small enough to spread a bundle over every core.
const VERIFY_BATCH: usize = 64;

/// How a bundle arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// Pushed by the partner over HTTP, or returned in answer to our push.
    Http,
    /// Imported from a file.
    Bundle,
}

impl Via {
    fn name(self) -> &'static str {
        match self {
            Self::Http => "http",
            Self::Bundle => "bundle",
        }
    }
}

/// What receiving a bundle did.
#[derive(Debug, Clone, Default)]
pub struct Received {
    /// Messages applied now.
    pub accepted: usize,
    /// Messages already received before, not applied again.
    pub duplicates: usize,
    /// Messages rejected, with the reason sent back to the partner.
    pub rejected: Vec<(MessageId, String)>,
    /// Our messages the partner's receipts settled as delivered.
    pub delivered: usize,
    /// Our messages the partner's receipts settled as rejected.
    pub refused: usize,
    /// The signed return bundle with our receipt, when the bundle held messages.
    pub return_bundle: Option<Vec<u8>>,
}

/// One envelope after verification, before it is applied.
enum Checked {
    /// Opened and readable.
    Open(Header, usize, Zeroizing<Vec<u8>>),
    /// Refused, with the reason for the partner.
    Refused(Header, usize, String),
}

/// A bundle verified and opened, ready for [`Store::apply_bundle`].
pub struct CheckedBundle {
    peer: Peer,
    items: Vec<Checked>,
}

/// What checking a bundle needs of the node: its keys, shared, so that the public-key
/// work runs without holding the store (a server keeps applying other bundles meanwhile).
#[derive(Clone)]
pub struct Receiver {
    identity: Arc<Identity>,
}

impl Store {
    /// Receives a bundle from a partner: see the module documentation. On error nothing
    /// was applied, and the rejection is in the audit trail.
    pub fn receive_bundle(&mut self, bytes: &[u8], via: Via) -> Result<Received, ExchangeError> {
        let checked = self
            .sender_of(bytes)
            .and_then(|peer| self.receiver().check(bytes, peer));
        self.apply_bundle(bytes, checked, via)
    }

    /// Verifies and opens one envelope from a partner to this node, for an auditor who
    /// must read what was exchanged: its header and payload. Nothing is applied.
    pub fn open_envelope(&self, bytes: &[u8]) -> Result<(Header, Zeroizing<Vec<u8>>), ExchangeError> {
        let envelope = Envelope::decode(bytes).map_err(|error| ExchangeError::Envelope { index: 0, error })?;
        let header = *envelope.header();
        let peer = self.known_peer(&header.sender)?;
        let fail = |error| ExchangeError::Envelope { index: 0, error };
        envelope.verify(&peer.card.keys).map_err(fail)?;
        Ok((header, envelope.open(&self.identity).map_err(fail)?))
    }

    /// What [`Receiver::check`] needs to check bundles away from the store.
    pub fn receiver(&self) -> Receiver {
        Receiver {
            identity: Arc::clone(&self.identity),
        }
    }

    /// The partner who sent `bytes`, if the bundle is addressed to this node and comes
    /// from a partner (nothing is verified yet).
    pub fn sender_of(&self, bytes: &[u8]) -> Result<Peer, ExchangeError> {
        let bundle = UnverifiedBundle::decode(bytes)?;
        let this = self.node_id();
        if bundle.recipient() != this {
            return Err(ExchangeError::NotForThisNode {
                addressed: bundle.recipient(),
                this,
            });
        }
        let sender = bundle.sender();
        self.peer(&sender)?.ok_or(ExchangeError::UnknownSender(sender))
    }

    /// Applies a checked bundle in one transaction and makes the receipt; or, if the
    /// check failed, records the rejection of the whole bundle `bytes` and returns why.
    pub fn apply_bundle(
        &mut self,
        bytes: &[u8],
        checked: Result<CheckedBundle, ExchangeError>,
        via: Via,
    ) -> Result<Received, ExchangeError> {
        match checked {
            Ok(bundle) => self.apply(&bundle.peer, &bundle.items, via),
            Err(error) => {
                let claimed = UnverifiedBundle::decode(bytes).map(|b| b.sender().to_string()).ok();
                let reason = error.to_string();
                self.transaction(|tx, vault| {
                    let entry = Event::BundleRejected.about(claimed.as_deref().unwrap_or("unknown"));
                    audit::record(tx, vault, entry.detail(&reason))
                })?;
                Err(error)
            }
        }
    }
}

impl Receiver {
    /// Verifies the bundle from `peer` (see [`Store::sender_of`]) and every envelope in
    /// it, on all cores, and opens those the agreement allows; or says why the whole
    /// bundle is refused.
    pub fn check(&self, bytes: &[u8], peer: Peer) -> Result<CheckedBundle, ExchangeError> {
        let bundle = UnverifiedBundle::decode(bytes)?;
        let (this, sender) = (self.identity.node_id(), peer.card.node_id);
        if bundle.recipient() != this {
            return Err(ExchangeError::NotForThisNode {
                addressed: bundle.recipient(),
                this,
            });
        }
        if bundle.sender() != sender {
            return Err(ExchangeError::UnknownSender(bundle.sender()));
        }
        let raw = bundle.verify(&peer.card.keys)?;
        let envelopes = raw
            .iter()
            .enumerate()
            .map(|(index, bytes)| {
                let envelope = Envelope::decode(bytes).map_err(|error| ExchangeError::Envelope { index, error })?;
                let header = envelope.header();
                if header.sender != sender {
                    return Err(ExchangeError::MixedSenders {
                        index,
                        claimed: header.sender,
                        sender,
                    });
                }
                if header.recipient != this {
                    return Err(ExchangeError::NotForThisNode {
                        addressed: header.recipient,
                        this,
                    });
                }
                Ok(envelope)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let (identity, partner) = (&*self.identity, &peer);
        let items = envelopes
            .par_chunks(VERIFY_BATCH)
            .flat_map_iter(|chunk| {
                let keys = vec![&partner.card.keys; chunk.len()];
                let batch_verified = envelope::verify_all(chunk, &keys).is_ok();
                chunk
                    .iter()
                    .map(move |envelope| check_envelope(identity, partner, envelope, batch_verified))
            })
            .collect();
        Ok(CheckedBundle { peer, items })
    }
}

/// Verifies (unless the batch check passed), checks the agreement, and opens.
fn check_envelope(identity: &Identity, peer: &Peer, envelope: &Envelope<'_>, batch_verified: bool) -> Checked {
    let header = *envelope.header();
    let size = envelope.bytes().len();
    let refuse = |reason: String| Checked::Refused(header, size, reason);
    if !batch_verified {
        if let Err(e) = envelope.verify(&peer.card.keys) {
            return refuse(format!("envelope does not verify: {e}"));
        }
    }
    if let Some(category) = header.kind.category() {
        if !peer.agreement.receive.contains(&category) {
            return refuse(format!(
                "the sharing agreement of node {} does not allow receiving {category} from node {}",
                header.recipient, header.sender
            ));
        }
    }
    match envelope.open(identity) {
        Ok(payload) => Checked::Open(header, size, payload),
        Err(e) => refuse(format!("envelope does not open: {e}")),
    }
}

impl Store {
    fn apply(&mut self, peer: &Peer, checked: &[Checked], via: Via) -> Result<Received, ExchangeError> {
        let sender = peer.card.node_id.to_string();
        let received_at = sqlite::now();
        let mut received = Received::default();
        let mut receipt = Vec::new();
        self.transaction(|tx, vault| {
            for item in checked {
                let outcome = apply_one(tx, vault, &sender, item, via, &received_at, &mut received)?;
                if let Some(outcome) = outcome {
                    tally(&mut received, item, &outcome);
                    receipt.push(ReceiptEntry {
                        message_id: item.header().message_id,
                        outcome,
                    });
                }
            }
            Ok::<_, ExchangeError>(())
        })?;
        if !receipt.is_empty() {
            received.return_bundle = Some(self.receipt_bundle(peer, receipt)?);
        }
        Ok(received)
    }

    /// A bundle holding one receipt envelope for `peer`.
    fn receipt_bundle(&self, peer: &Peer, entries: Vec<ReceiptEntry>) -> Result<Vec<u8>, ExchangeError> {
        let mut rng = rand::thread_rng();
        let header = Header {
            message_id: MessageId::random(&mut rng),
            sender: self.node_id(),
            recipient: peer.card.node_id,
            kind: Kind::Receipt,
            handling: Handling::Green,
            created_at_ms: now_ms(),
        };
        let payload = payload::encode(&Receipt { entries });
        let sealed = envelope::seal(&self.identity, &peer.card.keys, &header, &payload, &mut rng)
            .map_err(ExchangeError::Seal)?;
        let bundle = Bundle {
            sender: header.sender,
            recipient: header.recipient,
            created_at_ms: header.created_at_ms,
            envelopes: vec![sealed],
        };
        Ok(bundle.encode(&self.identity)?)
    }
}

impl Checked {
    fn header(&self) -> &Header {
        match self {
            Self::Open(header, ..) | Self::Refused(header, ..) => header,
        }
    }

    fn size(&self) -> usize {
        match self {
            Self::Open(_, size, _) | Self::Refused(_, size, _) => *size,
        }
    }
}

fn tally(received: &mut Received, item: &Checked, outcome: &Outcome) {
    match outcome {
        Outcome::Accepted => received.accepted += 1,
        Outcome::Duplicate => received.duplicates += 1,
        Outcome::Rejected { reason } => received.rejected.push((item.header().message_id, reason.clone())),
    }
}

/// Applies one checked envelope inside the receiving transaction; the outcome for the
/// receipt, or `None` for a receipt of ours (receipts are not acknowledged).
///
/// A message already received is a duplicate whatever else is true of it now (the
/// agreement may have narrowed since): the sender must learn that it arrived.
fn apply_one(
    tx: &rusqlite::Connection,
    vault: &crate::vault::Vault,
    sender: &str,
    item: &Checked,
    via: Via,
    received_at: &str,
    received: &mut Received,
) -> Result<Option<Outcome>, ExchangeError> {
    let header = item.header();
    let message_id = header.message_id.to_string();
    let kind = header.kind.to_string();
    let entry = |event: Event| event.about(sender).message(&kind, &message_id, item.size());
    let reject = |reason: String| -> Result<Option<Outcome>, ExchangeError> {
        audit::record(tx, vault, entry(Event::MessageRejected).detail(&reason))?;
        Ok(Some(Outcome::Rejected { reason }))
    };
    let payload = match item {
        Checked::Open(_, _, payload) if header.kind == Kind::Receipt => {
            settle(tx, vault, sender, payload, via, received)?;
            return Ok(None);
        }
        Checked::Refused(_, _, reason) if header.kind == Kind::Receipt => return reject(reason.clone()).map(|_| None),
        _ if sql::inbox_has(tx, sender, &message_id)? => {
            audit::record(tx, vault, entry(Event::MessageDuplicate))?;
            return Ok(Some(Outcome::Duplicate));
        }
        Checked::Refused(_, _, reason) => return reject(reason.clone()),
        Checked::Open(_, _, payload) => payload,
    };
    let applied = match Message::decode(header.kind, payload) {
        Some(Ok(Message::Request(request))) => requests::apply_request(tx, vault, sender, &message_id, &request)?,
        Some(Ok(Message::RequestUpdate(update))) => requests::apply_update(tx, vault, sender, &update)?,
        Some(Ok(Message::LinkageKey(grant))) => linkage::apply_key(tx, vault, sender, &grant)?,
        Some(Ok(Message::Encodings(encodings))) => linkage::apply_encodings(tx, vault, sender, &encodings)?,
        Some(Ok(Message::Hits(hits))) => hits::apply_hits(tx, vault, sender, &hits)?,
        Some(Ok(Message::Alert(alert))) => alerts::apply_alert(tx, vault, sender, &alert)?,
        Some(Ok(Message::AlertAck(ack))) => alerts::apply_ack(tx, vault, sender, &ack)?,
        Some(Ok(_)) => Ok(()),
        _ => Err(format!("the payload is not a valid {kind} message")),
    };
    if let Err(reason) = applied {
        return reject(reason);
    }
    // What a linkage message carries now lives in the linkage tables (the key sealed
    // there); the inbox keeps its ID only, to recognise it if it comes again.
    let kept: &[u8] = match header.kind {
        Kind::LinkageKey | Kind::Encodings | Kind::Hits => &[],
        _ => payload,
    };
    sql::insert_inbox(
        tx,
        &sql::InboxRow {
            sender: sender.to_string(),
            message_id: message_id.clone(),
            kind: kind.clone(),
            handling: header.handling.to_string(),
            created_at: time_text(header.created_at_ms),
            received_at: received_at.to_string(),
            via: via.name().into(),
            size: item.size() as i64,
            payload: vault.seal(SEALED_PAYLOAD, &format!("{sender}/{message_id}"), kept),
        },
    )?;
    audit::record(tx, vault, entry(Event::MessageReceived))?;
    Ok(Some(Outcome::Accepted))
}

/// Applies a partner's receipt to our outbox: each message it names, if still pending
/// for that partner, becomes delivered or rejected.
fn settle(
    tx: &rusqlite::Connection,
    vault: &crate::vault::Vault,
    sender: &str,
    payload: &[u8],
    via: Via,
    received: &mut Received,
) -> Result<(), ExchangeError> {
    // A receipt that does not parse settles nothing: the messages stay pending and are
    // sent again, which is safe.
    let Ok(receipt) = payload::decode::<Receipt>(Kind::Receipt, payload) else {
        return Ok(());
    };
    let at = sqlite::now();
    for entry in receipt.entries {
        let message_id = entry.message_id.to_string();
        let (status, rejection, event) = match &entry.outcome {
            Outcome::Accepted | Outcome::Duplicate => ("delivered", None, Event::MessageDelivered),
            Outcome::Rejected { reason } => ("rejected", Some(reason.as_str()), Event::MessageRejectedByPartner),
        };
        if let Some((kind, size)) = sql::settle(tx, sender, &message_id, status, via.name(), &at, rejection)? {
            if status == "delivered" && kind == Kind::Request.to_string() {
                requests::mark_received(tx, sender, &message_id)?;
            }
            let mut audit_entry = event.about(sender).message(&kind, &message_id, size as usize);
            if let Some(reason) = rejection {
                audit_entry = audit_entry.detail(reason);
            }
            audit::record(tx, vault, audit_entry)?;
            match event {
                Event::MessageDelivered => received.delivered += 1,
                _ => received.refused += 1,
            }
        }
    }
    Ok(())
}
