//! `String`: the constructor, `String.fromCharCode`/`fromCodePoint`/`raw`, and every
//! `String.prototype` method of ECMAScript 2025 (plus the Annex B `substr` and the
//! `trimLeft`/`trimRight` aliases).
//!
//! Strings are UTF-16 code units with lone surrogates allowed, so every method works on
//! `&[u16]`; Rust `String`s are used only for Unicode case mapping and normalization, on the
//! well-formed segments between lone surrogates (a lone surrogate is neither cased nor
//! case-ignorable and has no decomposition, so segmenting there is exact).
//!
//! `localeCompare` has no locale data: it compares the NFC forms of both strings by code
//! point, so canonically equivalent strings compare equal as the spec requires.

use super::iterator::{new_iterator, IteratorState};
use super::make_constructor;
use crate::heap::Gc;
use crate::runtime::names::WellKnown;
use crate::runtime::object::ObjectKind;
use crate::runtime::shape::{PropertyKey, HIDDEN};
use crate::runtime::string::JsString;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

/// The longest string the engine creates (as `Runtime::concat`).
pub(crate) const MAX_STRING_LENGTH: usize = (1 << 30) - 25;

pub(crate) fn install(rt: &mut Runtime) {
    let c = make_constructor(rt, "String", 1, string_constructor, Intrinsic::StringPrototype, Intrinsic::String);
    rt.define_method(c, "fromCharCode", 1, from_char_code);
    rt.define_method(c, "fromCodePoint", 1, from_code_point);
    rt.define_method(c, "raw", 1, raw);
    let p = rt.intrinsic(Intrinsic::StringPrototype);
    let e = rt.empty_string;
    p.get_mut().kind = ObjectKind::String(e);
    let lk = PropertyKey::String(rt.names.length);
    rt.define_data(p, lk, Value::int(0), 0);
    let methods: &[(&str, u32, crate::runtime::object::NativeFn)] = &[
        ("at", 1, at),
        ("charAt", 1, char_at),
        ("charCodeAt", 1, char_code_at),
        ("codePointAt", 1, code_point_at),
        ("concat", 1, concat),
        ("endsWith", 1, ends_with),
        ("includes", 1, includes),
        ("indexOf", 1, index_of),
        ("isWellFormed", 0, is_well_formed),
        ("lastIndexOf", 1, last_index_of),
        ("localeCompare", 1, locale_compare),
        ("match", 1, match_),
        ("matchAll", 1, match_all),
        ("normalize", 0, normalize),
        ("padEnd", 1, pad_end),
        ("padStart", 1, pad_start),
        ("repeat", 1, repeat),
        ("replace", 2, replace),
        ("replaceAll", 2, replace_all),
        ("search", 1, search),
        ("slice", 2, slice),
        ("split", 2, split),
        ("startsWith", 1, starts_with),
        ("substring", 2, substring),
        ("substr", 2, substr),
        ("toLocaleLowerCase", 0, to_lower_case),
        ("toLocaleUpperCase", 0, to_upper_case),
        ("toLowerCase", 0, to_lower_case),
        ("toString", 0, to_string),
        ("toUpperCase", 0, to_upper_case),
        ("toWellFormed", 0, to_well_formed),
        ("trim", 0, trim),
        ("valueOf", 0, to_string),
    ];
    for (name, len, f) in methods {
        rt.define_method(p, name, *len, *f);
    }
    // trimLeft/trimRight (Annex B) are the same function objects as trimStart/trimEnd.
    let ts = rt.define_method(p, "trimStart", 0, trim_start);
    let te = rt.define_method(p, "trimEnd", 0, trim_end);
    let k = rt.key("trimLeft");
    rt.define_data(p, k, Value::object(ts), HIDDEN);
    let k = rt.key("trimRight");
    rt.define_data(p, k, Value::object(te), HIDDEN);
    rt.define_symbol_method(p, WellKnown::Iterator, "[Symbol.iterator]", 0, iterator, HIDDEN);
}

fn string_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = if a.args.is_empty() {
        rt.empty_string
    } else if let (Some(sym), false) = (a.arg(0).as_symbol(), a.is_construct()) {
        return Ok(super::symbol::descriptive_string(rt, sym));
    } else {
        rt.to_string(a.arg(0))?
    };
    if !a.is_construct() {
        return Ok(Value::string(s));
    }
    rt.keep(Value::string(s));
    let proto = rt.get_prototype_from_constructor(a.new_target, Intrinsic::StringPrototype)?;
    let o = rt.new_object_with(Some(proto), ObjectKind::String(s));
    let lk = PropertyKey::String(rt.names.length);
    rt.define_data(o, lk, Value::int(s.len() as i32), 0);
    Ok(Value::object(o))
}

