//! `===` and `==` in machine code: one shared stub for each, compiled once per runtime
//! (`code_module::STUB_SETTINGS`), so that a site is a call (and, for `==`, an exception
//! check) instead of some thirty instructions of tag tests (which made these the largest
//! instructions in compiled code).

use super::code_module::{CValue, CallRefs, NO_ARGS, PAYLOAD_MASK, TAG_IMM, TAG_INT, TAG_OBJECT, TAG_STRING, TAG_SYMBOL};
use super::number::{bool_value, is_int, numbers_or};
use crate::runtime::string::JsString;
use crate::value::{Value, CANONICAL_NAN};
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types, Block, BlockArg, FuncRef, InstBuilder, MemFlagsData};
use cranelift_frontend::FunctionBuilder;

/// An equality operator with a shared stub: `(rt, lhs, rhs) -> true or false` for `===`,
/// which cannot throw, and the site stub `(rt, fp, pc, acc, lhs) -> value or EXCEPTION` for
/// `==` (`lhs == acc`), whose conversions may run JavaScript.
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
    /// itself. Two numbers compare as IEEE doubles. Under `===`, two different strings are
    /// unequal when their lengths differ or both are interned (one interned copy per
    /// contents); the runtime compares any other pair. Under `==`, the instruction's runtime
    /// call (`jit_step`) does the rest.
    pub(crate) fn emit_stub(self, b: &mut FunctionBuilder, mut calls: CallRefs<'_>) {
        if self == EqualityOp::Loose {
            super::site_stub::site_stub(b, &mut calls, CallRefs::step, |b, p, miss| {
                let (l, r) = (p[4], p[3]);
                self.bits_or_numbers(b, l, r, miss)
            });
            return;
        }
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let (rt, l, r) = (b.block_params(entry)[0], b.block_params(entry)[1], b.block_params(entry)[2]);
        let other = b.create_block();
        let v = self.bits_or_numbers(b, l, r, other);
        b.ins().return_(&[v]);
        b.switch_to_block(other);
        let runtime = b.create_block();
        let fl = MemFlagsData::trusted();
        let lt = b.ins().ushr_imm_s(l, 48);
        let rt_tag = b.ins().ushr_imm_s(r, 48);
        let ls = b.ins().icmp_imm_s(IntCC::Equal, lt, TAG_STRING);
        let rs = b.ins().icmp_imm_s(IntCC::Equal, rt_tag, TAG_STRING);
        let strings = b.ins().band(ls, rs);
        super::code_module::exit_unless(b, strings, runtime);
        let (ls, rs) = (b.ins().band_imm_s(l, PAYLOAD_MASK), b.ins().band_imm_s(r, PAYLOAD_MASK));
        let ll = b.ins().load(types::I32, fl, ls, JsString::LEN_OFFSET);
        let rl = b.ins().load(types::I32, fl, rs, JsString::LEN_OFFSET);
        let li = b.ins().uload8(types::I32, fl, ls, JsString::INTERNED_OFFSET);
        let ri = b.ins().uload8(types::I32, fl, rs, JsString::INTERNED_OFFSET);
        let lengths = b.ins().icmp(IntCC::NotEqual, ll, rl);
        let both = b.ins().band(li, ri);
        let interned = b.ins().icmp_imm_s(IntCC::NotEqual, both, 0);
        let unequal = b.ins().bor(lengths, interned);
        super::code_module::exit_unless(b, unequal, runtime);
        let f = b.ins().iconst(types::I64, Value::FALSE.to_bits() as i64);
        b.ins().return_(&[f]);
        b.switch_to_block(runtime);
        let call = calls.strict_equals(b.func);
        let call = b.ins().call(call, &[rt, l, r]);
        let res = b.inst_results(call)[0];
        let eq = b.ins().icmp_imm_s(IntCC::NotEqual, res, 0);
        let v = bool_value(b, eq);
        b.ins().return_(&[v]);
    }

    /// The result, when the bits or two numbers decide it; otherwise a branch to `other`.
    fn bits_or_numbers(self, b: &mut FunctionBuilder, l: CValue, r: CValue, other: Block) -> CValue {
        let bits = self.decided_by_bits(b, l, r);
        let (identity, numbers, done) = (b.create_block(), b.create_block(), b.create_block());
        let res = b.append_block_param(done, types::I64);
        b.ins().brif(bits, identity, NO_ARGS, numbers, NO_ARGS);
        b.switch_to_block(identity);
        let eq = b.ins().icmp(IntCC::Equal, l, r);
        let v = bool_value(b, eq);
        b.ins().jump(done, &[cranelift_codegen::ir::BlockArg::Value(v)]);
        b.switch_to_block(numbers);
        let v = numbers_or(b, l, r, other, |b, x, y| {
            let eq = b.ins().fcmp(FloatCC::Equal, x, y);
            bool_value(b, eq)
        });
        b.ins().jump(done, &[cranelift_codegen::ir::BlockArg::Value(v)]);
        b.switch_to_block(done);
        res
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

/// The length of the string `k` is, when `k` is a string that is its contents' interned copy
/// (one of a function's constants: `case` labels, `typeof` results, literals), so that
/// [`equal_to_interned`] may compare against it.
pub(crate) fn interned_string_len(k: Value) -> Option<u32> {
    k.as_string().filter(|s| s.is_interned()).map(|s| s.len() as u32)
}

/// `x === k` (1 or 0, as i8) for a boxed value `x` and a boxed string `k` of `len` units that
/// is interned and kept alive, hence interned, by the code comparing against it. The same bits
/// are equal; anything but a string, another interned string (there is one interned copy per
/// contents) and a string of another length are not; only a string of `k`'s length built at
/// run time goes to the `===` stub (`stub`, called with `rt`), in a cold block.
pub(crate) fn equal_to_interned(b: &mut FunctionBuilder, stub: FuncRef, rt: CValue, x: CValue, k: CValue, len: u32) -> CValue {
    let [string, compare, done] = [(); 3].map(|_| b.create_block());
    b.set_cold_block(compare);
    let r = b.append_block_param(done, types::I8);
    let same = b.ins().icmp(IntCC::Equal, x, k);
    let tag = b.ins().ushr_imm_s(x, 48);
    let is_string = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_STRING);
    let other = b.ins().icmp(IntCC::NotEqual, x, k);
    let maybe = b.ins().band(is_string, other);
    b.ins().brif(maybe, string, NO_ARGS, done, &[BlockArg::Value(same)]);
    b.switch_to_block(string);
    let fl = MemFlagsData::trusted();
    let p = b.ins().band_imm_s(x, PAYLOAD_MASK);
    let units = b.ins().load(types::I32, fl, p, JsString::LEN_OFFSET);
    let interned = b.ins().uload8(types::I32, fl, p, JsString::INTERNED_OFFSET);
    let same_len = b.ins().icmp_imm_s(IntCC::Equal, units, len as i64);
    let not_interned = b.ins().icmp_imm_s(IntCC::Equal, interned, 0);
    let candidate = b.ins().band(same_len, not_interned);
    let no = b.ins().iconst(types::I8, 0);
    b.ins().brif(candidate, compare, NO_ARGS, done, &[BlockArg::Value(no)]);
    b.switch_to_block(compare);
    let eq = strict_equal_by_stub(b, stub, rt, x, k);
    b.ins().jump(done, &[BlockArg::Value(eq)]);
    b.switch_to_block(done);
    r
}

/// `x === y` (1 or 0, as i8) by the `===` stub `stub`, called with `rt`.
pub(crate) fn strict_equal_by_stub(b: &mut FunctionBuilder, stub: FuncRef, rt: CValue, x: CValue, y: CValue) -> CValue {
    let call = b.ins().call(stub, &[rt, x, y]);
    let v = b.inst_results(call)[0];
    b.ins().icmp_imm_s(IntCC::Equal, v, Value::TRUE.to_bits() as i64)
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
