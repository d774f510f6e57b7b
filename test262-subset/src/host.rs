//! The engine boundary: the only module that calls the `jolt` API. It maps
//! engine flags to `RuntimeOptions`, keeps the per-worker cache of compiled
//! harness files, and executes a [`TestPlan`] in a fresh runtime, turning the
//! engine's results into a [`Verdict`] through [`crate::judge`].

use crate::judge::{self, EngineError, ErrorKind, Verdict};
use crate::plan::TestPlan;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;

/// At most this many `Test262:` lines are kept per test (a runaway loop
/// printing must not exhaust the worker's memory).
const MAX_PRINT_LINES: usize = 1000;

/// Engine settings for every runtime a worker creates (an engine-neutral
/// mirror of `jolt::RuntimeOptions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineConfig {
    /// Per-test heap limit in bytes.
    pub heap_limit: Option<usize>,
    /// Collect garbage every N allocations (`--gc-stress=N`).
    pub gc_stress: Option<u32>,
    /// JIT tier (`--jit=off|baseline|full`).
    pub jit: String,
    /// Compile every function before its first call (`--jit-eager`).
    pub jit_eager: bool,
    /// Calls before the optimising tier compiles a function
    /// (`--opt-threshold N`).
    pub opt_threshold: Option<u32>,
    /// Make every Nth speculation guard of optimized code fail
    /// (`--deopt-every N`: deoptimization stress).
    pub deopt_every: Option<u32>,
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig { heap_limit: None, gc_stress: None, jit: "off".into(), jit_eager: false, opt_threshold: None, deopt_every: None }
    }
}

/// The engine flags that select a tier and make every test exercise its
/// compiled code: `off` → `--jit=off`; `baseline` → `--jit=baseline
/// --jit-eager`; `full` → `--jit=full --opt-threshold=2`.
pub fn tier_flags(tier: &str) -> Result<Vec<String>, String> {
    let flags: &[&str] = match tier {
        "off" => &["--jit=off"],
        "baseline" => &["--jit=baseline", "--jit-eager"],
        "full" => &["--jit=full", "--opt-threshold=2"],
        other => return Err(format!("unknown tier `{other}` (expected off, baseline or full)")),
    };
    Ok(flags.iter().map(|s| s.to_string()).collect())
}

impl EngineConfig {
    /// Builds a configuration from engine flags (applied in order; later
    /// flags win). Accepted: `--jit=TIER`, `--jit-eager`, `--opt-threshold=N`,
    /// `--deopt-every=N`, `--gc-stress=N` (a value may also follow a space within the flag).
    pub fn from_flags(flags: &[String], heap_limit: Option<usize>) -> Result<EngineConfig, String> {
        let mut c = EngineConfig { heap_limit, ..EngineConfig::default() };
        for flag in flags {
            let flag = flag.trim();
            let (name, value) = match flag.split_once(['=', ' ']) {
                Some((n, v)) => (n, Some(v.trim())),
                None => (flag, None),
            };
            let number = |v: Option<&str>| -> Result<u32, String> {
                v.ok_or_else(|| format!("engine flag `{name}` needs a value"))?
                    .parse()
                    .map_err(|_| format!("engine flag `{flag}`: expected a number"))
            };
            match name {
                "--jit" => {
                    let tier = value.ok_or("engine flag `--jit` needs a value")?;
                    tier_flags(tier)?;
                    c.jit = tier.to_string();
                }
                "--jit-eager" if value.is_none() => c.jit_eager = true,
                "--opt-threshold" => c.opt_threshold = Some(number(value)?),
                "--deopt-every" => c.deopt_every = Some(number(value)?).filter(|&n| n > 0),
                "--gc-stress" => c.gc_stress = Some(number(value)?),
                _ => return Err(format!("unknown engine flag `{flag}`")),
            }
        }
        Ok(c)
    }

    fn runtime_options(&self) -> jolt::RuntimeOptions {
        jolt::RuntimeOptions {
            heap_limit: self.heap_limit,
            gc_stress: self.gc_stress,
            jit: jolt::jit::Tier::parse(&self.jit).unwrap_or_default(),
            jit_eager: self.jit_eager,
            opt_threshold: self.opt_threshold,
            deopt_every: self.deopt_every,
            ..Default::default()
        }
    }
}

/// Stops a running test (sendable to the watchdog thread).
pub struct Interrupter(jolt::InterruptHandle);

impl Interrupter {
    /// Makes the runtime's current script stop with an interrupt.
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

/// A harness file compiled once per worker (or why it could not be).
type CachedHarness = Result<Arc<jolt::Script>, Verdict>;

/// The per-worker cache of compiled harness files: each file is read and
/// compiled on first use and then run from the cache in every test's runtime.
pub struct HarnessCache {
    dir: PathBuf,
    scripts: HashMap<String, CachedHarness>,
}

impl HarnessCache {
    /// A cache for the harness files in `dir` (the suite's `harness/`).
    pub fn new(dir: PathBuf) -> HarnessCache {
        HarnessCache { dir, scripts: HashMap::new() }
    }

    /// Number of files compiled so far.
    pub fn len(&self) -> usize {
        self.scripts.len()
    }

    /// Whether nothing has been compiled yet.
    pub fn is_empty(&self) -> bool {
        self.scripts.is_empty()
    }

