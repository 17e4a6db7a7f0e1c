//! The network's linkage: its key and schema, and the encodings of persons sent to
//! partners and received from them.
//!
//! One node coordinates: it makes the linkage key and schema of each epoch and sends
//! them, sealed, to every partner whose agreement allows `encodings`. A member accepts
//! keys only from the partner its administrator named as coordinator, so a partner
//! cannot slip in a key of its own. A key of a newer epoch retires the older one on
//! every node: the encodings made under it are deleted and every person is encoded again
//! under new references.
//!
//! Which persons are shared is decided by their role ([`SHARED_ROLES`]): victims,
//! presumed victims and missing persons, whom partners look for. Triggers on the persons
//! table list every person added, changed or deleted as pending, so that
//! [`Store::sync_linkage`] re-encodes exactly those and tells each partner what changed:
//! new or changed encodings, and references withdrawn. An encoding travels with a random
//! reference and nothing else; the reference means something only to its sender.

use std::collections::BTreeSet;

use concord_core::vocabulary::PersonRole;
use concord_core::Person;
use concord_exchange::payload::{EncodedPerson, Encodings, LinkageKeyGrant, MAX_LINKAGE_ITEMS};
use concord_exchange::{Category, Handling, NodeId};
use concord_link::encoding::encode_all;
use concord_link::encodings::{from_base64, to_base64};
use concord_link::filter::FilterSet;
use concord_link::key::LinkageKey;
use concord_link::schema::Schema;
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::message::Message;
use super::{stored_node_id, ExchangeError};
use crate::audit::{self, Event};
use crate::store::sqlite::{self, linkage as sql};
use crate::vault::Vault;
use crate::{Store, StoreError};

/// The roles whose persons are encoded and sent to partners allowed `encodings`.
pub const SHARED_ROLES: [PersonRole; 3] = [
    PersonRole::Victim,
    PersonRole::PresumedVictim,
    PersonRole::MissingPerson,
];

/// Vault namespaces of the sealed key and filters.
const SEALED_KEY: &str = "linkage.key";
const SEALED_OWN: &str = "linkage.own";
const SEALED_PARTNER: &str = "linkage.partner";

/// Persons encoded per transaction while syncing: the work of a second or two.
const ENCODE_BATCH: usize = 20_000;

/// Encodings read per round while sending them to a partner.
const SEND_BATCH: usize = 50_000;

/// The current linkage key and schema, unsealed.
pub(crate) struct CurrentKey {
    pub epoch: u32,
    pub key: LinkageKey,
    pub schema: Schema,
    /// The node that made it (this node's ID when it coordinates).
    pub issued_by: String,
}

/// Where this node stands in the network's linkage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkageStatus {
    /// The node whose keys this node accepts (this node itself when it coordinates).
    pub coordinator: Option<NodeId>,
    /// The current key epoch, if a key is held.
    pub epoch: Option<u32>,
    /// The key's public check value (equal on every node holding the same key).
    pub key_check: Option<String>,
    /// The schema's digest.
    pub schema_digest: Option<String>,
    /// This node's persons encoded.
    pub own_encodings: u64,
    /// Partners' encodings held.
    pub partner_encodings: u64,
    /// Persons waiting to be encoded (added or changed since the last sync).
    pub pending_persons: u64,
    /// Hits not yet reviewed.
    pub new_hits: u64,
    /// Hits confirmed.
    pub confirmed_hits: u64,
    /// Hits rejected.
    pub rejected_hits: u64,
}

/// What one [`Store::sync_linkage`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// Partners sent the current key.
    pub keys_sent: usize,
    /// Persons encoded anew or again.
    pub encoded: usize,
    /// Persons of a shared role that could not be encoded (no name with letters).
    pub unencodable: usize,
    /// Encodings queued for partners (counted once per partner).
    pub encodings_sent: usize,
    /// References withdrawn from partners.
    pub withdrawn: usize,
}

impl Store {
    /// Names the node whose linkage keys this node accepts: a partner, or this node.
    pub fn set_linkage_coordinator(&mut self, node: &NodeId) -> Result<(), ExchangeError> {
        if *node != self.node_id() {
            self.known_peer(node)?;
        }
        let id = node.to_string();
        self.transaction(|tx, vault| {
            sql::set_coordinator(tx, &id)?;
            audit::record(tx, vault, Event::CoordinatorChanged.about(&id))
        })?;
        Ok(())
    }

