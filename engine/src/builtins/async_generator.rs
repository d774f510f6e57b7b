//! Async generators: `%AsyncGeneratorFunction%`, `%AsyncGeneratorPrototype%` and the
//! request queue that drives them (AsyncGeneratorEnqueue / Resume / Drain).

use super::promise;
use super::{set_intrinsic, to_string_tag, BuiltinData};
use crate::heap::Gc;
use crate::interpreter::generator_state::{DelegateAwait, GenState};
use crate::interpreter::{generator_data, ResumeMode, Step};
use crate::runtime::object::JsObject;
use crate::runtime::shape::PropertyKey;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime, Throw};
use crate::value::Value;

pub(crate) fn install(rt: &mut Runtime) {
    let agp = rt.intrinsic(Intrinsic::AsyncGeneratorPrototype);
    rt.define_method(agp, "next", 1, next);
    rt.define_method(agp, "return", 1, return_);
    rt.define_method(agp, "throw", 1, throw);
    to_string_tag(rt, agp, "AsyncGenerator");
    let agfp = rt.intrinsic(Intrinsic::AsyncGeneratorFunctionPrototype);
    to_string_tag(rt, agfp, "AsyncGeneratorFunction");
    super::generator::link(rt, agfp, agp);
    let c = super::generator::constructor(rt, "AsyncGeneratorFunction", async_generator_function, agfp);
    set_intrinsic(rt, Intrinsic::AsyncGeneratorFunction, c);
}

fn async_generator_function(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    super::function::create_dynamic_function(rt, a, "async function*", Intrinsic::AsyncGeneratorFunctionPrototype)
}

fn enqueue(rt: &mut Runtime, this: Value, mode: ResumeMode, v: Value) -> JsResult<Value> {
    let p = promise::new_promise(rt);
    let g = this.as_object().filter(|o| matches!(o.builtin(), Some(BuiltinData::Generator(d)) if d.is_async_generator));
    let Some(g) = g else {
        let e = rt.type_error("AsyncGenerator method called on incompatible receiver");
        if let Throw::Value(ev) = e {
            promise::reject_promise(rt, p, ev);
        }
        return Ok(Value::object(p));
    };
    let d = generator_data(g);
    d.queue.push_back((mode, v, Value::object(p)));
    if d.state != GenState::Executing && !d.awaiting {
        drain(rt, g);
    }
    Ok(Value::object(p))
}

fn next(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    enqueue(rt, a.this, ResumeMode::Next, a.arg(0))
}
fn return_(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    enqueue(rt, a.this, ResumeMode::Return, a.arg(0))
}
fn throw(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    enqueue(rt, a.this, ResumeMode::Throw, a.arg(0))
}

/// Settles the front request with an iterator result (or a rejection).
fn complete_front(rt: &mut Runtime, g: Gc<JsObject>, r: Result<(Value, bool), Value>) {
    let Some((_, _, p)) = generator_data(g).queue.pop_front() else { return };
    let p = p.as_object().expect("request promise");
    match r {
        Ok((v, done)) => {
            let res = rt.iter_result(v, done);
            let _ = promise::resolve_promise(rt, p, res);
        }
        Err(e) => promise::reject_promise(rt, p, e),
    }
}

/// Processes queued requests while the generator is not running or awaiting.
pub(crate) fn drain(rt: &mut Runtime, g: Gc<JsObject>) {
    loop {
        let d = generator_data(g);
        if d.state == GenState::Executing || d.awaiting {
            return;
        }
        let Some(&(mode, v, _)) = d.queue.front() else { return };
        match d.state {
            GenState::Completed => match mode {
                ResumeMode::Next => complete_front(rt, g, Ok((Value::UNDEFINED, true))),
                ResumeMode::Throw => complete_front(rt, g, Err(v)),
                ResumeMode::Return => {
                    // Await the value, then complete with it.
                    d.awaiting = true;
                    d.return_await = true;
                    crate::interpreter::subscribe_await(rt, g, v);
                    return;
                }
            },
            GenState::SuspendedStart if mode != ResumeMode::Next => {
                d.state = GenState::Completed;
                d.frame = None;
            }
            _ => {
                resume(rt, g, mode, v);
                return;
            }
        }
    }
}