// ----- shared helpers -----

/// ToString, keeping the result alive for the rest of the running native.
pub(crate) fn to_str(rt: &mut Runtime, v: Value) -> JsResult<Gc<JsString>> {
    let s = rt.to_string(v)?;
    rt.keep(Value::string(s));
    Ok(s)
}

/// RequireObjectCoercible(this) then ToString (kept alive).
fn this_str(rt: &mut Runtime, a: &CallArgs, method: &str) -> JsResult<Gc<JsString>> {
    if a.this.is_nullish() {
        return Err(rt.type_error(format!("String.prototype.{method} called on null or undefined")));
    }
    to_str(rt, a.this)
}

/// A new string from a slice of code units.
fn sub(rt: &mut Runtime, u: &[u16]) -> Value {
    if u.len() == 1 {
        return rt.single_char_string(u[0]);
    }
    rt.new_string(u.to_vec())
}

/// `s[from..to]` as a value (shares `s` when it is the whole string).
pub(crate) fn substring_value(rt: &mut Runtime, s: Gc<JsString>, from: usize, to: usize) -> Value {
    if from == 0 && to == s.len() {
        return Value::string(s);
    }
    sub(rt, &s.units()[from..to])
}

/// A string value built by Rust code, checked against the maximum string length.
fn checked_string(rt: &mut Runtime, u: Vec<u16>) -> JsResult<Value> {
    if u.len() > MAX_STRING_LENGTH {
        return Err(rt.range_error("Invalid string length"));
    }
    Ok(rt.new_string(u))
}

