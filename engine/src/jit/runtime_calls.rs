//! The runtime functions compiled code calls (`extern "C"`, registered by name with the
//! code module). Each takes the runtime pointer compiled code received and returns a value's
//! bits, or [`EXCEPTION`] with the exception stored in [`Jit::pending`](super::Jit).
//!
//! None of them may unwind: a Rust panic inside one aborts the process at the `extern "C"`
//! boundary instead of unwinding through machine code.

use super::call_stub::NOT_HANDLED;
use super::JitFn;
use super::EXCEPTION;
use crate::bytecode::code::CodeKind;
use crate::bytecode::ops::Op;
use crate::heap::Gc;
use crate::interpreter::call::ArgSrc;
use crate::interpreter::feedback::{elements_seen, CallIcMirror, Feedback, GlobalFeedback, PropertyIc};
use crate::interpreter::frame::FLAG_CONSTRUCT;
use crate::interpreter::frame::{ACC_SLOT, CALLEE_SLOT, CONTEXT_SLOT, HEADER, THIS_SLOT};
use crate::interpreter::ops;
use crate::interpreter::{
    cached_load, cached_store, dense_get, dense_set, frame_code, frame_end, record_call, record_call_other, return_value, safepoint, step,
};
use crate::runtime::function::FunctionCode;
use crate::runtime::object::{JsObject, ObjectKind};
use crate::runtime::{Intrinsic, JsResult, Runtime, Throw};
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

/// Whether compiled code runs `op` through [`jit_exec`] rather than [`jit_step`]: the
/// instructions whose work is one call of the interpreter's own code for them, so entering
/// the interpreter's loop for them would cost more than the work. All fall through to the
/// next instruction but `IteratorStep`, whose next pc `jit_exec` leaves in `Jit::next_pc`.
pub(crate) fn runs_directly(op: Op) -> bool {
    matches!(
        op,
        Op::GetIterator { .. }
            | Op::IteratorStep { .. }
            | Op::IteratorClose { .. }
            | Op::IteratorCloseQuiet { .. }
            | Op::TestInstanceOf { .. }
            | Op::ToPropertyKey { .. }
            | Op::CopyDataProperties { .. }
            | Op::CreateRest { .. }
            | Op::GetSuper { .. }
            | Op::SuperCall { .. }
            | Op::SuperCallSpread { .. }
            | Op::BindThis { .. }
            | Op::Negate { .. }
            | Op::BitNot { .. }
            | Op::PopContext { .. }
            | Op::CreateObject { .. }
            | Op::CreateArray { .. }
            | Op::CreateArrayFrom { .. }
            | Op::ArrayPush { .. }
            | Op::ArrayPushHole { .. }
            | Op::DefineNamed { .. }
            | Op::CreateClosure { .. }
            | Op::TypeOf { .. }
            | Op::ToObject { .. }
            | Op::ToStringForConcat { .. }
            | Op::RunClassFields { .. }
            | Op::Add { .. }
            | Op::Sub { .. }
            | Op::Mul { .. }
            | Op::Div { .. }
            | Op::Mod { .. }
            | Op::Exp { .. }
            | Op::BitAnd { .. }
            | Op::BitOr { .. }
            | Op::BitXor { .. }
            | Op::Shl { .. }
            | Op::Sar { .. }
            | Op::Shr { .. }
            | Op::TestLt { .. }
            | Op::TestLe { .. }
            | Op::TestGt { .. }
            | Op::TestGe { .. }
    )
}

