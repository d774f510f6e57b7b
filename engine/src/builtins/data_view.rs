//! `DataView` (ECMAScript 2025 §25.3): the constructor, the `buffer`/`byteLength`/`byteOffset`
//! accessors and the `get`/`set` methods for Int8 ... Float64 and Float16, with either byte
//! order, over fixed-length or length-tracking views.

use super::array_buffer::{self, buffer_data, bytes};
use super::typed_array::{ElemType, ALL_TYPES};
use super::{make_constructor, to_string_tag, BuiltinData};
use crate::heap::Gc;
use crate::runtime::object::{JsObject, NativeFn, ObjectKind};
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

/// A DataView's internal slots.
pub struct DataViewData {
    /// `[[ViewedArrayBuffer]]`.
    pub buffer: Gc<JsObject>,
    /// `[[ByteOffset]]`.
    pub byte_offset: usize,
    /// `[[ByteLength]]`; `None` for a length-tracking view (`auto`).
    pub byte_length: Option<usize>,
}

impl DataViewData {
    /// GetViewByteLength, or `None` when IsViewOutOfBounds.
    fn view_length(&self) -> Option<usize> {
        let len = bytes(self.buffer)?.len();
        if self.byte_offset > len {
            return None;
        }
        match self.byte_length {
            Some(l) => (self.byte_offset + l <= len).then_some(l),
            None => Some(len - self.byte_offset),
        }
    }
}

