//! The command line: what each command takes, and the help text that teaches it.

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use concord_core::vocabulary::{CaseStatus, ExploitationType, OrganisationType};
use concord_core::{CaseId, Country, Role};
use concord_exchange::{Category, Handling, Kind, NodeId};
use concord_node::users::Username;

/// Concord: case records, cross-border matching and estimation for agencies that fight
/// human trafficking. Each organisation runs its own node; this command runs one.
///
/// Start with `concord demo` to see a node with synthetic data, or `concord init` to
/// create your own. Identifying data is encrypted at rest: every command that opens a
/// node needs its key file (--key-file) or passphrase (typed, or CONCORD_PASSPHRASE).
///
/// Exit codes: 0 success; 1 error; 2 wrong usage; 3 input rejected, nothing imported
/// (or encoded, or applied from a bundle); 4 done, but some rows were rejected; 5 the key does not unlock the node;
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
        /// The username of the first administrator (their password is generated and
        /// printed once).
        #[arg(long, default_value = "admin")]
        admin: Username,
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
    /// Serve the node's HTTP API (/api/v1), and push the outbox to partners while
    /// serving. Until sign-in exists, only on loopback.
    Serve {
        #[command(flatten)]
        node: NodeArgs,
        /// Address to listen on. Any address but loopback needs --host.
        #[arg(long, env = "CONCORD_LISTEN", default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// A host name users reach the node by (repeat for several), e.g. concord.unit.example.
        /// Needed to listen beyond loopback; put a TLS proxy in front of the node then, as
        /// browsers keep the session cookie only over HTTPS.
        #[arg(long = "host", env = "CONCORD_HOSTS", value_delimiter = ',')]
        hosts: Vec<String>,
        #[command(flatten)]
        delivery: DeliveryArgs,
    },
    /// Partners: this node's card, adding a partner from its card, sharing agreements.
    ///
    /// To pair two nodes, each prints its card (`concord peer card`), hands it to the
    /// other, and reads its node ID aloud by another channel (phone, in person); each then
    /// adds the other's card with `--confirm` and the ID it heard.
    #[command(subcommand)]
    Peer(PeerCommand),
    /// Send a message to a partner: sealed so that only the partner can read it, signed,
    /// and kept in the outbox until the partner acknowledges it.
    ///
    /// `concord serve` pushes the outbox over HTTP; `concord deliver` pushes it once;
    /// `concord bundle export` writes it to a file to carry by hand.
    #[command(subcommand)]
    Send(SendCommand),
    /// Delivery status of sent messages: per partner, and the newest messages.
    Outbox {
        #[command(flatten)]
        node: NodeArgs,
        /// Only messages to this partner (node ID).
        #[arg(long)]
        to: Option<NodeId>,
        /// How many of the newest messages to list.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
    },
    /// Messages received from partners, newest first.
    Inbox {
        #[command(flatten)]
        node: NodeArgs,
        /// Only messages of this kind (notice, case-summary).
        #[arg(long)]
        kind: Option<Kind>,
        /// How many of the newest messages to list.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Push every pending message in the outbox to its partner over HTTP now, whatever
    /// its back-off, without serving.
    ///
    /// Exit code 0 when nothing is left pending, 1 when some messages could not be
    /// pushed (they stay in the outbox; `concord outbox` says why).
    Deliver {
        #[command(flatten)]
        node: NodeArgs,
        #[command(flatten)]
        delivery: DeliveryArgs,
    },
    /// Bundle files: carry messages by hand (e.g. on a USB stick) when there is no link.
    #[command(subcommand)]
    Bundle(BundleCommand),
    /// The people who use the node: add users with a role, list them, reset a password.
    #[command(subcommand)]
    User(UserCommand),
    /// Requests for mutual assistance to and from partners: send one, list them, and take
    /// a step in one's workflow (acknowledge, start, answer, decline, withdraw).
    #[command(subcommand)]
    Request(RequestCommand),
    /// Hit/no-hit matching across the network: name the coordinator whose linkage keys
    /// this node accepts (or make a key, as coordinator), see where the node stands, and
    /// send encodings and look for hits now (`concord serve` does both on its own).
    #[command(subcommand)]
    Network(NetworkCommand),
    /// Hits: this node's persons that a partner likely holds too. List them, and confirm
    /// (for follow-up) or reject (a different person) after review.
    #[command(subcommand)]
    Hits(HitsCommand),
    /// Alerts to and from partners (a missing person, a wanted suspect, a recruitment
    /// scheme or a route seen in the field): issue one to every partner allowed alerts,
    /// list them, update or cancel ours, acknowledge theirs.
    #[command(subcommand)]
    Alert(AlertCommand),
    /// The node's audit trail: every message sent, received, refused or rejected, and
    /// every partner and agreement change — who, what kind, when, how large; never the
    /// content.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Privacy-preserving linkage: encode persons into keyed Bloom filters, match two or
    /// more parties' encodings, and measure accuracy against known truth.
    ///
    /// Encodings reveal no name without the network's linkage key. See docs/linkage.md.
    #[command(subcommand)]
    Link(LinkCommand),
    /// Estimate how many victims no list holds (multiple systems estimation), from a
    /// table of capture histories or from several agencies' encodings linked here.
    ///
    /// Prints every model considered (terms, deviance, AIC, BIC, estimate, interval, or
    /// why it was refused), the model chosen, and warnings. Input that cannot be read or
    /// estimated from exits with 3 and says why. See docs/estimation.md.
    ///
    /// Example: concord estimate histories.csv --bootstrap 1000 --seed 7
    ///
    /// Example: concord estimate --encodings ua.enc pl.enc md.enc --json
    Estimate(crate::estimate::EstimateArgs),
    /// Create a demo network of three nodes on this computer and serve them: a police
    /// unit in Kazakhstan, an IOM field mission in Sudan, and a police unit in the
    /// Republic of Korea, each with its own synthetic cases and some persons planted in
    /// more than one. The nodes are peered, exchange encodings, have found their hits, and
    /// one request for assistance is open. Needs no arguments and asks nothing; run it
    /// again to reuse the same network (with new passwords).
    Demo {
        /// Folder for the demo nodes (one folder each) and their key files.
        #[arg(long, default_value = "concord-demo")]
        dir: PathBuf,
        /// Number of synthetic cases per node (when the network is created).
        #[arg(long, default_value_t = 1000)]
        cases: usize,
        /// Address of the first node; the second and third listen on the next two ports
        /// (loopback: the demo prints its users' passwords).
        #[arg(long, env = "CONCORD_LISTEN", default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// Create the network and exit without serving.
        #[arg(long)]
        no_serve: bool,
    },
}

