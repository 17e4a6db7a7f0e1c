//! Two nodes in one process exchange messages by bundle files: pairing, agreements,
//! acknowledgement, idempotent application, and every way a bundle is refused whole.

use std::collections::BTreeSet;

use concord_exchange::payload::{CaseSummary, Notice};
use concord_exchange::{Category, Handling, Kind};
use concord_node::exchange::{Agreement, ExchangeError, Message, OutboxStatus, Via};
use concord_node::Store;

mod common;

use common::{all, paired};

fn notice(n: usize) -> Message {
    Message::Notice(Notice {
        subject: format!("Notice {n}"),
        body: "Recruiters moved to the northern crossing".into(),
    })
}

fn statuses(store: &Store) -> Vec<OutboxStatus> {
    store.outbox(None, 1000).unwrap().iter().map(|e| e.status).collect()
}

#[test]
fn a_partner_is_added_only_when_the_confirmed_fingerprint_is_the_cards() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, _) = common::new_node(da.path());
    let (b, _) = common::new_node(db.path());
    let wrong = a.node_id();
    let error = a.add_peer(&b.card().unwrap(), &wrong).unwrap_err();
    assert!(matches!(error, ExchangeError::FingerprintMismatch { .. }), "{error}");
    assert!(a.peers().unwrap().is_empty());
    let peer = a.add_peer(&b.card().unwrap(), &b.node_id()).unwrap();
    assert_eq!(peer.card.node_id, b.node_id());
    assert_eq!(peer.agreement, Agreement::default(), "a new partner is allowed nothing");
    assert!(matches!(
        a.add_peer(&a.card().unwrap(), &a.node_id()),
        Err(ExchangeError::SelfPeer(_))
    ));
}

#[test]
fn a_message_goes_by_bundle_is_applied_once_and_the_return_bundle_settles_it() {
    let mut p = paired();
    let ids =
        p.a.send_all(&p.b.node_id(), &[notice(1), notice(2)], Handling::Amber)
            .unwrap();
    assert_eq!(statuses(&p.a), vec![OutboxStatus::Pending; 2]);

    let bundle = p.a.export_bundle(&p.b.node_id()).unwrap();
    let received = p.b.receive_bundle(&bundle.bytes, Via::Bundle).unwrap();
    assert_eq!((received.accepted, received.duplicates), (2, 0));
    let inbox = p.b.inbox(None, 10).unwrap();
    assert_eq!(inbox.len(), 2);
    assert!(inbox.iter().all(|m| m.sender == p.a.node_id() && m.via == "bundle"));
    assert!(ids.iter().all(|id| inbox.iter().any(|m| m.message_id == *id)));

    // The same bundle again (a copy on a second USB stick): acknowledged, not applied.
    let again = p.b.receive_bundle(&bundle.bytes, Via::Bundle).unwrap();
    assert_eq!((again.accepted, again.duplicates), (0, 2));
    assert_eq!(p.b.inbox(None, 10).unwrap().len(), 2);

    let settled =
        p.a.receive_bundle(&received.return_bundle.unwrap(), Via::Bundle)
            .unwrap();
    assert_eq!(settled.delivered, 2);
    assert!(settled.return_bundle.is_none(), "receipts are not acknowledged");
    assert_eq!(statuses(&p.a), vec![OutboxStatus::Delivered; 2]);
    // The second return bundle settles nothing more.
    let late = p.a.receive_bundle(&again.return_bundle.unwrap(), Via::Bundle).unwrap();
    assert_eq!(late.delivered, 0);
    assert!(matches!(
        p.a.export_bundle(&p.b.node_id()),
        Err(ExchangeError::NothingPending(_))
    ));
}

