//! The JIT tiers: what they share (the compiled-code calling convention, the runtime calls,
//! code memory, tier-up policy) and the tiers themselves (`baseline/`).
//!
//! Compiled code runs on the interpreter's own frames: registers stay in the VM register
//! stack, so the collector, stack traces and the interpreter see a compiled frame exactly as
//! an interpreted one, and either tier can take a frame over at any instruction boundary.
//! Only the accumulator lives in a machine register; runtime calls that can observe it
//! receive it as an argument and spill it into the frame's accumulator slot.
//!
//! Calling convention of a compiled function ([`JitFn`]): `(runtime, frame, fp, entry_pc)`
//! returns the accumulator at `Return` (the caller applies `[[Construct]]`'s result rule and
//! pops the frame), or [`EXCEPTION`] with the exception left in [`Jit::pending`]. `entry_pc`
//! is 0, or a loop header for on-stack replacement (the accumulator is then read from the
//! frame). The frame is pushed, and its entry safepoint taken, by whoever calls.

pub(crate) mod baseline;
mod runtime_calls;
#[cfg(test)]
mod tests;

use crate::heap::Gc;
use crate::runtime::function::FunctionCode;
use crate::runtime::{JsResult, Runtime, Throw};
use crate::value::Value;
use std::time::Duration;

/// The execution tiers a runtime may use.
#[derive(Copy, Clone, PartialEq, Eq, Debug, Default)]
pub enum Tier {
    /// The interpreter only.
    #[default]
    Off,
    /// The interpreter and the baseline JIT.
    Baseline,
}

impl Tier {
    /// Parses a `--jit=` value. `full` means every tier that exists (the baseline JIT, until
    /// the optimizing tier lands).
    pub fn parse(s: &str) -> Option<Tier> {
        match s {
            "off" => Some(Tier::Off),
            "baseline" | "full" => Some(Tier::Baseline),
            _ => None,
        }
    }
}

/// A compiled function's entry point (see the module documentation).
pub(crate) type JitFn = unsafe extern "C" fn(rt: *mut Runtime, frame: *mut Value, fp: usize, entry_pc: u32) -> u64;

/// The value compiled code and runtime calls return for "an exception is pending". Its tag
/// (`0xFFFB`) is never used by a [`Value`].
pub(crate) const EXCEPTION: u64 = 0xFFFB_0000_0000_0000;

/// A function's state with respect to the JIT.
#[derive(Copy, Clone, Default)]
pub enum JitCode {
    /// Not compiled (yet).
    #[default]
    None,
    /// Compiled by the baseline tier.
    Baseline(JitFn),
    /// Not compilable by any tier (the reason was traced).
    Never,
}

/// Counters for `--stats` and `--trace-jit` totals.
#[derive(Default, Debug, Clone)]
pub struct JitStats {
    /// Functions compiled by the baseline tier.
    pub compiled: u32,
    /// Functions left to the interpreter (generators and async functions).
    pub not_compiled: u32,
    /// Bytecode instructions compiled.
    pub bytecode_ops: u64,
    /// Machine-code bytes produced.
    pub code_bytes: u64,
    /// Time spent compiling.
    pub compile_time: Duration,
    /// Entries into compiled code from the interpreter at a loop header.
    pub osr_entries: u64,
}

/// The runtime's JIT state.
pub struct Jit {
    /// The highest tier in use.
    pub tier: Tier,
    /// Compile on first call (tests use it to run everything compiled).
    pub eager: bool,
    /// Invocations before a function is compiled.
    pub threshold: u32,
    /// Loop back-edges before a running function is compiled and entered mid-loop.
    pub osr_threshold: u32,
    /// Print one line per compile.
    pub trace: bool,
    /// Counters.
    pub stats: JitStats,
    /// The pc after a stepped instruction (read by compiled code; see
    /// [`crate::interpreter::step`]).
    pub(crate) next_pc: u32,
    /// The exception compiled code is propagating.
    pub(crate) pending: Option<Throw>,
    /// Code memory, created on first compile and freed with the runtime.
    pub(crate) module: Option<baseline::CodeModule>,
}

