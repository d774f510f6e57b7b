//! TypedArrays (ECMAScript 2025 §23.2): the element types and their conversions, the
//! integer-indexed exotic object internal methods (§10.4.5), `%TypedArray%` with `from`/`of`,
//! and the concrete constructors. The prototype methods are in
//! [`super::typed_array_proto`].
//!
//! A TypedArray is an object of kind `ObjectKind::TypedArray` holding a [`TypedArrayData`]:
//! its element type, its buffer object, its byte offset and its length (absent for
//! length-tracking views on resizable buffers). It never has entries in its `elements` store;
//! the hooks in `runtime::property` route every numeric key here.

use super::array_buffer::{self, bytes};
use super::set_intrinsic;
use crate::heap::Gc;
use crate::runtime::names::WellKnown;
use crate::runtime::object::{JsObject, ObjectKind};
use crate::runtime::property::{OwnProperty, PropertyDescriptor};
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

/// A TypedArray element type.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ElemType {
    /// Int8
    Int8,
    /// Uint8
    Uint8,
    /// Uint8Clamped
    Uint8C,
    /// Int16
    Int16,
    /// Uint16
    Uint16,
    /// Int32
    Int32,
    /// Uint32
    Uint32,
    /// Float16
    Float16,
    /// Float32
    Float32,
    /// Float64
    Float64,
}

/// Every element type, in constructor order.
pub const ALL_TYPES: [ElemType; 10] = [
    ElemType::Int8,
    ElemType::Uint8,
    ElemType::Uint8C,
    ElemType::Int16,
    ElemType::Uint16,
    ElemType::Int32,
    ElemType::Uint32,
    ElemType::Float16,
    ElemType::Float32,
    ElemType::Float64,
];

impl ElemType {
    /// The element size in bytes.
    pub fn size(self) -> usize {
        match self {
            ElemType::Int8 | ElemType::Uint8 | ElemType::Uint8C => 1,
            ElemType::Int16 | ElemType::Uint16 | ElemType::Float16 => 2,
            ElemType::Int32 | ElemType::Uint32 | ElemType::Float32 => 4,
            ElemType::Float64 => 8,
        }
    }
    /// The constructor name.
    pub fn name(self) -> &'static str {
        match self {
            ElemType::Int8 => "Int8Array",
            ElemType::Uint8 => "Uint8Array",
            ElemType::Uint8C => "Uint8ClampedArray",
            ElemType::Int16 => "Int16Array",
            ElemType::Uint16 => "Uint16Array",
            ElemType::Int32 => "Int32Array",
            ElemType::Uint32 => "Uint32Array",
            ElemType::Float16 => "Float16Array",
            ElemType::Float32 => "Float32Array",
            ElemType::Float64 => "Float64Array",
        }
    }
    /// The (constructor, prototype) intrinsics.
    pub fn intrinsics(self) -> (Intrinsic, Intrinsic) {
        match self {
            ElemType::Int8 => (Intrinsic::Int8Array, Intrinsic::Int8ArrayPrototype),
            ElemType::Uint8 => (Intrinsic::Uint8Array, Intrinsic::Uint8ArrayPrototype),
            ElemType::Uint8C => (Intrinsic::Uint8ClampedArray, Intrinsic::Uint8ClampedArrayPrototype),
            ElemType::Int16 => (Intrinsic::Int16Array, Intrinsic::Int16ArrayPrototype),
            ElemType::Uint16 => (Intrinsic::Uint16Array, Intrinsic::Uint16ArrayPrototype),
            ElemType::Int32 => (Intrinsic::Int32Array, Intrinsic::Int32ArrayPrototype),
            ElemType::Uint32 => (Intrinsic::Uint32Array, Intrinsic::Uint32ArrayPrototype),
            ElemType::Float16 => (Intrinsic::Float16Array, Intrinsic::Float16ArrayPrototype),
            ElemType::Float32 => (Intrinsic::Float32Array, Intrinsic::Float32ArrayPrototype),
            ElemType::Float64 => (Intrinsic::Float64Array, Intrinsic::Float64ArrayPrototype),
        }
    }
    /// Encodes a Number (already converted by ToNumber) as little-endian bytes into `out`.
    pub fn encode(self, n: f64, out: &mut [u8]) {
        match self {
            ElemType::Int8 | ElemType::Uint8 => out[0] = modulo_u32(n) as u8,
            ElemType::Uint8C => out[0] = clamp_u8(n),
            ElemType::Int16 | ElemType::Uint16 => out[..2].copy_from_slice(&(modulo_u32(n) as u16).to_le_bytes()),
            ElemType::Int32 | ElemType::Uint32 => out[..4].copy_from_slice(&modulo_u32(n).to_le_bytes()),
            ElemType::Float16 => out[..2].copy_from_slice(&f64_to_f16_bits(n).to_le_bytes()),
            ElemType::Float32 => out[..4].copy_from_slice(&(n as f32).to_le_bytes()),
            ElemType::Float64 => out[..8].copy_from_slice(&n.to_le_bytes()),
        }
    }
    /// Decodes little-endian bytes (at least `size()` of them) to a Number.
    pub fn decode(self, b: &[u8]) -> f64 {
        match self {
            ElemType::Int8 => b[0] as i8 as f64,
            ElemType::Uint8 | ElemType::Uint8C => b[0] as f64,
            ElemType::Int16 => i16::from_le_bytes([b[0], b[1]]) as f64,
            ElemType::Uint16 => u16::from_le_bytes([b[0], b[1]]) as f64,
            ElemType::Int32 => i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64,
            ElemType::Uint32 => u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64,
            ElemType::Float16 => f16_bits_to_f64(u16::from_le_bytes([b[0], b[1]])),
            ElemType::Float32 => f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64,
            ElemType::Float64 => f64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
        }
    }
}

