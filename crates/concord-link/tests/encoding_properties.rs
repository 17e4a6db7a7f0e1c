//! What an encoding keeps and what it hides: the same person written differently scores
//! high, other people score low, and without the key nothing can be tested. Scores are
//! the probability of a match under the default match weights, as a linkage too small to
//! estimate its own would give them.

use chrono::NaiveDate;
use concord_core::vocabulary::Gender;
use concord_core::{PartialDate, Person, RomanisedName};
use concord_link::encoding::{EncodeError, Encoder};
use concord_link::key::LinkageKey;
use concord_link::matching::DEFAULT_THRESHOLD;
use concord_link::schema::Schema;
use concord_link::weights::{Comparisons, MatchWeights};

mod common;
use common::person;

fn setup() -> (Schema, LinkageKey) {
    let schema = Schema::default_schema();
    let key = LinkageKey::from_bytes(schema.key_epoch, [3; 32]);
    (schema, key)
}

fn score(a: &Person, b: &Person) -> f32 {
    let (schema, key) = setup();
    let mut encoder = Encoder::new(&schema, &key).unwrap();
    let (fa, fb) = (encoder.encode_to_vec(a).unwrap(), encoder.encode_to_vec(b).unwrap());
    Comparisons::new(&schema).score(&MatchWeights::default_weights(), &fa, &fb)
}

#[test]
fn the_same_person_in_another_script_order_or_spelling_scores_above_the_threshold() {
    let f = Gender::Feminine;
    let m = Gender::Masculine;
    let pairs = [
        (
            person("Олена", "Коваленко", Some("1990-03-09"), f),
            person("Olena", "Kovalenko", Some("1990-03-09"), f),
        ),
        (
            person("Olena", "Kovalenko", Some("1990-03-09"), f),
            person("Kovalenko", "Olena", Some("1990-03-09"), f),
        ),
        (
            person("Юлія", "Мельник", Some("1995"), f),
            person("Yuliia", "Melnyk", Some("1995-07-01"), f),
        ),
        (
            person("Айгерім", "Сейітова", Some("2001-02"), f),
            person("Aigerim", "Seitova", Some("2001-02-11"), f),
        ),
        (
            person("지민", "박", Some("1999-12-24"), f),
            person("Ji-min", "Park", Some("1999-12-24"), f),
        ),
        (
            person("Işıl", "Şahin", Some("1993-05-05"), f),
            person("Isil", "Sahin", Some("1993-05-05"), f),
        ),
        (
            person("Jiří", "Dvořák", Some("1980±3"), m),
            person("Jiri", "Dvorak", Some("1981-06-30"), m),
        ),
    ];
    for (a, b) in &pairs {
        let s = score(a, b);
        assert!(s >= DEFAULT_THRESHOLD, "{s}: {:?} / {:?}", a.names[0], b.names[0]);
    }
}

#[test]
fn arabic_script_meets_its_romanised_form_through_the_consonant_skeletons() {
    let m = Gender::Masculine;
    let romanised = person("Mohammed", "Al-Hassan", Some("1988-01-01"), m);
    let native_only = person("محمد", "الحسن", Some("1988-01-01"), m);
    let skeletons_only = score(&native_only, &romanised);
    assert!(
        skeletons_only >= DEFAULT_THRESHOLD,
        "script alone against romanisation alone meets on skeletons, which with the same \
         date of birth is enough: {skeletons_only}"
    );
    let mut both_forms = native_only.clone();
    both_forms.names[0].romanised = Some(RomanisedName {
        given: "Mohammed".into(),
        family: "Al-Hassan".into(),
    });
    let s = score(&both_forms, &romanised);
    assert!(s >= DEFAULT_THRESHOLD, "{s}");
}

