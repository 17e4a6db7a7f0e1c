//! `concord alert issue | list | update | cancel | ack`.

use std::io::Write;

use concord_core::Picklist;
use concord_node::exchange::{AlertChange, AlertRecord, AlertSent, Direction, NewAlert};

use crate::cli::AlertCommand;
use crate::exit::Code;
use crate::unlock;

pub fn run(command: AlertCommand) -> anyhow::Result<Code> {
    let out = &mut std::io::stdout().lock();
    match command {
        AlertCommand::Issue {
            node,
            alert_type,
            subject,
            details,
            expires,
            area,
        } => {
            let new = NewAlert {
                alert_type,
                subject,
                details,
                expires_at: expires,
                area,
            };
            let sent = unlock::open(&node)?.issue_alert(&new)?;
            report(out, "Issued", &sent)?;
        }
        AlertCommand::List { node, limit, json } => {
            let alerts = unlock::open(&node)?.alerts(limit)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&alerts)?)?;
                return Ok(Code::Success);
            }
            if alerts.is_empty() {
                writeln!(out, "No alerts.")?;
            }
            for alert in &alerts {
                writeln!(out, "{}", line(alert))?;
            }
        }
        AlertCommand::Update {
            node,
            alert,
            alert_type,
            subject,
            details,
            expires,
            area,
        } => {
            let change = AlertChange {
                alert_type,
                subject,
                details,
                expires_at: expires,
                area,
            };
            let sent = unlock::open(&node)?.update_alert(&alert, &change)?;
            report(out, "Updated", &sent)?;
        }
        AlertCommand::Cancel { node, alert } => {
            let sent = unlock::open(&node)?.cancel_alert(&alert)?;
            report(out, "Cancelled", &sent)?;
        }
        AlertCommand::Ack { node, alert } => {
            let revision = unlock::open(&node)?.acknowledge_alert(&alert)?;
            writeln!(
                out,
                "Acknowledged revision {revision} of alert {alert}; the issuer is told."
            )?;
        }
    }
    Ok(Code::Success)
}

fn report(out: &mut impl Write, done: &str, sent: &AlertSent) -> anyhow::Result<()> {
    writeln!(
        out,
        "{done} alert {} (revision {}), queued for {} partner(s).",
        sent.alert_id, sent.revision, sent.recipients
    )?;
    if sent.recipients == 0 {
        writeln!(
            out,
            "No partner's agreement allows sending alerts: it is kept on this node only \
             (`concord peer agreement ID --send …,alerts`)."
        )?;
    } else {
        writeln!(
            out,
            "It goes out with `concord serve` or `concord deliver`, or in a bundle."
        )?;
    }
    Ok(())
}

/// One alert on one line: ID, whose, status, type, revision, expiry, acknowledgements,
/// subject.
fn line(a: &AlertRecord) -> String {
    let acknowledged = match a.direction {
        Direction::Outgoing => {
            let current = a
                .recipients
                .iter()
                .filter(|r| r.acknowledged_revision == Some(a.revision))
                .count();
            format!("acked {current}/{}", a.recipients.len())
        }
        Direction::Incoming if a.acknowledged_revision == Some(a.revision) => "acked".into(),
        Direction::Incoming => "not acked".into(),
    };
    format!(
        "{} {:<8} {:<9} {:<17} r{:<3} expires {} {:<10} {}",
        a.alert_id,
        format!("{:?}", a.direction).to_lowercase(),
        a.status.as_str(),
        a.alert_type.as_str(),
        a.revision,
        a.expires_at.format("%Y-%m-%d %H:%M UTC"),
        acknowledged,
        a.subject
    )
}
