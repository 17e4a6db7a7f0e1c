//! Choosing a file format and opening output files.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use concord_node::interchange::Format;

use crate::cli::FileFormat;

/// The format given, or the one the file's extension implies.
pub fn format_for(path: &Path, given: Option<FileFormat>) -> anyhow::Result<Format> {
    match given {
        Some(FileFormat::Csv) => Ok(Format::Csv),
        Some(FileFormat::Jsonl) => Ok(Format::JsonLines),
        None => Format::from_path(path).with_context(|| {
            format!(
                "cannot tell the format of {} from its extension; use .csv or .jsonl, or give --format",
                path.display()
            )
        }),
    }
}

/// Opens `path` for writing (`-` is standard output).
pub fn create(path: &Path) -> anyhow::Result<Box<dyn Write>> {
    if path == Path::new("-") {
        return Ok(Box::new(std::io::stdout().lock()));
    }
    let file = std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    Ok(Box::new(file))
}

/// A progress bar on standard error, hidden when it is not a terminal.
pub fn progress_bar(len: u64, template: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(len);
    bar.set_style(indicatif::ProgressStyle::with_template(template).expect("a valid template"));
    bar
}

/// Writes `bytes` to a new file at `path` and flushes it to disk; refuses to replace an
/// existing file, so that a bundle or card is never overwritten by mistake.
pub fn write_new(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("creating {} (an existing file is never replaced)", path.display()))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .with_context(|| format!("writing {}", path.display()))
}
