//! `Promise`, its job queue, and the event loop that also runs timers.
//!
//! Reactions become jobs on `Runtime::jobs`; [`Runtime::run_event_loop`] drains the queue,
//! then fires due timers (in real time, sleeping interruptibly), until nothing is left.

use super::{make_constructor, to_string_tag, BuiltinData};
use crate::heap::{Gc, Marker};
use crate::runtime::names::WellKnown;
use crate::runtime::object::{JsObject, ObjectKind};
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, Intrinsic, Job, JsResult, Runtime, Termination, Throw, Timer};
use crate::value::Value;
use std::sync::atomic::Ordering;
use std::time::Instant;

/// A promise's state.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum PromiseState {
    /// Not settled.
    Pending,
    /// Fulfilled.
    Fulfilled,
    /// Rejected.
    Rejected,
}

/// Where a reaction's handler result goes.
#[derive(Copy, Clone, Debug)]
pub enum ReactionTarget {
    /// Nowhere (internal awaits).
    None,
    /// An intrinsic promise, settled directly.
    Promise(Gc<JsObject>),
    /// A capability from another constructor: (promise, resolve, reject).
    Capability(Value, Value, Value),
}

/// A registered `then` reaction.
#[derive(Copy, Clone, Debug)]
pub struct Reaction {
    /// The handler (undefined: pass the value through).
    pub handler: Value,
    /// Where the result goes.
    pub target: ReactionTarget,
}

impl Reaction {
    fn trace(&self, m: &mut Marker) {
        m.value(self.handler);
        match self.target {
            ReactionTarget::None => {}
            ReactionTarget::Promise(p) => m.cell(p),
            ReactionTarget::Capability(a, b, c) => {
                m.value(a);
                m.value(b);
                m.value(c);
            }
        }
    }
}

/// Where a promise stands, as [`Runtime::run_until_settled`] reports it.
#[derive(Copy, Clone, Debug)]
pub enum PromiseOutcome {
    /// Not settled, and nothing left to run could settle it.
    Pending,
    /// Fulfilled with this value.
    Fulfilled(Value),
    /// Rejected with this reason.
    Rejected(Value),
}

/// A promise's internal slots.
pub struct PromiseData {
    /// State.
    pub state: PromiseState,
    /// The value or reason.
    pub result: Value,
    /// Reactions waiting for fulfillment.
    pub fulfill: Vec<Reaction>,
    /// Reactions waiting for rejection.
    pub reject: Vec<Reaction>,
    /// Has a handler ever been attached?
    pub handled: bool,
    /// Have resolve functions already been used (for capabilities made by `new Promise`)?
    pub already_resolved: bool,
}

impl PromiseData {
    pub(crate) fn trace(&self, m: &mut Marker) {
        m.value(self.result);
        self.fulfill.iter().for_each(|r| r.trace(m));
        self.reject.iter().for_each(|r| r.trace(m));
    }
}

fn data(p: Gc<JsObject>) -> &'static mut PromiseData {
    match &mut p.get_mut().kind {
        ObjectKind::Builtin(b) => match &mut **b {
            // SAFETY: promises passed here are live (rooted by the caller); the reference is
            // used only until the next call that may run JavaScript.
            BuiltinData::Promise(d) => unsafe { &mut *(d as *mut PromiseData) },
            _ => unreachable!("not a promise"),
        },
        _ => unreachable!("not a promise"),
    }
}

/// Is `v` a promise object?
pub fn is_promise(v: Value) -> bool {
    v.as_object().is_some_and(|o| matches!(o.builtin(), Some(BuiltinData::Promise(_))))
}

pub(crate) fn install(rt: &mut Runtime) {
    let c = make_constructor(rt, "Promise", 1, promise_constructor, Intrinsic::PromisePrototype, Intrinsic::Promise);
    for (name, len, f) in [
        ("all", 1, all as crate::runtime::object::NativeFn),
        ("allSettled", 1, all_settled),
        ("any", 1, any),
        ("race", 1, race),
        ("reject", 1, reject_static),
        ("resolve", 1, resolve_static),
        ("withResolvers", 0, with_resolvers),
        ("try", 1, try_static),
    ] {
        rt.define_method(c, name, len, f);
    }
    let sk = PropertyKey::Symbol(rt.well_known(WellKnown::Species));
    rt.define_getter(c, sk, "get [Symbol.species]", species, None);
    let p = rt.intrinsic(Intrinsic::PromisePrototype);
    rt.define_method(p, "then", 2, then);
    rt.define_method(p, "catch", 1, catch);
    rt.define_method(p, "finally", 1, finally);
    to_string_tag(rt, p, "Promise");
}

