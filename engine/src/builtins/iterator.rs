//! The iterator protocol (GetIterator, IteratorStep, IteratorClose), `%IteratorPrototype%`,
//! the built-in iterators over arrays, strings, Maps and Sets, for-in enumeration, and
//! `%AsyncFromSyncIteratorPrototype%`.

use super::{set_intrinsic, to_string_tag, BuiltinData};
use crate::heap::{Gc, Marker};
use crate::runtime::names::WellKnown;
use crate::runtime::object::{JsObject, ObjectKind};
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime, Throw};
use crate::value::Value;

/// What a built-in iterator yields.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum IterKind {
    /// Keys (indices).
    Keys,
    /// Values.
    Values,
    /// `[key, value]` pairs.
    Entries,
}

/// State of a built-in iterator.
pub enum IteratorState {
    /// Over an array-like (`Array.prototype.values` and friends).
    Array {
        /// The object (undefined once exhausted).
        target: Value,
        /// Next index.
        index: u32,
        /// What to yield.
        kind: IterKind,
    },
    /// Over a string's code points.
    String {
        /// The string (undefined once exhausted).
        target: Value,
        /// Next code unit index.
        index: usize,
    },
    /// Over a Map's or Set's entries (by entry index, so additions during iteration are seen).
    Map {
        /// The Map/Set (undefined once exhausted).
        target: Value,
        /// Next entry index.
        index: usize,
        /// What to yield.
        kind: IterKind,
    },
    /// A for-in enumeration: keys collected up front, rechecked as visited.
    ForIn {
        /// The object enumerated.
        object: Value,
        /// The keys (strings).
        keys: Vec<Value>,
        /// Next key.
        index: usize,
    },
    /// `%AsyncFromSyncIteratorPrototype%`: a sync iterator and its next method.
    AsyncFromSync {
        /// The sync iterator.
        iterator: Value,
        /// Its `next`.
        next: Value,
    },
    /// `RegExp.prototype[@@matchAll]`'s iterator.
    RegExpString {
        /// The regexp.
        regexp: Value,
        /// The string.
        string: Value,
        /// Global?
        global: bool,
        /// Unicode?
        unicode: bool,
        /// Finished?
        done: bool,
    },
}

impl IteratorState {
    pub(crate) fn trace(&self, m: &mut Marker) {
        match self {
            IteratorState::Array { target, .. } | IteratorState::String { target, .. } | IteratorState::Map { target, .. } => {
                m.value(*target)
            }
            IteratorState::ForIn { object, keys, .. } => {
                m.value(*object);
                keys.iter().for_each(|k| m.value(*k));
            }
            IteratorState::AsyncFromSync { iterator, next } => {
                m.value(*iterator);
                m.value(*next);
            }
            IteratorState::RegExpString { regexp, string, .. } => {
                m.value(*regexp);
                m.value(*string);
            }
        }
    }
}

pub(crate) fn install(rt: &mut Runtime) {
    let ip = rt.intrinsic(Intrinsic::IteratorPrototype);
    rt.define_symbol_method(ip, WellKnown::Iterator, "[Symbol.iterator]", 0, return_this, HIDDEN);
    let aip = rt.intrinsic(Intrinsic::AsyncIteratorPrototype);
    rt.define_symbol_method(aip, WellKnown::AsyncIterator, "[Symbol.asyncIterator]", 0, return_this, HIDDEN);
    let ap = rt.intrinsic(Intrinsic::ArrayIteratorPrototype);
    let next = rt.define_method(ap, "next", 0, array_iterator_next);
    set_intrinsic(rt, Intrinsic::ArrayIteratorNext, next);
    to_string_tag(rt, ap, "Array Iterator");
    let sp = rt.intrinsic(Intrinsic::StringIteratorPrototype);
    rt.define_method(sp, "next", 0, string_iterator_next);
    to_string_tag(rt, sp, "String Iterator");
    let afs = rt.intrinsic(Intrinsic::AsyncFromSyncIteratorPrototype);
    rt.define_method(afs, "next", 1, async_from_sync_next);
    rt.define_method(afs, "return", 1, async_from_sync_return);
    rt.define_method(afs, "throw", 1, async_from_sync_throw);
}

