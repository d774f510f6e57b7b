//! Value inspection in the layout of node's `util.inspect`, shared by `console.log` and the
//! REPL. Inspection never runs user code: it reads data properties only and shows accessors
//! as `[Getter]`/`[Setter]`.

use super::BuiltinData;
use crate::heap::Gc;
use crate::runtime::object::{JsObject, ObjectKind};
use crate::runtime::shape::*;
use crate::runtime::Runtime;
use crate::value::Value;

/// Inspection options.
#[derive(Clone, Debug)]
pub struct Options {
    /// Nesting depth shown before `[Object]`.
    pub depth: usize,
    /// Show non-enumerable properties.
    pub show_hidden: bool,
    /// ANSI colours.
    pub colors: bool,
    /// Line width.
    pub break_length: usize,
    /// Array, TypedArray and ArrayBuffer elements shown before `... n more items`.
    pub max_array_length: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { depth: 2, show_hidden: false, colors: false, break_length: 80, max_array_length: 100 }
    }
}

struct Ctx<'o> {
    opts: &'o Options,
    seen: Vec<Gc<JsObject>>,
    circular: Vec<Gc<JsObject>>,
    indentation: usize,
    current_depth: usize,
}

/// Formats a value (strings quoted only when nested).
pub fn inspect(rt: &mut Runtime, v: Value, opts: &Options) -> String {
    let mut ctx = Ctx { opts, seen: Vec::new(), circular: Vec::new(), indentation: 0, current_depth: 0 };
    let s = format_value(rt, &mut ctx, v, 0, true);
    if let Some(o) = v.as_object() {
        if ctx.circular.contains(&o) {
            return format!("<ref *1> {s}");
        }
    }
    s
}

/// How node shows an object past the depth limit: `[Object]`, `[Foo]`, `[Array]`,
/// `[Object: null prototype]`.
pub fn collapsed_label(rt: &mut Runtime, o: Gc<JsObject>) -> String {
    if o.proto().is_none() && matches!(o.kind, ObjectKind::Ordinary) {
        return "[Object: null prototype]".into();
    }
    let name = constructor_name(rt, o);
    match &o.kind {
        ObjectKind::TypedArray(t) => format!("[{}]", name.unwrap_or_else(|| t.ty.name().to_string())),
        ObjectKind::Array { .. } => "[Array]".into(),
        _ => format!("[{}]", name.unwrap_or_else(|| "Object".into())),
    }
}

fn color(ctx: &Ctx, s: String, code: &str) -> String {
    if ctx.opts.colors {
        format!("\x1b[{code}m{s}\x1b[39m")
    } else {
        s
    }
}