#[test]
fn bundles_imported_in_reverse_order_apply_every_message_once() {
    let mut p = paired();
    let to = p.b.node_id();
    p.a.send(&to, &notice(1), Handling::Green).unwrap();
    let first = p.a.export_bundle(&to).unwrap();
    p.a.send(&to, &notice(2), Handling::Green).unwrap();
    let second = p.a.export_bundle(&to).unwrap();
    assert_eq!(second.messages.len(), 2, "an unacknowledged message goes out again");
    let r2 = p.b.receive_bundle(&second.bytes, Via::Bundle).unwrap();
    let r1 = p.b.receive_bundle(&first.bytes, Via::Bundle).unwrap();
    assert_eq!((r2.accepted, r1.accepted, r1.duplicates), (2, 0, 1));
    assert_eq!(p.b.inbox(Some(Kind::Notice), 10).unwrap().len(), 2);
}

#[test]
fn sending_outside_the_agreement_is_refused_and_recorded() {
    let mut p = paired();
    let to = p.b.node_id();
    let notices_only = Agreement {
        send: [Category::Notices].into(),
        receive: all(),
    };
    p.a.set_agreement(&to, &notices_only).unwrap();
    let case = &common::synthetic_cases(3, 1)[0];
    let summary = Message::CaseSummary(CaseSummary::from_case(case));
    let error = p.a.send(&to, &summary, Handling::Amber).unwrap_err();
    assert!(matches!(error, ExchangeError::NotAllowed { .. }), "{error}");
    assert!(error.to_string().contains("case-summaries"), "{error}");
    assert!(p.a.outbox(None, 10).unwrap().is_empty(), "nothing was queued");
    let trail = p.a.audit_trail(&Default::default(), 1).unwrap();
    assert_eq!(trail[0].event, "message.send-refused");
}

#[test]
fn receiving_outside_the_agreement_is_rejected_recorded_and_reported_back() {
    let mut p = paired();
    let (a_id, b_id) = (p.a.node_id(), p.b.node_id());
    p.b.set_agreement(
        &a_id,
        &Agreement {
            send: all(),
            receive: [Category::Notices].into(),
        },
    )
    .unwrap();
    let case = &common::synthetic_cases(3, 1)[0];
    let summary = Message::CaseSummary(CaseSummary::from_case(case));
    p.a.send(&b_id, &summary, Handling::Amber).unwrap();
    p.a.send(&b_id, &notice(1), Handling::Amber).unwrap();
    let bundle = p.a.export_bundle(&b_id).unwrap();
    let received = p.b.receive_bundle(&bundle.bytes, Via::Bundle).unwrap();
    assert_eq!((received.accepted, received.rejected.len()), (1, 1));
    assert!(p.b.inbox(Some(Kind::CaseSummary), 10).unwrap().is_empty());
    assert!(p
        .b
        .audit_trail(&Default::default(), 10)
        .unwrap()
        .iter()
        .any(|e| e.event == "message.rejected" && e.kind.as_deref() == Some("case-summary")));
    p.a.receive_bundle(&received.return_bundle.unwrap(), Via::Bundle)
        .unwrap();
    let outbox = p.a.outbox(None, 10).unwrap();
    let rejected = outbox.iter().find(|e| e.kind == Kind::CaseSummary).unwrap();
    assert_eq!(rejected.status, OutboxStatus::Rejected);
    assert!(rejected
        .rejection
        .as_deref()
        .unwrap()
        .contains("does not allow receiving case-summaries"));
    assert!(outbox
        .iter()
        .any(|e| e.kind == Kind::Notice && e.status == OutboxStatus::Delivered));
}

/// Whatever is wrong with the bundle, it is refused whole and nothing is applied.
fn assert_refused(store: &mut Store, bytes: &[u8], what: &str) {
    let before = store.inbox(None, 1000).unwrap().len();
    let result = store.receive_bundle(bytes, Via::Bundle);
    assert!(result.is_err(), "{what}: accepted");
    assert_eq!(
        store.inbox(None, 1000).unwrap().len(),
        before,
        "{what}: something was applied"
    );
}

