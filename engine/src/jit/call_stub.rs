//! The direct-call stub: a plain call (`f(...)`) from compiled code to a closure that has
//! compiled code, without a runtime call. The site's [`CallIcMirror`] names the closure the
//! call feedback saw; when the callee is that closure, its code may be entered directly
//! (`FunctionCode::fast_entry`), and nothing needs the runtime (no interrupt, fuel
//! exhaustion or collection pending, room on both stacks), the stub pushes the callee's frame
//! exactly as `Runtime::push_frame` does, runs the callee and pops the frame. Otherwise,
//! having changed nothing, it makes the runtime call (`jit_call`), so a site is one call
//! whatever the callee.
//!
//! Optimized code calling the one closure a site has seen emits the same steps in place
//! ([`emit_call`] with the mirror's values as constants, [`Mirror::Fixed`]): no stub call, no
//! mirror loads, the `this` rule and the argument copy specialised.

use super::code_module::{exit_unless, CValue, CallRefs, NO_ARGS, OBJECT_KIND_OFFSET, PAYLOAD_MASK, TAG_INT, TAG_OBJECT};
use crate::interpreter::feedback::{CallIcMirror, ThisMode};
use crate::interpreter::frame::*;
use crate::runtime::function::FunctionCode;
use crate::runtime::object::{ClosureData, ObjectKind};
use crate::runtime::Runtime;
use crate::value::Value;
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, BlockArg, InstBuilder, MemFlagsData, Signature};
use cranelift_frontend::FunctionBuilder;

/// What a stub or runtime function returns when it left the work to its caller (the number
/// and equality stubs for operands they do not take, `jit_call_builtin`). Tag `0xFFFB` is
/// never a `Value`'s (see [`super::EXCEPTION`]).
pub(crate) const NOT_HANDLED: u64 = 0xFFFB_0000_0000_0001;

/// Byte offsets of the runtime fields the stub reads and writes.
pub(crate) fn rt_offset(field: RtField) -> i32 {
    use std::mem::offset_of;
    (match field {
        RtField::Sp => offset_of!(Runtime, sp),
        RtField::Fp => offset_of!(Runtime, fp),
        RtField::Pc => offset_of!(Runtime, pc),
        RtField::Realm => offset_of!(Runtime, realm),
        RtField::StackLen => offset_of!(Runtime, stack_len),
        RtField::InterruptAddr => offset_of!(Runtime, interrupt_addr),
        RtField::Countdown => offset_of!(Runtime, poll) + offset_of!(crate::runtime::Poll, countdown),
        RtField::GcRequested => offset_of!(Runtime, heap) + offset_of!(crate::heap::Heap, gc_requested),
        RtField::NativeStackFloor => offset_of!(Runtime, native_stack_floor),
    }) as i32
}

/// A runtime field compiled code reads or writes.
#[derive(Clone, Copy)]
pub(crate) enum RtField {
    Sp,
    Fp,
    Pc,
    Realm,
    StackLen,
    InterruptAddr,
    Countdown,
    GcRequested,
    NativeStackFloor,
}

/// Whether a safepoint has work (an interrupt, the poll countdown at zero, a collection
/// requested), as an i8, and the countdown (see [`charge_poll`]). `rt`: the runtime pointer.
pub(crate) fn poll_due(b: &mut FunctionBuilder, rt: CValue) -> (CValue, CValue) {
    let fl = MemFlagsData::trusted();
    let flag_addr = b.ins().load(types::I64, fl, rt, rt_offset(RtField::InterruptAddr));
    let interrupt = b.ins().uload8(types::I32, fl, flag_addr, 0);
    let countdown = b.ins().load(types::I64, fl, rt, rt_offset(RtField::Countdown));
    let gc = b.ins().uload8(types::I32, fl, rt, rt_offset(RtField::GcRequested));
    let c1 = b.ins().icmp_imm_s(IntCC::NotEqual, interrupt, 0);
    let c2 = b.ins().icmp_imm_s(IntCC::Equal, countdown, 0);
    let c3 = b.ins().icmp_imm_s(IntCC::NotEqual, gc, 0);
    let c = b.ins().bor(c1, c2);
    (b.ins().bor(c, c3), countdown)
}

