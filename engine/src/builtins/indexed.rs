//! The algorithms `Array.prototype` and `%TypedArray%.prototype` share (ECMA-262 §23.1.3 and
//! §23.2.3): `at`, the callback loops (`forEach`, `every`, `some`, the `find` family, `reduce`
//! and `reduceRight`, and the loop under `map` and `filter`), the searches (`indexOf`,
//! `lastIndexOf`, `includes`), `join` and `toLocaleString`, the stable merge sort, and the
//! relative-index helper.
//!
//! Each algorithm exists once, generic over [`Indexed`], which says how a kind of receiver is
//! validated and how its elements are read: an Array (or any array-like object) through
//! HasProperty and Get, with holes; a TypedArray through TypedArrayGetElement, re-read at each
//! access because callbacks and coercions may shrink or detach its buffer. The methods here are
//! installed directly (`every::<ArrayLike>`), so the two prototypes have no wrapper functions.

use super::iterator::{new_iterator, IterKind, IteratorState};
use crate::heap::Gc;
use crate::runtime::object::JsObject;
use crate::runtime::shape::PropertyKey;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

/// The longest string join builds (V8's limit).
const MAX_STRING_LEN: usize = (1 << 30) - 25;

/// A receiver of the shared indexed-collection algorithms.
pub(super) trait Indexed: Copy {
    /// Whether elements may be absent: the callback methods then test HasProperty before each
    /// visit (Arrays); TypedArray methods visit every index.
    const HOLES: bool;
    /// The receiver for `this` (ToObject, or ValidateTypedArray) and its length.
    fn receiver(rt: &mut Runtime, this: Value) -> JsResult<(Self, f64)>;
    /// The object `entries`, `keys` and `values` iterate for `this` (ToObject, or
    /// ValidateTypedArray; the length is read by the iterator as it goes).
    fn iteration_target(rt: &mut Runtime, this: Value) -> JsResult<Gc<JsObject>>;
    /// The receiver's object.
    fn object(self) -> Gc<JsObject>;
    /// HasProperty(O, k).
    fn has(self, rt: &mut Runtime, k: f64) -> JsResult<bool>;
    /// Get(O, k).
    fn get(self, rt: &mut Runtime, k: f64) -> JsResult<Value>;
    /// Element `k` when it is an own data property held plainly (HasProperty is true and Get
    /// returns it, with no side effect), else `None`: the callback loops' fast path.
    fn present(self, _k: f64) -> Option<Value> {
        None
    }
    /// The first index in `k..end` that may hold an element (`end` if none), skipping indices
    /// that are certainly absent with no observable effect.
    fn next_candidate(self, k: f64, _end: f64) -> f64 {
        k
    }
    /// The last index at or below `k` that may hold an element (-1 if none).
    fn prev_candidate(self, k: f64) -> f64 {
        k
    }
    /// The answer of a search when it can be found without running any script (a fast path).
    fn quick_search(self, _rt: &Runtime, _mode: Search, _target: Value, _from: f64, _len: f64) -> Option<Value> {
        None
    }
    /// The join of `len` elements with `sep` (each element's `toLocaleString()` if `locale`).
    fn join_elements(self, rt: &mut Runtime, len: f64, sep: &[u16], locale: bool) -> JsResult<Value> {
        let units = join_loop(rt, self, len, sep, locale)?;
        Ok(rt.new_string(units))
    }
}

/// A number value for an integral `f64`.
#[inline]
pub(super) fn num(n: f64) -> Value {
    Value::from_f64(n)
}

/// Resolves a relative index (`ToIntegerOrInfinity` already applied) against `len`.
pub(super) fn relative(rel: f64, len: f64) -> f64 {
    if rel < 0.0 {
        (len + rel).max(0.0)
    } else {
        rel.min(len)
    }
}

/// `v` if callable, else a TypeError.
pub(super) fn require_callable(rt: &mut Runtime, v: Value) -> JsResult<Value> {
    if !rt.is_callable(v) {
        let d = rt.describe_for_error(v);
        return Err(rt.type_error(format!("{d} is not a function")));
    }
    Ok(v)
}

/// A sort comparator must be undefined or callable.
pub(super) fn require_comparator(rt: &mut Runtime, c: Value) -> JsResult<()> {
    if !c.is_undefined() && !rt.is_callable(c) {
        return Err(rt.type_error("The comparison function must be either a function or undefined"));
    }
    Ok(())
}

/// Runs `f` as one step of a loop: values kept during the step are released afterwards.
pub(super) fn scoped<T>(rt: &mut Runtime, f: impl FnOnce(&mut Runtime) -> JsResult<T>) -> JsResult<T> {
    let mark = rt.kept.len();
    let r = f(rt);
    rt.kept.truncate(mark);
    r
}

