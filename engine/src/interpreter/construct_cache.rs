//! The `this` cache of `new`: one small table per runtime, from a constructor to the shape of
//! the objects `new` makes for it (OrdinaryCreateFromConstructor), so that a `new` the
//! compiled code does not make in place (the interpreter's, `jit_construct`'s,
//! `jit_create_this`'s) reads no `prototype` property.
//!
//! An entry holds while the constructor keeps its shape and the `prototype` slot of that shape
//! the prototype it had: the object's shape is then the prototype's root shape. Entries are
//! not traced: the collector empties the table ([`ConstructCache::clear`]), so a freed cell's
//! address, reused, can never hit.

use crate::heap::Gc;
use crate::runtime::object::JsObject;
use crate::runtime::shape::{PropertyKey, Shape};
use crate::value::Value;

const SIZE: usize = 64;

#[derive(Clone, Copy)]
struct Entry {
    ctor: Gc<JsObject>,
    ctor_shape: Gc<Shape>,
    slot: u32,
    proto: Gc<JsObject>,
    shape: Gc<Shape>,
}

/// The table.
pub struct ConstructCache {
    entries: [Option<Entry>; SIZE],
}

impl Default for ConstructCache {
    fn default() -> ConstructCache {
        ConstructCache { entries: [None; SIZE] }
    }
}

fn index(ctor: Gc<JsObject>) -> usize {
    (ctor.addr() >> 4) % SIZE
}

impl ConstructCache {
    /// The shape of the object `new` makes for constructor `ctor`, if cached and still right.
    #[inline]
    pub fn lookup(&self, ctor: Gc<JsObject>) -> Option<Gc<Shape>> {
        let e = self.entries[index(ctor)]?;
        (e.ctor == ctor && ctor.shape == e.ctor_shape && ctor.slots[e.slot as usize] == Value::object(e.proto)).then_some(e.shape)
    }

    /// Records that `new` of `ctor` made an object of `shape`, the root shape of `proto`, the
    /// value of `ctor`'s `prototype` (the key `key`) when that is an own data property.
    pub fn insert(&mut self, ctor: Gc<JsObject>, key: PropertyKey, proto: Gc<JsObject>, shape: Gc<Shape>) {
        let Some(slot) = super::call::own_data_slot(ctor, key) else { return };
        if ctor.slots[slot as usize] == Value::object(proto) {
            self.entries[index(ctor)] = Some(Entry { ctor, ctor_shape: ctor.shape, slot, proto, shape });
        }
    }

    /// Forgets everything (before cells are freed).
    pub fn clear(&mut self) {
        self.entries.fill(None);
    }
}
