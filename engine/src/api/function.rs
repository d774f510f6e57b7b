//! Rust closures as JavaScript functions.
//!
//! [`Runtime::set_function`] installs a global function whose arguments are converted with
//! [`FromJsArgs`] (a tuple of [`crate::FromJs`] types) and whose `Result` becomes the return
//! value (`Ok`, through [`IntoJs`]) or an exception (`Err`, through [`IntoThrow`]). A failed
//! argument conversion throws a `TypeError` in JavaScript before the closure runs.

use crate::api::convert::{FromJsArgs, IntoJs};
use crate::api::handle::Persistent;
use crate::runtime::object::ObjectKind;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime, Throw};
use crate::value::Value;
use crate::JsError;
use std::rc::Rc;

/// The type-erased closure behind a host function.
pub(crate) type HostFn = Rc<dyn Fn(&mut Runtime, &CallArgs) -> JsResult<Value>>;

/// An error a host function returns, thrown into JavaScript.
///
/// - `String` / `&str`: a JavaScript `Error` with that message.
/// - [`JsError`]: the original thrown value when it came from the same runtime, otherwise a new
///   error of the same name (`TypeError`, `RangeError`, ...; `Error` for other names) and message.
/// - [`Throw`]: thrown as is (what the engine's own operations return).
///
/// ```
/// use jolt::JsError;
/// let mut rt = jolt::Runtime::new();
/// rt.set_function("check", |(n,): (i32,)| if n > 0 { Ok(n) } else { Err(JsError::new("RangeError", "must be positive")) }).unwrap();
/// let msg: String = rt.eval_as("try { check(-1) } catch (e) { `${e instanceof RangeError} ${e.message}` }", "t.js").unwrap();
/// assert_eq!(msg, "true must be positive");
/// ```
pub trait IntoThrow {
    /// The exception to throw.
    fn into_throw(self, rt: &mut Runtime) -> Throw;
}

impl IntoThrow for Throw {
    fn into_throw(self, _: &mut Runtime) -> Throw {
        self
    }
}
impl IntoThrow for String {
    fn into_throw(self, rt: &mut Runtime) -> Throw {
        rt.throw_error(Intrinsic::ErrorPrototype, self)
    }
}
impl IntoThrow for &str {
    fn into_throw(self, rt: &mut Runtime) -> Throw {
        rt.throw_error(Intrinsic::ErrorPrototype, self)
    }
}
impl IntoThrow for Box<dyn std::error::Error + Send + Sync> {
    fn into_throw(self, rt: &mut Runtime) -> Throw {
        rt.throw_error(Intrinsic::ErrorPrototype, self.to_string())
    }
}
impl IntoThrow for JsError {
    fn into_throw(self, rt: &mut Runtime) -> Throw {
        if let Some(v) = self.value(rt) {
            return Throw::Value(v);
        }
        match self.kind {
            crate::JsErrorKind::Interrupted => return Throw::Terminate(crate::runtime::Termination::Interrupted),
            crate::JsErrorKind::OutOfMemory => return Throw::Terminate(crate::runtime::Termination::OutOfMemory),
            crate::JsErrorKind::OutOfFuel => return Throw::Terminate(crate::runtime::Termination::OutOfFuel),
            crate::JsErrorKind::TimeLimit => return Throw::Terminate(crate::runtime::Termination::TimeLimit),
            _ => {}
        }
        let proto = match self.name.as_str() {
            "TypeError" => Intrinsic::TypeErrorPrototype,
            "RangeError" => Intrinsic::RangeErrorPrototype,
            "SyntaxError" => Intrinsic::SyntaxErrorPrototype,
            "ReferenceError" => Intrinsic::ReferenceErrorPrototype,
            "EvalError" => Intrinsic::EvalErrorPrototype,
            "URIError" => Intrinsic::UriErrorPrototype,
            _ => Intrinsic::ErrorPrototype,
        };
        rt.throw_error(proto, self.message)
    }
}

/// The native function behind every host function: its capture 0 indexes `rt.api.host_fns`.
fn trampoline(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let ObjectKind::Native(n) = &a.callee.kind else { return Err(rt.type_error("not a host function")) };
    let i = n.captures[0].as_int().unwrap_or(-1);
    let Some(f) = usize::try_from(i).ok().and_then(|i| rt.api.host_fns.get(i)).cloned() else {
        return Err(rt.type_error("not a host function"));
    };
    f(rt, a)
}

