//! Sets of encodings and their two serialised forms.
//!
//! An [`EncodingSet`] is one party's encoded records: an opaque reference per record and
//! its filter, under a [`Header`] that says which schema, key epoch and key made them.
//! Two sets are compared only when their headers agree ([`Header::check_compatible`]);
//! a filter made under another key or schema would score at random, and silently.
//!
//! The binary form is compact (a filter of 1024 bits takes 128 bytes) and ends with a
//! count and a BLAKE3 digest of everything before, so that a truncated or damaged file is
//! refused rather than read in part. The text form is JSON Lines with each filter in
//! base64, for reading by eye and by other tools; it ends with a line giving the count.
//!
//! ```text
//! binary:  CONCORD ENCODINGS v1\n {header JSON}\n
//!          ( u16 LE id length, id bytes, filter as little-endian u64 words )*
//!          0xFFFF, u64 LE record count, 32-byte BLAKE3 of all bytes before 0xFFFF
//! text:    {"concord_encodings":1, header fields …}\n
//!          {"id":"P-…","filter":"base64…"}\n …
//!          {"end":count}\n
//! ```

use std::collections::HashSet;
use std::io::{self, BufRead, Write};

use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::filter::FilterSet;
use crate::key::LinkageKey;
use crate::schema::Schema;

/// The encoding file format this build reads and writes.
pub const ENCODINGS_FORMAT: u32 = 1;
const MAGIC: &[u8] = b"CONCORD ENCODINGS v1\n";
const END_MARK: u16 = u16::MAX;
/// The longest record reference, in bytes.
pub const MAX_ID_BYTES: usize = 255;

/// What made a set of encodings, and who holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// The party (agency or node) whose records these are.
    pub party: String,
    /// The schema's name and version, for people.
    pub schema: String,
    /// [`Schema::digest`]: what must be equal for encodings to be comparable.
    pub schema_digest: String,
    /// The linkage key's epoch.
    pub key_epoch: u32,
    /// [`LinkageKey::check`] of the key used.
    pub key_check: String,
    /// Filter length in bits.
    pub filter_bits: u32,
}

impl Header {
    /// The header of encodings that `party` makes with `schema` and `key`.
    pub fn new(party: &str, schema: &Schema, key: &LinkageKey) -> Self {
        Self {
            party: party.to_string(),
            schema: format!("{} v{}", schema.name, schema.version),
            schema_digest: schema.digest(),
            key_epoch: key.epoch(),
            key_check: key.check(),
            filter_bits: schema.filter_bits,
        }
    }

    /// Refuses to compare encodings made under different schemas, epochs or keys.
    pub fn check_compatible(&self, other: &Header) -> Result<(), Incompatible> {
        let (a, b) = (self.party.clone(), other.party.clone());
        if self.schema_digest != other.schema_digest || self.filter_bits != other.filter_bits {
            return Err(Incompatible::Schema {
                a,
                b,
                schema_a: format!("{} ({})", self.schema, self.schema_digest),
                schema_b: format!("{} ({})", other.schema, other.schema_digest),
            });
        }
        if self.key_epoch != other.key_epoch {
            return Err(Incompatible::Epoch {
                a,
                b,
                epoch_a: self.key_epoch,
                epoch_b: other.key_epoch,
            });
        }
        if self.key_check != other.key_check {
            return Err(Incompatible::Key { a, b });
        }
        Ok(())
    }
}

/// Two sets of encodings that must not be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Incompatible {
    #[error("the encodings of {a} were made under schema {schema_a}, those of {b} under {schema_b}; re-encode both with the same schema")]
    Schema {
        a: String,
        b: String,
        schema_a: String,
        schema_b: String,
    },
    #[error("the encodings of {a} are of key epoch {epoch_a}, those of {b} of epoch {epoch_b}; re-encode with the current key")]
    Epoch {
        a: String,
        b: String,
        epoch_a: u32,
        epoch_b: u32,
    },
    #[error("the encodings of {a} and {b} were made with different linkage keys of the same epoch; every party must use the network's key")]
    Key { a: String, b: String },
}

