//! A test's metadata as defined by test262's INTERPRETING.md: `includes`,
//! `flags`, `features` and `negative`, and what they imply (the modes a test
//! runs in).

use crate::frontmatter::{self, Yaml};
use crate::testid::Mode;

/// The phase in which a negative test's error must occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// While parsing the source text or checking early errors (`parse`; the
    /// legacy spelling `early` is accepted too).
    Parse,
    /// During module resolution (modules only).
    Resolution,
    /// During evaluation.
    Runtime,
}

/// The `negative` attribute: the test must throw `error_type` in `phase`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Negative {
    /// Expected phase.
    pub phase: Phase,
    /// Name of the expected error's constructor, e.g. `SyntaxError`.
    pub error_type: String,
}

/// The metadata of one test file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Harness files to evaluate (after `assert.js`, `sta.js` and, for async
    /// tests, `doneprintHandle.js`), in order.
    pub includes: Vec<String>,
    /// Flags (`onlyStrict`, `noStrict`, `raw`, `async`, `module`, ...).
    pub flags: Vec<String>,
    /// Features the test depends on.
    pub features: Vec<String>,
    /// Set for negative tests.
    pub negative: Option<Negative>,
}

impl Metadata {
    /// Reads the metadata of a test's source text.
    pub fn from_source(source: &str) -> Result<Metadata, String> {
        let text = frontmatter::extract(source).ok_or("no /*--- ---*/ front matter")?;
        Metadata::from_yaml(&frontmatter::parse(text)?)
    }

    /// Interprets parsed front matter.
    pub fn from_yaml(y: &Yaml) -> Result<Metadata, String> {
        let list = |key: &str| -> Result<Vec<String>, String> {
            match y.get(key) {
                Some(v) => v.as_str_list().map_err(|e| format!("`{key}`: {e}")),
                None => Ok(Vec::new()),
            }
        };
        let negative = match y.get("negative") {
            None => None,
            Some(n) => {
                let field =
                    |k: &str| n.get(k).and_then(Yaml::as_str).filter(|s| !s.is_empty()).ok_or_else(|| format!("`negative` lacks `{k}`"));
                let phase = match field("phase")? {
                    "parse" | "early" => Phase::Parse,
                    "resolution" => Phase::Resolution,
                    "runtime" => Phase::Runtime,
                    other => return Err(format!("unknown negative phase `{other}`")),
                };
                Some(Negative { phase, error_type: field("type")?.to_string() })
            }
        };
        Ok(Metadata { includes: list("includes")?, flags: list("flags")?, features: list("features")?, negative })
    }

    /// Whether the test has `flag`.
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }

    /// `raw`: run unmodified, without harness files, once, non-strict.
    pub fn is_raw(&self) -> bool {
        self.has_flag("raw")
    }

    /// `async`: completes when `print` reports `Test262:AsyncTestComplete`.
    pub fn is_async(&self) -> bool {
        self.has_flag("async")
    }

    /// `module`: module code (out of scope for this runner).
    pub fn is_module(&self) -> bool {
        self.has_flag("module")
    }

    /// The runs this test expands to, per INTERPRETING.md "Strict Mode":
    /// `raw` and `noStrict` run once non-strict, `onlyStrict` once strict,
    /// `module` once (module code is always strict) and all others twice.
    pub fn modes(&self) -> Vec<Mode> {
        if self.is_raw() || self.has_flag("noStrict") {
            vec![Mode::Sloppy]
        } else if self.has_flag("onlyStrict") || self.is_module() {
            vec![Mode::Strict]
        } else {
            vec![Mode::Sloppy, Mode::Strict]
        }
    }

    /// The harness files to evaluate before the test, in order: none for
    /// `raw` tests; otherwise `assert.js`, `sta.js`, `doneprintHandle.js` for
    /// `async` tests, then `includes` (duplicates dropped).
    pub fn harness_files(&self) -> Vec<String> {
        if self.is_raw() {
            return Vec::new();
        }
        let mut files: Vec<String> = vec!["assert.js".into(), "sta.js".into()];
        if self.is_async() {
            files.push("doneprintHandle.js".into());
        }
        for inc in &self.includes {
            if !files.contains(inc) {
                files.push(inc.clone());
            }
        }
        files
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(front: &str) -> Metadata {
        Metadata::from_source(&format!("// c\n/*---\n{front}\n---*/\nbody();\n")).unwrap()
    }

    #[test]
    fn reads_all_attributes() {
        let m = meta(
            "description: x\nincludes: [compareArray.js, propertyHelper.js]\nflags: [generated, async]\nfeatures: [Symbol, class]\nnegative:\n  phase: runtime\n  type: TypeError",
        );
        assert_eq!(m.includes, vec!["compareArray.js", "propertyHelper.js"]);
        assert_eq!(m.flags, vec!["generated", "async"]);
        assert_eq!(m.features, vec!["Symbol", "class"]);
        assert_eq!(m.negative, Some(Negative { phase: Phase::Runtime, error_type: "TypeError".into() }));
        assert!(m.is_async() && !m.is_raw() && !m.is_module());
    }

    #[test]
    fn negative_phases() {
        assert_eq!(meta("negative:\n  phase: parse\n  type: SyntaxError").negative.unwrap().phase, Phase::Parse);
        assert_eq!(meta("negative:\n  phase: early\n  type: SyntaxError").negative.unwrap().phase, Phase::Parse);
        assert_eq!(meta("negative:\n  phase: resolution\n  type: SyntaxError").negative.unwrap().phase, Phase::Resolution);
        let bad = Metadata::from_source("/*---\nnegative:\n  phase: later\n  type: X\n---*/");
        assert!(bad.is_err());
        let missing = Metadata::from_source("/*---\nnegative:\n  phase: parse\n---*/");
        assert!(missing.unwrap_err().contains("type"));
    }

    #[test]
    fn missing_front_matter_is_an_error() {
        assert!(Metadata::from_source("var x;").is_err());
    }

    #[test]
    fn strict_sloppy_expansion() {
        assert_eq!(meta("description: d").modes(), vec![Mode::Sloppy, Mode::Strict]);
        assert_eq!(meta("flags: [generated]").modes(), vec![Mode::Sloppy, Mode::Strict]);
        assert_eq!(meta("flags: [onlyStrict]").modes(), vec![Mode::Strict]);
        assert_eq!(meta("flags: [noStrict]").modes(), vec![Mode::Sloppy]);
        assert_eq!(meta("flags: [raw]").modes(), vec![Mode::Sloppy]);
        assert_eq!(meta("flags: [module]").modes(), vec![Mode::Strict]);
        assert_eq!(meta("flags: [async, noStrict]").modes(), vec![Mode::Sloppy]);
    }

    #[test]
    fn harness_file_order() {
        assert_eq!(meta("flags: [raw]").harness_files(), Vec::<String>::new());
        assert_eq!(meta("description: d").harness_files(), vec!["assert.js", "sta.js"]);
        assert_eq!(
            meta("flags: [async]\nincludes: [asyncHelpers.js, sta.js]").harness_files(),
            vec!["assert.js", "sta.js", "doneprintHandle.js", "asyncHelpers.js"]
        );
    }
}
