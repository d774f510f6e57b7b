//! `TextEncoder` and `TextDecoder` (WHATWG Encoding: UTF-8, UTF-16LE/BE and windows-1252
//! decoding, with `fatal`, `ignoreBOM` and streaming), and `atob`/`btoa` (HTML's
//! forgiving-base64).

use super::{
    captured_proto, define_attribute, dom_exception, host_data, make_interface, new_host_object, proto_from_new_target, require_new,
    HostData,
};
use crate::builtins::array_buffer::{bytes, new_buffer_with};
use crate::builtins::typed_array::{new_typed_array, ElemType, TypedArrayData};
use crate::builtins::BuiltinData;
use crate::runtime::object::ObjectKind;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

/// The encodings a TextDecoder supports.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// UTF-16LE.
    Utf16Le,
    /// UTF-16BE.
    Utf16Be,
    /// windows-1252 (also the "latin1"/"ascii" labels).
    Windows1252,
}

impl Encoding {
    /// The encoding's name as the `encoding` getter reports it.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }

    /// "Get an encoding" from a label (trimmed of ASCII whitespace, ASCII case-insensitive).
    pub fn from_label(label: &str) -> Option<Encoding> {
        let l = label.trim_matches(|c| matches!(c, '\t' | '\n' | '\x0c' | '\r' | ' ')).to_ascii_lowercase();
        Some(match l.as_str() {
            "unicode-1-1-utf-8" | "unicode11utf8" | "unicode20utf8" | "utf-8" | "utf8" | "x-unicode20utf8" => Encoding::Utf8,
            "csunicode" | "iso-10646-ucs-2" | "ucs-2" | "unicode" | "unicodefeff" | "utf-16" | "utf-16le" => Encoding::Utf16Le,
            "unicodefffe" | "utf-16be" => Encoding::Utf16Be,
            "ansi_x3.4-1968" | "ascii" | "cp1252" | "cp819" | "csisolatin1" | "ibm819" | "iso-8859-1" | "iso-ir-100" | "iso8859-1"
            | "iso88591" | "iso_8859-1" | "iso_8859-1:1987" | "l1" | "latin1" | "us-ascii" | "windows-1252" | "x-cp1252" => {
                Encoding::Windows1252
            }
            _ => return None,
        })
    }
}

/// windows-1252 code points for bytes 0x80..=0x9F (the rest map to themselves).
const WINDOWS_1252_HIGH: [u16; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090,
    0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
];

/// A TextDecoder's slots and its decoder's state.
pub struct TextDecoderState {
    encoding: Encoding,
    fatal: bool,
    ignore_bom: bool,
    bom_seen: bool,
    do_not_flush: bool,
    // UTF-8 decoder state.
    code_point: u32,
    bytes_seen: u8,
    bytes_needed: u8,
    lower: u8,
    upper: u8,
    // UTF-16 decoder state.
    lead_byte: Option<u8>,
    lead_surrogate: Option<u16>,
}

/// One step of a decoder handler.
enum Step {
    Continue,
    CodePoint(u32),
    Error,
    /// An error; the given code unit must be processed again (UTF-16).
    ErrorUnit(u16),
}

impl TextDecoderState {
    fn new(encoding: Encoding, fatal: bool, ignore_bom: bool) -> Self {
        TextDecoderState {
            encoding,
            fatal,
            ignore_bom,
            bom_seen: false,
            do_not_flush: false,
            code_point: 0,
            bytes_seen: 0,
            bytes_needed: 0,
            lower: 0x80,
            upper: 0xBF,
            lead_byte: None,
            lead_surrogate: None,
        }
    }

    fn reset(&mut self) {
        *self = TextDecoderState::new(self.encoding, self.fatal, self.ignore_bom);
    }

