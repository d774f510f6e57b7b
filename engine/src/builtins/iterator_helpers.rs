//! Iterator helpers (ECMA-262 §27.1.2-27.1.4, ES2025): the abstract `Iterator` constructor,
//! `Iterator.from` with `%WrapForValidIteratorPrototype%`, the `Iterator.prototype` methods
//! (`map`, `filter`, `take`, `drop`, `flatMap`, `reduce`, `toArray`, `forEach`, `some`,
//! `every`, `find`), its `constructor` and `@@toStringTag` accessors, and
//! `%IteratorHelperPrototype%`.
//!
//! The spec writes the lazy helpers as generator closures; here each is a state machine
//! ([`HelperState`]) stepped by `next()`, with the generator states (suspended-start,
//! suspended-yield, executing, completed) kept so that re-entrance throws and `return()`
//! closes the underlying iterator exactly where the spec's closures would.

use super::{make_constructor, to_string_tag, BuiltinData};
use crate::heap::{Gc, Marker};
use crate::runtime::names::WellKnown;
use crate::runtime::object::{JsObject, NativeFn, ObjectKind};
use crate::runtime::shape::PropertyKey;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime, Throw};
use crate::value::Value;

/// The generator state of an iterator helper.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum HelperRun {
    /// Created, `next()` not called yet.
    SuspendedStart,
    /// Yielded a value.
    SuspendedYield,
    /// Inside `next()` or `return()`.
    Executing,
    /// Finished.
    Completed,
}

/// What a lazy helper does on each step.
pub enum HelperKind {
    /// `map(mapper)`.
    Map {
        /// The mapper.
        mapper: Value,
        /// Values seen so far.
        counter: f64,
    },
    /// `filter(predicate)`.
    Filter {
        /// The predicate.
        predicate: Value,
        /// Values seen so far.
        counter: f64,
    },
    /// `take(limit)`.
    Take {
        /// Values still to yield (may be +∞).
        remaining: f64,
    },
    /// `drop(limit)`.
    Drop {
        /// Values still to skip (may be +∞).
        remaining: f64,
    },
    /// `flatMap(mapper)`.
    FlatMap {
        /// The mapper.
        mapper: Value,
        /// Values seen so far.
        counter: f64,
        /// The inner iterator being flattened and its `next`, if any.
        inner: Option<(Value, Value)>,
    },
}

/// An iterator helper object's slots: `[[UnderlyingIterator]]`, the generator state and the
/// closure's variables.
pub struct HelperState {
    /// The underlying iterator.
    pub iterator: Value,
    /// Its `next` method.
    pub next: Value,
    /// The generator state.
    pub run: HelperRun,
    /// The closure.
    pub kind: HelperKind,
}

impl HelperState {
    pub(crate) fn trace(&self, m: &mut Marker) {
        m.value(self.iterator);
        m.value(self.next);
        match &self.kind {
            HelperKind::Map { mapper, .. } | HelperKind::FlatMap { mapper, inner: None, .. } => m.value(*mapper),
            HelperKind::FlatMap { mapper, inner: Some((i, n)), .. } => {
                m.value(*mapper);
                m.value(*i);
                m.value(*n);
            }
            HelperKind::Filter { predicate, .. } => m.value(*predicate),
            HelperKind::Take { .. } | HelperKind::Drop { .. } => {}
        }
    }
}

/// `%WrapForValidIteratorPrototype%` objects' `[[Iterated]]` record.
pub struct Wrapped {
    /// The iterator.
    pub iterator: Value,
    /// Its `next` method.
    pub next: Value,
}

impl Wrapped {
    pub(crate) fn trace(&self, m: &mut Marker) {
        m.value(self.iterator);
        m.value(self.next);
    }
}

