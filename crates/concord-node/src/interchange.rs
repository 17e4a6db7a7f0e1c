//! Import and export of HTCDS-style files: CSV in the flat layout of
//! [`concord_core::htcds`], and JSON Lines (one case object per line).
//!
//! Import streams: it holds one case at a time, so a file of any size fits in memory.
//! It reads the whole file inside one transaction. With [`Mode::AllOrNothing`] a single
//! bad row rolls everything back; with [`Mode::SkipInvalid`] bad cases are left out.
//! Either way every rejected row is reported with its line, column and reason.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

use chrono::NaiveDate;
use concord_core::htcds::{self, Column, Layout};
use concord_core::{Case, FieldError, Picklist};
use serde::Serialize;

use std::sync::mpsc::SyncSender;

use crate::audit;
use crate::store::{SealedCase, Sealer, Store, StoreError, Writer};

/// A file format for cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Format {
    /// The flat HTCDS-style CSV layout, one row per person.
    Csv,
    /// One JSON case object per line.
    JsonLines,
}

impl Format {
    /// The format a file name implies: `.csv`, or `.jsonl`/`.ndjson`/`.json`.
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(Self::Csv),
            "jsonl" | "ndjson" | "json" => Some(Self::JsonLines),
            _ => None,
        }
    }
}

/// What to do with a file that has bad rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Mode {
    /// Import nothing if any row is bad.
    AllOrNothing,
    /// Import the good cases and leave out the bad ones.
    SkipInvalid,
}

/// How to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The file's format.
    pub format: Format,
    /// What to do with bad rows.
    pub mode: Mode,
    /// CSV field delimiter.
    pub delimiter: u8,
    /// Dates after this are in the future and rejected.
    pub today: NaiveDate,
}

/// A rejected row: where, which case, and every problem found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejection {
    /// Line number in the file (from 1).
    pub line: u64,
    /// The case the row belongs to, when readable.
    pub case_id: Option<String>,
    /// What is wrong, field by field (CSV: the field is the column name).
    pub errors: Vec<FieldError>,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(id) = &self.case_id {
            write!(f, " (case {id})")?;
        }
        for e in &self.errors {
            write!(f, "\n    {e}")?;
        }
        Ok(())
    }
}

/// The outcome of an import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Cases written to the store.
    pub cases: u64,
    /// Persons written to the store.
    pub persons: u64,
    /// Every rejected row.
    pub rejected: Vec<Rejection>,
    /// Whether anything was written (false under all-or-nothing with rejections).
    pub applied: bool,
}

/// A problem with the file as a whole: nothing was imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file cannot be read as the format at all.
    #[error("{file}, line {line}: {message}")]
    File { file: String, line: u64, message: String },
    /// Reading failed.
    #[error("{file}: {source}")]
    Io { file: String, source: std::io::Error },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Imports cases from `input`, named `file` in messages.
///
/// Two threads share the work: one reads, checks and seals cases, the other writes them
/// into the store's transaction, so the encryption and the database run side by side.
pub fn import(
    store: &mut Store,
    input: impl Read + Send,
    file: &str,
    options: &ImportOptions,
) -> Result<ImportReport, ImportError> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    check_start(&mut input, file)?;
    store
        .write(|writer| {
            let mut report = write_all(writer, input, file, options)?;
            report.applied = report.rejected.is_empty() || options.mode == Mode::SkipInvalid;
            if report.applied {
                let detail = format!("{} case(s), {} person(s)", report.cases, report.persons);
                audit::record(
                    writer.tx(),
                    writer.vault(),
                    audit::Event::CasesImported.entry().detail(&detail),
                )?;
                Ok(report)
            } else {
                Err(Outcome::Aborted(report))
            }
        })
        .or_else(|outcome| match outcome {
            Outcome::Aborted(report) => Ok(ImportReport {
                cases: 0,
                persons: 0,
                ..report
            }),
            Outcome::Failed(error) => Err(error),
        })
}

