//! `Object`: the constructor, its static functions and `Object.prototype`.

use super::make_constructor;
use crate::heap::Gc;
use crate::runtime::names::WellKnown;
use crate::runtime::object::{JsObject, ObjectKind};
use crate::runtime::property::PropertyDescriptor;
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

pub(crate) fn install(rt: &mut Runtime) {
    let c = make_constructor(rt, "Object", 1, object_constructor, Intrinsic::ObjectPrototype, Intrinsic::Object);
    for (name, len, f) in [
        ("assign", 2, assign as crate::runtime::object::NativeFn),
        ("create", 2, create),
        ("defineProperties", 2, define_properties),
        ("defineProperty", 3, define_property),
        ("entries", 1, entries),
        ("freeze", 1, freeze),
        ("fromEntries", 1, from_entries),
        ("getOwnPropertyDescriptor", 2, get_own_property_descriptor),
        ("getOwnPropertyDescriptors", 1, get_own_property_descriptors),
        ("getOwnPropertyNames", 1, get_own_property_names),
        ("getOwnPropertySymbols", 1, get_own_property_symbols),
        ("getPrototypeOf", 1, get_prototype_of),
        ("groupBy", 2, group_by),
        ("hasOwn", 2, has_own),
        ("is", 2, is),
        ("isExtensible", 1, is_extensible),
        ("isFrozen", 1, is_frozen),
        ("isSealed", 1, is_sealed),
        ("keys", 1, keys),
        ("preventExtensions", 1, prevent_extensions),
        ("seal", 1, seal),
        ("setPrototypeOf", 2, set_prototype_of),
        ("values", 1, values),
    ] {
        rt.define_method(c, name, len, f);
    }
    let p = rt.intrinsic(Intrinsic::ObjectPrototype);
    for (name, len, f) in [
        ("hasOwnProperty", 1, has_own_property as crate::runtime::object::NativeFn),
        ("isPrototypeOf", 1, is_prototype_of),
        ("propertyIsEnumerable", 1, property_is_enumerable),
        ("toLocaleString", 0, to_locale_string),
        ("toString", 0, to_string),
        ("valueOf", 0, value_of),
    ] {
        rt.define_method(p, name, len, f);
    }
    let pk = PropertyKey::String(rt.names.proto);
    rt.define_getter(p, pk, "get __proto__", proto_getter, Some(proto_setter));
}

fn object_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if a.is_construct() && a.new_target != Value::object(a.callee) {
        return Ok(Value::object(rt.ordinary_create_from_constructor(a.new_target, Intrinsic::ObjectPrototype)?));
    }
    let v = a.arg(0);
    if v.is_nullish() {
        return Ok(Value::object(rt.new_plain_object()));
    }
    Ok(Value::object(rt.to_object(v)?))
}

/// ToPropertyDescriptor.
pub(crate) fn to_property_descriptor(rt: &mut Runtime, v: Value) -> JsResult<PropertyDescriptor> {
    let Some(o) = v.as_object() else {
        return Err(rt.type_error("Property description must be an object"));
    };
    let mut d = PropertyDescriptor::default();
    let field = |rt: &mut Runtime, name: &str| -> JsResult<Option<Value>> {
        let k = rt.key(name);
        if rt.has_property(o, k)? {
            Ok(Some(rt.get(v, k)?))
        } else {
            Ok(None)
        }
    };
    if let Some(x) = field(rt, "enumerable")? {
        d.enumerable = Some(rt.to_boolean(x));
    }
    if let Some(x) = field(rt, "configurable")? {
        d.configurable = Some(rt.to_boolean(x));
    }
    if let Some(x) = field(rt, "value")? {
        d.value = Some(x);
    }
    if let Some(x) = field(rt, "writable")? {
        d.writable = Some(rt.to_boolean(x));
    }
    if let Some(g) = field(rt, "get")? {
        if !g.is_undefined() && !rt.is_callable(g) {
            return Err(rt.type_error("Getter must be a function"));
        }
        d.get = Some(g);
    }
    if let Some(s) = field(rt, "set")? {
        if !s.is_undefined() && !rt.is_callable(s) {
            return Err(rt.type_error("Setter must be a function"));
        }
        d.set = Some(s);
    }
    if d.is_accessor() && d.is_data() {
        return Err(rt.type_error("Invalid property descriptor. Cannot both specify accessors and a value or writable attribute"));
    }
    Ok(d)
}