/// A safepoint with nothing to do: one poll charged, as `interpreter::safepoint` does.
pub(crate) fn charge_poll(b: &mut FunctionBuilder, rt: CValue, countdown: CValue) {
    let left = b.ins().iadd_imm_s(countdown, -1);
    b.ins().store(MemFlagsData::trusted(), left, rt, rt_offset(RtField::Countdown));
}

/// Where [`emit_call`] finds what it knows of the callee: a site's mirror read at run time
/// (the stub), or its values when the code was compiled (their closure is kept alive by the
/// code that embeds them).
pub(crate) enum Mirror<'m> {
    /// The address of a [`CallIcMirror`].
    At(CValue),
    /// A mirror's values.
    Fixed(&'m CallIcMirror),
}

/// A number known when the code is compiled, or only at run time.
#[derive(Clone, Copy)]
pub(crate) enum Known {
    Const(i64),
    Dyn(CValue),
}

impl Known {
    fn value(self, b: &mut FunctionBuilder, ty: types::Type) -> CValue {
        match self {
            Known::Const(k) => b.ins().iconst(ty, k),
            Known::Dyn(v) => v,
        }
    }
}

impl Mirror<'_> {
    fn field(&self, b: &mut FunctionBuilder, offset: i32, wide: bool, fixed: impl FnOnce(&CallIcMirror) -> u64) -> Known {
        let fl = MemFlagsData::trusted();
        match self {
            Mirror::At(m) if wide => Known::Dyn(b.ins().load(types::I64, fl, *m, offset)),
            Mirror::At(m) => Known::Dyn(b.ins().uload32(fl, *m, offset)),
            Mirror::Fixed(m) => Known::Const(fixed(m) as i64),
        }
    }
}

/// A call's operands: the caller's runtime, frame address, frame pointer and pc, the callee
/// and receiver, the address of the first of `argc` arguments; and whether it is a
/// `[[Construct]]` (of a base constructor, `this` the object made for it: the callee is the
/// frame's `new.target`).
pub(crate) struct CallSite {
    pub rt: CValue,
    pub frame: CValue,
    pub fp: CValue,
    pub pc: Known,
    pub callee: CValue,
    pub this: Known,
    pub args: CValue,
    pub argc: Known,
    pub construct: bool,
}

/// Emits the stub's body into `b`, whose function takes `(runtime, frame, fp, pc: i32,
/// mirror, callee, this, args, argc)` and returns an i64: the callee's result or `EXCEPTION`,
/// from the runtime's call (`jit_call`) when the callee is not entered directly. `entry_sig` is
/// the signature of compiled functions (`JitFn`); `calls`, the runtime calls as the stubs'
/// module declares them.
pub(crate) fn emit(b: &mut FunctionBuilder, entry_sig: Signature, mut calls: CallRefs<'_>) {
    let entry_block = b.create_block();
    b.append_block_params_for_function_params(entry_block);
    b.switch_to_block(entry_block);
    let p = b.block_params(entry_block).to_vec();
    let site = CallSite {
        rt: p[0],
        frame: p[1],
        fp: p[2],
        pc: Known::Dyn(p[3]),
        callee: p[5],
        this: Known::Dyn(p[6]),
        args: p[7],
        argc: Known::Dyn(p[8]),
        construct: false,
    };
    let slow = b.create_block();
    b.set_cold_block(slow);
    let mirror = callee_mirror(b, p[4], site.callee, slow);
    let r = emit_call(b, entry_sig, &site, Mirror::At(mirror), slow);
    b.ins().return_(&[r]);
    // Anything else: the runtime's call, which reads the site's operands at `pc`. The
    // accumulator is dead at a call (its result replaces it).
    b.switch_to_block(slow);
    let f = calls.call(b.func);
    let pc = p[3];
    let undefined = b.ins().iconst(types::I64, Value::UNDEFINED.to_bits() as i64);
    let call = b.ins().call(f, &[site.rt, site.fp, pc, undefined]);
    let r = b.inst_results(call)[0];
    b.ins().return_(&[r]);
}

