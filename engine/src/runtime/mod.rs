//! The [`Runtime`]: one isolated JavaScript world (heap, VM stack, realms, job queue).
//!
//! Everything hangs off a `Runtime`; there is no process-wide mutable state, so several
//! runtimes coexist in one process (each used from one thread at a time).
//! Submodules hold the object model and the spec's abstract operations; the interpreter
//! lives in [`crate::interpreter`].

pub mod context;
pub mod convert;
pub mod error;
pub mod function;
pub mod hash;
pub mod names;
pub mod numconv;
pub mod object;
pub mod property;
pub mod realm;
pub mod shape;
pub mod slots;
pub mod string;
pub mod symbol;

use crate::bytecode::code::{CodeBlock, Constant};
use crate::heap::{Gc, Heap, Trace};
use crate::interpreter::feedback::IcStats;
use crate::value::Value;
use names::Names;
use object::{JsObject, NativeData, NativeFn, ObjectKind};
use realm::Realm;
pub use realm::{Intrinsic, RealmId};
use shape::{PropertyKey, Shape};
use std::collections::{BTreeMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use string::JsString;
use symbol::Symbol;

/// Why a script was stopped without a catchable exception.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Termination {
    /// The embedder's interrupt flag was set.
    Interrupted,
    /// The heap limit was exceeded.
    OutOfMemory,
    /// The fuel budget (calls plus loop back-edges) ran out.
    OutOfFuel,
    /// The wall-time budget ran out.
    TimeLimit,
}

/// An abrupt completion in progress.
#[derive(Copy, Clone, Debug)]
pub enum Throw {
    /// A JavaScript exception (catchable).
    Value(Value),
    /// Termination: unwinds every frame without running catch/finally.
    Terminate(Termination),
}

/// The result of an operation that may throw.
pub type JsResult<T> = Result<T, Throw>;

/// The arguments of a native function call.
pub struct CallArgs<'a> {
    /// The function object being called.
    pub callee: Gc<JsObject>,
    /// `this`.
    pub this: Value,
    /// The arguments.
    pub args: &'a [Value],
    /// `new.target` (undefined for a plain call).
    pub new_target: Value,
}

impl CallArgs<'_> {
    /// Argument `i`, or undefined.
    #[inline]
    pub fn arg(&self, i: usize) -> Value {
        self.args.get(i).copied().unwrap_or(Value::UNDEFINED)
    }
    /// Was this a `new` call?
    pub fn is_construct(&self) -> bool {
        !self.new_target.is_undefined()
    }
}

/// Options fixed when a runtime is created.
#[derive(Clone, Debug)]
pub struct RuntimeOptions {
    /// Terminate scripts whose heap exceeds this many bytes.
    pub heap_limit: Option<usize>,
    /// Collect every N allocations (stress testing).
    pub gc_stress: Option<u32>,
    /// The highest JIT tier to use (default: every tier that exists).
    pub jit: crate::jit::Tier,
    /// Compile every function on its first call (for testing the JIT tiers; implies
    /// synchronous compiles).
    pub jit_eager: bool,
    /// Compile on a background thread while the function keeps running in its current tier
    /// (default). Off, compiles block the script, so a function tiers up at the same point
    /// in every run.
    pub concurrent_jit: bool,
    /// Run first on the background compiler thread, before it compiles anything (an
    /// embedder can give the thread its own allocator arena there, say).
    pub compiler_thread_start: Option<fn()>,
    /// Invocations before the baseline tier compiles a function (default
    /// [`crate::jit::DEFAULT_THRESHOLD`]; loops tier up after 50× as many back-edges).
    pub jit_threshold: Option<u32>,
    /// Print one line per JIT compile to stderr.
    pub trace_jit: bool,
    /// Invocations in the baseline tier before the optimizing tier compiles a function
    /// (default [`crate::jit::DEFAULT_OPT_THRESHOLD`]; loops: 50× as many back-edges).
    pub opt_threshold: Option<u32>,
    /// Print one line per optimized compile to stderr.
    pub trace_opt: bool,
    /// Print one line per deoptimization to stderr.
    pub trace_deopt: bool,
    /// Make every Nth speculation guard fail (stress-tests deoptimization).
    pub deopt_every: Option<u32>,
    /// Remember every compiled function for [`Runtime::explain_jit_all`].
    pub explain_jit: bool,
    /// Register stack capacity in values. This is the recursion limit: every JavaScript
    /// frame takes a few header slots plus its registers, and a call that does not fit throws
    /// a `RangeError` ("Maximum call stack size exceeded").
    pub stack_slots: usize,
    /// The host (non-ECMAScript) APIs installed in every realm: none by default.
    pub host_apis: HostApis,
    /// Fuel: how many calls plus loop back-edges scripts may perform before they are stopped
    /// with [`crate::JsErrorKind::OutOfFuel`] (`None`: unlimited). See [`Runtime::set_fuel`].
    pub fuel: Option<u64>,
    /// A wall-time budget for each entry from Rust (`eval`, `run`, `run_jobs`, calls through
    /// the embedding API); exceeding it stops the script with
    /// [`crate::JsErrorKind::TimeLimit`].
    pub time_limit: Option<std::time::Duration>,
}

