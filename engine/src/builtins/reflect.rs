//! The `Reflect` namespace object (ECMAScript 2025 §28.1).
//!
//! The engine has no Proxy, so every object uses the ordinary internal methods; each
//! `Reflect` function checks its target and forwards to the corresponding internal method in
//! [`crate::runtime::property`].

use super::object::{from_property_descriptor, to_property_descriptor};
use super::to_string_tag;
use crate::heap::Gc;
use crate::runtime::object::{JsObject, NativeFn};
use crate::runtime::shape::HIDDEN;
use crate::runtime::{CallArgs, JsResult, Runtime};
use crate::value::Value;

pub(crate) fn install(rt: &mut Runtime) {
    let r = rt.new_plain_object();
    for (name, len, f) in [
        ("apply", 3, apply as NativeFn),
        ("construct", 2, construct),
        ("defineProperty", 3, define_property),
        ("deleteProperty", 2, delete_property),
        ("get", 2, get),
        ("getOwnPropertyDescriptor", 2, get_own_property_descriptor),
        ("getPrototypeOf", 1, get_prototype_of),
        ("has", 2, has),
        ("isExtensible", 1, is_extensible),
        ("ownKeys", 1, own_keys),
        ("preventExtensions", 1, prevent_extensions),
        ("set", 3, set),
        ("setPrototypeOf", 2, set_prototype_of),
    ] {
        rt.define_method(r, name, len, f);
    }
    to_string_tag(rt, r, "Reflect");
    let g = rt.global_object();
    let k = rt.key("Reflect");
    rt.define_data(g, k, Value::object(r), HIDDEN);
}

/// The target argument, which must be an object.
fn target(rt: &mut Runtime, v: Value, method: &str) -> JsResult<Gc<JsObject>> {
    match v.as_object() {
        Some(o) => Ok(o),
        None => Err(rt.type_error(format!("Reflect.{method} called on non-object"))),
    }
}

fn apply(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let f = a.arg(0);
    if !rt.is_callable(f) {
        let d = rt.describe_for_error(f);
        return Err(rt.type_error(format!("Reflect.apply: {d} is not a function")));
    }
    let args = rt.create_list_from_array_like(a.arg(2))?;
    for v in &args {
        rt.keep(*v);
    }
    rt.call(f, a.arg(1), &args)
}

fn construct(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let f = a.arg(0);
    if !rt.is_constructor(f) {
        let d = rt.describe_for_error(f);
        return Err(rt.type_error(format!("Reflect.construct: {d} is not a constructor")));
    }
    let new_target = if a.args.len() < 3 { f } else { a.arg(2) };
    if !rt.is_constructor(new_target) {
        let d = rt.describe_for_error(new_target);
        return Err(rt.type_error(format!("Reflect.construct: {d} is not a constructor")));
    }
    let args = rt.create_list_from_array_like(a.arg(1))?;
    for v in &args {
        rt.keep(*v);
    }
    rt.construct(f, &args, Some(new_target))
}

fn define_property(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = target(rt, a.arg(0), "defineProperty")?;
    let k = rt.to_property_key(a.arg(1))?;
    let d = to_property_descriptor(rt, a.arg(2))?;
    Ok(Value::bool(rt.define_own_property(o, k, d)?))
}

fn delete_property(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = target(rt, a.arg(0), "deleteProperty")?;
    let k = rt.to_property_key(a.arg(1))?;
    Ok(Value::bool(rt.delete_property(o, k)?))
}

fn get(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = target(rt, a.arg(0), "get")?;
    let k = rt.to_property_key(a.arg(1))?;
    let receiver = if a.args.len() < 3 { a.arg(0) } else { a.arg(2) };
    rt.get_property(o, k, receiver)
}

fn get_own_property_descriptor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = target(rt, a.arg(0), "getOwnPropertyDescriptor")?;
    let k = rt.to_property_key(a.arg(1))?;
    match rt.get_own_property(o, k) {
        Some(p) => Ok(from_property_descriptor(rt, &p.to_descriptor())),
        None => Ok(Value::UNDEFINED),
    }
}

fn get_prototype_of(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = target(rt, a.arg(0), "getPrototypeOf")?;
    Ok(o.proto().map(Value::object).unwrap_or(Value::NULL))
}

fn has(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = target(rt, a.arg(0), "has")?;
    let k = rt.to_property_key(a.arg(1))?;
    Ok(Value::bool(rt.has_property(o, k)?))
}

fn is_extensible(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = target(rt, a.arg(0), "isExtensible")?;
    Ok(Value::bool(o.extensible))
}

fn own_keys(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = target(rt, a.arg(0), "ownKeys")?;
    let keys: Vec<Value> = rt.own_property_keys(o).into_iter().map(|k| rt.key_to_value(k)).collect();
    Ok(Value::object(rt.new_array(keys)))
}

fn prevent_extensions(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = target(rt, a.arg(0), "preventExtensions")?;
    Ok(Value::bool(rt.prevent_extensions(o)))
}

fn set(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = target(rt, a.arg(0), "set")?;
    let k = rt.to_property_key(a.arg(1))?;
    let receiver = if a.args.len() < 4 { a.arg(0) } else { a.arg(3) };
    Ok(Value::bool(rt.set_property(o, k, a.arg(2), receiver)?))
}

fn set_prototype_of(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = target(rt, a.arg(0), "setPrototypeOf")?;
    let p = a.arg(1);
    if !p.is_object() && !p.is_null() {
        return Err(rt.type_error("Object prototype may only be an Object or null"));
    }
    Ok(Value::bool(rt.set_prototype_of(o, p.as_object())?))
}
