//! Keeping the network's linkage current while `concord serve` runs: every so often the
//! node sends the linkage key to members that lack it (as coordinator), encodes persons
//! added or changed since and queues them for partners, and compares what arrived.
//! Delivery ([`crate::delivery`]) then carries the encodings and hit notices.

use std::time::Duration;

use concord_node::exchange::HitSearch;

use crate::state::AppState;

/// How often the linkage is brought up to date by default.
pub const DEFAULT_LINKAGE_EVERY: Duration = Duration::from_secs(10);

/// Brings the linkage up to date every `every`, until the task is dropped. The
/// comparison itself runs away from the store, so that pages and partners' bundles are
/// answered meanwhile.
pub(crate) async fn run(state: AppState, every: Duration) {
    loop {
        let searched = state
            .with_store(|s| {
                let sync = s.sync_linkage()?;
                Ok((sync, s.hit_search()?))
            })
            .await;
        match searched {
            Ok((sync, search)) => {
                if sync.encoded + sync.keys_sent + sync.withdrawn > 0 {
                    tracing::info!(
                        encoded = sync.encoded,
                        queued = sync.encodings_sent,
                        withdrawn = sync.withdrawn,
                        keys_sent = sync.keys_sent,
                        "encodings brought up to date"
                    );
                }
                if let Some(search) = search {
                    compare(&state, search).await;
                }
            }
            Err(error) => tracing::error!(%error, "cannot bring the linkage up to date"),
        }
        tokio::time::sleep(every).await;
    }
}

/// Runs a comparison on a blocking thread and records what it found.
async fn compare(state: &AppState, search: HitSearch) {
    let Ok(found) = tokio::task::spawn_blocking(move || search.run()).await else {
        tracing::error!("the comparison of encodings failed");
        return;
    };
    match state.with_store(move |s| Ok(s.record_hits_found(found)?)).await {
        Ok(report) => tracing::info!(
            comparisons = report.comparisons,
            new_hits = report.new_hits,
            notices = report.notices_sent,
            "encodings compared"
        ),
        Err(error) => tracing::error!(%error, "cannot record the hits found"),
    }
}