/// Installs `Iterator`, the `Iterator.prototype` helpers and accessors, and the helper and
/// wrapper prototypes.
pub(crate) fn install(rt: &mut Runtime) {
    let ip = rt.intrinsic(Intrinsic::IteratorPrototype);
    let c = make_constructor(rt, "Iterator", 0, iterator_constructor, Intrinsic::IteratorPrototype, Intrinsic::Iterator);
    rt.define_method(c, "from", 1, iterator_from);
    let methods: &[(&str, u32, NativeFn)] = &[
        ("map", 1, map),
        ("filter", 1, filter),
        ("take", 1, take),
        ("drop", 1, drop),
        ("flatMap", 1, flat_map),
        ("reduce", 1, reduce),
        ("toArray", 0, to_array),
        ("forEach", 1, for_each),
        ("some", 1, some),
        ("every", 1, every),
        ("find", 1, find),
    ];
    for &(name, len, f) in methods {
        rt.define_method(ip, name, len, f);
    }
    // `constructor` and `@@toStringTag` are accessors (§27.1.4.1, §27.1.4.14).
    let ck = PropertyKey::String(rt.names.constructor);
    rt.define_getter(ip, ck, "get constructor", get_constructor, Some(set_constructor));
    let tk = PropertyKey::Symbol(rt.well_known(WellKnown::ToStringTag));
    rt.define_getter(ip, tk, "get [Symbol.toStringTag]", get_to_string_tag, Some(set_to_string_tag));

    let hp = rt.intrinsic(Intrinsic::IteratorHelperPrototype);
    rt.define_method(hp, "next", 0, helper_next);
    rt.define_method(hp, "return", 0, helper_return);
    to_string_tag(rt, hp, "Iterator Helper");

    let wp = rt.intrinsic(Intrinsic::WrapForValidIteratorPrototype);
    rt.define_method(wp, "next", 0, wrap_next);
    rt.define_method(wp, "return", 0, wrap_return);
}

// ----- the constructor, accessors and Iterator.from -----

/// `Iterator()` (§27.1.3.1): abstract; only subclasses construct.
fn iterator_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    if a.new_target.is_undefined() || a.new_target == Value::object(a.callee) {
        return Err(rt.type_error("Abstract class Iterator not directly constructable"));
    }
    let proto = rt.get_prototype_from_constructor(a.new_target, Intrinsic::IteratorPrototype)?;
    Ok(Value::object(rt.new_object_with(Some(proto), ObjectKind::Ordinary)))
}

fn get_constructor(rt: &mut Runtime, _a: &CallArgs) -> JsResult<Value> {
    Ok(Value::object(rt.intrinsic(Intrinsic::Iterator)))
}

fn set_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let k = PropertyKey::String(rt.names.constructor);
    setter_that_ignores_prototype_properties(rt, a.this, k, a.arg(0))?;
    Ok(Value::UNDEFINED)
}

fn get_to_string_tag(rt: &mut Runtime, _a: &CallArgs) -> JsResult<Value> {
    Ok(rt.str("Iterator"))
}

fn set_to_string_tag(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let k = PropertyKey::Symbol(rt.well_known(WellKnown::ToStringTag));
    setter_that_ignores_prototype_properties(rt, a.this, k, a.arg(0))?;
    Ok(Value::UNDEFINED)
}

/// SetterThatIgnoresPrototypeProperties(this, %Iterator.prototype%, p, v) (§27.1.4.1.1).
fn setter_that_ignores_prototype_properties(rt: &mut Runtime, this: Value, p: PropertyKey, v: Value) -> JsResult<()> {
    let Some(o) = this.as_object() else {
        return Err(rt.type_error("Iterator.prototype setter called on non-object"));
    };
    if o == rt.intrinsic(Intrinsic::IteratorPrototype) {
        return Err(rt.type_error("Cannot assign to read only property of Iterator.prototype"));
    }
    if rt.get_own_property(o, p).is_none() {
        rt.create_data_property_or_throw(o, p, v)?;
    } else {
        rt.put(this, p, v, true)?;
    }
    Ok(())
}

