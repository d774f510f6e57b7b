//! What jolt's JIT tiers did on a program: parsed from extra runs with `--stats --trace-jit`
//! (the shell prints both to stderr), for the compile-time and deoptimization report the JIT
//! issues ask for.

use crate::stats::median;

/// One run's JIT counters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JitStats {
    /// Time compiling the stubs compiled code calls (once per run), ms.
    pub stubs_ms: f64,
    /// Functions the baseline tier compiled.
    pub baseline_functions: u64,
    /// Their bytecode instructions.
    pub baseline_ops: u64,
    /// The baseline tier's compile time, ms.
    pub baseline_ms: f64,
    /// Median over the baseline-compiled functions of compile time per 1,000 bytecode
    /// instructions, ms (from the `--trace-jit` lines).
    pub median_ms_per_kop: Option<f64>,
    /// Optimized compiles (recompiles included).
    pub optimized: u64,
    /// The optimizing tier's compile time, ms.
    pub optimized_ms: f64,
    /// Deoptimizations.
    pub deopts: u64,
}

impl JitStats {
    /// Every compile's time (stubs, baseline, optimizing), ms.
    pub fn compile_ms(&self) -> f64 {
        self.stubs_ms + self.baseline_ms + self.optimized_ms
    }

    /// The run of `runs` whose total compile time is the median (the upper one of an even
    /// number), reported whole so that its figures stay one run's: compile times on a shared
    /// machine vary from run to run. `None` when empty.
    pub fn median_of(runs: &[JitStats]) -> Option<JitStats> {
        let mut by_time: Vec<&JitStats> = runs.iter().collect();
        by_time.sort_by(|a, b| a.compile_ms().total_cmp(&b.compile_ms()));
        by_time.get(by_time.len() / 2).map(|s| (*s).clone())
    }

    /// Reads the `--stats` lines (`jit tier: ...`, `optimizing: ...`) and the `--trace-jit`
    /// lines (`[jit] baseline NAME (N ops -> B bytes, T us)`) of a run's stderr; `None` when
    /// the stats line is missing.
    pub fn parse(stderr: &str) -> Option<JitStats> {
        let mut s = JitStats::default();
        let mut seen = false;
        let mut per_kop = Vec::new();
        for line in stderr.lines() {
            if let Some(rest) = line.strip_prefix("jit tier: ") {
                seen = true;
                s.stubs_ms = number_before(rest, " ms;", "stubs: ").unwrap_or(0.0);
                s.baseline_functions = number_before(rest, " functions compiled", "baseline: ").unwrap_or(0.0) as u64;
                s.baseline_ops = number_before(rest, " bytecode ops", "(").unwrap_or(0.0) as u64;
                s.baseline_ms = number_before(rest, " ms)", ", ").unwrap_or(0.0);
            } else if let Some(rest) = line.strip_prefix("optimizing: ") {
                s.optimized = number_before(rest, " compiles", "").unwrap_or(0.0) as u64;
                s.optimized_ms = number_before(rest, " ms,", ", ").unwrap_or(0.0);
                s.deopts = number_before(rest, " deoptimizations", "), ").unwrap_or(0.0) as u64;
            } else if let Some(rest) = line.strip_prefix("[jit] baseline ") {
                let ops = number_before(rest, " ops ->", "(");
                let us = number_before(rest, " us)", ", ");
                if let (Some(ops), Some(us)) = (ops, us) {
                    if ops > 0.0 {
                        per_kop.push(us / ops);
                    }
                }
            }
        }
        s.median_ms_per_kop = median(&per_kop);
        seen.then_some(s)
    }
}

/// The number that ends right before the first `suffix` in `text`, starting after the last
/// `prefix` before it (the whole text before it when `prefix` is empty).
fn number_before(text: &str, suffix: &str, prefix: &str) -> Option<f64> {
    let end = text.find(suffix)?;
    let head = &text[..end];
    let start = if prefix.is_empty() { 0 } else { head.rfind(prefix)? + prefix.len() };
    head[start..].trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_stats_and_trace_lines() {
        let stderr = "\
[jit] baseline f (4 ops -> 400 bytes, 20.0 us)
[jit] baseline g (10 ops -> 900 bytes, 80.0 us)
[jit] baseline <anonymous> (100 ops -> 9000 bytes, 600.0 us)
[opt] f (4 ops, 1 speculated sites, 5 IR nodes -> 300 bytes, 100.0 us)
calls: 20006
collections: 0, cells freed: 0, live cells: 2402
jit tier: Full; stubs: 2.69 ms; baseline: 25 functions compiled (740 bytecode ops -> 76456 bytes of machine code, 6.05 ms), 0 left to the interpreter, 2 loop entries (OSR)
optimizing: 19 compiles (61192 bytes of machine code, 18.46 ms, 15 calls inlined), 3 deoptimizations (1 in inlined calls)
";
        let s = JitStats::parse(stderr).expect("stats");
        assert_eq!(s.stubs_ms, 2.69);
        assert_eq!((s.baseline_functions, s.baseline_ops, s.baseline_ms), (25, 740, 6.05));
        assert_eq!((s.optimized, s.optimized_ms, s.deopts), (19, 18.46, 3));
        // Per function: 5, 8 and 6 ms per 1,000 instructions.
        assert_eq!(s.median_ms_per_kop, Some(6.0));
        assert!((s.compile_ms() - 27.2).abs() < 1e-9);
    }

    #[test]
    fn several_runs_give_the_run_of_median_compile_time() {
        let run = |stubs_ms, baseline_ms, kop, deopts| JitStats {
            stubs_ms,
            baseline_functions: 4,
            baseline_ops: 300,
            baseline_ms,
            median_ms_per_kop: kop,
            optimized: 2,
            optimized_ms: 1.0,
            deopts,
        };
        // Totals 12, 7 and 14 ms: the second run is the median one, reported whole.
        let runs = [run(2.0, 9.0, Some(30.0), 1), run(3.0, 3.0, Some(10.0), 0), run(9.0, 4.0, None, 2)];
        assert_eq!(JitStats::median_of(&runs), Some(runs[0].clone()));
        assert_eq!(JitStats::median_of(&runs[1..]), Some(runs[2].clone()));
        assert_eq!(JitStats::median_of(&[]), None);
    }

    #[test]
    fn no_stats_line_is_no_stats() {
        assert_eq!(JitStats::parse("[jit] baseline f (4 ops -> 400 bytes, 20.0 us)\n"), None);
        let s = JitStats::parse("jit tier: Off; stubs: 0.00 ms; baseline: 0 functions compiled (0 bytecode ops -> 0 bytes of machine code, 0.00 ms), 0 left to the interpreter, 0 loop entries (OSR)\n").unwrap();
        assert_eq!(s.median_ms_per_kop, None);
        assert_eq!(s.compile_ms(), 0.0);
    }
}