/// FromPropertyDescriptor.
pub(crate) fn from_property_descriptor(rt: &mut Runtime, d: &PropertyDescriptor) -> Value {
    let o = rt.new_plain_object();
    let put = |rt: &mut Runtime, name: &str, v: Value| {
        let k = rt.key(name);
        rt.define_data(o, k, v, DEFAULT);
    };
    if let Some(v) = d.value {
        put(rt, "value", v);
    }
    if let Some(w) = d.writable {
        put(rt, "writable", Value::bool(w));
    }
    if let Some(g) = d.get {
        put(rt, "get", g);
    }
    if let Some(s) = d.set {
        put(rt, "set", s);
    }
    if let Some(e) = d.enumerable {
        put(rt, "enumerable", Value::bool(e));
    }
    if let Some(c) = d.configurable {
        put(rt, "configurable", Value::bool(c));
    }
    Value::object(o)
}

fn assign(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let to = rt.to_object(a.arg(0))?;
    rt.keep(Value::object(to));
    for src in a.args.iter().skip(1) {
        if src.is_nullish() {
            continue;
        }
        let from = rt.to_object(*src)?;
        rt.keep(Value::object(from));
        for k in rt.own_property_keys(from) {
            if let Some(p) = rt.get_own_property(from, k) {
                if p.attrs & ENUMERABLE != 0 {
                    let v = rt.get_property(from, k, Value::object(from))?;
                    rt.put(Value::object(to), k, v, true)?;
                }
            }
        }
    }
    Ok(Value::object(to))
}

fn create(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let p = a.arg(0);
    if !p.is_object() && !p.is_null() {
        return Err(rt.type_error("Object prototype may only be an Object or null"));
    }
    let o = rt.new_object_with(p.as_object(), ObjectKind::Ordinary);
    if !a.arg(1).is_undefined() {
        object_define_properties(rt, o, a.arg(1))?;
    }
    Ok(Value::object(o))
}

fn object_define_properties(rt: &mut Runtime, o: Gc<JsObject>, props: Value) -> JsResult<()> {
    let p = rt.to_object(props)?;
    rt.keep(Value::object(p));
    let mut descs = Vec::new();
    for k in rt.own_property_keys(p) {
        if let Some(own) = rt.get_own_property(p, k) {
            if own.attrs & ENUMERABLE != 0 {
                let dv = rt.get_property(p, k, Value::object(p))?;
                let d = to_property_descriptor(rt, dv)?;
                if let Some(v) = d.value {
                    rt.keep(v);
                }
                descs.push((k, d));
            }
        }
    }
    for (k, d) in descs {
        rt.define_property_or_throw(o, k, d)?;
    }
    Ok(())
}

fn define_properties(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let Some(o) = a.arg(0).as_object() else {
        return Err(rt.type_error("Object.defineProperties called on non-object"));
    };
    object_define_properties(rt, o, a.arg(1))?;
    Ok(a.arg(0))
}

fn define_property(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let Some(o) = a.arg(0).as_object() else {
        return Err(rt.type_error("Object.defineProperty called on non-object"));
    };
    let k = rt.to_property_key(a.arg(1))?;
    let d = to_property_descriptor(rt, a.arg(2))?;
    rt.define_property_or_throw(o, k, d)?;
    Ok(a.arg(0))
}

/// EnumerableOwnProperties: keys, values or [key, value] entries.
pub(crate) fn enumerable_own(rt: &mut Runtime, o: Gc<JsObject>, kind: u8) -> JsResult<Vec<Value>> {
    rt.keep(Value::object(o));
    let mut out = Vec::new();
    for k in rt.own_property_keys(o) {
        if k.is_symbol() {
            continue;
        }
        let Some(p) = rt.get_own_property(o, k) else { continue };
        if p.attrs & ENUMERABLE == 0 {
            continue;
        }
        let kv = rt.key_to_value(k);
        let item = match kind {
            0 => kv,
            _ => {
                if kind == 2 {
                    // The key (a new string for an index) waits in `kv` while a getter may collect.
                    rt.keep(kv);
                }
                let v = rt.get_property(o, k, Value::object(o))?;
                if kind == 1 {
                    v
                } else {
                    Value::object(rt.new_array(vec![kv, v]))
                }
            }
        };
        rt.keep(item);
        out.push(item);
    }
    Ok(out)
}

fn keys(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = rt.to_object(a.arg(0))?;
    let v = enumerable_own(rt, o, 0)?;
    Ok(Value::object(rt.new_array(v)))
}

fn values(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = rt.to_object(a.arg(0))?;
    let v = enumerable_own(rt, o, 1)?;
    Ok(Value::object(rt.new_array(v)))
}

fn entries(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = rt.to_object(a.arg(0))?;
    let v = enumerable_own(rt, o, 2)?;
    Ok(Value::object(rt.new_array(v)))
}

