//! The scope: which suite directories are included and which tests are
//! excluded (by feature, path or flag), each exclusion with a one-line
//! reason. Loaded from `scope.toml`:
//!
//! ```toml
//! include = ["test/language", "test/built-ins"]
//!
//! [[exclude]]
//! reason = "Proxy is not implemented"
//! features = ["Proxy"]
//! paths = ["test/built-ins/Proxy"]
//! flags = []
//! ```
//!
//! A test is excluded by the first `[[exclude]]` entry with a feature the
//! test lists, a path that is the test's path or one of its directories, or
//! a flag the test has.

use crate::metadata::Metadata;
use crate::toml_lite::{self, Table, Value};
use std::collections::BTreeSet;
use std::path::Path;

/// One `[[exclude]]` entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Exclusion {
    /// Why these tests are out of scope (one line).
    pub reason: String,
    /// test262 feature names.
    pub features: Vec<String>,
    /// Suite-relative paths (directories or files).
    pub paths: Vec<String>,
    /// test262 flags.
    pub flags: Vec<String>,
}

/// The parsed scope.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scope {
    /// Suite-relative directories whose tests are considered.
    pub include: Vec<String>,
    /// Exclusions, in file order.
    pub exclusions: Vec<Exclusion>,
}

/// Whether `path` is `prefix` or lies under the directory `prefix`.
pub fn path_under(path: &str, prefix: &str) -> bool {
    let prefix = prefix.trim_end_matches('/');
    path == prefix || (path.starts_with(prefix) && path.as_bytes().get(prefix.len()) == Some(&b'/'))
}

fn string_list(table: &Table, key: &str, ctx: &str) -> Result<Vec<String>, String> {
    match toml_lite::get(table, key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| match v {
                Value::Str(s) if !s.trim().is_empty() => Ok(s.trim().to_string()),
                _ => Err(format!("{ctx}: `{key}` must be a list of non-empty strings")),
            })
            .collect(),
        Some(_) => Err(format!("{ctx}: `{key}` must be a list of strings")),
    }
}

impl Scope {
    /// Reads and parses a scope file.
    pub fn load(path: &Path) -> Result<Scope, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Scope::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Parses scope text.
    pub fn parse(text: &str) -> Result<Scope, String> {
        let root = toml_lite::parse(text)?;
        for (key, _) in &root {
            if key != "include" && key != "exclude" {
                return Err(format!("unknown key `{key}`"));
            }
        }
        let include = string_list(&root, "include", "scope")?;
        if include.is_empty() {
            return Err("`include` must list at least one directory".into());
        }
        let tables: &[Table] = match toml_lite::get(&root, "exclude") {
            None => &[],
            Some(Value::Tables(ts)) => ts,
            Some(_) => return Err("`exclude` must be written as [[exclude]] tables".into()),
        };
        let mut exclusions = Vec::new();
        for (i, t) in tables.iter().enumerate() {
            let ctx = format!("[[exclude]] #{}", i + 1);
            for (key, _) in t {
                if !["reason", "features", "paths", "flags"].contains(&key.as_str()) {
                    return Err(format!("{ctx}: unknown key `{key}`"));
                }
            }
            let reason = match toml_lite::get(t, "reason") {
                Some(Value::Str(s)) if !s.trim().is_empty() && !s.contains('\n') => s.trim().to_string(),
                _ => return Err(format!("{ctx}: needs a one-line `reason`")),
            };
            let e = Exclusion {
                reason,
                features: string_list(t, "features", &ctx)?,
                paths: string_list(t, "paths", &ctx)?.into_iter().map(|p| p.trim_end_matches('/').to_string()).collect(),
                flags: string_list(t, "flags", &ctx)?,
            };
            if e.features.is_empty() && e.paths.is_empty() && e.flags.is_empty() {
                return Err(format!("{ctx}: excludes nothing (no features, paths or flags)"));
            }
            exclusions.push(e);
        }
        Ok(Scope { include, exclusions })
    }

    /// Whether `path` lies in an included directory.
    pub fn includes(&self, path: &str) -> bool {
        self.include.iter().any(|d| path_under(path, d))
    }

    /// The index of the first exclusion matching the test, if any.
    pub fn exclusion_for(&self, path: &str, meta: &Metadata) -> Option<usize> {
        self.exclusions.iter().position(|e| {
            e.paths.iter().any(|p| path_under(path, p))
                || e.features.iter().any(|f| meta.features.contains(f))
                || e.flags.iter().any(|f| meta.has_flag(f))
        })
    }

