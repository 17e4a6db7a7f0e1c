//! `concord`: the command line of a Concord node. A thin layer: every command parses its
//! arguments, calls the libraries, and prints.

mod cases;
mod cli;
mod demo;
mod exit;
mod files;
mod init;
mod link;
mod stats;
mod synth;
mod transfer;
mod unlock;

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
        } => init::run(&node, name, country, kind),
        Command::Synth(args) => synth::run(&args),
        Command::Import(args) => transfer::import(&args),
        Command::Export { node, output, format } => transfer::export(&node, &output, format),
        Command::Cases(command) => cases::run(command),
        Command::Stats { node, json } => stats::run(&node, json),
        Command::Link(command) => link::run(command),
        Command::Serve { node, listen } => {
            concord_server::check_listen_address(&listen)?;
            let store = unlock::open(&node)?;
            serve(store, listen)
        }
        Command::Demo {
            dir,
            cases,
            listen,
            no_serve,
        } => demo::run(&dir, cases, listen, no_serve),
    }
}

/// Serves the API until interrupted.
fn serve(store: concord_node::Store, listen: std::net::SocketAddr) -> anyhow::Result<exit::Code> {
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(concord_server::serve(store, listen))?;
    Ok(exit::Code::Success)
}