/// Runs the instruction at `pc` of the frame at `fp` (one that [`runs_directly`]) with the
/// interpreter's semantics, without entering the interpreter's loop. Returns the new
/// accumulator, or [`EXCEPTION`].
pub(super) unsafe extern "C" fn jit_exec(rt: *mut Runtime, fp: usize, pc: u32, acc: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    // Errors made here take their stack trace from the current frame and pc; JavaScript run
    // from here (conversions, field initialisers) may collect, and the frame holds all else.
    rt.fp = fp;
    rt.pc = pc;
    rt.stack[fp + ACC_SLOT] = Value::from_bits(acc);
    let code = frame_code(rt, fp);
    let acc = Value::from_bits(acc);
    let op = code.block.ops[pc as usize];
    let r = match op {
        Op::PopContext { .. } => {
            ops::pop_context(rt, fp);
            Ok(acc)
        }
        Op::CreateObject { .. } => Ok(Value::object(rt.new_plain_object())),
        Op::CreateArray { capacity, .. } => Ok(Value::object(rt.new_array(Vec::with_capacity(capacity as usize)))),
        Op::CreateArrayFrom { first, count, .. } => Ok(ops::array_from_registers(rt, fp, first, count)),
        Op::ArrayPush { array, .. } => {
            ops::array_push(rt, reg(rt, fp, array.0), acc);
            Ok(acc)
        }
        Op::ArrayPushHole { array, .. } => {
            ops::array_push(rt, reg(rt, fp, array.0), Value::HOLE);
            Ok(acc)
        }
        Op::DefineNamed { obj, name, slot } => {
            let name = code.constants[name.0 as usize];
            ops::define_named_cached(rt, code, slot.index(), reg(rt, fp, obj.0), name, acc).map(|()| acc)
        }
        Op::CreateClosure { func, .. } => ops::create_closure(rt, code, func.0, fp),
        Op::GetIterator { dst, is_async, .. } => ops::get_iterator_registers(rt, fp, dst, is_async != 0, acc).map(|()| acc),
        Op::IteratorStep { iter, done, .. } => ops::iterator_step_registers(rt, fp, iter).map(|step| {
            rt.jit.next_pc = if step.is_some() { pc + 1 } else { done.0 };
            step.unwrap_or(acc)
        }),
        Op::IteratorClose { iter, .. } => ops::iterator_close_registers(rt, fp, iter, false).map(|()| acc),
        Op::IteratorCloseQuiet { iter, .. } => ops::iterator_close_registers(rt, fp, iter, true).map(|()| acc),
        // After compiled code's int32 path (which this repeats for the operands it leaves).
        Op::Negate { slot } => ops::negate(rt, code, slot.index(), acc),
        Op::BitNot { slot } => ops::bit_not(rt, code, slot.index(), acc),
        Op::ToPropertyKey { .. } => ops::to_property_key_value(rt, acc),
        Op::CopyDataProperties { target, excluded, excluded_count, .. } => {
            let ex: Vec<Value> = (0..excluded_count as i32).map(|i| reg(rt, fp, excluded.0 + i)).collect();
            ops::copy_data_properties(rt, reg(rt, fp, target.0), acc, &ex).map(|()| acc)
        }
        Op::CreateRest { start, .. } => Ok(ops::create_rest(rt, fp, code, start as usize)),
        Op::GetSuper { key, .. } => ops::get_super(rt, fp, reg(rt, fp, key.0)),
        Op::SuperCall { func, args, argc, .. } => {
            let a: Vec<Value> = (0..argc as i32).map(|i| reg(rt, fp, args.0 + i)).collect();
            ops::super_call(rt, fp, reg(rt, fp, func.0), &a)
        }
        Op::SuperCallSpread { func, args, .. } => {
            let a = ops::array_values(reg(rt, fp, args.0));
            ops::super_call(rt, fp, reg(rt, fp, func.0), &a)
        }
        Op::BindThis { func, .. } => ops::bind_this(rt, fp, reg(rt, fp, func.0), acc).map(|()| acc),
        Op::TestInstanceOf { lhs, .. } => rt.instance_of(reg(rt, fp, lhs.0), acc).map(Value::bool),
        Op::TypeOf { .. } => Ok(Value::string(rt.type_of(acc))),
        Op::ToObject { .. } => rt.to_object(acc).map(Value::object),
        Op::ToStringForConcat { .. } => rt.to_string(acc).map(Value::string),
        Op::RunClassFields { .. } => {
            let (callee, this) = (rt.stack[fp + CALLEE_SLOT], rt.stack[fp + THIS_SLOT]);
            ops::run_fields(rt, callee, this).map(|()| acc)
        }
        // The interpreter's code after its int32 fast path: complete for any operands.
        Op::Add { lhs, slot } => ops::add_slow(rt, code, slot.index(), reg(rt, fp, lhs.0), acc),
        Op::Sub { lhs, slot }
        | Op::Mul { lhs, slot }
        | Op::Div { lhs, slot }
        | Op::Mod { lhs, slot }
        | Op::Exp { lhs, slot }
        | Op::BitAnd { lhs, slot }
        | Op::BitOr { lhs, slot }
        | Op::BitXor { lhs, slot }
        | Op::Shl { lhs, slot }
        | Op::Sar { lhs, slot }
        | Op::Shr { lhs, slot } => ops::arith_slow(rt, code, slot.index(), op, reg(rt, fp, lhs.0), acc),
        Op::TestLt { lhs, slot } | Op::TestLe { lhs, slot } | Op::TestGt { lhs, slot } | Op::TestGe { lhs, slot } => {
            ops::compare_slow(rt, code, slot.index(), op, reg(rt, fp, lhs.0), acc)
        }
        _ => step(rt, fp, pc, acc),
    };
    ret(rt, r)
}