    /// Makes the linkage key of a new epoch under `schema` (the built-in schema when
    /// `None`); this node becomes the coordinator. Older encodings are retired here at
    /// once, and on each member when the key reaches it ([`Store::sync_linkage`] sends it).
    pub fn create_linkage_key(&mut self, schema: Option<Schema>) -> Result<u32, ExchangeError> {
        let epoch = sql::current_key(&self.conn)?.map_or(1, |k| k.epoch + 1);
        let mut schema = schema.unwrap_or_else(Schema::default_schema);
        schema.key_epoch = epoch;
        let key = LinkageKey::generate(epoch);
        let this = self.node_id().to_string();
        self.transaction(|tx, vault| {
            sql::set_coordinator(tx, &this)?;
            sql::insert_key(tx, &key_row(vault, &key, &schema, &this))?;
            let detail = format!("epoch {epoch}, key check {}", key.check());
            audit::record(tx, vault, Event::LinkageKeyCreated.about(&this).detail(&detail))
        })?;
        Ok(epoch)
    }

    /// Where this node stands in the linkage.
    pub fn linkage_status(&self) -> Result<LinkageStatus, StoreError> {
        let current = self.current_key()?;
        let (own_encodings, partner_encodings) = sql::counts(&self.conn)?;
        let (new_hits, confirmed_hits, rejected_hits) = sql::hit_counts(&self.conn)?;
        Ok(LinkageStatus {
            coordinator: sql::coordinator(&self.conn)?.map(|c| stored_node_id(&c)).transpose()?,
            epoch: current.as_ref().map(|c| c.epoch),
            key_check: current.as_ref().map(|c| c.key.check()),
            schema_digest: current.as_ref().map(|c| c.schema.digest()),
            own_encodings,
            partner_encodings,
            pending_persons: sql::count_pending(&self.conn)?,
            new_hits,
            confirmed_hits,
            rejected_hits,
        })
    }

    /// The current key and schema, if the node holds one.
    pub(crate) fn current_key(&self) -> Result<Option<CurrentKey>, StoreError> {
        sql::current_key(&self.conn)?
            .map(|row| unseal_key(&self.vault, &row))
            .transpose()
    }

    /// Brings the partners up to date: sends the current key to members that lack it
    /// (when this node coordinates), encodes the persons added or changed since the last
    /// sync, and queues for each partner allowed `encodings` what it has not been sent.
    /// Without a key there is nothing to do.
    pub fn sync_linkage(&mut self) -> Result<SyncReport, ExchangeError> {
        let mut report = SyncReport::default();
        let Some(current) = self.current_key()? else {
            return Ok(report);
        };
        let partners: Vec<NodeId> = self
            .peers()?
            .into_iter()
            .filter(|p| p.agreement.send.contains(&Category::Encodings))
            .map(|p| p.card.node_id)
            .collect();
        report.keys_sent = self.grant_key(&current, &partners)?;
        self.encode_pending(&current, &mut report)?;
        // Looking for what each partner is owed reads every encoding; it is skipped
        // unless an encoding or an agreement changed since (triggers keep the flag).
        if sql::encodings_changed(&self.conn)? {
            for partner in &partners {
                self.send_owed(partner, &current, &mut report)?;
            }
            self.transaction(|tx, _| sql::encodings_sent_out(tx))?;
        }
        Ok(report)
    }

    /// Sends the current key to each partner not yet sent it, if this node made it.
    fn grant_key(&mut self, current: &CurrentKey, partners: &[NodeId]) -> Result<usize, ExchangeError> {
        if current.issued_by != self.node_id().to_string() {
            return Ok(0);
        }
        let mut sent = 0;
        for partner in partners {
            let peer = partner.to_string();
            if sql::granted(&self.conn, &peer, current.epoch)? {
                continue;
            }
            let grant = Message::LinkageKey(LinkageKeyGrant {
                epoch: current.epoch,
                key: current.key.to_file(),
                schema: current.schema.to_toml(),
            });
            let epoch = current.epoch;
            self.send_with(partner, &[grant], Handling::Red, |tx, _, _| {
                sql::insert_grant(tx, &peer, epoch, &sqlite::now())?;
                Ok(())
            })?;
            sent += 1;
        }
        Ok(sent)
    }