/// One party's encoded records.
pub struct EncodingSet {
    pub header: Header,
    /// The opaque reference of each record, in the order of `filters`.
    pub ids: Vec<String>,
    pub filters: FilterSet,
}

impl EncodingSet {
    /// An empty set with this header.
    pub fn new(header: Header) -> Self {
        let filters = FilterSet::new(header.filter_bits as usize);
        Self {
            header,
            ids: Vec::new(),
            filters,
        }
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the set has no records.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Adds a record.
    pub fn push(&mut self, id: String, filter: &[u64]) {
        self.ids.push(id);
        self.filters.push(filter);
    }
}

/// An encoding file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("{0}")]
    Io(#[from] io::Error),
    /// A problem at a place in the file: a line (text form) or a record (binary form).
    #[error("{place}: {expected}")]
    Malformed { place: String, expected: String },
}

fn malformed(place: impl Into<String>, expected: impl Into<String>) -> FormatError {
    FormatError::Malformed {
        place: place.into(),
        expected: expected.into(),
    }
}

/// Writes encodings in the binary form, record by record.
pub struct BinaryWriter<W: Write> {
    output: W,
    hasher: blake3::Hasher,
    count: u64,
    filter_bytes: usize,
    buffer: Vec<u8>,
}

impl<W: Write> BinaryWriter<W> {
    /// Writes the magic line and the header.
    pub fn new(mut output: W, header: &Header) -> io::Result<Self> {
        let mut start = MAGIC.to_vec();
        serde_json::to_writer(&mut start, header).map_err(io::Error::other)?;
        start.push(b'\n');
        output.write_all(&start)?;
        let mut hasher = blake3::Hasher::new();
        hasher.update(&start);
        Ok(Self {
            output,
            hasher,
            count: 0,
            filter_bytes: header.filter_bits as usize / 8,
            buffer: Vec::new(),
        })
    }

    /// Writes one record.
    pub fn write(&mut self, id: &str, filter: &[u64]) -> io::Result<()> {
        assert!(
            id.len() <= MAX_ID_BYTES,
            "record references are at most {MAX_ID_BYTES} bytes"
        );
        assert_eq!(
            filter.len() * 8,
            self.filter_bytes,
            "filter length must match the header"
        );
        self.buffer.clear();
        self.buffer.extend_from_slice(&(id.len() as u16).to_le_bytes());
        self.buffer.extend_from_slice(id.as_bytes());
        filter
            .iter()
            .for_each(|w| self.buffer.extend_from_slice(&w.to_le_bytes()));
        self.hasher.update(&self.buffer);
        self.count += 1;
        self.output.write_all(&self.buffer)
    }

    /// Writes the trailer; returns the number of records and the output.
    pub fn finish(mut self) -> io::Result<(u64, W)> {
        let digest = self.hasher.finalize();
        self.output.write_all(&END_MARK.to_le_bytes())?;
        self.output.write_all(&self.count.to_le_bytes())?;
        self.output.write_all(digest.as_bytes())?;
        self.output.flush()?;
        Ok((self.count, self.output))
    }
}

/// A record of the text form.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TextRecord {
    id: String,
    filter: String,
}

/// The first line of the text form.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TextHeader {
    concord_encodings: u32,
    #[serde(flatten)]
    header: Header,
}

/// Writes a whole set in the text form.
pub fn write_text(set: &EncodingSet, mut output: impl Write) -> io::Result<()> {
    let first = TextHeader {
        concord_encodings: ENCODINGS_FORMAT,
        header: set.header.clone(),
    };
    serde_json::to_writer(&mut output, &first).map_err(io::Error::other)?;
    output.write_all(b"\n")?;
    for (i, id) in set.ids.iter().enumerate() {
        let record = TextRecord {
            id: id.clone(),
            filter: to_base64(set.filters.get(i)),
        };
        serde_json::to_writer(&mut output, &record).map_err(io::Error::other)?;
        output.write_all(b"\n")?;
    }
    writeln!(output, "{{\"end\":{}}}", set.len())?;
    output.flush()
}