/// StringIndexOf: the first index `>= from` where `needle` occurs in `hay`.
pub(crate) fn string_index_of(hay: &[u16], needle: &[u16], from: usize) -> Option<usize> {
    let n = needle.len();
    if n == 0 {
        return (from <= hay.len()).then_some(from);
    }
    if from >= hay.len() || hay.len() - from < n {
        return None;
    }
    let first = needle[0];
    let last_start = hay.len() - n;
    let mut i = from;
    while i <= last_start {
        match hay[i..=last_start].iter().position(|&c| c == first) {
            None => return None,
            Some(k) => i += k,
        }
        if hay[i..i + n] == *needle {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Is `c` a leading (high) surrogate?
#[inline]
pub(crate) fn is_lead(c: u16) -> bool {
    (0xD800..0xDC00).contains(&c)
}

/// Is `c` a trailing (low) surrogate?
#[inline]
pub(crate) fn is_trail(c: u16) -> bool {
    (0xDC00..0xE000).contains(&c)
}

/// CodePointAt: (code point, code unit count, is an unpaired surrogate).
pub(crate) fn code_point_at_index(u: &[u16], i: usize) -> (u32, usize, bool) {
    let c = u[i];
    if !(0xD800..0xE000).contains(&c) {
        return (c as u32, 1, false);
    }
    if is_trail(c) || i + 1 == u.len() || !is_trail(u[i + 1]) {
        return (c as u32, 1, true);
    }
    (0x10000 + (((c as u32) - 0xD800) << 10) + (u[i + 1] as u32 - 0xDC00), 2, false)
}

/// AdvanceStringIndex.
pub(crate) fn advance_string_index(u: &[u16], index: usize, unicode: bool) -> usize {
    if !unicode || index + 1 >= u.len() {
        return index + 1;
    }
    index + code_point_at_index(u, index).1
}

/// Is `c` WhiteSpace or LineTerminator (what `trim` removes)?
pub(crate) fn is_trim_space(c: u16) -> bool {
    matches!(c, 0x09..=0x0D | 0x20 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 | 0xFEFF)
}

/// Converts a relative position argument (already ToIntegerOrInfinity'd) to an index in `0..=len`.
fn relative(n: f64, len: usize) -> usize {
    let len = len as f64;
    (if n < 0.0 { (len + n).max(0.0) } else { n.min(len) }) as usize
}

/// Clamps an integer-or-infinity to `0..=len`.
fn clamp(n: f64, len: usize) -> usize {
    n.clamp(0.0, len as f64) as usize
}

/// IsRegExp.
pub(crate) fn is_regexp(rt: &mut Runtime, v: Value) -> JsResult<bool> {
    let Some(o) = v.as_object() else { return Ok(false) };
    let mk = PropertyKey::Symbol(rt.well_known(WellKnown::Match));
    let m = rt.get(v, mk)?;
    if !m.is_undefined() {
        return Ok(rt.to_boolean(m));
    }
    Ok(matches!(o.builtin(), Some(super::BuiltinData::RegExp(_))))
}

/// GetMethod(v, @@sym): undefined/null give `None`; a non-callable value throws.
pub(crate) fn get_method(rt: &mut Runtime, v: Value, sym: WellKnown) -> JsResult<Option<Value>> {
    let k = PropertyKey::Symbol(rt.well_known(sym));
    let f = rt.get(v, k)?;
    if f.is_nullish() {
        return Ok(None);
    }
    if !rt.is_callable(f) {
        let d = rt.key_display(k);
        return Err(rt.type_error(format!("{d} is not a function")));
    }
    Ok(Some(f))
}

/// GetSubstitution: expands `$$`, `$&`, `` $` ``, `$'`, `$n`, `$nn` and `$<name>` of `template`
/// into `out`. `captures` are strings or undefined; `named` is undefined or an object. The
/// caller keeps `captures`, `named` and the strings behind the slices alive.
#[allow(clippy::too_many_arguments)]
pub(crate) fn get_substitution(
    rt: &mut Runtime,
    matched: &[u16],
    s: &[u16],
    position: usize,
    captures: &[Value],
    named: Value,
    template: &[u16],
    out: &mut Vec<u16>,
) -> JsResult<()> {
    const DOLLAR: u16 = b'$' as u16;
    let is_digit = |c: u16| (b'0' as u16..=b'9' as u16).contains(&c);
    let mut i = 0;
    let t = template;
    while i < t.len() {
        let c = t[i];
        if c != DOLLAR || i + 1 == t.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let d = t[i + 1];
        match d {
            DOLLAR => {
                out.push(DOLLAR);
                i += 2;
            }
            0x60 => {
                // $`
                out.extend_from_slice(&s[..position.min(s.len())]);
                i += 2;
            }
            0x26 => {
                // $&
                out.extend_from_slice(matched);
                i += 2;
            }
            0x27 => {
                // $'
                let tail = (position + matched.len()).min(s.len());
                out.extend_from_slice(&s[tail..]);
                i += 2;
            }
            _ if is_digit(d) => {
                let two = i + 2 < t.len() && is_digit(t[i + 2]);
                let mut digits = if two { 2 } else { 1 };
                let mut index = (d - b'0' as u16) as usize;
                if two {
                    index = index * 10 + (t[i + 2] - b'0' as u16) as usize;
                    if index > captures.len() {
                        digits = 1;
                        index = (d - b'0' as u16) as usize;
                    }
                }
                if (1..=captures.len()).contains(&index) {
                    if let Some(cs) = captures[index - 1].as_string() {
                        out.extend_from_slice(cs.units());
                    }
                } else {
                    out.extend_from_slice(&t[i..i + 1 + digits]);
                }
                i += 1 + digits;
            }
            0x3C => {
                // $<
                let gt = if named.is_undefined() { None } else { t[i + 2..].iter().position(|&x| x == b'>' as u16) };
                match gt {
                    None => {
                        out.extend_from_slice(&t[i..i + 2]);
                        i += 2;
                    }
                    Some(g) => {
                        let name = &t[i + 2..i + 2 + g];
                        let k = rt.key_units(name);
                        let v = rt.get(named, k)?;
                        if !v.is_undefined() {
                            let vs = rt.to_string(v)?;
                            out.extend_from_slice(vs.units());
                        }
                        i += 3 + g;
                    }
                }
            }
            _ => {
                out.push(DOLLAR);
                i += 1;
            }
        }
    }
    Ok(())
}

// ----- the constructor's functions -----

fn from_char_code(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if a.args.len() == 1 {
        if let Some(i) = a.arg(0).as_int() {
            return Ok(rt.single_char_string(i as u16));
        }
    }
    let mut u = Vec::with_capacity(a.args.len());
    for &v in a.args {
        u.push(rt.to_uint32(v)? as u16);
    }
    Ok(rt.new_string(u))
}

fn from_code_point(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let mut u = Vec::with_capacity(a.args.len());
    for &v in a.args {
        let n = rt.to_number(v)?;
        if n.fract() != 0.0 || !(0.0..=1114111.0).contains(&n) {
            let s = crate::runtime::numconv::number_to_string(n);
            return Err(rt.range_error(format!("Invalid code point {s}")));
        }
        push_code_point(&mut u, n as u32);
    }
    checked_string(rt, u)
}

/// Appends UTF16EncodeCodePoint(cp).
pub(crate) fn push_code_point(u: &mut Vec<u16>, cp: u32) {
    if cp < 0x10000 {
        u.push(cp as u16);
    } else {
        let c = cp - 0x10000;
        u.push(0xD800 + (c >> 10) as u16);
        u.push(0xDC00 + (c & 0x3FF) as u16);
    }
}

fn raw(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let subs = a.args.get(1..).unwrap_or(&[]);
    let cooked = rt.to_object(a.arg(0))?;
    rt.keep(Value::object(cooked));
    let rk = PropertyKey::String(rt.names.raw);
    let rv = rt.get(Value::object(cooked), rk)?;
    let raw = rt.to_object(rv)?;
    rt.keep(Value::object(raw));
    let lk = PropertyKey::String(rt.names.length);
    let lv = rt.get(Value::object(raw), lk)?;
    let count = rt.to_length(lv)?;
    if count <= 0.0 {
        return Ok(Value::string(rt.empty_string));
    }
    let mut out: Vec<u16> = Vec::new();
    let mut i = 0u64;
    loop {
        let key = if i < u32::MAX as u64 {
            PropertyKey::Index(i as u32)
        } else {
            let t = i.to_string();
            rt.key(&t)
        };
        let lit = rt.get(Value::object(raw), key)?;
        let ls = rt.to_string(lit)?;
        out.extend_from_slice(ls.units());
        if out.len() > MAX_STRING_LENGTH {
            return Err(rt.range_error("Invalid string length"));
        }
        if (i + 1) as f64 >= count {
            break;
        }
        if let Some(&sv) = subs.get(i as usize) {
            let ss = rt.to_string(sv)?;
            out.extend_from_slice(ss.units());
        }
        i += 1;
    }
    checked_string(rt, out)
}

// ----- String.prototype -----

/// thisStringValue.
fn this_string_value(rt: &mut Runtime, v: Value) -> JsResult<Gc<JsString>> {
    if let Some(s) = v.as_string() {
        return Ok(s);
    }
    if let Some(o) = v.as_object() {
        if let ObjectKind::String(s) = o.kind {
            return Ok(s);
        }
    }
    Err(rt.type_error("String.prototype.toString requires that 'this' be a String"))
}

fn to_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::string(this_string_value(rt, a.this)?))
}

fn at(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "at")?;
    let len = s.len() as f64;
    let rel = rt.to_integer_or_infinity(a.arg(0))?;
    let k = if rel >= 0.0 { rel } else { len + rel };
    if k < 0.0 || k >= len {
        return Ok(Value::UNDEFINED);
    }
    Ok(rt.single_char_string(s.at(k as usize)))
}

