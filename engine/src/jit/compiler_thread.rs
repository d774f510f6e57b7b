//! The optimizing tier's background compiler (V8's concurrent recompilation, SpiderMonkey's
//! off-thread Ion compiles): the runtime builds an optimized function's Cranelift IR on its
//! own thread, where it may read the heap, and hands it to this thread, which runs
//! Cranelift's optimizer, register allocator and emitter (most of a compile's time) while
//! the function keeps running in the baseline tier. The runtime installs the machine code
//! at its next chance ([`crate::jit::finish_compiles`]).
//!
//! Nothing here touches the runtime: a [`BuiltFunction`] and its [`MachineCode`] are plain
//! data. The thread lives as long as its runtime's [`CompilerThread`]; dropping that closes
//! the job queue, and the thread ends after the job it is on (it is not waited for).

use super::code_module::{BuiltFunction, MachineCode};
use cranelift_codegen::isa::OwnedTargetIsa;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::time::{Duration, Instant};

/// A compile handed to the thread, named by the ticket the runtime chose.
struct Job {
    ticket: u64,
    func: BuiltFunction,
}

/// A compile the thread finished.
pub(crate) struct Done {
    /// The job's ticket.
    pub ticket: u64,
    /// Its machine code, or why there is none.
    pub result: Result<MachineCode, String>,
    /// The time the thread spent on it.
    pub time: Duration,
}

/// A runtime's handle on its background compiler thread.
pub(crate) struct CompilerThread {
    jobs: Sender<Job>,
    done: Receiver<Done>,
}

impl CompilerThread {
    /// Starts a thread compiling for `isa`.
    pub(crate) fn spawn(isa: OwnedTargetIsa) -> Result<CompilerThread, String> {
        let (jobs, queue) = channel::<Job>();
        let (finished, done) = channel();
        std::thread::Builder::new()
            .name("jolt-jit".into())
            .spawn(move || {
                while let Ok(job) = queue.recv() {
                    let started = Instant::now();
                    let result = job.func.compile(&*isa);
                    // The runtime is gone when no one receives: nothing left to do.
                    if finished.send(Done { ticket: job.ticket, result, time: started.elapsed() }).is_err() {
                        break;
                    }
                }
            })
            .map_err(|e| format!("no compiler thread: {e}"))?;
        Ok(CompilerThread { jobs, done })
    }

    /// Queues `func` for compilation under `ticket`; gives it back if the thread is gone.
    pub(crate) fn submit(&self, ticket: u64, func: BuiltFunction) -> Result<(), BuiltFunction> {
        self.jobs.send(Job { ticket, func }).map_err(|e| e.0.func)
    }

    /// A finished compile, if one is waiting.
    pub(crate) fn try_done(&self) -> Option<Done> {
        self.done.try_recv().ok()
    }
}
