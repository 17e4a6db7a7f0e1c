//! Requests for mutual assistance between organisations, and the workflow they follow.
//!
//! A request goes from one node (the requester) to a partner (the responder) under a
//! legal basis — the instruments that oblige states to cooperate (see
//! `../shared/reference/TREATIES.md`). Both nodes keep a copy and move it through the
//! same workflow; [`RequestStatus::after`] is the only way a status changes, so a request
//! can never be, say, answered after it was withdrawn, or declined without a reason.

use std::fmt;

use crate::picklist::{picklist, Picklist};

picklist! {
    /// What the requester asks for.
    RequestType, "request type" {
        IdentifyPerson => "Identify a person";
        LocatePerson => "Locate a person";
        ShareCaseInformation => "Share case information";
        SafeReturn => "Support a victim's safe return";
        CoordinateInvestigation => "Coordinate an investigation";
        Other => "Other";
    }
}

picklist! {
    /// The instrument under which assistance is asked.
    LegalBasis, "legal basis" {
        TraffickingProtocol => "UN Trafficking in Persons Protocol (art. 10: information exchange)";
        UntocArticle18 => "UN Convention against Transnational Organized Crime, art. 18 (mutual legal assistance)";
        UntocArticle27 => "UN Convention against Transnational Organized Crime, art. 27 (law-enforcement cooperation)";
        CouncilOfEuropeConvention => "Council of Europe Convention on Action against Trafficking (CETS 197), chapter VI";
        AseanConvention => "ASEAN Convention Against Trafficking in Persons (ACTIP)";
        BilateralAgreement => "A bilateral agreement";
        Other => "Other";
    }
}

picklist! {
    /// How fast an answer is needed.
    Urgency, "urgency" {
        Routine => "Routine";
        Urgent => "Urgent";
        LifeOrChildAtRisk => "A life or a child at risk";
    }
}

picklist! {
    /// Where a request stands, the same on both nodes.
    RequestStatus, "request status" {
        Sent => "Sent, not yet received";
        Received => "Received";
        Acknowledged => "Acknowledged";
        InProgress => "In progress";
        Answered => "Answered";
        Declined => "Declined";
        Withdrawn => "Withdrawn";
    }
}

/// Which side of a request acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Party {
    /// The organisation that asked.
    Requester,
    /// The organisation asked.
    Responder,
}

/// A step in a request's workflow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The responder's node received the request.
    Receive,
    /// The responder confirms it has the request and will handle it.
    Acknowledge,
    /// The responder has started the work.
    Start,
    /// The responder answers (the answer itself travels separately, once approved).
    Answer,
    /// The responder declines, saying why.
    Decline {
        /// Why; required.
        reason: String,
    },
    /// The requester withdraws the request.
    Withdraw,
}

impl Step {
    /// Who may take this step.
    pub fn party(&self) -> Party {
        match self {
            Step::Withdraw => Party::Requester,
            _ => Party::Responder,
        }
    }

    fn done(&self) -> &'static str {
        match self {
            Step::Receive => "received",
            Step::Acknowledge => "acknowledged",
            Step::Start => "started",
            Step::Answer => "answered",
            Step::Decline { .. } => "declined",
            Step::Withdraw => "withdrawn",
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Step::Receive => "receive",
            Step::Acknowledge => "acknowledge",
            Step::Start => "start work on",
            Step::Answer => "answer",
            Step::Decline { .. } => "decline",
            Step::Withdraw => "withdraw",
        }
    }
}

/// A step the workflow does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StepError {
    /// The step is not possible from this status.
    #[error("a request that is {from} cannot be {done}; from {from} it can be: {allowed}", from = .from.label().to_lowercase())]
    NotFrom {
        /// The status.
        from: RequestStatus,
        /// The step tried, as done to the request ("answered").
        done: &'static str,
        /// What is possible instead.
        allowed: String,
    },
    /// The step belongs to the other party.
    #[error("only the {owner} may {step} a request")]
    WrongParty {
        /// The step tried.
        step: &'static str,
        /// Who may take it.
        owner: PartyName,
    },
    /// A decline without a reason.
    #[error("declining a request needs a reason, which the requester will read")]
    NoReason,
}

/// A party's name in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartyName(Party);

impl fmt::Display for PartyName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.0 {
            Party::Requester => "requesting organisation",
            Party::Responder => "organisation asked",
        })
    }
}

