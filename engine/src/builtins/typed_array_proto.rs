//! `%TypedArray%.prototype` (ECMAScript 2025 §23.2.3): the accessors and every method.
//!
//! Methods revalidate the view where the spec does (user callbacks and coercions may detach
//! or resize the buffer); element reads and writes go through [`TypedArrayData::get`] and
//! [`TypedArrayData::set`], which are bounds-checked against the buffer's current length.

use super::indexed::{self, relative, require_callable, require_comparator, Indexed};
use super::typed_array::*;
use crate::heap::Gc;
use crate::runtime::names::WellKnown;
use crate::runtime::object::{JsObject, NativeFn};
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;
use std::cmp::Ordering;

pub(crate) fn install(rt: &mut Runtime) {
    let p = rt.intrinsic(Intrinsic::TypedArrayPrototype);
    for (name, f) in
        [("buffer", get_buffer as NativeFn), ("byteLength", get_byte_length), ("byteOffset", get_byte_offset), ("length", get_length)]
    {
        let k = rt.key(name);
        rt.define_getter(p, k, &format!("get {name}"), f, None);
    }
    let tk = PropertyKey::Symbol(rt.well_known(WellKnown::ToStringTag));
    rt.define_getter(p, tk, "get [Symbol.toStringTag]", get_to_string_tag, None);
    let methods: [(&str, u32, NativeFn); 29] = [
        ("at", 1, indexed::at::<TypedView>),
        ("copyWithin", 2, copy_within),
        ("entries", 0, indexed::entries::<TypedView>),
        ("every", 1, indexed::every::<TypedView>),
        ("fill", 1, fill),
        ("filter", 1, filter),
        ("find", 1, indexed::find::<TypedView>),
        ("findIndex", 1, indexed::find_index::<TypedView>),
        ("findLast", 1, indexed::find_last::<TypedView>),
        ("findLastIndex", 1, indexed::find_last_index::<TypedView>),
        ("forEach", 1, indexed::for_each::<TypedView>),
        ("includes", 1, indexed::includes::<TypedView>),
        ("indexOf", 1, indexed::index_of::<TypedView>),
        ("join", 1, indexed::join::<TypedView>),
        ("keys", 0, indexed::keys::<TypedView>),
        ("lastIndexOf", 1, indexed::last_index_of::<TypedView>),
        ("map", 1, map),
        ("reduce", 1, indexed::reduce::<TypedView>),
        ("reduceRight", 1, indexed::reduce_right::<TypedView>),
        ("reverse", 0, reverse),
        ("set", 1, set),
        ("slice", 2, slice),
        ("some", 1, indexed::some::<TypedView>),
        ("sort", 1, sort),
        ("subarray", 2, subarray),
        ("toLocaleString", 0, indexed::to_locale_string::<TypedView>),
        ("toReversed", 0, to_reversed),
        ("toSorted", 1, to_sorted),
        ("with", 2, with),
    ];
    for (name, len, f) in methods {
        rt.define_method(p, name, len, f);
    }
    let values_fn = rt.define_method(p, "values", 0, indexed::values::<TypedView>);
    let ik = PropertyKey::Symbol(rt.well_known(WellKnown::Iterator));
    rt.define_data(p, ik, Value::object(values_fn), HIDDEN);
    // toString is the same function object as Array.prototype.toString.
    let ap = rt.intrinsic(Intrinsic::ArrayPrototype);
    let sk = PropertyKey::String(rt.names.to_string);
    if let Some(ts) = rt.get_own_property(ap, sk) {
        rt.define_data(p, sk, ts.value, HIDDEN);
    }
}

// ----- accessors -----

fn this_ta(rt: &mut Runtime, a: &CallArgs, what: &str) -> JsResult<(Gc<JsObject>, TypedArrayData)> {
    match a.this.as_object().and_then(|o| ta_data(o).map(|t| (o, t))) {
        Some(x) => Ok(x),
        None => Err(rt.type_error(format!("Method %TypedArray%.prototype.{what} called on incompatible receiver"))),
    }
}

fn get_buffer(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (_, t) = this_ta(rt, a, "buffer")?;
    Ok(Value::object(t.buffer))
}

fn get_byte_length(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (_, t) = this_ta(rt, a, "byteLength")?;
    Ok(Value::from_f64((t.length_or_zero() * t.ty.size()) as f64))
}

fn get_byte_offset(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (_, t) = this_ta(rt, a, "byteOffset")?;
    Ok(Value::from_f64(if t.current_length().is_some() { t.byte_offset as f64 } else { 0.0 }))
}

fn get_length(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (_, t) = this_ta(rt, a, "length")?;
    Ok(Value::from_f64(t.length_or_zero() as f64))
}