fn species(_rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(a.this)
}

/// A new pending intrinsic promise.
pub fn new_promise(rt: &mut Runtime) -> Gc<JsObject> {
    let p = rt.intrinsic(Intrinsic::PromisePrototype);
    new_promise_with_proto(rt, p)
}

fn new_promise_with_proto(rt: &mut Runtime, proto: Gc<JsObject>) -> Gc<JsObject> {
    rt.new_object_with(
        Some(proto),
        ObjectKind::Builtin(Box::new(BuiltinData::Promise(PromiseData {
            state: PromiseState::Pending,
            result: Value::UNDEFINED,
            fulfill: Vec::new(),
            reject: Vec::new(),
            handled: false,
            already_resolved: false,
        }))),
    )
}

fn settle(rt: &mut Runtime, p: Gc<JsObject>, state: PromiseState, v: Value) {
    let d = data(p);
    if d.state != PromiseState::Pending {
        return;
    }
    let reactions = if state == PromiseState::Fulfilled { std::mem::take(&mut d.fulfill) } else { std::mem::take(&mut d.reject) };
    d.fulfill.clear();
    d.reject.clear();
    d.state = state;
    d.result = v;
    if state == PromiseState::Rejected && !d.handled {
        rt.pending_rejections.push(p);
    }
    for r in reactions {
        enqueue_reaction(rt, r, v, state == PromiseState::Rejected);
    }
}

/// Rejects an intrinsic promise.
pub fn reject_promise(rt: &mut Runtime, p: Gc<JsObject>, reason: Value) {
    settle(rt, p, PromiseState::Rejected, reason);
}

/// Resolves an intrinsic promise with `v` (following thenables).
pub fn resolve_promise(rt: &mut Runtime, p: Gc<JsObject>, v: Value) -> JsResult<()> {
    if v == Value::object(p) {
        let e = rt.type_error("Chaining cycle detected for promise #<Promise>");
        let Throw::Value(ev) = e else { return Err(e) };
        reject_promise(rt, p, ev);
        return Ok(());
    }
    let Some(o) = v.as_object() else {
        settle(rt, p, PromiseState::Fulfilled, v);
        return Ok(());
    };
    let tk = PropertyKey::String(rt.names.then);
    let then = match rt.get(Value::object(o), tk) {
        Ok(t) => t,
        Err(Throw::Value(e)) => {
            reject_promise(rt, p, e);
            return Ok(());
        }
        Err(t) => return Err(t),
    };
    if !rt.is_callable(then) {
        settle(rt, p, PromiseState::Fulfilled, v);
        return Ok(());
    }
    // NewPromiseResolveThenableJob.
    let job = rt.new_native_function_with("", 0, resolve_thenable_job, false, Box::new([Value::object(p), v, then]));
    rt.enqueue_job(Value::object(job), Value::UNDEFINED, Vec::new());
    Ok(())
}

fn captures<'a>(a: &'a CallArgs) -> &'a [Value] {
    match &a.callee.kind {
        ObjectKind::Native(n) => &n.captures,
        _ => &[],
    }
}

fn resolve_thenable_job(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let c = captures(a);
    let (p, thenable, then) = (c[0].as_object().expect("promise"), c[1], c[2]);
    let (res, rej) = resolving_functions(rt, p);
    // `then` may run JavaScript that collects (a subclass's constructor, through
    // `Promise.prototype.then`'s species) while only this call holds the pair.
    rt.keep(res);
    rt.keep(rej);
    if let Err(Throw::Value(e)) = rt.call(then, thenable, &[res, rej]) {
        rt.call(rej, Value::UNDEFINED, &[e])?;
    }
    Ok(Value::UNDEFINED)
}

/// CreateResolvingFunctions: a (resolve, reject) pair sharing an "already resolved" flag.
pub fn resolving_functions(rt: &mut Runtime, p: Gc<JsObject>) -> (Value, Value) {
    let flag = rt.new_plain_object();
    let res = rt.new_native_function_with("", 1, resolve_fn, false, Box::new([Value::object(p), Value::object(flag)]));
    let rej = rt.new_native_function_with("", 1, reject_fn, false, Box::new([Value::object(p), Value::object(flag)]));
    (Value::object(res), Value::object(rej))
}