/// The integer `n` modulo 2^32 (the common step of ToInt8 ... ToUint32).
fn modulo_u32(n: f64) -> u32 {
    if !n.is_finite() {
        return 0;
    }
    n.trunc().rem_euclid(4294967296.0) as u32
}

/// ToUint8Clamp (round half to even).
fn clamp_u8(n: f64) -> u8 {
    if n.is_nan() || n <= 0.0 {
        return 0;
    }
    if n >= 255.0 {
        return 255;
    }
    n.round_ties_even() as u8
}

/// The binary16 encoding of `n`, rounded once (to nearest, ties to even) from the double.
pub(crate) fn f64_to_f16_bits(n: f64) -> u16 {
    if n.is_nan() {
        return 0x7e00;
    }
    let r = super::math::f16round_impl(n);
    let sign: u16 = if r.is_sign_negative() { 0x8000 } else { 0 };
    let a = r.abs();
    if a.is_infinite() {
        return sign | 0x7c00;
    }
    if a == 0.0 {
        return sign;
    }
    if a < 2f64.powi(-14) {
        return sign | (a / 2f64.powi(-24)) as u16;
    }
    let bits = a.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32 - 1023;
    let mant = ((bits >> 42) & 0x3ff) as u16;
    sign | (((e + 15) as u16) << 10) | mant
}

/// The value of a binary16 encoding.
pub(crate) fn f16_bits_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    let v = match e {
        0 => m * 2f64.powi(-24),
        31 => {
            if m == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1024.0 + m) * 2f64.powi(e - 25),
    };
    sign * v
}

/// A TypedArray's internal slots.
#[derive(Copy, Clone)]
pub struct TypedArrayData {
    /// `[[TypedArrayName]]` / `[[ContentType]]`: the element type.
    pub ty: ElemType,
    /// `[[ViewedArrayBuffer]]`.
    pub buffer: Gc<JsObject>,
    /// `[[ByteOffset]]`.
    pub byte_offset: usize,
    /// `[[ArrayLength]]`; `None` for a length-tracking view (`auto`).
    pub length: Option<usize>,
}

