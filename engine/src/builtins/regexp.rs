//! `RegExp` on the regress crate: the constructor, `RegExp.prototype` (exec, test, toString,
//! the flag getters, `@@match`, `@@matchAll`, `@@replace`, `@@search`, `@@split`) and
//! `%RegExpStringIteratorPrototype%`.
//!
//! regress compiles the pattern (flags i, m, s, u, v); the stateful flags g, y and d are
//! implemented here. Non-unicode patterns are handed to regress code unit by code unit (the
//! spec reads them as BMP code points) and matched over UCS-2; `u`/`v` patterns are decoded to
//! code points and matched over UTF-16. A sticky regex is compiled as `(?:P)|()`: the match
//! attempt at `lastIndex` always succeeds, and a participating final empty group means "P
//! failed here", so a sticky failure costs one attempt instead of a scan of the rest of the
//! input.
//!
//! The protocol methods follow the spec's generic algorithms (RegExpExec looks up and calls a
//! user `exec`); when `exec` is the built-in one, its result is read straight from the match
//! instead of from a result array, which is observably identical.
//!
//! regress has no step limit: a catastrophically backtracking pattern cannot be interrupted by
//! the runtime's interrupt flag while it matches.

use super::iterator::{new_iterator, IteratorState};
use super::string::{advance_string_index, get_substitution, is_lead, is_trail, to_str};
use super::{make_constructor, to_string_tag, BuiltinData};
use crate::heap::{Gc, Marker};
use crate::runtime::names::WellKnown;
use crate::runtime::object::{JsObject, ObjectKind};
use crate::runtime::shape::{PropertyKey, ACCESSOR, DEFAULT, HIDDEN, WRITABLE};
use crate::runtime::string::JsString;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

const F_D: u8 = 1;
const F_G: u8 = 2;
const F_I: u8 = 4;
const F_M: u8 = 8;
const F_S: u8 = 16;
const F_U: u8 = 32;
const F_V: u8 = 64;
const F_Y: u8 = 128;
/// Flag letters in the order of the `flags` getter, with their bits and property names.
const FLAGS: [(u8, u8, &str); 8] = [
    (b'd', F_D, "hasIndices"),
    (b'g', F_G, "global"),
    (b'i', F_I, "ignoreCase"),
    (b'm', F_M, "multiline"),
    (b's', F_S, "dotAll"),
    (b'u', F_U, "unicode"),
    (b'v', F_V, "unicodeSets"),
    (b'y', F_Y, "sticky"),
];

/// A compiled regular expression.
pub struct RegExpData {
    /// `[[OriginalSource]]` (UTF-16).
    pub source: Vec<u16>,
    /// `[[OriginalFlags]]`.
    pub flags: String,
    /// The flags as bits.
    bits: u8,
    /// The compiled matcher (shared with other RegExps of the same source and flags).
    regex: Rc<regress::Regex>,
}

impl RegExpData {
    pub(crate) fn trace(&self, _m: &mut Marker) {}
    /// `/source/flags`, with the source escaped as `RegExp.prototype.source` shows it.
    pub fn display(&self) -> String {
        format!("/{}/{}", String::from_utf16_lossy(&escape_pattern(&self.source)), self.flags)
    }
}

type CacheKey = (Box<[u16]>, u8);

thread_local! {
    /// Compiled regexes by (source, flags that affect compilation). Pure memoisation of
    /// immutable compiled code: shared by the runtimes of a thread, it cannot change results.
    static CACHE: RefCell<HashMap<CacheKey, Rc<regress::Regex>>> = RefCell::new(HashMap::new());
}

const CACHE_LIMIT: usize = 512;

/// Parses `flags`; `None` if it has an unknown or repeated flag, or both u and v.
fn parse_flags(f: &[u16]) -> Option<u8> {
    let mut bits = 0u8;
    for &c in f {
        let b = FLAGS.iter().find(|x| x.0 as u16 == c)?.1;
        if bits & b != 0 {
            return None;
        }
        bits |= b;
    }
    if bits & (F_U | F_V) == F_U | F_V {
        return None;
    }
    Some(bits)
}