#[test]
fn namesakes_born_years_apart_and_gendered_forms_score_below_the_threshold() {
    let f = Gender::Feminine;
    let m = Gender::Masculine;
    let pairs = [
        (
            person("Olena", "Kovalenko", Some("1990-03-09"), f),
            person("Olena", "Kovalenko", Some("1972-11-20"), f),
        ),
        (
            person("Ivan", "Ivanov", Some("1990-03-09"), m),
            person("Ivana", "Ivanova", Some("1990-03-09"), f),
        ),
        (
            person("Olena", "Kovalenko", Some("1990-03-09"), f),
            person("Iryna", "Bondarenko", Some("1990-03-09"), f),
        ),
    ];
    for (a, b) in &pairs {
        let s = score(a, b);
        assert!(s < DEFAULT_THRESHOLD, "{s}: {:?} / {:?}", a.names[0], b.names[0]);
    }
}

#[test]
fn a_partial_date_matches_every_date_it_contains_a_little_below_an_exact_one() {
    let f = Gender::Feminine;
    let full = person("Olena", "Kovalenko", Some("1990-03-09"), f);
    let exact = score(&full, &full);
    let month = score(&full, &person("Olena", "Kovalenko", Some("1990-03"), f));
    let year = score(&full, &person("Olena", "Kovalenko", Some("1990"), f));
    assert!(
        DEFAULT_THRESHOLD <= year && year < month && month < exact,
        "{year} {month} {exact}"
    );
    let other_year = score(&full, &person("Olena", "Kovalenko", Some("1993"), f));
    assert!(other_year < year, "{other_year}");
}

#[test]
fn encoding_is_deterministic_and_depends_on_the_key() {
    let (schema, key) = setup();
    let p = person("Olena", "Kovalenko", Some("1990-03-09"), Gender::Feminine);
    let a = Encoder::new(&schema, &key).unwrap().encode_to_vec(&p).unwrap();
    let b = Encoder::new(&schema, &key).unwrap().encode_to_vec(&p).unwrap();
    assert_eq!(a, b);
    let other = LinkageKey::from_bytes(schema.key_epoch, [4; 32]);
    let c = Encoder::new(&schema, &other).unwrap().encode_to_vec(&p).unwrap();
    let s = Comparisons::new(&schema).score(&MatchWeights::default_weights(), &a, &c);
    assert!(s < 0.5, "the same person under another key scores {s}");
}

#[test]
fn a_name_that_cannot_be_normalised_is_refused_naming_its_field() {
    let (schema, key) = setup();
    let mut encoder = Encoder::new(&schema, &key).unwrap();
    let f = Gender::Feminine;
    let mut p = person("Olena", "Kovalenko", None, f);
    p.names[0].romanised = Some(RomanisedName {
        given: "Ol3na!".into(),
        family: "K0valenk0".into(),
    });
    p.names[0].romanised.as_mut().unwrap().family = "Kоvalenko".into(); // a Cyrillic о inside
    match encoder.encode_to_vec(&p) {
        Err(EncodeError::Name { field, error }) => {
            assert_eq!(field, "names[0].romanised.family");
            assert!(!error.to_string().contains("valenko"), "{error}");
        }
        other => panic!("{other:?}"),
    }
    for (given, family) in [("", ""), ("  ", "-"), ("123", "!!!")] {
        assert!(
            encoder.encode_to_vec(&person(given, family, None, f)).is_err(),
            "{given:?} {family:?}"
        );
    }
    let long = "a".repeat(10_000);
    assert!(matches!(
        encoder.encode_to_vec(&person(&long, "Smith", None, f)),
        Err(EncodeError::Name { .. })
    ));
}

#[test]
fn a_key_of_another_epoch_is_refused() {
    let schema = Schema::default_schema();
    let key = LinkageKey::from_bytes(schema.key_epoch + 1, [3; 32]);
    let e = Encoder::new(&schema, &key).err().expect("refused").to_string();
    assert!(e.contains("epoch"), "{e}");
}

#[test]
fn an_approximate_date_still_matches_a_date_within_its_range() {
    let f = Gender::Feminine;
    let full = person("Olena", "Kovalenko", Some("1990-03-09"), f);
    let s = score(&full, &person("Olena", "Kovalenko", Some("1991±3"), f));
    assert!(s >= DEFAULT_THRESHOLD, "{s}");
    let date: PartialDate = "1991±3".parse().unwrap();
    assert!(date.overlaps(PartialDate::Full(NaiveDate::from_ymd_opt(1990, 3, 9).unwrap())));
}
