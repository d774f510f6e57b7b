//! `Function`: the constructor (`new Function`), `Function.prototype` (`call`, `apply`,
//! `bind`, `toString`, `@@hasInstance`), `%ThrowTypeError%`, and OrdinaryHasInstance.

use super::{make_constructor, set_intrinsic};
use crate::heap::Gc;
use crate::interpreter::frame::*;
use crate::runtime::names::WellKnown;
use crate::runtime::object::{BoundData, JsObject, ObjectKind};
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

pub(crate) fn install(rt: &mut Runtime) {
    let fp = rt.intrinsic(Intrinsic::FunctionPrototype);
    let lk = PropertyKey::String(rt.names.length);
    rt.define_data(fp, lk, Value::int(0), CONFIGURABLE);
    let nk = PropertyKey::String(rt.names.name);
    let empty = Value::string(rt.empty_string);
    rt.define_data(fp, nk, empty, CONFIGURABLE);
    make_constructor(rt, "Function", 1, function_constructor, Intrinsic::FunctionPrototype, Intrinsic::Function);
    rt.define_method(fp, "apply", 2, apply);
    rt.define_method(fp, "bind", 1, bind);
    rt.define_method(fp, "call", 1, call);
    rt.define_method(fp, "toString", 0, to_string);
    rt.define_symbol_method(fp, WellKnown::HasInstance, "[Symbol.hasInstance]", 1, has_instance, 0);
    let thrower = rt.new_native_function("", 0, throw_type_error, false);
    rt.prevent_extensions(thrower);
    let lk = PropertyKey::String(rt.names.length);
    rt.define_data(thrower, lk, Value::int(0), 0);
    let nk = PropertyKey::String(rt.names.name);
    rt.define_data(thrower, nk, empty, 0);
    set_intrinsic(rt, Intrinsic::ThrowTypeError, thrower);
    for name in ["caller", "arguments"] {
        let k = rt.key(name);
        let a = rt.alloc(crate::runtime::object::Accessor::new(Value::object(thrower), Value::object(thrower)));
        rt.define_data(fp, k, Value::cell(a), CONFIGURABLE | ACCESSOR);
    }
    // The accessors every sloppy ordinary function gets as own `caller` and `arguments`.
    let cg = rt.new_native_function("get caller", 0, sloppy_caller, false);
    let ca = rt.alloc(crate::runtime::object::Accessor::new(Value::object(cg), Value::UNDEFINED));
    let ag = rt.new_native_function("get arguments", 0, sloppy_arguments, false);
    let aa = rt.alloc(crate::runtime::object::Accessor::new(Value::object(ag), Value::UNDEFINED));
    let realm = rt.realm;
    rt.realms[realm.0 as usize].sloppy_function_accessors = Some((ca, aa));
}

/// The frame of the innermost active call of the function `f`, if any.
fn active_frame(rt: &Runtime, f: Value) -> Option<usize> {
    f.as_object()?;
    let mut fp = rt.fp;
    while fp != usize::MAX && fp + HEADER <= rt.stack.len() {
        if rt.stack[fp + CALLEE_SLOT].to_bits() == f.to_bits() {
            return Some(fp);
        }
        // Callers' frames lie below their callees'.
        match rt.stack[fp + CALLER_FP_SLOT].as_int() {
            Some(c) if c >= 0 && (c as usize) < fp => fp = c as usize,
            _ => return None,
        }
    }
    None
}

/// Is `v` a sloppy ordinary function (one with own `caller`/`arguments`)?
fn is_sloppy_function(v: Value) -> bool {
    v.as_object().and_then(|o| o.as_closure().map(|c| crate::interpreter::ops::is_sloppy_ordinary(&c.code))).unwrap_or(false)
}

/// The getter of a sloppy function's own `caller` (an extension ECMA-262 17.1 permits): while
/// the function `this` is active and was called directly by a sloppy ordinary function, that
/// function; otherwise (not active, called from strict, script, eval or built-in code) null.
/// It never returns a strict function, as 17.1 requires.
fn sloppy_caller(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let Some(fp) = active_frame(rt, a.this) else { return Ok(Value::NULL) };
    let flags = rt.stack[fp + FLAGS_SLOT].as_int().unwrap_or(FLAG_ENTRY);
    if flags & FLAG_ENTRY != 0 {
        return Ok(Value::NULL);
    }
    let caller = match rt.stack[fp + CALLER_FP_SLOT].as_int() {
        Some(c) if c >= 0 => rt.stack[c as usize + CALLEE_SLOT],
        _ => return Ok(Value::NULL),
    };
    Ok(if is_sloppy_function(caller) { caller } else { Value::NULL })
}