/// A filter in base64 (its little-endian bytes).
pub fn to_base64(filter: &[u64]) -> String {
    let bytes: Vec<u8> = filter.iter().flat_map(|w| w.to_le_bytes()).collect();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A filter from base64, if it is `bits` long.
pub fn from_base64(text: &str, bits: u32) -> Option<Vec<u64>> {
    let bytes = base64::engine::general_purpose::STANDARD.decode(text).ok()?;
    (bytes.len() * 8 == bits as usize).then(|| words(&bytes))
}

fn words(bytes: &[u8]) -> Vec<u64> {
    bytes
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().expect("chunks of 8")))
        .collect()
}

/// Reads a set in either form (told apart by the first bytes).
pub fn read(mut input: impl BufRead) -> Result<EncodingSet, FormatError> {
    let start = input.fill_buf()?;
    if start.starts_with(MAGIC) {
        read_binary(input)
    } else if start.starts_with(b"{") {
        read_text(input)
    } else {
        Err(malformed(
            "start of file",
            "Concord encodings (binary, starting `CONCORD ENCODINGS v1`, or JSON Lines)",
        ))
    }
}

fn check_header(header: &Header, place: &str) -> Result<(), FormatError> {
    let bits = header.filter_bits;
    if !(64..=8192).contains(&bits) || !bits.is_multiple_of(64) {
        return Err(malformed(place, "filter_bits: a multiple of 64 from 64 to 8192"));
    }
    Ok(())
}

/// Tracks references already seen, to refuse a set that names a record twice.
struct Seen(HashSet<String>);

impl Seen {
    fn check(&mut self, id: &str, place: &str) -> Result<(), FormatError> {
        if id.is_empty() || id.len() > MAX_ID_BYTES {
            return Err(malformed(
                place,
                format!("a record reference of 1 to {MAX_ID_BYTES} bytes"),
            ));
        }
        if !self.0.insert(id.to_string()) {
            return Err(malformed(place, "a record reference not used by an earlier record"));
        }
        Ok(())
    }
}

fn read_binary(mut input: impl BufRead) -> Result<EncodingSet, FormatError> {
    let mut hasher = blake3::Hasher::new();
    let mut line = Vec::new();
    input.read_until(b'\n', &mut line)?;
    hasher.update(&line);
    line.clear();
    io::Read::take(input.by_ref(), 64 * 1024).read_until(b'\n', &mut line)?;
    hasher.update(&line);
    let header: Header = serde_json::from_slice(&line).map_err(|e| {
        malformed(
            "header",
            format!(
                "a header of encodings ({})",
                concord_core::without_values(&e.to_string())
            ),
        )
    })?;
    check_header(&header, "header")?;
    let mut set = EncodingSet::new(header);
    let mut seen = Seen(HashSet::new());
    let filter_bytes = set.header.filter_bits as usize / 8;
    let mut record = vec![0u8; 2 + MAX_ID_BYTES + filter_bytes];
    loop {
        let place = format!("record {}", set.len() + 1);
        let truncated = |e: io::Error| match e.kind() {
            io::ErrorKind::UnexpectedEof => malformed(
                place.as_str(),
                "more data: the file ends early (truncated?); expected records and the closing digest",
            ),
            _ => FormatError::Io(e),
        };
        input.read_exact(&mut record[..2]).map_err(truncated)?;
        let id_len = usize::from(u16::from_le_bytes([record[0], record[1]]));
        if id_len == usize::from(END_MARK) {
            return finish_binary(input, hasher, set);
        }
        if id_len > MAX_ID_BYTES {
            return Err(malformed(
                place,
                format!("a record reference of at most {MAX_ID_BYTES} bytes (the file is damaged)"),
            ));
        }
        let body = &mut record[2..2 + id_len + filter_bytes];
        input.read_exact(body).map_err(truncated)?;
        hasher.update(&record[..2 + id_len + filter_bytes]);
        let id = std::str::from_utf8(&record[2..2 + id_len])
            .map_err(|_| malformed(place.as_str(), "a record reference in UTF-8 (the file is damaged)"))?;
        seen.check(id, &place)?;
        let filter = words(&record[2 + id_len..2 + id_len + filter_bytes]);
        set.push(id.to_string(), &filter);
    }
}