/// Default invocation count before baseline compilation (measured with the benches harness:
/// compiling is cheap, so functions tier up early).
pub const DEFAULT_THRESHOLD: u32 = 2;
/// Default loop back-edges before on-stack replacement.
pub const DEFAULT_OSR_THRESHOLD: u32 = 100;

impl Jit {
    /// JIT state for the given tier.
    pub fn new(tier: Tier, eager: bool, threshold: Option<u32>, trace: bool) -> Jit {
        Jit {
            tier,
            eager,
            threshold: threshold.unwrap_or(DEFAULT_THRESHOLD),
            osr_threshold: threshold.map_or(DEFAULT_OSR_THRESHOLD, |t| t.saturating_mul(50)),
            trace,
            stats: JitStats::default(),
            next_pc: 0,
            pending: None,
            module: None,
        }
    }
}

/// The compiled entry of `code`, compiling it now if it is hot enough (or eager).
#[inline]
pub(crate) fn entry_for(rt: &mut Runtime, code: Gc<FunctionCode>) -> Option<JitFn> {
    match code.jit {
        JitCode::Baseline(f) => Some(f),
        JitCode::Never => None,
        JitCode::None if rt.jit.tier == Tier::Off => None,
        JitCode::None if !rt.jit.eager && code.invocations < rt.jit.threshold => None,
        JitCode::None => compile(rt, code),
    }
}

/// As [`entry_for`], at a loop back-edge of an interpreted frame of `code`.
#[inline]
pub(crate) fn osr_entry_for(rt: &mut Runtime, code: Gc<FunctionCode>) -> Option<JitFn> {
    let f = match code.jit {
        JitCode::Baseline(f) => f,
        JitCode::Never => return None,
        JitCode::None if rt.jit.tier == Tier::Off => return None,
        JitCode::None if !rt.jit.eager && code.back_edges < rt.jit.osr_threshold => return None,
        JitCode::None => compile(rt, code)?,
    };
    rt.jit.stats.osr_entries += 1;
    Some(f)
}

#[cold]
fn compile(rt: &mut Runtime, code: Gc<FunctionCode>) -> Option<JitFn> {
    let result = baseline::compile(&mut rt.jit, &code);
    let state = match result {
        Ok(f) => JitCode::Baseline(f),
        Err(reason) => {
            rt.jit.stats.not_compiled += 1;
            if rt.jit.trace {
                let name = String::from_utf16_lossy(&code.block.name);
                eprintln!("[jit] not compiled: {} ({reason})", if name.is_empty() { "<anonymous>" } else { &name });
            }
            JitCode::Never
        }
    };
    code.get_mut().jit = state;
    match state {
        JitCode::Baseline(f) => Some(f),
        _ => None,
    }
}

/// Runs compiled code for the frame at `fp` from `entry_pc` until it returns. The frame stays
/// pushed: the caller pops it and applies the return rules.
pub(crate) fn run_frame(rt: &mut Runtime, fp: usize, f: JitFn, entry_pc: u32) -> JsResult<Value> {
    rt.check_native_stack()?;
    let frame = rt.stack[fp..].as_mut_ptr();
    // SAFETY: `f` was produced by the baseline compiler for the frame's function and follows
    // `JitFn`'s convention; `frame` points at the frame inside the register stack, which is
    // allocated once and never moves; the runtime pointer is the only live access to `rt`
    // while compiled code runs (runtime calls rebuild `&mut Runtime` from it).
    let bits = unsafe { f(rt as *mut Runtime, frame, fp, entry_pc) };
    if bits == EXCEPTION {
        // Compiled code returns EXCEPTION only with an exception pending (an OSR entry at a pc
        // that is not a loop header would be a bug in the caller).
        Err(rt.jit.pending.take().unwrap_or_else(|| rt.type_error("internal error: compiled code entered at a bad pc")))
    } else {
        Ok(Value::from_bits(bits))
    }
}