impl TypedArrayData {
    /// TypedArrayLength of the view's current witness; `None` when out of bounds or detached
    /// (IsTypedArrayOutOfBounds).
    pub fn current_length(&self) -> Option<usize> {
        let buf = bytes(self.buffer)?;
        let len = buf.len();
        let size = self.ty.size();
        if self.byte_offset > len {
            return None;
        }
        match self.length {
            Some(l) => {
                let end = self.byte_offset.checked_add(l.checked_mul(size)?)?;
                (end <= len).then_some(l)
            }
            None => Some((len - self.byte_offset) / size),
        }
    }
    /// The current length, 0 when out of bounds.
    pub fn length_or_zero(&self) -> usize {
        self.current_length().unwrap_or(0)
    }
    /// Reads element `i` (TypedArrayGetElement for a valid index), `None` if not valid.
    pub fn get(&self, i: usize) -> Option<f64> {
        if i >= self.current_length()? {
            return None;
        }
        let size = self.ty.size();
        let at = self.byte_offset + i * size;
        let b = bytes(self.buffer)?.get(at..at + size)?;
        Some(self.ty.decode(b))
    }
    /// Writes element `i` if it is a valid index (the value is already a Number).
    pub fn set(&self, i: usize, n: f64) {
        let Some(len) = self.current_length() else { return };
        if i >= len {
            return;
        }
        let size = self.ty.size();
        let at = self.byte_offset + i * size;
        if let Some(b) = bytes(self.buffer).and_then(|v| v.get_mut(at..at + size)) {
            self.ty.encode(n, b);
        }
    }
}

/// The TypedArray slots of `o`, if it is a TypedArray.
#[inline]
pub(crate) fn ta_data(o: Gc<JsObject>) -> Option<TypedArrayData> {
    match &o.kind {
        ObjectKind::TypedArray(t) => Some(**t),
        _ => None,
    }
}

/// A TypedArray value's slots.
pub(crate) fn ta_of(v: Value) -> Option<TypedArrayData> {
    v.as_object().and_then(ta_data)
}

// ----- CanonicalNumericIndexString and the exotic internal methods -----

/// The numeric value of `key` if it is a CanonicalNumericIndexString (or an array index).
#[inline]
pub(crate) fn numeric_key(key: PropertyKey) -> Option<f64> {
    match key {
        PropertyKey::Index(i) => Some(i as f64),
        PropertyKey::Symbol(_) => None,
        PropertyKey::String(s) => crate::runtime::numconv::canonical_numeric_string(s.units()),
    }
}

/// IsValidIntegerIndex: the element index for `n`, if valid.
#[inline]
pub(crate) fn valid_index(t: &TypedArrayData, n: f64) -> Option<usize> {
    if n.fract() != 0.0 || n < 0.0 || (n == 0.0 && n.is_sign_negative()) || !n.is_finite() {
        return None;
    }
    let len = t.current_length()?;
    (n < len as f64).then_some(n as usize)
}

/// TypedArrayGetElement.
pub(crate) fn get_element(t: &TypedArrayData, n: f64) -> Value {
    match valid_index(t, n).and_then(|i| t.get(i)) {
        Some(x) => Value::from_f64(x),
        None => Value::UNDEFINED,
    }
}

/// TypedArraySetElement: ToNumber, then a write if the index is (still) valid.
pub(crate) fn set_element(rt: &mut Runtime, o: Gc<JsObject>, n: f64, v: Value) -> JsResult<()> {
    let num = rt.to_number(v)?;
    if let Some(t) = ta_data(o) {
        if let Some(i) = valid_index(&t, n) {
            t.set(i, num);
        }
    }
    Ok(())
}

