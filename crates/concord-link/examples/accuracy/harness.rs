//! The accuracy measurement shared by `examples/accuracy.rs` (which prints the report in
//! `docs/linkage.md`) and `tests/accuracy_on_synthetic_data.rs` (which holds the line).
//!
//! Several agencies of one synthetic network each encode every person they hold; all
//! parties are linked together (one record per party per group); the groups are scored
//! against the generator's ground truth, per script of the individual's native name.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use concord_core::Person;
use concord_link::encoding::encode_all;
use concord_link::evaluation::{evaluate, Point, Truth};
use concord_link::filter::FilterSet;
use concord_link::key::LinkageKey;
use concord_link::matching::Matcher;
use concord_link::schema::Schema;
use concord_synth::names::Script;

/// One agency's persons, each once, with the truth about each.
pub struct Party {
    pub code: String,
    pub persons: Vec<Person>,
    pub truth: Vec<Option<Truth>>,
}

/// The persons of the first `agencies` agencies of a network, `cases` cases each.
pub fn parties(seed: u64, agencies: usize, cases: usize) -> Vec<Party> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date");
    let config = concord_synth::Config::new(seed, today);
    concord_synth::agencies(agencies)
        .iter()
        .map(|agency| {
            let mut seen = HashSet::new();
            let (mut persons, mut truth) = (Vec::new(), Vec::new());
            for synthetic in concord_synth::cases(&config, agency, cases) {
                for (person, entity) in synthetic.case.persons.into_iter().zip(synthetic.entities) {
                    if seen.insert(person.id.clone()) {
                        let label = script_name(concord_synth::name_pool(entity).script);
                        truth.push(Some(Truth {
                            entity: entity.0,
                            label: label.to_string(),
                        }));
                        persons.push(person);
                    }
                }
            }
            Party {
                code: agency.code().to_string(),
                persons,
                truth,
            }
        })
        .collect()
}

fn script_name(script: Script) -> &'static str {
    match script {
        Script::Latin => "Latin",
        Script::Cyrillic => "Cyrillic",
        Script::Arabic => "Arabic",
        Script::Hangul => "Hangul",
        Script::Georgian => "Georgian",
        Script::Armenian => "Armenian",
        Script::Greek => "Greek",
        Script::Ethiopic => "Ethiopic",
        Script::Myanmar => "Myanmar",
        Script::Thai => "Thai",
        Script::Devanagari => "Devanagari",
    }
}

/// Encodes every party's persons; a person that cannot be encoded gets an empty filter.
pub fn encode(parties: &[Party], schema: &Schema, key: &LinkageKey) -> Vec<FilterSet> {
    let empty = vec![0; schema.filter_words()];
    parties
        .iter()
        .map(|party| {
            let mut set = FilterSet::with_capacity(schema.filter_bits as usize, party.persons.len());
            for filter in encode_all(schema, key, &party.persons, &|| ()).expect("same epoch") {
                set.push(filter.as_deref().unwrap_or(&empty));
            }
            set
        })
        .collect()
}

/// Precision, recall and F1 per script and threshold, linking all parties together.
pub fn measure(
    matcher: &Matcher,
    parties: &[Party],
    sets: &[FilterSet],
    thresholds: &[f32],
) -> BTreeMap<String, Vec<Point>> {
    let lowest = thresholds.iter().copied().fold(f32::INFINITY, f32::min);
    let filters: Vec<&FilterSet> = sets.iter().collect();
    let links = matcher.link_filters(&filters, lowest).links;
    let truth: Vec<Vec<Option<Truth>>> = parties.iter().map(|p| p.truth.clone()).collect();
    evaluate(&links, &truth, thresholds)
}

/// The point with the best F1.
pub fn best(points: &[Point]) -> Point {
    *points
        .iter()
        .max_by(|a, b| a.f1.total_cmp(&b.f1))
        .expect("at least one threshold")
}
