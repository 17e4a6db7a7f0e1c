//! The large-linkage benchmark of `docs/performance.md`: two agencies with about a million
//! persons each, encoded, then linked with blocking; the share of true matches kept is
//! measured against exhaustive comparison of a random sample of one side.
//!
//! `cargo run --release -p concord-link --example scale -- [PERSONS] [SAMPLE] [TABLES] [HASHES] [DICE%] [BY_DATE]`
//! (defaults: 1,000,000 persons per agency; a sample of 2,000 records compared
//! exhaustively; the default blocking; the default candidate Dice, in percent; 0 or 1
//! for keys of names alone or of names and date of birth).

use std::collections::HashSet;
use std::time::Instant;

use chrono::NaiveDate;
use concord_core::Person;
use concord_link::blocking::Blocking;
use concord_link::encoding::{encode_all, Encoder};
use concord_link::filter::FilterSet;
use concord_link::key::LinkageKey;
use concord_link::matching::{Matcher, Scoring, DEFAULT_CANDIDATE_DICE, DEFAULT_THRESHOLD};
use concord_link::schema::Schema;
use concord_link::similarity::{compare_lists, Kernel};
use concord_link::weights::{Comparisons, MatchWeights};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rayon::prelude::*;

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).map(|a| a.parse().expect("numbers")).collect();
    let wanted = args.first().copied().unwrap_or(1_000_000);
    let sample = args.get(1).copied().unwrap_or(2_000);
    let schema = Schema::default_schema();
    let key = LinkageKey::from_bytes(schema.key_epoch, [42; 32]);

    let started = Instant::now();
    let sides: Vec<(Vec<Person>, Vec<u64>)> = (0..2)
        .map(|a| {
            persons(
                a,
                if a == 1 {
                    std::env::var("RIGHT")
                        .ok()
                        .and_then(|r| r.parse().ok())
                        .unwrap_or(wanted)
                } else {
                    wanted
                },
            )
        })
        .collect();
    println!(
        "generated {} + {} persons in {:.1} s",
        sides[0].0.len(),
        sides[1].0.len(),
        started.elapsed().as_secs_f64()
    );

    let one_core = sides[0].0.len().min(200_000);
    let started = Instant::now();
    let mut encoder = Encoder::new(&schema, &key).expect("same epoch");
    let encoded = sides[0].0[..one_core]
        .iter()
        .filter(|p| encoder.encode_to_vec(p).is_ok())
        .count();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "encoding on one core: {encoded} records in {seconds:.2} s = {:.0} records/s",
        encoded as f64 / seconds
    );

    let started = Instant::now();
    let sets: Vec<FilterSet> = sides.iter().map(|(p, _)| encode(&schema, &key, p)).collect();
    let seconds = started.elapsed().as_secs_f64();
    let total = sets[0].len() + sets[1].len();
    println!(
        "encoding on {} threads: {total} records in {seconds:.2} s = {:.0} records/s",
        rayon::current_num_threads(),
        total as f64 / seconds
    );

    let blocking = Blocking {
        tables: args.get(2).copied().unwrap_or(Blocking::default().tables),
        hashes: args.get(3).copied().unwrap_or(Blocking::default().hashes),
        by_date: args.get(5).map_or(Blocking::default().by_date, |&d| d != 0),
        ..Blocking::default()
    };
    let candidate_dice = args.get(4).map_or(DEFAULT_CANDIDATE_DICE, |&d| d as f32 / 100.0);
    let matcher = Matcher::new(&schema)
        .blocking(Some(blocking))
        .candidate_dice(candidate_dice);
    let started = Instant::now();
    // The shipped levels with the share of matches estimated on this linkage, as nodes
    // score hits: estimating every level by EM on a million namesakes lets them capture
    // the match class (docs/performance.md, "Calibrated to the lists").
    let weights = matcher.with_prior(&[&sets[0], &sets[1]], &MatchWeights::default_weights());
    println!(
        "share of matches estimated on {} pairs in {} iterations: {:.5} ({:.1} s)",
        weights.pairs,
        weights.iterations,
        weights.matches,
        started.elapsed().as_secs_f64()
    );
    let matcher = matcher
        .scoring(Scoring::Given(weights.clone()))
        .expect("weights of this schema");
    let scored = Instant::now();
    let found = matcher.pairs(&sets[0], &sets[1], DEFAULT_THRESHOLD);
    println!("scored with them: {:.1} s", scored.elapsed().as_secs_f64());
    let seconds = started.elapsed().as_secs_f64();
    let all_pairs = sets[0].len() as f64 * sets[1].len() as f64;
    println!(
        "blocked linkage ({} tables × {} hashes{}): {:.1} s, {} comparisons ({:.4}% of all {:.2e} pairs), {} pairs at {}",
        blocking.tables,
        blocking.hashes,
        if blocking.by_date { " and the date" } else { "" },
        seconds,
        found.comparisons,
        100.0 * found.comparisons as f64 / all_pairs,
        all_pairs,
        found.pairs.len(),
        DEFAULT_THRESHOLD
    );
    kept_against_exhaustive(&schema, &weights, &sets, &sides, &found.pairs, sample, candidate_dice);
}