fn take_flag(rt: &mut Runtime, flag: Value) -> bool {
    let o = flag.as_object().expect("flag");
    let k = PropertyKey::String(rt.names.done);
    if rt.get_own_property(o, k).is_some() {
        return false;
    }
    rt.define_data(o, k, Value::TRUE, DEFAULT);
    true
}

fn resolve_fn(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let c = captures(a).to_vec();
    if take_flag(rt, c[1]) {
        resolve_promise(rt, c[0].as_object().expect("promise"), a.arg(0))?;
    }
    Ok(Value::UNDEFINED)
}

fn reject_fn(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let c = captures(a).to_vec();
    if take_flag(rt, c[1]) {
        reject_promise(rt, c[0].as_object().expect("promise"), a.arg(0));
    }
    Ok(Value::UNDEFINED)
}

fn enqueue_reaction(rt: &mut Runtime, r: Reaction, arg: Value, rejected: bool) {
    let (kind, a, b, c) = match r.target {
        ReactionTarget::None => (0, Value::UNDEFINED, Value::UNDEFINED, Value::UNDEFINED),
        ReactionTarget::Promise(p) => (1, Value::object(p), Value::UNDEFINED, Value::UNDEFINED),
        ReactionTarget::Capability(p, res, rej) => (2, p, res, rej),
    };
    let job =
        rt.new_native_function_with("", 1, reaction_job, false, Box::new([r.handler, Value::int(kind), a, b, c, Value::bool(rejected)]));
    rt.enqueue_job(Value::object(job), Value::UNDEFINED, vec![arg]);
}

fn reaction_job(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let c = captures(a).to_vec();
    let (handler, kind, rejected) = (c[0], c[1].as_int().unwrap_or(0), c[5] == Value::TRUE);
    let arg = a.arg(0);
    let result = if handler.is_undefined() {
        if rejected {
            Err(Throw::Value(arg))
        } else {
            Ok(arg)
        }
    } else {
        rt.call(handler, Value::UNDEFINED, &[arg])
    };
    let result = match result {
        Err(Throw::Terminate(t)) => return Err(Throw::Terminate(t)),
        r => r,
    };
    match kind {
        1 => {
            let p = c[2].as_object().expect("promise");
            match result {
                Ok(v) => resolve_promise(rt, p, v)?,
                Err(Throw::Value(e)) => reject_promise(rt, p, e),
                Err(t) => return Err(t),
            }
        }
        2 => match result {
            Ok(v) => {
                rt.call(c[3], Value::UNDEFINED, &[v])?;
            }
            Err(Throw::Value(e)) => {
                rt.call(c[4], Value::UNDEFINED, &[e])?;
            }
            Err(t) => return Err(t),
        },
        _ => {
            if let Err(Throw::Terminate(t)) = result {
                return Err(Throw::Terminate(t));
            }
        }
    }
    Ok(Value::UNDEFINED)
}

/// PerformPromiseThen on an intrinsic promise `p`.
pub fn perform_then(rt: &mut Runtime, p: Gc<JsObject>, on_ok: Value, on_err: Value, result: Option<Gc<JsObject>>) {
    let target = match result {
        Some(r) => ReactionTarget::Promise(r),
        None => ReactionTarget::None,
    };
    perform_then_target(rt, p, on_ok, on_err, target);
}

fn perform_then_target(rt: &mut Runtime, p: Gc<JsObject>, on_ok: Value, on_err: Value, target: ReactionTarget) {
    let on_ok = if rt.is_callable(on_ok) { on_ok } else { Value::UNDEFINED };
    let on_err = if rt.is_callable(on_err) { on_err } else { Value::UNDEFINED };
    let d = data(p);
    let f = Reaction { handler: on_ok, target };
    let r = Reaction { handler: on_err, target };
    match d.state {
        PromiseState::Pending => {
            d.fulfill.push(f);
            d.reject.push(r);
        }
        PromiseState::Fulfilled => {
            let v = d.result;
            enqueue_reaction(rt, f, v, false);
        }
        PromiseState::Rejected => {
            let v = d.result;
            if !d.handled {
                rt.pending_rejections.retain(|x| *x != p);
            }
            enqueue_reaction(rt, r, v, true);
        }
    }
    data(p).handled = true;
}

/// PromiseResolve(%Promise%, v).
pub fn promise_resolve(rt: &mut Runtime, v: Value) -> JsResult<Gc<JsObject>> {
    let c = Value::object(rt.intrinsic(Intrinsic::Promise));
    let p = promise_resolve_with(rt, c, v)?;
    Ok(p.as_object().expect("intrinsic promise"))
}