    /// Encodes the pending persons, batch by batch, each batch in one transaction.
    fn encode_pending(&mut self, current: &CurrentKey, report: &mut SyncReport) -> Result<(), ExchangeError> {
        loop {
            let batch = self.pending_persons(ENCODE_BATCH)?;
            if batch.is_empty() {
                return Ok(());
            }
            let (ids, persons): (Vec<String>, Vec<Option<Person>>) = batch.into_iter().unzip();
            let shared: Vec<Person> = persons.into_iter().flatten().filter(is_shared).collect();
            let encoded = encode_all(&current.schema, &current.key, &shared, &|| {})
                .expect("the current key and schema are of one epoch (checked when stored)");
            self.transaction(|tx, vault| {
                let mut kept = BTreeSet::new();
                for (person, filter) in shared.iter().zip(encoded) {
                    let Ok(filter) = filter else {
                        report.unencodable += 1;
                        continue;
                    };
                    let id = person.id.to_string();
                    if store_own(tx, vault, &id, current.epoch, &filter)? {
                        report.encoded += 1;
                    }
                    kept.insert(id);
                }
                for id in ids.iter().filter(|id| !kept.contains(*id)) {
                    sql::delete_own(tx, id)?;
                }
                sql::clear_pending(tx, &ids)
            })?;
        }
    }

    /// Queues for `partner` the encodings it was not sent as they are now, and the
    /// references it should forget.
    fn send_owed(
        &mut self,
        partner: &NodeId,
        current: &CurrentKey,
        report: &mut SyncReport,
    ) -> Result<(), ExchangeError> {
        let peer = partner.to_string();
        let digest = current.schema.digest();
        let withdrawn = sql::withdrawn_from(&self.conn, &peer)?;
        for chunk in withdrawn.chunks(MAX_LINKAGE_ITEMS) {
            let message = Message::Encodings(Encodings {
                epoch: current.epoch,
                schema_digest: digest.clone(),
                records: Vec::new(),
                withdrawn: chunk.to_vec(),
            });
            self.send_with(partner, &[message], Handling::Amber, |tx, _, _| {
                chunk.iter().try_for_each(|r| sql::unmark_sent(tx, &peer, r))?;
                Ok(())
            })?;
            report.withdrawn += chunk.len();
        }
        loop {
            let owed = sql::owed_to(&self.conn, &peer, SEND_BATCH)?;
            if owed.is_empty() {
                return Ok(());
            }
            let mut messages = Vec::new();
            for chunk in owed.chunks(MAX_LINKAGE_ITEMS) {
                let records = chunk
                    .iter()
                    .map(|row| {
                        Ok(EncodedPerson {
                            reference: row.reference.clone(),
                            filter: to_base64(&open_own(&self.vault, row)?),
                        })
                    })
                    .collect::<Result<_, StoreError>>()?;
                messages.push(Message::Encodings(Encodings {
                    epoch: current.epoch,
                    schema_digest: digest.clone(),
                    records,
                    withdrawn: Vec::new(),
                }));
            }
            self.send_with(partner, &messages, Handling::Amber, |tx, _, _| {
                owed.iter()
                    .try_for_each(|row| sql::mark_sent(tx, &peer, &row.reference, &row.digest))?;
                Ok(())
            })?;
            report.encodings_sent += owed.len();
        }
    }

    /// Both sides' encodings of the current epoch, unsealed, for matching: (this node's
    /// as (person ID, reference), the partners' as (partner, reference), their filters,
    /// and which of them are new since the last comparison).
    pub(crate) fn encodings_to_match(&self, current: &CurrentKey) -> Result<[Side; 2], StoreError> {
        let bits = current.schema.filter_bits as usize;
        let own = sql::own_of_epoch(&self.conn, current.epoch)?;
        let partners = sql::partners_of_epoch(&self.conn, current.epoch)?;
        let own = side(&self.vault, bits, own, SEALED_OWN, |s| s.owner.clone())?;
        let partners = side(&self.vault, bits, partners, SEALED_PARTNER, |s| {
            format!("{}/{}", s.owner, s.reference)
        })?;
        Ok([own, partners])
    }
}

