//! Conversions between Rust and JavaScript values.
//!
//! [`FromJs`] reads a JavaScript value as Rust data and [`IntoJs`] makes one. They are
//! strict: a `f64` must be a number, an `i32` an integral number in range, a `String` a string
//! (no implicit coercion); a mismatch is a `TypeError`, never a panic.
//!
//! | Rust | JavaScript |
//! |------|------------|
//! | `f64`, `f32`, integers | number |
//! | `bool` | boolean |
//! | `String` (`&str` into JS only) | string |
//! | `Option<T>` | `undefined`/`null` or `T` |
//! | `Vec<T>`, tuples | array |
//! | `HashMap<String, T>` | object (own enumerable string keys) |
//! | `()` | `undefined` |
//! | [`Value`] | any value (valid until the next call into JavaScript) |
//! | [`Persistent`] | any value, kept alive |
//! | a struct | an object, with [`crate::js_object!`] or a manual impl |
//!
//! A manual impl for a struct:
//!
//! ```
//! use jolt::{FromJs, IntoJs, JsResult, Runtime, Value};
//! struct Point { x: f64, y: f64 }
//! impl FromJs for Point {
//!     fn from_js(rt: &mut Runtime, v: Value) -> JsResult<Self> {
//!         Ok(Point { x: jolt::api::convert::field(rt, v, "x")?, y: jolt::api::convert::field(rt, v, "y")? })
//!     }
//! }
//! impl IntoJs for Point {
//!     fn into_js(self, rt: &mut Runtime) -> JsResult<Value> {
//!         let (x, y) = (self.x.into_js(rt)?, self.y.into_js(rt)?);
//!         jolt::api::convert::object(rt, [("x", x), ("y", y)])
//!     }
//! }
//! let mut rt = Runtime::new();
//! rt.set_global("p", Point { x: 1.0, y: 2.0 }).unwrap();
//! let q: Point = rt.eval_as("({ x: p.y, y: p.x })", "main.js").unwrap();
//! assert_eq!((q.x, q.y), (2.0, 1.0));
//! ```

use crate::api::handle::Persistent;
use crate::runtime::shape::PropertyKey;
use crate::runtime::{JsResult, Runtime};
use crate::value::Value;
use std::collections::HashMap;
use std::hash::BuildHasher;

/// A Rust type that can be read from a JavaScript value.
///
/// ```
/// use jolt::FromJs;
/// let mut rt = jolt::Runtime::new();
/// let v = rt.eval("[1, 'a']", "t.js").unwrap();
/// let (n, s) = <(u8, String)>::from_js(&mut rt, v).unwrap();
/// assert_eq!((n, s.as_str()), (1, "a"));
/// ```
pub trait FromJs: Sized {
    /// Converts `v`, or throws a `TypeError` (a `RangeError` for numbers out of range).
    fn from_js(rt: &mut Runtime, v: Value) -> JsResult<Self>;
}

/// A Rust type that can be turned into a JavaScript value.
///
/// ```
/// use jolt::IntoJs;
/// let mut rt = jolt::Runtime::new();
/// let v = vec![Some(1), None].into_js(&mut rt).unwrap();
/// assert_eq!(rt.inspect(v), "[ 1, undefined ]");
/// ```
pub trait IntoJs {
    /// Makes the JavaScript value (fails only for values that cannot cross, such as a
    /// [`Persistent`] from another runtime).
    fn into_js(self, rt: &mut Runtime) -> JsResult<Value>;
}

/// An argument list read from a JavaScript call: implemented for tuples of [`FromJs`] types
/// (missing arguments read as `undefined`, so trailing `Option`s are optional arguments) and
/// for `Vec<Value>` (all arguments).
///
/// ```
/// use jolt::JsError;
/// let mut rt = jolt::Runtime::new();
/// rt.set_function("f", |(a, b): (i32, Option<String>)| Ok::<_, JsError>(format!("{a}{}", b.unwrap_or_default()))).unwrap();
/// assert_eq!(rt.eval_as::<String>("f(1) + f(2, 'x')", "t.js").unwrap(), "12x");
/// ```
pub trait FromJsArgs: Sized {
    /// Converts the arguments.
    fn from_js_args(rt: &mut Runtime, args: &[Value]) -> JsResult<Self>;
}

