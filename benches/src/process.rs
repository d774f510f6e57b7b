//! Running one engine process: whole-process wall time, peak resident memory, a time cap.
//!
//! Peak memory comes from the kernel's own accounting: the child is reaped with `wait4(2)`,
//! whose `struct rusage` carries `ru_maxrss` (kilobytes on Linux). `std` exposes neither
//! `wait4` nor `rusage`, so the two libc functions used (`waitid`, `wait4`, plus `kill` for
//! the time cap) are declared by hand in [`sys`], Linux only. The sequence is race-free:
//!
//! 1. `waitid(WEXITED | WNOWAIT)` blocks until the child has exited but leaves it a zombie,
//!    so its pid cannot be reused yet; the wall time is taken here;
//! 2. a watchdog thread, which sends `SIGKILL` to the child's process group when the cap
//!    expires, is told to stand down
//!    (under a mutex, so it either killed a live-or-zombie child or will never kill);
//! 3. `wait4` reaps the zombie and returns its resource usage.
//!
//! On other systems the fallback polls `Child::try_wait` and reports no memory figure.

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Exited with this status code.
    Code(i32),
    /// Killed by this signal (not by us).
    Signal(i32),
    /// Killed by the harness when the time cap expired.
    TimedOut,
}

/// The result of one process run.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// Wall time from spawn to exit.
    pub wall: Duration,
    /// How it ended.
    pub exit: Exit,
    /// Captured standard output.
    pub stdout: String,
    /// Captured standard error.
    pub stderr: String,
    /// Peak resident set size in KiB, when the platform reports it.
    pub max_rss_kb: Option<u64>,
}

impl Outcome {
    /// Did the process exit with status 0?
    pub fn success(&self) -> bool {
        self.exit == Exit::Code(0)
    }

    /// A one-line description of a failure (exit status and the last line of stderr).
    pub fn failure_summary(&self) -> String {
        let what = match &self.exit {
            Exit::Code(c) => format!("exit {c}"),
            Exit::Signal(s) => format!("signal {s}"),
            Exit::TimedOut => "timeout".to_string(),
        };
        // The error line: "Uncaught ..." (jolt, QuickJS) or "TypeError: ..." (node, Boa).
        let is_error_line =
            |l: &&str| l.starts_with("Uncaught") || l.split(':').next().is_some_and(|w| !w.contains(' ') && w.ends_with("Error"));
        let first_error = self.stderr.lines().map(str::trim).find(is_error_line);
        let last = self.stderr.lines().map(str::trim).rfind(|l| !l.is_empty());
        match first_error.or(last) {
            Some(line) => format!("{what}: {}", truncate(line, 160)),
            None => what,
        }
    }
}

/// Cuts `s` to at most `n` characters, marking the cut with an ellipsis.
pub fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn reader(stream: Option<impl Read + Send + 'static>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut s) = stream {
            let _ = s.read_to_end(&mut buf);
        }
        String::from_utf8_lossy(&buf).into_owned()
    })
}

/// Runs `program args...` to completion or until `cap` expires (then kills it), capturing
/// its output.
pub fn run(program: &str, args: &[String], cap: Duration) -> std::io::Result<Outcome> {
    let mut cmd = Command::new(program);
    cmd.args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    // Its own process group, so that the time cap also kills anything it spawned (which would
    // otherwise keep the output pipes open).
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let out = reader(child.stdout.take());
    let err = reader(child.stderr.take());
    let (wall, exit, max_rss_kb) = wait_with_cap(&mut child, start, cap)?;
    Ok(Outcome { wall, exit, stdout: out.join().unwrap_or_default(), stderr: err.join().unwrap_or_default(), max_rss_kb })
}

#[derive(Default)]
struct Watch {
    done: bool,
    killed: bool,
}

/// Starts the watchdog: kills `pid` with `kill_fn` at `deadline` unless told to stand down.
fn watchdog(deadline: Instant, kill_fn: impl FnOnce() + Send + 'static) -> (Arc<(Mutex<Watch>, Condvar)>, thread::JoinHandle<()>) {
    let state = Arc::new((Mutex::new(Watch::default()), Condvar::new()));
    let s2 = Arc::clone(&state);
    let handle = thread::spawn(move || {
        let (lock, cv) = &*s2;
        let mut st = lock.lock().unwrap_or_else(|e| e.into_inner());
        while !st.done {
            let now = Instant::now();
            if now >= deadline {
                kill_fn();
                st.killed = true;
                return;
            }
            st = cv.wait_timeout(st, deadline - now).unwrap_or_else(|e| e.into_inner()).0;
        }
    });
    (state, handle)
}

/// Tells the watchdog to stand down; returns whether it had already killed the child.
fn stand_down(state: &Arc<(Mutex<Watch>, Condvar)>, handle: thread::JoinHandle<()>) -> bool {
    let killed = {
        let (lock, cv) = &**state;
        let mut st = lock.lock().unwrap_or_else(|e| e.into_inner());
        st.done = true;
        cv.notify_all();
        st.killed
    };
    let _ = handle.join();
    killed
}