/// The getter of a sloppy function's own `arguments`: while the function `this` is active, a
/// new (unmapped) arguments object with the current values of its innermost call's
/// arguments; otherwise null.
fn sloppy_arguments(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let Some(fp) = active_frame(rt, a.this) else { return Ok(Value::NULL) };
    let Some(code) = a.this.as_object().and_then(|o| o.as_closure().map(|c| c.code)) else { return Ok(Value::NULL) };
    Ok(crate::interpreter::ops::create_arguments(rt, fp, code, crate::bytecode::ops::ARGUMENTS_SLOPPY_UNMAPPED))
}

/// `Function.prototype` itself is callable and returns undefined.
pub(crate) fn function_prototype_call(_rt: &mut Runtime, _a: &CallArgs) -> JsResult<Value> {
    Ok(Value::UNDEFINED)
}

fn throw_type_error(rt: &mut Runtime, _a: &CallArgs) -> JsResult<Value> {
    Err(rt.type_error("'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them"))
}

/// `new Function(p1, ..., body)`.
fn function_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    create_dynamic_function(rt, a, "function", Intrinsic::FunctionPrototype)
}

/// CreateDynamicFunction for `kind` ("function", "function*", "async function", ...): the
/// constructor call `a` (its new.target, or the constructor itself, gives the prototype, with
/// `fallback` of new.target's realm when its `prototype` is not an object).
pub(crate) fn create_dynamic_function(rt: &mut Runtime, a: &CallArgs, kind: &str, fallback: Intrinsic) -> JsResult<Value> {
    let args = a.args;
    let mut params = Vec::new();
    let n = args.len();
    for v in args.iter().take(n.saturating_sub(1)) {
        params.push(rt.to_rust_string(*v)?);
    }
    let body = match args.last() {
        Some(b) => rt.to_rust_string(*b)?,
        None => String::new(),
    };
    let p = params.join(",");
    let src = format!("({kind} anonymous({p}\n) {{\n{body}\n}})");
    // The parameters and body must each be valid on their own (no `}) {` injection).
    if let Err(e) = crate::compile_script(&format!("({kind} anonymous({p}\n) {{}})"), "anonymous", false) {
        return Err(rt.syntax_error(e.message));
    }
    if let Err(e) = crate::compile_script(&format!("({kind} anonymous() {{\n{body}\n}})"), "anonymous", false) {
        return Err(rt.syntax_error(e.message));
    }
    let code = match crate::compile_script(&src, "anonymous", false) {
        Ok(c) => c,
        Err(e) => return Err(rt.syntax_error(e.message)),
    };
    // Run the script in the global scope: it evaluates to the function.
    let saved = rt.realm;
    let r = rt.run_script_code(code);
    rt.realm = saved;
    let f = r?;
    rt.keep(f);
    let new_target = if a.new_target.is_undefined() { Value::object(a.callee) } else { a.new_target };
    let proto = rt.get_prototype_from_constructor(new_target, fallback)?;
    if let Some(fo) = f.as_object() {
        if fo.proto() != Some(proto) {
            rt.set_prototype_of(fo, Some(proto))?;
        }
    }
    Ok(f)
}

fn this_function(rt: &mut Runtime, this: Value, method: &str) -> JsResult<Gc<JsObject>> {
    match this.as_object() {
        Some(o) if o.is_callable() => Ok(o),
        _ => Err(rt.type_error(format!("Function.prototype.{method} called on a non-function"))),
    }
}

fn call(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let f = this_function(rt, a.this, "call")?;
    let rest = if a.args.is_empty() { &[][..] } else { &a.args[1..] };
    rt.call(Value::object(f), a.arg(0), rest)
}

fn apply(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let f = this_function(rt, a.this, "apply")?;
    let list = a.arg(1);
    if list.is_nullish() {
        return rt.call(Value::object(f), a.arg(0), &[]);
    }
    let args = rt.create_list_from_array_like(list)?;
    rt.call(Value::object(f), a.arg(0), &args)
}