fn get_to_string_tag(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    match ta_of(a.this) {
        Some(t) => Ok(rt.str(t.ty.name())),
        None => Ok(Value::UNDEFINED),
    }
}

// ----- helpers -----

/// A TypedArray receiver of the shared algorithms ([`indexed`]): every index in bounds holds
/// an element, read with TypedArrayGetElement against the buffer's current length.
#[derive(Clone, Copy)]
pub(super) struct TypedView(Gc<JsObject>);

impl Indexed for TypedView {
    const HOLES: bool = false;

    fn receiver(rt: &mut Runtime, this: Value) -> JsResult<(Self, f64)> {
        let (o, _, len) = validate(rt, this)?;
        Ok((TypedView(o), len as f64))
    }

    fn iteration_target(rt: &mut Runtime, this: Value) -> JsResult<Gc<JsObject>> {
        Ok(validate(rt, this)?.0)
    }

    fn object(self) -> Gc<JsObject> {
        self.0
    }

    fn has(self, _rt: &mut Runtime, k: f64) -> JsResult<bool> {
        Ok(ta_data(self.0).is_some_and(|t| valid_index(&t, k).is_some()))
    }

    fn get(self, _rt: &mut Runtime, k: f64) -> JsResult<Value> {
        Ok(ta_data(self.0).map_or(Value::UNDEFINED, |t| get_element(&t, k)))
    }
}

fn num(n: usize) -> Value {
    Value::from_f64(n as f64)
}

// ----- methods -----

fn copy_within(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (o, _, len) = validate(rt, a.this)?;
    let lenf = len as f64;
    let rt_ = rt.to_integer_or_infinity(a.arg(0))?;
    let to = relative(rt_, lenf);
    let rs = rt.to_integer_or_infinity(a.arg(1))?;
    let from = relative(rs, lenf);
    let e = a.arg(2);
    let re = if e.is_undefined() { lenf } else { rt.to_integer_or_infinity(e)? };
    let fin = relative(re, lenf);
    let count = (fin - from).min(lenf - to);
    if count > 0.0 {
        let (_, t, len) = validate(rt, a.this)?;
        let size = t.ty.size();
        let off = t.byte_offset;
        let limit = len * size + off;
        let to_b = to as usize * size + off;
        let from_b = from as usize * size + off;
        let count_b = count as usize * size;
        if let Some(buf) = super::array_buffer::bytes(t.buffer) {
            if from_b < to_b && to_b < from_b + count_b {
                // Backwards: the spec stops at once if the last byte is past the limit.
                if to_b + count_b <= limit && to_b + count_b <= buf.len() {
                    buf.copy_within(from_b..from_b + count_b, to_b);
                }
            } else {
                let n = count_b.min(limit.saturating_sub(from_b)).min(limit.saturating_sub(to_b));
                let n = n.min(buf.len().saturating_sub(from_b)).min(buf.len().saturating_sub(to_b));
                if n > 0 {
                    buf.copy_within(from_b..from_b + n, to_b);
                }
            }
        }
    }
    Ok(Value::object(o))
}

fn fill(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (o, _, len) = validate(rt, a.this)?;
    let lenf = len as f64;
    let value = rt.to_number(a.arg(0))?;
    let rs = rt.to_integer_or_infinity(a.arg(1))?;
    let start = relative(rs, lenf);
    let e = a.arg(2);
    let re = if e.is_undefined() { lenf } else { rt.to_integer_or_infinity(e)? };
    let end = relative(re, lenf);
    let (_, t, len) = validate(rt, a.this)?;
    let end = end.min(len as f64);
    let mut k = start as usize;
    while (k as f64) < end {
        t.set(k, value);
        k += 1;
    }
    Ok(Value::object(o))
}

fn filter(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (c, len) = TypedView::receiver(rt, a.this)?;
    let cb = require_callable(rt, a.arg(0))?;
    let mut kept = Vec::new();
    indexed::each_callback(rt, c, len, cb, a.arg(1), |rt, _, v, r| {
        if rt.to_boolean(r) {
            kept.push(v);
        }
        Ok(false)
    })?;
    let r = species_create(rt, c.0, &[num(kept.len())])?;
    for (n, v) in kept.into_iter().enumerate() {
        rt.put(Value::object(r), key_of(n), v, true)?;
    }
    Ok(Value::object(r))
}

fn map(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (c, len) = TypedView::receiver(rt, a.this)?;
    let cb = require_callable(rt, a.arg(0))?;
    let r = species_create(rt, c.0, &[indexed::num(len)])?;
    indexed::each_callback(rt, c, len, cb, a.arg(1), |rt, k, _, m| rt.put(Value::object(r), key_of(k as usize), m, true).map(|_| false))?;
    Ok(Value::object(r))
}

