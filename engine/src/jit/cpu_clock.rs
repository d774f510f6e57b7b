//! The compiling thread's CPU time, which is what compile times are reported in
//! (`--trace-jit`, `--trace-opt`, `--stats`). The background thread's wall time can be many
//! times its work on a busy machine: the same stub compile measured 6 to 29 ms of wall time
//! across one benchmark run, and one program's baseline compiles 56 ms of CPU time but
//! 462 ms of wall time.

use std::time::Duration;

/// A reading of the current thread's CPU clock.
#[derive(Copy, Clone, Debug)]
pub(crate) struct CpuInstant(Duration);

impl CpuInstant {
    /// The current thread's CPU time so far.
    pub(crate) fn now() -> CpuInstant {
        CpuInstant(thread_cpu_time())
    }

    /// The CPU time the current thread (the one that read `self`) spent since `self`.
    pub(crate) fn elapsed(self) -> Duration {
        thread_cpu_time().saturating_sub(self.0)
    }
}

#[cfg(unix)]
fn thread_cpu_time() -> Duration {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a live, writable `timespec`, the only memory `clock_gettime` writes.
    let failed = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } != 0;
    if failed {
        return Duration::ZERO;
    }
    Duration::new(u64::try_from(t.tv_sec).unwrap_or(0), u32::try_from(t.tv_nsec).unwrap_or(0))
}

/// Without a per-thread CPU clock: wall time, which includes waits for a core.
#[cfg(not(unix))]
fn thread_cpu_time() -> Duration {
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

#[cfg(all(test, unix))]
mod tests {
    use super::CpuInstant;
    use std::time::{Duration, Instant};

    #[test]
    fn counts_work_but_not_sleep() {
        let start = CpuInstant::now();
        std::thread::sleep(Duration::from_millis(30));
        let slept = start.elapsed();
        let wall = Instant::now();
        let mut x = 1u64;
        while wall.elapsed() < Duration::from_millis(30) {
            x = std::hint::black_box(x.wrapping_mul(6364136223846793005).wrapping_add(1));
        }
        let busy = start.elapsed() - slept;
        assert!(slept < Duration::from_millis(15), "sleeping counted {slept:?}");
        assert!(busy >= Duration::from_millis(5), "30 ms of work counted {busy:?}");
    }
}
