//! The committed baseline and the gate.
//!
//! * `baseline/passing.txt`: the interpreter's passing test runs, one
//!   `path mode` per line, sorted.
//! * `baseline/tier-gaps.txt`: baseline-passing runs a JIT tier may fail,
//!   one `tier path mode reason...` per line (the reason is required).
//!
//! `--check` fails when a selected baseline-passing run fails (or is no longer
//! run at all: the scope may not shrink to hide a failure), except for a tier
//! gap of the tier being checked.

use crate::testid::{Mode, TestId};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// The passing-list file name within the baseline directory.
pub const PASSING_FILE: &str = "passing.txt";
/// The tier-gaps file name within the baseline directory.
pub const TIER_GAPS_FILE: &str = "tier-gaps.txt";

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())).filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

/// Parses a passing list.
pub fn parse_passing(text: &str) -> Result<BTreeSet<TestId>, String> {
    data_lines(text).map(|(n, l)| TestId::parse_line(l).ok_or_else(|| format!("line {n}: expected `path mode`, got {l:?}"))).collect()
}

/// Loads a passing list (a missing file is an empty baseline).
pub fn load_passing(path: &Path) -> Result<BTreeSet<TestId>, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse_passing(&text).map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeSet::new()),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

/// Formats a passing list: sorted, one `path mode` per line.
pub fn format_passing(set: &BTreeSet<TestId>) -> String {
    let mut out = String::with_capacity(set.len() * 64);
    for id in set {
        out.push_str(&id.to_string());
        out.push('\n');
    }
    out
}

/// Writes a passing list.
pub fn save_passing(path: &Path, set: &BTreeSet<TestId>) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(path, format_passing(set)).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// A baseline-passing run that a tier is allowed to fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierGap {
    /// The tier (`baseline` or `full`).
    pub tier: String,
    /// The run.
    pub id: TestId,
    /// Why the tier fails it.
    pub reason: String,
}

/// Parses a tier-gaps file.
pub fn parse_tier_gaps(text: &str) -> Result<Vec<TierGap>, String> {
    data_lines(text)
        .map(|(n, l)| {
            let bad = || format!("line {n}: expected `tier path mode reason`, got {l:?}");
            let mut parts = l.splitn(4, char::is_whitespace).filter(|p| !p.is_empty());
            let (tier, path, mode) = (parts.next().ok_or_else(bad)?, parts.next().ok_or_else(bad)?, parts.next());
            let mode = mode.and_then(Mode::parse).ok_or_else(bad)?;
            let reason = parts.next().map(str::trim).unwrap_or("");
            if !["baseline", "full"].contains(&tier) {
                return Err(format!("line {n}: unknown tier `{tier}` (expected baseline or full)"));
            }
            if reason.is_empty() {
                return Err(format!("line {n}: a tier gap needs a reason"));
            }
            Ok(TierGap { tier: tier.to_string(), id: TestId::new(path, mode), reason: reason.to_string() })
        })
        .collect()
}

/// Loads a tier-gaps file (a missing file has no gaps).
pub fn load_tier_gaps(path: &Path) -> Result<Vec<TierGap>, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse_tier_gaps(&text).map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

/// The comparison of a run with the baseline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Baseline-passing runs that failed (gate failures).
    pub regressions: Vec<TestId>,
    /// Selected baseline-passing runs that were not run: out of scope now,
    /// or gone (gate failures).
    pub missing: Vec<TestId>,
    /// Baseline-passing runs that failed but are tier gaps, with the reason.
    pub waived: Vec<(TestId, String)>,
    /// Passing runs that are not in the baseline.
    pub new_passes: Vec<TestId>,
    /// Tier gaps that passed (their entries can be removed).
    pub stale_gaps: Vec<TestId>,
}

impl Comparison {
    /// Whether the gate passes.
    pub fn is_ok(&self) -> bool {
        self.regressions.is_empty() && self.missing.is_empty()
    }
}

/// Compares `results` (run → passed) with `baseline`. `selected` tells
/// whether a path belongs to this run's selection; `gaps` are the tier gaps
/// of the tier that produced `results` (empty for the interpreter).
pub fn compare(
    baseline: &BTreeSet<TestId>,
    results: &BTreeMap<TestId, bool>,
    selected: impl Fn(&str) -> bool,
    gaps: &[TierGap],
) -> Comparison {
    let gaps: HashMap<&TestId, &str> = gaps.iter().map(|g| (&g.id, g.reason.as_str())).collect();
    let mut c = Comparison::default();
    for id in baseline {
        match results.get(id) {
            Some(true) => {}
            Some(false) => match gaps.get(id) {
                Some(reason) => c.waived.push((id.clone(), reason.to_string())),
                None => c.regressions.push(id.clone()),
            },
            None if selected(&id.path) => c.missing.push(id.clone()),
            None => {}
        }
    }
    for (id, &passed) in results {
        if passed && !baseline.contains(id) {
            c.new_passes.push(id.clone());
        }
        if passed && gaps.contains_key(id) {
            c.stale_gaps.push(id.clone());
        }
    }
    c
}