fn finish_binary(
    mut input: impl BufRead,
    hasher: blake3::Hasher,
    set: EncodingSet,
) -> Result<EncodingSet, FormatError> {
    let mut trailer = [0u8; 40];
    input
        .read_exact(&mut trailer)
        .map_err(|_| malformed("end of file", "the record count and digest (the file is truncated)"))?;
    let count = u64::from_le_bytes(trailer[..8].try_into().expect("8 bytes"));
    if count != set.len() as u64 {
        return Err(malformed(
            "end of file",
            format!("{} records as the file says it holds (the file is damaged)", count),
        ));
    }
    if hasher.finalize().as_bytes() != &trailer[8..] {
        return Err(malformed(
            "end of file",
            "a digest that matches the content: the file is damaged or was altered",
        ));
    }
    if !input.fill_buf()?.is_empty() {
        return Err(malformed("end of file", "nothing after the digest"));
    }
    Ok(set)
}

fn read_text(input: impl BufRead) -> Result<EncodingSet, FormatError> {
    let mut lines = input.lines();
    let first = lines.next().transpose()?.unwrap_or_default();
    let first: TextHeader = serde_json::from_str(&first).map_err(|e| {
        malformed(
            "line 1",
            format!(
                "a header of encodings ({})",
                concord_core::without_values(&e.to_string())
            ),
        )
    })?;
    if first.concord_encodings != ENCODINGS_FORMAT {
        return Err(malformed("line 1", format!("encodings format {ENCODINGS_FORMAT}")));
    }
    check_header(&first.header, "line 1")?;
    let bits = first.header.filter_bits;
    let mut set = EncodingSet::new(first.header);
    let mut seen = Seen(HashSet::new());
    for (n, line) in lines.enumerate() {
        let place = format!("line {}", n + 2);
        let line = line?;
        if let Some(end) = line.strip_prefix("{\"end\":").and_then(|l| l.strip_suffix('}')) {
            if end.parse::<usize>().ok() != Some(set.len()) {
                return Err(malformed(
                    place,
                    format!("`{{\"end\":{}}}`: the count of records above", set.len()),
                ));
            }
            return Ok(set);
        }
        let record: TextRecord = serde_json::from_str(&line).map_err(|e| {
            malformed(
                place.as_str(),
                format!(
                    "a record {{\"id\", \"filter\"}} ({})",
                    concord_core::without_values(&e.to_string())
                ),
            )
        })?;
        seen.check(&record.id, &place)?;
        let filter = from_base64(&record.filter, bits)
            .ok_or_else(|| malformed(place.as_str(), format!("filter: base64 of {} bytes", bits / 8)))?;
        set.push(record.id, &filter);
    }
    Err(malformed(
        "end of file",
        "a last line `{\"end\":N}`: the file is truncated",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(party: &str) -> Header {
        let schema = Schema::default_schema();
        Header::new(party, &schema, &LinkageKey::from_bytes(schema.key_epoch, [5; 32]))
    }

    fn sample() -> EncodingSet {
        let mut set = EncodingSet::new(header("UA-NPU"));
        for i in 0..5u64 {
            let filter: Vec<u64> = (0..16)
                .map(|w| (i + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> w)
                .collect();
            set.push(format!("P-{i:04}"), &filter);
        }
        set
    }

    fn binary(set: &EncodingSet) -> Vec<u8> {
        let mut writer = BinaryWriter::new(Vec::new(), &set.header).expect("in memory");
        for (i, id) in set.ids.iter().enumerate() {
            writer.write(id, set.filters.get(i)).expect("in memory");
        }
        writer.finish().expect("in memory").1
    }

    fn text(set: &EncodingSet) -> Vec<u8> {
        let mut out = Vec::new();
        write_text(set, &mut out).expect("in memory");
        out
    }

    fn same(a: &EncodingSet, b: &EncodingSet) -> bool {
        a.header == b.header && a.ids == b.ids && a.filters.words() == b.filters.words()
    }

    #[test]
    fn both_forms_read_back_exactly() {
        let set = sample();
        assert!(same(&read(binary(&set).as_slice()).expect("binary"), &set));
        assert!(same(&read(text(&set).as_slice()).expect("text"), &set));
        assert_eq!(
            binary(&set).len(),
            MAGIC.len() + 1 + serde_json::to_vec(&set.header).unwrap().len() + 5 * (2 + 6 + 128) + 42
        );
    }

    #[test]
    fn a_flipped_byte_anywhere_in_a_binary_file_is_refused() {
        let bytes = binary(&sample());
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x20;
            assert!(read(damaged.as_slice()).is_err(), "byte {i} flipped went unnoticed");
        }
    }

    #[test]
    fn a_truncated_file_is_refused_in_either_form() {
        let bytes = binary(&sample());
        for len in [0, 10, MAGIC.len() + 30, bytes.len() / 2, bytes.len() - 1] {
            assert!(read(&bytes[..len]).is_err(), "binary cut at {len}");
        }
        let lines = String::from_utf8(text(&sample())).expect("UTF-8");
        let without_end: String = lines.lines().take(4).map(|l| format!("{l}\n")).collect();
        let e = read(without_end.as_bytes()).err().expect("refused").to_string();
        assert!(e.contains("truncated"), "{e}");
    }

    #[test]
    fn a_reference_used_twice_is_refused_with_its_place() {
        let mut set = sample();
        set.push("P-0001".into(), &[0; 16]);
        let e = read(text(&set).as_slice()).err().expect("refused").to_string();
        assert!(e.starts_with("line 7:"), "{e}");
        let e = read(binary(&set).as_slice()).err().expect("refused").to_string();
        assert!(e.starts_with("record 6:"), "{e}");
    }

    #[test]
    fn a_filter_of_the_wrong_length_in_text_form_is_refused() {
        let text = String::from_utf8(text(&sample())).expect("UTF-8");
        let short = text.replacen("\"filter\":\"", "\"filter\":\"AAAA", 1);
        let e = read(short.as_bytes()).err().expect("refused").to_string();
        assert!(e.starts_with("line 2: filter"), "{e}");
    }

    #[test]
    fn sets_under_another_schema_epoch_or_key_are_incompatible() {
        let a = header("A");
        assert_eq!(a.check_compatible(&header("B")), Ok(()));
        let schema = Schema::default_schema();
        let other_key = Header::new("B", &schema, &LinkageKey::from_bytes(schema.key_epoch, [6; 32]));
        assert!(matches!(a.check_compatible(&other_key), Err(Incompatible::Key { .. })));
        let mut next = schema.clone();
        next.key_epoch += 1;
        let next_epoch = Header::new("B", &next, &LinkageKey::from_bytes(next.key_epoch, [5; 32]));
        assert!(matches!(
            a.check_compatible(&next_epoch),
            Err(Incompatible::Schema { .. })
        ));
        let mut epoch_only = a.clone();
        epoch_only.key_epoch += 1;
        assert!(matches!(
            a.check_compatible(&epoch_only),
            Err(Incompatible::Epoch { .. })
        ));
        let mut reshaped = schema;
        reshaped.fields[0].bits_per_token += 1;
        let other_schema = Header::new("B", &reshaped, &LinkageKey::from_bytes(reshaped.key_epoch, [5; 32]));
        let e = a.check_compatible(&other_schema).unwrap_err().to_string();
        assert!(e.contains("re-encode"), "{e}");
    }

    #[test]
    fn a_file_that_is_not_encodings_is_refused_at_once() {
        let e = read(&b"cas_CaseId,prs_PersonId\n"[..])
            .err()
            .expect("refused")
            .to_string();
        assert!(e.starts_with("start of file"), "{e}");
    }
}
