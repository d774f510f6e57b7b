//! The JIT tiers: what they share (the compiled-code calling convention, the runtime calls,
//! code memory, the bytecode translation, deoptimization, tier-up policy) and the tiers
//! themselves (`baseline/`, `optimizing/`).
//!
//! Compiled code runs on the interpreter's own frames: registers stay in the VM register
//! stack, so the collector, stack traces and the interpreter see a compiled frame exactly as
//! an interpreted one, and either tier can take a frame over at any instruction boundary.
//! Only the accumulator lives in a machine register; runtime calls that can observe it
//! receive it as an argument and spill it into the frame's accumulator slot.
//!
//! Calling convention of a compiled function ([`JitFn`]): `(runtime, frame, fp, entry_pc)`
//! returns the accumulator at `Return` (the caller applies `[[Construct]]`'s result rule and
//! pops the frame), or [`EXCEPTION`] with the exception left in [`Jit::pending`]. `entry_pc`
//! is 0, or a loop header for on-stack replacement (the accumulator is then read from the
//! frame). The frame is pushed, and its entry safepoint taken, by whoever calls.

pub(crate) mod baseline;
mod call_stub;
mod code_module;
mod compiler_thread;
mod cpu_clock;
mod deopt;
mod equality;
pub(crate) use deopt::explain;
pub use deopt::{DeoptExit, DeoptReason, DeoptRecord, ExitSlot, ExitValue};
mod number;
pub(crate) mod optimizing;
mod runtime_calls;
mod site_stub;
#[cfg(test)]
mod tests;
mod translate;

use crate::heap::Gc;
use crate::interpreter::feedback::PropertyAccess;
use crate::runtime::function::FunctionCode;
use crate::runtime::object::{CodeDependency, ValidityCell};
use crate::runtime::{JsResult, Runtime, Throw};
use crate::value::Value;
use cpu_clock::CpuInstant;
use cranelift_codegen::isa::OwnedTargetIsa;
use std::time::Duration;

/// The execution tiers a runtime may use.
#[derive(Copy, Clone, PartialEq, Eq, Debug, Default)]
pub enum Tier {
    /// The interpreter only.
    #[default]
    Off,
    /// The interpreter and the baseline JIT.
    Baseline,
    /// Every tier: the interpreter, the baseline JIT and the optimizing JIT.
    Full,
}

impl Tier {
    /// Parses a `--jit=` value.
    pub fn parse(s: &str) -> Option<Tier> {
        match s {
            "off" => Some(Tier::Off),
            "baseline" => Some(Tier::Baseline),
            "full" => Some(Tier::Full),
            _ => None,
        }
    }
}

/// A compiled function's entry point (see the module documentation).
pub(crate) type JitFn = unsafe extern "C" fn(rt: *mut Runtime, frame: *mut Value, fp: usize, entry_pc: u32) -> u64;

/// The value compiled code and runtime calls return for "an exception is pending". Its tag
/// (`0xFFFB`) is never used by a [`Value`].
pub(crate) const EXCEPTION: u64 = 0xFFFB_0000_0000_0000;
/// What `jit_loop_safepoint` returns to baseline code when it ran the rest of the frame in
/// optimized code (on-stack replacement); `jit_osr_result` then gives the frame's result.
pub(crate) const OSR_DONE: u64 = 0xFFFB_0000_0000_0001;
/// The loop header optimized code passes to `jit_loop_safepoint`: no on-stack replacement.
pub(crate) const NO_OSR: u32 = u32::MAX;

/// A function's state with respect to the JIT.
#[derive(Copy, Clone, Default)]
pub enum JitCode {
    /// Not compiled (yet).
    #[default]
    None,
    /// Compiled by the baseline tier.
    Baseline(JitFn),
    /// Compiled by the optimizing tier too.
    Optimized {
        /// The optimized code.
        entry: JitFn,
        /// The baseline code, which deoptimized frames re-enter at loop headers.
        baseline: JitFn,
    },
    /// Not compilable by any tier (the reason was traced).
    Never,
}

