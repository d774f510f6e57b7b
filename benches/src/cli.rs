//! Command-line options.

use std::path::PathBuf;
use std::time::Duration;

/// The usage text.
pub const HELP: &str = "\
Usage: cargo run --release -p benches -- [options]

Runs benches/programs/*.js under every jolt tier and every peer engine found (node,
node --jitless, QuickJS, Boa), then prints a table and writes benches/results/
(latest.json, results.md, chart.svg).

Options:
  --filter A,B        only programs whose name contains one of the substrings
  --engines A,B       only these engines: ids (jolt, jolt-baseline, jolt-full, node,
                      node-jitless, qjs, boa), display names, or prefixes ending in *
  --runs N            measured runs per program and engine (default 3)
  --warmup N          warm-up runs, not measured (default 1)
  --quick             one run, no warm-up, small extras; writes no files unless --out
                      (the CI smoke test)
  --timeout SECS      cap per run; a run over it is killed and reported (default 60)
  --compare OLD.json  flag changes against an earlier latest.json beyond the noise
                      (exit status 3 when a regression is flagged)
  --jolt PATH         the jolt binary (default: jolt next to this executable)
  --out DIR           where to write the results (default benches/results)
  --programs DIR      the benchmark programs (default benches/programs)
  --no-extras         skip start-up, parse+compile and memory measurements
  --list              list the programs and engines, run nothing
  -h, --help          show this help

Exit status: 0 success; 1 a jolt engine failed, timed out or printed the wrong output
on some program; 2 usage error; 3 --compare flagged a regression.
";

/// Parsed options.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Program-name substrings (empty: all programs).
    pub filter: Vec<String>,
    /// Engine patterns (None: all engines found).
    pub engines: Option<Vec<String>>,
    /// Measured runs per cell.
    pub runs: usize,
    /// Warm-up runs per cell.
    pub warmup: usize,
    /// Quick (smoke-test) mode.
    pub quick: bool,
    /// Cap per run.
    pub timeout: Duration,
    /// Results file to compare against.
    pub compare: Option<PathBuf>,
    /// The jolt binary.
    pub jolt: Option<PathBuf>,
    /// Output directory (None: the default, or nothing in quick mode).
    pub out: Option<PathBuf>,
    /// Programs directory.
    pub programs: PathBuf,
    /// Measure the extras.
    pub extras: bool,
    /// Only list.
    pub list: bool,
    /// Show help.
    pub help: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            filter: vec![],
            engines: None,
            runs: 3,
            warmup: 1,
            quick: false,
            timeout: Duration::from_secs(60),
            compare: None,
            jolt: None,
            out: None,
            programs: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("programs"),
            extras: true,
            list: false,
            help: false,
        }
    }
}

fn list(v: &str) -> Vec<String> {
    v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

/// Parses the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut o = Options::default();
    let mut runs_given = false;
    let mut warmup_given = false;
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| inline.clone().or_else(|| it.next()).ok_or(format!("{name} needs a value"));
        match flag.as_str() {
            "-h" | "--help" => o.help = true,
            "--filter" => o.filter = list(&value("--filter")?),
            "--engines" => o.engines = Some(list(&value("--engines")?)),
            "--runs" => {
                let v = value("--runs")?;
                o.runs = v.parse().ok().filter(|&n| n >= 1).ok_or(format!("bad --runs value: {v}"))?;
                runs_given = true;
            }
            "--warmup" => {
                let v = value("--warmup")?;
                o.warmup = v.parse().map_err(|_| format!("bad --warmup value: {v}"))?;
                warmup_given = true;
            }
            "--quick" => o.quick = true,
            "--timeout" => {
                let v = value("--timeout")?;
                let secs: f64 = v.parse().ok().filter(|s: &f64| *s > 0.0 && s.is_finite()).ok_or(format!("bad --timeout value: {v}"))?;
                o.timeout = Duration::from_secs_f64(secs);
            }
            "--compare" => o.compare = Some(PathBuf::from(value("--compare")?)),
            "--jolt" => o.jolt = Some(PathBuf::from(value("--jolt")?)),
            "--out" => o.out = Some(PathBuf::from(value("--out")?)),
            "--programs" => o.programs = PathBuf::from(value("--programs")?),
            "--no-extras" => o.extras = false,
            "--list" => o.list = true,
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    if o.quick {
        if !runs_given {
            o.runs = 1;
        }
        if !warmup_given {
            o.warmup = 0;
        }
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Options, String> {
        parse(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn defaults_and_quick() {
        let d = p(&[]).unwrap();
        assert_eq!((d.runs, d.warmup, d.quick, d.extras), (3, 1, false, true));
        let q = p(&["--quick", "--filter", "richards, json", "--engines=jolt"]).unwrap();
        assert_eq!((q.runs, q.warmup), (1, 0));
        assert_eq!(q.filter, vec!["richards", "json"]);
        assert_eq!(q.engines, Some(vec!["jolt".to_string()]));
        let q2 = p(&["--quick", "--runs", "2"]).unwrap();
        assert_eq!((q2.runs, q2.warmup), (2, 0));
    }

    #[test]
    fn values_and_errors() {
        let o = p(&["--runs=5", "--timeout", "1.5", "--jolt", "/x/jolt", "--compare", "old.json", "--no-extras"]).unwrap();
        assert_eq!(o.runs, 5);
        assert_eq!(o.timeout, Duration::from_millis(1500));
        assert_eq!(o.jolt, Some(PathBuf::from("/x/jolt")));
        assert_eq!(o.compare, Some(PathBuf::from("old.json")));
        assert!(!o.extras);
        assert!(p(&["--runs", "0"]).is_err());
        assert!(p(&["--runs"]).is_err());
        assert!(p(&["--bogus"]).is_err());
        assert!(p(&["--timeout", "-1"]).is_err());
    }
}
