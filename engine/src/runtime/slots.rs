//! [`Slots`]: an object's named-property values. The first [`INLINE_SLOTS`] live inside the
//! object cell (V8's in-object properties); the rest in a buffer of their own. Most objects
//! have a few properties, so most need one allocation instead of two, and their properties
//! sit in the cache line of their shape.
//!
//! Compiled code addresses slot `i` as `object + INLINE_OFFSET + 8 * i` below
//! [`INLINE_SLOTS`] and `*(object + BASE_OFFSET) + 8 * (i - INLINE_SLOTS)` from there on
//! (see `jit::code_module::emit_slot_address`).

use crate::value::Value;
use std::alloc::{alloc, dealloc, handle_alloc_error, realloc, Layout};
use std::ptr::NonNull;

/// Slots kept inside the object.
pub const INLINE_SLOTS: usize = 4;

/// An object's named-property values, indexed by shape slot.
#[repr(C)]
pub struct Slots {
    /// The out-of-line buffer: slot `i >= INLINE_SLOTS` is `out[i - INLINE_SLOTS]`. Dangling
    /// (never read) while `cap` is 0.
    out: NonNull<Value>,
    /// Slots in use.
    len: u32,
    /// Capacity of `out`, in values.
    cap: u32,
    /// Slots `0..INLINE_SLOTS`.
    inline: [Value; INLINE_SLOTS],
}

impl Default for Slots {
    fn default() -> Slots {
        Slots { out: NonNull::dangling(), len: 0, cap: 0, inline: [Value::UNDEFINED; INLINE_SLOTS] }
    }
}

fn buffer_layout(cap: u32) -> Layout {
    Layout::array::<Value>(cap as usize).expect("slot counts are far below isize::MAX bytes")
}

impl Slots {
    /// Offset of the out-of-line buffer's pointer within `Slots`.
    pub const BASE_OFFSET: usize = std::mem::offset_of!(Slots, out);
    /// Offset of the first inline slot within `Slots`.
    pub const INLINE_OFFSET: usize = std::mem::offset_of!(Slots, inline);
    /// Offset of the number of slots in use (a `u32`).
    pub const LEN_OFFSET: usize = std::mem::offset_of!(Slots, len);
    /// Offset of the out-of-line buffer's capacity (a `u32`, in values).
    pub const CAP_OFFSET: usize = std::mem::offset_of!(Slots, cap);

    /// Slots in use.
    #[inline]
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// No slots?
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The out-of-line slots in use.
    #[inline]
    fn outside(&self) -> &[Value] {
        // SAFETY: `out` holds `cap` values, of which the first `len - INLINE_SLOTS` are
        // initialised (`push` writes each before counting it); with `cap` 0 the length is 0
        // and a dangling, aligned pointer is a valid empty slice.
        unsafe { std::slice::from_raw_parts(self.out.as_ptr(), (self.len as usize).saturating_sub(INLINE_SLOTS)) }
    }

    /// The out-of-line slots in use, mutably.
    #[inline]
    fn outside_mut(&mut self) -> &mut [Value] {
        // SAFETY: as for `outside`, and `&mut self` makes the access exclusive.
        unsafe { std::slice::from_raw_parts_mut(self.out.as_ptr(), (self.len as usize).saturating_sub(INLINE_SLOTS)) }
    }

