//! A Concord node: its data folder, its encrypted store, and the work done on it
//! (import, export, statistics, the exchange with partner nodes, users, the audit trail).
//!
//! A node is complete on its own: it keeps running on a laptop in a field office with
//! nothing else installed. Identifying data is sealed at rest under a data key that only
//! the node's passphrase or key file unlocks ([`vault`]), so a copy of the data folder
//! taken from a seized laptop reveals no name, identifier, contact detail or narrative.

pub mod access;
pub mod audit;
pub mod exchange;
pub mod interchange;
pub mod sessions;
pub mod store;
pub mod users;
pub mod vault;

pub use store::{NodeSettings, Store, StoreError};
pub use vault::{KeyError, KeySource};
