//! The suite on disk: checking its revision, finding its test files and
//! reading their metadata into an [`Inventory`] of test runs, each in or out
//! of scope.

use crate::metadata::Metadata;
use crate::scope::Scope;
use crate::testid::{Mode, TestId};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The revision of the suite at `suite`: its `REVISION` file, else
/// `git rev-parse HEAD` for a git checkout.
pub fn suite_revision(suite: &Path) -> Result<String, String> {
    if let Ok(text) = std::fs::read_to_string(suite.join("REVISION")) {
        return Ok(text.trim().to_string());
    }
    let out = Command::new("git")
        .arg("-C")
        .arg(suite)
        .args(["rev-parse", "HEAD"])
        .output()
        .map_err(|e| format!("{}: no REVISION file and cannot run git: {e}", suite.display()))?;
    if !out.status.success() {
        return Err(format!("{}: no REVISION file and not a git checkout", suite.display()));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Checks that the suite is at revision `expected`.
pub fn check_revision(suite: &Path, expected: &str) -> Result<(), String> {
    let found = suite_revision(suite)?;
    if found != expected.trim() {
        return Err(format!(
            "test262 at {} is at revision {found}, but this runner is pinned to {} (test262-subset/REVISION)",
            suite.display(),
            expected.trim()
        ));
    }
    Ok(())
}

/// Whether a file is a test: a `.js` file that is not a module `_FIXTURE`.
pub fn is_test_file(name: &str) -> bool {
    name.ends_with(".js") && !name.contains("_FIXTURE")
}

/// The test files under the `include` directories of `suite`, as sorted,
/// `/`-separated, suite-relative paths.
pub fn list_test_files(suite: &Path, include: &[String]) -> Result<Vec<String>, String> {
    fn walk(dir: &Path, rel: &str, out: &mut Vec<String>) -> Result<(), String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = format!("{rel}/{name}");
            let ty = entry.file_type().map_err(|e| format!("{rel}: {e}"))?;
            if ty.is_dir() {
                walk(&entry.path(), &rel, out)?;
            } else if is_test_file(&name) {
                out.push(rel);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    for dir in include {
        let dir = dir.trim_end_matches('/');
        let path = suite.join(dir);
        if path.is_file() {
            out.push(dir.to_string());
        } else {
            walk(&path, dir, &mut out)?;
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// One test run in the inventory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The run.
    pub id: TestId,
    /// Index of the scope exclusion that removes it, if any.
    pub excluded_by: Option<usize>,
    /// Set when the file's metadata could not be read (such a test cannot
    /// be run and counts as a failure if in scope).
    pub meta_error: Option<String>,
}

/// Every test run of the included directories, in path then mode order.
#[derive(Debug, Clone, Default)]
pub struct Inventory {
    /// Number of test files.
    pub files: usize,
    /// All runs, in scope or not.
    pub entries: Vec<Entry>,
    /// Time taken to enumerate the files and parse their metadata.
    pub elapsed: Duration,
}

impl Inventory {
    /// The runs in scope.
    pub fn in_scope(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.excluded_by.is_none())
    }
}

fn entries_for(suite: &Path, scope: &Scope, path: &str) -> Vec<Entry> {
    let meta =
        std::fs::read_to_string(suite.join(path)).map_err(|e| format!("cannot read: {e}")).and_then(|src| Metadata::from_source(&src));
    match meta {
        Ok(meta) => {
            let excluded_by = scope.exclusion_for(path, &meta);
            meta.modes().into_iter().map(|mode| Entry { id: TestId::new(path, mode), excluded_by, meta_error: None }).collect()
        }
        Err(e) => vec![Entry { id: TestId::new(path, Mode::Sloppy), excluded_by: scope.exclusion_for_path(path), meta_error: Some(e) }],
    }
}

/// Enumerates the suite and classifies every run against `scope`, reading
/// files on `threads` threads.
pub fn take_inventory(suite: &Path, scope: &Scope, threads: usize) -> Result<Inventory, String> {
    let start = Instant::now();
    let paths = list_test_files(suite, &scope.include)?;
    let threads = threads.clamp(1, 64);
    let chunk = paths.len().div_ceil(threads).max(1);
    let entries: Vec<Entry> = std::thread::scope(|s| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().flat_map(|p| entries_for(suite, scope, p)).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("inventory thread panicked")).collect()
    });
    Ok(Inventory { files: paths.len(), entries, elapsed: start.elapsed() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_suite(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("t262-suite-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in [
            ("REVISION", "abc123\n"),
            ("test/language/a.js", "/*---\ndescription: a\n---*/\n"),
            ("test/language/b.js", "/*---\nflags: [onlyStrict]\n---*/\n"),
            ("test/language/sub/c.js", "/*---\nfeatures: [Proxy]\n---*/\n"),
            ("test/language/sub/dep_FIXTURE.js", "export var x;"),
            ("test/language/sub/data.json", "{}"),
            ("test/language/bad.js", "no front matter"),
            ("test/intl402/d.js", "/*---\ndescription: d\n---*/\n"),
        ] {
            let p = dir.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    #[test]
    fn revision_check() {
        let dir = temp_suite("rev");
        assert_eq!(suite_revision(&dir).unwrap(), "abc123");
        assert!(check_revision(&dir, "abc123\n").is_ok());
        assert!(check_revision(&dir, "def456").unwrap_err().contains("abc123"));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn inventory_expands_and_classifies() {
        let dir = temp_suite("inv");
        let scope = Scope::parse("include = [\"test/language\"]\n[[exclude]]\nreason = \"no Proxy\"\nfeatures = [\"Proxy\"]").unwrap();
        let inv = take_inventory(&dir, &scope, 3).unwrap();
        assert_eq!(inv.files, 4);
        let ids: Vec<String> = inv.entries.iter().map(|e| e.id.to_string()).collect();
        assert_eq!(
            ids,
            vec![
                "test/language/a.js sloppy",
                "test/language/a.js strict",
                "test/language/b.js strict",
                "test/language/bad.js sloppy",
                "test/language/sub/c.js sloppy",
                "test/language/sub/c.js strict",
            ]
        );
        assert_eq!(inv.in_scope().count(), 4);
        assert!(inv.entries[3].meta_error.is_some());
        assert_eq!(inv.entries[4].excluded_by, Some(0));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
