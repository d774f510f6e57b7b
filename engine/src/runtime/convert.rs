//! The spec's type conversions and comparisons (ECMA-262 §7.1, §7.2): ToPrimitive,
//! ToNumber, ToString, ToObject, ToPropertyKey, equality and relational comparison.
//! Built-ins and the interpreter share these; none is re-implemented elsewhere.

use super::names::WellKnown;
use super::numconv;
use super::object::ObjectKind;
use super::shape::PropertyKey;
use super::string::JsString;
use super::{Intrinsic, JsResult, Runtime};
use crate::heap::Gc;
use crate::runtime::object::JsObject;
use crate::value::Value;

/// ToPrimitive's hint.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Hint {
    /// No preference (`+`, `==`).
    Default,
    /// Prefer a number.
    Number,
    /// Prefer a string.
    String,
}

impl Runtime {
    /// ToBoolean.
    pub fn to_boolean(&self, v: Value) -> bool {
        if let Some(b) = v.as_bool() {
            return b;
        }
        if let Some(i) = v.as_int() {
            return i != 0;
        }
        if v.is_double() {
            let d = v.double_unchecked();
            return !(d == 0.0 || d.is_nan());
        }
        if let Some(s) = v.as_string() {
            return !s.is_empty();
        }
        !(v.is_nullish() || v.is_hole())
    }

    /// ToPrimitive.
    pub fn to_primitive(&mut self, v: Value, hint: Hint) -> JsResult<Value> {
        let Some(o) = v.as_object() else { return Ok(v) };
        let tp = PropertyKey::Symbol(self.well_known(WellKnown::ToPrimitive));
        let exotic = self.get(v, tp)?;
        if !exotic.is_nullish() {
            if !self.is_callable(exotic) {
                return Err(self.type_error("Symbol.toPrimitive is not a function"));
            }
            let h = match hint {
                Hint::Default => self.names.default,
                Hint::Number => self.names.number,
                Hint::String => self.names.string,
            };
            let r = self.call(exotic, v, &[Value::string(h)])?;
            if r.is_object() {
                return Err(self.type_error("Cannot convert object to primitive value"));
            }
            return Ok(r);
        }
        self.ordinary_to_primitive(o, if hint == Hint::String { Hint::String } else { Hint::Number })
    }

    /// OrdinaryToPrimitive(o, hint): `toString` then `valueOf` for [`Hint::String`], else
    /// `valueOf` then `toString`.
    pub fn ordinary_to_primitive(&mut self, o: Gc<JsObject>, hint: Hint) -> JsResult<Value> {
        let v = Value::object(o);
        let order =
            if hint == Hint::String { [self.names.to_string, self.names.value_of] } else { [self.names.value_of, self.names.to_string] };
        for name in order {
            let f = self.get_property(o, PropertyKey::String(name), v)?;
            if self.is_callable(f) {
                let r = self.call(f, v, &[])?;
                if !r.is_object() {
                    return Ok(r);
                }
            }
        }
        Err(self.type_error("Cannot convert object to primitive value"))
    }

    /// ToNumber.
    pub fn to_number(&mut self, v: Value) -> JsResult<f64> {
        if let Some(n) = v.as_number() {
            return Ok(n);
        }
        self.to_number_slow(v)
    }

    fn to_number_slow(&mut self, v: Value) -> JsResult<f64> {
        if v.is_undefined() {
            return Ok(f64::NAN);
        }
        if v.is_null() {
            return Ok(0.0);
        }
        if let Some(b) = v.as_bool() {
            return Ok(if b { 1.0 } else { 0.0 });
        }
        if let Some(s) = v.as_string() {
            return Ok(numconv::string_to_number(s.units()));
        }
        if v.is_symbol() {
            return Err(self.type_error("Cannot convert a Symbol value to a number"));
        }
        let p = self.to_primitive(v, Hint::Number)?;
        self.to_number(p)
    }

