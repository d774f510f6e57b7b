//! The `console` namespace (WHATWG Console: `log`, `info`, `debug`, `warn`, `error`, `dir`,
//! `dirxml`, `table`, `trace`, `assert`, `count`, `countReset`, `group`, `groupCollapsed`,
//! `groupEnd`, `time`, `timeLog`, `timeEnd`, `clear`) and the shell's `print`, printing as
//! node does: [`super::super::inspect`] layouts, node's `%s %d %i %f %o %O %j %c`
//! substitutions, group indentation and node's `console.table` box drawing.
//!
//! The console's state (group indentation, counters, timers) lives in a hidden object captured
//! by every console function, so each realm's console has its own.

use std::sync::OnceLock;
use std::time::Instant;

use super::super::inspect::{inspect, quote_string, Options};
use crate::heap::Gc;
use crate::runtime::object::{JsObject, NativeFn, ObjectKind};
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, JsResult, Runtime};
use crate::value::Value;

/// The console's state object: `indent` (group depth × 2), `counts` and `timers` (objects
/// keyed by label).
fn state(a: &CallArgs) -> Gc<JsObject> {
    match &a.callee.kind {
        ObjectKind::Native(n) => n.captures.first().and_then(|v| v.as_object()).expect("console state capture"),
        _ => unreachable!("console functions are natives"),
    }
}

/// Defines `console` and `print` on the global object.
pub(crate) fn install(rt: &mut Runtime) {
    let st = rt.new_object_with(None, ObjectKind::Ordinary);
    for name in ["counts", "timers"] {
        let o = rt.new_object_with(None, ObjectKind::Ordinary);
        let k = rt.key(name);
        rt.define_data(st, k, Value::object(o), DEFAULT);
    }
    let ik = rt.key("indent");
    rt.define_data(st, ik, Value::int(0), DEFAULT);
    let c = rt.new_plain_object();
    let methods: [(&str, u32, NativeFn); 19] = [
        ("assert", 0, assert),
        ("clear", 0, clear),
        ("count", 0, count),
        ("countReset", 0, count_reset),
        ("debug", 0, log),
        ("dir", 0, dir),
        ("dirxml", 0, log),
        ("error", 0, error),
        ("group", 0, group),
        ("groupCollapsed", 0, group),
        ("groupEnd", 0, group_end),
        ("info", 0, log),
        ("log", 0, log),
        ("table", 0, table),
        ("time", 0, time),
        ("timeEnd", 0, time_end),
        ("timeLog", 0, time_log),
        ("trace", 0, trace),
        ("warn", 0, error),
    ];
    for (name, len, f) in methods {
        let func = rt.new_native_function_with(name, len, f, false, Box::new([Value::object(st)]));
        let k = rt.key(name);
        rt.define_data(c, k, Value::object(func), DEFAULT);
    }
    super::super::to_string_tag(rt, c, "console");
    let g = rt.global_object();
    let k = rt.key("console");
    rt.define_data(g, k, Value::object(c), HIDDEN);
    let p = rt.new_native_function_with("print", 0, log, false, Box::new([Value::object(st)]));
    let pk = rt.key("print");
    rt.define_data(g, pk, Value::object(p), HIDDEN);
}