/// PromiseResolve(C, v).
fn promise_resolve_with(rt: &mut Runtime, c: Value, v: Value) -> JsResult<Value> {
    if is_promise(v) {
        let ck = PropertyKey::String(rt.names.constructor);
        let vc = rt.get(v, ck)?;
        if vc == c {
            return Ok(v);
        }
    }
    // Resolving with a thenable runs its `then` getter, which may collect: the capability is
    // kept meanwhile (this also runs outside native calls: `await`).
    rt.keep_scope(|rt| {
        let (p, res, _) = new_capability(rt, c)?;
        rt.call(res, Value::UNDEFINED, &[v])?;
        Ok(p)
    })
}

/// NewPromiseCapability(C): (promise, resolve, reject), all three kept ([`Runtime::keep`]:
/// callers go on to run JavaScript, which may collect, while only Rust holds them).
pub fn new_capability(rt: &mut Runtime, c: Value) -> JsResult<(Value, Value, Value)> {
    let (p, res, rej) = make_capability(rt, c)?;
    for v in [p, res, rej] {
        rt.keep(v);
    }
    Ok((p, res, rej))
}

fn make_capability(rt: &mut Runtime, c: Value) -> JsResult<(Value, Value, Value)> {
    if c == Value::object(rt.intrinsic(Intrinsic::Promise)) {
        let p = new_promise(rt);
        let (res, rej) = resolving_functions(rt, p);
        return Ok((Value::object(p), res, rej));
    }
    if !rt.is_constructor(c) {
        return Err(rt.type_error("Promise resolve or reject function is not callable"));
    }
    let record = rt.new_plain_object();
    rt.keep(Value::object(record));
    let exec = rt.new_native_function_with("", 2, capability_executor, false, Box::new([Value::object(record)]));
    let p = rt.construct(c, &[Value::object(exec)], None)?;
    rt.keep(p);
    let res = rt.get_named(Value::object(record), "resolve")?;
    let rej = rt.get_named(Value::object(record), "reject")?;
    if !rt.is_callable(res) || !rt.is_callable(rej) {
        return Err(rt.type_error("Promise resolve or reject function is not callable"));
    }
    Ok((p, res, rej))
}

fn capability_executor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let record = captures(a)[0];
    let r = record.as_object().expect("record");
    let rk = rt.key("resolve");
    let jk = rt.key("reject");
    let cur_res = rt.get_own_property(r, rk).map(|p| p.value).unwrap_or(Value::UNDEFINED);
    let cur_rej = rt.get_own_property(r, jk).map(|p| p.value).unwrap_or(Value::UNDEFINED);
    if !cur_res.is_undefined() || !cur_rej.is_undefined() {
        return Err(rt.type_error("Promise executor has already been invoked with non-undefined arguments"));
    }
    rt.define_data(r, rk, a.arg(0), DEFAULT);
    rt.define_data(r, jk, a.arg(1), DEFAULT);
    Ok(Value::UNDEFINED)
}

fn promise_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if !a.is_construct() {
        return Err(rt.type_error("Promise constructor cannot be invoked without 'new'"));
    }
    let exec = a.arg(0);
    if !rt.is_callable(exec) {
        return Err(rt.type_error("Promise resolver is not a function"));
    }
    let proto = rt.get_prototype_from_constructor(a.new_target, Intrinsic::PromisePrototype)?;
    let p = new_promise_with_proto(rt, proto);
    rt.keep(Value::object(p));
    let (res, rej) = resolving_functions(rt, p);
    rt.keep(rej);
    if let Err(e) = rt.call(exec, Value::UNDEFINED, &[res, rej]) {
        match e {
            Throw::Value(v) => {
                rt.call(rej, Value::UNDEFINED, &[v])?;
            }
            t => return Err(t),
        }
    }
    Ok(Value::object(p))
}

fn this_promise(rt: &mut Runtime, v: Value) -> JsResult<Gc<JsObject>> {
    match v.as_object() {
        Some(o) if is_promise(v) => Ok(o),
        _ => Err(rt.type_error("Method Promise.prototype.then called on incompatible receiver")),
    }
}

