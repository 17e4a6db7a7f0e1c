//! The outbox: every message sealed for a partner stays here until the partner's signed
//! receipt says it was accepted or rejected.
//!
//! Sending seals and queues in one transaction, so a message is either queued or was
//! never sent. Pushing over HTTP only leases the pending envelopes for a while, and
//! exporting to a bundle only reads them; only a receipt settles a message. A crash at
//! any point therefore loses nothing: at worst a message goes out again, and the partner
//! recognises it by (sender, message ID) and does not apply it twice.

use std::collections::HashMap;

use concord_exchange::{envelope, Bundle, Handling, Header, Kind, MessageId, NodeId};
use rayon::prelude::*;
use serde::Serialize;

use super::backoff::Backoff;
use super::message::Message;
use super::{now_ms, stored_message_id, stored_node_id, time_text, ExchangeError};
use crate::audit::{self, Event};
use crate::store::sqlite::exchange as sql;
use crate::{Store, StoreError};

/// Most envelope bytes in a bundle pushed over HTTP (past its first envelope): half of
/// the 64 MiB a node accepts in one request, so that a queue of large messages (a
/// node's encodings) goes out in several pushes.
pub const PUSH_BUNDLE_BYTES: usize = 32 * 1024 * 1024;

/// Where a sent message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OutboxStatus {
    /// Not yet acknowledged by the partner.
    Pending,
    /// Accepted by the partner.
    Delivered,
    /// Refused by the partner (see the rejection).
    Rejected,
}

impl std::str::FromStr for OutboxStatus {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "pending" => Ok(Self::Pending),
            "delivered" => Ok(Self::Delivered),
            "rejected" => Ok(Self::Rejected),
            _ => Err(()),
        }
    }
}

/// A message in the outbox, as its sender sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutboxEntry {
    /// The message ID.
    pub message_id: MessageId,
    /// The partner it is for.
    pub recipient: NodeId,
    /// Its kind.
    pub kind: Kind,
    /// Its handling code.
    pub handling: Handling,
    /// When it was queued (RFC 3339).
    pub created_at: String,
    /// Size of the envelope in bytes.
    pub size: i64,
    /// Where it stands.
    pub status: OutboxStatus,
    /// Failed pushes so far.
    pub attempts: u32,
    /// When it is next pushed over HTTP, while pending (RFC 3339).
    pub next_attempt_at: Option<String>,
    /// Why the last push failed.
    pub last_error: Option<String>,
    /// When the partner's receipt arrived.
    pub settled_at: Option<String>,
    /// How the receipt came back: `http` or `bundle`.
    pub settled_via: Option<String>,
    /// The partner's reason, when rejected.
    pub rejection: Option<String>,
}

/// How many messages to one partner stand where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerCounts {
    /// The partner.
    pub recipient: NodeId,
    /// Waiting for a receipt.
    pub pending: u64,
    /// Accepted.
    pub delivered: u64,
    /// Refused.
    pub rejected: u64,
}

/// Pending envelopes for one partner, signed into a bundle.
#[derive(Debug, Clone)]
pub struct OutgoingBundle {
    /// The partner.
    pub recipient: NodeId,
    /// Where to push it over HTTP (from the partner's card).
    pub endpoint: Option<String>,
    /// The signed bundle.
    pub bytes: Vec<u8>,
    /// The messages in it, with the failed attempts each had so far.
    pub messages: Vec<(MessageId, u32)>,
}

impl Store {
    /// Seals `message` for partner `to` and queues it, if the agreement allows it.
    pub fn send(&mut self, to: &NodeId, message: &Message, handling: Handling) -> Result<MessageId, ExchangeError> {
        Ok(self.send_all(to, std::slice::from_ref(message), handling)?[0])
    }

    /// Seals every message for partner `to` (on all cores) and queues them in one
    /// transaction: all are queued, or none.
    pub fn send_all(
        &mut self,
        to: &NodeId,
        messages: &[Message],
        handling: Handling,
    ) -> Result<Vec<MessageId>, ExchangeError> {
        self.send_with(to, messages, handling, |_, _, _| Ok(()))
    }

