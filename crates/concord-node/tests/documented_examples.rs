//! The examples in docs/data-model.md are what Concord really reads and writes.

mod common;

use concord_node::interchange::{export, import, Format, ImportOptions, Mode};

const DATA_MODEL: &str = include_str!("../../../docs/data-model.md");

/// The body of the first fenced block of `language` in the document.
fn example(language: &str) -> String {
    let fence = format!("```{language}\n");
    let start = DATA_MODEL
        .find(&fence)
        .map(|i| i + fence.len())
        .expect("the example block exists");
    let end = DATA_MODEL[start..].find("```").expect("the block is closed") + start;
    DATA_MODEL[start..end].to_string()
}

/// A node holding the documented CSV example.
fn node_with_example() -> (concord_node::Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = common::new_node(dir.path());
    let options = ImportOptions {
        format: Format::Csv,
        mode: Mode::AllOrNothing,
        delimiter: b',',
        today: common::today(),
    };
    let report = import(&mut store, example("csv").as_bytes(), "data-model.md", &options).unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert_eq!((report.cases, report.persons), (2, 2));
    (store, dir)
}

#[test]
fn the_documented_csv_imports_and_exports_back_byte_for_byte() {
    let (mut store, _dir) = node_with_example();
    let mut exported = Vec::new();
    export(&mut store, &mut exported, Format::Csv).unwrap();
    assert_eq!(
        String::from_utf8(exported).unwrap().replace("\r\n", "\n"),
        example("csv")
    );
}

#[test]
fn the_documented_json_line_is_the_first_case_of_the_csv() {
    let (mut store, _dir) = node_with_example();
    let mut exported = Vec::new();
    export(&mut store, &mut exported, Format::JsonLines).unwrap();
    let first_line = String::from_utf8(exported).unwrap().lines().next().unwrap().to_string();
    assert_eq!(first_line, example("json").trim_end());
}