fn view_data(v: Value) -> Option<(Gc<JsObject>, usize, Option<usize>)> {
    let o = v.as_object()?;
    match &o.kind {
        ObjectKind::Builtin(b) => match &**b {
            BuiltinData::DataView(d) => Some((d.buffer, d.byte_offset, d.byte_length)),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn install(rt: &mut Runtime) {
    make_constructor(rt, "DataView", 1, constructor, Intrinsic::DataViewPrototype, Intrinsic::DataView);
    let p = rt.intrinsic(Intrinsic::DataViewPrototype);
    for (name, f) in [("buffer", get_buffer as NativeFn), ("byteLength", get_byte_length), ("byteOffset", get_byte_offset)] {
        let k = rt.key(name);
        rt.define_getter(p, k, &format!("get {name}"), f, None);
    }
    for ty in ALL_TYPES {
        if ty == ElemType::Uint8C {
            continue;
        }
        let base = ty.name().trim_end_matches("Array");
        let cap = || -> Box<[Value]> { Box::new([Value::int(ty as i32)]) };
        let gname = format!("get{base}");
        let g = rt.new_native_function_with(&gname, 1, get_value, false, cap());
        let gk = rt.key(&gname);
        rt.define_data(p, gk, Value::object(g), HIDDEN);
        let sname = format!("set{base}");
        let s = rt.new_native_function_with(&sname, 2, set_value, false, cap());
        let sk = rt.key(&sname);
        rt.define_data(p, sk, Value::object(s), HIDDEN);
    }
    to_string_tag(rt, p, "DataView");
}

fn constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if a.new_target.is_undefined() {
        return Err(rt.type_error("Constructor DataView requires 'new'"));
    }
    let Some(buffer) = a.arg(0).as_object().filter(|o| buffer_data(*o).is_some()) else {
        return Err(rt.type_error("First argument to DataView constructor must be an ArrayBuffer"));
    };
    let offset = array_buffer::to_index(rt, a.arg(1))?;
    if array_buffer::is_detached(buffer) {
        return Err(rt.type_error("Cannot construct a DataView on a detached ArrayBuffer"));
    }
    let buf_len = array_buffer::byte_length(buffer) as f64;
    if offset > buf_len {
        return Err(rt.range_error(format!("Start offset {offset} is outside the bounds of the buffer")));
    }
    let fixed = array_buffer::is_fixed_length(buffer);
    let bl = a.arg(2);
    let view_len = if bl.is_undefined() {
        if fixed {
            Some(buf_len - offset)
        } else {
            None
        }
    } else {
        let l = array_buffer::to_index(rt, bl)?;
        if offset + l > buf_len {
            return Err(rt.range_error(format!("Invalid DataView length {l}")));
        }
        Some(l)
    };
    let proto = rt.get_prototype_from_constructor(a.new_target, Intrinsic::DataViewPrototype)?;
    if array_buffer::is_detached(buffer) {
        return Err(rt.type_error("Cannot construct a DataView on a detached ArrayBuffer"));
    }
    let buf_len = array_buffer::byte_length(buffer) as f64;
    if offset > buf_len {
        return Err(rt.range_error(format!("Start offset {offset} is outside the bounds of the buffer")));
    }
    if !bl.is_undefined() {
        if let Some(l) = view_len {
            if offset + l > buf_len {
                return Err(rt.range_error(format!("Invalid DataView length {l}")));
            }
        }
    }
    let d = DataViewData { buffer, byte_offset: offset as usize, byte_length: view_len.map(|l| l as usize) };
    Ok(Value::object(rt.new_object_with(Some(proto), ObjectKind::Builtin(Box::new(BuiltinData::DataView(d))))))
}

fn this_view(rt: &mut Runtime, v: Value, what: &str) -> JsResult<DataViewData> {
    match view_data(v) {
        Some((buffer, byte_offset, byte_length)) => Ok(DataViewData { buffer, byte_offset, byte_length }),
        None => Err(rt.type_error(format!("Method DataView.prototype.{what} called on incompatible receiver"))),
    }
}

fn get_buffer(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let d = this_view(rt, a.this, "buffer")?;
    Ok(Value::object(d.buffer))
}

fn get_byte_length(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let d = this_view(rt, a.this, "byteLength")?;
    match d.view_length() {
        Some(l) => Ok(Value::from_f64(l as f64)),
        None => Err(rt.type_error("Cannot read byteLength of an out-of-bounds or detached DataView")),
    }
}

fn get_byte_offset(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let d = this_view(rt, a.this, "byteOffset")?;
    match d.view_length() {
        Some(_) => Ok(Value::from_f64(d.byte_offset as f64)),
        None => Err(rt.type_error("Cannot read byteOffset of an out-of-bounds or detached DataView")),
    }
}

fn type_of_callee(a: &CallArgs) -> ElemType {
    let i = match &a.callee.kind {
        ObjectKind::Native(n) => n.captures.first().and_then(|v| v.as_int()).unwrap_or(0),
        _ => 0,
    };
    ALL_TYPES.get(i as usize).copied().unwrap_or(ElemType::Uint8)
}

/// The byte index of an access of `size` bytes at `index` into the view, after the checks.
fn locate(rt: &mut Runtime, d: &DataViewData, index: f64, size: usize) -> JsResult<usize> {
    let Some(view_size) = d.view_length() else {
        return Err(rt.type_error("Cannot access an out-of-bounds or detached DataView"));
    };
    if index + size as f64 > view_size as f64 {
        return Err(rt.range_error("Offset is outside the bounds of the DataView"));
    }
    Ok(index as usize + d.byte_offset)
}

/// GetViewValue.
fn get_value(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let ty = type_of_callee(a);
    let d = this_view(rt, a.this, &format!("get{}", ty.name().trim_end_matches("Array")))?;
    let index = array_buffer::to_index(rt, a.arg(0))?;
    let little = rt.to_boolean(a.arg(1));
    let size = ty.size();
    let at = locate(rt, &d, index, size)?;
    let mut raw = [0u8; 8];
    if let Some(b) = bytes(d.buffer).and_then(|b| b.get(at..at + size)) {
        raw[..size].copy_from_slice(b);
    }
    if !little {
        raw[..size].reverse();
    }
    Ok(Value::from_f64(ty.decode(&raw[..size])))
}

/// SetViewValue.
fn set_value(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let ty = type_of_callee(a);
    let d = this_view(rt, a.this, &format!("set{}", ty.name().trim_end_matches("Array")))?;
    let index = array_buffer::to_index(rt, a.arg(0))?;
    let n = rt.to_number(a.arg(1))?;
    let little = rt.to_boolean(a.arg(2));
    let size = ty.size();
    let at = locate(rt, &d, index, size)?;
    let mut raw = [0u8; 8];
    ty.encode(n, &mut raw[..size]);
    if !little {
        raw[..size].reverse();
    }
    if let Some(b) = bytes(d.buffer).and_then(|b| b.get_mut(at..at + size)) {
        b.copy_from_slice(&raw[..size]);
    }
    Ok(Value::UNDEFINED)
}
