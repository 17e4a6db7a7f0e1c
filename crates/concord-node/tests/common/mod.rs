//! Helpers shared by the store's integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use concord_core::vocabulary::OrganisationType;
use concord_core::{Case, Role};
use std::collections::BTreeSet;

use concord_exchange::Category;
use concord_node::exchange::Agreement;
use concord_node::users::{NewUser, Password, User};
use concord_node::{vault, KeySource, NodeSettings, Store};

/// The date the synthetic data and validation treat as today, so results never drift.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

pub fn settings() -> NodeSettings {
    NodeSettings {
        name: "Test unit".into(),
        country: "PL".parse().unwrap(),
        kind: OrganisationType::LawEnforcement,
    }
}

/// A node in `dir/data`, unlocked by a key file `dir/node.key`.
pub fn new_node(dir: &Path) -> (Store, KeySource) {
    let key_path: PathBuf = dir.join("node.key");
    if !key_path.exists() {
        vault::create_key_file(&key_path).unwrap();
    }
    let key = KeySource::KeyFile(key_path);
    (Store::init(&dir.join("data"), &settings(), &key).unwrap(), key)
}

/// `count` synthetic cases of the first agency of a three-agency network.
pub fn synthetic_cases(seed: u64, count: usize) -> Vec<Case> {
    let config = concord_synth::Config::new(seed, today());
    let agency = concord_synth::agencies(3).into_iter().next().unwrap();
    concord_synth::cases(&config, &agency, count).map(|s| s.case).collect()
}

/// `per_agency` synthetic cases from each agency of a network of `agencies`: persons of
/// many citizenships and scripts.
pub fn synthetic_network_cases(seed: u64, agencies: usize, per_agency: usize) -> Vec<Case> {
    let config = concord_synth::Config::new(seed, today());
    concord_synth::agencies(agencies)
        .iter()
        .flat_map(|agency| {
            concord_synth::cases(&config, agency, per_agency)
                .map(|s| s.case)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Two nodes that know each other.
pub struct Pair {
    pub _dirs: (tempfile::TempDir, tempfile::TempDir),
    pub a: Store,
    pub b: Store,
}

pub fn all() -> BTreeSet<Category> {
    Category::ALL.iter().copied().collect()
}

/// Two nodes that know each other and allow everything both ways.
pub fn paired() -> Pair {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, _) = new_node(da.path());
    let (mut b, _) = new_node(db.path());
    let agreement = Agreement {
        send: all(),
        receive: all(),
    };
    let (card_a, card_b) = (a.card().unwrap(), b.card().unwrap());
    let (id_a, id_b) = (a.node_id(), b.node_id());
    a.add_peer(&card_b, &id_b).unwrap();
    b.add_peer(&card_a, &id_a).unwrap();
    a.set_agreement(&id_b, &agreement).unwrap();
    b.set_agreement(&id_a, &agreement).unwrap();
    Pair { _dirs: (da, db), a, b }
}

/// Adds user `name` with `role` (and `unit`); their password, shown once, with them.
pub fn add_user(store: &mut Store, name: &str, role: Role, unit: Option<&str>) -> (User, Password) {
    store
        .add_user(&NewUser {
            username: name.parse().unwrap(),
            display_name: name.into(),
            role,
            unit: unit.map(str::to_owned),
        })
        .unwrap()
}
