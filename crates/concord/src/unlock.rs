//! Finding the key that unlocks a node: a key file, or a passphrase from the environment
//! or typed at a prompt.

use anyhow::{bail, Context};
use concord_node::{KeySource, Store};
use zeroize::Zeroizing;

use crate::cli::NodeArgs;

/// The environment variable a passphrase may come from (for scripts and services).
const PASSPHRASE_ENV: &str = "CONCORD_PASSPHRASE";

/// The key source for an existing node.
pub fn key_source(node: &NodeArgs) -> anyhow::Result<KeySource> {
    if let Some(path) = &node.key_file {
        return Ok(KeySource::KeyFile(path.clone()));
    }
    passphrase("Passphrase of the node: ").map(KeySource::Passphrase)
}

/// Reads a passphrase from CONCORD_PASSPHRASE, or asks on the terminal.
pub fn passphrase(prompt: &str) -> anyhow::Result<Zeroizing<String>> {
    if let Ok(value) = std::env::var(PASSPHRASE_ENV) {
        return Ok(Zeroizing::new(value));
    }
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        bail!("no key: give --key-file, or set {PASSPHRASE_ENV}, or run in a terminal to type the passphrase");
    }
    Ok(Zeroizing::new(
        rpassword::prompt_password(prompt).context("reading the passphrase")?,
    ))
}

/// Opens the node named by `node`.
pub fn open(node: &NodeArgs) -> anyhow::Result<Store> {
    let key = key_source(node)?;
    Store::open(&node.data_dir, &key).with_context(|| format!("opening the node in {}", node.data_dir.display()))
}
