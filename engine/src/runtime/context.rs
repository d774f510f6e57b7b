//! [`Context`]: a heap-allocated environment for bindings that closures capture.

use crate::heap::{CellHeader, CellKind, Gc, Marker, Trace};
use crate::value::Value;

/// One level of captured bindings; `parent` is the enclosing level.
#[repr(C)]
pub struct Context {
    header: CellHeader,
    /// The enclosing context.
    pub parent: Option<Gc<Context>>,
    /// The bindings (the hole marks an uninitialised `let`/`const`).
    pub slots: Box<[Value]>,
}

impl Context {
    /// A context of `n` uninitialised slots.
    pub fn new(parent: Option<Gc<Context>>, n: usize) -> Context {
        Context { header: CellHeader::new::<Context>(), parent, slots: vec![Value::HOLE; n].into_boxed_slice() }
    }
}

impl Trace for Context {
    const KIND: CellKind = CellKind::Context;
    fn trace(&self, m: &mut Marker) {
        m.opt(self.parent);
        self.slots.iter().for_each(|v| m.value(*v));
    }
}