/// SetIntegrityLevel: "sealed" (false) or "frozen" (true).
pub(crate) fn set_integrity_level(rt: &mut Runtime, o: Gc<JsObject>, frozen: bool) -> JsResult<bool> {
    if !rt.prevent_extensions(o) {
        return Ok(false);
    }
    for k in rt.own_property_keys(o) {
        let Some(p) = rt.get_own_property(o, k) else { continue };
        let d = if frozen && p.attrs & ACCESSOR == 0 {
            PropertyDescriptor { configurable: Some(false), writable: Some(false), ..Default::default() }
        } else {
            PropertyDescriptor { configurable: Some(false), ..Default::default() }
        };
        rt.define_property_or_throw(o, k, d)?;
    }
    Ok(true)
}

fn test_integrity_level(rt: &mut Runtime, o: Gc<JsObject>, frozen: bool) -> bool {
    if o.extensible {
        return false;
    }
    for k in rt.own_property_keys(o) {
        let Some(p) = rt.get_own_property(o, k) else { continue };
        if p.attrs & CONFIGURABLE != 0 {
            return false;
        }
        if frozen && p.attrs & ACCESSOR == 0 && p.attrs & WRITABLE != 0 {
            return false;
        }
    }
    true
}

fn freeze(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if let Some(o) = a.arg(0).as_object() {
        if !set_integrity_level(rt, o, true)? {
            return Err(rt.type_error("Cannot freeze this object"));
        }
    }
    Ok(a.arg(0))
}

fn seal(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if let Some(o) = a.arg(0).as_object() {
        if !set_integrity_level(rt, o, false)? {
            return Err(rt.type_error("Cannot seal this object"));
        }
    }
    Ok(a.arg(0))
}

fn prevent_extensions(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if let Some(o) = a.arg(0).as_object() {
        if !rt.prevent_extensions(o) {
            return Err(rt.type_error("Cannot prevent extensions on this object"));
        }
    }
    Ok(a.arg(0))
}

fn is_frozen(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(match a.arg(0).as_object() {
        Some(o) => test_integrity_level(rt, o, true),
        None => true,
    }))
}

fn is_sealed(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(match a.arg(0).as_object() {
        Some(o) => test_integrity_level(rt, o, false),
        None => true,
    }))
}

fn is_extensible(_rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(a.arg(0).as_object().is_some_and(|o| o.extensible)))
}

fn from_entries(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let iterable = a.arg(0);
    if iterable.is_nullish() {
        return Err(rt.type_error("Object.fromEntries requires an iterable"));
    }
    let o = rt.new_plain_object();
    rt.keep(Value::object(o));
    let (it, next) = rt.get_iterator(iterable)?;
    rt.keep(it);
    rt.keep(next);
    while let Some(entry) = rt.iterator_step(it, next)? {
        let r = (|| -> JsResult<()> {
            if !entry.is_object() {
                return Err(rt.type_error("Iterator value is not an entry object"));
            }
            let k = rt.get(entry, PropertyKey::Index(0))?;
            let v = rt.get(entry, PropertyKey::Index(1))?;
            let pk = rt.to_property_key(k)?;
            rt.create_data_property_or_throw(o, pk, v)
        })();
        if let Err(e) = r {
            let _ = rt.iterator_close(it);
            return Err(e);
        }
    }
    Ok(Value::object(o))
}

fn get_own_property_descriptor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = rt.to_object(a.arg(0))?;
    let k = rt.to_property_key(a.arg(1))?;
    match rt.get_own_property(o, k) {
        Some(p) => Ok(from_property_descriptor(rt, &p.to_descriptor())),
        None => Ok(Value::UNDEFINED),
    }
}

fn get_own_property_descriptors(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = rt.to_object(a.arg(0))?;
    let out = rt.new_plain_object();
    for k in rt.own_property_keys(o) {
        if let Some(p) = rt.get_own_property(o, k) {
            let d = from_property_descriptor(rt, &p.to_descriptor());
            rt.create_data_property_or_throw(out, k, d)?;
        }
    }
    Ok(Value::object(out))
}

fn own_keys_filtered(rt: &mut Runtime, v: Value, symbols: bool) -> JsResult<Value> {
    let o = rt.to_object(v)?;
    let keys: Vec<Value> = rt.own_property_keys(o).into_iter().filter(|k| k.is_symbol() == symbols).map(|k| rt.key_to_value(k)).collect();
    Ok(Value::object(rt.new_array(keys)))
}

