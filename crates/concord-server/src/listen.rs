//! Where the API may listen, and serving until the node is told to stop.

use std::net::SocketAddr;

use concord_node::Store;

use crate::delivery::DeliveryOptions;
use crate::{router_with_state, AppState};

/// Why the API could not be served.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// An address other than loopback: refused while there is no sign-in.
    #[error(
        "refusing to listen on {0}: the API has no sign-in yet, so it must be reachable only from this \
         computer. Use a loopback address such as 127.0.0.1:{port} or [::1]:{port}. Listening on a network \
         address becomes possible once sign-in exists, in a later version of Concord",
        port = .0.port()
    )]
    NotLoopback(SocketAddr),
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

/// Accepts loopback addresses only: 127.0.0.0/8 and ::1.
///
/// Sign-in does not exist yet, so the API must not be reachable from the network.
pub fn check_listen_address(addr: &SocketAddr) -> Result<(), ServeError> {
    if addr.ip().is_loopback() {
        Ok(())
    } else {
        Err(ServeError::NotLoopback(*addr))
    }
}

/// Serves the API on `addr` until ctrl-c or SIGTERM, then finishes the requests in
/// flight and returns.
///
/// Refuses any non-loopback address with a clear error (sign-in does not exist yet, so
/// the API must not be reachable from the network).
///
/// While it serves, it pushes the outbox to partners ([`crate::delivery`]).
pub async fn serve(store: Store, addr: SocketAddr, delivery: DeliveryOptions) -> Result<(), ServeError> {
    check_listen_address(&addr)?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    let local = listener.local_addr()?;
    tracing::info!(%local, "serving the Concord API on http://{local}/api/v1");
    let state = AppState::new(store);
    let pushing = tokio::spawn(crate::delivery::run(state.clone(), delivery));
    let served = axum::serve(listener, router_with_state(state))
        .with_graceful_shutdown(shutdown_signal())
        .await;
    pushing.abort();
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
