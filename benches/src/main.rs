//! `benches`: runs jolt's benchmark programs under jolt and the peer engines and reports the
//! results. See `benches/README.md` and `benches --help`.

use benches::cli::{self, Options};
use benches::compare::{self, Change, Verdict};
use benches::engines::{self, Engine, Family};
use benches::jit_stats::JitStats;
use benches::json::Json;
use benches::model::{agreed_output, Cell, EngineInfo, Extras, Results, Row, Status};
use benches::process::{self, Exit};
use benches::report::{self, format_secs};
use benches::stats::{median, Summary};
use benches::{gen, machine, svg};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let opts = match cli::parse(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("benches: {e}\n\n{}", cli::HELP);
            return ExitCode::from(2);
        }
    };
    if opts.help {
        print!("{}", cli::HELP);
        return ExitCode::SUCCESS;
    }
    match run(&opts) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("benches: {e}");
            ExitCode::from(2)
        }
    }
}

/// The programs to run: `*.js` in the programs directory whose name matches the filter.
fn list_programs(dir: &Path, filter: &[String]) -> Result<Vec<(String, PathBuf)>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut programs: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "js"))
        .filter_map(|p| Some((p.file_stem()?.to_str()?.to_string(), p)))
        .filter(|(name, _)| filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str())))
        .collect();
    programs.sort();
    if programs.is_empty() {
        return Err(format!("no programs in {} match the filter {:?}", dir.display(), filter));
    }
    Ok(programs)
}

/// The engines to run, and the skipped ones with the reason.
type Selection = (Vec<Engine>, Vec<(String, String)>);

fn select_engines(opts: &Options) -> Result<Selection, String> {
    let jolt = opts.jolt.clone().or_else(engines::default_jolt);
    let (mut found, mut skipped) = engines::discover(jolt.as_deref());
    if let Some(patterns) = &opts.engines {
        let known = engines::known_ids();
        for p in patterns {
            if !known.iter().any(|id| engines::matches(p, id, id)) && !found.iter().any(|e| engines::matches(p, &e.id, &e.name)) {
                return Err(format!("unknown engine {p:?}; known: {}", known.join(", ")));
            }
        }
        found.retain(|e| patterns.iter().any(|p| engines::matches(p, &e.id, &e.name)));
        skipped.retain(|s| patterns.iter().any(|p| engines::matches(p, &s.id, &s.id)));
    }
    Ok((found, skipped.into_iter().map(|s| (s.id, s.reason)).collect()))
}

fn run(opts: &Options) -> Result<ExitCode, String> {
    let programs = list_programs(&opts.programs, &opts.filter)?;
    // Read the comparison file first, so that a bad path fails before an hour of running.
    let old = match &opts.compare {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            let json = Json::parse(&text).map_err(|e| format!("{}: {e}", p.display()))?;
            Some(compare::load_old(&json).map_err(|e| format!("{}: {e}", p.display()))?)
        }
        None => None,
    };
    let (engines, skipped) = select_engines(opts)?;
    for e in &engines {
        eprintln!("engine {:<14} {} ({})", e.id, e.version, e.program.display());
    }
    for (id, why) in &skipped {
        eprintln!("skipped {id}: {why}");
    }
    if opts.list {
        for (name, path) in &programs {
            println!("{name:<16} {}", path.display());
        }
        return Ok(ExitCode::SUCCESS);
    }
    if engines.is_empty() {
        return Err("no engine to run".to_string());
    }
    let baseline = engines.iter().position(|e| e.family == Family::Jolt).unwrap_or(0);

    // The programs, engines interleaved within each round.
    let mut rows = Vec::new();
    for (k, (name, path)) in programs.iter().enumerate() {
        eprint!("[{:>2}/{}] {name:<16} ", k + 1, programs.len());
        let cells = run_program(&engines, path, opts);
        let summary: Vec<String> = engines
            .iter()
            .zip(&cells)
            .map(|(e, c)| {
                let what = match (&c.status, c.summary()) {
                    (Status::Ok, Some(s)) => format_secs(s.median),
                    (Status::Mismatch { .. }, _) => "MISMATCH".to_string(),
                    (Status::TimedOut, _) => "TIMEOUT".to_string(),
                    (Status::Failed(_), _) => "FAILED".to_string(),
                    _ => "–".to_string(),
                };
                format!("{} {what}", e.id)
            })
            .collect();
        eprintln!(" {}", summary.join("  "));
        rows.push(Row { program: name.clone(), cells });
    }

    let extras = if opts.extras { measure_extras(&engines, &rows, opts) } else { Extras::default() };

    let results = Results {
        timestamp: machine::timestamp(),
        machine: machine::describe(),
        runs: opts.runs,
        warmup: opts.warmup,
        timeout_s: opts.timeout.as_secs_f64(),
        engines: engines
            .iter()
            .map(|e| EngineInfo {
                id: e.id.clone(),
                name: e.name.clone(),
                version: e.version.clone(),
                path: e.program.display().to_string(),
            })
            .collect(),
        skipped,
        baseline,
        rows,
        extras,
    };

    let changes: Option<Vec<Change>> = old.as_ref().map(|o| compare::compare(o, &results));
    print!("{}", report::terminal(&results, changes.as_deref()));

    let out_dir = match (&opts.out, opts.quick) {
        (Some(d), _) => Some(d.clone()),
        (None, false) => Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("results")),
        (None, true) => None,
    };
    if let Some(dir) = out_dir {
        write_results(&dir, &results, changes.as_deref()).map_err(|e| format!("cannot write results to {}: {e}", dir.display()))?;
        eprintln!("results written to {}", dir.display());
    }

    let jolt_broken = results
        .rows
        .iter()
        .any(|r| r.cells.iter().zip(&engines).any(|(c, e)| e.family == Family::Jolt && !matches!(c.status, Status::Ok | Status::NotRun)));
    let regressed = changes.as_ref().is_some_and(|c| c.iter().any(|c| c.verdict == Verdict::Regression));
    Ok(if jolt_broken {
        ExitCode::from(1)
    } else if regressed {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_results(dir: &Path, results: &Results, changes: Option<&[Change]>) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("latest.json"), results.to_json().pretty())?;
    std::fs::write(dir.join("chart.svg"), svg::render(&svg::chart_from(results)))?;
    std::fs::write(dir.join("results.md"), report::markdown(results, changes, Some("chart.svg")))?;
    Ok(())
}