/// The pattern as regress code points: code points for u/v, else code units (except in group
/// names, where surrogate pairs always form one code point).
///
/// regress resolves `\k<name>` to the first group of that name; with duplicate named groups
/// (at most one of which can participate) the reference is rewritten to `(?:\i\j...)`, the
/// concatenation of the same-named groups: the non-participating ones match the empty string.
fn pattern_chars(source: &[u16], unicode: bool) -> Vec<u32> {
    let chars: Vec<u32> = if unicode {
        char::decode_utf16(source.iter().copied()).map(|r| r.map_or_else(|e| e.unpaired_surrogate() as u32, |c| c as u32)).collect()
    } else {
        source.iter().map(|&c| c as u32).collect()
    };
    if !chars.contains(&(b'<' as u32)) {
        return chars;
    }
    let (lt, gt, bs) = (b'<' as u32, b'>' as u32, b'\\' as u32);
    let mut out: Vec<u32> = Vec::with_capacity(chars.len());
    let mut groups: Vec<(Vec<u32>, usize)> = Vec::new();
    let mut backrefs: Vec<(usize, usize, Vec<u32>)> = Vec::new();
    let mut captures = 0usize;
    let mut depth = 0usize;
    let mut i = 0;
    // Copies a group name ending at '>' (combining surrogate pairs), returning it.
    let copy_name = |i: &mut usize, out: &mut Vec<u32>| -> Vec<u32> {
        let mut name = Vec::new();
        while *i < chars.len() && chars[*i] != gt {
            let c = chars[*i];
            if (0xD800..0xDC00).contains(&c) && *i + 1 < chars.len() && (0xDC00..0xE000).contains(&chars[*i + 1]) {
                name.push(0x10000 + ((c - 0xD800) << 10) + (chars[*i + 1] - 0xDC00));
                *i += 2;
            } else {
                name.push(c);
                *i += 1;
            }
        }
        out.extend_from_slice(&name);
        name
    };
    while i < chars.len() {
        let c = chars[i];
        if c == bs {
            out.push(c);
            i += 1;
            if i < chars.len() && chars[i] == b'k' as u32 && chars.get(i + 1) == Some(&lt) && depth == 0 {
                let start = out.len() - 1;
                out.push(chars[i]);
                out.push(lt);
                i += 2;
                let name = copy_name(&mut i, &mut out);
                if i < chars.len() {
                    out.push(gt);
                    i += 1;
                }
                backrefs.push((start, out.len(), name));
            } else if i < chars.len() {
                out.push(chars[i]);
                i += 1;
            }
            continue;
        }
        if c == b'[' as u32 {
            if depth == 0 || unicode {
                depth += 1;
            }
        } else if c == b']' as u32 {
            depth = depth.saturating_sub(1);
        } else if c == b'(' as u32 && depth == 0 {
            if chars.get(i + 1) != Some(&(b'?' as u32)) {
                captures += 1;
            } else if chars.get(i + 2) == Some(&lt) && !matches!(chars.get(i + 3), Some(&x) if x == b'=' as u32 || x == b'!' as u32) {
                captures += 1;
                out.extend_from_slice(&chars[i..i + 3]);
                i += 3;
                let name = copy_name(&mut i, &mut out);
                groups.push((name, captures));
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    let dup = |n: &Vec<u32>| groups.iter().filter(|g| g.0 == *n).count() > 1;
    if !backrefs.iter().any(|b| dup(&b.2)) {
        return out;
    }
    let mut rewritten = Vec::with_capacity(out.len() + 16);
    let mut pos = 0;
    for (start, end, name) in &backrefs {
        if !dup(name) {
            continue;
        }
        rewritten.extend_from_slice(&out[pos..*start]);
        rewritten.extend("(?:".chars().map(|c| c as u32));
        for (_, idx) in groups.iter().filter(|g| g.0 == *name) {
            rewritten.push(bs);
            rewritten.extend(idx.to_string().chars().map(|c| c as u32));
        }
        rewritten.push(b')' as u32);
        pos = *end;
    }
    rewritten.extend_from_slice(&out[pos..]);
    rewritten
}

/// Compiles (or fetches from the cache) the matcher for `source` with `bits`.
fn compile(source: &[u16], bits: u8) -> Result<Rc<regress::Regex>, String> {
    let key_bits = bits & (F_I | F_M | F_S | F_U | F_V | F_Y);
    let key: CacheKey = (source.into(), key_bits);
    if let Some(r) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(r);
    }
    let mut rflags = String::new();
    for (ch, b) in [('i', F_I), ('m', F_M), ('s', F_S), ('u', F_U), ('v', F_V)] {
        if bits & b != 0 {
            rflags.push(ch);
        }
    }
    let unicode = bits & (F_U | F_V) != 0;
    let chars = pattern_chars(source, unicode);
    let plain = regress::Regex::from_unicode(chars.iter().copied(), rflags.as_str()).map_err(|e| e.text)?;
    let re = if bits & F_Y != 0 {
        let wrapped: Vec<u32> =
            "(?:".chars().map(|c| c as u32).chain(chars.iter().copied()).chain(")|()".chars().map(|c| c as u32)).collect();
        regress::Regex::from_unicode(wrapped.into_iter(), rflags.as_str()).map_err(|e| e.text)?
    } else {
        plain
    };
    let re = Rc::new(re);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_LIMIT {
            c.clear();
        }
        c.insert(key, re.clone());
    });
    Ok(re)
}

/// EscapeRegExpPattern: `/`, and line terminators, escaped; `(?:)` for the empty pattern.
fn escape_pattern(src: &[u16]) -> Vec<u16> {
    if src.is_empty() {
        return "(?:)".encode_utf16().collect();
    }
    let mut out = Vec::with_capacity(src.len());
    let mut in_class = false;
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        match c {
            0x5C => {
                // A backslash escapes the next unit (line terminators still need rewriting).
                out.push(c);
                i += 1;
                if i < src.len() {
                    match src[i] {
                        0x0A => out.extend("n".encode_utf16()),
                        0x0D => out.extend("r".encode_utf16()),
                        0x2028 => out.extend("u2028".encode_utf16()),
                        0x2029 => out.extend("u2029".encode_utf16()),
                        x => out.push(x),
                    }
                }
            }
            0x2F if !in_class => out.extend("\\/".encode_utf16()),
            0x0A => out.extend("\\n".encode_utf16()),
            0x0D => out.extend("\\r".encode_utf16()),
            0x2028 => out.extend("\\u2028".encode_utf16()),
            0x2029 => out.extend("\\u2029".encode_utf16()),
            _ => {
                if c == b'[' as u16 {
                    in_class = true;
                } else if c == b']' as u16 {
                    in_class = false;
                }
                out.push(c);
            }
        }
        i += 1;
    }
    out
}

pub(crate) fn install(rt: &mut Runtime) {
    let c = make_constructor(rt, "RegExp", 2, regexp_constructor, Intrinsic::RegExpPrototype, Intrinsic::RegExp);
    let sk = PropertyKey::Symbol(rt.well_known(WellKnown::Species));
    rt.define_getter(c, sk, "get [Symbol.species]", species, None);
    rt.define_method(c, "escape", 1, regexp_escape);
    let p = rt.intrinsic(Intrinsic::RegExpPrototype);
    rt.define_method(p, "exec", 1, exec);
    rt.define_method(p, "test", 1, test);
    rt.define_method(p, "toString", 0, to_string);
    let fk = PropertyKey::String(rt.names.flags);
    rt.define_getter(p, fk, "get flags", flags_getter, None);
    let getters: [(&str, crate::runtime::object::NativeFn); 8] = [
        ("hasIndices", get_has_indices),
        ("global", get_global),
        ("ignoreCase", get_ignore_case),
        ("multiline", get_multiline),
        ("dotAll", get_dot_all),
        ("unicode", get_unicode),
        ("unicodeSets", get_unicode_sets),
        ("sticky", get_sticky),
    ];
    for (name, f) in getters {
        let k = rt.key(name);
        rt.define_getter(p, k, &format!("get {name}"), f, None);
    }
    let srck = PropertyKey::String(rt.names.source);
    rt.define_getter(p, srck, "get source", source_getter, None);
    rt.define_symbol_method(p, WellKnown::Match, "[Symbol.match]", 1, symbol_match, HIDDEN);
    rt.define_symbol_method(p, WellKnown::MatchAll, "[Symbol.matchAll]", 1, symbol_match_all, HIDDEN);
    rt.define_symbol_method(p, WellKnown::Replace, "[Symbol.replace]", 2, symbol_replace, HIDDEN);
    rt.define_symbol_method(p, WellKnown::Search, "[Symbol.search]", 1, symbol_search, HIDDEN);
    rt.define_symbol_method(p, WellKnown::Split, "[Symbol.split]", 2, symbol_split, HIDDEN);
    let ip = rt.intrinsic(Intrinsic::RegExpStringIteratorPrototype);
    rt.define_method(ip, "next", 0, regexp_string_iterator_next);
    to_string_tag(rt, ip, "RegExp String Iterator");
}

