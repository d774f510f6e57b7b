//! `structuredClone(value, { transfer })` (HTML §2.7 safe passing of structured data).
//!
//! StructuredSerializeWithTransfer and StructuredDeserializeWithTransfer are fused into one
//! pass: each serializable value is copied as soon as it is serialized. This is unobservable,
//! because deserialization runs no script: the getters and `toString` calls that serialization
//! makes happen in the same order, and an exception leaves only unreachable copies behind.
//! The memory map sends each source object to its copy, so cycles and shared references are
//! kept. Transferred ArrayBuffers get a placeholder copy up front whose bytes are moved in
//! (and the source detached) after serialization succeeds.

use std::collections::HashMap;

use super::{dom_exception, HostData};
use crate::builtins::array_buffer::{buffer_data, ArrayBufferData};
use crate::builtins::data_view::DataViewData;
use crate::builtins::typed_array::TypedArrayData;
use crate::builtins::BuiltinData;
use crate::heap::Gc;
use crate::runtime::object::{JsObject, ObjectKind};
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime, Throw};
use crate::value::Value;

/// Defines `structuredClone` on the global object.
pub(crate) fn install(rt: &mut Runtime) {
    let g = rt.global_object();
    super::encoding::define_operation(rt, g, "structuredClone", 1, structured_clone);
}

fn data_clone_error(rt: &mut Runtime, what: &str) -> Throw {
    dom_exception(rt, "DataCloneError", &format!("{what} could not be cloned."))
}

/// How an uncloneable value is named in the DataCloneError message (as V8 does).
fn describe(rt: &mut Runtime, v: Value) -> String {
    match v.as_object() {
        Some(o) if o.is_callable() => match &o.kind {
            ObjectKind::Closure(c) => {
                let b = &c.code.block;
                let (s, e) = b.span;
                b.source.text.get(s as usize..e as usize).map(|t| t.to_string()).unwrap_or_else(|| "function".into())
            }
            _ => super::super::inspect::inspect(rt, v, &Default::default()),
        },
        Some(o) => {
            let ctor = o
                .proto()
                .and_then(|p| {
                    let ck = PropertyKey::String(rt.names.constructor);
                    let c = rt.get_own_property(p, ck)?.value.as_object()?;
                    let nk = PropertyKey::String(rt.names.name);
                    rt.get_own_property(c, nk)?.value.as_string().map(|s| s.to_rust_string())
                })
                .unwrap_or_default();
            format!("#<{}>", if ctor.is_empty() { "Object" } else { &ctor })
        }
        None => rt.display_primitive(v),
    }
}

struct Cloner {
    memory: HashMap<Gc<JsObject>, Gc<JsObject>>,
}

/// `structuredClone(value, options = {})`.
fn structured_clone(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if a.args.is_empty() {
        return Err(rt.type_error("Failed to execute 'structuredClone': 1 argument required, but only 0 present."));
    }
    // The StructuredSerializeOptions dictionary: `transfer` is a sequence<object>.
    let opts = a.arg(1);
    let mut transfer: Vec<Gc<JsObject>> = Vec::new();
    if !opts.is_undefined() && !opts.is_null() {
        if !opts.is_object() {
            return Err(
                rt.type_error("Failed to execute 'structuredClone': The provided value is not of type 'StructuredSerializeOptions'.")
            );
        }
        let t = rt.get_named(opts, "transfer")?;
        if !t.is_undefined() {
            if !t.is_object() {
                return Err(rt.type_error("Failed to execute 'structuredClone': The provided value cannot be converted to a sequence."));
            }
            let items = rt.iterable_to_list(t)?;
            for v in items {
                rt.keep(v);
                match v.as_object() {
                    Some(o) => transfer.push(o),
                    None => return Err(rt.type_error("Failed to execute 'structuredClone': Value is not of type 'object'.")),
                }
            }
        }
    }
    let mut c = Cloner { memory: HashMap::new() };
    for &t in &transfer {
        let Some(d) = buffer_data(t) else {
            return Err(dom_exception(rt, "DataCloneError", "Value not transferable"));
        };
        if c.memory.contains_key(&t) {
            return Err(dom_exception(
                rt,
                "DataCloneError",
                "ArrayBuffer at index 1 is a duplicate of an earlier ArrayBuffer. Duplicate ArrayBuffers cannot be transferred.",
            ));
        }
        let max = d.max_byte_length;
        let placeholder = new_buffer(rt, ArrayBufferData { data: Some(Vec::new()), max_byte_length: max });
        rt.keep(Value::object(placeholder));
        c.memory.insert(t, placeholder);
    }
    let result = c.clone_value(rt, a.arg(0))?;
    rt.keep(result);
    for &t in &transfer {
        if buffer_data(t).is_none_or(|d| d.data.is_none()) {
            return Err(dom_exception(rt, "DataCloneError", "An ArrayBuffer is detached and could not be cloned."));
        }
    }
    for &t in &transfer {
        let data = buffer_data(t).and_then(|d| d.data.take());
        if let Some(d) = c.memory.get(&t).and_then(|p| buffer_data(*p)) {
            d.data = data;
        }
    }
    Ok(result)
}