/// The address of the mirror describing `callee`, given the site's mirror at address `site`:
/// that one when it names the callee; when the site saw several closures
/// ([`CallIcMirror::POLYMORPHIC`]), the callee's own ([`ClosureData::call`]) if it is a
/// closure that may be called directly and of the site's code (if the site saw one code
/// only). Else branches to `slow`.
fn callee_mirror(b: &mut FunctionBuilder, site: CValue, callee: CValue, slow: Block) -> CValue {
    let fl = MemFlagsData::trusted();
    let (resolved, other) = (b.create_block(), b.create_block());
    let mirror = b.append_block_param(resolved, types::I64);
    let want = b.ins().load(types::I64, fl, site, CallIcMirror::CLOSURE_OFFSET);
    let same = b.ins().icmp(IntCC::Equal, callee, want);
    b.ins().brif(same, resolved, &[BlockArg::Value(site)], other, NO_ARGS);
    b.switch_to_block(other);
    let poly = b.ins().icmp_imm_s(IntCC::Equal, want, CallIcMirror::POLYMORPHIC as i64);
    exit_unless(b, poly, slow);
    let tag = b.ins().ushr_imm_s(callee, 48);
    let is_obj = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_OBJECT);
    exit_unless(b, is_obj, slow);
    let obj = b.ins().band_imm_s(callee, PAYLOAD_MASK);
    let kind = b.ins().uload8(types::I32, fl, obj, OBJECT_KIND_OFFSET);
    let closure = b.ins().icmp_imm_s(IntCC::Equal, kind, ObjectKind::CLOSURE_TAG as i64);
    exit_unless(b, closure, slow);
    let data = b.ins().load(types::I64, fl, obj, OBJECT_KIND_OFFSET + ObjectKind::CLOSURE_DATA_OFFSET);
    let own = b.ins().iadd_imm_s(data, ClosureData::CALL_OFFSET as i64);
    // A closure that must not be called directly has 0 there.
    let own_closure = b.ins().load(types::I64, fl, own, CallIcMirror::CLOSURE_OFFSET);
    let callable = b.ins().icmp(IntCC::Equal, own_closure, callee);
    exit_unless(b, callable, slow);
    let site_code = b.ins().load(types::I64, fl, site, CallIcMirror::CODE_OFFSET);
    let own_code = b.ins().load(types::I64, fl, own, CallIcMirror::CODE_OFFSET);
    let any = b.ins().icmp_imm_s(IntCC::Equal, site_code, 0);
    let same_code = b.ins().icmp(IntCC::Equal, site_code, own_code);
    let fits = b.ins().bor(any, same_code);
    exit_unless(b, fits, slow);
    b.ins().jump(resolved, &[BlockArg::Value(own)]);
    b.switch_to_block(resolved);
    mirror
}