fn char_at(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "charAt")?;
    let p = rt.to_integer_or_infinity(a.arg(0))?;
    if p < 0.0 || p >= s.len() as f64 {
        return Ok(Value::string(rt.empty_string));
    }
    Ok(rt.single_char_string(s.at(p as usize)))
}

pub(crate) fn char_code_at(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "charCodeAt")?;
    let p = rt.to_integer_or_infinity(a.arg(0))?;
    if p < 0.0 || p >= s.len() as f64 {
        return Ok(Value::number(f64::NAN));
    }
    Ok(Value::int(s.at(p as usize) as i32))
}

fn code_point_at(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "codePointAt")?;
    let p = rt.to_integer_or_infinity(a.arg(0))?;
    if p < 0.0 || p >= s.len() as f64 {
        return Ok(Value::UNDEFINED);
    }
    Ok(Value::int(code_point_at_index(s.units(), p as usize).0 as i32))
}

fn concat(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "concat")?;
    let mut r = Value::string(s);
    for &v in a.args {
        let t = rt.to_string(v)?;
        let cur = r.as_string().expect("string");
        r = rt.concat(cur, t)?;
        rt.keep(r);
    }
    Ok(r)
}

/// Throws if `v` IsRegExp (startsWith, endsWith, includes).
fn reject_regexp(rt: &mut Runtime, v: Value, method: &str) -> JsResult<()> {
    if is_regexp(rt, v)? {
        return Err(rt.type_error(format!("First argument to String.prototype.{method} must not be a regular expression")));
    }
    Ok(())
}

fn ends_with(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "endsWith")?;
    reject_regexp(rt, a.arg(0), "endsWith")?;
    let search = to_str(rt, a.arg(0))?;
    let len = s.len();
    let end = if a.arg(1).is_undefined() { len } else { clamp(rt.to_integer_or_infinity(a.arg(1))?, len) };
    let n = search.len();
    if n == 0 {
        return Ok(Value::TRUE);
    }
    if n > end {
        return Ok(Value::FALSE);
    }
    Ok(Value::bool(s.units()[end - n..end] == *search.units()))
}

