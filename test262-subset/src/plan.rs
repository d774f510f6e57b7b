//! Turning a test file and a mode into a [`TestPlan`]: the exact source to
//! compile, the harness files to run first and the expected outcome. Engine
//! neutral; [`crate::host`] executes plans.

use crate::metadata::{Metadata, Phase};
use crate::testid::Mode;

/// The directive prepended to a test's source in strict mode
/// (INTERPRETING.md, "Strict Mode").
pub const STRICT_PREFIX: &str = "\"use strict\";\n";

/// What a test must do to pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expectation {
    /// Complete without an uncaught exception (and, for async tests, print
    /// `Test262:AsyncTestComplete`).
    Complete,
    /// Fail to compile with an early error of this constructor name; the test
    /// must not run.
    EarlyError(String),
    /// Throw an uncaught exception of this constructor name while running.
    RuntimeError(String),
}

/// Everything needed to run one test in one mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestPlan {
    /// File name given to the engine (the test's suite-relative path).
    pub file_name: String,
    /// The source to compile: the file as-is, or with [`STRICT_PREFIX`].
    pub source: String,
    /// Harness files (names within `harness/`) to run first, in order.
    pub harness: Vec<String>,
    /// The expected outcome.
    pub expect: Expectation,
    /// Whether completion is signalled through `print` (the `async` flag).
    pub is_async: bool,
}

/// Plans the run of `path` (with `source` and `meta`) in `mode`. An error
/// means the runner cannot run the test as asked; it counts as a failure.
pub fn plan(path: &str, source: &str, meta: &Metadata, mode: Mode) -> Result<TestPlan, String> {
    if meta.is_module() {
        return Err("module code is not supported by this runner (scripts only)".into());
    }
    if !meta.modes().contains(&mode) {
        return Err(format!("the test's flags do not allow {mode} mode"));
    }
    let expect = match &meta.negative {
        None => Expectation::Complete,
        Some(n) => match n.phase {
            Phase::Parse => Expectation::EarlyError(n.error_type.clone()),
            Phase::Runtime => Expectation::RuntimeError(n.error_type.clone()),
            Phase::Resolution => return Err("negative phase `resolution` only applies to module tests".into()),
        },
    };
    let source = match mode {
        Mode::Strict => format!("{STRICT_PREFIX}{source}"),
        Mode::Sloppy => source.to_string(),
    };
    Ok(TestPlan { file_name: path.to_string(), source, harness: meta.harness_files(), expect, is_async: meta.is_async() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(front: &str) -> String {
        format!("/*---\n{front}\n---*/\nfoo();\n")
    }

    fn plan_of(front: &str, mode: Mode) -> Result<TestPlan, String> {
        let s = src(front);
        plan("test/x.js", &s, &Metadata::from_source(&s).unwrap(), mode)
    }

    #[test]
    fn strict_mode_prepends_directive() {
        let p = plan_of("description: d", Mode::Strict).unwrap();
        assert!(p.source.starts_with("\"use strict\";\n/*---"));
        let p = plan_of("description: d", Mode::Sloppy).unwrap();
        assert!(p.source.starts_with("/*---"));
        assert_eq!(p.harness, vec!["assert.js", "sta.js"]);
        assert_eq!(p.expect, Expectation::Complete);
    }

    #[test]
    fn raw_tests_are_unmodified_and_harness_free() {
        let p = plan_of("flags: [raw]", Mode::Sloppy).unwrap();
        assert_eq!(p.source, src("flags: [raw]"));
        assert!(p.harness.is_empty());
        assert!(plan_of("flags: [raw]", Mode::Strict).is_err());
    }

    #[test]
    fn negative_expectations() {
        let p = plan_of("negative:\n  phase: parse\n  type: SyntaxError", Mode::Sloppy).unwrap();
        assert_eq!(p.expect, Expectation::EarlyError("SyntaxError".into()));
        let p = plan_of("negative:\n  phase: runtime\n  type: ReferenceError", Mode::Strict).unwrap();
        assert_eq!(p.expect, Expectation::RuntimeError("ReferenceError".into()));
        assert!(plan_of("negative:\n  phase: resolution\n  type: SyntaxError", Mode::Strict).is_err());
    }

    #[test]
    fn async_and_module() {
        let p = plan_of("flags: [async]", Mode::Sloppy).unwrap();
        assert!(p.is_async);
        assert!(p.harness.contains(&"doneprintHandle.js".to_string()));
        assert!(plan_of("flags: [module]", Mode::Strict).is_err());
        assert!(plan_of("flags: [onlyStrict]", Mode::Sloppy).is_err());
    }
}
