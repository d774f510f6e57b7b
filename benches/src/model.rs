//! The results of a benchmark session, and their JSON form (`results/latest.json`).

use crate::jit_stats::JitStats;
use crate::json::Json;
use crate::stats::{geometric_mean, Summary};

/// The outcome of one program under one engine.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Every run exited 0 and printed the agreed output.
    Ok,
    /// A run failed (non-zero exit or signal); the message is for the report.
    Failed(String),
    /// A run hit the time cap.
    TimedOut,
    /// The runs succeeded but printed something other than the other engines.
    Mismatch {
        /// This engine's output.
        got: String,
        /// The output most engines agreed on.
        expected: String,
    },
    /// The engine was not run on this program.
    NotRun,
}

/// One (program, engine) cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Outcome.
    pub status: Status,
    /// Wall times of the measured runs, seconds (warm-up excluded).
    pub times: Vec<f64>,
    /// Peak RSS of each measured run, KiB.
    pub rss_kb: Vec<u64>,
    /// Standard output of the first run.
    pub stdout: String,
    /// For a jolt JIT tier: what its compilers did, from one more (unmeasured) run.
    pub jit: Option<JitStats>,
}

impl Cell {
    /// A cell for an engine that was not run.
    pub fn not_run() -> Cell {
        Cell { status: Status::NotRun, times: vec![], rss_kb: vec![], stdout: String::new(), jit: None }
    }

    /// Timing summary, for cells whose runs completed (including output mismatches).
    pub fn summary(&self) -> Option<Summary> {
        match self.status {
            Status::Ok | Status::Mismatch { .. } => Summary::of(&self.times),
            _ => None,
        }
    }

    /// The median time, only when the cell is fully valid (ran and printed the agreed output).
    pub fn valid_median(&self) -> Option<f64> {
        if self.status == Status::Ok {
            self.summary().map(|s| s.median)
        } else {
            None
        }
    }

    /// Median peak RSS in KiB.
    pub fn median_rss_kb(&self) -> Option<u64> {
        if self.rss_kb.is_empty() {
            return None;
        }
        let mut v = self.rss_kb.clone();
        v.sort_unstable();
        Some(v[v.len() / 2])
    }
}

/// One program's row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Program name (file stem).
    pub program: String,
    /// One cell per engine, in [`Results::engines`] order.
    pub cells: Vec<Cell>,
}

/// An engine as recorded in the results.
#[derive(Clone, Debug, PartialEq)]
pub struct EngineInfo {
    /// Short id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Version text.
    pub version: String,
    /// Path of the executable.
    pub path: String,
}

/// The extra measurements beyond the program table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extras {
    /// Start-up time per engine (seconds), same order as the engines.
    pub startup: Vec<Option<Summary>>,
    /// Size of the generated parse/compile source, bytes (0 when not measured).
    pub parse_bytes: usize,
    /// Time per engine to load the generated source (seconds, median, start-up included).
    pub parse_time: Vec<Option<f64>>,
    /// Peak RSS per engine running `binary-trees`, KiB.
    pub tree_rss_kb: Vec<Option<u64>>,
    /// Problems met while measuring the extras, for the report.
    pub notes: Vec<String>,
}

impl Extras {
    /// Parse+compile throughput of engine `i` in MB/s: source size over (load time minus
    /// start-up time). `None` when not measured or when the difference is not positive.
    pub fn parse_mb_per_s(&self, i: usize) -> Option<f64> {
        let t = self.parse_time.get(i).copied().flatten()?;
        let s = self.startup.get(i).cloned().flatten().map(|s| s.median).unwrap_or(0.0);
        let dt = t - s;
        if self.parse_bytes == 0 || dt <= 0.0 {
            None
        } else {
            Some(self.parse_bytes as f64 / 1e6 / dt)
        }
    }
}