#[cfg(target_os = "linux")]
fn wait_with_cap(child: &mut std::process::Child, start: Instant, cap: Duration) -> std::io::Result<(Duration, Exit, Option<u64>)> {
    let pid = child.id() as i32;
    let (state, handle) = watchdog(start + cap, move || {
        // SAFETY: plain syscall. The child leads its own process group and is alive or a
        // zombie (not yet reaped, see the module comment), so `-pid` still names its group.
        unsafe {
            sys::kill(-pid, sys::SIGKILL);
        }
    });
    // 1. Wait for exit without reaping.
    loop {
        let mut info = [0u64; 16]; // siginfo_t is 128 bytes
                                   // SAFETY: `info` is a writable buffer of siginfo_t's size.
        let r = unsafe { sys::waitid(sys::P_PID, pid as u32, info.as_mut_ptr().cast(), sys::WEXITED | sys::WNOWAIT) };
        if r == 0 {
            break;
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            stand_down(&state, handle);
            return Err(e);
        }
    }
    let wall = start.elapsed();
    // 2. The watchdog stands down (or has already killed the child).
    let killed = stand_down(&state, handle);
    // 3. Reap, collecting the resource usage.
    // SAFETY: `Rusage` is a plain C struct with the layout of Linux's `struct rusage`.
    let mut usage: sys::Rusage = unsafe { std::mem::zeroed() };
    let mut status = 0i32;
    loop {
        // SAFETY: valid pointers to a status word and a rusage struct.
        let r = unsafe { sys::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
    let exit = if killed {
        Exit::TimedOut
    } else if status & 0x7f == 0 {
        Exit::Code((status >> 8) & 0xff)
    } else {
        Exit::Signal(status & 0x7f)
    };
    let rss = u64::try_from(usage.ru_maxrss).ok().filter(|&kb| kb > 0);
    Ok((wall, exit, rss))
}

#[cfg(not(target_os = "linux"))]
fn wait_with_cap(child: &mut std::process::Child, start: Instant, cap: Duration) -> std::io::Result<(Duration, Exit, Option<u64>)> {
    loop {
        if let Some(status) = child.try_wait()? {
            let wall = start.elapsed();
            let exit = match status.code() {
                Some(c) => Exit::Code(c),
                None => Exit::Signal(-1),
            };
            return Ok((wall, exit, None));
        }
        if start.elapsed() >= cap {
            child.kill()?;
            child.wait()?;
            return Ok((start.elapsed(), Exit::TimedOut, None));
        }
        thread::sleep(Duration::from_millis(2));
    }
}

/// The few libc declarations used above (Linux; glibc and musl share these layouts).
#[cfg(target_os = "linux")]
#[allow(missing_docs)]
pub mod sys {
    use std::os::raw::{c_int, c_long, c_uint, c_void};

    pub const P_PID: c_uint = 1;
    pub const WEXITED: c_int = 4;
    pub const WNOWAIT: c_int = 0x0100_0000;
    pub const SIGKILL: c_int = 9;

    /// `struct timeval`
    #[repr(C)]
    pub struct Timeval {
        pub tv_sec: c_long,
        pub tv_usec: c_long,
    }

    /// `struct rusage`: two timevals, then fourteen longs of which the first is `ru_maxrss`.
    #[repr(C)]
    pub struct Rusage {
        pub ru_utime: Timeval,
        pub ru_stime: Timeval,
        pub ru_maxrss: c_long,
        pub ru_rest: [c_long; 13],
    }

    extern "C" {
        pub fn waitid(idtype: c_uint, id: c_uint, infop: *mut c_void, options: c_int) -> c_int;
        pub fn wait4(pid: c_int, status: *mut c_int, options: c_int, rusage: *mut Rusage) -> c_int;
        pub fn kill(pid: c_int, sig: c_int) -> c_int;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str, cap: Duration) -> Outcome {
        run("/bin/sh", &["-c".to_string(), script.to_string()], cap).expect("spawn /bin/sh")
    }

    #[test]
    fn captures_output_and_status() {
        let o = sh("echo out; echo err >&2; exit 3", Duration::from_secs(10));
        assert_eq!(o.stdout, "out\n");
        assert_eq!(o.stderr, "err\n");
        assert_eq!(o.exit, Exit::Code(3));
        assert!(!o.success());
        assert_eq!(o.failure_summary(), "exit 3: err");
        // node's layout: the source line comes before the error line.
        let node = sh(
            "printf 'f.js:1\\nthrow new TypeError(1)\\n^\\n\\nTypeError: deliberate\\n    at f.js:1\\n' >&2; exit 1",
            Duration::from_secs(10),
        );
        assert_eq!(node.failure_summary(), "exit 1: TypeError: deliberate");
    }

    #[test]
    fn enforces_the_cap() {
        let o = sh("sleep 5", Duration::from_millis(200));
        assert_eq!(o.exit, Exit::TimedOut);
        assert!(o.wall < Duration::from_secs(4));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn reports_peak_memory() {
        let o = sh("exit 0", Duration::from_secs(10));
        assert!(o.success());
        assert!(o.max_rss_kb.unwrap_or(0) > 0);
    }

    #[test]
    fn truncates_long_lines() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }
}
