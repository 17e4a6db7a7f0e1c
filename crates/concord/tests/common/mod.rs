//! Helpers shared by the tests that run `concord serve` as processes of their own.
#![allow(dead_code)]

use std::fs::File;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};

/// A server process, killed when the test ends, passing or failing, so that no server
/// outlives its test.
pub struct Server {
    pub label: String,
    pub child: Child,
    pub log: PathBuf,
}

impl Server {
    /// What the process wrote to its standard output and error so far.
    pub fn log(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        format!("--- {} ---\n{text}", self.label)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // SIGKILL, as a power cut would: the node must cope with it anyway.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The logs of every server, for a failure message.
pub fn logs<'a>(servers: impl IntoIterator<Item = &'a Server>) -> String {
    servers.into_iter().map(Server::log).collect::<Vec<_>>().join("\n")
}

/// Spawns `cmd` with its standard output and error in the file `log`.
pub fn spawn_logged(mut cmd: Command, log: &Path) -> Child {
    let out = File::create(log).unwrap();
    let err = out.try_clone().unwrap();
    cmd.stdout(out).stderr(err).spawn().expect("the concord binary starts")
}

/// A port nothing listens on now: the system picks it, and it is released at once for a
/// node to bind later.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}