/// `RegExp.escape(S)`.
fn regexp_escape(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let Some(s) = a.arg(0).as_string() else {
        return Err(rt.type_error("RegExp.escape requires a string argument"));
    };
    let u = s.units();
    let mut out: Vec<u16> = Vec::with_capacity(u.len() * 2);
    let hex = |out: &mut Vec<u16>, prefix: &str, n: u32, width: usize| {
        out.extend(prefix.encode_utf16());
        out.extend(format!("{n:0width$x}").encode_utf16());
    };
    let mut i = 0;
    while i < u.len() {
        let (cp, n, _) = super::string::code_point_at_index(u, i);
        i += n;
        let is_alnum = cp < 0x80 && (cp as u8).is_ascii_alphanumeric();
        if out.is_empty() && is_alnum {
            hex(&mut out, "\\x", cp, 2);
            continue;
        }
        if cp < 0x80 && b"^$\\.*+?()[]{}|/".contains(&(cp as u8)) {
            out.push(b'\\' as u16);
            out.push(cp as u16);
            continue;
        }
        let control = match cp {
            0x09 => Some(b't'),
            0x0A => Some(b'n'),
            0x0B => Some(b'v'),
            0x0C => Some(b'f'),
            0x0D => Some(b'r'),
            _ => None,
        };
        if let Some(l) = control {
            out.push(b'\\' as u16);
            out.push(l as u16);
            continue;
        }
        let punct = cp < 0x80 && b",-=<>#&!%:;@~'`\"".contains(&(cp as u8));
        let space = cp < 0x10000 && super::string::is_trim_space(cp as u16);
        if punct || space || (0xD800..0xE000).contains(&cp) {
            if cp <= 0xFF {
                hex(&mut out, "\\x", cp, 2);
            } else {
                let mut units = Vec::new();
                super::string::push_code_point(&mut units, cp);
                for cu in units {
                    hex(&mut out, "\\u", cu as u32, 4);
                }
            }
            continue;
        }
        super::string::push_code_point(&mut out, cp);
    }
    Ok(rt.new_string(out))
}

fn species(_rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(a.this)
}

/// The RegExp data of `v`, if it is a RegExp object.
fn regexp_data(v: Value) -> Option<&'static RegExpData> {
    match v.as_object()?.kind {
        ObjectKind::Builtin(ref b) => match &**b {
            // SAFETY: the object is rooted by the caller for as long as the reference is used,
            // and RegExp data is never replaced once initialised.
            BuiltinData::RegExp(r) => Some(unsafe { &*(&**r as *const RegExpData) }),
            _ => None,
        },
        _ => None,
    }
}

/// RegExpInitialize's checks and compilation: a RegExpData for `p` and `f` (strings).
fn make_data(rt: &mut Runtime, p: Gc<JsString>, f: Gc<JsString>) -> JsResult<RegExpData> {
    let Some(bits) = parse_flags(f.units()) else {
        let fs = f.to_rust_string();
        return Err(rt.syntax_error(format!("Invalid flags supplied to RegExp constructor '{fs}'")));
    };
    match compile(p.units(), bits) {
        Ok(regex) => Ok(RegExpData { source: p.units().to_vec(), flags: f.to_rust_string(), bits, regex }),
        Err(e) => {
            let ps = p.to_rust_string();
            let fs = f.to_rust_string();
            Err(rt.syntax_error(format!("Invalid regular expression: /{ps}/{fs}: {e}")))
        }
    }
}

/// RegExpAlloc + RegExpInitialize with the prototype already fetched (the steps in between
/// are not observable): a new RegExp object with `lastIndex` = 0.
fn alloc_init(rt: &mut Runtime, proto: Gc<JsObject>, pattern: Value, flags: Value) -> JsResult<Value> {
    rt.keep(Value::object(proto));
    let p = if pattern.is_undefined() { rt.empty_string } else { to_str(rt, pattern)? };
    let f = if flags.is_undefined() { rt.empty_string } else { to_str(rt, flags)? };
    let data = make_data(rt, p, f)?;
    let o = rt.new_object_with(Some(proto), ObjectKind::Builtin(Box::new(BuiltinData::RegExp(Box::new(data)))));
    let lk = PropertyKey::String(rt.names.last_index);
    rt.define_data(o, lk, Value::int(0), WRITABLE);
    Ok(Value::object(o))
}

/// RegExpCreate(pattern, flags): also used for regular expression literals (each evaluation
/// creates a new object; compiled matchers are cached by source and flags). Runs as a bytecode
/// operation too, so what it keeps is released when it returns (the result is not kept).
pub fn regexp_create(rt: &mut Runtime, pattern: Value, flags: Value) -> JsResult<Value> {
    let proto = rt.intrinsic(Intrinsic::RegExpPrototype);
    rt.keep_scope(|rt| alloc_init(rt, proto, pattern, flags))
}

