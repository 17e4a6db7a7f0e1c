//! Turns a country's listed names and its composed tail into a [`NamePool`]: merges them
//! (a composed name that is already listed is dropped), stores the composed strings for
//! the life of the process, and weights every name.
//!
//! Strings are stored in one block per pool rather than one allocation each: tens of
//! thousands of composed forms would otherwise cost more in allocator overhead than in text.

use std::cmp::Reverse;
use std::collections::HashSet;
use std::ops::Range;

use super::{FamilyName, Frequencies, Listed, NameForm, NamePool};

/// A composed name: its native form and its romanised forms, most common first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Form {
    pub(super) native: String,
    pub(super) romanised: Vec<String>,
}

impl Form {
    /// The most romanised forms a composed name keeps: the generator draws the first six
    /// with falling weights, and beyond five they are too rare to matter.
    const MAX_ROMANISED: usize = 5;

    /// A name with its romanised forms, most common first; repeats and empty forms are dropped.
    pub(super) fn new(native: impl Into<String>, romanised: impl IntoIterator<Item = String>) -> Self {
        let mut forms: Vec<String> = Vec::new();
        for form in romanised {
            if forms.len() < Self::MAX_ROMANISED && !form.is_empty() && !forms.contains(&form) {
                forms.push(form);
            }
        }
        Self {
            native: native.into(),
            romanised: forms,
        }
    }
}

/// A composed family name: the male form, the female form where it differs, and how
/// common the name is relative to the other composed names of its pool.
#[derive(Debug, Clone)]
pub(super) struct Family {
    pub(super) male: Form,
    pub(super) female: Option<Form>,
    pub(super) weight: u64,
}

/// How the names of one list are weighted.
#[derive(Debug, Clone, Copy)]
pub(super) enum Shape {
    /// Every name as often as every other.
    Uniform,
    /// The name of rank `r` (listed names in their order, then composed names by falling
    /// weight) in proportion to `1 / (r + offset)`: a small offset concentrates the names
    /// on the first ranks, a large one spreads them.
    Zipf(u64),
    /// Listed names in proportion to these weights (one each), composed names to their
    /// own weight: for pools whose real frequencies are known and concentrated.
    Measured(&'static [u32]),
}

/// What composition adds to a country's listed names.
#[derive(Debug)]
pub(super) struct Tail {
    pub(super) given_female: Vec<(Form, u64)>,
    pub(super) given_male: Vec<(Form, u64)>,
    pub(super) given: Shape,
    pub(super) family: Vec<Family>,
    pub(super) family_shape: Shape,
}

impl Tail {
    /// Listed names only, drawn uniformly.
    pub(super) fn none() -> Self {
        Self {
            given_female: Vec::new(),
            given_male: Vec::new(),
            given: Shape::Uniform,
            family: Vec::new(),
            family_shape: Shape::Uniform,
        }
    }

