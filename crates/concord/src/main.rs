//! `concord`: the command line of a Concord node. A thin layer: every command parses its
//! arguments, calls the libraries, and prints.

mod alerts;
mod audit;
mod bundle;
mod cases;
mod cli;
mod demo;
mod estimate;
mod exit;
mod files;
mod init;
mod link;
mod messages;
mod network;
mod peer;
mod requests;
mod stats;
mod synth;
mod transfer;
mod unlock;
mod users;

use clap::Parser;

use crate::cli::{Cli, Command};

fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CONCORD_LOG").unwrap_or_else(|_| "concord=info,warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code.into(),
        Err(error) if exit::is_broken_pipe(&error) => exit::Code::Success.into(),
        Err(error) => {
            eprintln!("error: {error:#}");
            exit::code_for(&error).into()
        }
    }
}

fn run(command: Command) -> anyhow::Result<exit::Code> {
    match command {
        Command::Init {
            node,
            name,
            country,
            kind,
            admin,
        } => init::run(&node, name, country, kind, admin),
        Command::Synth(args) => synth::run(&args),
        Command::Import(args) => transfer::import(&args),
        Command::Export { node, output, format } => transfer::export(&node, &output, format),
        Command::Cases(command) => cases::run(command),
        Command::Stats { node, json } => stats::run(&node, json),
        Command::Link(command) => link::run(command),
        Command::Estimate(args) => estimate::run(&args),
        Command::Serve {
            node,
            listen,
            hosts,
            delivery,
        } => {
            concord_server::check_listen_address(&listen, &hosts)?;
            let store = unlock::open(&node)?;
            let options = concord_server::ServeOptions {
                delivery: delivery_options(&delivery),
                hosts,
                linkage_every: std::time::Duration::from_secs(delivery.linkage_every_secs.max(1)),
            };
            serve(store, listen, options)
        }
        Command::Peer(command) => peer::run(command),
        Command::Send(command) => messages::send(command),
        Command::Outbox { node, to, limit, json } => messages::outbox(&node, to, limit, json),
        Command::Inbox {
            node,
            kind,
            limit,
            json,
        } => messages::inbox(&node, kind, limit, json),
        Command::Deliver { node, delivery } => messages::deliver(&node, &delivery),
        Command::Bundle(command) => bundle::run(command),
        Command::Audit(command) => audit::run(command),
        Command::User(command) => users::run(command),
        Command::Request(command) => requests::run(command),
        Command::Network(command) => network::run(command),
        Command::Hits(command) => network::hits(command),
        Command::Alert(command) => alerts::run(command),
        Command::Demo {
            dir,
            cases,
            listen,
            no_serve,
        } => demo::run(&dir, cases, listen, no_serve),
    }
}

/// Serves the API and pages, and pushes the outbox, until interrupted.
fn serve(
    store: concord_node::Store,
    listen: std::net::SocketAddr,
    options: concord_server::ServeOptions,
) -> anyhow::Result<exit::Code> {
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(concord_server::serve(store, listen, options))?;
    Ok(exit::Code::Success)
}

/// Delivery options from the command line.
fn delivery_options(args: &cli::DeliveryArgs) -> concord_server::DeliveryOptions {
    let defaults = concord_server::DeliveryOptions::default();
    concord_server::DeliveryOptions {
        backoff: concord_node::exchange::Backoff {
            max: std::time::Duration::from_secs(args.retry_max_secs.max(1)),
            ..defaults.backoff
        },
        batch: args.batch.max(1),
        ..defaults
    }
}
