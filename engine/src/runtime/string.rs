//! [`JsString`]: JavaScript strings as UTF-16 code units (lone surrogates allowed), with
//! ropes so that repeated concatenation is linear.

use crate::heap::{CellHeader, CellKind, Gc, Marker, Trace};
use std::cell::{Cell, UnsafeCell};

/// Ropes shorter than this are flattened at once: copying is cheaper than a tree.
pub const ROPE_MIN: usize = 24;

enum Repr {
    Flat(Box<[u16]>),
    Rope(Gc<JsString>, Gc<JsString>),
}

/// A string cell.
#[repr(C)]
pub struct JsString {
    header: CellHeader,
    repr: UnsafeCell<Repr>,
    len: u32,
    /// Set when this string is the interned copy of its contents (a property key).
    interned: Cell<bool>,
}

impl Trace for JsString {
    const KIND: CellKind = CellKind::String;
    fn trace(&self, m: &mut Marker) {
        // SAFETY: no mutable borrow of `repr` is live during marking.
        if let Repr::Rope(a, b) = unsafe { &*self.repr.get() } {
            m.cell(*a);
            m.cell(*b);
        }
    }

    fn owned_bytes(&self) -> usize {
        // SAFETY: as in `trace`.
        match unsafe { &*self.repr.get() } {
            Repr::Flat(units) => units.len() * 2,
            Repr::Rope(..) => 0,
        }
    }
}

impl JsString {
    /// Where the length (a `u32`) lives, for compiled code.
    pub(crate) const LEN_OFFSET: i32 = std::mem::offset_of!(JsString, len) as i32;
    /// Where the interned flag (a byte, 0 or 1) lives, for compiled code.
    pub(crate) const INTERNED_OFFSET: i32 = std::mem::offset_of!(JsString, interned) as i32;

    /// A flat string cell (not yet allocated).
    pub fn flat(units: Box<[u16]>) -> JsString {
        let len = units.len() as u32;
        JsString { header: CellHeader::new::<JsString>(), repr: UnsafeCell::new(Repr::Flat(units)), len, interned: Cell::new(false) }
    }
    /// A rope cell of `a + b`.
    pub fn rope(a: Gc<JsString>, b: Gc<JsString>) -> JsString {
        let len = a.len + b.len;
        JsString { header: CellHeader::new::<JsString>(), repr: UnsafeCell::new(Repr::Rope(a, b)), len, interned: Cell::new(false) }
    }
    /// Length in UTF-16 code units.
    #[inline]
    pub fn len(&self) -> usize {
        self.len as usize
    }
    /// Is the string empty?
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// Is this the interned copy of its contents?
    #[inline]
    pub fn is_interned(&self) -> bool {
        self.interned.get()
    }
    pub(crate) fn set_interned(&self, v: bool) {
        self.interned.set(v)
    }
    /// The code units, flattening a rope first (iteratively: ropes can be very deep).
    #[inline]
    pub fn units(&self) -> &[u16] {
        // SAFETY: `repr` is only ever replaced while it is a rope (by `flatten`): a flat
        // string's units never change, so the slice is valid as long as `self`.
        if let Repr::Flat(u) = unsafe { &*self.repr.get() } {
            return u;
        }
        self.flatten()
    }
    /// [`Self::units`] of a rope: replaces it by its flat form.
    #[cold]
    #[inline(never)]
    fn flatten(&self) -> &[u16] {
        // SAFETY: the only mutation of `repr` is right here, replacing a rope by its flat form;
        // no reference to the old rope contents escapes this function.
        unsafe {
            if let Repr::Rope(..) = &*self.repr.get() {
                let mut out = Vec::with_capacity(self.len());
                let mut stack: Vec<Gc<JsString>> = Vec::new();
                if let Repr::Rope(a, b) = &*self.repr.get() {
                    stack.push(*b);
                    stack.push(*a);
                }
                while let Some(s) = stack.pop() {
                    match &*s.repr.get() {
                        Repr::Flat(u) => out.extend_from_slice(u),
                        Repr::Rope(a, b) => {
                            stack.push(*b);
                            stack.push(*a);
                        }
                    }
                }
                *self.repr.get() = Repr::Flat(out.into_boxed_slice());
            }
            match &*self.repr.get() {
                Repr::Flat(u) => u,
                Repr::Rope(..) => unreachable!("flattened above"),
            }
        }
    }
    /// The code unit at `i`.
    pub fn at(&self, i: usize) -> u16 {
        self.units()[i]
    }
    /// Converts to a Rust string (lone surrogates become U+FFFD).
    pub fn to_rust_string(&self) -> String {
        String::from_utf16_lossy(self.units())
    }
    /// Does the string equal this ASCII text?
    pub fn eq_str(&self, s: &str) -> bool {
        self.len() == s.len() && self.units().iter().zip(s.bytes()).all(|(a, b)| *a == b as u16)
    }
    /// If the string is a canonical array index (0 ..= 2^32 - 2), that index.
    pub fn as_array_index(&self) -> Option<u32> {
        array_index(self.units())
    }
}

/// Parses a canonical array index ("0", "17", not "017" or "4294967295").
pub fn array_index(u: &[u16]) -> Option<u32> {
    if u.is_empty() || u.len() > 10 || (u[0] == b'0' as u16 && u.len() > 1) {
        return None;
    }
    let mut n: u64 = 0;
    for &c in u {
        if !(b'0' as u16..=b'9' as u16).contains(&c) {
            return None;
        }
        n = n * 10 + (c - b'0' as u16) as u64;
    }
    if n < u32::MAX as u64 {
        Some(n as u32)
    } else {
        None
    }
}

/// Encodes Rust text as UTF-16.
pub fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

/// A shared empty-string helper for callers needing a `Gc<JsString>` comparison.
pub fn same_contents(a: Gc<JsString>, b: Gc<JsString>) -> bool {
    a == b || (a.len() == b.len() && a.units() == b.units())
}