fn return_this(_rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(a.this)
}

/// A new built-in iterator object.
pub(crate) fn new_iterator(rt: &mut Runtime, proto: Intrinsic, state: IteratorState) -> Value {
    let p = rt.intrinsic(proto);
    Value::object(rt.new_object_with(Some(p), ObjectKind::Builtin(Box::new(BuiltinData::Iterator(state)))))
}

fn iter_state(o: Gc<JsObject>) -> Option<&'static mut IteratorState> {
    match &mut o.get_mut().kind {
        ObjectKind::Builtin(b) => match &mut **b {
            // SAFETY: the iterator object is the `this` of the running native (rooted by the
            // caller's frame); the reference does not outlive that call's uses below.
            BuiltinData::Iterator(s) => Some(unsafe { &mut *(s as *mut IteratorState) }),
            _ => None,
        },
        _ => None,
    }
}

fn array_iterator_next(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    match array_iterator_step(rt, a.this) {
        None => Err(rt.type_error("next method called on incompatible receiver")),
        Some(step) => Ok(match step? {
            Some(v) => rt.iter_result(v, false),
            None => rt.iter_result(Value::UNDEFINED, true),
        }),
    }
}

/// One step of array iterator `it`: its next value, or `None` once done; `None` (outside)
/// if `it` is not an array iterator.
fn array_iterator_step(rt: &mut Runtime, it: Value) -> Option<JsResult<Option<Value>>> {
    let Some(IteratorState::Array { target, index, kind }) = it.as_object().and_then(iter_state) else {
        return None;
    };
    if target.is_undefined() {
        return Some(Ok(None));
    }
    let t = *target;
    let len = match t.as_object() {
        Some(o) if o.is_array() => o.array_length().unwrap_or(0) as f64,
        Some(o) if matches!(o.kind, ObjectKind::TypedArray(_)) => match super::typed_array::iteration_length(rt, o) {
            Ok(l) => l,
            Err(e) => return Some(Err(e)),
        },
        _ => {
            let lk = PropertyKey::String(rt.names.length);
            match rt.get(t, lk).and_then(|l| rt.to_length(l)) {
                Ok(l) => l,
                Err(e) => return Some(Err(e)),
            }
        }
    };
    let i = *index;
    if i as f64 >= len {
        *target = Value::UNDEFINED;
        return Some(Ok(None));
    }
    *index = i + 1;
    let k = *kind;
    let element = |rt: &mut Runtime| array_like_element(rt, t, i);
    Some(match k {
        IterKind::Keys => Ok(Some(Value::from_f64(i as f64))),
        IterKind::Values => element(rt).map(Some),
        IterKind::Entries => element(rt).map(|v| Some(Value::object(rt.new_array(vec![Value::from_f64(i as f64), v])))),
    })
}

/// Get(t, i) for an array iterator: a present dense element directly.
fn array_like_element(rt: &mut Runtime, t: Value, i: u32) -> JsResult<Value> {
    match t.as_object().and_then(|o| crate::interpreter::ops::dense_get(o, Value::from_f64(i as f64))) {
        Some(v) => Ok(v),
        None => rt.get(t, PropertyKey::Index(i)),
    }
}

fn string_iterator_next(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let Some(st) = a.this.as_object().and_then(iter_state).filter(|s| matches!(s, IteratorState::String { .. })) else {
        return Err(rt.type_error("next method called on incompatible receiver"));
    };
    let IteratorState::String { target, index } = st else { unreachable!() };
    let Some(s) = target.as_string() else {
        return Ok(rt.iter_result(Value::UNDEFINED, true));
    };
    let u = s.units();
    if *index >= u.len() {
        *target = Value::UNDEFINED;
        return Ok(rt.iter_result(Value::UNDEFINED, true));
    }
    let c = u[*index];
    let n = if (0xD800..0xDC00).contains(&c) && *index + 1 < u.len() && (0xDC00..0xE000).contains(&u[*index + 1]) { 2 } else { 1 };
    let piece = u[*index..*index + n].to_vec();
    *index += n;
    let v = rt.new_string(piece);
    Ok(rt.iter_result(v, false))
}

