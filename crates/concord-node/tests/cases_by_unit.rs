//! A field officer reaches only their own unit's cases; other roles reach every case.
//! What a user opens or changes is recorded under their name.

use concord_core::{Case, Role};
use concord_node::audit::AuditFilter;
use concord_node::store::{CaseFilter, Page, PersonFilter};
use concord_node::users::User;
use concord_node::{Store, StoreError};

mod common;

fn user(store: &mut Store, name: &str, role: Role, unit: Option<&str>) -> User {
    common::add_user(store, name, role, unit).0
}

/// A node with ten cases, the first five created by a field officer of unit A and the
/// others by one of unit B; and an analyst.
fn node(dir: &std::path::Path) -> (Store, [User; 3], Vec<Case>) {
    let (mut store, _) = common::new_node(dir);
    let a = user(&mut store, "field-a", Role::FieldOfficer, Some("Unit A"));
    let b = user(&mut store, "field-b", Role::FieldOfficer, Some("Unit B"));
    let analyst = user(&mut store, "analyst", Role::Analyst, None);
    let cases = common::synthetic_cases(7, 10);
    for (i, case) in cases.iter().enumerate() {
        store.create_case(if i < 5 { &a } else { &b }, case).unwrap();
    }
    (store, [a, b, analyst], cases)
}

#[test]
fn a_field_officer_lists_only_their_units_cases_and_persons() {
    let dir = tempfile::tempdir().unwrap();
    let (store, [a, _, analyst], cases) = node(dir.path());
    let page = Page::new(1, 100);
    let listed = store.cases_for(&a, CaseFilter::default(), page).unwrap();
    let mut ids: Vec<_> = listed.items.iter().map(|c| c.id.clone()).collect();
    ids.sort();
    let mut own: Vec<_> = cases[..5].iter().map(|c| c.id.clone()).collect();
    own.sort();
    assert_eq!(ids, own);
    assert_eq!(listed.total, 5);
    let asked_for_b = CaseFilter {
        unit: Some("Unit B".into()),
        ..CaseFilter::default()
    };
    assert_eq!(
        store.cases_for(&a, asked_for_b, page).unwrap().total,
        5,
        "asking for another unit does not widen the view"
    );
    assert_eq!(
        store.cases_for(&analyst, CaseFilter::default(), page).unwrap().total,
        10
    );
    let persons_of_a: usize = cases[..5].iter().map(|c| c.persons.len()).sum();
    assert_eq!(
        store.persons_for(&a, PersonFilter::default(), page).unwrap().total as usize,
        persons_of_a
    );
}

#[test]
fn another_units_case_cannot_be_opened_or_changed_and_looks_absent() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, [a, b, analyst], cases) = node(dir.path());
    let theirs = &cases[7];
    assert_eq!(store.open_case(&a, &theirs.id).unwrap(), None);
    assert!(store.open_case(&b, &theirs.id).unwrap().is_some());
    assert!(store.open_case(&analyst, &theirs.id).unwrap().is_some());
    let person = &theirs.persons[0].id;
    assert_eq!(store.open_person(&a, person).unwrap(), None);
    assert!(matches!(
        store.change_case(&a, theirs),
        Err(StoreError::CaseNotFound(_))
    ));
    assert_eq!(store.get_case(&theirs.id).unwrap().as_ref(), Some(theirs), "unchanged");
}

#[test]
fn opening_and_changing_a_case_is_recorded_under_the_users_name() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, [a, _, _], cases) = node(dir.path());
    let mut case = store.open_case(&a, &cases[0].id).unwrap().unwrap();
    case.narrative = Some("Corrected after the second interview.".into());
    store.change_case(&a, &case).unwrap();
    assert!(
        store.open_case(&a, &case.id).unwrap().is_some(),
        "a changed case stays in its unit"
    );
    let filter = AuditFilter {
        actor: Some("field-a".into()),
        event: Some("case".into()),
        ..AuditFilter::default()
    };
    let trail = store.audit_trail(&filter, 100).unwrap();
    let events: Vec<_> = trail.iter().rev().map(|e| e.event.as_str()).collect();
    assert_eq!(
        &events[events.len() - 3..],
        ["case.viewed", "case.changed", "case.viewed"]
    );
    assert_eq!(events.iter().filter(|e| **e == "case.created").count(), 5);
    assert!(trail
        .iter()
        .all(|e| e.detail.as_deref().is_some_and(|d| d.contains("case "))));
    assert!(store.verify_audit().unwrap().broken.is_none());
}