    /// Seals and queues `messages` as [`Store::send_all`] does, and runs `also` on the
    /// same transaction with their IDs: what records the sending (a request's own row)
    /// lands with the messages, or neither does.
    pub(crate) fn send_with(
        &mut self,
        to: &NodeId,
        messages: &[Message],
        handling: Handling,
        also: impl FnOnce(&rusqlite::Transaction<'_>, &crate::vault::Vault, &[MessageId]) -> Result<(), ExchangeError>,
    ) -> Result<Vec<MessageId>, ExchangeError> {
        let batch: Vec<(NodeId, &Message)> = messages.iter().map(|m| (*to, m)).collect();
        self.queue(&batch, handling, also)
    }

    /// Seals each message of `batch` for its partner (on all cores) and queues them all in
    /// one transaction with `also`: every one is queued, or none is. A batch may address
    /// several partners (an alert goes to each partner allowed alerts); one message that
    /// an agreement does not allow refuses the whole batch.
    pub(crate) fn queue(
        &mut self,
        batch: &[(NodeId, &Message)],
        handling: Handling,
        also: impl FnOnce(&rusqlite::Transaction<'_>, &crate::vault::Vault, &[MessageId]) -> Result<(), ExchangeError>,
    ) -> Result<Vec<MessageId>, ExchangeError> {
        let mut peers = HashMap::new();
        for (to, message) in batch {
            if !peers.contains_key(to) {
                peers.insert(*to, self.known_peer(to)?);
            }
            self.check_allowed(&peers[to], message.kind())?;
        }
        let payloads = batch.iter().map(|(_, m)| m.encode()).collect::<Result<Vec<_>, _>>()?;
        let created_at_ms = now_ms();
        let sealed = payloads
            .par_iter()
            .zip(batch.par_iter())
            .map_init(rand::thread_rng, |rng, (payload, (to, message))| {
                let header = Header {
                    message_id: MessageId::random(rng),
                    sender: self.identity.node_id(),
                    recipient: *to,
                    kind: message.kind(),
                    handling,
                    created_at_ms,
                };
                let bytes = envelope::seal(&self.identity, &peers[to].card.keys, &header, payload, rng)
                    .map_err(ExchangeError::Seal)?;
                Ok((header, bytes))
            })
            .collect::<Result<Vec<_>, ExchangeError>>()?;
        let created_at = time_text(created_at_ms);
        let handling_text = handling.to_string();
        self.transaction(|tx, vault| {
            for (header, bytes) in &sealed {
                let (message_id, recipient) = (header.message_id.to_string(), header.recipient.to_string());
                let kind = header.kind.to_string();
                sql::insert_outbox(
                    tx,
                    &sql::OutboxRow {
                        message_id: message_id.clone(),
                        recipient: &recipient,
                        kind: &kind,
                        handling: &handling_text,
                        created_at: &created_at,
                        envelope: bytes,
                        next_attempt_ms: created_at_ms,
                    },
                )?;
                audit::record(
                    tx,
                    vault,
                    Event::MessageQueued
                        .about(&recipient)
                        .message(&kind, &message_id, bytes.len()),
                )?;
            }
            let ids: Vec<MessageId> = sealed.iter().map(|(h, _)| h.message_id).collect();
            also(tx, vault, &ids)?;
            Ok::<_, ExchangeError>(ids)
        })
    }

    /// Refuses (and records the refusal of) a message of `kind` that the agreement with
    /// `peer` does not allow to go out.
    fn check_allowed(&mut self, peer: &super::Peer, kind: Kind) -> Result<(), ExchangeError> {
        let category = kind.category().ok_or(ExchangeError::NotSendable(kind))?;
        if peer.agreement.send.contains(&category) {
            return Ok(());
        }
        let peer_text = peer.card.node_id.to_string();
        self.transaction(|tx, vault| {
            audit::record(
                tx,
                vault,
                Event::SendRefused
                    .about(&peer_text)
                    .detail(&format!("{kind}: {category} not in the agreement")),
            )
        })?;
        Err(ExchangeError::NotAllowed {
            peer: peer.card.node_id,
            category,
            allowed: super::Agreement::describe(&peer.agreement.send),
        })
    }

    /// Takes the messages due by `now_ms` for pushing over HTTP: for each partner, up to
    /// `bundles` signed bundles of at most `limit` messages each, longest overdue first.
    ///
    /// The messages taken are leased until `lease_until_ms`: the next pass does not take
    /// them again while their push is under way (so several bundles can be in flight at
    /// once), and if the pusher dies they simply fall due again then.
    pub fn take_due(
        &mut self,
        now_ms: i64,
        limit: usize,
        bundles: usize,
        lease_until_ms: i64,
    ) -> Result<Vec<OutgoingBundle>, ExchangeError> {
        let mut taken = Vec::new();
        for recipient in sql::recipients_due(&self.conn, now_ms)? {
            let to = stored_node_id(&recipient)?;
            for _ in 0..bundles {
                let bundle = self.bundle_of(&to, Some(now_ms), limit)?;
                if bundle.messages.is_empty() {
                    break;
                }
                self.transaction(|tx, _| {
                    bundle
                        .messages
                        .iter()
                        .try_for_each(|(id, _)| sql::lease(tx, &id.to_string(), lease_until_ms))
                })?;
                taken.push(bundle);
            }
        }
        Ok(taken)
    }

    /// Makes every pending message due now, whatever its back-off: an operator's "try
    /// again now". Returns how many were waiting.
    pub fn retry_now(&mut self) -> Result<usize, StoreError> {
        let now = now_ms();
        self.transaction(|tx, _| sql::make_due(tx, now))
    }

    /// Every pending message for `to`, signed into one bundle to carry by hand. The
    /// messages stay pending until the partner's return bundle (or an HTTP push) brings
    /// their receipts.
    pub fn export_bundle(&mut self, to: &NodeId) -> Result<OutgoingBundle, ExchangeError> {
        let bundle = self.bundle_of(to, None, usize::MAX)?;
        if bundle.messages.is_empty() {
            return Err(ExchangeError::NothingPending(*to));
        }
        let peer = to.to_string();
        let note = format!("{} messages", bundle.messages.len());
        self.transaction(|tx, vault| audit::record(tx, vault, Event::BundleExported.about(&peer).detail(&note)))?;
        Ok(bundle)
    }

    fn bundle_of(&self, to: &NodeId, due_by_ms: Option<i64>, limit: usize) -> Result<OutgoingBundle, ExchangeError> {
        let peer = self.known_peer(to)?;
        // A bundle carried by hand has no size limit; one pushed over HTTP stays well
        // under what a partner accepts in one request.
        let max_bytes = if due_by_ms.is_some() {
            PUSH_BUNDLE_BYTES
        } else {
            usize::MAX
        };
        let pending = sql::pending(&self.conn, &to.to_string(), due_by_ms, (limit, max_bytes))?;
        let messages = pending
            .iter()
            .map(|(id, attempts, _)| Ok((stored_message_id(id)?, *attempts)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let bundle = Bundle {
            sender: self.node_id(),
            recipient: *to,
            created_at_ms: now_ms(),
            envelopes: pending.into_iter().map(|(_, _, envelope)| envelope).collect(),
        };
        Ok(OutgoingBundle {
            recipient: *to,
            endpoint: peer.card.endpoint,
            bytes: bundle.encode(&self.identity)?,
            messages,
        })
    }

    /// Records that pushing `bundle` failed with `error`, and when each of its messages
    /// is next due.
    pub fn record_failed_push(
        &mut self,
        bundle: &OutgoingBundle,
        error: &str,
        backoff: &Backoff,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        let mut rng = rand::thread_rng();
        self.transaction(|tx, _| {
            for (id, attempts) in &bundle.messages {
                let wait = backoff.delay(attempts + 1, &mut rng);
                let next = now + i64::try_from(wait.as_millis()).unwrap_or(i64::MAX / 2);
                sql::record_attempt(tx, &id.to_string(), next, error)?;
            }
            Ok(())
        })
    }

    /// When the next pending message is due, in Unix milliseconds.
    pub fn next_due_ms(&self) -> Result<Option<i64>, StoreError> {
        sql::next_due_ms(&self.conn)
    }

    /// The newest `limit` messages of the outbox, optionally only those to `to`.
    pub fn outbox(&self, to: Option<&NodeId>, limit: usize) -> Result<Vec<OutboxEntry>, StoreError> {
        let to = to.map(ToString::to_string);
        sql::list_outbox(&self.conn, to.as_deref(), limit)?
            .into_iter()
            .map(outbox_entry)
            .collect()
    }

    /// How many messages to each partner are pending, delivered and rejected.
    pub fn outbox_counts(&self) -> Result<Vec<PartnerCounts>, StoreError> {
        let mut out: Vec<PartnerCounts> = Vec::new();
        for (recipient, status, count) in sql::outbox_counts(&self.conn)? {
            let recipient = stored_node_id(&recipient)?;
            if out.last().is_none_or(|c| c.recipient != recipient) {
                out.push(PartnerCounts {
                    recipient,
                    pending: 0,
                    delivered: 0,
                    rejected: 0,
                });
            }
            let counts = out.last_mut().expect("pushed above");
            match status.parse() {
                Ok(OutboxStatus::Pending) => counts.pending = count,
                Ok(OutboxStatus::Delivered) => counts.delivered = count,
                Ok(OutboxStatus::Rejected) => counts.rejected = count,
                Err(()) => return Err(StoreError::Tampered("outbox status".into())),
            }
        }
        Ok(out)
    }
}

fn outbox_entry(row: sql::OutboxEntryRow) -> Result<OutboxEntry, StoreError> {
    let tampered = || StoreError::Tampered(format!("outbox message {}", row.message_id));
    let status: OutboxStatus = row.status.parse().map_err(|()| tampered())?;
    Ok(OutboxEntry {
        message_id: stored_message_id(&row.message_id)?,
        recipient: stored_node_id(&row.recipient)?,
        kind: row.kind.parse().map_err(|_| tampered())?,
        handling: row.handling.parse().map_err(|_| tampered())?,
        created_at: row.created_at,
        size: row.size,
        next_attempt_at: (status == OutboxStatus::Pending).then(|| time_text(row.next_attempt_ms)),
        status,
        attempts: row.attempts,
        last_error: row.last_error,
        settled_at: row.settled_at,
        settled_via: row.settled_via,
        rejection: row.rejection,
    })
}