impl JitCode {
    /// The best compiled entry, if any.
    #[inline]
    pub(crate) fn entry(self) -> Option<JitFn> {
        match self {
            JitCode::Baseline(f) | JitCode::Optimized { entry: f, .. } => Some(f),
            _ => None,
        }
    }

    /// Drops the optimized code (after a deoptimization); running activations keep using it.
    pub(crate) fn discard_optimized(&mut self) {
        if let JitCode::Optimized { baseline, .. } = *self {
            *self = JitCode::Baseline(baseline);
        }
    }
}

/// Counters for `--stats` and `--trace-jit` totals.
#[derive(Default, Debug, Clone)]
pub struct JitStats {
    /// Functions compiled by the baseline tier.
    pub compiled: u32,
    /// Functions left to the interpreter (generators and async functions).
    pub not_compiled: u32,
    /// Bytecode instructions compiled.
    pub bytecode_ops: u64,
    /// Machine-code bytes produced.
    pub code_bytes: u64,
    /// CPU time spent compiling (of the threads that compiled: see `cpu_clock`).
    pub compile_time: Duration,
    /// CPU time spent compiling the stubs compiled code calls (once per runtime).
    pub stub_compile_time: Duration,
    /// Entries into compiled code from the interpreter at a loop header.
    pub osr_entries: u64,
    /// Functions compiled by the optimizing tier (recompiles included).
    pub optimized: u32,
    /// Machine-code bytes the optimizing tier produced.
    pub opt_code_bytes: u64,
    /// CPU time the optimizing tier spent compiling.
    pub opt_compile_time: Duration,
    /// Calls inlined by the optimizing tier's compiles (nested ones included).
    pub inlined_calls: u64,
    /// Deoptimizations.
    pub deopts: u64,
    /// Optimized compiles invalidated because a prototype they assumed changed.
    pub invalidations: u64,
    /// Deoptimizations whose guard was in an inlined call (so the interpreter resumed in
    /// rebuilt frames of that call and its callers).
    pub inlined_deopts: u64,
    /// Deoptimizations by reason (indexed by the reason's number, in `jit/deopt.rs` order:
    /// not an int32, int32 overflow, not a number, not an object, shape mismatch, prototype
    /// changed, not a dense array, index out of bounds, hole, not an array, call target
    /// changed, code invalidated).
    pub deopt_reasons: [u64; DeoptReason::COUNT],
}

/// The runtime's JIT state.
pub struct Jit {
    /// The highest tier in use.
    pub tier: Tier,
    /// Compile on first call (tests use it to run everything compiled).
    pub eager: bool,
    /// Invocations before a function is compiled.
    pub threshold: u32,
    /// Loop back-edges before a running function is compiled and entered mid-loop.
    pub osr_threshold: u32,
    /// Print one line per compile.
    pub trace: bool,
    /// Invocations in the baseline tier before a function is optimized.
    pub opt_threshold: u32,
    /// Loop back-edges in the baseline tier before a running function is optimized and entered
    /// mid-loop.
    pub opt_osr_threshold: u32,
    /// Print one line per optimized compile.
    pub trace_opt: bool,
    /// Print one line per deoptimization.
    pub trace_deopt: bool,
    /// Make every Nth guard fail (testing).
    pub deopt_every: Option<u32>,
    /// Guards left until the next forced deoptimization (read and written by optimized code).
    pub(crate) deopt_countdown: u32,
    /// The deopt exit optimized code is taking: its index in `FunctionCode::opt_exits`
    /// (written by the code, read by `jit_deopt`).
    pub(crate) exit_index: u32,
    /// Every function compiled so far, kept for `--explain-jit` (only when it is on).
    pub(crate) explained: Option<Vec<Gc<FunctionCode>>>,
    /// The result of a frame finished in optimized code after on-stack replacement.
    pub(crate) osr_result: Option<JsResult<Value>>,
    /// Counters.
    pub stats: JitStats,
    /// The pc after an instruction that may jump, run for compiled code by a step of the
    /// interpreter ([`crate::interpreter::step`]), `jit_exec` or the `IteratorStep` site stub
    /// (read by compiled code).
    pub(crate) next_pc: u32,
    /// The exception compiled code is propagating.
    pub(crate) pending: Option<Throw>,
    /// Code memory, created on first compile and freed with the runtime.
    pub(crate) module: Option<code_module::CodeModule>,
    /// The optimizing tier's code memory.
    pub(crate) opt_module: Option<code_module::CodeModule>,
    /// The stubs both modules call: compiled by the background thread before its first job,
    /// or when first needed (see [`Jit::ensure_stubs`]).
    stubs: std::rc::Rc<code_module::SharedStubs>,
    /// Compile on a background thread while the function keeps running in its current tier
    /// (off: compiles block, and tier-up points are deterministic).
    pub concurrent: bool,
    /// The background compiler, started by the first concurrent compile (`None` before, or
    /// if it could not start).
    compiler: Option<compiler_thread::CompilerThread>,
    /// Run first on the background compiler thread.
    compiler_thread_start: Option<fn()>,
    /// Compiles on the background thread, not installed yet.
    pub(crate) in_flight: Vec<InFlight>,
    /// The ticket of the next background compile.
    next_ticket: u64,
    /// Cranelift's scratch space for compiles on this thread, kept between them.
    compile_context: cranelift_codegen::Context,
}