/// Set(O, k, v, true) for a TypedArray `o` and an index `k`.
pub(crate) fn set_index(rt: &mut Runtime, o: Gc<JsObject>, k: usize, v: Value) -> JsResult<()> {
    set_element(rt, o, k as f64, v)
}

/// Get(O, k) for a TypedArray `o`.
pub(crate) fn get_index(o: Gc<JsObject>, k: usize) -> Value {
    match ta_data(o) {
        Some(t) => get_element(&t, k as f64),
        None => Value::UNDEFINED,
    }
}

/// [[GetOwnProperty]] for a numeric key.
pub(crate) fn own_element(o: Gc<JsObject>, n: f64) -> Option<OwnProperty> {
    let t = ta_data(o)?;
    let i = valid_index(&t, n)?;
    let v = t.get(i)?;
    Some(OwnProperty { value: Value::from_f64(v), attrs: WRITABLE | ENUMERABLE | CONFIGURABLE })
}

/// [[HasProperty]] for a numeric key.
pub(crate) fn has_element(o: Gc<JsObject>, n: f64) -> bool {
    ta_data(o).is_some_and(|t| valid_index(&t, n).is_some())
}

/// [[DefineOwnProperty]] for a numeric key.
pub(crate) fn define_element(rt: &mut Runtime, o: Gc<JsObject>, n: f64, desc: PropertyDescriptor) -> JsResult<bool> {
    if !has_element(o, n) {
        return Ok(false);
    }
    if desc.configurable == Some(false) || desc.enumerable == Some(false) || desc.is_accessor() || desc.writable == Some(false) {
        return Ok(false);
    }
    if let Some(v) = desc.value {
        set_element(rt, o, n, v)?;
    }
    Ok(true)
}

/// The integer-index keys of `o` (for [[OwnPropertyKeys]]).
pub(crate) fn index_keys(o: Gc<JsObject>) -> impl Iterator<Item = PropertyKey> {
    let len = ta_data(o).map_or(0, |t| t.length_or_zero()).min(u32::MAX as usize);
    (0..len as u32).map(PropertyKey::Index)
}

/// [[PreventExtensions]] precondition: is the view fixed-length (IsTypedArrayFixedLength)?
pub(crate) fn is_fixed_length(o: Gc<JsObject>) -> bool {
    match ta_data(o) {
        Some(t) => t.length.is_some() && array_buffer::is_fixed_length(t.buffer),
        None => true,
    }
}

// ----- creation -----

/// A new TypedArray object with the given slots.
pub(crate) fn new_typed_array(rt: &mut Runtime, proto: Gc<JsObject>, data: TypedArrayData) -> Gc<JsObject> {
    rt.new_object_with(Some(proto), ObjectKind::TypedArray(Box::new(data)))
}

/// A new fixed-length TypedArray of `ty` with a fresh zeroed buffer of `len` elements.
pub(crate) fn allocate_with_length(rt: &mut Runtime, ty: ElemType, proto: Gc<JsObject>, len: f64) -> JsResult<Gc<JsObject>> {
    let block = array_buffer::create_block(rt, len * ty.size() as f64)?;
    let buffer = array_buffer::new_buffer_with(rt, block);
    Ok(new_typed_array(rt, proto, TypedArrayData { ty, buffer, byte_offset: 0, length: Some(len as usize) }))
}

/// ValidateTypedArray: `v` as an in-bounds TypedArray, with its length.
pub(crate) fn validate(rt: &mut Runtime, v: Value) -> JsResult<(Gc<JsObject>, TypedArrayData, usize)> {
    let Some(o) = v.as_object() else { return Err(rt.type_error("this is not a typed array.")) };
    let Some(t) = ta_data(o) else { return Err(rt.type_error("this is not a typed array.")) };
    match t.current_length() {
        Some(len) => Ok((o, t, len)),
        None => Err(rt.type_error("Cannot perform this operation on an out-of-bounds or detached TypedArray")),
    }
}

