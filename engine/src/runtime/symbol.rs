//! [`Symbol`] cells.

use crate::heap::{CellHeader, CellKind, Marker, Trace};
use crate::value::Value;

/// A symbol: an identity with an optional description.
#[repr(C)]
pub struct Symbol {
    header: CellHeader,
    /// The description (a string value) or undefined.
    pub description: Value,
    /// Is this a `Symbol.for` registry symbol?
    pub registered: bool,
    /// Is this a private name (`#x`)? Private names are property keys that never appear in
    /// reflection.
    pub private: bool,
}

impl Symbol {
    /// A new symbol cell.
    pub fn new(description: Value, registered: bool, private: bool) -> Symbol {
        Symbol { header: CellHeader::new::<Symbol>(), description, registered, private }
    }
}

impl Trace for Symbol {
    const KIND: CellKind = CellKind::Symbol;
    fn trace(&self, m: &mut Marker) {
        m.value(self.description);
    }
}