/// A loop back-edge to `header` ([`NO_OSR`](super::NO_OSR) from optimized code): counts it, polls the interrupt flag and lets a pending
/// collection run (the accumulator is spilled into the frame so the collector sees it).
/// Returns `acc`; or, when the frame is baseline code whose loop got hot enough for the
/// optimizing tier, runs the rest of the frame in optimized code from `header` (on-stack
/// replacement) and returns [`OSR_DONE`](super::OSR_DONE), the result waiting in
/// [`jit_osr_result`].
pub(super) unsafe extern "C" fn jit_loop_safepoint(rt: *mut Runtime, fp: usize, acc: u64, header: u32) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    let code = frame_code(rt, fp);
    code.get_mut().back_edges += 1;
    let v = Value::from_bits(acc);
    if let Err(e) = safepoint(rt, fp, v) {
        return ret(rt, Err(e));
    }
    if let Some(f) = osr_target(rt, code, header) {
        rt.jit.stats.osr_entries += 1;
        rt.stack[fp + ACC_SLOT] = v;
        let r = super::run_frame(rt, fp, f, header);
        rt.jit.osr_result = Some(r);
        return super::OSR_DONE;
    }
    acc
}

/// The optimized code a baseline frame of `code` should continue in, if any. Only
/// baseline frames ask: an optimized frame's loops are already optimized.
#[inline]
fn osr_target(rt: &mut Runtime, code: Gc<FunctionCode>, header: u32) -> Option<JitFn> {
    if header == super::NO_OSR
        || rt.jit.tier != super::Tier::Full
        || code.back_edges < rt.jit.opt_osr_threshold
        || !super::optimizing::may_optimize(&code)
    {
        return None;
    }
    match code.jit {
        // The frame runs baseline code exactly when the function's code is baseline only, or
        // optimized code was made after this frame started (both are fine to enter).
        super::JitCode::Baseline(_) => {
            let f = super::optimize(rt, code);
            if f.is_none() {
                super::wait_in_loop(&rt.jit, code);
            }
            f
        }
        super::JitCode::Optimized { entry, .. } => Some(entry),
        _ => None,
    }
}

/// The result of the frame [`jit_loop_safepoint`] finished in optimized code.
pub(super) unsafe extern "C" fn jit_osr_result(rt: *mut Runtime) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    let r = rt.jit.osr_result.take().unwrap_or_else(|| Err(rt.type_error("internal error: no on-stack-replacement result")));
    ret(rt, r)
}

/// ToBoolean: 1 or 0.
pub(super) unsafe extern "C" fn jit_to_boolean(rt: *mut Runtime, v: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    rt.to_boolean(Value::from_bits(v)) as u64
}

/// The `this` that `new f` makes for closure `f` (an ordinary object whose prototype is
/// `f.prototype`), or 0 if that fails or, when `shape` is not 0, the object's shape is not
/// the one at that address (the code assumed it). Allocates, but cannot run JavaScript (a
/// closure's `prototype` is a non-configurable data property) or collect (collections wait
/// for a safepoint).
pub(super) unsafe extern "C" fn jit_create_this(rt: *mut Runtime, f: u64, shape: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    match rt.ordinary_create_from_constructor(Value::from_bits(f), Intrinsic::ObjectPrototype) {
        Ok(o) if shape == 0 || o.shape.addr() as u64 == shape => Value::object(o).to_bits(),
        _ => 0,
    }
}

/// `PushContext`: a new context of `slots` slots under `parent` (the frame's context, or
/// undefined). Allocates, but cannot run JavaScript, throw or collect (collections wait for
/// safepoints).
pub(super) unsafe extern "C" fn jit_push_context(rt: *mut Runtime, parent: u64, slots: u32) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    ops::new_context(rt, Value::from_bits(parent), slots).to_bits()
}

/// A new ordinary object of the shape at `shape`, a root shape the code keeps alive (an
/// inlined `new` whose constructor's `prototype` is the one it assumed); or if 0, a new plain
/// object (an object literal's `CreateObject`). Allocates, but cannot run JavaScript or
/// collect (collections wait for safepoints).
pub(super) unsafe extern "C" fn jit_create_object(rt: *mut Runtime, shape: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    let o = match shape {
        0 => rt.new_plain_object(),
        s => rt.heap.alloc(JsObject::new(Gc::from_addr(s as usize), ObjectKind::Ordinary)),
    };
    Value::object(o).to_bits()
}