/// One side of a comparison: who and what each filter is, the filters, and which are
/// new since the last comparison.
pub(crate) struct Side {
    pub labels: Vec<(String, String)>,
    pub filters: FilterSet,
    pub fresh: Vec<bool>,
    /// What to mark compared once this comparison is recorded: every new encoding (also
    /// those that cannot be compared at all), as (owner, reference, sealed filter). The
    /// sealed bytes tell an encoding replaced meanwhile, which must stay to be compared.
    pub done: Vec<(String, String, Vec<u8>)>,
}

/// Unseals the filters on every core.
fn side(
    vault: &Vault,
    bits: usize,
    rows: Vec<sql::Stored>,
    namespace: &str,
    record: impl Fn(&sql::Stored) -> String + Sync,
) -> Result<Side, StoreError> {
    let opened: Vec<Option<Zeroizing<Vec<u8>>>> = rows
        .par_iter()
        .map(|row| vault.open(namespace, &record(row), &row.filter))
        .collect();
    let mut side = Side {
        labels: Vec::with_capacity(rows.len()),
        filters: FilterSet::with_capacity(bits, rows.len()),
        fresh: Vec::with_capacity(rows.len()),
        done: Vec::new(),
    };
    for (row, plain) in rows.into_iter().zip(opened) {
        let plain = plain.ok_or_else(|| StoreError::Tampered(format!("encoding {}", row.reference)))?;
        if !row.matched {
            side.done.push((row.owner.clone(), row.reference.clone(), row.filter));
        }
        // A partner's filter of another length (a schema it should not have used) is
        // left out rather than compared.
        if plain.len() * 8 != bits {
            continue;
        }
        side.filters.push(&words(&plain));
        side.fresh.push(!row.matched);
        side.labels.push((row.owner, row.reference));
    }
    Ok(side)
}

fn is_shared(person: &Person) -> bool {
    SHARED_ROLES.contains(&person.role)
}

fn words(bytes: &[u8]) -> Vec<u64> {
    bytes
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().expect("chunks of 8")))
        .collect()
}

fn bytes(filter: &[u64]) -> Vec<u8> {
    filter.iter().flat_map(|w| w.to_le_bytes()).collect()
}

fn key_row(vault: &Vault, key: &LinkageKey, schema: &Schema, issued_by: &str) -> sql::KeyRow {
    let epoch = key.epoch();
    sql::KeyRow {
        epoch,
        key: vault.seal(SEALED_KEY, &epoch.to_string(), key.to_file().as_bytes()),
        schema: schema.to_toml(),
        key_check: key.check(),
        issued_by: issued_by.to_string(),
        received_at: sqlite::now(),
    }
}

fn unseal_key(vault: &Vault, row: &sql::KeyRow) -> Result<CurrentKey, StoreError> {
    let tampered = || StoreError::Tampered(format!("linkage key of epoch {}", row.epoch));
    let text = vault
        .open(SEALED_KEY, &row.epoch.to_string(), &row.key)
        .ok_or_else(tampered)?;
    let key = std::str::from_utf8(&text)
        .ok()
        .and_then(|t| LinkageKey::from_file(t).ok())
        .ok_or_else(tampered)?;
    let schema = Schema::from_toml(&row.schema).map_err(|_| tampered())?;
    Ok(CurrentKey {
        epoch: row.epoch,
        key,
        schema,
        issued_by: row.issued_by.clone(),
    })
}

/// Stores a person's encoding if it is new or changed (keeping its reference when it
/// changed); whether it was.
fn store_own(
    tx: &rusqlite::Connection,
    vault: &Vault,
    person_id: &str,
    epoch: u32,
    filter: &[u64],
) -> Result<bool, StoreError> {
    let plain = bytes(filter);
    let digest = Sha256::digest(&plain)[..16].to_vec();
    let reference = match sql::own_encoding(tx, person_id)? {
        Some((_, old)) if old == digest => return Ok(false),
        Some((reference, _)) => reference,
        None => uuid::Uuid::new_v4().simple().to_string(),
    };
    sql::upsert_own(
        tx,
        &sql::OwnRow {
            person_id: person_id.to_string(),
            epoch,
            reference,
            filter: vault.seal(SEALED_OWN, person_id, &plain),
            digest,
        },
    )?;
    Ok(true)
}

fn open_own(vault: &Vault, row: &sql::OwnRow) -> Result<Vec<u64>, StoreError> {
    vault
        .open(SEALED_OWN, &row.person_id, &row.filter)
        .map(|plain| words(&plain))
        .ok_or_else(|| StoreError::Tampered(format!("encoding {}", row.reference)))
}

