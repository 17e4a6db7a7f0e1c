//! The linkage schema: which parts of a person record are encoded, how, and with what
//! weight.
//!
//! Every node of a network encodes with the same schema and the same key epoch, or the
//! encodings cannot be compared. The schema is a small TOML file that the coordinating
//! node writes and every member receives; its [`Schema::digest`] travels in the header of
//! every encoding file, so that encodings made under another schema are refused instead
//! of being compared into nonsense.
//!
//! Unknown keys are errors, not ignored: a misspelt `bits_per_tokem` silently falling
//! back to a default would change every encoding in the network.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// The schema file format this build reads and writes.
pub const SCHEMA_FORMAT: u32 = 1;

/// The most fields a schema may have (the match weights pack a pair's levels of every
/// field in 64 bits).
pub const MAX_FIELDS: usize = 16;

/// The default schema, tuned on the synthetic data (see `docs/linkage.md`).
pub const DEFAULT_SCHEMA: &str = include_str!("default-schema.toml");

/// A validated linkage schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schema {
    /// The schema file format (this build knows [`SCHEMA_FORMAT`]).
    pub format: u32,
    /// A name for people, e.g. `concord-persons`.
    pub name: String,
    /// The network's version of this schema; raise it whenever a field changes.
    pub version: u32,
    /// The epoch of the linkage key that encodings under this schema use.
    pub key_epoch: u32,
    /// Length of every filter, in bits: the sum of the fields' segments, at most 8192.
    pub filter_bits: u32,
    /// The encoded fields, in order.
    #[serde(rename = "field")]
    pub fields: Vec<Field>,
}

/// One encoded field: where its tokens come from and how many bits each sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// The field's name; it also separates the field's hashing from every other field's.
    pub name: String,
    /// What the field encodes.
    pub source: Source,
    /// Length of the field's segment of the filter, in bits: a multiple of 64.
    pub bits: u32,
    /// Bits set (in the segment) per token, 1 to 64.
    pub bits_per_token: u32,
    /// The field's weight in the score of a pair (`docs/linkage.md`).
    pub weight: f32,
    /// The similarity the field counts with when only one record of a pair has it: 1
    /// when absence says nothing, lower when it is a doubt.
    #[serde(default = "one")]
    pub absent_score: f32,
    /// How the field's segments of two records are compared.
    #[serde(default)]
    pub similarity: Similarity,
    /// For names: the length of the q-grams, 1 to 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qgram: Option<u32>,
}

/// The part of a person record a field encodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// Every name and romanised name, transliterated and folded, as q-grams of each part.
    Names,
    /// The consonant skeletons of the same name parts, as q-grams.
    NameSkeletons,
    /// The date of birth, as tokens that compatible partial dates share (`docs/linkage.md`).
    BirthDate,
    /// The gender, unless unknown.
    Gender,
    /// Each citizenship.
    Citizenship,
    /// Each identity document, as one token of its kind, issuing country and number.
    Documents,
    /// Each phone number, as one token.
    Phones,
}

impl Source {
    /// Whether the field is cut into q-grams (and so needs `qgram`).
    pub fn uses_qgrams(self) -> bool {
        matches!(self, Self::Names | Self::NameSkeletons)
    }
}

fn one() -> f32 {
    1.0
}

/// How one field's segments of two filters are compared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Similarity {
    /// Sørensen–Dice: shared bits over the average of both counts.
    #[default]
    Dice,
    /// Containment (overlap coefficient): shared bits over the smaller count, so that
    /// a less precise value agrees fully with a more precise one it is part of (a year
    /// of birth with a full date in that year).
    Containment,
    /// The geometric mean of Dice and containment: a record with an extra part (a second
    /// given name, a patronymic, an alias) loses less than under Dice, while a lone
    /// given name does not agree fully with a whole name, as under containment.
    Between,
    /// For identifiers (documents, phone numbers): a value both records name counts as
    /// agreement (containment), but two records that name different values count as if
    /// one lacked the field: a person holds several documents and changes numbers, so
    /// different ones are no evidence of two people.
    Identifier,
}

/// A schema that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SchemaError {
    /// Not valid TOML, or not the shape of a schema.
    #[error("{0}")]
    Syntax(String),
    /// Parsed, but a value is out of range or inconsistent.
    #[error("{field}: {expected}")]
    Invalid { field: String, expected: String },
}

