//! `Number`: the constructor, its constants and static predicates, `Number.parseFloat` /
//! `Number.parseInt` (the same function objects as the global ones), and
//! `Number.prototype` (itself a Number wrapper of +0) with `toExponential`, `toFixed`,
//! `toLocaleString`, `toPrecision`, `toString` and `valueOf` (ECMA-262 §21.1).

use super::make_constructor;
use crate::runtime::numconv;
use crate::runtime::object::{NativeFn, ObjectKind};
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

/// 2^53 - 1.
const MAX_SAFE_INTEGER: f64 = 9007199254740991.0;

/// Installs `Number`, `Number.prototype`, and the shared `parseFloat`/`parseInt` (also on the global object).
pub(crate) fn install(rt: &mut Runtime) {
    let c = make_constructor(rt, "Number", 1, number_constructor, Intrinsic::NumberPrototype, Intrinsic::Number);
    for (name, v) in [
        ("EPSILON", f64::EPSILON),
        ("MAX_SAFE_INTEGER", MAX_SAFE_INTEGER),
        ("MAX_VALUE", f64::MAX),
        ("MIN_SAFE_INTEGER", -MAX_SAFE_INTEGER),
        ("MIN_VALUE", 5e-324),
        ("NaN", f64::NAN),
        ("NEGATIVE_INFINITY", f64::NEG_INFINITY),
        ("POSITIVE_INFINITY", f64::INFINITY),
    ] {
        let k = rt.key(name);
        rt.define_data(c, k, Value::from_f64(v), 0);
    }
    for (name, len, f) in
        [("isFinite", 1, is_finite as NativeFn), ("isInteger", 1, is_integer), ("isNaN", 1, is_nan), ("isSafeInteger", 1, is_safe_integer)]
    {
        rt.define_method(c, name, len, f);
    }
    // parseFloat and parseInt are shared with the global object (§21.1.2.12-13).
    let g = rt.global_object();
    for (name, len, f) in [("parseFloat", 1, super::global::parse_float as NativeFn), ("parseInt", 2, super::global::parse_int)] {
        let func = rt.define_method(c, name, len, f);
        let k = rt.key(name);
        rt.define_data(g, k, Value::object(func), HIDDEN);
    }

    let p = rt.intrinsic(Intrinsic::NumberPrototype);
    p.get_mut().kind = ObjectKind::Number(0.0);
    for (name, len, f) in [
        ("toExponential", 1, to_exponential as NativeFn),
        ("toFixed", 1, to_fixed),
        ("toLocaleString", 0, to_locale_string),
        ("toPrecision", 1, to_precision),
        ("toString", 1, to_string),
        ("valueOf", 0, value_of),
    ] {
        rt.define_method(p, name, len, f);
    }
}

/// `Number(value)` / `new Number(value)` (§21.1.1.1).
fn number_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let n = if a.args.is_empty() { 0.0 } else { rt.to_number(a.arg(0))? };
    if !a.is_construct() {
        return Ok(Value::from_f64(n));
    }
    let proto = rt.get_prototype_from_constructor(a.new_target, Intrinsic::NumberPrototype)?;
    Ok(Value::object(rt.new_object_with(Some(proto), ObjectKind::Number(n))))
}

fn is_finite(_rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(a.arg(0).as_number().is_some_and(f64::is_finite)))
}

fn is_integer(_rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(a.arg(0).as_number().is_some_and(|n| n.is_finite() && n.trunc() == n)))
}

fn is_nan(_rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(a.arg(0).as_number().is_some_and(f64::is_nan)))
}

fn is_safe_integer(_rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(a.arg(0).as_number().is_some_and(|n| n.is_finite() && n.trunc() == n && n.abs() <= MAX_SAFE_INTEGER)))
}

/// thisNumberValue (§21.1.3.7.1), with V8's error message naming `method`.
fn this_number_value(rt: &mut Runtime, v: Value, method: &str) -> JsResult<f64> {
    if let Some(n) = v.as_number() {
        return Ok(n);
    }
    if let Some(o) = v.as_object() {
        if let ObjectKind::Number(n) = o.kind {
            return Ok(n);
        }
    }
    Err(rt.type_error(format!("Number.prototype.{method} requires that 'this' be a Number")))
}

/// A string value from Rust text.
fn string_result(rt: &mut Runtime, s: &str) -> Value {
    rt.str(s)
}

/// `Number.prototype.toExponential(fractionDigits)` (§21.1.3.2).
fn to_exponential(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let x = this_number_value(rt, a.this, "toExponential")?;
    let fd = a.arg(0);
    let f = rt.to_integer_or_infinity(fd)?;
    if !x.is_finite() {
        return Ok(Value::string(rt.number_to_string(x)));
    }
    if !(0.0..=100.0).contains(&f) {
        return Err(rt.range_error("toExponential() argument must be between 0 and 100"));
    }
    let digits = if fd.is_undefined() { None } else { Some(f as usize) };
    Ok(string_result(rt, &numconv::number_to_exponential(x, digits)))
}

/// `Number.prototype.toFixed(fractionDigits)` (§21.1.3.3).
fn to_fixed(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let x = this_number_value(rt, a.this, "toFixed")?;
    let f = rt.to_integer_or_infinity(a.arg(0))?;
    if !(0.0..=100.0).contains(&f) {
        return Err(rt.range_error("toFixed() digits argument must be between 0 and 100"));
    }
    if !x.is_finite() {
        return Ok(Value::string(rt.number_to_string(x)));
    }
    Ok(string_result(rt, &numconv::number_to_fixed(x, f as usize)))
}

/// `Number.prototype.toLocaleString()` (§21.1.3.4): without ECMA-402, the same as
/// `toString()`.
fn to_locale_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let x = this_number_value(rt, a.this, "toLocaleString")?;
    Ok(Value::string(rt.number_to_string(x)))
}

/// `Number.prototype.toPrecision(precision)` (§21.1.3.5).
fn to_precision(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let x = this_number_value(rt, a.this, "toPrecision")?;
    if a.arg(0).is_undefined() {
        return Ok(Value::string(rt.number_to_string(x)));
    }
    let p = rt.to_integer_or_infinity(a.arg(0))?;
    if !x.is_finite() {
        return Ok(Value::string(rt.number_to_string(x)));
    }
    if !(1.0..=100.0).contains(&p) {
        return Err(rt.range_error("toPrecision() argument must be between 1 and 100"));
    }
    Ok(string_result(rt, &numconv::number_to_precision(x, p as usize)))
}

/// `Number.prototype.toString(radix)` (§21.1.3.6).
fn to_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let x = this_number_value(rt, a.this, "toString")?;
    let radix = if a.arg(0).is_undefined() { 10.0 } else { rt.to_integer_or_infinity(a.arg(0))? };
    if !(2.0..=36.0).contains(&radix) {
        return Err(rt.range_error("toString() radix must be between 2 and 36"));
    }
    if radix == 10.0 {
        return Ok(Value::string(rt.number_to_string(x)));
    }
    Ok(string_result(rt, &numconv::number_to_string_radix(x, radix as u32)))
}

/// `Number.prototype.valueOf()` (§21.1.3.7).
fn value_of(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::from_f64(this_number_value(rt, a.this, "valueOf")?))
}
