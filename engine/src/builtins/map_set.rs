//! `Map`, `Set`, `WeakMap`, `WeakSet` (being filled in).

use crate::heap::Marker;
use crate::runtime::{JsResult, Runtime};
use crate::value::Value;

pub(crate) fn install(_rt: &mut Runtime) {}

/// Insertion-ordered hash table keyed by SameValueZero.
#[derive(Default)]
pub struct OrderedMap {
    entries: Vec<Option<(Value, Value)>>,
}

impl OrderedMap {
    pub(crate) fn trace(&self, m: &mut Marker) {
        for (k, v) in self.entries.iter().flatten() {
            m.value(*k);
            m.value(*v);
        }
    }
    /// Live entries in order.
    pub fn live_entries(&self) -> Vec<(Value, Value)> {
        self.entries.iter().flatten().copied().collect()
    }
}

/// An ephemeron table.
#[derive(Default)]
pub struct WeakTable {
    entries: Vec<(Value, Value)>,
}

impl WeakTable {
    pub(crate) fn mark_live_values(&self, m: &mut Marker) -> bool {
        let _ = m;
        let _ = &self.entries;
        false
    }
    pub(crate) fn retain_marked(&mut self) {}
}

/// GroupBy: (key, values) groups in first-seen order.
pub(crate) fn group_by(rt: &mut Runtime, _items: Value, _cb: Value, _property_keys: bool) -> JsResult<Vec<(Value, Vec<Value>)>> {
    Err(rt.type_error("groupBy is not implemented yet"))
}
