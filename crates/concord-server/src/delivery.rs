//! Pushing the outbox to partners over HTTP, while `concord serve` runs or once with
//! `concord deliver`.
//!
//! Each pass takes, for every partner with messages due, a signed bundle of the oldest
//! of them and posts it to the partner's endpoint. The answer is the partner's return
//! bundle, which goes through [`Store::receive_bundle`] like any other bundle: its
//! receipt settles the messages. Anything else — no answer, an error status, an answer
//! that does not verify — leaves the messages pending and schedules the next attempt
//! with back-off and jitter ([`Backoff`]).
//!
//! [`Store::receive_bundle`]: concord_node::Store::receive_bundle

use std::time::Duration;

use concord_node::exchange::{Backoff, OutgoingBundle, Via};

use crate::error::ApiError;
use crate::exchange::BUNDLE_MEDIA_TYPE;
use crate::state::AppState;

/// How the outbox is pushed.
#[derive(Debug, Clone, Copy)]
pub struct DeliveryOptions {
    /// Waits between failed attempts.
    pub backoff: Backoff,
    /// Most messages in one HTTP request.
    pub batch: usize,
    /// How long to wait for a partner's answer.
    pub timeout: Duration,
    /// How often an idle loop looks for new messages (e.g. queued by `concord send`).
    pub poll: Duration,
    /// Bundles in flight at once to one partner: while the partner checks one, it can
    /// be applying another and we can be settling a third.
    pub parallel: usize,
}

/// How long past the answer's timeout a push keeps its messages leased.
const LEASE_MARGIN: Duration = Duration::from_secs(30);

impl Default for DeliveryOptions {
    fn default() -> Self {
        Self {
            backoff: Backoff::default(),
            batch: 500,
            timeout: Duration::from_secs(30),
            poll: Duration::from_secs(1),
            parallel: 2,
        }
    }
}

/// What one pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    /// Messages still pending after the pass, for every partner (counted by
    /// [`deliver_pending`] only).
    pub pending: u64,
    /// Bundles posted.
    pub bundles: usize,
    /// Messages the partners' receipts settled as delivered.
    pub delivered: usize,
    /// Messages the partners' receipts settled as rejected.
    pub rejected: usize,
    /// Messages whose push failed and wait for another attempt.
    pub failed: usize,
}

/// One pass: pushes every partner's due messages, several bundles at a time.
pub async fn deliver_due(state: &AppState, client: &reqwest::Client, options: &DeliveryOptions) -> DeliveryReport {
    let now = chrono::Utc::now().timestamp_millis();
    let lease_until = now + i64::try_from((options.timeout + LEASE_MARGIN).as_millis()).unwrap_or(i64::MAX / 2);
    let (batch, parallel) = (options.batch, options.parallel);
    let bundles = match state
        .with_store(move |s| Ok(s.take_due(now, batch, parallel, lease_until)?))
        .await
    {
        Ok(bundles) => bundles,
        Err(error) => {
            tracing::error!(%error, "cannot read the outbox");
            return DeliveryReport::default();
        }
    };
    let mut pushes = tokio::task::JoinSet::new();
    for bundle in bundles {
        let (state, client) = (state.clone(), client.clone());
        pushes.spawn(async move {
            let outcome = push(&state, &client, &bundle).await;
            (bundle, outcome)
        });
    }
    let mut report = DeliveryReport::default();
    while let Some(joined) = pushes.join_next().await {
        let Ok((bundle, outcome)) = joined else {
            tracing::error!("a push task failed");
            continue;
        };
        report.bundles += 1;
        match outcome {
            Ok((delivered, rejected)) => {
                tracing::info!(partner = %bundle.recipient, delivered, rejected, "bundle delivered");
                report.delivered += delivered;
                report.rejected += rejected;
            }
            Err(error) => {
                tracing::warn!(partner = %bundle.recipient, messages = bundle.messages.len(), %error, "push failed");
                report.failed += bundle.messages.len();
                let backoff = options.backoff;
                let recorded = state
                    .with_store(move |s| Ok(s.record_failed_push(&bundle, &error, &backoff)?))
                    .await;
                if let Err(error) = recorded {
                    tracing::error!(%error, "cannot record a failed push");
                }
            }
        }
    }
    report
}

/// One pass after making every pending message due, whatever its back-off: what an
/// operator asks for by hand with `concord deliver`. Counts what is still pending after.
pub async fn deliver_pending(state: &AppState, client: &reqwest::Client, options: &DeliveryOptions) -> DeliveryReport {
    if let Err(error) = state.with_store(|s| Ok(s.retry_now()?)).await {
        tracing::error!(%error, "cannot read the outbox");
    }
    let mut report = deliver_due(state, client, options).await;
    let counts = state.with_store(|s| Ok(s.outbox_counts()?)).await;
    report.pending = counts.map_or(0, |c| c.iter().map(|p| p.pending).sum());
    report
}

/// Posts one bundle and applies the receipt that comes back: (delivered, rejected).
async fn push(state: &AppState, client: &reqwest::Client, bundle: &OutgoingBundle) -> Result<(usize, usize), String> {
    let endpoint = bundle
        .endpoint
        .as_deref()
        .ok_or("the partner's card names no endpoint; carry the messages in a bundle file")?;
    let url = format!("{}/api/v1/exchange/bundles", endpoint.trim_end_matches('/'));
    let response = client
        .post(&url)
        .header(reqwest::header::CONTENT_TYPE, BUNDLE_MEDIA_TYPE)
        .body(bundle.bytes.clone())
        .send()
        .await
        .map_err(|e| format!("partner unreachable at {endpoint}: {}", describe(&e)))?;
    let status = response.status();
    let body = response
        .bytes()
        .await
        .map_err(|e| format!("the partner's answer broke off: {}", describe(&e)))?;
    if status != reqwest::StatusCode::OK {
        return Err(format!("the partner answered {status}: {}", error_message(&body)));
    }
    let received = state
        .with_store(move |s| Ok(s.receive_bundle(&body, Via::Http)?))
        .await
        .map_err(|e: ApiError| format!("the partner's receipt was refused: {e}"))?;
    Ok((received.delivered, received.refused))
}

/// The `message` of a JSON error body, or a note that there was none.
fn error_message(body: &[u8]) -> String {
    serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("message").and_then(|m| m.as_str()).map(str::to_owned))
        .unwrap_or_else(|| "(no explanation given)".into())
}

/// A client error with its causes (the URL is the partner's endpoint, never personal).
fn describe(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text = format!("{text}: {cause}");
        source = cause.source();
    }
    text
}

/// Pushes due messages until the task is dropped: passes back to back while there is
/// work, otherwise a pause until the next message falls due (at most `poll`).
pub(crate) async fn run(state: AppState, options: DeliveryOptions) {
    let client = match delivery_client(&options) {
        Ok(client) => client,
        Err(error) => {
            tracing::error!(%error, "cannot start delivery to partners");
            return;
        }
    };
    loop {
        let report = deliver_due(&state, &client, &options).await;
        if report.delivered + report.rejected > 0 {
            continue;
        }
        let next = state.with_store(|s| Ok(s.next_due_ms()?)).await.ok().flatten();
        let now = chrono::Utc::now().timestamp_millis();
        let poll = options.poll.as_millis() as i64;
        let wait = next.map_or(poll, |due| (due - now).clamp(10, poll));
        tokio::time::sleep(Duration::from_millis(wait as u64)).await;
    }
}

/// A client for [`deliver_due`].
pub fn delivery_client(options: &DeliveryOptions) -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder().timeout(options.timeout).build()
}
