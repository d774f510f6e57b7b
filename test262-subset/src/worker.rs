//! The worker process: `test262-subset --worker ...` reads `RUN` requests on
//! stdin, runs each test in a fresh runtime (with a watchdog that interrupts
//! it after the timeout) and answers `DONE` on stdout. See
//! [`crate::protocol`]. The compiled harness files are cached for the life of
//! the worker.

use crate::host::{self, EngineConfig, HarnessCache};
use crate::judge::Verdict;
use crate::metadata::Metadata;
use crate::plan;
use crate::protocol::{self, Request, Response};
use crate::testid::TestId;
use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The hidden flag that selects worker mode (must be the first argument).
pub const WORKER_FLAG: &str = "--worker";

/// Test-only: with `--worker-test-hooks`, a test whose source contains this
/// marker followed by `panic`, `abort` or `hang` makes the worker do that
/// instead of running it (used to test crash recovery).
pub const TEST_HOOK_MARKER: &str = "test262-subset-test-hook:";

/// Stack size of the thread that runs the tests.
pub const TEST_THREAD_STACK: usize = 64 << 20;

/// Worker settings, passed by the parent on the command line.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkerOptions {
    /// Suite root.
    pub suite: PathBuf,
    /// Per-test timeout enforced through the engine's interrupt.
    pub timeout: Duration,
    /// Heap limit in MiB.
    pub heap_limit_mb: usize,
    /// Engine flags (tier flags first, then `--engine-flag`s).
    pub engine_flags: Vec<String>,
    /// Enables [`TEST_HOOK_MARKER`] (tests only).
    pub test_hooks: bool,
}

impl WorkerOptions {
    /// The arguments that make a worker process with these options
    /// (starting with [`WORKER_FLAG`]).
    pub fn to_args(&self) -> Vec<String> {
        let mut args = vec![
            WORKER_FLAG.to_string(),
            "--suite".into(),
            self.suite.to_string_lossy().into_owned(),
            "--timeout-ms".into(),
            self.timeout.as_millis().to_string(),
            "--heap-limit-mb".into(),
            self.heap_limit_mb.to_string(),
        ];
        for f in &self.engine_flags {
            args.push(format!("--engine-flag={f}"));
        }
        if self.test_hooks {
            args.push("--worker-test-hooks".into());
        }
        args
    }

    /// Parses the arguments written by [`WorkerOptions::to_args`] (without
    /// the leading [`WORKER_FLAG`]).
    pub fn from_args(args: &[String]) -> Result<WorkerOptions, String> {
        let mut o = WorkerOptions {
            suite: PathBuf::new(),
            timeout: Duration::from_secs(10),
            heap_limit_mb: 512,
            engine_flags: Vec::new(),
            test_hooks: false,
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let mut value = |name: &str| it.next().cloned().ok_or(format!("worker: {name} needs a value"));
            match a.as_str() {
                "--suite" => o.suite = PathBuf::from(value("--suite")?),
                "--timeout-ms" => o.timeout = Duration::from_millis(value("--timeout-ms")?.parse().map_err(|_| "worker: bad timeout")?),
                "--heap-limit-mb" => o.heap_limit_mb = value("--heap-limit-mb")?.parse().map_err(|_| "worker: bad heap limit")?,
                "--worker-test-hooks" => o.test_hooks = true,
                other => match other.strip_prefix("--engine-flag=") {
                    Some(f) => o.engine_flags.push(f.to_string()),
                    None => return Err(format!("worker: unknown argument `{other}`")),
                },
            }
        }
        Ok(o)
    }
}

/// Runs the worker loop until stdin closes; returns the exit code.
pub fn main(args: &[String]) -> i32 {
    let opts = match WorkerOptions::from_args(args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    let config = match EngineConfig::from_flags(&opts.engine_flags, Some(opts.heap_limit_mb << 20)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("worker: {e}");
            return 2;
        }
    };
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        eprintln!("{}{}", protocol::PANIC_PREFIX, info.to_string().replace('\n', " "));
        default_hook(info);
    }));
    // Tests run on a thread with a large stack so that deep (but legal)
    // nesting in a test does not overflow the native stack before the
    // engine's own limits apply. A panic there ends the worker with 101.
    let tests = thread::Builder::new().name("tests".into()).stack_size(TEST_THREAD_STACK).spawn(move || serve(&opts, &config));
    match tests.map(|t| t.join()) {
        Ok(Ok(Ok(()))) => 0,
        Ok(Ok(Err(e))) => {
            eprintln!("worker: {e}");
            1
        }
        Ok(Err(_panic)) => 101,
        Err(e) => {
            eprintln!("worker: cannot start the test thread: {e}");
            1
        }
    }
}

fn serve(opts: &WorkerOptions, config: &EngineConfig) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "{}", protocol::encode_response(&Response::Ready { version: protocol::VERSION }))?;
    out.flush()?;
    let watchdog = Watchdog::start();
    let mut cache = HarnessCache::new(opts.suite.join("harness"));
    for line in io::stdin().lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let Request::Run { id, test } = protocol::parse_request(&line).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let start = Instant::now();
        let verdict = run_test(opts, config, &mut cache, &watchdog, &test);
        let resp = Response::Done { id, verdict, duration: start.elapsed() };
        writeln!(out, "{}", protocol::encode_response(&resp))?;
        out.flush()?;
    }
    Ok(())
}

