//! Alerts between nodes: broadcast to the partners whose agreement allows alerts and to no
//! other, revised by their issuer only, the highest revision kept whatever order and
//! however often revisions arrive, expired and cancelled alerts refused acknowledgement,
//! acknowledgements shown to the issuer partner by partner.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};
use concord_core::alert::{AlertError, AlertStatus, AlertType};
use concord_exchange::payload::Alert;
use concord_exchange::{Category, Handling, NodeId};
use concord_node::audit::AuditFilter;
use concord_node::exchange::{Agreement, AlertChange, AlertRecord, ExchangeError, Message, NewAlert, Via};
use concord_node::Store;

mod common;

/// A node in a temporary folder.
struct Node {
    _dir: tempfile::TempDir,
    store: Store,
}

fn node() -> Node {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = common::new_node(dir.path());
    Node { _dir: dir, store }
}

/// Makes `x` and `y` partners allowing `categories` both ways.
fn partners(x: &mut Store, y: &mut Store, categories: &[Category]) {
    let set: BTreeSet<Category> = categories.iter().copied().collect();
    let agreement = Agreement {
        send: set.clone(),
        receive: set,
    };
    let (card_x, card_y, id_x, id_y) = (x.card().unwrap(), y.card().unwrap(), x.node_id(), y.node_id());
    x.add_peer(&card_y, &id_y).unwrap();
    y.add_peer(&card_x, &id_x).unwrap();
    x.set_agreement(&id_y, &agreement).unwrap();
    y.set_agreement(&id_x, &agreement).unwrap();
}

/// An issuer `a` with partners `b` and `c` allowed alerts, and `d` allowed notices only.
fn network() -> (Node, Node, Node, Node) {
    let (mut a, mut b, mut c, mut d) = (node(), node(), node(), node());
    partners(&mut a.store, &mut b.store, &[Category::Alerts]);
    partners(&mut a.store, &mut c.store, &[Category::Notices, Category::Alerts]);
    partners(&mut a.store, &mut d.store, &[Category::Notices]);
    partners(&mut b.store, &mut c.store, &[Category::Alerts]);
    (a, b, c, d)
}

fn in_days(days: i64) -> DateTime<Utc> {
    Utc::now() + Duration::days(days)
}

