//! `concord bundle export` and `concord bundle import`.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use concord_node::exchange::Via;

use crate::cli::BundleCommand;
use crate::exit::Code;
use crate::{files, unlock};

pub fn run(command: BundleCommand) -> anyhow::Result<Code> {
    match command {
        BundleCommand::Export { node, to, output } => {
            if output.exists() {
                bail!("{} already exists; refusing to overwrite a bundle", output.display());
            }
            let mut store = unlock::open(&node)?;
            let bundle = store.export_bundle(&to)?;
            files::write_new(&output, &bundle.bytes)?;
            println!(
                "Wrote {} message(s) for {to} to {} ({} bytes). They stay pending until the partner's \
                 return bundle is imported here (`concord bundle import`).",
                bundle.messages.len(),
                output.display(),
                bundle.bytes.len()
            );
            Ok(Code::Success)
        }
        BundleCommand::Import { node, file, output } => {
            let output = output.unwrap_or_else(|| return_path(&file));
            let bytes = std::fs::read(&file).with_context(|| format!("reading the bundle {}", file.display()))?;
            let mut store = unlock::open(&node)?;
            if output.exists() {
                bail!(
                    "{} already exists; give another file for the return bundle with -o (nothing was imported)",
                    output.display()
                );
            }
            let received = store
                .receive_bundle(&bytes, Via::Bundle)
                .with_context(|| format!("importing the bundle {}", file.display()))?;
            println!(
                "{}: {} message(s) applied, {} already received before, {} rejected; {} of our message(s) \
                 acknowledged as delivered, {} as rejected.",
                file.display(),
                received.accepted,
                received.duplicates,
                received.rejected.len(),
                received.delivered,
                received.refused
            );
            for (id, reason) in &received.rejected {
                println!("  rejected {id}: {reason}");
            }
            if let Some(return_bundle) = received.return_bundle {
                files::write_new(&output, &return_bundle)?;
                println!(
                    "Wrote the receipts to {}: carry it back and import it there with `concord bundle import`.",
                    output.display()
                );
            }
            Ok(Code::Success)
        }
    }
}

/// `FILE.return` beside the bundle.
fn return_path(file: &Path) -> PathBuf {
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(".return");
    file.with_file_name(name)
}
