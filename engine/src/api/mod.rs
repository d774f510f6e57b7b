//! The embedding API: what a Rust program uses to run JavaScript.
//!
//! - [`Runtime::new`] / [`builder::RuntimeBuilder`]: create runtimes (any number, on any threads;
//!   a `Runtime` itself is not `Send`: the engine uses unsynchronized pointers for speed, so
//!   each runtime lives on the thread that created it).
//! - [`Runtime::eval`], [`Runtime::eval_as`]: run source with a file name; failures are
//!   [`crate::JsError`]s (`Send + Sync + 'static`).
//! - [`convert`]: the [`convert::FromJs`] / [`convert::IntoJs`] traits between
//!   Rust and JavaScript values (numbers, `bool`, strings, `Option`, `Vec`, `HashMap`,
//!   tuples, and user structs through [`crate::js_object!`]).
//! - [`handle::Persistent`]: a value kept alive across calls, checked against its runtime.
//! - [`function`]: Rust closures (and async functions) as JavaScript functions.
//! - Limits: [`crate::InterruptHandle`], fuel ([`Runtime::set_fuel`]), a wall-time budget
//!   ([`crate::RuntimeOptions::time_limit`]), the heap limit and the stack (recursion) limit.
//!
//! ```
//! use jolt::{Runtime, JsError};
//! fn main() -> Result<(), JsError> {
//!     let mut rt = Runtime::new();
//!     rt.set_function("add", |(a, b): (f64, f64)| Ok::<_, JsError>(a + b))?;
//!     rt.eval("function greet(name) { return 'hello ' + name + ' ' + add(1, 2); }", "main.js")?;
//!     let greeting: String = rt.call_global("greet", ("world",))?;
//!     assert_eq!(greeting, "hello world 3");
//!     Ok(())
//! }
//! ```

pub mod builder;
pub mod convert;
pub mod function;
pub mod future;
pub mod handle;

use crate::runtime::shape::PropertyKey;
use crate::runtime::{JsResult, Runtime};
use crate::value::Value;
use crate::JsError;
use convert::{FromJs, IntoJs, IntoJsArgs};
use std::sync::atomic::{AtomicU64, Ordering};

/// The next runtime id (ids start at 1; 0 means "no runtime").
pub(crate) fn next_runtime_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The embedding API's per-runtime state.
#[derive(Default)]
pub(crate) struct ApiState {
    /// Rust closures behind JavaScript functions (see [`function`]).
    pub host_fns: Vec<function::HostFn>,
    /// Slots of dropped [`handle::Persistent`]s, to free at the next collection.
    pub dropped: handle::DropQueue,
    /// Free persistent slots.
    pub free_slots: Vec<usize>,
    /// Futures started by async host functions, waiting to settle their promises.
    pub futures: Vec<future::PendingFuture>,
}

impl Runtime {
    /// This runtime's process-unique id.
    ///
    /// ```
    /// assert_ne!(jolt::Runtime::new().id(), jolt::Runtime::new().id());
    /// ```
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Runs `f` with `v` kept alive for the collector.
    pub(crate) fn with_kept<T>(&mut self, v: Value, f: impl FnOnce(&mut Runtime) -> T) -> T {
        self.keep_scope(|rt| {
            rt.keep(v);
            f(rt)
        })
    }

    /// Evaluates a script and converts its completion value.
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// let v: Vec<i32> = rt.eval_as("[1, 2, 3].map(x => x * 2)", "main.js").unwrap();
    /// assert_eq!(v, [2, 4, 6]);
    /// assert!(rt.eval_as::<i32>("'not a number'", "main.js").is_err());
    /// ```
    pub fn eval_as<T: FromJs>(&mut self, source: &str, file_name: &str) -> Result<T, JsError> {
        let v = self.eval(source, file_name)?;
        self.entry(|rt| rt.with_kept(v, |rt| T::from_js(rt, v)))
    }

    /// Reads a global variable (a property of the global object, or a top-level
    /// `let`/`const`/`class` binding).
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// rt.eval("var a = 1; let b = 'two';", "main.js").unwrap();
    /// assert_eq!(rt.get_global::<i32>("a").unwrap(), 1);
    /// assert_eq!(rt.get_global::<String>("b").unwrap(), "two");
    /// assert_eq!(rt.get_global::<Option<i32>>("missing").unwrap(), None);
    /// ```
    pub fn get_global<T: FromJs>(&mut self, name: &str) -> Result<T, JsError> {
        self.entry(|rt| {
            let v = rt.global_value(name)?;
            rt.with_kept(v, |rt| T::from_js(rt, v))
        })
    }

