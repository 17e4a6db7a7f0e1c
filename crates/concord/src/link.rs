//! `concord link`: encode, match and evaluate, over files.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use concord_core::htcds::{parse_row, Layout};
use concord_core::{Case, FieldError, Person};
use concord_link::blocking::Blocking;
use concord_link::encoding::encode_all;
use concord_link::encodings::{self, BinaryWriter, EncodingSet, Header};
use concord_link::evaluation::{evaluate, Point, Truth, ALL};
use concord_link::key::LinkageKey;
use concord_link::matching::Matcher;
use concord_link::schema::{Schema, DEFAULT_SCHEMA};
use concord_node::interchange::{Format, Rejection};

use crate::cli::{BlockingMode, EncodeArgs, EvalArgs, LinkCommand, LinkageArgs, MatchArgs};
use crate::exit::Code;
use crate::files;

/// Pairs of records per pair of parties above which `--blocking auto` blocks.
const AUTO_BLOCKING_PAIRS: u64 = 100_000_000;

pub fn run(command: LinkCommand) -> anyhow::Result<Code> {
    match command {
        LinkCommand::Key { output, epoch } => new_key(&output, epoch),
        LinkCommand::Schema { output } => {
            files::create(&output)?.write_all(DEFAULT_SCHEMA.as_bytes())?;
            Ok(Code::Success)
        }
        LinkCommand::Encode(args) => encode(&args),
        LinkCommand::Match(args) => matches(&args),
        LinkCommand::Eval(args) => eval(&args),
    }
}

fn new_key(output: &Path, epoch: u32) -> anyhow::Result<Code> {
    if epoch == 0 {
        bail!("--epoch must be 1 or more");
    }
    let key = LinkageKey::generate(epoch);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(output).with_context(|| {
        format!(
            "creating {} (an existing key file is never overwritten)",
            output.display()
        )
    })?;
    file.write_all(key.to_file().as_bytes())?;
    file.sync_all()?;
    eprintln!(
        "wrote linkage key of epoch {epoch} to {} (check {}): share it with the network's members only",
        output.display(),
        key.check()
    );
    Ok(Code::Success)
}

pub fn load_schema(path: Option<&Path>) -> anyhow::Result<Schema> {
    match path {
        None => Ok(Schema::default_schema()),
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            Schema::from_toml(&text).with_context(|| format!("{}: not a usable linkage schema", path.display()))
        }
    }
}

fn load_key(path: &Path) -> anyhow::Result<LinkageKey> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    LinkageKey::from_file(&text).with_context(|| format!("{}: not a linkage key file", path.display()))
}

/// A person read from the input, with the line it came from.
struct Read {
    line: u64,
    person: Person,
}

fn encode(args: &EncodeArgs) -> anyhow::Result<Code> {
    let schema = load_schema(args.schema.as_deref())?;
    let key = load_key(&args.key)?;
    let format = files::format_for(&args.input, args.format)?;
    let party = match &args.party {
        Some(p) => p.clone(),
        None => file_stem(&args.input),
    };
    let (persons, mut rejected) = read_persons(&args.input, format, args.delimiter as u8, &args.roles)?;
    let bar = files::progress_bar(
        persons.len() as u64,
        "encoding {bar:40} {pos}/{len} persons {per_sec} eta {eta}",
    );
    let (lines, people): (Vec<u64>, Vec<Person>) = persons.into_iter().map(|r| (r.line, r.person)).unzip();
    let encoded =
        encode_all(&schema, &key, &people, &|| bar.inc(1)).with_context(|| format!("{}", args.key.display()))?;
    let mut set = EncodingSet::new(Header::new(&party, &schema, &key));
    for ((line, person), result) in lines.into_iter().zip(&people).zip(encoded) {
        match result {
            Ok(filter) => set.push(person.id.to_string(), &filter),
            Err(e) => rejected.push(rejection(line, &e.to_string())),
        }
    }
    bar.finish_and_clear();
    rejected.sort_by_key(|r| r.line);
    for r in &rejected {
        eprintln!("{}: {r}", args.input.display());
    }
    if !rejected.is_empty() && !args.skip_invalid {
        eprintln!(
            "{} person(s) rejected: nothing written (fix them, or use --skip-invalid to encode the rest)",
            rejected.len()
        );
        return Ok(Code::Rejected);
    }
    write_set(&set, &args.output)?;
    eprintln!(
        "encoded {} person(s) of {party} into {} (schema {}, key epoch {})",
        set.len(),
        args.output.display(),
        set.header.schema,
        set.header.key_epoch
    );
    Ok(if rejected.is_empty() {
        Code::Success
    } else {
        Code::Partial
    })
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "party".into())
}

