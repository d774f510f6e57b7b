//! Numbers in machine code: the tests, conversions and boxing `Value` does, as Cranelift IR,
//! and IEEE arithmetic and comparison of any two numbers ([`NumberOp`]).
//!
//! Every tier inlines the int32 case of `+ - * / < <= > >=`. In baseline code, the case where
//! a double is involved is one call to the operation's stub
//! ([`super::site_stub::emit_number_stub`], compiled once per runtime with
//! `code_module::STUB_SETTINGS`): a few instructions at each site instead of some forty. Where
//! the feedback saw doubles when compiling, arithmetic and comparisons of two numbers are
//! inline too, and the stub takes the rest.

use super::code_module::{CValue, NO_ARGS, TAG_INT};
use crate::value::{Value, CANONICAL_NAN, FIRST_TAGGED};
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types, Block, InstBuilder, MemFlagsData};
use cranelift_frontend::FunctionBuilder;

/// 1 (as i8) when `v` is an int32.
pub(crate) fn is_int(b: &mut FunctionBuilder, v: CValue) -> CValue {
    let tag = b.ins().ushr_imm_s(v, 48);
    b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_INT)
}

/// 1 (as i8) when both `x` and `y` are int32s, in one test: an int32's bits less
/// [`FIRST_TAGGED`] (its tag) are below 2^32, and any other value's are not (doubles wrap
/// around to 2^48 and above).
pub(crate) fn both_int(b: &mut FunctionBuilder, x: CValue, y: CValue) -> CValue {
    let tag = b.ins().iconst(types::I64, FIRST_TAGGED as i64);
    let dx = b.ins().isub(x, tag);
    let dy = b.ins().isub(y, tag);
    let either = b.ins().bor(dx, dy);
    b.ins().icmp_imm_u(IntCC::UnsignedLessThan, either, 1i64 << 32)
}

/// 1 (as i8) when `v` is a number (a double or an int32).
pub(crate) fn is_number(b: &mut FunctionBuilder, v: CValue) -> CValue {
    let dbl = b.ins().icmp_imm_s(IntCC::UnsignedLessThan, v, FIRST_TAGGED as i64);
    let int = is_int(b, v);
    b.ins().bor(dbl, int)
}

/// `Math` function `f` of the double `x` (`Math.round` exactly, halves up and -0 kept).
pub(crate) fn float64_fn(b: &mut FunctionBuilder, f: super::optimizing::ir::Float64Fn, x: CValue) -> CValue {
    use super::optimizing::ir::Float64Fn;
    match f {
        Float64Fn::Abs => b.ins().fabs(x),
        Float64Fn::Ceil => b.ins().ceil(x),
        Float64Fn::Floor => b.ins().floor(x),
        Float64Fn::Sqrt => b.ins().sqrt(x),
        Float64Fn::Trunc => b.ins().trunc(x),
        Float64Fn::Round => {
            // floor(x), plus one when x is at least halfway above it (exact: for |x| >= 2^52,
            // floor(x) = x); the sign of x keeps -0 and [-0.5, 0).
            let r = b.ins().floor(x);
            let above = b.ins().fsub(x, r);
            let half = b.ins().f64const(0.5);
            let up = b.ins().fcmp(FloatCC::GreaterThanOrEqual, above, half);
            let one = b.ins().f64const(1.0);
            let r1 = b.ins().fadd(r, one);
            let r = b.ins().select(up, r1, r);
            b.ins().fcopysign(r, x)
        }
    }
}

/// A number value as f64.
pub(crate) fn to_f64(b: &mut FunctionBuilder, v: CValue) -> CValue {
    let is_int = is_int(b, v);
    let i = b.ins().ireduce(types::I32, v);
    let from_int = b.ins().fcvt_from_sint(types::F64, i);
    let as_dbl = b.ins().bitcast(types::F64, MemFlagsData::new(), v);
    b.ins().select(is_int, from_int, as_dbl)
}