    /// The index of the first exclusion matching `path` by path alone (used
    /// for files whose metadata cannot be read).
    pub fn exclusion_for_path(&self, path: &str) -> Option<usize> {
        self.exclusions.iter().position(|e| e.paths.iter().any(|p| path_under(path, p)))
    }

    /// Sanity checks against a suite: features missing from its
    /// `features.txt` and paths that do not exist (likely typos). Returns
    /// warnings.
    pub fn lint(&self, suite: &Path) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Ok(text) = std::fs::read_to_string(suite.join("features.txt")) {
            let known: BTreeSet<&str> = text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()).collect();
            for e in &self.exclusions {
                for f in &e.features {
                    if !known.contains(f.as_str()) {
                        warnings.push(format!("scope.toml: feature `{f}` is not in the suite's features.txt"));
                    }
                }
            }
        }
        for p in self.include.iter().chain(self.exclusions.iter().flat_map(|e| e.paths.iter())) {
            if !suite.join(p).exists() {
                warnings.push(format!("scope.toml: path `{p}` does not exist in the suite"));
            }
        }
        warnings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCOPE: &str = r#"
include = ["test/language", "test/built-ins"]

[[exclude]]
reason = "modules"
flags = ["module"]
paths = ["test/language/module-code/"]
features = ["dynamic-import"]

[[exclude]]
reason = "Proxy"
features = ["Proxy"]
paths = ["test/built-ins/Proxy"]
"#;

    fn meta(flags: &[&str], features: &[&str]) -> Metadata {
        Metadata {
            flags: flags.iter().map(|s| s.to_string()).collect(),
            features: features.iter().map(|s| s.to_string()).collect(),
            ..Metadata::default()
        }
    }

    #[test]
    fn classification() {
        let s = Scope::parse(SCOPE).unwrap();
        let none = meta(&[], &[]);
        assert!(s.includes("test/language/a.js"));
        assert!(!s.includes("test/intl402/a.js"));
        assert!(!s.includes("test/languages/a.js"));
        assert_eq!(s.exclusion_for("test/language/a.js", &none), None);
        assert_eq!(s.exclusion_for("test/language/a.js", &meta(&["module"], &[])), Some(0));
        assert_eq!(s.exclusion_for("test/language/a.js", &meta(&[], &["class", "Proxy"])), Some(1));
        assert_eq!(s.exclusion_for("test/built-ins/Proxy/x.js", &none), Some(1));
        // Path prefixes respect directory boundaries.
        assert_eq!(s.exclusion_for("test/built-ins/ProxyFoo/x.js", &none), None);
        assert_eq!(s.exclusion_for("test/language/module-code/x.js", &none), Some(0));
        // The first matching exclusion wins.
        assert_eq!(s.exclusion_for("test/built-ins/Proxy/x.js", &meta(&["module"], &[])), Some(0));
        assert_eq!(s.exclusion_for_path("test/built-ins/Proxy/x.js"), Some(1));
        assert_eq!(s.exclusions[0].paths, vec!["test/language/module-code"]);
    }

    #[test]
    fn validation() {
        assert!(Scope::parse("include = []").is_err());
        assert!(Scope::parse("include = [\"t\"]\n[[exclude]]\nfeatures = [\"x\"]").unwrap_err().contains("reason"));
        assert!(Scope::parse("include = [\"t\"]\n[[exclude]]\nreason = \"r\"").unwrap_err().contains("excludes nothing"));
        assert!(Scope::parse("include = [\"t\"]\n[[exclude]]\nreason = \"r\"\nfeature = [\"x\"]").is_err());
        assert!(Scope::parse("include = [\"t\"]\nextra = 1").is_err());
        assert!(Scope::parse("include = [\"t\"]\n[[exclude]]\nreason = \"a\\nb\"\nflags = [\"raw\"]").is_err());
    }

    #[test]
    fn path_under_boundaries() {
        assert!(path_under("a/b/c.js", "a/b"));
        assert!(path_under("a/b/c.js", "a/b/"));
        assert!(path_under("a/b/c.js", "a/b/c.js"));
        assert!(!path_under("a/bc/d.js", "a/b"));
        assert!(!path_under("a", "a/b"));
    }
}