    /// The UTF-8 decoder's handler for one byte; `Err(())` asks to process the byte again.
    fn utf8(&mut self, b: u8) -> (Step, bool) {
        if self.bytes_needed == 0 {
            return match b {
                0x00..=0x7F => (Step::CodePoint(b as u32), false),
                0xC2..=0xDF => {
                    self.bytes_needed = 1;
                    self.code_point = (b & 0x1F) as u32;
                    (Step::Continue, false)
                }
                0xE0..=0xEF => {
                    if b == 0xE0 {
                        self.lower = 0xA0;
                    }
                    if b == 0xED {
                        self.upper = 0x9F;
                    }
                    self.bytes_needed = 2;
                    self.code_point = (b & 0xF) as u32;
                    (Step::Continue, false)
                }
                0xF0..=0xF4 => {
                    if b == 0xF0 {
                        self.lower = 0x90;
                    }
                    if b == 0xF4 {
                        self.upper = 0x8F;
                    }
                    self.bytes_needed = 3;
                    self.code_point = (b & 0x7) as u32;
                    (Step::Continue, false)
                }
                _ => (Step::Error, false),
            };
        }
        if b < self.lower || b > self.upper {
            self.code_point = 0;
            self.bytes_needed = 0;
            self.bytes_seen = 0;
            self.lower = 0x80;
            self.upper = 0xBF;
            return (Step::Error, true);
        }
        self.lower = 0x80;
        self.upper = 0xBF;
        self.code_point = (self.code_point << 6) | (b & 0x3F) as u32;
        self.bytes_seen += 1;
        if self.bytes_seen != self.bytes_needed {
            return (Step::Continue, false);
        }
        let cp = self.code_point;
        self.code_point = 0;
        self.bytes_needed = 0;
        self.bytes_seen = 0;
        (Step::CodePoint(cp), false)
    }

    /// The shared UTF-16 decoder's handler for one code unit.
    fn utf16_unit(&mut self, unit: u16) -> Step {
        if let Some(lead) = self.lead_surrogate.take() {
            if (0xDC00..=0xDFFF).contains(&unit) {
                return Step::CodePoint(0x10000 + ((lead as u32 - 0xD800) << 10) + (unit as u32 - 0xDC00));
            }
            return Step::ErrorUnit(unit);
        }
        match unit {
            0xD800..=0xDBFF => {
                self.lead_surrogate = Some(unit);
                Step::Continue
            }
            0xDC00..=0xDFFF => Step::Error,
            _ => Step::CodePoint(unit as u32),
        }
    }

    /// Decodes `input` (and, unless streaming, the end of the queue), appending UTF-16 to `out`;
    /// `Err(())` on a fatal error.
    fn decode(&mut self, input: &[u8], stream: bool, out: &mut Vec<u16>) -> Result<(), ()> {
        if !self.do_not_flush {
            self.reset();
        }
        self.do_not_flush = stream;
        let mut i = 0;
        while i < input.len() {
            let b = input[i];
            let step = match self.encoding {
                Encoding::Utf8 => {
                    let (s, again) = self.utf8(b);
                    if !again {
                        i += 1;
                    }
                    s
                }
                Encoding::Windows1252 => {
                    i += 1;
                    Step::CodePoint(if (0x80..=0x9F).contains(&b) { WINDOWS_1252_HIGH[(b - 0x80) as usize] as u32 } else { b as u32 })
                }
                Encoding::Utf16Le | Encoding::Utf16Be => {
                    i += 1;
                    match self.lead_byte.take() {
                        None => {
                            self.lead_byte = Some(b);
                            Step::Continue
                        }
                        Some(lead) => {
                            let unit = if self.encoding == Encoding::Utf16Le {
                                u16::from_le_bytes([lead, b])
                            } else {
                                u16::from_be_bytes([lead, b])
                            };
                            self.utf16_unit(unit)
                        }
                    }
                }
            };
            self.emit(step, out)?;
        }
        if !stream {
            let pending = match self.encoding {
                Encoding::Utf8 => self.bytes_needed != 0,
                Encoding::Utf16Le | Encoding::Utf16Be => self.lead_byte.is_some() || self.lead_surrogate.is_some(),
                Encoding::Windows1252 => false,
            };
            if pending {
                self.reset_decoder_only();
                self.emit(Step::Error, out)?;
            }
        }
        Ok(())
    }

    /// Clears the per-encoding state (at the end of the queue), keeping the object's flags.
    fn reset_decoder_only(&mut self) {
        self.code_point = 0;
        self.bytes_needed = 0;
        self.bytes_seen = 0;
        self.lower = 0x80;
        self.upper = 0xBF;
        self.lead_byte = None;
        self.lead_surrogate = None;
    }

    /// Handles one step's output: errors (fatal or U+FFFD), BOM stripping and UTF-16 output.
    fn emit(&mut self, step: Step, out: &mut Vec<u16>) -> Result<(), ()> {
        match step {
            Step::Continue => Ok(()),
            Step::Error => {
                if self.fatal {
                    return Err(());
                }
                self.push(0xFFFD, out);
                Ok(())
            }
            Step::ErrorUnit(unit) => {
                self.emit(Step::Error, out)?;
                let s = self.utf16_unit(unit);
                self.emit(s, out)
            }
            Step::CodePoint(cp) => {
                self.push(cp, out);
                Ok(())
            }
        }
    }

