//! Browser-style host APIs (not part of ECMAScript): `console`, the timer functions and
//! `queueMicrotask`, `structuredClone`, `TextEncoder`/`TextDecoder`, `atob`/`btoa`,
//! `DOMException` and `self`, as the WHATWG HTML, Encoding and Console standards and WebIDL
//! define them. [`install`] puts them all on the current realm's global object.

pub mod console;
pub mod encoding;
pub mod structured_clone;
pub mod timers;

use super::BuiltinData;
use crate::heap::Gc;
use crate::runtime::object::{JsObject, ObjectKind};
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime, Throw};
use crate::value::Value;

/// Internal slots of host-API objects (`BuiltinData::Host`).
pub enum HostData {
    /// A DOMException: its name and message.
    DomException {
        /// The `name` (UTF-16).
        name: Vec<u16>,
        /// The `message` (UTF-16).
        message: Vec<u16>,
    },
    /// A TextEncoder (no state).
    TextEncoder,
    /// A TextDecoder and its decoding state.
    TextDecoder(Box<encoding::TextDecoderState>),
}

/// Installs every host API on the current realm's global object.
pub(crate) fn install(rt: &mut Runtime, apis: crate::runtime::HostApis) {
    if apis.console {
        console::install(rt);
    }
    if apis.timers {
        timers::install(rt);
    }
    if apis.web {
        install_dom_exception(rt);
        structured_clone::install(rt);
        encoding::install(rt);
        install_self(rt);
    }
}

/// The host data of `v`, if it is a host-API object.
pub(crate) fn host_data(v: Value) -> Option<&'static mut HostData> {
    let o = v.as_object()?;
    match &mut o.get_mut().kind {
        ObjectKind::Builtin(b) => match &mut **b {
            // SAFETY: the object is reachable from the caller's arguments for the duration of
            // the borrow, which never spans a call into JavaScript.
            BuiltinData::Host(h) => Some(unsafe { &mut *(h as *mut HostData) }),
            _ => None,
        },
        _ => None,
    }
}

/// A new object with `proto` holding host data `d`.
pub(crate) fn new_host_object(rt: &mut Runtime, proto: Gc<JsObject>, d: HostData) -> Gc<JsObject> {
    rt.new_object_with(Some(proto), ObjectKind::Builtin(Box::new(BuiltinData::Host(d))))
}

/// The prototype for an object constructed by `new_target` (its `prototype` if that is an
/// object, else `fallback`), as WebIDL's "internally create a new object implementing the
/// interface" does.
pub(crate) fn proto_from_new_target(rt: &mut Runtime, new_target: Value, fallback: Gc<JsObject>) -> JsResult<Gc<JsObject>> {
    let key = PropertyKey::String(rt.names.prototype);
    let p = rt.get(new_target, key)?;
    Ok(p.as_object().unwrap_or(fallback))
}

/// Creates a WebIDL interface object `name` (a constructor of `length` calling `f`) with the
/// prototype object `proto`, and defines it on the global object (writable, configurable).
pub(crate) fn make_interface(
    rt: &mut Runtime,
    name: &str,
    length: u32,
    f: crate::runtime::object::NativeFn,
    proto: Gc<JsObject>,
) -> Gc<JsObject> {
    let c = rt.new_native_function_with(name, length, f, true, Box::new([Value::object(proto)]));
    let pk = PropertyKey::String(rt.names.prototype);
    rt.define_data(c, pk, Value::object(proto), 0);
    let ck = PropertyKey::String(rt.names.constructor);
    rt.define_data(proto, ck, Value::object(c), HIDDEN);
    super::to_string_tag(rt, proto, name);
    let g = rt.global_object();
    let k = rt.key(name);
    rt.define_data(g, k, Value::object(c), HIDDEN);
    c
}

/// Defines a WebIDL attribute `name` on `obj`: an enumerable, configurable accessor with the
/// getter `get name` and, if given, the setter `set name`.
pub(crate) fn define_attribute(
    rt: &mut Runtime,
    obj: Gc<JsObject>,
    name: &str,
    get: crate::runtime::object::NativeFn,
    set: Option<crate::runtime::object::NativeFn>,
) {
    let g = rt.new_native_function(&format!("get {name}"), 0, get, false);
    let s = match set {
        Some(f) => Value::object(rt.new_native_function(&format!("set {name}"), 1, f, false)),
        None => Value::UNDEFINED,
    };
    let acc = rt.alloc(crate::runtime::object::Accessor::new(Value::object(g), s));
    let k = rt.key(name);
    rt.define_data(obj, k, Value::cell(acc), ENUMERABLE | CONFIGURABLE | ACCESSOR);
}

/// The first capture of the called native (an interface constructor's prototype object).
pub(crate) fn captured_proto(a: &CallArgs) -> Gc<JsObject> {
    match &a.callee.kind {
        ObjectKind::Native(n) => n.captures.first().and_then(|v| v.as_object()).expect("interface prototype capture"),
        _ => unreachable!("interface constructors are natives"),
    }
}

/// A TypeError for a WebIDL constructor called without `new`.
pub(crate) fn require_new(rt: &mut Runtime, a: &CallArgs, name: &str) -> JsResult<()> {
    if a.new_target.is_undefined() {
        return Err(rt.type_error(format!(
            "Failed to construct '{name}': Please use the 'new' operator, this DOM object constructor cannot be called as a function."
        )));
    }
    Ok(())
}

