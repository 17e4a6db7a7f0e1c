//! `concord peer card | add | list | agreement`.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use concord_node::exchange::Agreement;

use crate::cli::{Categories, PeerCommand};
use crate::exit::Code;
use crate::unlock;

pub fn run(command: PeerCommand) -> anyhow::Result<Code> {
    let out = &mut std::io::stdout().lock();
    match command {
        PeerCommand::Card { node, endpoint, output } => {
            let mut store = unlock::open(&node)?;
            if let Some(endpoint) = endpoint {
                check_endpoint(&endpoint)?;
                store.set_endpoint(Some(&endpoint))?;
            }
            let card = store.card()?;
            if let Some(path) = output {
                crate::files::write_new(&path, format!("{card}\n").as_bytes())?;
                writeln!(out, "Card written to {}", path.display())?;
            }
            let settings = store.settings()?;
            writeln!(out, "Node ID:  {}", store.node_id())?;
            writeln!(
                out,
                "Name:     {} ({}, {})",
                settings.name, settings.country, settings.kind
            )?;
            match store.endpoint()? {
                Some(endpoint) => writeln!(out, "Endpoint: {endpoint}")?,
                None => writeln!(
                    out,
                    "Endpoint: none (partners can only exchange bundle files; set one with --endpoint)"
                )?,
            }
            writeln!(
                out,
                "\nRead the node ID aloud to your partner by phone or in person; they add this card with\n\
                 `concord peer add CARD --confirm <node ID>`.\n\n{card}"
            )?;
        }
        PeerCommand::Add {
            node,
            card,
            confirm,
            send,
            receive,
        } => {
            let text = read_card(&card)?;
            let mut store = unlock::open(&node)?;
            let peer = store.add_peer(&text, &confirm)?;
            let agreement = updated(&peer.agreement, send, receive);
            if agreement != peer.agreement {
                store.set_agreement(&peer.card.node_id, &agreement)?;
            }
            writeln!(
                out,
                "Added partner {} — {} ({}, {})",
                peer.card.node_id, peer.card.name, peer.card.country, peer.card.kind
            )?;
            writeln!(out, "Agreement: {agreement}")?;
        }
        PeerCommand::List { node, json } => {
            let store = unlock::open(&node)?;
            let peers = store.peers()?;
            if json {
                let rows: Vec<_> = peers
                    .iter()
                    .map(|p| {
                        serde_json::json!({
                            "node_id": p.card.node_id,
                            "name": p.card.name,
                            "country": p.card.country.code(),
                            "kind": p.card.kind.to_string(),
                            "endpoint": p.card.endpoint,
                            "added_at": p.added_at,
                            "agreement": p.agreement,
                        })
                    })
                    .collect();
                writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
                return Ok(Code::Success);
            }
            if peers.is_empty() {
                writeln!(out, "No partners yet: add one with `concord peer add`.")?;
            }
            for p in &peers {
                writeln!(
                    out,
                    "{}  {} ({}, {})",
                    p.card.node_id, p.card.name, p.card.country, p.card.kind
                )?;
                writeln!(
                    out,
                    "    endpoint {}; {}",
                    p.card.endpoint.as_deref().unwrap_or("none"),
                    p.agreement
                )?;
            }
        }
        PeerCommand::Agreement {
            node,
            peer,
            send,
            receive,
        } => {
            let mut store = unlock::open(&node)?;
            let current = store.known_peer(&peer)?;
            let agreement = updated(&current.agreement, send, receive);
            store.set_agreement(&peer, &agreement)?;
            writeln!(out, "Agreement with {} ({}): {agreement}", peer, current.card.name)?;
        }
    }
    Ok(Code::Success)
}

/// `current` with the directions given replaced.
fn updated(current: &Agreement, send: Option<Categories>, receive: Option<Categories>) -> Agreement {
    Agreement {
        send: send.map_or_else(|| current.send.clone(), |c| c.0),
        receive: receive.map_or_else(|| current.receive.clone(), |c| c.0),
    }
}

/// The card text: the argument itself if it is a card, else the file it names.
fn read_card(argument: &str) -> anyhow::Result<String> {
    if argument.trim_start().starts_with("concord-card-") {
        return Ok(argument.to_string());
    }
    let path = Path::new(argument);
    std::fs::read_to_string(path).with_context(|| {
        format!(
            "reading the card file {} (give a card file, or the card text starting with `concord-card-`)",
            path.display()
        )
    })
}

fn check_endpoint(endpoint: &str) -> anyhow::Result<()> {
    if endpoint.starts_with("http://") || endpoint.starts_with("https://") {
        Ok(())
    } else {
        anyhow::bail!("the endpoint {endpoint:?} must be a URL starting with http:// or https://")
    }
}