/// Prepares for-in enumeration of `v` (returns the iterator state object).
pub fn for_in_prepare(rt: &mut Runtime, v: Value) -> JsResult<Value> {
    if v.is_nullish() {
        return Ok(new_iterator(
            rt,
            Intrinsic::ForInIteratorPrototype,
            IteratorState::ForIn { object: Value::UNDEFINED, keys: Vec::new(), index: 0 },
        ));
    }
    let o = rt.to_object(v)?;
    let mut keys = Vec::new();
    let mut seen: std::collections::HashSet<PropertyKey> = std::collections::HashSet::new();
    let mut cur = Some(o);
    while let Some(x) = cur {
        for k in rt.own_property_keys(x) {
            if k.is_symbol() || !seen.insert(k) {
                continue;
            }
            if let Some(p) = rt.get_own_property(x, k) {
                if p.attrs & ENUMERABLE != 0 {
                    keys.push(rt.key_to_value(k));
                }
            }
        }
        cur = x.proto();
    }
    Ok(new_iterator(rt, Intrinsic::ForInIteratorPrototype, IteratorState::ForIn { object: Value::object(o), keys, index: 0 }))
}

/// The next for-in key, skipping keys deleted since enumeration began.
pub fn for_in_next(rt: &mut Runtime, state: Value) -> JsResult<Option<Value>> {
    let st = state.as_object().and_then(iter_state).expect("for-in state");
    let IteratorState::ForIn { object, keys, index } = st else { unreachable!("for-in state") };
    let Some(o) = object.as_object() else { return Ok(None) };
    while *index < keys.len() {
        let k = keys[*index];
        *index += 1;
        let pk = rt.to_property_key(k)?;
        if rt.has_property(o, pk)? {
            return Ok(Some(k));
        }
    }
    Ok(None)
}

/// The `next` register of a bytecode iterator (the triple iterator, `next`, done) iterating an
/// Array without an iterator object: see [`Runtime::iterator_registers`]. Never the value of a
/// property, so no `next` method read by GetIterator can look like it.
pub(crate) const ARRAY_ITERATION: Value = Value::HOLE;

impl Runtime {
    /// GetIterator(v, sync) for the bytecode's iterator registers: the iterator, its `next`
    /// method and the done flag (false), except for the array iterations below.
    ///
    /// An Array whose `@@iterator` is `Array.prototype.values` (of this realm) while
    /// `%ArrayIteratorPrototype%.next` is the built-in one iterates without an iterator object
    /// (the registers hold the array, [`ARRAY_ITERATION`] and the next index; V8 keeps an
    /// "array iterator protector" for the same purpose): every step the built-in `next` would
    /// take is one [`Runtime::array_iteration_step`], and nothing can observe the object
    /// before a `return()` is looked up on it, which [`Runtime::close_iterator_registers`]
    /// makes it for.
    pub(crate) fn iterator_registers(&mut self, v: Value) -> JsResult<[Value; 3]> {
        let ik = PropertyKey::Symbol(self.well_known(WellKnown::Iterator));
        let m = crate::interpreter::ops::cached_get(self, v, ik)?;
        if v.as_object().is_some_and(|o| o.is_array())
            && m.as_object() == Some(self.intrinsic(Intrinsic::ArrayProtoValues))
            && self.array_iterator_next_is_builtin()
        {
            return Ok([v, ARRAY_ITERATION, Value::int(0)]);
        }
        if !self.is_callable(m) {
            let d = self.describe_for_error(v);
            return Err(self.type_error(format!("{d} is not iterable")));
        }
        let (it, next) = self.get_iterator_from_method(v, m)?;
        Ok([it, next, Value::FALSE])
    }