/// TypedArrayCreateFromConstructor(constructor, args).
pub(crate) fn create_from_constructor(rt: &mut Runtime, c: Value, args: &[Value]) -> JsResult<Gc<JsObject>> {
    let v = rt.construct(c, args, None)?;
    rt.keep(v);
    let (o, _, len) = validate(rt, v)?;
    if let [n] = args {
        if let Some(n) = n.as_number() {
            if (len as f64) < n {
                return Err(rt.type_error("Derived TypedArray constructor created an array which was too small"));
            }
        }
    }
    Ok(o)
}

/// TypedArraySpeciesCreate(exemplar, args).
pub(crate) fn species_create(rt: &mut Runtime, exemplar: Gc<JsObject>, args: &[Value]) -> JsResult<Gc<JsObject>> {
    let ty = ta_data(exemplar).map_or(ElemType::Uint8, |t| t.ty);
    let default = Value::object(rt.intrinsic(ty.intrinsics().0));
    let c = super::promise::species_constructor(rt, Value::object(exemplar), default)?;
    create_from_constructor(rt, c, args)
}

/// TypedArrayCreateSameType(exemplar, args).
pub(crate) fn create_same_type(rt: &mut Runtime, exemplar: Gc<JsObject>, len: usize) -> JsResult<Gc<JsObject>> {
    let ty = ta_data(exemplar).map_or(ElemType::Uint8, |t| t.ty);
    let c = Value::object(rt.intrinsic(ty.intrinsics().0));
    create_from_constructor(rt, c, &[Value::from_f64(len as f64)])
}

// ----- installation -----

pub(crate) fn install(rt: &mut Runtime) {
    // %TypedArray% is not a global, so it is linked by hand rather than by `make_constructor`.
    let c = rt.new_native_function("TypedArray", 0, abstract_constructor, true);
    let tap = rt.intrinsic(Intrinsic::TypedArrayPrototype);
    let pk = PropertyKey::String(rt.names.prototype);
    rt.define_data(c, pk, Value::object(tap), 0);
    let ck = PropertyKey::String(rt.names.constructor);
    rt.define_data(tap, ck, Value::object(c), HIDDEN);
    set_intrinsic(rt, Intrinsic::TypedArray, c);
    let g = rt.global_object();
    rt.define_method(c, "from", 1, from);
    rt.define_method(c, "of", 0, of);
    let sk = PropertyKey::Symbol(rt.well_known(WellKnown::Species));
    rt.define_getter(c, sk, "get [Symbol.species]", return_this, None);
    super::typed_array_proto::install(rt);
    for ty in ALL_TYPES {
        let (ci, pi) = ty.intrinsics();
        let p = rt.new_object_with(Some(tap), ObjectKind::Ordinary);
        set_intrinsic(rt, pi, p);
        let cap: Box<[Value]> = Box::new([Value::int(ty as i32)]);
        let ctor = rt.new_native_function_with(ty.name(), 3, concrete_constructor, true, cap);
        rt.set_prototype_of(ctor, Some(c)).ok();
        let pk = PropertyKey::String(rt.names.prototype);
        rt.define_data(ctor, pk, Value::object(p), 0);
        let ck = PropertyKey::String(rt.names.constructor);
        rt.define_data(p, ck, Value::object(ctor), HIDDEN);
        let bk = rt.key("BYTES_PER_ELEMENT");
        let size = Value::int(ty.size() as i32);
        rt.define_data(ctor, bk, size, 0);
        rt.define_data(p, bk, size, 0);
        set_intrinsic(rt, ci, ctor);
        let gk = rt.key(ty.name());
        rt.define_data(g, gk, Value::object(ctor), HIDDEN);
    }
}

fn return_this(_rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(a.this)
}

fn abstract_constructor(rt: &mut Runtime, _a: &CallArgs) -> JsResult<Value> {
    Err(rt.type_error("Abstract class TypedArray not directly constructable"))
}

