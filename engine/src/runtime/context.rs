//! [`Context`]: a heap-allocated environment for bindings that closures capture.
//!
//! The layout is explicit (`repr(C)`, a parent address and a slot pointer) because compiled
//! code walks the chain and reads and writes slots inline: see [`Context::PARENT_OFFSET`] and
//! [`Context::SLOTS_OFFSET`].

use crate::heap::{CellHeader, CellKind, Gc, Marker, Trace};
use crate::value::Value;

/// One level of captured bindings; `parent` is the enclosing level.
#[repr(C)]
pub struct Context {
    header: CellHeader,
    /// The enclosing context's address, or 0.
    parent: usize,
    /// The bindings (the hole marks an uninitialised `let`/`const`).
    pub slots: ContextSlots,
}

impl Context {
    /// Offset of the parent's address (0 when there is none).
    pub const PARENT_OFFSET: usize = std::mem::offset_of!(Context, parent);
    /// Offset of the pointer to the first slot.
    pub const SLOTS_OFFSET: usize = std::mem::offset_of!(Context, slots) + std::mem::offset_of!(ContextSlots, ptr);

    /// A context of `n` uninitialised slots.
    pub fn new(parent: Option<Gc<Context>>, n: usize) -> Context {
        let slots = Box::into_raw(vec![Value::HOLE; n].into_boxed_slice());
        Context {
            header: CellHeader::new::<Context>(),
            parent: parent.map_or(0, |p| p.addr()),
            slots: ContextSlots { ptr: slots as *mut Value, len: n },
        }
    }

    /// The enclosing context.
    pub fn parent(&self) -> Option<Gc<Context>> {
        (self.parent != 0).then(|| Gc::from_addr(self.parent))
    }
}

/// A context's slots: a boxed slice kept as a (pointer, length) pair with a known layout.
#[repr(C)]
pub struct ContextSlots {
    ptr: *mut Value,
    len: usize,
}

impl std::ops::Deref for ContextSlots {
    type Target = [Value];
    fn deref(&self) -> &[Value] {
        // SAFETY: `ptr` and `len` come from a boxed slice this value owns (see `Context::new`).
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl std::ops::DerefMut for ContextSlots {
    fn deref_mut(&mut self) -> &mut [Value] {
        // SAFETY: as in `deref`; `&mut self` makes the access unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl Drop for ContextSlots {
    fn drop(&mut self) {
        // SAFETY: `ptr` and `len` are the parts of the boxed slice made in `Context::new`,
        // dropped only here.
        drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(self.ptr, self.len)) });
    }
}

impl Trace for Context {
    const KIND: CellKind = CellKind::Context;
    fn trace(&self, m: &mut Marker) {
        m.opt(self.parent());
        self.slots.iter().for_each(|v| m.value(*v));
    }
}
