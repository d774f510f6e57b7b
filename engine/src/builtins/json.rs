//! The `JSON` namespace object (ECMA-262 §25.5): `JSON.parse` and `JSON.stringify`.
//!
//! The parser is iterative (an explicit stack of open containers), so nesting depth is
//! limited only by memory, like V8's; its SyntaxError messages are V8's. The reviver walk
//! (InternalizeJSONProperty) and the serializer recurse, checking the native stack at
//! each level so that deep structures throw a RangeError instead of overflowing.

use crate::heap::Gc;
use crate::runtime::numconv;
use crate::runtime::object::{JsObject, ObjectKind};
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime, Termination, Throw};
use crate::value::Value;
use std::sync::atomic::Ordering;

/// The longest string the engine builds (as `Runtime::concat`).
const MAX_STRING_LENGTH: usize = (1 << 30) - 25;

/// Installs the `JSON` object on the global object.
pub(crate) fn install(rt: &mut Runtime) {
    let proto = rt.intrinsic(Intrinsic::ObjectPrototype);
    let j = rt.new_object_with(Some(proto), ObjectKind::Ordinary);
    rt.define_method(j, "parse", 2, parse);
    rt.define_method(j, "stringify", 3, stringify);
    super::to_string_tag(rt, j, "JSON");
    let g = rt.global_object();
    let k = rt.key("JSON");
    rt.define_data(g, k, Value::object(j), HIDDEN);
}

// ===================================================================================
// JSON.parse
// ===================================================================================

/// `JSON.parse(text, reviver)` (§25.5.1).
fn parse(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let text = rt.to_string(a.arg(0))?;
    let unfiltered = Parser { src: text.units(), pos: 0 }.parse(rt)?;
    let reviver = a.arg(1);
    if !rt.is_callable(reviver) {
        return Ok(unfiltered);
    }
    let root = rt.new_plain_object();
    rt.keep(Value::object(root));
    let empty = PropertyKey::String(rt.empty_string);
    rt.create_data_property_or_throw(root, empty, unfiltered)?;
    internalize(rt, root, empty, reviver)
}

/// The property key for an array index that may exceed the `Index` range.
fn index_key(rt: &mut Runtime, i: f64) -> PropertyKey {
    if i < u32::MAX as f64 {
        PropertyKey::Index(i as u32)
    } else {
        let s = numconv::number_to_string(i);
        rt.key(&s)
    }
}

/// Polls the embedder's interrupt flag (for long loops that may run no JavaScript, such as
/// over a huge sparse array), terminating like the interpreter's safepoints do.
fn poll_interrupt(rt: &mut Runtime, i: f64) -> JsResult<()> {
    if i % 65536.0 == 0.0 && rt.interrupt.load(Ordering::Relaxed) {
        rt.interrupt.store(false, Ordering::Relaxed);
        return Err(Throw::Terminate(Termination::Interrupted));
    }
    Ok(())
}

/// Keeps a property key's string alive (the intern table is weak) while Rust holds it.
fn keep_key(rt: &mut Runtime, k: PropertyKey) {
    if let PropertyKey::String(s) = k {
        rt.keep(Value::string(s));
    }
}

/// InternalizeJSONProperty (§25.5.1.1).
fn internalize(rt: &mut Runtime, holder: Gc<JsObject>, name: PropertyKey, reviver: Value) -> JsResult<Value> {
    rt.check_native_stack()?;
    let mark = rt.kept.len();
    let val = rt.get(Value::object(holder), name)?;
    rt.keep(val);
    if let Some(o) = val.as_object() {
        if o.is_array() {
            let lk = PropertyKey::String(rt.names.length);
            let lv = rt.get(val, lk)?;
            let len = rt.to_length(lv)?;
            let mut i = 0.0;
            while i < len {
                let k = index_key(rt, i);
                keep_key(rt, k);
                let e = internalize(rt, o, k, reviver)?;
                if e.is_undefined() {
                    rt.delete_property(o, k)?;
                } else {
                    rt.create_data_property(o, k, e)?;
                }
                i += 1.0;
            }
        } else {
            let keys = enumerable_own_keys(rt, o);
            for k in keys {
                let e = internalize(rt, o, k, reviver)?;
                if e.is_undefined() {
                    rt.delete_property(o, k)?;
                } else {
                    rt.create_data_property(o, k, e)?;
                }
            }
        }
    }
    let name_v = rt.key_to_value(name);
    let r = rt.call(reviver, Value::object(holder), &[name_v, val]);
    rt.kept.truncate(mark);
    r
}

