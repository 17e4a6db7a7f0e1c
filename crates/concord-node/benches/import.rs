//! Import throughput: synthetic cases written to a CSV file, then imported into a fresh
//! node (key file, so no Argon2 in the timing), encryption and blind indexes included.
//!
//! `cargo bench -p concord-node --bench import -- [CASES]` (default 100000). Prints the
//! figures that go into docs/performance.md.

use std::time::Instant;

use concord_core::vocabulary::OrganisationType;
use concord_node::interchange::{import, CaseWriter, Format, ImportOptions, Mode};
use concord_node::{vault, KeySource, NodeSettings, Store};

fn main() {
    let cases: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let today = chrono::Local::now().date_naive();

    let file = dir.path().join("cases.csv");
    let started = Instant::now();
    let config = concord_synth::Config::new(7, today);
    let agency = concord_synth::agencies(3).into_iter().next().expect("agencies");
    let mut writer = CaseWriter::new(std::fs::File::create(&file).expect("create"), Format::Csv).expect("writer");
    let mut persons = 0;
    for synthetic in concord_synth::cases(&config, &agency, cases) {
        persons += synthetic.case.persons.len();
        writer.write(&synthetic.case).expect("write");
    }
    writer.finish().expect("finish");
    let generated = started.elapsed();
    let size = std::fs::metadata(&file).expect("metadata").len();

    let key_file = dir.path().join("node.key");
    vault::create_key_file(&key_file).expect("key file");
    let settings = NodeSettings {
        name: "Benchmark".into(),
        country: "PL".parse().expect("PL"),
        kind: OrganisationType::LawEnforcement,
    };
    let mut store = Store::init(&dir.path().join("data"), &settings, &KeySource::KeyFile(key_file)).expect("init");
    let options = ImportOptions {
        format: Format::Csv,
        mode: Mode::AllOrNothing,
        delimiter: b',',
        today,
    };
    let started = Instant::now();
    let report = import(
        &mut store,
        std::fs::File::open(&file).expect("open"),
        "cases.csv",
        &options,
    )
    .expect("import");
    let imported = started.elapsed();
    assert!(
        report.rejected.is_empty(),
        "synthetic data imports cleanly: {:?}",
        report.rejected.first()
    );
    assert_eq!(report.cases as usize, cases);

    let secs = imported.as_secs_f64();
    println!(
        "generated {cases} cases ({persons} persons, {:.1} MB CSV) in {:.2} s",
        size as f64 / 1e6,
        generated.as_secs_f64()
    );
    println!(
        "imported  {cases} cases in {secs:.2} s: {:.0} cases/s, {:.0} persons/s",
        cases as f64 / secs,
        persons as f64 / secs
    );
}
