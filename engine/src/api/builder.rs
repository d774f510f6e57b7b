//! [`RuntimeBuilder`]: a runtime with chosen host APIs and limits.

use crate::runtime::{HostApis, Runtime, RuntimeOptions};
use std::time::Duration;

/// Builds a [`Runtime`]: which host APIs scripts may reach (none by default), and the limits
/// that bound them.
///
/// ```
/// use std::time::Duration;
/// let mut rt = jolt::RuntimeBuilder::new()
///     .console(true)
///     .heap_limit(64 << 20)
///     .fuel(1_000_000)
///     .time_limit(Duration::from_secs(1))
///     .build();
/// assert_eq!(rt.eval_as::<String>("typeof console + ' ' + typeof setTimeout", "t.js").unwrap(), "object undefined");
/// ```
#[derive(Clone, Debug, Default)]
pub struct RuntimeBuilder {
    options: RuntimeOptions,
}

impl RuntimeBuilder {
    /// Default options: ECMAScript globals only, no limits but the default stack.
    ///
    /// ```
    /// let rt = jolt::RuntimeBuilder::new().build();
    /// assert_eq!(rt.options().host_apis, jolt::HostApis::none());
    /// ```
    pub fn new() -> RuntimeBuilder {
        RuntimeBuilder::default()
    }

    /// Starts from the given options.
    ///
    /// ```
    /// let b = jolt::RuntimeBuilder::from_options(jolt::RuntimeOptions { gc_stress: Some(10), ..Default::default() });
    /// assert_eq!(b.build().options().gc_stress, Some(10));
    /// ```
    pub fn from_options(options: RuntimeOptions) -> RuntimeBuilder {
        RuntimeBuilder { options }
    }

    /// Turns every browser-style host API on or off (console, timers, `queueMicrotask`, the
    /// web helpers).
    ///
    /// ```
    /// let mut rt = jolt::RuntimeBuilder::new().host_apis(true).build();
    /// assert!(rt.eval_as::<bool>("typeof setTimeout === 'function'", "t.js").unwrap());
    /// ```
    pub fn host_apis(mut self, on: bool) -> Self {
        self.options.host_apis = if on { HostApis::all() } else { HostApis::none() };
        self
    }

    /// Chooses the host APIs one by one.
    ///
    /// ```
    /// let b = jolt::RuntimeBuilder::new().host_api_set(jolt::HostApis { timers: true, ..Default::default() });
    /// assert!(b.build().options().host_apis.timers);
    /// ```
    pub fn host_api_set(mut self, apis: HostApis) -> Self {
        self.options.host_apis = apis;
        self
    }

    /// `console` and `print` (output goes to [`Runtime::set_print_handler`] /
    /// [`Runtime::set_error_handler`], stdout/stderr by default).
    ///
    /// ```
    /// let b = jolt::RuntimeBuilder::new().console(true);
    /// assert!(b.build().options().host_apis.console);
    /// ```
    pub fn console(mut self, on: bool) -> Self {
        self.options.host_apis.console = on;
        self
    }

    /// `setTimeout`, `setInterval`, their `clear` functions and `queueMicrotask`.
    ///
    /// ```
    /// let b = jolt::RuntimeBuilder::new().timers(true);
    /// assert!(b.build().options().host_apis.timers);
    /// ```
    pub fn timers(mut self, on: bool) -> Self {
        self.options.host_apis.timers = on;
        self
    }

    /// Stops scripts whose heap grows past `bytes` ([`crate::JsErrorKind::OutOfMemory`]).
    ///
    /// ```
    /// let mut rt = jolt::RuntimeBuilder::new().heap_limit(16 << 20).build();
    /// let e = rt.eval("let a = []; for (;;) a.push({ x: [1, 2, 3] })", "t.js").unwrap_err();
    /// assert_eq!(e.kind, jolt::JsErrorKind::OutOfMemory);
    /// assert_eq!(rt.eval_as::<i32>("1", "t.js").unwrap(), 1);
    /// ```
    pub fn heap_limit(mut self, bytes: usize) -> Self {
        self.options.heap_limit = Some(bytes);
        self
    }

    /// Initial fuel (see [`Runtime::set_fuel`]).
    ///
    /// ```
    /// assert_eq!(jolt::RuntimeBuilder::new().fuel(5).build().fuel(), Some(5));
    /// ```
    pub fn fuel(mut self, fuel: u64) -> Self {
        self.options.fuel = Some(fuel);
        self
    }

    /// The wall-time budget of each entry from Rust (see [`RuntimeOptions::time_limit`]).
    ///
    /// ```
    /// let b = jolt::RuntimeBuilder::new().time_limit(std::time::Duration::from_millis(5));
    /// assert!(b.build().eval("for (;;) {}", "t.js").is_err());
    /// ```
    pub fn time_limit(mut self, limit: Duration) -> Self {
        self.options.time_limit = Some(limit);
        self
    }

    /// The recursion limit, as register-stack slots (see [`RuntimeOptions::stack_slots`]; at
    /// least 4096). Deeper recursion throws a catchable `RangeError`.
    ///
    /// ```
    /// let mut rt = jolt::RuntimeBuilder::new().stack_slots(10_000).build();
    /// let depth: u32 = rt.eval_as("let d = 0; function f() { d++; f(); } try { f() } catch (e) { if (!(e instanceof RangeError)) throw e; } d", "t.js").unwrap();
    /// assert!(depth > 100 && depth < 10_000, "{depth}");
    /// ```
    pub fn stack_slots(mut self, slots: usize) -> Self {
        self.options.stack_slots = slots;
        self
    }

    /// Collects every `n` allocations (for testing rooting).
    ///
    /// ```
    /// let mut rt = jolt::RuntimeBuilder::new().gc_stress(1).build();
    /// assert_eq!(rt.eval_as::<String>("[1, 2].join()", "t.js").unwrap(), "1,2");
    /// ```
    pub fn gc_stress(mut self, n: u32) -> Self {
        self.options.gc_stress = Some(n);
        self
    }

    /// The highest JIT tier to use.
    ///
    /// ```
    /// let rt = jolt::RuntimeBuilder::new().jit(jolt::jit::Tier::Off).build();
    /// assert_eq!(rt.options().jit, jolt::jit::Tier::Off);
    /// ```
    pub fn jit(mut self, tier: crate::jit::Tier) -> Self {
        self.options.jit = tier;
        self
    }

    /// The options built so far.
    ///
    /// ```
    /// assert_eq!(jolt::RuntimeBuilder::new().fuel(3).options().fuel, Some(3));
    /// ```
    pub fn options(&self) -> &RuntimeOptions {
        &self.options
    }

    /// Creates the runtime.
    ///
    /// ```
    /// let mut rt = jolt::RuntimeBuilder::new().build();
    /// assert_eq!(rt.eval_as::<i32>("40 + 2", "t.js").unwrap(), 42);
    /// ```
    pub fn build(self) -> Runtime {
        Runtime::with_options(self.options)
    }
}