/// An int32 as a value.
pub(crate) fn box_int(b: &mut FunctionBuilder, i32v: CValue) -> CValue {
    let w = b.ins().uextend(types::I64, i32v);
    b.ins().bor_imm_s(w, TAG_INT << 48)
}

/// Boxes an f64 as `Value::from_f64` does: an int32 when integral (not -0), otherwise a
/// double with NaN canonicalised.
pub(crate) fn box_f64(b: &mut FunctionBuilder, d: CValue) -> CValue {
    let i = b.ins().fcvt_to_sint_sat(types::I32, d);
    let back = b.ins().fcvt_from_sint(types::F64, i);
    let exact = b.ins().fcmp(FloatCC::Equal, back, d);
    let bits = b.ins().bitcast(types::I64, MemFlagsData::new(), d);
    let nonzero = b.ins().icmp_imm_s(IntCC::NotEqual, i, 0);
    let pos_zero = b.ins().icmp_imm_s(IntCC::Equal, bits, 0);
    let z = b.ins().bor(nonzero, pos_zero);
    let as_int = b.ins().band(exact, z);
    let nan = b.ins().fcmp(FloatCC::Unordered, d, d);
    let canon = b.ins().iconst(types::I64, CANONICAL_NAN as i64);
    let dbl = b.ins().select(nan, canon, bits);
    let boxed = box_int(b, i);
    b.ins().select(as_int, boxed, dbl)
}

/// `true` or `false` as a value, from an i8 condition.
pub(crate) fn bool_value(b: &mut FunctionBuilder, cond: CValue) -> CValue {
    let t = b.ins().iconst(types::I64, Value::TRUE.to_bits() as i64);
    let f = b.ins().iconst(types::I64, Value::FALSE.to_bits() as i64);
    b.ins().select(cond, t, f)
}

/// An arithmetic or comparison operation on two numbers, with a stub (see
/// [`super::site_stub::emit_number_stub`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum NumberOp {
    Add,
    Sub,
    Mul,
    Div,
    Lt,
    Le,
    Gt,
    Ge,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Sar,
    Shr,
}

impl NumberOp {
    /// Every operation, in stub order.
    pub(crate) const ALL: [NumberOp; 14] = [
        NumberOp::Add,
        NumberOp::Sub,
        NumberOp::Mul,
        NumberOp::Div,
        NumberOp::Lt,
        NumberOp::Le,
        NumberOp::Gt,
        NumberOp::Ge,
        NumberOp::BitAnd,
        NumberOp::BitOr,
        NumberOp::BitXor,
        NumberOp::Shl,
        NumberOp::Sar,
        NumberOp::Shr,
    ];