fn rejection(line: u64, message: &str) -> Rejection {
    let (field, expected) = message.split_once(": ").unwrap_or(("person", message));
    Rejection {
        line,
        case_id: None,
        errors: vec![FieldError {
            field: field.to_string(),
            value: None,
            expected: expected.to_string(),
        }],
    }
}

fn write_set(set: &EncodingSet, output: &Path) -> anyhow::Result<()> {
    let file = std::io::BufWriter::new(files::create(output)?);
    let written = if output.extension().is_some_and(|e| e == "jsonl") {
        encodings::write_text(set, file)
    } else {
        let mut writer = BinaryWriter::new(file, &set.header)?;
        for (i, id) in set.ids.iter().enumerate() {
            writer.write(id, set.filters.get(i))?;
        }
        writer.finish().map(|_| ())
    };
    written.with_context(|| format!("writing {}", output.display()))
}

/// Every person of the file (each person ID once, in the roles asked for), and the rows
/// that could not be read.
fn read_persons(
    path: &Path,
    format: Format,
    delimiter: u8,
    roles: &[concord_core::vocabulary::PersonRole],
) -> anyhow::Result<(Vec<Read>, Vec<Rejection>)> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let input = BufReader::new(file);
    let (mut persons, rejected) = match format {
        Format::Csv => read_csv(input, delimiter),
        Format::JsonLines => read_json_lines(input),
    }
    .with_context(|| format!("reading {}", path.display()))?;
    let mut seen = HashSet::new();
    persons.retain(|r| (roles.is_empty() || roles.contains(&r.person.role)) && seen.insert(r.person.id.clone()));
    Ok((persons, rejected))
}

fn read_csv(input: impl std::io::Read, delimiter: u8) -> anyhow::Result<(Vec<Read>, Vec<Rejection>)> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(input);
    let mut records = reader.records();
    let header = match records.next() {
        Some(header) => header.context("line 1: not a CSV header in UTF-8")?,
        None => bail!("line 1: the file is empty; expected a CSV header and rows"),
    };
    let layout = Layout::from_header(header.iter()).map_err(|e| anyhow::anyhow!("line 1: {e}"))?;
    let (mut persons, mut rejected) = (Vec::new(), Vec::new());
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                rejected.push(rejection(
                    line,
                    &format!("row: {}", concord_core::without_values(&e.to_string())),
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let fields: Vec<&str> = record.iter().collect();
        match parse_row(&layout, &fields) {
            Ok(row) => persons.extend(row.person.map(|person| Read { line, person })),
            Err(errors) => rejected.push(Rejection {
                line,
                case_id: None,
                errors,
            }),
        }
    }
    Ok((persons, rejected))
}

fn read_json_lines(input: impl BufRead) -> anyhow::Result<(Vec<Read>, Vec<Rejection>)> {
    let (mut persons, mut rejected) = (Vec::new(), Vec::new());
    for (n, line) in input.lines().enumerate() {
        let line_number = n as u64 + 1;
        let line = line.with_context(|| format!("line {line_number}: not UTF-8 text"))?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Case>(&line) {
            Ok(case) => persons.extend(case.persons.into_iter().map(|person| Read {
                line: line_number,
                person,
            })),
            Err(e) => rejected.push(rejection(
                line_number,
                &format!("case: {}", concord_core::without_values(&e.to_string())),
            )),
        }
    }
    Ok((persons, rejected))
}

pub(crate) fn load_sets(paths: &[PathBuf]) -> anyhow::Result<Vec<EncodingSet>> {
    paths
        .iter()
        .map(|path| {
            let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
            encodings::read(BufReader::new(file))
                .with_context(|| format!("{}: not a usable encoding file", path.display()))
        })
        .collect()
}

/// The matcher for these sets, blocking as asked.
pub(crate) fn matcher(args: &LinkageArgs, sets: &[EncodingSet]) -> anyhow::Result<Matcher> {
    let schema = load_schema(args.schema.as_deref())?;
    let largest = sets
        .iter()
        .enumerate()
        .flat_map(|(i, a)| sets[i + 1..].iter().map(move |b| a.len() as u64 * b.len() as u64))
        .max()
        .unwrap_or(0);
    let block = match args.blocking {
        BlockingMode::On => true,
        BlockingMode::Off => false,
        BlockingMode::Auto => largest > AUTO_BLOCKING_PAIRS,
    };
    let matcher = Matcher::new(&schema).blocking(block.then(Blocking::default));
    let refs: Vec<&EncodingSet> = sets.iter().collect();
    matcher.check(&refs)?;
    Ok(matcher)
}

pub(crate) fn check_threshold(threshold: f32) -> anyhow::Result<()> {
    if !(0.0..=1.0).contains(&threshold) {
        bail!("a threshold must be from 0 to 1, not {threshold}");
    }
    Ok(())
}