/// The baseline after a run: the runs that passed, plus the old entries the
/// run did not cover (`kept` says which old entries to keep: those outside
/// the selection that are still in scope).
pub fn updated(baseline: &BTreeSet<TestId>, results: &BTreeMap<TestId, bool>, kept: impl Fn(&TestId) -> bool) -> BTreeSet<TestId> {
    baseline
        .iter()
        .filter(|id| !results.contains_key(*id) && kept(id))
        .cloned()
        .chain(results.iter().filter(|(_, &p)| p).map(|(id, _)| id.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> TestId {
        TestId::parse_line(s).unwrap()
    }

    fn set(v: &[&str]) -> BTreeSet<TestId> {
        v.iter().map(|s| id(s)).collect()
    }

    fn results(v: &[(&str, bool)]) -> BTreeMap<TestId, bool> {
        v.iter().map(|(s, p)| (id(s), *p)).collect()
    }

    #[test]
    fn passing_list_round_trip_is_sorted() {
        let s = set(&["b.js strict", "a.js strict", "a.js sloppy"]);
        let text = format_passing(&s);
        assert_eq!(text, "a.js sloppy\na.js strict\nb.js strict\n");
        assert_eq!(parse_passing(&text).unwrap(), s);
        assert_eq!(parse_passing("# comment\n\na.js sloppy\n").unwrap().len(), 1);
        assert!(parse_passing("a.js\n").unwrap_err().starts_with("line 1"));
    }

    #[test]
    fn tier_gaps_need_reasons() {
        let gaps = parse_tier_gaps("# header\nfull test/a.js strict  deopt loop not bounded (#12)\n").unwrap();
        assert_eq!(gaps.len(), 1);
        assert_eq!(gaps[0].tier, "full");
        assert_eq!(gaps[0].id, id("test/a.js strict"));
        assert_eq!(gaps[0].reason, "deopt loop not bounded (#12)");
        assert!(parse_tier_gaps("full test/a.js strict\n").unwrap_err().contains("reason"));
        assert!(parse_tier_gaps("turbo test/a.js strict why\n").is_err());
        assert!(parse_tier_gaps("full test/a.js\n").is_err());
    }

    #[test]
    fn regressions_new_passes_and_missing() {
        let base = set(&["a.js sloppy", "a.js strict", "b.js sloppy", "gone.js sloppy", "other/x.js sloppy"]);
        let res = results(&[("a.js sloppy", true), ("a.js strict", false), ("b.js sloppy", true), ("c.js sloppy", true)]);
        let c = compare(&base, &res, |p| !p.starts_with("other/"), &[]);
        assert_eq!(c.regressions, vec![id("a.js strict")]);
        assert_eq!(c.missing, vec![id("gone.js sloppy")]);
        assert_eq!(c.new_passes, vec![id("c.js sloppy")]);
        assert!(!c.is_ok());
        let ok = compare(&set(&["a.js sloppy"]), &res, |_| true, &[]);
        assert!(ok.is_ok());
    }

    #[test]
    fn tier_gaps_waive_regressions() {
        let base = set(&["a.js sloppy", "b.js sloppy"]);
        let res = results(&[("a.js sloppy", false), ("b.js sloppy", true)]);
        let gaps = parse_tier_gaps("full a.js sloppy why\nfull b.js sloppy fixed now\n").unwrap();
        let c = compare(&base, &res, |_| true, &gaps);
        assert!(c.is_ok());
        assert_eq!(c.waived, vec![(id("a.js sloppy"), "why".to_string())]);
        assert_eq!(c.stale_gaps, vec![id("b.js sloppy")]);
    }

    #[test]
    fn update_keeps_unrun_entries_in_scope() {
        let base = set(&["a.js sloppy", "b.js sloppy", "out-of-scope.js sloppy"]);
        let res = results(&[("a.js sloppy", false), ("c.js sloppy", true)]);
        let new = updated(&base, &res, |id| id.path != "out-of-scope.js");
        assert_eq!(new, set(&["b.js sloppy", "c.js sloppy"]));
    }
}
