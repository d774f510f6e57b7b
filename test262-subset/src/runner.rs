//! The run: check the suite's revision, load the scope, take the inventory,
//! run each requested tier on the worker pool, report, and apply the
//! baseline gate (`--check`) or rewrite the baseline (`--update-baseline`).

use crate::baseline::{self, Comparison};
use crate::cli::{self, Command, Options};
use crate::host::{self, EngineConfig};
use crate::judge::{Status, Verdict};
use crate::pool::{self, PoolOptions, WorkerCommand};
use crate::report::{self, Progress};
use crate::scope::Scope;
use crate::select::{self, Selection};
use crate::suite::{self, Inventory};
use crate::testid::TestId;
use crate::worker::{self, WorkerOptions};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::IsTerminal;
use std::time::Duration;

/// The test262 revision this runner is pinned to (`test262-subset/REVISION`).
pub const PINNED_REVISION: &str = include_str!("../REVISION");

/// Newly passing tests listed by `--check` without `--verbose`.
const NEW_PASSES_SHOWN: usize = 20;

/// Entry point of the binary; returns the process exit code (0: done; 1:
/// `--check` found regressions; 2: usage or setup error).
pub fn main() -> i32 {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some(worker::WORKER_FLAG) {
        return worker::main(&args[1..]);
    }
    match cli::parse(&args, std::env::var("TEST262_DIR").ok()) {
        Ok(Command::Help) => {
            print!("{}", cli::USAGE);
            0
        }
        Ok(Command::Run(opts)) => match run(&opts) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("test262-subset: error: {e}");
                2
            }
        },
        Err(e) => {
            eprintln!("test262-subset: {e}");
            2
        }
    }
}

/// The results of one tier: every selected in-scope run with its verdict and
/// duration.
type TierResults = BTreeMap<TestId, (Verdict, Duration)>;

/// Runs the tests described by `opts`; returns the exit code.
pub fn run(opts: &Options) -> Result<i32, String> {
    let mut opts = opts.clone();
    if let Ok(canonical) = std::fs::canonicalize(&opts.suite) {
        opts.suite = canonical;
    }
    let opts = &opts;
    let suite = &opts.suite;
    if !suite.join("test").is_dir() {
        return Err(format!("no test262 suite at {} (use --suite or TEST262_DIR)", suite.display()));
    }
    match suite::check_revision(suite, PINNED_REVISION) {
        Ok(()) => {}
        Err(e) if opts.allow_revision_mismatch => eprintln!("test262-subset: warning: {e}"),
        Err(e) => return Err(e),
    }
    let scope = Scope::load(&opts.scope_file)?;
    for w in scope.lint(suite) {
        eprintln!("test262-subset: warning: {w}");
    }
    // Reject bad engine flags here rather than in every worker.
    for tier in &opts.tiers {
        let flags: Vec<String> = host::tier_flags(tier)?.into_iter().chain(opts.engine_flags.iter().cloned()).collect();
        EngineConfig::from_flags(&flags, None)?;
    }

    let inventory = suite::take_inventory(suite, &scope, opts.jobs.max(2))?;
    let selection = Selection { filters: opts.filters.iter().map(|f| select::normalize_filter(f, suite)).collect(), shard: opts.shard };
    let selected: Vec<&suite::Entry> = inventory.entries.iter().filter(|e| selection.matches(&e.id.path)).collect();
    if selected.is_empty() {
        return Err(format!("no tests match {:?}", selection.filters));
    }
    let skipped = selected.iter().filter(|e| e.excluded_by.is_some()).count();
    let in_scope: Vec<&suite::Entry> = selected.iter().copied().filter(|e| e.excluded_by.is_none()).collect();
    let runs: Vec<TestId> = in_scope.iter().filter(|e| e.meta_error.is_none()).map(|e| e.id.clone()).collect();
    let unreadable: Vec<(TestId, String)> = in_scope.iter().filter_map(|e| Some((e.id.clone(), e.meta_error.clone()?))).collect();

    println!("test262-subset: test262 {} at {}", PINNED_REVISION.trim(), suite.display());
    println!(
        "test262-subset: {} in scope, {} skipped by scope.toml ({} files enumerated and parsed in {:.2}s){}",
        in_scope.len(),
        skipped,
        inventory.files,
        inventory.elapsed.as_secs_f64(),
        describe_selection(&selection)
    );
    println!("test262-subset: {} workers, timeout {:.1}s, heap limit {} MiB", opts.jobs, opts.timeout.as_secs_f64(), opts.heap_limit_mb);

    let passing_path = opts.baseline_dir.join(baseline::PASSING_FILE);
    let old_baseline = if opts.check || opts.update_baseline { baseline::load_passing(&passing_path)? } else { BTreeSet::new() };
    let gaps = if opts.check { baseline::load_tier_gaps(&opts.baseline_dir.join(baseline::TIER_GAPS_FILE))? } else { Vec::new() };

    let mut exit = 0;
    for tier in &opts.tiers {
        let mut results = run_tier(opts, tier, &runs, opts.timeout, opts.jobs)?;
        for (id, message) in &unreadable {
            results.insert(id.clone(), (Verdict::fail(format!("bad metadata: {message}")), Duration::ZERO));
        }
        if opts.check {
            rerun_timeouts(opts, tier, &mut results)?;
        }
        if opts.tiers.len() > 1 {
            println!("\n== tier {tier} ==");
        }
        let passed: BTreeMap<TestId, bool> = results.iter().map(|(id, (v, _))| (id.clone(), v.status == Status::Pass)).collect();
        let (rows, total) = report::summarize(passed.iter().map(|(id, &p)| (id, p)));
        print!("\n{}", report::format_table(&rows, &total));
        print_failures(opts, &results);
        if opts.check {
            let tier_gaps: Vec<_> = gaps.iter().filter(|g| g.tier == *tier).cloned().collect();
            let comparison = baseline::compare(&old_baseline, &passed, |p| selection.matches(p), &tier_gaps);
            print_comparison(opts, tier, &comparison, &results);
            if !comparison.is_ok() {
                exit = 1;
            }
        }
        if opts.update_baseline && tier == "off" {
            update_baseline(opts, &inventory, &scope, &selection, &old_baseline, &passed)?;
        }
        println!("{}", report::final_line(total.passed, total.failed, skipped, in_scope.len()));
    }
    Ok(exit)
}

