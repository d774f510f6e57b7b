//! `--compare OLD.json`: flags changes between two sessions that exceed the measured noise.
//!
//! A cell counts as a regression only when both hold:
//! - its median grew by more than the noise allowance: the sum of the two sessions' relative
//!   spreads (half the min–max range over the median), and never less than [`MIN_NOISE`];
//! - the ranges do not overlap: the new fastest run is slower than the old slowest run.
//!
//! Improvements are the mirror image. Everything else is reported as within noise.

use crate::json::Json;
use crate::model::Results;
use crate::stats::Summary;

/// The smallest relative change ever flagged (single-run sessions have zero spread).
pub const MIN_NOISE: f64 = 0.03;

/// The verdict on one cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Slower beyond the noise.
    Regression,
    /// Faster beyond the noise.
    Improvement,
    /// Within the noise.
    Noise,
}

/// One compared cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Program name.
    pub program: String,
    /// Engine id.
    pub engine: String,
    /// Old median, seconds.
    pub old: f64,
    /// New median, seconds.
    pub new: f64,
    /// new / old.
    pub ratio: f64,
    /// The noise allowance used.
    pub noise: f64,
    /// The verdict.
    pub verdict: Verdict,
}

/// Classifies the change from `old` to `new`; returns the verdict and the noise allowance.
pub fn classify(old: &Summary, new: &Summary) -> (Verdict, f64) {
    let noise = (old.spread() + new.spread()).max(MIN_NOISE);
    let ratio = new.median / old.median;
    let verdict = if ratio > 1.0 + noise && new.min > old.max {
        Verdict::Regression
    } else if ratio < 1.0 / (1.0 + noise) && new.max < old.min {
        Verdict::Improvement
    } else {
        Verdict::Noise
    };
    (verdict, noise)
}

/// The summaries recorded in an old results file, keyed by (program, engine id).
pub fn load_old(json: &Json) -> Result<Vec<(String, String, Summary)>, String> {
    let programs = json.get("programs").and_then(Json::as_array).ok_or("no \"programs\" array: not a benches results file")?;
    let mut out = Vec::new();
    for p in programs {
        let name = p.get("name").and_then(Json::as_str).ok_or("a program without a name")?;
        let Some(results) = p.get("results").and_then(Json::as_object) else { continue };
        for (engine, cell) in results {
            if cell.get("status").and_then(Json::as_str) != Some("ok") {
                continue;
            }
            let times: Vec<f64> = cell.get("times").and_then(Json::as_array).unwrap_or(&[]).iter().filter_map(Json::as_f64).collect();
            if let Some(s) = Summary::of(&times) {
                out.push((name.to_string(), engine.clone(), s));
            }
        }
    }
    Ok(out)
}

/// Compares every cell valid in both sessions.
pub fn compare(old: &[(String, String, Summary)], new: &Results) -> Vec<Change> {
    let mut changes = Vec::new();
    for row in &new.rows {
        for (i, cell) in row.cells.iter().enumerate() {
            let engine = &new.engines[i].id;
            let Some(n) = cell.valid_median().and_then(|_| cell.summary()) else { continue };
            let Some((_, _, o)) = old.iter().find(|(p, e, _)| *p == row.program && e == engine) else { continue };
            let (verdict, noise) = classify(o, &n);
            changes.push(Change {
                program: row.program.clone(),
                engine: engine.clone(),
                old: o.median,
                new: n.median,
                ratio: n.median / o.median,
                noise,
                verdict,
            });
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::sample;

    fn s(xs: &[f64]) -> Summary {
        Summary::of(xs).unwrap()
    }

    #[test]
    fn clear_regression_and_improvement() {
        assert_eq!(classify(&s(&[1.0, 1.01, 0.99]), &s(&[1.5, 1.51, 1.49])).0, Verdict::Regression);
        assert_eq!(classify(&s(&[1.5, 1.51, 1.49]), &s(&[1.0, 1.01, 0.99])).0, Verdict::Improvement);
    }

    #[test]
    fn noisy_or_overlapping_changes_are_not_flagged() {
        // 10% slower but the old runs spread over ±20%.
        assert_eq!(classify(&s(&[0.8, 1.0, 1.2]), &s(&[1.1, 1.1, 1.1])).0, Verdict::Noise);
        // Below the minimum allowance.
        assert_eq!(classify(&s(&[1.0]), &s(&[1.02])).0, Verdict::Noise);
        // Above the allowance by medians, but the ranges overlap.
        assert_eq!(classify(&s(&[1.0, 1.0, 1.3]), &s(&[1.25, 1.2, 1.2])).0, Verdict::Noise);
        let (_, noise) = classify(&s(&[1.0]), &s(&[1.0]));
        assert_eq!(noise, MIN_NOISE);
    }

    #[test]
    fn compares_against_a_results_file() {
        let new = sample();
        let mut old_json = new.to_json();
        // Make every old time half as long: every valid cell is now a clear regression.
        if let Json::Obj(top) = &mut old_json {
            for (k, v) in top.iter_mut() {
                if k == "programs" {
                    halve_times(v);
                }
            }
        }
        let old = load_old(&Json::parse(&old_json.pretty()).unwrap()).unwrap();
        let changes = compare(&old, &new);
        assert_eq!(changes.len(), 5); // 6 cells, one failed
        assert!(changes.iter().all(|c| c.verdict == Verdict::Regression && (c.ratio - 2.0).abs() < 1e-9));
        assert!(load_old(&Json::Null).is_err());
    }

    fn halve_times(v: &mut Json) {
        match v {
            Json::Obj(pairs) => {
                for (k, x) in pairs.iter_mut() {
                    if k == "times" {
                        if let Json::Arr(ts) = x {
                            for t in ts.iter_mut() {
                                if let Json::Num(n) = t {
                                    *n /= 2.0;
                                }
                            }
                        }
                    } else {
                        halve_times(x);
                    }
                }
            }
            Json::Arr(xs) => xs.iter_mut().for_each(halve_times),
            _ => {}
        }
    }
}
