//! The pool of worker processes. Each slot owns one worker, feeds it one test
//! at a time and waits for the answer with a deadline. A worker that dies
//! (panic, signal) has its test recorded as a crash and is replaced; one that
//! overruns the deadline is killed, its test recorded as a timeout, and
//! replaced. A worker that cannot start at all aborts the run.

use crate::judge::Verdict;
use crate::protocol::{self, Request, Response};
use crate::testid::TestId;
use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Lines of a worker's stderr kept to explain a crash.
const STDERR_TAIL: usize = 20;

/// How to start a worker process.
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    /// The program (normally this executable).
    pub program: PathBuf,
    /// Its arguments.
    pub args: Vec<String>,
}

/// Pool settings.
#[derive(Debug, Clone)]
pub struct PoolOptions {
    /// Number of worker processes.
    pub workers: usize,
    /// A worker with no answer this long after receiving a test is killed
    /// (twice the per-test timeout).
    pub kill_after: Duration,
    /// Time a new worker has to announce itself.
    pub startup_timeout: Duration,
}

/// The result of one test.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Index of the test in the slice given to [`run`].
    pub index: usize,
    /// Its verdict.
    pub verdict: Verdict,
    /// Time spent on it.
    pub duration: Duration,
}

enum Msg {
    Outcome(Outcome),
    Fatal(String),
}