/// Why a transaction ended without committing.
enum Outcome {
    Aborted(ImportReport),
    Failed(ImportError),
}

impl From<StoreError> for Outcome {
    fn from(e: StoreError) -> Self {
        Self::Failed(e.into())
    }
}
impl From<ImportError> for Outcome {
    fn from(e: ImportError) -> Self {
        Self::Failed(e)
    }
}

/// What the reading thread hands to the writing thread, in file order.
enum Event {
    /// A valid case, sealed.
    Case {
        sealed: Box<SealedCase>,
        id: String,
        persons: u64,
        line: u64,
    },
    /// A rejected row.
    Rejected(Rejection),
}

/// Runs the reading thread and writes what it sends; returns the report.
fn write_all(
    writer: &mut Writer<'_>,
    input: impl BufRead + Send,
    file: &str,
    options: &ImportOptions,
) -> Result<ImportReport, ImportError> {
    let sealer = writer.sealer();
    let (send, receive) = std::sync::mpsc::sync_channel::<Event>(1024);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut cases = CaseReader {
                sealer,
                options,
                send,
                stopped: false,
            };
            match options.format {
                Format::Csv => read_csv(&mut cases, input, file),
                Format::JsonLines => read_json_lines(&mut cases, input, file),
            }
        });
        let mut report = ImportReport::default();
        let written = receive
            .iter()
            .try_for_each(|event| write_event(writer, event, options.format, &mut report));
        drop(receive);
        let read = reader.join().expect("the reading thread does not panic");
        written?;
        read?;
        Ok(report)
    })
}

fn write_event(
    writer: &mut Writer<'_>,
    event: Event,
    format: Format,
    report: &mut ImportReport,
) -> Result<(), StoreError> {
    match event {
        Event::Rejected(rejection) => report.rejected.push(rejection),
        Event::Case {
            sealed,
            id,
            persons,
            line,
        } => match writer.insert_sealed(*sealed) {
            Ok(()) => {
                report.cases += 1;
                report.persons += persons;
            }
            Err(e @ (StoreError::DuplicateCase(_) | StoreError::DuplicatePerson(_))) => {
                let (case_field, person_field) = match format {
                    Format::Csv => ("cas_CaseId", "prs_PersonId"),
                    Format::JsonLines => ("id", "persons[].id"),
                };
                let field = if matches!(e, StoreError::DuplicateCase(_)) {
                    case_field
                } else {
                    person_field
                };
                let expected = format!(
                    "{e}: an ID not already in the node or earlier in this file (rows of one case must be adjacent)"
                );
                let errors = vec![FieldError {
                    field: field.into(),
                    value: None,
                    expected,
                }];
                report.rejected.push(Rejection {
                    line,
                    case_id: Some(id),
                    errors,
                });
            }
            Err(e) => return Err(e),
        },
    }
    Ok(())
}

/// Refuses what is plainly not a UTF-8 text file, before anything else happens.
fn check_start(input: &mut impl BufRead, file: &str) -> Result<(), ImportError> {
    let head = input.fill_buf().map_err(|source| ImportError::Io {
        file: file.to_string(),
        source,
    })?;
    let fail = |message: &str| {
        Err(ImportError::File {
            file: file.to_string(),
            line: 1,
            message: message.to_string(),
        })
    };
    if head.is_empty() {
        return fail("the file is empty; expected cases (a CSV header and rows, or JSON Lines)");
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return fail("the file is UTF-16; expected UTF-8 (save it as \"CSV UTF-8\" or convert it with iconv)");
    }
    if head.contains(&0) {
        return fail("the file contains NUL bytes: it is binary, not a text file; expected UTF-8 text");
    }
    if head.starts_with(b"\xEF\xBB\xBF") {
        input.consume(3);
    }
    Ok(())
}

/// The reading side of an import: parses, checks and seals cases, and sends them on.
struct CaseReader<'s, 'o> {
    sealer: Sealer<'s>,
    options: &'o ImportOptions,
    send: SyncSender<Event>,
    /// The writing side has stopped (it failed): read no further.
    stopped: bool,
}

