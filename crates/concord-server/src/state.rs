//! What every handler shares: the node's store, the clock used for validation, the
//! host names the node answers to, and the sign-in throttle.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use chrono::NaiveDate;
use concord_node::Store;

use crate::auth::SignInThrottle;
use crate::error::ApiError;

/// The state behind the router: the store, behind a lock, and where "today" comes from.
///
/// The store is synchronous (SQLite), so every call to it runs on tokio's blocking pool
/// through `AppState::with_store`, never on the async workers.
#[derive(Clone)]
pub struct AppState {
    store: Arc<Mutex<Store>>,
    today: fn() -> NaiveDate,
    hosts: Arc<[String]>,
    node_name: Arc<str>,
    pub(crate) sign_ins: SignInThrottle,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").finish_non_exhaustive()
    }
}

impl AppState {
    /// State for `store`, validating against the local calendar date.
    pub fn new(store: Store) -> Self {
        Self::with_today(store, local_today)
    }

    /// State for `store` with another notion of today (tests, replays).
    pub fn with_today(store: Store, today: fn() -> NaiveDate) -> Self {
        let node_name = store.settings().map_or_else(|_| String::new(), |s| s.name);
        Self {
            store: Arc::new(Mutex::new(store)),
            today,
            hosts: Arc::new([]),
            node_name: node_name.into(),
            sign_ins: SignInThrottle::default(),
        }
    }

    /// The same state, answering also to requests addressed to `hosts` (the names by
    /// which users reach a node that listens beyond loopback).
    pub fn with_hosts(mut self, hosts: Vec<String>) -> Self {
        self.hosts = hosts.into_iter().map(|h| h.to_ascii_lowercase()).collect();
        self
    }

    /// The node's name, as its pages show it.
    pub(crate) fn node_name(&self) -> &str {
        &self.node_name
    }

    /// Host names, besides loopback, that requests may be addressed to.
    pub(crate) fn hosts(&self) -> &[String] {
        &self.hosts
    }

    /// Today's date, the bound for every date a record holds.
    pub fn today(&self) -> NaiveDate {
        (self.today)()
    }

    /// The store, locked, for callers outside the server's handlers (the command line,
    /// tests) that work on the node while it serves. Never call it from async code.
    pub fn lock_store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `work` on the store, holding the lock for all of it, on the blocking pool.
    pub(crate) async fn with_store<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || {
            // A panic while the lock was held left no half-written data: every write is
            // one SQLite transaction, rolled back when it is dropped unfinished.
            let mut store = store.lock().unwrap_or_else(PoisonError::into_inner);
            work(&mut store)
        })
        .await
        .unwrap_or_else(|_| {
            tracing::error!("a store task panicked");
            Err(ApiError::Internal)
        })
    }
}

fn local_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
