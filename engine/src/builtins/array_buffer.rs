//! `ArrayBuffer` (ECMAScript 2025 §25.1): fixed-length and resizable buffers, detaching,
//! `slice`, `resize`, `transfer` and `transferToFixedLength`.
//!
//! A buffer's bytes live in its [`ArrayBufferData`] (`BuiltinData::ArrayBuffer`); TypedArrays
//! and DataViews refer to the buffer object and read the bytes through it, so detaching or
//! resizing is seen by every view. Allocations are capped ([`MAX_BYTE_LENGTH`]): larger
//! requests throw a RangeError instead of aborting the process.

use super::{make_constructor, to_string_tag, BuiltinData};
use crate::heap::Gc;
use crate::runtime::names::WellKnown;
use crate::runtime::object::{JsObject, NativeFn, ObjectKind};
use crate::runtime::shape::PropertyKey;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

/// The largest byte length a buffer may have (larger allocations throw a RangeError).
pub const MAX_BYTE_LENGTH: usize = 1 << 31;

/// 2^53 - 1.
const MAX_SAFE: f64 = 9007199254740991.0;

/// An ArrayBuffer's internal slots.
pub struct ArrayBufferData {
    /// The data block; `None` once detached.
    pub data: Option<Vec<u8>>,
    /// `[[ArrayBufferMaxByteLength]]` for resizable buffers.
    pub max_byte_length: Option<usize>,
}

/// The buffer data of `o`, if it is an ArrayBuffer.
pub(crate) fn buffer_data(o: Gc<JsObject>) -> Option<&'static mut ArrayBufferData> {
    match &mut o.get_mut().kind {
        ObjectKind::Builtin(b) => match &mut **b {
            // SAFETY: buffer objects are reachable from the caller's roots (an argument, `this`
            // or a view's slot) for the duration of the borrow, which never spans a call into JS.
            BuiltinData::ArrayBuffer(d) => Some(unsafe { &mut *(d as *mut ArrayBufferData) }),
            _ => None,
        },
        _ => None,
    }
}

/// IsDetachedBuffer.
pub(crate) fn is_detached(buf: Gc<JsObject>) -> bool {
    buffer_data(buf).is_none_or(|d| d.data.is_none())
}

/// ArrayBufferByteLength (0 when detached).
pub(crate) fn byte_length(buf: Gc<JsObject>) -> usize {
    buffer_data(buf).and_then(|d| d.data.as_ref().map(|v| v.len())).unwrap_or(0)
}

/// IsFixedLengthArrayBuffer.
pub(crate) fn is_fixed_length(buf: Gc<JsObject>) -> bool {
    buffer_data(buf).is_none_or(|d| d.max_byte_length.is_none())
}

/// The bytes of a non-detached buffer.
pub(crate) fn bytes(buf: Gc<JsObject>) -> Option<&'static mut Vec<u8>> {
    buffer_data(buf).and_then(|d| d.data.as_mut())
}

/// ToIndex.
pub(crate) fn to_index(rt: &mut Runtime, v: Value) -> JsResult<f64> {
    let i = rt.to_integer_or_infinity(v)?;
    if !(0.0..=MAX_SAFE).contains(&i) {
        return Err(rt.range_error("Invalid index: must be an integer between 0 and 2^53 - 1"));
    }
    Ok(i)
}

/// A zero-filled block of `len` bytes, or a RangeError.
pub(crate) fn create_block(rt: &mut Runtime, len: f64) -> JsResult<Vec<u8>> {
    if len > MAX_BYTE_LENGTH as f64 {
        return Err(rt.range_error("Array buffer allocation failed"));
    }
    let n = len as usize;
    let mut v = Vec::new();
    if v.try_reserve_exact(n).is_err() {
        return Err(rt.range_error("Array buffer allocation failed"));
    }
    v.resize(n, 0);
    rt.heap.note_bytes(n);
    Ok(v)
}

/// AllocateArrayBuffer(constructor, byteLength, maxByteLength).
pub(crate) fn allocate(rt: &mut Runtime, ctor: Value, len: f64, max: Option<f64>) -> JsResult<Gc<JsObject>> {
    if let Some(m) = max {
        if len > m {
            return Err(rt.range_error("Array buffer length exceeds maxByteLength"));
        }
    }
    let proto = rt.get_prototype_from_constructor(ctor, Intrinsic::ArrayBufferPrototype)?;
    let data = create_block(rt, len)?;
    if let Some(m) = max {
        if m > MAX_BYTE_LENGTH as f64 {
            return Err(rt.range_error("Array buffer allocation failed"));
        }
    }
    let d = ArrayBufferData { data: Some(data), max_byte_length: max.map(|m| m as usize) };
    Ok(rt.new_object_with(Some(proto), ObjectKind::Builtin(Box::new(BuiltinData::ArrayBuffer(d)))))
}