/// A compile running on the background thread. Its function is a root until the code is
/// installed (the code embeds addresses the function keeps alive).
pub(crate) struct InFlight {
    ticket: u64,
    /// The function being compiled.
    pub(crate) code: Gc<FunctionCode>,
    /// Its tier, and what installing it needs.
    tier: InFlightTier,
}

/// What installing a background compile needs, by tier.
enum InFlightTier {
    Baseline(baseline::CompileRecord),
    Optimized {
        /// What installing it reports.
        record: optimizing::CompileRecord,
        /// Where its embedded cells start in `code.opt_roots`.
        first_root: usize,
        /// Where its deopt exits start in `code.opt_exits`.
        first_exit: u32,
        /// Its validity flag.
        validity: Gc<ValidityCell>,
    },
}

/// How often a loop waiting for its function's code to compile in the background asks
/// whether it is ready, in back-edges (see [`wait_in_loop`]).
const OSR_POLL_INTERVAL: u32 = 64;

/// Default invocation count before baseline compilation. The baseline shapes its code by the
/// feedback so far, and after two calls that often showed int32s where doubles came later
/// (a vector's first coordinates), leaving the number stubs on the hot path. Measured by
/// instructions over the 17 JavaScript bench programs against 2: 10 gives whole runs
/// 0.92-1.04x (geomean 0.979), 5 gives geomean 0.985.
pub const DEFAULT_THRESHOLD: u32 = 10;
/// Loop back-edges that count as one invocation toward a tier-up (on-stack replacement).
const BACK_EDGES_PER_CALL: u32 = 50;
/// Default invocations in the baseline tier before optimization (loops: 50× as many
/// back-edges).
pub const DEFAULT_OPT_THRESHOLD: u32 = 200;

impl Jit {
    /// JIT state for a runtime's options.
    pub fn new(o: &crate::RuntimeOptions) -> Jit {
        let opt_threshold = o.opt_threshold.unwrap_or(DEFAULT_OPT_THRESHOLD);
        Jit {
            tier: o.jit,
            eager: o.jit_eager,
            threshold: o.jit_threshold.unwrap_or(DEFAULT_THRESHOLD),
            osr_threshold: o.jit_threshold.unwrap_or(DEFAULT_THRESHOLD).saturating_mul(BACK_EDGES_PER_CALL),
            trace: o.trace_jit,
            opt_threshold,
            opt_osr_threshold: opt_threshold.saturating_mul(BACK_EDGES_PER_CALL),
            trace_opt: o.trace_opt,
            trace_deopt: o.trace_deopt,
            deopt_every: o.deopt_every.filter(|&n| n > 0),
            deopt_countdown: o.deopt_every.unwrap_or(0),
            exit_index: 0,
            osr_result: None,
            explained: o.explain_jit.then(Vec::new),
            stats: JitStats::default(),
            next_pc: 0,
            pending: None,
            module: None,
            opt_module: None,
            stubs: Default::default(),
            // Tests compile eagerly to run everything compiled, at known points.
            concurrent: o.concurrent_jit && !o.jit_eager,
            compiler: None,
            compiler_thread_start: o.compiler_thread_start,
            in_flight: Vec::new(),
            next_ticket: 0,
            compile_context: cranelift_codegen::Context::new(),
        }
    }
}

