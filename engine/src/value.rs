//! The NaN-boxed [`Value`]: every JavaScript value in 64 bits.
//!
//! Encoding (the JIT tiers emit code against it; keep this table true):
//!
//! ```text
//! bits 63..48   meaning                         payload (bits 47..0)
//! < 0xFFF9      a double, stored as its IEEE bits (canonical NaN = 0x7FF8_0000_0000_0000)
//! 0xFFF9        int32                           low 32 bits, two's complement
//! 0xFFFA        immediate                       0 undefined, 1 null, 2 false, 3 true, 4 hole
//! 0xFFFB        (never a value)                 JIT sentinels: 0 exception pending, 1 not handled
//! 0xFFFC        object pointer                  address of a `JsObject` cell
//! 0xFFFD        string pointer                  address of a `JsString` cell
//! 0xFFFE        symbol pointer                  address of a `Symbol` cell
//! 0xFFFF        internal cell pointer           address of any other heap cell (contexts, ...)
//! ```
//!
//! Any double whose bits would fall in 0xFFF9.. (a negative NaN with payload) is replaced by
//! the canonical NaN when boxed, so "is a double" is one unsigned compare: `bits < 0xFFF9 << 48`.
//! Pointers are 48-bit user-space addresses (x86-64 and AArch64 Linux/macOS).

use crate::heap::{CellHeader, Gc};
use crate::runtime::object::JsObject;
use crate::runtime::string::JsString;
use crate::runtime::symbol::Symbol;
use std::fmt;

const TAG_SHIFT: u64 = 48;
const TAG_INT: u64 = 0xFFF9;
const TAG_IMM: u64 = 0xFFFA;
const TAG_OBJECT: u64 = 0xFFFC;
const TAG_STRING: u64 = 0xFFFD;
const TAG_SYMBOL: u64 = 0xFFFE;
const TAG_CELL: u64 = 0xFFFF;
const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
/// The first bit pattern that is not a double.
pub const FIRST_TAGGED: u64 = TAG_INT << TAG_SHIFT;
/// Bits of the canonical NaN.
pub const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

/// A JavaScript value (see the module docs for the encoding).
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

impl Value {
    /// `undefined`.
    pub const UNDEFINED: Value = Value(TAG_IMM << TAG_SHIFT);
    /// `null`.
    pub const NULL: Value = Value((TAG_IMM << TAG_SHIFT) | 1);
    /// `false`.
    pub const FALSE: Value = Value((TAG_IMM << TAG_SHIFT) | 2);
    /// `true`.
    pub const TRUE: Value = Value((TAG_IMM << TAG_SHIFT) | 3);
    /// The hole: an absent array element or an uninitialised (TDZ) binding. Never visible to
    /// JavaScript.
    pub const HOLE: Value = Value((TAG_IMM << TAG_SHIFT) | 4);

    /// Raw bits (for the JIT and hashing).
    #[inline]
    pub fn to_bits(self) -> u64 {
        self.0
    }
    /// Rebuilds a value from [`Value::to_bits`].
    #[inline]
    pub fn from_bits(bits: u64) -> Value {
        Value(bits)
    }

