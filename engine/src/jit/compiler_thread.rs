//! The JIT tiers' background compiler (V8's concurrent recompilation, SpiderMonkey's
//! off-thread Ion compiles): the runtime builds a function's Cranelift IR on its own thread,
//! where it may read the heap, and hands it to this thread, which runs Cranelift's optimizer,
//! register allocator and emitter (most of a compile's time) while the function keeps running
//! in its current tier. The runtime installs the machine code at its next chance
//! ([`crate::jit::finish_compiles`]). Baseline compiles go first: they are short, and a
//! function waiting for one runs in the interpreter.
//!
//! Nothing here touches the runtime: a [`BuiltFunction`] and its [`MachineCode`] are plain
//! data. The thread lives as long as its runtime's [`CompilerThread`]; dropping that closes
//! the job queue, and the thread ends after the job it is on (it is not waited for).
//!
//! The thread starts with the first compile and begins with the stubs every compiled function
//! calls ([`StubCode`]), so with concurrent compiles the runtime does not stop for them (a few
//! milliseconds): it keeps running the function in the interpreter meanwhile.

use super::code_module::{BuiltFunction, MachineCode, StubCode};
use super::cpu_clock::CpuInstant;
use cranelift_codegen::isa::OwnedTargetIsa;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender, TryRecvError};
use std::sync::Arc;
use std::time::Duration;

/// A compile handed to the thread, named by the ticket the runtime chose.
struct Job {
    ticket: u64,
    func: BuiltFunction,
    /// The instruction set with the settings of the function's tier.
    isa: OwnedTargetIsa,
    /// A baseline compile (taken before optimized ones).
    baseline: bool,
}

/// A compile the thread finished.
pub(crate) struct Done {
    /// The job's ticket.
    pub ticket: u64,
    /// Its machine code, or why there is none.
    pub result: Result<MachineCode, String>,
    /// The CPU time the thread spent on it.
    pub time: Duration,
}

/// A runtime's handle on its background compiler thread.
pub(crate) struct CompilerThread {
    jobs: Sender<Job>,
    done: Receiver<Done>,
    /// The stubs (and the time they took), until taken.
    stubs: Option<Receiver<(Result<StubCode, String>, Duration)>>,
    /// Compiles the thread has sent on `done` (plus one when it ends), and how many the runtime
    /// took: a function waiting for its code polls at every call, and a poll with nothing new
    /// reads this counter instead of the channel (which was 2% of deltablue.js's time).
    sent: Arc<AtomicU64>,
    taken: u64,
}

/// Counts the thread's end as news, so that the runtime's next poll reads the channel and sees
/// it disconnected.
struct CountEnd(Arc<AtomicU64>);

impl Drop for CountEnd {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::Release);
    }
}

impl CompilerThread {
    /// Starts the thread, which runs `start` and compiles the stubs first.
    pub(crate) fn spawn(start: Option<fn()>) -> Result<CompilerThread, String> {
        let (jobs, queue) = channel::<Job>();
        let (finished, done) = channel();
        let (stubs_done, stubs) = channel();
        let sent = Arc::new(AtomicU64::new(0));
        let counter = sent.clone();
        std::thread::Builder::new()
            .name("jolt-jit".into())
            .spawn(move || {
                let end = CountEnd(counter);
                if let Some(f) = start {
                    f();
                }
                let started = CpuInstant::now();
                let stubs = std::panic::catch_unwind(StubCode::new).unwrap_or_else(|_| Err("Cranelift panicked".into()));
                if stubs_done.send((stubs, started.elapsed())).is_err() {
                    return;
                }
                let mut waiting: Vec<Job> = Vec::new();
                let mut ctx = cranelift_codegen::Context::new();
                loop {
                    // Take everything queued, then the oldest baseline job, else the oldest.
                    if waiting.is_empty() {
                        match queue.recv() {
                            Ok(j) => waiting.push(j),
                            Err(_) => break,
                        }
                    }
                    waiting.extend(queue.try_iter());
                    let next = waiting.iter().position(|j| j.baseline).unwrap_or(0);
                    let job = waiting.remove(next);
                    let started = CpuInstant::now();
                    let result = job.func.compile(&*job.isa, &mut ctx);
                    // The runtime is gone when no one receives: nothing left to do.
                    if finished.send(Done { ticket: job.ticket, result, time: started.elapsed() }).is_err() {
                        break;
                    }
                    end.0.fetch_add(1, Ordering::Release);
                }
            })
            .map_err(|e| format!("no compiler thread: {e}"))?;
        Ok(CompilerThread { jobs, done, stubs: Some(stubs), sent, taken: 0 })
    }

    /// The stubs and their compile time, waiting for them if the thread is still compiling
    /// them; `None` if they were taken already or the thread is gone.
    pub(crate) fn take_stubs(&mut self) -> Option<(Result<StubCode, String>, Duration)> {
        self.stubs.take()?.recv().ok()
    }

    /// Queues `func` (of the tier whose instruction set is `isa`; `baseline`: the baseline
    /// tier) for compilation under `ticket`; gives it back if the thread is gone.
    pub(crate) fn submit(&self, ticket: u64, func: BuiltFunction, isa: OwnedTargetIsa, baseline: bool) -> Result<(), BuiltFunction> {
        self.jobs.send(Job { ticket, func, isa, baseline }).map_err(|e| e.0.func)
    }

    /// A finished compile, if one is waiting; `Err` if the thread is gone (its jobs with it).
    pub(crate) fn try_done(&mut self) -> Result<Option<Done>, ()> {
        if self.sent.load(Ordering::Acquire) == self.taken {
            return Ok(None);
        }
        match self.done.try_recv() {
            Ok(d) => {
                self.taken += 1;
                Ok(Some(d))
            }
            Err(TryRecvError::Empty) => Ok(None),
            Err(TryRecvError::Disconnected) => Err(()),
        }
    }
}