    fn push(&mut self, cp: u32, out: &mut Vec<u16>) {
        if self.encoding != Encoding::Windows1252 && !self.ignore_bom && !self.bom_seen {
            self.bom_seen = true;
            if cp == 0xFEFF {
                return;
            }
        }
        let mut buf = [0u16; 2];
        match char::from_u32(cp) {
            Some(c) => out.extend_from_slice(c.encode_utf16(&mut buf)),
            None => out.push(cp as u16),
        }
    }
}

/// Installs `TextEncoder`, `TextDecoder`, `atob` and `btoa`.
pub(crate) fn install(rt: &mut Runtime) {
    let op = rt.intrinsic(Intrinsic::ObjectPrototype);
    let ep = rt.new_object_with(Some(op), ObjectKind::Ordinary);
    make_interface(rt, "TextEncoder", 0, text_encoder_ctor, ep);
    define_attribute(rt, ep, "encoding", encoder_encoding, None);
    define_operation(rt, ep, "encode", 0, encode);
    define_operation(rt, ep, "encodeInto", 2, encode_into);

    let dp = rt.new_object_with(Some(op), ObjectKind::Ordinary);
    make_interface(rt, "TextDecoder", 0, text_decoder_ctor, dp);
    define_attribute(rt, dp, "encoding", decoder_encoding, None);
    define_attribute(rt, dp, "fatal", decoder_fatal, None);
    define_attribute(rt, dp, "ignoreBOM", decoder_ignore_bom, None);
    define_operation(rt, dp, "decode", 0, decode);

    let g = rt.global_object();
    define_operation(rt, g, "atob", 1, atob);
    define_operation(rt, g, "btoa", 1, btoa);
}

/// Defines a WebIDL operation (writable, enumerable, configurable).
pub(crate) fn define_operation(
    rt: &mut Runtime,
    obj: crate::heap::Gc<crate::runtime::object::JsObject>,
    name: &str,
    len: u32,
    f: crate::runtime::object::NativeFn,
) {
    let func = rt.new_native_function(name, len, f, false);
    let k = rt.key(name);
    rt.define_data(obj, k, Value::object(func), crate::runtime::shape::DEFAULT);
}

fn text_encoder_ctor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    require_new(rt, a, "TextEncoder")?;
    let fallback = captured_proto(a);
    let proto = proto_from_new_target(rt, a.new_target, fallback)?;
    Ok(Value::object(new_host_object(rt, proto, HostData::TextEncoder)))
}

fn check_encoder(rt: &mut Runtime, this: Value) -> JsResult<()> {
    match host_data(this) {
        Some(HostData::TextEncoder) => Ok(()),
        _ => Err(rt.type_error("Illegal invocation")),
    }
}

fn encoder_encoding(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    check_encoder(rt, a.this)?;
    Ok(rt.str("utf-8"))
}

/// The scalar values of a string's code units, lone surrogates replaced by U+FFFD (as the
/// USVString conversion does), each with the number of code units it came from.
fn scalars(units: &[u16]) -> impl Iterator<Item = (char, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let u = *units.get(i)?;
        if (0xD800..=0xDBFF).contains(&u) {
            if let Some(&t) = units.get(i + 1).filter(|t| (0xDC00..=0xDFFF).contains(*t)) {
                i += 2;
                let cp = 0x10000 + ((u as u32 - 0xD800) << 10) + (t as u32 - 0xDC00);
                return Some((char::from_u32(cp).unwrap_or('\u{FFFD}'), 2));
            }
        }
        i += 1;
        Some((char::from_u32(u as u32).unwrap_or('\u{FFFD}'), 1))
    })
}

/// A new Uint8Array of the current realm holding `data`.
pub(crate) fn new_uint8_array(rt: &mut Runtime, data: Vec<u8>) -> Value {
    let len = data.len();
    let buffer = new_buffer_with(rt, data);
    let proto = rt.intrinsic(Intrinsic::Uint8ArrayPrototype);
    Value::object(new_typed_array(rt, proto, TypedArrayData { ty: ElemType::Uint8, buffer, byte_offset: 0, length: Some(len) }))
}

