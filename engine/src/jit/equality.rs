//! `===` and `==` in machine code: one shared stub for each, compiled once per runtime
//! (`code_module::STUB_SETTINGS`), so that a site is a call and a test instead of some thirty instructions of
//! tag tests (which made these the largest instructions in compiled code).

use super::code_module::{CValue, NO_ARGS, TAG_IMM, TAG_INT, TAG_OBJECT, TAG_SYMBOL};
use super::number::{bool_value, is_int, numbers_or_not_handled};
use crate::value::CANONICAL_NAN;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::InstBuilder;
use cranelift_frontend::FunctionBuilder;

/// An equality operator with a shared stub `(lhs, rhs) -> true, false or NOT_HANDLED`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum EqualityOp {
    /// `===`.
    Strict,
    /// `==`.
    Loose,
}

impl EqualityOp {
    /// Every operator, in stub order.
    pub(crate) const ALL: [EqualityOp; 2] = [EqualityOp::Strict, EqualityOp::Loose];

    /// The stub's symbol name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            EqualityOp::Strict => "value_strict_equals",
            EqualityOp::Loose => "value_loose_equals",
        }
    }

    /// The stub's body. Values the operator compares by identity give the comparison of their
    /// bits: for `===` int32s, undefined, null, booleans, objects and symbols on both sides;
    /// for `==` two int32s or two objects (`null == undefined`, and a primitive against an
    /// object, convert). The same value twice is equal unless NaN (values are
    /// NaN-canonicalised, so NaN has one encoding), which covers one string compared with
    /// itself. Two numbers compare as IEEE doubles. Anything else (strings with different
    /// addresses, mixed types under `==`) is [`NOT_HANDLED`](super::call_stub::NOT_HANDLED).
    pub(crate) fn emit_stub(self, b: &mut FunctionBuilder) {
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let (l, r) = (b.block_params(entry)[0], b.block_params(entry)[1]);
        let bits = self.decided_by_bits(b, l, r);
        let (identity, other) = (b.create_block(), b.create_block());
        b.ins().brif(bits, identity, NO_ARGS, other, NO_ARGS);
        b.switch_to_block(identity);
        let eq = b.ins().icmp(IntCC::Equal, l, r);
        let v = bool_value(b, eq);
        b.ins().return_(&[v]);
        b.switch_to_block(other);
        let v = numbers_or_not_handled(b, l, r, |b, x, y| {
            let eq = b.ins().fcmp(FloatCC::Equal, x, y);
            bool_value(b, eq)
        });
        b.ins().return_(&[v]);
    }
}

impl EqualityOp {
    /// 1 (as i8) when the operator's result for `l` and `r` is whether their bits are equal:
    /// both are values it compares by identity, or they are the same value other than NaN
    /// (see [`Self::emit_stub`]).
    pub(crate) fn decided_by_bits(self, b: &mut FunctionBuilder, l: CValue, r: CValue) -> CValue {
        let by_identity = match self {
            EqualityOp::Strict => {
                let kl = is_identity_compared(b, l);
                let kr = is_identity_compared(b, r);
                b.ins().band(kl, kr)
            }
            EqualityOp::Loose => {
                let il = is_int(b, l);
                let ir = is_int(b, r);
                let ints = b.ins().band(il, ir);
                let ol = is_object(b, l);
                let or = is_object(b, r);
                let objects = b.ins().band(ol, or);
                b.ins().bor(ints, objects)
            }
        };
        let same = identical(b, l, r);
        b.ins().bor(by_identity, same)
    }
}

/// 1 (as i8) when `a` and `c` are the same value other than NaN, so `a === c` and `a == c`
/// (the same string, say: strings compare by contents, but one string is always equal to
/// itself). Values are NaN-canonicalised, so NaN has one encoding.
fn identical(b: &mut FunctionBuilder, a: CValue, c: CValue) -> CValue {
    let same = b.ins().icmp(IntCC::Equal, a, c);
    let nan = b.ins().icmp_imm_s(IntCC::NotEqual, a, CANONICAL_NAN as i64);
    b.ins().band(same, nan)
}

/// 1 (as i8) for values whose strict equality with another such value is bit identity:
/// int32s, immediates (undefined, null, booleans), objects and symbols.
fn is_identity_compared(b: &mut FunctionBuilder, v: CValue) -> CValue {
    let tag = b.ins().ushr_imm_s(v, 48);
    let int = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_INT);
    let imm = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_IMM);
    let obj = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_OBJECT);
    let sym = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_SYMBOL);
    let a = b.ins().bor(int, imm);
    let c = b.ins().bor(obj, sym);
    b.ins().bor(a, c)
}

/// 1 (as i8) when `v` is an object.
fn is_object(b: &mut FunctionBuilder, v: CValue) -> CValue {
    let tag = b.ins().ushr_imm_s(v, 48);
    b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_OBJECT)
}
