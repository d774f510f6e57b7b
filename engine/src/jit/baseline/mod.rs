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

use super::code_module::{CodeModule, ModuleSettings};
use super::Jit;
use super::JitFn;
use crate::runtime::function::FunctionCode;
use std::time::Instant;

/// Cranelift at its fastest: the baseline tier's code is simple, the optimizer would not pay for
/// itself, and values mostly live in the frame, so the single-pass allocator loses little.
const SETTINGS: ModuleSettings = ModuleSettings { opt_level: "none", regalloc: "single_pass" };

/// Compiles `code` with the baseline tier.
pub(crate) fn compile(jit: &mut Jit, code: &FunctionCode) -> Result<JitFn, String> {
    let block = &code.block;
    if block.generator || block.is_async {
        return Err("generator or async function: suspends its frame, runs in the interpreter".into());
    }
    let started = Instant::now();
    if jit.module.is_none() {
        jit.module = Some(CodeModule::new(SETTINGS)?);
    }
    let cm = jit.module.as_mut().expect("created above");
    // Optimized code is entered from loops only when that tier is on.
    let osr_back_edges = if jit.tier == super::Tier::Full { jit.opt_osr_threshold } else { u32::MAX };
    let (f, size) = cm.compile(code, |mut t| {
        t.osr_back_edges = osr_back_edges;
        t.translate()
    })?;
    let elapsed = started.elapsed();
    jit.stats.compiled += 1;
    jit.stats.bytecode_ops += block.ops.len() as u64;
    jit.stats.code_bytes += size as u64;
    jit.stats.compile_time += elapsed;
    if jit.trace {
        eprintln!(
            "[jit] baseline {} ({} ops -> {} bytes, {:.1} us)",
            super::display_name(code),
            block.ops.len(),
            size,
            elapsed.as_secs_f64() * 1e6
        );
    }
    Ok(f)
}