/// `TextEncoder.prototype.encode(input = "")`.
fn encode(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    check_encoder(rt, a.this)?;
    let units = if a.arg(0).is_undefined() { Vec::new() } else { rt.to_string(a.arg(0))?.units().to_vec() };
    let mut out = Vec::with_capacity(units.len());
    let mut buf = [0u8; 4];
    for (c, _) in scalars(&units) {
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
    Ok(new_uint8_array(rt, out))
}

/// `TextEncoder.prototype.encodeInto(source, destination)`.
fn encode_into(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    check_encoder(rt, a.this)?;
    if a.args.len() < 2 {
        return Err(rt.type_error(format!(
            "Failed to execute 'encodeInto' on 'TextEncoder': 2 arguments required, but only {} present.",
            a.args.len()
        )));
    }
    let units = rt.to_string(a.arg(0))?.units().to_vec();
    let dest = match crate::builtins::typed_array::ta_of(a.arg(1)) {
        Some(t) if t.ty == ElemType::Uint8 => t,
        _ => {
            return Err(rt.type_error("Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'Uint8Array'."));
        }
    };
    let cap = dest.current_length().unwrap_or(0);
    let (mut read, mut written) = (0usize, 0usize);
    let mut buf = [0u8; 4];
    if let Some(data) = bytes(dest.buffer) {
        for (c, n) in scalars(&units) {
            let enc = c.encode_utf8(&mut buf).as_bytes();
            if written + enc.len() > cap {
                break;
            }
            let at = dest.byte_offset + written;
            data[at..at + enc.len()].copy_from_slice(enc);
            read += n;
            written += enc.len();
        }
    }
    let o = rt.new_plain_object();
    let rk = rt.key("read");
    rt.create_data_property_or_throw(o, rk, Value::number(read as f64))?;
    let wk = rt.key("written");
    rt.create_data_property_or_throw(o, wk, Value::number(written as f64))?;
    Ok(Value::object(o))
}

/// Reads a boolean dictionary member.
fn dict_bool(rt: &mut Runtime, dict: Value, name: &str) -> JsResult<bool> {
    if dict.is_undefined() || dict.is_null() {
        return Ok(false);
    }
    let v = rt.get_named(dict, name)?;
    Ok(rt.to_boolean(v))
}

/// Converts an options argument to a WebIDL dictionary (undefined/null → empty; other
/// non-objects are a TypeError).
fn check_dict(rt: &mut Runtime, v: Value, what: &str) -> JsResult<()> {
    if v.is_undefined() || v.is_null() || v.is_object() {
        Ok(())
    } else {
        Err(rt.type_error(format!("{what}: The provided value is not of type 'dictionary'.")))
    }
}

/// `new TextDecoder(label = "utf-8", options = {})`.
fn text_decoder_ctor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    require_new(rt, a, "TextDecoder")?;
    let label = if a.arg(0).is_undefined() { "utf-8".to_string() } else { rt.to_string(a.arg(0))?.to_rust_string() };
    let opts = a.arg(1);
    check_dict(rt, opts, "Failed to construct 'TextDecoder'")?;
    let fatal = dict_bool(rt, opts, "fatal")?;
    let ignore_bom = dict_bool(rt, opts, "ignoreBOM")?;
    let Some(encoding) = Encoding::from_label(&label) else {
        return Err(rt.range_error(format!("Failed to construct 'TextDecoder': The encoding label provided ('{label}') is invalid.")));
    };
    let fallback = captured_proto(a);
    let proto = proto_from_new_target(rt, a.new_target, fallback)?;
    let state = TextDecoderState::new(encoding, fatal, ignore_bom);
    Ok(Value::object(new_host_object(rt, proto, HostData::TextDecoder(Box::new(state)))))
}

fn this_decoder(rt: &mut Runtime, this: Value) -> JsResult<&'static mut TextDecoderState> {
    match host_data(this) {
        Some(HostData::TextDecoder(d)) => Ok(d),
        _ => Err(rt.type_error("Illegal invocation")),
    }
}

fn decoder_encoding(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let name = this_decoder(rt, a.this)?.encoding.name();
    Ok(rt.str(name))
}

fn decoder_fatal(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(this_decoder(rt, a.this)?.fatal))
}

fn decoder_ignore_bom(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(this_decoder(rt, a.this)?.ignore_bom))
}