#[test]
fn a_flipped_byte_anywhere_in_a_bundle_is_refused_whole() {
    let mut p = paired();
    p.a.send(&p.b.node_id(), &notice(1), Handling::Amber).unwrap();
    let bytes = p.a.export_bundle(&p.b.node_id()).unwrap().bytes;
    for position in 0..bytes.len() {
        let mut flipped = bytes.clone();
        flipped[position] ^= 0x01;
        assert_refused(&mut p.b, &flipped, &format!("bit flipped at byte {position}"));
    }
    let last = p.b.audit_trail(&Default::default(), 1).unwrap();
    assert_eq!(last[0].event, "bundle.rejected");
}

#[test]
fn a_truncated_bundle_is_refused_whole() {
    let mut p = paired();
    p.a.send_all(&p.b.node_id(), &[notice(1), notice(2)], Handling::Amber)
        .unwrap();
    let bytes = p.a.export_bundle(&p.b.node_id()).unwrap().bytes;
    for length in (0..bytes.len()).step_by(7) {
        assert_refused(&mut p.b, &bytes[..length], &format!("cut at {length} bytes"));
    }
}

#[test]
fn a_bundle_for_another_node_or_from_a_stranger_is_refused() {
    let mut p = paired();
    let dir = tempfile::tempdir().unwrap();
    let (mut stranger, _) = common::new_node(dir.path());
    // A bundle from A to B, carried to a third node.
    p.a.send(&p.b.node_id(), &notice(1), Handling::Amber).unwrap();
    let bundle = p.a.export_bundle(&p.b.node_id()).unwrap().bytes;
    stranger.add_peer(&p.a.card().unwrap(), &p.a.node_id()).unwrap();
    let error = stranger.receive_bundle(&bundle, Via::Bundle).unwrap_err();
    assert!(matches!(error, ExchangeError::NotForThisNode { .. }), "{error}");
    // A bundle from a node B never added.
    stranger.add_peer(&p.b.card().unwrap(), &p.b.node_id()).unwrap();
    stranger
        .set_agreement(
            &p.b.node_id(),
            &Agreement {
                send: all(),
                receive: all(),
            },
        )
        .unwrap();
    stranger.send(&p.b.node_id(), &notice(2), Handling::Amber).unwrap();
    let from_stranger = stranger.export_bundle(&p.b.node_id()).unwrap().bytes;
    let error = p.b.receive_bundle(&from_stranger, Via::Bundle).unwrap_err();
    assert!(matches!(error, ExchangeError::UnknownSender(_)), "{error}");
    assert!(p.b.inbox(None, 10).unwrap().is_empty());
}

#[test]
fn the_audit_trail_records_who_what_and_how_large_but_never_the_content() {
    let mut p = paired();
    let secret_subject = "Subject that must not be in the trail";
    let message = Message::Notice(Notice {
        subject: secret_subject.into(),
        body: "Body that must not be in the trail".into(),
    });
    p.a.send(&p.b.node_id(), &message, Handling::Red).unwrap();
    let bundle = p.a.export_bundle(&p.b.node_id()).unwrap();
    p.b.receive_bundle(&bundle.bytes, Via::Http).unwrap();
    for store in [&p.a, &p.b] {
        let trail = store.audit_trail(&Default::default(), 100).unwrap();
        let text = format!("{trail:?}");
        assert!(!text.contains("must not be in the trail"), "{text}");
        assert!(trail
            .iter()
            .any(|e| e.kind.as_deref() == Some("notice") && e.size.unwrap_or(0) > 0 && e.message_id.is_some()));
    }
    let b_trail = p.b.audit_trail(&Default::default(), 100).unwrap();
    assert!(b_trail.iter().any(|e| e.event == "message.received"));
    assert!(p
        .a
        .audit_trail(&Default::default(), 100)
        .unwrap()
        .iter()
        .any(|e| e.event == "message.queued"));
}