/// Which host (browser-style, non-ECMAScript) APIs a runtime installs in its realms.
///
/// [`Runtime::new`] installs none: a script sees only the ECMAScript globals.
///
/// ```
/// use jolt::{HostApis, Runtime, RuntimeOptions};
/// let mut rt = Runtime::with_options(RuntimeOptions { host_apis: HostApis::all(), ..Default::default() });
/// assert_eq!(rt.eval_as::<String>("typeof console", "t.js").unwrap(), "object");
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct HostApis {
    /// `console` (log, info, debug, error, warn, trace) and `print`.
    pub console: bool,
    /// `setTimeout`, `setInterval`, `clearTimeout`, `clearInterval` and `queueMicrotask`.
    pub timers: bool,
    /// The other web-platform helpers (`structuredClone`, `TextEncoder`, `atob`/`btoa`, ...).
    pub web: bool,
}

impl HostApis {
    /// Every host API (what the `jolt` shell installs).
    ///
    /// ```
    /// assert!(jolt::HostApis::all().timers);
    /// ```
    pub fn all() -> HostApis {
        HostApis { console: true, timers: true, web: true }
    }
    /// No host API: only the ECMAScript globals.
    ///
    /// ```
    /// assert_eq!(jolt::HostApis::none(), jolt::HostApis::default());
    /// ```
    pub fn none() -> HostApis {
        HostApis::default()
    }
}

impl Default for RuntimeOptions {
    fn default() -> Self {
        RuntimeOptions {
            heap_limit: None,
            gc_stress: None,
            jit: crate::jit::Tier::Full,
            jit_eager: false,
            concurrent_jit: true,
            compiler_thread_start: None,
            jit_threshold: None,
            trace_jit: false,
            opt_threshold: None,
            trace_opt: false,
            trace_deopt: false,
            deopt_every: None,
            explain_jit: false,
            stack_slots: 1 << 20,
            host_apis: HostApis::none(),
            fuel: None,
            time_limit: None,
        }
    }
}

/// Receives lines printed by scripts.
pub type OutputHandler = Box<dyn FnMut(&str)>;

/// A queued job (a promise reaction or similar).
pub(crate) struct Job {
    pub func: Value,
    pub this: Value,
    pub args: Vec<Value>,
}

/// A pending timer.
pub(crate) struct Timer {
    pub func: Value,
    pub args: Vec<Value>,
    pub interval: Option<u64>,
    pub id: u32,
}

/// A handle that stops a runtime's script from another thread (`Send + Sync + Clone`).
///
/// The script stops at its next call or loop back-edge (in every tier), without running
/// `catch` or `finally` blocks; Rust gets [`crate::JsErrorKind::Interrupted`] and the runtime
/// stays usable.
///
/// ```
/// let mut rt = jolt::Runtime::new();
/// let h = rt.interrupt_handle();
/// std::thread::spawn(move || {
///     std::thread::sleep(std::time::Duration::from_millis(20));
///     h.interrupt();
/// });
/// let e = rt.eval("while (true) { try { for (;;) {} } catch {} finally { for (;;) {} } }", "loop.js").unwrap_err();
/// assert_eq!(e.kind, jolt::JsErrorKind::Interrupted);
/// assert_eq!(rt.eval_as::<i32>("1 + 1", "after.js").unwrap(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct InterruptHandle(Arc<AtomicBool>);