/// Facts about the machine, for the report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Machine {
    /// CPU model name.
    pub cpu: String,
    /// Logical CPUs.
    pub cores: usize,
    /// Operating system and kernel.
    pub os: String,
    /// Total memory, e.g. "7.8 GiB".
    pub memory: String,
}

/// A whole session's results.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// When the session ran (UTC, ISO 8601).
    pub timestamp: String,
    /// The machine.
    pub machine: Machine,
    /// Measured runs per cell.
    pub runs: usize,
    /// Warm-up runs per cell.
    pub warmup: usize,
    /// Time cap per run, seconds.
    pub timeout_s: f64,
    /// Engines, in column order.
    pub engines: Vec<EngineInfo>,
    /// Engines that were skipped, with the reason.
    pub skipped: Vec<(String, String)>,
    /// Index of the engine ratios are taken against (jolt --jit=off when present).
    pub baseline: usize,
    /// One row per program.
    pub rows: Vec<Row>,
    /// Extra measurements.
    pub extras: Extras,
}

impl Results {
    /// Index of the engine with this id.
    pub fn engine_index(&self, id: &str) -> Option<usize> {
        self.engines.iter().position(|e| e.id == id)
    }

    /// Engine `e`'s time on `row` relative to engine `reference` (valid cells only).
    pub fn ratio(&self, row: &Row, e: usize, reference: usize) -> Option<f64> {
        let t = row.cells.get(e)?.valid_median()?;
        let r = row.cells.get(reference)?.valid_median()?;
        if r > 0.0 {
            Some(t / r)
        } else {
            None
        }
    }

    /// Geometric mean over programs of engine `e`'s ratio against `reference`, with the number
    /// of programs it covers (programs where either cell is invalid are left out).
    pub fn geomean_ratio(&self, e: usize, reference: usize) -> Option<(f64, usize)> {
        let ratios: Vec<f64> = self.rows.iter().filter_map(|r| self.ratio(r, e, reference)).collect();
        geometric_mean(&ratios).map(|g| (g, ratios.len()))
    }