/// The ranges of bits that blocking hashes (`crate::blocking`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockingBits {
    /// The names, which every key hashes.
    pub names: std::ops::Range<usize>,
    /// The date of birth, which keys may also hash; `None` when the schema has none.
    pub dates: Option<std::ops::Range<usize>>,
}

impl Schema {
    /// Reads and validates a schema from TOML text.
    pub fn from_toml(text: &str) -> Result<Self, SchemaError> {
        let schema: Schema = toml::from_str(text).map_err(|e| SchemaError::Syntax(syntax_message(&e, text)))?;
        schema.validate()?;
        Ok(schema)
    }

    /// The built-in default schema.
    pub fn default_schema() -> Self {
        Self::from_toml(DEFAULT_SCHEMA).expect("the default schema is valid (tested)")
    }

    /// The schema as TOML text.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a schema always serialises")
    }

    /// A short fingerprint of everything that shapes an encoding, written into encoding
    /// files: two schemas with the same digest encode identically. Weights and similarity
    /// measures only score pairs, so they are left out: re-weighting needs no re-encoding.
    pub fn digest(&self) -> String {
        let mut shape = self.clone();
        for field in &mut shape.fields {
            field.weight = 0.0;
            field.absent_score = 0.0;
            field.similarity = Similarity::Dice;
        }
        let canonical = serde_json::to_vec(&shape).expect("a schema always serialises");
        let hash = blake3::hash(&canonical);
        hash.to_hex()[..16].to_string()
    }

    /// Words (of 64 bits) per filter.
    pub fn filter_words(&self) -> usize {
        self.filter_bits as usize / 64
    }

    /// Each field's segment of the filter, as a range of words, in field order.
    pub fn segments(&self) -> Vec<std::ops::Range<usize>> {
        let mut start = 0;
        self.fields
            .iter()
            .map(|f| {
                let words = f.bits as usize / 64;
                start += words;
                start - words..start
            })
            .collect()
    }

    /// The bits that blocking hashes: the segment of the first `names` field (or the
    /// whole filter if there is none), and that of the first `birth-date` field.
    pub fn blocking_bits(&self) -> BlockingBits {
        let segment = |source: Source| {
            self.fields
                .iter()
                .zip(self.segments())
                .find(|(f, _)| f.source == source)
                .map(|(_, words)| words.start * 64..words.end * 64)
        };
        BlockingBits {
            names: segment(Source::Names).unwrap_or(0..self.filter_bits as usize),
            dates: segment(Source::BirthDate),
        }
    }

    fn validate(&self) -> Result<(), SchemaError> {
        let invalid = |field: &str, expected: &str| {
            Err(SchemaError::Invalid {
                field: field.to_string(),
                expected: expected.to_string(),
            })
        };
        if self.format != SCHEMA_FORMAT {
            return invalid(
                "format",
                &format!(
                    "schema format {SCHEMA_FORMAT} (this file says {}; a newer Concord may read it)",
                    self.format
                ),
            );
        }
        if self.name.trim().is_empty() {
            return invalid("name", "a name for the schema");
        }
        if self.key_epoch == 0 {
            return invalid("key_epoch", "a key epoch of 1 or more");
        }
        if self.fields.is_empty() || self.fields.len() > MAX_FIELDS {
            return invalid("field", &format!("1 to {MAX_FIELDS} [[field]]s"));
        }
        let mut names = BTreeSet::new();
        for (i, field) in self.fields.iter().enumerate() {
            let at = format!("field[{i}]");
            if field.name.trim().is_empty() {
                return invalid(&format!("{at}.name"), "a name");
            }
            if !names.insert(field.name.as_str()) {
                return invalid(&format!("{at}.name"), "a name no other field has");
            }
            if field.bits == 0 || !field.bits.is_multiple_of(64) {
                return invalid(&format!("{at}.bits"), "a segment length that is a multiple of 64 bits");
            }
            if !(field.weight.is_finite() && field.weight > 0.0) {
                return invalid(&format!("{at}.weight"), "a weight above 0");
            }
            if !(0.0..=1.0).contains(&field.absent_score) {
                return invalid(&format!("{at}.absent_score"), "a similarity from 0 to 1");
            }
            if !(1..=64).contains(&field.bits_per_token) {
                return invalid(&format!("{at}.bits_per_token"), "1 to 64 bits per token");
            }
            match (field.source.uses_qgrams(), field.qgram) {
                (true, None) => return invalid(&format!("{at}.qgram"), "a q-gram length (1 to 4) for this source"),
                (true, Some(q)) if !(1..=4).contains(&q) => {
                    return invalid(&format!("{at}.qgram"), "a q-gram length from 1 to 4")
                }
                (false, Some(_)) => {
                    return invalid(
                        &format!("{at}.qgram"),
                        "no q-gram length: this source is not cut into q-grams",
                    )
                }
                _ => {}
            }
        }
        let total: u32 = self.fields.iter().map(|f| f.bits).sum();
        if total != self.filter_bits || total > 8192 {
            return invalid(
                "filter_bits",
                &format!("the sum of the fields' bits ({total}), at most 8192"),
            );
        }
        Ok(())
    }
}