/// Adds a property to object `o` (of the shape a transition to shape `to` starts from,
/// checked by the caller) by that transition: `v` in new slot `slot`, unless the prototype
/// chain's validity flag at `valid` (if not 0) was cleared or the slots do not match. 1 when
/// done, else 0. Cannot run JavaScript or collect.
pub(super) unsafe extern "C" fn jit_add_property(rt: *mut Runtime, o: u64, to: u64, slot: u32, valid: u64, v: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    // SAFETY: a nonzero `valid` is the address of a validity flag the code's roots keep alive.
    let chain_ok = valid == 0 || unsafe { *(valid as *const bool) };
    let Some(obj) = Value::from_bits(o).as_object() else { return 0 };
    // A prototype's shape change must go through the runtime, which invalidates the chains
    // through it (see `ops::cached_store`).
    if !chain_ok || obj.slots.len() != slot as usize || obj.proto_info.is_some() {
        return 0;
    }
    obj.get_mut().shape = Gc::from_addr(to as usize);
    rt.push_slot(obj, Value::from_bits(v));
    1
}

/// The built-in method numbered `method` (`BuiltinMethod::ALL`) called on `recv` with the
/// arguments `a`, `b` (as many as it takes) through its direct path: the result, or
/// `NOT_HANDLED` (nothing done) for a receiver the path does not take. Runs no JavaScript and
/// does not collect.
pub(super) unsafe extern "C" fn jit_call_builtin(rt: *mut Runtime, method: u32, recv: u64, a: u64, b: u64) -> u64 {
    use crate::builtins::{array, map_set};
    use crate::jit::optimizing::ir::BuiltinMethod;
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    let (recv, a, b) = (Value::from_bits(recv), Value::from_bits(a), Value::from_bits(b));
    let method = BuiltinMethod::ALL[method as usize];
    if method == BuiltinMethod::StringCharCodeAt {
        let (Some(s), Some(i)) = (recv.as_string(), a.as_int()) else { return NOT_HANDLED };
        return match usize::try_from(i) {
            Ok(i) if i < s.len() => Value::int(i32::from(s.at(i))).to_bits(),
            _ => NOT_HANDLED,
        };
    }
    let Some(o) = recv.as_object() else { return NOT_HANDLED };
    let r = match method {
        BuiltinMethod::ArrayPush => array::push_dense(rt, o, std::slice::from_ref(&a)).map(Value::from_f64),
        BuiltinMethod::ArrayPop => array::pop_dense(rt, o),
        BuiltinMethod::MapGet => map_set::map_get_direct(o, a),
        BuiltinMethod::MapHas => map_set::map_has_direct(o, a).map(Value::bool),
        BuiltinMethod::MapSet => map_set::map_set_direct(rt, o, a, b).map(|()| Value::object(o)),
        BuiltinMethod::StringCharCodeAt => unreachable!("handled above"),
    };
    r.map_or(NOT_HANDLED, Value::to_bits)
}

/// `a === b`: 1 or 0 (cannot run JavaScript or allocate).
pub(super) unsafe extern "C" fn jit_strict_equals(rt: *mut Runtime, a: u64, b: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    rt.strict_equals(Value::from_bits(a), Value::from_bits(b)) as u64
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
            let code = frame_code(rt, fp);
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

// ----- Instructions with an inline-cache fast path -----
//
// Each runs the common case of one instruction directly (reading the same feedback the
// interpreter writes) and otherwise the interpreter's implementation of it, so the semantics
// and the feedback stay the interpreter's. They avoid the interpreter's dispatch.

/// Register `r` of the frame at `fp`.
#[inline]
fn reg(rt: &Runtime, fp: usize, r: i32) -> Value {
    rt.stack[ops::reg_slot(fp, crate::bytecode::ops::Reg(r))]
}

/// The instruction at `pc` of the frame at `fp` (and the frame's code). The runtime calls the
/// stubs make read their operands there rather than taking them as arguments: a stub is
/// shared by every site, so it passes only `(rt, fp, pc, acc)`. The calls compiled code makes
/// directly (`jit_get_named`, `jit_set_named`, `jit_construct`) take their operands as
/// arguments, which is cheaper. A call made for an instruction of another kind (a bug) runs
/// that instruction by the interpreter.
#[inline]
fn op_at(rt: &Runtime, fp: usize, pc: u32) -> (Gc<FunctionCode>, Op) {
    let code = frame_code(rt, fp);
    (code, code.block.ops[pc as usize])
}

/// The instruction at `pc` by the interpreter: the fallback of every call below.
fn interpret(rt: &mut Runtime, fp: usize, pc: u32, acc: u64) -> u64 {
    let r = step(rt, fp, pc, Value::from_bits(acc));
    ret(rt, r)
}

/// `GetNamed obj, name`: own and prototype data properties and array `length` by IC. `obj`
/// and `slot` are the instruction's operands (a call made where the IC's entries are not all
/// slots, which the site stub would not serve).
pub(super) unsafe extern "C" fn jit_get_named(rt: *mut Runtime, fp: usize, pc: u32, acc: u64, obj: i32, slot: u32) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    get_named(rt, fp, pc, acc, obj, slot as usize)
}