/// Runs one program: warm-up rounds then measured rounds, each round running every engine
/// once (so drift affects all engines alike). An engine that fails is not run again on this
/// program. Finally checks that every engine printed the same output.
fn run_program(engines: &[Engine], path: &Path, opts: &Options) -> Vec<Cell> {
    let mut cells: Vec<Cell> =
        engines.iter().map(|_| Cell { status: Status::Ok, times: vec![], rss_kb: vec![], stdout: String::new(), jit: None }).collect();
    for round in 0..opts.warmup + opts.runs {
        for (i, e) in engines.iter().enumerate() {
            let cell = &mut cells[i];
            if cell.status != Status::Ok {
                continue;
            }
            let outcome = process::run(&e.program.display().to_string(), &e.script_args(path), opts.timeout);
            eprint!("{}", if round < opts.warmup { "·" } else { "." });
            let _ = std::io::stderr().flush();
            match outcome {
                Err(err) => cell.status = Status::Failed(format!("cannot run {}: {err}", e.program.display())),
                Ok(o) if o.exit == Exit::TimedOut => cell.status = Status::TimedOut,
                Ok(o) if !o.success() => cell.status = Status::Failed(o.failure_summary()),
                Ok(o) => {
                    if round == 0 {
                        cell.stdout = o.stdout;
                    } else if o.stdout != cell.stdout {
                        cell.status = Status::Failed(format!(
                            "output differs between runs: {:?} then {:?}",
                            cell.stdout.trim_end(),
                            o.stdout.trim_end()
                        ));
                        continue;
                    }
                    if round >= opts.warmup {
                        cell.times.push(o.wall.as_secs_f64());
                        cell.rss_kb.extend(o.max_rss_kb);
                    }
                }
            }
        }
    }
    // What each jolt JIT tier compiled: more runs with its statistics (not timed), of which
    // the one with the median compile time is reported (compile times on a shared machine
    // vary from run to run).
    for (e, cell) in engines.iter().zip(cells.iter_mut()) {
        if e.family == Family::Jolt && cell.status == Status::Ok && !e.args.iter().any(|a| a == "--jit=off") {
            let mut args = e.args.clone();
            args.extend(["--stats".to_string(), "--trace-jit".to_string(), path.display().to_string()]);
            let mut runs = Vec::new();
            for _ in 0..JIT_STATS_RUNS {
                match process::run(&e.program.display().to_string(), &args, opts.timeout) {
                    Ok(o) if o.success() => runs.extend(JitStats::parse(&o.stderr)),
                    _ => break,
                }
            }
            cell.jit = JitStats::median_of(&runs);
        }
    }
    let outputs: Vec<(&str, bool)> = cells
        .iter()
        .zip(engines)
        .filter(|(c, _)| c.status == Status::Ok)
        .map(|(c, e)| (c.stdout.as_str(), e.family == Family::Jolt))
        .collect();
    if let Some(agreed) = agreed_output(&outputs).map(str::to_string) {
        for c in cells.iter_mut().filter(|c| c.status == Status::Ok && c.stdout != agreed) {
            c.status = Status::Mismatch { got: c.stdout.clone(), expected: agreed.clone() };
        }
    }
    cells
}