fn reverse(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (o, t, len) = validate(rt, a.this)?;
    let size = t.ty.size();
    if let Some(buf) = super::array_buffer::bytes(t.buffer) {
        if let Some(s) = buf.get_mut(t.byte_offset..t.byte_offset + len * size) {
            let (mut lo, mut hi) = (0usize, len);
            while lo + 1 < hi {
                hi -= 1;
                for b in 0..size {
                    s.swap(lo * size + b, hi * size + b);
                }
                lo += 1;
            }
        }
    }
    Ok(Value::object(o))
}

fn set(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (target, _) = this_ta(rt, a, "set")?;
    let off = rt.to_integer_or_infinity(a.arg(1))?;
    if off < 0.0 {
        return Err(rt.range_error("offset is out of bounds"));
    }
    let source = a.arg(0);
    let Some(tt) = ta_data(target) else { unreachable!() };
    let Some(target_len) = tt.current_length() else {
        return Err(rt.type_error("Cannot perform %TypedArray%.prototype.set on an out-of-bounds or detached TypedArray"));
    };
    if let Some(st) = ta_of(source) {
        // SetTypedArrayFromTypedArray.
        let Some(src_len) = st.current_length() else {
            return Err(rt.type_error("Cannot perform %TypedArray%.prototype.set from an out-of-bounds or detached TypedArray"));
        };
        if off == f64::INFINITY || src_len as f64 + off > target_len as f64 {
            return Err(rt.range_error("offset is out of bounds"));
        }
        let off = off as usize;
        if st.ty == tt.ty {
            let size = st.ty.size();
            let from: Vec<u8> = super::array_buffer::bytes(st.buffer)
                .and_then(|b| b.get(st.byte_offset..st.byte_offset + src_len * size))
                .map(|s| s.to_vec())
                .unwrap_or_default();
            let at = tt.byte_offset + off * size;
            if let Some(dst) = super::array_buffer::bytes(tt.buffer).and_then(|b| b.get_mut(at..at + from.len())) {
                dst.copy_from_slice(&from);
            }
        } else {
            let vals: Vec<f64> = (0..src_len).map(|i| st.get(i).unwrap_or(0.0)).collect();
            for (i, x) in vals.into_iter().enumerate() {
                tt.set(off + i, x);
            }
        }
        return Ok(Value::UNDEFINED);
    }
    // SetTypedArrayFromArrayLike.
    let src = rt.to_object(source)?;
    rt.keep(Value::object(src));
    let lk = PropertyKey::String(rt.names.length);
    let lv = rt.get(Value::object(src), lk)?;
    let src_len = rt.to_length(lv)?;
    if off == f64::INFINITY || src_len + off > target_len as f64 {
        return Err(rt.range_error("offset is out of bounds"));
    }
    let off = off as usize;
    for k in 0..src_len as usize {
        let v = rt.get(Value::object(src), key_of(k))?;
        set_element(rt, target, (off + k) as f64, v)?;
    }
    Ok(Value::UNDEFINED)
}

fn slice(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (o, _, len) = validate(rt, a.this)?;
    let lenf = len as f64;
    let rs = rt.to_integer_or_infinity(a.arg(0))?;
    let start = relative(rs, lenf);
    let e = a.arg(1);
    let re = if e.is_undefined() { lenf } else { rt.to_integer_or_infinity(e)? };
    let mut end = relative(re, lenf);
    let count = (end - start).max(0.0);
    let r = species_create(rt, o, &[Value::from_f64(count)])?;
    if count > 0.0 {
        let (_, t, len) = validate(rt, a.this)?;
        end = end.min(len as f64);
        let count = (end - start).max(0.0) as usize;
        let start = start as usize;
        let rt_data = ta_data(r).expect("typed array");
        if t.ty == rt_data.ty {
            let size = t.ty.size();
            let src_i = t.byte_offset + start * size;
            let dst_i = rt_data.byte_offset;
            let n = count * size;
            if t.buffer == rt_data.buffer {
                if let Some(b) = super::array_buffer::bytes(t.buffer) {
                    // Byte by byte, ascending, as the spec does (the ranges may overlap).
                    for j in 0..n {
                        match (b.get(src_i + j).copied(), dst_i + j < b.len()) {
                            (Some(x), true) => b[dst_i + j] = x,
                            _ => break,
                        }
                    }
                }
            } else {
                let from: Vec<u8> =
                    super::array_buffer::bytes(t.buffer).and_then(|b| b.get(src_i..src_i + n)).map(|s| s.to_vec()).unwrap_or_default();
                if let Some(dst) = super::array_buffer::bytes(rt_data.buffer) {
                    let m = from.len().min(dst.len().saturating_sub(dst_i));
                    dst[dst_i..dst_i + m].copy_from_slice(&from[..m]);
                }
            }
        } else {
            for (n, k) in (start..start + count).enumerate() {
                let v = get_index(o, k);
                set_index(rt, r, n, v)?;
            }
        }
    }
    Ok(Value::object(r))
}

