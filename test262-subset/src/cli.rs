//! Command-line options.

use crate::select::Shard;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// This crate's directory (holds `scope.toml`, `baseline/`, `RESULTS.md`).
pub const CRATE_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// The `--help` text.
pub const USAGE: &str = "\
test262-subset: run jolt against the in-scope part of test262

USAGE:
    test262-subset [OPTIONS]

OPTIONS:
    --suite DIR            test262 checkout at the revision in test262-subset/REVISION
                           (default: $TEST262_DIR, else <workspace>/../shared/test262)
    --filter PATH          run only tests under PATH (a directory or file, e.g.
                           test/language/types); repeatable
    --shard K/N            run shard K of N (a fixed partition by FNV-1a hash of the path)
    -j, --jobs N           worker processes (default: all cores)
    --timeout SECS         per-test timeout (default 10; workers overrunning twice that are killed)
    --heap-limit-mb N      per-test heap limit (default 512)
    --tier TIER            off | baseline | full | all (default off, the interpreter)
    --engine-flag FLAG     extra engine flag, e.g. --engine-flag=--gc-stress=1000 or
                           --engine-flag=--deopt-every=5 (with --tier full); repeatable
    --check                compare with baseline/passing.txt; exit 1 on any regression.
                           Timed-out tests are rerun alone with 3x the timeout first
    --update-baseline      write baseline/passing.txt and RESULTS.md from this run (tier off)
    -v, --verbose          print every failure with its message, and the slowest tests
    --scope FILE           scope file (default: test262-subset/scope.toml)
    --baseline-dir DIR     baseline directory (default: test262-subset/baseline)
    --results FILE         results file (default: test262-subset/RESULTS.md)
    --allow-revision-mismatch
                           warn instead of failing when the suite is at another revision
    -h, --help             print this help
";

/// Parsed options of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Suite root.
    pub suite: PathBuf,
    /// `--filter` arguments (not yet normalised).
    pub filters: Vec<String>,
    /// `--shard`.
    pub shard: Option<Shard>,
    /// Worker processes.
    pub jobs: usize,
    /// Per-test timeout.
    pub timeout: Duration,
    /// Per-test heap limit in MiB.
    pub heap_limit_mb: usize,
    /// Tiers to run, in order (`off`, `baseline`, `full`).
    pub tiers: Vec<String>,
    /// `--engine-flag`s.
    pub engine_flags: Vec<String>,
    /// `--check`.
    pub check: bool,
    /// `--update-baseline`.
    pub update_baseline: bool,
    /// `--verbose`.
    pub verbose: bool,
    /// Scope file.
    pub scope_file: PathBuf,
    /// Baseline directory.
    pub baseline_dir: PathBuf,
    /// Results file.
    pub results_file: PathBuf,
    /// `--allow-revision-mismatch`.
    pub allow_revision_mismatch: bool,
    /// Hidden, for the runner's own tests: enables the workers' crash hooks.
    pub worker_test_hooks: bool,
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Run tests.
    Run(Box<Options>),
    /// Print the help.
    Help,
}

impl Options {
    /// Defaults, given `$TEST262_DIR`.
    pub fn defaults(test262_dir: Option<String>) -> Options {
        let crate_dir = Path::new(CRATE_DIR);
        Options {
            suite: test262_dir.filter(|d| !d.is_empty()).map(PathBuf::from).unwrap_or_else(|| crate_dir.join("../../shared/test262")),
            filters: Vec::new(),
            shard: None,
            jobs: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
            timeout: Duration::from_secs(10),
            heap_limit_mb: 512,
            tiers: vec!["off".into()],
            engine_flags: Vec::new(),
            check: false,
            update_baseline: false,
            verbose: false,
            scope_file: crate_dir.join("scope.toml"),
            baseline_dir: crate_dir.join("baseline"),
            results_file: crate_dir.join("RESULTS.md"),
            allow_revision_mismatch: false,
            worker_test_hooks: false,
        }
    }
}