/// Runs with `--stats --trace-jit` per program and JIT tier, for the compile-time report.
const JIT_STATS_RUNS: usize = 3;

/// Runs `args` on every engine `rounds` times (interleaved), returning each engine's wall
/// times and peak RSS values; the first `warmup` rounds are discarded. A failure stops that
/// engine and is recorded in `notes`.
fn timed_rounds(
    engines: &[Engine],
    args: &dyn Fn(&Engine) -> Vec<String>,
    warmup: usize,
    runs: usize,
    opts: &Options,
    what: &str,
    notes: &mut Vec<String>,
) -> Vec<Option<(Vec<f64>, Vec<u64>)>> {
    let mut acc: Vec<Option<(Vec<f64>, Vec<u64>)>> = engines.iter().map(|_| Some((vec![], vec![]))).collect();
    for round in 0..warmup + runs {
        for (i, e) in engines.iter().enumerate() {
            let Some((times, rss)) = acc[i].as_mut() else { continue };
            match process::run(&e.program.display().to_string(), &args(e), opts.timeout) {
                Ok(o) if o.success() => {
                    if round >= warmup {
                        times.push(o.wall.as_secs_f64());
                        rss.extend(o.max_rss_kb);
                    }
                }
                Ok(o) => {
                    notes.push(format!("{what} on {}: {}", e.name, o.failure_summary()));
                    acc[i] = None;
                }
                Err(err) => {
                    notes.push(format!("{what} on {}: cannot run: {err}", e.name));
                    acc[i] = None;
                }
            }
        }
        eprint!(".");
        let _ = std::io::stderr().flush();
    }
    acc
}

/// Start-up time, parse+compile throughput, and binary-trees peak memory.
fn measure_extras(engines: &[Engine], rows: &[Row], opts: &Options) -> Extras {
    let mut extras = Extras::default();
    let tmp = std::env::temp_dir().join(format!("jolt-benches-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&tmp) {
        extras.notes.push(format!("extras skipped: cannot create {}: {e}", tmp.display()));
        return extras;
    }
    let empty = tmp.join("empty.js");
    let parse_file = tmp.join("parse.js");
    let parse_bytes = if opts.quick { 1 << 20 } else { 8 << 20 };
    let source = gen::parse_source(parse_bytes);
    if let Err(e) = std::fs::write(&empty, "").and_then(|_| std::fs::write(&parse_file, &source)) {
        extras.notes.push(format!("extras skipped: cannot write to {}: {e}", tmp.display()));
        return extras;
    }

    eprint!("start-up ");
    let (warm, runs) = if opts.quick { (0, 3) } else { (1, 10) };
    let startup = timed_rounds(engines, &|e| e.startup_args(&empty), warm, runs, opts, "start-up", &mut extras.notes);
    extras.startup = startup.iter().map(|a| a.as_ref().and_then(|(t, _)| Summary::of(t))).collect();
    eprintln!();

    eprint!("parse+compile ({:.1} MB) ", source.len() as f64 / 1e6);
    let (warm, runs) = if opts.quick { (0, 1) } else { (1, 3) };
    let parse = timed_rounds(engines, &|e| e.script_args(&parse_file), warm, runs, opts, "parse+compile source", &mut extras.notes);
    extras.parse_bytes = source.len();
    extras.parse_time = parse.iter().map(|a| a.as_ref().and_then(|(t, _)| median(t))).collect();
    eprintln!();

    // Peak memory of binary-trees: from the main runs when it was among them.
    let trees = rows.iter().find(|r| r.program == "binary-trees");
    extras.tree_rss_kb = match trees {
        Some(row) => row.cells.iter().map(|c| if c.status == Status::Ok { c.median_rss_kb() } else { None }).collect(),
        None => {
            let program = opts.programs.join("binary-trees.js");
            if program.exists() {
                eprint!("binary-trees memory ");
                let r = timed_rounds(engines, &|e| e.script_args(&program), 0, 1, opts, "binary-trees", &mut extras.notes);
                eprintln!();
                r.into_iter().map(|a| a.and_then(|(_, rss)| rss.first().copied())).collect()
            } else {
                vec![None; engines.len()]
            }
        }
    };
    let _ = std::fs::remove_dir_all(&tmp);
    extras
}