fn regexp_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (pattern, flags) = (a.arg(0), a.arg(1));
    let pattern_is_regexp = super::string::is_regexp(rt, pattern)?;
    let new_target = if a.is_construct() {
        a.new_target
    } else {
        let nt = Value::object(a.callee);
        if pattern_is_regexp && flags.is_undefined() {
            let ck = PropertyKey::String(rt.names.constructor);
            let pc = rt.get(pattern, ck)?;
            if rt.same_value(nt, pc) {
                return Ok(pattern);
            }
        }
        nt
    };
    let (p, f) = if let Some(d) = regexp_data(pattern) {
        let p = rt.new_string(d.source.clone());
        rt.keep(p);
        let f = if flags.is_undefined() { rt.str(&d.flags) } else { flags };
        (p, f)
    } else if pattern_is_regexp {
        let sk = PropertyKey::String(rt.names.source);
        let p = rt.get(pattern, sk)?;
        rt.keep(p);
        let f = if flags.is_undefined() {
            let fk = PropertyKey::String(rt.names.flags);
            rt.get(pattern, fk)?
        } else {
            flags
        };
        (p, f)
    } else {
        (pattern, flags)
    };
    rt.keep(f);
    let proto = rt.get_prototype_from_constructor(new_target, Intrinsic::RegExpPrototype)?;
    alloc_init(rt, proto, p, f)
}

// ----- matching -----

/// A named group's name and the range of its participating group.
type NamedGroup = (Vec<u16>, Option<(usize, usize)>);

/// A successful match: capture ranges (index 0 = the whole match) and named groups.
pub(crate) struct RawMatch {
    /// Code unit ranges of the match and of each capture group.
    ranges: Vec<Option<(usize, usize)>>,
    /// Named groups in first-occurrence order, with the range of the participating group.
    named: Vec<NamedGroup>,
    /// Does the pattern have named groups?
    has_names: bool,
}

impl RawMatch {
    fn start(&self) -> usize {
        self.ranges[0].map_or(0, |r| r.0)
    }
    fn end(&self) -> usize {
        self.ranges[0].map_or(0, |r| r.1)
    }
}

/// Runs the matcher at or after `start` (only at `start` when sticky).
fn run_matcher(d: &RegExpData, u: &[u16], mut start: usize) -> Option<RawMatch> {
    let unicode = d.bits & (F_U | F_V) != 0;
    if unicode && start > 0 && start < u.len() && is_trail(u[start]) && is_lead(u[start - 1]) {
        // lastIndex inside a surrogate pair: the character there starts one unit earlier.
        start -= 1;
    }
    let m = if unicode { d.regex.find_from_utf16(u, start).next() } else { d.regex.find_from_ucs2(u, start).next() }?;
    let mut caps = m.captures.clone();
    if d.bits & F_Y != 0 {
        // The sentinel group participated: the pattern itself failed at `start`.
        if caps.pop().flatten().is_some() {
            return None;
        }
    }
    let named: Vec<NamedGroup> = m.named_groups().map(|(n, r)| (n.encode_utf16().collect(), r.map(|r| (r.start, r.end)))).collect();
    let mut ranges = Vec::with_capacity(caps.len() + 1);
    ranges.push(Some((m.range.start, m.range.end)));
    ranges.extend(caps.into_iter().map(|c| c.map(|r| (r.start, r.end))));
    Some(RawMatch { has_names: !named.is_empty(), ranges, named })
}

/// RegExpBuiltinExec up to the match: reads and updates `lastIndex`.
fn builtin_exec_raw(rt: &mut Runtime, r: Gc<JsObject>, s: Gc<JsString>) -> JsResult<Option<RawMatch>> {
    let rv = Value::object(r);
    let lk = PropertyKey::String(rt.names.last_index);
    let li = rt.get(rv, lk)?;
    let mut last_index = rt.to_length(li)?;
    let d = regexp_data(rv).expect("a RegExp");
    let (global, sticky) = (d.bits & F_G != 0, d.bits & F_Y != 0);
    if !global && !sticky {
        last_index = 0.0;
    }
    let u = s.units();
    let found = if last_index > u.len() as f64 { None } else { run_matcher(d, u, last_index as usize) };
    match found {
        None => {
            if global || sticky {
                rt.put(rv, lk, Value::int(0), true)?;
            }
            Ok(None)
        }
        Some(m) => {
            if global || sticky {
                rt.put(rv, lk, Value::from_f64(m.end() as f64), true)?;
            }
            Ok(Some(m))
        }
    }
}

/// The substring a capture range names, or undefined for a group that did not participate.
fn capture_value(rt: &mut Runtime, s: Gc<JsString>, r: &Option<(usize, usize)>) -> Value {
    match r {
        Some((a, b)) => super::string::substring_value(rt, s, *a, *b),
        None => Value::UNDEFINED,
    }
}

/// The result array of a successful RegExpBuiltinExec.
fn match_array(rt: &mut Runtime, s: Gc<JsString>, m: &RawMatch, has_indices: bool) -> Value {
    let mut elems = Vec::with_capacity(m.ranges.len());
    for r in &m.ranges {
        elems.push(capture_value(rt, s, r));
    }
    let arr = rt.new_array(elems);
    let ik = PropertyKey::String(rt.names.index);
    rt.define_data(arr, ik, Value::from_f64(m.start() as f64), DEFAULT);
    let ink = PropertyKey::String(rt.names.input);
    rt.define_data(arr, ink, Value::string(s), DEFAULT);
    let groups = if m.has_names { match_array_groups(rt, s, m) } else { Value::UNDEFINED };
    let gk = PropertyKey::String(rt.names.groups);
    rt.define_data(arr, gk, groups, DEFAULT);
    if has_indices {
        let pair = |rt: &mut Runtime, r: &Option<(usize, usize)>| match r {
            Some((a, b)) => Value::object(rt.new_array(vec![Value::from_f64(*a as f64), Value::from_f64(*b as f64)])),
            None => Value::UNDEFINED,
        };
        let mut pairs = Vec::with_capacity(m.ranges.len());
        for r in &m.ranges {
            pairs.push(pair(rt, r));
        }
        let ind = rt.new_array(pairs);
        let igroups = if m.has_names {
            let g = rt.new_object_with(None, ObjectKind::Ordinary);
            for (name, r) in &m.named {
                let v = pair(rt, r);
                let k = rt.key_units(name);
                rt.define_data(g, k, v, DEFAULT);
            }
            Value::object(g)
        } else {
            Value::UNDEFINED
        };
        rt.define_data(ind, gk, igroups, DEFAULT);
        let indk = PropertyKey::String(rt.names.indices);
        rt.define_data(arr, indk, Value::object(ind), DEFAULT);
    }
    Value::object(arr)
}