/// SortCompare for TypedArrays: `comparefn` (ToNumber of its result, NaN as +0) or numeric
/// order with -0 before +0 and NaN last.
fn compare(rt: &mut Runtime, cmp: Value, x: Value, y: Value) -> JsResult<Ordering> {
    if !cmp.is_undefined() {
        let r = rt.call(cmp, Value::UNDEFINED, &[x, y])?;
        let v = rt.to_number(r)?;
        return Ok(if v < 0.0 {
            Ordering::Less
        } else if v > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Equal
        });
    }
    let (a, b) = (x.as_number().unwrap_or(f64::NAN), y.as_number().unwrap_or(f64::NAN));
    Ok(match (a.is_nan(), b.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ => {
            if a < b {
                Ordering::Less
            } else if a > b {
                Ordering::Greater
            } else if a == 0.0 && b == 0.0 {
                b.is_sign_negative().cmp(&a.is_sign_negative())
            } else {
                Ordering::Equal
            }
        }
    })
}

fn sort_values(rt: &mut Runtime, o: Gc<JsObject>, len: usize, cmp: Value) -> JsResult<Vec<Value>> {
    let items: Vec<Value> = (0..len).map(|k| get_index(o, k)).collect();
    if cmp.is_undefined() {
        let mut items = items;
        items.sort_by(|x, y| {
            let (a, b) = (x.as_number().unwrap_or(f64::NAN), y.as_number().unwrap_or(f64::NAN));
            match (a.is_nan(), b.is_nan()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                _ => a.partial_cmp(&b).unwrap_or(Ordering::Equal).then(b.is_sign_negative().cmp(&a.is_sign_negative())),
            }
        });
        return Ok(items);
    }
    let mut items = items;
    indexed::merge_sort(rt, &mut items, &mut |rt, x, y| Ok(compare(rt, cmp, x, y)? == Ordering::Greater))?;
    Ok(items)
}

fn sort(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let cmp = a.arg(0);
    require_comparator(rt, cmp)?;
    let (o, _, len) = validate(rt, a.this)?;
    let sorted = sort_values(rt, o, len, cmp)?;
    for (j, v) in sorted.into_iter().enumerate() {
        set_index(rt, o, j, v)?;
    }
    Ok(Value::object(o))
}

fn to_sorted(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let cmp = a.arg(0);
    require_comparator(rt, cmp)?;
    let (o, _, len) = validate(rt, a.this)?;
    let r = create_same_type(rt, o, len)?;
    let sorted = sort_values(rt, o, len, cmp)?;
    for (j, v) in sorted.into_iter().enumerate() {
        set_index(rt, r, j, v)?;
    }
    Ok(Value::object(r))
}

fn subarray(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (o, t) = this_ta(rt, a, "subarray")?;
    let src_len = t.length_or_zero() as f64;
    let rs = rt.to_integer_or_infinity(a.arg(0))?;
    let start = relative(rs, src_len);
    let size = t.ty.size() as f64;
    let begin = t.byte_offset as f64 + start * size;
    let e = a.arg(1);
    let buf = Value::object(t.buffer);
    let args: Vec<Value> = if t.length.is_none() && e.is_undefined() {
        vec![buf, Value::from_f64(begin)]
    } else {
        let re = if e.is_undefined() { src_len } else { rt.to_integer_or_infinity(e)? };
        let end = relative(re, src_len);
        let new_len = (end - start).max(0.0);
        vec![buf, Value::from_f64(begin), Value::from_f64(new_len)]
    };
    Ok(Value::object(species_create(rt, o, &args)?))
}

fn to_reversed(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (o, _, len) = validate(rt, a.this)?;
    let r = create_same_type(rt, o, len)?;
    for k in 0..len {
        let v = get_index(o, len - 1 - k);
        set_index(rt, r, k, v)?;
    }
    Ok(Value::object(r))
}

fn with(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (o, _, len) = validate(rt, a.this)?;
    let rel = rt.to_integer_or_infinity(a.arg(0))?;
    let actual = if rel >= 0.0 { rel } else { len as f64 + rel };
    let value = rt.to_number(a.arg(1))?;
    let t = ta_data(o).expect("typed array");
    if valid_index(&t, actual).is_none() {
        return Err(rt.range_error("Invalid typed array index"));
    }
    let r = create_same_type(rt, o, len)?;
    for k in 0..len {
        let v = if k as f64 == actual { Value::number(value) } else { get_index(o, k) };
        set_index(rt, r, k, v)?;
    }
    Ok(Value::object(r))
}
