//! Keeping the network's linkage current while `concord serve` runs: every so often the
//! node sends the linkage key to members that lack it (as coordinator), encodes persons
//! added or changed since and queues them for partners, and compares what arrived.
//! Delivery ([`crate::delivery`]) then carries the encodings and hit notices.

use std::time::Duration;

use crate::state::AppState;

/// How often the linkage is brought up to date by default.
pub const DEFAULT_LINKAGE_EVERY: Duration = Duration::from_secs(10);

/// Brings the linkage up to date every `every`, until the task is dropped.
pub(crate) async fn run(state: AppState, every: Duration) {
    loop {
        let done = state
            .with_store(|s| {
                let sync = s.sync_linkage()?;
                let found = s.find_hits()?;
                Ok((sync, found))
            })
            .await;
        match done {
            Ok((sync, found)) if sync.encoded + sync.keys_sent + found.new_hits > 0 => tracing::info!(
                encoded = sync.encoded,
                queued = sync.encodings_sent,
                withdrawn = sync.withdrawn,
                keys_sent = sync.keys_sent,
                comparisons = found.comparisons,
                new_hits = found.new_hits,
                "linkage brought up to date"
            ),
            Ok(_) => {}
            Err(error) => tracing::error!(%error, "cannot bring the linkage up to date"),
        }
        tokio::time::sleep(every).await;
    }
}