/// Runs `tests` on a pool of workers, calling `on_outcome` (on the calling
/// thread) as results arrive, in completion order. Returns an error only if
/// a worker could not be started.
pub fn run(cmd: &WorkerCommand, tests: &[TestId], opts: &PoolOptions, mut on_outcome: impl FnMut(Outcome)) -> Result<(), String> {
    let next = AtomicUsize::new(0);
    let abort = AtomicBool::new(false);
    let workers = opts.workers.clamp(1, tests.len().max(1));
    let mut fatal = None;
    thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<Msg>();
        for slot in 0..workers {
            let tx = tx.clone();
            let (next, abort) = (&next, &abort);
            thread::Builder::new()
                .name(format!("pool-slot-{slot}"))
                .spawn_scoped(scope, move || slot_loop(cmd, tests, opts, next, abort, &tx))
                .expect("spawn pool thread");
        }
        drop(tx);
        for msg in rx {
            match msg {
                Msg::Outcome(o) => on_outcome(o),
                Msg::Fatal(e) => {
                    abort.store(true, Ordering::SeqCst);
                    fatal.get_or_insert(e);
                }
            }
        }
    });
    match fatal {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn slot_loop(cmd: &WorkerCommand, tests: &[TestId], opts: &PoolOptions, next: &AtomicUsize, abort: &AtomicBool, tx: &mpsc::Sender<Msg>) {
    let mut worker: Option<Worker> = None;
    loop {
        if abort.load(Ordering::SeqCst) {
            break;
        }
        let index = next.fetch_add(1, Ordering::SeqCst);
        let Some(test) = tests.get(index) else { break };
        let request = protocol::encode_request(&Request::Run { id: index as u64, test: test.clone() });
        // A worker that died between tests fails the write: replace it and
        // retry once, so the death is not blamed on this test.
        let mut sent = false;
        for _ in 0..2 {
            if worker.is_none() {
                match Worker::spawn(cmd, opts.startup_timeout) {
                    Ok(w) => worker = Some(w),
                    Err(e) => {
                        let _ = tx.send(Msg::Fatal(e));
                        return;
                    }
                }
            }
            let w = worker.as_mut().expect("worker present");
            if w.send(&request).is_ok() {
                sent = true;
                break;
            }
            if let Some(w) = worker.take() {
                w.kill();
            }
        }
        if !sent {
            let _ = tx.send(Msg::Fatal("cannot send tests to a freshly started worker".into()));
            return;
        }
        let started = Instant::now();
        let w = worker.as_mut().expect("worker present");
        let outcome = match w.wait_for(index as u64, started + opts.kill_after) {
            Wait::Done(verdict, duration) => Outcome { index, verdict, duration },
            Wait::TimedOut => {
                worker.take().expect("worker present").kill();
                let verdict = Verdict::timeout(format!("no result after {:.1}s; worker killed", opts.kill_after.as_secs_f64()));
                Outcome { index, verdict, duration: started.elapsed() }
            }
            Wait::Died => {
                let why = worker.take().expect("worker present").reap();
                Outcome { index, verdict: Verdict::crash(format!("worker crashed: {why}")), duration: started.elapsed() }
            }
        };
        if tx.send(Msg::Outcome(outcome)).is_err() {
            break;
        }
    }
    if let Some(w) = worker {
        w.finish();
    }
}

enum Wait {
    Done(Verdict, Duration),
    TimedOut,
    Died,
}

/// What a worker wrote to stderr (and stray stdout): the last lines, and its
/// panic line if it panicked.
#[derive(Default)]
struct StderrLog {
    tail: VecDeque<String>,
    panic: Option<String>,
}

impl StderrLog {
    fn push(&mut self, line: String) {
        if let Some(p) = line.strip_prefix(protocol::PANIC_PREFIX) {
            self.panic = Some(p.trim().to_string());
        }
        if self.tail.len() == STDERR_TAIL {
            self.tail.pop_front();
        }
        self.tail.push_back(line);
    }
}

/// One worker process with reader threads for its stdout and stderr.
struct Worker {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
    stderr: Arc<Mutex<StderrLog>>,
    stderr_thread: Option<thread::JoinHandle<()>>,
}

/// The time zone workers run in (a POSIX rule: no zoneinfo file needed), so that `Date`'s
/// local-time results do not depend on the machine.
const WORKER_TIME_ZONE: &str = "UTC0";

impl Worker {
    fn spawn(cmd: &WorkerCommand, startup_timeout: Duration) -> Result<Worker, String> {
        let mut child = Command::new(&cmd.program)
            .args(&cmd.args)
            .env("TZ", WORKER_TIME_ZONE)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start worker {}: {e}", cmd.program.display()))?;
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().expect("piped stdout");
        let stderr = child.stderr.take().expect("piped stderr");
        let (tx, lines) = mpsc::channel();
        thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            let mut buf = Vec::new();
            loop {
                buf.clear();
                match r.read_until(b'\n', &mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        if tx.send(String::from_utf8_lossy(&buf).into_owned()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        let stderr_log: Arc<Mutex<StderrLog>> = Arc::default();
        let log = Arc::clone(&stderr_log);
        let stderr_thread = thread::spawn(move || {
            let mut r = BufReader::new(stderr);
            let mut buf = Vec::new();
            loop {
                buf.clear();
                match r.read_until(b'\n', &mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        let line = String::from_utf8_lossy(&buf).trim_end().to_string();
                        log.lock().unwrap_or_else(|p| p.into_inner()).push(line);
                    }
                }
            }
        });
        let w = Worker { child, stdin, lines, stderr: stderr_log, stderr_thread: Some(stderr_thread) };
        let deadline = Instant::now() + startup_timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match w.lines.recv_timeout(left) {
                Ok(line) => match protocol::parse_response(&line) {
                    Some(Response::Ready { version }) if version == protocol::VERSION => return Ok(w),
                    Some(Response::Ready { version }) => {
                        w.kill();
                        return Err(format!("worker speaks protocol {version}, expected {}", protocol::VERSION));
                    }
                    _ => continue,
                },
                Err(RecvTimeoutError::Timeout) => {
                    w.kill();
                    return Err(format!("worker did not start within {startup_timeout:?}"));
                }
                Err(RecvTimeoutError::Disconnected) => {
                    let why = w.reap();
                    return Err(format!("worker failed to start: {why}"));
                }
            }
        }
    }

    fn send(&mut self, line: &str) -> io::Result<()> {
        let stdin = self.stdin.as_mut().ok_or(io::ErrorKind::BrokenPipe)?;
        stdin.write_all(line.as_bytes())?;
        stdin.write_all(b"\n")?;
        stdin.flush()
    }

    fn wait_for(&mut self, id: u64, deadline: Instant) -> Wait {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => match protocol::parse_response(&line) {
                    Some(Response::Done { id: got, verdict, duration }) if got == id => return Wait::Done(verdict, duration),
                    _ => self.note_stray(line.trim_end()),
                },
                Err(RecvTimeoutError::Timeout) => return Wait::TimedOut,
                Err(RecvTimeoutError::Disconnected) => return Wait::Died,
            }
        }
    }

    fn note_stray(&self, line: &str) {
        self.stderr.lock().unwrap_or_else(|p| p.into_inner()).push(format!("(stdout) {line}"));
    }

    /// Kills the process and waits for it.
    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Waits for a dead worker and explains how it died.
    fn reap(mut self) -> String {
        self.stdin = None;
        // It closed its stdout; give it a moment to finish dying.
        let deadline = Instant::now() + Duration::from_secs(5);
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(s)) => break Ok(s),
                Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(5)),
                Ok(None) => {
                    let _ = self.child.kill();
                    break self.child.wait();
                }
                Err(e) => break Err(e),
            }
        };
        if let Some(t) = self.stderr_thread.take() {
            let _ = t.join();
        }
        let mut why = match status {
            Ok(s) => describe_exit(s),
            Err(e) => format!("cannot wait for worker: {e}"),
        };
        let log = self.stderr.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(panic) = &log.panic {
            why.push_str(": ");
            why.push_str(panic);
            return why;
        }
        let lines: Vec<&str> =
            log.tail.iter().map(|l| l.trim()).filter(|l| !l.is_empty() && !l.starts_with("note: run with `RUST_BACKTRACE")).collect();
        if !lines.is_empty() {
            let from = lines.len().saturating_sub(5);
            why.push_str(": ");
            why.push_str(&lines[from..].join(" | "));
        }
        why
    }

    /// Closes stdin (the worker exits) and waits for the process.
    fn finish(mut self) {
        self.stdin = None;
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            match self.child.try_wait() {
                Ok(Some(_)) | Err(_) => return,
                Ok(None) if Instant::now() >= deadline => return self.kill(),
                Ok(None) => thread::sleep(Duration::from_millis(10)),
            }
        }
    }
}