/// A function's name for traces.
pub(crate) fn display_name(code: &FunctionCode) -> String {
    let n = String::from_utf16_lossy(&code.block.name);
    if n.is_empty() {
        "<anonymous>".into()
    } else {
        n
    }
}

/// The compiled entry of `code`, compiling it now if it is hot enough (or eager).
#[inline(always)]
pub(crate) fn entry_for(rt: &mut Runtime, code: Gc<FunctionCode>) -> Option<JitFn> {
    // The interpreter asks at every call: a function that stays interpreted answers inline.
    match code.jit {
        JitCode::Never => None,
        JitCode::None if rt.jit.tier == Tier::Off || (!rt.jit.eager && code.invocations < rt.jit.threshold) => None,
        _ => entry_for_compiled(rt, code),
    }
}

/// [`entry_for`] for code that has, or is about to get, machine code.
#[inline(never)]
fn entry_for_compiled(rt: &mut Runtime, code: Gc<FunctionCode>) -> Option<JitFn> {
    match code.jit {
        JitCode::Optimized { entry, .. } => Some(entry),
        JitCode::Baseline(f)
            if rt.jit.tier == Tier::Full && code.invocations >= rt.jit.opt_threshold && optimizing::may_optimize(&code) =>
        {
            Some(optimize(rt, code).unwrap_or(f))
        }
        JitCode::Baseline(f) => Some(f),
        JitCode::Never => None,
        JitCode::None => compile(rt, code),
    }
}

/// Sets `code.fast_entry` from its compiled code: the entry compiled callers enter directly,
/// unless a call must still go through [`entry_for`] (to optimize it when it gets hot).
pub(crate) fn refresh_fast_entry(jit: &Jit, code: &mut FunctionCode) {
    code.fast_entry = match code.jit {
        JitCode::Optimized { entry, .. } => entry as usize,
        JitCode::Baseline(f) if !(jit.tier == Tier::Full && optimizing::may_optimize(code)) => f as usize,
        _ => 0,
    };
}

/// Optimizes `code` (which has baseline code), unless it deoptimized too often or cannot be.
/// With concurrent compiles, the machine code is made on the background thread: this returns
/// `None` until it is installed (by this or any later call, see [`finish_compiles`]).
#[cold]
pub(crate) fn optimize(rt: &mut Runtime, code: Gc<FunctionCode>) -> Option<JitFn> {
    if !rt.jit.in_flight.is_empty() {
        finish_compiles(rt);
    }
    let JitCode::Baseline(_) = code.jit else { return code.jit.entry() };
    if !optimizing::may_optimize(&code) || rt.jit.compiling(code) {
        return None;
    }
    let global = crate::value::Value::object(rt.realms[rt.realm.0 as usize].global);
    let budget = optimizing::InlineBudget::new(&code, rt.realm, global, crate::runtime::shape::PropertyKey::String(rt.names.prototype));
    let validity = rt.alloc(ValidityCell::new());
    let (first_root, first_exit) = (code.opt_roots.len(), code.opt_exits.len() as u32);
    match optimizing::prepare(&mut rt.jit, code.get_mut(), budget, validity) {
        Ok(p) => start(rt, code, p.built, InFlightTier::Optimized { record: p.record, first_root, first_exit, validity }),
        Err(reason) => {
            not_optimized(rt, code, &reason);
            None
        }
    }
}

