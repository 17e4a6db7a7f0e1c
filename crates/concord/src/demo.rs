//! `concord demo`: a node with synthetic data, served, with nothing to type.

use std::net::SocketAddr;
use std::path::Path;

use anyhow::Context;
use concord_node::{vault, KeySource, NodeSettings, Store};

use crate::exit::Code;
use crate::files;

/// The seed of the demo data: every demo shows the same cases.
const DEMO_SEED: u64 = 2026;

pub fn run(dir: &Path, cases: usize, listen: SocketAddr, no_serve: bool) -> anyhow::Result<Code> {
    concord_server::check_listen_address(&listen)?;
    let data_dir = dir.join("data");
    let key_file = dir.join("demo.key");
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let key = KeySource::KeyFile(key_file.clone());
    let store = if data_dir.join(concord_node::store::DATABASE_FILE).exists() {
        println!("Reusing the demo node in {}", dir.display());
        Store::open(&data_dir, &key)?
    } else {
        create(&data_dir, &key_file, cases)?
    };
    let stats = store.stats()?;
    println!("Demo node: {} cases, {} persons.", stats.cases, stats.persons);
    println!(
        "Its key file is {} (kept next to the data for the demo only: never do that with real data).",
        key_file.display()
    );
    println!();
    println!("Try, in another terminal:");
    let concord = std::env::args().next().unwrap_or_else(|| "concord".into());
    let node = format!("--data-dir {} --key-file {}", data_dir.display(), key_file.display());
    println!("  {concord} stats {node}");
    println!("  {concord} cases list {node} --exploitation ForcedLabour");
    if no_serve {
        return Ok(Code::Success);
    }
    println!("  curl http://{listen}/api/v1/health");
    println!("  curl 'http://{listen}/api/v1/cases?per_page=5'");
    println!();
    println!("Serving the API on http://{listen}/api/v1 — press Ctrl-C to stop.");
    crate::serve(store, listen, concord_server::DeliveryOptions::default())
}

fn create(data_dir: &Path, key_file: &Path, cases: usize) -> anyhow::Result<Store> {
    if !key_file.exists() {
        vault::create_key_file(key_file)?;
    }
    let config = concord_synth::Config::new(DEMO_SEED, chrono::Local::now().date_naive());
    let agency = concord_synth::agencies(3)
        .into_iter()
        .next()
        .context("the synthetic network has agencies")?;
    let org = agency.org();
    let settings = NodeSettings {
        name: org.name.clone(),
        country: org.country,
        kind: org.kind,
    };
    let mut store = Store::init(data_dir, &settings, &KeySource::KeyFile(key_file.to_path_buf()))?;
    let bar = files::progress_bar(cases as u64, "creating demo cases {bar:40} {pos}/{len}");
    store.write(|w| -> anyhow::Result<()> {
        for synthetic in concord_synth::cases(&config, &agency, cases) {
            w.insert_case(&synthetic.case)?;
            bar.inc(1);
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    Ok(store)
}