/// An argument list for calling JavaScript from Rust: tuples of [`IntoJs`] types, and
/// `Vec<Value>`.
///
/// ```
/// let mut rt = jolt::Runtime::new();
/// rt.eval("function join(...a) { return a.join('-'); }", "t.js").unwrap();
/// assert_eq!(rt.call_global::<String>("join", (1, "b", true)).unwrap(), "1-b-true");
/// ```
pub trait IntoJsArgs {
    /// Makes the argument values.
    fn into_js_args(self, rt: &mut Runtime) -> JsResult<Vec<Value>>;
}

/// A short description of a value's type for error messages.
fn describe(rt: &mut Runtime, v: Value) -> String {
    if v.is_null() {
        return "null".into();
    }
    if rt.is_array(v) {
        return "array".into();
    }
    rt.type_of(v).to_rust_string()
}

/// A `TypeError` "expected X, got Y".
pub(crate) fn expected(rt: &mut Runtime, what: &str, v: Value) -> crate::runtime::Throw {
    let got = describe(rt, v);
    rt.type_error(format!("expected {what}, got {got}"))
}

/// Reads property `name` of object `v` as a `T` (for [`FromJs`] impls of structs). A missing
/// property reads as `undefined` (so `Option` fields are optional).
///
/// ```
/// let mut rt = jolt::Runtime::new();
/// let v = rt.eval("({ n: 5 })", "t.js").unwrap();
/// assert_eq!(jolt::api::convert::field::<i32>(&mut rt, v, "n").unwrap(), 5);
/// assert!(jolt::api::convert::field::<i32>(&mut rt, v, "m").is_err());
/// ```
pub fn field<T: FromJs>(rt: &mut Runtime, v: Value, name: &str) -> JsResult<T> {
    if !v.is_object() {
        return Err(expected(rt, "an object", v));
    }
    let k = rt.key(name);
    let p = rt.with_kept(v, |rt| rt.get(v, k))?;
    rt.with_kept(p, |rt| T::from_js(rt, p)).map_err(|e| with_context(rt, e, name))
}

/// Prefixes a `TypeError`'s message with the field it came from.
fn with_context(rt: &mut Runtime, e: crate::runtime::Throw, name: &str) -> crate::runtime::Throw {
    let crate::runtime::Throw::Value(v) = e else { return e };
    let Some(o) = v.as_object() else { return e };
    let k = rt.key("message");
    let Some(m) = rt.get_own_property(o, k).and_then(|p| p.value.as_string()) else { return e };
    let msg = format!("{name}: {}", m.to_rust_string());
    let s = rt.str(&msg);
    rt.define_data(o, k, s, crate::runtime::shape::HIDDEN);
    e
}

/// A new plain object with the given data properties (for [`IntoJs`] impls of structs).
///
/// ```
/// use jolt::IntoJs;
/// let mut rt = jolt::Runtime::new();
/// let one = 1.into_js(&mut rt).unwrap();
/// let o = jolt::api::convert::object(&mut rt, [("a", one)]).unwrap();
/// assert_eq!(rt.inspect(o), "{ a: 1 }");
/// ```
pub fn object<'a>(rt: &mut Runtime, props: impl IntoIterator<Item = (&'a str, Value)>) -> JsResult<Value> {
    let o = rt.new_plain_object();
    for (k, v) in props {
        let key = rt.key(k);
        rt.create_data_property(o, key, v)?;
    }
    Ok(Value::object(o))
}

impl FromJs for Value {
    fn from_js(_: &mut Runtime, v: Value) -> JsResult<Self> {
        Ok(v)
    }
}
impl IntoJs for Value {
    fn into_js(self, _: &mut Runtime) -> JsResult<Value> {
        Ok(self)
    }
}

impl FromJs for () {
    fn from_js(_: &mut Runtime, _: Value) -> JsResult<Self> {
        Ok(())
    }
}
impl IntoJs for () {
    fn into_js(self, _: &mut Runtime) -> JsResult<Value> {
        Ok(Value::UNDEFINED)
    }
}