/// SpeciesConstructor(o, default).
pub(crate) fn species_constructor(rt: &mut Runtime, o: Value, default: Value) -> JsResult<Value> {
    let ck = PropertyKey::String(rt.names.constructor);
    let c = rt.get(o, ck)?;
    if c.is_undefined() {
        return Ok(default);
    }
    if !c.is_object() {
        return Err(rt.type_error("object.constructor is not an object"));
    }
    let sk = PropertyKey::Symbol(rt.well_known(WellKnown::Species));
    let s = rt.get(c, sk)?;
    if s.is_nullish() {
        return Ok(default);
    }
    if rt.is_constructor(s) {
        return Ok(s);
    }
    Err(rt.type_error("object.constructor[Symbol.species] is not a constructor"))
}

fn then(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let p = this_promise(rt, a.this)?;
    let default = Value::object(rt.intrinsic(Intrinsic::Promise));
    let c = species_constructor(rt, a.this, default)?;
    if c == default {
        let r = new_promise(rt);
        perform_then(rt, p, a.arg(0), a.arg(1), Some(r));
        return Ok(Value::object(r));
    }
    let (rp, res, rej) = new_capability(rt, c)?;
    perform_then_target(rt, p, a.arg(0), a.arg(1), ReactionTarget::Capability(rp, res, rej));
    Ok(rp)
}

fn catch(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let tk = PropertyKey::String(rt.names.then);
    rt.invoke(a.this, tk, &[Value::UNDEFINED, a.arg(0)])
}

fn finally(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if !a.this.is_object() {
        return Err(rt.type_error("Promise.prototype.finally called on non-object"));
    }
    let default = Value::object(rt.intrinsic(Intrinsic::Promise));
    let c = species_constructor(rt, a.this, default)?;
    let on_finally = a.arg(0);
    let (then_f, catch_f) = if !rt.is_callable(on_finally) {
        (on_finally, on_finally)
    } else {
        let t = rt.new_native_function_with("", 1, finally_then, false, Box::new([on_finally, c]));
        let k = rt.new_native_function_with("", 1, finally_catch, false, Box::new([on_finally, c]));
        (Value::object(t), Value::object(k))
    };
    let tk = PropertyKey::String(rt.names.then);
    rt.invoke(a.this, tk, &[then_f, catch_f])
}

fn finally_then(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let c = captures(a).to_vec();
    let r = rt.call(c[0], Value::UNDEFINED, &[])?;
    let p = promise_resolve_with(rt, c[1], r)?;
    let vf = rt.new_native_function_with("", 0, value_thunk, false, Box::new([a.arg(0)]));
    let tk = PropertyKey::String(rt.names.then);
    rt.invoke(p, tk, &[Value::object(vf)])
}

fn finally_catch(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let c = captures(a).to_vec();
    let r = rt.call(c[0], Value::UNDEFINED, &[])?;
    let p = promise_resolve_with(rt, c[1], r)?;
    let tf = rt.new_native_function_with("", 0, thrower_thunk, false, Box::new([a.arg(0)]));
    let tk = PropertyKey::String(rt.names.then);
    rt.invoke(p, tk, &[Value::object(tf)])
}

fn value_thunk(_rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(captures(a)[0])
}

fn thrower_thunk(_rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Err(Throw::Value(captures(a)[0]))
}

fn resolve_static(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if !a.this.is_object() {
        return Err(rt.type_error("PromiseResolve called on non-object"));
    }
    promise_resolve_with(rt, a.this, a.arg(0))
}

fn reject_static(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (p, _, rej) = new_capability(rt, a.this)?;
    rt.call(rej, Value::UNDEFINED, &[a.arg(0)])?;
    Ok(p)
}

fn with_resolvers(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (p, res, rej) = new_capability(rt, a.this)?;
    let o = rt.new_plain_object();
    for (k, v) in [("promise", p), ("resolve", res), ("reject", rej)] {
        let key = rt.key(k);
        rt.define_data(o, key, v, DEFAULT);
    }
    Ok(Value::object(o))
}

fn try_static(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if !a.this.is_object() {
        return Err(rt.type_error("Promise.try called on non-object"));
    }
    let (p, res, rej) = new_capability(rt, a.this)?;
    let rest = if a.args.len() > 1 { &a.args[1..] } else { &[] };
    match rt.call(a.arg(0), Value::UNDEFINED, rest) {
        Ok(v) => {
            rt.call(res, Value::UNDEFINED, &[v])?;
        }
        Err(Throw::Value(e)) => {
            rt.call(rej, Value::UNDEFINED, &[e])?;
        }
        Err(t) => return Err(t),
    }
    Ok(p)
}