/// [`jit_get_named`] reading the operands at `pc`: the site stub's fallback.
pub(super) unsafe extern "C" fn jit_get_named_at(rt: *mut Runtime, fp: usize, pc: u32, acc: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    let (_, Op::GetNamed { obj, slot, .. }) = op_at(rt, fp, pc) else { return interpret(rt, fp, pc, acc) };
    get_named(rt, fp, pc, acc, obj.0, slot.index())
}

fn get_named(rt: &mut Runtime, fp: usize, pc: u32, acc: u64, obj: i32, slot: usize) -> u64 {
    let recv = reg(rt, fp, obj);
    let Some(o) = recv.as_object() else {
        // A primitive's method (`s.charCodeAt`): its prototype's, which the megamorphic cache
        // holds once the instruction's generic path has read it.
        let code = frame_code(rt, fp);
        if let Op::GetNamed { name, .. } = code.block.ops[pc as usize] {
            if let Some(v) = ops::primitive_hit(rt, recv, code.constants[name.0 as usize]) {
                return v.to_bits();
            }
        }
        return interpret(rt, fp, pc, acc);
    };
    let code = frame_code(rt, fp);
    match &code.feedback.slots[slot].data {
        Feedback::Property(PropertyIc::Megamorphic) => {
            if let Op::GetNamed { name, .. } = code.block.ops[pc as usize] {
                if let Some(v) = ops::megamorphic_hit(rt, o, code.constants[name.0 as usize]) {
                    rt.stats.get_hits += 1;
                    return v.to_bits();
                }
            }
        }
        Feedback::Property(ic) => {
            if let Some(v) = ic.lookup(o.shape).and_then(|e| cached_load(e.access, o)) {
                rt.stats.get_hits += 1;
                return v.to_bits();
            }
        }
        _ => {}
    }
    interpret(rt, fp, pc, acc)
}

/// `SetNamed obj, name`: own data properties and adding transitions by IC. `obj` and `slot`
/// are the instruction's operands (a call made where the IC's entries are not all slots,
/// which the site stub would not serve: adding properties, mostly).
pub(super) unsafe extern "C" fn jit_set_named(rt: *mut Runtime, fp: usize, pc: u32, acc: u64, obj: i32, slot: u32) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    set_named(rt, fp, pc, acc, obj, slot as usize)
}

/// [`jit_set_named`] reading the operands at `pc` (or [`jit_exec`] of a `DefineNamed`): the
/// store stub's fallback.
pub(super) unsafe extern "C" fn jit_set_named_at(rt: *mut Runtime, fp: usize, pc: u32, acc: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rtm = unsafe { runtime(rt) };
    match op_at(rtm, fp, pc) {
        (_, Op::SetNamed { obj, slot, .. }) => set_named(rtm, fp, pc, acc, obj.0, slot.index()),
        // `DefineNamed`, which the stub also serves.
        // SAFETY: `jit_exec` takes what this function was given.
        (_, op) if runs_directly(op) => unsafe { jit_exec(rt, fp, pc, acc) },
        _ => interpret(rtm, fp, pc, acc),
    }
}

fn set_named(rt: &mut Runtime, fp: usize, pc: u32, acc: u64, obj: i32, slot: usize) -> u64 {
    let v = Value::from_bits(acc);
    if let Some(o) = reg(rt, fp, obj).as_object() {
        if let Feedback::Property(ic) = &frame_code(rt, fp).feedback.slots[slot].data {
            if let Some(e) = ic.lookup(o.shape) {
                if cached_store(rt, e.access, o, v) {
                    rt.stats.set_hits += 1;
                    return acc;
                }
            }
        }
    }
    interpret(rt, fp, pc, acc)
}