fn type_of_callee(a: &CallArgs) -> ElemType {
    let i = match &a.callee.kind {
        ObjectKind::Native(n) => n.captures.first().and_then(|v| v.as_int()).unwrap_or(0),
        _ => 0,
    };
    ALL_TYPES.get(i as usize).copied().unwrap_or(ElemType::Uint8)
}

/// The TypedArray constructors (§23.2.5.1).
fn concrete_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let ty = type_of_callee(a);
    if a.new_target.is_undefined() {
        return Err(rt.type_error(format!("Constructor {} requires 'new'", ty.name())));
    }
    let proto_i = ty.intrinsics().1;
    let first = a.arg(0);
    let Some(fo) = first.as_object() else {
        let len = array_buffer::to_index(rt, first)?;
        let proto = rt.get_prototype_from_constructor(a.new_target, proto_i)?;
        return Ok(Value::object(allocate_with_length(rt, ty, proto, len)?));
    };
    let proto = rt.get_prototype_from_constructor(a.new_target, proto_i)?;
    rt.keep(Value::object(proto));
    if let Some(src) = ta_data(fo) {
        // InitializeTypedArrayFromTypedArray.
        let Some(len) = src.current_length() else {
            return Err(rt.type_error("Cannot construct from an out-of-bounds or detached TypedArray"));
        };
        let o = allocate_with_length(rt, ty, proto, len as f64)?;
        let t = ta_data(o).expect("typed array");
        if src.ty == ty {
            let n = len * ty.size();
            let from: Vec<u8> =
                bytes(src.buffer).and_then(|b| b.get(src.byte_offset..src.byte_offset + n)).map(|s| s.to_vec()).unwrap_or_default();
            if let Some(dst) = bytes(t.buffer) {
                let m = from.len().min(dst.len());
                dst[..m].copy_from_slice(&from[..m]);
            }
        } else {
            for i in 0..len {
                if let Some(x) = src.get(i) {
                    t.set(i, x);
                }
            }
        }
        return Ok(Value::object(o));
    }
    if array_buffer::buffer_data(fo).is_some() {
        // InitializeTypedArrayFromArrayBuffer.
        let size = ty.size() as f64;
        let offset = array_buffer::to_index(rt, a.arg(1))?;
        if offset % size != 0.0 {
            return Err(rt.range_error(format!("start offset of {} should be a multiple of {}", ty.name(), size)));
        }
        let fixed = array_buffer::is_fixed_length(fo);
        let lv = a.arg(2);
        let new_length = if lv.is_undefined() { None } else { Some(array_buffer::to_index(rt, lv)?) };
        if array_buffer::is_detached(fo) {
            return Err(rt.type_error("Cannot construct a TypedArray on a detached ArrayBuffer"));
        }
        let buf_len = array_buffer::byte_length(fo) as f64;
        let length = match new_length {
            None if !fixed => {
                if offset > buf_len {
                    return Err(rt.range_error(format!("Start offset {offset} is outside the bounds of the buffer")));
                }
                None
            }
            None => {
                if buf_len % size != 0.0 {
                    return Err(rt.range_error(format!("byte length of {} should be a multiple of {}", ty.name(), size)));
                }
                let nbl = buf_len - offset;
                if nbl < 0.0 {
                    return Err(rt.range_error(format!("Start offset {offset} is outside the bounds of the buffer")));
                }
                Some((nbl / size) as usize)
            }
            Some(l) => {
                if offset + l * size > buf_len {
                    return Err(rt.range_error(format!("Invalid typed array length: {l}")));
                }
                Some(l as usize)
            }
        };
        let o = new_typed_array(rt, proto, TypedArrayData { ty, buffer: fo, byte_offset: offset as usize, length });
        return Ok(Value::object(o));
    }
    // An iterable or an array-like object.
    if let Some(values) = iterable_values(rt, first)? {
        let o = allocate_with_length(rt, ty, proto, values.len() as f64)?;
        rt.keep(Value::object(o));
        for (k, v) in values.into_iter().enumerate() {
            set_index(rt, o, k, v)?;
        }
        return Ok(Value::object(o));
    }
    let lk = PropertyKey::String(rt.names.length);
    let lv = rt.get(first, lk)?;
    let len = rt.to_length(lv)?;
    let o = allocate_with_length(rt, ty, proto, len)?;
    rt.keep(Value::object(o));
    for k in 0..len as usize {
        let v = rt.get(first, key_of(k))?;
        set_index(rt, o, k, v)?;
    }
    Ok(Value::object(o))
}