/// The direct call of `s.callee` when it is the closure `m` describes (with [`Mirror::At`],
/// the caller has checked that it is): pushes its frame as
/// `Runtime::push_frame` does, runs its code and pops the frame, giving the callee's result
/// (or `EXCEPTION`). Branches to `slow`, having changed nothing, when the callee is another,
/// has no code to enter directly, is of another realm, is passed more arguments than it has
/// parameters (checked only when either count is known at run time alone), needs a
/// primitive `this` boxed, or when the runtime has work (a safepoint is
/// due, either stack is short).
pub(crate) fn emit_call(b: &mut FunctionBuilder, entry_sig: Signature, s: &CallSite, m: Mirror, slow: Block) -> CValue {
    let fl = MemFlagsData::trusted();
    // Continues in a new block unless `cond`, which leaves through `slow`.
    let bail_if = |b: &mut FunctionBuilder, cond: CValue| {
        let next = b.create_block();
        b.ins().brif(cond, slow, NO_ARGS, next, NO_ARGS);
        b.switch_to_block(next);
    };
    let differs = |b: &mut FunctionBuilder, x: CValue, y: Known| match y {
        Known::Const(k) => b.ins().icmp_imm_s(IntCC::NotEqual, x, k),
        Known::Dyn(y) => b.ins().icmp(IntCC::NotEqual, x, y),
    };
    let undef = b.ins().iconst(types::I64, Value::UNDEFINED.to_bits() as i64);

    // The site's closure, with code that may be entered directly.
    if let Mirror::Fixed(m) = m {
        let other = differs(b, s.callee, Known::Const(m.closure as i64));
        bail_if(b, other);
    }
    let code = m.field(b, CallIcMirror::CODE_OFFSET, true, |m| m.code as u64).value(b, types::I64);
    let entry = b.ins().load(types::I64, fl, code, std::mem::offset_of!(FunctionCode, fast_entry) as i32);
    let none = b.ins().icmp_imm_s(IntCC::Equal, entry, 0);
    bail_if(b, none);
    let params = m.field(b, CallIcMirror::PARAMS_OFFSET, false, |m| m.params.into());
    let registers = m.field(b, CallIcMirror::REGISTERS_OFFSET, false, |m| m.registers.into());
    // Only from the callee's own realm (no realm switch; the frame records it as the caller's).
    let realm = b.ins().uload32(fl, s.rt, rt_offset(RtField::Realm));
    let callee_realm = m.field(b, CallIcMirror::REALM_OFFSET, false, |m| m.realm.into());
    let foreign = differs(b, realm, callee_realm);
    bail_if(b, foreign);
    // More arguments than parameters go after the registers: left to `push_frame` (a caller
    // that knows both has not come here).
    match (s.argc, params) {
        (Known::Const(a), Known::Const(p)) => debug_assert!(a <= p, "{a} arguments for {p} parameters"),
        (argc, params) => {
            let (a, p) = (argc.value(b, types::I64), params.value(b, types::I64));
            let extra = b.ins().icmp(IntCC::UnsignedGreaterThan, a, p);
            bail_if(b, extra);
        }
    }

    // `this` and `new.target` (push_frame's rules; boxing a primitive is left to it).
    let this_value = m.field(b, CallIcMirror::THIS_VALUE_OFFSET, true, |m| m.this_value);
    let lexical_nt = m.field(b, CallIcMirror::NEW_TARGET_OFFSET, true, |m| m.new_target);
    let (this, new_target) = match m.field(b, CallIcMirror::THIS_MODE_OFFSET, false, |m| m.this_mode.into()) {
        Known::Const(mode) if mode == ThisMode::Lexical as i64 => (this_value.value(b, types::I64), lexical_nt.value(b, types::I64)),
        Known::Const(mode) if mode == ThisMode::Strict as i64 => (s.this.value(b, types::I64), undef),
        Known::Const(_) if matches!(s.this, Known::Const(t) if Value::from_bits(t as u64).is_nullish()) => {
            (this_value.value(b, types::I64), undef)
        }
        mode => {
            let mode = mode.value(b, types::I32);
            let this = s.this.value(b, types::I64);
            let this_value = this_value.value(b, types::I64);
            let lexical = b.ins().icmp_imm_s(IntCC::Equal, mode, ThisMode::Lexical as i64);
            let sloppy = b.ins().icmp_imm_s(IntCC::Equal, mode, ThisMode::Sloppy as i64);
            let is_undef = b.ins().icmp_imm_s(IntCC::Equal, this, Value::UNDEFINED.to_bits() as i64);
            let is_null = b.ins().icmp_imm_s(IntCC::Equal, this, Value::NULL.to_bits() as i64);
            let nullish = b.ins().bor(is_undef, is_null);
            let tag = b.ins().ushr_imm_s(this, 48);
            let is_obj = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_OBJECT);
            let fine = b.ins().bor(nullish, is_obj);
            let primitive = b.ins().bxor_imm_s(fine, 1);
            let boxes = b.ins().band(sloppy, primitive);
            bail_if(b, boxes);
            let global = b.ins().band(sloppy, nullish);
            let replaced = b.ins().bor(lexical, global);
            let this = b.ins().select(replaced, this_value, this);
            let lexical_nt = lexical_nt.value(b, types::I64);
            (this, b.ins().select(lexical, lexical_nt, undef))
        }
    };

    let new_target = if s.construct { s.callee } else { new_target };

    // Room on the register stack and on the native stack; nothing for a safepoint to do.
    let nfp = b.ins().load(types::I64, fl, s.rt, rt_offset(RtField::Sp));
    let locals = match (params, registers) {
        (Known::Const(p), Known::Const(r)) => Known::Const(p + r),
        (p, r) => {
            let (p, r) = (p.value(b, types::I64), r.value(b, types::I64));
            Known::Dyn(b.ins().iadd(p, r))
        }
    };
    let end = match locals {
        Known::Const(n) => b.ins().iadd_imm_s(nfp, n + HEADER as i64),
        Known::Dyn(n) => {
            let size = b.ins().iadd_imm_s(n, HEADER as i64);
            b.ins().iadd(nfp, size)
        }
    };
    // (Room for `fill_undefined`'s overshoot too: the runtime's path takes the calls that
    // end just below the limit, and reports overflow as exactly as for any call.)
    let limit = b.ins().load(types::I64, fl, s.rt, rt_offset(RtField::StackLen));
    let end_fill = b.ins().iadd_imm_s(end, FILL_OVERSHOOT);
    let full = b.ins().icmp(IntCC::UnsignedGreaterThan, end_fill, limit);
    bail_if(b, full);
    let (due, countdown) = poll_due(b, s.rt);
    let floor = b.ins().load(types::I64, fl, s.rt, rt_offset(RtField::NativeStackFloor));
    let sp = b.ins().get_stack_pointer(types::I64);
    // (Outside an entry from the embedder the floor is `usize::MAX`: the runtime's path.)
    let low = b.ins().icmp(IntCC::UnsignedLessThan, sp, floor);
    let busy = b.ins().bor(due, low);
    bail_if(b, busy);

    // Commit: charge the safepoint, write the frame.
    charge_poll(b, s.rt, countdown);
    let delta = b.ins().isub(nfp, s.fp);
    let delta = b.ins().ishl_imm_s(delta, 3);
    let nframe = b.ins().iadd(s.frame, delta);
    let context = m.field(b, CallIcMirror::CONTEXT_OFFSET, true, |m| m.context).value(b, types::I64);
    let tagged = |b: &mut FunctionBuilder, v: Known| match v {
        Known::Const(k) => b.ins().iconst(types::I64, (k & 0xFFFF_FFFF) | (TAG_INT << 48)),
        Known::Dyn(v) => int_value(b, v),
    };
    let argc_v = tagged(b, s.argc);
    let caller_v = tagged(b, Known::Dyn(s.fp));
    let ret_pc = match s.pc {
        Known::Const(pc) => Known::Const(pc + 1),
        Known::Dyn(pc) => {
            let pc64 = b.ins().uextend(types::I64, pc);
            Known::Dyn(b.ins().iadd_imm_s(pc64, 1))
        }
    };
    let ret_pc_v = tagged(b, ret_pc);
    // FLAG_CONSTRUCT or none; the caller's realm (the callee's, checked above) above
    // FLAG_REALM_SHIFT.
    let construct = if s.construct { i64::from(FLAG_CONSTRUCT) } else { 0 };
    let realm_bits = match callee_realm {
        Known::Const(r) => Known::Const(r << FLAG_REALM_SHIFT | construct),
        Known::Dyn(_) => {
            let r = b.ins().ishl_imm_s(realm, FLAG_REALM_SHIFT as i64);
            Known::Dyn(b.ins().bor_imm_s(r, construct))
        }
    };
    let flags = tagged(b, realm_bits);
    let slot = |i: usize| (i * 8) as i32;
    for (i, v) in [
        (CALLEE_SLOT, s.callee),
        (THIS_SLOT, this),
        (NEW_TARGET_SLOT, new_target),
        (ARGC_SLOT, argc_v),
        (CALLER_FP_SLOT, caller_v),
        (RETURN_PC_SLOT, ret_pc_v),
        (CONTEXT_SLOT, context),
        (ACC_SLOT, undef),
        (FLAGS_SLOT, flags),
    ] {
        b.ins().store(fl, v, nframe, slot(i));
    }
    let regs = b.ins().iadd_imm_s(nframe, slot(HEADER) as i64);
    // Arguments into the first parameters, undefined into the other registers.
    let argc = copy_words(
        b,
        s.argc,
        Known::Const(0),
        |b, off| {
            let from = b.ins().iadd(s.args, off);
            b.ins().load(types::I64, fl, from, 0)
        },
        regs,
    );
    fill_undefined(b, argc, locals, undef, regs);

    // Enter the callee as `jit::run_frame` does, then pop its frame.
    b.ins().store(fl, end, s.rt, rt_offset(RtField::Sp));
    b.ins().store(fl, nfp, s.rt, rt_offset(RtField::Fp));
    let pc = s.pc.value(b, types::I32);
    b.ins().store(fl, pc, s.rt, rt_offset(RtField::Pc));
    let inv_off = std::mem::offset_of!(FunctionCode, invocations) as i32;
    let inv = b.ins().load(types::I32, fl, code, inv_off);
    let inv1 = b.ins().iadd_imm_s(inv, 1);
    b.ins().store(fl, inv1, code, inv_off);
    let sig = b.import_signature(entry_sig);
    let entry_pc = b.ins().iconst(types::I32, 0);
    let call = b.ins().call_indirect(sig, entry, &[s.rt, nframe, nfp, entry_pc]);
    let r = b.inst_results(call)[0];
    b.ins().store(fl, s.fp, s.rt, rt_offset(RtField::Fp));
    b.ins().store(fl, nfp, s.rt, rt_offset(RtField::Sp));
    r
}