/// How the outbox is pushed over HTTP.
#[derive(Debug, Clone, Args)]
pub struct DeliveryArgs {
    /// Longest wait between attempts to reach a partner, in seconds (the wait starts at
    /// 2 s and doubles after each failure, with random jitter).
    #[arg(long, env = "CONCORD_RETRY_MAX_SECS", default_value_t = 300)]
    pub retry_max_secs: u64,
    /// Most messages in one HTTP request.
    #[arg(long, default_value_t = 500)]
    pub batch: usize,
    /// How often `serve` encodes new persons for partners and compares what arrived,
    /// in seconds.
    #[arg(long, default_value_t = 10)]
    pub linkage_every_secs: u64,
}

#[derive(Debug, Subcommand)]
pub enum PeerCommand {
    /// Print this node's ID and its signed card, to hand to a partner.
    ///
    /// Example: concord peer card --endpoint http://10.1.2.3:8080 -o almaty.card
    Card {
        #[command(flatten)]
        node: NodeArgs,
        /// Set where partners reach this node's API (http://host:port) before printing.
        #[arg(long)]
        endpoint: Option<String>,
        /// Also write the card to this file.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
    /// Add a partner from its card, if the node ID it read aloud to you matches.
    ///
    /// Example: concord peer add seoul.card --confirm ROKWEZY-OPKMSAT-PXV6QTI-IBXPFQZ
    ///          --send notices --receive notices,case-summaries
    Add {
        #[command(flatten)]
        node: NodeArgs,
        /// The card: a file, or the card text itself.
        card: String,
        /// The partner's node ID as confirmed by another channel (phone, in person).
        #[arg(long)]
        confirm: NodeId,
        /// Categories this node may send to the partner (comma-separated, or `none`).
        #[arg(long)]
        send: Option<Categories>,
        /// Categories this node accepts from the partner (comma-separated, or `none`).
        #[arg(long)]
        receive: Option<Categories>,
    },
    /// List partners with their agreements.
    List {
        #[command(flatten)]
        node: NodeArgs,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Change the sharing agreement with a partner: what may be sent to it and what is
    /// accepted from it (categories: notices, case-summaries, requests, alerts).
    ///
    /// Example: concord peer agreement ROKWEZY-OPKMSAT-PXV6QTI-IBXPFQZ --send none
    Agreement {
        #[command(flatten)]
        node: NodeArgs,
        /// The partner's node ID.
        peer: NodeId,
        /// Categories this node may send (comma-separated, or `none`); unchanged if absent.
        #[arg(long)]
        send: Option<Categories>,
        /// Categories this node accepts (comma-separated, or `none`); unchanged if absent.
        #[arg(long)]
        receive: Option<Categories>,
    },
}

/// A set of data categories on the command line: `notices,case-summaries` or `none`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Categories(pub BTreeSet<Category>);

impl std::str::FromStr for Categories {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        if s.trim() == "none" {
            return Ok(Self(BTreeSet::new()));
        }
        s.split(',')
            .map(|c| c.trim().parse::<Category>().map_err(|e| e.to_string()))
            .collect::<Result<_, _>>()
            .map(Self)
    }
}

#[derive(Debug, Subcommand)]
pub enum NetworkCommand {
    /// Accept linkage keys from this partner only (the network's coordinator), or from
    /// no one but this node when given this node's own ID.
    Coordinator {
        #[command(flatten)]
        node: NodeArgs,
        /// The coordinating node's ID.
        coordinator: NodeId,
    },
    /// As coordinator: make the linkage key of a new epoch. Every node re-encodes its
    /// persons under it and forgets the encodings of the old one; members receive the
    /// key, sealed to them, with the next sync.
    Key {
        #[command(flatten)]
        node: NodeArgs,
        /// A linkage schema file (TOML); the built-in schema without it.
        #[arg(long)]
        schema: Option<PathBuf>,
    },
    /// Where this node stands: coordinator, key epoch and check value, encodings held
    /// both ways, persons waiting, hits.
    Status {
        #[command(flatten)]
        node: NodeArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Send the key to members that lack it (as coordinator), encode new and changed
    /// persons and queue them for partners allowed `encodings`, and compare what is new.
    Sync {
        #[command(flatten)]
        node: NodeArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum HitsCommand {
    /// List hits, newest first.
    List {
        #[command(flatten)]
        node: NodeArgs,
        /// Only hits of this status: new, confirmed, rejected.
        #[arg(long)]
        status: Option<HitStatusArg>,
        /// How many.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Confirm a hit for follow-up (e.g. a request for assistance).
    Confirm {
        #[command(flatten)]
        node: NodeArgs,
        /// The hit's number (from `concord hits list`).
        hit: i64,
        /// Who reviewed it, for the audit trail.
        #[arg(long = "as")]
        reviewer: String,
    },
    /// Reject a hit: the records are of different persons.
    Reject {
        #[command(flatten)]
        node: NodeArgs,
        /// The hit's number (from `concord hits list`).
        hit: i64,
        /// Who reviewed it, for the audit trail.
        #[arg(long = "as")]
        reviewer: String,
    },
}

/// A hit's review status.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum HitStatusArg {
    New,
    Confirmed,
    Rejected,
}

#[derive(Debug, Subcommand)]
pub enum RequestCommand {
    /// Send a request to a partner whose agreement allows `requests`. Never put
    /// identifying data in a request: it crosses the border only inside an approved answer.
    ///
    /// Example: concord request send --to ROKWEZY-… --type LocatePerson --basis UntocArticle27
    ///          --urgency Urgent --deadline 2026-12-15 --subject "Hit H-17" --details "…"
    Send {
        #[command(flatten)]
        node: NodeArgs,
        /// The partner (node ID).
        #[arg(long)]
        to: NodeId,
        /// IdentifyPerson, LocatePerson, ShareCaseInformation, SafeReturn, CoordinateInvestigation, Other.
        #[arg(long = "type")]
        request_type: concord_core::assistance::RequestType,
        /// TraffickingProtocol, UntocArticle18, UntocArticle27, CouncilOfEuropeConvention,
        /// AseanConvention, BilateralAgreement, Other.
        #[arg(long)]
        basis: concord_core::assistance::LegalBasis,
        /// Routine, Urgent, LifeOrChildAtRisk.
        #[arg(long, default_value = "Routine")]
        urgency: concord_core::assistance::Urgency,
        /// The date by which an answer is needed (YYYY-MM-DD).
        #[arg(long)]
        deadline: Option<chrono::NaiveDate>,
        /// Subject (up to 200 characters).
        #[arg(long)]
        subject: String,
        /// The request (up to 10,000 characters).
        #[arg(long)]
        details: String,
        /// The hit (its number, from `concord hits list`) the request is about: the
        /// partner learns which of its persons without a name.
        #[arg(long)]
        hit: Option<i64>,
        /// The case of this node the request is about (its reference).
        #[arg(long)]
        case: Option<concord_core::CaseId>,
    },
    /// List requests, both ways, newest first.
    List {
        #[command(flatten)]
        node: NodeArgs,
        /// How many.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Take a step in a request's workflow; the partner is told. The organisation asked
    /// acknowledges, starts, answers or declines (with --reason); the one that asked
    /// withdraws.
    Step {
        #[command(flatten)]
        node: NodeArgs,
        /// The request's ID (from `concord request list`).
        request: uuid::Uuid,
        /// acknowledge, start, answer, decline, withdraw.
        step: StepArg,
        /// Why (required to decline).
        #[arg(long)]
        reason: Option<String>,
        /// With `answer`: the answer's text.
        #[arg(long)]
        answer: Option<String>,
        /// With `answer`: disclose this person's identifying data (names, date of birth,
        /// documents, phones) to the partner. Needs --approved-by.
        #[arg(long, requires = "approved_by")]
        disclose: Option<concord_core::PersonId>,
        /// The liaison officer who approved the disclosure, for both audit trails.
        #[arg(long)]
        approved_by: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum AlertCommand {
    /// Issue an alert to every partner whose agreement allows sending `alerts` (partners
    /// without it get nothing). An alert may describe a person; it is sealed at rest on
    /// every node that holds it.
    ///
    /// Example: concord alert issue --type MissingPerson --subject "Girl, 15, missing since 2 May"
    ///          --details "…" --expires 2026-08-01 --area "Chisinau → Odesa"
    Issue {
        #[command(flatten)]
        node: NodeArgs,
        /// MissingPerson, WantedSuspect, RecruitmentScheme, RouteSeen.
        #[arg(long = "type")]
        alert_type: concord_core::alert::AlertType,
        /// Subject (up to 200 characters).
        #[arg(long)]
        subject: String,
        /// The alert (up to 10,000 characters).
        #[arg(long)]
        details: String,
        /// When it stops being in force, within 90 days: 2026-08-01 (until the end of that
        /// day, UTC), 2026-08-01 18:00 (UTC) or 2026-08-01T18:00:00+03:00.
        #[arg(long, value_parser = expiry)]
        expires: chrono::DateTime<chrono::Utc>,
        /// Where it applies: a country, region, border crossing (up to 200 characters).
        #[arg(long)]
        area: Option<String>,
    },
    /// List alerts, ours and partners': those in force first, then expired and cancelled.
    List {
        #[command(flatten)]
        node: NodeArgs,
        /// How many.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Print JSON instead of a table (with who acknowledged each of ours).
        #[arg(long)]
        json: bool,
    },
    /// Update an alert this node issued: a new revision goes to the partners it went to.
    /// What is not given stays as it was; an expired alert is renewed with a new --expires.
    Update {
        #[command(flatten)]
        node: NodeArgs,
        /// The alert's ID (from `concord alert list`).
        alert: uuid::Uuid,
        /// A new type.
        #[arg(long = "type")]
        alert_type: Option<concord_core::alert::AlertType>,
        /// A new subject.
        #[arg(long)]
        subject: Option<String>,
        /// New details.
        #[arg(long)]
        details: Option<String>,
        /// A new expiry, within 90 days.
        #[arg(long, value_parser = expiry)]
        expires: Option<chrono::DateTime<chrono::Utc>>,
        /// A new area ("" removes it).
        #[arg(long)]
        area: Option<String>,
    },
    /// Cancel an alert this node issued; the partners it went to are told.
    Cancel {
        #[command(flatten)]
        node: NodeArgs,
        /// The alert's ID.
        alert: uuid::Uuid,
    },
    /// Acknowledge a partner's alert (its latest revision, while in force); the issuer is
    /// told.
    Ack {
        #[command(flatten)]
        node: NodeArgs,
        /// The alert's ID.
        alert: uuid::Uuid,
    },
}

fn expiry(text: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    concord_core::alert::parse_expiry(text).map_err(|e| e.to_string())
}

/// A step in a request's workflow.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum StepArg {
    Acknowledge,
    Start,
    Answer,
    Decline,
    Withdraw,
}

#[derive(Debug, Subcommand)]
pub enum SendCommand {
    /// A plain notice: a subject and a text. Never put personal data in a notice.
    ///
    /// Example: concord send notice --to ROKWEZY-… --subject "Route change"
    ///          --body "Recruiters moved to the northern crossing"
    Notice {
        #[command(flatten)]
        node: NodeArgs,
        /// The partner (node ID).
        #[arg(long)]
        to: NodeId,
        /// Subject (up to 200 characters).
        #[arg(long)]
        subject: String,
        /// Text (up to 10,000 characters).
        #[arg(long)]
        body: String,
        /// Handling code (Traffic Light Protocol): clear, green, amber, amber+strict, red.
        #[arg(long, default_value = "amber")]
        handling: Handling,
    },
    /// Summaries of cases without identifying data (no names, dates of birth, documents,
    /// contacts or narrative), for analysis.
    ///
    /// Example: concord send case-summary --to ROKWEZY-… UA-KYIV-2026-000017
    CaseSummary {
        #[command(flatten)]
        node: NodeArgs,
        /// The partner (node ID).
        #[arg(long)]
        to: NodeId,
        /// The cases to summarise.
        #[arg(required = true)]
        cases: Vec<CaseId>,
        /// Handling code (Traffic Light Protocol): clear, green, amber, amber+strict, red.
        #[arg(long, default_value = "amber")]
        handling: Handling,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user; their password is generated and printed once (hand it over in person).
    ///
    /// Example: concord user add o.kovalenko --role LiaisonOfficer --name "Olena Kovalenko"
    Add {
        #[command(flatten)]
        node: NodeArgs,
        /// The username (a–z, 0–9, `.`, `_`, `-`).
        username: Username,
        /// The role: Administrator, LiaisonOfficer, Analyst, FieldOfficer.
        #[arg(long)]
        role: Role,
        /// The name shown (default: the username).
        #[arg(long)]
        name: Option<String>,
        /// The unit whose cases a field officer sees (required for field officers only).
        #[arg(long)]
        unit: Option<String>,
    },
    /// List the users and their roles.
    List {
        #[command(flatten)]
        node: NodeArgs,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Give a user a new generated password, printed once; the old one stops working.
    ResetPassword {
        #[command(flatten)]
        node: NodeArgs,
        /// The username.
        username: Username,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// List the newest entries, newest first.
    List {
        #[command(flatten)]
        node: NodeArgs,
        /// How many entries.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Only this event (`session.signed-in`) or family of events (`session`, `case`, `message`).
        #[arg(long)]
        event: Option<String>,
        /// Only what this user did.
        #[arg(long)]
        actor: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Check the trail's chain. Exit code 0 when it is intact; 1, naming the first entry
    /// concerned, when an entry was altered, removed or inserted, or entries were cut
    /// from the end.
    Verify {
        #[command(flatten)]
        node: NodeArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum BundleCommand {
    /// Write every message pending for a partner into one signed bundle file. The
    /// messages stay pending until the partner's return bundle is imported here.
    ///
    /// Example: concord bundle export --to ROKWEZY-… -o /media/usb/to-seoul.bundle
    Export {
        #[command(flatten)]
        node: NodeArgs,
        /// The partner (node ID).
        #[arg(long)]
        to: NodeId,
        /// The bundle file to write (refused if it exists).
        #[arg(long, short = 'o')]
        output: PathBuf,
    },
    /// Import a partner's bundle, exactly as if it had come over the network, and write
    /// the receipts into a return bundle to carry back.
    ///
    /// A damaged, truncated or forged bundle, one for another node, or one from a node
    /// that is not a partner is refused whole (exit code 3).
    ///
    /// Example: concord bundle import /media/usb/to-seoul.bundle -o /media/usb/from-seoul.bundle
    Import {
        #[command(flatten)]
        node: NodeArgs,
        /// The bundle file.
        file: PathBuf,
        /// Where to write the return bundle (default: the file's name with `.return` added).
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
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

#[derive(Debug, Subcommand)]
pub enum LinkCommand {
    /// Create a new random linkage key. Share it only with the network's members, by a
    /// safe channel: whoever holds it can test names against encodings.
    ///
    /// Example: concord link key -o network-epoch1.key
    Key {
        /// Output file (refused if it exists).
        #[arg(long, short = 'o')]
        output: PathBuf,
        /// The key epoch (raise it to rotate the key).
        #[arg(long, default_value_t = 1)]
        epoch: u32,
    },
    /// Print the default linkage schema (TOML), to start your own from.
    Schema {
        /// Output file (`-` for standard output).
        #[arg(long, short = 'o', default_value = "-")]
        output: PathBuf,
    },
    /// Encode the persons of a case file (CSV or JSON Lines) into keyed Bloom filters.
    ///
    /// Each person is encoded once (by person ID), with the person ID as its reference.
    /// Persons that cannot be encoded are listed with line and field; by default nothing
    /// is written then (exit 3); with --skip-invalid the rest is written (exit 4).
    ///
    /// Example: concord link encode cases.csv --key network.key -o ua.enc --party UA-NPU
    Encode(EncodeArgs),
    /// Match two or more parties' encodings; write the links as CSV (group, party and
    /// reference of each side, score).
    ///
    /// Two parties give 1:1 pairs; more give groups with at most one record per party.
    ///
    /// Example: concord link match ua.enc pl.enc -o matches.csv --threshold 0.5
    Match(MatchArgs),
    /// Precision, recall and F1 per threshold against ground truth (as written by
    /// `concord synth --truth`).
    ///
    /// Example: concord link eval ua.enc pl.enc --truth ua-truth.csv --truth pl-truth.csv
    Eval(EvalArgs),
}

#[derive(Debug, Args)]
pub struct EncodeArgs {
    /// The case file (.csv or .jsonl).
    pub input: PathBuf,
    /// Output file: binary (.enc) or, with a .jsonl extension, JSON Lines with base64.
    #[arg(long, short = 'o')]
    pub output: PathBuf,
    /// The linkage key file.
    #[arg(long, env = "CONCORD_LINKAGE_KEY")]
    pub key: PathBuf,
    /// The linkage schema (TOML); the built-in default if not given.
    #[arg(long)]
    pub schema: Option<PathBuf>,
    /// The party's name written into the file; by default the input's file name.
    #[arg(long)]
    pub party: Option<String>,
    /// Only persons in these roles (comma-separated, e.g. Victim,MissingPerson).
    #[arg(long, value_delimiter = ',')]
    pub roles: Vec<concord_core::vocabulary::PersonRole>,
    /// Input format; by default taken from the extension (.csv, .jsonl).
    #[arg(long, value_enum)]
    pub format: Option<FileFormat>,
    /// CSV field delimiter.
    #[arg(long, default_value = ",")]
    pub delimiter: char,
    /// Encode the good persons and list the bad ones, instead of writing nothing.
    #[arg(long)]
    pub skip_invalid: bool,
}

/// Options shared by `link match` and `link eval`.
#[derive(Debug, Args)]
pub struct LinkageArgs {
    /// Encoding files, one per party (at least two).
    #[arg(required = true, num_args = 2..)]
    pub encodings: Vec<PathBuf>,
    /// The linkage schema the encodings were made with; the built-in default if not given.
    #[arg(long)]
    pub schema: Option<PathBuf>,
    /// Blocking: `auto` blocks when a pair of parties has more than 10^8 pairs, `on`
    /// always, `off` compares every pair.
    #[arg(long, value_enum, default_value = "auto")]
    pub blocking: BlockingMode,
}

#[derive(Debug, Args)]
pub struct MatchArgs {
    #[command(flatten)]
    pub linkage: LinkageArgs,
    /// Output CSV file (`-` for standard output).
    #[arg(long, short = 'o', default_value = "-")]
    pub output: PathBuf,
    /// Links pairs whose probability of being one person is at least this (0 to 1).
    #[arg(long, default_value_t = concord_link::matching::DEFAULT_THRESHOLD)]
    pub threshold: f32,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    #[command(flatten)]
    pub linkage: LinkageArgs,
    /// Ground-truth CSV files (columns person_id and entity_id, as `concord synth
    /// --truth` writes); several may be given.
    #[arg(long, required = true)]
    pub truth: Vec<PathBuf>,
    /// Thresholds to report (comma-separated).
    #[arg(long, value_delimiter = ',', default_value = "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9")]
    pub thresholds: Vec<f32>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// When to block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BlockingMode {
    Auto,
    On,
    Off,
}

/// A file format, when the extension does not say.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FileFormat {
    /// HTCDS-style CSV.
    Csv,
    /// JSON Lines, one case per line.
    Jsonl,
}