fn get_own_property_names(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    own_keys_filtered(rt, a.arg(0), false)
}

fn get_own_property_symbols(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    own_keys_filtered(rt, a.arg(0), true)
}

fn get_prototype_of(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = rt.to_object(a.arg(0))?;
    Ok(o.proto().map(Value::object).unwrap_or(Value::NULL))
}

fn set_prototype_of(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = a.arg(0);
    if o.is_nullish() {
        return Err(rt.type_error("Object.setPrototypeOf called on null or undefined"));
    }
    let p = a.arg(1);
    if !p.is_object() && !p.is_null() {
        return Err(rt.type_error("Object prototype may only be an Object or null"));
    }
    if let Some(obj) = o.as_object() {
        if !rt.set_prototype_of(obj, p.as_object())? {
            return Err(rt.type_error("Cannot set prototype"));
        }
    }
    Ok(o)
}

fn has_own(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = rt.to_object(a.arg(0))?;
    let k = rt.to_property_key(a.arg(1))?;
    Ok(Value::bool(rt.has_own_property(o, k)))
}

fn is(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(rt.same_value(a.arg(0), a.arg(1))))
}

fn group_by(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let groups = super::map_set::group_by(rt, a.arg(0), a.arg(1), true)?;
    let o = rt.new_object_with(None, ObjectKind::Ordinary);
    for (k, vs) in groups {
        let arr = rt.new_array(vs);
        let pk = rt.to_property_key(k)?;
        rt.create_data_property_or_throw(o, pk, Value::object(arr))?;
    }
    Ok(Value::object(o))
}

fn has_own_property(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let k = rt.to_property_key(a.arg(0))?;
    let o = rt.to_object(a.this)?;
    Ok(Value::bool(rt.has_own_property(o, k)))
}

fn is_prototype_of(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let Some(mut v) = a.arg(0).as_object() else { return Ok(Value::FALSE) };
    let o = rt.to_object(a.this)?;
    loop {
        match v.proto() {
            Some(p) if p == o => return Ok(Value::TRUE),
            Some(p) => v = p,
            None => return Ok(Value::FALSE),
        }
    }
}

fn property_is_enumerable(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let k = rt.to_property_key(a.arg(0))?;
    let o = rt.to_object(a.this)?;
    Ok(Value::bool(rt.get_own_property(o, k).is_some_and(|p| p.attrs & ENUMERABLE != 0)))
}

fn to_locale_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let k = PropertyKey::String(rt.names.to_string);
    rt.invoke(a.this, k, &[])
}

/// `Object.prototype.toString`.
pub(crate) fn to_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let this = a.this;
    if this.is_undefined() {
        return Ok(rt.str("[object Undefined]"));
    }
    if this.is_null() {
        return Ok(rt.str("[object Null]"));
    }
    let o = rt.to_object(this)?;
    let builtin_tag = match &o.kind {
        ObjectKind::Array { .. } => "Array",
        ObjectKind::Arguments { .. } => "Arguments",
        ObjectKind::Closure(_) | ObjectKind::Native(_) | ObjectKind::Bound(_) => "Function",
        ObjectKind::Error => "Error",
        ObjectKind::Boolean(_) => "Boolean",
        ObjectKind::Number(_) => "Number",
        ObjectKind::String(_) => "String",
        ObjectKind::Builtin(b) if matches!(**b, super::BuiltinData::RegExp(_)) => "RegExp",
        ObjectKind::Builtin(b) if matches!(**b, super::BuiltinData::Date(_)) => "Date",
        _ => "Object",
    };
    let tk = PropertyKey::Symbol(rt.well_known(WellKnown::ToStringTag));
    let tag = rt.get(Value::object(o), tk)?;
    let t = match tag.as_string() {
        Some(s) => s.to_rust_string(),
        None => builtin_tag.to_string(),
    };
    Ok(rt.str(&format!("[object {t}]")))
}

fn value_of(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::object(rt.to_object(a.this)?))
}

fn proto_getter(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = rt.to_object(a.this)?;
    Ok(o.proto().map(Value::object).unwrap_or(Value::NULL))
}

fn proto_setter(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if a.this.is_nullish() {
        return Err(rt.type_error("Object.prototype.__proto__ called on null or undefined"));
    }
    let p = a.arg(0);
    if !p.is_object() && !p.is_null() {
        return Ok(Value::UNDEFINED);
    }
    if let Some(o) = a.this.as_object() {
        if !rt.set_prototype_of(o, p.as_object())? {
            return Err(rt.type_error("Object.prototype.__proto__ setter failed"));
        }
    }
    Ok(Value::UNDEFINED)
}