/// Compiles `code` with the baseline tier (on the background thread with concurrent
/// compiles: `None` until installed, as for [`optimize`]).
#[cold]
fn compile(rt: &mut Runtime, code: Gc<FunctionCode>) -> Option<JitFn> {
    if !rt.jit.in_flight.is_empty() {
        finish_compiles(rt);
    }
    if !matches!(code.jit, JitCode::None) {
        return code.jit.entry();
    }
    if rt.jit.compiling(code) {
        return None;
    }
    match baseline::prepare(&mut rt.jit, code, crate::runtime::shape::PropertyKey::String(rt.names.prototype)) {
        Ok((built, record)) => start(rt, code, built, InFlightTier::Baseline(record)),
        Err(reason) => {
            never_compiled(rt, code, &reason);
            None
        }
    }
}

impl Jit {
    /// A new code module with the settings `s`, sharing the stubs with the other tier's.
    pub(crate) fn new_module(&mut self, s: code_module::ModuleSettings) -> Result<code_module::CodeModule, String> {
        code_module::CodeModule::new(s, self.stubs.clone())
    }

    /// Makes sure the stubs are compiled (code is linked against them when installed): takes
    /// them from the background thread, waiting if it is still at them, or compiles them now
    /// (without a thread, or if it could not).
    fn ensure_stubs(&mut self) -> Result<(), String> {
        if self.stubs.is_set() {
            return Ok(());
        }
        let (stubs, time) = match self.compiler.as_mut().and_then(|c| c.take_stubs()) {
            Some((Ok(stubs), time)) => (Ok(stubs), time),
            // Not compiled there (the thread is gone or failed): here, once more.
            _ => {
                let started = CpuInstant::now();
                (code_module::StubCode::new(), started.elapsed())
            }
        };
        self.stats.stub_compile_time = time;
        self.stubs.set(stubs?);
        Ok(())
    }

    /// Whether a compile of `code` is running on the background thread.
    fn compiling(&self, code: Gc<FunctionCode>) -> bool {
        self.in_flight.iter().any(|f| f.code == code)
    }

    /// The code module of `tier`'s compiles.
    fn module_of(&self, tier: &InFlightTier) -> &code_module::CodeModule {
        let m = if let InFlightTier::Baseline(_) = tier { &self.module } else { &self.opt_module };
        m.as_ref().expect("made by prepare")
    }
}

/// A loop of `code` asked for code that is not there yet: while it compiles in the background,
/// the loop asks again only after `OSR_POLL_INTERVAL` more back-edges, not at each one.
pub(crate) fn wait_in_loop(jit: &Jit, code: Gc<FunctionCode>) {
    if jit.compiling(code) {
        let c = code.get_mut();
        c.back_edges = c.back_edges.saturating_sub(OSR_POLL_INTERVAL);
    }
}

/// Compiles a built function of `code` to machine code: on the background thread with
/// concurrent compiles (`None` then: it is installed when ready), else now.
fn start(rt: &mut Runtime, code: Gc<FunctionCode>, built: code_module::BuiltFunction, tier: InFlightTier) -> Option<JitFn> {
    let isa = rt.jit.module_of(&tier).isa();
    let f = InFlight { ticket: rt.jit.next_ticket, code, tier };
    let built = if rt.jit.concurrent { submit(&mut rt.jit, built, &f, isa.clone()) } else { Some(built) };
    let built = match built {
        Some(b) => b,
        None => {
            rt.jit.next_ticket += 1;
            rt.jit.in_flight.push(f);
            return None;
        }
    };
    let started = CpuInstant::now();
    let machine = built.compile(&*isa, &mut rt.jit.compile_context);
    install(rt, f, machine, started.elapsed())
}

