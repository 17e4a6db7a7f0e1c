//! `concord audit list` and `concord audit verify`.

use std::io::Write;

use concord_node::audit::AuditFilter;

use crate::cli::AuditCommand;
use crate::exit::Code;
use crate::unlock;

pub fn run(command: AuditCommand) -> anyhow::Result<Code> {
    let out = &mut std::io::stdout().lock();
    match command {
        AuditCommand::List {
            node,
            limit,
            event,
            actor,
            json,
        } => {
            let filter = AuditFilter {
                event,
                actor,
                ..AuditFilter::default()
            };
            let entries = unlock::open(&node)?.audit_trail(&filter, limit)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&entries)?)?;
                return Ok(Code::Success);
            }
            for e in &entries {
                let field = |v: &Option<String>| v.clone().unwrap_or_default();
                writeln!(
                    out,
                    "{:>6} {} {:<28} {:<16} {:<31} {:<12} {:<36} {:>7} {}",
                    e.seq,
                    e.at,
                    e.event,
                    field(&e.actor),
                    field(&e.peer),
                    field(&e.kind),
                    field(&e.message_id),
                    e.size.map_or(String::new(), |s| s.to_string()),
                    field(&e.detail)
                )?;
            }
        }
        AuditCommand::Verify { node } => {
            let check = unlock::open(&node)?.verify_audit()?;
            match check.broken {
                None => writeln!(out, "The audit trail is intact: {} entries checked.", check.entries)?,
                Some(broken) => {
                    writeln!(
                        out,
                        "THE AUDIT TRAIL WAS TAMPERED WITH: {broken} ({} entries read).",
                        check.entries
                    )?;
                    return Ok(Code::Error);
                }
            }
        }
    }
    Ok(Code::Success)
}
