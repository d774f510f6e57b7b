//! The HTML timer functions `setTimeout`, `setInterval`, `clearTimeout`, `clearInterval`
//! and `queueMicrotask`, on the runtime's timer list and job queue.
//!
//! As in a browser, a handler that is not callable is converted to a string and run as a
//! global script (an indirect `eval`) when the timer fires; the timeout is a WebIDL `long`.

use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

/// Defines the timer functions and `queueMicrotask` on the global object.
pub(crate) fn install(rt: &mut Runtime) {
    let g = rt.global_object();
    for (name, len, f) in [
        ("setTimeout", 1, set_timeout as crate::runtime::object::NativeFn),
        ("setInterval", 1, set_interval),
        ("clearTimeout", 0, clear_timer),
        ("clearInterval", 0, clear_timer),
        ("queueMicrotask", 1, queue_microtask),
    ] {
        let func = rt.new_native_function(name, len, f, false);
        let k = rt.key(name);
        rt.define_data(g, k, Value::object(func), crate::runtime::shape::DEFAULT);
    }
}

/// The timer initialization steps: converts the handler (a function, else a string run as a
/// script), the timeout (WebIDL `long`, negative → 0) and schedules the timer.
fn timer(rt: &mut Runtime, a: &CallArgs, repeat: bool) -> JsResult<Value> {
    if a.args.is_empty() {
        let which = if repeat { "setInterval" } else { "setTimeout" };
        return Err(rt.type_error(format!("Failed to execute '{which}': 1 argument required, but only 0 present.")));
    }
    let handler = a.arg(0);
    let (f, rest) = if rt.is_callable(handler) {
        (handler, a.args.iter().skip(2).copied().collect())
    } else {
        let source = rt.to_string(handler)?;
        (Value::object(rt.intrinsic(Intrinsic::Eval)), vec![Value::string(source)])
    };
    rt.keep(f);
    for v in &rest {
        rt.keep(*v);
    }
    let d = rt.to_int32(a.arg(1))?.max(0);
    Ok(Value::int(rt.add_timer(f, d as f64, rest, repeat) as i32))
}

fn set_timeout(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    timer(rt, a, false)
}

fn set_interval(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    timer(rt, a, true)
}

/// `clearTimeout(id = 0)` / `clearInterval(id = 0)`: the id is a WebIDL `long`.
fn clear_timer(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let id = rt.to_int32(a.arg(0))?;
    if id > 0 {
        rt.clear_timer(id as u32);
    }
    Ok(Value::UNDEFINED)
}

/// `queueMicrotask(callback)`.
fn queue_microtask(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if a.args.is_empty() {
        return Err(rt.type_error("Failed to execute 'queueMicrotask': 1 argument required, but only 0 present."));
    }
    let f = a.arg(0);
    if !rt.is_callable(f) {
        return Err(rt.type_error("Failed to execute 'queueMicrotask': parameter 1 is not of type 'Function'."));
    }
    rt.enqueue_job(f, Value::UNDEFINED, Vec::new());
    Ok(Value::UNDEFINED)
}