/// A new fixed-length buffer from `%ArrayBuffer%` of the current realm holding `data`.
pub(crate) fn new_buffer_with(rt: &mut Runtime, data: Vec<u8>) -> Gc<JsObject> {
    let proto = rt.intrinsic(Intrinsic::ArrayBufferPrototype);
    rt.heap.note_bytes(data.len());
    let d = ArrayBufferData { data: Some(data), max_byte_length: None };
    rt.new_object_with(Some(proto), ObjectKind::Builtin(Box::new(BuiltinData::ArrayBuffer(d))))
}

/// DetachArrayBuffer (the detach key is always undefined here).
pub(crate) fn detach(rt: &mut Runtime, v: Value) -> JsResult<()> {
    match v.as_object().and_then(buffer_data) {
        Some(d) => {
            d.data = None;
            Ok(())
        }
        None => Err(rt.type_error("DetachArrayBuffer called on a non-ArrayBuffer")),
    }
}

pub(crate) fn install(rt: &mut Runtime) {
    let c = make_constructor(rt, "ArrayBuffer", 1, constructor, Intrinsic::ArrayBufferPrototype, Intrinsic::ArrayBuffer);
    rt.define_method(c, "isView", 1, is_view);
    let sk = PropertyKey::Symbol(rt.well_known(WellKnown::Species));
    rt.define_getter(c, sk, "get [Symbol.species]", return_this, None);
    let p = rt.intrinsic(Intrinsic::ArrayBufferPrototype);
    for (name, f) in [
        ("byteLength", get_byte_length as NativeFn),
        ("detached", get_detached),
        ("maxByteLength", get_max_byte_length),
        ("resizable", get_resizable),
    ] {
        let k = rt.key(name);
        rt.define_getter(p, k, &format!("get {name}"), f, None);
    }
    for (name, len, f) in
        [("resize", 1, resize as NativeFn), ("slice", 2, slice), ("transfer", 0, transfer), ("transferToFixedLength", 0, transfer_fixed)]
    {
        rt.define_method(p, name, len, f);
    }
    to_string_tag(rt, p, "ArrayBuffer");
}

fn return_this(_rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(a.this)
}

fn constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if a.new_target.is_undefined() {
        return Err(rt.type_error("Constructor ArrayBuffer requires 'new'"));
    }
    let len = to_index(rt, a.arg(0))?;
    let opts = a.arg(1);
    let mut max = None;
    if opts.is_object() {
        let mv = rt.get_named(opts, "maxByteLength")?;
        if !mv.is_undefined() {
            max = Some(to_index(rt, mv)?);
        }
    }
    Ok(Value::object(allocate(rt, a.new_target, len, max)?))
}

fn is_view(_rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(a.arg(0).as_object().is_some_and(|o| match &o.kind {
        ObjectKind::TypedArray(_) => true,
        ObjectKind::Builtin(b) => matches!(**b, BuiltinData::DataView(_)),
        _ => false,
    })))
}

/// `this` as an ArrayBuffer, or a TypeError.
fn this_buffer(rt: &mut Runtime, a: &CallArgs, method: &str) -> JsResult<Gc<JsObject>> {
    match a.this.as_object().filter(|o| buffer_data(*o).is_some()) {
        Some(o) => Ok(o),
        None => Err(rt.type_error(format!("Method ArrayBuffer.prototype.{method} called on incompatible receiver"))),
    }
}

fn get_byte_length(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let b = this_buffer(rt, a, "byteLength")?;
    Ok(Value::from_f64(byte_length(b) as f64))
}

fn get_detached(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let b = this_buffer(rt, a, "detached")?;
    Ok(Value::bool(is_detached(b)))
}

fn get_max_byte_length(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let b = this_buffer(rt, a, "maxByteLength")?;
    let d = buffer_data(b).expect("buffer");
    let n = match (&d.data, d.max_byte_length) {
        (None, _) => 0,
        (Some(v), None) => v.len(),
        (Some(_), Some(m)) => m,
    };
    Ok(Value::from_f64(n as f64))
}