/// The first `wanted` persons of agency `a` (each once) and their entities.
fn persons(a: usize, wanted: usize) -> (Vec<Person>, Vec<u64>) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date");
    let config = concord_synth::Config::new(2026, today);
    let agency = &concord_synth::agencies(2)[a];
    let mut seen = HashSet::new();
    let (mut persons, mut entities) = (Vec::new(), Vec::new());
    for synthetic in concord_synth::cases(&config, agency, usize::MAX) {
        for (person, entity) in synthetic.case.persons.into_iter().zip(synthetic.entities) {
            if seen.insert(person.id.clone()) {
                persons.push(person);
                entities.push(entity.0);
            }
        }
        if persons.len() >= wanted {
            break;
        }
    }
    persons.truncate(wanted);
    entities.truncate(wanted);
    (persons, entities)
}

fn encode(schema: &Schema, key: &LinkageKey, persons: &[Person]) -> FilterSet {
    let empty = vec![0; schema.filter_words()];
    let mut set = FilterSet::with_capacity(schema.filter_bits as usize, persons.len());
    for filter in encode_all(schema, key, persons, &|| ()).expect("same epoch") {
        set.push(filter.as_deref().unwrap_or(&empty));
    }
    set
}

/// Compares a random sample of the left side with every right record (the same pipeline
/// without blocking: candidates at `candidate_dice`, scores under the same weights at the
/// threshold), and
/// reports the share of the true matches found that way which the blocked linkage found.
fn kept_against_exhaustive(
    schema: &Schema,
    weights: &MatchWeights,
    sets: &[FilterSet],
    sides: &[(Vec<Person>, Vec<u64>)],
    blocked: &[concord_link::similarity::Candidate],
    sample: usize,
    candidate_dice: f32,
) {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let mut left: Vec<u32> = (0..sets[0].len() as u32).collect();
    left.shuffle(&mut rng);
    left.truncate(sample);
    let right: Vec<u32> = (0..sets[1].len() as u32).collect();
    let started = Instant::now();
    let exhaustive: Vec<_> = left
        .par_chunks(64)
        .flat_map_iter(|chunk| {
            let mut out = Vec::new();
            compare_lists(
                Kernel::best(),
                &sets[0],
                chunk,
                &sets[1],
                &right,
                candidate_dice,
                &mut out,
            );
            out
        })
        .collect();
    let comparisons = Comparisons::new(schema);
    let true_matches: Vec<(u32, u32)> = exhaustive
        .iter()
        .filter(|c| sides[0].1[c.left as usize] == sides[1].1[c.right as usize])
        .filter(|c| {
            let (a, b) = (sets[0].get(c.left as usize), sets[1].get(c.right as usize));
            comparisons.score(weights, a, b) >= DEFAULT_THRESHOLD
        })
        .map(|c| (c.left, c.right))
        .collect();
    let found: HashSet<(u32, u32)> = blocked.iter().map(|c| (c.left, c.right)).collect();
    let kept = true_matches.iter().filter(|p| found.contains(p)).count();
    println!(
        "exhaustive comparison of {sample} sampled records with all {} ({:.1} s): {} true matches at {}; blocking kept {kept} = {:.2}%",
        sets[1].len(),
        started.elapsed().as_secs_f64(),
        true_matches.len(),
        DEFAULT_THRESHOLD,
        100.0 * kept as f64 / true_matches.len().max(1) as f64
    );
}