impl InterruptHandle {
    /// Requests termination of whatever script the runtime is running (or runs next).
    ///
    /// ```
    /// let rt = jolt::Runtime::new();
    /// rt.interrupt_handle().interrupt();
    /// ```
    pub fn interrupt(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// One JavaScript world.
pub struct Runtime {
    pub(crate) heap: Heap,
    /// The VM register stack (fixed capacity; never reallocated).
    pub(crate) stack: RegisterStack,
    /// First free stack slot.
    pub(crate) sp: usize,
    /// The current frame's base (see `interpreter::frame`), or `usize::MAX` when no frame runs.
    pub(crate) fp: usize,
    /// The current frame's instruction index (kept up to date for stack traces).
    pub(crate) pc: u32,
    pub(crate) realms: Vec<Realm>,
    pub(crate) realm: RealmId,
    interned: hash::FastHashMap<Box<[u16]>, Gc<JsString>>,
    pub(crate) symbol_registry: hash::FastHashMap<Box<[u16]>, Gc<Symbol>>,
    /// Well-known symbols (`Symbol.iterator`, ...), by [`names::WellKnown`].
    pub(crate) well_known: Vec<Gc<Symbol>>,
    /// Interned names the engine uses.
    pub(crate) names: Names,
    pub(crate) null_root_shape: Gc<Shape>,
    pub(crate) empty_string: Gc<JsString>,
    /// Values Rust code holds across calls into JavaScript (see [`Runtime::keep`]).
    pub(crate) kept: Vec<Value>,
    pub(crate) persistent: Vec<Option<Value>>,
    pub(crate) jobs: VecDeque<Job>,
    pub(crate) timers: BTreeMap<(u64, u64), Timer>,
    pub(crate) timer_seq: u64,
    pub(crate) interrupt: Arc<AtomicBool>,
    /// The address of `interrupt`'s flag and the limit of `stack` frames are pushed below, as
    /// plain words for compiled code (both fixed for the runtime's life).
    pub(crate) interrupt_addr: usize,
    pub(crate) stack_len: usize,
    /// Fuel and wall-time accounting, polled at every safepoint.
    pub(crate) poll: Poll,
    /// This runtime's process-unique id (handles and errors carry it).
    pub(crate) id: u64,
    /// State of the embedding API (host functions, persistent handles, pending futures).
    pub(crate) api: crate::api::ApiState,
    pub(crate) options: RuntimeOptions,
    /// Named loads of megamorphic sites.
    pub(crate) megamorphic: crate::interpreter::megamorphic::MegamorphicCache,
    /// The shapes of the objects `new` made for recent constructors.
    pub(crate) construct_cache: crate::interpreter::construct_cache::ConstructCache,
    /// Nesting of interpreter loops entered from Rust.
    pub(crate) native_depth: u32,
    /// The lowest native stack address JavaScript may use, recorded on entry from the embedder
    /// (`usize::MAX`: not inside JavaScript, or unknown; `check_native_stack` then asks the OS,
    /// and compiled code's direct calls, finding the stack pointer below it, take the runtime's
    /// path).
    pub(crate) native_stack_floor: usize,
    /// Inline-cache statistics.
    pub stats: IcStats,
    pub(crate) print_handler: Option<OutputHandler>,
    pub(crate) error_handler: Option<OutputHandler>,
    pub(crate) next_timer_id: u32,
    /// A frame that just suspended (generators, async functions), for its resumer to take.
    pub(crate) suspended: Option<crate::interpreter::generator_state::Suspended>,
    /// How the frame being resumed was resumed.
    pub(crate) resume_mode: crate::interpreter::ResumeMode,
    /// A termination raised inside a job callback, reported by the event loop.
    pub(crate) pending_termination: Option<Throw>,
    /// WeakMap/WeakSet objects, whose entries the collector treats as ephemerons.
    pub(crate) weak_tables: Vec<Gc<JsObject>>,
    /// Promises rejected without a handler (yet).
    pub(crate) pending_rejections: Vec<Gc<JsObject>>,
    pub(crate) clock_start: Option<std::time::Instant>,
    /// The host time zone for `Date`'s local time (loaded on first use).
    pub(crate) local_zone: Option<Box<crate::builtins::date::tz::Zone>>,
    /// JIT state: tier policy, counters, code memory.
    pub jit: crate::jit::Jit,
}

/// Fuel and deadline accounting. Every safepoint (function entry, loop back-edge: the same
/// points in the interpreter and compiled code) decrements `countdown`; when it is zero the
/// slow path [`Poll::slow`] charges the chunk to the fuel and reads the clock.
pub(crate) struct Poll {
    /// Safepoints left before the slow path.
    pub countdown: u64,
    /// Safepoints charged when the slow path runs (`countdown` was set to `chunk - 1`).
    pub chunk: u64,
    /// Fuel left at the last reset (`None`: unlimited).
    pub fuel: Option<u64>,
    /// When the running entry must stop.
    pub deadline: Option<std::time::Instant>,
}

/// Safepoints between two clock reads while a deadline is set.
const CLOCK_EVERY: u64 = 4096;

impl Poll {
    fn new(fuel: Option<u64>) -> Poll {
        let mut p = Poll { countdown: 0, chunk: 1, fuel, deadline: None };
        p.reset();
        p
    }

    /// Folds the safepoints counted so far into the fuel, then re-arms the countdown (after
    /// the fuel or the deadline changed).
    pub fn rearm(&mut self) {
        self.fuel = self.fuel_left();
        self.reset();
    }

    /// Re-arms the countdown from the fuel left and the deadline.
    fn reset(&mut self) {
        let mut chunk = u64::MAX;
        if let Some(f) = self.fuel {
            chunk = f.saturating_add(1);
        }
        if self.deadline.is_some() {
            chunk = chunk.min(CLOCK_EVERY);
        }
        self.chunk = chunk;
        self.countdown = chunk - 1;
    }

    /// Fuel left now.
    pub fn fuel_left(&self) -> Option<u64> {
        self.fuel.map(|f| f.saturating_sub(self.chunk - 1 - self.countdown))
    }

    /// The safepoint that found `countdown` at zero: charges the chunk, checks the budgets.
    #[cold]
    pub fn slow(&mut self) -> Result<(), Termination> {
        let mut out = Ok(());
        if let Some(f) = self.fuel {
            if self.chunk > f {
                self.fuel = Some(0);
                out = Err(Termination::OutOfFuel);
            } else {
                self.fuel = Some(f - self.chunk);
            }
        }
        if out.is_ok() {
            if let Some(d) = self.deadline {
                if std::time::Instant::now() >= d {
                    out = Err(Termination::TimeLimit);
                }
            }
        }
        self.reset();
        out
    }
}

/// A compiled script: runtime-independent, shareable between threads and runtimes.
pub struct Script {
    pub(crate) code: Arc<CodeBlock>,
}

impl Script {
    /// The top-level code block (for `--print-bytecode`).
    pub fn code(&self) -> &CodeBlock {
        &self.code
    }
}

impl Runtime {
    /// A new runtime with one realm and only the ECMAScript globals (no `console`, no timers,
    /// no I/O; see [`crate::RuntimeBuilder`] to opt into host APIs).
    ///
    /// A `Runtime` is not `Send`: create one per thread (any number of runtimes may coexist in
    /// a process; they share nothing).
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// assert_eq!(rt.eval_as::<f64>("1 + 2", "main.js").unwrap(), 3.0);
    /// assert_eq!(rt.eval_as::<String>("typeof console", "main.js").unwrap(), "undefined");
    /// ```
    #[allow(clippy::new_without_default)]
    pub fn new() -> Runtime {
        Runtime::with_options(RuntimeOptions::default())
    }

    /// A new runtime with the given options.
    ///
    /// ```
    /// use jolt::{Runtime, RuntimeOptions};
    /// let mut rt = Runtime::with_options(RuntimeOptions { fuel: Some(1000), ..Default::default() });
    /// assert!(rt.eval("for (;;) {}", "spin.js").is_err());
    /// ```
    pub fn with_options(options: RuntimeOptions) -> Runtime {
        let mut heap = Heap::new(options.gc_stress, options.heap_limit);
        let null_root_shape = heap.alloc(Shape::root(None));
        let empty_string = heap.alloc(JsString::flat(Box::new([])));
        empty_string.set_interned(true);
        let stack = RegisterStack::new(options.stack_slots.max(4096));
        // Frames are pushed below `stack_len`; the rest is for deoptimization to rebuild the
        // frames of calls optimized code inlined.
        let stack_len = stack.len() - crate::jit::optimizing::INLINE_STACK_RESERVE;
        let interrupt = Arc::new(AtomicBool::new(false));
        let interrupt_addr = interrupt.as_ptr() as usize;
        let jit = crate::jit::Jit::new(&options);
        let mut rt = Runtime {
            jit,
            heap,
            stack,
            sp: 0,
            fp: usize::MAX,
            pc: 0,
            realms: Vec::new(),
            realm: RealmId(0),
            interned: Default::default(),
            symbol_registry: Default::default(),
            well_known: Vec::new(),
            names: Names::placeholder(empty_string),
            null_root_shape,
            empty_string,
            kept: Vec::new(),
            persistent: Vec::new(),
            jobs: VecDeque::new(),
            timers: BTreeMap::new(),
            timer_seq: 0,
            interrupt,
            interrupt_addr,
            stack_len,
            poll: Poll::new(options.fuel),
            id: crate::api::next_runtime_id(),
            api: Default::default(),
            options,
            native_depth: 0,
            native_stack_floor: usize::MAX,
            megamorphic: Default::default(),
            construct_cache: Default::default(),
            stats: IcStats::default(),
            print_handler: None,
            error_handler: None,
            next_timer_id: 1,
            suspended: None,
            resume_mode: crate::interpreter::ResumeMode::Next,
            pending_termination: None,
            weak_tables: Vec::new(),
            pending_rejections: Vec::new(),
            clock_start: None,
            local_zone: None,
        };
        rt.interned.insert(Box::new([]), empty_string);
        rt.names = Names::new(&mut rt);
        rt.well_known = names::create_well_known(&mut rt);
        let id = rt.create_realm();
        rt.realm = id;
        rt
    }

    /// Creates a new realm with fresh intrinsics and global object.
    pub fn create_realm(&mut self) -> RealmId {
        crate::builtins::create_realm(self)
    }

    /// The current realm.
    pub(crate) fn realm(&self) -> &Realm {
        &self.realms[self.realm.0 as usize]
    }

    /// An intrinsic of the current realm.
    #[inline]
    pub fn intrinsic(&self, i: Intrinsic) -> Gc<JsObject> {
        self.realms[self.realm.0 as usize].intrinsics[i as usize].expect("intrinsic set up at realm creation")
    }

    /// The current realm's global object.
    pub fn global_object(&self) -> Gc<JsObject> {
        self.realm().global
    }

    /// The options the runtime was created with.
    pub fn options(&self) -> &RuntimeOptions {
        &self.options
    }

    /// A handle to interrupt this runtime from another thread.
    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle(self.interrupt.clone())
    }

    /// Sets where `print` and `console.log` output goes (default: stdout).
    pub fn set_print_handler(&mut self, f: Box<dyn FnMut(&str)>) {
        self.print_handler = Some(f);
    }

    /// Sets where `console.error`/`console.warn` output goes (default: stderr).
    pub fn set_error_handler(&mut self, f: Box<dyn FnMut(&str)>) {
        self.error_handler = Some(f);
    }

    pub(crate) fn print_line(&mut self, s: &str, is_error: bool) {
        if is_error {
            if let Some(h) = &mut self.error_handler {
                h(s);
                return;
            }
            eprintln!("{s}");
            return;
        }
        match &mut self.print_handler {
            Some(h) => h(s),
            None => {
                use std::io::Write;
                let mut out = std::io::stdout().lock();
                let _ = writeln!(out, "{s}");
            }
        }
    }

    // ----- allocation -----

    /// Allocates a heap cell.
    #[inline]
    pub fn alloc<T: Trace>(&mut self, cell: T) -> Gc<T> {
        self.heap.alloc(cell)
    }

    /// Interns UTF-16 text (property keys).
    pub fn intern_units(&mut self, u: &[u16]) -> Gc<JsString> {
        if let Some(s) = self.interned.get(u) {
            return *s;
        }
        let s = self.heap.alloc(JsString::flat(u.into()));
        s.set_interned(true);
        self.interned.insert(u.into(), s);
        s
    }

    pub(crate) fn interned_mut(&mut self) -> &mut hash::FastHashMap<Box<[u16]>, Gc<JsString>> {
        &mut self.interned
    }

    /// Interns Rust text.
    pub fn intern(&mut self, s: &str) -> Gc<JsString> {
        let u: Vec<u16> = s.encode_utf16().collect();
        self.intern_units(&u)
    }

    /// The interned copy of a string.
    pub fn intern_string(&mut self, s: Gc<JsString>) -> Gc<JsString> {
        if s.is_interned() {
            return s;
        }
        let u = s.units().to_vec();
        self.intern_units(&u)
    }

    /// A property key for Rust text.
    pub fn key(&mut self, s: &str) -> PropertyKey {
        let u: Vec<u16> = s.encode_utf16().collect();
        self.key_units(&u)
    }

    /// A property key for UTF-16 text (array indices become `Index` keys).
    pub fn key_units(&mut self, u: &[u16]) -> PropertyKey {
        if let Some(i) = string::array_index(u) {
            return PropertyKey::Index(i);
        }
        PropertyKey::String(self.intern_units(u))
    }

    /// A new string value from UTF-16 units.
    pub fn new_string(&mut self, u: Vec<u16>) -> Value {
        if u.is_empty() {
            return Value::string(self.empty_string);
        }
        Value::string(self.heap.alloc(JsString::flat(u.into_boxed_slice())))
    }

    /// A new string value from Rust text.
    pub fn str(&mut self, s: &str) -> Value {
        self.new_string(s.encode_utf16().collect())
    }

    /// `a + b` for strings: a rope when long, a copy when short.
    pub fn concat(&mut self, a: Gc<JsString>, b: Gc<JsString>) -> JsResult<Value> {
        if a.is_empty() {
            return Ok(Value::string(b));
        }
        if b.is_empty() {
            return Ok(Value::string(a));
        }
        let len = a.len() + b.len();
        if len > (1 << 30) - 25 {
            return Err(self.range_error("Invalid string length"));
        }
        if len < string::ROPE_MIN {
            let mut v = Vec::with_capacity(len);
            v.extend_from_slice(a.units());
            v.extend_from_slice(b.units());
            return Ok(self.new_string(v));
        }
        // Charge the node plus the smaller side, which flattening will eventually copy:
        // appends in a loop cost what they append (not the whole string each time, which
        // made `s += x` loops collect quadratically often), and `s = s + s` still charges
        // memory as fast as the string grows.
        self.heap.note_bytes(std::mem::size_of::<JsString>() + 2 * a.len().min(b.len()));
        Ok(Value::string(self.heap.alloc(JsString::rope(a, b))))
    }

    /// The root shape of objects with prototype `proto`.
    pub fn root_shape(&mut self, proto: Option<Gc<JsObject>>) -> Gc<Shape> {
        match proto {
            None => self.null_root_shape,
            Some(p) => {
                if let Some(s) = p.proto_info.as_ref().and_then(|pi| pi.root_shape) {
                    return s;
                }
                self.ensure_proto_info(p);
                let pi = p.get_mut().proto_info.as_mut().expect("just ensured");
                if let Some(s) = pi.root_shape {
                    return s;
                }
                let s = self.heap.alloc(Shape::root(Some(p)));
                p.get_mut().proto_info.as_mut().expect("ensured").root_shape = Some(s);
                s
            }
        }
    }

    /// Marks `p` as a prototype (and its chain): gives it a validity cell and registers it
    /// with its own prototype.
    pub(crate) fn ensure_proto_info(&mut self, p: Gc<JsObject>) {
        let mut cur = Some(p);
        let mut child: Option<Gc<JsObject>> = None;
        while let Some(o) = cur {
            let fresh = o.proto_info.is_none();
            if fresh {
                let validity = self.heap.alloc(object::ValidityCell::new());
                o.get_mut().proto_info = Some(Box::new(object::ProtoInfo { root_shape: None, validity, users: Vec::new() }));
            }
            if let Some(c) = child {
                let users = &mut o.get_mut().proto_info.as_mut().expect("set").users;
                if !users.contains(&c) {
                    users.push(c);
                }
            }
            if !fresh {
                break;
            }
            child = Some(o);
            cur = o.proto();
        }
    }

    /// A new object with the given prototype and kind.
    pub fn new_object_with(&mut self, proto: Option<Gc<JsObject>>, kind: ObjectKind) -> Gc<JsObject> {
        let shape = self.root_shape(proto);
        self.heap.alloc(JsObject::new(shape, kind))
    }

    /// A new ordinary object inheriting from `Object.prototype`.
    pub fn new_plain_object(&mut self) -> Gc<JsObject> {
        let p = self.intrinsic(Intrinsic::ObjectPrototype);
        self.new_object_with(Some(p), ObjectKind::Ordinary)
    }

    /// A new array holding `values`.
    pub fn new_array(&mut self, values: Vec<Value>) -> Gc<JsObject> {
        let p = self.intrinsic(Intrinsic::ArrayPrototype);
        let len = values.len() as u32;
        self.heap.note_bytes(values.len() * 8);
        let a = self.new_object_with(Some(p), ObjectKind::Array { length: len, length_writable: true });
        a.get_mut().elements.set(object::Elements::Dense(values));
        a
    }

    /// A new built-in function object.
    pub fn new_native_function(&mut self, name: &str, length: u32, f: NativeFn, constructor: bool) -> Gc<JsObject> {
        self.new_native_function_with(name, length, f, constructor, Box::new([]))
    }

    /// A new built-in function object closing over `captures`.
    pub fn new_native_function_with(
        &mut self,
        name: &str,
        length: u32,
        f: NativeFn,
        constructor: bool,
        captures: Box<[Value]>,
    ) -> Gc<JsObject> {
        let proto = self.intrinsic(Intrinsic::FunctionPrototype);
        let realm = self.realm;
        let o = self.new_object_with(Some(proto), ObjectKind::Native(Box::new(NativeData { f, constructor, realm, captures })));
        let len_key = PropertyKey::String(self.names.length);
        self.define_data(o, len_key, Value::int(length as i32), shape::CONFIGURABLE);
        let name_key = PropertyKey::String(self.names.name);
        let n = self.str(name);
        self.define_data(o, name_key, n, shape::CONFIGURABLE);
        o
    }

    /// Defines a built-in method `name` on `obj`.
    pub fn define_method(&mut self, obj: Gc<JsObject>, name: &str, length: u32, f: NativeFn) -> Gc<JsObject> {
        let func = self.new_native_function(name, length, f, false);
        let k = self.key(name);
        self.define_data(obj, k, Value::object(func), shape::HIDDEN);
        func
    }

    /// Defines a built-in method keyed by a well-known symbol (named `[Symbol.x]`).
    pub fn define_symbol_method(
        &mut self,
        obj: Gc<JsObject>,
        sym: names::WellKnown,
        fname: &str,
        length: u32,
        f: NativeFn,
        attrs: shape::Attrs,
    ) -> Gc<JsObject> {
        let func = self.new_native_function(fname, length, f, false);
        let s = self.well_known(sym);
        self.define_data(obj, PropertyKey::Symbol(s), Value::object(func), attrs);
        func
    }

    /// Defines a built-in accessor.
    pub fn define_getter(&mut self, obj: Gc<JsObject>, key: PropertyKey, fname: &str, f: NativeFn, setter: Option<NativeFn>) {
        let g = self.new_native_function(fname, 0, f, false);
        let s = setter.map(|sf| {
            let n = fname.replacen("get ", "set ", 1);
            Value::object(self.new_native_function(&n, 1, sf, false))
        });
        let acc = self.alloc(object::Accessor::new(Value::object(g), s.unwrap_or(Value::UNDEFINED)));
        self.define_data(obj, key, Value::cell(acc), shape::CONFIGURABLE | shape::ACCESSOR);
    }

    /// A well-known symbol.
    pub fn well_known(&self, w: names::WellKnown) -> Gc<Symbol> {
        self.well_known[w as usize]
    }

    /// Keeps `v` alive until the current native call returns (for Rust code that holds
    /// values across calls into JavaScript, which may collect).
    ///
    /// Only a native call's return releases kept values: Rust code that can also run outside
    /// one (bytecode operations, the runtime calls of compiled code, the job loop, the
    /// embedding API) must keep inside [`Runtime::keep_scope`], or every run leaks its values
    /// into the root set for good.
    #[inline]
    pub fn keep(&mut self, v: Value) {
        self.kept.push(v);
    }

    /// Runs `f`, then releases every value it kept (on every path, errors included): the scope
    /// for [`Runtime::keep`] in code that does not run as a native call of its own.
    #[inline]
    pub(crate) fn keep_scope<T>(&mut self, f: impl FnOnce(&mut Runtime) -> T) -> T {
        let mark = self.kept.len();
        let r = f(self);
        self.kept.truncate(mark);
        r
    }

    /// Instantiates a code block in this runtime.
    pub(crate) fn instantiate(&mut self, block: Arc<CodeBlock>) -> Gc<function::FunctionCode> {
        let mut consts = Vec::with_capacity(block.constants.len());
        for c in &block.constants {
            consts.push(match c {
                Constant::Number(n) => Value::number(*n),
                Constant::String(s) => Value::string(self.intern_units(s)),
                _ => Value::HOLE,
            });
        }
        self.heap.note_bytes(block.feedback.len() * 32 + consts.len() * 8);
        self.heap.alloc(function::FunctionCode::new(block, consts.into_boxed_slice()))
    }

    // ----- the public embedding surface (the embedding issue will grow it) -----

    /// Parses and compiles a script. The result is runtime-independent (`Send + Sync`): run it
    /// in any number of runtimes with [`Runtime::run`].
    ///
    /// ```
    /// assert!(jolt::Runtime::compile("1 +", "bad.js").is_err());
    /// ```
    pub fn compile(source: &str, file_name: &str) -> Result<Arc<Script>, crate::JsError> {
        crate::compile_script(source, file_name, false).map(|code| Arc::new(Script { code }))
    }

    /// Runs a compiled script in the current realm.
    ///
    /// ```
    /// let script = jolt::Runtime::compile("6 * 7", "answer.js").unwrap();
    /// let mut rt = jolt::Runtime::new();
    /// assert_eq!(rt.run(&script).unwrap().as_number(), Some(42.0));
    /// ```
    pub fn run(&mut self, script: &Script) -> Result<Value, crate::JsError> {
        let code = script.code.clone();
        self.entry(|rt| rt.run_script_code(code))
    }

    /// Runs `f` as an entry from Rust: an outermost entry starts the wall-time budget
    /// ([`RuntimeOptions::time_limit`]) and turns a throw into a [`crate::JsError`].
    pub(crate) fn entry<T>(&mut self, f: impl FnOnce(&mut Runtime) -> JsResult<T>) -> Result<T, crate::JsError> {
        let outer = self.fp == usize::MAX && self.poll.deadline.is_none() && self.options.time_limit.is_some();
        if outer {
            self.poll.deadline = self.options.time_limit.map(|d| std::time::Instant::now() + d);
            self.poll.rearm();
        }
        let r = f(self);
        if outer {
            self.poll.deadline = None;
            self.poll.rearm();
        }
        self.finish_result(r)
    }

    /// Compiles and runs a script; `file_name` appears in stack traces and syntax errors.
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// assert_eq!(rt.eval("1 + 2", "main.js").unwrap().as_number(), Some(3.0));
    /// let e = rt.eval("let x = ;", "bad.js").unwrap_err();
    /// assert_eq!(e.kind, jolt::JsErrorKind::Syntax);
    /// assert_eq!(e.location.as_deref(), Some("bad.js:1:9"));
    /// ```
    pub fn eval(&mut self, source: &str, file_name: &str) -> Result<Value, crate::JsError> {
        let s = Self::compile(source, file_name)?;
        self.run(&s)
    }

    /// Runs promise jobs and timers until none are left (waiting for timers to come due).
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// rt.eval("var done = false; Promise.resolve().then(() => { done = true; });", "jobs.js").unwrap();
    /// assert!(!rt.get_global::<bool>("done").unwrap());
    /// rt.run_jobs().unwrap();
    /// assert!(rt.get_global::<bool>("done").unwrap());
    /// ```
    pub fn run_jobs(&mut self) -> Result<(), crate::JsError> {
        self.entry(|rt| rt.run_event_loop())
    }

    pub(crate) fn finish_result<T>(&mut self, r: JsResult<T>) -> Result<T, crate::JsError> {
        match r {
            Ok(v) => Ok(v),
            Err(t) => Err(self.to_js_error(t)),
        }
    }

    /// Collects garbage now (at a safepoint the caller guarantees).
    pub fn collect_garbage(&mut self) {
        crate::interpreter::gc::collect(self);
    }

    /// The number of live heap cells: those that survived the last collection plus those
    /// allocated since (for embedders' and tests' memory checks).
    pub fn live_cells(&self) -> usize {
        self.heap.cell_count()
    }
}

impl Runtime {
    /// `util.inspect`-style text for a value (no colours).
    pub fn inspect(&mut self, v: Value) -> String {
        crate::builtins::inspect::inspect(self, v, &Default::default())
    }

