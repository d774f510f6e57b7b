//! Generators and async functions: frames that suspend and resume.
//!
//! A suspended frame is copied out of the register stack into its generator object (frames
//! are position-independent: every link inside is fp-relative or a heap pointer) and copied
//! back, at the top of the stack, on resumption. The interpreter returns to Rust at each
//! suspension, with the state in `Runtime::suspended`.

use super::frame::*;
use crate::builtins::promise;
use crate::builtins::BuiltinData;
use crate::heap::Gc;
use crate::runtime::object::{JsObject, ObjectKind};
use crate::runtime::shape::PropertyKey;
use crate::runtime::{Intrinsic, JsResult, Runtime, Throw};
use crate::value::Value;

/// Why a frame suspended.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum SuspendKind {
    /// After binding parameters (the generator object is created here).
    Start,
    /// `yield v`.
    Yield,
    /// `yield* iterable`.
    YieldStar,
    /// `await v`.
    Await,
}

/// How a suspended frame is resumed (read by the `ResumeKind` instruction).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(i32)]
pub enum ResumeMode {
    /// `next(v)` / a fulfilled await.
    Next = 0,
    /// `throw(v)` / a rejected await.
    Throw = 1,
    /// `return(v)`.
    Return = 2,
}

/// Async generators: what an await during `yield*` is for.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum DelegateAwait {
    /// Not an await of the `yield*` machinery (or no await).
    None,
    /// The inner iterator's `next`/`throw`/`return` result (`Await(innerResult)`).
    InnerResult,
    /// A `return(v)` request's value, before the inner `return` is called
    /// (AsyncGeneratorUnwrapYieldResumption).
    ReturnValue,
    /// The inner `return()` result while closing an inner iterator that has no `throw`
    /// (AsyncIteratorClose).
    CloseResult,
}

/// A frame copied out of the stack.
pub struct Suspended {
    /// Header, registers and extra arguments.
    pub frame: Vec<Value>,
    /// Where to resume.
    pub pc: u32,
    /// Why it suspended.
    pub kind: SuspendKind,
}

/// A generator's lifecycle.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum GenState {
    /// Created, body not started.
    SuspendedStart,
    /// Stopped at a yield.
    SuspendedYield,
    /// Running.
    Executing,
    /// Finished.
    Completed,
}

/// The internal state of a generator or async function.
pub struct GeneratorData {
    /// Lifecycle state.
    pub state: GenState,
    /// The saved frame (while suspended).
    pub frame: Option<Suspended>,
    /// `yield*`: the inner iterator and its `next` method.
    pub delegate: Option<(Value, Value)>,
    /// Async functions: the promise the call returned.
    pub promise: Value,
    /// Async generators: queued requests (mode, value, promise capability object).
    pub queue: std::collections::VecDeque<(ResumeMode, Value, Value)>,
    /// Is this an async generator?
    pub is_async_generator: bool,
    /// Async generators: waiting for an awaited promise.
    pub awaiting: bool,
    /// Async generators: the await is for a `return(v)` request on a completed generator.
    pub return_await: bool,
    /// Async generators: what the current await of a `yield*` is for.
    pub delegate_await: DelegateAwait,
    /// Async generators: how the current `yield*` step was requested.
    pub delegate_mode: ResumeMode,
}

impl GeneratorData {
    pub(crate) fn trace(&self, m: &mut crate::heap::Marker) {
        if let Some(s) = &self.frame {
            s.frame.iter().for_each(|v| m.value(*v));
        }
        if let Some((a, b)) = self.delegate {
            m.value(a);
            m.value(b);
        }
        m.value(self.promise);
        for (_, v, p) in &self.queue {
            m.value(*v);
            m.value(*p);
        }
    }
}

/// Saves the frame at `fp` and pops it; returns the value it yields/awaits.
pub(super) fn suspend(rt: &mut Runtime, fp: usize, pc: u32, kind: SuspendKind) -> Value {
    let value = rt.stack[fp + ACC_SLOT];
    let frame = rt.stack[fp..rt.sp].to_vec();
    let caller = rt.stack[fp + CALLER_FP_SLOT].int_unchecked();
    rt.sp = fp;
    rt.fp = if caller < 0 { usize::MAX } else { caller as usize };
    rt.suspended = Some(Suspended { frame, pc, kind });
    value
}

/// What resuming produced.
pub(crate) enum Step {
    /// Suspended at a yield with this value.
    Yield(Value),
    /// `yield*` passed an inner iterator result object through.
    YieldRaw(Value),
    /// Suspended at an await on this value.
    Await(Value),
    /// Returned.
    Done(Value),
}

