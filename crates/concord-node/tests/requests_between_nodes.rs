//! Requests for mutual assistance between two nodes: sent, received, moved through
//! their workflow by the right side only, the same status on both nodes, carried by
//! bundle, and refused outside the sharing agreement.

use std::collections::BTreeSet;

use concord_core::assistance::{LegalBasis, RequestStatus, RequestType, Step, Urgency};
use concord_exchange::payload::{RequestUpdate, StepName};
use concord_exchange::{Category, Handling};
use concord_node::exchange::{Agreement, Direction, ExchangeError, Message, NewRequest, Via};
use concord_node::Store;

mod common;

use common::paired;

fn request() -> NewRequest {
    NewRequest {
        request_type: RequestType::LocatePerson,
        legal_basis: LegalBasis::UntocArticle27,
        urgency: Urgency::Urgent,
        deadline: Some("2026-12-15".parse().unwrap()),
        subject: "Hit H-17 in the Almaty records".into(),
        details: "Please confirm whether the person of hit H-17 is in your care.".into(),
        about_hit: None,
        about_case: None,
    }
}

/// Carries everything pending from `from` to `to` by bundle, and the receipts back.
fn carry(from: &mut Store, to: &mut Store) -> concord_node::exchange::Received {
    let bundle = from.export_bundle(&to.node_id()).unwrap();
    let received = to.receive_bundle(&bundle.bytes, Via::Bundle).unwrap();
    if let Some(back) = &received.return_bundle {
        from.receive_bundle(back, Via::Bundle).unwrap();
    }
    received
}

fn status(store: &Store) -> RequestStatus {
    store.requests(10).unwrap()[0].status
}

#[test]
fn a_request_goes_through_its_whole_workflow_with_the_same_status_on_both_nodes() {
    let mut p = paired();
    let id = p.a.send_request(&p.b.node_id(), &request()).unwrap();
    assert_eq!(status(&p.a), RequestStatus::Sent);

    carry(&mut p.a, &mut p.b);
    let theirs = &p.b.requests(10).unwrap()[0];
    assert_eq!((theirs.request_id, theirs.direction), (id, Direction::Incoming));
    assert_eq!(theirs.subject, "Hit H-17 in the Almaty records");
    assert_eq!(theirs.deadline, Some("2026-12-15".parse().unwrap()));
    assert_eq!(status(&p.b), RequestStatus::Received);
    assert_eq!(status(&p.a), RequestStatus::Received, "the receipt tells the requester");

    for (step, expected) in [
        (Step::Acknowledge, RequestStatus::Acknowledged),
        (Step::Start, RequestStatus::InProgress),
        (Step::Answer, RequestStatus::Answered),
    ] {
        assert_eq!(p.b.request_step(&id, &step).unwrap(), expected);
        carry(&mut p.b, &mut p.a);
        assert_eq!(status(&p.a), expected, "the requester follows");
    }
    assert!(
        matches!(p.a.request_step(&id, &Step::Withdraw), Err(ExchangeError::Step(_))),
        "an answered request is closed"
    );
}

#[test]
fn each_side_takes_only_its_own_steps_and_a_decline_carries_its_reason() {
    let mut p = paired();
    let id = p.a.send_request(&p.b.node_id(), &request()).unwrap();
    carry(&mut p.a, &mut p.b);
    assert!(
        matches!(p.a.request_step(&id, &Step::Answer), Err(ExchangeError::Step(_))),
        "the requester cannot answer"
    );
    assert!(
        matches!(p.b.request_step(&id, &Step::Withdraw), Err(ExchangeError::Step(_))),
        "the responder cannot withdraw"
    );
    let decline = Step::Decline {
        reason: "Outside our jurisdiction; ask the Border Service".into(),
    };
    assert_eq!(p.b.request_step(&id, &decline).unwrap(), RequestStatus::Declined);
    carry(&mut p.b, &mut p.a);
    let ours = &p.a.requests(10).unwrap()[0];
    assert_eq!(ours.status, RequestStatus::Declined);
    assert_eq!(
        ours.reason.as_deref(),
        Some("Outside our jurisdiction; ask the Border Service")
    );
}

#[test]
fn a_partner_cannot_force_a_step_the_workflow_does_not_allow_it() {
    let mut p = paired();
    let id = p.a.send_request(&p.b.node_id(), &request()).unwrap();
    carry(&mut p.a, &mut p.b);
    // B's node is compromised and tells A that B withdrew A's request: only A may.
    let forged = Message::RequestUpdate(RequestUpdate {
        request_id: id,
        step: StepName::Withdraw,
        reason: None,
        answer: None,
    });
    p.b.send(&p.a.node_id(), &forged, Handling::Amber).unwrap();
    let received = carry(&mut p.b, &mut p.a);
    assert_eq!(received.accepted, 0);
    assert_eq!(received.rejected.len(), 1);
    assert!(
        received.rejected[0].1.contains("only the requesting organisation"),
        "{:?}",
        received.rejected
    );
    assert_eq!(status(&p.a), RequestStatus::Received, "nothing changed");
}

#[test]
fn requests_need_the_requests_category_of_the_agreement() {
    let mut p = paired();
    let without = Agreement {
        send: BTreeSet::from([Category::Notices]),
        receive: BTreeSet::from([Category::Notices]),
    };
    p.a.set_agreement(&p.b.node_id(), &without).unwrap();
    let error = p.a.send_request(&p.b.node_id(), &request()).unwrap_err();
    assert!(
        matches!(
            error,
            ExchangeError::NotAllowed {
                category: Category::Requests,
                ..
            }
        ),
        "{error}"
    );
    assert!(
        p.a.requests(10).unwrap().is_empty(),
        "nothing recorded when nothing was sent"
    );
}

#[test]
fn a_request_arriving_twice_is_recorded_once() {
    let mut p = paired();
    p.a.send_request(&p.b.node_id(), &request()).unwrap();
    let bundle = p.a.export_bundle(&p.b.node_id()).unwrap();
    p.b.receive_bundle(&bundle.bytes, Via::Bundle).unwrap();
    let again = p.b.receive_bundle(&bundle.bytes, Via::Http).unwrap();
    assert_eq!(again.duplicates, 1);
    assert_eq!(p.b.requests(10).unwrap().len(), 1);
}

#[test]
fn a_request_about_one_of_our_cases_names_it_on_both_nodes_and_an_unknown_case_is_refused() {
    let mut p = paired();
    let case = common::synthetic_cases(3, 1).remove(0);
    p.a.insert_case(&case).unwrap();
    let mut new = request();
    new.about_case = Some("NO-SUCH-CASE".parse().unwrap());
    assert!(matches!(
        p.a.send_request(&p.b.node_id(), &new),
        Err(ExchangeError::Store(concord_node::StoreError::CaseNotFound(_)))
    ));
    new.about_case = Some(case.id.clone());
    p.a.send_request(&p.b.node_id(), &new).unwrap();
    carry(&mut p.a, &mut p.b);
    assert_eq!(p.a.requests(10).unwrap()[0].about_case.as_ref(), Some(&case.id));
    assert_eq!(p.b.requests(10).unwrap()[0].about_case.as_ref(), Some(&case.id));
}
