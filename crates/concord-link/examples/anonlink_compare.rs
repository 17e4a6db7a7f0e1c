//! Times our Dice kernels against anonlink's candidate generation on the same filters.
//!
//! ```text
//! cargo run --release --example anonlink_compare -- [--left N] [--right M] [--threshold T] [--seed S] [--repeat R]
//! ```
//! Generates `N` left and `M` right 1024-bit filters from a seeded ChaCha8 generator (about
//! 30% of bits set; half of the right filters are noisy copies of left filters, so that scores
//! spread around the threshold), writes them to a temporary file (raw little-endian 64-bit
//! words, left filters then right filters), times `compare_all` with every available kernel on
//! one thread and on all threads (best of `R`), then runs `examples/anonlink_compare.py` on the
//! same file, which times `anonlink.candidate_generation.find_candidate_pairs` with
//! `dice_coefficient_accelerated`. Prints both throughputs, their ratio, and whether both
//! found the same candidate pairs. Without python3 or anonlink, says so and skips that part.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use concord_link::filter::FilterSet;
use concord_link::similarity::{compare_all, dice, Candidate, Kernel};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const BITS: usize = 1024;
const DENSITY: f64 = 0.3;

struct Options {
    left: usize,
    right: usize,
    /// As typed, so that Python parses the same decimal text (as a double).
    threshold: String,
    seed: u64,
    repeat: usize,
}

fn options() -> Options {
    let mut o = Options {
        left: 20_000,
        right: 20_000,
        threshold: "0.8".into(),
        seed: 42,
        repeat: 3,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let [name, value] = pair else {
            usage(&format!("{} needs a value", pair[0]))
        };
        let number = || {
            value
                .parse()
                .unwrap_or_else(|_| usage(&format!("{name}: not a number: {value}")))
        };
        match name.as_str() {
            "--left" => o.left = number(),
            "--right" => o.right = number(),
            "--seed" => o.seed = number() as u64,
            "--repeat" => o.repeat = number().max(1),
            "--threshold" => o.threshold = value.clone(),
            _ => usage(&format!("unknown option {name}")),
        }
    }
    o.threshold
        .parse::<f32>()
        .unwrap_or_else(|_| usage("--threshold: not a number"));
    o
}

fn usage(problem: &str) -> ! {
    eprintln!("{problem}\nusage: anonlink_compare [--left N] [--right M] [--threshold T] [--seed S] [--repeat R]");
    std::process::exit(2);
}

fn random_word(rng: &mut ChaCha8Rng, p: f64) -> u64 {
    (0..64).filter(|_| rng.gen_bool(p)).fold(0, |w, b| w | 1 << b)
}

/// Left filters at random; right filters alternately a left filter with each bit flipped with
/// a probability drawn from 0..0.2 (Dice from about 1 down to 0.7) and a random filter.
fn generate(o: &Options) -> (FilterSet, FilterSet) {
    let mut rng = ChaCha8Rng::seed_from_u64(o.seed);
    let words = BITS / 64;
    let mut left = FilterSet::with_capacity(BITS, o.left);
    for _ in 0..o.left {
        let filter: Vec<u64> = (0..words).map(|_| random_word(&mut rng, DENSITY)).collect();
        left.push(&filter);
    }
    let mut right = FilterSet::with_capacity(BITS, o.right);
    for j in 0..o.right {
        let filter: Vec<u64> = if j % 2 == 0 && !left.is_empty() {
            let flip = rng.gen_range(0.0..0.2);
            let base = left.get(rng.gen_range(0..left.len())).to_vec();
            base.iter().map(|&w| w ^ random_word(&mut rng, flip)).collect()
        } else {
            (0..words).map(|_| random_word(&mut rng, DENSITY)).collect()
        };
        right.push(&filter);
    }
    (left, right)
}

fn write_filters(path: &Path, left: &FilterSet, right: &FilterSet) -> std::io::Result<()> {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    for word in left.words().iter().chain(right.words()) {
        file.write_all(&word.to_le_bytes())?;
    }
    file.flush()
}

/// Best wall time of `repeat` runs of `compare_all` on a pool of `threads` threads.
fn time_ours(
    kernel: Kernel,
    threads: usize,
    sets: (&FilterSet, &FilterSet),
    t: f32,
    repeat: usize,
) -> (f64, Vec<Candidate>) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    let mut best = f64::INFINITY;
    let mut found = Vec::new();
    for _ in 0..repeat {
        let start = Instant::now();
        found = pool.install(|| compare_all(kernel, sets.0, sets.1, t));
        best = best.min(start.elapsed().as_secs_f64());
    }
    (best, found)
}

struct Anonlink {
    seconds: f64,
    version: String,
    pairs: Vec<(u32, u32)>,
}