/// `LdaGlobal name`: global lexical cells and global-object data properties by IC.
pub(super) unsafe extern "C" fn jit_lda_global(rt: *mut Runtime, fp: usize, pc: u32, acc: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    let (code, Op::LdaGlobal { slot, .. }) = op_at(rt, fp, pc) else { return interpret(rt, fp, pc, acc) };
    let slot = slot.index();
    match code.feedback.slots[slot].data {
        Feedback::Global(GlobalFeedback::Lexical(cell)) if !cell.value.is_hole() => {
            rt.stats.global_hits += 1;
            return cell.value.to_bits();
        }
        Feedback::Global(GlobalFeedback::Property { shape, slot: s }) => {
            let global = rt.global_object();
            if shape == global.shape {
                rt.stats.global_hits += 1;
                return global.slots[s as usize].to_bits();
            }
        }
        _ => {}
    }
    let r = step(rt, fp, pc, Value::from_bits(acc));
    ret(rt, r)
}

/// `StaGlobal name`: mutable global lexical cells and global-object data properties by IC.
pub(super) unsafe extern "C" fn jit_sta_global(rt: *mut Runtime, fp: usize, pc: u32, acc: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    let (code, Op::StaGlobal { slot, .. }) = op_at(rt, fp, pc) else { return interpret(rt, fp, pc, acc) };
    let slot = slot.index();
    let v = Value::from_bits(acc);
    match code.feedback.slots[slot].data {
        Feedback::Global(GlobalFeedback::Lexical(cell)) if !cell.value.is_hole() && !cell.constant => {
            cell.get_mut().value = v;
            return acc;
        }
        Feedback::Global(GlobalFeedback::Property { shape, slot: s }) => {
            let global = rt.global_object();
            if shape == global.shape {
                global.get_mut().slots[s as usize] = v;
                return acc;
            }
        }
        _ => {}
    }
    let r = step(rt, fp, pc, v);
    ret(rt, r)
}

/// Records a TypedArray receiver in the feedback of the keyed site at `pc` (the fast paths
/// that serve TypedArrays record nothing; the optimizing tier must not take the site for one
/// that only saw dense elements).
fn note_typed_receiver(rt: &Runtime, fp: usize, pc: u32, o: Gc<JsObject>) {
    if !matches!(o.kind, ObjectKind::TypedArray(_)) {
        return;
    }
    let code = frame_code(rt, fp);
    if let Some(slot) = code.block.ops[pc as usize].feedback_slot() {
        if let Feedback::Keyed { seen } = &mut code.get_mut().feedback.slots[slot.0 as usize].data {
            *seen |= elements_seen::TYPED;
        }
    }
}

/// `GetKeyed obj`: present elements of dense stores (the site stub reads those of plain
/// objects and arrays first) and TypedArray elements.
pub(super) unsafe extern "C" fn jit_get_keyed(rt: *mut Runtime, fp: usize, pc: u32, acc: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    let (_, Op::GetKeyed { obj, .. }) = op_at(rt, fp, pc) else { return interpret(rt, fp, pc, acc) };
    let obj = obj.0;
    let key = Value::from_bits(acc);
    if let Some(o) = reg(rt, fp, obj).as_object() {
        if let Some(v) = dense_get(o, key) {
            note_typed_receiver(rt, fp, pc, o);
            return v.to_bits();
        }
        // An interned string is the property key of its contents (the instruction's generic
        // path, which this skips, has noted the site's feedback when it filled the cache).
        if key.as_string().is_some_and(|s| s.is_interned()) {
            if let Some(v) = ops::megamorphic_hit(rt, o, key) {
                return v.to_bits();
            }
        }
    }
    let r = step(rt, fp, pc, key);
    ret(rt, r)
}

/// `SetKeyed obj, key`: present elements of dense arrays and ordinary objects.
pub(super) unsafe extern "C" fn jit_set_keyed(rt: *mut Runtime, fp: usize, pc: u32, acc: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    let (_, Op::SetKeyed { obj, key, .. }) = op_at(rt, fp, pc) else { return interpret(rt, fp, pc, acc) };
    let (obj, key) = (obj.0, key.0);
    let v = Value::from_bits(acc);
    if let Some(o) = reg(rt, fp, obj).as_object() {
        if dense_set(o, reg(rt, fp, key), v) {
            note_typed_receiver(rt, fp, pc, o);
            return acc;
        }
    }
    let r = step(rt, fp, pc, v);
    ret(rt, r)
}

