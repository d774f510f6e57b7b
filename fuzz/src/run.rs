//! Running a program under the `jolt` binary in each tier and comparing the tiers.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One way of running `jolt`: a name for reports and the flags.
#[derive(Clone, Copy, Debug)]
pub struct Mode {
    /// Short name used in reports.
    pub name: &'static str,
    /// The flags passed before the file.
    pub flags: &'static [&'static str],
}

/// The reference mode: the interpreter alone.
pub const REFERENCE: Mode = Mode { name: "interpreter", flags: &["--jit=off"] };

/// The modes compared against [`REFERENCE`].
pub const MODES: &[Mode] = &[
    Mode { name: "baseline-eager", flags: &["--jit=baseline", "--jit-eager"] },
    // Compiled after two calls, with their feedback: calls in place, double arithmetic inline.
    Mode { name: "baseline-warm", flags: &["--jit=baseline", "--jit-threshold=2", "--jit-sync"] },
    Mode { name: "full", flags: &["--jit=full", "--opt-threshold=2"] },
    Mode { name: "full-deopt-every-3", flags: &["--jit=full", "--opt-threshold=2", "--deopt-every=3"] },
    // Collections at every few allocations, in every tier's code: a value some path forgot to
    // root shows up as a difference.
    Mode { name: "full-gc-stress", flags: &["--jit=full", "--opt-threshold=2", "--gc-stress=3"] },
];

/// Stdout kept per run (a longer output is cut; the cut is the same in every mode).
const MAX_STDOUT: usize = 1 << 20;

/// What a run showed: the part of its behaviour the tiers must agree on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Standard output (at most 1 MiB).
    pub stdout: String,
    /// The first line of standard error (an uncaught exception, a panic).
    pub stderr_first: String,
    /// `exit N`, `signal N`, or `timeout`.
    pub status: String,
}

/// Runs `jolt` with `flags` on the file `script`, killing it after `timeout`.
pub fn run_once(jolt: &Path, flags: &[&str], script: &Path, timeout: Duration) -> Outcome {
    let child = Command::new(jolt).args(flags).arg(script).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            return Outcome { stdout: String::new(), stderr_first: format!("cannot start {}: {e}", jolt.display()), status: "spawn".into() }
        }
    };
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.read_to_end(&mut buf);
        buf
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break describe(st),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break "timeout".to_string();
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => break format!("wait failed: {e}"),
        }
    };
    let mut stdout = out_reader.join().unwrap_or_default();
    stdout.truncate(MAX_STDOUT);
    let stderr = err_reader.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&stderr);
    Outcome { stdout: String::from_utf8_lossy(&stdout).into_owned(), stderr_first: stderr.lines().next().unwrap_or("").to_string(), status }
}

fn describe(st: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = st.signal() {
            return format!("signal {sig}");
        }
    }
    match st.code() {
        Some(c) => format!("exit {c}"),
        None => "exit ?".into(),
    }
}

/// A mode whose outcome differs from the interpreter's.
#[derive(Clone, Debug)]
pub struct Difference {
    /// The mode that differs.
    pub mode: Mode,
    /// The interpreter's outcome.
    pub reference: Outcome,
    /// The mode's outcome.
    pub got: Outcome,
}

/// How to run programs: the binary, a scratch directory and the per-run timeout.
#[derive(Clone, Debug)]
pub struct Runner {
    /// The `jolt` binary.
    pub jolt: PathBuf,
    /// Where programs are written to be run.
    pub scratch: PathBuf,
    /// Each run is killed after this long (and reported as `timeout`).
    pub timeout: Duration,
}

impl Runner {
    /// Writes `src` to a scratch file named after `tag` and returns its path.
    fn write(&self, tag: &str, src: &str) -> PathBuf {
        let p = self.scratch.join(format!("{tag}.js"));
        std::fs::write(&p, src).unwrap_or_else(|e| panic!("cannot write {}: {e}", p.display()));
        p
    }

    /// Runs `src` in the interpreter and in every mode of [`MODES`]; returns the modes that differ.
    pub fn check(&self, tag: &str, src: &str) -> Vec<Difference> {
        let p = self.write(tag, src);
        let reference = run_once(&self.jolt, REFERENCE.flags, &p, self.timeout);
        let mut diffs = Vec::new();
        for m in MODES {
            let got = run_once(&self.jolt, m.flags, &p, self.timeout);
            if got != reference {
                diffs.push(Difference { mode: *m, reference: reference.clone(), got });
            }
        }
        let _ = std::fs::remove_file(&p);
        diffs
    }

    /// Whether `src` still differs in `mode` from the interpreter (the minimiser's test). A
    /// candidate on which the interpreter times out never counts: it is not a valid program.
    pub fn differs_in(&self, tag: &str, src: &str, mode: Mode) -> bool {
        let p = self.write(tag, src);
        let reference = run_once(&self.jolt, REFERENCE.flags, &p, self.timeout);
        let differs = reference.status != "timeout" && run_once(&self.jolt, mode.flags, &p, self.timeout) != reference;
        let _ = std::fs::remove_file(&p);
        differs
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn captures_stdout_first_stderr_line_and_status() {
        let o = run_once(Path::new("sh"), &["-c", "echo out; echo e1 >&2; echo e2 >&2; exit 3"], Path::new("sh"), Duration::from_secs(20));
        assert_eq!(o, Outcome { stdout: "out\n".into(), stderr_first: "e1".into(), status: "exit 3".into() });
    }

    #[test]
    fn a_hang_is_killed_and_reported() {
        let started = Instant::now();
        let o = run_once(Path::new("sleep"), &[], Path::new("30"), Duration::from_millis(200));
        assert_eq!(o.status, "timeout");
        assert!(started.elapsed() < Duration::from_secs(20));
    }
}