fn matches(args: &MatchArgs) -> anyhow::Result<Code> {
    check_threshold(args.threshold)?;
    let sets = load_sets(&args.linkage.encodings)?;
    let matcher = matcher(&args.linkage, &sets)?;
    let refs: Vec<&EncodingSet> = sets.iter().collect();
    let assignment = matcher.link(&refs, args.threshold)?;
    let group_of: HashMap<_, usize> = assignment
        .groups
        .iter()
        .enumerate()
        .flat_map(|(g, records)| records.iter().map(move |r| (*r, g + 1)))
        .collect();
    let mut out = csv::Writer::from_writer(files::create(&args.output)?);
    out.write_record(["group", "party_a", "id_a", "party_b", "id_b", "score"])?;
    let mut links = assignment.links.clone();
    links.sort_by_key(|l| (group_of[&l.a], l.a, l.b));
    for link in &links {
        let (a, b) = (&sets[link.a.party as usize], &sets[link.b.party as usize]);
        out.write_record([
            group_of[&link.a].to_string(),
            a.header.party.clone(),
            a.ids[link.a.index as usize].clone(),
            b.header.party.clone(),
            b.ids[link.b.index as usize].clone(),
            format!("{:.4}", link.score),
        ])?;
    }
    out.flush()?;
    eprintln!(
        "{} link(s) in {} group(s) at threshold {} among {} parties",
        links.len(),
        assignment.groups.len(),
        args.threshold,
        sets.len()
    );
    Ok(Code::Success)
}

/// person ID → entity ID, from truth files with `person_id` and `entity_id` columns.
fn load_truth(paths: &[PathBuf]) -> anyhow::Result<HashMap<String, u64>> {
    let mut truth = HashMap::new();
    for path in paths {
        let mut reader = csv::Reader::from_path(path).with_context(|| format!("opening {}", path.display()))?;
        let headers = reader.headers()?.clone();
        let column = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .with_context(|| format!("{}: line 1: expected a column `{name}`", path.display()))
        };
        let (person, entity) = (column("person_id")?, column("entity_id")?);
        for (n, record) in reader.records().enumerate() {
            let record = record.with_context(|| format!("{}: line {}", path.display(), n + 2))?;
            let entity_id = record
                .get(entity)
                .and_then(|e| e.parse::<u64>().ok())
                .with_context(|| format!("{}: line {}: entity_id: expected a whole number", path.display(), n + 2))?;
            truth.insert(record.get(person).unwrap_or_default().to_string(), entity_id);
        }
    }
    Ok(truth)
}

fn eval(args: &EvalArgs) -> anyhow::Result<Code> {
    args.thresholds.iter().try_for_each(|&t| check_threshold(t))?;
    let sets = load_sets(&args.linkage.encodings)?;
    let truth = load_truth(&args.truth)?;
    let matcher = matcher(&args.linkage, &sets)?;
    let refs: Vec<&EncodingSet> = sets.iter().collect();
    let lowest = args.thresholds.iter().copied().fold(1.0f32, f32::min);
    let links = matcher.link(&refs, lowest)?.links;
    let mut unknown = 0usize;
    let per_party: Vec<Vec<Option<Truth>>> = sets
        .iter()
        .map(|set| {
            set.ids
                .iter()
                .map(|id| {
                    let t = truth.get(id).map(|&entity| Truth {
                        entity,
                        label: ALL.to_string(),
                    });
                    unknown += usize::from(t.is_none());
                    t
                })
                .collect()
        })
        .collect();
    if unknown > 0 {
        eprintln!("warning: {unknown} record(s) are not in the truth files; each counts as a distinct person");
    }
    let mut thresholds = args.thresholds.clone();
    thresholds.sort_by(f32::total_cmp);
    let report = evaluate(&links, &per_party, &thresholds);
    let points = &report[ALL];
    if args.json {
        println!("{}", serde_json::to_string_pretty(points)?);
    } else {
        print_points(points);
    }
    Ok(Code::Success)
}

fn print_points(points: &[Point]) {
    println!(
        "{:>9}  {:>9}  {:>6}  {:>6}  {:>10}  {:>8}  {:>8}",
        "threshold", "precision", "recall", "F1", "true pairs", "found", "correct"
    );
    for p in points {
        println!(
            "{:>9.2}  {:>9.4}  {:>6.4}  {:>6.4}  {:>10}  {:>8}  {:>8}",
            p.threshold, p.precision, p.recall, p.f1, p.true_pairs, p.found_pairs, p.correct_pairs
        );
    }
    if let Some(best) = points.iter().max_by(|a, b| a.f1.total_cmp(&b.f1)) {
        println!("best F1 {:.4} at threshold {:.2}", best.f1, best.threshold);
    }
}