/// GetMethod(v, key): undefined/null → None, non-callable → TypeError.
fn get_method(rt: &mut Runtime, v: Value, key: PropertyKey) -> JsResult<Option<Value>> {
    let m = rt.get(v, key)?;
    if m.is_nullish() {
        return Ok(None);
    }
    if !rt.is_callable(m) {
        return Err(rt.type_error("method is not a function"));
    }
    Ok(Some(m))
}

/// GetIteratorDirect(obj): the object and its `next` (not checked for callability).
fn get_iterator_direct(rt: &mut Runtime, o: Value) -> JsResult<(Value, Value)> {
    let nk = PropertyKey::String(rt.names.next);
    let next = rt.get(o, nk)?;
    Ok((o, next))
}

/// GetIteratorFlattenable(obj, primitiveHandling).
fn get_iterator_flattenable(rt: &mut Runtime, v: Value, iterate_strings: bool) -> JsResult<(Value, Value)> {
    if !(v.is_object() || (iterate_strings && v.is_string())) {
        return Err(rt.type_error(if iterate_strings { "value is not an object or a string" } else { "value is not an object" }));
    }
    let ik = PropertyKey::Symbol(rt.well_known(WellKnown::Iterator));
    let it = match get_method(rt, v, ik)? {
        None => v,
        Some(m) => rt.call(m, v, &[])?,
    };
    if !it.is_object() {
        return Err(rt.type_error("iterator is not an object"));
    }
    rt.keep(it);
    get_iterator_direct(rt, it)
}

/// `Iterator.from(O)` (§27.1.3.2.1).
fn iterator_from(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (it, next) = get_iterator_flattenable(rt, a.arg(0), true)?;
    rt.keep(next);
    let c = Value::object(rt.intrinsic(Intrinsic::Iterator));
    if rt.ordinary_has_instance(c, it)? {
        return Ok(it);
    }
    let p = rt.intrinsic(Intrinsic::WrapForValidIteratorPrototype);
    let w = rt.new_object_with(Some(p), ObjectKind::Builtin(Box::new(BuiltinData::WrapForValid(Wrapped { iterator: it, next }))));
    Ok(Value::object(w))
}

fn wrapped(rt: &mut Runtime, this: Value) -> JsResult<(Value, Value)> {
    if let Some(o) = this.as_object() {
        if let Some(BuiltinData::WrapForValid(w)) = o.builtin() {
            return Ok((w.iterator, w.next));
        }
    }
    Err(rt.type_error("not a wrapped iterator (%WrapForValidIteratorPrototype%)"))
}

/// `%WrapForValidIteratorPrototype%.next()` (§27.1.3.2.1.1.1).
fn wrap_next(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (it, next) = wrapped(rt, a.this)?;
    rt.call(next, it, &[])
}

/// `%WrapForValidIteratorPrototype%.return()` (§27.1.3.2.1.1.2).
fn wrap_return(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (it, _) = wrapped(rt, a.this)?;
    let rk = PropertyKey::String(rt.names.return_);
    match get_method(rt, it, rk)? {
        None => Ok(rt.iter_result(Value::UNDEFINED, true)),
        Some(m) => rt.call(m, it, &[]),
    }
}

// ----- shared steps -----

/// The receiver of a helper method, which must be an object.
fn this_object(rt: &mut Runtime, this: Value, method: &str) -> JsResult<Value> {
    if this.is_object() {
        return Ok(this);
    }
    Err(rt.type_error(format!("Iterator.prototype.{method} called on non-object")))
}

/// Closes `o` (not yet read for `next`) with a TypeError: a helper's argument was invalid.
fn close_with_type_error(rt: &mut Runtime, o: Value, msg: &str) -> Throw {
    let e = rt.type_error(msg);
    rt.iterator_close_on_throw(o, e)
}

