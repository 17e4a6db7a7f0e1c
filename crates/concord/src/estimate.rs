//! `concord estimate`: multiple systems estimation from a table of capture histories, or
//! from several agencies' encodings linked here (no names needed).

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};
use concord_estimate::{BootstrapOptions, CaptureHistories, Criterion, Options};
use concord_link::encodings::EncodingSet;

use crate::cli::{BlockingMode, LinkageArgs};
use crate::exit::Code;
use crate::link;

#[derive(Debug, Args)]
pub struct EstimateArgs {
    /// The table of capture histories (CSV: one 0/1 column per list, then the count).
    #[arg(required_unless_present = "encodings", conflicts_with = "encodings")]
    pub table: Option<PathBuf>,
    /// Instead of a table: encoding files, one per agency's list (as written by
    /// `concord link encode`), linked here to build the histories.
    #[arg(long, num_args = 2.., value_name = "FILE")]
    pub encodings: Vec<PathBuf>,
    /// With --encodings: links pairs whose probability of being one person is at least
    /// this (0 to 1).
    #[arg(long, default_value_t = concord_link::matching::DEFAULT_THRESHOLD)]
    pub threshold: f32,
    /// With --encodings: the linkage schema the encodings were made with.
    #[arg(long)]
    pub schema: Option<PathBuf>,
    /// With --encodings: blocking (`auto`, `on`, `off`), as for `concord link match`.
    #[arg(long, value_enum, default_value = "auto")]
    pub blocking: BlockingMode,
    /// The criterion an interaction must improve to be admitted.
    #[arg(long, value_enum, default_value = "aic")]
    pub criterion: CriterionArg,
    /// An interaction is a candidate only if its p-value is below this.
    #[arg(long, default_value_t = 0.02)]
    pub p_threshold: f64,
    /// Most interactions admitted.
    #[arg(long)]
    pub max_interactions: Option<usize>,
    /// Confidence level of the intervals.
    #[arg(long, default_value_t = 0.95)]
    pub level: f64,
    /// Also a parametric-bootstrap interval from this many replicates (at least 100).
    #[arg(long, value_name = "REPLICATES")]
    pub bootstrap: Option<usize>,
    /// The bootstrap's seed (the same seed gives the same interval).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// The model-selection criterion.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CriterionArg {
    Aic,
    Bic,
}

pub fn run(args: &EstimateArgs) -> anyhow::Result<Code> {
    let (source, histories) = match &args.table {
        Some(path) => (path.display().to_string(), read_table(path)?),
        None => ("the linked encodings".to_string(), linked(args)?),
    };
    let histories = match histories {
        Ok(histories) => histories,
        Err(e) => {
            eprintln!("error: {source}: {e}");
            return Ok(Code::Rejected);
        }
    };
    match concord_estimate::estimate(&histories, &options(args)) {
        Ok(result) if args.json => println!("{}", serde_json::to_string_pretty(&result)?),
        Ok(result) => print!("{result}"),
        Err(e) => {
            eprintln!("error: {source}: no estimate: {e}");
            return Ok(Code::Rejected);
        }
    }
    Ok(Code::Success)
}

fn options(args: &EstimateArgs) -> Options {
    Options {
        criterion: match args.criterion {
            CriterionArg::Aic => Criterion::Aic,
            CriterionArg::Bic => Criterion::Bic,
        },
        p_threshold: args.p_threshold,
        max_interactions: args.max_interactions,
        level: args.level,
        bootstrap: args.bootstrap.map(|replicates| BootstrapOptions {
            replicates,
            seed: args.seed,
        }),
    }
}

/// The table, or what is wrong with it (the outer error is for a file that cannot be read).
fn read_table(path: &Path) -> anyhow::Result<Result<CaptureHistories, concord_estimate::HistoryError>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(CaptureHistories::from_csv(&text))
}

/// Links the encodings across lists and counts the histories of the groups.
fn linked(args: &EstimateArgs) -> anyhow::Result<Result<CaptureHistories, concord_estimate::HistoryError>> {
    link::check_threshold(args.threshold)?;
    let sets = link::load_sets(&args.encodings)?;
    let linkage = LinkageArgs {
        encodings: args.encodings.clone(),
        schema: args.schema.clone(),
        blocking: args.blocking,
    };
    let matcher = link::matcher(&linkage, &sets)?;
    let refs: Vec<&EncodingSet> = sets.iter().collect();
    let assignment = matcher.link(&refs, args.threshold)?;
    let lists: Vec<(String, usize)> = sets.iter().map(|s| (s.header.party.clone(), s.len())).collect();
    eprintln!(
        "linked {} records of {} lists into {} group(s) at threshold {}",
        lists.iter().map(|(_, n)| n).sum::<usize>(),
        lists.len(),
        assignment.groups.len(),
        args.threshold
    );
    Ok(concord_estimate::linkage::histories(&lists, &assignment))
}