/// RegExpBuiltinExec.
fn builtin_exec(rt: &mut Runtime, r: Gc<JsObject>, s: Gc<JsString>) -> JsResult<Value> {
    match builtin_exec_raw(rt, r, s)? {
        None => Ok(Value::NULL),
        Some(m) => {
            let hi = regexp_data(Value::object(r)).is_some_and(|d| d.bits & F_D != 0);
            Ok(match_array(rt, s, &m, hi))
        }
    }
}

/// What RegExpExec produced.
enum ExecResult {
    /// No match.
    Null,
    /// A match of the built-in exec, not yet materialised as an array.
    Raw(RawMatch),
    /// The object a user-defined `exec` returned (kept alive).
    Obj(Value),
}

/// Is `f` `RegExp.prototype.exec` as the runtime made it?
fn is_builtin_exec(f: Value) -> bool {
    f.as_object().is_some_and(|o| matches!(&o.kind, ObjectKind::Native(n) if n.f as usize == exec as *const () as usize))
}

/// RegExpExec(R, S), reading a built-in exec's result without building its array.
fn regexp_exec_fast(rt: &mut Runtime, r: Value, s: Gc<JsString>) -> JsResult<ExecResult> {
    let ek = PropertyKey::String(rt.names.exec);
    let f = rt.get(r, ek)?;
    if rt.is_callable(f) && !(is_builtin_exec(f) && regexp_data(r).is_some()) {
        let res = rt.call(f, r, &[Value::string(s)])?;
        if res.is_null() {
            return Ok(ExecResult::Null);
        }
        if !res.is_object() {
            return Err(rt.type_error("The result of a RegExp exec method must be an object or null"));
        }
        rt.keep(res);
        return Ok(ExecResult::Obj(res));
    }
    let Some(o) = r.as_object().filter(|_| regexp_data(r).is_some()) else {
        return Err(rt.type_error("RegExp exec method called on an incompatible receiver"));
    };
    Ok(match builtin_exec_raw(rt, o, s)? {
        None => ExecResult::Null,
        Some(m) => ExecResult::Raw(m),
    })
}

/// RegExpExec(R, S) with the result as a value (an array, an object, or null).
fn regexp_exec(rt: &mut Runtime, r: Value, s: Gc<JsString>) -> JsResult<Value> {
    Ok(match regexp_exec_fast(rt, r, s)? {
        ExecResult::Null => Value::NULL,
        ExecResult::Obj(v) => v,
        ExecResult::Raw(m) => {
            let hi = regexp_data(r).is_some_and(|d| d.bits & F_D != 0);
            let v = match_array(rt, s, &m, hi);
            rt.keep(v);
            v
        }
    })
}

/// `this` as a RegExp object, or a TypeError.
fn this_regexp(rt: &mut Runtime, this: Value, method: &str) -> JsResult<Gc<JsObject>> {
    match this.as_object() {
        Some(o) if regexp_data(this).is_some() => Ok(o),
        _ => Err(rt.type_error(format!("RegExp.prototype.{method} called on incompatible receiver"))),
    }
}

/// `this` as an object, or a TypeError.
fn this_object(rt: &mut Runtime, this: Value, method: &str) -> JsResult<Value> {
    if this.is_object() {
        Ok(this)
    } else {
        Err(rt.type_error(format!("RegExp.prototype.{method} called on a non-object")))
    }
}

fn exec(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let r = this_regexp(rt, a.this, "exec")?;
    let s = to_str(rt, a.arg(0))?;
    builtin_exec(rt, r, s)
}

fn test(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let r = this_object(rt, a.this, "test")?;
    let s = to_str(rt, a.arg(0))?;
    Ok(Value::bool(!matches!(regexp_exec_fast(rt, r, s)?, ExecResult::Null)))
}

fn to_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let r = this_object(rt, a.this, "toString")?;
    let sk = PropertyKey::String(rt.names.source);
    let sv = rt.get(r, sk)?;
    let p = to_str(rt, sv)?;
    let fk = PropertyKey::String(rt.names.flags);
    let fv = rt.get(r, fk)?;
    let f = rt.to_string(fv)?;
    let mut out = vec![b'/' as u16];
    out.extend_from_slice(p.units());
    out.push(b'/' as u16);
    out.extend_from_slice(f.units());
    Ok(rt.new_string(out))
}

/// The `flags` string of `r` (via the generic `flags` property).
fn get_flags(rt: &mut Runtime, r: Value) -> JsResult<Gc<JsString>> {
    let fk = PropertyKey::String(rt.names.flags);
    let fv = rt.get(r, fk)?;
    to_str(rt, fv)
}

/// The interned name of `FLAGS[i]`'s property.
fn flag_name(rt: &Runtime, i: usize) -> PropertyKey {
    let n = &rt.names;
    let names = [n.has_indices, n.global, n.ignore_case, n.multiline, n.dot_all, n.unicode, n.unicode_sets, n.sticky];
    debug_assert_eq!(names[i].units(), FLAGS[i].2.encode_utf16().collect::<Vec<_>>(), "FLAGS order");
    PropertyKey::String(names[i])
}

fn flags_getter(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let r = this_object(rt, a.this, "flags")?;
    let mut out = Vec::new();
    for (i, (ch, _, _)) in FLAGS.into_iter().enumerate() {
        let k = flag_name(rt, i);
        let v = rt.get(r, k)?;
        if rt.to_boolean(v) {
            out.push(ch as u16);
        }
    }
    Ok(rt.new_string(out))
}

/// RegExpHasFlag.
fn has_flag(rt: &mut Runtime, this: Value, bit: u8, name: &str) -> JsResult<Value> {
    if !this.is_object() {
        return Err(rt.type_error(format!("RegExp.prototype.{name} getter called on a non-object")));
    }
    if let Some(d) = regexp_data(this) {
        return Ok(Value::bool(d.bits & bit != 0));
    }
    if this.as_object() == Some(rt.intrinsic(Intrinsic::RegExpPrototype)) {
        return Ok(Value::UNDEFINED);
    }
    Err(rt.type_error(format!("RegExp.prototype.{name} getter called on a non-RegExp object")))
}

