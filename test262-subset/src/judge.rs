//! Deciding a test's outcome from what the engine reported: negative-test
//! matching (phase and constructor name), async completion through `print`,
//! timeouts and heap exhaustion. Engine neutral: [`crate::host`] translates
//! engine errors into [`EngineError`].

use crate::plan::Expectation;
use std::fmt;

/// The line an async test prints when it completes successfully.
pub const ASYNC_COMPLETE: &str = "Test262:AsyncTestComplete";
/// The prefix of the line an async test prints when it fails.
pub const ASYNC_FAILURE_PREFIX: &str = "Test262:AsyncTestFailure:";

/// A test run's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Passed.
    Pass,
    /// Failed (wrong result, unexpected or missing exception, ...).
    Fail,
    /// Did not finish in time (counts as a failure).
    Timeout,
    /// The worker process died while running it (counts as a failure).
    Crash,
}

impl Status {
    /// The status's name in the worker protocol.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Timeout => "timeout",
            Status::Crash => "crash",
        }
    }

    /// Parses a name written by [`Status::as_str`].
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "pass" => Some(Status::Pass),
            "fail" => Some(Status::Fail),
            "timeout" => Some(Status::Timeout),
            "crash" => Some(Status::Crash),
            _ => None,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A status with an explanation (empty for passes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The outcome.
    pub status: Status,
    /// Why the test failed, timed out or crashed.
    pub message: String,
}

impl Verdict {
    /// A pass.
    pub fn pass() -> Verdict {
        Verdict { status: Status::Pass, message: String::new() }
    }

    /// A failure with a message.
    pub fn fail(message: impl Into<String>) -> Verdict {
        Verdict { status: Status::Fail, message: message.into() }
    }

    /// A timeout with a message.
    pub fn timeout(message: impl Into<String>) -> Verdict {
        Verdict { status: Status::Timeout, message: message.into() }
    }

    /// A crash with a message.
    pub fn crash(message: impl Into<String>) -> Verdict {
        Verdict { status: Status::Crash, message: message.into() }
    }
}

/// Engine-neutral mirror of the engine's error kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Early error, found before any code ran.
    Syntax,
    /// A runtime exception.
    Thrown,
    /// Stopped by the watchdog.
    Interrupted,
    /// The per-test heap limit was reached.
    OutOfMemory,
}

/// Engine-neutral mirror of an engine error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineError {
    /// What kind of error.
    pub kind: ErrorKind,
    /// Constructor name (`""` if the thrown value is not an error object).
    pub name: String,
    /// The error's message.
    pub message: String,
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.kind, self.name.is_empty()) {
            (ErrorKind::Interrupted, _) => write!(f, "interrupted"),
            (ErrorKind::OutOfMemory, _) => write!(f, "out of memory (heap limit reached)"),
            (ErrorKind::Syntax, true) => write!(f, "early error: {}", self.message),
            (ErrorKind::Syntax, false) => write!(f, "early {}: {}", self.name, self.message),
            (ErrorKind::Thrown, true) => write!(f, "uncaught non-error value: {}", self.message),
            (ErrorKind::Thrown, false) => write!(f, "uncaught {}: {}", self.name, self.message),
        }
    }
}

/// Verdict for an error that ends a test whatever it expected, if `e` is one.
fn fatal(e: &EngineError, timeout_note: &str) -> Option<Verdict> {
    match e.kind {
        ErrorKind::Interrupted => Some(Verdict::timeout(format!("timed out (interrupted) {timeout_note}").trim_end().to_string())),
        ErrorKind::OutOfMemory => Some(Verdict::fail(e.to_string())),
        _ => None,
    }
}