/// `Call callee, this, argc`: a compiled callee is entered directly (no interpreter loop in
/// between); anything else goes through the interpreter's `Call`.
pub(super) unsafe extern "C" fn jit_call(rt: *mut Runtime, fp: usize, pc: u32, acc: u64) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    let (code, op) = op_at(rt, fp, pc);
    let (callee, this_reg, argc, slot, undefined_this) = match op {
        Op::Call { callee, this_reg, argc, slot } => (callee.0, this_reg.0, argc, slot.index(), false),
        Op::CallUndefined { callee, this_reg, argc, slot } => (callee.0, this_reg.0, argc, slot.index(), true),
        _ => return interpret(rt, fp, pc, acc),
    };
    let f = reg(rt, fp, callee);
    // `CallUndefined` leaves its receiver register unwritten.
    let this_of = |rt: &Runtime| if undefined_this { Value::UNDEFINED } else { reg(rt, fp, this_reg) };
    let target = match f.as_object() {
        Some(o) => match &o.kind {
            ObjectKind::Closure(_) => compiled_callee(rt, f, |k| !matches!(k, CodeKind::ClassConstructor | CodeKind::DerivedConstructor))
                .map(|c| (c.closure, c.code, c.entry)),
            ObjectKind::Native(_) | ObjectKind::Bound(_) => {
                // Built-ins: called as the interpreter's `Call` calls them.
                record_call_other(code, slot, o);
                rt.stats.calls += 1;
                rt.fp = fp;
                rt.pc = pc;
                rt.stack[fp + ACC_SLOT] = Value::from_bits(acc);
                let this = this_of(rt);
                let start = (fp as isize + HEADER as isize + this_reg as isize + 1) as usize;
                // SAFETY: the arguments lie in this frame's registers, below `rt.sp`; callees
                // only write the stack at or above `rt.sp`, and the stack never moves.
                let args: &[Value] = unsafe { std::slice::from_raw_parts(rt.stack.as_ptr().add(start), argc as usize) };
                let r = rt.call(f, this, args);
                return ret(rt, r);
            }
            _ => None,
        },
        None => None,
    };
    let Some((o, fcode, entry)) = target else {
        let r = step(rt, fp, pc, Value::from_bits(acc));
        return ret(rt, r);
    };
    record_call(code, slot, o, fcode);
    rt.stats.calls += 1;
    let start = (fp as isize + HEADER as isize + this_reg as isize + 1) as usize;
    let callee = CompiledCallee { closure: o, code: fcode, entry };
    let mirror = o.as_closure().map_or_else(CallIcMirror::default, |c| c.call);
    let r = call_compiled(rt, fp, code, pc, acc, callee, |rt| Ok(this_of(rt)), (start, argc as usize), (&mirror, Value::UNDEFINED, 0));
    ret(rt, r)
}

/// `Call`/`CallUndefined` at `pc` of the frame at `fp` (accumulator `acc`) whose callee is the
/// native function `f`, as compiled code checked: the call `jit_call` makes of it, without
/// decoding the instruction or recording the feedback the site already holds (this callee
/// alone). The `argc` arguments are at `args`, in the frame's registers.
pub(super) unsafe extern "C" fn jit_call_native(
    rt: *mut Runtime,
    fp: usize,
    pc: u32,
    acc: u64,
    f: u64,
    this: u64,
    args: *const Value,
    argc: u32,
) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    let o = Value::from_bits(f).as_object().expect("compiled code checked the callee");
    let ObjectKind::Native(n) = &o.kind else { unreachable!("compiled code checked the callee") };
    let native = n.f;
    rt.stats.calls += 1;
    rt.fp = fp;
    rt.pc = pc;
    rt.stack[fp + ACC_SLOT] = Value::from_bits(acc);
    // SAFETY: the arguments lie in this frame's registers, below `rt.sp`; callees only write
    // the stack at or above `rt.sp`, and the stack never moves.
    let args: &[Value] = unsafe { std::slice::from_raw_parts(args, argc as usize) };
    let r = rt.call_native(native, o, Value::from_bits(this), args, Value::UNDEFINED);
    ret(rt, r)
}

/// A closure with baseline code.
#[derive(Clone, Copy)]
struct CompiledCallee {
    closure: Gc<JsObject>,
    code: Gc<FunctionCode>,
    entry: JitFn,
}

/// `f`'s compiled code (compiling it if it is due), when `f` is a closure whose code `accepts`.
fn compiled_callee(rt: &mut Runtime, f: Value, accepts: impl Fn(CodeKind) -> bool) -> Option<CompiledCallee> {
    let o = f.as_object()?;
    let ObjectKind::Closure(c) = &o.kind else { return None };
    if !accepts(c.code.frame.kind) {
        return None;
    }
    let entry = super::entry_for(rt, c.code)?;
    Some(CompiledCallee { closure: o, code: c.code, entry })
}

