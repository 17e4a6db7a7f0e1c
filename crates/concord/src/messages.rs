//! `concord send`, `concord outbox`, `concord inbox` and `concord deliver`.

use std::io::Write;

use anyhow::Context;
use concord_exchange::payload::{CaseSummary, Notice};
use concord_exchange::Kind;
use concord_node::exchange::{Message, OutboxEntry};

use crate::cli::{DeliveryArgs, NodeArgs, SendCommand};
use crate::exit::Code;
use crate::unlock;

pub fn send(command: SendCommand) -> anyhow::Result<Code> {
    let (node, to, handling) = match &command {
        SendCommand::Notice { node, to, handling, .. } | SendCommand::CaseSummary { node, to, handling, .. } => {
            (node, *to, *handling)
        }
    };
    let mut store = unlock::open(node)?;
    let messages = match &command {
        SendCommand::Notice { subject, body, .. } => vec![Message::Notice(Notice {
            subject: subject.clone(),
            body: body.clone(),
        })],
        SendCommand::CaseSummary { cases, .. } => cases
            .iter()
            .map(|id| {
                let case = store.get_case(id)?.with_context(|| format!("case {id} not found"))?;
                Ok(Message::CaseSummary(CaseSummary::from_case(&case)))
            })
            .collect::<anyhow::Result<_>>()?,
    };
    let ids = store.send_all(&to, &messages, handling)?;
    for id in &ids {
        println!("Queued message {id} for {to}");
    }
    println!("It goes out with `concord serve` or `concord deliver`, or in a bundle (`concord bundle export`).");
    Ok(Code::Success)
}

pub fn outbox(node: &NodeArgs, to: Option<concord_exchange::NodeId>, limit: usize, json: bool) -> anyhow::Result<Code> {
    let store = unlock::open(node)?;
    let counts = store.outbox_counts()?;
    let messages = store.outbox(to.as_ref(), limit)?;
    let out = &mut std::io::stdout().lock();
    if json {
        let body = serde_json::json!({ "partners": counts, "messages": messages });
        writeln!(out, "{}", serde_json::to_string_pretty(&body)?)?;
        return Ok(Code::Success);
    }
    writeln!(
        out,
        "{:<31} {:>8} {:>10} {:>9}",
        "partner", "pending", "delivered", "rejected"
    )?;
    for c in &counts {
        writeln!(
            out,
            "{:<31} {:>8} {:>10} {:>9}",
            c.recipient.to_string(),
            c.pending,
            c.delivered,
            c.rejected
        )?;
    }
    writeln!(out)?;
    for m in &messages {
        writeln!(out, "{}", describe(m))?;
    }
    Ok(Code::Success)
}

fn describe(m: &OutboxEntry) -> String {
    let state = match (m.status, &m.last_error, &m.rejection) {
        (concord_node::exchange::OutboxStatus::Delivered, _, _) => format!(
            "delivered {} via {}",
            m.settled_at.as_deref().unwrap_or("?"),
            m.settled_via.as_deref().unwrap_or("?")
        ),
        (concord_node::exchange::OutboxStatus::Rejected, _, reason) => {
            format!("REJECTED: {}", reason.as_deref().unwrap_or("no reason given"))
        }
        (_, Some(error), _) => format!(
            "pending, {} failed attempt(s), next {}: {error}",
            m.attempts,
            m.next_attempt_at.as_deref().unwrap_or("?")
        ),
        (_, None, _) => "pending".to_string(),
    };
    format!(
        "{} {:<12} to {}  {}",
        m.message_id,
        m.kind.to_string(),
        m.recipient,
        state
    )
}

pub fn inbox(node: &NodeArgs, kind: Option<Kind>, limit: usize, json: bool) -> anyhow::Result<Code> {
    let store = unlock::open(node)?;
    let messages = store.inbox(kind, limit)?;
    let out = &mut std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&messages)?)?;
        return Ok(Code::Success);
    }
    if messages.is_empty() {
        writeln!(out, "No messages received.")?;
    }
    for m in &messages {
        writeln!(
            out,
            "{} from {}  {}  received {} via {}",
            m.message_id, m.sender, m.handling, m.received_at, m.via
        )?;
        match &m.message {
            Message::Notice(n) => writeln!(out, "    notice: {}\n    {}", n.subject, n.body)?,
            Message::CaseSummary(s) => writeln!(out, "    case summary: {}", serde_json::to_string(s)?)?,
            Message::Request(r) => writeln!(
                out,
                "    request {}: {} (see `concord request list`)",
                r.request_id, r.subject
            )?,
            Message::RequestUpdate(u) => writeln!(out, "    request {}: {:?}", u.request_id, u.step)?,
            Message::LinkageKey(_) | Message::Encodings(_) | Message::Hits(_) => {
                writeln!(out, "    linkage (see `concord network status`)")?
            }
            Message::Alert(a) => writeln!(
                out,
                "    alert {} revision {}: {} (see `concord alert list`)",
                a.alert_id, a.revision, a.subject
            )?,
            Message::AlertAck(a) => writeln!(out, "    alert {} revision {} acknowledged", a.alert_id, a.revision)?,
        }
    }
    Ok(Code::Success)
}

pub fn deliver(node: &NodeArgs, args: &DeliveryArgs) -> anyhow::Result<Code> {
    let store = unlock::open(node)?;
    let options = crate::delivery_options(args);
    let runtime = tokio::runtime::Runtime::new()?;
    let state = concord_server::AppState::new(store);
    let client = concord_server::delivery_client(&options)?;
    let (mut delivered, mut rejected) = (0, 0);
    let pending = loop {
        let report = runtime.block_on(concord_server::deliver_pending(&state, &client, &options));
        delivered += report.delivered;
        rejected += report.rejected;
        if report.delivered + report.rejected == 0 {
            break report.pending;
        }
    };
    println!("{delivered} delivered, {rejected} rejected by the partner, {pending} still pending.");
    if pending > 0 {
        println!("See why with `concord outbox`; `concord serve` keeps trying, or carry them in a bundle.");
        return Ok(Code::Error);
    }
    Ok(Code::Success)
}
