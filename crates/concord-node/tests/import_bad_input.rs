//! Bad input files: each gets a clear error naming the file, line and field; under
//! all-or-nothing nothing is imported, under skip-invalid every rejected row is listed.

mod common;

use concord_core::htcds;
use concord_node::interchange::{import, Format, ImportError, ImportOptions, ImportReport, Mode};
use concord_node::store::{CaseFilter, Page};
use concord_node::Store;

fn options(mode: Mode) -> ImportOptions {
    ImportOptions {
        format: Format::Csv,
        mode,
        delimiter: b',',
        today: common::today(),
    }
}

/// A valid CSV of `cases` synthetic cases, as `concord export` writes it.
fn valid_csv(cases: usize) -> String {
    let mut out = Vec::new();
    let mut writer = concord_node::interchange::CaseWriter::new(&mut out, Format::Csv).unwrap();
    for case in common::synthetic_cases(21, cases) {
        writer.write(&case).unwrap();
    }
    writer.finish().unwrap();
    String::from_utf8(out).unwrap()
}

fn run(bytes: &[u8], mode: Mode) -> (Result<ImportReport, ImportError>, Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = common::new_node(dir.path());
    let result = import(&mut store, bytes, "cases.csv", &options(mode));
    (result, store, dir)
}

fn case_count(store: &Store) -> u64 {
    store.list_cases(&CaseFilter::default(), Page::new(1, 1)).unwrap().total
}