    /// Does Get(an array iterator, "next") give the built-in `next`, with no side effect? (An
    /// iterator object has no own properties: a data property up from its prototype answers.)
    fn array_iterator_next_is_builtin(&mut self) -> bool {
        let proto = self.intrinsic(Intrinsic::ArrayIteratorPrototype);
        let key = PropertyKey::String(self.names.next);
        let next = self.intrinsic(Intrinsic::ArrayIteratorNext);
        match crate::interpreter::ops::megamorphic_get(self, proto, key) {
            Some(v) => v == Value::object(next),
            None => self.get_own_property(proto, key).is_some_and(|p| p.accessor().is_none() && p.value == Value::object(next)),
        }
    }

    /// One step of the built-in array iterator's `next` over Array `a` at index `i`: the
    /// element, or `None` past the end.
    pub(crate) fn array_iteration_step(&mut self, a: Value, i: f64) -> JsResult<Option<Value>> {
        let len = a.as_object().and_then(|o| o.array_length()).unwrap_or(0) as f64;
        if i >= len {
            return Ok(None);
        }
        array_like_element(self, a, i as u32).map(Some)
    }

    /// The iterator of registers `[it, next, done]` for IteratorClose: an array iteration
    /// gets its iterator object now if `%ArrayIteratorPrototype%`'s chain has a `return`
    /// (otherwise there is nothing to close).
    pub(crate) fn close_iterator_registers(&mut self, regs: [Value; 3]) -> JsResult<Option<Value>> {
        let [it, next, done] = regs;
        if next != ARRAY_ITERATION {
            return Ok(Some(it));
        }
        let proto = self.intrinsic(Intrinsic::ArrayIteratorPrototype);
        let rk = PropertyKey::String(self.names.return_);
        if !self.has_property(proto, rk)? {
            return Ok(None);
        }
        let index = done.as_number().unwrap_or(0.0) as u32;
        Ok(Some(new_iterator(self, Intrinsic::ArrayIteratorPrototype, IteratorState::Array { target: it, index, kind: IterKind::Values })))
    }

    /// GetIterator(v, sync): the iterator and its `next` method.
    pub fn get_iterator(&mut self, v: Value) -> JsResult<(Value, Value)> {
        let ik = PropertyKey::Symbol(self.well_known(WellKnown::Iterator));
        let m = self.get(v, ik)?;
        if !self.is_callable(m) {
            let d = self.describe_for_error(v);
            return Err(self.type_error(format!("{d} is not iterable")));
        }
        self.get_iterator_from_method(v, m)
    }

    /// GetIteratorFromMethod.
    pub fn get_iterator_from_method(&mut self, v: Value, m: Value) -> JsResult<(Value, Value)> {
        let it = self.call(m, v, &[])?;
        if !it.is_object() {
            return Err(self.type_error("Result of the Symbol.iterator method is not an object"));
        }
        let nk = PropertyKey::String(self.names.next);
        let next = self.get(it, nk)?;
        Ok((it, next))
    }

    /// GetIterator(v, async): uses `@@asyncIterator`, or wraps a sync iterator.
    pub fn get_async_iterator(&mut self, v: Value) -> JsResult<(Value, Value)> {
        let ak = PropertyKey::Symbol(self.well_known(WellKnown::AsyncIterator));
        let m = self.get(v, ak)?;
        if m.is_nullish() {
            let (it, next) = self.get_iterator(v)?;
            let w = new_iterator(self, Intrinsic::AsyncFromSyncIteratorPrototype, IteratorState::AsyncFromSync { iterator: it, next });
            let nk = PropertyKey::String(self.names.next);
            let n = self.get(w, nk)?;
            return Ok((w, n));
        }
        if !self.is_callable(m) {
            return Err(self.type_error("Symbol.asyncIterator is not a function"));
        }
        self.get_iterator_from_method(v, m)
    }

