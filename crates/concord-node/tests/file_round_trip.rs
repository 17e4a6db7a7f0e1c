//! Export writes files that import back into another node losslessly; both are audited.

mod common;

use concord_node::interchange::{export, import, Format, ImportOptions, Mode};

fn round_trip(format: Format) {
    let cases = common::synthetic_cases(31, 300);
    let source_dir = tempfile::tempdir().unwrap();
    let (mut source, _) = common::new_node(source_dir.path());
    source
        .write(|w| cases.iter().try_for_each(|c| w.insert_case(c)))
        .unwrap();
    let mut first = Vec::new();
    assert_eq!(export(&mut source, &mut first, format).unwrap(), 300);

    let target_dir = tempfile::tempdir().unwrap();
    let (mut target, _) = common::new_node(target_dir.path());
    let options = ImportOptions {
        format,
        mode: Mode::AllOrNothing,
        delimiter: b',',
        today: common::today(),
    };
    let report = import(&mut target, first.as_slice(), "export", &options).unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected.first());
    assert_eq!(report.cases, 300);
    for case in &cases {
        assert_eq!(
            target.get_case(&case.id).unwrap().as_ref(),
            Some(case),
            "case {} changed",
            case.id
        );
    }
    let mut second = Vec::new();
    export(&mut target, &mut second, format).unwrap();
    assert_eq!(first, second, "a second export is byte-identical");
    let trail = target.audit_trail(&Default::default(), 10).unwrap();
    let events: Vec<_> = trail.iter().rev().map(|e| e.event.as_str()).collect();
    assert_eq!(
        events,
        ["cases.imported", "cases.exported"],
        "import and export are audited"
    );
    let imported = format!("300 case(s), {} person(s)", report.persons);
    assert_eq!(trail[1].detail.as_deref(), Some(imported.as_str()));
}

#[test]
fn csv_export_imports_back_losslessly() {
    round_trip(Format::Csv);
}

#[test]
fn json_lines_export_imports_back_losslessly() {
    round_trip(Format::JsonLines);
}