fn get_has_indices(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    has_flag(rt, a.this, F_D, "hasIndices")
}
fn get_global(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    has_flag(rt, a.this, F_G, "global")
}
fn get_ignore_case(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    has_flag(rt, a.this, F_I, "ignoreCase")
}
fn get_multiline(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    has_flag(rt, a.this, F_M, "multiline")
}
fn get_dot_all(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    has_flag(rt, a.this, F_S, "dotAll")
}
fn get_unicode(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    has_flag(rt, a.this, F_U, "unicode")
}
fn get_unicode_sets(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    has_flag(rt, a.this, F_V, "unicodeSets")
}
fn get_sticky(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    has_flag(rt, a.this, F_Y, "sticky")
}

fn source_getter(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if !a.this.is_object() {
        return Err(rt.type_error("RegExp.prototype.source getter called on a non-object"));
    }
    if let Some(d) = regexp_data(a.this) {
        let e = escape_pattern(&d.source);
        return Ok(rt.new_string(e));
    }
    if a.this.as_object() == Some(rt.intrinsic(Intrinsic::RegExpPrototype)) {
        return Ok(rt.str("(?:)"));
    }
    Err(rt.type_error("RegExp.prototype.source getter called on a non-RegExp object"))
}

fn has_unit(s: Gc<JsString>, c: u8) -> bool {
    s.units().contains(&(c as u16))
}

/// ToLength(Get(r, "lastIndex")).
fn get_last_index(rt: &mut Runtime, r: Value) -> JsResult<f64> {
    let lk = PropertyKey::String(rt.names.last_index);
    let v = rt.get(r, lk)?;
    rt.to_length(v)
}

/// Set(r, "lastIndex", n, true).
fn set_last_index(rt: &mut Runtime, r: Value, n: f64) -> JsResult<()> {
    let lk = PropertyKey::String(rt.names.last_index);
    rt.put(r, lk, Value::from_f64(n), true)
}

/// The matched string of an exec result (`ToString(result[0])`), as its length when raw.
fn matched_is_empty(rt: &mut Runtime, res: &ExecResult) -> JsResult<bool> {
    Ok(match res {
        ExecResult::Raw(m) => m.start() == m.end(),
        ExecResult::Obj(v) => {
            let x = rt.get(*v, PropertyKey::Index(0))?;
            rt.to_string(x)?.is_empty()
        }
        ExecResult::Null => false,
    })
}

/// After an empty match of a global search: lastIndex = AdvanceStringIndex(lastIndex).
fn advance_after_empty(rt: &mut Runtime, r: Value, s: Gc<JsString>, unicode: bool) -> JsResult<()> {
    let this_index = get_last_index(rt, r)?;
    let next =
        if this_index >= s.len() as f64 { this_index + 1.0 } else { advance_string_index(s.units(), this_index as usize, unicode) as f64 };
    set_last_index(rt, r, next)
}

fn symbol_match(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let r = this_object(rt, a.this, "[Symbol.match]")?;
    let s = to_str(rt, a.arg(0))?;
    let flags = get_flags(rt, r)?;
    if !has_unit(flags, b'g') {
        return regexp_exec(rt, r, s);
    }
    let unicode = has_unit(flags, b'u') || has_unit(flags, b'v');
    set_last_index(rt, r, 0.0)?;
    let mut found: Vec<Value> = Vec::new();
    loop {
        let res = regexp_exec_fast(rt, r, s)?;
        let m = match &res {
            ExecResult::Null => {
                return Ok(if found.is_empty() { Value::NULL } else { Value::object(rt.new_array(found)) });
            }
            ExecResult::Raw(m) => super::string::substring_value(rt, s, m.start(), m.end()),
            ExecResult::Obj(v) => {
                let x = rt.get(*v, PropertyKey::Index(0))?;
                Value::string(rt.to_string(x)?)
            }
        };
        rt.keep(m);
        found.push(m);
        if m.as_string().is_some_and(|x| x.is_empty()) {
            advance_after_empty(rt, r, s, unicode)?;
        }
    }
}

fn symbol_match_all(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let r = this_object(rt, a.this, "[Symbol.matchAll]")?;
    let s = to_str(rt, a.arg(0))?;
    let default = Value::object(rt.intrinsic(Intrinsic::RegExp));
    let c = super::promise::species_constructor(rt, r, default)?;
    rt.keep(c);
    let flags = get_flags(rt, r)?;
    let matcher = rt.construct(c, &[r, Value::string(flags)], None)?;
    rt.keep(matcher);
    let li = get_last_index(rt, r)?;
    set_last_index(rt, matcher, li)?;
    let global = has_unit(flags, b'g');
    let unicode = has_unit(flags, b'u') || has_unit(flags, b'v');
    Ok(new_iterator(
        rt,
        Intrinsic::RegExpStringIteratorPrototype,
        IteratorState::RegExpString { regexp: matcher, string: Value::string(s), global, unicode, done: false },
    ))
}

fn regexp_string_iterator_next(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let state = a.this.as_object().and_then(|o| match o.builtin() {
        Some(BuiltinData::Iterator(IteratorState::RegExpString { regexp, string, global, unicode, done })) => {
            Some((*regexp, *string, *global, *unicode, *done))
        }
        _ => None,
    });
    let Some((r, sv, global, unicode, done)) = state else {
        return Err(rt.type_error("%RegExpStringIteratorPrototype%.next called on incompatible receiver"));
    };
    if done {
        return Ok(rt.iter_result(Value::UNDEFINED, true));
    }
    let set_done = |o: Gc<JsObject>| {
        if let Some(BuiltinData::Iterator(IteratorState::RegExpString { done, .. })) = o.get_mut().builtin_mut() {
            *done = true;
        }
    };
    let it = a.this.as_object().expect("checked");
    let s = sv.as_string().expect("iterator string");
    let res = regexp_exec(rt, r, s)?;
    if res.is_null() {
        set_done(it);
        return Ok(rt.iter_result(Value::UNDEFINED, true));
    }
    if global {
        let x = rt.get(res, PropertyKey::Index(0))?;
        if rt.to_string(x)?.is_empty() {
            advance_after_empty(rt, r, s, unicode)?;
        }
    } else {
        set_done(it);
    }
    Ok(rt.iter_result(res, false))
}