/// The combinators' shared driver: 0 = all, 1 = allSettled, 2 = any, 3 = race.
fn combinator(rt: &mut Runtime, a: &CallArgs, which: u8) -> JsResult<Value> {
    let c = a.this;
    let (p, res, rej) = new_capability(rt, c)?;
    let r = (|| -> JsResult<()> {
        let rk = PropertyKey::String(rt.names.resolve);
        let resolve = rt.get(c, rk)?;
        if !rt.is_callable(resolve) {
            return Err(rt.type_error("Promise resolve is not a function"));
        }
        rt.keep(resolve);
        let (it, next) = rt.get_iterator(a.arg(0))?;
        rt.keep(it);
        let values = rt.new_array(Vec::new());
        rt.keep(Value::object(values));
        // remaining counter lives in a shared object: { n }
        let counter = rt.new_plain_object();
        rt.keep(Value::object(counter));
        let nk = rt.key("n");
        rt.define_data(counter, nk, Value::int(1), DEFAULT);
        let mut index = 0u32;
        loop {
            let item = match rt.iterator_step(it, next) {
                Ok(Some(v)) => v,
                Ok(None) => break,
                Err(e) => return Err(e),
            };
            let step = (|| -> JsResult<()> {
                if which != 3 {
                    rt.put(Value::object(values), PropertyKey::Index(index), Value::UNDEFINED, true)?;
                }
                let next_p = rt.call(resolve, c, &[item])?;
                let n = rt.get(Value::object(counter), nk)?;
                rt.define_data(counter, nk, Value::int(n.as_int().unwrap_or(0) + 1), DEFAULT);
                let caps = Box::new([
                    Value::object(values),
                    Value::int(index as i32),
                    Value::object(counter),
                    res,
                    rej,
                    Value::object(rt.new_plain_object()),
                ]) as Box<[Value]>;
                let (on_ok, on_err) = match which {
                    0 => (Value::object(rt.new_native_function_with("", 1, all_resolve_element, false, caps)), rej),
                    1 => {
                        let ok = rt.new_native_function_with("", 1, settled_fulfilled, false, caps.clone());
                        let err = rt.new_native_function_with("", 1, settled_rejected, false, caps);
                        (Value::object(ok), Value::object(err))
                    }
                    2 => (res, Value::object(rt.new_native_function_with("", 1, any_reject_element, false, caps))),
                    _ => (res, rej),
                };
                let tk = PropertyKey::String(rt.names.then);
                rt.invoke(next_p, tk, &[on_ok, on_err])?;
                Ok(())
            })();
            if let Err(e) = step {
                return Err(rt.iterator_close_on_throw(it, e));
            }
            index += 1;
        }
        if which != 3 {
            let n = rt.get(Value::object(counter), nk)?.as_int().unwrap_or(0) - 1;
            rt.define_data(counter, nk, Value::int(n), DEFAULT);
            if n == 0 {
                if which == 2 {
                    let e = rt.new_error(Intrinsic::AggregateErrorPrototype, "All promises were rejected");
                    let ek = PropertyKey::String(rt.names.errors);
                    rt.define_data(e.as_object().expect("error"), ek, Value::object(values), HIDDEN);
                    rt.call(rej, Value::UNDEFINED, &[e])?;
                } else {
                    rt.call(res, Value::UNDEFINED, &[Value::object(values)])?;
                }
            }
        }
        Ok(())
    })();
    match r {
        Ok(()) => Ok(p),
        Err(Throw::Value(e)) => {
            rt.call(rej, Value::UNDEFINED, &[e])?;
            Ok(p)
        }
        Err(t) => Err(t),
    }
}

/// Shared body of the per-element callbacks: store `v` at the index once, count down.
fn element_done(rt: &mut Runtime, a: &CallArgs, v: Value, finish_with_reject: bool) -> JsResult<Value> {
    let c = captures(a).to_vec();
    let (values, index, counter, res, rej, called) = (c[0], c[1].as_int().unwrap_or(0) as u32, c[2], c[3], c[4], c[5]);
    if !take_flag(rt, called) {
        return Ok(Value::UNDEFINED);
    }
    rt.put(values, PropertyKey::Index(index), v, true)?;
    let nk = rt.key("n");
    let n = rt.get(counter, nk)?.as_int().unwrap_or(0) - 1;
    rt.define_data(counter.as_object().expect("counter"), nk, Value::int(n), DEFAULT);
    if n == 0 {
        if finish_with_reject {
            let e = rt.new_error(Intrinsic::AggregateErrorPrototype, "All promises were rejected");
            let ek = PropertyKey::String(rt.names.errors);
            rt.define_data(e.as_object().expect("error"), ek, values, HIDDEN);
            rt.call(rej, Value::UNDEFINED, &[e])?;
        } else {
            rt.call(res, Value::UNDEFINED, &[values])?;
        }
    }
    Ok(Value::UNDEFINED)
}