impl Runtime {
    /// A new JavaScript function object calling `f` (which also receives the runtime).
    pub(crate) fn new_host_function(&mut self, name: &str, length: u32, f: HostFn) -> Value {
        let i = self.api.host_fns.len();
        self.api.host_fns.push(f);
        let o = self.new_native_function_with(name, length, trampoline, false, Box::new([Value::int(i as i32)]));
        Value::object(o)
    }

    /// Makes `f` a JavaScript function: its arguments are converted to `A` (a tuple), its
    /// `Ok` result converted to JavaScript, its `Err` thrown. The closure gets the runtime
    /// too, to call back into JavaScript or build values.
    ///
    /// ```
    /// use jolt::{JsError, Persistent};
    /// let mut rt = jolt::Runtime::new();
    /// let twice = rt.new_function("twice", |rt, (f, x): (Persistent, f64)| {
    ///     let y: f64 = f.call(rt, (x,))?;
    ///     f.call::<f64>(rt, (y,))
    /// }).unwrap();
    /// rt.global().set(&mut rt, "twice", &twice).unwrap();
    /// assert_eq!(rt.eval_as::<f64>("twice(x => x * 3, 2)", "t.js").unwrap(), 18.0);
    /// ```
    pub fn new_function<A, R, E, F>(&mut self, name: &str, f: F) -> Result<Persistent, JsError>
    where
        A: FromJsArgs + 'static,
        R: IntoJs + 'static,
        E: IntoThrow + 'static,
        F: Fn(&mut Runtime, A) -> Result<R, E> + 'static,
    {
        let host: HostFn = Rc::new(move |rt: &mut Runtime, a: &CallArgs| {
            let args = A::from_js_args(rt, a.args)?;
            match f(rt, args) {
                Ok(r) => r.into_js(rt),
                Err(e) => Err(e.into_throw(rt)),
            }
        });
        let v = self.new_host_function(name, 0, host);
        Ok(self.persist(v))
    }

    /// Defines a global function `name` calling `f` with converted arguments (see
    /// [`Runtime::new_function`] for a closure that also gets the runtime).
    ///
    /// ```
    /// use jolt::JsError;
    /// let mut rt = jolt::Runtime::new();
    /// let log = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    /// let sink = log.clone();
    /// rt.set_function("log", move |(msg, n): (String, f64)| {
    ///     sink.borrow_mut().push(format!("{msg}={n}"));
    ///     Ok::<_, JsError>(())
    /// }).unwrap();
    /// rt.eval("log('x', 1.5)", "t.js").unwrap();
    /// assert_eq!(log.borrow()[0], "x=1.5");
    /// // Wrong argument types are a TypeError in JavaScript:
    /// let e = rt.eval("log(1, 2)", "t.js").unwrap_err();
    /// assert_eq!((e.name.as_str(), e.message.as_str()), ("TypeError", "argument 0: expected a string, got number"));
    /// ```
    pub fn set_function<A, R, E, F>(&mut self, name: &str, f: F) -> Result<(), JsError>
    where
        A: FromJsArgs + 'static,
        R: IntoJs + 'static,
        E: IntoThrow + 'static,
        F: Fn(A) -> Result<R, E> + 'static,
    {
        self.set_function_with_runtime(name, move |_, a| f(a))
    }

    /// Like [`Runtime::set_function`], with the runtime passed to the closure.
    ///
    /// ```
    /// use jolt::JsError;
    /// let mut rt = jolt::Runtime::new();
    /// rt.set_function_with_runtime("globalCount", |rt, (): ()| rt.get_global::<f64>("count")).unwrap();
    /// assert_eq!(rt.eval_as::<f64>("var count = 3; globalCount()", "t.js").unwrap(), 3.0);
    /// ```
    pub fn set_function_with_runtime<A, R, E, F>(&mut self, name: &str, f: F) -> Result<(), JsError>
    where
        A: FromJsArgs + 'static,
        R: IntoJs + 'static,
        E: IntoThrow + 'static,
        F: Fn(&mut Runtime, A) -> Result<R, E> + 'static,
    {
        let h = self.new_function(name, f)?;
        self.set_global(name, &h)
    }
}