/// The parts of one exec result that @@replace uses.
struct ReplaceParts {
    matched: Gc<JsString>,
    position: usize,
    captures: Vec<Value>,
    named: Value,
}

/// Reads matched, position, captures and groups from an exec result (spec order of Gets).
fn replace_parts(rt: &mut Runtime, s: Gc<JsString>, res: &ExecResult) -> JsResult<ReplaceParts> {
    match res {
        ExecResult::Raw(m) => {
            let mv = super::string::substring_value(rt, s, m.start(), m.end());
            rt.keep(mv);
            let mut captures = Vec::with_capacity(m.ranges.len() - 1);
            for r in &m.ranges[1..] {
                let v = capture_value(rt, s, r);
                rt.keep(v);
                captures.push(v);
            }
            let named = if m.has_names { match_array_groups(rt, s, m) } else { Value::UNDEFINED };
            rt.keep(named);
            Ok(ReplaceParts { matched: mv.as_string().expect("string"), position: m.start(), captures, named })
        }
        ExecResult::Obj(v) => {
            let v = *v;
            let lk = PropertyKey::String(rt.names.length);
            let lv = rt.get(v, lk)?;
            let n = rt.to_length(lv)?;
            let ncap = (n - 1.0).max(0.0);
            let m0 = rt.get(v, PropertyKey::Index(0))?;
            let matched = to_str(rt, m0)?;
            let ik = PropertyKey::String(rt.names.index);
            let iv = rt.get(v, ik)?;
            let p = rt.to_integer_or_infinity(iv)?;
            let position = p.clamp(0.0, s.len() as f64) as usize;
            let mut captures = Vec::new();
            let mut i = 1.0;
            while i <= ncap {
                let k = if i < u32::MAX as f64 { PropertyKey::Index(i as u32) } else { rt.key(&(i as u64).to_string()) };
                let c = rt.get(v, k)?;
                let c = if c.is_undefined() { c } else { Value::string(to_str(rt, c)?) };
                captures.push(c);
                i += 1.0;
            }
            let gk = PropertyKey::String(rt.names.groups);
            let named = rt.get(v, gk)?;
            rt.keep(named);
            Ok(ReplaceParts { matched, position, captures, named })
        }
        ExecResult::Null => unreachable!("only matches are replaced"),
    }
}

/// The groups object of a raw match.
fn match_array_groups(rt: &mut Runtime, s: Gc<JsString>, m: &RawMatch) -> Value {
    let g = rt.new_object_with(None, ObjectKind::Ordinary);
    for (name, r) in &m.named {
        let v = capture_value(rt, s, r);
        let k = rt.key_units(name);
        rt.define_data(g, k, v, DEFAULT);
    }
    Value::object(g)
}

fn symbol_replace(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let r = this_object(rt, a.this, "[Symbol.replace]")?;
    let s = to_str(rt, a.arg(0))?;
    let len = s.len();
    let mut rv = a.arg(1);
    let functional = rt.is_callable(rv);
    if !functional {
        rv = Value::string(to_str(rt, rv)?);
    }
    let flags = get_flags(rt, r)?;
    let global = has_unit(flags, b'g');
    let unicode = has_unit(flags, b'u') || has_unit(flags, b'v');
    if global {
        set_last_index(rt, r, 0.0)?;
    }
    let mut results = Vec::new();
    loop {
        let res = regexp_exec_fast(rt, r, s)?;
        if matches!(res, ExecResult::Null) {
            break;
        }
        if !global {
            results.push(res);
            break;
        }
        let empty = matched_is_empty(rt, &res)?;
        results.push(res);
        if empty {
            advance_after_empty(rt, r, s, unicode)?;
        }
    }
    let mut out: Vec<u16> = Vec::new();
    let mut next_pos = 0usize;
    for res in &results {
        let parts = replace_parts(rt, s, res)?;
        let mut replacement = Vec::new();
        if functional {
            let mut args = Vec::with_capacity(parts.captures.len() + 4);
            args.push(Value::string(parts.matched));
            args.extend_from_slice(&parts.captures);
            args.push(Value::from_f64(parts.position as f64));
            args.push(Value::string(s));
            if !parts.named.is_undefined() {
                args.push(parts.named);
            }
            let v = rt.call(rv, Value::UNDEFINED, &args)?;
            let vs = rt.to_string(v)?;
            replacement.extend_from_slice(vs.units());
        } else {
            let named = if parts.named.is_undefined() { parts.named } else { Value::object(rt.to_object(parts.named)?) };
            rt.keep(named);
            let t = rv.as_string().expect("template string");
            get_substitution(rt, parts.matched.units(), s.units(), parts.position, &parts.captures, named, t.units(), &mut replacement)?;
        }
        if parts.position >= next_pos {
            out.extend_from_slice(&s.units()[next_pos..parts.position]);
            out.extend_from_slice(&replacement);
            next_pos = parts.position + parts.matched.len();
        }
        if out.len() > super::string::MAX_STRING_LENGTH {
            return Err(rt.range_error("Invalid string length"));
        }
    }
    if next_pos < len {
        out.extend_from_slice(&s.units()[next_pos..]);
    }
    if out.len() > super::string::MAX_STRING_LENGTH {
        return Err(rt.range_error("Invalid string length"));
    }
    Ok(rt.new_string(out))
}

fn symbol_search(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let r = this_object(rt, a.this, "[Symbol.search]")?;
    let s = to_str(rt, a.arg(0))?;
    let lk = PropertyKey::String(rt.names.last_index);
    let prev = rt.get(r, lk)?;
    rt.keep(prev);
    if !rt.same_value(prev, Value::int(0)) {
        rt.put(r, lk, Value::int(0), true)?;
    }
    let res = regexp_exec_fast(rt, r, s)?;
    let cur = rt.get(r, lk)?;
    if !rt.same_value(cur, prev) {
        rt.put(r, lk, prev, true)?;
    }
    match res {
        ExecResult::Null => Ok(Value::int(-1)),
        ExecResult::Raw(m) => Ok(Value::from_f64(m.start() as f64)),
        ExecResult::Obj(v) => {
            let ik = PropertyKey::String(rt.names.index);
            rt.get(v, ik)
        }
    }
}