impl FromJs for bool {
    fn from_js(rt: &mut Runtime, v: Value) -> JsResult<Self> {
        if v.is_bool() {
            Ok(v == Value::TRUE)
        } else {
            Err(expected(rt, "a boolean", v))
        }
    }
}
impl IntoJs for bool {
    fn into_js(self, _: &mut Runtime) -> JsResult<Value> {
        Ok(Value::bool(self))
    }
}

impl FromJs for f64 {
    fn from_js(rt: &mut Runtime, v: Value) -> JsResult<Self> {
        v.as_number().ok_or_else(|| expected(rt, "a number", v))
    }
}
impl IntoJs for f64 {
    fn into_js(self, _: &mut Runtime) -> JsResult<Value> {
        Ok(Value::from_f64(self))
    }
}
impl FromJs for f32 {
    fn from_js(rt: &mut Runtime, v: Value) -> JsResult<Self> {
        f64::from_js(rt, v).map(|n| n as f32)
    }
}
impl IntoJs for f32 {
    fn into_js(self, _: &mut Runtime) -> JsResult<Value> {
        Ok(Value::from_f64(self as f64))
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl FromJs for $t {
            fn from_js(rt: &mut Runtime, v: Value) -> JsResult<Self> {
                let n = f64::from_js(rt, v)?;
                if n.fract() != 0.0 || n.is_nan() {
                    return Err(expected(rt, concat!("an integer (", stringify!($t), ")"), v));
                }
                if n < <$t>::MIN as f64 || n > <$t>::MAX as f64 {
                    return Err(rt.range_error(format!("{n} is out of range for {}", stringify!($t))));
                }
                Ok(n as $t)
            }
        }
        impl IntoJs for $t {
            fn into_js(self, _: &mut Runtime) -> JsResult<Value> {
                Ok(Value::from_f64(self as f64))
            }
        }
    )*};
}
integers!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl FromJs for String {
    fn from_js(rt: &mut Runtime, v: Value) -> JsResult<Self> {
        match v.as_string() {
            Some(s) => Ok(s.to_rust_string()),
            None => Err(expected(rt, "a string", v)),
        }
    }
}
impl IntoJs for String {
    fn into_js(self, rt: &mut Runtime) -> JsResult<Value> {
        Ok(rt.str(&self))
    }
}
impl IntoJs for &str {
    fn into_js(self, rt: &mut Runtime) -> JsResult<Value> {
        Ok(rt.str(self))
    }
}
impl IntoJs for &String {
    fn into_js(self, rt: &mut Runtime) -> JsResult<Value> {
        Ok(rt.str(self))
    }
}

impl<T: FromJs> FromJs for Option<T> {
    fn from_js(rt: &mut Runtime, v: Value) -> JsResult<Self> {
        if v.is_nullish() {
            Ok(None)
        } else {
            T::from_js(rt, v).map(Some)
        }
    }
}
impl<T: IntoJs> IntoJs for Option<T> {
    fn into_js(self, rt: &mut Runtime) -> JsResult<Value> {
        match self {
            Some(x) => x.into_js(rt),
            None => Ok(Value::UNDEFINED),
        }
    }
}

/// The elements of an array-like `v` (with at most `max` elements when given).
fn elements<T: FromJs>(rt: &mut Runtime, v: Value) -> JsResult<Vec<T>> {
    if !rt.is_array(v) {
        return Err(expected(rt, "an array", v));
    }
    rt.with_kept(v, |rt| {
        let k = PropertyKey::String(rt.names.length);
        let len = rt.get(v, k)?;
        let len = rt.to_length(len)? as u64;
        let mut out = Vec::new();
        for i in 0..len {
            let key = match u32::try_from(i) {
                Ok(i) if i != u32::MAX => PropertyKey::Index(i),
                _ => rt.key(&i.to_string()),
            };
            let e = rt.get(v, key)?;
            out.push(rt.with_kept(e, |rt| T::from_js(rt, e))?);
        }
        Ok(out)
    })
}

impl<T: FromJs> FromJs for Vec<T> {
    fn from_js(rt: &mut Runtime, v: Value) -> JsResult<Self> {
        elements(rt, v)
    }
}