    /// The symbol name of its stub (see [`super::site_stub::emit_number_stub`]).
    pub(crate) fn site_name(self) -> &'static str {
        match self {
            NumberOp::Add => "site_add",
            NumberOp::Sub => "site_sub",
            NumberOp::Mul => "site_mul",
            NumberOp::Div => "site_div",
            NumberOp::Lt => "site_lt",
            NumberOp::Le => "site_le",
            NumberOp::Gt => "site_gt",
            NumberOp::Ge => "site_ge",
            NumberOp::BitAnd => "site_bit_and",
            NumberOp::BitOr => "site_bit_or",
            NumberOp::BitXor => "site_bit_xor",
            NumberOp::Shl => "site_shl",
            NumberOp::Sar => "site_sar",
            NumberOp::Shr => "site_shr",
        }
    }

    /// Whether baseline code computes the operation on two numbers inline where feedback saw
    /// doubles (arithmetic and comparisons), rather than by its stub (the bitwise operators,
    /// whose ToInt32 of doubles is rare and long).
    pub(crate) fn inline_on_doubles(self) -> bool {
        !matches!(self, NumberOp::BitAnd | NumberOp::BitOr | NumberOp::BitXor | NumberOp::Shl | NumberOp::Sar | NumberOp::Shr)
    }

    /// The result of `x op y` on two f64s, as a value: IEEE arithmetic and comparison, or
    /// the bitwise operators on ToInt32 of each (a branch to `miss` when an operand is beyond
    /// what [`to_int32`] converts).
    pub(crate) fn emit(self, b: &mut FunctionBuilder, x: CValue, y: CValue, miss: Block) -> CValue {
        let compare = |b: &mut FunctionBuilder, cc| {
            let c = b.ins().fcmp(cc, x, y);
            bool_value(b, c)
        };
        match self {
            NumberOp::Add => arith(b, |b| b.ins().fadd(x, y)),
            NumberOp::Sub => arith(b, |b| b.ins().fsub(x, y)),
            NumberOp::Mul => arith(b, |b| b.ins().fmul(x, y)),
            NumberOp::Div => arith(b, |b| b.ins().fdiv(x, y)),
            NumberOp::Lt => compare(b, FloatCC::LessThan),
            NumberOp::Le => compare(b, FloatCC::LessThanOrEqual),
            NumberOp::Gt => compare(b, FloatCC::GreaterThan),
            NumberOp::Ge => compare(b, FloatCC::GreaterThanOrEqual),
            NumberOp::BitAnd | NumberOp::BitOr | NumberOp::BitXor | NumberOp::Shl | NumberOp::Sar | NumberOp::Shr => {
                let (xi, x_ok) = to_int32(b, x);
                let (yi, y_ok) = to_int32(b, y);
                // Cranelift's shifts take the count modulo 32, as JavaScript's do.
                let r = match self {
                    NumberOp::BitAnd => b.ins().band(xi, yi),
                    NumberOp::BitOr => b.ins().bor(xi, yi),
                    NumberOp::BitXor => b.ins().bxor(xi, yi),
                    NumberOp::Shl => b.ins().ishl(xi, yi),
                    NumberOp::Sar => b.ins().sshr(xi, yi),
                    _ => b.ins().ushr(xi, yi),
                };
                let v = if self == NumberOp::Shr {
                    // ToUint32's result: a double when it is 2^31 or more.
                    let d = b.ins().fcvt_from_uint(types::F64, r);
                    box_f64(b, d)
                } else {
                    box_int(b, r)
                };
                let ok = b.ins().band(x_ok, y_ok);
                super::code_module::exit_unless(b, ok, miss);
                v
            }
        }
    }
}

/// `f` of the two operands as f64s when both are numbers; otherwise a branch to `other`.
pub(crate) fn numbers_or(
    b: &mut FunctionBuilder,
    l: CValue,
    r: CValue,
    other: Block,
    f: impl FnOnce(&mut FunctionBuilder, CValue, CValue) -> CValue,
) -> CValue {
    let numbers = b.create_block();
    let nl = is_number(b, l);
    let nr = is_number(b, r);
    let both = b.ins().band(nl, nr);
    b.ins().brif(both, numbers, NO_ARGS, other, NO_ARGS);
    b.switch_to_block(numbers);
    let x = to_f64(b, l);
    let y = to_f64(b, r);
    f(b, x, y)
}

/// ToInt32 of an f64, as an i32, and whether it applies: truncation then the low 32 bits
/// is ToInt32 for every magnitude below 2^63 (and NaN gives 0, as it should). Larger
/// magnitudes and infinities are left to the interpreter (the flag is 0).
fn to_int32(b: &mut FunctionBuilder, d: CValue) -> (CValue, CValue) {
    let magnitude = b.ins().fabs(d);
    let limit = b.ins().f64const(2f64.powi(63));
    let in_range = b.ins().fcmp(FloatCC::LessThan, magnitude, limit);
    let nan = b.ins().fcmp(FloatCC::Unordered, d, d);
    let ok = b.ins().bor(in_range, nan);
    let wide = b.ins().fcvt_to_sint_sat(types::I64, d);
    (b.ins().ireduce(types::I32, wide), ok)
}

fn arith(b: &mut FunctionBuilder, op: impl FnOnce(&mut FunctionBuilder) -> CValue) -> CValue {
    let d = op(b);
    box_f64(b, d)
}
