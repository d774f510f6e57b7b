//! [`Persistent`]: a JavaScript value held by Rust across calls.
//!
//! A plain [`Value`] is only valid until the runtime next runs JavaScript (the collector may
//! free what nothing else references). A `Persistent` is a root: the value stays alive until
//! the last clone of the handle is dropped. It records which runtime made it; using it with
//! another runtime is an error (a `TypeError`), never undefined behaviour, and a handle that
//! outlives its runtime can no longer be used at all (no runtime has its id).

use crate::api::convert::{FromJs, IntoJs, IntoJsArgs};
use crate::runtime::shape::PropertyKey;
use crate::runtime::{JsResult, Runtime};
use crate::value::Value;
use crate::JsError;
use std::cell::RefCell;
use std::rc::Rc;

/// Slots whose handles were dropped, shared between a runtime and its handles.
pub(crate) type DropQueue = Rc<RefCell<Vec<usize>>>;

struct Slot {
    runtime_id: u64,
    index: usize,
    dropped: DropQueue,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.dropped.borrow_mut().push(self.index);
    }
}

/// A rooted JavaScript value owned by Rust (cloning shares the root).
///
/// ```
/// let mut rt = jolt::RuntimeBuilder::new().gc_stress(1).build();
/// let obj = rt.eval_as::<jolt::Persistent>("({ hits: 0, hit() { return ++this.hits; } })", "main.js").unwrap();
/// rt.eval("for (let i = 0; i < 100; i++) ({ garbage: [i] })", "gc.js").unwrap();
/// obj.set(&mut rt, "hits", 41).unwrap();
/// assert_eq!(obj.call_method::<i32>(&mut rt, "hit", ()).unwrap(), 42);
/// ```
#[derive(Clone)]
pub struct Persistent(Rc<Slot>);

impl std::fmt::Debug for Persistent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Persistent(runtime {}, slot {})", self.0.runtime_id, self.0.index)
    }
}

/// Frees the slots of dropped handles (at a collection, and before allocating a slot).
pub(crate) fn release_dropped(rt: &mut Runtime) {
    let dropped = std::mem::take(&mut *rt.api.dropped.borrow_mut());
    for i in dropped {
        rt.persistent[i] = None;
        rt.api.free_slots.push(i);
    }
}

impl Runtime {
    /// Roots `v` in a handle that keeps it alive until dropped.
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// let v = rt.eval("[1, 2]", "t.js").unwrap();
    /// let h = rt.persist(v);
    /// assert_eq!(h.get::<Vec<i32>>(&mut rt).unwrap(), [1, 2]);
    /// ```
    pub fn persist(&mut self, v: Value) -> Persistent {
        release_dropped(self);
        let index = match self.api.free_slots.pop() {
            Some(i) => {
                self.persistent[i] = Some(v);
                i
            }
            None => {
                self.persistent.push(Some(v));
                self.persistent.len() - 1
            }
        };
        Persistent(Rc::new(Slot { runtime_id: self.id, index, dropped: self.api.dropped.clone() }))
    }

    /// The global object, as a handle.
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// let g = rt.global();
    /// g.set(&mut rt, "answer", 42).unwrap();
    /// assert_eq!(rt.eval_as::<i32>("answer", "t.js").unwrap(), 42);
    /// ```
    pub fn global(&mut self) -> Persistent {
        let g = Value::object(self.global_object());
        self.persist(g)
    }

    /// A new empty object, as a handle.
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// let o = rt.new_object();
    /// o.set(&mut rt, "a", "x").unwrap();
    /// assert_eq!(o.get_property::<String>(&mut rt, "a").unwrap(), "x");
    /// ```
    pub fn new_object(&mut self) -> Persistent {
        let o = Value::object(self.new_plain_object());
        self.persist(o)
    }

    /// Converts `items` into a new array, as a handle.
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// let a = rt.new_array_from(vec![1, 2, 3]).unwrap();
    /// a.call_method::<usize>(&mut rt, "push", (4,)).unwrap();
    /// assert_eq!(a.get_property::<u32>(&mut rt, "length").unwrap(), 4);
    /// ```
    pub fn new_array_from<T: IntoJs>(&mut self, items: Vec<T>) -> Result<Persistent, JsError> {
        self.entry(|rt| {
            let v = items.into_js(rt)?;
            Ok(rt.persist(v))
        })
    }
}

impl Persistent {
    /// The value, checked to belong to `rt` (a `TypeError` otherwise).
    pub(crate) fn get_raw(&self, rt: &mut Runtime) -> JsResult<Value> {
        if self.0.runtime_id != rt.id {
            return Err(rt.type_error("a Persistent handle was used with a runtime other than the one that created it"));
        }
        Ok(rt.persistent[self.0.index].expect("a live handle's slot is set"))
    }

