//! `concord request send | list | step`.

use std::io::Write;

use concord_core::assistance::Step;
use concord_core::Picklist;
use concord_node::exchange::{NewAnswer, NewRequest};

use crate::cli::{RequestCommand, StepArg};
use crate::exit::Code;
use crate::unlock;

pub fn run(command: RequestCommand) -> anyhow::Result<Code> {
    let out = &mut std::io::stdout().lock();
    match command {
        RequestCommand::Send {
            node,
            to,
            request_type,
            basis,
            urgency,
            deadline,
            subject,
            details,
            hit,
            case,
        } => {
            let new = NewRequest {
                about_hit: hit,
                about_case: case,
                request_type,
                legal_basis: basis,
                urgency,
                deadline,
                subject,
                details,
            };
            let id = unlock::open(&node)?.send_request(&to, &new)?;
            writeln!(out, "Queued request {id} for {to}.")?;
            writeln!(
                out,
                "It goes out with `concord serve` or `concord deliver`, or in a bundle."
            )?;
        }
        RequestCommand::List { node, limit, json } => {
            let requests = unlock::open(&node)?.requests(limit)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&requests)?)?;
                return Ok(Code::Success);
            }
            for r in &requests {
                writeln!(
                    out,
                    "{} {:<8} {:<31} {:<13} {:<22} {:<17} {}",
                    r.request_id,
                    format!("{:?}", r.direction).to_lowercase(),
                    r.peer,
                    r.status.as_str(),
                    r.request_type.as_str(),
                    r.urgency.as_str(),
                    r.subject
                )?;
            }
        }
        RequestCommand::Step {
            node,
            request,
            step,
            reason,
            answer,
            disclose,
            approved_by,
        } => {
            let mut store = unlock::open(&node)?;
            let step = match step {
                StepArg::Acknowledge => Step::Acknowledge,
                StepArg::Start => Step::Start,
                StepArg::Answer => Step::Answer,
                StepArg::Decline => Step::Decline {
                    reason: reason.unwrap_or_default(),
                },
                StepArg::Withdraw => Step::Withdraw,
            };
            let status = if step == Step::Answer {
                let answer = NewAnswer {
                    text: answer.unwrap_or_default(),
                    disclose,
                    approved_by: approved_by.unwrap_or_default(),
                };
                store.answer_request(&request, &answer)?
            } else {
                store.request_step(&request, &step)?
            };
            writeln!(
                out,
                "Request {request} is now {}; the partner is told.",
                status.label().to_lowercase()
            )?;
        }
    }
    Ok(Code::Success)
}