#[test]
fn keys_and_partners_survive_reopening_the_node() {
    let dir = tempfile::tempdir().unwrap();
    let (store, key) = common::new_node(dir.path());
    let id = store.node_id();
    drop(store);
    let reopened = Store::open(&dir.path().join("data"), &key).unwrap();
    assert_eq!(reopened.node_id(), id);
}

#[test]
fn a_node_made_before_the_exchange_gains_keys_and_keeps_its_cases_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, key) = common::new_node(dir.path());
    let cases = common::synthetic_cases(5, 20);
    store
        .write(|w| cases.iter().try_for_each(|c| w.insert_case(c)))
        .unwrap();
    drop(store);
    // Turn the database back into schema version 1, as an older Concord left it.
    let conn = rusqlite::Connection::open(dir.path().join("data").join(concord_node::store::DATABASE_FILE)).unwrap();
    conn.execute_batch(
        "DROP TRIGGER persons_to_encode_on_insert; DROP TRIGGER persons_to_encode_on_delete;
         DROP TRIGGER outgoing_on_peer; DROP TRIGGER outgoing_on_agreement;
         DROP TABLE hits; DROP TABLE linkage_weights; DROP TABLE partner_encodings; DROP TABLE encodings_sent; DROP TABLE own_encodings;
         DROP TABLE linkage_pending; DROP TABLE linkage_outgoing; DROP TABLE linkage_key_grants; DROP TABLE linkage_keys; DROP TABLE linkage_coordinator;
         DROP INDEX case_exploitation_by_case; DROP INDEX case_route_country_by_case;
         DROP TABLE alert_recipients; DROP TABLE alerts; DROP TABLE requests; DROP TABLE sessions; DROP TABLE api_tokens; DROP INDEX cases_by_unit; ALTER TABLE cases DROP COLUMN unit;
         DROP TABLE users; DROP TABLE audit_head; DROP TABLE audit; DROP TABLE inbox; DROP TABLE outbox; DROP TABLE peers; DROP TABLE node_identity;
         ALTER TABLE node DROP COLUMN endpoint; PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(conn);
    let upgraded = Store::open(&dir.path().join("data"), &key).unwrap();
    assert_eq!(upgraded.stats().unwrap().cases, 20);
    let id = upgraded.node_id();
    assert!(upgraded.card().unwrap().starts_with("concord-card-1."));
    drop(upgraded);
    assert_eq!(
        Store::open(&dir.path().join("data"), &key).unwrap().node_id(),
        id,
        "made once, then kept"
    );
}

#[test]
fn messages_taken_for_a_push_are_leased_so_bundles_in_flight_never_overlap() {
    let mut p = paired();
    let to = p.b.node_id();
    p.a.send_all(&to, &(0..10).map(notice).collect::<Vec<_>>(), Handling::Amber)
        .unwrap();
    let now = chrono::Utc::now().timestamp_millis();
    let lease = now + 60_000;
    let first = p.a.take_due(now, 4, 2, lease).unwrap();
    assert_eq!(first.iter().map(|b| b.messages.len()).collect::<Vec<_>>(), vec![4, 4]);
    let second = p.a.take_due(now, 4, 2, lease).unwrap();
    assert_eq!(second.iter().map(|b| b.messages.len()).collect::<Vec<_>>(), vec![2]);
    let ids: BTreeSet<_> = first
        .iter()
        .chain(&second)
        .flat_map(|b| b.messages.iter().map(|(id, _)| *id))
        .collect();
    assert_eq!(ids.len(), 10, "no message is in two bundles");
    assert!(p.a.take_due(now, 4, 2, lease).unwrap().is_empty(), "all are leased");
    // The lease ends, or an operator asks to try again now: they are due again.
    assert_eq!(p.a.take_due(lease, 100, 1, lease + 1).unwrap()[0].messages.len(), 10);
    assert_eq!(p.a.retry_now().unwrap(), 10);
    assert_eq!(
        p.a.take_due(chrono::Utc::now().timestamp_millis(), 100, 1, 0).unwrap()[0]
            .messages
            .len(),
        10
    );
}
