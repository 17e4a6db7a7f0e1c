//! `concord import` and `concord export`.

use std::path::Path;

use anyhow::Context;
use concord_node::interchange::{self, ImportOptions, ImportReport, Mode};

use crate::cli::{FileFormat, ImportArgs, NodeArgs};
use crate::exit::Code;
use crate::files;

pub fn import(args: &ImportArgs) -> anyhow::Result<Code> {
    let format = files::format_for(&args.file, args.format)?;
    let delimiter = u8::try_from(args.delimiter)
        .ok()
        .filter(u8::is_ascii)
        .context("the delimiter must be one ASCII character")?;
    let mode = if args.skip_invalid {
        Mode::SkipInvalid
    } else {
        Mode::AllOrNothing
    };
    let file = std::fs::File::open(&args.file).with_context(|| format!("opening {}", args.file.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut store = crate::unlock::open(&args.node)?;
    let options = ImportOptions {
        format,
        mode,
        delimiter,
        // The operator's calendar day: a case registered this morning is not "future".
        today: chrono::Local::now().date_naive(),
    };
    let bar = files::progress_bar(
        size,
        "importing {bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
    );
    let name = args.file.display().to_string();
    let report = interchange::import(&mut store, bar.wrap_read(file), &name, &options)?;
    bar.finish_and_clear();
    if let Some(path) = &args.report {
        let json = serde_json::to_vec_pretty(&report)?;
        std::fs::write(path, json).with_context(|| format!("writing the report {}", path.display()))?;
    }
    Ok(print_report(&name, &report))
}

fn print_report(file: &str, report: &ImportReport) -> Code {
    for rejection in &report.rejected {
        eprintln!("{file}: rejected {rejection}");
    }
    let rows = report.rejected.len();
    if !report.applied {
        eprintln!(
            "{file}: {rows} row(s) rejected; nothing was imported (all-or-nothing). Fix them, or use --skip-invalid."
        );
        return Code::Rejected;
    }
    println!(
        "{file}: imported {} case(s) with {} person(s)",
        report.cases, report.persons
    );
    if rows > 0 {
        eprintln!("{file}: {rows} row(s) rejected and left out (listed above)");
        Code::Partial
    } else {
        Code::Success
    }
}

pub fn export(node: &NodeArgs, output: &Path, format: Option<FileFormat>) -> anyhow::Result<Code> {
    let format = files::format_for(output, format)?;
    let mut store = crate::unlock::open(node)?;
    let count = interchange::export(&mut store, files::create(output)?, format)?;
    if output != Path::new("-") {
        eprintln!(
            "exported {count} case(s) to {} — it holds identifying data in clear: keep it encrypted",
            output.display()
        );
    }
    Ok(Code::Success)
}
