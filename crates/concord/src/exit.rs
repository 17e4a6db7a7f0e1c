//! Exit codes that scripts can rely on (listed in `concord --help`).

use concord_node::exchange::ExchangeError;
use concord_node::interchange::ImportError;
use concord_node::{KeyError, StoreError};

/// How the process ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// Everything asked was done.
    Success = 0,
    /// An error not covered below.
    Error = 1,
    /// Input rejected: nothing was imported.
    Rejected = 3,
    /// Imported, but some rows were rejected.
    Partial = 4,
    /// The key does not unlock the node.
    Key = 5,
    /// The database is locked by another process.
    Locked = 6,
}

impl From<Code> for std::process::ExitCode {
    fn from(code: Code) -> Self {
        Self::from(code as u8)
    }
}

/// The exit code for an error, from its cause.
pub fn code_for(error: &anyhow::Error) -> Code {
    for cause in error.chain() {
        if let Some(e) = cause.downcast_ref::<StoreError>() {
            return store_code(e);
        }
        if cause.downcast_ref::<KeyError>().is_some() {
            return Code::Key;
        }
        if let Some(e) = cause.downcast_ref::<ExchangeError>() {
            return exchange_code(e);
        }
        match cause.downcast_ref::<ImportError>() {
            Some(ImportError::File { .. }) => return Code::Rejected,
            // `Store` is transparent: the chain goes past the store error without showing it.
            Some(ImportError::Store(e)) => return store_code(e),
            _ => {}
        }
    }
    Code::Error
}

fn exchange_code(error: &ExchangeError) -> Code {
    match error {
        ExchangeError::Store(e) => store_code(e),
        ExchangeError::Bundle(_)
        | ExchangeError::Envelope { .. }
        | ExchangeError::NotForThisNode { .. }
        | ExchangeError::UnknownSender(_)
        | ExchangeError::MixedSenders { .. } => Code::Rejected,
        _ => Code::Error,
    }
}

fn store_code(error: &StoreError) -> Code {
    match error {
        StoreError::Key(_) => Code::Key,
        StoreError::Locked(_) => Code::Locked,
        _ => Code::Error,
    }
}

/// Whether the error is only that the reader of our output went away (`concord … | head`),
/// which is not a failure.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