/// Hands a built function to the background thread (starting it first if need be); gives it
/// back if there is no thread to compile it (compiles are synchronous from then on).
fn submit(jit: &mut Jit, built: code_module::BuiltFunction, f: &InFlight, isa: OwnedTargetIsa) -> Option<code_module::BuiltFunction> {
    if jit.compiler.is_none() {
        match compiler_thread::CompilerThread::spawn(jit.compiler_thread_start) {
            Ok(t) => jit.compiler = Some(t),
            Err(_) => {
                jit.concurrent = false;
                return Some(built);
            }
        }
    }
    let baseline = matches!(f.tier, InFlightTier::Baseline(_));
    match jit.compiler.as_ref().expect("started above").submit(f.ticket, built, isa, baseline) {
        Ok(()) => None,
        Err(built) => {
            jit.concurrent = false;
            Some(built)
        }
    }
}

/// Installs every compile the background thread has finished.
pub(crate) fn finish_compiles(rt: &mut Runtime) {
    loop {
        let Some(compiler) = &mut rt.jit.compiler else { return };
        let done = match compiler.try_done() {
            Ok(Some(done)) => done,
            Ok(None) => return,
            Err(()) => {
                // The thread is gone (it cannot panic in a compile, which is caught): its
                // functions may be compiled again, synchronously.
                rt.jit.compiler = None;
                rt.jit.concurrent = false;
                rt.jit.in_flight.clear();
                return;
            }
        };
        let Some(i) = rt.jit.in_flight.iter().position(|f| f.ticket == done.ticket) else { continue };
        let f = rt.jit.in_flight.swap_remove(i);
        install(rt, f, done.result, done.time);
    }
}

/// Makes the machine code of compile `f` (compiled in `time`) its function's code; optimized
/// code only if no prototype chain it assumes changed since it was planned.
fn install(rt: &mut Runtime, f: InFlight, machine: Result<code_module::MachineCode, String>, time: Duration) -> Option<JitFn> {
    let code = f.code;
    let machine = machine.and_then(|m| rt.jit.ensure_stubs().map(|()| m));
    let (record, first_root, first_exit, validity) = match f.tier {
        InFlightTier::Baseline(record) => {
            let state = match baseline::install(&mut rt.jit, record, machine, time) {
                Ok(entry) => JitCode::Baseline(entry),
                Err(reason) => {
                    never_compiled(rt, code, &reason);
                    return None;
                }
            };
            code.get_mut().jit = state;
            refresh_fast_entry(&rt.jit, code.get_mut());
            if let Some(list) = &mut rt.jit.explained {
                list.push(code);
            }
            return state.entry();
        }
        InFlightTier::Optimized { record, first_root, first_exit, validity } => (record, first_root, first_exit, validity),
    };
    let entry = match optimizing::install(&mut rt.jit, record, machine, time) {
        Ok(entry) => entry,
        Err(reason) => {
            not_optimized(rt, code, &reason);
            return None;
        }
    };
    let JitCode::Baseline(baseline) = code.jit else { return code.jit.entry() };
    let chains = || {
        code.opt_roots[first_root..].iter().filter_map(|e| match e.access {
            PropertyAccess::Proto { validity, .. } => Some(validity),
            _ => None,
        })
    };
    if chains().any(|c| !c.valid) {
        // The compile took long enough for one to change: its loads would be wrong.
        if rt.jit.trace_opt {
            eprintln!("[opt] discarded: {} (a prototype it assumed changed while it compiled)", display_name(&code));
        }
        // It must prove itself hot again, with feedback from after the change.
        let c = code.get_mut();
        c.invocations = 0;
        c.back_edges = 0;
        return None;
    }
    let c = code.get_mut();
    c.jit = JitCode::Optimized { entry, baseline };
    c.opt_exit_base = first_exit;
    refresh_fast_entry(&rt.jit, code.get_mut());
    // The code loads inherited slots without checking their chains: any change of those
    // chains invalidates it (see `optimizing::Plan::assumes_prototypes`).
    for chain in chains() {
        chain.get_mut().dependents.push(CodeDependency { code, validity });
    }
    Some(entry)
}

