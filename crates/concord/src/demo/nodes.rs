//! The demo's three nodes: who they are, where they live, and their synthetic records,
//! some persons planted in more than one node.

use std::path::{Path, PathBuf};

use anyhow::Context;
use concord_core::vocabulary::OrganisationType;
use concord_core::Organisation;
use concord_node::{vault, KeySource, NodeSettings, Store};
use concord_synth::{Agency, Planting, SyntheticCase};

use crate::files;

/// The seed of the demo data: every demo shows the same cases.
const DEMO_SEED: u64 = 2026;

/// The units the demo's cases belong to (a field officer sees only their unit's).
pub const DEMO_UNITS: [&str; 2] = ["Unit 1", "Unit 2"];

/// One organisation of the demo network.
pub struct Spec {
    /// Its folder in the demo folder; its key file is beside it (`FOLDER.key`).
    pub folder: &'static str,
    /// The prefix of its case references.
    code: &'static str,
    pub name: &'static str,
    country: &'static str,
    kind: OrganisationType,
}

/// A police unit in Kazakhstan, an IOM field mission in Sudan (a country at war), and a
/// police unit in the Republic of Korea: people from Central Asia are trafficked to
/// Korea, and the mission meets people of every nationality in its camps.
pub const SPECS: [Spec; 3] = [
    Spec {
        folder: "kz-police",
        code: "KZ-POL",
        name: "Police anti-trafficking unit, Almaty (demo)",
        country: "KZ",
        kind: OrganisationType::LawEnforcement,
    },
    Spec {
        folder: "iom-mission",
        code: "SD-IOM",
        name: "IOM field mission, Port Sudan (demo)",
        country: "SD",
        kind: OrganisationType::InternationalOrganisation,
    },
    Spec {
        folder: "kr-police",
        code: "KR-POL",
        name: "National Police anti-trafficking team, Seoul (demo)",
        country: "KR",
        kind: OrganisationType::LawEnforcement,
    },
];

/// The node that makes the network's linkage key: the IOM mission.
pub const COORDINATOR: usize = 1;

/// A demo node, open.
pub struct Node {
    pub spec: &'static Spec,
    pub data_dir: PathBuf,
    pub key_file: PathBuf,
    pub store: Store,
}

impl Spec {
    fn organisation(&self) -> anyhow::Result<Organisation> {
        Ok(Organisation {
            name: self.name.to_string(),
            kind: self.kind,
            country: self.country.parse().context("a demo node's country")?,
        })
    }
}

/// Where each node's data and key file are in the demo folder `dir`.
fn paths(dir: &Path, spec: &Spec) -> (PathBuf, PathBuf) {
    (dir.join(spec.folder), dir.join(format!("{}.key", spec.folder)))
}

/// What a demo folder holds.
pub enum Found {
    /// The three nodes.
    Network,
    /// No node.
    Nothing,
    /// Some of the nodes, or the single node of earlier versions.
    Other,
}

/// What the demo folder `dir` holds.
pub fn existing(dir: &Path) -> Found {
    let database = concord_node::store::DATABASE_FILE;
    if dir.join("data").join(database).exists() {
        return Found::Other;
    }
    let present = SPECS.iter().filter(|s| paths(dir, s).0.join(database).exists()).count();
    match present {
        0 => Found::Nothing,
        n if n == SPECS.len() => Found::Network,
        _ => Found::Other,
    }
}

/// Opens the three nodes of the demo folder `dir`.
pub fn open(dir: &Path) -> anyhow::Result<[Node; 3]> {
    let open = |spec: &'static Spec| -> anyhow::Result<Node> {
        let (data_dir, key_file) = paths(dir, spec);
        let store = Store::open(&data_dir, &KeySource::KeyFile(key_file.clone()))
            .with_context(|| format!("opening the demo node in {}", data_dir.display()))?;
        Ok(Node {
            spec,
            data_dir,
            key_file,
            store,
        })
    };
    Ok([open(&SPECS[0])?, open(&SPECS[1])?, open(&SPECS[2])?])
}

/// Creates the three nodes in `dir` with `cases` synthetic cases each, and persons of
/// one node planted in others; returns them and the plan carried out.
pub fn create(dir: &Path, cases: usize) -> anyhow::Result<([Node; 3], Vec<Planting>)> {
    let mut config = concord_synth::Config::new(DEMO_SEED, chrono::Local::now().date_naive());
    // The nodes share no individual of their own: the planted persons are exactly the
    // ones they hold in common, as the printout says.
    config.shared_fraction = 0.0;
    let agencies = concord_synth::network(
        SPECS
            .iter()
            .map(|s| Ok(Agency::new(s.code, s.organisation()?)?))
            .collect::<anyhow::Result<Vec<_>>>()?,
    );
    let mut records: Vec<Vec<SyntheticCase>> = agencies
        .iter()
        .map(|a| concord_synth::cases(&config, a, cases).collect())
        .collect();
    let plan = plan(cases);
    concord_synth::plant(&config, &agencies, &mut records, &plan).context("planting persons in several nodes")?;
    let total = records.iter().map(Vec::len).sum::<usize>() as u64;
    let bar = files::progress_bar(total, "creating demo cases {bar:40} {pos}/{len}");
    let mut made = Vec::new();
    for (spec, records) in SPECS.iter().zip(&records) {
        made.push(init(dir, spec, records, &bar)?);
    }
    bar.finish_and_clear();
    let nodes: [Node; 3] = made.try_into().map_err(|_| anyhow::anyhow!("three demo nodes"))?;
    Ok((nodes, plan))
}

/// Which persons are planted where, for `cases` cases per node: per thousand cases, 50
/// of the police unit's persons at the mission, 30 of the mission's at the Korean police,
/// and 10 of the police unit's at both.
fn plan(cases: usize) -> Vec<Planting> {
    let per_thousand = |n: usize| (cases * n).div_ceil(1000);
    vec![
        Planting {
            from: 0,
            into: vec![1],
            persons: per_thousand(50),
        },
        Planting {
            from: 1,
            into: vec![2],
            persons: per_thousand(30),
        },
        Planting {
            from: 0,
            into: vec![1, 2],
            persons: per_thousand(10),
        },
    ]
}

/// One node: its key file, its store, its cases spread over the demo units.
fn init(
    dir: &Path,
    spec: &'static Spec,
    records: &[SyntheticCase],
    bar: &indicatif::ProgressBar,
) -> anyhow::Result<Node> {
    let (data_dir, key_file) = paths(dir, spec);
    if !key_file.exists() {
        vault::create_key_file(&key_file)?;
    }
    let settings = NodeSettings {
        name: spec.name.to_string(),
        country: spec.country.parse()?,
        kind: spec.kind,
    };
    let mut store = Store::init(&data_dir, &settings, &KeySource::KeyFile(key_file.clone()))?;
    store.write(|w| -> anyhow::Result<()> {
        for (i, synthetic) in records.iter().enumerate() {
            w.insert_case_in_unit(&synthetic.case, Some(DEMO_UNITS[i % DEMO_UNITS.len()]))?;
            bar.inc(1);
        }
        Ok(())
    })?;
    Ok(Node {
        spec,
        data_dir,
        key_file,
        store,
    })
}