fn bind(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let target = this_function(rt, a.this, "bind")?;
    let bound_args: Box<[Value]> = if a.args.len() > 1 { a.args[1..].into() } else { Box::new([]) };
    let nargs = bound_args.len();
    let proto = target.proto();
    let b = rt.new_object_with(proto, ObjectKind::Bound(Box::new(BoundData { target, this: a.arg(0), args: bound_args })));
    rt.keep(Value::object(b));
    let lk = PropertyKey::String(rt.names.length);
    let mut len = 0.0;
    if rt.has_own_property(target, lk) {
        let tl = rt.get(Value::object(target), lk)?;
        if let Some(n) = tl.as_number() {
            if n == f64::INFINITY {
                len = f64::INFINITY;
            } else if n.is_finite() {
                len = (n.trunc() - nargs as f64).max(0.0);
            }
        }
    }
    rt.define_data(b, lk, Value::from_f64(len), CONFIGURABLE);
    let nk = PropertyKey::String(rt.names.name);
    let tn = rt.get(Value::object(target), nk)?;
    let mut name: Vec<u16> = "bound ".encode_utf16().collect();
    if let Some(s) = tn.as_string() {
        name.extend_from_slice(s.units());
    }
    let nv = rt.new_string(name);
    rt.define_data(b, nk, nv, CONFIGURABLE);
    Ok(Value::object(b))
}

fn to_string(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let f = this_function(rt, a.this, "toString")?;
    let s = match &f.kind {
        ObjectKind::Closure(c) => {
            let b = &c.code.block;
            let (s, e) = b.span;
            b.source.text.get(s as usize..e as usize).map(|t| t.to_string()).unwrap_or_else(|| "function () { [native code] }".into())
        }
        _ => {
            let nk = PropertyKey::String(rt.names.name);
            let n = match f.shape.lookup(nk) {
                Some((slot, attrs)) if attrs & ACCESSOR == 0 => {
                    f.slots[slot as usize].as_string().map(|s| s.to_rust_string()).unwrap_or_default()
                }
                _ => String::new(),
            };
            format!("function {n}() {{ [native code] }}")
        }
    };
    Ok(rt.str(&s))
}

fn has_instance(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(rt.ordinary_has_instance(a.this, a.arg(0))?))
}

impl Runtime {
    /// OrdinaryHasInstance.
    pub fn ordinary_has_instance(&mut self, c: Value, o: Value) -> JsResult<bool> {
        if !self.is_callable(c) {
            return Ok(false);
        }
        let cf = c.as_object().expect("callable");
        if let ObjectKind::Bound(b) = &cf.kind {
            let t = Value::object(b.target);
            return self.instance_of(o, t);
        }
        let Some(mut obj) = o.as_object() else { return Ok(false) };
        let pk = PropertyKey::String(self.names.prototype);
        let p = self.get(c, pk)?;
        let Some(p) = p.as_object() else {
            return Err(self.type_error("Function has non-object prototype in instanceof check"));
        };
        loop {
            match obj.proto() {
                Some(x) if x == p => return Ok(true),
                Some(x) => obj = x,
                None => return Ok(false),
            }
        }
    }

    /// `o instanceof c`.
    pub fn instance_of(&mut self, o: Value, c: Value) -> JsResult<bool> {
        if !c.is_object() {
            return Err(self.type_error("Right-hand side of 'instanceof' is not an object"));
        }
        let hk = PropertyKey::Symbol(self.well_known(WellKnown::HasInstance));
        let h = self.get(c, hk)?;
        if !h.is_nullish() {
            let r = self.call(h, c, &[o])?;
            return Ok(self.to_boolean(r));
        }
        if !self.is_callable(c) {
            return Err(self.type_error("Right-hand side of 'instanceof' is not callable"));
        }
        self.ordinary_has_instance(c, o)
    }

    /// CreateListFromArrayLike.
    pub fn create_list_from_array_like(&mut self, v: Value) -> JsResult<Vec<Value>> {
        let Some(o) = v.as_object() else {
            return Err(self.type_error("CreateListFromArrayLike called on non-object"));
        };
        let lk = PropertyKey::String(self.names.length);
        let lv = self.get(v, lk)?;
        let len = self.to_length(lv)? as usize;
        if len > 10_000_000 {
            return Err(self.range_error("Too many arguments in function call"));
        }
        let mut out = Vec::with_capacity(len);
        for i in 0..len {
            out.push(self.get_property(o, PropertyKey::Index(i as u32), v)?);
        }
        Ok(out)
    }
}