/// Formats console arguments the way node's `util.format` does.
pub fn format_args(rt: &mut Runtime, args: &[Value]) -> JsResult<String> {
    let mut out = String::new();
    let mut rest = 0;
    if let Some(f) = args.first().and_then(|v| v.as_string()) {
        let fmt: Vec<char> = f.to_rust_string().chars().collect();
        let mut i = 0;
        let mut next = 1;
        while i < fmt.len() {
            if fmt[i] == '%' && i + 1 < fmt.len() {
                let c = fmt[i + 1];
                if c == '%' {
                    out.push('%');
                    i += 2;
                    continue;
                }
                if "sdifjoOc".contains(c) && next < args.len() {
                    let a = args[next];
                    next += 1;
                    match c {
                        's' => {
                            if a.is_number() {
                                out.push_str(&super::super::inspect::inspect(rt, a, &Default::default()));
                            } else if a.is_object() && !rt.is_callable(a) && has_builtin_to_string(rt, a)? {
                                out.push_str(&super::super::inspect::inspect(
                                    rt,
                                    a,
                                    &super::super::inspect::Options { depth: 0, ..Default::default() },
                                ));
                            } else if a.is_symbol() {
                                out.push_str(&rt.display_primitive(a));
                            } else {
                                out.push_str(&rt.to_string(a)?.to_rust_string());
                            }
                        }
                        'd' | 'i' => {
                            if a.is_object() {
                                out.push_str("NaN");
                            } else {
                                let n = rt.to_number(a)?;
                                let n = if c == 'i' { n.trunc() } else { n };
                                out.push_str(&super::super::inspect::inspect(rt, Value::number(n), &Default::default()));
                            }
                        }
                        'f' => {
                            let n = if a.is_symbol() { f64::NAN } else { rt.to_number(a)? };
                            out.push_str(&super::super::inspect::inspect(rt, Value::number(n), &Default::default()));
                        }
                        'j' => {
                            let s = super::super::json::stringify_value(rt, a)?;
                            out.push_str(&s.unwrap_or_else(|| "undefined".into()));
                        }
                        'o' => out.push_str(&super::super::inspect::inspect(
                            rt,
                            a,
                            &super::super::inspect::Options { show_hidden: true, depth: 4, ..Default::default() },
                        )),
                        'O' => out.push_str(&super::super::inspect::inspect(rt, a, &Default::default())),
                        _ => {}
                    }
                    i += 2;
                    continue;
                }
            }
            out.push(fmt[i]);
            i += 1;
        }
        rest = next;
    }
    for (n, a) in args.iter().enumerate().skip(rest) {
        if n > 0 || !out.is_empty() {
            out.push(' ');
        }
        match a.as_string() {
            Some(s) => out.push_str(&s.to_rust_string()),
            None => out.push_str(&super::super::inspect::inspect(rt, *a, &Default::default())),
        }
    }
    Ok(out)
}

/// node's `hasBuiltInToString`: `%s` inspects objects whose `toString` is not their own or
/// their class's (found on a prototype whose `constructor` is a built-in function).
fn has_builtin_to_string(rt: &mut Runtime, v: Value) -> JsResult<bool> {
    let Some(o) = v.as_object() else { return Ok(true) };
    let tk = rt.key("toString");
    let t = rt.get(v, tk)?;
    if !rt.is_callable(t) {
        return Ok(true);
    }
    if rt.get_own_property(o, tk).is_some() {
        return Ok(false);
    }
    let mut p = o.proto();
    while let Some(x) = p {
        if rt.get_own_property(x, tk).is_some() {
            let ck = PropertyKey::String(rt.names.constructor);
            return Ok(rt
                .get_own_property(x, ck)
                .and_then(|d| if d.attrs & ACCESSOR == 0 { d.value.as_object() } else { None })
                .is_some_and(|c| matches!(c.kind, ObjectKind::Native(_))));
        }
        p = x.proto();
    }
    Ok(true)
}

/// A number-valued property of the (script-invisible) state object.
fn state_int(rt: &mut Runtime, o: Gc<JsObject>, name: &str) -> i32 {
    let k = rt.key(name);
    rt.get_own_property(o, k).and_then(|p| p.value.as_int()).unwrap_or(0)
}

fn state_obj(rt: &mut Runtime, st: Gc<JsObject>, name: &str) -> Gc<JsObject> {
    let k = rt.key(name);
    rt.get_own_property(st, k).and_then(|p| p.value.as_object()).expect("console state")
}

/// Prints `s` with the current group indentation on every line.
fn write(rt: &mut Runtime, st: Gc<JsObject>, s: &str, is_error: bool) {
    let n = state_int(rt, st, "indent").max(0) as usize;
    if n == 0 {
        rt.print_line(s, is_error);
    } else {
        let pad = " ".repeat(n);
        let text = format!("{pad}{}", s.replace('\n', &format!("\n{pad}")));
        rt.print_line(&text, is_error);
    }
}

/// `print(...args)` without console state (the test262 host's `print`).
pub(crate) fn print_plain(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = format_args(rt, a.args)?;
    rt.print_line(&s, false);
    Ok(Value::UNDEFINED)
}

fn log(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = format_args(rt, a.args)?;
    write(rt, state(a), &s, false);
    Ok(Value::UNDEFINED)
}

fn error(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = format_args(rt, a.args)?;
    write(rt, state(a), &s, true);
    Ok(Value::UNDEFINED)
}

fn clear(_rt: &mut Runtime, _a: &CallArgs) -> JsResult<Value> {
    Ok(Value::UNDEFINED)
}

/// `console.assert(condition, ...data)`: on a false condition, warns "Assertion failed" (with
/// the first argument appended when it is a string, as the Console standard says).
fn assert(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if rt.to_boolean(a.arg(0)) {
        return Ok(Value::UNDEFINED);
    }
    let mut data: Vec<Value> = a.args.iter().skip(1).copied().collect();
    match data.first().and_then(|v| v.as_string()) {
        Some(s) => {
            let m = format!("Assertion failed: {}", s.to_rust_string());
            data[0] = rt.str(&m);
        }
        None => {
            let m = rt.str("Assertion failed");
            data.insert(0, m);
        }
    }
    let s = format_args(rt, &data)?;
    write(rt, state(a), &s, true);
    Ok(Value::UNDEFINED)
}