fn missing_person() -> NewAlert {
    NewAlert {
        alert_type: AlertType::MissingPerson,
        subject: "Girl, 15, missing since 2 May".into(),
        details: "Last seen at the bus station; may be taken across the border for work.".into(),
        expires_at: in_days(30),
        area: Some("Chisinau → Odesa".into()),
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

fn only(store: &Store) -> AlertRecord {
    let alerts = store.alerts(10).unwrap();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    alerts.into_iter().next().unwrap()
}

/// The alert `record` as its issuer would send it, with `revision` and `subject`.
fn revision_of(record: &AlertRecord, revision: u32, subject: &str) -> Message {
    Message::Alert(Alert {
        alert_id: record.alert_id,
        revision,
        alert_type: record.alert_type,
        subject: subject.into(),
        details: record.details.clone(),
        expires_at: record.expires_at,
        area: record.area.clone(),
        cancelled: false,
    })
}

#[test]
fn an_alert_reaches_every_partner_whose_agreement_allows_alerts_and_no_other() {
    let (mut a, mut b, mut c, d) = network();
    let sent = a.store.issue_alert(&missing_person()).unwrap();
    assert_eq!((sent.revision, sent.recipients), (1, 2));

    for partner in [&mut b, &mut c] {
        assert_eq!(carry(&mut a.store, &mut partner.store).accepted, 1);
        let theirs = only(&partner.store);
        assert_eq!((theirs.alert_id, theirs.issuer), (sent.alert_id, a.store.node_id()));
        assert_eq!(theirs.status, AlertStatus::Active);
        assert_eq!(theirs.subject, "Girl, 15, missing since 2 May");
        assert_eq!(theirs.area.as_deref(), Some("Chisinau → Odesa"));
    }
    assert!(
        matches!(
            a.store.export_bundle(&d.store.node_id()),
            Err(ExchangeError::NothingPending(_))
        ),
        "the partner without alerts in its agreement gets nothing"
    );
    assert!(d.store.alerts(10).unwrap().is_empty());
    let ours = only(&a.store);
    let mut expected = vec![b.store.node_id(), c.store.node_id()];
    expected.sort_by_key(NodeId::to_string);
    let recipients: Vec<NodeId> = ours.recipients.iter().map(|r| r.peer).collect();
    assert_eq!(recipients, expected);
}

#[test]
fn an_alert_no_agreement_allows_is_kept_here_for_no_one() {
    let (mut a, mut d) = (node(), node());
    partners(&mut a.store, &mut d.store, &[Category::Notices]);
    let sent = a.store.issue_alert(&missing_person()).unwrap();
    assert_eq!(sent.recipients, 0);
    let ours = only(&a.store);
    assert_eq!((ours.alert_id, ours.status), (sent.alert_id, AlertStatus::Active));
    assert!(ours.recipients.is_empty());
}

#[test]
fn an_expiry_in_the_past_or_beyond_ninety_days_is_refused_and_nothing_recorded() {
    let (mut a, _b, _c, _d) = network();
    for (expires_at, refused) in [(in_days(-1), "not in the future"), (in_days(91), "more than 90 days")] {
        let error = a
            .store
            .issue_alert(&NewAlert {
                expires_at,
                ..missing_person()
            })
            .unwrap_err();
        assert!(error.to_string().contains(refused), "{error}");
    }
    let long = NewAlert {
        subject: "s".repeat(201),
        ..missing_person()
    };
    assert!(matches!(
        a.store.issue_alert(&long),
        Err(ExchangeError::InvalidMessage(_))
    ));
    assert!(a.store.alerts(10).unwrap().is_empty());
}

#[test]
fn an_update_replaces_the_alert_and_an_older_revision_arriving_later_changes_nothing() {
    let (mut a, mut b, _c, _d) = network();
    let sent = a.store.issue_alert(&missing_person()).unwrap();
    carry(&mut a.store, &mut b.store);
    let change = AlertChange {
        subject: Some("Girl, 15, seen in Odesa on 9 May".into()),
        expires_at: Some(in_days(45)),
        ..AlertChange::default()
    };
    let updated = a.store.update_alert(&sent.alert_id, &change).unwrap();
    assert_eq!((updated.revision, updated.recipients), (2, 2));
    carry(&mut a.store, &mut b.store);
    let theirs = only(&b.store);
    assert_eq!(theirs.revision, 2);
    assert_eq!(theirs.subject, "Girl, 15, seen in Odesa on 9 May");
    assert_eq!(theirs.details, missing_person().details, "what was not changed stays");

    // Revision 1 again, in a new envelope (say from a backup of A's node): accepted, and
    // nothing changes.
    let old = revision_of(&theirs, 1, "Girl, 15, missing since 2 May");
    a.store.send(&b.store.node_id(), &old, Handling::Amber).unwrap();
    let received = carry(&mut a.store, &mut b.store);
    assert_eq!((received.accepted, received.rejected.len()), (1, 0));
    let theirs = only(&b.store);
    assert_eq!(
        (theirs.revision, theirs.subject.as_str()),
        (2, "Girl, 15, seen in Odesa on 9 May")
    );
}

#[test]
fn revisions_arriving_out_of_order_leave_the_highest() {
    let (mut a, mut b, _c, _d) = network();
    a.store.issue_alert(&missing_person()).unwrap();
    let ours = only(&a.store);
    // Revision 3 travels with the alert; revision 2, delayed, arrives after both.
    let third = revision_of(&ours, 3, "Found safe");
    a.store.send(&b.store.node_id(), &third, Handling::Amber).unwrap();
    assert_eq!(carry(&mut a.store, &mut b.store).accepted, 2);
    let second = revision_of(&ours, 2, "Seen in Odesa");
    a.store.send(&b.store.node_id(), &second, Handling::Amber).unwrap();
    assert_eq!(carry(&mut a.store, &mut b.store).accepted, 1);
    let theirs = only(&b.store);
    assert_eq!((theirs.alert_id, theirs.revision), (ours.alert_id, 3));
    assert_eq!(theirs.subject, "Found safe");
}

#[test]
fn a_cancelled_alert_is_cancelled_on_every_recipient_and_can_no_longer_be_acknowledged() {
    let (mut a, mut b, mut c, _d) = network();
    let sent = a.store.issue_alert(&missing_person()).unwrap();
    carry(&mut a.store, &mut b.store);
    carry(&mut a.store, &mut c.store);
    let cancelled = a.store.cancel_alert(&sent.alert_id).unwrap();
    assert_eq!((cancelled.revision, cancelled.recipients), (2, 2));
    for partner in [&mut b, &mut c] {
        carry(&mut a.store, &mut partner.store);
        assert_eq!(only(&partner.store).status, AlertStatus::Cancelled);
    }
    assert_eq!(only(&a.store).status, AlertStatus::Cancelled);
    let refused = b.store.acknowledge_alert(&sent.alert_id).unwrap_err();
    assert!(
        matches!(
            refused,
            ExchangeError::Alert(AlertError::NotActive {
                status: AlertStatus::Cancelled,
                ..
            })
        ),
        "{refused}"
    );
    assert!(matches!(
        a.store.cancel_alert(&sent.alert_id),
        Err(ExchangeError::Alert(AlertError::NotActive { .. }))
    ));
    assert!(matches!(
        a.store.update_alert(&sent.alert_id, &AlertChange::default()),
        Err(ExchangeError::Alert(AlertError::NotActive { .. }))
    ));
}

#[test]
fn an_alert_that_arrives_after_it_expired_shows_expired_and_cannot_be_acknowledged() {
    let (mut a, mut b, _c, _d) = network();
    // Carried by hand, it arrives an hour after its expiry.
    let stale = Message::Alert(Alert {
        alert_id: uuid::Uuid::new_v4(),
        revision: 1,
        alert_type: AlertType::RouteSeen,
        subject: "Minibus route through the mountain pass".into(),
        details: "Used at night in April.".into(),
        expires_at: Utc::now() - Duration::hours(1),
        area: None,
        cancelled: false,
    });
    a.store.send(&b.store.node_id(), &stale, Handling::Amber).unwrap();
    assert_eq!(carry(&mut a.store, &mut b.store).accepted, 1);
    let theirs = only(&b.store);
    assert_eq!(theirs.status, AlertStatus::Expired);
    let refused = b.store.acknowledge_alert(&theirs.alert_id).unwrap_err();
    assert_eq!(
        refused.to_string(),
        format!("alert {} is expired, so it cannot be acknowledged", theirs.alert_id)
    );
    assert!(
        matches!(
            b.store.export_bundle(&a.store.node_id()),
            Err(ExchangeError::NothingPending(_))
        ),
        "nothing was sent"
    );
}

#[test]
fn an_acknowledgement_reaches_the_issuer_and_is_shown_per_partner() {
    let (mut a, mut b, mut c, _d) = network();
    let sent = a.store.issue_alert(&missing_person()).unwrap();
    carry(&mut a.store, &mut b.store);
    carry(&mut a.store, &mut c.store);
    assert_eq!(b.store.acknowledge_alert(&sent.alert_id).unwrap(), 1);
    assert_eq!(only(&b.store).acknowledged_revision, Some(1));
    assert!(matches!(
        b.store.acknowledge_alert(&sent.alert_id),
        Err(ExchangeError::AlreadyAcknowledged { revision: 1, .. })
    ));
    assert_eq!(carry(&mut b.store, &mut a.store).accepted, 1);

    let ours = only(&a.store);
    let acked: Vec<(NodeId, Option<u32>)> = ours
        .recipients
        .iter()
        .map(|r| (r.peer, r.acknowledged_revision))
        .collect();
    assert!(acked.contains(&(b.store.node_id(), Some(1))), "{acked:?}");
    assert!(acked.contains(&(c.store.node_id(), None)), "{acked:?}");
    assert!(ours.recipients.iter().any(|r| r.acknowledged_at.is_some()));
    assert!(matches!(
        a.store.acknowledge_alert(&sent.alert_id),
        Err(ExchangeError::OwnAlert(_))
    ));

    // An update asks for a new acknowledgement; B gives it for revision 2.
    a.store.update_alert(&sent.alert_id, &AlertChange::default()).unwrap();
    carry(&mut a.store, &mut b.store);
    assert_eq!(only(&b.store).acknowledged_revision, Some(1));
    assert_eq!(b.store.acknowledge_alert(&sent.alert_id).unwrap(), 2);
    carry(&mut b.store, &mut a.store);
    let b_ack = only(&a.store)
        .recipients
        .into_iter()
        .find(|r| r.peer == b.store.node_id())
        .unwrap();
    assert_eq!(b_ack.acknowledged_revision, Some(2));
}

#[test]
fn a_partner_cannot_revise_an_alert_another_node_issued() {
    let (mut a, mut b, mut c, _d) = network();
    let sent = a.store.issue_alert(&missing_person()).unwrap();
    carry(&mut a.store, &mut b.store);
    carry(&mut a.store, &mut c.store);
    let error = b
        .store
        .update_alert(&sent.alert_id, &AlertChange::default())
        .unwrap_err();
    assert!(matches!(error, ExchangeError::NotIssuer { .. }), "{error}");
    assert!(matches!(
        b.store.cancel_alert(&sent.alert_id),
        Err(ExchangeError::NotIssuer { .. })
    ));

    // C forges a cancellation of A's alert and sends it to B.
    let theirs = only(&c.store);
    let Message::Alert(mut forged) = revision_of(&theirs, 9, "Found, stop looking") else {
        unreachable!()
    };
    forged.cancelled = true;
    c.store
        .send(&b.store.node_id(), &Message::Alert(forged), Handling::Amber)
        .unwrap();
    let received = carry(&mut c.store, &mut b.store);
    assert_eq!(received.accepted, 0);
    assert!(
        received.rejected[0]
            .1
            .contains("only its issuer may update or cancel it"),
        "{:?}",
        received.rejected
    );
    let held = only(&b.store);
    assert_eq!((held.revision, held.status), (1, AlertStatus::Active));
    assert_eq!(held.subject, "Girl, 15, missing since 2 May");
}

#[test]
fn the_same_alert_by_bundle_and_by_http_is_applied_once() {
    let (mut a, mut b, _c, _d) = network();
    a.store.issue_alert(&missing_person()).unwrap();
    let bundle = a.store.export_bundle(&b.store.node_id()).unwrap();
    let first = b.store.receive_bundle(&bundle.bytes, Via::Bundle).unwrap();
    let again = b.store.receive_bundle(&bundle.bytes, Via::Http).unwrap();
    assert_eq!((first.accepted, again.accepted, again.duplicates), (1, 0, 1));
    let theirs = only(&b.store);
    assert_eq!(theirs.revision, 1);
}

#[test]
fn an_alert_is_sealed_at_rest_and_audited_without_its_text() {
    let (mut a, mut b, _c, _d) = network();
    let sent = a.store.issue_alert(&missing_person()).unwrap();
    carry(&mut a.store, &mut b.store);
    b.store.acknowledge_alert(&sent.alert_id).unwrap();
    carry(&mut b.store, &mut a.store);
    a.store.cancel_alert(&sent.alert_id).unwrap();
    carry(&mut a.store, &mut b.store);

    let texts = {
        let alert = missing_person();
        [alert.subject, alert.details, alert.area.unwrap()]
    };
    let events = |store: &Store| {
        let trail = store.audit_trail(&AuditFilter::default(), 1000).unwrap();
        for text in &texts {
            let json = serde_json::to_string(&trail).unwrap();
            assert!(!json.contains(text.as_str()), "{text:?} in the audit trail");
        }
        trail.into_iter().map(|e| e.event).collect::<Vec<_>>()
    };
    let (ours, theirs) = (events(&a.store), events(&b.store));
    let count = |events: &[String], name: &str| events.iter().filter(|e| *e == name).count();
    assert_eq!(count(&ours, "alert.issued"), 2, "issued and cancelled: {ours:?}");
    assert_eq!(count(&ours, "alert.changed"), 1, "B's acknowledgement: {ours:?}");
    assert_eq!(count(&theirs, "alert.changed"), 1, "the cancellation: {theirs:?}");

    for node in [a, b] {
        let Node { _dir: dir, store } = node;
        drop(store);
        for entry in std::fs::read_dir(dir.path().join("data")).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            for text in &texts {
                let found = bytes.windows(text.len()).any(|w| w == text.as_bytes());
                assert!(!found, "{text:?} in clear in the data folder");
            }
        }
    }
}
