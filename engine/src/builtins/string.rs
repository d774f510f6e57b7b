//! `String` (being filled in).

use super::make_constructor;
use crate::runtime::object::ObjectKind;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

pub(crate) fn install(rt: &mut Runtime) {
    make_constructor(rt, "String", 1, string_constructor, Intrinsic::StringPrototype, Intrinsic::String);
    let p = rt.intrinsic(Intrinsic::StringPrototype);
    let e = rt.empty_string;
    p.get_mut().kind = ObjectKind::String(e);
}

fn string_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = if a.args.is_empty() {
        rt.empty_string
    } else if let (Some(sym), false) = (a.arg(0).as_symbol(), a.is_construct()) {
        return Ok(super::symbol::descriptive_string(rt, sym));
    } else {
        rt.to_string(a.arg(0))?
    };
    if !a.is_construct() {
        return Ok(Value::string(s));
    }
    let proto = rt.get_prototype_from_constructor(a.new_target, Intrinsic::StringPrototype)?;
    let o = rt.new_object_with(Some(proto), ObjectKind::String(s));
    let lk = crate::runtime::shape::PropertyKey::String(rt.names.length);
    rt.define_data(o, lk, Value::int(s.len() as i32), 0);
    Ok(Value::object(o))
}
