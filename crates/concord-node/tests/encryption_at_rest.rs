//! A copy of the data folder reveals no name, document number, phone number or narrative.

mod common;

use std::collections::BTreeSet;

use concord_node::store::Lookup;
use concord_node::Store;

/// Every identifying string planted in the cases, in every script.
fn planted(cases: &[concord_core::Case]) -> BTreeSet<String> {
    let mut values = BTreeSet::new();
    for case in cases {
        values.extend(case.narrative.clone());
        for person in &case.persons {
            for name in &person.names {
                values.extend([name.given.clone(), name.family.clone()]);
                if let Some(r) = &name.romanised {
                    values.extend([r.given.clone(), r.family.clone()]);
                }
            }
            values.extend(person.documents.iter().map(|d| d.number.as_str().to_string()));
            values.extend(person.phones.iter().map(|p| p.as_str().to_string()));
        }
    }
    // Strings of five bytes or fewer turn up by chance in megabytes of ciphertext and
    // random nonces (a 4-byte string: about once per 4 GiB per position, but there are
    // thousands of strings); six bytes is two Cyrillic or Arabic letters and a short name.
    values.retain(|v| v.len() >= 6);
    // A name may also be part of what is rightly kept in clear: "Mykola" in the place
    // "Mykolaiv", a family name in an organisation's name. Those are not leaks.
    let clear: Vec<String> = cases
        .iter()
        .map(|c| {
            let public = concord_core::Case {
                narrative: None,
                persons: Vec::new(),
                ..c.clone()
            };
            serde_json::to_string(&public).unwrap()
        })
        .collect();
    values.retain(|v| !clear.iter().any(|text| text.contains(v.as_str())));
    values
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

#[test]
fn no_identifying_value_appears_in_any_file_of_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let cases = common::synthetic_network_cases(11, 25, 30);
    let values = planted(&cases);
    let scripts =
        |range: std::ops::RangeInclusive<char>| values.iter().filter(|v| v.chars().any(|c| range.contains(&c))).count();
    assert!(scripts('\u{0400}'..='\u{04FF}') > 20, "Cyrillic names planted");
    assert!(scripts('\u{0600}'..='\u{06FF}') > 20, "Arabic-script names planted");
    assert!(scripts('\u{AC00}'..='\u{D7A3}') > 5, "Hangul names planted");
    assert!(
        scripts('\u{00C0}'..='\u{017F}') > 5,
        "Latin names with diacritics planted"
    );
    assert!(values.iter().any(|v| v.starts_with('+')), "phone numbers planted");

    let (mut store, _) = common::new_node(dir.path());
    store
        .write(|w| cases.iter().try_for_each(|c| w.insert_case(c)))
        .unwrap();
    drop(store);

    let mut files = 0;
    for entry in std::fs::read_dir(dir.path().join("data")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        files += 1;
        for value in &values {
            assert!(
                !contains(&bytes, value.as_bytes()),
                "synthetic value {value:?} found in clear in the data folder"
            );
        }
    }
    assert!(files >= 1);
}

#[test]
fn exact_lookups_find_persons_through_blind_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let cases = common::synthetic_cases(12, 200);
    let (mut store, key) = common::new_node(dir.path());
    store
        .write(|w| cases.iter().try_for_each(|c| w.insert_case(c)))
        .unwrap();
    drop(store);
    let store = Store::open(&dir.path().join("data"), &key).unwrap();

    let person = cases
        .iter()
        .flat_map(|c| &c.persons)
        .find(|p| !p.documents.is_empty() && !p.phones.is_empty());
    let person = person.expect("some synthetic person has a document and a phone");
    let by_doc = store
        .find_persons(&Lookup::Document(person.documents[0].number.as_str().to_lowercase()))
        .unwrap();
    assert!(by_doc.contains(&person.id));
    let by_phone = store
        .find_persons(&Lookup::Phone(person.phones[0].as_str().to_string()))
        .unwrap();
    assert!(by_phone.contains(&person.id));
    let name = &person.names[0];
    let shouted = format!("  {}   {} ", name.given.to_uppercase(), name.family.to_uppercase());
    assert!(store.find_persons(&Lookup::Name(shouted)).unwrap().contains(&person.id));
    assert!(store
        .find_persons(&Lookup::Document("ZZ0000000NOPE".into()))
        .unwrap()
        .is_empty());
}

#[test]
fn stored_cases_read_back_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let cases = common::synthetic_cases(13, 100);
    let (mut store, _) = common::new_node(dir.path());
    store
        .write(|w| cases.iter().try_for_each(|c| w.insert_case(c)))
        .unwrap();
    for case in &cases {
        assert_eq!(store.get_case(&case.id).unwrap().as_ref(), Some(case));
    }
}