impl RequestStatus {
    /// Whether nothing can happen to the request any more.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Answered | Self::Declined | Self::Withdrawn)
    }

    /// The status after `party` takes `step`, or why that is not allowed.
    pub fn after(self, party: Party, step: &Step) -> Result<RequestStatus, StepError> {
        if step.party() != party {
            return Err(StepError::WrongParty {
                step: step.name(),
                owner: PartyName(step.party()),
            });
        }
        if let Step::Decline { reason } = step {
            if reason.trim().is_empty() {
                return Err(StepError::NoReason);
            }
        }
        next(self, step).ok_or_else(|| StepError::NotFrom {
            from: self,
            done: step.done(),
            allowed: allowed_from(self),
        })
    }
}

/// The workflow itself: the status each step leads to from each status.
fn next(from: RequestStatus, step: &Step) -> Option<RequestStatus> {
    use RequestStatus::*;
    match (from, step) {
        (Sent, Step::Receive) => Some(Received),
        (Received, Step::Acknowledge) => Some(Acknowledged),
        (Received | Acknowledged, Step::Start) => Some(InProgress),
        (Received | Acknowledged | InProgress, Step::Answer) => Some(Answered),
        (Received | Acknowledged | InProgress, Step::Decline { .. }) => Some(Declined),
        (Sent | Received | Acknowledged | InProgress, Step::Withdraw) => Some(Withdrawn),
        _ => None,
    }
}

const STEPS: [Step; 6] = [
    Step::Receive,
    Step::Acknowledge,
    Step::Start,
    Step::Answer,
    Step::Decline { reason: String::new() },
    Step::Withdraw,
];

fn allowed_from(from: RequestStatus) -> String {
    let allowed: Vec<_> = STEPS
        .iter()
        .filter(|s| next(from, s).is_some())
        .map(|s| s.name())
        .collect();
    if allowed.is_empty() {
        "nothing (it is closed)".into()
    } else {
        allowed.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn step() -> impl Strategy<Value = (Party, Step)> {
        (0..6usize, any::<bool>()).prop_map(|(i, requester)| {
            let step = match i {
                0 => Step::Receive,
                1 => Step::Acknowledge,
                2 => Step::Start,
                3 => Step::Answer,
                4 => Step::Decline {
                    reason: "outside our jurisdiction".into(),
                },
                _ => Step::Withdraw,
            };
            (if requester { Party::Requester } else { Party::Responder }, step)
        })
    }

    #[test]
    fn a_request_goes_from_sent_to_answered_through_every_working_status() {
        let mut status = RequestStatus::Sent;
        for step in [Step::Receive, Step::Acknowledge, Step::Start, Step::Answer] {
            status = status.after(Party::Responder, &step).unwrap();
        }
        assert_eq!(status, RequestStatus::Answered);
    }

    #[test]
    fn a_decline_needs_a_reason_and_only_the_responder_declines() {
        let received = RequestStatus::Received;
        let blank = Step::Decline { reason: "  ".into() };
        assert_eq!(received.after(Party::Responder, &blank), Err(StepError::NoReason));
        let reason = Step::Decline {
            reason: "no jurisdiction".into(),
        };
        assert!(matches!(
            received.after(Party::Requester, &reason),
            Err(StepError::WrongParty { .. })
        ));
        assert_eq!(received.after(Party::Responder, &reason), Ok(RequestStatus::Declined));
    }

    #[test]
    fn a_refused_step_says_what_is_possible_instead() {
        let error = RequestStatus::Withdrawn
            .after(Party::Responder, &Step::Answer)
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "a request that is withdrawn cannot be answered; from withdrawn it can be: nothing (it is closed)"
        );
        let error = RequestStatus::Sent.after(Party::Responder, &Step::Answer).unwrap_err();
        assert!(error.to_string().ends_with("it can be: receive, withdraw"), "{error}");
    }

    proptest! {
        /// Whatever steps are tried, in any order by either party: a closed request never
        /// changes again, nothing goes back to `Sent`, and only the requester withdraws.
        #[test]
        fn closed_requests_stay_closed_and_nothing_returns_to_sent(steps in proptest::collection::vec(step(), 0..30)) {
            let mut status = RequestStatus::Sent;
            for (party, step) in &steps {
                if let Ok(next) = status.after(*party, step) {
                    prop_assert!(!status.is_final(), "{status:?} changed to {next:?}");
                    prop_assert_ne!(next, RequestStatus::Sent);
                    if next == RequestStatus::Withdrawn {
                        prop_assert_eq!(*party, Party::Requester);
                    }
                    status = next;
                }
            }
        }
    }
}
