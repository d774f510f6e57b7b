//! The bytecode interpreter: one loop over [`Op`], frames in the VM register stack, inline
//! caches before generic paths.
//!
//! JavaScript-to-JavaScript calls push a frame and continue in the same loop (no Rust
//! recursion); calls from Rust ([`Runtime::call`]) enter a nested loop whose entry frame
//! returns to Rust. Safepoints (where the collector may run and the interrupt flag is
//! polled) are function entry and loop back-edges.

pub mod call;
pub(crate) mod construct_cache;
pub mod feedback;
pub mod frame;
pub mod gc;
pub(crate) mod generator;
pub(crate) mod megamorphic;
pub(crate) mod ops;

use crate::bytecode::code::CodeKind;
use crate::bytecode::ops::{Op, Reg};
use crate::heap::Gc;
use crate::runtime::function::FunctionCode;
use crate::runtime::numconv::{to_int32, to_uint32};
use crate::runtime::object::{JsObject, ObjectKind};
use crate::runtime::{JsResult, Runtime, Termination, Throw};
use crate::value::Value;
use call::ArgSrc;
use feedback::{CallFeedback, Feedback, PropertyAccess};
use frame::*;
use std::sync::atomic::Ordering;

pub(crate) use generator::ResumeMode;
pub(crate) use ops::{cached_load, cached_store, dense_get, dense_set, frame_end, js_pow, record_call, record_call_other};
/// Suspended-frame types, shared with the runtime.
pub(crate) mod generator_state {
    pub(crate) use super::generator::{DelegateAwait, GenState, GeneratorData, Suspended};
}
pub(crate) use generator::{data_of as generator_data, subscribe_await, Step};

/// The function code of the frame at `fp`.
#[inline]
pub(crate) fn frame_code(rt: &Runtime, fp: usize) -> Gc<FunctionCode> {
    let callee = rt.stack[fp + CALLEE_SLOT].as_object().expect("frame callee");
    callee.as_closure().expect("frame callee is a closure").code
}

/// Polls the interrupt flag, charges one unit of fuel (checking the wall-time budget now and
/// then: see `runtime::Poll`) and runs a pending collection. `acc` is spilled into the
/// current frame first so the collector sees it.
#[inline(always)]
pub(crate) fn safepoint(rt: &mut Runtime, fp: usize, acc: Value) -> JsResult<()> {
    // Every call and loop iteration passes here: the common case is three tests, inline.
    if rt.interrupt.load(Ordering::Relaxed) || rt.poll.countdown == 0 || rt.heap.gc_requested {
        return safepoint_slow(rt, fp, acc);
    }
    rt.poll.countdown -= 1;
    Ok(())
}

/// [`safepoint`] when something is due: an interrupt, the fuel and clock check, or a
/// collection.
#[cold]
#[inline(never)]
fn safepoint_slow(rt: &mut Runtime, fp: usize, acc: Value) -> JsResult<()> {
    if rt.interrupt.load(Ordering::Relaxed) {
        rt.interrupt.store(false, Ordering::Relaxed);
        return Err(Throw::Terminate(Termination::Interrupted));
    }
    if rt.poll.countdown == 0 {
        rt.poll.slow().map_err(Throw::Terminate)?;
    } else {
        rt.poll.countdown -= 1;
    }
    if rt.heap.gc_requested {
        rt.stack[fp + ACC_SLOT] = acc;
        gc::collect(rt);
        if rt.heap.over_limit() {
            return Err(Throw::Terminate(Termination::OutOfMemory));
        }
    }
    Ok(())
}

/// Runs the current frame (`rt.fp`, from `rt.pc`, accumulator in its `ACC_SLOT`) until the
/// entry frame returns. A frame entered at its start runs compiled code when it has some.
pub(crate) fn run(rt: &mut Runtime) -> JsResult<Value> {
    let fp = rt.fp;
    if rt.pc == 0 {
        let code = frame_code(rt, fp);
        if let Some(entry) = crate::jit::entry_for(rt, code) {
            safepoint(rt, fp, Value::UNDEFINED)?;
            code.get_mut().invocations += 1;
            let r = crate::jit::run_frame(rt, fp, entry, 0);
            let caller = rt.stack[fp + CALLER_FP_SLOT].int_unchecked();
            rt.sp = fp;
            rt.fp = if caller < 0 { usize::MAX } else { caller as usize };
            return r.and_then(|v| return_value(rt, fp, code, v));
        }
    }
    run_loop::<false>(rt, usize::MAX, true)
}

/// Executes the one instruction at `pc` of the frame at `fp` for compiled code, with the
/// interpreter's semantics (calls it makes run to completion). Returns the new accumulator
/// and leaves the next pc in `rt.jit.next_pc`; an exception that reaches the frame at `fp`
/// is returned without unwinding that frame (compiled code finds its handler).
pub(crate) fn step(rt: &mut Runtime, fp: usize, pc: u32, acc: Value) -> JsResult<Value> {
    rt.fp = fp;
    rt.pc = pc;
    rt.stack[fp + ACC_SLOT] = acc;
    run_loop::<true>(rt, fp, false)
}

/// Continues the frame at `fp` in the interpreter (a deoptimized frame) until it returns, as
/// [`run`] does; the caller pops the frame. It resumes at `pc` with accumulator `acc` of the
/// frame at `inner`: `fp` itself, or a frame that a call inlined by `fp`'s optimized code left
/// (see `jit::deopt`), the frames between them returning into each other as calls do.
pub(crate) fn resume_inlined(rt: &mut Runtime, fp: usize, inner: usize, pc: u32, acc: Value) -> JsResult<Value> {
    let code = frame_code(rt, inner);
    rt.stack[inner + ACC_SLOT] = acc;
    // Returning from (or throwing out of) the outer frame ends this loop, wherever it was
    // entered from; the frame's own flags are back in place when the caller reads them.
    let flags = rt.stack[fp + FLAGS_SLOT];
    rt.stack[fp + FLAGS_SLOT] = Value::int(flags.int_unchecked() | FLAG_ENTRY);
    rt.fp = inner;
    rt.pc = pc;
    rt.sp = ops::frame_end(rt, inner, code);
    // Not an entry: the frame's entry poll and invocation were counted when it started
    // (fuel must be the same whichever tier finishes a frame).
    let r = run_loop::<false>(rt, usize::MAX, false);
    rt.stack[fp + FLAGS_SLOT] = flags;
    r
}

/// The value a frame that executed `Return` with `acc` gives its caller: `[[Construct]]`
/// replaces a non-object result by `this` (or rejects it, for derived constructors).
#[inline]
pub(crate) fn return_value(rt: &mut Runtime, fp: usize, code: Gc<FunctionCode>, acc: Value) -> JsResult<Value> {
    let flags = rt.stack[fp + FLAGS_SLOT].int_unchecked();
    if flags & FLAG_CONSTRUCT == 0 || acc.is_object() {
        return Ok(acc);
    }
    construct_result(rt, fp, code, flags, acc)
}

