//! Test identity: a test file's path within the suite plus the strictness
//! mode it runs in.

use std::fmt;

/// The mode a test runs in. A test file expands to one or two runs
/// (see [`crate::metadata::Metadata::modes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    /// Non-strict code: the source is run unmodified (also used for `raw`
    /// tests).
    Sloppy,
    /// Strict code: `"use strict";\n` is prepended to the source.
    Strict,
}

impl Mode {
    /// The mode's name as written in baselines and the worker protocol.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Sloppy => "sloppy",
            Mode::Strict => "strict",
        }
    }

    /// Parses a name written by [`Mode::as_str`].
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "sloppy" => Some(Mode::Sloppy),
            "strict" => Some(Mode::Strict),
            _ => None,
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One test run: a file (path relative to the suite root, `/`-separated,
/// e.g. `test/language/types/null/S8.2_A1_T1.js`) in one mode.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TestId {
    /// Path relative to the suite root.
    pub path: String,
    /// Strictness mode.
    pub mode: Mode,
}

impl TestId {
    /// Creates an id.
    pub fn new(path: impl Into<String>, mode: Mode) -> TestId {
        TestId { path: path.into(), mode }
    }

    /// Parses a `path mode` line (the baseline format).
    pub fn parse_line(line: &str) -> Option<TestId> {
        let (path, mode) = line.trim().rsplit_once(' ')?;
        Some(TestId::new(path.trim_end(), Mode::parse(mode)?))
    }
}

impl fmt::Display for TestId {
    /// `path mode`, the baseline line format.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.path, self.mode)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_round_trip() {
        let id = TestId::new("test/language/a.js", Mode::Strict);
        assert_eq!(id.to_string(), "test/language/a.js strict");
        assert_eq!(TestId::parse_line("test/language/a.js strict"), Some(id));
        assert_eq!(TestId::parse_line("test/language/a.js"), None);
        assert_eq!(TestId::parse_line("test/language/a.js loose"), None);
    }

    #[test]
    fn ordering_is_path_then_mode() {
        let mut v = [TestId::new("b.js", Mode::Sloppy), TestId::new("a.js", Mode::Strict), TestId::new("a.js", Mode::Sloppy)];
        v.sort();
        let lines: Vec<String> = v.iter().map(|t| t.to_string()).collect();
        assert_eq!(lines, vec!["a.js sloppy", "a.js strict", "b.js sloppy"]);
    }
}