/// The label argument (`"default"` when undefined), converted with ToString.
fn label(rt: &mut Runtime, v: Value) -> JsResult<Vec<u16>> {
    if v.is_undefined() {
        return Ok("default".encode_utf16().collect());
    }
    Ok(rt.to_string(v)?.units().to_vec())
}

fn count(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let l = label(rt, a.arg(0))?;
    let st = state(a);
    let counts = state_obj(rt, st, "counts");
    let k = rt.key_units(&l);
    let n = rt.get_own_property(counts, k).and_then(|p| p.value.as_number()).unwrap_or(0.0) + 1.0;
    rt.define_data(counts, k, Value::number(n), DEFAULT);
    write(rt, st, &format!("{}: {n}", String::from_utf16_lossy(&l)), false);
    Ok(Value::UNDEFINED)
}

fn count_reset(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let l = label(rt, a.arg(0))?;
    let st = state(a);
    let counts = state_obj(rt, st, "counts");
    let k = rt.key_units(&l);
    if rt.get_own_property(counts, k).is_some() {
        rt.define_data(counts, k, Value::int(0), DEFAULT);
    } else {
        write(rt, st, &format!("Count for '{}' does not exist", String::from_utf16_lossy(&l)), true);
    }
    Ok(Value::UNDEFINED)
}

fn group(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let st = state(a);
    if !a.args.is_empty() {
        let s = format_args(rt, a.args)?;
        write(rt, st, &s, false);
    }
    let n = state_int(rt, st, "indent");
    let k = rt.key("indent");
    rt.define_data(st, k, Value::int(n.saturating_add(2)), DEFAULT);
    Ok(Value::UNDEFINED)
}

fn group_end(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let st = state(a);
    let n = state_int(rt, st, "indent");
    let k = rt.key("indent");
    rt.define_data(st, k, Value::int((n - 2).max(0)), DEFAULT);
    Ok(Value::UNDEFINED)
}

