//! The direct-call stub: a plain call (`f(...)`) from compiled code to a closure that has
//! compiled code, without a runtime call. The site's [`CallIcMirror`] names the closure the
//! call feedback saw; when the callee is that closure, its code may be entered directly
//! (`FunctionCode::fast_entry`), and nothing needs the runtime (no interrupt, fuel
//! exhaustion or collection pending, room on both stacks), the stub pushes the callee's frame
//! exactly as `Runtime::push_frame` does, runs the callee and pops the frame. Otherwise it
//! returns [`NOT_HANDLED`] having changed nothing, and the site makes the runtime call.

use super::code_module::{CValue, NO_ARGS, TAG_INT, TAG_OBJECT};
use crate::interpreter::feedback::{CallIcMirror, ThisMode};
use crate::interpreter::frame::*;
use crate::runtime::function::FunctionCode;
use crate::runtime::Runtime;
use crate::value::Value;
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, BlockArg, InstBuilder, MemFlagsData, Signature};
use cranelift_frontend::FunctionBuilder;

/// What the stub returns when it did not make the call. Tag `0xFFFB` is never a `Value`'s
/// (see [`super::EXCEPTION`]).
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

/// Emits the stub's body into `b`, whose function takes `(runtime, frame, fp, pc: i32,
/// mirror, callee, this, args, argc)` and returns an i64: the callee's result, `EXCEPTION`, or
/// [`NOT_HANDLED`]. `entry_sig` is the signature of compiled functions (`JitFn`).
pub(crate) fn emit(b: &mut FunctionBuilder, entry_sig: Signature) {
    let fl = MemFlagsData::trusted();
    let entry_block = b.create_block();
    b.append_block_params_for_function_params(entry_block);
    b.switch_to_block(entry_block);
    let p = b.block_params(entry_block).to_vec();
    let (rt, frame, fp, pc, m, callee, this, args, argc) = (p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
    let slow = b.create_block();
    b.set_cold_block(slow);
    // Continues in a new block unless `cond`, which leaves through `slow`.
    let bail_if = |b: &mut FunctionBuilder, cond: CValue| {
        let next = b.create_block();
        b.ins().brif(cond, slow, NO_ARGS, next, NO_ARGS);
        b.switch_to_block(next);
    };

    // The site's closure, with code that may be entered directly.
    let want = b.ins().load(types::I64, fl, m, CallIcMirror::CLOSURE_OFFSET);
    let other = b.ins().icmp(IntCC::NotEqual, callee, want);
    bail_if(b, other);
    let code = b.ins().load(types::I64, fl, m, CallIcMirror::CODE_OFFSET);
    let entry = b.ins().load(types::I64, fl, code, std::mem::offset_of!(FunctionCode, fast_entry) as i32);
    let none = b.ins().icmp_imm_s(IntCC::Equal, entry, 0);
    bail_if(b, none);
    let params = b.ins().uload32(fl, m, CallIcMirror::PARAMS_OFFSET);
    let registers = b.ins().uload32(fl, m, CallIcMirror::REGISTERS_OFFSET);
    // Only from the callee's own realm (no realm switch; the frame records it as the caller's).
    let realm = b.ins().uload32(fl, rt, rt_offset(RtField::Realm));
    let callee_realm = b.ins().uload32(fl, m, CallIcMirror::REALM_OFFSET);
    let foreign = b.ins().icmp(IntCC::NotEqual, realm, callee_realm);
    bail_if(b, foreign);
    // More arguments than parameters go after the registers: left to `push_frame`.
    let extra = b.ins().icmp(IntCC::UnsignedGreaterThan, argc, params);
    bail_if(b, extra);

    // `this` and `new.target` (push_frame's rules; boxing a primitive is left to it).
    let mode = b.ins().uload32(fl, m, CallIcMirror::THIS_MODE_OFFSET);
    let this_value = b.ins().load(types::I64, fl, m, CallIcMirror::THIS_VALUE_OFFSET);
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
    let undef = b.ins().iconst(types::I64, Value::UNDEFINED.to_bits() as i64);
    let lexical_nt = b.ins().load(types::I64, fl, m, CallIcMirror::NEW_TARGET_OFFSET);
    let new_target = b.ins().select(lexical, lexical_nt, undef);

    // Room on the register stack and on the native stack; nothing for a safepoint to do.
    let nfp = b.ins().load(types::I64, fl, rt, rt_offset(RtField::Sp));
    let locals = b.ins().iadd(params, registers);
    let size = b.ins().iadd_imm_s(locals, HEADER as i64);
    let end = b.ins().iadd(nfp, size);
    let limit = b.ins().load(types::I64, fl, rt, rt_offset(RtField::StackLen));
    let full = b.ins().icmp(IntCC::UnsignedGreaterThan, end, limit);
    bail_if(b, full);
    let (due, countdown) = poll_due(b, rt);
    let floor = b.ins().load(types::I64, fl, rt, rt_offset(RtField::NativeStackFloor));
    let sp = b.ins().get_stack_pointer(types::I64);
    let c4 = b.ins().icmp_imm_s(IntCC::Equal, floor, 0);
    let c5 = b.ins().icmp(IntCC::UnsignedLessThan, sp, floor);
    let c = b.ins().bor(due, c4);
    let busy = b.ins().bor(c, c5);
    bail_if(b, busy);

    // Commit: charge the safepoint, write the frame.
    charge_poll(b, rt, countdown);
    let delta = b.ins().isub(nfp, fp);
    let delta = b.ins().ishl_imm_s(delta, 3);
    let nframe = b.ins().iadd(frame, delta);
    let context = b.ins().load(types::I64, fl, m, CallIcMirror::CONTEXT_OFFSET);
    let tagged = |b: &mut FunctionBuilder, v: CValue| {
        let w = b.ins().band_imm_s(v, 0xFFFF_FFFF);
        b.ins().bor_imm_s(w, TAG_INT << 48)
    };
    let argc_v = tagged(b, argc);
    let caller_v = tagged(b, fp);
    let pc64 = b.ins().uextend(types::I64, pc);
    let ret_pc = b.ins().iadd_imm_s(pc64, 1);
    let ret_pc_v = tagged(b, ret_pc);
    // No flags; the caller's realm above FLAG_REALM_SHIFT.
    let realm_bits = b.ins().ishl_imm_s(realm, FLAG_REALM_SHIFT as i64);
    let flags = tagged(b, realm_bits);
    let slot = |i: usize| (i * 8) as i32;
    for (i, v) in [
        (CALLEE_SLOT, callee),
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
    let copy = b.create_block();
    let copy_body = b.create_block();
    let fill = b.create_block();
    let fill_body = b.create_block();
    let enter = b.create_block();
    let i = b.append_block_param(copy, types::I64);
    let j = b.append_block_param(fill, types::I64);
    let zero = b.ins().iconst(types::I64, 0);
    b.ins().jump(copy, &[BlockArg::Value(zero)]);
    b.switch_to_block(copy);
    let more = b.ins().icmp(IntCC::UnsignedLessThan, i, argc);
    b.ins().brif(more, copy_body, NO_ARGS, fill, &[BlockArg::Value(i)]);
    b.switch_to_block(copy_body);
    let off = b.ins().ishl_imm_s(i, 3);
    let from = b.ins().iadd(args, off);
    let v = b.ins().load(types::I64, fl, from, 0);
    let to = b.ins().iadd(regs, off);
    b.ins().store(fl, v, to, 0);
    let i1 = b.ins().iadd_imm_s(i, 1);
    b.ins().jump(copy, &[BlockArg::Value(i1)]);
    b.switch_to_block(fill);
    let more = b.ins().icmp(IntCC::UnsignedLessThan, j, locals);
    b.ins().brif(more, fill_body, NO_ARGS, enter, NO_ARGS);
    b.switch_to_block(fill_body);
    let off = b.ins().ishl_imm_s(j, 3);
    let to = b.ins().iadd(regs, off);
    b.ins().store(fl, undef, to, 0);
    let j1 = b.ins().iadd_imm_s(j, 1);
    b.ins().jump(fill, &[BlockArg::Value(j1)]);

    // Enter the callee as `jit::run_frame` does, then pop its frame.
    b.switch_to_block(enter);
    b.ins().store(fl, end, rt, rt_offset(RtField::Sp));
    b.ins().store(fl, nfp, rt, rt_offset(RtField::Fp));
    b.ins().store(fl, pc, rt, rt_offset(RtField::Pc));
    let inv_off = std::mem::offset_of!(FunctionCode, invocations) as i32;
    let inv = b.ins().load(types::I32, fl, code, inv_off);
    let inv1 = b.ins().iadd_imm_s(inv, 1);
    b.ins().store(fl, inv1, code, inv_off);
    let sig = b.import_signature(entry_sig);
    let entry_pc = b.ins().iconst(types::I32, 0);
    let call = b.ins().call_indirect(sig, entry, &[rt, nframe, nfp, entry_pc]);
    let r = b.inst_results(call)[0];
    b.ins().store(fl, fp, rt, rt_offset(RtField::Fp));
    b.ins().store(fl, nfp, rt, rt_offset(RtField::Sp));
    b.ins().return_(&[r]);

    b.switch_to_block(slow);
    let nh = b.ins().iconst(types::I64, NOT_HANDLED as i64);
    b.ins().return_(&[nh]);
}