/// `at(index)`.
pub(super) fn at<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (c, len) = C::receiver(rt, a.this)?;
    let rel = rt.to_integer_or_infinity(a.arg(0))?;
    let k = if rel >= 0.0 { rel } else { len + rel };
    if k < 0.0 || k >= len {
        return Ok(Value::UNDEFINED);
    }
    c.get(rt, k)
}

fn iterator<C: Indexed>(rt: &mut Runtime, a: &CallArgs, kind: IterKind) -> JsResult<Value> {
    let o = C::iteration_target(rt, a.this)?;
    Ok(new_iterator(rt, Intrinsic::ArrayIteratorPrototype, IteratorState::Array { target: Value::object(o), index: 0, kind }))
}

/// `entries()`.
pub(super) fn entries<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    iterator::<C>(rt, a, IterKind::Entries)
}

/// `keys()`.
pub(super) fn keys<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    iterator::<C>(rt, a, IterKind::Keys)
}

/// `values()` (also `[Symbol.iterator]`).
pub(super) fn values<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    iterator::<C>(rt, a, IterKind::Values)
}

/// Calls `cb(value, k, O)` for each element in ascending order (present ones only, for
/// receivers with holes) and hands `visit` the index, the value and the callback's result;
/// `visit` returns whether to stop. Returns whether the loop stopped early.
pub(super) fn each_callback<C: Indexed>(
    rt: &mut Runtime,
    c: C,
    len: f64,
    cb: Value,
    this_arg: Value,
    mut visit: impl FnMut(&mut Runtime, f64, Value, Value) -> JsResult<bool>,
) -> JsResult<bool> {
    let o = Value::object(c.object());
    let mut k = 0.0;
    while k < len {
        let present = c.present(k);
        if present.is_none() {
            k = c.next_candidate(k, len);
            if k >= len {
                break;
            }
        }
        let stop = scoped(rt, |rt| {
            let v = match present {
                Some(v) => v,
                None => {
                    if C::HOLES && !c.has(rt, k)? {
                        return Ok(false);
                    }
                    c.get(rt, k)?
                }
            };
            rt.keep(v);
            let r = rt.call(cb, this_arg, &[v, num(k), o])?;
            visit(rt, k, v, r)
        })?;
        if stop {
            return Ok(true);
        }
        k += 1.0;
    }
    Ok(false)
}

/// What `every`, `some` and `forEach` do with each callback result.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Test {
    ForEach,
    Every,
    Some,
}

fn test_each<C: Indexed>(rt: &mut Runtime, a: &CallArgs, mode: Test) -> JsResult<Value> {
    let (c, len) = C::receiver(rt, a.this)?;
    let cb = require_callable(rt, a.arg(0))?;
    let stopped = each_callback(rt, c, len, cb, a.arg(1), |rt, _, _, r| {
        Ok(match mode {
            Test::ForEach => false,
            Test::Every => !rt.to_boolean(r),
            Test::Some => rt.to_boolean(r),
        })
    })?;
    Ok(match mode {
        Test::ForEach => Value::UNDEFINED,
        Test::Every => Value::bool(!stopped),
        Test::Some => Value::bool(stopped),
    })
}

/// `every(callback, thisArg)`.
pub(super) fn every<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    test_each::<C>(rt, a, Test::Every)
}

/// `some(callback, thisArg)`.
pub(super) fn some<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    test_each::<C>(rt, a, Test::Some)
}

/// `forEach(callback, thisArg)`.
pub(super) fn for_each<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    test_each::<C>(rt, a, Test::ForEach)
}

/// FindViaPredicate: (index, value) of the first match in either direction, (-1, undefined)
/// if none. Every index is visited, holes included.
fn find_via_predicate<C: Indexed>(rt: &mut Runtime, a: &CallArgs, ascending: bool) -> JsResult<(f64, Value)> {
    let (c, len) = C::receiver(rt, a.this)?;
    let pred = require_callable(rt, a.arg(0))?;
    let this_arg = a.arg(1);
    let o = Value::object(c.object());
    let mut i = 0.0;
    while i < len {
        let k = if ascending { i } else { len - 1.0 - i };
        let hit = scoped(rt, |rt| {
            let v = c.get(rt, k)?;
            rt.keep(v);
            let r = rt.call(pred, this_arg, &[v, num(k), o])?;
            Ok(rt.to_boolean(r).then_some(v))
        })?;
        if let Some(v) = hit {
            return Ok((k, v));
        }
        i += 1.0;
    }
    Ok((-1.0, Value::UNDEFINED))
}

/// `find(predicate, thisArg)`.
pub(super) fn find<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(find_via_predicate::<C>(rt, a, true)?.1)
}