fn starts_with(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "startsWith")?;
    reject_regexp(rt, a.arg(0), "startsWith")?;
    let search = to_str(rt, a.arg(0))?;
    let len = s.len();
    let start = clamp(rt.to_integer_or_infinity(a.arg(1))?, len);
    let n = search.len();
    if n == 0 {
        return Ok(Value::TRUE);
    }
    if start + n > len {
        return Ok(Value::FALSE);
    }
    Ok(Value::bool(s.units()[start..start + n] == *search.units()))
}

fn includes(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "includes")?;
    reject_regexp(rt, a.arg(0), "includes")?;
    let search = to_str(rt, a.arg(0))?;
    let start = clamp(rt.to_integer_or_infinity(a.arg(1))?, s.len());
    Ok(Value::bool(string_index_of(s.units(), search.units(), start).is_some()))
}

fn index_of(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "indexOf")?;
    let search = to_str(rt, a.arg(0))?;
    let start = clamp(rt.to_integer_or_infinity(a.arg(1))?, s.len());
    Ok(match string_index_of(s.units(), search.units(), start) {
        Some(i) => Value::int(i as i32),
        None => Value::int(-1),
    })
}

fn last_index_of(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "lastIndexOf")?;
    let search = to_str(rt, a.arg(0))?;
    let n = rt.to_number(a.arg(1))?;
    let pos = if n.is_nan() { f64::INFINITY } else { n.trunc() };
    let len = s.len();
    let start = clamp(pos, len);
    let (h, nd) = (s.units(), search.units());
    if nd.len() > len {
        return Ok(Value::int(-1));
    }
    let mut i = start.min(len - nd.len());
    loop {
        if h[i..i + nd.len()] == *nd {
            return Ok(Value::int(i as i32));
        }
        if i == 0 {
            return Ok(Value::int(-1));
        }
        i -= 1;
    }
}

fn is_well_formed(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "isWellFormed")?;
    Ok(Value::bool(first_lone_surrogate(s.units()).is_none()))
}

/// The index of the first unpaired surrogate.
fn first_lone_surrogate(u: &[u16]) -> Option<usize> {
    let mut i = 0;
    while i < u.len() {
        let (_, n, lone) = code_point_at_index(u, i);
        if lone {
            return Some(i);
        }
        i += n;
    }
    None
}

fn to_well_formed(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "toWellFormed")?;
    let u = s.units();
    let Some(first) = first_lone_surrogate(u) else { return Ok(Value::string(s)) };
    let mut out = u.to_vec();
    let mut i = first;
    while i < out.len() {
        let (_, n, lone) = code_point_at_index(&out, i);
        if lone {
            out[i] = 0xFFFD;
        }
        i += n;
    }
    Ok(rt.new_string(out))
}

/// Applies `f` to each well-formed segment of `u` (as Rust text), copying lone surrogates.
fn map_segments(u: &[u16], mut f: impl FnMut(&str, &mut String)) -> Vec<u16> {
    let mut out = Vec::with_capacity(u.len());
    let mut seg = String::new();
    let mut buf = String::new();
    let mut flush = |seg: &mut String, out: &mut Vec<u16>| {
        if !seg.is_empty() {
            buf.clear();
            f(seg, &mut buf);
            out.extend(buf.encode_utf16());
            seg.clear();
        }
    };
    for item in char::decode_utf16(u.iter().copied()) {
        match item {
            Ok(ch) => seg.push(ch),
            Err(e) => {
                flush(&mut seg, &mut out);
                out.push(e.unpaired_surrogate());
            }
        }
    }
    flush(&mut seg, &mut out);
    out
}

fn locale_compare(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    use unicode_normalization::UnicodeNormalization;
    let s = this_str(rt, a, "localeCompare")?;
    let t = to_str(rt, a.arg(0))?;
    if s.units() == t.units() {
        return Ok(Value::int(0));
    }
    let nfc = |u: &[u16]| map_segments(u, |seg, out| out.extend(seg.nfc()));
    let (x, y) = (nfc(s.units()), nfc(t.units()));
    // Compare by code point: decode both (lone surrogates as themselves).
    let cx = char::decode_utf16(x.iter().copied()).map(|r| r.map_or_else(|e| e.unpaired_surrogate() as u32, |c| c as u32));
    let cy = char::decode_utf16(y.iter().copied()).map(|r| r.map_or_else(|e| e.unpaired_surrogate() as u32, |c| c as u32));
    Ok(Value::int(match cx.cmp(cy) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }))
}