fn new_buffer(rt: &mut Runtime, d: ArrayBufferData) -> Gc<JsObject> {
    let proto = rt.intrinsic(Intrinsic::ArrayBufferPrototype);
    if let Some(b) = &d.data {
        rt.heap.note_bytes(b.len());
    }
    rt.new_object_with(Some(proto), ObjectKind::Builtin(Box::new(BuiltinData::ArrayBuffer(d))))
}

/// The Error constructor names that keep their prototype across a clone.
const ERROR_NAMES: [(&str, Intrinsic); 7] = [
    ("Error", Intrinsic::ErrorPrototype),
    ("EvalError", Intrinsic::EvalErrorPrototype),
    ("RangeError", Intrinsic::RangeErrorPrototype),
    ("ReferenceError", Intrinsic::ReferenceErrorPrototype),
    ("SyntaxError", Intrinsic::SyntaxErrorPrototype),
    ("TypeError", Intrinsic::TypeErrorPrototype),
    ("URIError", Intrinsic::UriErrorPrototype),
];

impl Cloner {
    fn remember(&mut self, rt: &mut Runtime, from: Gc<JsObject>, to: Gc<JsObject>) {
        rt.keep(Value::object(to));
        self.memory.insert(from, to);
    }

    /// StructuredSerializeInternal followed by StructuredDeserialize, for one value.
    fn clone_value(&mut self, rt: &mut Runtime, v: Value) -> JsResult<Value> {
        if v.is_symbol() {
            let d = describe(rt, v);
            return Err(data_clone_error(rt, &d));
        }
        let Some(o) = v.as_object() else { return Ok(v) };
        if let Some(&copy) = self.memory.get(&o) {
            return Ok(Value::object(copy));
        }
        rt.check_native_stack()?;
        let out = match &o.kind {
            ObjectKind::Boolean(b) => rt.to_object(Value::bool(*b))?,
            ObjectKind::Number(n) => rt.to_object(Value::number(*n))?,
            ObjectKind::String(s) => rt.to_object(Value::string(*s))?,
            ObjectKind::Builtin(b) => match &**b {
                BuiltinData::Date(t) => {
                    let proto = rt.intrinsic(Intrinsic::DatePrototype);
                    rt.new_object_with(Some(proto), ObjectKind::Builtin(Box::new(BuiltinData::Date(*t))))
                }
                BuiltinData::RegExp(r) => {
                    let source = rt.new_string(r.source.clone());
                    let flags = rt.str(&r.flags.clone());
                    let ctor = Value::object(rt.intrinsic(Intrinsic::RegExp));
                    let re = rt.construct(ctor, &[source, flags], None)?;
                    re.as_object().expect("RegExp constructor returns an object")
                }
                BuiltinData::ArrayBuffer(d) => {
                    let Some(data) = d.data.clone() else {
                        return Err(dom_exception(rt, "DataCloneError", "An ArrayBuffer is detached and could not be cloned."));
                    };
                    new_buffer(rt, ArrayBufferData { data: Some(data), max_byte_length: d.max_byte_length })
                }
                BuiltinData::DataView(d) => {
                    let (buffer, byte_offset, byte_length) = (d.buffer, d.byte_offset, d.byte_length);
                    if !data_view_in_bounds(buffer, byte_offset, byte_length) {
                        return Err(dom_exception(rt, "DataCloneError", "An ArrayBuffer is detached and could not be cloned."));
                    }
                    let nb = self.clone_value(rt, Value::object(buffer))?.as_object().expect("buffer copy");
                    let proto = rt.intrinsic(Intrinsic::DataViewPrototype);
                    let dv = DataViewData { buffer: nb, byte_offset, byte_length };
                    rt.new_object_with(Some(proto), ObjectKind::Builtin(Box::new(BuiltinData::DataView(dv))))
                }
                BuiltinData::Map(m) | BuiltinData::Set(m) => {
                    let is_map = matches!(&**b, BuiltinData::Map(_));
                    let entries = m.live_entries();
                    for (k, x) in &entries {
                        rt.keep(*k);
                        rt.keep(*x);
                    }
                    let (proto, data) = if is_map {
                        (rt.intrinsic(Intrinsic::MapPrototype), BuiltinData::Map(Default::default()))
                    } else {
                        (rt.intrinsic(Intrinsic::SetPrototype), BuiltinData::Set(Default::default()))
                    };
                    let copy = rt.new_object_with(Some(proto), ObjectKind::Builtin(Box::new(data)));
                    self.remember(rt, o, copy);
                    let mut cloned = Vec::with_capacity(entries.len());
                    for (k, x) in entries {
                        let ck = self.clone_value(rt, k)?;
                        rt.keep(ck);
                        let cx = if is_map { self.clone_value(rt, x)? } else { ck };
                        rt.keep(cx);
                        cloned.push((ck, cx));
                    }
                    if let ObjectKind::Builtin(b) = &mut copy.get_mut().kind {
                        if let BuiltinData::Map(m) | BuiltinData::Set(m) = &mut **b {
                            for (k, x) in cloned {
                                m.set(k, x);
                            }
                        }
                    }
                    return Ok(Value::object(copy));
                }
                BuiltinData::Host(HostData::DomException { name, message }) => {
                    // DOMException is [Serializable]: its name and message are copied.
                    let d = HostData::DomException { name: name.clone(), message: message.clone() };
                    let proto = rt.intrinsic(Intrinsic::DomExceptionPrototype);
                    super::new_host_object(rt, proto, d)
                }
                _ => {
                    let d = describe(rt, v);
                    return Err(data_clone_error(rt, &d));
                }
            },
            ObjectKind::TypedArray(t) => {
                let t: TypedArrayData = **t;
                if t.current_length().is_none() {
                    return Err(dom_exception(rt, "DataCloneError", "An ArrayBuffer is detached and could not be cloned."));
                }
                let nb = self.clone_value(rt, Value::object(t.buffer))?.as_object().expect("buffer copy");
                let proto = rt.intrinsic(t.ty.intrinsics().1);
                crate::builtins::typed_array::new_typed_array(rt, proto, TypedArrayData { buffer: nb, ..t })
            }
            ObjectKind::Error => return self.clone_error(rt, o),
            ObjectKind::Array { length, .. } => {
                let len = *length;
                let copy = rt.new_array(Vec::new());
                let lk = PropertyKey::String(rt.names.length);
                rt.put(Value::object(copy), lk, Value::number(len as f64), true)?;
                self.remember(rt, o, copy);
                self.copy_properties(rt, o, copy)?;
                return Ok(Value::object(copy));
            }
            ObjectKind::Ordinary => {
                let copy = rt.new_plain_object();
                self.remember(rt, o, copy);
                self.copy_properties(rt, o, copy)?;
                return Ok(Value::object(copy));
            }
            _ => {
                let d = describe(rt, v);
                return Err(data_clone_error(rt, &d));
            }
        };
        self.remember(rt, o, out);
        Ok(Value::object(out))
    }