/// Runs a compiled callee from the instruction at `pc` of the compiled frame at `fp`, running
/// `code` (its accumulator `acc` saved first): `this` is made once the caller's state is saved (it may
/// run JavaScript), then the frame is pushed (from the callee's `mirror`, which gives the same
/// frame as `new_target` and `flags` would, when `push_plain_frame` takes it) and run, and the
/// stack trimmed back.
#[allow(clippy::too_many_arguments)]
fn call_compiled(
    rt: &mut Runtime,
    fp: usize,
    code: Gc<FunctionCode>,
    pc: u32,
    acc: u64,
    callee: CompiledCallee,
    this: impl FnOnce(&mut Runtime) -> JsResult<Value>,
    (start, argc): (usize, usize),
    (mirror, new_target, flags): (&CallIcMirror, Value, i32),
) -> JsResult<Value> {
    rt.fp = fp;
    rt.pc = pc;
    rt.stack[fp + ACC_SLOT] = Value::from_bits(acc);
    let realm = rt.realm;
    let r = (|| {
        let this = this(rt)?;
        let nfp = match rt.push_plain_frame(mirror, this, start, argc, flags, pc + 1) {
            Some(nfp) => nfp,
            None => rt.push_frame(callee.closure, this, ArgSrc::Stack(start, argc), new_target, flags, pc + 1)?,
        };
        callee.code.get_mut().invocations += 1;
        safepoint(rt, nfp, Value::UNDEFINED)?;
        let v = super::run_frame(rt, nfp, callee.entry, 0)?;
        return_value(rt, nfp, callee.code, v)
    })();
    // Back in the caller's realm (the callee's frame switched to its own).
    rt.realm = realm;
    rt.fp = fp;
    rt.sp = frame_end(rt, fp, code);
    r
}

/// `Construct callee, args, argc`: a compiled base constructor (or plain function) is entered
/// directly; anything else goes through the interpreter's `Construct`.
pub(super) unsafe extern "C" fn jit_construct(
    rt: *mut Runtime,
    fp: usize,
    pc: u32,
    acc: u64,
    callee: i32,
    args: i32,
    argc: u32,
    slot: u32,
) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { runtime(rt) };
    let f = reg(rt, fp, callee);
    let Some(target) = compiled_callee(rt, f, |k| matches!(k, CodeKind::Normal | CodeKind::ClassConstructor)) else {
        return interpret(rt, fp, pc, acc);
    };
    let code = frame_code(rt, fp);
    record_call_other(code, slot as usize, target.closure);
    let start = (fp as isize + HEADER as isize + args as isize) as usize;
    let this = |rt: &mut Runtime| rt.ordinary_create_from_constructor(f, Intrinsic::ObjectPrototype).map(Value::object);
    // (A base constructor's frame, as `new` in place pushes it; anything else: `push_frame`.)
    let mirror =
        ops::construct_mirror(target.closure).map_or_else(CallIcMirror::default, |m| CallIcMirror { new_target: f.to_bits(), ..m });
    let r = call_compiled(rt, fp, code, pc, acc, target, this, (start, argc as usize), (&mirror, f, FLAG_CONSTRUCT));
    ret(rt, r)
}

/// The runtime calls by symbol name, for the code module to resolve.
pub(super) fn symbols() -> [(&'static str, *const u8); 24] {
    [
        ("jit_exec", jit_exec as *const u8),
        ("jit_push_context", jit_push_context as *const u8),
        ("jit_create_this", jit_create_this as *const u8),
        ("jit_create_object", jit_create_object as *const u8),
        ("jit_add_property", jit_add_property as *const u8),
        ("jit_call_builtin", jit_call_builtin as *const u8),
        ("jit_osr_result", jit_osr_result as *const u8),
        ("jit_deopt", super::deopt::jit_deopt as *const u8),
        ("jit_step", jit_step as *const u8),
        ("jit_loop_safepoint", jit_loop_safepoint as *const u8),
        ("jit_to_boolean", jit_to_boolean as *const u8),
        ("jit_strict_equals", jit_strict_equals as *const u8),
        ("jit_catch", jit_catch as *const u8),
        ("jit_get_named", jit_get_named as *const u8),
        ("jit_set_named", jit_set_named as *const u8),
        ("jit_get_named_at", jit_get_named_at as *const u8),
        ("jit_set_named_at", jit_set_named_at as *const u8),
        ("jit_lda_global", jit_lda_global as *const u8),
        ("jit_sta_global", jit_sta_global as *const u8),
        ("jit_get_keyed", jit_get_keyed as *const u8),
        ("jit_set_keyed", jit_set_keyed as *const u8),
        ("jit_call", jit_call as *const u8),
        ("jit_call_native", jit_call_native as *const u8),
        ("jit_construct", jit_construct as *const u8),
    ]
}