/// A copy of the bytes of a BufferSource (ArrayBuffer or view), or `None` if `v` is not one.
pub(crate) fn buffer_source_bytes(v: Value) -> Option<Vec<u8>> {
    let o = v.as_object()?;
    match &o.kind {
        ObjectKind::TypedArray(t) => {
            let len = t.current_length().unwrap_or(0) * t.ty.size();
            Some(bytes(t.buffer).and_then(|b| b.get(t.byte_offset..t.byte_offset + len)).map(|s| s.to_vec()).unwrap_or_default())
        }
        ObjectKind::Builtin(b) => match &**b {
            BuiltinData::ArrayBuffer(d) => Some(d.data.clone().unwrap_or_default()),
            BuiltinData::DataView(d) => {
                let data = bytes(d.buffer);
                Some(
                    data.and_then(|b| {
                        let len = d.byte_length.unwrap_or(b.len().saturating_sub(d.byte_offset));
                        b.get(d.byte_offset..d.byte_offset + len).map(|s| s.to_vec())
                    })
                    .unwrap_or_default(),
                )
            }
            _ => None,
        },
        _ => None,
    }
}

/// `TextDecoder.prototype.decode(input, options = {})`.
fn decode(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    this_decoder(rt, a.this)?;
    let input = if a.arg(0).is_undefined() {
        Vec::new()
    } else {
        match buffer_source_bytes(a.arg(0)) {
            Some(b) => b,
            None => {
                return Err(rt.type_error(
                    "Failed to execute 'decode' on 'TextDecoder': parameter 1 is not of type 'ArrayBuffer' or 'ArrayBufferView'.",
                ))
            }
        }
    };
    let opts = a.arg(1);
    check_dict(rt, opts, "Failed to execute 'decode' on 'TextDecoder'")?;
    let stream = dict_bool(rt, opts, "stream")?;
    let d = this_decoder(rt, a.this)?;
    let mut out = Vec::with_capacity(input.len());
    if d.decode(&input, stream, &mut out).is_err() {
        let name = d.encoding.name();
        return Err(rt.type_error(format!("The encoded data was not valid for encoding {name}")));
    }
    Ok(rt.new_string(out))
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn require_arg(rt: &mut Runtime, a: &CallArgs, name: &str) -> JsResult<()> {
    if a.args.is_empty() {
        return Err(rt.type_error(format!("Failed to execute '{name}': 1 argument required, but only 0 present.")));
    }
    Ok(())
}

/// `btoa(data)`: base64 of a string of code units up to U+00FF.
fn btoa(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    require_arg(rt, a, "btoa")?;
    let s = rt.to_string(a.arg(0))?;
    let mut data = Vec::with_capacity(s.len());
    for &u in s.units() {
        if u > 0xFF {
            return Err(dom_exception(rt, "InvalidCharacterError", "Invalid character"));
        }
        data.push(u as u8);
    }
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let n = (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(BASE64[(n >> (18 - 6 * k) & 63) as usize] as u16);
            } else {
                out.push(b'=' as u16);
            }
        }
    }
    Ok(rt.new_string(out))
}

/// Forgiving-base64 decode; `None` on failure.
pub(crate) fn forgiving_base64_decode(units: &[u16]) -> Option<Vec<u8>> {
    let mut data: Vec<u16> = units.iter().copied().filter(|&u| !matches!(u, 0x09 | 0x0A | 0x0C | 0x0D | 0x20)).collect();
    if data.len().is_multiple_of(4) {
        if data.ends_with(&[b'=' as u16, b'=' as u16]) {
            data.truncate(data.len() - 2);
        } else if data.ends_with(&[b'=' as u16]) {
            data.truncate(data.len() - 1);
        }
    }
    if data.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for u in data {
        let v = match u {
            0x41..=0x5A => u - 0x41,
            0x61..=0x7A => u - 0x61 + 26,
            0x30..=0x39 => u - 0x30 + 52,
            0x2B => 62,
            0x2F => 63,
            _ => return None,
        };
        buffer = buffer << 6 | v as u32;
        bits += 6;
        if bits == 24 {
            out.extend_from_slice(&[(buffer >> 16) as u8, (buffer >> 8) as u8, buffer as u8]);
            buffer = 0;
            bits = 0;
        }
    }
    match bits {
        12 => out.push((buffer >> 4) as u8),
        18 => out.extend_from_slice(&[(buffer >> 10) as u8, (buffer >> 2) as u8]),
        _ => {}
    }
    Some(out)
}

/// `atob(data)`: decodes base64 to a string of code units up to U+00FF.
fn atob(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    require_arg(rt, a, "atob")?;
    let s = rt.to_string(a.arg(0))?;
    match forgiving_base64_decode(s.units()) {
        Some(b) => Ok(rt.new_string(b.into_iter().map(|x| x as u16).collect())),
        None => Err(dom_exception(rt, "InvalidCharacterError", "The string to be decoded is not correctly encoded.")),
    }
}