/// Closes `o` with a RangeError.
fn close_with_range_error(rt: &mut Runtime, o: Value, msg: &str) -> Throw {
    let e = rt.range_error(msg);
    rt.iterator_close_on_throw(o, e)
}

/// Validates a callable argument, closing `o` when it is not callable.
fn require_callable(rt: &mut Runtime, o: Value, f: Value, what: &str) -> JsResult<()> {
    if rt.is_callable(f) {
        return Ok(());
    }
    let d = rt.describe_for_error(f);
    Err(close_with_type_error(rt, o, &format!("{d} is not a function ({what})")))
}

/// IteratorStep: the result object, or None when done.
fn step(rt: &mut Runtime, it: Value, next: Value) -> JsResult<Option<Value>> {
    let r = rt.call(next, it, &[])?;
    if !r.is_object() {
        return Err(rt.type_error("Iterator result is not an object"));
    }
    let dk = PropertyKey::String(rt.names.done);
    let d = rt.get(r, dk)?;
    Ok(if rt.to_boolean(d) { None } else { Some(r) })
}

/// The `limit` of `take`/`drop`: ToNumber, not NaN, not finite above 2^53 - 1,
/// ToIntegerOrInfinity, not negative; closes `o` on failure.
fn to_limit(rt: &mut Runtime, o: Value, limit: Value) -> JsResult<f64> {
    let n = match rt.to_number(limit) {
        Ok(n) => n,
        Err(e) => return Err(rt.iterator_close_on_throw(o, e)),
    };
    if n.is_nan() {
        return Err(close_with_range_error(rt, o, "limit must be a number"));
    }
    if n.is_finite() && n > 9007199254740991.0 {
        return Err(close_with_range_error(rt, o, "limit must be at most 2^53 - 1"));
    }
    let i = if n.is_infinite() { n } else { n.trunc() + 0.0 };
    if i < 0.0 {
        return Err(close_with_range_error(rt, o, "limit must be non-negative"));
    }
    Ok(i)
}

/// Creates a helper object over `o` (whose `next` is read here).
fn new_helper(rt: &mut Runtime, o: Value, kind: HelperKind) -> JsResult<Value> {
    let (iterator, next) = get_iterator_direct(rt, o)?;
    let p = rt.intrinsic(Intrinsic::IteratorHelperPrototype);
    let st = HelperState { iterator, next, run: HelperRun::SuspendedStart, kind };
    Ok(Value::object(rt.new_object_with(Some(p), ObjectKind::Builtin(Box::new(BuiltinData::IteratorHelper(Box::new(st)))))))
}

// ----- lazy helpers -----

/// `Iterator.prototype.map(mapper)` (§27.1.4.8).
fn map(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = this_object(rt, a.this, "map")?;
    require_callable(rt, o, a.arg(0), "mapper")?;
    new_helper(rt, o, HelperKind::Map { mapper: a.arg(0), counter: 0.0 })
}

/// `Iterator.prototype.filter(predicate)` (§27.1.4.5).
fn filter(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = this_object(rt, a.this, "filter")?;
    require_callable(rt, o, a.arg(0), "predicate")?;
    new_helper(rt, o, HelperKind::Filter { predicate: a.arg(0), counter: 0.0 })
}

/// `Iterator.prototype.take(limit)` (§27.1.4.11).
fn take(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = this_object(rt, a.this, "take")?;
    let remaining = to_limit(rt, o, a.arg(0))?;
    new_helper(rt, o, HelperKind::Take { remaining })
}

/// `Iterator.prototype.drop(limit)` (§27.1.4.3).
fn drop(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = this_object(rt, a.this, "drop")?;
    let remaining = to_limit(rt, o, a.arg(0))?;
    new_helper(rt, o, HelperKind::Drop { remaining })
}

