//! `Error`, the native errors, and `AggregateError`.

use super::make_constructor;
use crate::runtime::object::ObjectKind;
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

const NATIVE: &[(&str, Intrinsic, Intrinsic)] = &[
    ("EvalError", Intrinsic::EvalErrorPrototype, Intrinsic::EvalError),
    ("RangeError", Intrinsic::RangeErrorPrototype, Intrinsic::RangeError),
    ("ReferenceError", Intrinsic::ReferenceErrorPrototype, Intrinsic::ReferenceError),
    ("SyntaxError", Intrinsic::SyntaxErrorPrototype, Intrinsic::SyntaxError),
    ("TypeError", Intrinsic::TypeErrorPrototype, Intrinsic::TypeError),
    ("URIError", Intrinsic::UriErrorPrototype, Intrinsic::UriError),
];

pub(crate) fn install(rt: &mut Runtime) {
    let error = make_constructor(rt, "Error", 1, error_constructor, Intrinsic::ErrorPrototype, Intrinsic::Error);
    let ep = rt.intrinsic(Intrinsic::ErrorPrototype);
    proto_fields(rt, ep, "Error");
    rt.define_method(ep, "toString", 0, error_to_string);
    rt.define_method(error, "captureStackTrace", 1, capture_stack_trace);
    for (name, proto, ctor) in NATIVE {
        let c = make_constructor(rt, name, 1, native_error_constructor, *proto, *ctor);
        rt.set_prototype_of(c, Some(error)).ok();
        let p = rt.intrinsic(*proto);
        proto_fields(rt, p, name);
    }
    let c = make_constructor(
        rt,
        "AggregateError",
        2,
        aggregate_error_constructor,
        Intrinsic::AggregateErrorPrototype,
        Intrinsic::AggregateError,
    );
    rt.set_prototype_of(c, Some(error)).ok();
    let p = rt.intrinsic(Intrinsic::AggregateErrorPrototype);
    proto_fields(rt, p, "AggregateError");
}

fn proto_fields(rt: &mut Runtime, p: crate::heap::Gc<crate::runtime::object::JsObject>, name: &str) {
    let nk = PropertyKey::String(rt.names.name);
    let n = rt.str(name);
    rt.define_data(p, nk, n, HIDDEN);
    let mk = PropertyKey::String(rt.names.message);
    let e = Value::string(rt.empty_string);
    rt.define_data(p, mk, e, HIDDEN);
}

/// The prototype intrinsic a native error constructor creates instances of.
fn proto_for(rt: &Runtime, callee: Value) -> Intrinsic {
    let c = callee.as_object();
    for (_, proto, ctor) in NATIVE {
        if c == Some(rt.intrinsic(*ctor)) {
            return *proto;
        }
    }
    // A constructor of another realm: find it there.
    if let Some(o) = c {
        for realm in &rt.realms {
            for (_, proto, ctor) in NATIVE {
                if realm.intrinsics[*ctor as usize] == Some(o) {
                    return *proto;
                }
            }
        }
    }
    Intrinsic::ErrorPrototype
}

/// Common part of the error constructors.
fn make_error(
    rt: &mut Runtime,
    a: &CallArgs,
    fallback: Intrinsic,
    msg_index: usize,
) -> JsResult<crate::heap::Gc<crate::runtime::object::JsObject>> {
    let nt = if a.new_target.is_undefined() { Value::object(a.callee) } else { a.new_target };
    let proto = rt.get_prototype_from_constructor(nt, fallback)?;
    let o = rt.new_object_with(Some(proto), ObjectKind::Error);
    rt.keep(Value::object(o));
    let msg = a.arg(msg_index);
    if !msg.is_undefined() {
        let s = rt.to_string(msg)?;
        let mk = PropertyKey::String(rt.names.message);
        rt.define_data(o, mk, Value::string(s), HIDDEN);
    }
    let options = a.arg(msg_index + 1);
    if let Some(opts) = options.as_object() {
        let ck = PropertyKey::String(rt.names.cause);
        if rt.has_property(opts, ck)? {
            let cause = rt.get(options, ck)?;
            rt.define_data(o, ck, cause, HIDDEN);
        }
    }
    rt.attach_stack(o);
    Ok(o)
}

fn error_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::object(make_error(rt, a, Intrinsic::ErrorPrototype, 0)?))
}

fn native_error_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let proto = proto_for(rt, Value::object(a.callee));
    Ok(Value::object(make_error(rt, a, proto, 0)?))
}

fn aggregate_error_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = make_error(rt, a, Intrinsic::AggregateErrorPrototype, 1)?;
    let errors = rt.iterable_to_list(a.arg(0))?;
    let arr = rt.new_array(errors);
    let ek = PropertyKey::String(rt.names.errors);
    rt.define_data(o, ek, Value::object(arr), HIDDEN);
    Ok(Value::object(o))
}

fn capture_stack_trace(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if let Some(o) = a.arg(0).as_object() {
        rt.attach_stack(o);
    }
    Ok(Value::UNDEFINED)
}

fn error_to_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if !a.this.is_object() {
        return Err(rt.type_error("Error.prototype.toString called on non-object"));
    }
    let nk = PropertyKey::String(rt.names.name);
    let n = rt.get(a.this, nk)?;
    let name = if n.is_undefined() { rt.intern("Error") } else { rt.to_string(n)? };
    let mk = PropertyKey::String(rt.names.message);
    let m = rt.get(a.this, mk)?;
    let msg = if m.is_undefined() { rt.empty_string } else { rt.to_string(m)? };
    if name.is_empty() {
        return Ok(Value::string(msg));
    }
    if msg.is_empty() {
        return Ok(Value::string(name));
    }
    let mut u = name.units().to_vec();
    u.extend_from_slice(&[b':' as u16, b' ' as u16]);
    u.extend_from_slice(msg.units());
    Ok(rt.new_string(u))
}
