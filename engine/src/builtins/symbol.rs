//! `Symbol`: the constructor, the registry (`for`/`keyFor`), the well-known symbols and
//! `Symbol.prototype`.

use super::{make_constructor, to_string_tag};
use crate::runtime::names::{WellKnown, WELL_KNOWN};
use crate::runtime::object::ObjectKind;
use crate::runtime::shape::*;
use crate::runtime::symbol::Symbol;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

pub(crate) fn install(rt: &mut Runtime) {
    let c = make_constructor(rt, "Symbol", 0, symbol_constructor, Intrinsic::SymbolPrototype, Intrinsic::Symbol);
    for (w, desc) in WELL_KNOWN {
        let name = desc.trim_start_matches("Symbol.");
        let k = rt.key(name);
        let s = rt.well_known(*w);
        rt.define_data(c, k, Value::symbol(s), 0);
    }
    rt.define_method(c, "for", 1, symbol_for);
    rt.define_method(c, "keyFor", 1, key_for);
    let p = rt.intrinsic(Intrinsic::SymbolPrototype);
    rt.define_method(p, "toString", 0, to_string);
    rt.define_method(p, "valueOf", 0, value_of);
    let dk = rt.key("description");
    rt.define_getter(p, dk, "get description", description, None);
    rt.define_symbol_method(p, WellKnown::ToPrimitive, "[Symbol.toPrimitive]", 1, value_of, CONFIGURABLE);
    to_string_tag(rt, p, "Symbol");
}

fn symbol_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if a.is_construct() {
        return Err(rt.type_error("Symbol is not a constructor"));
    }
    let d = a.arg(0);
    let desc = if d.is_undefined() { Value::UNDEFINED } else { Value::string(rt.to_string(d)?) };
    Ok(Value::symbol(rt.alloc(Symbol::new(desc, false, false))))
}

fn symbol_for(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = rt.to_string(a.arg(0))?;
    let key: Box<[u16]> = s.units().into();
    if let Some(sym) = rt.symbol_registry.get(&key) {
        return Ok(Value::symbol(*sym));
    }
    let sym = rt.alloc(Symbol::new(Value::string(s), true, false));
    rt.symbol_registry.insert(key, sym);
    Ok(Value::symbol(sym))
}

fn key_for(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let Some(s) = a.arg(0).as_symbol() else {
        return Err(rt.type_error("Symbol.keyFor: argument is not a symbol"));
    };
    Ok(if s.registered { s.description } else { Value::UNDEFINED })
}

/// thisSymbolValue.
fn this_symbol(rt: &mut Runtime, v: Value) -> JsResult<crate::heap::Gc<Symbol>> {
    if let Some(s) = v.as_symbol() {
        return Ok(s);
    }
    if let Some(o) = v.as_object() {
        if let ObjectKind::Symbol(s) = o.kind {
            return Ok(s);
        }
    }
    Err(rt.type_error("Symbol.prototype method called on incompatible receiver"))
}

/// SymbolDescriptiveString.
pub(crate) fn descriptive_string(rt: &mut Runtime, s: crate::heap::Gc<Symbol>) -> Value {
    let mut u: Vec<u16> = "Symbol(".encode_utf16().collect();
    if let Some(d) = s.description.as_string() {
        u.extend_from_slice(d.units());
    }
    u.push(b')' as u16);
    rt.new_string(u)
}

fn to_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_symbol(rt, a.this)?;
    Ok(descriptive_string(rt, s))
}

fn value_of(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::symbol(this_symbol(rt, a.this)?))
}

fn description(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(this_symbol(rt, a.this)?.description)
}