    /// Every slot in order.
    pub fn iter(&self) -> impl Iterator<Item = &Value> + '_ {
        self.inline[..self.len().min(INLINE_SLOTS)].iter().chain(self.outside())
    }

    /// Appends a slot; returns the bytes this allocated (the out-of-line buffer's growth), for
    /// the heap's accounting.
    #[inline]
    #[must_use = "the heap must account for the bytes allocated"]
    pub fn push(&mut self, v: Value) -> usize {
        let i = self.len as usize;
        let mut grown = 0;
        if i < INLINE_SLOTS {
            self.inline[i] = v;
        } else {
            let k = i - INLINE_SLOTS;
            if k == self.cap as usize {
                grown = self.grow();
            }
            // SAFETY: `k < cap` (grown above if need be), so the write is inside `out`.
            unsafe { self.out.as_ptr().add(k).write(v) };
        }
        self.len += 1;
        grown
    }

    /// Doubles the out-of-line buffer (at least 4 values); returns the bytes added.
    #[cold]
    fn grow(&mut self) -> usize {
        // 2^31 slots would be 16 GiB of one object's properties: the heap limit or the
        // allocator stops a script long before.
        let cap = self.cap.checked_mul(2).expect("an object with fewer than 2^31 properties").max(4);
        let new = buffer_layout(cap);
        // SAFETY: `new` has a non-zero size; when `cap` was non-zero, `out` was allocated with
        // `buffer_layout(self.cap)`, and `realloc` keeps the initialised prefix.
        let p = unsafe {
            if self.cap == 0 {
                alloc(new)
            } else {
                realloc(self.out.as_ptr().cast(), buffer_layout(self.cap), new.size())
            }
        };
        self.out = NonNull::new(p.cast()).unwrap_or_else(|| handle_alloc_error(new));
        let added = (cap - self.cap) as usize * std::mem::size_of::<Value>();
        self.cap = cap;
        added
    }

    /// Removes slot `i`, shifting the later ones down.
    pub fn remove(&mut self, i: usize) -> Value {
        let removed = self[i];
        for j in i..self.len() - 1 {
            self[j] = self[j + 1];
        }
        self.len -= 1;
        removed
    }

    /// Bytes of the out-of-line buffer.
    pub fn owned_bytes(&self) -> usize {
        self.cap as usize * std::mem::size_of::<Value>()
    }
}

impl std::ops::Index<usize> for Slots {
    type Output = Value;
    #[inline]
    fn index(&self, i: usize) -> &Value {
        if i < INLINE_SLOTS {
            assert!(i < self.len(), "slot {i} of {}", self.len);
            &self.inline[i]
        } else {
            &self.outside()[i - INLINE_SLOTS]
        }
    }
}

impl std::ops::IndexMut<usize> for Slots {
    #[inline]
    fn index_mut(&mut self, i: usize) -> &mut Value {
        if i < INLINE_SLOTS {
            assert!(i < self.len(), "slot {i} of {}", self.len);
            &mut self.inline[i]
        } else {
            &mut self.outside_mut()[i - INLINE_SLOTS]
        }
    }
}

impl Drop for Slots {
    fn drop(&mut self) {
        if self.cap != 0 {
            // SAFETY: `out` was allocated by `grow` with `buffer_layout(self.cap)` and is not
            // used again.
            unsafe { dealloc(self.out.as_ptr().cast(), buffer_layout(self.cap)) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_spill_past_the_inline_ones_and_keep_their_order() {
        let mut s = Slots::default();
        // Inline slots allocate nothing; the buffer grows to 4, then 8 values.
        let grown: Vec<usize> = (0..11).map(|i| s.push(Value::int(i))).collect();
        assert_eq!(grown, vec![0, 0, 0, 0, 32, 0, 0, 0, 32, 0, 0]);
        assert_eq!(s.len(), 11);
        assert_eq!(s.owned_bytes(), 8 * std::mem::size_of::<Value>());
        let seen: Vec<i32> = s.iter().map(|v| v.as_int().unwrap()).collect();
        assert_eq!(seen, (0..11).collect::<Vec<_>>());
        s[2] = Value::int(20);
        s[9] = Value::int(90);
        assert_eq!((s[2].as_int(), s[9].as_int()), (Some(20), Some(90)));
        // Removing an inline slot pulls the first out-of-line one inside.
        assert_eq!(s.remove(1).as_int(), Some(1));
        let seen: Vec<i32> = s.iter().map(|v| v.as_int().unwrap()).collect();
        assert_eq!(seen, vec![0, 20, 3, 4, 5, 6, 7, 8, 90, 10]);
        assert_eq!(s[3].as_int(), Some(4));
    }

    #[test]
    fn an_object_with_its_inline_slots_fits_a_144_byte_cell() {
        // Cells come in 16-byte size classes: 144 bytes hold the object and 4 properties,
        // where a separate slot buffer used to cost 192 (160 + 32).
        let size = std::mem::size_of::<crate::runtime::object::JsObject>();
        assert!(size <= 144, "JsObject is {size} bytes");
    }

    #[test]
    #[should_panic]
    fn an_unused_inline_slot_is_out_of_bounds() {
        let mut s = Slots::default();
        let _ = s.push(Value::int(1));
        let _ = s[1];
    }
}