    /// The "deep" step for arrays and plain objects: each enumerable own string-keyed property
    /// (read with [[Get]] if still present) is cloned and defined on the copy.
    fn copy_properties(&mut self, rt: &mut Runtime, from: Gc<JsObject>, to: Gc<JsObject>) -> JsResult<()> {
        let keys: Vec<PropertyKey> = rt
            .own_property_keys(from)
            .into_iter()
            .filter(|k| !matches!(k, PropertyKey::Symbol(_)))
            .filter(|k| rt.get_own_property(from, *k).is_some_and(|p| p.attrs & ENUMERABLE != 0))
            .collect();
        for k in keys {
            if rt.get_own_property(from, k).is_none() {
                continue;
            }
            let v = rt.get(Value::object(from), k)?;
            let c = self.clone_value(rt, v)?;
            rt.create_data_property_or_throw(to, k, c)?;
        }
        Ok(())
    }

    /// Errors: the prototype follows `name` (one of the seven native error names, else Error),
    /// `message` is copied if it is an own data property, and, as V8 does, `stack` and `cause`.
    fn clone_error(&mut self, rt: &mut Runtime, o: Gc<JsObject>) -> JsResult<Value> {
        let name = rt.get_named(Value::object(o), "name")?;
        let name = name.as_string().map(|s| s.to_rust_string()).unwrap_or_default();
        let proto_i = ERROR_NAMES.iter().find(|(n, _)| *n == name).map(|(_, i)| *i).unwrap_or(Intrinsic::ErrorPrototype);
        let mk = PropertyKey::String(rt.names.message);
        let message = match rt.get_own_property(o, mk) {
            Some(p) if p.attrs & ACCESSOR == 0 => Some(Value::string(rt.to_string(p.value)?)),
            _ => None,
        };
        if let Some(m) = message {
            rt.keep(m);
        }
        let sk = PropertyKey::String(rt.names.stack);
        let stack = rt.get_own_property(o, sk).filter(|p| p.attrs & ACCESSOR == 0 && p.value.is_string()).map(|p| p.value);
        let proto = rt.intrinsic(proto_i);
        let copy = rt.new_object_with(Some(proto), ObjectKind::Error);
        self.remember(rt, o, copy);
        if let Some(s) = stack {
            rt.define_data(copy, sk, s, HIDDEN);
        }
        if let Some(m) = message {
            rt.define_data(copy, mk, m, HIDDEN);
        }
        let ck = rt.key("cause");
        if let Some(p) = rt.get_own_property(o, ck).filter(|p| p.attrs & ACCESSOR == 0) {
            let c = self.clone_value(rt, p.value)?;
            rt.define_data(copy, ck, c, HIDDEN);
        }
        Ok(Value::object(copy))
    }
}

/// Is a DataView's byte range inside its (non-detached) buffer?
fn data_view_in_bounds(buffer: Gc<JsObject>, offset: usize, length: Option<usize>) -> bool {
    match crate::builtins::array_buffer::bytes(buffer) {
        Some(b) => offset <= b.len() && length.is_none_or(|l| offset + l <= b.len()),
        None => false,
    }
}
