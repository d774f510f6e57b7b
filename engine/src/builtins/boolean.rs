//! `Boolean`: the constructor and `Boolean.prototype` (itself a Boolean wrapper of `false`)
//! with `toString` and `valueOf` (ECMA-262 §20.3).

use super::make_constructor;
use crate::runtime::object::ObjectKind;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

/// Installs `Boolean` and `Boolean.prototype`.
pub(crate) fn install(rt: &mut Runtime) {
    make_constructor(rt, "Boolean", 1, boolean_constructor, Intrinsic::BooleanPrototype, Intrinsic::Boolean);
    let p = rt.intrinsic(Intrinsic::BooleanPrototype);
    p.get_mut().kind = ObjectKind::Boolean(false);
    rt.define_method(p, "toString", 0, to_string);
    rt.define_method(p, "valueOf", 0, value_of);
}

/// `Boolean(value)` / `new Boolean(value)` (§20.3.1.1).
fn boolean_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let b = rt.to_boolean(a.arg(0));
    if !a.is_construct() {
        return Ok(Value::bool(b));
    }
    let proto = rt.get_prototype_from_constructor(a.new_target, Intrinsic::BooleanPrototype)?;
    Ok(Value::object(rt.new_object_with(Some(proto), ObjectKind::Boolean(b))))
}

/// thisBooleanValue (§20.3.3.3.1), with V8's error message naming `method`.
fn this_boolean_value(rt: &mut Runtime, v: Value, method: &str) -> JsResult<bool> {
    if let Some(b) = v.as_bool() {
        return Ok(b);
    }
    if let Some(o) = v.as_object() {
        if let ObjectKind::Boolean(b) = o.kind {
            return Ok(b);
        }
    }
    Err(rt.type_error(format!("Boolean.prototype.{method} requires that 'this' be a Boolean")))
}

/// `Boolean.prototype.toString()` (§20.3.3.2).
fn to_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let b = this_boolean_value(rt, a.this, "toString")?;
    Ok(Value::string(rt.intern(if b { "true" } else { "false" })))
}

/// `Boolean.prototype.valueOf()` (§20.3.3.3).
fn value_of(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(this_boolean_value(rt, a.this, "valueOf")?))
}