    /// IteratorStep + IteratorValue: `Some(value)` or `None` when done.
    pub fn iterator_step(&mut self, it: Value, next: Value) -> JsResult<Option<Value>> {
        // `%ArrayIteratorPrototype%.next` returns a fresh result object whose own `done` and
        // `value` are all this step reads: stepping the iterator directly is unobservable.
        if next.as_object() == Some(self.intrinsic(Intrinsic::ArrayIteratorNext)) {
            if let Some(step) = array_iterator_step(self, it) {
                return step;
            }
        }
        let r = self.call(next, it, &[])?;
        if !r.is_object() {
            return Err(self.type_error("Iterator result is not an object"));
        }
        let dk = PropertyKey::String(self.names.done);
        let d = self.get(r, dk)?;
        if self.to_boolean(d) {
            return Ok(None);
        }
        let vk = PropertyKey::String(self.names.value);
        Ok(Some(self.get(r, vk)?))
    }

    /// IteratorClose for a normal completion: calls `return()` and checks its result.
    pub fn iterator_close(&mut self, it: Value) -> JsResult<()> {
        let rk = PropertyKey::String(self.names.return_);
        let r = self.get(it, rk)?;
        if r.is_nullish() {
            return Ok(());
        }
        let res = self.call(r, it, &[])?;
        if !res.is_object() {
            return Err(self.type_error("Iterator result is not an object"));
        }
        Ok(())
    }

    /// IteratorClose for a throw completion: errors from `return()` are ignored.
    pub fn iterator_close_on_throw(&mut self, it: Value, t: Throw) -> Throw {
        let Throw::Value(thrown) = t else { return t };
        // `return()` runs JavaScript (and may collect): keep the pending exception alive
        // while it runs (bytecode closes iterators too, outside any native call).
        self.keep_scope(|rt| {
            rt.keep(thrown);
            let rk = PropertyKey::String(rt.names.return_);
            if let Ok(r) = rt.get(it, rk) {
                if !r.is_nullish() {
                    let _ = rt.call(r, it, &[]);
                }
            }
        });
        t
    }

    /// IteratorToList(GetIterator(v)).
    pub fn iterable_to_list(&mut self, v: Value) -> JsResult<Vec<Value>> {
        let (it, next) = self.get_iterator(v)?;
        self.iterator_to_list(it, next)
    }

    /// IteratorToList(GetIteratorFromMethod(v, method)).
    pub fn iterator_method_to_list(&mut self, v: Value, method: Value) -> JsResult<Vec<Value>> {
        let (it, next) = self.get_iterator_from_method(v, method)?;
        self.iterator_to_list(it, next)
    }

    /// IteratorToList: every value `it` produces (each kept rooted).
    fn iterator_to_list(&mut self, it: Value, next: Value) -> JsResult<Vec<Value>> {
        self.keep(it);
        self.keep(next);
        let mut out = Vec::new();
        while let Some(x) = self.iterator_step(it, next)? {
            self.keep(x);
            out.push(x);
        }
        Ok(out)
    }
}

// ----- %AsyncFromSyncIteratorPrototype% -----

fn afs_state(rt: &mut Runtime, this: Value) -> JsResult<(Value, Value)> {
    match this.as_object().and_then(iter_state) {
        Some(IteratorState::AsyncFromSync { iterator, next }) => Ok((*iterator, *next)),
        _ => Err(rt.type_error("not an async-from-sync iterator")),
    }
}