/// `findIndex(predicate, thisArg)`.
pub(super) fn find_index<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(num(find_via_predicate::<C>(rt, a, true)?.0))
}

/// `findLast(predicate, thisArg)`.
pub(super) fn find_last<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(find_via_predicate::<C>(rt, a, false)?.1)
}

/// `findLastIndex(predicate, thisArg)`.
pub(super) fn find_last_index<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(num(find_via_predicate::<C>(rt, a, false)?.0))
}

/// Which search, and so how elements are compared and absent ones treated.
#[derive(Copy, Clone, PartialEq, Eq)]
pub(super) enum Search {
    /// IsStrictlyEqual over present elements.
    IndexOf,
    /// IsStrictlyEqual over present elements, from the end.
    LastIndexOf,
    /// SameValueZero over every index (absent ones read as undefined).
    Includes,
}

fn search<C: Indexed>(rt: &mut Runtime, a: &CallArgs, mode: Search) -> JsResult<Value> {
    let not_found = if mode == Search::Includes { Value::FALSE } else { Value::int(-1) };
    let (c, len) = C::receiver(rt, a.this)?;
    if len == 0.0 {
        return Ok(not_found);
    }
    let target = a.arg(0);
    let matches =
        |rt: &Runtime, v: Value| if mode == Search::Includes { rt.same_value_zero(v, target) } else { rt.strict_equals(v, target) };
    let found = |k: f64| if mode == Search::Includes { Value::TRUE } else { num(k) };
    if mode == Search::LastIndexOf {
        let n = if a.args.len() > 1 { rt.to_integer_or_infinity(a.arg(1))? } else { len - 1.0 };
        if n == f64::NEG_INFINITY {
            return Ok(not_found);
        }
        let mut k = if n >= 0.0 { n.min(len - 1.0) } else { len + n };
        if let Some(r) = c.quick_search(rt, mode, target, k, len) {
            return Ok(r);
        }
        while k >= 0.0 {
            k = c.prev_candidate(k);
            if k < 0.0 {
                break;
            }
            if c.has(rt, k)? {
                let v = c.get(rt, k)?;
                if matches(rt, v) {
                    return Ok(found(k));
                }
            }
            k -= 1.0;
        }
        return Ok(not_found);
    }
    let n = rt.to_integer_or_infinity(a.arg(1))?;
    if n == f64::INFINITY {
        return Ok(not_found);
    }
    let mut k = if n >= 0.0 { n } else { (len + n).max(0.0) };
    if let Some(r) = c.quick_search(rt, mode, target, k, len) {
        return Ok(r);
    }
    let includes = mode == Search::Includes;
    while k < len {
        // includes reads absent elements as undefined, so it may only skip when not looking for it.
        if !includes || !target.is_undefined() {
            k = c.next_candidate(k, len);
            if k >= len {
                break;
            }
        }
        if !includes && !c.has(rt, k)? {
            k += 1.0;
            continue;
        }
        let v = c.get(rt, k)?;
        if matches(rt, v) {
            return Ok(found(k));
        }
        k += 1.0;
    }
    Ok(not_found)
}

/// `includes(searchElement, fromIndex)`.
pub(super) fn includes<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    search::<C>(rt, a, Search::Includes)
}

/// `indexOf(searchElement, fromIndex)`.
pub(super) fn index_of<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    search::<C>(rt, a, Search::IndexOf)
}

/// `lastIndexOf(searchElement, fromIndex)`.
pub(super) fn last_index_of<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    search::<C>(rt, a, Search::LastIndexOf)
}

/// reduce and reduceRight.
fn reduce_impl<C: Indexed>(rt: &mut Runtime, a: &CallArgs, ascending: bool) -> JsResult<Value> {
    let (c, len) = C::receiver(rt, a.this)?;
    let cb = require_callable(rt, a.arg(0))?;
    let has_initial = a.args.len() > 1;
    if len == 0.0 && !has_initial {
        return Err(rt.type_error("Reduce of empty array with no initial value"));
    }
    let o = Value::object(c.object());
    // Steps run over i = 0..len; k is the index visited.
    let at = |i: f64| if ascending { i } else { len - 1.0 - i };
    let next = |i: f64| if ascending { c.next_candidate(i, len) } else { len - 1.0 - c.prev_candidate(len - 1.0 - i) };
    let mut i = 0.0;
    let slot = rt.kept.len();
    rt.keep(Value::UNDEFINED);
    if has_initial {
        rt.kept[slot] = a.arg(1);
    } else {
        let mut present = false;
        while !present && i < len {
            i = next(i);
            if i >= len {
                break;
            }
            let k = at(i);
            present = !C::HOLES || c.has(rt, k)?;
            if present {
                let v = c.get(rt, k)?;
                rt.kept[slot] = v;
            }
            i += 1.0;
        }
        if !present {
            return Err(rt.type_error("Reduce of empty array with no initial value"));
        }
    }
    while i < len {
        i = next(i);
        if i >= len {
            break;
        }
        let k = at(i);
        scoped(rt, |rt| {
            let v = match c.present(k) {
                Some(v) => Some(v),
                None if !C::HOLES || c.has(rt, k)? => Some(c.get(rt, k)?),
                None => None,
            };
            if let Some(v) = v {
                rt.keep(v);
                let acc = rt.kept[slot];
                let r = rt.call(cb, Value::UNDEFINED, &[acc, v, num(k), o])?;
                rt.kept[slot] = r;
            }
            Ok(())
        })?;
        i += 1.0;
    }
    Ok(rt.kept[slot])
}