    /// Composed family names, weighted with `shape`.
    pub(super) fn family(family: Vec<Family>, shape: Shape) -> Self {
        Self {
            family,
            family_shape: shape,
            ..Self::none()
        }
    }
}

/// Weights a Zipf rank, scaled so that integer division keeps three significant digits
/// even for the thousands-th name.
const ZIPF_SCALE: u64 = 1 << 32;

/// The pool made of a country's listed names and its composed tail.
pub(super) fn pool(listed: &Listed, tail: Tail) -> NamePool {
    let mut store = Store::default();
    let given_female = given(&mut store, listed.given_female, tail.given_female);
    let given_male = given(&mut store, listed.given_male, tail.given_male);
    let family = family(&mut store, listed.family, tail.family);
    let store = store.seal();
    let female_weights = weights(tail.given, &given_female);
    let male_weights = weights(tail.given, &given_male);
    let family_weights = weights(tail.family_shape, &family);
    let resolve = |r: &Ref| store.resolve(r);
    let given_female: Vec<NameForm> = given_female.iter().map(|(r, _)| resolve(r)).collect();
    let given_male: Vec<NameForm> = given_male.iter().map(|(r, _)| resolve(r)).collect();
    let family: Vec<FamilyName> = family
        .iter()
        .map(|((male, female), _)| FamilyName {
            male: resolve(male),
            female: resolve(female),
        })
        .collect();
    NamePool {
        country: listed.country,
        script: listed.script,
        family_name_first: listed.family_name_first,
        given_female: leak(given_female),
        given_male: leak(given_male),
        family: leak(family),
        listed_family: listed.family.len(),
        frequencies: Frequencies {
            given_female: leak(cumulative(female_weights)),
            given_male: leak(cumulative(male_weights)),
            family: leak(cumulative(family_weights)),
        },
    }
}

/// A name as it will be stored: listed (already static), or composed (spans in the store).
#[derive(Debug, Clone)]
enum Ref {
    Listed(NameForm),
    Composed {
        native: Range<usize>,
        romanised: Range<usize>,
    },
}

/// An entry of a list with its weight: `None` for listed names, the composed weight otherwise.
type Entry<T> = (T, Option<u64>);

/// Listed given names, then composed ones not already listed, by falling weight.
fn given(store: &mut Store, listed: &'static [NameForm], mut composed: Vec<(Form, u64)>) -> Vec<Entry<Ref>> {
    let mut seen: HashSet<String> = listed.iter().map(|f| f.native.to_string()).collect();
    let mut entries: Vec<Entry<Ref>> = listed.iter().map(|&f| (Ref::Listed(f), None)).collect();
    composed.sort_by_key(|(_, weight)| Reverse(*weight));
    for (form, weight) in composed {
        if seen.insert(form.native.clone()) {
            entries.push((store.add(&form), Some(weight)));
        }
    }
    entries
}

/// Listed family names, then composed ones whose forms are not already taken, by falling weight.
fn family(store: &mut Store, listed: &'static [FamilyName], mut composed: Vec<Family>) -> Vec<Entry<(Ref, Ref)>> {
    let mut male_seen: HashSet<String> = listed.iter().map(|f| f.male.native.to_string()).collect();
    let mut female_seen: HashSet<String> = listed.iter().map(|f| f.female.native.to_string()).collect();
    let mut entries: Vec<Entry<(Ref, Ref)>> = listed
        .iter()
        .map(|f| ((Ref::Listed(f.male), Ref::Listed(f.female)), None))
        .collect();
    composed.sort_by_key(|f| Reverse(f.weight));
    for name in composed {
        let female_native = name.female.as_ref().unwrap_or(&name.male).native.clone();
        if male_seen.contains(&name.male.native) || female_seen.contains(&female_native) {
            continue;
        }
        male_seen.insert(name.male.native.clone());
        female_seen.insert(female_native);
        let male = store.add(&name.male);
        let female = name.female.as_ref().map_or_else(|| male.clone(), |f| store.add(f));
        entries.push(((male, female), Some(name.weight)));
    }
    entries
}

/// The weight of every entry of a list under a shape (never zero, so every name occurs).
fn weights<T>(shape: Shape, entries: &[Entry<T>]) -> Vec<u64> {
    entries
        .iter()
        .enumerate()
        .map(|(rank, (_, composed))| match (shape, composed) {
            (Shape::Uniform, _) => 1,
            (Shape::Zipf(offset), _) => ZIPF_SCALE / (rank as u64 + offset.max(1)),
            (Shape::Measured(listed), None) => u64::from(listed.get(rank).copied().unwrap_or(1)),
            (Shape::Measured(_), Some(weight)) => *weight,
        })
        .map(|w| w.max(1))
        .collect()
}

fn cumulative(weights: Vec<u64>) -> Vec<u64> {
    weights
        .into_iter()
        .scan(0u64, |total, w| {
            *total += w;
            Some(*total)
        })
        .collect()
}

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

/// The text of a pool's composed names, gathered before it is stored.
#[derive(Default)]
struct Store {
    text: String,
    /// Spans of `text`, one per romanised form.
    romanised: Vec<Range<usize>>,
}

impl Store {
    fn push(&mut self, s: &str) -> Range<usize> {
        let start = self.text.len();
        self.text.push_str(s);
        start..self.text.len()
    }

    fn add(&mut self, form: &Form) -> Ref {
        let native = self.push(&form.native);
        let first = self.romanised.len();
        for r in &form.romanised {
            let span = self.push(r);
            self.romanised.push(span);
        }
        Ref::Composed {
            native,
            romanised: first..self.romanised.len(),
        }
    }

    /// Stores the text for the life of the process.
    fn seal(self) -> Sealed {
        let text: &'static str = Box::leak(self.text.into_boxed_str());
        let romanised = leak(self.romanised.into_iter().map(|span| &text[span]).collect());
        Sealed { text, romanised }
    }
}

/// A pool's composed text, stored.
struct Sealed {
    text: &'static str,
    romanised: &'static [&'static str],
}

impl Sealed {
    fn resolve(&self, r: &Ref) -> NameForm {
        match r {
            Ref::Listed(form) => *form,
            Ref::Composed { native, romanised } => NameForm {
                native: &self.text[native.clone()],
                romanised: &self.romanised[romanised.clone()],
            },
        }
    }
}