    /// The current realm's global lexical bindings (top-level `let`/`const`/`class` of the
    /// scripts run so far): names, and values (`None` while in the TDZ). Reading them runs no
    /// code (the REPL completes names from this).
    pub fn global_lexicals(&self) -> Vec<(String, Option<Value>)> {
        self.realm().lexical.iter().map(|(k, c)| (k.to_rust_string(), Some(c.value).filter(|v| !v.is_hole()))).collect()
    }

    /// What the JIT tiers made of function `f` (its tier, counters and each deoptimization
    /// with its source position and reason); `None` when `f` is not a JavaScript function
    /// (bound functions are followed to their target).
    ///
    /// ```
    /// use jolt::{Runtime, RuntimeOptions};
    /// // Synchronous compiles: `f` is optimized by the time it sees a second shape.
    /// let mut rt = Runtime::with_options(RuntimeOptions { opt_threshold: Some(2), concurrent_jit: false, ..Default::default() });
    /// let f = rt.eval("function f(o) { return o.x } for (let i = 0; i < 50; i++) f({ x: i }); f({ y: 0, x: 1 }); f", "m.js").unwrap();
    /// let text = rt.explain_jit(f).unwrap();
    /// assert!(text.contains("deopt at m.js:1:26 (GetNamed, pc 0): shape mismatch on .x"), "{text}");
    /// assert!(rt.explain_jit(jolt::Value::int(1)).is_none());
    /// ```
    pub fn explain_jit(&self, f: Value) -> Option<String> {
        let mut o = f.as_object()?;
        for _ in 0..100 {
            match &o.kind {
                crate::runtime::object::ObjectKind::Closure(c) => return Some(crate::jit::explain(&c.code)),
                crate::runtime::object::ObjectKind::Bound(b) => o = b.target,
                _ => return None,
            }
        }
        None
    }

