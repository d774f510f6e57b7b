//! `console` (`log`, `error`, `warn`, `info`, `debug`) and `print`, formatting with
//! [`super::inspect`] and node's `%s %d %i %f %o %O %j %c` substitutions.

use crate::runtime::shape::*;
use crate::runtime::{CallArgs, JsResult, Runtime};
use crate::value::Value;

pub(crate) fn install(rt: &mut Runtime) {
    let c = rt.new_plain_object();
    rt.define_method(c, "log", 0, log);
    rt.define_method(c, "info", 0, log);
    rt.define_method(c, "debug", 0, log);
    rt.define_method(c, "error", 0, error);
    rt.define_method(c, "warn", 0, error);
    rt.define_method(c, "trace", 0, error);
    let g = rt.global_object();
    let k = rt.key("console");
    rt.define_data(g, k, Value::object(c), HIDDEN);
    rt.define_method(g, "print", 0, log);
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
                            if a.is_string() {
                                out.push_str(&a.as_string().expect("string").to_rust_string());
                            } else if a.is_object() && !rt.is_callable(a) {
                                out.push_str(&super::inspect::inspect(rt, a, &super::inspect::Options { depth: 1, ..Default::default() }));
                            } else {
                                out.push_str(&super::inspect::inspect(rt, a, &Default::default()));
                            }
                        }
                        'd' | 'i' => {
                            if a.is_object() {
                                out.push_str("NaN");
                            } else {
                                let n = rt.to_number(a)?;
                                let n = if c == 'i' { n.trunc() } else { n };
                                out.push_str(&super::inspect::inspect(rt, Value::number(n), &Default::default()));
                            }
                        }
                        'f' => {
                            let n = if a.is_symbol() { f64::NAN } else { rt.to_number(a)? };
                            out.push_str(&super::inspect::inspect(rt, Value::number(n), &Default::default()));
                        }
                        'j' => {
                            let s = super::json::stringify_value(rt, a)?;
                            out.push_str(&s.unwrap_or_else(|| "undefined".into()));
                        }
                        'o' => out.push_str(&super::inspect::inspect(
                            rt,
                            a,
                            &super::inspect::Options { show_hidden: true, depth: 4, ..Default::default() },
                        )),
                        'O' => out.push_str(&super::inspect::inspect(rt, a, &Default::default())),
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
            None => out.push_str(&super::inspect::inspect(rt, *a, &Default::default())),
        }
    }
    Ok(out)
}

pub(crate) fn log(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = format_args(rt, a.args)?;
    rt.print_line(&s, false);
    Ok(Value::UNDEFINED)
}

fn error(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = format_args(rt, a.args)?;
    rt.print_line(&s, true);
    Ok(Value::UNDEFINED)
}