    /// ToNumeric (no BigInt: same as ToNumber, but returns a Value).
    pub fn to_numeric(&mut self, v: Value) -> JsResult<Value> {
        if v.is_number() {
            return Ok(v);
        }
        Ok(Value::number(self.to_number(v)?))
    }

    /// ToIntegerOrInfinity.
    pub fn to_integer_or_infinity(&mut self, v: Value) -> JsResult<f64> {
        if let Some(i) = v.as_int() {
            return Ok(i as f64);
        }
        let n = self.to_number(v)?;
        Ok(if n.is_nan() { 0.0 } else { n.trunc() + 0.0 })
    }

    /// ToInt32.
    pub fn to_int32(&mut self, v: Value) -> JsResult<i32> {
        if let Some(i) = v.as_int() {
            return Ok(i);
        }
        Ok(numconv::to_int32(self.to_number(v)?))
    }

    /// ToUint32.
    pub fn to_uint32(&mut self, v: Value) -> JsResult<u32> {
        if let Some(i) = v.as_int() {
            return Ok(i as u32);
        }
        Ok(numconv::to_uint32(self.to_number(v)?))
    }

    /// ToLength.
    pub fn to_length(&mut self, v: Value) -> JsResult<f64> {
        let n = self.to_integer_or_infinity(v)?;
        Ok(n.clamp(0.0, 9007199254740991.0))
    }

    /// Number::toString as a string value.
    pub fn number_to_string(&mut self, n: f64) -> Gc<JsString> {
        if n.fract() == 0.0 && (0.0..10.0).contains(&n) {
            let d = [b'0' as u16 + n as u16];
            return self.intern_units(&d);
        }
        let s = numconv::number_to_string(n);
        let u: Vec<u16> = s.encode_utf16().collect();
        match self.new_string(u).as_string() {
            Some(s) => s,
            None => self.empty_string,
        }
    }

    /// ToString.
    pub fn to_string(&mut self, v: Value) -> JsResult<Gc<JsString>> {
        if let Some(s) = v.as_string() {
            return Ok(s);
        }
        if let Some(i) = v.as_int() {
            if (0..10).contains(&i) {
                let d = [b'0' as u16 + i as u16];
                return Ok(self.intern_units(&d));
            }
            let u: Vec<u16> = i.to_string().encode_utf16().collect();
            return Ok(self.new_string(u).as_string().expect("string"));
        }
        if v.is_double() {
            return Ok(self.number_to_string(v.double_unchecked()));
        }
        if v.is_undefined() {
            return Ok(self.names.undefined);
        }
        if v.is_null() {
            return Ok(self.names.null);
        }
        if let Some(b) = v.as_bool() {
            return Ok(self.intern(if b { "true" } else { "false" }));
        }
        if v.is_symbol() {
            return Err(self.type_error("Cannot convert a Symbol value to a string"));
        }
        let p = self.to_primitive(v, Hint::String)?;
        self.to_string(p)
    }

    /// ToString into Rust text (lossy for lone surrogates).
    pub fn to_rust_string(&mut self, v: Value) -> JsResult<String> {
        Ok(self.to_string(v)?.to_rust_string())
    }

    /// ToObject.
    pub fn to_object(&mut self, v: Value) -> JsResult<Gc<JsObject>> {
        if let Some(o) = v.as_object() {
            return Ok(o);
        }
        if v.is_nullish() {
            return Err(self.type_error(format!("Cannot convert {} to object", if v.is_null() { "null" } else { "undefined" })));
        }
        Ok(self.wrap_primitive(v))
    }