/// A TOML error with its line, without echoing the file's content.
fn syntax_message(error: &toml::de::Error, text: &str) -> String {
    let line = error
        .span()
        .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
    match line {
        Some(line) => format!("line {line}: {}", error.message()),
        None => error.message().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(replace: &str, by: &str) -> Result<Schema, SchemaError> {
        assert!(DEFAULT_SCHEMA.contains(replace), "{replace}");
        Schema::from_toml(&DEFAULT_SCHEMA.replacen(replace, by, 1))
    }

    #[test]
    fn the_default_schema_is_valid_and_round_trips() {
        let schema = Schema::default_schema();
        assert_eq!(Schema::from_toml(&schema.to_toml()), Ok(schema.clone()));
        assert_eq!(schema.digest().len(), 16);
    }

    #[test]
    fn any_change_to_a_field_changes_the_digest() {
        let schema = Schema::default_schema();
        let mut heavier = schema.clone();
        heavier.fields[0].bits_per_token += 1;
        assert_ne!(schema.digest(), heavier.digest());
        let mut reweighted = schema.clone();
        reweighted.fields[0].weight *= 2.0;
        assert_eq!(schema.digest(), reweighted.digest(), "weights only score pairs");
        let mut next_epoch = schema.clone();
        next_epoch.key_epoch += 1;
        assert_ne!(schema.digest(), next_epoch.digest());
    }

    #[test]
    fn unknown_keys_are_refused_with_their_line() {
        let e = with("bits_per_token", "bits_per_tokem").unwrap_err().to_string();
        assert!(e.contains("bits_per_tokem") && e.starts_with("line "), "{e}");
    }

    #[test]
    fn impossible_parameters_are_refused_naming_the_field() {
        let cases = [
            ("filter_bits = 1024", "filter_bits = 1088", "filter_bits"),
            ("bits = 512", "bits = 500", "field[0].bits"),
            ("weight = 2.0", "weight = 0.0", "field[0].weight"),
            ("absent_score = 0.7", "absent_score = 2.0", "field[2].absent_score"),
            ("key_epoch = 1", "key_epoch = 0", "key_epoch"),
            ("format = 1", "format = 2", "format"),
            ("qgram = 2", "qgram = 9", "field[0].qgram"),
        ];
        for (from, to, field) in cases {
            match with(from, to) {
                Err(SchemaError::Invalid { field: f, .. }) => assert_eq!(f, field, "{to}"),
                other => panic!("{to}: {other:?}"),
            }
        }
        let e = with("bits_per_token = ", "bits_per_token = 100 + ").unwrap_err();
        assert!(matches!(e, SchemaError::Syntax(_)), "{e:?}");
    }

    #[test]
    fn a_schema_without_fields_or_with_a_duplicate_field_is_refused() {
        let header = DEFAULT_SCHEMA.split("[[field]]").next().expect("a header");
        assert!(matches!(
            Schema::from_toml(header),
            Err(SchemaError::Syntax(_) | SchemaError::Invalid { .. })
        ));
        let first = DEFAULT_SCHEMA.split("[[field]]").nth(1).expect("a field");
        let twice = format!("{header}[[field]]{first}[[field]]{first}");
        assert!(
            matches!(Schema::from_toml(&twice), Err(SchemaError::Invalid { field, .. }) if field == "field[1].name")
        );
    }
}