/// Applies a linkage key from `sender`; `Err` with the reason to reject it.
pub(crate) fn apply_key(
    tx: &rusqlite::Connection,
    vault: &Vault,
    sender: &str,
    grant: &LinkageKeyGrant,
) -> Result<Result<(), String>, StoreError> {
    match sql::coordinator(tx)? {
        Some(coordinator) if coordinator == sender => {}
        Some(_) => return Ok(Err(format!("node {sender} is not this node's linkage coordinator"))),
        None => {
            return Ok(Err(
                "this node has no linkage coordinator; its administrator names one with \
                 `concord network coordinator`"
                    .into(),
            ))
        }
    }
    let key = match LinkageKey::from_file(&grant.key) {
        Ok(key) if key.epoch() == grant.epoch => key,
        Ok(key) => {
            return Ok(Err(format!(
                "the key is of epoch {}, the grant says {}",
                key.epoch(),
                grant.epoch
            )))
        }
        Err(e) => return Ok(Err(format!("the linkage key cannot be read: {e}"))),
    };
    let schema = match Schema::from_toml(&grant.schema) {
        Ok(schema) if schema.key_epoch == grant.epoch => schema,
        Ok(schema) => {
            return Ok(Err(format!(
                "the schema is for key epoch {}, the grant says {}",
                schema.key_epoch, grant.epoch
            )))
        }
        Err(e) => return Ok(Err(format!("the linkage schema cannot be read: {e}"))),
    };
    if let Some(current) = sql::current_key(tx)? {
        if current.epoch >= grant.epoch {
            return Ok(Err(format!(
                "the key of epoch {} is not newer than this node's current epoch {}",
                grant.epoch, current.epoch
            )));
        }
    }
    sql::insert_key(tx, &key_row(vault, &key, &schema, sender))?;
    let detail = format!("epoch {}, key check {}", grant.epoch, key.check());
    audit::record(tx, vault, Event::LinkageKeyReceived.about(sender).detail(&detail))?;
    Ok(Ok(()))
}

/// Stores encodings from `sender` to be compared; `Err` with the reason to reject them.
/// Encodings of an epoch newer than this node's are kept until the key arrives (the
/// coordinator's key may reach a member after another member's encodings do).
pub(crate) fn apply_encodings(
    tx: &rusqlite::Connection,
    vault: &Vault,
    sender: &str,
    encodings: &Encodings,
) -> Result<Result<(), String>, StoreError> {
    let current = sql::current_key(tx)?;
    let mut bits = None;
    if let Some(current) = &current {
        if encodings.epoch < current.epoch {
            return Ok(Err(format!(
                "the encodings are of retired key epoch {}; this node is at epoch {}",
                encodings.epoch, current.epoch
            )));
        }
        if encodings.epoch == current.epoch {
            let schema = unseal_key(vault, current)?.schema;
            if schema.digest() != encodings.schema_digest {
                return Ok(Err(format!(
                    "the encodings were made under schema {}, the network's is {}",
                    encodings.schema_digest,
                    schema.digest()
                )));
            }
            bits = Some(schema.filter_bits);
        }
    }
    for record in &encodings.records {
        let filter = match bits {
            Some(bits) => from_base64(&record.filter, bits),
            None => any_filter(&record.filter),
        };
        let Some(filter) = filter else {
            return Ok(Err(format!(
                "the filter of reference {} is not base64 of a filter of the schema's length",
                record.reference
            )));
        };
        let sealed = vault.seal(
            SEALED_PARTNER,
            &format!("{sender}/{}", record.reference),
            &bytes(&filter),
        );
        sql::upsert_partner(tx, sender, &record.reference, encodings.epoch, &sealed)?;
    }
    for reference in &encodings.withdrawn {
        sql::delete_partner(tx, sender, reference)?;
    }
    Ok(Ok(()))
}

/// A filter of any length a schema allows (64 to 8192 bits, whole words).
fn any_filter(text: &str) -> Option<Vec<u64>> {
    use base64::Engine;
    let plain = base64::engine::general_purpose::STANDARD.decode(text).ok()?;
    (plain.len() % 8 == 0 && (8..=1024).contains(&plain.len())).then(|| words(&plain))
}
