//! Where the API may listen, and serving until the node is told to stop.

use std::net::SocketAddr;

use concord_node::Store;

use crate::delivery::DeliveryOptions;
use crate::{router_with_state, AppState};

/// Why the API could not be served.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// An address other than loopback, without the host names users reach it by.
    #[error(
        "refusing to listen on {0} without knowing the name users reach the node by: give it with \
         --host (for example --host concord.unit.example), and put a TLS proxy in front of the node \
         (browsers keep the session cookie only over HTTPS); or listen on loopback (127.0.0.1:{port})",
        port = .0.port()
    )]
    NoHostName(SocketAddr),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source} (is another program using this port?)")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The cause.
        source: std::io::Error,
    },
    /// Serving failed after it started.
    #[error("serving the API failed: {0}")]
    Io(#[from] std::io::Error),
}

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// How to push the outbox.
    pub delivery: DeliveryOptions,
    /// Host names users reach the node by, besides loopback (needed to listen beyond it).
    pub hosts: Vec<String>,
    /// How often the network linkage is brought up to date ([`crate::linkage`]).
    pub linkage_every: std::time::Duration,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self {
            delivery: DeliveryOptions::default(),
            hosts: Vec::new(),
            linkage_every: crate::linkage::DEFAULT_LINKAGE_EVERY,
        }
    }
}

/// Accepts a loopback address (127.0.0.0/8, ::1) always, and any other address only with
/// the host names users reach it by: the node then answers requests for those names.
pub fn check_listen_address(addr: &SocketAddr, hosts: &[String]) -> Result<(), ServeError> {
    if addr.ip().is_loopback() || !hosts.is_empty() {
        Ok(())
    } else {
        Err(ServeError::NoHostName(*addr))
    }
}

/// Serves the API and web pages on `addr` until ctrl-c or SIGTERM, then finishes the
/// requests in flight and returns. While it serves, it pushes the outbox to partners
/// ([`crate::delivery`]) and keeps the network linkage current ([`crate::linkage`]).
pub async fn serve(store: Store, addr: SocketAddr, options: ServeOptions) -> Result<(), ServeError> {
    check_listen_address(&addr, &options.hosts)?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    let local = listener.local_addr()?;
    tracing::info!(%local, "serving the Concord node on http://{local}/ (API under /api/v1)");
    let state = AppState::new(store).with_hosts(options.hosts);
    let pushing = tokio::spawn(crate::delivery::run(state.clone(), options.delivery));
    let linking = tokio::spawn(crate::linkage::run(state.clone(), options.linkage_every));
    let app = router_with_state(state).into_make_service_with_connect_info::<SocketAddr>();
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await;
    pushing.abort();
    linking.abort();
    served?;
    tracing::info!("the Concord API has stopped");
    Ok(())
}

/// Resolves on ctrl-c or (on Unix) SIGTERM. A signal that cannot be watched never fires,
/// rather than stopping the server at once.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("stop requested; finishing requests in flight");
}
