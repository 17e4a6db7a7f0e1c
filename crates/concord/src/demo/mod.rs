//! `concord demo`: a network of three nodes with synthetic data on 127.0.0.1, served,
//! with nothing to type. The nodes peer with each other, exchange encodings, find the
//! persons planted in more than one of them; one has asked another for assistance, and
//! the mission has warned the others with an alert.

mod network;
mod nodes;

use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context;
use concord_core::Role;
use concord_node::users::{NewUser, Password, Username};
use concord_node::Store;
use concord_synth::Planting;

use crate::exit::Code;
use nodes::{Found, Node, COORDINATOR, DEMO_UNITS, SPECS};

/// The demo's users on every node: one of each role.
const DEMO_USERS: &[(&str, &str, Role, Option<&str>)] = &[
    ("admin", "Demo administrator", Role::Administrator, None),
    ("liaison", "Demo liaison officer", Role::LiaisonOfficer, None),
    ("analyst", "Demo analyst", Role::Analyst, None),
    ("field", "Demo field officer", Role::FieldOfficer, Some(DEMO_UNITS[0])),
];

/// How often the served nodes bring their linkage up to date: often, so that a case
/// entered in the demo shows its hits within seconds.
const LINKAGE_EVERY: Duration = Duration::from_secs(2);

/// More than the demo's requests or hits: "all of them".
const ALL: usize = 1_000_000;

/// The fewest cases per node with which persons can be planted in several nodes.
const MIN_CASES: usize = 20;

pub fn run(dir: &Path, cases: usize, listen: SocketAddr, no_serve: bool) -> anyhow::Result<Code> {
    let addresses = addresses(listen)?;
    for address in &addresses {
        concord_server::check_listen_address(address, &[])?;
    }
    let started = Instant::now();
    let (mut nodes, plan) = open_or_create(dir, cases)?;
    let urls = addresses.map(|a| format!("http://{a}"));
    network::publish_cards(&mut nodes, &urls)?;
    if plan.is_some() {
        network::agree(&mut nodes)?;
    }
    network::settle(&mut nodes)?;
    if plan.is_some() {
        network::open_request(&mut nodes)?;
        network::raise_alert(&mut nodes)?;
    }
    let passwords = nodes
        .iter_mut()
        .map(|n| demo_passwords(&mut n.store))
        .collect::<anyhow::Result<Vec<_>>>()?;
    println!("Ready in {:.1} s.", started.elapsed().as_secs_f64());
    describe(&nodes, &urls, &passwords, plan.as_deref())?;
    if no_serve {
        return Ok(Code::Success);
    }
    serve(nodes, addresses)
}

/// The demo network in `dir`, reused, or created with `cases` cases per node (and then
/// the plan of the persons planted).
fn open_or_create(dir: &Path, cases: usize) -> anyhow::Result<([Node; 3], Option<Vec<Planting>>)> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    match nodes::existing(dir) {
        Found::Network => {
            println!("Reusing the demo network in {}", dir.display());
            Ok((nodes::open(dir)?, None))
        }
        Found::Nothing if cases < MIN_CASES => {
            anyhow::bail!("the demo needs at least {MIN_CASES} cases per node (--cases), to plant persons in several")
        }
        Found::Nothing => {
            let (nodes, plan) = nodes::create(dir, cases)?;
            Ok((nodes, Some(plan)))
        }
        Found::Other => anyhow::bail!(
            "{} holds an incomplete demo, or the single demo node of an earlier version: delete the folder \
             (or give another with --dir) to create the three-node demo network",
            dir.display()
        ),
    }
}

/// The nodes' addresses: `listen`, and the next two ports.
fn addresses(listen: SocketAddr) -> anyhow::Result<[SocketAddr; 3]> {
    let next = |n: u16| {
        let port = listen.port().checked_add(n).with_context(|| {
            format!("--listen {listen}: the demo's nodes use this port and the next two; choose a lower port")
        })?;
        Ok::<_, anyhow::Error>(SocketAddr::new(listen.ip(), port))
    };
    Ok([listen, next(1)?, next(2)?])
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

/// Prints each node: where its UI is, its users, its records, hits, requests and alerts.
fn describe(
    nodes: &[Node; 3],
    urls: &[String; 3],
    passwords: &[Vec<Password>],
    plan: Option<&[Planting]>,
) -> anyhow::Result<()> {
    println!();
    for ((node, url), passwords) in nodes.iter().zip(urls).zip(passwords) {
        let stats = node.store.stats()?;
        let status = node.store.linkage_status()?;
        let requests = node.store.requests(ALL)?.len();
        let alerts = node.store.alerts(ALL)?.len();
        println!("{} — {url}/", node.spec.name);
        println!(
            "  {}: {} cases, {} persons, {} hits ({} new), {requests} request(s), {alerts} alert(s)",
            node.spec.folder,
            stats.cases,
            stats.persons,
            status.new_hits + status.confirmed_hits + status.rejected_hits,
            status.new_hits
        );
        for ((username, _, role, unit), password) in DEMO_USERS.iter().zip(passwords) {
            let unit = unit.map(|u| format!(", {u}")).unwrap_or_default();
            println!("  {username:<8} {} ({role}{unit})", password.as_str());
        }
        println!(
            "  data {}, key file {}",
            node.data_dir.display(),
            node.key_file.display()
        );
        println!();
    }
    if let Some(plan) = plan {
        println!("Persons planted in more than one node, written as a second agency would write them:");
        for planting in plan {
            let into: Vec<&str> = planting.into.iter().map(|&i| SPECS[i].folder).collect();
            let (persons, from) = (planting.persons, SPECS[planting.from].folder);
            println!("  {persons} of {from}'s persons at {}", into.join(" and "));
        }
    }
    println!(
        "The {} coordinates the linkage (it made the network's key). The users' passwords are new at every \
         start of the demo; a real node shows a password once.",
        SPECS[COORDINATOR].name
    );
    println!(
        "The key files are kept next to the data for the demo only: never do that with real data. Try, in \
         another terminal:"
    );
    let concord = std::env::args().next().unwrap_or_else(|| "concord".into());
    let first = format!("-d {} -k {}", nodes[0].data_dir.display(), nodes[0].key_file.display());
    println!("  {concord} hits list {first}");
    println!("  {concord} request list {first}");
    println!("  {concord} network status {first}");
    Ok(())
}

/// Serves the three nodes in this process until interrupted.
fn serve(nodes: [Node; 3], addresses: [SocketAddr; 3]) -> anyhow::Result<Code> {
    let options = concord_server::ServeOptions {
        linkage_every: LINKAGE_EVERY,
        ..Default::default()
    };
    println!();
    println!("Serving the three nodes (API under /api/v1 on each) — press Ctrl-C to stop.");
    let [a, b, c] = nodes.map(|n| n.store);
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        tokio::try_join!(
            concord_server::serve(a, addresses[0], options.clone()),
            concord_server::serve(b, addresses[1], options.clone()),
            concord_server::serve(c, addresses[2], options),
        )
    })?;
    Ok(Code::Success)
}