impl CaseReader<'_, '_> {
    fn emit(&mut self, event: Event) {
        if !self.stopped && self.send.send(event).is_err() {
            self.stopped = true;
        }
    }

    fn reject(&mut self, line: u64, case_id: Option<String>, errors: Vec<FieldError>) {
        self.emit(Event::Rejected(Rejection { line, case_id, errors }));
    }

    /// Validates and seals one whole case. `lines[i]` is the line of person i (or of the
    /// case, when it has no persons); `to_field` turns a validation path into the name
    /// the file uses.
    fn finish_case(&mut self, case: Case, lines: &[u64], to_field: impl Fn(&str) -> String) {
        let first = lines[0];
        let id = case.id.to_string();
        let Err(errors) = case.validate(self.options.today) else {
            let persons = case.persons.len() as u64;
            let sealed = Box::new(self.sealer.seal(case));
            return self.emit(Event::Case {
                sealed,
                id,
                persons,
                line: first,
            });
        };
        let mut rejections: Vec<Rejection> = Vec::new();
        for e in errors.0 {
            let line = person_index(&e.field)
                .and_then(|i| lines.get(i).copied())
                .unwrap_or(first);
            let e = FieldError {
                field: to_field(&e.field),
                ..e
            };
            match rejections.iter_mut().find(|r| r.line == line) {
                Some(r) => r.errors.push(e),
                None => rejections.push(Rejection {
                    line,
                    case_id: Some(id.clone()),
                    errors: vec![e],
                }),
            }
        }
        rejections.sort_by_key(|r| r.line);
        rejections.into_iter().for_each(|r| self.emit(Event::Rejected(r)));
    }
}

/// `persons[3].names[0]` → 3.
fn person_index(field: &str) -> Option<usize> {
    field.strip_prefix("persons[")?.split(']').next()?.parse().ok()
}

/// A case being assembled from adjacent CSV rows: the case columns of its first row, and
/// the persons of all its rows.
struct PendingCase {
    raw_id: String,
    case: Option<Case>,
    persons: Vec<concord_core::Person>,
    lines: Vec<u64>,
    broken: bool,
}

fn read_csv(cases: &mut CaseReader<'_, '_>, input: impl Read, file: &str) -> Result<(), ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(cases.options.delimiter)
        .has_headers(false)
        .from_reader(input);
    let mut record = csv::ByteRecord::new();
    let file_error = |line: u64, message: String| ImportError::File {
        file: file.to_string(),
        line,
        message,
    };
    let has_header = reader
        .read_byte_record(&mut record)
        .map_err(|e| file_error(1, csv_problem(&e)))?;
    if !has_header {
        return Err(file_error(1, "the file is empty; expected a header line".into()));
    }
    let header: Vec<String> = utf8_fields(&record)
        .map(|fields| fields.into_iter().map(str::to_string).collect()).map_err(|i| file_error(1, format!("header column {}: not valid UTF-8; expected a UTF-8 file (convert it from Windows-1252 or Latin-1 with iconv)", i + 1)))?;
    let layout = Layout::from_header(header.iter().map(String::as_str)).map_err(|e| {
        let hint = delimiter_hint(&header, cases.options.delimiter);
        file_error(1, format!("{e}{hint}"))
    })?;
    let id_position = header
        .iter()
        .position(|h| *h == Column::cas_CaseId.as_str())
        .expect("required column");
    let mut pending: Option<PendingCase> = None;
    while !cases.stopped {
        let line = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                flush(cases, pending.take());
                cases.reject(
                    line,
                    None,
                    vec![FieldError {
                        field: "row".into(),
                        value: None,
                        expected: csv_problem(&e),
                    }],
                );
                if matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                    continue;
                }
                break;
            }
        }
        let raw_id = String::from_utf8_lossy(record.get(id_position).unwrap_or_default())
            .trim()
            .to_string();
        if pending.as_ref().is_some_and(|p| p.raw_id != raw_id) {
            flush(cases, pending.take());
        }
        let current = pending.get_or_insert_with(|| PendingCase {
            raw_id: raw_id.clone(),
            case: None,
            persons: Vec::new(),
            lines: Vec::new(),
            broken: false,
        });
        add_csv_row(cases, current, (&layout, &header), &record, line);
    }
    flush(cases, pending);
    Ok(())
}