/// `Iterator.prototype.flatMap(mapper)` (§27.1.4.6).
fn flat_map(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = this_object(rt, a.this, "flatMap")?;
    require_callable(rt, o, a.arg(0), "mapper")?;
    new_helper(rt, o, HelperKind::FlatMap { mapper: a.arg(0), counter: 0.0, inner: None })
}

/// The helper state of `this`, or a TypeError (RequireInternalSlot [[UnderlyingIterator]]).
fn helper_of(rt: &mut Runtime, this: Value) -> JsResult<Gc<JsObject>> {
    if let Some(o) = this.as_object() {
        if matches!(o.builtin(), Some(BuiltinData::IteratorHelper(_))) {
            return Ok(o);
        }
    }
    Err(rt.type_error("not an Iterator Helper object"))
}

fn state(o: Gc<JsObject>) -> &'static mut HelperState {
    match o.get_mut().builtin_mut() {
        // SAFETY: `o` is the `this` of the running native call (rooted by the caller), and each
        // reference is used only until the next call into JavaScript.
        Some(BuiltinData::IteratorHelper(s)) => unsafe { &mut *(&mut **s as *mut HelperState) },
        _ => unreachable!("checked by helper_of"),
    }
}

/// `%IteratorHelperPrototype%.next()` (§27.1.2.1.1): GeneratorResume.
fn helper_next(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = helper_of(rt, a.this)?;
    match state(o).run {
        HelperRun::Executing => return Err(rt.type_error("Generator is already running")),
        HelperRun::Completed => return Ok(rt.iter_result(Value::UNDEFINED, true)),
        HelperRun::SuspendedStart | HelperRun::SuspendedYield => {}
    }
    state(o).run = HelperRun::Executing;
    let r = run_step(rt, o);
    match r {
        Ok(Some(v)) => {
            state(o).run = HelperRun::SuspendedYield;
            Ok(rt.iter_result(v, false))
        }
        Ok(None) => {
            state(o).run = HelperRun::Completed;
            Ok(rt.iter_result(Value::UNDEFINED, true))
        }
        Err(e) => {
            state(o).run = HelperRun::Completed;
            Err(e)
        }
    }
}

/// Runs a helper's closure until its next Yield (`Some`) or its end (`None`).
fn run_step(rt: &mut Runtime, o: Gc<JsObject>) -> JsResult<Option<Value>> {
    let (it, next) = (state(o).iterator, state(o).next);
    match &mut state(o).kind {
        HelperKind::Map { mapper, counter } => {
            let (f, n) = (*mapper, *counter);
            let Some(r) = step(rt, it, next)? else { return Ok(None) };
            let vk = PropertyKey::String(rt.names.value);
            let v = rt.get(r, vk)?;
            let mapped = rt.call(f, Value::UNDEFINED, &[v, Value::from_f64(n)]).map_err(|e| rt.iterator_close_on_throw(it, e))?;
            bump_counter(o);
            Ok(Some(mapped))
        }
        HelperKind::Filter { predicate, .. } => {
            let f = *predicate;
            loop {
                let Some(r) = step(rt, it, next)? else { return Ok(None) };
                let vk = PropertyKey::String(rt.names.value);
                let v = rt.get(r, vk)?;
                rt.keep(v);
                let n = counter_of(o);
                let sel = rt.call(f, Value::UNDEFINED, &[v, Value::from_f64(n)]).map_err(|e| rt.iterator_close_on_throw(it, e))?;
                bump_counter(o);
                if rt.to_boolean(sel) {
                    return Ok(Some(v));
                }
            }
        }
        HelperKind::Take { remaining } => {
            if *remaining == 0.0 {
                rt.iterator_close(it)?;
                return Ok(None);
            }
            if *remaining != f64::INFINITY {
                *remaining -= 1.0;
            }
            let Some(r) = step(rt, it, next)? else { return Ok(None) };
            let vk = PropertyKey::String(rt.names.value);
            Ok(Some(rt.get(r, vk)?))
        }
        HelperKind::Drop { .. } => {
            loop {
                let HelperKind::Drop { remaining } = &mut state(o).kind else { unreachable!() };
                if *remaining <= 0.0 {
                    break;
                }
                if *remaining != f64::INFINITY {
                    *remaining -= 1.0;
                }
                if step(rt, it, next)?.is_none() {
                    return Ok(None);
                }
            }
            let Some(r) = step(rt, it, next)? else { return Ok(None) };
            let vk = PropertyKey::String(rt.names.value);
            Ok(Some(rt.get(r, vk)?))
        }
        HelperKind::FlatMap { .. } => flat_map_step(rt, o, it, next),
    }
}