    /// A wrapper object for a primitive.
    pub(crate) fn wrap_primitive(&mut self, v: Value) -> Gc<JsObject> {
        let (proto, kind) = if let Some(b) = v.as_bool() {
            (Intrinsic::BooleanPrototype, ObjectKind::Boolean(b))
        } else if let Some(n) = v.as_number() {
            (Intrinsic::NumberPrototype, ObjectKind::Number(n))
        } else if let Some(s) = v.as_string() {
            (Intrinsic::StringPrototype, ObjectKind::String(s))
        } else if let Some(s) = v.as_symbol() {
            (Intrinsic::SymbolPrototype, ObjectKind::Symbol(s))
        } else {
            (Intrinsic::ObjectPrototype, ObjectKind::Ordinary)
        };
        let p = self.intrinsic(proto);
        let o = self.new_object_with(Some(p), kind);
        if let Some(s) = v.as_string() {
            let k = PropertyKey::String(self.names.length);
            self.define_data(o, k, Value::int(s.len() as i32), 0);
        }
        o
    }

    /// The prototype used for property lookups on a primitive.
    pub(crate) fn primitive_proto(&self, v: Value) -> Option<Gc<JsObject>> {
        let i = if v.is_number() {
            Intrinsic::NumberPrototype
        } else if v.is_string() {
            Intrinsic::StringPrototype
        } else if v.is_bool() {
            Intrinsic::BooleanPrototype
        } else if v.is_symbol() {
            Intrinsic::SymbolPrototype
        } else {
            return None;
        };
        Some(self.intrinsic(i))
    }

    /// ToPropertyKey.
    pub fn to_property_key(&mut self, v: Value) -> JsResult<PropertyKey> {
        if let Some(i) = v.as_int() {
            if i >= 0 {
                return Ok(PropertyKey::Index(i as u32));
            }
        }
        if let Some(s) = v.as_string() {
            if s.is_interned() {
                if let Some(i) = s.as_array_index() {
                    return Ok(PropertyKey::Index(i));
                }
                return Ok(PropertyKey::String(s));
            }
            let u = s.units().to_vec();
            return Ok(self.key_units(&u));
        }
        if let Some(s) = v.as_symbol() {
            return Ok(PropertyKey::Symbol(s));
        }
        if v.is_double() {
            let d = v.double_unchecked();
            if (0.0..4294967295.0).contains(&d) && d.fract() == 0.0 {
                return Ok(PropertyKey::Index(d as u32));
            }
        }
        let p = self.to_primitive(v, Hint::String)?;
        if let Some(s) = p.as_symbol() {
            return Ok(PropertyKey::Symbol(s));
        }
        let s = self.to_string(p)?;
        let u = s.units().to_vec();
        Ok(self.key_units(&u))
    }

    /// A property key as a value (for reflection).
    pub fn key_to_value(&mut self, k: PropertyKey) -> Value {
        match k {
            PropertyKey::String(s) => Value::string(s),
            PropertyKey::Symbol(s) => Value::symbol(s),
            PropertyKey::Index(i) => {
                let u: Vec<u16> = i.to_string().encode_utf16().collect();
                Value::string(self.intern_units(&u))
            }
        }
    }

    /// `typeof`.
    pub fn type_of(&self, v: Value) -> Gc<JsString> {
        let n = &self.names;
        if v.is_number() {
            n.number
        } else if v.is_string() {
            n.string
        } else if v.is_undefined() || v.is_hole() {
            n.undefined
        } else if v.is_null() {
            n.object
        } else if v.is_bool() {
            n.boolean
        } else if v.is_symbol() {
            n.symbol
        } else if self.is_callable(v) {
            n.function
        } else {
            n.object
        }
    }

    /// IsCallable.
    #[inline]
    pub fn is_callable(&self, v: Value) -> bool {
        v.as_object().is_some_and(|o| o.is_callable())
    }

    /// IsConstructor.
    pub fn is_constructor(&self, v: Value) -> bool {
        let Some(o) = v.as_object() else { return false };
        match &o.kind {
            ObjectKind::Closure(c) => {
                use crate::bytecode::code::CodeKind::*;
                matches!(c.code.block.kind, Normal | ClassConstructor | DerivedConstructor)
            }
            ObjectKind::Native(n) => n.constructor,
            ObjectKind::Bound(b) => self.is_constructor(Value::object(b.target)),
            _ => false,
        }
    }