fn add_csv_row(
    cases: &mut CaseReader<'_, '_>,
    pending: &mut PendingCase,
    (layout, header): (&Layout, &[String]),
    record: &csv::ByteRecord,
    line: u64,
) {
    pending.lines.push(line);
    let case_id = Some(pending.raw_id.clone()).filter(|s| !s.is_empty());
    let fields = match utf8_fields(record) {
        Ok(fields) => fields,
        Err(i) => {
            let field = header.get(i).cloned().unwrap_or_else(|| format!("column {}", i + 1));
            let expected = "valid UTF-8 text (is the file in Windows-1252 or Latin-1? convert it to UTF-8)".to_string();
            cases.reject(
                line,
                case_id,
                vec![FieldError {
                    field,
                    value: None,
                    expected,
                }],
            );
            pending.broken = true;
            return;
        }
    };
    match htcds::parse_row(layout, &fields) {
        Err(errors) => {
            cases.reject(line, case_id, errors);
            pending.broken = true;
        }
        Ok(row) => {
            match &pending.case {
                None => pending.case = Some(row.case),
                Some(first) if *first != row.case => {
                    let column = first_difference(first, &row.case);
                    let expected = format!("the same value as the case's first row (line {})", pending.lines[0]);
                    cases.reject(
                        line,
                        case_id,
                        vec![FieldError {
                            field: column.into(),
                            value: None,
                            expected,
                        }],
                    );
                    pending.broken = true;
                }
                Some(_) => {}
            }
            pending.persons.extend(row.person);
        }
    }
}

fn flush(cases: &mut CaseReader<'_, '_>, pending: Option<PendingCase>) {
    let Some(p) = pending else { return };
    match p.case {
        Some(case) if !p.broken => {
            let case = Case {
                persons: p.persons,
                ..case
            };
            cases.finish_case(case, &p.lines, |f| htcds::column_of(f).as_str().to_string())
        }
        _ => {}
    }
}

/// The first case column in which two rows of one case differ (both without persons).
fn first_difference(a: &Case, b: &Case) -> &'static str {
    let (ra, rb) = (htcds::case_to_rows(a).remove(0), htcds::case_to_rows(b).remove(0));
    ra.iter()
        .zip(&rb)
        .position(|(x, y)| x != y)
        .map_or("cas_CaseId", |i| Column::ALL[i].as_str())
}

/// The fields of a record as text, or the index of the first that is not UTF-8.
fn utf8_fields(record: &csv::ByteRecord) -> Result<Vec<&str>, usize> {
    record
        .iter()
        .enumerate()
        .map(|(i, f)| std::str::from_utf8(f).map_err(|_| i))
        .collect()
}

fn csv_problem(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => format!(
            "{len} fields where the header has {expected_len}; check quoting (a quote opened and not closed swallows the following separators) and the delimiter"
        ),
        csv::ErrorKind::Io(io) => format!("read error: {io}"),
        other => format!("malformed CSV: {other:?}"),
    }
}

/// When a header does not parse, says whether another delimiter would have split it.
fn delimiter_hint(header: &[String], delimiter: u8) -> String {
    if header.len() != 1 {
        return String::new();
    }
    [b';', b'\t', b',', b'|']
        .into_iter()
        .filter(|d| *d != delimiter)
        .find(|d| header[0].contains(char::from(*d)))
        .map(|d| {
            let shown = if d == b'\t' {
                "\\t".to_string()
            } else {
                char::from(d).to_string()
            };
            format!(
                " — the header seems to be separated by `{shown}`, not `{}`; use --delimiter '{shown}'",
                char::from(delimiter)
            )
        })
        .unwrap_or_default()
}