fn gen_data(o: Gc<JsObject>) -> &'static mut GeneratorData {
    match &mut o.get_mut().kind {
        ObjectKind::Builtin(b) => match &mut **b {
            BuiltinData::Generator(g) => {
                // SAFETY: generator objects live while referenced; callers do not keep this
                // reference across calls that could free the object (it is rooted by them).
                unsafe { &mut *(g as *mut GeneratorData) }
            }
            _ => unreachable!("not a generator"),
        },
        _ => unreachable!("not a generator"),
    }
}

impl Runtime {
    /// Calls a generator or async function: runs the prologue, then creates the generator
    /// object (generators), or runs the body until its first `await` (async functions).
    pub(crate) fn start_resumable(&mut self, f: Gc<JsObject>, this: Value, args: &[Value]) -> JsResult<Value> {
        let block = f.as_closure().expect("closure").code.block.clone();
        let is_async = block.is_async;
        let is_gen = block.generator;
        // Async functions report errors from parameter binding as rejections.
        let r = self.run_closure(f, this, crate::interpreter::call::ArgSrc::Slice(args), Value::UNDEFINED, FLAG_RESUMABLE);
        let suspended = self.suspended.take();
        let frame = match (r, suspended) {
            (Ok(_), Some(s)) => s,
            (Err(e), _) if is_async && !is_gen => {
                let p = promise::new_promise(self);
                let Throw::Value(v) = e else { return Err(e) };
                promise::reject_promise(self, p, v);
                return Ok(Value::object(p));
            }
            (Err(e), _) => return Err(e),
            (Ok(v), None) => return Ok(v),
        };
        let proto = if is_gen {
            let pk = PropertyKey::String(self.names.prototype);
            let p = self.get(Value::object(f), pk)?;
            match p.as_object() {
                Some(p) => p,
                None => self.intrinsic(if is_async { Intrinsic::AsyncGeneratorPrototype } else { Intrinsic::GeneratorPrototype }),
            }
        } else {
            self.intrinsic(Intrinsic::ObjectPrototype)
        };
        let promise = if is_async && !is_gen { Value::object(promise::new_promise(self)) } else { Value::UNDEFINED };
        let data = GeneratorData {
            state: GenState::SuspendedStart,
            frame: Some(frame),
            delegate: None,
            promise,
            queue: Default::default(),
            is_async_generator: is_async && is_gen,
            awaiting: false,
            return_await: false,
            delegate_await: DelegateAwait::None,
            delegate_mode: ResumeMode::Next,
        };
        let g = self.new_object_with(Some(proto), ObjectKind::Builtin(Box::new(BuiltinData::Generator(data))));
        if is_async && !is_gen {
            // Calls run outside native calls too: release `g` once its first step is done.
            self.keep_scope(|rt| {
                rt.keep(Value::object(g));
                rt.async_step(g, ResumeMode::Next, Value::UNDEFINED);
            });
            return Ok(promise);
        }
        Ok(Value::object(g))
    }

    /// Resumes a generator frame once.
    pub(crate) fn resume_frame(&mut self, g: Gc<JsObject>, mode: ResumeMode, value: Value) -> JsResult<Step> {
        self.check_native_stack()?;
        let data = gen_data(g);
        let saved = data.frame.take().expect("suspended frame");
        data.state = GenState::Executing;
        let saved_fp = self.fp;
        let saved_pc = self.pc;
        let saved_sp = self.sp;
        let fp = self.sp;
        if fp + saved.frame.len() > self.stack_len {
            data.frame = Some(saved);
            data.state = GenState::SuspendedYield;
            return Err(self.stack_overflow());
        }
        self.stack[fp..fp + saved.frame.len()].copy_from_slice(&saved.frame);
        self.stack[fp + CALLER_FP_SLOT] = Value::int(if saved_fp == usize::MAX { -1 } else { saved_fp as i32 });
        self.stack[fp + FLAGS_SLOT] = Value::int(with_caller_realm(FLAG_ENTRY | FLAG_RESUMABLE, self.realm));
        self.stack[fp + ACC_SLOT] = value;
        self.sp = fp + saved.frame.len();
        self.fp = fp;
        self.pc = saved.pc;
        self.resume_mode = mode;
        self.native_depth += 1;
        let realm = self.realm;
        if let Some(c) = self.stack[fp + CALLEE_SLOT].as_object().and_then(|c| c.as_closure().map(|cd| cd.realm)) {
            self.realm = c;
        }
        let r = super::run(self);
        self.realm = realm;
        self.native_depth -= 1;
        self.fp = saved_fp;
        self.pc = saved_pc;
        self.sp = saved_sp;
        let data = gen_data(g);
        match r {
            Err(e) => {
                self.suspended = None;
                data.state = GenState::Completed;
                Err(e)
            }
            Ok(v) => match self.suspended.take() {
                None => {
                    data.state = GenState::Completed;
                    Ok(Step::Done(v))
                }
                Some(s) => {
                    let kind = s.kind;
                    data.frame = Some(s);
                    data.state = GenState::SuspendedYield;
                    match kind {
                        SuspendKind::Await => Ok(Step::Await(v)),
                        SuspendKind::YieldStar => {
                            // Start delegating: get the iterator, then step it.
                            let is_async = data.is_async_generator;
                            let got = if is_async { self.get_async_iterator(v) } else { self.get_iterator(v) };
                            // Failures of the delegation are thrown at the `yield*`.
                            let (it, next) = match got {
                                Ok(x) => x,
                                Err(e) => return self.resume_with_throw(g, e),
                            };
                            let d = gen_data(g);
                            d.delegate = Some((it, next));
                            d.delegate_mode = ResumeMode::Next;
                            self.delegate_step(g, ResumeMode::Next, Value::UNDEFINED)
                        }
                        _ => Ok(Step::Yield(v)),
                    }
                }
            },
        }
    }

