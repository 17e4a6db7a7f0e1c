//! Blocking keys hold the date of birth as well as the names, so that namesakes of other
//! ages rarely meet, while a record without a date still meets every namesake; and
//! however many tables a pair meets in, it is kept once.

mod common;

use std::sync::atomic::{AtomicU64, Ordering};

use common::person;
use concord_core::vocabulary::Gender;
use concord_link::blocking::{Blocked, Blocking};
use concord_link::encoding::Encoder;
use concord_link::filter::FilterSet;
use concord_link::key::LinkageKey;
use concord_link::schema::Schema;
use concord_link::similarity::Kernel;

fn filters(people: &[(&str, &str, Option<&str>)]) -> FilterSet {
    let schema = Schema::default_schema();
    let key = LinkageKey::from_bytes(schema.key_epoch, [5; 32]);
    let mut encoder = Encoder::new(&schema, &key).unwrap();
    let mut set = FilterSet::new(schema.filter_bits as usize);
    for (given, family, birth) in people {
        set.push(
            &encoder
                .encode_to_vec(&person(given, family, *birth, Gender::Feminine))
                .unwrap(),
        );
    }
    set
}

/// Links one record with another, keeping every pair of Dice at least 0.5.
fn link(blocking: Blocking, left: (&str, &str, Option<&str>), right: (&str, &str, Option<&str>)) -> Blocked {
    let bits = Schema::default_schema().blocking_bits();
    let (left, right) = (filters(&[left]), filters(&[right]));
    blocking.link(Kernel::best(), (&left, &right), 0.5, &bits, (&Some, &Some))
}

#[test]
fn namesakes_born_decades_apart_meet_in_few_tables_when_keys_hold_the_date() {
    let blocking = Blocking::default();
    let same_day = link(
        blocking,
        ("Olena", "Kovalenko", Some("1990-03-09")),
        ("Olena", "Kovalenko", Some("1990-03-09")),
    );
    assert_eq!(
        same_day.comparisons, blocking.tables as u64,
        "the same person meets in every table"
    );
    let apart = link(
        blocking,
        ("Olena", "Kovalenko", Some("1951-11-20")),
        ("Olena", "Kovalenko", Some("1996-05-02")),
    );
    // The dates share no token, only the bits their tokens happen to set in common.
    assert!(
        apart.comparisons * 3 < blocking.tables as u64,
        "namesakes 45 years apart met in {} of {} tables",
        apart.comparisons,
        blocking.tables
    );
    let names_only = link(
        Blocking {
            by_date: false,
            ..blocking
        },
        ("Olena", "Kovalenko", Some("1951-11-20")),
        ("Olena", "Kovalenko", Some("1996-05-02")),
    );
    assert_eq!(
        names_only.comparisons, blocking.tables as u64,
        "names alone: every table"
    );
}

#[test]
fn a_record_without_a_date_of_birth_meets_every_namesake_by_the_names_alone() {
    let blocking = Blocking::default();
    for (left, right) in [(None, Some("1951-11-20")), (Some("1996-05-02"), None), (None, None)] {
        let blocked = link(blocking, ("Olena", "Kovalenko", left), ("Olena", "Kovalenko", right));
        assert_eq!(
            blocked.comparisons, blocking.tables as u64,
            "{left:?} against {right:?}"
        );
        assert_eq!(blocked.candidates.len(), 1, "{left:?} against {right:?}");
    }
}

#[test]
fn a_pair_met_in_many_tables_is_scored_in_each_and_kept_once() {
    let blocking = Blocking::default();
    let bits = Schema::default_schema().blocking_bits();
    let left = filters(&[
        ("Olena", "Kovalenko", Some("1990-03-09")),
        ("Iryna", "Bondarenko", None),
    ]);
    let right = filters(&[
        ("Olena", "Kovalenko", Some("1990")),
        ("Iryna", "Bondarenko", Some("1985-01-02")),
        ("Mykola", "Shevchuk", Some("1970-07-07")),
    ]);
    let (scored, kept) = (AtomicU64::new(0), AtomicU64::new(0));
    let blocked = blocking.link(
        Kernel::best(),
        (&left, &right),
        0.5,
        &bits,
        (
            &|c| {
                scored.fetch_add(1, Ordering::Relaxed);
                Some(c)
            },
            &|c| {
                kept.fetch_add(1, Ordering::Relaxed);
                Some(c)
            },
        ),
    );
    let pairs: Vec<(u32, u32)> = blocked.candidates.iter().map(|c| (c.left, c.right)).collect();
    assert_eq!(pairs, vec![(0, 0), (1, 1)]);
    assert_eq!(kept.into_inner(), 2, "each pair passed to keep once");
    assert!(scored.into_inner() > 2 * 10, "scored again in the tables they met in");
}