/// The int32 value of the low 32 bits of the i64 `v` (a frame header's numbers: argument
/// counts, frame pointers, flags).
pub(crate) fn int_value(b: &mut FunctionBuilder, v: CValue) -> CValue {
    let w = b.ins().band_imm_s(v, 0xFFFF_FFFF);
    b.ins().bor_imm_s(w, TAG_INT << 48)
}

/// Words [`fill_undefined`] may write past its end.
const FILL_OVERSHOOT: i64 = 3;

/// Writes `undef` to the words of `to` from index `from` up to `end`: unrolled when both are
/// known, else four words per iteration, so up to [`FILL_OVERSHOOT`] words past `end` (above
/// the new frame, where the stack is unused and nothing reads) are written too. Registers
/// outnumber arguments, so this is most of a call's loop iterations.
fn fill_undefined(b: &mut FunctionBuilder, from: Known, end: Known, undef: CValue, to: CValue) {
    if let (Known::Const(_), Known::Const(_)) = (from, end) {
        copy_words(b, end, from, |_, _| undef, to);
        return;
    }
    let fl = MemFlagsData::trusted();
    let (head, body, done) = (b.create_block(), b.create_block(), b.create_block());
    let i = b.append_block_param(head, types::I64);
    let start = from.value(b, types::I64);
    let end_v = end.value(b, types::I64);
    b.ins().jump(head, &[BlockArg::Value(start)]);
    b.switch_to_block(head);
    let more = b.ins().icmp(IntCC::UnsignedLessThan, i, end_v);
    b.ins().brif(more, body, NO_ARGS, done, NO_ARGS);
    b.switch_to_block(body);
    let off = b.ins().ishl_imm_s(i, 3);
    let at = b.ins().iadd(to, off);
    for k in 0..=FILL_OVERSHOOT as i32 {
        b.ins().store(fl, undef, at, 8 * k);
    }
    let next = b.ins().iadd_imm_s(i, FILL_OVERSHOOT + 1);
    b.ins().jump(head, &[BlockArg::Value(next)]);
    b.switch_to_block(done);
}