fn normalize(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    use unicode_normalization::UnicodeNormalization;
    let s = this_str(rt, a, "normalize")?;
    let form = if a.arg(0).is_undefined() {
        0
    } else {
        let f = rt.to_string(a.arg(0))?;
        match ["NFC", "NFD", "NFKC", "NFKD"].iter().position(|n| f.eq_str(n)) {
            Some(i) => i,
            None => return Err(rt.range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD.")),
        }
    };
    let u = s.units();
    // Text below U+00A0 is invariant under every form; Latin-1 below U+0300 is already NFC.
    if u.iter().all(|&c| c < 0xA0) || (form == 0 && u.iter().all(|&c| c < 0x300)) {
        return Ok(Value::string(s));
    }
    let out = map_segments(u, |seg, out| match form {
        0 => out.extend(seg.nfc()),
        1 => out.extend(seg.nfd()),
        2 => out.extend(seg.nfkc()),
        _ => out.extend(seg.nfkd()),
    });
    if out == u {
        return Ok(Value::string(s));
    }
    Ok(rt.new_string(out))
}

/// StringPaddingBuiltinsImpl.
fn pad(rt: &mut Runtime, a: &CallArgs, at_start: bool) -> JsResult<Value> {
    let s = this_str(rt, a, if at_start { "padStart" } else { "padEnd" })?;
    let max = rt.to_length(a.arg(0))?;
    let len = s.len();
    if max <= len as f64 {
        return Ok(Value::string(s));
    }
    let filler = if a.arg(1).is_undefined() { None } else { Some(to_str(rt, a.arg(1))?) };
    let fill: &[u16] = match &filler {
        Some(f) => f.units(),
        None => &[0x20],
    };
    if fill.is_empty() {
        return Ok(Value::string(s));
    }
    if max > MAX_STRING_LENGTH as f64 {
        return Err(rt.range_error("Invalid string length"));
    }
    let fill_len = max as usize - len;
    let mut padding = Vec::with_capacity(fill_len);
    while padding.len() < fill_len {
        let r = fill_len - padding.len();
        padding.extend_from_slice(&fill[..r.min(fill.len())]);
    }
    let out = if at_start { [&padding[..], s.units()].concat() } else { [s.units(), &padding[..]].concat() };
    Ok(rt.new_string(out))
}

fn pad_start(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    pad(rt, a, true)
}

fn pad_end(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    pad(rt, a, false)
}

fn repeat(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "repeat")?;
    let n = rt.to_integer_or_infinity(a.arg(0))?;
    if n < 0.0 || n == f64::INFINITY {
        return Err(rt.range_error(format!("Invalid count value: {}", crate::runtime::numconv::number_to_string(n))));
    }
    if n == 0.0 || s.is_empty() {
        return Ok(Value::string(rt.empty_string));
    }
    if n * s.len() as f64 > MAX_STRING_LENGTH as f64 {
        return Err(rt.range_error("Invalid string length"));
    }
    Ok(rt.new_string(s.units().repeat(n as usize)))
}

fn slice(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "slice")?;
    let len = s.len();
    let from = relative(rt.to_integer_or_infinity(a.arg(0))?, len);
    let to = if a.arg(1).is_undefined() { len } else { relative(rt.to_integer_or_infinity(a.arg(1))?, len) };
    if from >= to {
        return Ok(Value::string(rt.empty_string));
    }
    Ok(substring_value(rt, s, from, to))
}

fn substring(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "substring")?;
    let len = s.len();
    let start = clamp(rt.to_integer_or_infinity(a.arg(0))?, len);
    let end = if a.arg(1).is_undefined() { len } else { clamp(rt.to_integer_or_infinity(a.arg(1))?, len) };
    let (from, to) = (start.min(end), start.max(end));
    Ok(substring_value(rt, s, from, to))
}

fn substr(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "substr")?;
    let size = s.len();
    let start = relative(rt.to_integer_or_infinity(a.arg(0))?, size);
    let length = if a.arg(1).is_undefined() { size as f64 } else { rt.to_integer_or_infinity(a.arg(1))? };
    let length = clamp(length, size);
    let end = (start + length).min(size);
    if start >= end {
        return Ok(Value::string(rt.empty_string));
    }
    Ok(substring_value(rt, s, start, end))
}

