//! The node's own keys: made once, kept sealed under the data key, and the card that
//! tells partners about them.

use concord_exchange::{Identity, NodeCard, NodeId, PublicKeys};
use rusqlite::Connection;

use crate::store::sqlite::exchange::{self as sql, KeyRow};
use crate::vault::Vault;
use crate::{Store, StoreError};

const SEALED_KEYS: &str = "node.identity";

/// The node's keys: unsealed from the store, or made now if the node has none yet (a new
/// node, or one created before the exchange existed).
pub(crate) fn load_or_create(conn: &Connection, vault: &Vault) -> Result<Identity, StoreError> {
    if sql::read_keys(conn)?.is_none() {
        let identity = Identity::generate(&mut rand::rngs::OsRng);
        let node_id = identity.node_id().to_string();
        sql::write_keys(
            conn,
            &KeyRow {
                sealed_secret: vault.seal(SEALED_KEYS, &node_id, identity.secret_bytes().as_ref()),
                public_keys: identity.public().to_bytes().to_vec(),
                node_id,
            },
        )?;
    }
    let row = sql::read_keys(conn)?.ok_or_else(|| StoreError::Tampered("the node's exchange keys".into()))?;
    unseal(vault, &row)
}

fn unseal(vault: &Vault, row: &KeyRow) -> Result<Identity, StoreError> {
    let tampered = || StoreError::Tampered("the node's exchange keys".into());
    let secret = vault
        .open(SEALED_KEYS, &row.node_id, &row.sealed_secret)
        .ok_or_else(tampered)?;
    let identity = Identity::from_secret_bytes(&secret).map_err(|_| tampered())?;
    if identity.node_id().to_string() != row.node_id || identity.public().to_bytes().as_slice() != row.public_keys {
        return Err(tampered());
    }
    Ok(identity)
}

impl Store {
    /// This node's ID: the fingerprint of its public keys, read aloud to partners.
    pub fn node_id(&self) -> NodeId {
        self.identity.node_id()
    }

    /// This node's public keys.
    pub fn public_keys(&self) -> PublicKeys {
        self.identity.public()
    }

    /// Where partners reach this node's exchange API, if set.
    pub fn endpoint(&self) -> Result<Option<String>, StoreError> {
        sql::read_endpoint(&self.conn)
    }

    /// Sets (or clears) where partners reach this node; it goes on the next card.
    pub fn set_endpoint(&mut self, endpoint: Option<&str>) -> Result<(), StoreError> {
        sql::write_endpoint(&self.conn, endpoint)
    }

    /// This node's card, signed, as text to hand to a partner.
    pub fn card(&self) -> Result<String, crate::exchange::ExchangeError> {
        let settings = self.settings()?;
        let card = NodeCard::new(
            &self.identity,
            settings.name,
            settings.country,
            settings.kind,
            self.endpoint()?,
            chrono::Utc::now(),
        );
        Ok(card.sign(&self.identity)?)
    }
}