fn all_resolve_element(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    element_done(rt, a, a.arg(0), false)
}

fn settled_record(rt: &mut Runtime, ok: bool, v: Value) -> Value {
    let o = rt.new_plain_object();
    let sk = rt.key("status");
    let s = rt.str(if ok { "fulfilled" } else { "rejected" });
    rt.define_data(o, sk, s, DEFAULT);
    let k = rt.key(if ok { "value" } else { "reason" });
    rt.define_data(o, k, v, DEFAULT);
    Value::object(o)
}

fn settled_fulfilled(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let r = settled_record(rt, true, a.arg(0));
    element_done(rt, a, r, false)
}

fn settled_rejected(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let r = settled_record(rt, false, a.arg(0));
    element_done(rt, a, r, false)
}

fn any_reject_element(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    element_done(rt, a, a.arg(0), true)
}

fn all(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    combinator(rt, a, 0)
}
fn all_settled(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    combinator(rt, a, 1)
}
fn any(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    combinator(rt, a, 2)
}
fn race(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    combinator(rt, a, 3)
}

// ----- the event loop -----

impl Runtime {
    /// Queues a job.
    pub(crate) fn enqueue_job(&mut self, func: Value, this: Value, args: Vec<Value>) {
        self.jobs.push_back(Job { func, this, args });
    }

    /// Adds a timer; returns its id.
    pub(crate) fn add_timer(&mut self, func: Value, delay_ms: f64, args: Vec<Value>, repeat: bool) -> u32 {
        let id = self.next_timer_id;
        self.next_timer_id += 1;
        let delay = if delay_ms.is_finite() && delay_ms > 0.0 { delay_ms.min(2147483647.0) as u64 } else { 0 };
        let due = self.now_ms() + delay;
        self.timer_seq += 1;
        self.timers.insert((due, self.timer_seq), Timer { func, args, interval: if repeat { Some(delay.max(1)) } else { None }, id });
        id
    }

    /// Cancels a timer.
    pub(crate) fn clear_timer(&mut self, id: u32) {
        self.timers.retain(|_, t| t.id != id);
    }

    pub(crate) fn now_ms(&mut self) -> u64 {
        let start = *self.clock_start.get_or_insert_with(Instant::now);
        start.elapsed().as_millis() as u64
    }

    /// Runs all pending jobs (microtasks).
    pub(crate) fn run_jobs_only(&mut self) -> JsResult<()> {
        while !self.jobs.is_empty() {
            if self.interrupt.load(Ordering::Relaxed) {
                self.interrupt.store(false, Ordering::Relaxed);
                self.jobs.clear();
                return Err(Throw::Terminate(Termination::Interrupted));
            }
            // Collect while the job is still queued (and so rooted).
            if self.heap.gc_requested && self.fp == usize::MAX {
                crate::interpreter::gc::collect(self);
                if self.heap.over_limit() {
                    self.jobs.clear();
                    return Err(Throw::Terminate(Termination::OutOfMemory));
                }
            }
            let job = self.jobs.pop_front().expect("non-empty");
            self.keep(job.func);
            self.keep(job.this);
            for a in &job.args {
                self.keep(*a);
            }
            let kept = self.kept.len();
            let r = self.call(job.func, job.this, &job.args);
            self.kept.truncate(kept - 2 - job.args.len());
            if let Some(t) = self.pending_termination.take() {
                self.jobs.clear();
                return Err(t);
            }
            r?;
        }
        Ok(())
    }

    /// Runs jobs and timers until none are left.
    pub(crate) fn run_event_loop(&mut self) -> JsResult<()> {
        loop {
            self.run_jobs_only()?;
            let Some((&(due, seq), _)) = self.timers.iter().next() else { return Ok(()) };
            self.wait_until(due)?;
            self.fire_timer(due, seq)?;
        }
    }

    /// Sleeps until the clock reaches `due` (milliseconds), watching the interrupt flag.
    fn wait_until(&mut self, due: u64) -> JsResult<()> {
        loop {
            let now = self.now_ms();
            if now >= due {
                return Ok(());
            }
            if self.interrupt.load(Ordering::Relaxed) {
                self.interrupt.store(false, Ordering::Relaxed);
                return Err(Throw::Terminate(Termination::Interrupted));
            }
            if self.poll.deadline.is_some_and(|d| std::time::Instant::now() >= d) {
                return Err(Throw::Terminate(Termination::TimeLimit));
            }
            std::thread::sleep(std::time::Duration::from_millis((due - now).min(10)));
        }
    }