fn read_json_lines(cases: &mut CaseReader<'_, '_>, input: impl BufRead, file: &str) -> Result<(), ImportError> {
    let mut seen_any = false;
    for (i, line) in input.split(b'\n').enumerate() {
        if cases.stopped {
            break;
        }
        let number = i as u64 + 1;
        let line = line.map_err(|source| ImportError::Io {
            file: file.to_string(),
            source,
        })?;
        let Ok(text) = std::str::from_utf8(&line) else {
            let expected = "valid UTF-8 text (convert the file to UTF-8)".to_string();
            cases.reject(
                number,
                None,
                vec![FieldError {
                    field: "line".into(),
                    value: None,
                    expected,
                }],
            );
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        seen_any = true;
        let mut de = serde_json::Deserializer::from_str(text);
        match serde_path_to_error::deserialize::<_, Case>(&mut de) {
            Ok(case) => cases.finish_case(case, &[number], str::to_string),
            Err(e) => {
                let field = e.path().to_string();
                let expected = concord_core::without_values(&e.into_inner().to_string());
                cases.reject(
                    number,
                    None,
                    vec![FieldError {
                        field,
                        value: None,
                        expected,
                    }],
                );
            }
        }
    }
    if seen_any {
        Ok(())
    } else {
        Err(ImportError::File {
            file: file.to_string(),
            line: 1,
            message: "no cases in the file; expected one JSON case object per line".into(),
        })
    }
}

/// Writes cases to a file in one of the formats, one at a time.
pub struct CaseWriter<W: Write> {
    sink: Sink<W>,
    count: u64,
}

enum Sink<W: Write> {
    Csv(Box<csv::Writer<W>>),
    JsonLines(std::io::BufWriter<W>),
}

impl<W: Write> CaseWriter<W> {
    /// Starts a file (CSV: writes the header).
    pub fn new(output: W, format: Format) -> Result<Self, ExportError> {
        let sink = match format {
            Format::Csv => {
                let mut writer = csv::Writer::from_writer(output);
                writer.write_record(htcds::header())?;
                Sink::Csv(Box::new(writer))
            }
            Format::JsonLines => Sink::JsonLines(std::io::BufWriter::new(output)),
        };
        Ok(Self { sink, count: 0 })
    }

    /// Writes one case.
    pub fn write(&mut self, case: &Case) -> Result<(), ExportError> {
        match &mut self.sink {
            Sink::Csv(writer) => {
                for row in htcds::case_to_rows(case) {
                    writer.write_record(&row)?;
                }
            }
            Sink::JsonLines(output) => {
                serde_json::to_writer(&mut *output, case).map_err(|e| ExportError::Io(e.into()))?;
                output.write_all(b"\n")?;
            }
        }
        self.count += 1;
        Ok(())
    }

    /// Flushes the file; returns the number of cases written.
    pub fn finish(self) -> Result<u64, ExportError> {
        match self.sink {
            Sink::Csv(mut writer) => writer.flush()?,
            Sink::JsonLines(mut output) => output.flush()?,
        }
        Ok(self.count)
    }
}

/// Writes every case in the store to `output`; returns the number of cases. The export,
/// which holds every identifying field, is recorded in the audit trail.
pub fn export(store: &mut Store, output: impl Write, format: Format) -> Result<u64, ExportError> {
    let mut writer = CaseWriter::new(output, format)?;
    store.for_each_case(|case| writer.write(&case))?;
    let count = writer.finish()?;
    let detail = format!("{count} case(s)");
    store.transaction(|tx, vault| audit::record(tx, vault, audit::Event::CasesExported.entry().detail(&detail)))?;
    Ok(count)
}

/// An export that could not be completed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed.
    #[error("writing the export: {0}")]
    Io(#[from] std::io::Error),
    /// Writing CSV failed.
    #[error("writing the export: {0}")]
    Csv(#[from] csv::Error),
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}