fn get_resizable(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let b = this_buffer(rt, a, "resizable")?;
    Ok(Value::bool(!is_fixed_length(b)))
}

fn resize(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let b = match a.this.as_object().filter(|o| buffer_data(*o).is_some_and(|d| d.max_byte_length.is_some())) {
        Some(o) => o,
        None => return Err(rt.type_error("Method ArrayBuffer.prototype.resize called on incompatible receiver")),
    };
    let n = to_index(rt, a.arg(0))?;
    if is_detached(b) {
        return Err(rt.type_error("Cannot resize a detached ArrayBuffer"));
    }
    let d = buffer_data(b).expect("buffer");
    if n > d.max_byte_length.unwrap_or(0) as f64 {
        return Err(rt.range_error("ArrayBuffer.prototype.resize: invalid length parameter"));
    }
    let n = n as usize;
    if let Some(v) = d.data.as_mut() {
        if n > v.len() {
            if v.try_reserve_exact(n - v.len()).is_err() {
                return Err(rt.range_error("Array buffer allocation failed"));
            }
            rt.heap.note_bytes(n - v.len());
        }
        v.resize(n, 0);
    }
    Ok(Value::UNDEFINED)
}

/// Resolves a relative index against `len` (the spec's clamp of ToIntegerOrInfinity results).
fn relative(rel: f64, len: f64) -> f64 {
    if rel < 0.0 {
        (len + rel).max(0.0)
    } else {
        rel.min(len)
    }
}

fn slice(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = this_buffer(rt, a, "slice")?;
    if is_detached(o) {
        return Err(rt.type_error("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer"));
    }
    let len = byte_length(o) as f64;
    let rs = rt.to_integer_or_infinity(a.arg(0))?;
    let first = relative(rs, len);
    let end = a.arg(1);
    let re = if end.is_undefined() { len } else { rt.to_integer_or_infinity(end)? };
    let fin = relative(re, len);
    let new_len = (fin - first).max(0.0);
    let default = Value::object(rt.intrinsic(Intrinsic::ArrayBuffer));
    let ctor = super::promise::species_constructor(rt, a.this, default)?;
    let new = rt.construct(ctor, &[Value::from_f64(new_len)], None)?;
    let Some(n) = new.as_object().filter(|x| buffer_data(*x).is_some()) else {
        return Err(rt.type_error("ArrayBuffer subclass returned this from species constructor"));
    };
    if is_detached(n) {
        return Err(rt.type_error("Species constructor returned a detached ArrayBuffer"));
    }
    if n == o {
        return Err(rt.type_error("ArrayBuffer subclass returned this from species constructor"));
    }
    if (byte_length(n) as f64) < new_len {
        return Err(rt.type_error("Species constructor returned a too small ArrayBuffer"));
    }
    if is_detached(o) {
        return Err(rt.type_error("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer"));
    }
    let cur = byte_length(o);
    let first = first as usize;
    if first < cur {
        let count = (new_len as usize).min(cur - first);
        let src: Vec<u8> = bytes(o).map(|v| v[first..first + count].to_vec()).unwrap_or_default();
        if let Some(dst) = bytes(n) {
            let m = src.len().min(dst.len());
            dst[..m].copy_from_slice(&src[..m]);
        }
    }
    Ok(new)
}

fn transfer(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    copy_and_detach(rt, a, true, "transfer")
}

fn transfer_fixed(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    copy_and_detach(rt, a, false, "transferToFixedLength")
}

/// ArrayBufferCopyAndDetach.
fn copy_and_detach(rt: &mut Runtime, a: &CallArgs, preserve: bool, method: &str) -> JsResult<Value> {
    let o = this_buffer(rt, a, method)?;
    let nl = a.arg(0);
    let new_len = if nl.is_undefined() { byte_length(o) as f64 } else { to_index(rt, nl)? };
    if is_detached(o) {
        return Err(rt.type_error(format!("Cannot perform ArrayBuffer.prototype.{method} on a detached ArrayBuffer")));
    }
    let max = if preserve { buffer_data(o).and_then(|d| d.max_byte_length).map(|m| m as f64) } else { None };
    let ctor = Value::object(rt.intrinsic(Intrinsic::ArrayBuffer));
    let new = allocate(rt, ctor, new_len, max)?;
    let old = buffer_data(o).and_then(|d| d.data.take()).unwrap_or_default();
    if let Some(dst) = bytes(new) {
        let m = old.len().min(dst.len());
        dst[..m].copy_from_slice(&old[..m]);
    }
    Ok(Value::object(new))
}
