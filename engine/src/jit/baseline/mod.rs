//! The baseline JIT: bytecode straight to machine code in one pass, with no speculation of
//! its own (V8's Sparkplug, SpiderMonkey's Baseline JIT).
//!
//! Another visitor over the one instruction table: each instruction becomes either inline
//! machine code for its common case (register moves, constants, jumps, int32 arithmetic and
//! comparisons with overflow checks, `return`) falling back to the interpreter's own
//! implementation of the instruction, or directly that implementation ([`jit_step`], which
//! runs exactly one instruction of this frame with the interpreter's semantics, feedback
//! included). Compiled code therefore gives the interpreter's results by construction, and
//! removes the dispatch loop. Exceptions go to the frame's handlers, which are known
//! statically; every loop header is an on-stack-replacement entry.
//!
//! [`jit_step`]: super::runtime_calls::jit_step
//!
//! The translation itself is [`super::translate`], shared with the optimizing tier; this
//! module is its configuration without speculation.

use super::code_module::{BuiltFunction, MachineCode, ModuleSettings};
use super::cpu_clock::CpuInstant;
use super::Jit;
use super::JitFn;
use crate::heap::Gc;
use crate::runtime::function::FunctionCode;
use crate::runtime::shape::PropertyKey;
use std::time::Duration;

/// Cranelift without its optimizer (it would not pay for itself on this code), but with the
/// backtracking register allocator: the single-pass one spills every value live across a
/// block boundary, and baseline code has a block boundary at nearly every instruction (each
/// fast path's merge with its slow path). Measured by instructions over the 17 JavaScript
/// bench programs: compiled code 10-30% smaller in instructions run, compiling 15-45% more,
/// whole runs 3-28% fewer instructions (geomean 0.88).
const SETTINGS: ModuleSettings = ModuleSettings { opt_level: "none", regalloc: "backtracking" };

/// With the optimizing tier on, baseline code is a bridge: a hot function runs it until its
/// optimized code is ready, and both tiers compile on one thread, so every baseline compile
/// delays the optimized ones queued behind it. There the baseline compiles as it did before
/// [`SETTINGS`]: with the single-pass allocator, and calls through the stub instead of in
/// place. Measured by instructions over the 17 JavaScript bench programs (`--jit-sync`):
/// compiling 7-23% less, compiled code 0-3% more, whole runs 0-6% fewer (geomean 0.976).
const BRIDGE_SETTINGS: ModuleSettings = ModuleSettings { opt_level: "none", regalloc: "single_pass" };

/// What installing a baseline compile reports.
pub(crate) struct CompileRecord {
    /// The function's name and size, when tracing.
    trace: Option<(String, usize)>,
    /// Its bytecode instructions.
    ops: usize,
    /// Time spent building the function.
    build_time: Duration,
}

/// Builds `code`'s baseline function: what is left is compiling it to machine code
/// ([`BuiltFunction::compile`], on any thread) and installing that with [`install`].
pub(crate) fn prepare(jit: &mut Jit, code: Gc<FunctionCode>, prototype: PropertyKey) -> Result<(BuiltFunction, CompileRecord), String> {
    let block = &code.block;
    if block.generator || block.is_async {
        return Err("generator or async function: suspends its frame, runs in the interpreter".into());
    }
    let started = CpuInstant::now();
    let bridge = jit.tier == super::Tier::Full;
    if jit.module.is_none() {
        jit.module = Some(jit.new_module(if bridge { BRIDGE_SETTINGS } else { SETTINGS })?);
    }
    let cm = jit.module.as_mut().expect("created above");
    // Optimized code is entered from loops only when that tier is on.
    let osr_back_edges = if bridge { jit.opt_osr_threshold } else { u32::MAX };
    let (mut callees, mut roots) = (Vec::new(), Vec::new());
    let built = cm.build(&code, |mut t| {
        t.osr_back_edges = osr_back_edges;
        t.compared = Some(Vec::new());
        t.calls_in_place = !bridge;
        t.prototype = Some(prototype);
        (callees, roots) = t.translate();
    })?;
    // The code compares callees (and prototypes, constructors' shapes) against these cells:
    // they live as long as it, from now (the compile may finish on another thread while the
    // program runs and collects).
    code.get_mut().jit_objects.extend(callees);
    code.get_mut().opt_roots.extend(roots);
    let trace = jit.trace.then(|| (super::display_name(&code), code.block.ops.len()));
    Ok((built, CompileRecord { trace, ops: code.block.ops.len(), build_time: started.elapsed() }))
}

/// Installs the machine code compiled (in `compile_time`) for a prepared compile.
pub(crate) fn install(
    jit: &mut Jit,
    record: CompileRecord,
    machine: Result<MachineCode, String>,
    compile_time: Duration,
) -> Result<JitFn, String> {
    let elapsed = record.build_time + compile_time;
    jit.stats.compile_time += elapsed;
    let (f, size) = jit.module.as_mut().expect("created by prepare").install(machine?)?;
    jit.stats.compiled += 1;
    jit.stats.bytecode_ops += record.ops as u64;
    jit.stats.code_bytes += size as u64;
    if let Some((name, ops)) = record.trace {
        eprintln!("[jit] baseline {name} ({ops} ops -> {size} bytes, {:.1} us)", elapsed.as_secs_f64() * 1e6);
    }
    Ok(f)
}