/// Judges the compilation of the test source. `Some` ends the test (early
/// errors are decided here and the test is never run); `None` means: go on
/// and run it.
pub fn after_compile(expect: &Expectation, compiled: Result<(), &EngineError>) -> Option<Verdict> {
    match (expect, compiled) {
        (Expectation::EarlyError(ty), Ok(())) => Some(Verdict::fail(format!("expected an early {ty}, but the test compiled"))),
        (Expectation::EarlyError(ty), Err(e)) => {
            if let Some(v) = fatal(e, "while compiling") {
                return Some(v);
            }
            if e.kind == ErrorKind::Syntax && &e.name == ty {
                Some(Verdict::pass())
            } else {
                Some(Verdict::fail(format!("expected an early {ty}, got {e}")))
            }
        }
        (_, Ok(())) => None,
        (_, Err(e)) => {
            Some(fatal(e, "while compiling").unwrap_or_else(|| Verdict::fail(format!("unexpected {e} (while compiling the test)"))))
        }
    }
}

/// Judges a harness file that failed to compile or run (always the end of
/// the test).
pub fn after_harness_error(file: &str, e: &EngineError) -> Verdict {
    fatal(e, &format!("in harness file {file}")).unwrap_or_else(|| Verdict::fail(format!("harness file {file}: {e}")))
}

/// Judges a test that ran. `exec` is the result of running the script and
/// then the job queue; `prints` are the `Test262:` lines it printed.
pub fn after_run(expect: &Expectation, is_async: bool, exec: Result<(), &EngineError>, prints: &[String]) -> Verdict {
    if let Err(e) = exec {
        if let Some(v) = fatal(e, "") {
            return v;
        }
    }
    match expect {
        Expectation::EarlyError(ty) => Verdict::fail(format!("expected an early {ty}, but the test ran")),
        Expectation::RuntimeError(ty) => match exec {
            Ok(()) => Verdict::fail(format!("expected a {ty} at runtime, but the test completed")),
            Err(e) if e.kind == ErrorKind::Thrown && &e.name == ty => Verdict::pass(),
            Err(e) => Verdict::fail(format!("expected a {ty} at runtime, got {e}")),
        },
        Expectation::Complete => match exec {
            Err(e) => Verdict::fail(e.to_string()),
            Ok(()) if !is_async => Verdict::pass(),
            Ok(()) => judge_async_prints(prints),
        },
    }
}

