//! Encoding a person record into a keyed Bloom filter.
//!
//! Each schema field turns part of the record into tokens (q-grams of folded name parts,
//! date tokens, a gender token …); each token sets `bits_per_token` bits, at positions
//! read from the BLAKE3 keyed hash of the token under the field's own key. Two records
//! that share many tokens share many bits, which is what the Dice coefficient measures.
//!
//! Names are treated as an unordered set of parts, so given and family names written in
//! each other's place, or a second given name present in one record only, cost little.
//! Every name a record holds (original script, romanised form, aliases) adds its parts:
//! a record written both in Cyrillic and in Latin letters meets either kind of partner.
//!
//! Dates of birth are tokens that compatible dates share. A full date emits its year, its
//! year and month, the day, and two overlapping bins of years; a year alone emits the year
//! and the bins; an approximate year (`1990±3`) only the bins of its central year. Bins
//! are eight years wide at two offsets four years apart, so any two years at most four
//! apart fall into at least one common bin. A partial date thus agrees with every full
//! date it contains, and a date that is off by a year (a common error) still shares bits.
//!
//! Each field has its own segment of the filter, so that a pair can also be scored field
//! by field (`scoring`).
//!
//! Encoding the same value again is the common case (a country's names, dates and
//! genders repeat endlessly), so the encoder remembers each name's folded parts and each
//! field value's bit positions. An encoder is not shared between threads; give each
//! worker its own.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::Datelike;
use concord_core::vocabulary::Gender;
use concord_core::{PartialDate, Person, Picklist};

use rustc_hash::FxHashMap;

use crate::key::LinkageKey;
use crate::normalise::{self, NameError};
use crate::schema::{Schema, Source};

/// Width in years of the birth-year bins, and the offset of the second set of bins.
const YEAR_BIN: i32 = 8;
const YEAR_BIN_OFFSET: i32 = 4;

/// A record that cannot be encoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncodeError {
    /// A name that normalisation refuses.
    #[error("{field}: {error}")]
    Name { field: String, error: NameError },
    /// No name with letters at all.
    #[error("names: the person has no name to encode; expected at least one given or family name with letters")]
    NoName,
}

/// The key does not belong to the schema.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the linkage key is of epoch {key}, but the schema requires epoch {schema}; use the key of that epoch")]
pub struct EpochMismatch {
    pub key: u32,
    pub schema: u32,
}

/// Encodes person records under one schema and key.
pub struct Encoder {
    fields: Vec<FieldHasher>,
    filter_words: usize,
    needs_names: bool,
    /// Name text → its folded parts (or why it has none).
    names: FxHashMap<String, Result<Vec<String>, NameError>>,
}

/// One field's hashing: its source, segment, key, and cache from value to bit positions.
struct FieldHasher {
    source: Source,
    /// The field's segment: its first bit in the filter and its length in bits.
    offset: u32,
    bits: u32,
    qgram: usize,
    bits_per_token: usize,
    key: [u8; 32],
    /// A value (a name part, a date, a document …) → the positions of all its tokens.
    cache: FxHashMap<String, Box<[u16]>>,
}

/// Entries a cache may hold before it is emptied: enough for every common name of a
/// country, few enough that a stream of unique values cannot exhaust memory.
const CACHE_LIMIT: usize = 1 << 17;

impl Encoder {
    /// An encoder for `schema`; the key must be of the schema's epoch.
    pub fn new(schema: &Schema, key: &LinkageKey) -> Result<Self, EpochMismatch> {
        if key.epoch() != schema.key_epoch {
            return Err(EpochMismatch {
                key: key.epoch(),
                schema: schema.key_epoch,
            });
        }
        let fields = schema
            .fields
            .iter()
            .zip(schema.segments())
            .map(|(f, segment)| FieldHasher {
                source: f.source,
                offset: segment.start as u32 * 64,
                bits: f.bits,
                qgram: f.qgram.unwrap_or(1) as usize,
                bits_per_token: f.bits_per_token as usize,
                key: key.field_key(&f.name),
                cache: FxHashMap::default(),
            })
            .collect::<Vec<_>>();
        let needs_names = fields
            .iter()
            .any(|f| matches!(f.source, Source::Names | Source::NameSkeletons));
        Ok(Self {
            fields,
            filter_words: schema.filter_words(),
            needs_names,
            names: FxHashMap::default(),
        })
    }

