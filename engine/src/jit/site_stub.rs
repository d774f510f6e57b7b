//! Site stubs: the whole of an instruction that compiled code would otherwise spell out at
//! every site, its common case and its fallback, as one shared function (V8's Sparkplug calls
//! builtins in the same way). A site is then one call and an exception check: a few
//! instructions for Cranelift instead of twenty to forty, which is most of what the baseline
//! tier's compile time depends on. The common case costs one call: the same as before for
//! named accesses and numbers (a stub call already), one more for keyed accesses and
//! global-object properties (inline loads before; measured: the array- and global-heavy
//! bench programs ran no slower).
//!
//! Every site stub takes `(runtime, fp, pc, acc, ...)` and, when its common case does not
//! apply, returns what the instruction's runtime call (`runtime_calls`, which reads the
//! instruction's operands at `pc`) returns: a value, or [`EXCEPTION`](super::EXCEPTION).

use super::code_module::{
    emit_global_slot_lookup, emit_slot_lookup, emit_store_lookup, exit_if, exit_unless, CValue, CallRefs, ELEMENTS_BASE_OFFSET,
    ELEMENTS_LEN_OFFSET, NO_ARGS, OBJECT_KIND_OFFSET, PAYLOAD_MASK, TAG_OBJECT,
};
use super::number::{self, numbers_or, NumberOp};
use crate::builtins::iterator::ARRAY_ITERATION;
use crate::interpreter::feedback::COMPILED_SAW_NUMBER;
use crate::runtime::object::ObjectKind;
use crate::value::Value;
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, FuncRef, Function, InstBuilder, MemFlagsData};
use cranelift_frontend::FunctionBuilder;

/// A site stub's kind; the variant names its instruction.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum SiteOp {
    /// `GetNamed`: `(rt, fp, pc, acc, object, mirror set)`.
    GetNamed,
    /// `SetNamed` (or `DefineNamed`, whose IC holds only transitions): `(rt, fp, pc, acc,
    /// object, mirror set)`.
    SetNamed,
    /// `LdaGlobal` of a global-object property: `(rt, fp, pc, acc, mirror)`.
    LdaGlobal,
    /// `StaGlobal` of a global-object property: `(rt, fp, pc, acc, mirror)`.
    StaGlobal,
    /// `GetKeyed`: `(rt, fp, pc, key, object)`.
    GetKeyed,
    /// `SetKeyed`: `(rt, fp, pc, value, object, key)`.
    SetKeyed,
    /// `IteratorStep`: `(rt, fp, pc, acc, address of the iterator registers, the pc it jumps
    /// to when done)`. The common cases are the steps of an array iteration (see
    /// `Runtime::iterator_registers`) onto a present element or past the array's length;
    /// like the fallback, it leaves the next pc in `Jit::next_pc`.
    IteratorStep,
}

impl SiteOp {
    /// Every site stub, in stub order.
    pub(crate) const ALL: [SiteOp; 7] = [
        SiteOp::GetNamed,
        SiteOp::SetNamed,
        SiteOp::LdaGlobal,
        SiteOp::StaGlobal,
        SiteOp::GetKeyed,
        SiteOp::SetKeyed,
        SiteOp::IteratorStep,
    ];