/// Resumes the generator body (from a request or a settled await) and handles the step.
pub(crate) fn resume(rt: &mut Runtime, g: Gc<JsObject>, mode: ResumeMode, v: Value) {
    let d = generator_data(g);
    if d.return_await {
        // A `return(v)` on a completed generator finished awaiting v.
        d.return_await = false;
        d.awaiting = false;
        match mode {
            ResumeMode::Throw => complete_front(rt, g, Err(v)),
            _ => complete_front(rt, g, Ok((v, true))),
        }
        drain(rt, g);
        return;
    }
    d.awaiting = false;
    rt.keep(Value::object(g));
    let step = match d.delegate_await {
        DelegateAwait::InnerResult => {
            // The awaited inner result of a `yield*` step.
            d.delegate_await = DelegateAwait::None;
            rt.async_delegate_result(g, mode, v)
        }
        DelegateAwait::ReturnValue => {
            // A `return(v)` request reached a `yield*` and v was awaited: a fulfilled value
            // goes to the inner `return`, a rejection to the inner `throw`.
            d.delegate_await = DelegateAwait::None;
            let m = if mode == ResumeMode::Throw { ResumeMode::Throw } else { ResumeMode::Return };
            rt.async_delegate_step(g, m, v)
        }
        DelegateAwait::CloseResult => {
            d.delegate_await = DelegateAwait::None;
            rt.async_delegate_closed(g, mode, v)
        }
        DelegateAwait::None if d.delegate.is_some() => {
            if mode == ResumeMode::Return {
                // AsyncGeneratorUnwrapYieldResumption: await the value first.
                d.awaiting = true;
                d.delegate_await = DelegateAwait::ReturnValue;
                crate::interpreter::subscribe_await(rt, g, v);
                return;
            }
            rt.async_delegate_step(g, mode, v)
        }
        DelegateAwait::None => rt.resume_frame(g, mode, v),
    };
    handle_step(rt, g, step);
}

fn handle_step(rt: &mut Runtime, g: Gc<JsObject>, step: JsResult<Step>) {
    let d = generator_data(g);
    match step {
        Ok(Step::Await(x)) => {
            d.awaiting = true;
            if d.delegate.is_some() && d.delegate_await == DelegateAwait::None {
                d.delegate_await = DelegateAwait::InnerResult;
            }
            crate::interpreter::subscribe_await(rt, g, x);
        }
        Ok(Step::Yield(x)) => {
            // `yield v` in an async generator awaits v first (done by the compiler's
            // lowering? no: here), then settles the request.
            complete_front(rt, g, Ok((x, false)));
            drain(rt, g);
        }
        Ok(Step::YieldRaw(r)) => {
            let vk = PropertyKey::String(rt.names.value);
            match rt.get(r, vk) {
                Ok(x) => complete_front(rt, g, Ok((x, false))),
                Err(Throw::Value(e)) => complete_front(rt, g, Err(e)),
                Err(_) => {}
            }
            drain(rt, g);
        }
        Ok(Step::Done(x)) => {
            complete_front(rt, g, Ok((x, true)));
            drain(rt, g);
        }
        Err(Throw::Value(e)) => {
            generator_data(g).state = GenState::Completed;
            complete_front(rt, g, Err(e));
            drain(rt, g);
        }
        Err(t) => rt.pending_termination = Some(t),
    }
}

impl Runtime {
    /// Ends a `yield*` delegation by throwing `e` at the `yield*`.
    fn async_delegate_throw(&mut self, g: Gc<JsObject>, e: Throw) -> JsResult<Step> {
        generator_data(g).delegate = None;
        match e {
            Throw::Value(v) => self.resume_frame(g, ResumeMode::Throw, v),
            t => Err(t),
        }
    }