fn counter_of(o: Gc<JsObject>) -> f64 {
    match &state(o).kind {
        HelperKind::Map { counter, .. } | HelperKind::Filter { counter, .. } | HelperKind::FlatMap { counter, .. } => *counter,
        _ => 0.0,
    }
}

fn bump_counter(o: Gc<JsObject>) {
    if let HelperKind::Map { counter, .. } | HelperKind::Filter { counter, .. } | HelperKind::FlatMap { counter, .. } = &mut state(o).kind {
        *counter += 1.0;
    }
}

fn flat_map_step(rt: &mut Runtime, o: Gc<JsObject>, it: Value, next: Value) -> JsResult<Option<Value>> {
    loop {
        let HelperKind::FlatMap { mapper, counter, inner } = &mut state(o).kind else { unreachable!() };
        let (f, n) = (*mapper, *counter);
        if let Some((ii, inext)) = *inner {
            // IteratorStepValue(innerIterator), closing the outer iterator on abrupt completion.
            let r = (|| -> JsResult<Option<Value>> {
                let Some(r) = step(rt, ii, inext)? else { return Ok(None) };
                let vk = PropertyKey::String(rt.names.value);
                Ok(Some(rt.get(r, vk)?))
            })();
            match r {
                Ok(Some(v)) => return Ok(Some(v)),
                Ok(None) => {
                    if let HelperKind::FlatMap { inner, .. } = &mut state(o).kind {
                        *inner = None;
                    }
                    continue;
                }
                Err(e) => return Err(rt.iterator_close_on_throw(it, e)),
            }
        }
        let Some(r) = step(rt, it, next)? else { return Ok(None) };
        let vk = PropertyKey::String(rt.names.value);
        let v = rt.get(r, vk)?;
        let mapped = rt.call(f, Value::UNDEFINED, &[v, Value::from_f64(n)]).map_err(|e| rt.iterator_close_on_throw(it, e))?;
        rt.keep(mapped);
        let inner_rec = get_iterator_flattenable(rt, mapped, false).map_err(|e| rt.iterator_close_on_throw(it, e))?;
        if let HelperKind::FlatMap { inner, counter, .. } = &mut state(o).kind {
            *inner = Some(inner_rec);
            *counter += 1.0;
        }
    }
}

/// `%IteratorHelperPrototype%.return()` (§27.1.2.1.2).
fn helper_return(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = helper_of(rt, a.this)?;
    let it = state(o).iterator;
    match state(o).run {
        HelperRun::SuspendedStart => {
            state(o).run = HelperRun::Completed;
            rt.iterator_close(it)?;
            Ok(rt.iter_result(Value::UNDEFINED, true))
        }
        HelperRun::Executing => Err(rt.type_error("Generator is already running")),
        HelperRun::Completed => Ok(rt.iter_result(Value::UNDEFINED, true)),
        HelperRun::SuspendedYield => {
            // Resume with a return completion: the closure's Yield closes what it iterates.
            state(o).run = HelperRun::Executing;
            let inner = match &state(o).kind {
                HelperKind::FlatMap { inner, .. } => *inner,
                _ => None,
            };
            let r = (|| -> JsResult<()> {
                if let Some((ii, _)) = inner {
                    if let Err(e) = rt.iterator_close(ii) {
                        return Err(rt.iterator_close_on_throw(it, e));
                    }
                }
                rt.iterator_close(it)
            })();
            state(o).run = HelperRun::Completed;
            r?;
            Ok(rt.iter_result(Value::UNDEFINED, true))
        }
    }
}