    /// Runs the timer queued under `(due, seq)` (re-arming an interval first).
    fn fire_timer(&mut self, due: u64, seq: u64) -> JsResult<()> {
        let Some(t) = self.timers.remove(&(due, seq)) else { return Ok(()) };
        let kept = self.kept.len();
        self.keep(t.func);
        for a in &t.args {
            self.keep(*a);
        }
        if let Some(iv) = t.interval {
            self.timer_seq += 1;
            let now = self.now_ms();
            self.timers.insert((now + iv, self.timer_seq), Timer { func: t.func, args: t.args.clone(), interval: Some(iv), id: t.id });
        }
        let r = self.call(t.func, Value::UNDEFINED, &t.args);
        self.kept.truncate(kept);
        r.map(|_| ())
    }

    /// Runs the queued jobs (microtasks) and the timers already due, without waiting for
    /// later timers: what an interactive embedder (the REPL) runs between two inputs.
    /// Timers that come due while this runs (intervals re-armed at 0 ms) wait for the next call.
    pub fn run_ready_jobs(&mut self) -> Result<(), crate::JsError> {
        let r = self.run_ready_inner();
        self.finish_result(r)
    }

    /// How long until [`Runtime::run_ready_jobs`] has something to run: zero when promise jobs
    /// are queued or a timer is due, the wait for the earliest timer otherwise, `None` when
    /// nothing is pending (an interactive embedder sleeps this long while waiting for input).
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// assert_eq!(rt.next_job_delay(), None);
    /// rt.eval("Promise.resolve().then(() => {})", "d.js").unwrap();
    /// assert_eq!(rt.next_job_delay(), Some(std::time::Duration::ZERO));
    /// ```
    pub fn next_job_delay(&mut self) -> Option<std::time::Duration> {
        if !self.jobs.is_empty() {
            return Some(std::time::Duration::ZERO);
        }
        let due = self.timers.keys().next()?.0;
        Some(std::time::Duration::from_millis(due.saturating_sub(self.now_ms())))
    }

    fn run_ready_inner(&mut self) -> JsResult<()> {
        let now = self.now_ms();
        let limit = self.timer_seq;
        loop {
            self.run_jobs_only()?;
            let Some((&(due, seq), _)) = self.timers.iter().find(|(&(d, s), _)| d <= now && s <= limit) else { return Ok(()) };
            self.fire_timer(due, seq)?;
        }
    }

    /// Runs jobs, and timers as they come due, until `promise` settles or nothing is left to
    /// run; returns the promise's state then (`None` if `promise` is not a promise). A
    /// rejection returned here counts as handled. For embedders that wait on a promise (the
    /// REPL's top-level `await`).
    pub fn run_until_settled(&mut self, promise: Value) -> Result<Option<PromiseOutcome>, crate::JsError> {
        let Some(p) = promise.as_object().filter(|_| is_promise(promise)) else { return Ok(None) };
        let kept = self.kept.len();
        self.keep(promise);
        let r = self.run_until_settled_inner(p);
        self.kept.truncate(kept);
        self.finish_result(r).map(Some)
    }

    fn run_until_settled_inner(&mut self, p: Gc<JsObject>) -> JsResult<PromiseOutcome> {
        loop {
            self.run_jobs_only()?;
            let d = data(p);
            match d.state {
                PromiseState::Fulfilled => return Ok(PromiseOutcome::Fulfilled(d.result)),
                PromiseState::Rejected => {
                    d.handled = true;
                    self.pending_rejections.retain(|x| *x != p);
                    return Ok(PromiseOutcome::Rejected(data(p).result));
                }
                PromiseState::Pending => {}
            }
            let Some((&(due, seq), _)) = self.timers.iter().next() else { return Ok(PromiseOutcome::Pending) };
            self.wait_until(due)?;
            self.fire_timer(due, seq)?;
        }
    }

    /// Rejected promises nobody handled (for the shell to report), clearing the list.
    pub fn take_unhandled_rejections(&mut self) -> Vec<Value> {
        let v: Vec<Value> = self.pending_rejections.iter().filter(|p| !data(**p).handled).map(|p| data(*p).result).collect();
        self.pending_rejections.clear();
        v
    }
}
