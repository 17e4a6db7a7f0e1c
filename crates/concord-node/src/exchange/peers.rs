//! Partners: the nodes this node exchanges with, each added from its signed card after
//! its fingerprint was confirmed out of band, each with a sharing agreement.

use std::collections::BTreeSet;
use std::fmt;

use concord_exchange::{Category, NodeCard, NodeId};
use serde::Serialize;

use super::{stored_node_id, ExchangeError};
use crate::audit::{self, Event};
use crate::store::sqlite::{self, exchange as sql};
use crate::{Store, StoreError};

/// What may travel between this node and one partner, by category of data, each way.
///
/// Nothing is allowed until the administrators of both nodes say so: a new partner
/// starts with an empty agreement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Agreement {
    /// Categories this node may send to the partner.
    pub send: BTreeSet<Category>,
    /// Categories this node accepts from the partner.
    pub receive: BTreeSet<Category>,
}

impl Agreement {
    fn encode(set: &BTreeSet<Category>) -> String {
        set.iter().map(ToString::to_string).collect::<Vec<_>>().join(";")
    }

    fn decode(text: &str, peer: &str) -> Result<BTreeSet<Category>, StoreError> {
        text.split(';')
            .filter(|c| !c.is_empty())
            .map(|c| {
                c.parse()
                    .map_err(|_| StoreError::Tampered(format!("the agreement with {peer}")))
            })
            .collect()
    }

    /// A list of categories as people read it: `notices, case-summaries`, or `nothing`.
    pub fn describe(set: &BTreeSet<Category>) -> String {
        if set.is_empty() {
            "nothing".into()
        } else {
            set.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
        }
    }
}

impl fmt::Display for Agreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "send {}; receive {}",
            Self::describe(&self.send),
            Self::describe(&self.receive)
        )
    }
}

/// A partner node.
#[derive(Debug, Clone)]
pub struct Peer {
    /// The partner's card: ID, name, country, kind, keys, endpoint.
    pub card: NodeCard,
    /// When it was added (RFC 3339).
    pub added_at: String,
    /// What may travel each way.
    pub agreement: Agreement,
}

fn peer_from_row(row: sql::PeerRow) -> Result<Peer, StoreError> {
    let card = NodeCard::from_text(&row.card).map_err(|_| StoreError::Tampered(format!("card of {}", row.node_id)))?;
    if card.node_id != stored_node_id(&row.node_id)? {
        return Err(StoreError::Tampered(format!("card of {}", row.node_id)));
    }
    Ok(Peer {
        agreement: Agreement {
            send: Agreement::decode(&row.send_categories, &row.node_id)?,
            receive: Agreement::decode(&row.receive_categories, &row.node_id)?,
        },
        added_at: row.added_at,
        card,
    })
}

impl Store {
    /// Adds the partner whose signed card is `card_text`, if `confirm` — the node ID the
    /// partner read out over another channel — is the card's. Adding a newer card of a
    /// known partner updates its name and endpoint and keeps its agreement.
    pub fn add_peer(&mut self, card_text: &str, confirm: &NodeId) -> Result<Peer, ExchangeError> {
        let card = NodeCard::from_text(card_text)?;
        if card.node_id != *confirm {
            return Err(ExchangeError::FingerprintMismatch {
                given: *confirm,
                card: card.node_id,
            });
        }
        if card.node_id == self.node_id() {
            return Err(ExchangeError::SelfPeer(card.node_id));
        }
        let id = card.node_id.to_string();
        self.transaction(|tx, vault| {
            let existing = sql::get_peer(tx, &id)?.map(peer_from_row).transpose()?;
            if existing.as_ref().is_some_and(|p| p.card.issued_at > card.issued_at) {
                return Err(ExchangeError::StaleCard(card.node_id));
            }
            sql::upsert_peer(
                tx,
                &sql::PeerRow {
                    node_id: id.clone(),
                    card: card_text.split_whitespace().collect(),
                    added_at: sqlite::now(),
                    send_categories: String::new(),
                    receive_categories: String::new(),
                },
            )?;
            let event = if existing.is_some() {
                Event::PeerUpdated
            } else {
                Event::PeerAdded
            };
            audit::record(tx, vault, event.about(&id))?;
            Ok(())
        })?;
        self.peer(&card.node_id)?
            .ok_or(ExchangeError::UnknownPeer(card.node_id))
    }

    /// One partner.
    pub fn peer(&self, id: &NodeId) -> Result<Option<Peer>, StoreError> {
        sql::get_peer(&self.conn, &id.to_string())?
            .map(peer_from_row)
            .transpose()
    }

    /// Every partner, by name.
    pub fn peers(&self) -> Result<Vec<Peer>, StoreError> {
        let mut peers = sql::list_peers(&self.conn)?
            .into_iter()
            .map(peer_from_row)
            .collect::<Result<Vec<_>, _>>()?;
        peers.sort_by(|a, b| a.card.name.cmp(&b.card.name));
        Ok(peers)
    }

    /// Replaces the sharing agreement with a partner.
    pub fn set_agreement(&mut self, id: &NodeId, agreement: &Agreement) -> Result<(), ExchangeError> {
        let peer = id.to_string();
        self.transaction(|tx, vault| {
            let send = Agreement::encode(&agreement.send);
            let receive = Agreement::encode(&agreement.receive);
            if !sql::set_agreement(tx, &peer, &send, &receive)? {
                return Err(ExchangeError::UnknownPeer(*id));
            }
            audit::record(
                tx,
                vault,
                Event::AgreementChanged.about(&peer).detail(&agreement.to_string()),
            )?;
            Ok(())
        })
    }

    /// The partner `id`, or an error naming it.
    pub fn known_peer(&self, id: &NodeId) -> Result<Peer, ExchangeError> {
        self.peer(id)?.ok_or(ExchangeError::UnknownPeer(*id))
    }
}