/// Milliseconds since the first use of a console timer (a monotonic clock).
fn now_ms() -> f64 {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

/// A duration as node prints it (`1.234ms`, `1.500s`, `1:02.003 (m:ss.mmm)`).
fn format_duration(ms: f64) -> String {
    if ms >= 60_000.0 {
        let hours = (ms / 3_600_000.0).floor();
        let rest = ms % 3_600_000.0;
        let minutes = (rest / 60_000.0).floor();
        let seconds = (rest % 60_000.0) / 1000.0;
        let s = format!("{seconds:06.3}");
        return if hours > 0.0 { format!("{hours}:{minutes:02}:{s} (h:mm:ss.mmm)") } else { format!("{minutes}:{s} (m:ss.mmm)") };
    }
    if ms >= 1000.0 {
        return format!("{:.3}s", ms / 1000.0);
    }
    let t = format!("{ms:.3}");
    let t = t.trim_end_matches('0').trim_end_matches('.');
    format!("{t}ms")
}

fn time(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let l = label(rt, a.arg(0))?;
    let st = state(a);
    let timers = state_obj(rt, st, "timers");
    let k = rt.key_units(&l);
    if rt.get_own_property(timers, k).is_some() {
        write(rt, st, &format!("Warning: Label '{}' already exists for console.time()", String::from_utf16_lossy(&l)), true);
        return Ok(Value::UNDEFINED);
    }
    rt.define_data(timers, k, Value::number(now_ms()), DEFAULT);
    Ok(Value::UNDEFINED)
}

/// Prints `label: duration` (and `data`) for `timeLog`/`timeEnd`; `end` removes the timer.
fn time_report(rt: &mut Runtime, a: &CallArgs, end: bool) -> JsResult<Value> {
    let l = label(rt, a.arg(0))?;
    let st = state(a);
    let timers = state_obj(rt, st, "timers");
    let k = rt.key_units(&l);
    let name = String::from_utf16_lossy(&l);
    let Some(start) = rt.get_own_property(timers, k).and_then(|p| p.value.as_number()) else {
        let which = if end { "timeEnd" } else { "timeLog" };
        write(rt, st, &format!("Warning: No such label '{name}' for console.{which}()"), true);
        return Ok(Value::UNDEFINED);
    };
    let mut s = format!("{name}: {}", format_duration(now_ms() - start));
    if end {
        rt.delete_property(timers, k)?;
    } else if a.args.len() > 1 {
        s.push(' ');
        s.push_str(&format_args(rt, &a.args[1..])?);
    }
    write(rt, st, &s, false);
    Ok(Value::UNDEFINED)
}

fn time_end(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    time_report(rt, a, true)
}

fn time_log(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    time_report(rt, a, false)
}

/// `console.trace(...data)`: `Trace: message` and the stack, on the error stream.
fn trace(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let msg = format_args(rt, a.args)?;
    let head = if msg.is_empty() { "Trace".to_string() } else { format!("Trace: {msg}") };
    let stack = rt.capture_stack_trace();
    write(rt, state(a), &format!("{head}{stack}"), true);
    Ok(Value::UNDEFINED)
}

/// `console.dir(item, options)`: the inspected item (strings quoted), honouring `depth`
/// (null for unlimited), `showHidden` and `colors`.
fn dir(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let mut opts = Options::default();
    let o = a.arg(1);
    if o.is_object() {
        let d = rt.get_named(o, "depth")?;
        if d.is_null() {
            opts.depth = usize::MAX / 2;
        } else if let Some(n) = d.as_number() {
            opts.depth = if n.is_nan() || n < 0.0 { 0 } else { n.min((usize::MAX / 2) as f64) as usize };
        }
        let h = rt.get_named(o, "showHidden")?;
        opts.show_hidden = rt.to_boolean(h);
        let c = rt.get_named(o, "colors")?;
        opts.colors = rt.to_boolean(c);
    }
    let v = a.arg(0);
    let s = match v.as_string() {
        Some(s) => quote_string(&s.to_rust_string()),
        None => inspect(rt, v, &opts),
    };
    write(rt, state(a), &s, false);
    Ok(Value::UNDEFINED)
}

/// How `console.table` shows a cell value (node: depth 0, or collapsed for objects with more
/// than two keys; at most three array elements; one line).
fn table_cell(rt: &mut Runtime, v: Value) -> String {
    if let Some(s) = v.as_string() {
        return quote_string(&s.to_rust_string());
    }
    if let Some(o) = v.as_object() {
        if !rt.is_array(v) && !o.is_callable() {
            let n = rt
                .own_property_keys(o)
                .into_iter()
                .filter(|k| !matches!(k, PropertyKey::Symbol(_)))
                .filter(|k| rt.get_own_property(o, *k).is_some_and(|p| p.attrs & ENUMERABLE != 0))
                .count();
            if n > 2 {
                return super::super::inspect::collapsed_label(rt, o);
            }
        }
    }
    let opts = Options { depth: 0, break_length: usize::MAX / 4, max_array_length: 3, ..Default::default() };
    inspect(rt, v, &opts)
}

/// Enumerable own string keys of `o` (Object.keys), as Rust strings.
fn object_keys(rt: &mut Runtime, o: Gc<JsObject>) -> Vec<(PropertyKey, String)> {
    let keys = rt.own_property_keys(o);
    keys.into_iter()
        .filter(|k| !matches!(k, PropertyKey::Symbol(_)))
        .filter(|k| rt.get_own_property(o, *k).is_some_and(|p| p.attrs & ENUMERABLE != 0))
        .map(|k| {
            let s = match k {
                PropertyKey::String(s) => s.to_rust_string(),
                PropertyKey::Index(i) => i.to_string(),
                PropertyKey::Symbol(_) => String::new(),
            };
            (k, s)
        })
        .collect()
}

/// Node's table layout: a header row, a divider and one row per index, left-aligned.
fn render_table(head: &[String], columns: &[Vec<Option<String>>]) -> String {
    let width = |s: &str| s.chars().count();
    let rows = columns.iter().map(|c| c.len()).max().unwrap_or(0);
    let mut widths: Vec<usize> = head.iter().map(|h| width(h)).collect();
    for (i, c) in columns.iter().enumerate() {
        for cell in c.iter().flatten() {
            widths[i] = widths[i].max(width(cell));
        }
    }
    let divider: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
    let row = |cells: Vec<&str>| {
        let parts: Vec<String> = cells.iter().enumerate().map(|(i, c)| format!("{c}{}", " ".repeat(widths[i] - width(c)))).collect();
        format!("│ {} │", parts.join(" │ "))
    };
    let mut out = format!("┌{}┐\n", divider.join("┬"));
    out.push_str(&row(head.iter().map(|s| s.as_str()).collect()));
    out.push_str(&format!("\n├{}┤\n", divider.join("┼")));
    for j in 0..rows {
        out.push_str(&row(columns.iter().map(|c| c.get(j).and_then(|x| x.as_deref()).unwrap_or("")).collect()));
        out.push('\n');
    }
    out.push_str(&format!("└{}┘", divider.join("┴")));
    out
}

/// Is `s` an array index (such keys come first in Object.keys order)?
fn index_key(s: &str) -> Option<u32> {
    let n: u32 = s.parse().ok()?;
    (n != u32::MAX && n.to_string() == s).then_some(n)
}

/// `console.table(data, properties)` as node prints it.
fn table(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let data = a.arg(0);
    let props = a.arg(1);
    let st = state(a);
    let properties: Option<Vec<String>> = if props.is_undefined() {
        None
    } else {
        if !rt.is_array(props) {
            return Err(rt.type_error("The \"properties\" argument must be an instance of Array"));
        }
        let list = rt.create_list_from_array_like(props)?;
        let mut v = Vec::new();
        for p in list {
            v.push(rt.to_string(p)?.to_rust_string());
        }
        Some(v)
    };
    let Some(o) = data.as_object().filter(|o| !o.is_callable()) else {
        return log(rt, a);
    };
    let collection = match &o.kind {
        ObjectKind::Builtin(b) => match &**b {
            super::super::BuiltinData::Map(m) => Some((true, m.live_entries())),
            super::super::BuiltinData::Set(m) => Some((false, m.live_entries())),
            _ => None,
        },
        _ => None,
    };
    if let Some((is_map, entries)) = collection {
        let idx: Vec<Option<String>> = (0..entries.len()).map(|i| Some(i.to_string())).collect();
        let mut keys = Vec::new();
        let mut values = Vec::new();
        for (k, v) in entries {
            keys.push(Some(table_cell(rt, k)));
            values.push(Some(table_cell(rt, if is_map { v } else { k })));
        }
        let s = if is_map {
            render_table(&["(iteration index)".into(), "Key".into(), "Values".into()], &[idx, keys, values])
        } else {
            render_table(&["(iteration index)".into(), "Values".into()], &[idx, keys])
        };
        write(rt, st, &s, false);
        return Ok(Value::UNDEFINED);
    }
    let index_keys = object_keys(rt, o);
    let mut map: Vec<(String, Vec<Option<String>>)> = Vec::new();
    let mut has_primitives = false;
    let mut values_col: Vec<Option<String>> = Vec::new();
    let n = index_keys.len();
    for (i, (k, _)) in index_keys.iter().enumerate() {
        let item = rt.get(data, *k)?;
        rt.keep(item);
        let primitive = !item.is_object();
        if properties.is_none() && primitive {
            has_primitives = true;
            values_col.resize(i + 1, None);
            values_col[i] = Some(table_cell(rt, item));
            continue;
        }
        let keys: Vec<String> = match &properties {
            Some(p) => p.clone(),
            None => object_keys(rt, item.as_object().expect("object item")).into_iter().map(|(_, s)| s).collect(),
        };
        for key in keys {
            let pos = match map.iter().position(|(k, _)| *k == key) {
                Some(p) => p,
                None => {
                    map.push((key.clone(), Vec::new()));
                    map.len() - 1
                }
            };
            let pk = rt.key(&key);
            let cell = match item.as_object() {
                Some(io) if rt.has_own_property(io, pk) => {
                    let v = rt.get(item, pk)?;
                    table_cell(rt, v)
                }
                _ => String::new(),
            };
            let col = &mut map[pos].1;
            col.resize(col.len().max(i + 1), None);
            col[i] = Some(cell);
        }
    }
    // Object.keys order of the column map: array indices first, ascending.
    let mut indexed: Vec<(u32, usize)> = map.iter().enumerate().filter_map(|(p, (k, _))| index_key(k).map(|n| (n, p))).collect();
    indexed.sort();
    let mut order: Vec<usize> = indexed.into_iter().map(|(_, p)| p).collect();
    order.extend(map.iter().enumerate().filter(|(_, (k, _))| index_key(k).is_none()).map(|(p, _)| p));
    let mut head = vec!["(index)".to_string()];
    let mut columns = vec![index_keys.into_iter().map(|(_, s)| Some(s)).collect::<Vec<_>>()];
    for p in order {
        head.push(map[p].0.clone());
        columns.push(std::mem::take(&mut map[p].1));
    }
    if has_primitives {
        head.push("Values".into());
        columns.push(values_col);
    }
    debug_assert!(columns[0].len() == n);
    let s = render_table(&head, &columns);
    write(rt, st, &s, false);
    Ok(Value::UNDEFINED)
}