/// Runs one test: read, parse metadata, plan, execute under the watchdog.
fn run_test(opts: &WorkerOptions, config: &EngineConfig, cache: &mut HarnessCache, watchdog: &Watchdog, test: &TestId) -> Verdict {
    let path = opts.suite.join(&test.path);
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => return Verdict::fail(format!("cannot read {}: {e}", path.display())),
    };
    if opts.test_hooks {
        trigger_test_hook(&source);
    }
    let meta = match Metadata::from_source(&source) {
        Ok(m) => m,
        Err(e) => return Verdict::fail(format!("bad metadata: {e}")),
    };
    let plan = match plan::plan(&test.path, &source, &meta, test.mode) {
        Ok(p) => p,
        Err(e) => return Verdict::fail(e),
    };
    let timeout = opts.timeout;
    let verdict = host::execute(&plan, cache, config, &mut |interrupter| {
        watchdog.arm(timeout, Box::new(move || interrupter.interrupt()));
    });
    watchdog.disarm();
    verdict
}

/// Test-only crash hooks (see [`TEST_HOOK_MARKER`]).
fn trigger_test_hook(source: &str) {
    let Some(at) = source.find(TEST_HOOK_MARKER) else {
        return;
    };
    let action = source[at + TEST_HOOK_MARKER.len()..].split_whitespace().next().unwrap_or("");
    match action {
        "panic" => panic!("test hook: panic requested"),
        "abort" => std::process::abort(),
        "hang" => loop {
            thread::sleep(Duration::from_secs(3600));
        },
        _ => {}
    }
}

/// What the watchdog does when a deadline passes.
pub type WatchdogAction = Box<dyn FnOnce() + Send>;

#[derive(Default)]
struct WatchState {
    deadline: Option<Instant>,
    action: Option<WatchdogAction>,
    shutdown: bool,
}

/// A thread that runs an action (interrupting the running test) when the
/// armed deadline passes, unless disarmed first.
pub struct Watchdog {
    shared: Arc<(Mutex<WatchState>, Condvar)>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Watchdog {
    /// Starts the watchdog thread (disarmed).
    pub fn start() -> Watchdog {
        let shared: Arc<(Mutex<WatchState>, Condvar)> = Arc::default();
        let s = Arc::clone(&shared);
        let thread = thread::Builder::new()
            .name("watchdog".into())
            .spawn(move || {
                let (lock, cvar) = &*s;
                let mut st = lock.lock().unwrap_or_else(|p| p.into_inner());
                loop {
                    if st.shutdown {
                        return;
                    }
                    st = match st.deadline {
                        None => cvar.wait(st).unwrap_or_else(|p| p.into_inner()),
                        Some(d) => {
                            let now = Instant::now();
                            if now >= d {
                                st.deadline = None;
                                if let Some(action) = st.action.take() {
                                    action();
                                }
                                st
                            } else {
                                cvar.wait_timeout(st, d - now).unwrap_or_else(|p| p.into_inner()).0
                            }
                        }
                    };
                }
            })
            .expect("spawn watchdog thread");
        Watchdog { shared, thread: Some(thread) }
    }

    fn update(&self, f: impl FnOnce(&mut WatchState)) {
        let (lock, cvar) = &*self.shared;
        f(&mut lock.lock().unwrap_or_else(|p| p.into_inner()));
        cvar.notify_all();
    }

    /// Runs `action` once `timeout` from now, unless disarmed or re-armed
    /// before.
    pub fn arm(&self, timeout: Duration, action: WatchdogAction) {
        self.update(|st| {
            st.deadline = Some(Instant::now() + timeout);
            st.action = Some(action);
        });
    }

    /// Cancels the pending action, if any.
    pub fn disarm(&self) {
        self.update(|st| {
            st.deadline = None;
            st.action = None;
        });
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.update(|st| st.shutdown = true);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn watchdog_fires_after_the_timeout() {
        let w = Watchdog::start();
        let fired = Arc::new(AtomicUsize::new(0));
        let f = Arc::clone(&fired);
        w.arm(
            Duration::from_millis(30),
            Box::new(move || {
                f.fetch_add(1, Ordering::SeqCst);
            }),
        );
        thread::sleep(Duration::from_millis(200));
        assert_eq!(fired.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn disarmed_or_rearmed_watchdog_does_not_fire_the_old_action() {
        let w = Watchdog::start();
        let fired = Arc::new(AtomicUsize::new(0));
        let f = Arc::clone(&fired);
        w.arm(
            Duration::from_millis(50),
            Box::new(move || {
                f.fetch_add(1, Ordering::SeqCst);
            }),
        );
        w.disarm();
        let f = Arc::clone(&fired);
        w.arm(
            Duration::from_secs(60),
            Box::new(move || {
                f.fetch_add(10, Ordering::SeqCst);
            }),
        );
        thread::sleep(Duration::from_millis(150));
        assert_eq!(fired.load(Ordering::SeqCst), 0);
        drop(w); // shuts down without waiting for the 60 s deadline
    }

    #[test]
    fn worker_args_round_trip() {
        let o = WorkerOptions {
            suite: PathBuf::from("/suite"),
            timeout: Duration::from_millis(2500),
            heap_limit_mb: 64,
            engine_flags: vec!["--jit=full".into(), "--opt-threshold=2".into()],
            test_hooks: true,
        };
        let args = o.to_args();
        assert_eq!(args[0], WORKER_FLAG);
        assert_eq!(WorkerOptions::from_args(&args[1..]), Ok(o));
        assert!(WorkerOptions::from_args(&["--bogus".to_string()]).is_err());
    }
}
