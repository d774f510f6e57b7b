//! Global functions and values: `parseInt`, `parseFloat`, `isNaN`, `isFinite`, URI coding,
//! indirect `eval`, `NaN`, `Infinity`, `undefined`. (Timers and `queueMicrotask` are host APIs:
//! [`super::host::timers`].)

use crate::runtime::numconv;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

pub(crate) fn install(rt: &mut Runtime) {
    let g = rt.global_object();
    for (name, v) in [("NaN", Value::number(f64::NAN)), ("Infinity", Value::number(f64::INFINITY)), ("undefined", Value::UNDEFINED)] {
        let k = rt.key(name);
        rt.define_data(g, k, v, 0);
    }
    for (name, len, f) in [
        ("isNaN", 1, is_nan as crate::runtime::object::NativeFn),
        ("isFinite", 1, is_finite),
        ("encodeURI", 1, encode_uri),
        ("encodeURIComponent", 1, encode_uri_component),
        ("decodeURI", 1, decode_uri),
        ("decodeURIComponent", 1, decode_uri_component),
    ] {
        rt.define_method(g, name, len, f);
    }
    // `parseInt` and `parseFloat` are installed by `number::install` (shared with `Number`).
    let e = rt.define_method(g, "eval", 1, eval);
    super::set_intrinsic(rt, Intrinsic::Eval, e);
}

/// `parseInt(string, radix)` (also `Number.parseInt`).
pub(crate) fn parse_int(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = rt.to_string(a.arg(0))?;
    let r = rt.to_int32(a.arg(1))?;
    Ok(Value::from_f64(numconv::parse_int(s.units(), r)))
}

/// `parseFloat(string)` (also `Number.parseFloat`).
pub(crate) fn parse_float(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = rt.to_string(a.arg(0))?;
    Ok(Value::from_f64(numconv::parse_float(s.units())))
}

fn is_nan(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(rt.to_number(a.arg(0))?.is_nan()))
}

fn is_finite(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(rt.to_number(a.arg(0))?.is_finite()))
}

const URI_RESERVED: &str = ";/?:@&=+$,";
const URI_UNESCAPED_EXTRA: &str = "-_.!~*'()";

fn encode(rt: &mut Runtime, v: Value, extra_unescaped: &str) -> JsResult<Value> {
    let s = rt.to_string(v)?;
    let u = s.units();
    let mut out = String::new();
    let mut i = 0;
    while i < u.len() {
        let c = u[i];
        if c < 128 {
            let ch = c as u8 as char;
            if ch.is_ascii_alphanumeric() || URI_UNESCAPED_EXTRA.contains(ch) || extra_unescaped.contains(ch) {
                out.push(ch);
                i += 1;
                continue;
            }
        }
        let cp: u32 = if (0xDC00..0xE000).contains(&c) {
            return Err(rt.uri_error("URI malformed"));
        } else if (0xD800..0xDC00).contains(&c) {
            if i + 1 >= u.len() || !(0xDC00..0xE000).contains(&u[i + 1]) {
                return Err(rt.uri_error("URI malformed"));
            }
            let cp = 0x10000 + (((c as u32) - 0xD800) << 10) + (u[i + 1] as u32 - 0xDC00);
            i += 1;
            cp
        } else {
            c as u32
        };
        let ch = char::from_u32(cp).unwrap_or('\u{FFFD}');
        let mut buf = [0u8; 4];
        for b in ch.encode_utf8(&mut buf).bytes() {
            out.push_str(&format!("%{b:02X}"));
        }
        i += 1;
    }
    Ok(rt.str(&out))
}

fn decode(rt: &mut Runtime, v: Value, reserved: &str) -> JsResult<Value> {
    let s = rt.to_string(v)?;
    let u = s.units().to_vec();
    let mut out: Vec<u16> = Vec::with_capacity(u.len());
    let hex = |x: u16| -> Option<u8> { (x < 128).then(|| (x as u8 as char).to_digit(16).map(|d| d as u8)).flatten() };
    let mut i = 0;
    while i < u.len() {
        if u[i] != b'%' as u16 {
            out.push(u[i]);
            i += 1;
            continue;
        }
        let byte_at = |k: usize| -> Option<u8> {
            if k + 2 < u.len() && u[k] == b'%' as u16 {
                Some(hex(u[k + 1])? * 16 + hex(u[k + 2])?)
            } else {
                None
            }
        };
        let Some(b) = (if i + 2 < u.len() { byte_at(i) } else { None }) else {
            return Err(rt.uri_error("URI malformed"));
        };
        if b < 0x80 {
            let ch = b as char;
            if reserved.contains(ch) {
                out.extend_from_slice(&u[i..i + 3]);
            } else {
                out.push(b as u16);
            }
            i += 3;
            continue;
        }
        let n = if b & 0xE0 == 0xC0 {
            2
        } else if b & 0xF0 == 0xE0 {
            3
        } else if b & 0xF8 == 0xF0 {
            4
        } else {
            return Err(rt.uri_error("URI malformed"));
        };
        let mut bytes = vec![b];
        let mut k = i + 3;
        for _ in 1..n {
            let Some(nb) = (if k + 2 < u.len() { byte_at(k) } else { None }) else {
                return Err(rt.uri_error("URI malformed"));
            };
            if nb & 0xC0 != 0x80 {
                return Err(rt.uri_error("URI malformed"));
            }
            bytes.push(nb);
            k += 3;
        }
        let Ok(st) = std::str::from_utf8(&bytes) else {
            return Err(rt.uri_error("URI malformed"));
        };
        out.extend(st.encode_utf16());
        i = k;
    }
    Ok(rt.new_string(out))
}

fn encode_uri(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    encode(rt, a.arg(0), &format!("{URI_RESERVED}#"))
}
fn encode_uri_component(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    encode(rt, a.arg(0), "")
}
fn decode_uri(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    decode(rt, a.arg(0), &format!("{URI_RESERVED}#"))
}
fn decode_uri_component(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    decode(rt, a.arg(0), "")
}

/// Indirect eval: evaluates a string as global code.
fn eval(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let x = a.arg(0);
    let Some(s) = x.as_string() else { return Ok(x) };
    let src = s.to_rust_string();
    let scope = crate::bytecode::code::EvalScope {
        levels: Vec::new(),
        strict: false,
        in_function: false,
        lexicals_beside_eval_vars: false,
        in_parameters: false,
        context: Default::default(),
    };
    let code = match crate::compile_eval_source(&src, &scope) {
        Ok(c) => c,
        Err(e) => return Err(rt.syntax_error(e.message)),
    };
    let ecode = rt.instantiate(code);
    let g = Value::object(rt.global_object());
    let f = rt.new_closure(ecode, None, g, Value::UNDEFINED, None);
    rt.run_closure(f, g, crate::interpreter::call::ArgSrc::Slice(&[]), Value::UNDEFINED, 0)
}