    /// Boxes a double, canonicalising NaN.
    #[inline]
    pub fn number(d: f64) -> Value {
        if d.is_nan() {
            Value(CANONICAL_NAN)
        } else {
            Value(d.to_bits())
        }
    }
    /// Boxes a double, using the int32 representation when it is exactly an int32 (not -0).
    #[inline]
    pub fn from_f64(d: f64) -> Value {
        let i = d as i32;
        if i as f64 == d && (i != 0 || d.to_bits() == 0) {
            Value::int(i)
        } else {
            Value::number(d)
        }
    }
    /// Boxes an int32.
    #[inline]
    pub fn int(i: i32) -> Value {
        Value((TAG_INT << TAG_SHIFT) | (i as u32 as u64))
    }
    /// A boolean.
    #[inline]
    pub fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }
    #[inline]
    fn tag(self) -> u64 {
        self.0 >> TAG_SHIFT
    }
    /// Is this a double (not an int32)?
    #[inline]
    pub fn is_double(self) -> bool {
        self.0 < FIRST_TAGGED
    }
    /// Is this an int32?
    #[inline]
    pub fn is_int(self) -> bool {
        self.tag() == TAG_INT
    }
    /// Is this a number (double or int32)?
    #[inline]
    pub fn is_number(self) -> bool {
        self.0 < FIRST_TAGGED || self.tag() == TAG_INT
    }
    /// The int32 payload, if this is an int32.
    #[inline]
    pub fn as_int(self) -> Option<i32> {
        if self.is_int() {
            Some(self.0 as u32 as i32)
        } else {
            None
        }
    }
    /// The int32 payload; the caller has checked [`Value::is_int`].
    #[inline]
    pub fn int_unchecked(self) -> i32 {
        self.0 as u32 as i32
    }
    /// The double payload; the caller has checked [`Value::is_double`].
    #[inline]
    pub fn double_unchecked(self) -> f64 {
        f64::from_bits(self.0)
    }
    /// The numeric value, if this is a number.
    #[inline]
    pub fn as_number(self) -> Option<f64> {
        if self.is_double() {
            Some(f64::from_bits(self.0))
        } else if self.is_int() {
            Some(self.int_unchecked() as f64)
        } else {
            None
        }
    }
    /// `undefined`?
    #[inline]
    pub fn is_undefined(self) -> bool {
        self == Value::UNDEFINED
    }
    /// `null`?
    #[inline]
    pub fn is_null(self) -> bool {
        self == Value::NULL
    }
    /// `undefined` or `null`?
    #[inline]
    pub fn is_nullish(self) -> bool {
        self == Value::UNDEFINED || self == Value::NULL
    }
    /// The hole?
    #[inline]
    pub fn is_hole(self) -> bool {
        self == Value::HOLE
    }
    /// A boolean?
    #[inline]
    pub fn is_bool(self) -> bool {
        self == Value::TRUE || self == Value::FALSE
    }
    /// The boolean payload, if this is a boolean.
    #[inline]
    pub fn as_bool(self) -> Option<bool> {
        if self == Value::TRUE {
            Some(true)
        } else if self == Value::FALSE {
            Some(false)
        } else {
            None
        }
    }

    /// Boxes an object pointer.
    #[inline]
    pub fn object(p: Gc<JsObject>) -> Value {
        Value((TAG_OBJECT << TAG_SHIFT) | p.addr() as u64)
    }
    /// Boxes a string pointer.
    #[inline]
    pub fn string(p: Gc<JsString>) -> Value {
        Value((TAG_STRING << TAG_SHIFT) | p.addr() as u64)
    }
    /// Boxes a symbol pointer.
    #[inline]
    pub fn symbol(p: Gc<Symbol>) -> Value {
        Value((TAG_SYMBOL << TAG_SHIFT) | p.addr() as u64)
    }
    /// Boxes a pointer to an internal cell (never visible to JavaScript).
    #[inline]
    pub fn cell<T>(p: Gc<T>) -> Value {
        Value((TAG_CELL << TAG_SHIFT) | p.addr() as u64)
    }
    /// Is this an object?
    #[inline]
    pub fn is_object(self) -> bool {
        self.tag() == TAG_OBJECT
    }
    /// Is this a string?
    #[inline]
    pub fn is_string(self) -> bool {
        self.tag() == TAG_STRING
    }
    /// Is this a symbol?
    #[inline]
    pub fn is_symbol(self) -> bool {
        self.tag() == TAG_SYMBOL
    }
    /// The object pointer, if this is an object.
    #[inline]
    pub fn as_object(self) -> Option<Gc<JsObject>> {
        if self.is_object() {
            Some(Gc::from_addr((self.0 & PAYLOAD_MASK) as usize))
        } else {
            None
        }
    }
    /// The string pointer, if this is a string.
    #[inline]
    pub fn as_string(self) -> Option<Gc<JsString>> {
        if self.is_string() {
            Some(Gc::from_addr((self.0 & PAYLOAD_MASK) as usize))
        } else {
            None
        }
    }
    /// The symbol pointer, if this is a symbol.
    #[inline]
    pub fn as_symbol(self) -> Option<Gc<Symbol>> {
        if self.is_symbol() {
            Some(Gc::from_addr((self.0 & PAYLOAD_MASK) as usize))
        } else {
            None
        }
    }
    /// The internal cell pointer, if this holds one. The caller knows the cell's type.
    #[inline]
    pub fn as_cell<T>(self) -> Option<Gc<T>> {
        if self.tag() == TAG_CELL {
            Some(Gc::from_addr((self.0 & PAYLOAD_MASK) as usize))
        } else {
            None
        }
    }
    /// The header of the heap cell this value points to, if it is a pointer.
    #[inline]
    pub fn heap_header(self) -> Option<*mut CellHeader> {
        if self.tag() >= TAG_OBJECT {
            Some((self.0 & PAYLOAD_MASK) as usize as *mut CellHeader)
        } else {
            None
        }
    }
}

impl Default for Value {
    fn default() -> Self {
        Value::UNDEFINED
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(i) = self.as_int() {
            write!(f, "{i}")
        } else if self.is_double() {
            write!(f, "{:?}", self.double_unchecked())
        } else if self.is_undefined() {
            f.write_str("undefined")
        } else if self.is_null() {
            f.write_str("null")
        } else if let Some(b) = self.as_bool() {
            write!(f, "{b}")
        } else if self.is_hole() {
            f.write_str("<hole>")
        } else if let Some(s) = self.as_string() {
            write!(f, "{:?}", s.to_rust_string())
        } else if self.is_object() {
            write!(f, "<object {:#x}>", self.0 & PAYLOAD_MASK)
        } else if self.is_symbol() {
            write!(f, "<symbol {:#x}>", self.0 & PAYLOAD_MASK)
        } else {
            write!(f, "<cell {:#x}>", self.0 & PAYLOAD_MASK)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_numbers() {
        assert_eq!(Value::int(-5).as_int(), Some(-5));
        assert_eq!(Value::number(1.5).as_number(), Some(1.5));
        assert!(Value::number(f64::NAN).is_double());
        let weird = f64::from_bits(0xFFFF_1234_0000_0001);
        assert!(weird.is_nan());
        assert_eq!(Value::number(weird).to_bits(), CANONICAL_NAN);
        assert!(Value::from_f64(-0.0).is_double());
        assert!(Value::from_f64(3.0).is_int());
        assert!(Value::number(f64::NEG_INFINITY).is_double());
        assert!(!Value::UNDEFINED.is_number());
        assert_eq!(Value::TRUE.as_bool(), Some(true));
    }
}
