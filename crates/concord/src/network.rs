//! `concord network coordinator | key | status | sync` and `concord hits list | confirm |
//! reject`.

use std::io::Write;

use concord_node::exchange::HitStatus;

use crate::cli::{HitStatusArg, HitsCommand, NetworkCommand};
use crate::exit::Code;
use crate::unlock;

pub fn run(command: NetworkCommand) -> anyhow::Result<Code> {
    let out = &mut std::io::stdout().lock();
    match command {
        NetworkCommand::Coordinator { node, coordinator } => {
            unlock::open(&node)?.set_linkage_coordinator(&coordinator)?;
            writeln!(out, "This node accepts linkage keys from {coordinator} only.")?;
        }
        NetworkCommand::Key { node, schema } => {
            let schema = crate::link::load_schema(schema.as_deref())?;
            let mut store = unlock::open(&node)?;
            let epoch = store.create_linkage_key(Some(schema))?;
            let status = store.linkage_status()?;
            writeln!(
                out,
                "Made the linkage key of epoch {epoch} (check {}). This node coordinates.",
                status.key_check.unwrap_or_default()
            )?;
            writeln!(out, "`concord network sync` sends it to partners allowed `encodings`.")?;
        }
        NetworkCommand::Status { node, json } => {
            let status = unlock::open(&node)?.linkage_status()?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&status)?)?;
                return Ok(Code::Success);
            }
            let or_none = |v: Option<String>| v.unwrap_or_else(|| "none".into());
            writeln!(
                out,
                "coordinator        {}",
                or_none(status.coordinator.map(|c| c.to_string()))
            )?;
            writeln!(
                out,
                "key epoch          {}",
                or_none(status.epoch.map(|e| e.to_string()))
            )?;
            writeln!(out, "key check          {}", or_none(status.key_check))?;
            writeln!(out, "schema digest      {}", or_none(status.schema_digest))?;
            writeln!(out, "own encodings      {}", status.own_encodings)?;
            writeln!(out, "partner encodings  {}", status.partner_encodings)?;
            writeln!(out, "persons waiting    {}", status.pending_persons)?;
            writeln!(
                out,
                "hits               {} new, {} confirmed, {} rejected",
                status.new_hits, status.confirmed_hits, status.rejected_hits
            )?;
        }
        NetworkCommand::Sync { node } => {
            let mut store = unlock::open(&node)?;
            if store.linkage_status()?.epoch.is_none() {
                writeln!(out, "No linkage key yet: nothing to send or compare.")?;
                return Ok(Code::Success);
            }
            let sync = store.sync_linkage()?;
            let found = store.find_hits()?;
            writeln!(
                out,
                "Encoded {} person(s) ({} without a name to encode); queued {} encoding(s) and {} withdrawal(s) \
                 for partners; sent the key to {} partner(s).",
                sync.encoded, sync.unencodable, sync.encodings_sent, sync.withdrawn, sync.keys_sent
            )?;
            writeln!(
                out,
                "Compared {} pair(s): {} new hit(s), {} told to partners.",
                found.comparisons, found.new_hits, found.notices_sent
            )?;
        }
    }
    Ok(Code::Success)
}

pub fn hits(command: HitsCommand) -> anyhow::Result<Code> {
    let out = &mut std::io::stdout().lock();
    let (node, hit, status, reviewer) = match command {
        HitsCommand::List {
            node,
            status,
            limit,
            json,
        } => {
            let hits = unlock::open(&node)?.hits(status.map(hit_status), limit)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&hits)?)?;
                return Ok(Code::Success);
            }
            for h in &hits {
                writeln!(
                    out,
                    "{:>6} {:<31} {:<20} score {:.3} {:<9} partner's ref {}",
                    h.id,
                    h.peer,
                    h.person_id,
                    h.score,
                    h.status.as_str(),
                    h.partner_reference
                )?;
            }
            return Ok(Code::Success);
        }
        HitsCommand::Confirm { node, hit, reviewer } => (node, hit, HitStatus::Confirmed, reviewer),
        HitsCommand::Reject { node, hit, reviewer } => (node, hit, HitStatus::Rejected, reviewer),
    };
    let reviewed = unlock::open(&node)?.review_hit(hit, status, &reviewer)?;
    writeln!(out, "Hit {} is now {}.", reviewed.id, reviewed.status.as_str())?;
    Ok(Code::Success)
}

fn hit_status(arg: HitStatusArg) -> HitStatus {
    match arg {
        HitStatusArg::New => HitStatus::New,
        HitStatusArg::Confirmed => HitStatus::Confirmed,
        HitStatusArg::Rejected => HitStatus::Rejected,
    }
}