    /// IsArray.
    pub fn is_array(&self, v: Value) -> bool {
        v.as_object().is_some_and(|o| o.is_array())
    }

    /// IsStrictlyEqual (`===`).
    pub fn strict_equals(&self, a: Value, b: Value) -> bool {
        if let (Some(x), Some(y)) = (a.as_number(), b.as_number()) {
            return x == y;
        }
        if let (Some(x), Some(y)) = (a.as_string(), b.as_string()) {
            return string::same_contents(x, y);
        }
        a == b
    }

    /// SameValue (`Object.is`).
    pub fn same_value(&self, a: Value, b: Value) -> bool {
        if let (Some(x), Some(y)) = (a.as_number(), b.as_number()) {
            if x.is_nan() && y.is_nan() {
                return true;
            }
            return x == y && x.is_sign_negative() == y.is_sign_negative();
        }
        self.strict_equals(a, b)
    }

    /// SameValueZero.
    pub fn same_value_zero(&self, a: Value, b: Value) -> bool {
        if let (Some(x), Some(y)) = (a.as_number(), b.as_number()) {
            return x == y || (x.is_nan() && y.is_nan());
        }
        self.strict_equals(a, b)
    }

    /// IsLooselyEqual (`==`).
    pub fn loose_equals(&mut self, a: Value, b: Value) -> JsResult<bool> {
        let (mut a, mut b) = (a, b);
        loop {
            if a.is_number() && b.is_number() || a.is_string() && b.is_string() {
                return Ok(self.strict_equals(a, b));
            }
            if a.is_nullish() && b.is_nullish() {
                return Ok(true);
            }
            if a.is_nullish() || b.is_nullish() {
                return Ok(false);
            }
            if a.is_object() && b.is_object() || a.is_bool() && b.is_bool() || a.is_symbol() && b.is_symbol() {
                return Ok(a == b);
            }
            if a.is_number() && b.is_string() {
                b = Value::number(self.to_number(b)?);
                continue;
            }
            if a.is_string() && b.is_number() {
                a = Value::number(self.to_number(a)?);
                continue;
            }
            if a.is_bool() {
                a = Value::number(self.to_number(a)?);
                continue;
            }
            if b.is_bool() {
                b = Value::number(self.to_number(b)?);
                continue;
            }
            // A conversion may run JavaScript (and collect): the other operand may be a
            // fresh string from an earlier round.
            if b.is_object() && !a.is_object() {
                b = self.with_kept(a, |rt| rt.to_primitive(b, Hint::Default))?;
                continue;
            }
            if a.is_object() && !b.is_object() {
                a = self.with_kept(b, |rt| rt.to_primitive(a, Hint::Default))?;
                continue;
            }
            return Ok(false);
        }
    }

    /// IsLessThan: `Some(true)` if a < b, `None` if undefined (NaN involved).
    pub fn less_than(&mut self, a: Value, b: Value, left_first: bool) -> JsResult<Option<bool>> {
        // The second conversion may run JavaScript (and collect): the first result is kept.
        let (pa, pb) = if left_first {
            let pa = self.to_primitive(a, Hint::Number)?;
            let pb = self.with_kept(pa, |rt| rt.to_primitive(b, Hint::Number))?;
            (pa, pb)
        } else {
            let pb = self.to_primitive(b, Hint::Number)?;
            let pa = self.with_kept(pb, |rt| rt.to_primitive(a, Hint::Number))?;
            (pa, pb)
        };
        if let (Some(x), Some(y)) = (pa.as_string(), pb.as_string()) {
            return Ok(Some(x.units() < y.units()));
        }
        let x = self.to_number(pa)?;
        let y = self.to_number(pb)?;
        if x.is_nan() || y.is_nan() {
            return Ok(None);
        }
        Ok(Some(x < y))
    }
}

use super::string;