/// Converts items to values, keeping the ones made so far alive.
fn values<T: IntoJs>(rt: &mut Runtime, items: impl IntoIterator<Item = T>) -> JsResult<Vec<Value>> {
    items.into_iter().map(|x| x.into_js(rt)).collect()
}

impl<T: IntoJs> IntoJs for Vec<T> {
    fn into_js(self, rt: &mut Runtime) -> JsResult<Value> {
        let v = values(rt, self)?;
        Ok(Value::object(rt.new_array(v)))
    }
}
impl<T: IntoJs + Clone> IntoJs for &[T] {
    fn into_js(self, rt: &mut Runtime) -> JsResult<Value> {
        self.to_vec().into_js(rt)
    }
}

impl<T: FromJs, S: BuildHasher + Default> FromJs for HashMap<String, T, S> {
    fn from_js(rt: &mut Runtime, v: Value) -> JsResult<Self> {
        let Some(o) = v.as_object() else { return Err(expected(rt, "an object", v)) };
        rt.with_kept(v, |rt| {
            let mut out = HashMap::default();
            for k in rt.own_property_keys(o) {
                if matches!(k, PropertyKey::Symbol(_)) {
                    continue;
                }
                let Some(p) = rt.get_own_property(o, k) else { continue };
                if p.attrs & crate::runtime::shape::ENUMERABLE == 0 {
                    continue;
                }
                let name = rt.key_to_value(k);
                let name = name.as_string().map(|s| s.to_rust_string()).unwrap_or_default();
                let e = rt.get(v, k)?;
                let x = rt.with_kept(e, |rt| T::from_js(rt, e)).map_err(|t| with_context(rt, t, &name))?;
                out.insert(name, x);
            }
            Ok(out)
        })
    }
}
impl<T: IntoJs, S> IntoJs for HashMap<String, T, S> {
    fn into_js(self, rt: &mut Runtime) -> JsResult<Value> {
        let o = rt.new_plain_object();
        let mut entries: Vec<(String, T)> = self.into_iter().collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (k, x) in entries {
            let v = x.into_js(rt)?;
            let key = rt.key(&k);
            rt.create_data_property(o, key, v)?;
        }
        Ok(Value::object(o))
    }
}

impl FromJs for Persistent {
    fn from_js(rt: &mut Runtime, v: Value) -> JsResult<Self> {
        Ok(rt.persist(v))
    }
}
impl IntoJs for Persistent {
    fn into_js(self, rt: &mut Runtime) -> JsResult<Value> {
        (&self).into_js(rt)
    }
}
impl IntoJs for &Persistent {
    fn into_js(self, rt: &mut Runtime) -> JsResult<Value> {
        self.get_raw(rt)
    }
}

impl FromJsArgs for Vec<Value> {
    fn from_js_args(_: &mut Runtime, args: &[Value]) -> JsResult<Self> {
        Ok(args.to_vec())
    }
}
impl IntoJsArgs for Vec<Value> {
    fn into_js_args(self, _: &mut Runtime) -> JsResult<Vec<Value>> {
        Ok(self)
    }
}