/// EnumerableOwnProperties(o, key): the enumerable own string keys, in order (kept alive).
fn enumerable_own_keys(rt: &mut Runtime, o: Gc<JsObject>) -> Vec<PropertyKey> {
    let mut out = Vec::new();
    for k in rt.own_property_keys(o) {
        if k.is_symbol() {
            continue;
        }
        if rt.get_own_property(o, k).is_some_and(|p| p.attrs & ENUMERABLE != 0) {
            keep_key(rt, k);
            out.push(k);
        }
    }
    out
}

/// V8's JSON.parse error messages.
enum ParseError {
    /// A token that cannot appear here (`None`: the end of the input).
    Unexpected(Option<usize>),
    /// A message template with the position appended.
    At(&'static str, usize),
}

/// An open container while parsing.
enum Open {
    Array(Vec<Value>),
    Object(Gc<JsObject>, PropertyKey),
}

/// The JSON text parser (ECMA-404), over UTF-16 code units.
struct Parser<'a> {
    src: &'a [u16],
    pos: usize,
}

const fn u(c: u8) -> u16 {
    c as u16
}

impl Parser<'_> {
    fn peek(&self) -> Option<u16> {
        self.src.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(c) = self.peek() {
            if c == u(b' ') || c == u(b'\t') || c == u(b'\n') || c == u(b'\r') {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    /// The error for an unexpected character at `pos` (or the end).
    fn unexpected(&self) -> ParseError {
        ParseError::Unexpected((self.pos < self.src.len()).then_some(self.pos))
    }

    /// Parses the whole text; a SyntaxError if it is not exactly one JSON value.
    fn parse(mut self, rt: &mut Runtime) -> JsResult<Value> {
        match self.parse_text(rt) {
            Ok(v) => Ok(v),
            Err(e) => Err(self.error(rt, e)),
        }
    }

    fn parse_text(&mut self, rt: &mut Runtime) -> Result<Value, ParseError> {
        let mut stack: Vec<Open> = Vec::new();
        'value: loop {
            self.skip_ws();
            let mut value = match self.peek() {
                Some(0x7B) => {
                    // '{'
                    self.pos += 1;
                    self.skip_ws();
                    let o = rt.new_plain_object();
                    if self.peek() == Some(u(b'}')) {
                        self.pos += 1;
                        Value::object(o)
                    } else {
                        let key = self.property_name(rt, "Expected property name or '}' in JSON at position ")?;
                        stack.push(Open::Object(o, key));
                        continue 'value;
                    }
                }
                Some(0x5B) => {
                    // '['
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(u(b']')) {
                        self.pos += 1;
                        Value::object(rt.new_array(Vec::new()))
                    } else {
                        stack.push(Open::Array(Vec::new()));
                        continue 'value;
                    }
                }
                Some(0x22) => {
                    let s = self.string()?;
                    rt.new_string(s)
                }
                Some(c) if c == u(b'-') || (u(b'0')..=u(b'9')).contains(&c) => Value::from_f64(self.number()?),
                Some(0x74) => {
                    self.literal("true")?;
                    Value::TRUE
                }
                Some(0x66) => {
                    self.literal("false")?;
                    Value::FALSE
                }
                Some(0x6E) => {
                    self.literal("null")?;
                    Value::NULL
                }
                _ => return Err(self.unexpected()),
            };
            // Close containers until one wants another element.
            loop {
                match stack.last_mut() {
                    None => {
                        self.skip_ws();
                        if self.pos < self.src.len() {
                            return Err(ParseError::At("Unexpected non-whitespace character after JSON at position ", self.pos));
                        }
                        return Ok(value);
                    }
                    Some(Open::Array(items)) => {
                        items.push(value);
                        self.skip_ws();
                        match self.peek() {
                            Some(0x2C) => {
                                self.pos += 1;
                                continue 'value;
                            }
                            Some(0x5D) => {
                                self.pos += 1;
                                let Some(Open::Array(items)) = stack.pop() else { unreachable!("top is an array") };
                                value = Value::object(rt.new_array(items));
                            }
                            _ => return Err(ParseError::At("Expected ',' or ']' after array element in JSON at position ", self.pos)),
                        }
                    }
                    Some(Open::Object(o, key)) => {
                        let (o, k) = (*o, *key);
                        // A fresh extensible ordinary object: CreateDataProperty cannot fail.
                        let _ = rt.create_data_property(o, k, value);
                        self.skip_ws();
                        match self.peek() {
                            Some(0x2C) => {
                                self.pos += 1;
                                self.skip_ws();
                                let nk = self.property_name(rt, "Expected double-quoted property name in JSON at position ")?;
                                if let Some(Open::Object(_, key)) = stack.last_mut() {
                                    *key = nk;
                                }
                                continue 'value;
                            }
                            Some(0x7D) => {
                                self.pos += 1;
                                stack.pop();
                                value = Value::object(o);
                            }
                            _ => return Err(ParseError::At("Expected ',' or '}' after property value in JSON at position ", self.pos)),
                        }
                    }
                }
            }
        }
    }

    /// A property name and its colon (whitespace before the name already skipped).
    fn property_name(&mut self, rt: &mut Runtime, missing: &'static str) -> Result<PropertyKey, ParseError> {
        if self.peek() != Some(u(b'"')) {
            return Err(ParseError::At(missing, self.pos));
        }
        let s = self.string()?;
        let key = rt.key_units(&s);
        self.skip_ws();
        if self.peek() != Some(u(b':')) {
            return Err(ParseError::At("Expected ':' after property name in JSON at position ", self.pos));
        }
        self.pos += 1;
        Ok(key)
    }

    /// A string literal (at its opening quote).
    fn string(&mut self) -> Result<Vec<u16>, ParseError> {
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let start = self.pos;
            while let Some(&c) = self.src.get(self.pos) {
                if c == u(b'"') || c == u(b'\\') || c < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.extend_from_slice(&self.src[start..self.pos]);
            let Some(c) = self.peek() else {
                return Err(ParseError::At("Unterminated string in JSON at position ", self.pos));
            };
            if c == u(b'"') {
                self.pos += 1;
                return Ok(out);
            }
            if c < 0x20 {
                return Err(ParseError::At("Bad control character in string literal in JSON at position ", self.pos));
            }
            // A backslash.
            self.pos += 1;
            let Some(e) = self.peek() else { return Err(ParseError::Unexpected(None)) };
            let decoded = match e {
                0x22 | 0x5C | 0x2F => e,
                0x62 => 0x08,
                0x66 => 0x0C,
                0x6E => 0x0A,
                0x72 => 0x0D,
                0x74 => 0x09,
                0x75 => {
                    let mut v: u16 = 0;
                    for _ in 0..4 {
                        self.pos += 1;
                        let d = self.peek().and_then(|c| char::from_u32(u32::from(c))).and_then(|c| c.to_digit(16));
                        let Some(d) = d else {
                            return Err(ParseError::At("Bad Unicode escape in JSON at position ", self.pos));
                        };
                        v = v * 16 + d as u16;
                    }
                    v
                }
                _ if e > 0xFF => return Err(self.unexpected()),
                _ => return Err(ParseError::At("Bad escaped character in JSON at position ", self.pos)),
            };
            out.push(decoded);
            self.pos += 1;
        }
    }

    fn digit_at(&self, i: usize) -> bool {
        self.src.get(i).is_some_and(|c| (u(b'0')..=u(b'9')).contains(c))
    }

    /// A number literal (at its first character).
    fn number(&mut self) -> Result<f64, ParseError> {
        let start = self.pos;
        if self.peek() == Some(u(b'-')) {
            self.pos += 1;
            if !self.digit_at(self.pos) {
                return Err(ParseError::At("No number after minus sign in JSON at position ", self.pos));
            }
        }
        if self.peek() == Some(u(b'0')) {
            self.pos += 1;
            if self.digit_at(self.pos) {
                return Err(ParseError::At("Unexpected number in JSON at position ", self.pos));
            }
        } else {
            while self.digit_at(self.pos) {
                self.pos += 1;
            }
        }
        let int_end = self.pos;
        if self.peek() == Some(u(b'.')) {
            self.pos += 1;
            if !self.digit_at(self.pos) {
                return Err(ParseError::At("Unterminated fractional number in JSON at position ", self.pos));
            }
            while self.digit_at(self.pos) {
                self.pos += 1;
            }
        }
        if matches!(self.peek(), Some(0x65 | 0x45)) {
            self.pos += 1;
            if matches!(self.peek(), Some(0x2B | 0x2D)) {
                self.pos += 1;
            }
            if !self.digit_at(self.pos) {
                return Err(ParseError::At("Exponent part is missing a number in JSON at position ", self.pos));
            }
            while self.digit_at(self.pos) {
                self.pos += 1;
            }
        }
        let text = &self.src[start..self.pos];
        // Short integers: exact without the general conversion.
        if int_end == self.pos && text.len() <= 15 {
            let (neg, digits) = if text[0] == u(b'-') { (true, &text[1..]) } else { (false, text) };
            let n = digits.iter().fold(0i64, |acc, &d| acc * 10 + i64::from(d - u(b'0')));
            let f = n as f64;
            return Ok(if neg { -f } else { f });
        }
        Ok(numconv::string_to_number(text))
    }

    /// The rest of `true`, `false` or `null` (at its first letter), checked like V8.
    fn literal(&mut self, word: &str) -> Result<(), ParseError> {
        for b in word.bytes() {
            match self.peek() {
                None => return Err(ParseError::Unexpected(None)),
                Some(c) if c == u16::from(b) => self.pos += 1,
                Some(_) => return Err(self.unexpected()),
            }
        }
        Ok(())
    }

    /// The SyntaxError for a parse error, worded like V8's.
    fn error(&self, rt: &mut Runtime, e: ParseError) -> crate::runtime::Throw {
        let msg = match e {
            ParseError::At(m, pos) => format!("{m}{pos}"),
            ParseError::Unexpected(None) => "Unexpected end of JSON input".to_string(),
            ParseError::Unexpected(Some(pos)) => self.unexpected_token_message(pos),
        };
        rt.syntax_error(msg)
    }

    /// V8's "Unexpected token" message, with context from the source around `pos`.
    fn unexpected_token_message(&self, pos: usize) -> String {
        const CONTEXT: usize = 10;
        let src = self.src;
        let c = src[pos];
        if c == u(b'"') {
            return format!("Unexpected string in JSON at position {pos}");
        }
        if c == u(b'-') || (u(b'0')..=u(b'9')).contains(&c) {
            return format!("Unexpected number in JSON at position {pos}");
        }
        let text = |r: &[u16]| String::from_utf16_lossy(r);
        for special in ["[object Object]", "undefined", "Infinity", "NaN"] {
            if src.len() == special.len() && src.iter().zip(special.bytes()).all(|(a, b)| *a == u16::from(b)) {
                return format!("\"{special}\" is not valid JSON");
            }
        }
        let token = text(&[c]);
        let len = src.len();
        if len < CONTEXT * 2 + 1 {
            format!("Unexpected token '{token}', \"{}\" is not valid JSON", text(src))
        } else if pos < CONTEXT {
            format!("Unexpected token '{token}', \"{}\"... is not valid JSON", text(&src[..pos + CONTEXT]))
        } else if pos < len - CONTEXT {
            format!("Unexpected token '{token}', ...\"{}\"... is not valid JSON", text(&src[pos - CONTEXT..pos + CONTEXT]))
        } else {
            format!("Unexpected token '{token}', ...\"{}\" is not valid JSON", text(&src[pos - CONTEXT..]))
        }
    }
}

// ===================================================================================
// JSON.stringify
// ===================================================================================

/// The state of one JSON.stringify call (§25.5.2's JSON Serialization Record).
struct Serializer {
    /// The replacer function, or undefined.
    replacer: Value,
    /// The property list from an array replacer.
    property_list: Option<Vec<PropertyKey>>,
    /// The gap (indentation unit).
    gap: Vec<u16>,
    /// The current indentation.
    indent: Vec<u16>,
    /// Objects being serialized, with the key each was reached by (for cycle messages).
    stack: Vec<(Gc<JsObject>, Value)>,
    /// The output.
    out: Vec<u16>,
    /// Set when a cycle was found.
    circular: bool,
}

/// `JSON.stringify(value, replacer, space)` (§25.5.2).
fn stringify(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let mut s = Serializer {
        replacer: Value::UNDEFINED,
        property_list: None,
        gap: Vec::new(),
        indent: Vec::new(),
        stack: Vec::new(),
        out: Vec::new(),
        circular: false,
    };
    let replacer = a.arg(1);
    if let Some(r) = replacer.as_object() {
        if r.is_callable() {
            s.replacer = replacer;
        } else if r.is_array() {
            s.property_list = Some(property_list(rt, r)?);
        }
    }
    let mut space = a.arg(2);
    if let Some(o) = space.as_object() {
        match o.kind {
            ObjectKind::Number(_) => space = Value::number(rt.to_number(space)?),
            ObjectKind::String(_) => space = Value::string(rt.to_string(space)?),
            _ => {}
        }
    }
    if space.is_number() {
        let n = rt.to_integer_or_infinity(space)?.min(10.0);
        if n >= 1.0 {
            s.gap = vec![u(b' '); n as usize];
        }
    } else if let Some(st) = space.as_string() {
        let u = st.units();
        s.gap = u[..u.len().min(10)].to_vec();
    }
    match s.run(rt, a.arg(0))? {
        true => Ok(rt.new_string(s.out)),
        false => Ok(Value::UNDEFINED),
    }
}

/// The property list of an array replacer: strings, numbers and their wrappers, deduplicated.
fn property_list(rt: &mut Runtime, r: Gc<JsObject>) -> JsResult<Vec<PropertyKey>> {
    let lk = PropertyKey::String(rt.names.length);
    let lv = rt.get(Value::object(r), lk)?;
    let len = rt.to_length(lv)?;
    let mut list: Vec<PropertyKey> = Vec::new();
    let mut k = 0.0;
    while k < len {
        poll_interrupt(rt, k)?;
        let ik = index_key(rt, k);
        let v = rt.get(Value::object(r), ik)?;
        k += 1.0;
        let item = if let Some(s) = v.as_string() {
            Some(s)
        } else if v.is_number() || v.as_object().is_some_and(|o| matches!(o.kind, ObjectKind::String(_) | ObjectKind::Number(_))) {
            Some(rt.to_string(v)?)
        } else {
            None
        };
        if let Some(s) = item {
            let key = rt.key_units(s.units());
            if !list.contains(&key) {
                keep_key(rt, key);
                list.push(key);
            }
        }
    }
    Ok(list)
}

impl Serializer {
    /// Serializes `value` as the "" property of a fresh wrapper; false if the result is
    /// undefined.
    fn run(&mut self, rt: &mut Runtime, value: Value) -> JsResult<bool> {
        let wrapper = rt.new_plain_object();
        rt.keep(Value::object(wrapper));
        let empty = PropertyKey::String(rt.empty_string);
        rt.create_data_property_or_throw(wrapper, empty, value)?;
        let r = self.property(rt, empty, wrapper)?;
        if self.out.len() > MAX_STRING_LENGTH {
            return Err(rt.range_error("Invalid string length"));
        }
        Ok(r)
    }

    /// SerializeJSONProperty (§25.5.2.2): appends the serialization of `holder[key]`;
    /// false (nothing appended) if it is undefined.
    fn property(&mut self, rt: &mut Runtime, key: PropertyKey, holder: Gc<JsObject>) -> JsResult<bool> {
        let mark = rt.kept.len();
        let r = self.property_inner(rt, key, holder);
        rt.kept.truncate(mark);
        r
    }

    fn property_inner(&mut self, rt: &mut Runtime, key: PropertyKey, holder: Gc<JsObject>) -> JsResult<bool> {
        let mut value = rt.get(Value::object(holder), key)?;
        let mut key_value = Value::UNDEFINED;
        if value.is_object() {
            let tk = PropertyKey::String(rt.names.to_json);
            let to_json = rt.get(value, tk)?;
            if rt.is_callable(to_json) {
                key_value = rt.key_to_value(key);
                rt.keep(key_value);
                value = rt.call(to_json, value, &[key_value])?;
            }
        }
        if !self.replacer.is_undefined() {
            if key_value.is_undefined() {
                key_value = rt.key_to_value(key);
            }
            value = rt.call(self.replacer, Value::object(holder), &[key_value, value])?;
        }
        if let Some(o) = value.as_object() {
            match o.kind {
                ObjectKind::Number(_) => value = Value::number(rt.to_number(value)?),
                ObjectKind::String(_) => value = Value::string(rt.to_string(value)?),
                ObjectKind::Boolean(b) => value = Value::bool(b),
                _ => {}
            }
        }
        if value.is_null() {
            self.push_str("null");
        } else if let Some(b) = value.as_bool() {
            self.push_str(if b { "true" } else { "false" });
        } else if let Some(s) = value.as_string() {
            quote(&mut self.out, s.units());
        } else if let Some(n) = value.as_number() {
            if let Some(i) = value.as_int() {
                self.push_str(&i.to_string());
            } else if n.is_finite() {
                self.push_str(&numconv::number_to_string(n));
            } else {
                self.push_str("null");
            }
        } else if let Some(o) = value.as_object().filter(|o| !o.is_callable()) {
            rt.keep(value);
            if key_value.is_undefined() {
                key_value = rt.key_to_value(key);
                rt.keep(key_value);
            }
            self.enter(rt, o, key_value)?;
            if o.is_array() {
                self.array(rt, o)?;
            } else {
                self.object(rt, o)?;
            }
            self.stack.pop();
        } else {
            return Ok(false);
        }
        Ok(true)
    }

    fn push_str(&mut self, s: &str) {
        self.out.extend(s.bytes().map(u16::from));
    }

    /// Checks for a cycle and pushes `o` on the stack.
    fn enter(&mut self, rt: &mut Runtime, o: Gc<JsObject>, key: Value) -> JsResult<()> {
        rt.check_native_stack()?;
        if let Some(start) = self.stack.iter().position(|(x, _)| *x == o) {
            self.circular = true;
            let msg = self.circular_message(rt, start, key);
            return Err(rt.type_error(msg));
        }
        if self.out.len() > MAX_STRING_LENGTH {
            return Err(rt.range_error("Invalid string length"));
        }
        self.stack.push((o, key));
        Ok(())
    }

    /// A newline and the current indentation (when there is a gap).
    fn newline(&mut self) {
        self.out.push(u(b'\n'));
        self.out.extend_from_slice(&self.indent);
    }

    /// SerializeJSONObject (§25.5.2.5).
    fn object(&mut self, rt: &mut Runtime, o: Gc<JsObject>) -> JsResult<()> {
        let stepback = self.indent.len();
        self.indent.extend_from_slice(&self.gap.clone());
        let keys = match &self.property_list {
            Some(l) => l.clone(),
            None => enumerable_own_keys(rt, o),
        };
        self.out.push(u(b'{'));
        let mut any = false;
        for k in keys {
            let before = self.out.len();
            if any {
                self.out.push(u(b','));
            }
            if !self.gap.is_empty() {
                self.newline();
            }
            match k {
                PropertyKey::String(s) => quote(&mut self.out, s.units()),
                PropertyKey::Index(i) => {
                    self.out.push(u(b'"'));
                    self.push_str(&i.to_string());
                    self.out.push(u(b'"'));
                }
                PropertyKey::Symbol(_) => {}
            }
            self.out.push(u(b':'));
            if !self.gap.is_empty() {
                self.out.push(u(b' '));
            }
            if self.property(rt, k, o)? {
                any = true;
            } else {
                self.out.truncate(before);
            }
        }
        self.indent.truncate(stepback);
        if any && !self.gap.is_empty() {
            self.newline();
        }
        self.out.push(u(b'}'));
        Ok(())
    }

    /// SerializeJSONArray (§25.5.2.6).
    fn array(&mut self, rt: &mut Runtime, o: Gc<JsObject>) -> JsResult<()> {
        let stepback = self.indent.len();
        self.indent.extend_from_slice(&self.gap.clone());
        let lk = PropertyKey::String(rt.names.length);
        let lv = rt.get(Value::object(o), lk)?;
        let len = rt.to_length(lv)?;
        self.out.push(u(b'['));
        let mut i = 0.0;
        while i < len {
            if i > 0.0 {
                self.out.push(u(b','));
            }
            if !self.gap.is_empty() {
                self.newline();
            }
            poll_interrupt(rt, i)?;
            let k = index_key(rt, i);
            let mark = rt.kept.len();
            keep_key(rt, k);
            if !self.property(rt, k, o)? {
                self.push_str("null");
            }
            rt.kept.truncate(mark);
            if self.out.len() > MAX_STRING_LENGTH {
                return Err(rt.range_error("Invalid string length"));
            }
            i += 1.0;
        }
        self.indent.truncate(stepback);
        if len > 0.0 && !self.gap.is_empty() {
            self.newline();
        }
        self.out.push(u(b']'));
        Ok(())
    }

    /// V8's message for a cycle starting at `stack[start]` and closed by `key`.
    fn circular_message(&self, rt: &mut Runtime, start: usize, key: Value) -> String {
        let mut m = String::from("Converting circular structure to JSON");
        m.push_str(&format!("\n    --> starting at object with constructor '{}'", constructor_name(rt, self.stack[start].0)));
        let rest = &self.stack[start + 1..];
        // V8 prints at most two links after the start and one before the end.
        let (head, tail) = if rest.len() > 3 { (&rest[..2], &rest[rest.len() - 1..]) } else { (rest, &rest[..0]) };
        for (o, k) in head {
            m.push_str(&format!("\n    |     {} -> object with constructor '{}'", key_description(self, *o, *k), constructor_name(rt, *o)));
        }
        if !tail.is_empty() {
            m.push_str("\n    |     ...");
        }
        for (o, k) in tail {
            m.push_str(&format!("\n    |     {} -> object with constructor '{}'", key_description(self, *o, *k), constructor_name(rt, *o)));
        }
        let last = self.stack.last().map(|(o, _)| *o);
        m.push_str(&format!("\n    --- {} closes the circle", key_text(last.is_some_and(|o| o.is_array()), key)));
        m
    }
}

/// "index N" for array elements, "property 'k'" otherwise (V8's wording).
fn key_text(in_array: bool, key: Value) -> String {
    let s = key.as_string().map(|s| s.to_rust_string()).unwrap_or_default();
    if in_array {
        format!("index {s}")
    } else {
        format!("property '{s}'")
    }
}

/// How `o` was reached from its parent on the stack.
fn key_description(s: &Serializer, o: Gc<JsObject>, key: Value) -> String {
    let idx = s.stack.iter().position(|(x, _)| *x == o).unwrap_or(0);
    let parent_is_array = idx > 0 && s.stack[idx - 1].0.is_array();
    key_text(parent_is_array, key)
}

/// The name of `o`'s constructor, found through data properties only (no code runs).
fn constructor_name(rt: &mut Runtime, o: Gc<JsObject>) -> String {
    let ck = PropertyKey::String(rt.names.constructor);
    let nk = PropertyKey::String(rt.names.name);
    let mut cur = Some(o);
    while let Some(x) = cur {
        if let Some(p) = rt.get_own_property(x, ck) {
            if p.accessor().is_none() {
                if let Some(c) = p.value.as_object() {
                    if let Some(n) = rt.get_own_property(c, nk) {
                        if let Some(s) = n.value.as_string().filter(|_| n.accessor().is_none()) {
                            if !s.is_empty() {
                                return s.to_rust_string();
                            }
                        }
                    }
                }
            }
            break;
        }
        cur = x.proto();
    }
    "Object".to_string()
}

/// QuoteJSONString (§25.5.2.3): appends `s` quoted, escaping controls and lone surrogates.
fn quote(out: &mut Vec<u16>, s: &[u16]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(s.len() + 2);
    out.push(u(b'"'));
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        match c {
            0x08 => out.extend_from_slice(&[u(b'\\'), u(b'b')]),
            0x09 => out.extend_from_slice(&[u(b'\\'), u(b't')]),
            0x0A => out.extend_from_slice(&[u(b'\\'), u(b'n')]),
            0x0C => out.extend_from_slice(&[u(b'\\'), u(b'f')]),
            0x0D => out.extend_from_slice(&[u(b'\\'), u(b'r')]),
            0x22 => out.extend_from_slice(&[u(b'\\'), u(b'"')]),
            0x5C => out.extend_from_slice(&[u(b'\\'), u(b'\\')]),
            0xD800..=0xDBFF if s.get(i + 1).is_some_and(|d| (0xDC00..=0xDFFF).contains(d)) => {
                out.extend_from_slice(&s[i..i + 2]);
                i += 1;
            }
            _ if c < 0x20 || (0xD800..=0xDFFF).contains(&c) => {
                out.extend_from_slice(&[u(b'\\'), u(b'u')]);
                for shift in [12, 8, 4, 0] {
                    out.push(u16::from(HEX[usize::from((c >> shift) & 0xF)]));
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out.push(u(b'"'));
}

/// JSON.stringify of one value without replacer or indentation (for console's `%j`):
/// `None` when the result is undefined; `"[Circular]"` for a cyclic structure (as node).
pub(crate) fn stringify_value(rt: &mut Runtime, v: Value) -> JsResult<Option<String>> {
    let mut s = Serializer {
        replacer: Value::UNDEFINED,
        property_list: None,
        gap: Vec::new(),
        indent: Vec::new(),
        stack: Vec::new(),
        out: Vec::new(),
        circular: false,
    };
    match s.run(rt, v) {
        Ok(true) => Ok(Some(String::from_utf16_lossy(&s.out))),
        Ok(false) => Ok(None),
        Err(_) if s.circular => Ok(Some("[Circular]".to_string())),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use crate::runtime::{Runtime, RuntimeOptions};
    use std::cell::RefCell;
    use std::rc::Rc;

    /// Runs `src` in a fresh runtime on a thread with a 2 MiB stack; returns what it printed.
    fn run_small_stack(src: &'static str) -> String {
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                let out = Rc::new(RefCell::new(String::new()));
                let mut rt = Runtime::with_options(RuntimeOptions { host_apis: crate::HostApis::all(), ..Default::default() });
                let o = out.clone();
                rt.set_print_handler(Box::new(move |s| {
                    o.borrow_mut().push_str(s);
                    o.borrow_mut().push('\n');
                }));
                if let Err(e) = rt.eval(src, "deep.js") {
                    out.borrow_mut().push_str(&format!("uncaught {}: {}\n", e.name, e.message));
                }
                let s = out.borrow().clone();
                s
            })
            .expect("spawn")
            .join()
            .expect("no panic or overflow")
    }

    #[test]
    fn deep_nesting_does_not_crash() {
        let out = run_small_stack(
            r#"
            var n = 100000, s = '';
            for (var i = 0; i < n; i++) s += '[';
            for (var i = 0; i < n; i++) s += ']';
            var v = JSON.parse(s);
            var d = 0, x = v;
            while (x.length) { x = x[0]; d++; }
            console.log('parsed ' + d);
            try { JSON.stringify(v); console.log('stringify ok'); } catch (e) { console.log('stringify ' + e.name); }
            try { JSON.parse(s, function (k, v) { return v; }); console.log('revive ok'); } catch (e) { console.log('revive ' + e.name); }
            var o = {};
            for (var i = 0; i < n; i++) o = { a: o };
            try { JSON.stringify(o); console.log('object ok'); } catch (e) { console.log('object ' + e.name); }
            console.log(JSON.stringify(JSON.parse('[[[1]],{"a":[2]}]')));
            "#,
        );
        // JavaScript runs on a grown native stack (see `Runtime::run_closure`), deep enough
        // for these; deeper ones end in a RangeError, never a crash.
        assert_eq!(out, "parsed 99999\nstringify ok\nrevive ok\nobject ok\n[[[1]],{\"a\":[2]}]\n");
    }
}
