//! The `$262` host object test262 expects (createRealm, evalScript, detachArrayBuffer, gc,
//! global). Installed only on request (`Runtime::install_test262_host`).

use crate::runtime::object::ObjectKind;
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, JsResult, RealmId, Runtime};
use crate::value::Value;

fn realm_of(a: &CallArgs) -> RealmId {
    match &a.callee.kind {
        ObjectKind::Native(n) => RealmId(n.captures.first().and_then(|v| v.as_int()).unwrap_or(0) as u32),
        _ => RealmId(0),
    }
}

/// Installs `$262` (and `print`) in the current realm; returns the object.
pub(crate) fn install(rt: &mut Runtime) -> Value {
    let realm = rt.realm;
    let o = rt.new_plain_object();
    let cap = || -> Box<[Value]> { Box::new([Value::int(realm.0 as i32)]) };
    for (name, len, f) in [
        ("createRealm", 0, create_realm as crate::runtime::object::NativeFn),
        ("evalScript", 1, eval_script),
        ("detachArrayBuffer", 1, detach_array_buffer),
        ("gc", 0, gc),
    ] {
        let func = rt.new_native_function_with(name, len, f, false, cap());
        let k = rt.key(name);
        rt.define_data(o, k, Value::object(func), HIDDEN);
    }
    let g = rt.global_object();
    let gk = rt.key("global");
    rt.define_data(o, gk, Value::object(g), HIDDEN);
    let k = rt.key("$262");
    rt.define_data(g, k, Value::object(o), HIDDEN);
    // The harness reports async results through `print` (not a host API the runner installs).
    rt.define_method(g, "print", 0, super::host::console::print_plain);
    Value::object(o)
}

fn create_realm(rt: &mut Runtime, _a: &CallArgs) -> JsResult<Value> {
    let id = rt.create_realm();
    let saved = rt.realm;
    rt.realm = id;
    let o = install(rt);
    rt.realm = saved;
    Ok(o)
}

fn eval_script(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let src = rt.to_rust_string(a.arg(0))?;
    let code = match crate::compile_script(&src, "evalScript", false) {
        Ok(c) => c,
        Err(e) => {
            let saved = rt.realm;
            rt.realm = realm_of(a);
            let err = rt.syntax_error(e.message);
            rt.realm = saved;
            return Err(err);
        }
    };
    let saved = rt.realm;
    rt.realm = realm_of(a);
    let r = rt.run_script_code(code);
    rt.realm = saved;
    r
}

fn detach_array_buffer(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    super::array_buffer::detach(rt, a.arg(0))?;
    Ok(Value::NULL)
}

fn gc(rt: &mut Runtime, _a: &CallArgs) -> JsResult<Value> {
    rt.heap.gc_requested = true;
    Ok(Value::UNDEFINED)
}

impl Runtime {
    /// Defines test262's `$262` host object in the current realm.
    pub fn install_test262_host(&mut self) {
        install(self);
    }
}
