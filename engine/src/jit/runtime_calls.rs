//! The runtime functions compiled code calls (`extern "C"`, registered by name with the
//! code module). Each takes the runtime pointer compiled code received and returns a value's
//! bits, or [`EXCEPTION`] with the exception stored in [`Jit::pending`](super::Jit).
//!
//! None of them may unwind: a Rust panic inside one aborts the process at the `extern "C"`
//! boundary instead of unwinding through machine code.

use super::EXCEPTION;
use crate::interpreter::frame::{ACC_SLOT, CONTEXT_SLOT};
use crate::interpreter::{frame_end, safepoint, step};
use crate::runtime::{JsResult, Runtime, Throw};
use crate::value::Value;

/// Converts a result for compiled code.
#[inline]
fn ret(rt: &mut Runtime, r: JsResult<Value>) -> u64 {
    match r {
        Ok(v) => v.to_bits(),
        Err(e) => {
            rt.jit.pending = Some(e);
            EXCEPTION
        }
    }
}

/// Rebuilds the runtime reference from the pointer compiled code was given.
///
/// # Safety
/// `rt` must be the pointer [`super::run_frame`] passed to compiled code, which is running
/// now; nothing else accesses the runtime during the call.
#[inline]
unsafe fn runtime<'a>(rt: *mut Runtime) -> &'a mut Runtime {
    // SAFETY: guaranteed by the caller (see above).
    unsafe { &mut *rt }
}

/// Executes the instruction at `pc` with the interpreter's semantics (see
/// [`crate::interpreter::step`]); the next pc is left in `Jit::next_pc`.
pub(super) unsafe extern "C" fn jit_step(rt: *mut Runtime, fp: usize, pc: u32, acc: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    let r = step(rt, fp, pc, Value::from_bits(acc));
    ret(rt, r)
}

/// A loop back-edge: counts it, polls the interrupt flag and lets a pending collection run
/// (the accumulator is spilled into the frame so the collector sees it). Returns `acc`.
pub(super) unsafe extern "C" fn jit_loop_safepoint(rt: *mut Runtime, fp: usize, acc: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    let code = crate::interpreter::frame_code(rt, fp);
    code.get_mut().back_edges += 1;
    let v = Value::from_bits(acc);
    let r = safepoint(rt, fp, v).map(|_| v);
    ret(rt, r)
}

/// ToBoolean: 1 or 0.
pub(super) unsafe extern "C" fn jit_to_boolean(rt: *mut Runtime, v: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    rt.to_boolean(Value::from_bits(v)) as u64
}

/// Enters an exception handler of the frame at `fp`: takes the pending exception (unless it
/// is a termination, which no handler may catch), restores the context saved in register
/// `context_reg` and trims the stack to the frame. Returns the exception value.
pub(super) unsafe extern "C" fn jit_catch(rt: *mut Runtime, fp: usize, context_reg: i32) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    match rt.jit.pending.take() {
        Some(Throw::Value(v)) => {
            let base = fp + crate::interpreter::frame::HEADER;
            let ctx = rt.stack[(base as isize + context_reg as isize) as usize];
            rt.stack[fp + CONTEXT_SLOT] = ctx;
            rt.fp = fp;
            let code = crate::interpreter::frame_code(rt, fp);
            rt.sp = frame_end(rt, fp, code);
            rt.stack[fp + ACC_SLOT] = v;
            v.to_bits()
        }
        other => {
            rt.jit.pending = other;
            EXCEPTION
        }
    }
}

/// The runtime calls by symbol name, for the code module to resolve.
pub(super) fn symbols() -> [(&'static str, *const u8); 4] {
    [
        ("jit_step", jit_step as *const u8),
        ("jit_loop_safepoint", jit_loop_safepoint as *const u8),
        ("jit_to_boolean", jit_to_boolean as *const u8),
        ("jit_catch", jit_catch as *const u8),
    ]
}
