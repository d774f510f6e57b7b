//! `jolt-fuzz`: generates programs for a range of seeds, runs each in every tier and reports
//! any difference from the interpreter, optionally minimised.
//!
//! ```text
//! jolt-fuzz --seeds A..B [--jolt PATH] [--jobs N] [--minimize] [--timeout SECS]
//! jolt-fuzz --print SEED
//! ```

use jolt_fuzz::gen::generate;
use jolt_fuzz::minimize::minimize;
use jolt_fuzz::run::{Difference, Runner};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

struct Options {
    seeds: (u64, u64),
    jolt: PathBuf,
    jobs: usize,
    minimize: bool,
    timeout: Duration,
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: jolt-fuzz --seeds A..B [--jolt PATH] [--jobs N (1 or 2)] [--minimize] [--timeout SECS]\n       jolt-fuzz --print SEED"
    );
    ExitCode::from(2)
}

/// The `jolt` beside this executable (same target directory and profile), else the workspace's
/// `target/release/jolt`.
fn default_jolt() -> PathBuf {
    if let Some(p) = std::env::current_exe().ok().and_then(|e| e.parent().map(|d| d.join("jolt"))) {
        if p.exists() {
            return p;
        }
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/release/jolt")
}

fn parse_range(s: &str) -> Option<(u64, u64)> {
    let (a, b) = s.split_once("..")?;
    let (a, b) = (a.parse().ok()?, b.parse().ok()?);
    (a < b).then_some((a, b))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut opts = Options { seeds: (0, 0), jolt: default_jolt(), jobs: 2, minimize: false, timeout: Duration::from_secs(10) };
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let mut value = || {
            i += 1;
            args.get(i).cloned()
        };
        match a {
            "--seeds" => match value().as_deref().and_then(parse_range) {
                Some(r) => opts.seeds = r,
                None => return usage(),
            },
            "--jolt" => match value() {
                Some(p) => opts.jolt = PathBuf::from(p),
                None => return usage(),
            },
            "--jobs" => match value().and_then(|v| v.parse::<usize>().ok()) {
                Some(n @ 1..=2) => opts.jobs = n,
                _ => return usage(),
            },
            "--timeout" => match value().and_then(|v| v.parse::<u64>().ok()) {
                Some(n) if n > 0 => opts.timeout = Duration::from_secs(n),
                _ => return usage(),
            },
            "--minimize" => opts.minimize = true,
            "--print" => match value().and_then(|v| v.parse::<u64>().ok()) {
                Some(seed) => {
                    print!("{}", generate(seed));
                    return ExitCode::SUCCESS;
                }
                None => return usage(),
            },
            _ => return usage(),
        }
        i += 1;
    }
    if opts.seeds.0 == opts.seeds.1 {
        return usage();
    }
    if !opts.jolt.exists() {
        eprintln!(
            "jolt-fuzz: no jolt binary at {} (build it with `cargo build --release -p jolt-shell`, or pass --jolt)",
            opts.jolt.display()
        );
        return ExitCode::from(2);
    }
    fuzz(&opts)
}

fn fuzz(opts: &Options) -> ExitCode {
    let started = Instant::now();
    let scratch = std::env::temp_dir().join(format!("jolt-fuzz-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&scratch) {
        eprintln!("jolt-fuzz: cannot create {}: {e}", scratch.display());
        return ExitCode::from(2);
    }
    let runner = Runner { jolt: opts.jolt.clone(), scratch: scratch.clone(), timeout: opts.timeout };
    let (lo, hi) = opts.seeds;
    let next = AtomicU64::new(lo);
    let failed: Mutex<Vec<u64>> = Mutex::new(Vec::new());
    std::thread::scope(|sc| {
        for _ in 0..opts.jobs {
            sc.spawn(|| loop {
                let seed = next.fetch_add(1, Ordering::Relaxed);
                if seed >= hi {
                    break;
                }
                let src = generate(seed);
                let diffs = runner.check(&format!("seed-{seed}"), &src);
                if diffs.is_empty() {
                    continue;
                }
                failed.lock().unwrap().push(seed);
                report(&runner, seed, &src, &diffs, opts.minimize);
            });
        }
    });
    let _ = std::fs::remove_dir_all(&scratch);
    let mut failed = failed.into_inner().unwrap();
    failed.sort_unstable();
    let total = hi - lo;
    println!(
        "fuzz: {total} programs, {} clean, {} differences (seeds {lo}..{hi}) in {:.1}s",
        total - failed.len() as u64,
        failed.len(),
        started.elapsed().as_secs_f64()
    );
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        println!("differing seeds: {}", failed.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(" "));
        ExitCode::FAILURE
    }
}

/// The first line where two outputs differ, for the report.
fn first_difference(a: &str, b: &str) -> String {
    let (al, bl): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    for i in 0..al.len().max(bl.len()) {
        let (x, y) = (al.get(i).copied().unwrap_or("<end>"), bl.get(i).copied().unwrap_or("<end>"));
        if x != y {
            return format!("stdout line {}: interpreter {x:?}, got {y:?}", i + 1);
        }
    }
    "stdout equal".into()
}

fn describe(d: &Difference) -> String {
    format!(
        "  mode {} ({}): {}\n    interpreter: {} {:?}\n    {}: {} {:?}\n",
        d.mode.name,
        d.mode.flags.join(" "),
        first_difference(&d.reference.stdout, &d.got.stdout),
        d.reference.status,
        d.reference.stderr_first,
        d.mode.name,
        d.got.status,
        d.got.stderr_first
    )
}

fn report(runner: &Runner, seed: u64, src: &str, diffs: &[Difference], minimize_it: bool) {
    let mut text = format!("DIFFERENCE seed {seed}\n");
    for d in diffs {
        text.push_str(&describe(d));
    }
    let found = Path::new(env!("CARGO_MANIFEST_DIR")).join("found");
    let _ = std::fs::create_dir_all(&found);
    let mut program = src.to_string();
    let mut name = format!("seed-{seed}.js");
    if minimize_it {
        let mode = diffs[0].mode;
        let tag = format!("min-{seed}");
        let lines: Vec<String> = src.lines().map(str::to_string).collect();
        let small = minimize(lines, |c| runner.differs_in(&tag, &(c.join("\n") + "\n"), mode));
        program = small.join("\n") + "\n";
        name = format!("seed-{seed}-min.js");
        let after = runner.check(&tag, &program);
        text.push_str(&format!("  minimised to {} lines (mode {}):\n", small.len(), mode.name));
        for l in &small {
            text.push_str(&format!("    | {l}\n"));
        }
        for d in after.iter().filter(|d| d.mode.name == mode.name) {
            text.push_str(&describe(d));
            text.push_str(&format!(
                "    interpreter stdout:\n{}\n    {} stdout:\n{}\n",
                indent(&d.reference.stdout),
                d.mode.name,
                indent(&d.got.stdout)
            ));
        }
    }
    let header: String = text.lines().map(|l| format!("// {l}\n")).collect();
    let path = found.join(name);
    let _ = std::fs::write(&path, format!("{header}{program}"));
    text.push_str(&format!("  written to {}\n", path.display()));
    print!("{text}");
}

fn indent(s: &str) -> String {
    s.lines().take(40).map(|l| format!("      {l}\n")).collect()
}