    /// The stub's symbol name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            SiteOp::GetNamed => "site_get_named",
            SiteOp::SetNamed => "site_set_named",
            SiteOp::LdaGlobal => "site_lda_global",
            SiteOp::StaGlobal => "site_sta_global",
            SiteOp::GetKeyed => "site_get_keyed",
            SiteOp::SetKeyed => "site_set_keyed",
            SiteOp::IteratorStep => "site_iterator_step",
        }
    }

    /// Parameters after `(rt, fp, pc, acc)`, all i64.
    pub(crate) fn extra_params(self) -> usize {
        match self {
            SiteOp::GetNamed | SiteOp::SetNamed | SiteOp::SetKeyed | SiteOp::IteratorStep => 2,
            SiteOp::LdaGlobal | SiteOp::StaGlobal | SiteOp::GetKeyed => 1,
        }
    }

    /// The stub's body. `calls`: the runtime calls as the stub module declares them.
    pub(crate) fn emit_stub(self, b: &mut FunctionBuilder, mut calls: CallRefs<'_>) {
        let fl = MemFlagsData::trusted();
        let fallback = match self {
            SiteOp::GetNamed => CallRefs::get_named_at,
            SiteOp::SetNamed => CallRefs::set_named_at,
            SiteOp::LdaGlobal => CallRefs::lda_global,
            SiteOp::StaGlobal => CallRefs::sta_global,
            SiteOp::GetKeyed => CallRefs::get_keyed,
            SiteOp::SetKeyed => CallRefs::set_keyed,
            SiteOp::IteratorStep => CallRefs::exec,
        };
        site_stub(b, &mut calls, fallback, |b, p, miss| match self {
            SiteOp::GetNamed => {
                let addr = emit_slot_lookup(b, p[4], p[5], miss);
                b.ins().load(types::I64, fl, addr, 0)
            }
            SiteOp::SetNamed => {
                emit_store_lookup(b, p[4], p[5], p[3], miss);
                p[3]
            }
            SiteOp::LdaGlobal => {
                let addr = emit_global_slot_lookup(b, p[4], true, miss);
                b.ins().load(types::I64, fl, addr, 0)
            }
            SiteOp::StaGlobal => {
                let addr = emit_global_slot_lookup(b, p[4], false, miss);
                b.ins().store(fl, p[3], addr, 0);
                p[3]
            }
            SiteOp::GetKeyed => {
                let addr = dense_element_address(b, p[4], p[3], miss);
                b.ins().load(types::I64, fl, addr, 0)
            }
            SiteOp::SetKeyed => {
                let addr = dense_element_address(b, p[4], p[5], miss);
                b.ins().store(fl, p[3], addr, 0);
                p[3]
            }
            SiteOp::IteratorStep => {
                // Registers: the array, ARRAY_ITERATION, the next index (an int32: anything
                // else, `true` once done included, is the fallback's).
                let regs = p[4];
                let next = b.ins().load(types::I64, fl, regs, 8);
                let not_array = b.ins().icmp_imm_s(IntCC::NotEqual, next, ARRAY_ITERATION.to_bits() as i64);
                exit_if(b, not_array, miss);
                let array = b.ins().load(types::I64, fl, regs, 0);
                let index = b.ins().load(types::I64, fl, regs, 16);
                // Past the length, done: `true` in the index register, as the runtime's step
                // leaves it, and the jump. (The iterated object is an Array.)
                let int = number::is_int(b, index);
                exit_unless(b, int, miss);
                let o = b.ins().band_imm_s(array, PAYLOAD_MASK);
                let kind = b.ins().uload8(types::I32, fl, o, OBJECT_KIND_OFFSET);
                let is_array = b.ins().icmp_imm_s(IntCC::Equal, kind, ObjectKind::ARRAY_TAG as i64);
                exit_unless(b, is_array, miss);
                let length = b.ins().uload32(fl, o, OBJECT_KIND_OFFSET + ObjectKind::ARRAY_LENGTH_OFFSET);
                let i32v = b.ins().ireduce(types::I32, index);
                let i64v = b.ins().uextend(types::I64, i32v);
                let (done, more) = (b.create_block(), b.create_block());
                let past = b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, i64v, length);
                b.ins().brif(past, done, NO_ARGS, more, NO_ARGS);
                b.switch_to_block(done);
                let t = b.ins().iconst(types::I64, Value::TRUE.to_bits() as i64);
                b.ins().store(fl, t, regs, 16);
                let target = b.ins().ireduce(types::I32, p[5]);
                b.ins().store(fl, target, p[0], super::translate::next_pc_offset());
                b.ins().return_(&[p[3]]);
                b.switch_to_block(more);
                let addr = dense_element_address(b, array, index, miss);
                let v = b.ins().load(types::I64, fl, addr, 0);
                // A non-negative int32 below 2^31 - 1 (the last one is the fallback's): adding
                // one to the boxed value gives the next int32.
                let last = b.ins().icmp_imm_s(IntCC::Equal, index, Value::int(i32::MAX).to_bits() as i64);
                exit_if(b, last, miss);
                let more = b.ins().iadd_imm_s(index, 1);
                b.ins().store(fl, more, regs, 16);
                let after = b.ins().iadd_imm_s(p[2], 1);
                b.ins().store(fl, after, p[0], super::translate::next_pc_offset());
                v
            }
        });
    }
}

