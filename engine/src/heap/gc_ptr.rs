//! [`Gc`]: a pointer to a heap cell.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

/// A pointer to a live heap cell of type `T`.
///
/// `Gc` is `Copy` and compares by address. It is valid while the cell is reachable from a
/// root or until the next safepoint, whichever is later (see [`crate::heap`]). Dereferencing
/// is the engine's one pervasive use of raw pointers: rather than threading borrow guards
/// through every operation, engine code follows one rule, that no Rust reference into a cell
/// is held across a call that may run JavaScript or collect.
///
/// Transparent, so compiled code can load a `Gc` field as a plain address.
#[repr(transparent)]
pub struct Gc<T> {
    addr: usize,
    _t: PhantomData<*mut T>,
}

impl<T> Gc<T> {
    /// Rebuilds a pointer from an address taken from a `Value` or a `Gc`.
    #[inline]
    pub(crate) fn from_addr(addr: usize) -> Gc<T> {
        Gc { addr, _t: PhantomData }
    }
    /// The cell's address.
    #[inline]
    pub fn addr(self) -> usize {
        self.addr
    }
    /// Mutable access to the cell.
    #[inline]
    #[allow(clippy::mut_from_ref)]
    pub fn get_mut(&self) -> &mut T {
        // SAFETY: the cell is live (see the type's docs) and the engine is single-threaded per
        // runtime; callers do not keep the reference across calls that may touch the same cell.
        unsafe { &mut *(self.addr as *mut T) }
    }
    /// Has the current collection marked this cell? (For weak tables during sweep.)
    #[inline]
    pub fn is_marked(self) -> bool {
        // SAFETY: the header is the first field of every cell.
        unsafe { (*(self.addr as *const super::CellHeader)).is_marked() }
    }
}

impl<T> std::ops::Deref for Gc<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: as for `get_mut`.
        unsafe { &*(self.addr as *const T) }
    }
}

impl<T> Clone for Gc<T> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Gc<T> {}
impl<T> PartialEq for Gc<T> {
    #[inline]
    fn eq(&self, o: &Self) -> bool {
        self.addr == o.addr
    }
}
impl<T> Eq for Gc<T> {}
impl<T> Hash for Gc<T> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.addr.hash(h)
    }
}
impl<T> fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Gc({:#x})", self.addr)
    }
}
