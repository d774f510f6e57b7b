//! `Array` (being filled in).

use super::make_constructor;
use crate::runtime::names::WellKnown;
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

pub(crate) fn install(rt: &mut Runtime) {
    let c = make_constructor(rt, "Array", 1, array_constructor, Intrinsic::ArrayPrototype, Intrinsic::Array);
    rt.define_method(c, "isArray", 1, is_array);
    let p = rt.intrinsic(Intrinsic::ArrayPrototype);
    // Array.prototype is itself an array.
    p.get_mut().kind = crate::runtime::object::ObjectKind::Array { length: 0, length_writable: true };
    rt.define_method(p, "push", 1, push);
    let values = rt.define_method(p, "values", 0, values);
    let ik = PropertyKey::Symbol(rt.well_known(WellKnown::Iterator));
    rt.define_data(p, ik, Value::object(values), HIDDEN);
    super::set_intrinsic(rt, Intrinsic::ArrayProtoValues, values);
}

fn array_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if a.args.len() == 1 {
        if let Some(n) = a.arg(0).as_number() {
            if n < 0.0 || n > u32::MAX as f64 || n.fract() != 0.0 {
                return Err(rt.range_error("Invalid array length"));
            }
            let arr = rt.new_array(Vec::new());
            rt.array_truncate(arr, 0);
            if let crate::runtime::object::ObjectKind::Array { length, .. } = &mut arr.get_mut().kind {
                *length = n as u32;
            }
            return Ok(Value::object(arr));
        }
    }
    Ok(Value::object(rt.new_array(a.args.to_vec())))
}

fn is_array(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(rt.is_array(a.arg(0))))
}

fn push(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = rt.to_object(a.this)?;
    let lk = PropertyKey::String(rt.names.length);
    let lv = rt.get(Value::object(o), lk)?;
    let mut len = rt.to_length(lv)?;
    for v in a.args {
        let k = rt.to_property_key(Value::from_f64(len))?;
        rt.put(Value::object(o), k, *v, true)?;
        len += 1.0;
    }
    rt.put(Value::object(o), lk, Value::from_f64(len), true)?;
    Ok(Value::from_f64(len))
}

fn values(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = rt.to_object(a.this)?;
    Ok(super::iterator::new_iterator(
        rt,
        Intrinsic::ArrayIteratorPrototype,
        super::iterator::IteratorState::Array { target: Value::object(o), index: 0, kind: super::iterator::IterKind::Values },
    ))
}