/// Full Unicode case conversion (SpecialCasing included; final sigma for lower case).
fn convert_case(u: &[u16], upper: bool) -> Option<Vec<u16>> {
    if u.iter().all(|&c| c < 0x80) {
        let changes = if upper {
            u.iter().any(|&c| (b'a' as u16..=b'z' as u16).contains(&c))
        } else {
            u.iter().any(|&c| (b'A' as u16..=b'Z' as u16).contains(&c))
        };
        if !changes {
            return None;
        }
        return Some(
            u.iter().map(|&c| if upper { (c as u8).to_ascii_uppercase() as u16 } else { (c as u8).to_ascii_lowercase() as u16 }).collect(),
        );
    }
    Some(map_segments(u, |seg, out| out.push_str(&if upper { seg.to_uppercase() } else { seg.to_lowercase() })))
}

fn to_lower_case(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "toLowerCase")?;
    match convert_case(s.units(), false) {
        None => Ok(Value::string(s)),
        Some(u) => checked_string(rt, u),
    }
}

fn to_upper_case(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "toUpperCase")?;
    match convert_case(s.units(), true) {
        None => Ok(Value::string(s)),
        Some(u) => checked_string(rt, u),
    }
}

/// TrimString.
fn trim_impl(rt: &mut Runtime, a: &CallArgs, start: bool, end: bool, name: &str) -> JsResult<Value> {
    let s = this_str(rt, a, name)?;
    let u = s.units();
    let mut from = 0;
    let mut to = u.len();
    if start {
        while from < to && is_trim_space(u[from]) {
            from += 1;
        }
    }
    if end {
        while to > from && is_trim_space(u[to - 1]) {
            to -= 1;
        }
    }
    Ok(substring_value(rt, s, from, to))
}

fn trim(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    trim_impl(rt, a, true, true, "trim")
}

fn trim_start(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    trim_impl(rt, a, true, false, "trimStart")
}

fn trim_end(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    trim_impl(rt, a, false, true, "trimEnd")
}

fn iterator(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(rt, a, "[Symbol.iterator]")?;
    Ok(new_iterator(rt, Intrinsic::StringIteratorPrototype, IteratorState::String { target: Value::string(s), index: 0 }))
}

// ----- the methods that delegate to RegExp -----

/// RequireObjectCoercible(this).
fn require_coercible(rt: &mut Runtime, a: &CallArgs, method: &str) -> JsResult<()> {
    if a.this.is_nullish() {
        return Err(rt.type_error(format!("String.prototype.{method} called on null or undefined")));
    }
    Ok(())
}

/// match/search: delegate to `regexp[@@sym]`, or to a new RegExp.
fn regexp_delegate(rt: &mut Runtime, a: &CallArgs, sym: WellKnown, method: &str) -> JsResult<Value> {
    require_coercible(rt, a, method)?;
    let r = a.arg(0);
    if r.is_object() {
        if let Some(m) = get_method(rt, r, sym)? {
            return rt.call(m, r, &[a.this]);
        }
    }
    let s = to_str(rt, a.this)?;
    let rx = super::regexp::regexp_create(rt, r, Value::UNDEFINED)?;
    rt.keep(rx);
    let k = PropertyKey::Symbol(rt.well_known(sym));
    rt.invoke(rx, k, &[Value::string(s)])
}

fn match_(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    regexp_delegate(rt, a, WellKnown::Match, "match")
}

fn search(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    regexp_delegate(rt, a, WellKnown::Search, "search")
}

/// Throws unless the (IsRegExp) object `r`'s flags contain "g" (matchAll, replaceAll).
fn require_global(rt: &mut Runtime, r: Value, method: &str) -> JsResult<()> {
    if is_regexp(rt, r)? {
        let fk = PropertyKey::String(rt.names.flags);
        let f = rt.get(r, fk)?;
        if f.is_nullish() {
            return Err(rt.type_error("RegExp flags is null or undefined"));
        }
        let fs = rt.to_string(f)?;
        if !fs.units().contains(&(b'g' as u16)) {
            return Err(rt.type_error(format!("String.prototype.{method} called with a non-global RegExp argument")));
        }
    }
    Ok(())
}

fn match_all(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    require_coercible(rt, a, "matchAll")?;
    let r = a.arg(0);
    if r.is_object() {
        require_global(rt, r, "matchAll")?;
        if let Some(m) = get_method(rt, r, WellKnown::MatchAll)? {
            return rt.call(m, r, &[a.this]);
        }
    }
    let s = to_str(rt, a.this)?;
    let g = rt.str("g");
    rt.keep(g);
    let rx = super::regexp::regexp_create(rt, r, g)?;
    rt.keep(rx);
    let k = PropertyKey::Symbol(rt.well_known(WellKnown::MatchAll));
    rt.invoke(rx, k, &[Value::string(s)])
}