/// The legacy `code` of each DOMException name (WebIDL's error names table).
const LEGACY_CODES: [(&str, u16); 22] = [
    ("IndexSizeError", 1),
    ("HierarchyRequestError", 3),
    ("WrongDocumentError", 4),
    ("InvalidCharacterError", 5),
    ("NoModificationAllowedError", 7),
    ("NotFoundError", 8),
    ("NotSupportedError", 9),
    ("InUseAttributeError", 10),
    ("InvalidStateError", 11),
    ("SyntaxError", 12),
    ("InvalidModificationError", 13),
    ("NamespaceError", 14),
    ("InvalidAccessError", 15),
    ("TypeMismatchError", 17),
    ("SecurityError", 18),
    ("NetworkError", 19),
    ("AbortError", 20),
    ("URLMismatchError", 21),
    ("QuotaExceededError", 22),
    ("TimeoutError", 23),
    ("InvalidNodeTypeError", 24),
    ("DataCloneError", 25),
];

/// The constants of the DOMException interface.
const CONSTANTS: [(&str, i32); 25] = [
    ("INDEX_SIZE_ERR", 1),
    ("DOMSTRING_SIZE_ERR", 2),
    ("HIERARCHY_REQUEST_ERR", 3),
    ("WRONG_DOCUMENT_ERR", 4),
    ("INVALID_CHARACTER_ERR", 5),
    ("NO_DATA_ALLOWED_ERR", 6),
    ("NO_MODIFICATION_ALLOWED_ERR", 7),
    ("NOT_FOUND_ERR", 8),
    ("NOT_SUPPORTED_ERR", 9),
    ("INUSE_ATTRIBUTE_ERR", 10),
    ("INVALID_STATE_ERR", 11),
    ("SYNTAX_ERR", 12),
    ("INVALID_MODIFICATION_ERR", 13),
    ("NAMESPACE_ERR", 14),
    ("INVALID_ACCESS_ERR", 15),
    ("VALIDATION_ERR", 16),
    ("TYPE_MISMATCH_ERR", 17),
    ("SECURITY_ERR", 18),
    ("NETWORK_ERR", 19),
    ("ABORT_ERR", 20),
    ("URL_MISMATCH_ERR", 21),
    ("QUOTA_EXCEEDED_ERR", 22),
    ("TIMEOUT_ERR", 23),
    ("INVALID_NODE_TYPE_ERR", 24),
    ("DATA_CLONE_ERR", 25),
];

fn install_dom_exception(rt: &mut Runtime) {
    let ep = rt.intrinsic(Intrinsic::ErrorPrototype);
    let proto = rt.new_object_with(Some(ep), ObjectKind::Ordinary);
    super::set_intrinsic(rt, Intrinsic::DomExceptionPrototype, proto);
    let c = make_interface(rt, "DOMException", 0, dom_exception_ctor, proto);
    for (name, f) in
        [("name", dom_exception_name as crate::runtime::object::NativeFn), ("message", dom_exception_message), ("code", dom_exception_code)]
    {
        define_attribute(rt, proto, name, f, None);
    }
    for (name, v) in CONSTANTS {
        let k = rt.key(name);
        rt.define_data(c, k, Value::int(v), ENUMERABLE);
        rt.define_data(proto, k, Value::int(v), ENUMERABLE);
    }
}

/// A new DOMException with the given name and message (for host APIs that throw one).
pub(crate) fn dom_exception(rt: &mut Runtime, name: &str, message: &str) -> Throw {
    let proto = rt.intrinsic(Intrinsic::DomExceptionPrototype);
    let d = HostData::DomException { name: name.encode_utf16().collect(), message: message.encode_utf16().collect() };
    Throw::Value(Value::object(new_host_object(rt, proto, d)))
}

/// `new DOMException(message = "", name = "Error")`.
fn dom_exception_ctor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    require_new(rt, a, "DOMException")?;
    let message = if a.arg(0).is_undefined() { Vec::new() } else { rt.to_string(a.arg(0))?.units().to_vec() };
    let name = if a.arg(1).is_undefined() { "Error".encode_utf16().collect() } else { rt.to_string(a.arg(1))?.units().to_vec() };
    let fallback = captured_proto(a);
    let proto = proto_from_new_target(rt, a.new_target, fallback)?;
    Ok(Value::object(new_host_object(rt, proto, HostData::DomException { name, message })))
}

fn this_dom_exception(rt: &mut Runtime, this: Value) -> JsResult<(Vec<u16>, Vec<u16>)> {
    match host_data(this) {
        Some(HostData::DomException { name, message }) => Ok((name.clone(), message.clone())),
        _ => Err(rt.type_error("Illegal invocation")),
    }
}

fn dom_exception_name(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (name, _) = this_dom_exception(rt, a.this)?;
    Ok(rt.new_string(name))
}

fn dom_exception_message(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (_, message) = this_dom_exception(rt, a.this)?;
    Ok(rt.new_string(message))
}

fn dom_exception_code(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (name, _) = this_dom_exception(rt, a.this)?;
    let name = String::from_utf16_lossy(&name);
    Ok(Value::int(LEGACY_CODES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c as i32).unwrap_or(0)))
}

/// `self`: a `[Replaceable]` accessor returning the global object, as on a worker's global scope.
fn install_self(rt: &mut Runtime) {
    let g = rt.global_object();
    define_attribute(rt, g, "self", get_self, Some(set_self));
}

fn get_self(rt: &mut Runtime, _a: &CallArgs) -> JsResult<Value> {
    Ok(Value::object(rt.global_object()))
}

/// The `[Replaceable]` setter: defines an own data property `self` on the receiver.
fn set_self(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = a.this.as_object().unwrap_or_else(|| rt.global_object());
    let k = rt.key("self");
    rt.create_data_property_or_throw(o, k, a.arg(0))?;
    Ok(Value::UNDEFINED)
}