/// The body of the arithmetic and comparison site stub of `op`: `(rt, fp, pc, acc, lhs, seen)
/// -> value` for `lhs op acc`, called where compiled code has not computed the result inline
/// (operands not both int32s, an int32 result overflowing, or feedback that saw doubles). Two
/// numbers by IEEE arithmetic, marking the site's `FeedbackVector::compiled_seen` byte at
/// `seen` (when not 0); anything else by the instruction's runtime call (`jit_exec`), so a
/// site is one call and an exception check.
pub(crate) fn emit_number_stub(op: NumberOp, b: &mut FunctionBuilder, mut calls: CallRefs<'_>) {
    site_stub(b, &mut calls, CallRefs::exec, |b, p, miss| {
        let (acc, lhs, seen) = (p[3], p[4], p[5]);
        let v = numbers_or(b, lhs, acc, miss, |b, x, y| op.emit(b, x, y, miss));
        let (mark, done) = (b.create_block(), b.create_block());
        b.ins().brif(seen, mark, NO_ARGS, done, NO_ARGS);
        b.switch_to_block(mark);
        let fl = MemFlagsData::trusted();
        let bits = b.ins().uload8(types::I32, fl, seen, 0);
        let bits = b.ins().bor_imm_s(bits, COMPILED_SAW_NUMBER as i64);
        b.ins().istore8(fl, bits, seen, 0);
        b.ins().jump(done, NO_ARGS);
        b.switch_to_block(done);
        v
    });
}

/// The address of element `key` of `v` when `v` is an object whose dense elements compiled
/// code may use (see [`ElementStore`]: plain objects and arrays), `key` an int32 within the
/// dense vector, and the element there present (not the hole, which may stand for an
/// inherited element or a setter up the prototype chain); else a branch to `miss`. Such an
/// element is a plain writable data property, so the address serves loads and stores alike.
fn dense_element_address(b: &mut FunctionBuilder, v: CValue, key: CValue, miss: Block) -> CValue {
    let fl = MemFlagsData::trusted();
    let tag = b.ins().ushr_imm_s(v, 48);
    let not_obj = b.ins().icmp_imm_s(IntCC::NotEqual, tag, TAG_OBJECT);
    exit_if(b, not_obj, miss);
    let int = number::is_int(b, key);
    exit_unless(b, int, miss);
    let o = b.ins().band_imm_s(v, PAYLOAD_MASK);
    let base = b.ins().load(types::I64, fl, o, ELEMENTS_BASE_OFFSET);
    // A null base comes with a zero length, which the bounds check rejects.
    let len = b.ins().uload32(fl, o, ELEMENTS_LEN_OFFSET);
    // A negative index sign-extends to an unsigned value above any length.
    let k32 = b.ins().ireduce(types::I32, key);
    let index = b.ins().sextend(types::I64, k32);
    let out = b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, index, len);
    exit_if(b, out, miss);
    let offset = b.ins().ishl_imm_s(index, 3);
    let addr = b.ins().iadd(base, offset);
    let x = b.ins().load(types::I64, fl, addr, 0);
    let hole = b.ins().icmp_imm_s(IntCC::Equal, x, Value::HOLE.to_bits() as i64);
    exit_if(b, hole, miss);
    addr
}

/// A stub `(rt, fp, pc, acc, ...) -> value`: `fast` of its parameters, which may branch to the
/// block it is given when it does not apply; then the runtime call `fallback(rt, fp, pc, acc)`.
pub(crate) fn site_stub<'c>(
    b: &mut FunctionBuilder,
    calls: &mut CallRefs<'c>,
    fallback: impl FnOnce(&mut CallRefs<'c>, &mut Function) -> FuncRef,
    fast: impl FnOnce(&mut FunctionBuilder, &[CValue], Block) -> CValue,
) {
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let p = b.block_params(entry).to_vec();
    let miss = b.create_block();
    b.set_cold_block(miss);
    let v = fast(b, &p, miss);
    b.ins().return_(&[v]);
    b.switch_to_block(miss);
    let f = fallback(calls, b.func);
    let call = b.ins().call(f, &p[..4]);
    let r = b.inst_results(call)[0];
    b.ins().return_(&[r]);
}