    pub(crate) fn global_value(&mut self, name: &str) -> JsResult<Value> {
        let units: Vec<u16> = name.encode_utf16().collect();
        if let Some(c) = self.realm().lexical.iter().find(|(k, _)| k.units() == &units[..]).map(|(_, c)| c.value) {
            if c.is_hole() {
                return Err(self.reference_error(format!("Cannot access '{name}' before initialization")));
            }
            return Ok(c);
        }
        let g = Value::object(self.global_object());
        let k = self.key(name);
        self.get(g, k)
    }

    /// Sets a property of the global object (creating it if needed).
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// rt.set_global("config", vec![("debug".to_string(), true)].into_iter().collect::<std::collections::HashMap<_, _>>()).unwrap();
    /// assert!(rt.eval_as::<bool>("config.debug", "main.js").unwrap());
    /// ```
    pub fn set_global(&mut self, name: &str, value: impl IntoJs) -> Result<(), JsError> {
        self.entry(|rt| {
            let v = value.into_js(rt)?;
            let g = Value::object(rt.global_object());
            let k = rt.key(name);
            rt.with_kept(v, |rt| rt.put(g, k, v, true))
        })
    }

    /// Calls the global function `name` with converted arguments and converts its result.
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// rt.eval("function add(a, b) { return a + b; }", "main.js").unwrap();
    /// assert_eq!(rt.call_global::<f64>("add", (1, 2.5)).unwrap(), 3.5);
    /// assert!(rt.call_global::<f64>("nope", ()).is_err());
    /// ```
    pub fn call_global<R: FromJs>(&mut self, name: &str, args: impl IntoJsArgs) -> Result<R, JsError> {
        self.entry(|rt| {
            let f = rt.global_value(name)?;
            rt.with_kept(f, |rt| rt.call_value_as(f, Value::UNDEFINED, args))
        })
    }

    /// Calls `f` with `this` and converted arguments; converts the result.
    pub(crate) fn call_value_as<R: FromJs>(&mut self, f: Value, this: Value, args: impl IntoJsArgs) -> JsResult<R> {
        let n = self.kept.len();
        let args = args.into_js_args(self)?;
        for a in &args {
            self.kept.push(*a);
        }
        let r = self.call(f, this, &args).and_then(|v| self.with_kept(v, |rt| R::from_js(rt, v)));
        self.kept.truncate(n);
        r
    }

    /// Reads `key` of `v` (JavaScript `v[key]`), converted.
    pub(crate) fn get_as<T: FromJs>(&mut self, v: Value, key: &str) -> JsResult<T> {
        let k = self.key(key);
        let p = self.get(v, k)?;
        self.with_kept(p, |rt| T::from_js(rt, p))
    }

    /// Sets `key` of `v` (JavaScript `v[key] = value`, strict).
    pub(crate) fn set_as(&mut self, v: Value, key: PropertyKey, value: impl IntoJs) -> JsResult<()> {
        let x = value.into_js(self)?;
        self.with_kept(x, |rt| rt.put(v, key, x, true))
    }

    /// Sets the fuel left: how many calls plus loop back-edges scripts may still perform
    /// (`None`: unlimited). The count is the same in the interpreter and in compiled code.
    /// A script that runs out stops with [`crate::JsErrorKind::OutOfFuel`] (JavaScript cannot
    /// catch it); the runtime stays out of fuel until this is called again.
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// rt.set_fuel(Some(100));
    /// assert!(rt.eval("for (let i = 0; i < 10; i++) {}", "a.js").is_ok());
    /// // One for entering the script, one per loop back-edge:
    /// assert_eq!(rt.fuel(), Some(89));
    /// let e = rt.eval("while (true) { try { for (;;) {} } catch {} }", "b.js").unwrap_err();
    /// assert_eq!(e.kind, jolt::JsErrorKind::OutOfFuel);
    /// rt.set_fuel(None);
    /// assert_eq!(rt.eval_as::<i32>("2", "c.js").unwrap(), 2);
    /// ```
    pub fn set_fuel(&mut self, fuel: Option<u64>) {
        self.poll.fuel = fuel;
        self.poll.chunk = 1;
        self.poll.countdown = 0;
        self.poll.rearm();
    }

    /// The fuel left (`None`: unlimited). See [`Runtime::set_fuel`].
    ///
    /// ```
    /// assert_eq!(jolt::Runtime::new().fuel(), None);
    /// ```
    pub fn fuel(&self) -> Option<u64> {
        self.poll.fuel_left()
    }

    /// Sets the wall-time budget of each entry from Rust (see
    /// [`crate::RuntimeOptions::time_limit`]). The clock is read every few thousand calls
    /// and back-edges, so the stop is slightly late.
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// rt.set_time_limit(Some(std::time::Duration::from_millis(20)));
    /// let e = rt.eval("for (;;) {}", "spin.js").unwrap_err();
    /// assert_eq!(e.kind, jolt::JsErrorKind::TimeLimit);
    /// ```
    pub fn set_time_limit(&mut self, limit: Option<std::time::Duration>) {
        self.options.time_limit = limit;
    }
}