/// A quoted string in node's style (single quotes unless the text contains them).
pub fn quote_string(s: &str) -> String {
    let q = if !s.contains('\'') {
        '\''
    } else if !s.contains('"') {
        '"'
    } else if !s.contains('`') && !s.contains("${") {
        '`'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\x0b' => out.push_str("\\v"),
            '\\' => out.push_str("\\\\"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

fn format_number(n: f64) -> String {
    if n == 0.0 && n.is_sign_negative() {
        "-0".into()
    } else {
        crate::runtime::numconv::number_to_string(n)
    }
}

fn format_primitive(rt: &mut Runtime, ctx: &Ctx, v: Value, top: bool) -> String {
    if let Some(s) = v.as_string() {
        let t = s.to_rust_string();
        return if top { t } else { color(ctx, quote_string(&t), "32") };
    }
    if let Some(n) = v.as_number() {
        return color(ctx, format_number(n), "33");
    }
    if let Some(b) = v.as_bool() {
        return color(ctx, b.to_string(), "33");
    }
    if v.is_undefined() {
        return color(ctx, "undefined".into(), "90");
    }
    if v.is_null() {
        return color(ctx, "null".into(), "1");
    }
    if v.is_symbol() {
        return color(ctx, rt.display_primitive(v), "32");
    }
    "<hole>".into()
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_alphabetic() || c == '_' || c == '$' => {}
        _ => return false,
    }
    chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

fn format_key(rt: &mut Runtime, ctx: &Ctx, k: PropertyKey) -> String {
    match k {
        PropertyKey::String(s) => {
            let t = s.to_rust_string();
            if is_identifier(&t) {
                t
            } else {
                color(ctx, quote_string(&t), "32")
            }
        }
        PropertyKey::Index(i) => format!("'{i}'"),
        PropertyKey::Symbol(s) => format!("[{}]", rt.display_primitive(Value::symbol(s))),
    }
}

/// The constructor name shown before `{`, found without running code.
fn constructor_name(rt: &mut Runtime, o: Gc<JsObject>) -> Option<String> {
    let mut cur = o.proto();
    let ck = PropertyKey::String(rt.names.constructor);
    let nk = PropertyKey::String(rt.names.name);
    while let Some(p) = cur {
        if let Some(prop) = rt.get_own_property(p, ck) {
            if let Some(c) = prop.value.as_object().filter(|_| prop.attrs & ACCESSOR == 0) {
                if let Some(n) = rt.get_own_property(c, nk) {
                    if let Some(s) = n.value.as_string().filter(|_| n.attrs & ACCESSOR == 0) {
                        let t = s.to_rust_string();
                        if !t.is_empty() {
                            return Some(t);
                        }
                    }
                }
            }
        }
        cur = p.proto();
    }
    None
}

fn function_base(rt: &mut Runtime, o: Gc<JsObject>) -> String {
    let nk = PropertyKey::String(rt.names.name);
    let name = rt
        .get_own_property(o, nk)
        .and_then(|p| if p.attrs & ACCESSOR == 0 { p.value.as_string() } else { None })
        .map(|s| s.to_rust_string())
        .unwrap_or_default();
    let is_class = o.as_closure().is_some_and(|c| c.code.block.is_class_constructor);
    if is_class {
        let ext = o
            .proto()
            .filter(|p| p.is_callable())
            .map(|p| rt.get_own_property(p, nk).and_then(|x| x.value.as_string()).map(|s| s.to_rust_string()).unwrap_or_default());
        let mut s = if name.is_empty() { "[class (anonymous)".to_string() } else { format!("[class {name}") };
        if let Some(e) = ext.filter(|e| !e.is_empty()) {
            s.push_str(&format!(" extends {e}"));
        }
        s.push(']');
        return s;
    }
    let kind = match o.as_closure() {
        Some(c) if c.code.block.generator && c.code.block.is_async => "AsyncGeneratorFunction",
        Some(c) if c.code.block.generator => "GeneratorFunction",
        Some(c) if c.code.block.is_async => "AsyncFunction",
        _ => "Function",
    };
    if name.is_empty() {
        format!("[{kind} (anonymous)]")
    } else {
        format!("[{kind}: {name}]")
    }
}

fn format_value(rt: &mut Runtime, ctx: &mut Ctx, v: Value, depth: usize, top: bool) -> String {
    let Some(o) = v.as_object() else { return format_primitive(rt, ctx, v, top) };
    if ctx.seen.contains(&o) {
        if !ctx.circular.contains(&o) {
            ctx.circular.push(o);
        }
        return color(ctx, "[Circular *1]".into(), "36");
    }
    format_object(rt, ctx, o, depth)
}

fn format_object(rt: &mut Runtime, ctx: &mut Ctx, o: Gc<JsObject>, depth: usize) -> String {
    let mut keys: Vec<PropertyKey> = rt
        .own_property_keys(o)
        .into_iter()
        .filter(|k| {
            let show = ctx.opts.show_hidden;
            !matches!(k, PropertyKey::Symbol(s) if s.private) && (show || rt_enumerable(o, *k))
        })
        .collect();
    let mut braces = ("{".to_string(), "}".to_string());
    let mut base = String::new();
    let mut output: Vec<String> = Vec::new();
    let mut is_array_like = false;
    let prefix_name = constructor_name(rt, o);
    let null_proto = o.proto().is_none();
    // A TypedArray's elements (read up front: they are numbers, formatting runs no script).
    let mut ta_elements: Option<Vec<Value>> = None;
    match &o.kind {
        ObjectKind::TypedArray(t) => {
            is_array_like = true;
            let len = t.length_or_zero();
            let n = prefix_name.clone().unwrap_or_else(|| t.ty.name().to_string());
            braces = (format!("{n}({len}) ["), "]".to_string());
            keys.retain(|k| !matches!(k, PropertyKey::Index(_)));
            ta_elements = Some((0..len.min(ctx.opts.max_array_length)).map(|i| Value::from_f64(t.get(i).unwrap_or(0.0))).collect());
        }
        ObjectKind::Array { length, .. } => {
            is_array_like = true;
            let len = *length;
            let p = match prefix_name.as_deref() {
                Some("Array") => String::new(),
                Some(n) => format!("{n}({len}) "),
                None => format!("[Array({len}): null prototype] "),
            };
            braces = (format!("{p}["), "]".to_string());
            // With `showHidden` node lists the non-enumerable `length` too (`[length]: n`).
            let show = ctx.opts.show_hidden;
            keys.retain(|k| !matches!(k, PropertyKey::Index(_)) && (show || !matches!(k, PropertyKey::String(s) if *s == rt.names.length)));
        }
        ObjectKind::Closure(_) | ObjectKind::Native(_) | ObjectKind::Bound(_) => {
            base = function_base(rt, o);
            keys.retain(
                |k| !matches!(k, PropertyKey::String(s) if *s == rt.names.length || *s == rt.names.name || *s == rt.names.prototype),
            );
            if keys.is_empty() {
                return color(ctx, base, "36");
            }
        }
        ObjectKind::Error => {
            let sk = PropertyKey::String(rt.names.stack);
            base =
                rt.get_own_property(o, sk).and_then(|p| p.value.as_string()).map(|s| s.to_rust_string()).unwrap_or_else(|| "Error".into());
            // Like node: a stack without frames is shown in brackets (`[Error: x]`).
            if !base.contains("\n    at ") {
                base = format!("[{base}]");
            }
            keys.retain(|k| !matches!(k, PropertyKey::String(s) if *s == rt.names.stack || *s == rt.names.message));
            if keys.is_empty() {
                return base;
            }
        }
        ObjectKind::Number(n) => base = format!("[Number: {}]", format_number(*n)),
        ObjectKind::Boolean(b) => base = format!("[Boolean: {b}]"),
        ObjectKind::String(s) => {
            base = format!("[String: {}]", quote_string(&s.to_rust_string()));
            keys.retain(|k| !matches!(k, PropertyKey::Index(_)) && !matches!(k, PropertyKey::String(x) if *x == rt.names.length));
        }
        ObjectKind::Symbol(s) => base = format!("[Symbol: {}]", rt.display_primitive(Value::symbol(*s))),
        ObjectKind::Builtin(b) => match &**b {
            BuiltinData::RegExp(r) => {
                base = r.display();
                keys.retain(|k| !matches!(k, PropertyKey::String(s) if *s == rt.names.last_index));
                if keys.is_empty() {
                    return color(ctx, base, "31");
                }
            }
            BuiltinData::Date(t) => {
                let text = if t.is_nan() { "Invalid Date".into() } else { super::date::time::iso_string(*t) };
                base = match prefix_name.as_deref() {
                    Some("Date") | None => text,
                    Some(n) => format!("{n} {text}"),
                };
                if keys.is_empty() {
                    return color(ctx, base, "35");
                }
            }
            BuiltinData::Promise(p) => {
                let inner = match p.state {
                    super::promise::PromiseState::Pending => "<pending>".to_string(),
                    super::promise::PromiseState::Fulfilled => {
                        ctx.seen.push(o);
                        let s = format_value(rt, ctx, p.result, depth + 1, false);
                        ctx.seen.pop();
                        s
                    }
                    super::promise::PromiseState::Rejected => {
                        ctx.seen.push(o);
                        let s = format_value(rt, ctx, p.result, depth + 1, false);
                        ctx.seen.pop();
                        format!("<rejected> {s}")
                    }
                };
                output.push(inner);
                braces = ("Promise {".into(), "}".into());
            }
            BuiltinData::Map(m) | BuiltinData::Set(m) => {
                let is_map = matches!(&**b, BuiltinData::Map(_));
                let entries: Vec<(Value, Value)> = m.live_entries();
                let n = entries.len();
                let kind = if is_map { "Map" } else { "Set" };
                // A subclass shows as node does: `InternMap(2) [Map] { ... }`.
                let prefix = match prefix_name.as_deref() {
                    Some(p) if p != kind => format!("{p}({n}) [{kind}]"),
                    _ => format!("{kind}({n})"),
                };
                braces = (format!("{prefix} {{"), "}".into());
                if depth > ctx.opts.depth {
                    return format!("[{}]", if is_map { "Map" } else { "Set" });
                }
                ctx.seen.push(o);
                ctx.indentation += 2;
                for (k, v) in entries {
                    let ks = format_value(rt, ctx, k, depth + 1, false);
                    if is_map {
                        let vs = format_value(rt, ctx, v, depth + 1, false);
                        output.push(format!("{ks} => {vs}"));
                    } else {
                        output.push(ks);
                    }
                }
                ctx.indentation -= 2;
                ctx.seen.pop();
            }
            BuiltinData::ArrayBuffer(_) => braces.0 = format!("{} {{", prefix_name.as_deref().unwrap_or("ArrayBuffer")),
            BuiltinData::DataView(_) => braces.0 = format!("{} {{", prefix_name.as_deref().unwrap_or("DataView")),
            _ => {}
        },
        _ => {}
    }
    if !matches!(o.kind, ObjectKind::Array { .. }) {
        let tag_name = match (&o.kind, prefix_name.as_deref()) {
            (ObjectKind::Builtin(b), _)
                if matches!(**b, BuiltinData::Promise(_) | BuiltinData::Map(_) | BuiltinData::Set(_) | BuiltinData::Date(_)) =>
            {
                None
            }
            (ObjectKind::Ordinary, Some("Object")) => None,
            (ObjectKind::Ordinary | ObjectKind::Builtin(_), Some(n)) => Some(n.to_string()),
            (ObjectKind::Arguments { .. }, _) => Some("[Arguments]".to_string()),
            _ => None,
        };
        if null_proto && matches!(o.kind, ObjectKind::Ordinary) {
            braces.0 = "[Object: null prototype] {".into();
        } else if let Some(n) = tag_name {
            if matches!(o.kind, ObjectKind::Arguments { .. }) {
                braces = ("[Arguments] [".into(), "]".into());
                is_array_like = true;
                keys.retain(|k| !matches!(k, PropertyKey::Index(_)));
            } else {
                braces.0 = format!("{n} {{");
            }
        }
    }
    if depth > ctx.opts.depth {
        let n = match (&o.kind, is_array_like) {
            (ObjectKind::TypedArray(t), _) => prefix_name.unwrap_or_else(|| t.ty.name().to_string()),
            (_, true) => "Array".to_string(),
            _ => prefix_name.unwrap_or_else(|| "Object".into()),
        };
        return color(ctx, format!("[{n}]"), "36");
    }
    ctx.seen.push(o);
    ctx.current_depth = depth;
    let saved_indent = ctx.indentation;
    buffer_entries(rt, ctx, o, depth, &mut output);
    if let Some(vals) = &ta_elements {
        for v in vals {
            output.push(format_value(rt, ctx, *v, depth + 1, false));
        }
        let len = match &o.kind {
            ObjectKind::TypedArray(t) => t.length_or_zero(),
            _ => 0,
        };
        if len > vals.len() {
            let rest = len - vals.len();
            output.push(format!("... {rest} more item{}", if rest == 1 { "" } else { "s" }));
        }
    } else if is_array_like {
        let len = match o.kind {
            ObjectKind::Array { length, .. } => length as usize,
            _ => match &*o.elements {
                crate::runtime::object::Elements::Dense(v) => v.len(),
                crate::runtime::object::Elements::Sparse(b) => b.keys().next_back().map(|k| *k as usize + 1).unwrap_or(0),
            },
        };
        let mut i = 0usize;
        let mut shown = 0;
        while i < len && shown < ctx.opts.max_array_length {
            match o.get_element(i as u32) {
                Some((v, attrs)) => {
                    let s = if attrs & ACCESSOR != 0 {
                        accessor_label(v)
                    } else {
                        ctx.indentation += 2;
                        let s = format_value(rt, ctx, v, depth + 1, false);
                        ctx.indentation -= 2;
                        s
                    };
                    output.push(s);
                    i += 1;
                }
                None => {
                    let mut j = i;
                    while j < len && o.get_element(j as u32).is_none() {
                        j += 1;
                    }
                    let n = j - i;
                    output.push(color(ctx, format!("<{n} empty item{}>", if n == 1 { "" } else { "s" }), "90"));
                    i = j;
                }
            }
            shown += 1;
        }
        if i < len {
            let rest = len - i;
            output.push(format!("... {rest} more item{}", if rest == 1 { "" } else { "s" }));
        }
    }
    for k in keys {
        let Some(p) = rt.get_own_property(o, k) else { continue };
        let ks = format_key(rt, ctx, k);
        let vs = if p.attrs & ACCESSOR != 0 {
            accessor_label(p.value)
        } else {
            ctx.indentation += 2;
            let s = format_value(rt, ctx, p.value, depth + 1, false);
            ctx.indentation -= 2;
            s
        };
        let ks = if p.attrs & ENUMERABLE == 0 { format!("[{ks}]") } else { ks };
        output.push(format!("{ks}: {vs}"));
    }
    ctx.seen.pop();
    ctx.indentation = saved_indent;
    let is_circular_target = ctx.circular.contains(&o) && depth > 0;
    let values_for_grouping: Option<Vec<Value>> = if let Some(vals) = ta_elements {
        let mut vals = vals;
        vals.resize(output.len(), Value::UNDEFINED);
        Some(vals)
    } else if is_array_like {
        Some((0..output.len()).map(|i| o.get_element(i as u32).map(|x| x.0).unwrap_or(Value::UNDEFINED)).collect())
    } else {
        None
    };
    let mut res = reduce_to_single_string(ctx, output, &base, &braces, is_array_like, depth, values_for_grouping.as_deref());
    if is_circular_target {
        res = format!("<ref *1> {res}");
    }
    res
}

/// The entries node shows first for an ArrayBuffer (`[Uint8Contents]: <..>, byteLength: n`)
/// and a DataView (`byteLength`, `byteOffset`, `buffer`).
fn buffer_entries(rt: &mut Runtime, ctx: &mut Ctx, o: Gc<JsObject>, depth: usize, output: &mut Vec<String>) {
    let ObjectKind::Builtin(b) = &o.kind else { return };
    match &**b {
        BuiltinData::ArrayBuffer(d) => {
            match &d.data {
                Some(bytes) => {
                    let n = bytes.len().min(ctx.opts.max_array_length);
                    let mut hex: Vec<String> = bytes[..n].iter().map(|x| format!("{x:02x}")).collect();
                    let remaining = bytes.len() - n;
                    if remaining > 0 {
                        hex.push(format!("... {remaining} more byte{}", if remaining > 1 { "s" } else { "" }));
                    }
                    output.push(format!("{}: <{}>", color(ctx, "[Uint8Contents]".into(), "36"), hex.join(" ")));
                }
                None => output.push(color(ctx, "(detached)".into(), "36")),
            }
            let len = d.data.as_ref().map_or(0, |b| b.len());
            output.push(format!("byteLength: {}", color(ctx, len.to_string(), "33")));
        }
        BuiltinData::DataView(d) => {
            let buf_len = super::array_buffer::bytes(d.buffer).map(|b| b.len());
            let len = match (buf_len, d.byte_length) {
                (Some(l), Some(n)) if d.byte_offset + n <= l => n,
                (Some(l), None) if d.byte_offset <= l => l - d.byte_offset,
                _ => 0,
            };
            let offset = if buf_len.is_some() { d.byte_offset } else { 0 };
            output.push(format!("byteLength: {}", color(ctx, len.to_string(), "33")));
            output.push(format!("byteOffset: {}", color(ctx, offset.to_string(), "33")));
            let buffer = Value::object(d.buffer);
            ctx.indentation += 2;
            let s = format_value(rt, ctx, buffer, depth + 1, false);
            ctx.indentation -= 2;
            output.push(format!("buffer: {s}"));
        }
        _ => {}
    }
}

fn rt_enumerable(o: Gc<JsObject>, k: PropertyKey) -> bool {
    match k {
        PropertyKey::Index(i) => o.get_element(i).map(|x| x.1 & ENUMERABLE != 0).unwrap_or(true),
        _ => o.shape.lookup(k).map(|(_, a)| a & ENUMERABLE != 0).unwrap_or(false),
    }
}

fn accessor_label(v: Value) -> String {
    let Some(a) = v.as_cell::<crate::runtime::object::Accessor>() else { return "[Getter]".into() };
    match (a.get.is_undefined(), a.set.is_undefined()) {
        (false, false) => "[Getter/Setter]".into(),
        (false, true) => "[Getter]".into(),
        (true, false) => "[Setter]".into(),
        (true, true) => "undefined".into(),
    }
}

fn reduce_to_single_string(
    ctx: &mut Ctx,
    mut output: Vec<String>,
    base: &str,
    braces: &(String, String),
    array: bool,
    depth: usize,
    values: Option<&[Value]>,
) -> String {
    let entries = output.len();
    if output.is_empty() {
        if !base.is_empty() {
            return if braces.0 == "{" { base.to_string() } else { format!("{base} {}{}", braces.0, braces.1) };
        }
        return format!("{}{}", braces.0, braces.1);
    }
    if array && entries > 6 {
        output = group_array_elements(ctx, output, values);
    }
    if ctx.current_depth - depth < 3 && entries == output.len() {
        let start = output.len() + ctx.indentation + braces.0.chars().count() + base.len() + 10;
        if is_below_break_length(ctx, &output, start, base) {
            let joined = output.join(", ");
            if !joined.contains('\n') {
                return format!("{}{} {} {}", if base.is_empty() { String::new() } else { format!("{base} ") }, braces.0, joined, braces.1);
            }
        }
    }
    let ind = format!("\n{}", " ".repeat(ctx.indentation));
    format!(
        "{}{}{ind}  {}{ind}{}",
        if base.is_empty() { String::new() } else { format!("{base} ") },
        braces.0,
        output.join(&format!(",{ind}  ")),
        braces.1
    )
}

fn is_below_break_length(ctx: &Ctx, output: &[String], start: usize, base: &str) -> bool {
    let mut total = output.len() + start;
    if total + output.len() > ctx.opts.break_length {
        return false;
    }
    for o in output {
        total += visible_width(o);
        if total > ctx.opts.break_length {
            return false;
        }
    }
    base.is_empty() || !base.contains('\n')
}

/// Display width of `s`: characters, not counting ANSI colour sequences (`ESC [ ... m`).
fn visible_width(s: &str) -> usize {
    let mut n = 0;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            n += 1;
        }
    }
    n
}

fn group_array_elements(ctx: &Ctx, output: Vec<String>, values: Option<&[Value]>) -> Vec<String> {
    let mut total = 0usize;
    let mut max_len = 0usize;
    let mut out_len = output.len();
    if output.last().is_some_and(|l| l.starts_with("... ") && l.contains(" more item")) {
        out_len -= 1;
    }
    let sep = 2usize;
    let data_len: Vec<usize> = output[..out_len].iter().map(|s| visible_width(s)).collect();
    for &l in &data_len {
        total += l + sep;
        max_len = max_len.max(l);
    }
    let actual_max = max_len + sep;
    if actual_max * 3 + ctx.indentation < ctx.opts.break_length && (total as f64 / actual_max as f64 > 5.0 || max_len <= 6) {
        let average_bias = (actual_max as f64 - total as f64 / output.len() as f64).sqrt();
        let biased_max = (actual_max as f64 - 3.0 - average_bias).max(1.0);
        let columns = ((2.5 * biased_max * out_len as f64).sqrt() / biased_max)
            .round()
            .min(((ctx.opts.break_length - ctx.indentation) / actual_max) as f64)
            .min(12.0)
            .min(15.0) as usize;
        if columns <= 1 {
            return output;
        }
        let mut max_line = Vec::new();
        for i in 0..columns {
            let mut line = 0;
            let mut j = i;
            while j < out_len {
                line = line.max(data_len[j]);
                j += columns;
            }
            max_line.push(line + sep);
        }
        let numeric = values.is_some_and(|vs| vs.iter().take(output.len()).all(|v| v.is_number()));
        let mut tmp = Vec::new();
        let mut i = 0;
        while i < out_len {
            let max = (i + columns).min(out_len);
            let mut s = String::new();
            let mut j = i;
            while j < max - 1 {
                let cell = format!("{}, ", output[j]);
                let fill = " ".repeat(max_line[j - i].saturating_sub(visible_width(&cell)));
                s.push_str(&if numeric { format!("{fill}{cell}") } else { format!("{cell}{fill}") });
                j += 1;
            }
            if numeric {
                let fill = " ".repeat((max_line[j - i] - sep).saturating_sub(visible_width(&output[j])));
                s.push_str(&fill);
                s.push_str(&output[j]);
            } else {
                s.push_str(&output[j]);
            }
            tmp.push(s);
            i += columns;
        }
        if out_len < output.len() {
            tmp.push(output[out_len].clone());
        }
        return tmp;
    }
    output
}