/// For `@@split` of `r`, whose splitter the constructor `c` made: `r`'s matcher, when the
/// split may search with it instead of running the splitter's `exec` at each position, which
/// no JavaScript can tell apart. That holds when `c` is the intrinsic `RegExp` (the splitter is
/// then a RegExp whose `lastIndex` is a plain data property, inheriting from
/// `RegExp.prototype`), the prototype's `exec` is the built-in data property, the flags are
/// not unicode ones (the steps advance by code units, as the search does), and `r` is a
/// RegExp of the same pattern and flags without `y` (its leftmost match from a position is
/// the splitter's first sticky match from there).
fn split_search(rt: &mut Runtime, c: Value, r: Value, splitter: Value) -> Option<&'static RegExpData> {
    let regexp = rt.intrinsic(Intrinsic::RegExp);
    if c.as_object() != Some(regexp) {
        return None;
    }
    let proto = rt.intrinsic(Intrinsic::RegExpPrototype);
    let ek = PropertyKey::String(rt.names.exec);
    let own = rt.get_own_property(proto, ek)?;
    if own.attrs & ACCESSOR != 0 || !is_builtin_exec(own.value) {
        return None;
    }
    let (sd, rd) = (regexp_data(splitter)?, regexp_data(r)?);
    let same = sd.source == rd.source && sd.bits & !F_G == (rd.bits & !F_G) | F_Y;
    (same && rd.bits & (F_Y | F_U | F_V) == 0).then_some(rd)
}

/// Pushes the captures of `m` onto a split's `parts`; whether they reached `lim`.
fn push_captures(rt: &mut Runtime, s: Gc<JsString>, m: &RawMatch, parts: &mut Vec<Value>, lim: u32) -> bool {
    for r in &m.ranges[1..] {
        let v = capture_value(rt, s, r);
        rt.keep(v);
        parts.push(v);
        if parts.len() == lim as usize {
            return true;
        }
    }
    false
}

fn symbol_split(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let r = this_object(rt, a.this, "[Symbol.split]")?;
    let s = to_str(rt, a.arg(0))?;
    let default = Value::object(rt.intrinsic(Intrinsic::RegExp));
    let c = super::promise::species_constructor(rt, r, default)?;
    rt.keep(c);
    let flags = get_flags(rt, r)?;
    let unicode = has_unit(flags, b'u') || has_unit(flags, b'v');
    let new_flags = if has_unit(flags, b'y') {
        Value::string(flags)
    } else {
        let mut f = flags.units().to_vec();
        f.push(b'y' as u16);
        rt.new_string(f)
    };
    rt.keep(new_flags);
    let splitter = rt.construct(c, &[r, new_flags], None)?;
    rt.keep(splitter);
    let lim = if a.arg(1).is_undefined() { u32::MAX } else { rt.to_uint32(a.arg(1))? };
    let mut parts: Vec<Value> = Vec::new();
    if lim == 0 {
        return Ok(Value::object(rt.new_array(parts)));
    }
    let size = s.len();
    if size == 0 {
        if matches!(regexp_exec_fast(rt, splitter, s)?, ExecResult::Null) {
            parts.push(Value::string(s));
        }
        return Ok(Value::object(rt.new_array(parts)));
    }
    let mut p = 0usize;
    let mut q = 0usize;
    if let Some(search) = split_search(rt, c, r, splitter) {
        // Each search finds the first position from `q` at which the splitter's sticky exec
        // would match, and that match: the positions before it are the steps that failed.
        while q < size {
            let Some(m) = run_matcher(search, s.units(), q) else { break };
            let at = m.start();
            if at >= size {
                break;
            }
            let e = m.end().min(size);
            if e == p {
                q = advance_string_index(s.units(), at, false);
                continue;
            }
            let t = super::string::substring_value(rt, s, p, at);
            rt.keep(t);
            parts.push(t);
            if parts.len() == lim as usize || push_captures(rt, s, &m, &mut parts, lim) {
                return Ok(Value::object(rt.new_array(parts)));
            }
            p = e;
            q = p;
        }
        q = size;
    }
    while q < size {
        set_last_index(rt, splitter, q as f64)?;
        let z = regexp_exec_fast(rt, splitter, s)?;
        if matches!(z, ExecResult::Null) {
            q = advance_string_index(s.units(), q, unicode);
            continue;
        }
        let e = get_last_index(rt, splitter)?;
        let e = (e.min(size as f64)) as usize;
        if e == p {
            q = advance_string_index(s.units(), q, unicode);
            continue;
        }
        let t = super::string::substring_value(rt, s, p.min(q), q);
        rt.keep(t);
        parts.push(t);
        if parts.len() == lim as usize {
            return Ok(Value::object(rt.new_array(parts)));
        }
        p = e;
        match &z {
            ExecResult::Raw(m) => {
                if push_captures(rt, s, m, &mut parts, lim) {
                    return Ok(Value::object(rt.new_array(parts)));
                }
            }
            ExecResult::Obj(v) => {
                let v = *v;
                let lk = PropertyKey::String(rt.names.length);
                let lv = rt.get(v, lk)?;
                let n = rt.to_length(lv)?;
                let ncap = (n - 1.0).max(0.0);
                let mut i = 1.0;
                while i <= ncap {
                    let k = if i < u32::MAX as f64 { PropertyKey::Index(i as u32) } else { rt.key(&(i as u64).to_string()) };
                    let c = rt.get(v, k)?;
                    rt.keep(c);
                    parts.push(c);
                    if parts.len() == lim as usize {
                        return Ok(Value::object(rt.new_array(parts)));
                    }
                    i += 1.0;
                }
            }
            ExecResult::Null => {}
        }
        q = p;
    }
    let t = super::string::substring_value(rt, s, p.min(size), size);
    parts.push(t);
    Ok(Value::object(rt.new_array(parts)))
}