/// Runs the Python side; `Err` says why the comparison is skipped.
fn run_anonlink(filters: &Path, pairs_file: &Path, o: &Options) -> Result<Anonlink, String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/anonlink_compare.py");
    let output = Command::new("python3")
        .arg(&script)
        .arg(filters)
        .args([
            BITS.to_string(),
            o.left.to_string(),
            o.right.to_string(),
            o.threshold.clone(),
        ])
        .arg(pairs_file)
        .arg(o.repeat.to_string())
        .output()
        .map_err(|e| format!("python3 could not be started: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!(
            "{} exited with {}: {}{}",
            script.display(),
            output.status,
            stdout.trim(),
            stderr.trim()
        ));
    }
    let result = stdout
        .lines()
        .find_map(|l| l.strip_prefix("RESULT "))
        .ok_or("no RESULT line from Python")?;
    let field = |name: &str| {
        result
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
            .unwrap_or_default()
            .to_string()
    };
    let seconds = field("seconds")
        .parse()
        .map_err(|_| format!("bad RESULT line: {result}"))?;
    let bytes = std::fs::read(pairs_file).map_err(|e| format!("reading {}: {e}", pairs_file.display()))?;
    let number = |b: &[u8]| u32::from_le_bytes(b.try_into().expect("4 bytes"));
    let pairs = bytes
        .chunks_exact(8)
        .map(|p| (number(&p[..4]), number(&p[4..])))
        .collect();
    Ok(Anonlink {
        seconds,
        version: field("version"),
        pairs,
    })
}

/// Pairs found by one side only, with the score both ways of computing it.
fn differences(ours: &[Candidate], theirs: &[(u32, u32)], sets: (&FilterSet, &FilterSet)) -> Vec<String> {
    let ours: std::collections::BTreeSet<(u32, u32)> = ours.iter().map(|c| (c.left, c.right)).collect();
    let theirs: std::collections::BTreeSet<(u32, u32)> = theirs.iter().copied().collect();
    let describe = |side: &str, &(i, j): &(u32, u32)| {
        let (a, b) = (sets.0.get(i as usize), sets.1.get(j as usize));
        let inter: u32 = a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum();
        let sum = sets.0.count(i as usize) + sets.1.count(j as usize);
        let exact = 2.0 * f64::from(inter) / f64::from(sum);
        format!(
            "only {side}: ({i}, {j}) = {}/{sum}: f32 score {}, f64 score {exact}",
            2 * inter,
            dice(a, b)
        )
    };
    let only_ours = ours.difference(&theirs).map(|p| describe("ours", p));
    only_ours
        .chain(theirs.difference(&ours).map(|p| describe("anonlink", p)))
        .collect()
}

fn rate(pairs: f64, seconds: f64) -> String {
    format!("{:>9.3e} comparisons/s ({seconds:.3} s)", pairs / seconds)
}

fn main() {
    let o = options();
    let threshold: f32 = o.threshold.parse().expect("checked by options");
    let (left, right) = generate(&o);
    let sets = (&left, &right);
    let pairs = (o.left * o.right) as f64;
    let threads = rayon::current_num_threads();
    println!(
        "{} × {} filters of {BITS} bits (seed {}), threshold {}, best of {}",
        o.left, o.right, o.seed, o.threshold, o.repeat
    );
    let mut ours: Option<Vec<Candidate>> = None;
    let mut best = [f64::INFINITY; 2];
    for kernel in Kernel::all_available() {
        for (slot, n) in [1, threads].into_iter().enumerate() {
            let (seconds, found) = time_ours(kernel, n, sets, threshold, o.repeat);
            let same = ours.get_or_insert_with(|| found.clone()) == &found;
            let note = if same { "" } else { " DIFFERENT FROM THE FIRST KERNEL" };
            let (name, rate) = (kernel.name(), rate(pairs, seconds));
            println!(
                "concord {name:<8} {n} thread(s): {rate}, {} candidates{note}",
                found.len()
            );
            best[slot] = best[slot].min(seconds);
        }
    }
    let ours = ours.unwrap_or_default();
    let dir = std::env::temp_dir();
    let stem = format!("concord-anonlink-compare-{}", std::process::id());
    let (filters, pairs_file): (PathBuf, PathBuf) =
        (dir.join(format!("{stem}.filters")), dir.join(format!("{stem}.pairs")));
    write_filters(&filters, &left, &right).expect("writing the filter file");
    let anonlink = run_anonlink(&filters, &pairs_file, &o);
    let _ = (std::fs::remove_file(&filters), std::fs::remove_file(&pairs_file));
    match anonlink {
        Err(why) => {
            let banner = "!".repeat(72);
            println!("{banner}\nANONLINK COMPARISON SKIPPED: {why}\n{banner}");
            eprintln!("anonlink comparison skipped: {why}");
        }
        Ok(a) => report(&a, &ours, sets, pairs, best, threads),
    }
}

/// `best`: our best times on one thread and on `threads` threads.
fn report(
    a: &Anonlink,
    ours: &[Candidate],
    sets: (&FilterSet, &FilterSet),
    pairs: f64,
    best: [f64; 2],
    threads: usize,
) {
    let (version, rate) = (&a.version, rate(pairs, a.seconds));
    println!("anonlink {version} 1 thread: {rate}, {} candidates", a.pairs.len());
    let (one, all) = (a.seconds / best[0], a.seconds / best[1]);
    println!("speed-up over anonlink, best kernel: {one:.1}× on 1 thread, {all:.1}× on {threads} threads");
    let differences = differences(ours, &a.pairs, sets);
    if differences.is_empty() {
        println!("same candidate pairs: {} on both sides", ours.len());
    } else {
        println!(
            "CANDIDATES DIFFER: {} vs {} pairs, {} differences:",
            ours.len(),
            a.pairs.len(),
            differences.len()
        );
        differences.iter().take(10).for_each(|d| println!("  {d}"));
    }
}