    /// Words (of 64 bits) in each filter this encoder writes.
    pub fn filter_words(&self) -> usize {
        self.filter_words
    }

    /// Encodes `person` into `filter` (which must be [`filter_words`](Self::filter_words) long).
    pub fn encode(&mut self, person: &Person, filter: &mut [u64]) -> Result<(), EncodeError> {
        assert_eq!(filter.len(), self.filter_words, "filter length must match the schema");
        let parts = if self.needs_names {
            self.name_parts(person)?
        } else {
            BTreeSet::new()
        };
        filter.fill(0);
        let mut value = String::new();
        for field in &mut self.fields {
            match field.source {
                Source::Names | Source::NameSkeletons => parts.iter().for_each(|p| field.set(filter, p)),
                Source::BirthDate => {
                    if let Some(date) = person.birth_date {
                        value.clear();
                        write!(value, "{date}").expect("writing to a String cannot fail");
                        field.set(filter, &value);
                    }
                }
                Source::Gender => {
                    if person.gender != Gender::NonSpecifiedUnknown {
                        field.set(filter, person.gender.as_str());
                    }
                }
                Source::Citizenship => person.citizenships.iter().for_each(|c| field.set(filter, c.code())),
                Source::Documents => {
                    for d in &person.documents {
                        value.clear();
                        let (kind, country) = (d.kind.as_str(), d.issuing_country.code());
                        write!(value, "{kind}:{country}:{}", d.number.as_str()).expect("writing to a String");
                        field.set(filter, &value);
                    }
                }
                Source::Phones => person.phones.iter().for_each(|p| field.set(filter, p.as_str())),
            }
        }
        Ok(())
    }

    /// Encodes `person` into a new filter.
    pub fn encode_to_vec(&mut self, person: &Person) -> Result<Vec<u64>, EncodeError> {
        let mut filter = vec![0; self.filter_words];
        self.encode(person, &mut filter)?;
        Ok(filter)
    }

    /// Every folded part of every name of the person (original and romanised forms).
    fn name_parts(&mut self, person: &Person) -> Result<BTreeSet<String>, EncodeError> {
        let mut parts = BTreeSet::new();
        for (i, name) in person.names.iter().enumerate() {
            let romanised = name.romanised.as_ref();
            let texts = [
                ("given", Some(&name.given)),
                ("family", Some(&name.family)),
                ("romanised.given", romanised.map(|r| &r.given)),
                ("romanised.family", romanised.map(|r| &r.family)),
            ];
            for (what, text) in texts {
                let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
                    continue;
                };
                let normalised = self.normalise(text).map_err(|error| EncodeError::Name {
                    field: format!("names[{i}].{what}"),
                    error,
                })?;
                parts.extend(normalised.iter().cloned());
            }
        }
        if parts.is_empty() {
            return Err(EncodeError::NoName);
        }
        Ok(parts)
    }

    /// [`normalise::normalise`], remembered: a country's names repeat endlessly.
    fn normalise(&mut self, text: &str) -> Result<&Vec<String>, NameError> {
        if !self.names.contains_key(text) {
            if self.names.len() >= CACHE_LIMIT {
                self.names.clear();
            }
            self.names.insert(text.to_string(), normalise::normalise(text));
        }
        self.names[text].as_ref().map_err(Clone::clone)
    }
}

impl FieldHasher {
    /// Sets the bits of every token of `value` in `filter`.
    fn set(&mut self, filter: &mut [u64], value: &str) {
        if !self.cache.contains_key(value) {
            if self.cache.len() >= CACHE_LIMIT {
                self.cache.clear();
            }
            let positions = self.hash_value(value);
            self.cache.insert(value.to_string(), positions);
        }
        for &bit in self.cache[value].iter() {
            filter[usize::from(bit) / 64] |= 1 << (bit % 64);
        }
    }