/// The values of `v`'s `@@iterator`, or `None` when it has none (then it is an array-like).
fn iterable_values(rt: &mut Runtime, v: Value) -> JsResult<Option<Vec<Value>>> {
    let ik = PropertyKey::Symbol(rt.well_known(WellKnown::Iterator));
    let method = rt.get(v, ik)?;
    if method.is_nullish() {
        return Ok(None);
    }
    if !rt.is_callable(method) {
        return Err(rt.type_error("Symbol.iterator is not a function"));
    }
    rt.iterator_method_to_list(v, method).map(Some)
}

/// The property key of index `k`.
pub(crate) fn key_of(k: usize) -> PropertyKey {
    PropertyKey::Index(k as u32)
}

/// `%TypedArray%.from`.
fn from(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let c = a.this;
    if !rt.is_constructor(c) {
        return Err(rt.type_error("TypedArray.from: this is not a constructor"));
    }
    let mapfn = a.arg(1);
    let this_arg = a.arg(2);
    let mapping = !mapfn.is_undefined();
    if mapping && !rt.is_callable(mapfn) {
        return Err(rt.type_error("TypedArray.from: mapFn is not callable"));
    }
    let source = a.arg(0);
    if let Some(values) = iterable_values(rt, source)? {
        let t = create_from_constructor(rt, c, &[Value::from_f64(values.len() as f64)])?;
        for (k, v) in values.into_iter().enumerate() {
            let mapped = if mapping { rt.call(mapfn, this_arg, &[v, Value::from_f64(k as f64)])? } else { v };
            rt.put(Value::object(t), key_of(k), mapped, true)?;
        }
        return Ok(Value::object(t));
    }
    let src = rt.to_object(source)?;
    rt.keep(Value::object(src));
    let lk = PropertyKey::String(rt.names.length);
    let lv = rt.get(Value::object(src), lk)?;
    let len = rt.to_length(lv)?;
    let t = create_from_constructor(rt, c, &[Value::from_f64(len)])?;
    for k in 0..len as usize {
        let v = rt.get(Value::object(src), key_of(k))?;
        let mapped = if mapping { rt.call(mapfn, this_arg, &[v, Value::from_f64(k as f64)])? } else { v };
        rt.put(Value::object(t), key_of(k), mapped, true)?;
    }
    Ok(Value::object(t))
}

/// `%TypedArray%.of`.
fn of(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let c = a.this;
    if !rt.is_constructor(c) {
        return Err(rt.type_error("TypedArray.of: this is not a constructor"));
    }
    let t = create_from_constructor(rt, c, &[Value::from_f64(a.args.len() as f64)])?;
    for (k, v) in a.args.iter().enumerate() {
        rt.put(Value::object(t), key_of(k), *v, true)?;
    }
    Ok(Value::object(t))
}

/// The length `%ArrayIteratorPrototype%.next` uses for a TypedArray (TypeError when out of
/// bounds or detached).
pub(crate) fn iteration_length(rt: &mut Runtime, o: Gc<JsObject>) -> JsResult<f64> {
    match ta_data(o).and_then(|t| t.current_length()) {
        Some(l) => Ok(l as f64),
        None => Err(rt.type_error("Cannot perform %ArrayIteratorPrototype%.next on an out-of-bounds or detached TypedArray")),
    }
}