    /// The raw value (valid until the next call into JavaScript; the handle keeps it alive
    /// as long as the handle lives). Fails when `rt` is not the handle's runtime.
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// let h = rt.eval_as::<jolt::Persistent>("7", "t.js").unwrap();
    /// assert_eq!(h.value(&mut rt).unwrap().as_number(), Some(7.0));
    /// let mut other = jolt::Runtime::new();
    /// assert!(h.value(&mut other).is_err());
    /// ```
    pub fn value(&self, rt: &mut Runtime) -> Result<Value, JsError> {
        rt.entry(|rt| self.get_raw(rt))
    }

    /// The id of the runtime that owns the value.
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// assert_eq!(rt.new_object().runtime_id(), rt.id());
    /// ```
    pub fn runtime_id(&self) -> u64 {
        self.0.runtime_id
    }

    /// Converts the value.
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// let h = rt.eval_as::<jolt::Persistent>("'text'", "t.js").unwrap();
    /// assert_eq!(h.get::<String>(&mut rt).unwrap(), "text");
    /// ```
    pub fn get<T: FromJs>(&self, rt: &mut Runtime) -> Result<T, JsError> {
        rt.entry(|rt| {
            let v = self.get_raw(rt)?;
            T::from_js(rt, v)
        })
    }

    /// Reads property `key` (JavaScript `value[key]`, running getters).
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// let h = rt.eval_as::<jolt::Persistent>("({ get x() { return 5; } })", "t.js").unwrap();
    /// assert_eq!(h.get_property::<i32>(&mut rt, "x").unwrap(), 5);
    /// ```
    pub fn get_property<T: FromJs>(&self, rt: &mut Runtime, key: &str) -> Result<T, JsError> {
        rt.entry(|rt| {
            let v = self.get_raw(rt)?;
            rt.get_as(v, key)
        })
    }

    /// Sets property `key` (JavaScript `value[key] = x` in strict mode: a failed assignment
    /// throws).
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// let h = rt.eval_as::<jolt::Persistent>("Object.freeze({})", "t.js").unwrap();
    /// assert!(h.set(&mut rt, "x", 1).is_err());
    /// ```
    pub fn set(&self, rt: &mut Runtime, key: &str, x: impl IntoJs) -> Result<(), JsError> {
        rt.entry(|rt| {
            let v = self.get_raw(rt)?;
            let k = rt.key(key);
            rt.set_as(v, k, x)
        })
    }

    /// Sets element `index` (JavaScript `value[index] = x`).
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// let a = rt.new_array_from(Vec::<i32>::new()).unwrap();
    /// a.set_index(&mut rt, 2, "c").unwrap();
    /// assert_eq!(a.get::<Vec<Option<String>>>(&mut rt).unwrap(), [None, None, Some("c".to_string())]);
    /// ```
    pub fn set_index(&self, rt: &mut Runtime, index: u32, x: impl IntoJs) -> Result<(), JsError> {
        rt.entry(|rt| {
            let v = self.get_raw(rt)?;
            let k = if index == u32::MAX { rt.key(&index.to_string()) } else { PropertyKey::Index(index) };
            rt.set_as(v, k, x)
        })
    }

    /// Calls the value as a function (with `this` undefined).
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// let f = rt.eval_as::<jolt::Persistent>("(a, b) => a * b", "t.js").unwrap();
    /// assert_eq!(f.call::<f64>(&mut rt, (6, 7)).unwrap(), 42.0);
    /// ```
    pub fn call<R: FromJs>(&self, rt: &mut Runtime, args: impl IntoJsArgs) -> Result<R, JsError> {
        rt.entry(|rt| {
            let f = self.get_raw(rt)?;
            rt.call_value_as(f, Value::UNDEFINED, args)
        })
    }

    /// Calls method `name` of the value (with the value as `this`).
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// let s = rt.eval_as::<jolt::Persistent>("'a,b'", "t.js").unwrap();
    /// assert_eq!(s.call_method::<Vec<String>>(&mut rt, "split", (",",)).unwrap(), ["a", "b"]);
    /// ```
    pub fn call_method<R: FromJs>(&self, rt: &mut Runtime, name: &str, args: impl IntoJsArgs) -> Result<R, JsError> {
        rt.entry(|rt| {
            let this = self.get_raw(rt)?;
            let f = rt.get_as::<Value>(this, name)?;
            rt.with_kept(f, |rt| rt.call_value_as(f, this, args))
        })
    }
}