    /// The positions in the filter of all the tokens of a value.
    fn hash_value(&self, value: &str) -> Box<[u16]> {
        let mut positions = Vec::new();
        let mut hash = |token: &str| {
            let bits = hash_positions(&self.key, token, self.bits_per_token, self.bits);
            positions.extend(bits.iter().map(|&p| (self.offset + u32::from(p)) as u16));
        };
        match self.source {
            Source::Names => qgrams(value, self.qgram, &mut hash),
            Source::NameSkeletons => qgrams(&normalise::skeleton(value), self.qgram, &mut hash),
            Source::BirthDate => {
                let date = value.parse().expect("the value is a date written by Display");
                date_tokens(date, &mut hash);
            }
            _ => hash(value),
        }
        positions.sort_unstable();
        positions.dedup();
        positions.into_boxed_slice()
    }
}

/// `count` positions in `0..bits` from the keyed hash of a token: each from four bytes of
/// BLAKE3's output stream, reduced modulo the segment length (at most 8192 bits, so the
/// bias of the reduction is below 2^-19).
fn hash_positions(key: &[u8; 32], token: &str, count: usize, bits: u32) -> Vec<u16> {
    let mut output = blake3::Hasher::new_keyed(key).update(token.as_bytes()).finalize_xof();
    let mut bytes = vec![0u8; count * 4];
    output.fill(&mut bytes);
    bytes
        .chunks_exact(4)
        .map(|b| (u32::from_le_bytes([b[0], b[1], b[2], b[3]]) % bits) as u16)
        .collect()
}

/// Calls `emit` with each q-gram of `text`, padded with `_` so that the first and last
/// letters count as much as the middle ones.
fn qgrams(text: &str, q: usize, emit: &mut impl FnMut(&str)) {
    let padded: Vec<char> = std::iter::repeat_n('_', q - 1)
        .chain(text.chars())
        .chain(std::iter::repeat_n('_', q - 1))
        .collect();
    let mut token = String::new();
    for window in padded.windows(q) {
        token.clear();
        token.extend(window);
        emit(&token);
    }
}

/// Calls `emit` with the tokens of a date of birth (see the module documentation).
fn date_tokens(date: PartialDate, emit: &mut impl FnMut(&str)) {
    let mut buffer = String::new();
    let mut token = |args: std::fmt::Arguments<'_>| {
        buffer.clear();
        buffer.write_fmt(args).expect("writing to a String cannot fail");
        emit(&buffer);
    };
    let year = match date {
        PartialDate::Full(d) => {
            token(format_args!("ym{}-{}", d.year(), d.month()));
            token(format_args!("d{d}"));
            Some(d.year())
        }
        PartialDate::YearMonth { year, month } => {
            token(format_args!("ym{year}-{month}"));
            Some(year)
        }
        PartialDate::Year(year) => Some(year),
        PartialDate::Approximate { .. } => None,
    };
    if let Some(year) = year {
        token(format_args!("y{year}"));
    }
    let centre = year.unwrap_or_else(|| date.midpoint().year());
    token(format_args!("a{}", centre.div_euclid(YEAR_BIN)));
    token(format_args!("b{}", (centre + YEAR_BIN_OFFSET).div_euclid(YEAR_BIN)));
}

/// Encodes many persons on every core, in order. Each thread encodes a contiguous share
/// with an encoder of its own, so that its caches warm up once rather than per record;
/// `done` is called after each person (for a progress bar).
pub fn encode_all(
    schema: &Schema,
    key: &LinkageKey,
    persons: &[Person],
    done: &(dyn Fn() + Sync),
) -> Result<Vec<Result<Vec<u64>, EncodeError>>, EpochMismatch> {
    use rayon::prelude::*;
    Encoder::new(schema, key)?;
    let share = persons.len().div_ceil(4 * rayon::current_num_threads()).max(1024);
    Ok(persons
        .par_chunks(share)
        .flat_map_iter(|chunk| {
            let mut encoder = Encoder::new(schema, key).expect("the epoch was checked above");
            chunk
                .iter()
                .map(|person| {
                    let encoded = encoder.encode_to_vec(person);
                    done();
                    encoded
                })
                .collect::<Vec<_>>()
        })
        .collect())
}