/// [`return_value`] for a `[[Construct]]` whose body returned a non-object.
#[cold]
#[inline(never)]
fn construct_result(rt: &mut Runtime, fp: usize, code: Gc<FunctionCode>, flags: i32, acc: Value) -> JsResult<Value> {
    // These checks run after the callee's context is gone: errors come from the caller's realm.
    if code.frame.kind == CodeKind::DerivedConstructor && !acc.is_undefined() {
        let realm = std::mem::replace(&mut rt.realm, caller_realm(flags));
        let e = rt.type_error("Derived constructors may only return object or undefined");
        rt.realm = realm;
        return Err(e);
    }
    let this = rt.stack[fp + THIS_SLOT];
    if this.is_hole() {
        let realm = std::mem::replace(&mut rt.realm, caller_realm(flags));
        let e = rt
            .reference_error("Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
        rt.realm = realm;
        return Err(e);
    }
    Ok(this)
}

/// The instructions of `code`, borrowed independently of the runtime.
#[inline(always)]
fn ops_of<'a>(code: Gc<FunctionCode>) -> &'a [Op] {
    // SAFETY: the interpreter calls this for the code of the frame it runs, kept alive by the
    // frame's callee slot while the loop uses the slice (it takes a new one whenever it
    // switches frames); a function's ops never change after compilation.
    unsafe { &*(&code.block.ops[..] as *const [Op]) }
}

/// The interpreter loop. `STEP` (used by compiled code, see [`step`]) returns as soon as control
/// is back in frame `stop_fp` after one instruction. `entering`: the current frame starts (or
/// resumes from a suspension) here, so its entry safepoint and invocation count happen here.
fn run_loop<const STEP: bool>(rt: &mut Runtime, stop_fp: usize, entering: bool) -> JsResult<Value> {
    let mut fp = rt.fp;
    let mut pc = rt.pc;
    let mut code = frame_code(rt, fp);
    let mut instrs = ops_of(code);
    let mut acc = rt.stack[fp + ACC_SLOT];
    if !STEP && entering {
        safepoint(rt, fp, acc)?;
        code.get_mut().invocations += 1;
    }
    let mut first = true;

    // The stack index of a register of the running frame.
    macro_rules! reg_index {
        ($r:expr) => {{
            let i = (fp as isize + HEADER as isize + $r.0 as isize) as usize;
            debug_assert!(i < rt.stack.len());
            i
        }};
    }
    // Reads a register (without the bounds check: this is the interpreter's hottest access).
    macro_rules! reg {
        ($r:expr) => {
            // SAFETY: the compiler emits register operands within the frame's parameters and
            // `register_count` registers, and `push_frame` reserved all of them below the end
            // of the stack (which never moves); the pointer is taken afresh on each access.
            unsafe { *rt.stack.as_ptr().add(reg_index!($r)) }
        };
    }
    // Writes a register.
    macro_rules! set_reg {
        ($r:expr, $v:expr) => {{
            let v: Value = $v;
            // SAFETY: as for `reg!`.
            unsafe { *rt.stack.as_mut_ptr().add(reg_index!($r)) = v }
        }};
    }
    macro_rules! constant {
        ($i:expr) => {
            code.constants[$i.0 as usize]
        };
    }

    // Superinstructions by peeking at the next instruction. A dispatch (one indirect jump
    // shared by every instruction) is the interpreter's costliest step, and a quarter of all
    // instructions run are a `Star` after a value-producing one, or a conditional jump after a
    // comparison. So the hot producers store to a following `Star`'s register themselves, and
    // comparisons take a following `JumpIfTrue`/`JumpIfFalse` themselves: exactly what the
    // two instructions do in turn. Not when stepping: `jit_exec` runs one instruction.
    macro_rules! and_star {
        () => {{
            if !STEP {
                // SAFETY: only instructions that fall through peek, and compiled code ends in a
                // return or jump, so the next instruction exists.
                if let Op::Star { dst, .. } = unsafe { instrs.get_unchecked(pc as usize) } {
                    set_reg!(*dst, acc);
                    pc += 1;
                }
            }
        }};
    }
    macro_rules! and_branch {
        ($b:expr) => {{
            let b: bool = $b;
            acc = Value::bool(b);
            if !STEP {
                // SAFETY: as in `and_star!`.
                match unsafe { instrs.get_unchecked(pc as usize) } {
                    Op::JumpIfTrue { target, .. } => pc = if b { target.0 } else { pc + 1 },
                    Op::JumpIfFalse { target, .. } => pc = if b { pc + 1 } else { target.0 },
                    _ => {}
                }
            }
        }};
    }

    'main: loop {
        if STEP {
            if fp == stop_fp && !first {
                rt.jit.next_pc = pc;
                rt.fp = fp;
                return Ok(acc);
            }
            first = false;
        }
        let exc: Throw;
        'op: {
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(t) => {
                            exc = t;
                            break 'op;
                        }
                    }
                };
            }
            // `tri!` for a slow path that takes the accumulator: it may run JavaScript (and
            // collect) while it still needs the accumulator (`obj + [2]` converts `obj` first),
            // so the frame's accumulator slot holds it meanwhile.
            macro_rules! tri_acc {
                ($e:expr) => {{
                    rt.stack[fp + ACC_SLOT] = acc;
                    tri!($e)
                }};
            }
            // The fast paths of a numeric binary operator: `$int` on two int32s (`None` if the
            // result is not an int32), else `$num` on any two numbers; both record feedback.
            // Falls through for other operands.
            macro_rules! numeric {
                ($slot:expr, $l:expr, $r:expr, |$a:ident, $b:ident| $int:expr, |$x:ident, $y:ident| $num:expr) => {{
                    let (l, r): (Value, Value) = ($l, $r);
                    if let (Some($a), Some($b)) = (l.as_int(), r.as_int()) {
                        if let Some(v) = $int {
                            ops::see_int(code, $slot.index());
                            acc = v;
                            and_star!();
                            continue 'main;
                        }
                    }
                    if let (Some($x), Some($y)) = (l.as_number(), r.as_number()) {
                        let v: Value = $num;
                        ops::see_numbers(code, $slot.index(), l.is_int() && r.is_int(), v);
                        acc = v;
                        and_star!();
                        continue 'main;
                    }
                }};
            }
            // The fast paths of a relational comparison of two numbers.
            macro_rules! compare {
                ($slot:expr, $l:expr, $r:expr, $cmp:tt) => {{
                    let (l, r): (Value, Value) = ($l, $r);
                    if let (Some(a), Some(b)) = (l.as_int(), r.as_int()) {
                        ops::see_int_compare(code, $slot.index());
                        and_branch!(a $cmp b);
                        continue 'main;
                    }
                    if let (Some(x), Some(y)) = (l.as_number(), r.as_number()) {
                        ops::see_numbers(code, $slot.index(), false, Value::UNDEFINED);
                        and_branch!(x $cmp y);
                        continue 'main;
                    }
                }};
            }
            // Enters a JS closure: the caller's state is saved in its frame. A callee with
            // compiled code runs it to completion here (native recursion, stack-checked).
            macro_rules! enter {
                ($callee:expr, $code:expr, $this:expr, $args:expr, $nt:expr, $flags:expr) => {{
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    let nfp = tri!(rt.push_frame($callee, $this, $args, $nt, $flags, pc));
                    entered!(nfp, $code, $flags);
                }};
            }
            // The rest of `enter!`, once the callee's frame is at `$nfp`.
            macro_rules! entered {
                ($nfp:expr, $code:expr, $flags:expr) => {{
                    let nfp: usize = $nfp;
                    let ncode: Gc<FunctionCode> = $code;
                    ncode.get_mut().invocations += 1;
                    tri!(safepoint(rt, nfp, Value::UNDEFINED));
                    if let Some(entry) = crate::jit::entry_for(rt, ncode) {
                        let r = crate::jit::run_frame(rt, nfp, entry, 0).and_then(|v| return_value(rt, nfp, ncode, v));
                        rt.realm = caller_realm(rt.stack[nfp + FLAGS_SLOT].int_unchecked());
                        rt.fp = fp;
                        rt.sp = ops::frame_end(rt, fp, code);
                        let v = tri!(r);
                        acc = if $flags & FLAG_DISCARD != 0 { rt.stack[fp + ACC_SLOT] } else { v };
                    } else {
                        fp = nfp;
                        pc = 0;
                        code = ncode;
                        instrs = ops_of(code);
                        acc = Value::UNDEFINED;
                    }
                }};
            }
            // `Call` / `CallUndefined`: `$this` is the receiver, the arguments follow `$this_reg`.
            macro_rules! call {
                ($callee:expr, $this:expr, $this_reg:expr, $argc:expr, $slot:expr) => {{
                    let f = reg!($callee);
                    let this: Value = $this;
                    let start = (fp as isize + HEADER as isize + $this_reg.0 as isize + 1) as usize;
                    rt.stats.calls += 1;
                    if let Some(o) = f.as_object() {
                        if let ObjectKind::Closure(c) = &o.kind {
                            ops::record_call(code, $slot.index(), o, c.code);
                            rt.stack[fp + ACC_SLOT] = acc;
                            rt.fp = fp;
                            if let Some(nfp) = rt.push_plain_frame(&c.call, this, start, $argc as usize, 0, pc) {
                                entered!(nfp, c.code, 0);
                                continue 'main;
                            }
                            if c.code.frame.plainly_callable() {
                                enter!(o, c.code, this, ArgSrc::Stack(start, $argc as usize), Value::UNDEFINED, 0);
                                continue 'main;
                            }
                        } else {
                            ops::record_call_other(code, $slot.index(), o);
                        }
                    }
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    if !rt.is_callable(f) {
                        exc = ops::not_callable(rt, code, pc - 1, f, "function");
                        break 'op;
                    }
                    // SAFETY: the arguments lie in this frame's registers, below `rt.sp`; callees only
                    // write the stack at or above `rt.sp`, and the stack never moves.
                    let args: &[Value] = unsafe { std::slice::from_raw_parts(rt.stack.as_ptr().add(start), $argc as usize) };
                    acc = tri!(rt.call(f, this, args));
                    and_star!();
                }};
            }
            // The frame at `fp` is done and `$e` was thrown past its handlers: pop it and raise
            // the exception in its caller.
            macro_rules! throw_in_caller {
                ($e:expr) => {{
                    exc = $e;
                    let flags = rt.stack[fp + FLAGS_SLOT].int_unchecked();
                    let caller = rt.stack[fp + CALLER_FP_SLOT].int_unchecked();
                    rt.sp = fp;
                    rt.realm = caller_realm(flags);
                    if flags & FLAG_ENTRY != 0 {
                        rt.fp = if caller < 0 { usize::MAX } else { caller as usize };
                        if flags & FLAG_RESUMABLE != 0 {
                            rt.suspended = None;
                        }
                        return Err(exc);
                    }
                    pc = rt.stack[fp + RETURN_PC_SLOT].int_unchecked() as u32;
                    fp = caller as usize;
                    rt.fp = fp;
                    code = frame_code(rt, fp);
                    instrs = ops_of(code);
                    rt.sp = ops::frame_end(rt, fp, code);
                    break 'op;
                }};
            }
            // The frame at `fp` has returned `$result`: pop it and continue in its caller.
            macro_rules! frame_returned {
                ($result:expr) => {{
                    let result = $result;
                    let flags = rt.stack[fp + FLAGS_SLOT].int_unchecked();
                    let caller = rt.stack[fp + CALLER_FP_SLOT].int_unchecked();
                    let ret_pc = rt.stack[fp + RETURN_PC_SLOT].int_unchecked() as u32;
                    rt.sp = fp;
                    rt.realm = caller_realm(flags);
                    if flags & FLAG_ENTRY != 0 {
                        rt.fp = if caller < 0 { usize::MAX } else { caller as usize };
                        if flags & FLAG_RESUMABLE != 0 {
                            rt.suspended = None;
                        }
                        return Ok(result);
                    }
                    fp = caller as usize;
                    rt.fp = fp;
                    pc = ret_pc;
                    code = frame_code(rt, fp);
                    instrs = ops_of(code);
                    acc = if flags & FLAG_DISCARD != 0 { rt.stack[fp + ACC_SLOT] } else { result };
                    // The caller's frame extends to the callee's base.
                    rt.sp = ops::frame_end(rt, fp, code);
                    and_star!();
                }};
            }
            rt.pc = pc;
            debug_assert!((pc as usize) < instrs.len());
            // SAFETY: compiled code ends in a return or jump and every jump targets an
            // instruction of the same function, so `pc` is in bounds.
            let op: &Op = unsafe { instrs.get_unchecked(pc as usize) };
            pc += 1;
            match *op {
                Op::LdaUndefined { .. } => acc = Value::UNDEFINED,
                Op::LdaNull { .. } => acc = Value::NULL,
                Op::LdaTrue { .. } => acc = Value::TRUE,
                Op::LdaFalse { .. } => acc = Value::FALSE,
                Op::LdaHole { .. } => acc = Value::HOLE,
                Op::LdaInt { value, .. } => {
                    acc = Value::int(value);
                    // An int constant as the right operand of `+`, `-`, a bitwise operator or a
                    // comparison (`i < 10`, `n - 1`, `x >>> 0`): with an int32 left operand the
                    // pair (and a following `Star` or conditional jump) is one dispatch.
                    if !STEP {
                        macro_rules! with_int_lhs {
                            ($lhs:expr, |$a:ident| $then:expr) => {
                                if let Some($a) = reg!($lhs).as_int() {
                                    $then
                                }
                            };
                        }
                        // `$e`: the result for int32 left operand `$a`, if an int32.
                        macro_rules! fused_int {
                            ($lhs:expr, $slot:expr, |$a:ident| $e:expr) => {
                                with_int_lhs!($lhs, |$a| if let Some(v) = $e {
                                    ops::see_int(code, $slot.index());
                                    acc = v;
                                    pc += 1;
                                    and_star!();
                                })
                            };
                        }
                        macro_rules! fused_compare {
                            ($lhs:expr, $slot:expr, $cmp:tt) => {
                                with_int_lhs!($lhs, |a| {
                                    ops::see_int_compare(code, $slot.index());
                                    pc += 1;
                                    and_branch!(a $cmp value);
                                })
                            };
                        }
                        // SAFETY: as in `and_star!`.
                        match unsafe { instrs.get_unchecked(pc as usize) } {
                            Op::Add { lhs, slot } => fused_int!(*lhs, slot, |a| a.checked_add(value).map(Value::int)),
                            Op::Sub { lhs, slot } => fused_int!(*lhs, slot, |a| a.checked_sub(value).map(Value::int)),
                            Op::BitAnd { lhs, slot } => fused_int!(*lhs, slot, |a| Some(Value::int(a & value))),
                            Op::BitOr { lhs, slot } => fused_int!(*lhs, slot, |a| Some(Value::int(a | value))),
                            Op::BitXor { lhs, slot } => fused_int!(*lhs, slot, |a| Some(Value::int(a ^ value))),
                            Op::Shl { lhs, slot } => fused_int!(*lhs, slot, |a| Some(Value::int(a.wrapping_shl(value as u32)))),
                            Op::Sar { lhs, slot } => fused_int!(*lhs, slot, |a| Some(Value::int(a.wrapping_shr(value as u32)))),
                            Op::Shr { lhs, slot } => fused_int!(*lhs, slot, |a| ops::int_shr(a, value)),
                            Op::TestLt { lhs, slot } => fused_compare!(*lhs, slot, <),
                            Op::TestLe { lhs, slot } => fused_compare!(*lhs, slot, <=),
                            Op::TestGt { lhs, slot } => fused_compare!(*lhs, slot, >),
                            Op::TestGe { lhs, slot } => fused_compare!(*lhs, slot, >=),
                            _ => {}
                        }
                    }
                }
                Op::LdaConst { idx, .. } => acc = constant!(idx),
                Op::Ldar { src, .. } => acc = reg!(src),
                Op::Star { dst, .. } => set_reg!(dst, acc),
                Op::Mov { src, dst, .. } => set_reg!(dst, reg!(src)),

                Op::LdaGlobal { name, slot } => {
                    acc = tri!(ops::load_global(rt, code, slot.index(), constant!(name), false));
                    and_star!();
                }
                Op::LdaGlobalTypeof { name, slot } => acc = tri!(ops::load_global(rt, code, slot.index(), constant!(name), true)),
                Op::StaGlobal { name, slot } => tri_acc!(ops::store_global(rt, code, slot.index(), constant!(name), acc)),
                Op::InitGlobalLexical { name, .. } => tri_acc!(ops::init_global_lexical(rt, constant!(name), acc)),
                Op::DeclareGlobals { decls, .. } => tri!(ops::declare_globals(rt, code, decls.0, fp)),
                Op::DeleteGlobal { name, .. } => acc = tri!(ops::delete_global(rt, constant!(name))),
                Op::LdaContext { depth, index, .. } => {
                    let c = ops::context_at(rt.stack[fp + CONTEXT_SLOT], depth);
                    acc = c.slots[index as usize];
                }
                Op::StaContext { depth, index, .. } => {
                    let c = ops::context_at(rt.stack[fp + CONTEXT_SLOT], depth);
                    c.get_mut().slots[index as usize] = acc;
                }
                Op::PushContext { slots, .. } => ops::push_context(rt, fp, slots),
                Op::PopContext { .. } => ops::pop_context(rt, fp),
                Op::ThrowIfHole { name, .. } => {
                    if acc.is_hole() {
                        let n = constant!(name).as_string().map(|s| s.to_rust_string()).unwrap_or_default();
                        exc = rt.reference_error(format!("Cannot access '{n}' before initialization"));
                        break 'op;
                    }
                }
                Op::ThrowConstAssign { .. } => {
                    exc = rt.type_error("Assignment to constant variable.");
                    break 'op;
                }
                Op::LdaLookup { name, chain, .. } | Op::LdaLookupTypeof { name, chain, .. } => {
                    let typeof_ = matches!(op, Op::LdaLookupTypeof { .. });
                    acc = tri!(ops::load_lookup(rt, code, fp, constant!(name), chain.0, typeof_));
                }
                Op::StaLookup { name, chain, .. } => tri_acc!(ops::store_lookup(rt, code, fp, constant!(name), chain.0, acc)),
                Op::DeclareEvalVar { name, chain, .. } => tri!(ops::declare_eval_var(rt, code, fp, constant!(name), chain.0)),
                Op::ResolveLookup { name, chain, .. } => acc = ops::resolve_lookup(rt, code, fp, constant!(name), chain.0),
                Op::LdaLookupAt { name, chain, base, .. } => {
                    acc = tri!(ops::load_lookup_at(rt, code, fp, constant!(name), chain.0, reg!(base), false));
                }
                Op::StaLookupAt { name, chain, base, .. } => {
                    tri_acc!(ops::store_lookup_at(rt, code, fp, constant!(name), chain.0, reg!(base), acc))
                }

                Op::GetNamed { obj, name, slot } => {
                    let recv = reg!(obj);
                    if let Some(o) = recv.as_object() {
                        if let Feedback::Property(ic) = &code.feedback.slots[slot.index()].data {
                            if let Some(e) = ic.lookup(o.shape) {
                                if let Some(v) = ops::cached_load(e.access, o) {
                                    rt.stats.get_hits += 1;
                                    acc = v;
                                    and_star!();
                                    continue 'main;
                                }
                                match e.access {
                                    PropertyAccess::Getter { holder, slot, validity } if validity.is_none_or(|v| v.valid) => {
                                        rt.stats.get_hits += 1;
                                        let acc_cell =
                                            holder.slots[slot as usize].as_cell::<crate::runtime::object::Accessor>().expect("accessor");
                                        let g = acc_cell.get;
                                        if let Some(gf) = g.as_object().filter(|f| {
                                            f.as_closure().is_some_and(|c| {
                                                !c.code.block.generator
                                                    && !c.code.block.is_async
                                                    && c.code.block.kind != CodeKind::ClassConstructor
                                                    && c.code.block.kind != CodeKind::DerivedConstructor
                                            })
                                        }) {
                                            enter!(
                                                gf,
                                                gf.as_closure().expect("closure").code,
                                                recv,
                                                ArgSrc::Slice(&[]),
                                                Value::UNDEFINED,
                                                0
                                            );
                                            continue 'main;
                                        }
                                        acc = tri!(if g.is_undefined() { Ok(Value::UNDEFINED) } else { rt.call(g, recv, &[]) });
                                        continue 'main;
                                    }
                                    _ => {}
                                }
                            }
                        }
                    }
                    rt.stats.get_misses += 1;
                    acc = tri!(ops::get_named_slow(rt, code, slot.index(), recv, constant!(name)));
                }
                Op::SetNamed { obj, name, slot } => {
                    let recv = reg!(obj);
                    if let Some(o) = recv.as_object() {
                        if let Feedback::Property(ic) = &code.feedback.slots[slot.index()].data {
                            if let Some(e) = ic.lookup(o.shape) {
                                if ops::cached_store(rt, e.access, o, acc) {
                                    rt.stats.set_hits += 1;
                                    continue 'main;
                                }
                            }
                        }
                    }
                    rt.stats.set_misses += 1;
                    tri_acc!(ops::set_named_slow(rt, code, slot.index(), recv, constant!(name), acc, code.block.strict));
                }
                Op::DefineNamed { obj, name, slot } => {
                    tri_acc!(ops::define_named_cached(rt, code, slot.index(), reg!(obj), constant!(name), acc))
                }
                Op::GetKeyed { obj, slot } => {
                    let recv = reg!(obj);
                    if let Some(v) = recv.as_object().and_then(|o| ops::dense_get(o, acc)) {
                        acc = v;
                        continue 'main;
                    }
                    acc = tri_acc!(ops::get_keyed_slow(rt, code, slot.index(), recv, acc));
                }
                Op::SetKeyed { obj, key, slot } => {
                    let recv = reg!(obj);
                    let k = reg!(key);
                    if recv.as_object().is_some_and(|o| ops::dense_set(o, k, acc)) {
                        continue 'main;
                    }
                    tri_acc!(ops::set_keyed_slow(rt, code, slot.index(), recv, k, acc, code.block.strict));
                }
                Op::DefineKeyed { obj, key, .. } => {
                    let o = reg!(obj).as_object().expect("literal object");
                    let k = tri!(rt.to_property_key(reg!(key)));
                    tri_acc!(rt.create_data_property_or_throw(o, k, acc));
                }
                Op::DefineMethod { obj, key, .. } => {
                    let o = reg!(obj).as_object().expect("class object");
                    let k = tri!(rt.to_property_key(reg!(key)));
                    tri!(rt.define_property_or_throw(
                        o,
                        k,
                        crate::runtime::property::PropertyDescriptor::data(acc, crate::runtime::shape::HIDDEN)
                    ));
                }
                Op::DefineAccessor { obj, key, is_setter, enumerable, .. } => {
                    tri_acc!(ops::define_accessor(rt, reg!(obj), reg!(key), acc, is_setter != 0, enumerable));
                }
                Op::DeleteProperty { obj, .. } => acc = tri_acc!(ops::delete_property(rt, reg!(obj), acc, code.block.strict)),
                Op::CopyDataProperties { target, excluded, excluded_count, .. } => {
                    let base = (fp as isize + HEADER as isize + excluded.0 as isize) as usize;
                    let ex: Vec<Value> = rt.stack[base..base + excluded_count as usize].to_vec();
                    tri_acc!(ops::copy_data_properties(rt, reg!(target), acc, &ex));
                }
                Op::SetPrototypeLiteral { obj, .. } => {
                    let o = reg!(obj).as_object().expect("literal");
                    if acc.is_object() || acc.is_null() {
                        tri!(rt.set_prototype_of(o, acc.as_object()));
                    }
                }
                Op::GetSuper { key, .. } => acc = tri!(ops::get_super(rt, fp, reg!(key))),
                Op::SetSuper { key, value, .. } => tri!(ops::set_super(rt, fp, reg!(key), reg!(value), code.block.strict)),
                Op::GetSuperRef { base, key, .. } => {
                    let (b, k) = (reg_index!(base), reg_index!(key));
                    acc = tri!(ops::get_super_ref(rt, fp, b, k));
                }
                Op::SetSuperRef { base, key, value, .. } => {
                    tri!(ops::set_super_ref(rt, fp, reg!(base), reg!(key), reg!(value), code.block.strict))
                }
                Op::GetPrivate { obj, name, .. } => acc = tri!(ops::get_private(rt, reg!(obj), reg!(name))),
                Op::SetPrivate { obj, name, .. } => tri_acc!(ops::set_private(rt, reg!(obj), reg!(name), acc)),
                Op::DefinePrivate { obj, name, method, .. } => tri_acc!(ops::define_private(rt, reg!(obj), reg!(name), acc, method != 0)),
                Op::HasPrivate { name, .. } => acc = tri_acc!(ops::has_private(rt, acc, reg!(name))),

                // Arithmetic and comparison: int32 operands first, then any two numbers, then
                // the generic path (conversions, strings, feedback for every other kind).
                Op::Add { lhs, slot } => {
                    let l = reg!(lhs);
                    numeric!(slot, l, acc, |a, b| a.checked_add(b).map(Value::int), |x, y| Value::from_f64(x + y));
                    acc = tri_acc!(ops::add_slow(rt, code, slot.index(), l, acc));
                }
                Op::Sub { lhs, slot } => {
                    let l = reg!(lhs);
                    numeric!(slot, l, acc, |a, b| a.checked_sub(b).map(Value::int), |x, y| Value::from_f64(x - y));
                    acc = tri_acc!(ops::arith_slow(rt, code, slot.index(), *op, l, acc));
                }
                Op::Mul { lhs, slot } => {
                    let l = reg!(lhs);
                    numeric!(slot, l, acc, |a, b| ops::int_mul(a, b), |x, y| Value::from_f64(x * y));
                    acc = tri_acc!(ops::arith_slow(rt, code, slot.index(), *op, l, acc));
                }
                Op::Div { lhs, slot } => {
                    let l = reg!(lhs);
                    numeric!(slot, l, acc, |_a, _b| None, |x, y| Value::from_f64(x / y));
                    acc = tri_acc!(ops::arith_slow(rt, code, slot.index(), *op, l, acc));
                }
                Op::Mod { lhs, slot } => {
                    let l = reg!(lhs);
                    numeric!(slot, l, acc, |a, b| ops::int_mod(a, b), |x, y| Value::from_f64(ops::js_mod(x, y)));
                    acc = tri_acc!(ops::arith_slow(rt, code, slot.index(), *op, l, acc));
                }
                Op::BitAnd { lhs, slot } => {
                    let l = reg!(lhs);
                    numeric!(slot, l, acc, |a, b| Some(Value::int(a & b)), |x, y| Value::int(to_int32(x) & to_int32(y)));
                    acc = tri_acc!(ops::arith_slow(rt, code, slot.index(), *op, l, acc));
                }
                Op::BitOr { lhs, slot } => {
                    let l = reg!(lhs);
                    numeric!(slot, l, acc, |a, b| Some(Value::int(a | b)), |x, y| Value::int(to_int32(x) | to_int32(y)));
                    acc = tri_acc!(ops::arith_slow(rt, code, slot.index(), *op, l, acc));
                }
                Op::BitXor { lhs, slot } => {
                    let l = reg!(lhs);
                    numeric!(slot, l, acc, |a, b| Some(Value::int(a ^ b)), |x, y| Value::int(to_int32(x) ^ to_int32(y)));
                    acc = tri_acc!(ops::arith_slow(rt, code, slot.index(), *op, l, acc));
                }
                Op::Shl { lhs, slot } => {
                    let l = reg!(lhs);
                    numeric!(slot, l, acc, |a, b| Some(Value::int(a.wrapping_shl(b as u32))), |x, y| Value::int(
                        to_int32(x).wrapping_shl(to_uint32(y))
                    ));
                    acc = tri_acc!(ops::arith_slow(rt, code, slot.index(), *op, l, acc));
                }
                Op::Sar { lhs, slot } => {
                    let l = reg!(lhs);
                    numeric!(slot, l, acc, |a, b| Some(Value::int(a.wrapping_shr(b as u32))), |x, y| Value::int(
                        to_int32(x).wrapping_shr(to_uint32(y))
                    ));
                    acc = tri_acc!(ops::arith_slow(rt, code, slot.index(), *op, l, acc));
                }
                Op::Shr { lhs, slot } => {
                    let l = reg!(lhs);
                    numeric!(slot, l, acc, |a, b| ops::int_shr(a, b), |x, y| Value::from_f64(
                        to_uint32(x).wrapping_shr(to_uint32(y)) as f64
                    ));
                    acc = tri_acc!(ops::arith_slow(rt, code, slot.index(), *op, l, acc));
                }
                Op::Exp { lhs, slot } => acc = tri_acc!(ops::arith_slow(rt, code, slot.index(), *op, reg!(lhs), acc)),
                Op::TestLt { lhs, slot } => {
                    let l = reg!(lhs);
                    compare!(slot, l, acc, <);
                    acc = tri_acc!(ops::compare_slow(rt, code, slot.index(), *op, l, acc));
                }
                Op::TestLe { lhs, slot } => {
                    let l = reg!(lhs);
                    compare!(slot, l, acc, <=);
                    acc = tri_acc!(ops::compare_slow(rt, code, slot.index(), *op, l, acc));
                }
                Op::TestGt { lhs, slot } => {
                    let l = reg!(lhs);
                    compare!(slot, l, acc, >);
                    acc = tri_acc!(ops::compare_slow(rt, code, slot.index(), *op, l, acc));
                }
                Op::TestGe { lhs, slot } => {
                    let l = reg!(lhs);
                    compare!(slot, l, acc, >=);
                    acc = tri_acc!(ops::compare_slow(rt, code, slot.index(), *op, l, acc));
                }
                Op::TestEq { lhs, slot } => {
                    let l = reg!(lhs);
                    ops::see_compare(rt, code, slot.index(), l, acc);
                    acc = Value::bool(tri_acc!(rt.loose_equals(l, acc)));
                }
                Op::TestStrictEq { lhs, slot } => {
                    let l = reg!(lhs);
                    ops::see_compare(rt, code, slot.index(), l, acc);
                    and_branch!(rt.strict_equals(l, acc));
                }
                Op::TestInstanceOf { lhs, .. } => acc = Value::bool(tri_acc!(rt.instance_of(reg!(lhs), acc))),
                Op::TestIn { lhs, .. } => {
                    let Some(o) = acc.as_object() else {
                        exc = rt.type_error("Cannot use 'in' operator to search for a key in a non-object");
                        break 'op;
                    };
                    // The key's conversion may run JavaScript while only `acc` holds `o`.
                    let k = tri_acc!(rt.to_property_key(reg!(lhs)));
                    acc = Value::bool(tri!(rt.has_property(o, k)));
                }
                Op::Inc { slot } | Op::Dec { slot } => {
                    let d = if matches!(op, Op::Inc { .. }) { 1 } else { -1 };
                    if let Some(i) = acc.as_int() {
                        if let Some(r) = i.checked_add(d) {
                            ops::see_int(code, slot.index());
                            acc = Value::int(r);
                            continue 'main;
                        }
                    }
                    let n = tri_acc!(rt.to_number(acc));
                    ops::see_number(code, slot.index(), true);
                    acc = Value::from_f64(n + d as f64);
                }
                Op::Negate { slot } => {
                    if let Some(i) = acc.as_int() {
                        if i != 0 && i != i32::MIN {
                            ops::see_int(code, slot.index());
                            acc = Value::int(-i);
                            continue 'main;
                        }
                    }
                    acc = tri_acc!(ops::negate_slow(rt, code, slot.index(), acc));
                }
                Op::BitNot { slot } => acc = tri_acc!(ops::bit_not(rt, code, slot.index(), acc)),
                Op::ToNumeric { slot } => {
                    ops::see_operand(code, slot.index(), acc);
                    acc = tri_acc!(rt.to_numeric(acc));
                }
                Op::Not { .. } => acc = Value::bool(!rt.to_boolean(acc)),
                Op::TypeOf { .. } => acc = Value::string(rt.type_of(acc)),
                Op::ToPropertyKey { .. } => {
                    if !(acc.is_string() || acc.is_symbol() || acc.is_int()) {
                        acc = tri_acc!(ops::to_property_key_value(rt, acc));
                    }
                }
                Op::ToStringForConcat { .. } => acc = Value::string(tri_acc!(rt.to_string(acc))),
                Op::ToObject { .. } => acc = Value::object(tri_acc!(rt.to_object(acc))),

                Op::Jump { target, .. } => pc = target.0,
                Op::JumpLoop { target, .. } => {
                    pc = target.0;
                    code.get_mut().back_edges += 1;
                    tri!(safepoint(rt, fp, acc));
                    // On-stack replacement: a hot loop continues in compiled code.
                    if let Some(entry) = crate::jit::osr_entry_for(rt, code) {
                        rt.stack[fp + ACC_SLOT] = acc;
                        rt.fp = fp;
                        let r = crate::jit::run_frame(rt, fp, entry, pc).and_then(|v| return_value(rt, fp, code, v));
                        match r {
                            Ok(v) => frame_returned!(v),
                            // Compiled code already tried this frame's handlers.
                            Err(e) => throw_in_caller!(e),
                        }
                    }
                }
                Op::JumpIfTrue { target, .. } => {
                    if rt.to_boolean(acc) {
                        pc = target.0;
                    }
                }
                Op::JumpIfFalse { target, .. } => {
                    if !rt.to_boolean(acc) {
                        pc = target.0;
                    }
                }
                Op::JumpIfNullish { target, .. } => {
                    if acc.is_nullish() {
                        pc = target.0;
                    }
                }
                Op::JumpIfNotNullish { target, .. } => {
                    if !acc.is_nullish() {
                        pc = target.0;
                    }
                }
                Op::JumpIfUndefined { target, .. } => {
                    if acc.is_undefined() {
                        pc = target.0;
                    }
                }
                Op::JumpIfNotUndefined { target, .. } => {
                    if !acc.is_undefined() {
                        pc = target.0;
                    }
                }
                Op::JumpIfHole { target, .. } => {
                    if acc.is_hole() {
                        pc = target.0;
                    }
                }
                Op::JumpIfStrictEqInt { value, target, .. } => {
                    if acc.as_int() == Some(value) {
                        pc = target.0;
                    }
                }
                Op::Return { .. } => match return_value(rt, fp, code, acc) {
                    Ok(result) => frame_returned!(result),
                    // [[Construct]]'s check runs after the body: no handler of this frame applies.
                    Err(e) => throw_in_caller!(e),
                },
                Op::Throw { .. } => {
                    exc = Throw::Value(acc);
                    break 'op;
                }
                Op::ThrowError { kind, msg, .. } => {
                    let m = constant!(msg).as_string().map(|s| s.to_rust_string()).unwrap_or_default();
                    exc = match kind {
                        1 => rt.reference_error(m),
                        2 => rt.syntax_error(m),
                        3 => rt.range_error(m),
                        _ => rt.type_error(m),
                    };
                    break 'op;
                }

                Op::Call { callee, this_reg, argc, slot } => call!(callee, reg!(this_reg), this_reg, argc, slot),
                Op::CallUndefined { callee, this_reg, argc, slot } => call!(callee, Value::UNDEFINED, this_reg, argc, slot),
                Op::CallSpread { callee, this_reg, slot } => {
                    let f = reg!(callee);
                    let this = reg!(this_reg);
                    let arr = reg!(this_reg.offset(1));
                    if let Some(o) = f.as_object() {
                        ops::record_call_other(code, slot.index(), o);
                    }
                    let args = ops::array_values(arr);
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    if !rt.is_callable(f) {
                        exc = ops::not_callable(rt, code, pc - 1, f, "function");
                        break 'op;
                    }
                    acc = tri!(rt.call(f, this, &args));
                }
                Op::CallEval { callee, this_reg, argc, scope, .. } => {
                    let f = reg!(callee);
                    let this = reg!(this_reg);
                    let start = (fp as isize + HEADER as isize + this_reg.0 as isize + 1) as usize;
                    let args: Vec<Value> = rt.stack[start..start + argc as usize].to_vec();
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    acc = tri!(ops::call_eval(rt, code, fp, f, this, &args, scope.0));
                }
                Op::CallEvalSpread { callee, this_reg, scope, .. } => {
                    let f = reg!(callee);
                    let this = reg!(this_reg);
                    // The array stays in its register (rooting the values) during the call.
                    let args = ops::array_values(reg!(this_reg.offset(1)));
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    acc = tri!(ops::call_eval(rt, code, fp, f, this, &args, scope.0));
                }
                Op::Construct { callee, args, argc, slot } => {
                    let f = reg!(callee);
                    let start = (fp as isize + HEADER as isize + args.0 as isize) as usize;
                    if let Some(o) = f.as_object() {
                        ops::record_call_other(code, slot.index(), o);
                        if let ObjectKind::Closure(c) = &o.kind {
                            if matches!(c.code.frame.kind, CodeKind::Normal | CodeKind::ClassConstructor) {
                                rt.stack[fp + ACC_SLOT] = acc;
                                rt.fp = fp;
                                let this = tri!(rt.ordinary_create_from_constructor(f, crate::runtime::Intrinsic::ObjectPrototype));
                                enter!(o, c.code, Value::object(this), ArgSrc::Stack(start, argc as usize), f, FLAG_CONSTRUCT);
                                continue 'main;
                            }
                        }
                    }
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    if !rt.is_constructor(f) {
                        exc = ops::not_callable(rt, code, pc - 1, f, "constructor");
                        break 'op;
                    }
                    let a: Vec<Value> = rt.stack[start..start + argc as usize].to_vec();
                    acc = tri!(rt.construct(f, &a, None));
                }
                Op::ConstructSpread { callee, args, .. } => {
                    let f = reg!(callee);
                    let a = ops::array_values(reg!(args));
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    if !rt.is_constructor(f) {
                        exc = ops::not_callable(rt, code, pc - 1, f, "constructor");
                        break 'op;
                    }
                    acc = tri!(rt.construct(f, &a, None));
                }
                Op::SuperCall { func, args, argc, .. } => {
                    let start = (fp as isize + HEADER as isize + args.0 as isize) as usize;
                    let a: Vec<Value> = rt.stack[start..start + argc as usize].to_vec();
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    acc = tri!(ops::super_call(rt, fp, reg!(func), &a));
                }
                Op::SuperCallSpread { func, args, .. } => {
                    let a = ops::array_values(reg!(args));
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    acc = tri!(ops::super_call(rt, fp, reg!(func), &a));
                }
                Op::BindThis { func, .. } => {
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    tri!(ops::bind_this(rt, fp, reg!(func), acc));
                }
                Op::BindThisContext { func, depth, index, .. } => {
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    let c = ops::context_at(rt.stack[fp + CONTEXT_SLOT], depth);
                    if !c.slots[index as usize].is_hole() {
                        exc = ops::super_called_twice(rt);
                        break 'op;
                    }
                    c.get_mut().slots[index as usize] = acc;
                    rt.stack[fp + THIS_SLOT] = acc;
                    tri_acc!(ops::run_fields(rt, reg!(func), acc));
                }

                Op::CreateObject { .. } => acc = Value::object(rt.new_plain_object()),
                Op::CreateArray { capacity, .. } => {
                    let a = rt.new_array(Vec::with_capacity(capacity as usize));
                    acc = Value::object(a);
                }
                Op::CreateArrayFrom { first, count, .. } => acc = ops::array_from_registers(rt, fp, first, count),
                Op::ArrayPush { array, .. } => ops::array_push(rt, reg!(array), acc),
                Op::ArrayPushHole { array, .. } => ops::array_push(rt, reg!(array), Value::HOLE),
                Op::ArraySpread { array, .. } => {
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    tri_acc!(ops::array_spread(rt, reg!(array), acc));
                }
                Op::CreateClosure { func, .. } => acc = tri!(ops::create_closure(rt, code, func.0, fp)),
                Op::CreateClass { ctor, parent, .. } => acc = tri!(ops::create_class(rt, reg!(ctor), reg!(parent))),
                Op::CreateRegExp { pattern, flags, .. } => {
                    acc = tri!(crate::builtins::regexp_create(rt, constant!(pattern), constant!(flags)))
                }
                Op::GetTemplateObject { idx, slot } => acc = ops::template_object(rt, code, idx.0, slot.index()),
                Op::CreateArguments { kind, .. } => acc = ops::create_arguments(rt, fp, code, kind),
                Op::CreateRest { start, .. } => acc = ops::create_rest(rt, fp, code, start as usize),
                Op::SetFunctionName { name, prefix, .. } => tri_acc!(ops::set_function_name(rt, acc, reg!(name), prefix)),
                Op::SetHomeObject { home, .. } => {
                    if let (Some(f), Some(h)) = (acc.as_object(), reg!(home).as_object()) {
                        if let ObjectKind::Closure(c) = &mut f.get_mut().kind {
                            c.home_object = Some(h);
                        }
                    }
                }
                Op::SetClassFields { ctor, .. } => {
                    if let (Some(c), Some(init)) = (reg!(ctor).as_object(), acc.as_object()) {
                        if let ObjectKind::Closure(cd) = &mut c.get_mut().kind {
                            cd.fields = Some(init);
                        }
                    }
                }
                Op::RunClassFields { .. } => {
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    let callee = rt.stack[fp + CALLEE_SLOT];
                    let this = rt.stack[fp + THIS_SLOT];
                    tri!(ops::run_fields(rt, callee, this));
                }
                Op::ThisCheck { .. } => {
                    if acc.is_hole() {
                        exc = rt.reference_error(
                            "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
                        );
                        break 'op;
                    }
                }
                Op::NewPrivateName { desc, .. } => {
                    let d = constant!(desc);
                    let s = rt.alloc(crate::runtime::symbol::Symbol::new(d, false, true));
                    acc = Value::symbol(s);
                }

                Op::ForInPrepare { dst, .. } => set_reg!(dst, tri_acc!(crate::builtins::for_in_prepare(rt, acc))),
                Op::ForInNext { state, done, .. } => match tri!(crate::builtins::for_in_next(rt, reg!(state))) {
                    Some(k) => acc = k,
                    None => pc = done.0,
                },
                Op::GetIterator { dst, is_async, .. } => {
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    tri!(ops::get_iterator_registers(rt, fp, dst, is_async != 0, acc));
                }
                Op::IteratorStep { iter, done, .. } => {
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    match tri!(ops::iterator_step_registers(rt, fp, iter)) {
                        Some(v) => acc = v,
                        None => pc = done.0,
                    }
                }
                Op::IteratorNext { iter, .. } => {
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    set_reg!(iter.offset(2), Value::TRUE);
                    let (it, next) = (reg!(iter), reg!(iter.offset(1)));
                    acc = tri!(rt.call(next, it, &[]));
                }
                Op::RequireObject { .. } => {
                    if !acc.is_object() {
                        exc = rt.type_error("Iterator result is not an object");
                        break 'op;
                    }
                }
                Op::IteratorCloseQuiet { iter, .. } | Op::IteratorClose { iter, .. } => {
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    tri!(ops::iterator_close_registers(rt, fp, iter, matches!(*op, Op::IteratorCloseQuiet { .. })));
                }
                Op::CreateGenerator { .. } => {
                    // The initial suspension of a generator / async function.
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    rt.sp = ops::frame_end_dynamic(rt, fp, code);
                    return Ok(generator::suspend(rt, fp, pc, generator::SuspendKind::Start));
                }
                Op::Yield { kind, .. } => {
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    rt.sp = ops::frame_end_dynamic(rt, fp, code);
                    let k = if kind == 1 { generator::SuspendKind::YieldStar } else { generator::SuspendKind::Yield };
                    return Ok(generator::suspend(rt, fp, pc, k));
                }
                Op::Await { .. } => {
                    rt.stack[fp + ACC_SLOT] = acc;
                    rt.fp = fp;
                    rt.sp = ops::frame_end_dynamic(rt, fp, code);
                    return Ok(generator::suspend(rt, fp, pc, generator::SuspendKind::Await));
                }
                Op::ResumeKind { dst, .. } => {
                    set_reg!(dst, Value::int(rt.resume_mode as i32));
                }
                Op::Debugger { .. } | Op::Nop { .. } => {}
            }
            continue 'main;
        }
        // An exception: find a handler in this frame or unwind to the caller.
        let value = match exc {
            Throw::Value(v) => v,
            Throw::Terminate(_) => {
                // Termination skips every handler up to the entry frame.
                loop {
                    if STEP && fp == stop_fp {
                        rt.fp = fp;
                        return Err(exc);
                    }
                    let flags = rt.stack[fp + FLAGS_SLOT].int_unchecked();
                    let caller = rt.stack[fp + CALLER_FP_SLOT].int_unchecked();
                    rt.sp = fp;
                    rt.realm = caller_realm(flags);
                    if flags & FLAG_ENTRY != 0 {
                        rt.fp = if caller < 0 { usize::MAX } else { caller as usize };
                        return Err(exc);
                    }
                    fp = caller as usize;
                }
            }
        };
        loop {
            if STEP && fp == stop_fp {
                rt.fp = fp;
                return Err(Throw::Value(value));
            }
            let at = pc.saturating_sub(1);
            if let Some(h) = code.block.handlers.iter().find(|h| h.start <= at && at < h.end) {
                let ctx = reg!(Reg(h.context_reg));
                rt.stack[fp + CONTEXT_SLOT] = ctx;
                pc = h.handler;
                acc = value;
                rt.fp = fp;
                rt.sp = ops::frame_end_dynamic(rt, fp, code);
                break;
            }
            let flags = rt.stack[fp + FLAGS_SLOT].int_unchecked();
            let caller = rt.stack[fp + CALLER_FP_SLOT].int_unchecked();
            rt.sp = fp;
            rt.realm = caller_realm(flags);
            if flags & FLAG_ENTRY != 0 {
                rt.fp = if caller < 0 { usize::MAX } else { caller as usize };
                return Err(Throw::Value(value));
            }
            pc = rt.stack[fp + RETURN_PC_SLOT].int_unchecked() as u32;
            fp = caller as usize;
            rt.fp = fp;
            code = frame_code(rt, fp);
            instrs = ops_of(code);
        }
    }
}

/// Keeps the `Reg` import used by macros in all configurations.
#[allow(dead_code)]
fn _reg(_: Reg, _: Gc<JsObject>, _: CallFeedback) {}
