//! Rendering results: the terminal table and the Markdown report.

use crate::compare::{Change, Verdict};
use crate::model::{Results, Status};
use crate::stats::median;
use std::fmt::Write as _;

/// Formats seconds with three significant digits: `0.512s`, `5.12s`, `51.2s`, `12.3ms`.
pub fn format_secs(s: f64) -> String {
    if s < 0.1 {
        format!("{:.1}ms", s * 1000.0)
    } else if s < 1.0 {
        format!("{s:.3}s")
    } else if s < 10.0 {
        format!("{s:.2}s")
    } else {
        format!("{s:.1}s")
    }
}

/// Formats a ratio: `1.00×`, `0.071×`, `12.5×`.
pub fn format_ratio(r: f64) -> String {
    if r < 0.1 {
        format!("{r:.3}×")
    } else if r < 10.0 {
        format!("{r:.2}×")
    } else {
        format!("{r:.1}×")
    }
}

/// Formats KiB as MiB with one decimal.
pub fn format_mib(kb: u64) -> String {
    format!("{:.1} MiB", kb as f64 / 1024.0)
}

/// The text of one cell: time, spread and ratio, or the failure.
pub fn cell_text(results: &Results, row: usize, engine: usize) -> String {
    let r = &results.rows[row];
    let c = &r.cells[engine];
    match &c.status {
        Status::NotRun => "–".to_string(),
        Status::Failed(_) => "FAILED".to_string(),
        Status::TimedOut => format!("TIMEOUT (>{}s)", results.timeout_s),
        Status::Mismatch { .. } => match c.summary() {
            Some(s) => format!("{} MISMATCH", format_secs(s.median)),
            None => "MISMATCH".to_string(),
        },
        Status::Ok => {
            let Some(s) = c.summary() else { return "?".to_string() };
            let mut t = format_secs(s.median);
            if s.n > 1 {
                let _ = write!(t, " ±{:.0}%", s.spread() * 100.0);
            }
            if engine != results.baseline {
                if let Some(ratio) = results.ratio(r, engine, results.baseline) {
                    let _ = write!(t, " {}", format_ratio(ratio));
                }
            }
            t
        }
    }
}

/// Lays out a table: the first column left-aligned, the others right-aligned, two spaces
/// apart, with a rule under the header.
pub fn render_table(header: &[String], rows: &[Vec<String>]) -> String {
    let cols = header.len();
    let width = |s: &str| s.chars().count();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(cols) {
            widths[i] = widths[i].max(width(cell));
        }
    }
    let line = |cells: &[String]| {
        let mut out = String::new();
        for (i, w) in widths.iter().enumerate() {
            let cell = cells.get(i).map(String::as_str).unwrap_or("");
            let pad = w - width(cell);
            if i > 0 {
                out.push_str("  ");
            }
            if i == 0 {
                out.push_str(cell);
                out.push_str(&" ".repeat(pad));
            } else {
                out.push_str(&" ".repeat(pad));
                out.push_str(cell);
            }
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(header);
    out.push_str(&line(&widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>()));
    for row in rows {
        out.push_str(&line(row));
    }
    out
}

fn table_rows(results: &Results) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = vec!["program".to_string()];
    header.extend(results.engines.iter().map(|e| e.name.clone()));
    let mut rows: Vec<Vec<String>> = (0..results.rows.len())
        .map(|r| {
            let mut cells = vec![results.rows[r].program.clone()];
            cells.extend((0..results.engines.len()).map(|e| cell_text(results, r, e)));
            cells
        })
        .collect();
    let mut geo = vec!["geomean ratio".to_string()];
    for e in 0..results.engines.len() {
        geo.push(match results.geomean_ratio(e, results.baseline) {
            Some((g, n)) if n == results.rows.len() => format_ratio(g),
            Some((g, n)) => format!("{} ({n} of {})", format_ratio(g), results.rows.len()),
            None => "–".to_string(),
        });
    }
    rows.push(geo);
    (header, rows)
}

fn baseline_name(results: &Results) -> &str {
    results.engines.get(results.baseline).map(|e| e.name.as_str()).unwrap_or("?")
}

/// Failures, timeouts and output mismatches, one line each.
pub fn problems(results: &Results) -> Vec<String> {
    let mut out = Vec::new();
    for row in &results.rows {
        for (i, c) in row.cells.iter().enumerate() {
            let engine = &results.engines[i].name;
            match &c.status {
                Status::Failed(m) => out.push(format!("{} on {engine}: failed: {m}", row.program)),
                Status::TimedOut => out.push(format!("{} on {engine}: timed out after {}s", row.program, results.timeout_s)),
                Status::Mismatch { got, expected } => out.push(format!(
                    "{} on {engine}: printed {:?}, the other engines printed {:?}",
                    row.program,
                    got.trim_end(),
                    expected.trim_end()
                )),
                _ => {}
            }
        }
    }
    out.extend(results.extras.notes.iter().cloned());
    out
}