/// `reduce(callback, initialValue)`.
pub(super) fn reduce<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    reduce_impl::<C>(rt, a, true)
}

/// `reduceRight(callback, initialValue)`.
pub(super) fn reduce_right<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    reduce_impl::<C>(rt, a, false)
}

/// `join(separator)`.
pub(super) fn join<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (c, len) = C::receiver(rt, a.this)?;
    let sep: Vec<u16> = if a.arg(0).is_undefined() { vec![b',' as u16] } else { rt.to_string(a.arg(0))?.units().to_vec() };
    c.join_elements(rt, len, &sep, false)
}

/// `toLocaleString()`: the elements' `toLocaleString()` results joined with commas.
pub(super) fn to_locale_string<C: Indexed>(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let (c, len) = C::receiver(rt, a.this)?;
    c.join_elements(rt, len, &[b',' as u16], true)
}

/// The join loop: elements that are undefined or null (or absent) add only their separators.
pub(super) fn join_loop<C: Indexed>(rt: &mut Runtime, c: C, len: f64, sep: &[u16], locale: bool) -> JsResult<Vec<u16>> {
    let mut r: Vec<u16> = Vec::new();
    let lk = rt.key("toLocaleString");
    if let PropertyKey::String(ks) = lk {
        rt.keep(Value::string(ks));
    }
    let mut k = 0.0;
    while k < len {
        let next = c.next_candidate(k, len);
        if next > k {
            let seps = next - k - if k == 0.0 { 1.0 } else { 0.0 };
            if r.len() as f64 + seps * sep.len() as f64 > MAX_STRING_LEN as f64 {
                return Err(rt.range_error("Invalid string length"));
            }
            if !sep.is_empty() {
                for _ in 0..seps as usize {
                    r.extend_from_slice(sep);
                }
            }
            k = next;
            if k >= len {
                break;
            }
        }
        if k > 0.0 {
            r.extend_from_slice(sep);
        }
        scoped(rt, |rt| {
            let v = c.get(rt, k)?;
            if v.is_nullish() {
                return Ok(());
            }
            rt.keep(v);
            let s = if locale {
                let x = rt.invoke(v, lk, &[])?;
                rt.to_string(x)?
            } else {
                rt.to_string(v)?
            };
            r.extend_from_slice(s.units());
            Ok(())
        })?;
        if r.len() > MAX_STRING_LEN {
            return Err(rt.range_error("Invalid string length"));
        }
        k += 1.0;
    }
    Ok(r)
}

/// A stable merge sort whose comparison (`gt(x, y)`: x goes after y) may throw; the sort
/// stops at the first error.
pub(super) fn merge_sort<T: Copy>(rt: &mut Runtime, v: &mut [T], gt: &mut dyn FnMut(&mut Runtime, T, T) -> JsResult<bool>) -> JsResult<()> {
    const RUN: usize = 8;
    let n = v.len();
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let x = v[i];
            let mut j = i;
            while j > start && gt(rt, v[j - 1], x)? {
                v[j] = v[j - 1];
                j -= 1;
            }
            v[j] = x;
        }
        start = end;
    }
    let mut buf: Vec<T> = v.to_vec();
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid >= hi || !gt(rt, v[mid - 1], v[mid])? {
                buf[lo..hi].copy_from_slice(&v[lo..hi]);
            } else {
                let (mut a, mut b, mut o) = (lo, mid, lo);
                while a < mid && b < hi {
                    if gt(rt, v[a], v[b])? {
                        buf[o] = v[b];
                        b += 1;
                    } else {
                        buf[o] = v[a];
                        a += 1;
                    }
                    o += 1;
                }
                buf[o..o + (mid - a)].copy_from_slice(&v[a..mid]);
                o += mid - a;
                buf[o..o + (hi - b)].copy_from_slice(&v[b..hi]);
            }
            lo = hi;
        }
        v.copy_from_slice(&buf);
        width *= 2;
    }
    Ok(())
}