/// Replaces the cell of `column` on data line `line` (1 = first row after the header).
fn with_cell(csv: &str, line: usize, column: &str, value: &str) -> String {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv.as_bytes());
    let mut rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let position = rows[0].iter().position(|h| h == column).unwrap();
    let mut cells: Vec<String> = rows[line].iter().map(str::to_string).collect();
    cells[position] = value.to_string();
    rows[line] = csv::StringRecord::from(cells);
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in &rows {
        writer.write_record(row).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

fn file_error(result: Result<ImportReport, ImportError>) -> String {
    match result {
        Err(e @ ImportError::File { .. }) => e.to_string(),
        other => panic!("expected a file error, got {other:?}"),
    }
}

#[test]
fn a_valid_file_imports_every_case() {
    let (result, store, _dir) = run(valid_csv(50).as_bytes(), Mode::AllOrNothing);
    let report = result.unwrap();
    assert!(report.applied && report.rejected.is_empty());
    assert_eq!(report.cases, 50);
    assert_eq!(case_count(&store), 50);
}

#[test]
fn an_unknown_picklist_value_names_line_column_and_allowed_values() {
    let csv = with_cell(&valid_csv(20), 3, "cas_Status", "Pending");
    let (result, store, _dir) = run(csv.as_bytes(), Mode::AllOrNothing);
    let report = result.unwrap();
    assert!(!report.applied);
    assert_eq!(case_count(&store), 0, "nothing half-imported");
    let rejection = &report.rejected[0];
    assert_eq!(rejection.line, 4);
    assert_eq!(rejection.errors[0].field, "cas_Status");
    assert_eq!(rejection.errors[0].value.as_deref(), Some("Pending"));
    assert!(rejection.errors[0].expected.contains("ClosedReferred"));
}

#[test]
fn skip_invalid_imports_the_rest_and_lists_every_rejected_row() {
    let csv = with_cell(&valid_csv(30), 2, "org_Country", "XX");
    let csv = with_cell(&csv, 10, "cas_RegistrationDate", "2031-01-01");
    let (result, store, _dir) = run(csv.as_bytes(), Mode::SkipInvalid);
    let report = result.unwrap();
    assert!(report.applied);
    let lines: Vec<u64> = report.rejected.iter().map(|r| r.line).collect();
    assert!(lines.contains(&3) && lines.contains(&11), "{lines:?}");
    let fields: Vec<&str> = report
        .rejected
        .iter()
        .flat_map(|r| r.errors.iter().map(|e| e.field.as_str()))
        .collect();
    assert!(
        fields.contains(&"org_Country") && fields.contains(&"cas_RegistrationDate"),
        "{fields:?}"
    );
    assert!(case_count(&store) > 0 && case_count(&store) < 30);
    assert_eq!(case_count(&store), report.cases);
}

#[test]
fn an_impossible_or_future_date_is_rejected() {
    for (date, hint) in [("2024-02-30", "YYYY-MM-DD"), ("2099-01-01", "not after today")] {
        let csv = with_cell(&valid_csv(5), 1, "cas_RegistrationDate", date);
        let (result, _, _dir) = run(csv.as_bytes(), Mode::AllOrNothing);
        let report = result.unwrap();
        let error = &report.rejected[0].errors[0];
        assert_eq!(error.field, "cas_RegistrationDate");
        assert!(error.expected.contains(hint), "{error}");
    }
    for birth in ["2090", "12.03.1990"] {
        let csv = with_cell(&valid_csv(5), 1, "prs_Birthdate", birth);
        let report = run(csv.as_bytes(), Mode::AllOrNothing).0.unwrap();
        let error = &report.rejected[0].errors[0];
        assert_eq!(error.field, "prs_Birthdate");
        assert!(
            !error.to_string().contains(birth),
            "a date of birth is not repeated: {error}"
        );
    }
}

#[test]
fn an_invalid_country_code_is_rejected() {
    let csv = with_cell(&valid_csv(5), 1, "prs_Citizenship", "UKR");
    let report = run(csv.as_bytes(), Mode::AllOrNothing).0.unwrap();
    let error = &report.rejected[0].errors[0];
    assert_eq!(error.field, "prs_Citizenship");
    assert!(error.expected.contains("ISO 3166-1 alpha-2"));
}

#[test]
fn a_duplicate_case_id_is_rejected_whether_in_the_file_or_the_node() {
    let csv = valid_csv(5);
    let mut lines: Vec<&str> = csv.lines().collect();
    let first_row = lines[1];
    lines.push(first_row);
    let duplicated = lines.join("\n") + "\n";
    let report = run(duplicated.as_bytes(), Mode::SkipInvalid).0.unwrap();
    let last = report.rejected.last().expect("the repeated case is rejected");
    assert_eq!(last.errors[0].field, "cas_CaseId");
    assert!(last.errors[0].expected.contains("already exists"));

    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = common::new_node(dir.path());
    import(&mut store, csv.as_bytes(), "a.csv", &options(Mode::AllOrNothing)).unwrap();
    let again = import(&mut store, csv.as_bytes(), "a.csv", &options(Mode::AllOrNothing)).unwrap();
    assert!(!again.applied);
    assert_eq!(
        again.rejected.len(),
        5,
        "every case of the second import is a duplicate"
    );
    assert_eq!(case_count(&store), 5);
}

#[test]
fn missing_columns_are_named() {
    let csv = valid_csv(3).replacen("cas_Status", "status", 1);
    let message = file_error(run(csv.as_bytes(), Mode::AllOrNothing).0);
    assert!(message.contains("cases.csv, line 1"), "{message}");
    assert!(message.contains("unknown column `status`"), "{message}");
    let header: Vec<&str> = htcds::header().into_iter().filter(|h| *h != "org_Type").collect();
    let message = file_error(run((header.join(",") + "\n").as_bytes(), Mode::AllOrNothing).0);
    assert!(message.contains("missing required column(s): org_Type"), "{message}");
}

#[test]
fn a_wrong_delimiter_is_recognised() {
    let csv = valid_csv(3).replace(',', ";");
    let message = file_error(run(csv.as_bytes(), Mode::AllOrNothing).0);
    assert!(message.contains("--delimiter ';'"), "{message}");
}

#[test]
fn broken_quoting_is_reported_with_its_line() {
    let csv = valid_csv(5);
    let mut lines: Vec<String> = csv.lines().map(str::to_string).collect();
    lines[3] = lines[3].replacen(',', ",\"", 1);
    let broken = lines.join("\n") + "\n";
    let report = run(broken.as_bytes(), Mode::SkipInvalid).0.unwrap();
    let rejection = report
        .rejected
        .iter()
        .find(|r| r.errors[0].field == "row")
        .expect("a row error");
    assert_eq!(rejection.line, 4);
    assert!(
        rejection.errors[0].expected.contains("quoting"),
        "{}",
        rejection.errors[0].expected
    );
}

#[test]
fn an_empty_file_is_refused() {
    let message = file_error(run(b"", Mode::AllOrNothing).0);
    assert!(message.contains("empty"), "{message}");
}

#[test]
fn a_file_in_the_wrong_encoding_is_refused_or_its_rows_rejected() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("cas_CaseId".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert!(file_error(run(&utf16, Mode::AllOrNothing).0).contains("UTF-16"));

    let csv = with_cell(&valid_csv(3), 1, "org_Name", "Politia Romana");
    let latin1 = csv
        .replacen("Politia Romana", "Poli\u{0163}ia", 1)
        .replace("Poli\u{0163}ia", "Poli\x01ia");
    let mut bytes = latin1.into_bytes();
    let at = bytes.iter().position(|b| *b == 0x01).unwrap();
    bytes[at] = 0xFE;
    let report = run(&bytes, Mode::AllOrNothing).0.unwrap();
    assert_eq!(report.rejected[0].line, 2);
    assert_eq!(report.rejected[0].errors[0].field, "org_Name");
    assert!(report.rejected[0].errors[0].expected.contains("UTF-8"));
}

#[test]
fn a_large_file_of_random_bytes_is_refused_cleanly() {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let noise: Vec<u8> = (0..2_000_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let (result, store, _dir) = run(&noise, Mode::AllOrNothing);
    let message = file_error(result);
    assert!(message.starts_with("cases.csv, line 1"), "{message}");
    assert_eq!(case_count(&store), 0);
}

#[test]
fn a_bad_json_line_is_rejected_with_its_line_and_field_path() {
    let mut lines = Vec::new();
    let mut writer = concord_node::interchange::CaseWriter::new(&mut lines, Format::JsonLines).unwrap();
    for case in common::synthetic_cases(22, 3) {
        writer.write(&case).unwrap();
    }
    writer.finish().unwrap();
    let text = String::from_utf8(lines).unwrap();
    let second = text.lines().nth(1).unwrap();
    let broken = second.replacen("\"status\":\"", "\"status\":\"X", 1);
    let file = text.replacen(second, &broken, 1);
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = common::new_node(dir.path());
    let options = ImportOptions {
        format: Format::JsonLines,
        ..options(Mode::SkipInvalid)
    };
    let report = import(&mut store, file.as_bytes(), "cases.jsonl", &options).unwrap();
    assert_eq!(report.cases, 2);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].line, 2);
    assert_eq!(report.rejected[0].errors[0].field, "status");
    assert!(
        report.rejected[0].errors[0].expected.contains("FollowUp"),
        "{}",
        report.rejected[0].errors[0]
    );
}

#[test]
fn a_name_in_the_wrong_place_of_a_json_line_is_not_repeated_in_the_report() {
    let line = r#"{"id":"X-1","registered_on":"2024-01-01","reporting_org":{"name":"Unit","kind":"NGO","country":"MD"},"status":"Active","sensitivity":"Amber","persons":[{"id":"P-1","role":"Victim","names":"Olena Testova"}]}"#;
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = common::new_node(dir.path());
    let options = ImportOptions {
        format: Format::JsonLines,
        ..options(Mode::AllOrNothing)
    };
    let report = import(&mut store, format!("{line}\n").as_bytes(), "cases.jsonl", &options).unwrap();
    let error = &report.rejected[0].errors[0];
    assert_eq!(error.field, "persons[0].names");
    assert!(error.expected.contains("expected a sequence"), "{error}");
    assert!(!error.to_string().contains("Testova"), "{error}");
}