/// An async test passes iff it printed [`ASYNC_COMPLETE`] and no
/// [`ASYNC_FAILURE_PREFIX`] line.
pub fn judge_async_prints(prints: &[String]) -> Verdict {
    if let Some(failure) = prints.iter().find(|l| l.starts_with(ASYNC_FAILURE_PREFIX)) {
        let reason = failure[ASYNC_FAILURE_PREFIX.len()..].trim();
        return Verdict::fail(format!("async failure: {reason}"));
    }
    if prints.iter().any(|l| l == ASYNC_COMPLETE) {
        Verdict::pass()
    } else {
        Verdict::fail("async test did not complete: $DONE was never called (no Test262:AsyncTestComplete printed)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(kind: ErrorKind, name: &str) -> EngineError {
        EngineError { kind, name: name.into(), message: "msg".into() }
    }

    fn early(t: &str) -> Expectation {
        Expectation::EarlyError(t.into())
    }

    fn runtime(t: &str) -> Expectation {
        Expectation::RuntimeError(t.into())
    }

    #[test]
    fn early_error_matching() {
        let syntax = err(ErrorKind::Syntax, "SyntaxError");
        assert_eq!(after_compile(&early("SyntaxError"), Err(&syntax)), Some(Verdict::pass()));
        let v = after_compile(&early("SyntaxError"), Ok(())).unwrap();
        assert_eq!(v.status, Status::Fail);
        // Wrong constructor.
        let v = after_compile(&early("ReferenceError"), Err(&syntax)).unwrap();
        assert_eq!(v.status, Status::Fail);
        assert!(v.message.contains("ReferenceError") && v.message.contains("SyntaxError"));
        // Right name, wrong phase (thrown at runtime is not an early error).
        let thrown = err(ErrorKind::Thrown, "SyntaxError");
        assert_eq!(after_compile(&early("SyntaxError"), Err(&thrown)).unwrap().status, Status::Fail);
        // A test expecting an early error that reaches the run phase fails.
        assert_eq!(after_run(&early("SyntaxError"), false, Ok(()), &[]).status, Status::Fail);
    }

    #[test]
    fn compile_errors_for_other_expectations() {
        let syntax = err(ErrorKind::Syntax, "SyntaxError");
        assert_eq!(after_compile(&Expectation::Complete, Ok(())), None);
        assert_eq!(after_compile(&runtime("TypeError"), Ok(())), None);
        assert_eq!(after_compile(&Expectation::Complete, Err(&syntax)).unwrap().status, Status::Fail);
        // A runtime SyntaxError test must not fail at parse time.
        assert_eq!(after_compile(&runtime("SyntaxError"), Err(&syntax)).unwrap().status, Status::Fail);
    }

    #[test]
    fn runtime_error_matching() {
        let thrown = err(ErrorKind::Thrown, "ReferenceError");
        assert_eq!(after_run(&runtime("ReferenceError"), false, Err(&thrown), &[]), Verdict::pass());
        assert_eq!(after_run(&runtime("TypeError"), false, Err(&thrown), &[]).status, Status::Fail);
        assert_eq!(after_run(&runtime("ReferenceError"), false, Ok(()), &[]).status, Status::Fail);
        let syntax = err(ErrorKind::Syntax, "ReferenceError");
        assert_eq!(after_run(&runtime("ReferenceError"), false, Err(&syntax), &[]).status, Status::Fail);
    }

    #[test]
    fn plain_tests() {
        assert_eq!(after_run(&Expectation::Complete, false, Ok(()), &[]), Verdict::pass());
        let v = after_run(&Expectation::Complete, false, Err(&err(ErrorKind::Thrown, "Test262Error")), &[]);
        assert_eq!(v.status, Status::Fail);
        assert_eq!(v.message, "uncaught Test262Error: msg");
        let v = after_run(&Expectation::Complete, false, Err(&err(ErrorKind::Thrown, "")), &[]);
        assert!(v.message.contains("non-error"));
    }

    #[test]
    fn timeouts_and_oom() {
        let int = err(ErrorKind::Interrupted, "");
        let oom = err(ErrorKind::OutOfMemory, "");
        assert_eq!(after_run(&Expectation::Complete, true, Err(&int), &[]), Verdict::timeout("timed out (interrupted)"));
        assert_eq!(after_run(&runtime("RangeError"), false, Err(&oom), &[]).status, Status::Fail);
        assert_eq!(after_compile(&early("SyntaxError"), Err(&int)).unwrap().status, Status::Timeout);
        assert_eq!(after_harness_error("assert.js", &int).status, Status::Timeout);
        let v = after_harness_error("compareArray.js", &err(ErrorKind::Syntax, "SyntaxError"));
        assert_eq!(v.status, Status::Fail);
        assert!(v.message.contains("compareArray.js"));
    }

    #[test]
    fn async_done_handling() {
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let c = Expectation::Complete;
        assert_eq!(after_run(&c, true, Ok(()), &lines(&[ASYNC_COMPLETE])), Verdict::pass());
        // Not completed.
        assert_eq!(after_run(&c, true, Ok(()), &[]).status, Status::Fail);
        // Close but not exact.
        assert_eq!(after_run(&c, true, Ok(()), &lines(&["Test262:AsyncTestComplete!"])).status, Status::Fail);
        // Failure reported.
        let v = after_run(&c, true, Ok(()), &lines(&["Test262:AsyncTestFailure:Test262Error: nope"]));
        assert_eq!(v, Verdict::fail("async failure: Test262Error: nope"));
        // A failure wins over a completion.
        let v = after_run(&c, true, Ok(()), &lines(&[ASYNC_COMPLETE, "Test262:AsyncTestFailure:x"]));
        assert_eq!(v.status, Status::Fail);
        // A synchronous exception fails an async test.
        let v = after_run(&c, true, Err(&err(ErrorKind::Thrown, "TypeError")), &lines(&[ASYNC_COMPLETE]));
        assert_eq!(v.status, Status::Fail);
        // Non-async tests ignore prints.
        assert_eq!(after_run(&c, false, Ok(()), &lines(&["Test262:AsyncTestFailure:x"])), Verdict::pass());
    }

    #[test]
    fn status_names_round_trip() {
        for s in [Status::Pass, Status::Fail, Status::Timeout, Status::Crash] {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
    }
}