    /// A `yield*` step in an async generator: call the inner method; its result is awaited.
    fn async_delegate_step(&mut self, g: Gc<JsObject>, mode: ResumeMode, v: Value) -> JsResult<Step> {
        let (it, next) = generator_data(g).delegate.expect("delegating");
        let r = match mode {
            ResumeMode::Next => self.call(next, it, &[v]),
            ResumeMode::Throw | ResumeMode::Return => {
                let k = PropertyKey::String(if mode == ResumeMode::Throw { self.names.throw_ } else { self.names.return_ });
                let m = match self.get(it, k) {
                    Ok(m) => m,
                    Err(e) => return self.async_delegate_throw(g, e),
                };
                if m.is_nullish() {
                    if mode == ResumeMode::Return {
                        // The `yield*` returns v (awaiting it once more).
                        generator_data(g).delegate = None;
                        return self.resume_frame(g, ResumeMode::Return, v);
                    }
                    // No throw method: AsyncIteratorClose (await the inner `return()`
                    // result), then throw a TypeError.
                    let rk = PropertyKey::String(self.names.return_);
                    let r = match self.get(it, rk) {
                        Ok(r) => r,
                        Err(e) => return self.async_delegate_throw(g, e),
                    };
                    if r.is_nullish() {
                        let e = self.type_error("The iterator does not provide a 'throw' method");
                        return self.async_delegate_throw(g, e);
                    }
                    return match self.call(r, it, &[]) {
                        Ok(res) => {
                            generator_data(g).delegate_await = DelegateAwait::CloseResult;
                            Ok(Step::Await(res))
                        }
                        Err(e) => self.async_delegate_throw(g, e),
                    };
                }
                self.call(m, it, &[v])
            }
        };
        match r {
            Ok(res) => {
                generator_data(g).delegate_mode = mode;
                Ok(Step::Await(res))
            }
            Err(e) => self.async_delegate_throw(g, e),
        }
    }

    /// The awaited inner `return()` result of AsyncIteratorClose when the inner iterator has
    /// no `throw`: the `yield*` throws (a TypeError unless closing failed).
    fn async_delegate_closed(&mut self, g: Gc<JsObject>, mode: ResumeMode, v: Value) -> JsResult<Step> {
        if mode == ResumeMode::Throw {
            return self.async_delegate_throw(g, Throw::Value(v));
        }
        let e = if v.is_object() {
            self.type_error("The iterator does not provide a 'throw' method")
        } else {
            self.type_error("Iterator result is not an object")
        };
        self.async_delegate_throw(g, e)
    }

    /// The awaited result of an inner `yield*` step: finish the `yield*` (done) or yield the
    /// inner value (AsyncGeneratorYield, which does not await it). Failures throw at the `yield*`.
    fn async_delegate_result(&mut self, g: Gc<JsObject>, mode: ResumeMode, v: Value) -> JsResult<Step> {
        if mode == ResumeMode::Throw {
            return self.async_delegate_throw(g, Throw::Value(v));
        }
        if !v.is_object() {
            let e = self.type_error("Iterator result is not an object");
            return self.async_delegate_throw(g, e);
        }
        self.keep(v);
        let dk = PropertyKey::String(self.names.done);
        let done = match self.get(v, dk) {
            Ok(d) => d,
            Err(e) => return self.async_delegate_throw(g, e),
        };
        let vk = PropertyKey::String(self.names.value);
        let x = match self.get(v, vk) {
            Ok(x) => x,
            Err(e) => return self.async_delegate_throw(g, e),
        };
        if self.to_boolean(done) {
            // A finished inner `return` makes the `yield*` return (the frame awaits the value).
            generator_data(g).delegate = None;
            let m = if generator_data(g).delegate_mode == ResumeMode::Return { ResumeMode::Return } else { ResumeMode::Next };
            return self.resume_frame(g, m, x);
        }
        Ok(Step::Yield(x))
    }
}