fn describe_selection(sel: &Selection) -> String {
    let mut parts = Vec::new();
    if !sel.filters.is_empty() {
        parts.push(format!("filter {}", sel.filters.join(", ")));
    }
    if let Some(s) = sel.shard {
        parts.push(format!("shard {s}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("; {}", parts.join("; "))
    }
}

/// Runs `runs` on a fresh pool with the engine flags of `tier`.
fn run_tier(opts: &Options, tier: &str, runs: &[TestId], timeout: Duration, jobs: usize) -> Result<TierResults, String> {
    let worker_opts = WorkerOptions {
        suite: opts.suite.clone(),
        timeout,
        heap_limit_mb: opts.heap_limit_mb,
        engine_flags: host::tier_flags(tier)?.into_iter().chain(opts.engine_flags.iter().cloned()).collect(),
        test_hooks: opts.worker_test_hooks,
    };
    let program = std::env::current_exe().map_err(|e| format!("cannot find the runner's executable: {e}"))?;
    let cmd = WorkerCommand { program, args: worker_opts.to_args() };
    let pool_opts = PoolOptions { workers: jobs, kill_after: timeout * 2, startup_timeout: Duration::from_secs(60) };
    let mut progress = Progress::new(&format!("tier {tier}"), runs.len(), std::io::stderr().is_terminal());
    let mut out: Vec<Option<(Verdict, Duration)>> = vec![None; runs.len()];
    let result = pool::run(&cmd, runs, &pool_opts, |o| {
        progress.record(o.verdict.status == Status::Pass);
        out[o.index] = Some((o.verdict, o.duration));
    });
    progress.finish();
    result?;
    Ok(runs
        .iter()
        .cloned()
        .zip(out)
        .map(|(id, r)| (id, r.unwrap_or_else(|| (Verdict::fail("no result from the worker pool"), Duration::ZERO))))
        .collect())
}

/// Under `--check`, a timed-out test only counts after a rerun alone with
/// three times the timeout.
fn rerun_timeouts(opts: &Options, tier: &str, results: &mut TierResults) -> Result<(), String> {
    let timed_out: Vec<TestId> = results.iter().filter(|(_, (v, _))| v.status == Status::Timeout).map(|(id, _)| id.clone()).collect();
    if timed_out.is_empty() {
        return Ok(());
    }
    eprintln!(
        "test262-subset: rerunning {} timed-out test(s) alone with a {:.1}s timeout",
        timed_out.len(),
        (opts.timeout * 3).as_secs_f64()
    );
    for (id, r) in run_tier(opts, tier, &timed_out, opts.timeout * 3, 1)? {
        results.insert(id, r);
    }
    Ok(())
}

fn status_label(s: Status) -> &'static str {
    match s {
        Status::Pass => "PASS",
        Status::Fail => "FAIL",
        Status::Timeout => "TIMEOUT",
        Status::Crash => "CRASH",
    }
}

fn print_failures(opts: &Options, results: &TierResults) {
    let failures: Vec<(&TestId, &Verdict)> =
        results.iter().filter(|(_, (v, _))| v.status != Status::Pass).map(|(id, (v, _))| (id, v)).collect();
    let crashes = failures.iter().filter(|(_, v)| v.status == Status::Crash).count();
    let timeouts = failures.iter().filter(|(_, v)| v.status == Status::Timeout).count();
    if opts.verbose {
        if !failures.is_empty() {
            println!("\nfailures:");
        }
        for (id, v) in &failures {
            println!("{} {}: {}", status_label(v.status), id, v.message);
        }
        let mut slowest: Vec<(&TestId, Duration)> = results.iter().map(|(id, (_, d))| (id, *d)).collect();
        slowest.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        println!("\nslowest:");
        for (id, d) in slowest.iter().take(10) {
            println!("{:>8.2}s {}", d.as_secs_f64(), id);
        }
    }
    if crashes + timeouts > 0 {
        println!("\n{crashes} crashed, {timeouts} timed out{}", if opts.verbose { "" } else { " (--verbose lists every failure)" });
    }
}

fn print_comparison(opts: &Options, tier: &str, c: &Comparison, results: &TierResults) {
    let what = if tier == "off" { "the baseline".to_string() } else { format!("the interpreter baseline (tier {tier})") };
    println!();
    for id in &c.regressions {
        let msg = results.get(id).map(|(v, _)| format!("{}: {}", status_label(v.status), v.message)).unwrap_or_default();
        println!("REGRESSION {id}: {msg}");
    }
    for id in &c.missing {
        println!("MISSING {id}: passes in the baseline but is no longer run (out of scope or removed)");
    }
    for (id, reason) in &c.waived {
        if opts.verbose {
            println!("tier gap {id}: {reason}");
        }
    }
    if !c.waived.is_empty() {
        println!("{} baseline-passing test(s) failed as listed in baseline/tier-gaps.txt", c.waived.len());
    }
    for id in &c.stale_gaps {
        println!("STALE TIER GAP {id}: passes now; remove it from baseline/tier-gaps.txt");
    }
    if !c.new_passes.is_empty() {
        let verb = if tier == "off" { "run --update-baseline to record them" } else { "not in the interpreter baseline" };
        println!("{} newly passing ({verb}):", c.new_passes.len());
        let shown = if opts.verbose { c.new_passes.len() } else { NEW_PASSES_SHOWN };
        for id in c.new_passes.iter().take(shown) {
            println!("  NEW {id}");
        }
        if c.new_passes.len() > shown {
            println!("  ... and {} more (--verbose lists all)", c.new_passes.len() - shown);
        }
    }
    if c.is_ok() {
        println!("check: OK, no regressions against {what}");
    } else {
        println!("check: FAILED against {what}: {} regression(s), {} missing", c.regressions.len(), c.missing.len());
    }
}

fn update_baseline(
    opts: &Options,
    inventory: &Inventory,
    scope: &Scope,
    selection: &Selection,
    old: &BTreeSet<TestId>,
    passed: &BTreeMap<TestId, bool>,
) -> Result<(), String> {
    let in_scope: HashSet<&TestId> = inventory.in_scope().map(|e| &e.id).collect();
    let new = baseline::updated(old, passed, |id| !selection.matches(&id.path) && in_scope.contains(id));
    let added = new.difference(old).count();
    let removed = old.difference(&new).count();
    let path = opts.baseline_dir.join(baseline::PASSING_FILE);
    baseline::save_passing(&path, &new)?;
    let md = report::results_markdown(PINNED_REVISION.trim(), inventory, scope, &new);
    std::fs::write(&opts.results_file, md).map_err(|e| format!("cannot write {}: {e}", opts.results_file.display()))?;
    println!("\nbaseline: wrote {} ({} entries, +{added} -{removed}) and {}", path.display(), new.len(), opts.results_file.display());
    Ok(())
}