/// Writes `value(byte offset)` to the words of `to` from index `from` up to `end` (unrolled
/// when both are known and few), and gives `end`.
fn copy_words(
    b: &mut FunctionBuilder,
    end: Known,
    from: Known,
    value: impl Fn(&mut FunctionBuilder, CValue) -> CValue,
    to: CValue,
) -> Known {
    const UNROLL: i64 = 16;
    let fl = MemFlagsData::trusted();
    if let (Known::Const(from), Known::Const(end)) = (from, end) {
        if end - from <= UNROLL {
            for i in from..end {
                let off = b.ins().iconst(types::I64, i * 8);
                let v = value(b, off);
                b.ins().store(fl, v, to, (i * 8) as i32);
            }
            return Known::Const(end);
        }
    }
    let (head, body, done) = (b.create_block(), b.create_block(), b.create_block());
    let i = b.append_block_param(head, types::I64);
    let start = from.value(b, types::I64);
    b.ins().jump(head, &[BlockArg::Value(start)]);
    b.switch_to_block(head);
    let end_v = end.value(b, types::I64);
    let more = b.ins().icmp(IntCC::UnsignedLessThan, i, end_v);
    b.ins().brif(more, body, NO_ARGS, done, NO_ARGS);
    b.switch_to_block(body);
    let off = b.ins().ishl_imm_s(i, 3);
    let v = value(b, off);
    let at = b.ins().iadd(to, off);
    b.ins().store(fl, v, at, 0);
    let next = b.ins().iadd_imm_s(i, 1);
    b.ins().jump(head, &[BlockArg::Value(next)]);
    b.switch_to_block(done);
    Known::Dyn(end_v)
}