fn extras_rows(results: &Results) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    let x = &results.extras;
    if x.startup.iter().all(Option::is_none) && x.parse_time.iter().all(Option::is_none) && x.tree_rss_kb.iter().all(Option::is_none) {
        return None;
    }
    let header = vec![
        "engine".to_string(),
        "start-up".to_string(),
        format!("parse+compile ({:.1} MB)", x.parse_bytes as f64 / 1e6),
        "binary-trees peak RSS".to_string(),
    ];
    let rows = results
        .engines
        .iter()
        .enumerate()
        .map(|(i, e)| {
            vec![
                e.name.clone(),
                x.startup.get(i).cloned().flatten().map(|s| format_secs(s.median)).unwrap_or_else(|| "–".into()),
                x.parse_mb_per_s(i).map(|v| format!("{v:.1} MB/s")).unwrap_or_else(|| "–".into()),
                x.tree_rss_kb.get(i).copied().flatten().map(format_mib).unwrap_or_else(|| "–".into()),
            ]
        })
        .collect();
    Some((header, rows))
}

/// The terminal report.
pub fn terminal(results: &Results, changes: Option<&[Change]>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n{} programs; wall-clock median of {} run(s) after {} warm-up; ±: half the min–max range; ×: time relative to {}",
        results.rows.len(),
        results.runs,
        results.warmup,
        baseline_name(results)
    );
    let (header, rows) = table_rows(results);
    out.push_str(&render_table(&header, &rows));
    if let Some((h, r)) = extras_rows(results) {
        out.push('\n');
        out.push_str(&render_table(&h, &r));
    }
    for (h, _, summary) in jit_tables(results) {
        let _ = writeln!(out, "JIT, {}: {summary}", h[0]);
    }
    for (id, why) in &results.skipped {
        let _ = writeln!(out, "skipped {id}: {why}");
    }
    let probs = problems(results);
    if !probs.is_empty() {
        out.push_str("\nProblems:\n");
        for p in probs {
            let _ = writeln!(out, "  {p}");
        }
    }
    if let Some(ch) = changes {
        out.push_str(&comparison_text(ch));
    }
    out
}

fn comparison_text(changes: &[Change]) -> String {
    let mut out = String::new();
    let flagged: Vec<&Change> = changes.iter().filter(|c| c.verdict != Verdict::Noise).collect();
    let _ = writeln!(out, "\nComparison: {} cells compared, {} beyond the noise", changes.len(), flagged.len());
    for c in flagged {
        let _ = writeln!(
            out,
            "  {} {} on {}: {} -> {} ({:+.1}%, noise ±{:.1}%)",
            if c.verdict == Verdict::Regression { "REGRESSION" } else { "improvement" },
            c.program,
            c.engine,
            format_secs(c.old),
            format_secs(c.new),
            (c.ratio - 1.0) * 100.0,
            c.noise * 100.0
        );
    }
    out
}

