//! `concord init`: create a node.

use anyhow::{bail, Context};
use concord_core::vocabulary::OrganisationType;
use concord_core::{Country, Role};
use concord_node::users::{NewUser, Username};
use concord_node::{vault, KeySource, NodeSettings, Store};

use crate::cli::NodeArgs;
use crate::exit::Code;
use crate::unlock;

pub fn run(
    node: &NodeArgs,
    name: String,
    country: Country,
    kind: OrganisationType,
    admin: Username,
) -> anyhow::Result<Code> {
    let key = match &node.key_file {
        Some(path) if path.exists() => KeySource::KeyFile(path.clone()),
        Some(path) => {
            vault::create_key_file(path)?;
            println!(
                "Created key file {} — keep it apart from this computer; without it the data cannot be read.",
                path.display()
            );
            KeySource::KeyFile(path.clone())
        }
        None => KeySource::Passphrase(new_passphrase()?),
    };
    let settings = NodeSettings { name, country, kind };
    let mut store = Store::init(&node.data_dir, &settings, &key)
        .with_context(|| format!("creating a node in {}", node.data_dir.display()))?;
    println!(
        "Created node \"{}\" ({}, {}) in {}",
        settings.name,
        settings.country,
        settings.kind,
        node.data_dir.display()
    );
    println!(
        "Node ID: {} (partners confirm it when they add this node's card: `concord peer card`)",
        store.node_id()
    );
    let (user, password) = store.add_user(&NewUser {
        display_name: "Administrator".into(),
        username: admin,
        role: Role::Administrator,
        unit: None,
    })?;
    println!(
        "Administrator `{}`, password: {} (shown this once; keep it safe, or reset it with \
         `concord user reset-password`)",
        user.username,
        password.as_str()
    );
    Ok(Code::Success)
}

/// A new passphrase: from CONCORD_PASSPHRASE, or typed twice.
fn new_passphrase() -> anyhow::Result<zeroize::Zeroizing<String>> {
    let first = unlock::passphrase("New passphrase for the node: ")?;
    if std::env::var("CONCORD_PASSPHRASE").is_err() {
        let second = unlock::passphrase("Type it again: ")?;
        if *first != *second {
            bail!("the two passphrases differ; nothing was created");
        }
    }
    if first.chars().count() < 12 {
        bail!("the passphrase is too short: use at least 12 characters (a few words are easy to remember)");
    }
    Ok(first)
}