    /// Serialises to the `latest.json` form.
    pub fn to_json(&self) -> Json {
        let engines = Json::Arr(
            self.engines
                .iter()
                .map(|e| {
                    Json::obj([
                        ("id", Json::str(&e.id)),
                        ("name", Json::str(&e.name)),
                        ("version", Json::str(&e.version)),
                        ("path", Json::str(&e.path)),
                    ])
                })
                .collect(),
        );
        let skipped =
            Json::Arr(self.skipped.iter().map(|(id, why)| Json::obj([("id", Json::str(id)), ("reason", Json::str(why))])).collect());
        let programs = Json::Arr(
            self.rows
                .iter()
                .map(|row| {
                    let results = row
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(i, c)| (self.engines[i].id.clone(), self.cell_json(row, i, c)))
                        .collect::<Vec<_>>();
                    Json::obj([("name", Json::str(&row.program)), ("results", Json::Obj(results))])
                })
                .collect(),
        );
        let geomean = Json::Obj(
            (0..self.engines.len())
                .map(|e| (self.engines[e].id.clone(), Json::num_opt(self.geomean_ratio(e, self.baseline).map(|g| g.0))))
                .collect(),
        );
        let per_engine =
            |f: &dyn Fn(usize) -> Json| Json::Obj((0..self.engines.len()).map(|e| (self.engines[e].id.clone(), f(e))).collect());
        let extras = Json::obj([
            ("startup_s", per_engine(&|e| Json::num_opt(self.extras.startup.get(e).cloned().flatten().map(|s| s.median)))),
            ("parse_source_bytes", Json::Num(self.extras.parse_bytes as f64)),
            ("parse_load_s", per_engine(&|e| Json::num_opt(self.extras.parse_time.get(e).copied().flatten()))),
            ("parse_mb_per_s", per_engine(&|e| Json::num_opt(self.extras.parse_mb_per_s(e)))),
            (
                "binary_trees_peak_rss_kb",
                per_engine(&|e| Json::num_opt(self.extras.tree_rss_kb.get(e).copied().flatten().map(|k| k as f64))),
            ),
        ]);
        Json::obj([
            ("schema", Json::Num(1.0)),
            ("timestamp", Json::str(&self.timestamp)),
            (
                "machine",
                Json::obj([
                    ("cpu", Json::str(&self.machine.cpu)),
                    ("cores", Json::Num(self.machine.cores as f64)),
                    ("os", Json::str(&self.machine.os)),
                    ("memory", Json::str(&self.machine.memory)),
                ]),
            ),
            (
                "settings",
                Json::obj([
                    ("runs", Json::Num(self.runs as f64)),
                    ("warmup", Json::Num(self.warmup as f64)),
                    ("timeout_s", Json::Num(self.timeout_s)),
                ]),
            ),
            ("baseline", Json::str(self.engines.get(self.baseline).map(|e| e.id.as_str()).unwrap_or(""))),
            ("engines", engines),
            ("skipped", skipped),
            ("programs", programs),
            ("geomean_ratio", geomean),
            ("extras", extras),
        ])
    }

    fn cell_json(&self, row: &Row, e: usize, c: &Cell) -> Json {
        let (status, message) = match &c.status {
            Status::Ok => ("ok", None),
            Status::Failed(m) => ("failed", Some(m.clone())),
            Status::TimedOut => ("timeout", None),
            Status::Mismatch { got, .. } => ("mismatch", Some(got.clone())),
            Status::NotRun => ("not-run", None),
        };
        let mut pairs = vec![("status".to_string(), Json::str(status))];
        if let Some(m) = message {
            pairs.push(("message".to_string(), Json::str(m)));
        }
        pairs.push(("times".to_string(), Json::Arr(c.times.iter().map(|&t| Json::Num(round6(t))).collect())));
        if let Some(s) = c.summary() {
            pairs.push(("median".to_string(), Json::Num(round6(s.median))));
            pairs.push(("min".to_string(), Json::Num(round6(s.min))));
            pairs.push(("max".to_string(), Json::Num(round6(s.max))));
            pairs.push(("mad".to_string(), Json::Num(round6(s.mad))));
        }
        pairs.push(("ratio".to_string(), Json::num_opt(self.ratio(row, e, self.baseline))));
        pairs.push(("peak_rss_kb".to_string(), Json::num_opt(c.median_rss_kb().map(|k| k as f64))));
        if let Some(j) = &c.jit {
            pairs.push((
                "jit".to_string(),
                Json::obj([
                    ("stubs_ms", Json::Num(round6(j.stubs_ms))),
                    ("baseline_functions", Json::Num(j.baseline_functions as f64)),
                    ("baseline_ops", Json::Num(j.baseline_ops as f64)),
                    ("baseline_ms", Json::Num(round6(j.baseline_ms))),
                    ("median_ms_per_kop", Json::num_opt(j.median_ms_per_kop.map(round6))),
                    ("optimized", Json::Num(j.optimized as f64)),
                    ("optimized_ms", Json::Num(round6(j.optimized_ms))),
                    ("deopts", Json::Num(j.deopts as f64)),
                ]),
            ));
        }
        Json::Obj(pairs)
    }
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Picks the output most engines agree on; ties go to the earliest engine that is not
/// jolt (`is_jolt` tells which are), since jolt is the engine under test.
pub fn agreed_output<'a>(outputs: &[(&'a str, bool)]) -> Option<&'a str> {
    let mut best: Option<(&str, usize, bool)> = None;
    for &(out, _) in outputs {
        let votes = outputs.iter().filter(|(o, _)| *o == out).count();
        let has_peer = outputs.iter().any(|(o, j)| *o == out && !*j);
        let better = match best {
            None => true,
            Some((_, v, p)) => votes > v || (votes == v && has_peer && !p),
        };
        if better {
            best = Some((out, votes, has_peer));
        }
    }
    best.map(|b| b.0)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn cell(times: &[f64]) -> Cell {
        Cell { status: Status::Ok, times: times.to_vec(), rss_kb: vec![1000, 3000, 2000], stdout: "x\n".into(), jit: None }
    }

    pub(crate) fn sample() -> Results {
        let engines = ["jolt", "node", "qjs"]
            .iter()
            .map(|id| EngineInfo { id: id.to_string(), name: id.to_string(), version: "1".into(), path: "/bin/x".into() })
            .collect();
        Results {
            timestamp: "2024-01-01T00:00:00Z".into(),
            machine: Machine { cpu: "cpu".into(), cores: 2, os: "linux".into(), memory: "1 GiB".into() },
            runs: 3,
            warmup: 1,
            timeout_s: 60.0,
            engines,
            skipped: vec![("boa".into(), "not found".into())],
            baseline: 0,
            rows: vec![
                Row { program: "a".into(), cells: vec![cell(&[2.0, 2.1, 1.9]), cell(&[0.5, 0.5, 0.5]), cell(&[1.0, 1.0, 1.0])] },
                Row {
                    program: "b".into(),
                    cells: vec![
                        cell(&[1.0, 1.0, 1.0]),
                        Cell { status: Status::Failed("exit 1: boom".into()), ..Cell::not_run() },
                        cell(&[2.0, 2.0, 2.0]),
                    ],
                },
            ],
            extras: Extras {
                startup: vec![Summary::of(&[0.01]), Summary::of(&[0.04]), None],
                parse_bytes: 2_000_000,
                parse_time: vec![Some(1.01), Some(0.54), None],
                tree_rss_kb: vec![Some(20000), None, None],
                notes: vec!["qjs: parse source failed".into()],
            },
        }
    }

    #[test]
    fn ratios_and_geomean() {
        let r = sample();
        assert_eq!(r.ratio(&r.rows[0], 1, 0), Some(0.25));
        assert_eq!(r.ratio(&r.rows[1], 1, 0), None);
        let (g, n) = r.geomean_ratio(2, 0).unwrap();
        assert_eq!(n, 2);
        assert!((g - 1.0).abs() < 1e-12); // 0.5 and 2.0
        assert_eq!(r.geomean_ratio(1, 0).unwrap().1, 1);
    }

    #[test]
    fn parse_throughput() {
        let r = sample();
        assert!((r.extras.parse_mb_per_s(0).unwrap() - 2.0).abs() < 1e-9);
        assert!((r.extras.parse_mb_per_s(1).unwrap() - 4.0).abs() < 1e-9);
        assert_eq!(r.extras.parse_mb_per_s(2), None);
    }

    #[test]
    fn json_has_the_cells() {
        let r = sample();
        let j = Json::parse(&r.to_json().pretty()).unwrap();
        let progs = j.get("programs").and_then(Json::as_array).unwrap();
        assert_eq!(progs.len(), 2);
        let a = progs[0].get("results").and_then(|x| x.get("node")).unwrap();
        assert_eq!(a.get("median").and_then(Json::as_f64), Some(0.5));
        assert_eq!(a.get("ratio").and_then(Json::as_f64), Some(0.25));
        assert_eq!(a.get("peak_rss_kb").and_then(Json::as_f64), Some(2000.0));
        let b = progs[1].get("results").and_then(|x| x.get("node")).unwrap();
        assert_eq!(b.get("status").and_then(Json::as_str), Some("failed"));
    }

    #[test]
    fn output_agreement() {
        assert_eq!(agreed_output(&[("a", true), ("b", false), ("b", false)]), Some("b"));
        // A tie goes to a peer's output rather than jolt's.
        assert_eq!(agreed_output(&[("a", true), ("b", false)]), Some("b"));
        assert_eq!(agreed_output(&[("a", true)]), Some("a"));
        assert_eq!(agreed_output(&[]), None);
    }
}
