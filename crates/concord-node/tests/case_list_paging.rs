//! The case list gives the same cases however it is paged, and its counts follow every
//! change to the cases, made through this store or by another process.
//!
//! A page is found in one of two ways, chosen by how many cases match (see
//! `store/sqlite/mod.rs`): small pages of a filter that many cases match walk the cases
//! newest first; large pages, or filters few cases match, sort the matches. Paging one
//! case at a time and reading everything in one page of 500 take one way each.

use concord_core::vocabulary::{CaseStatus, ExploitationType};
use concord_core::CaseId;
use concord_node::store::{CaseFilter, Page};
use concord_node::Store;

mod common;

fn all_in_one_page(store: &Store, filter: &CaseFilter) -> (Vec<CaseId>, u64) {
    let listed = store.list_cases(filter, Page::new(1, Page::MAX_SIZE)).unwrap();
    (listed.items.into_iter().map(|c| c.id).collect(), listed.total)
}

fn page_by_page(store: &Store, filter: &CaseFilter, size: u32) -> Vec<CaseId> {
    let mut ids = Vec::new();
    for number in 1.. {
        let page = store.list_cases(filter, Page::new(number, size)).unwrap();
        if page.items.is_empty() {
            break;
        }
        ids.extend(page.items.into_iter().map(|c| c.id));
    }
    ids
}

fn filters(store: &Store) -> Vec<CaseFilter> {
    let some = store.list_cases(&CaseFilter::default(), Page::new(1, 1)).unwrap().items[0].clone();
    let dated = |from: &str, to: &str| CaseFilter {
        registered_from: Some(from.parse().unwrap()),
        registered_to: Some(to.parse().unwrap()),
        ..CaseFilter::default()
    };
    vec![
        CaseFilter::default(),
        CaseFilter {
            status: Some(CaseStatus::Active),
            ..CaseFilter::default()
        },
        CaseFilter {
            status: Some(CaseStatus::Active),
            exploitation: Some(ExploitationType::ForcedLabour),
            ..CaseFilter::default()
        },
        CaseFilter {
            exploitation: Some(ExploitationType::SexualExploitation),
            citizenship: Some("UA".parse().unwrap()),
            ..CaseFilter::default()
        },
        CaseFilter {
            route_country: some.destination,
            ..CaseFilter::default()
        },
        CaseFilter {
            id_contains: Some("1".into()),
            ..CaseFilter::default()
        },
        dated("2020-01-01", "2026-06-30"),
        CaseFilter {
            status: Some(CaseStatus::Active),
            ..dated("2024-01-01", "2026-06-30")
        },
    ]
}

#[test]
fn paging_one_case_at_a_time_gives_the_same_cases_as_one_large_page() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = common::new_node(dir.path());
    for case in common::synthetic_cases(11, 120) {
        store.insert_case(&case).unwrap();
    }
    for filter in filters(&store) {
        let (all, total) = all_in_one_page(&store, &filter);
        assert_eq!(all.len() as u64, total, "{filter:?}");
        assert!(total > 0, "the filter matches something: {filter:?}");
        for size in [1, 3, 7] {
            assert_eq!(page_by_page(&store, &filter, size), all, "{filter:?}, pages of {size}");
        }
    }
}

#[test]
fn counts_follow_writes_of_this_store_and_of_another_process() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, key) = common::new_node(dir.path());
    let cases = common::synthetic_cases(12, 30);
    for case in &cases[..10] {
        store.insert_case(case).unwrap();
    }
    let everything = CaseFilter::default();
    assert_eq!(all_in_one_page(&store, &everything).1, 10);

    store.insert_case(&cases[10]).unwrap();
    assert_eq!(all_in_one_page(&store, &everything).1, 11, "a case added here");

    // Another process (the command line, while the server runs) writes to the database.
    let mut other = Store::open(&dir.path().join("data"), &key).unwrap();
    other.insert_case(&cases[11]).unwrap();
    assert_eq!(all_in_one_page(&store, &everything).1, 12, "a case added by another");

    let mut changed = cases[0].clone();
    let active = CaseFilter {
        status: Some(CaseStatus::Active),
        ..CaseFilter::default()
    };
    let before = all_in_one_page(&store, &active).1;
    changed.status = if changed.status == CaseStatus::Active {
        CaseStatus::Closed
    } else {
        CaseStatus::Active
    };
    other.update_case(&changed).unwrap();
    let after = all_in_one_page(&store, &active).1;
    assert_eq!(after.abs_diff(before), 1, "a status changed by another");

    // A write that fails changes nothing, and the count says so.
    assert!(store.insert_case(&cases[0]).is_err());
    assert_eq!(all_in_one_page(&store, &everything).1, 12);
}
