//! The megamorphic load cache: one table per runtime, from (receiver shape, property key) to
//! where the property was found, shared by every named-load site whose own inline cache has
//! seen too many shapes (V8's megamorphic stub cache).
//!
//! Entries are not traced: the collector empties the table ([`MegamorphicCache::clear`]) so a
//! freed shape's address, reused by a new shape, can never hit.

use super::feedback::PropertyAccess;
use crate::heap::Gc;
use crate::runtime::shape::{PropertyKey, Shape};

const SIZE: usize = 1024;

#[derive(Clone, Copy)]
struct Entry {
    shape: Gc<Shape>,
    key: PropertyKey,
    access: PropertyAccess,
}

/// The table.
pub struct MegamorphicCache {
    entries: Box<[Option<Entry>]>,
}

impl Default for MegamorphicCache {
    fn default() -> MegamorphicCache {
        MegamorphicCache { entries: vec![None; SIZE].into_boxed_slice() }
    }
}

fn index(shape: Gc<Shape>, key: PropertyKey) -> usize {
    let k = match key {
        PropertyKey::String(s) => s.addr(),
        PropertyKey::Symbol(s) => s.addr(),
        PropertyKey::Index(i) => i as usize,
    };
    ((shape.addr() >> 4) ^ (k >> 3).wrapping_mul(31)) % SIZE
}

impl MegamorphicCache {
    /// Where `key` was found for receivers of `shape`, if cached.
    #[inline]
    pub fn lookup(&self, shape: Gc<Shape>, key: PropertyKey) -> Option<PropertyAccess> {
        match self.entries[index(shape, key)] {
            Some(e) if e.shape == shape && e.key == key => Some(e.access),
            _ => None,
        }
    }

    /// Caches `access` for (`shape`, `key`), replacing whatever shared its line.
    #[inline]
    pub fn insert(&mut self, shape: Gc<Shape>, key: PropertyKey, access: PropertyAccess) {
        self.entries[index(shape, key)] = Some(Entry { shape, key, access });
    }

    /// Forgets everything (before cells are freed).
    pub fn clear(&mut self) {
        self.entries.fill(None);
    }
}
