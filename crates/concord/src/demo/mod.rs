//! `concord demo`: a node with synthetic data, served, with nothing to type.

use std::net::SocketAddr;
use std::path::Path;

use anyhow::Context;
use concord_core::Role;
use concord_node::users::{NewUser, Password, Username};
use concord_node::{vault, KeySource, NodeSettings, Store};

use crate::exit::Code;
use crate::files;

/// The seed of the demo data: every demo shows the same cases.
const DEMO_SEED: u64 = 2026;

/// The demo's users: one of each role, and the units its cases belong to.
const DEMO_USERS: &[(&str, &str, Role, Option<&str>)] = &[
    ("admin", "Demo administrator", Role::Administrator, None),
    ("liaison", "Demo liaison officer", Role::LiaisonOfficer, None),
    ("analyst", "Demo analyst", Role::Analyst, None),
    ("field", "Demo field officer", Role::FieldOfficer, Some(DEMO_UNITS[0])),
];
const DEMO_UNITS: [&str; 2] = ["Unit 1", "Unit 2"];

pub fn run(dir: &Path, cases: usize, listen: SocketAddr, no_serve: bool) -> anyhow::Result<Code> {
    concord_server::check_listen_address(&listen, &[])?;
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
    let mut store = store;
    let stats = store.stats()?;
    println!("Demo node: {} cases, {} persons.", stats.cases, stats.persons);
    let passwords = demo_passwords(&mut store)?;
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
    println!();
    println!("Open http://{listen}/ in a browser and sign in as one of the demo users");
    println!("(new passwords at every start of the demo; a real node shows a password once):");
    for ((username, _, role, unit), password) in DEMO_USERS.iter().zip(&passwords) {
        let unit = unit.map(|u| format!(", {u}")).unwrap_or_default();
        println!("  {username:<8} {} ({role}{unit})", password.as_str());
    }
    println!();
    println!("Serving on http://{listen}/ (API under /api/v1) — press Ctrl-C to stop.");
    crate::serve(store, listen, concord_server::ServeOptions::default())
}

/// Adds the demo users if they are not there yet, and gives each a new password.
fn demo_passwords(store: &mut Store) -> anyhow::Result<Vec<Password>> {
    let existing: Vec<String> = store.users()?.into_iter().map(|u| u.username.to_string()).collect();
    let mut passwords = Vec::new();
    for (username, display_name, role, unit) in DEMO_USERS {
        let username: Username = username.parse()?;
        let password = if existing.iter().any(|e| e == username.as_str()) {
            store.reset_password(&username)?
        } else {
            let new = NewUser {
                username,
                display_name: display_name.to_string(),
                role: *role,
                unit: unit.map(str::to_owned),
            };
            store.add_user(&new)?.1
        };
        passwords.push(password);
    }
    Ok(passwords)
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
        for (i, synthetic) in concord_synth::cases(&config, &agency, cases).enumerate() {
            w.insert_case_in_unit(&synthetic.case, Some(DEMO_UNITS[i % DEMO_UNITS.len()]))?;
            bar.inc(1);
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    Ok(store)
}