// ----- eager methods -----

/// `Iterator.prototype.reduce(reducer [, initialValue])` (§27.1.4.9).
fn reduce(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = this_object(rt, a.this, "reduce")?;
    let f = a.arg(0);
    require_callable(rt, o, f, "reducer")?;
    let (it, next) = get_iterator_direct(rt, o)?;
    rt.keep(next);
    let vk = PropertyKey::String(rt.names.value);
    let (mut acc, mut counter) = if a.args.len() < 2 {
        let Some(r) = step(rt, it, next)? else {
            return Err(rt.type_error("Reduce of empty iterator with no initial value"));
        };
        (rt.get(r, vk)?, 1.0)
    } else {
        (a.arg(1), 0.0)
    };
    loop {
        rt.keep(acc);
        let Some(r) = step(rt, it, next)? else { return Ok(acc) };
        let v = rt.get(r, vk)?;
        acc = rt.call(f, Value::UNDEFINED, &[acc, v, Value::from_f64(counter)]).map_err(|e| rt.iterator_close_on_throw(it, e))?;
        counter += 1.0;
    }
}

/// `Iterator.prototype.toArray()` (§27.1.4.12).
fn to_array(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = this_object(rt, a.this, "toArray")?;
    let (it, next) = get_iterator_direct(rt, o)?;
    rt.keep(next);
    let arr = rt.new_array(Vec::new());
    rt.keep(Value::object(arr));
    let vk = PropertyKey::String(rt.names.value);
    let mut i = 0u32;
    while let Some(r) = step(rt, it, next)? {
        let v = rt.get(r, vk)?;
        rt.create_data_property_or_throw(arr, PropertyKey::Index(i), v)?;
        i += 1;
    }
    Ok(Value::object(arr))
}

/// What an eager predicate method does with a truthy/falsy result.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Search {
    ForEach,
    Some,
    Every,
    Find,
}

/// `forEach`, `some`, `every` and `find` (§27.1.4.4, .10, .2, .7).
fn search(rt: &mut Runtime, a: &CallArgs, kind: Search, method: &str) -> JsResult<Value> {
    let o = this_object(rt, a.this, method)?;
    let f = a.arg(0);
    require_callable(rt, o, f, if kind == Search::ForEach { "callback" } else { "predicate" })?;
    let (it, next) = get_iterator_direct(rt, o)?;
    rt.keep(next);
    let vk = PropertyKey::String(rt.names.value);
    let mut counter = 0.0;
    loop {
        let Some(r) = step(rt, it, next)? else {
            return Ok(match kind {
                Search::ForEach | Search::Find => Value::UNDEFINED,
                Search::Some => Value::FALSE,
                Search::Every => Value::TRUE,
            });
        };
        let v = rt.get(r, vk)?;
        rt.keep(v);
        let res = rt.call(f, Value::UNDEFINED, &[v, Value::from_f64(counter)]).map_err(|e| rt.iterator_close_on_throw(it, e))?;
        counter += 1.0;
        let b = rt.to_boolean(res);
        let found = match kind {
            Search::ForEach => None,
            Search::Some if b => Some(Value::TRUE),
            Search::Every if !b => Some(Value::FALSE),
            Search::Find if b => Some(v),
            _ => None,
        };
        if let Some(result) = found {
            rt.iterator_close(it)?;
            return Ok(result);
        }
    }
}

fn for_each(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    search(rt, a, Search::ForEach, "forEach")
}

fn some(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    search(rt, a, Search::Some, "some")
}

fn every(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    search(rt, a, Search::Every, "every")
}

fn find(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    search(rt, a, Search::Find, "find")
}