/// Wraps a sync iterator result in a promise for `{ value: await value, done }`.
fn afs_continuation(rt: &mut Runtime, result: Value, sync_iter: Value, close_on_reject: bool) -> JsResult<Value> {
    let p = super::promise::new_promise(rt);
    rt.keep(Value::object(p));
    let r = (|| -> JsResult<()> {
        if !result.is_object() {
            return Err(rt.type_error("Iterator result is not an object"));
        }
        let dk = PropertyKey::String(rt.names.done);
        let d = rt.get(result, dk)?;
        let done = rt.to_boolean(d);
        let vk = PropertyKey::String(rt.names.value);
        let v = rt.get(result, vk)?;
        let vp = match super::promise::promise_resolve(rt, v) {
            Ok(vp) => vp,
            Err(e) => {
                if !done && close_on_reject {
                    let e = rt.iterator_close_on_throw(sync_iter, e);
                    return Err(e);
                }
                return Err(e);
            }
        };
        let on_ok = rt.new_native_function_with("", 1, afs_unwrap, false, Box::new([Value::bool(done)]));
        let on_err = if !done && close_on_reject {
            Value::object(rt.new_native_function_with("", 1, afs_close_and_rethrow, false, Box::new([sync_iter])))
        } else {
            Value::UNDEFINED
        };
        super::promise::perform_then(rt, vp, Value::object(on_ok), on_err, Some(p));
        Ok(())
    })();
    match r {
        Err(Throw::Value(e)) => super::promise::reject_promise(rt, p, e),
        Err(t) => return Err(t),
        Ok(()) => {}
    }
    Ok(Value::object(p))
}

fn afs_unwrap(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let done = match &a.callee.kind {
        ObjectKind::Native(n) => n.captures[0] == Value::TRUE,
        _ => false,
    };
    Ok(rt.iter_result(a.arg(0), done))
}

fn afs_close_and_rethrow(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let it = match &a.callee.kind {
        ObjectKind::Native(n) => n.captures[0],
        _ => Value::UNDEFINED,
    };
    Err(rt.iterator_close_on_throw(it, Throw::Value(a.arg(0))))
}

fn reject_now(rt: &mut Runtime, e: Throw) -> JsResult<Value> {
    match e {
        Throw::Value(v) => {
            let p = super::promise::new_promise(rt);
            super::promise::reject_promise(rt, p, v);
            Ok(Value::object(p))
        }
        t => Err(t),
    }
}

fn async_from_sync_next(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (it, next) = afs_state(rt, a.this)?;
    let r = if a.args.is_empty() { rt.call(next, it, &[]) } else { rt.call(next, it, &[a.arg(0)]) };
    match r {
        Ok(res) => afs_continuation(rt, res, it, true),
        Err(e) => reject_now(rt, e),
    }
}

fn async_from_sync_return(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (it, _) = afs_state(rt, a.this)?;
    let rk = PropertyKey::String(rt.names.return_);
    let m = match rt.get(it, rk) {
        Ok(m) => m,
        Err(e) => return reject_now(rt, e),
    };
    if m.is_nullish() {
        let p = super::promise::new_promise(rt);
        let r = rt.iter_result(a.arg(0), true);
        super::promise::resolve_promise(rt, p, r)?;
        return Ok(Value::object(p));
    }
    let r = if a.args.is_empty() { rt.call(m, it, &[]) } else { rt.call(m, it, &[a.arg(0)]) };
    match r {
        Ok(res) => afs_continuation(rt, res, it, false),
        Err(e) => reject_now(rt, e),
    }
}

fn async_from_sync_throw(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (it, _) = afs_state(rt, a.this)?;
    let tk = PropertyKey::String(rt.names.throw_);
    let m = match rt.get(it, tk) {
        Ok(m) => m,
        Err(e) => return reject_now(rt, e),
    };
    if m.is_nullish() {
        // Close the sync iterator, then reject with a TypeError.
        if let Err(e) = rt.iterator_close(it) {
            return reject_now(rt, e);
        }
        let e = rt.type_error("The iterator does not provide a 'throw' method");
        return reject_now(rt, e);
    }
    let r = if a.args.is_empty() { rt.call(m, it, &[]) } else { rt.call(m, it, &[a.arg(0)]) };
    match r {
        Ok(res) => afs_continuation(rt, res, it, true),
        Err(e) => reject_now(rt, e),
    }
}