macro_rules! tuples {
    ($(($n:expr; $($t:ident $i:tt),*)),*) => {$(
        impl<$($t: FromJs),*> FromJsArgs for ($($t,)*) {
            #[allow(unused_variables)]
            fn from_js_args(rt: &mut Runtime, args: &[Value]) -> JsResult<Self> {
                Ok(($($t::from_js(rt, args.get($i).copied().unwrap_or(Value::UNDEFINED))
                    .map_err(|e| with_context(rt, e, concat!("argument ", stringify!($i))))?,)*))
            }
        }
        impl<$($t: IntoJs),*> IntoJsArgs for ($($t,)*) {
            #[allow(unused_variables)]
            fn into_js_args(self, rt: &mut Runtime) -> JsResult<Vec<Value>> {
                Ok(vec![$(self.$i.into_js(rt)?),*])
            }
        }
    )*};
}
macro_rules! value_tuples {
    ($(($n:expr; $($t:ident $i:tt),*)),*) => {$(
        impl<$($t: FromJs),*> FromJs for ($($t,)*) {
            fn from_js(rt: &mut Runtime, v: Value) -> JsResult<Self> {
                let items: Vec<Value> = elements(rt, v)?;
                if items.len() != $n {
                    return Err(rt.type_error(format!("expected an array of {} elements, got {}", $n, items.len())));
                }
                let n = rt.kept.len();
                rt.kept.extend_from_slice(&items);
                let r = (|| Ok(($($t::from_js(rt, items[$i])?,)*)))();
                rt.kept.truncate(n);
                r
            }
        }
        impl<$($t: IntoJs),*> IntoJs for ($($t,)*) {
            fn into_js(self, rt: &mut Runtime) -> JsResult<Value> {
                let v = self.into_js_args(rt)?;
                Ok(Value::object(rt.new_array(v)))
            }
        }
    )*};
}
tuples!(
    (0;),
    (1; A 0),
    (2; A 0, B 1),
    (3; A 0, B 1, C 2),
    (4; A 0, B 1, C 2, D 3),
    (5; A 0, B 1, C 2, D 3, E 4),
    (6; A 0, B 1, C 2, D 3, E 4, F 5),
    (7; A 0, B 1, C 2, D 3, E 4, F 5, G 6),
    (8; A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7)
);
value_tuples!(
    (1; A 0),
    (2; A 0, B 1),
    (3; A 0, B 1, C 2),
    (4; A 0, B 1, C 2, D 3),
    (5; A 0, B 1, C 2, D 3, E 4),
    (6; A 0, B 1, C 2, D 3, E 4, F 5),
    (7; A 0, B 1, C 2, D 3, E 4, F 5, G 6),
    (8; A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7)
);

/// Implements [`FromJs`] and [`IntoJs`] for a struct with named fields, as a plain object with
/// one property per field (each field's type must implement both traits).
///
/// ```
/// #[derive(Debug)]
/// struct Config { name: String, retries: u32, verbose: Option<bool> }
/// jolt::js_object!(Config { name, retries, verbose });
///
/// let mut rt = jolt::Runtime::new();
/// let c: Config = rt.eval_as("({ name: 'x', retries: 3 })", "cfg.js").unwrap();
/// assert_eq!((c.name.as_str(), c.retries, c.verbose), ("x", 3, None));
/// rt.set_global("cfg", Config { verbose: Some(true), ..c }).unwrap();
/// assert_eq!(rt.eval_as::<String>("JSON.stringify(cfg)", "cfg.js").unwrap(), r#"{"name":"x","retries":3,"verbose":true}"#);
/// let e = rt.eval_as::<Config>("({ name: 'x', retries: 'many' })", "cfg.js").unwrap_err();
/// assert_eq!(e.message, "retries: expected a number, got string");
/// ```
#[macro_export]
macro_rules! js_object {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl $crate::FromJs for $t {
            fn from_js(rt: &mut $crate::Runtime, v: $crate::Value) -> $crate::JsResult<Self> {
                Ok($t { $($f: $crate::api::convert::field(rt, v, stringify!($f))?,)* })
            }
        }
        impl $crate::IntoJs for $t {
            fn into_js(self, rt: &mut $crate::Runtime) -> $crate::JsResult<$crate::Value> {
                let o = $crate::api::convert::object(rt, [])?;
                $(
                    let v = $crate::IntoJs::into_js(self.$f, rt)?;
                    $crate::api::convert::set_field(rt, o, stringify!($f), v)?;
                )*
                Ok(o)
            }
        }
    };
}

/// Defines data property `name` on object `o` (for [`crate::js_object!`]).
///
/// ```
/// let mut rt = jolt::Runtime::new();
/// let o = jolt::api::convert::object(&mut rt, []).unwrap();
/// jolt::api::convert::set_field(&mut rt, o, "k", jolt::Value::TRUE).unwrap();
/// assert_eq!(rt.inspect(o), "{ k: true }");
/// ```
pub fn set_field(rt: &mut Runtime, o: Value, name: &str, v: Value) -> JsResult<()> {
    let Some(obj) = o.as_object() else { return Err(expected(rt, "an object", o)) };
    let k = rt.key(name);
    rt.create_data_property(obj, k, v).map(|_| ())
}