/// Describes how a process ended: its signal (with name) or exit code (101
/// is a Rust panic).
pub fn describe_exit(status: ExitStatus) -> String {
    if let Some(sig) = status.signal() {
        let name = match sig {
            4 => "SIGILL",
            5 => "SIGTRAP",
            6 => "SIGABRT",
            7 => "SIGBUS",
            8 => "SIGFPE",
            9 => "SIGKILL",
            11 => "SIGSEGV",
            13 => "SIGPIPE",
            15 => "SIGTERM",
            _ => "signal",
        };
        let core = if status.core_dumped() { ", core dumped" } else { "" };
        return format!("killed by signal {sig} ({name}{core})");
    }
    match status.code() {
        Some(101) => "panicked (exit code 101)".to_string(),
        Some(c) => format!("exited with code {c}"),
        None => "ended for an unknown reason".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judge::Status;
    use crate::testid::Mode;

    /// A fake worker in bash that speaks the protocol: tests whose path
    /// contains `segv`, `panic` or `hang` make it die by SIGSEGV, exit 101
    /// after printing a panic message, or hang; others pass.
    fn fake_worker() -> WorkerCommand {
        let script = r#"
            printf '\036READY\t1\n'
            while IFS=$'\t' read -r cmd id mode path; do
              case "$path" in
                *segv*) kill -SEGV $$ ;;
                *panic*) echo "test262-subset worker panicked: panicked at src/x.rs:1:1: boom in $path" >&2; for i in $(seq 40); do echo "  $i: backtrace frame" >&2; done; exit 101 ;;
                *died*) echo "some last words" >&2; exit 3 ;;
                *hang*) sleep 30 ;;
                *noisy*) echo "stray engine output"; printf '\036DONE\t%s\tfail\t5\tmessage with\\ttab\n' "$id" ;;
                *) printf '\036DONE\t%s\tpass\t10\t\n' "$id" ;;
              esac
            done
        "#;
        WorkerCommand { program: "/bin/bash".into(), args: vec!["-c".into(), script.into()] }
    }

    fn ids(paths: &[&str]) -> Vec<TestId> {
        paths.iter().map(|p| TestId::new(*p, Mode::Sloppy)).collect()
    }

    fn run_all(cmd: &WorkerCommand, tests: &[TestId], workers: usize) -> Vec<Outcome> {
        let opts = PoolOptions { workers, kill_after: Duration::from_millis(500), startup_timeout: Duration::from_secs(10) };
        let mut out = Vec::new();
        run(cmd, tests, &opts, |o| out.push(o)).unwrap();
        out.sort_by_key(|o| o.index);
        out
    }

    #[test]
    fn all_tests_get_a_result_in_order_of_index() {
        let tests = ids(&["a.js", "b.js", "c.js", "d.js", "e.js"]);
        let out = run_all(&fake_worker(), &tests, 2);
        assert_eq!(out.len(), 5);
        for (i, o) in out.iter().enumerate() {
            assert_eq!(o.index, i);
            assert_eq!(o.verdict.status, Status::Pass);
            assert_eq!(o.duration, Duration::from_micros(10));
        }
    }

    #[test]
    fn crashes_are_recorded_and_workers_replaced() {
        let tests = ids(&["a.js", "segv.js", "b.js", "panic.js", "c.js", "segv2.js", "d.js"]);
        let out = run_all(&fake_worker(), &tests, 1);
        let status: Vec<Status> = out.iter().map(|o| o.verdict.status).collect();
        use Status::*;
        assert_eq!(status, vec![Pass, Crash, Pass, Crash, Pass, Crash, Pass]);
        assert!(out[1].verdict.message.contains("signal 11 (SIGSEGV"), "{}", out[1].verdict.message);
        let panic = &out[3].verdict.message;
        assert!(panic.contains("panicked (exit code 101)"), "{panic}");
        assert!(panic.ends_with("panicked at src/x.rs:1:1: boom in panic.js"), "{panic}");
        let out = run_all(&fake_worker(), &ids(&["died.js", "a.js"]), 1);
        assert_eq!(out[0].verdict.message, "worker crashed: exited with code 3: some last words");
        assert_eq!(out[1].verdict.status, Status::Pass);
    }

    #[test]
    fn hung_workers_are_killed_after_the_deadline() {
        let tests = ids(&["hang.js", "a.js", "hang2.js", "b.js"]);
        let started = Instant::now();
        let out = run_all(&fake_worker(), &tests, 1);
        let status: Vec<Status> = out.iter().map(|o| o.verdict.status).collect();
        assert_eq!(status, vec![Status::Timeout, Status::Pass, Status::Timeout, Status::Pass]);
        assert!(out[0].verdict.message.contains("worker killed"));
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn stray_output_is_skipped_and_messages_unescaped() {
        let out = run_all(&fake_worker(), &ids(&["noisy.js", "a.js"]), 1);
        assert_eq!(out[0].verdict, Verdict::fail("message with\ttab"));
        assert_eq!(out[1].verdict.status, Status::Pass);
    }

    #[test]
    fn a_worker_that_cannot_start_aborts_the_run() {
        let cmd = WorkerCommand { program: "/bin/bash".into(), args: vec!["-c".into(), "echo 'bad engine flag' >&2; exit 2".into()] };
        let opts = PoolOptions { workers: 2, kill_after: Duration::from_secs(1), startup_timeout: Duration::from_secs(5) };
        let err = run(&cmd, &ids(&["a.js", "b.js"]), &opts, |_| {}).unwrap_err();
        assert!(err.contains("exited with code 2") && err.contains("bad engine flag"), "{err}");
        let missing = WorkerCommand { program: "/nonexistent/worker".into(), args: vec![] };
        assert!(run(&missing, &ids(&["a.js"]), &opts, |_| {}).is_err());
    }

    #[test]
    fn exit_descriptions() {
        assert_eq!(describe_exit(ExitStatus::from_raw(101 << 8)), "panicked (exit code 101)");
        assert_eq!(describe_exit(ExitStatus::from_raw(3 << 8)), "exited with code 3");
        assert_eq!(describe_exit(ExitStatus::from_raw(6)), "killed by signal 6 (SIGABRT)");
    }
}