/// One table per jolt engine with JIT statistics: the header (whose first cell names the
/// engine), the rows, and a summary line (the median of the programs' ms/kop, the largest
/// compile-time share).
pub fn jit_tables(results: &Results) -> Vec<(Vec<String>, Vec<Vec<String>>, String)> {
    let mut tables = Vec::new();
    for (e, info) in results.engines.iter().enumerate() {
        if !results.rows.iter().any(|r| r.cells.get(e).is_some_and(|c| c.jit.is_some())) {
            continue;
        }
        let header: Vec<String> = [
            info.name.as_str(),
            "baseline functions (ops)",
            "stubs",
            "baseline",
            "ms/kop",
            "optimized compiles",
            "optimizing",
            "share",
            "deopts",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut rows = Vec::new();
        let mut per_kop = Vec::new();
        let mut worst: Option<(f64, &str)> = None;
        for r in &results.rows {
            let Some(c) = r.cells.get(e) else { continue };
            let Some(j) = &c.jit else { continue };
            let share = c.valid_median().filter(|t| *t > 0.0).map(|t| j.compile_ms() / (t * 1000.0));
            if let Some(s) = share {
                if worst.is_none_or(|(w, _)| s > w) {
                    worst = Some((s, r.program.as_str()));
                }
            }
            per_kop.extend(j.median_ms_per_kop);
            let ms = |x: f64| format!("{x:.1} ms");
            rows.push(vec![
                r.program.clone(),
                format!("{} ({})", j.baseline_functions, j.baseline_ops),
                ms(j.stubs_ms),
                ms(j.baseline_ms),
                j.median_ms_per_kop.map_or("–".into(), |k| format!("{k:.1}")),
                j.optimized.to_string(),
                ms(j.optimized_ms),
                share.map_or("–".into(), |s| format!("{:.1}%", s * 100.0)),
                j.deopts.to_string(),
            ]);
        }
        let mut summary = match median(&per_kop) {
            Some(m) => format!("Median over the programs of ms/kop: {m:.1}."),
            None => "No function was compiled by the baseline tier.".to_string(),
        };
        if let Some((s, p)) = worst {
            let _ = write!(summary, " Largest compile-time share: {:.1}% ({p}).", s * 100.0);
        }
        tables.push((header, rows, summary));
    }
    tables
}

/// A Markdown table; with `numeric`, every column but the first is right-aligned.
fn md_table(header: &[String], rows: &[Vec<String>], numeric: bool) -> String {
    let mut out = String::new();
    let esc = |s: &str| s.replace('|', "\\|");
    let _ = writeln!(out, "| {} |", header.iter().map(|h| esc(h)).collect::<Vec<_>>().join(" | "));
    let _ =
        writeln!(out, "|{}", header.iter().enumerate().map(|(i, _)| if i == 0 || !numeric { "---|" } else { "---:|" }).collect::<String>());
    for r in rows {
        let _ = writeln!(out, "| {} |", r.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | "));
    }
    out
}

/// The Markdown report (`results/results.md`).
pub fn markdown(results: &Results, changes: Option<&[Change]>, chart_file: Option<&str>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# jolt benchmark results\n");
    let _ = writeln!(
        out,
        "Generated {} by `cargo run --release -p benches` ({} measured run(s) per cell after {} warm-up, engines interleaved, {} s cap per run). See `benches/README.md` for what each program exercises.\n",
        results.timestamp, results.runs, results.warmup, results.timeout_s
    );
    let m = &results.machine;
    let _ = writeln!(out, "## Machine\n");
    let _ = writeln!(out, "- CPU: {}\n- Logical cores: {}\n- Memory: {}\n- OS: {}\n", m.cpu, m.cores, m.memory, m.os);
    let _ = writeln!(out, "## Engines\n");
    let engines: Vec<Vec<String>> =
        results.engines.iter().map(|e| vec![format!("`{}`", e.id), e.name.clone(), e.version.clone(), format!("`{}`", e.path)]).collect();
    out.push_str(&md_table(&["id".into(), "engine".into(), "version".into(), "executable".into()], &engines, false));
    if !results.skipped.is_empty() {
        out.push_str("\nSkipped:\n\n");
        for (id, why) in &results.skipped {
            let _ = writeln!(out, "- `{id}`: {why}");
        }
    }
    let _ = writeln!(out, "\n## Times\n");
    let _ = writeln!(
        out,
        "Whole-process wall time, median of the runs; ±: half the min–max range relative to the median; ×: time relative to {} (lower is faster). The last row is the geometric mean of the ratios over the programs where both engines succeeded.\n",
        baseline_name(results)
    );
    let (header, rows) = table_rows(results);
    out.push_str(&md_table(&header, &rows, true));
    if let Some(file) = chart_file {
        let _ = writeln!(out, "\n![Time relative to QuickJS per program, log scale]({file})");
    }

    let _ = writeln!(out, "\n## Peak memory\n");
    let _ = writeln!(out, "Peak resident set size of the whole process (median over the runs; from `wait4`'s `ru_maxrss`).\n");
    let mem_rows: Vec<Vec<String>> = results
        .rows
        .iter()
        .map(|r| {
            let mut v = vec![r.program.clone()];
            v.extend(r.cells.iter().map(|c| c.median_rss_kb().map(format_mib).unwrap_or_else(|| "–".into())));
            v
        })
        .collect();
    out.push_str(&md_table(&header, &mem_rows, true));

    for (h, r, summary) in jit_tables(results) {
        let _ = writeln!(out, "\n## JIT compilation: {}\n", h[0]);
        let _ = writeln!(
            out,
            "From three more runs of each program with `--stats --trace-jit`, the one whose total compile time is the median. Compile times are CPU time of the compiling thread. ms/kop: compile time per 1,000 bytecode instructions, the median over the functions the baseline tier compiled. Share: all compile time (stubs, baseline, optimizing) over the program's median wall time; compiles run on a background thread, so this bounds what they cost the program.\n"
        );
        let mut header = h.clone();
        header[0] = "program".into();
        out.push_str(&md_table(&header, &r, true));
        let _ = writeln!(out, "\n{summary}");
    }

    if let Some((h, r)) = extras_rows(results) {
        let _ = writeln!(out, "\n## Start-up, parse+compile throughput, memory\n");
        let _ = writeln!(
            out,
            "Start-up: median wall time of running nothing (`-e ''`, or an empty file for engines without `-e`). Parse+compile: size of a generated source of functions and classes that are never called, over (time to load it − start-up). Engines that compile function bodies lazily (node) only pre-parse them, so their figure is an upper bound on real work. Peak RSS: `binary-trees`.\n"
        );
        out.push_str(&md_table(&h, &r, true));
    }

    let probs = problems(results);
    if !probs.is_empty() {
        let _ = writeln!(out, "\n## Problems\n");
        for p in probs {
            let _ = writeln!(out, "- {p}");
        }
    }
    if let Some(ch) = changes {
        let _ = writeln!(out, "\n## Comparison with the previous results\n");
        let _ = writeln!(out, "```text{}```", comparison_text(ch));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Change;
    use crate::model::tests::sample;

    #[test]
    fn number_formats() {
        assert_eq!(format_secs(0.0123), "12.3ms");
        assert_eq!(format_secs(0.5123), "0.512s");
        assert_eq!(format_secs(5.123), "5.12s");
        assert_eq!(format_secs(51.23), "51.2s");
        assert_eq!(format_ratio(1.0), "1.00×");
        assert_eq!(format_ratio(0.0712), "0.071×");
        assert_eq!(format_ratio(12.34), "12.3×");
        assert_eq!(format_mib(2048), "2.0 MiB");
    }

    #[test]
    fn table_alignment() {
        let t = render_table(&["p".into(), "engine".into()], &[vec!["richards".into(), "1.00×".into()], vec!["x".into(), "12.5×".into()]]);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "p         engine");
        assert_eq!(lines[1], "--------  ------");
        assert_eq!(lines[2], "richards   1.00×");
        assert_eq!(lines[3], "x          12.5×");
    }

    #[test]
    fn cells_and_reports() {
        let r = sample();
        assert_eq!(cell_text(&r, 0, 0), "2.00s ±5%");
        assert_eq!(cell_text(&r, 0, 1), "0.500s ±0% 0.25×");
        assert_eq!(cell_text(&r, 1, 1), "FAILED");
        let term = terminal(&r, None);
        assert!(term.contains("geomean ratio"));
        assert!(term.contains("b on node: failed: exit 1: boom"));
        assert!(term.contains("skipped boa: not found"));
        let changes = vec![Change {
            program: "a".into(),
            engine: "jolt".into(),
            old: 1.0,
            new: 2.0,
            ratio: 2.0,
            noise: 0.05,
            verdict: crate::compare::Verdict::Regression,
        }];
        let md = markdown(&r, Some(&changes), Some("chart.svg"));
        assert!(md.contains("| program | jolt | node | qjs |"));
        assert!(md.contains("- CPU: cpu"));
        assert!(md.contains("REGRESSION a on jolt"));
        assert!(md.contains("![Time relative to QuickJS"));
        assert!(md.contains("MB/s"));
        assert!(!md.contains("## JIT compilation"), "no cell has JIT statistics");
    }

    #[test]
    fn jit_statistics_make_a_table_per_engine() {
        let mut r = sample();
        r.rows[0].cells[0].jit = Some(crate::jit_stats::JitStats {
            stubs_ms: 2.0,
            baseline_functions: 3,
            baseline_ops: 120,
            baseline_ms: 1.0,
            median_ms_per_kop: Some(7.5),
            optimized: 2,
            optimized_ms: 17.0,
            deopts: 4,
        });
        let tables = jit_tables(&r);
        assert_eq!(tables.len(), 1);
        let (h, rows, summary) = &tables[0];
        assert_eq!(h[0], r.engines[0].name);
        // 20 ms of compiles over the 2 s median.
        assert_eq!(rows[0], vec!["a", "3 (120)", "2.0 ms", "1.0 ms", "7.5", "2", "17.0 ms", "1.0%", "4"]);
        assert!(summary.contains("ms/kop: 7.5") && summary.contains("1.0% (a)"), "{summary}");
        let md = markdown(&r, None, None);
        assert!(md.contains(&format!("## JIT compilation: {}", r.engines[0].name)));
        assert!(terminal(&r, None).contains(&format!("JIT, {}: Median over the programs of ms/kop: 7.5.", r.engines[0].name)));
    }
}