    /// Forwards a resumption to a `yield*` inner iterator.
    fn delegate_step(&mut self, g: Gc<JsObject>, mode: ResumeMode, value: Value) -> JsResult<Step> {
        let (it, next) = gen_data(g).delegate.expect("delegating");
        self.keep(it);
        let result = match mode {
            ResumeMode::Next => self.call(next, it, &[value]),
            ResumeMode::Throw => {
                let tk = PropertyKey::String(self.names.throw_);
                let t = match self.get(it, tk) {
                    Ok(t) => t,
                    Err(e) => {
                        gen_data(g).delegate = None;
                        return self.resume_with_throw(g, e);
                    }
                };
                if t.is_nullish() {
                    gen_data(g).delegate = None;
                    // Closing the iterator may itself fail; that error wins.
                    let e = match self.iterator_close(it) {
                        Err(e) => e,
                        Ok(()) => self.type_error("The iterator does not provide a 'throw' method"),
                    };
                    return self.resume_with_throw(g, e);
                }
                self.call(t, it, &[value])
            }
            ResumeMode::Return => {
                let rk = PropertyKey::String(self.names.return_);
                let r = match self.get(it, rk) {
                    Ok(r) => r,
                    Err(e) => {
                        gen_data(g).delegate = None;
                        return self.resume_with_throw(g, e);
                    }
                };
                if r.is_nullish() {
                    gen_data(g).delegate = None;
                    return self.resume_frame(g, ResumeMode::Return, value);
                }
                self.call(r, it, &[value])
            }
        };
        let result = match result {
            Ok(r) => r,
            Err(e) => {
                gen_data(g).delegate = None;
                return self.resume_with_throw(g, e);
            }
        };
        if gen_data(g).is_async_generator {
            // Async delegation awaits the inner result first (handled by the async
            // generator driver, which treats this as an await of the result).
            return Ok(Step::Await(result));
        }
        if !result.is_object() {
            gen_data(g).delegate = None;
            let e = self.type_error("Iterator result is not an object");
            return self.resume_with_throw(g, e);
        }
        self.keep(result);
        let dk = PropertyKey::String(self.names.done);
        let done = match self.get(result, dk) {
            Ok(d) => d,
            Err(e) => {
                gen_data(g).delegate = None;
                return self.resume_with_throw(g, e);
            }
        };
        if self.to_boolean(done) {
            gen_data(g).delegate = None;
            let vk = PropertyKey::String(self.names.value);
            let v = match self.get(result, vk) {
                Ok(v) => v,
                Err(e) => return self.resume_with_throw(g, e),
            };
            let m = if mode == ResumeMode::Return { ResumeMode::Return } else { ResumeMode::Next };
            return self.resume_frame(g, m, v);
        }
        Ok(Step::YieldRaw(result))
    }

    fn resume_with_throw(&mut self, g: Gc<JsObject>, e: Throw) -> JsResult<Step> {
        match e {
            Throw::Value(v) => self.resume_frame(g, ResumeMode::Throw, v),
            t => Err(t),
        }
    }