/// `code` cannot be optimized (`reason`): it stays in the baseline tier.
fn not_optimized(rt: &mut Runtime, code: Gc<FunctionCode>, reason: &str) {
    if rt.jit.trace_opt {
        eprintln!("[opt] not optimized: {} ({reason})", display_name(&code));
    }
    code.get_mut().opt_compiles = optimizing::MAX_COMPILES;
    refresh_fast_entry(&rt.jit, code.get_mut());
}

/// `code` cannot be compiled (`reason`): it stays in the interpreter.
fn never_compiled(rt: &mut Runtime, code: Gc<FunctionCode>, reason: &str) {
    rt.jit.stats.not_compiled += 1;
    if rt.jit.trace {
        eprintln!("[jit] not compiled: {} ({reason})", display_name(&code));
    }
    code.get_mut().jit = JitCode::Never;
    refresh_fast_entry(&rt.jit, code.get_mut());
    if let Some(list) = &mut rt.jit.explained {
        list.push(code);
    }
}

/// A prototype chain that optimized code assumed unchanged changed: that code is invalid. Its
/// frames still running deoptimize when control returns to them (the code checks its validity
/// after each instruction that may have run JavaScript); new calls run the baseline code.
pub(crate) fn invalidate(rt: &mut Runtime, d: CodeDependency) {
    let cell = d.validity.get_mut();
    if !cell.valid {
        return;
    }
    cell.valid = false;
    rt.jit.stats.invalidations += 1;
    if rt.jit.trace_deopt {
        eprintln!("[deopt] {}: optimized code invalidated (a prototype it assumed changed)", display_name(&d.code));
    }
    let code = d.code.get_mut();
    if code.opt_validity.last() == Some(&d.validity) {
        code.jit.discard_optimized();
        refresh_fast_entry(&rt.jit, code);
        // Held against the function like a deoptimization, so that a program that keeps
        // changing prototypes stops having it optimized.
        code.deopts += 1;
        code.invocations = 0;
        code.back_edges = 0;
    }
}

/// As [`entry_for`], at a loop back-edge of an interpreted frame of `code`.
#[inline]
pub(crate) fn osr_entry_for(rt: &mut Runtime, code: Gc<FunctionCode>) -> Option<JitFn> {
    let f = match code.jit {
        JitCode::Baseline(f) | JitCode::Optimized { entry: f, .. } => f,
        JitCode::Never => return None,
        JitCode::None if rt.jit.tier == Tier::Off => return None,
        JitCode::None if !rt.jit.eager && code.back_edges < rt.jit.osr_threshold => return None,
        JitCode::None => match compile(rt, code) {
            Some(f) => f,
            None => {
                wait_in_loop(&rt.jit, code);
                return None;
            }
        },
    };
    rt.jit.stats.osr_entries += 1;
    Some(f)
}

/// Runs compiled code for the frame at `fp` from `entry_pc` until it returns. The frame stays
/// pushed: the caller pops it and applies the return rules.
pub(crate) fn run_frame(rt: &mut Runtime, fp: usize, f: JitFn, entry_pc: u32) -> JsResult<Value> {
    rt.check_native_stack()?;
    let frame = rt.stack[fp..].as_mut_ptr();
    // SAFETY: `f` was produced by the baseline compiler for the frame's function and follows
    // `JitFn`'s convention; `frame` points at the frame inside the register stack, which is
    // allocated once and never moves; the runtime pointer is the only live access to `rt`
    // while compiled code runs (runtime calls rebuild `&mut Runtime` from it).
    let bits = unsafe { f(rt as *mut Runtime, frame, fp, entry_pc) };
    if bits == EXCEPTION {
        // Compiled code returns EXCEPTION only with an exception pending (an OSR entry at a pc
        // that is not a loop header would be a bug in the caller).
        Err(rt.jit.pending.take().unwrap_or_else(|| rt.type_error("internal error: compiled code entered at a bad pc")))
    } else {
        Ok(Value::from_bits(bits))
    }
}