    fn get(&mut self, name: &str) -> CachedHarness {
        if let Some(s) = self.scripts.get(name) {
            return s.clone();
        }
        let path = self.dir.join(name);
        let compiled = match std::fs::read_to_string(&path) {
            Err(e) => Err(Verdict::fail(format!("harness file {name}: cannot read {}: {e}", path.display()))),
            Ok(source) => {
                jolt::Runtime::compile(&source, &format!("harness/{name}")).map_err(|e| judge::after_harness_error(name, &convert(&e)))
            }
        };
        self.scripts.insert(name.to_string(), compiled.clone());
        compiled
    }
}

fn convert(e: &jolt::JsError) -> EngineError {
    let kind = match e.kind {
        jolt::JsErrorKind::Syntax => ErrorKind::Syntax,
        jolt::JsErrorKind::Thrown => ErrorKind::Thrown,
        jolt::JsErrorKind::Interrupted => ErrorKind::Interrupted,
        jolt::JsErrorKind::OutOfMemory => ErrorKind::OutOfMemory,
        jolt::JsErrorKind::OutOfFuel | jolt::JsErrorKind::TimeLimit => ErrorKind::Interrupted,
    };
    EngineError { kind, name: e.name.clone(), message: e.message.clone() }
}

/// The name of the constructor of a thrown object that has no `name` of its own (a
/// `negative: {type: ...}` names the constructor of the expected error: the harness's
/// `Test262Error` instances have no `name` property).
fn constructor_name(rt: &mut jolt::Runtime, e: &jolt::JsError) -> Option<String> {
    let v = e.value(rt).filter(|v| v.is_object())?;
    let key = rt.key("constructor");
    let ctor = rt.get(v, key).ok().filter(|c| c.is_object())?;
    let key = rt.key("name");
    let name = rt.get(ctor, key).ok()?;
    name.as_string().map(|s| s.to_rust_string())
}

/// Executes `plan` in a fresh runtime. `arm` receives the runtime's
/// [`Interrupter`] as soon as the runtime exists (the caller starts its
/// timeout clock then).
///
/// Order: compile the test (an expected early error is decided here, and the
/// test never runs); create the runtime with `print` and `$262`; run the
/// harness files; run the test; drain the job queue; judge.
pub fn execute(plan: &TestPlan, harness: &mut HarnessCache, config: &EngineConfig, arm: &mut dyn FnMut(Interrupter)) -> Verdict {
    let compiled = jolt::Runtime::compile(&plan.source, &plan.file_name).map_err(|e| convert(&e));
    if let Some(v) = judge::after_compile(&plan.expect, compiled.as_ref().map(|_| ())) {
        return v;
    }
    let script = match compiled {
        Ok(s) => s,
        Err(e) => return Verdict::fail(e.to_string()),
    };
    let mut scripts = Vec::with_capacity(plan.harness.len());
    for name in &plan.harness {
        match harness.get(name) {
            Ok(s) => scripts.push((name, s)),
            Err(v) => return v,
        }
    }

    let mut rt = jolt::Runtime::with_options(config.runtime_options());
    let prints: Rc<RefCell<Vec<String>>> = Rc::default();
    let sink = Rc::clone(&prints);
    rt.set_print_handler(Box::new(move |line: &str| {
        let mut sink = sink.borrow_mut();
        if line.starts_with("Test262:") && sink.len() < MAX_PRINT_LINES {
            sink.push(line.to_string());
        }
    }));
    rt.install_test262_host();
    arm(Interrupter(rt.interrupt_handle()));

    for (name, s) in &scripts {
        if let Err(e) = rt.run(s) {
            return judge::after_harness_error(name, &convert(&e));
        }
    }
    let exec = rt.run(&script).and_then(|_| rt.run_jobs()).map_err(|e| {
        let mut c = convert(&e);
        if c.kind == ErrorKind::Thrown && c.name.is_empty() {
            c.name = constructor_name(&mut rt, &e).unwrap_or_default();
        }
        c
    });
    let prints = prints.borrow();
    judge::after_run(&plan.expect, plan.is_async, exec.as_ref().map(|_| ()), &prints)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judge::Status;
    use crate::plan::Expectation;

    #[test]
    fn engine_flags() {
        let f = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let c = EngineConfig::from_flags(&f(&["--jit=full", "--opt-threshold 2", "--gc-stress=1000"]), Some(1 << 20)).unwrap();
        assert_eq!(c.jit, "full");
        assert_eq!(c.opt_threshold, Some(2));
        assert_eq!(c.gc_stress, Some(1000));
        assert_eq!(c.heap_limit, Some(1 << 20));
        assert!(!c.jit_eager);
        let c = EngineConfig::from_flags(&f(&["--jit=full", "--deopt-every=7"]), None).unwrap();
        assert_eq!(c.deopt_every, Some(7));
        assert!(EngineConfig::from_flags(&f(&["--deopt-every"]), None).is_err());
        let c = EngineConfig::from_flags(&tier_flags("baseline").unwrap(), None).unwrap();
        assert!(c.jit_eager && c.jit == "baseline");
        assert!(EngineConfig::from_flags(&f(&["--jit=turbo"]), None).is_err());
        assert!(EngineConfig::from_flags(&f(&["--gc-stress"]), None).is_err());
        assert!(EngineConfig::from_flags(&f(&["--frobnicate"]), None).is_err());
        assert!(tier_flags("all").is_err());
    }

    #[test]
    fn missing_harness_file_fails_the_test() {
        let dir = std::env::temp_dir().join(format!("t262-host-{}", std::process::id()));
        let mut cache = HarnessCache::new(dir);
        let plan = TestPlan {
            file_name: "test/x.js".into(),
            source: "var x = 1;".into(),
            harness: vec!["nope.js".into()],
            expect: Expectation::Complete,
            is_async: false,
        };
        let v = execute(&plan, &mut cache, &EngineConfig::default(), &mut |_| {});
        assert_eq!(v.status, Status::Fail);
        assert!(v.message.contains("nope.js"), "{}", v.message);
        assert_eq!(cache.len(), 1);
    }
}