/// The replacement for one match of a string pattern.
fn string_replacement(
    rt: &mut Runtime,
    search: Gc<JsString>,
    s: Gc<JsString>,
    pos: usize,
    replace_value: Value,
    functional: bool,
    out: &mut Vec<u16>,
) -> JsResult<()> {
    if functional {
        let r = rt.call(replace_value, Value::UNDEFINED, &[Value::string(search), Value::int(pos as i32), Value::string(s)])?;
        let rs = rt.to_string(r)?;
        out.extend_from_slice(rs.units());
    } else {
        let t = replace_value.as_string().expect("template is a string");
        get_substitution(rt, search.units(), s.units(), pos, &[], Value::UNDEFINED, t.units(), out)?;
    }
    Ok(())
}

fn replace(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    require_coercible(rt, a, "replace")?;
    let (sv, mut rv) = (a.arg(0), a.arg(1));
    if sv.is_object() {
        if let Some(m) = get_method(rt, sv, WellKnown::Replace)? {
            return rt.call(m, sv, &[a.this, rv]);
        }
    }
    let s = to_str(rt, a.this)?;
    let search = to_str(rt, sv)?;
    let functional = rt.is_callable(rv);
    if !functional {
        rv = Value::string(to_str(rt, rv)?);
    }
    let Some(pos) = string_index_of(s.units(), search.units(), 0) else { return Ok(Value::string(s)) };
    let mut out = s.units()[..pos].to_vec();
    string_replacement(rt, search, s, pos, rv, functional, &mut out)?;
    out.extend_from_slice(&s.units()[pos + search.len()..]);
    checked_string(rt, out)
}

fn replace_all(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    require_coercible(rt, a, "replaceAll")?;
    let (sv, mut rv) = (a.arg(0), a.arg(1));
    if sv.is_object() {
        require_global(rt, sv, "replaceAll")?;
        if let Some(m) = get_method(rt, sv, WellKnown::Replace)? {
            return rt.call(m, sv, &[a.this, rv]);
        }
    }
    let s = to_str(rt, a.this)?;
    let search = to_str(rt, sv)?;
    let functional = rt.is_callable(rv);
    if !functional {
        rv = Value::string(to_str(rt, rv)?);
    }
    let n = search.len();
    let advance = n.max(1);
    let mut positions = Vec::new();
    let mut p = string_index_of(s.units(), search.units(), 0);
    while let Some(i) = p {
        positions.push(i);
        p = string_index_of(s.units(), search.units(), i + advance);
    }
    if positions.is_empty() {
        return Ok(Value::string(s));
    }
    let mut out = Vec::new();
    let mut end_of_last = 0;
    for p in positions {
        out.extend_from_slice(&s.units()[end_of_last..p]);
        string_replacement(rt, search, s, p, rv, functional, &mut out)?;
        if out.len() > MAX_STRING_LENGTH {
            return Err(rt.range_error("Invalid string length"));
        }
        end_of_last = p + n;
    }
    if end_of_last < s.len() {
        out.extend_from_slice(&s.units()[end_of_last..]);
    }
    checked_string(rt, out)
}

fn split(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    require_coercible(rt, a, "split")?;
    let (sep, limit) = (a.arg(0), a.arg(1));
    if sep.is_object() {
        if let Some(m) = get_method(rt, sep, WellKnown::Split)? {
            return rt.call(m, sep, &[a.this, limit]);
        }
    }
    let s = to_str(rt, a.this)?;
    let lim = if limit.is_undefined() { u32::MAX } else { rt.to_uint32(limit)? };
    let r = to_str(rt, sep)?;
    if lim == 0 {
        return Ok(Value::object(rt.new_array(Vec::new())));
    }
    if sep.is_undefined() {
        return Ok(Value::object(rt.new_array(vec![Value::string(s)])));
    }
    let u = s.units();
    if r.is_empty() {
        let n = u.len().min(lim as usize);
        let mut parts = Vec::with_capacity(n);
        for &c in &u[..n] {
            parts.push(rt.single_char_string(c));
        }
        return Ok(Value::object(rt.new_array(parts)));
    }
    if u.is_empty() {
        return Ok(Value::object(rt.new_array(vec![Value::string(s)])));
    }
    let mut parts = Vec::new();
    let mut i = 0;
    let mut j = string_index_of(u, r.units(), 0);
    while let Some(jj) = j {
        parts.push(sub(rt, &u[i..jj]));
        if parts.len() == lim as usize {
            return Ok(Value::object(rt.new_array(parts)));
        }
        i = jj + r.len();
        j = string_index_of(u, r.units(), i);
    }
    parts.push(sub(rt, &u[i..]));
    Ok(Value::object(rt.new_array(parts)))
}