    /// `generator.next/throw/return(v)` for sync generators: an iterator result.
    pub(crate) fn generator_resume(&mut self, gv: Value, mode: ResumeMode, value: Value) -> JsResult<Value> {
        let Some(g) = gv
            .as_object()
            .filter(|o| matches!(o.builtin(), Some(BuiltinData::Generator(d)) if !d.is_async_generator && d.promise.is_undefined()))
        else {
            return Err(self.type_error("next method called on incompatible receiver"));
        };
        self.keep(gv);
        let data = gen_data(g);
        match data.state {
            GenState::Executing => return Err(self.type_error("Generator is already running")),
            GenState::Completed => {
                return match mode {
                    ResumeMode::Throw => Err(Throw::Value(value)),
                    ResumeMode::Return => Ok(self.iter_result(value, true)),
                    ResumeMode::Next => Ok(self.iter_result(Value::UNDEFINED, true)),
                };
            }
            GenState::SuspendedStart if mode != ResumeMode::Next => {
                data.state = GenState::Completed;
                data.frame = None;
                return match mode {
                    ResumeMode::Throw => Err(Throw::Value(value)),
                    _ => Ok(self.iter_result(value, true)),
                };
            }
            _ => {}
        }
        let step = if data.delegate.is_some() {
            data.state = GenState::Executing;
            let r = self.delegate_step(g, mode, value);
            let d = gen_data(g);
            if d.state == GenState::Executing {
                d.state = GenState::SuspendedYield;
            }
            if r.is_err() {
                d.state = GenState::Completed;
            }
            r?
        } else {
            self.resume_frame(g, mode, value)?
        };
        Ok(match step {
            Step::Yield(v) => self.iter_result(v, false),
            Step::YieldRaw(r) => r,
            Step::Done(v) => self.iter_result(v, true),
            Step::Await(_) => unreachable!("sync generators do not await"),
        })
    }

    /// Runs an async function's body from a suspension until it awaits or finishes.
    pub(crate) fn async_step(&mut self, g: Gc<JsObject>, mode: ResumeMode, value: Value) {
        let promise = gen_data(g).promise.as_object().expect("async promise");
        match self.resume_frame(g, mode, value) {
            Ok(Step::Await(v)) => self.await_value(g, v),
            Ok(Step::Done(v)) => {
                let _ = promise::resolve_promise(self, promise, v);
            }
            Ok(_) => unreachable!("async functions do not yield"),
            Err(Throw::Value(e)) => promise::reject_promise(self, promise, e),
            Err(t) => self.pending_termination = Some(t),
        }
    }

    /// Subscribes the generator `g` to the settlement of `v`.
    fn await_value(&mut self, g: Gc<JsObject>, v: Value) {
        let p = match promise::promise_resolve(self, v) {
            Ok(p) => p,
            Err(Throw::Value(e)) => {
                // Resume with the exception on the next tick.
                let f = self.new_native_function_with("", 1, await_rejected, false, Box::new([Value::object(g)]));
                self.enqueue_job(Value::object(f), Value::UNDEFINED, vec![e]);
                return;
            }
            Err(t) => {
                self.pending_termination = Some(t);
                return;
            }
        };
        let on_ok = self.new_native_function_with("", 1, await_fulfilled, false, Box::new([Value::object(g)]));
        let on_err = self.new_native_function_with("", 1, await_rejected, false, Box::new([Value::object(g)]));
        promise::perform_then(self, p, Value::object(on_ok), Value::object(on_err), None);
    }

    /// An iterator result object `{ value, done }`.
    pub fn iter_result(&mut self, value: Value, done: bool) -> Value {
        let o = self.new_plain_object();
        let vk = PropertyKey::String(self.names.value);
        let dk = PropertyKey::String(self.names.done);
        self.add_named(o, vk, value, crate::runtime::shape::DEFAULT);
        self.add_named(o, dk, Value::bool(done), crate::runtime::shape::DEFAULT);
        Value::object(o)
    }
}

fn await_fulfilled(rt: &mut Runtime, a: &crate::runtime::CallArgs) -> JsResult<Value> {
    let g = captured_gen(a);
    if gen_data(g).is_async_generator {
        crate::builtins::async_generator::resume(rt, g, ResumeMode::Next, a.arg(0));
    } else {
        rt.async_step(g, ResumeMode::Next, a.arg(0));
    }
    Ok(Value::UNDEFINED)
}

fn await_rejected(rt: &mut Runtime, a: &crate::runtime::CallArgs) -> JsResult<Value> {
    let g = captured_gen(a);
    if gen_data(g).is_async_generator {
        crate::builtins::async_generator::resume(rt, g, ResumeMode::Throw, a.arg(0));
    } else {
        rt.async_step(g, ResumeMode::Throw, a.arg(0));
    }
    Ok(Value::UNDEFINED)
}

fn captured_gen(a: &crate::runtime::CallArgs) -> Gc<JsObject> {
    match &a.callee.kind {
        ObjectKind::Native(n) => n.captures[0].as_object().expect("generator"),
        _ => unreachable!("await callbacks are natives"),
    }
}

/// Gives async-generator code access to the generator state.
pub(crate) fn data_of(g: Gc<JsObject>) -> &'static mut GeneratorData {
    gen_data(g)
}

/// Re-exported for the async generator driver.
pub(crate) fn subscribe_await(rt: &mut Runtime, g: Gc<JsObject>, v: Value) {
    rt.await_value(g, v)
}
