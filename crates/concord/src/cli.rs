//! The command line: what each command takes, and the help text that teaches it.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use concord_core::vocabulary::{CaseStatus, ExploitationType, OrganisationType};
use concord_core::{CaseId, Country};

/// Concord: case records, cross-border matching and estimation for agencies that fight
/// human trafficking. Each organisation runs its own node; this command runs one.
///
/// Start with `concord demo` to see a node with synthetic data, or `concord init` to
/// create your own. Identifying data is encrypted at rest: every command that opens a
/// node needs its key file (--key-file) or passphrase (typed, or CONCORD_PASSPHRASE).
///
/// Exit codes: 0 success; 1 error; 2 wrong usage; 3 input rejected, nothing imported;
/// 4 imported, but some rows were rejected; 5 the key does not unlock the node;
/// 6 the database is locked by another process.
#[derive(Debug, Parser)]
#[command(name = "concord", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Where the node lives and how to unlock it.
#[derive(Debug, Clone, Args)]
pub struct NodeArgs {
    /// The node's data folder.
    #[arg(
        long,
        short = 'd',
        env = "CONCORD_DATA_DIR",
        default_value = "concord-data",
        global = true
    )]
    pub data_dir: PathBuf,
    /// The node's key file. Without it, the node's passphrase is asked for (or read from
    /// CONCORD_PASSPHRASE). Keep the key file apart from the laptop, e.g. on a USB stick.
    #[arg(long, short = 'k', env = "CONCORD_KEY_FILE", global = true)]
    pub key_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a node: its data folder, its database, and its data key protected by a
    /// passphrase or a key file (created if it does not exist).
    ///
    /// Example: concord init --name "Anti-Trafficking Unit, Kyiv" --country UA
    ///          --kind LawEnforcement --key-file /media/usb/kyiv.key
    Init {
        #[command(flatten)]
        node: NodeArgs,
        /// The node's display name.
        #[arg(long)]
        name: String,
        /// The country the node operates in (ISO 3166-1 alpha-2, e.g. UA).
        #[arg(long)]
        country: Country,
        /// The kind of organisation (HTCDS org_Type system name, e.g. LawEnforcement, NGO,
        /// ProsecutionService, LabourInspectorate, InternationalOrganisation).
        #[arg(long, default_value = "LawEnforcement")]
        kind: OrganisationType,
    },
    /// Write a synthetic dataset (deterministic from the seed) for tests, training and
    /// demos. Never real people.
    ///
    /// Example: concord synth -o cases.csv --cases 10000 --seed 7 --truth truth.csv
    Synth(SynthArgs),
    /// Import cases from an HTCDS-style CSV file or a JSON Lines file.
    ///
    /// Every rejected row is listed with its line, column and reason. By default the
    /// import is all-or-nothing: one bad row and nothing is imported (exit code 3).
    /// With --skip-invalid the good cases are imported and the bad ones listed (exit 4).
    /// See docs/data-model.md for the columns.
    Import(ImportArgs),
    /// Export every case to CSV or JSON Lines; the file imports back losslessly.
    ///
    /// The export contains identifying data in clear: store it encrypted.
    Export {
        #[command(flatten)]
        node: NodeArgs,
        /// Output file (`-` for standard output).
        #[arg(long, short = 'o')]
        output: PathBuf,
        /// File format; by default taken from the extension (.csv, .jsonl).
        #[arg(long, value_enum)]
        format: Option<FileFormat>,
    },
    /// List and show cases.
    #[command(subcommand)]
    Cases(CasesCommand),
    /// Counts by exploitation type, citizenship, gender, age group, year, and top routes.
    Stats {
        #[command(flatten)]
        node: NodeArgs,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
    },
    /// Serve the node's HTTP API (/api/v1). Until sign-in exists, only on loopback.
    Serve {
        #[command(flatten)]
        node: NodeArgs,
        /// Address to listen on (loopback only for now).
        #[arg(long, env = "CONCORD_LISTEN", default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
    },
    /// Create a demo node with a few thousand synthetic cases and serve it. Needs no
    /// arguments and asks nothing; run it again to reuse the same demo node.
    Demo {
        /// Folder for the demo node and its key file.
        #[arg(long, default_value = "concord-demo")]
        dir: PathBuf,
        /// Number of synthetic cases.
        #[arg(long, default_value_t = 3000)]
        cases: usize,
        /// Address to listen on (loopback only for now).
        #[arg(long, env = "CONCORD_LISTEN", default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// Create the node and exit without serving.
        #[arg(long)]
        no_serve: bool,
    },
}

#[derive(Debug, Args)]
pub struct SynthArgs {
    /// Output file (.csv or .jsonl).
    #[arg(long, short = 'o')]
    pub output: PathBuf,
    /// File format; by default taken from the extension.
    #[arg(long, value_enum)]
    pub format: Option<FileFormat>,
    /// Number of cases.
    #[arg(long, default_value_t = 1000)]
    pub cases: usize,
    /// Seed: the same seed and --as-of give the same dataset, on any machine.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The day the data is generated "as of" (YYYY-MM-DD): nothing happens after it.
    /// Defaults to today.
    #[arg(long)]
    pub as_of: Option<chrono::NaiveDate>,
    /// Number of agencies in the synthetic network.
    #[arg(long, default_value_t = 3)]
    pub agencies: usize,
    /// Which agency's records to write (from 1).
    #[arg(long, default_value_t = 1)]
    pub agency: usize,
    /// Also write the ground truth (agency, case, person, entity) to this CSV file.
    #[arg(long)]
    pub truth: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    pub node: NodeArgs,
    /// The file to import.
    pub file: PathBuf,
    /// File format; by default taken from the extension (.csv, .jsonl).
    #[arg(long, value_enum)]
    pub format: Option<FileFormat>,
    /// Import nothing if any row is bad (the default).
    #[arg(long, conflicts_with = "skip_invalid")]
    pub all_or_nothing: bool,
    /// Import the good cases, leave out the bad ones.
    #[arg(long)]
    pub skip_invalid: bool,
    /// CSV field delimiter.
    #[arg(long, default_value = ",")]
    pub delimiter: char,
    /// Also write the report of rejected rows as JSON to this file.
    #[arg(long)]
    pub report: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum CasesCommand {
    /// List cases, newest first, with filters.
    List {
        #[command(flatten)]
        node: NodeArgs,
        /// Only cases with this status (Active, FollowUp, Closed, ClosedReferred).
        #[arg(long)]
        status: Option<CaseStatus>,
        /// Only cases with this form of exploitation (e.g. ForcedLabour).
        #[arg(long)]
        exploitation: Option<ExploitationType>,
        /// Only cases with a person of this citizenship.
        #[arg(long)]
        citizenship: Option<Country>,
        /// Only cases whose route passes through this country.
        #[arg(long)]
        route_country: Option<Country>,
        /// Only cases registered on or after this date (YYYY-MM-DD).
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        /// Only cases registered on or before this date (YYYY-MM-DD).
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        /// Page number, from 1.
        #[arg(long, default_value_t = 1)]
        page: u32,
        /// Cases per page (at most 500).
        #[arg(long, default_value_t = 50)]
        per_page: u32,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one case with its persons (identifying data included).
    Show {
        #[command(flatten)]
        node: NodeArgs,
        /// The case ID.
        id: CaseId,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// A file format, when the extension does not say.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FileFormat {
    /// HTCDS-style CSV.
    Csv,
    /// JSON Lines, one case per line.
    Jsonl,
}