/// Parses the arguments (without the program name). `test262_dir` is the
/// value of `$TEST262_DIR`.
pub fn parse(args: &[String], test262_dir: Option<String>) -> Result<Command, String> {
    let mut o = Options::defaults(test262_dir);
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        i += 1;
        // `--name=value`, `--name value`, and `-jN` / `-j N`.
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ if arg.starts_with("-j") && arg.len() > 2 => ("-j", Some(arg[2..].to_string())),
            _ => (arg, None),
        };
        let mut value = || -> Result<String, String> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            let v = args.get(i).cloned().ok_or_else(|| format!("{name} needs a value"))?;
            i += 1;
            Ok(v)
        };
        match name {
            "-h" | "--help" => return Ok(Command::Help),
            "--suite" => o.suite = PathBuf::from(value()?),
            "--filter" => o.filters.push(value()?),
            "--shard" => o.shard = Some(Shard::parse(&value()?)?),
            "-j" | "--jobs" => o.jobs = value()?.parse().ok().filter(|&n| n > 0).ok_or("-j needs a positive number")?,
            "--timeout" => {
                let secs: f64 = value()?.parse().map_err(|_| "--timeout needs a number of seconds")?;
                if !(secs > 0.0 && secs < 1e6) {
                    return Err("--timeout must be positive".into());
                }
                o.timeout = Duration::from_secs_f64(secs);
            }
            "--heap-limit-mb" => {
                o.heap_limit_mb = value()?.parse().ok().filter(|&n| n > 0).ok_or("--heap-limit-mb needs a positive number")?
            }
            "--tier" => {
                o.tiers = match value()?.as_str() {
                    "all" => vec!["off".into(), "baseline".into(), "full".into()],
                    t @ ("off" | "baseline" | "full") => vec![t.to_string()],
                    t => return Err(format!("unknown tier `{t}` (expected off, baseline, full or all)")),
                }
            }
            "--engine-flag" => o.engine_flags.push(value()?),
            "--check" => o.check = true,
            "--update-baseline" => o.update_baseline = true,
            "-v" | "--verbose" => o.verbose = true,
            "--scope" => o.scope_file = PathBuf::from(value()?),
            "--baseline-dir" => o.baseline_dir = PathBuf::from(value()?),
            "--results" => o.results_file = PathBuf::from(value()?),
            "--allow-revision-mismatch" => o.allow_revision_mismatch = true,
            "--worker-test-hooks" => o.worker_test_hooks = true,
            _ => return Err(format!("unknown option `{arg}` (see --help)")),
        }
        if inline.is_some() && matches!(name, "--check" | "--update-baseline" | "--verbose" | "--help") {
            return Err(format!("{name} takes no value"));
        }
    }
    if o.update_baseline && !o.tiers.iter().any(|t| t == "off") {
        return Err("--update-baseline records the interpreter's baseline: use --tier off (or all)".into());
    }
    Ok(Command::Run(Box::new(o)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Options, String> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        match parse(&args, None)? {
            Command::Run(o) => Ok(*o),
            Command::Help => Err("help".into()),
        }
    }

    #[test]
    fn defaults() {
        let o = run(&[]).unwrap();
        assert!(o.suite.ends_with("../../shared/test262"));
        assert_eq!(o.tiers, vec!["off"]);
        assert_eq!(o.timeout, Duration::from_secs(10));
        assert_eq!(o.heap_limit_mb, 512);
        assert!(o.jobs >= 1);
        let args = vec![];
        let Command::Run(o) = parse(&args, Some("/t262".into())).unwrap() else { panic!() };
        assert_eq!(o.suite, PathBuf::from("/t262"));
    }

    #[test]
    fn all_options() {
        let o = run(&[
            "--suite",
            "/s",
            "--filter",
            "test/language/types",
            "--filter=test/built-ins/Array",
            "--shard",
            "2/3",
            "-j3",
            "--timeout",
            "2.5",
            "--heap-limit-mb=64",
            "--tier",
            "all",
            "--engine-flag",
            "--gc-stress=10",
            "--check",
            "--update-baseline",
            "-v",
            "--scope",
            "s.toml",
            "--baseline-dir",
            "b",
            "--results",
            "r.md",
            "--allow-revision-mismatch",
        ])
        .unwrap();
        assert_eq!(o.suite, PathBuf::from("/s"));
        assert_eq!(o.filters, vec!["test/language/types", "test/built-ins/Array"]);
        assert_eq!(o.shard, Some(Shard { index: 2, count: 3 }));
        assert_eq!(o.jobs, 3);
        assert_eq!(o.timeout, Duration::from_millis(2500));
        assert_eq!(o.heap_limit_mb, 64);
        assert_eq!(o.tiers, vec!["off", "baseline", "full"]);
        assert_eq!(o.engine_flags, vec!["--gc-stress=10"]);
        assert!(o.check && o.update_baseline && o.verbose && o.allow_revision_mismatch);
        assert_eq!(o.scope_file, PathBuf::from("s.toml"));
        assert_eq!(run(&["-j", "7"]).unwrap().jobs, 7);
    }

    #[test]
    fn errors() {
        assert_eq!(run(&["--help"]), Err("help".into()));
        assert!(run(&["--bogus"]).is_err());
        assert!(run(&["-j", "0"]).is_err());
        assert!(run(&["--timeout", "-1"]).is_err());
        assert!(run(&["--tier", "turbo"]).is_err());
        assert!(run(&["--filter"]).is_err());
        assert!(run(&["--check=yes"]).is_err());
        assert!(run(&["--tier", "full", "--update-baseline"]).is_err());
    }
}