    /// [`Runtime::explain_jit`] for every function compiled so far, in compile order (needs
    /// [`RuntimeOptions::explain_jit`]).
    ///
    /// ```
    /// use jolt::{Runtime, RuntimeOptions};
    /// let mut rt = Runtime::with_options(RuntimeOptions { explain_jit: true, jit_eager: true, ..Default::default() });
    /// rt.eval("function sq(x) { return x * x } sq(3)", "m.js").unwrap();
    /// assert!(rt.explain_jit_all().contains("sq (m.js:1:1): baseline"));
    /// ```
    pub fn explain_jit_all(&self) -> String {
        let list = self.jit.explained.as_deref().unwrap_or(&[]);
        list.iter().map(|c| crate::jit::explain(c)).collect::<Vec<_>>().join("\n")
    }

    /// The `--stats` report.
    pub fn stats_report(&self) -> String {
        let s = &self.stats;
        let pct = |h: u64, m: u64| if h + m == 0 { 0.0 } else { 100.0 * h as f64 / (h + m) as f64 };
        format!(
            "calls: {}\nproperty loads: {} ({:.1}% IC hits)\nproperty stores: {} ({:.1}% IC hits)\nglobal accesses: {} ({:.1}% IC hits)\ncollections: {} ({:.2} ms marking, {:.2} ms sweeping), cells freed: {}, live cells: {}",
            s.calls,
            s.get_hits + s.get_misses,
            pct(s.get_hits, s.get_misses),
            s.set_hits + s.set_misses,
            pct(s.set_hits, s.set_misses),
            s.global_hits + s.global_misses,
            pct(s.global_hits, s.global_misses),
            self.heap.stats.collections,
            self.heap.stats.mark_time.as_secs_f64() * 1e3,
            self.heap.stats.sweep_time.as_secs_f64() * 1e3,
            self.heap.stats.freed,
            self.heap.cell_count()
        ) + &{
            let j = &self.jit.stats;
            format!(
                "\njit tier: {:?}; stubs: {:.2} ms; baseline: {} functions compiled ({} bytecode ops -> {} bytes of machine code, {:.2} ms), {} left to the interpreter, {} loop entries (OSR)",
                self.jit.tier,
                j.stub_compile_time.as_secs_f64() * 1e3,
                j.compiled,
                j.bytecode_ops,
                j.code_bytes,
                j.compile_time.as_secs_f64() * 1e3,
                j.not_compiled,
                j.osr_entries
            ) + &format!(
                "\noptimizing: {} compiles ({} bytes of machine code, {:.2} ms, {} calls inlined), {} deoptimizations ({} in inlined calls)",
                j.optimized,
                j.opt_code_bytes,
                j.opt_compile_time.as_secs_f64() * 1e3,
                j.inlined_calls,
                j.deopts,
                j.inlined_deopts
            )
        }
    }
}

/// The VM register stack's memory: `len` values in pages mapped from the OS for it alone, so
/// that they cost nothing until frames reach them. A zeroed allocation from the global
/// allocator may be written at start-up (mimalloc clears it: all 8 MiB by default were
/// resident from the start). Fresh pages are zero bits, the double +0.0, and no slot is read
/// before a push initialises it.
pub(crate) struct RegisterStack {
    mem: region::Allocation,
    len: usize,
}

impl RegisterStack {
    /// A stack of `slots` values; out of memory as the global allocator is when the OS
    /// refuses the mapping.
    fn new(slots: usize) -> RegisterStack {
        let layout = std::alloc::Layout::array::<Value>(slots).expect("register stack size fits the address space");
        match region::alloc(layout.size(), region::Protection::READ_WRITE) {
            Ok(mem) => RegisterStack { mem, len: slots },
            Err(_) => std::alloc::handle_alloc_error(layout),
        }
    }
}

impl std::ops::Deref for RegisterStack {
    type Target = [Value];
    fn deref(&self) -> &[Value] {
        // SAFETY: the mapping holds at least `len` values, page-aligned (so aligned for `Value`),
        // each zero bits or written since; `Value` is `repr(transparent)` over `u64`, for which
        // every bit pattern is valid. It lives as long as `self`.
        unsafe { std::slice::from_raw_parts(self.mem.as_ptr::<Value>(), self.len) }
    }
}

impl std::ops::DerefMut for RegisterStack {
    fn deref_mut(&mut self) -> &mut [Value] {
        // SAFETY: as in `deref`; `&mut self` makes this the only reference.
        unsafe { std::slice::from_raw_parts_mut(self.mem.as_mut_ptr::<Value>(), self.len) }
    }
}
