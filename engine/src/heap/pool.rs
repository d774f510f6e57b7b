//! Cell memory: segregated free lists of small blocks carved from large chunks.
//!
//! Most cells are small and short-lived, and the sweep frees thousands at once; the system
//! allocator spends much of a collection consolidating them. Here each size class (a
//! multiple of [`GRANULE`] bytes up to [`MAX_POOLED`]) hands out blocks from a free list,
//! refilled by bump allocation in [`CHUNK`]-byte chunks; a freed block goes back on its
//! class's list. Chunks are returned to the system when the heap is dropped. Larger cells
//! use the system allocator directly.

use std::alloc::{alloc, dealloc, handle_alloc_error, Layout};
use std::ptr::NonNull;

/// Block sizes are multiples of this (also every block's alignment).
pub const GRANULE: usize = 16;
/// The largest pooled block.
pub const MAX_POOLED: usize = 512;
/// Bytes per chunk.
const CHUNK: usize = 64 << 10;
const CLASSES: usize = MAX_POOLED / GRANULE;

/// A free block: its first word links to the next free block of its class.
struct FreeBlock {
    next: Option<NonNull<FreeBlock>>,
}

/// The pools of one heap.
pub struct Pools {
    free: [Option<NonNull<FreeBlock>>; CLASSES],
    /// The unused tail of the newest chunk.
    bump: *mut u8,
    bump_end: *mut u8,
    chunks: Vec<NonNull<u8>>,
}

impl Default for Pools {
    fn default() -> Pools {
        Pools { free: [None; CLASSES], bump: std::ptr::null_mut(), bump_end: std::ptr::null_mut(), chunks: Vec::new() }
    }
}

/// The layout of a block for a cell of `layout`, or `None` when the cell is not pooled.
#[inline]
fn class_of(layout: Layout) -> Option<usize> {
    if layout.size() == 0 || layout.size() > MAX_POOLED || layout.align() > GRANULE {
        return None;
    }
    Some(layout.size().div_ceil(GRANULE) - 1)
}

fn chunk_layout() -> Layout {
    Layout::from_size_align(CHUNK, GRANULE).expect("constant layout")
}

impl Pools {
    /// Memory for a value of `layout` (never null).
    #[inline]
    pub fn alloc(&mut self, layout: Layout) -> NonNull<u8> {
        let Some(class) = class_of(layout) else {
            // SAFETY: the layout has a non-zero size (cells have headers).
            return NonNull::new(unsafe { alloc(layout) }).unwrap_or_else(|| handle_alloc_error(layout));
        };
        if let Some(b) = self.free[class] {
            // SAFETY: blocks on a free list are unused blocks of this class, written by `free`.
            self.free[class] = unsafe { b.as_ref().next };
            return b.cast();
        }
        let size = (class + 1) * GRANULE;
        if (self.bump_end as usize) - (self.bump as usize) < size {
            self.refill();
        }
        let p = self.bump;
        // SAFETY: at least `size` bytes remain in the current chunk (checked or refilled above).
        self.bump = unsafe { p.add(size) };
        // SAFETY: `p` points into a live chunk.
        unsafe { NonNull::new_unchecked(p) }
    }

    /// Returns the memory of a dropped value of `layout`, from [`Pools::alloc`].
    ///
    /// # Safety
    /// `p` came from `alloc(layout)` on this pool and is not used again.
    #[inline]
    pub unsafe fn free(&mut self, p: NonNull<u8>, layout: Layout) {
        let Some(class) = class_of(layout) else {
            // SAFETY: unpooled blocks came from the system allocator with this layout.
            unsafe { dealloc(p.as_ptr(), layout) };
            return;
        };
        let b = p.cast::<FreeBlock>();
        // SAFETY: the block is at least GRANULE bytes, aligned, and no longer in use.
        unsafe { b.as_ptr().write(FreeBlock { next: self.free[class] }) };
        self.free[class] = Some(b);
    }

    fn refill(&mut self) {
        // The rest of the old chunk is abandoned (less than one block of this class).
        let layout = chunk_layout();
        // SAFETY: the layout has a non-zero size.
        let c = NonNull::new(unsafe { alloc(layout) }).unwrap_or_else(|| handle_alloc_error(layout));
        self.chunks.push(c);
        self.bump = c.as_ptr();
        // SAFETY: the chunk is CHUNK bytes long.
        self.bump_end = unsafe { c.as_ptr().add(CHUNK) };
    }

    /// Bytes of chunk memory held.
    #[cfg(test)]
    fn chunk_bytes(&self) -> usize {
        self.chunks.len() * CHUNK
    }
}

impl Drop for Pools {
    fn drop(&mut self) {
        for c in self.chunks.drain(..) {
            // SAFETY: every chunk was allocated by `refill` with this layout; the heap has
            // dropped every cell in it before dropping its pools.
            unsafe { dealloc(c.as_ptr(), chunk_layout()) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_reused_by_class_and_big_values_bypass_the_pools() {
        let mut p = Pools::default();
        let small = Layout::from_size_align(40, 8).unwrap();
        let a = p.alloc(small);
        let b = p.alloc(small);
        assert_ne!(a, b);
        assert_eq!(a.as_ptr() as usize % GRANULE, 0);
        // SAFETY: `a` came from this pool with `small` and is not used again.
        unsafe { p.free(a, small) };
        // Same class (33..=48 bytes): the freed block comes back.
        assert_eq!(p.alloc(Layout::from_size_align(48, 8).unwrap()), a);
        let big = Layout::from_size_align(4096, 8).unwrap();
        let c = p.alloc(big);
        // SAFETY: `c` came from this pool with `big`.
        unsafe { p.free(c, big) };
        // Many blocks span several chunks.
        let blocks: Vec<_> = (0..5000).map(|_| p.alloc(small)).collect();
        assert!(p.chunk_bytes() >= 5000 * 48);
        let mut sorted: Vec<_> = blocks.iter().map(|b| b.as_ptr() as usize).collect();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 5000);
    }
}
