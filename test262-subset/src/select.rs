//! Selecting part of the suite: `--filter PATH` (a directory or file) and
//! `--shard K/N`, a fixed, deterministic partition by a stable hash (64-bit
//! FNV-1a) of the test's path, so both modes of a file land in one shard and
//! the partition never changes between runs, machines or Rust versions.

use crate::scope::path_under;
use std::fmt;

/// 64-bit FNV-1a of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Shard `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based shard number.
    pub index: u64,
    /// Number of shards.
    pub count: u64,
}

impl Shard {
    /// Parses `K/N` with 1 ≤ K ≤ N.
    pub fn parse(s: &str) -> Result<Shard, String> {
        let err = || format!("bad shard `{s}`: expected K/N with 1 <= K <= N");
        let (k, n) = s.split_once('/').ok_or_else(err)?;
        let (index, count): (u64, u64) = (k.trim().parse().map_err(|_| err())?, n.trim().parse().map_err(|_| err())?);
        if index == 0 || index > count {
            return Err(err());
        }
        Ok(Shard { index, count })
    }

    /// Whether the test file at `path` belongs to this shard.
    pub fn contains(&self, path: &str) -> bool {
        fnv1a64(path.as_bytes()) % self.count == self.index - 1
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// Which tests a run covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Suite-relative path prefixes (any of them); empty means everything.
    pub filters: Vec<String>,
    /// Optional shard.
    pub shard: Option<Shard>,
}

/// Normalises a `--filter` argument to a suite-relative path: strips `./`,
/// a trailing `/` and a leading suite directory, and adds `test/` when the
/// path starts below it (`language/types` → `test/language/types`).
pub fn normalize_filter(filter: &str, suite: &std::path::Path) -> String {
    let mut f = filter.trim().trim_end_matches('/').to_string();
    let suite = suite.to_string_lossy();
    let suite = suite.trim_end_matches('/');
    if let Some(rest) = f.strip_prefix(suite).and_then(|r| r.strip_prefix('/')) {
        f = rest.to_string();
    }
    while let Some(rest) = f.strip_prefix("./") {
        f = rest.to_string();
    }
    if f != "test" && !f.starts_with("test/") {
        f = format!("test/{f}");
    }
    f
}

impl Selection {
    /// Whether the file at `path` is selected.
    pub fn matches(&self, path: &str) -> bool {
        (self.filters.is_empty() || self.filters.iter().any(|f| path_under(path, f))) && self.shard.is_none_or(|s| s.contains(path))
    }

    /// Whether this selects the whole suite.
    pub fn is_everything(&self) -> bool {
        self.filters.is_empty() && self.shard.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn fnv1a_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn shards_partition_the_suite() {
        let paths: Vec<String> = (0..1000).map(|i| format!("test/language/t{i}.js")).collect();
        let shards: Vec<Shard> = (1..=3).map(|k| Shard { index: k, count: 3 }).collect();
        let mut sizes = [0; 3];
        for p in &paths {
            let owners: Vec<usize> = (0..3).filter(|&i| shards[i].contains(p)).collect();
            assert_eq!(owners.len(), 1, "{p}");
            sizes[owners[0]] += 1;
        }
        assert!(sizes.iter().all(|&n| n > 250), "{sizes:?}");
        // Deterministic: a fixed path always maps to the same shard.
        assert_eq!(fnv1a64(b"test/language/t0.js") % 3, fnv1a64(b"test/language/t0.js") % 3);
    }

    #[test]
    fn shard_parsing() {
        assert_eq!(Shard::parse("2/4"), Ok(Shard { index: 2, count: 4 }));
        assert!(Shard::parse("0/4").is_err());
        assert!(Shard::parse("5/4").is_err());
        assert!(Shard::parse("1").is_err());
        assert_eq!(Shard::parse("1/1").unwrap().to_string(), "1/1");
    }

    #[test]
    fn filters() {
        let suite = Path::new("/s/test262");
        assert_eq!(normalize_filter("test/language/types/", suite), "test/language/types");
        assert_eq!(normalize_filter("language/types", suite), "test/language/types");
        assert_eq!(normalize_filter("./test/built-ins", suite), "test/built-ins");
        assert_eq!(normalize_filter("/s/test262/test/built-ins/Array", suite), "test/built-ins/Array");
        let sel = Selection { filters: vec!["test/language/types".into()], shard: None };
        assert!(sel.matches("test/language/types/null/a.js"));
        assert!(!sel.matches("test/language/typesx/a.js"));
        assert!(Selection::default().matches("x") && Selection::default().is_everything());
    }
}
