//! Cell memory: size-segregated chunks with free lists in address order.
//!
//! Most cells are small and short-lived, and the sweep frees thousands at once; the system
//! allocator spends much of a collection consolidating them. Here every [`CHUNK`]-byte chunk
//! holds blocks of one size class (a multiple of [`GRANULE`] bytes up to [`MAX_POOLED`]), so
//! the sweep can walk a chunk's blocks in address order without a list of cells, and hands
//! out each class's free blocks in address order too: consecutive allocations then touch
//! consecutive memory, which the hardware prefetcher follows, where a LIFO list of blocks
//! freed in allocation order sends every allocation to a cold cache line. A chunk whose
//! blocks all died goes back to a pool of empty chunks that any class may take, so memory
//! (whose pages the kernel has already zeroed) is reused before more is asked for. Chunks are
//! returned to the system when the heap is dropped. Larger cells use the system allocator
//! directly (the heap keeps their list).
//!
//! **Free-block encoding.** A free block's first word is the address of the next free block
//! of its class (or 0) with [`FREE_TAG`] set. A live cell's first word is its header's vtable
//! reference, which is 8-byte aligned, so the sweep tells the two apart by that bit.

use std::alloc::{alloc, dealloc, handle_alloc_error, Layout};
use std::ptr::NonNull;

/// Block sizes are multiples of this (also every block's alignment).
pub const GRANULE: usize = 16;
/// The largest pooled block.
pub const MAX_POOLED: usize = 512;
/// Bytes per chunk.
const CHUNK: usize = 64 << 10;
const CLASSES: usize = MAX_POOLED / GRANULE;
/// Set in a free block's first word (see the module docs).
const FREE_TAG: usize = 1;

/// The size class of a cell of `layout`, or `None` when such cells are not pooled.
#[inline]
pub const fn class_of(layout: Layout) -> Option<usize> {
    if layout.size() == 0 || layout.size() > MAX_POOLED || layout.align() > GRANULE {
        return None;
    }
    Some(layout.size().div_ceil(GRANULE) - 1)
}

const fn block_size(class: usize) -> usize {
    (class + 1) * GRANULE
}

fn chunk_layout() -> Layout {
    Layout::from_size_align(CHUNK, GRANULE).expect("constant layout")
}

/// One chunk of blocks.
struct Chunk {
    base: NonNull<u8>,
    /// The class of its blocks; meaningless while the chunk is empty.
    class: usize,
    /// Bytes from `base` handed out so far (blocks beyond were never used). For a class's
    /// current bump chunk this is brought up to date by [`Pools::sweep`].
    used: usize,
}

/// One size class's allocation state.
#[derive(Clone, Copy)]
struct Class {
    /// The first free block (a tagged list, see the module docs), or null.
    free: *mut u8,
    /// The unused tail of `current`, the chunk blocks are bumped from.
    bump: *mut u8,
    bump_end: *mut u8,
    current: Option<usize>,
}

impl Class {
    const EMPTY: Class = Class { free: std::ptr::null_mut(), bump: std::ptr::null_mut(), bump_end: std::ptr::null_mut(), current: None };
}

/// The pools of one heap.
pub struct Pools {
    classes: [Class; CLASSES],
    chunks: Vec<Chunk>,
    /// Indices of chunks with no block in use.
    empty: Vec<usize>,
}

impl Default for Pools {
    fn default() -> Pools {
        Pools { classes: [Class::EMPTY; CLASSES], chunks: Vec::new(), empty: Vec::new() }
    }
}

/// Reads a block's first word.
///
/// # Safety
/// `p` points at a block inside the used part of a live chunk.
#[inline]
unsafe fn first_word(p: *const u8) -> usize {
    // SAFETY: blocks are GRANULE-aligned and at least one word long.
    unsafe { (p as *const usize).read() }
}

/// Makes `p` a free block linking to `next` (null for none).
///
/// # Safety
/// `p` points at a block no longer in use inside a live chunk.
#[inline]
unsafe fn link(p: *mut u8, next: *mut u8) {
    // SAFETY: as for `first_word`; the block is unused, so overwriting it is allowed.
    unsafe { (p as *mut usize).write(next as usize | FREE_TAG) }
}

impl Pools {
    /// Memory for a cell of size class `class` (from [`class_of`]), never null.
    #[inline]
    pub fn alloc(&mut self, class: usize) -> NonNull<u8> {
        let c = &mut self.classes[class];
        if let Some(b) = NonNull::new(c.free) {
            // SAFETY: blocks on a free list are unused blocks of this class, linked by `link`.
            c.free = (unsafe { first_word(b.as_ptr()) } & !FREE_TAG) as *mut u8;
            return b;
        }
        let size = block_size(class);
        if (c.bump_end as usize) - (c.bump as usize) < size {
            self.refill(class);
        }
        let c = &mut self.classes[class];
        let p = c.bump;
        // SAFETY: at least `size` bytes remain in the current chunk (checked or refilled above).
        c.bump = unsafe { p.add(size) };
        // SAFETY: `p` points into a live chunk.
        unsafe { NonNull::new_unchecked(p) }
    }

    /// Gives `class` a new chunk to bump blocks from: an empty one if any, else a fresh one.
    #[cold]
    fn refill(&mut self, class: usize) {
        let c = self.classes[class];
        if let Some(old) = c.current {
            // The rest of the old chunk (less than one block) is abandoned.
            self.chunks[old].used = c.bump as usize - self.chunks[old].base.as_ptr() as usize;
        }
        let index = self.empty.pop().unwrap_or_else(|| {
            let layout = chunk_layout();
            // SAFETY: the layout has a non-zero size.
            let base = NonNull::new(unsafe { alloc(layout) }).unwrap_or_else(|| handle_alloc_error(layout));
            self.chunks.push(Chunk { base, class, used: 0 });
            self.chunks.len() - 1
        });
        let chunk = &mut self.chunks[index];
        chunk.class = class;
        chunk.used = 0;
        let base = chunk.base.as_ptr();
        // SAFETY: the chunk is CHUNK bytes long.
        let end = unsafe { base.add(CHUNK) };
        self.classes[class] = Class { free: c.free, bump: base, bump_end: end, current: Some(index) };
    }

    /// Walks every block in use, in address order within each chunk. `keep` is called with
    /// each one and returns whether it stays in use; a block it rejects (after dropping its
    /// cell) becomes free. Every class's free list is rebuilt in address order, and chunks
    /// with no block left in use become empty chunks for any class.
    ///
    /// # Safety
    /// Every block in use holds a cell whose first word is 8-byte aligned and non-zero (the
    /// heap's cells start with a vtable reference); `keep` must not allocate from these pools.
    pub unsafe fn sweep(&mut self, mut keep: impl FnMut(NonNull<u8>) -> bool) {
        // Bring the bump chunks' extents up to date; the lists are rebuilt from scratch.
        let mut tails = [std::ptr::null_mut::<u8>(); CLASSES];
        for c in &mut self.classes {
            if let Some(i) = c.current {
                self.chunks[i].used = c.bump as usize - self.chunks[i].base.as_ptr() as usize;
            }
            c.free = std::ptr::null_mut();
        }
        for (index, chunk) in self.chunks.iter_mut().enumerate() {
            if chunk.used == 0 {
                continue;
            }
            let size = block_size(chunk.class);
            let base = chunk.base.as_ptr();
            let (mut head, mut tail) = (std::ptr::null_mut::<u8>(), std::ptr::null_mut::<u8>());
            let mut live = 0usize;
            let mut offset = 0;
            while offset + size <= chunk.used {
                // SAFETY: `offset` is within the chunk's used part, at a block boundary.
                let p = unsafe { base.add(offset) };
                offset += size;
                // SAFETY: `p` is a block of this chunk: a free block or a cell (see the contract).
                let free = unsafe { first_word(p) } & FREE_TAG != 0;
                // SAFETY: `p` is non-null (inside a chunk).
                if !free && keep(unsafe { NonNull::new_unchecked(p) }) {
                    live += 1;
                    continue;
                }
                if tail.is_null() {
                    head = p;
                } else {
                    // SAFETY: `tail` is a free block of this chunk.
                    unsafe { link(tail, p) };
                }
                tail = p;
            }
            let class = &mut self.classes[chunk.class];
            if live == 0 {
                chunk.used = 0;
                if class.current == Some(index) {
                    // Bump the chunk again from its start.
                    class.bump = base;
                } else {
                    self.empty.push(index);
                }
                continue;
            }
            // SAFETY: `tail` is a free block (or null when no block of this chunk is free).
            if !tail.is_null() {
                unsafe { link(tail, std::ptr::null_mut()) };
                let t = &mut tails[chunk.class];
                if t.is_null() {
                    class.free = head;
                } else {
                    // SAFETY: `*t` is the last free block of an earlier chunk of this class.
                    unsafe { link(*t, head) };
                }
                *t = tail;
            }
        }
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
            unsafe { dealloc(c.base.as_ptr(), chunk_layout()) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes a fake cell (an aligned, non-zero first word) into a block.
    fn occupy(p: NonNull<u8>) {
        // SAFETY: a fresh block of at least one word.
        unsafe { (p.as_ptr() as *mut usize).write(8) };
    }

    #[test]
    fn free_blocks_come_back_in_address_order_and_empty_chunks_are_shared() {
        let mut p = Pools::default();
        let small = class_of(Layout::from_size_align(40, 8).unwrap()).unwrap();
        assert_eq!(class_of(Layout::from_size_align(48, 8).unwrap()), Some(small));
        assert_eq!(class_of(Layout::from_size_align(4096, 8).unwrap()), None);
        // Many blocks span several chunks.
        let blocks: Vec<_> = (0..5000).map(|_| p.alloc(small)).collect();
        blocks.iter().for_each(|&b| occupy(b));
        assert!(p.chunk_bytes() >= 5000 * 48);
        let mut sorted: Vec<_> = blocks.iter().map(|b| b.as_ptr() as usize).collect();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 5000);
        assert!(sorted.iter().all(|a| a % GRANULE == 0));
        // Free every other block of the first chunk's worth, and all of the rest.
        let first_chunk = p.chunks[0].base.as_ptr() as usize;
        let in_first = |a: usize| (first_chunk..first_chunk + CHUNK).contains(&a);
        let kept: Vec<usize> = sorted.iter().copied().filter(|&a| in_first(a) && (a - first_chunk).is_multiple_of(96)).collect();
        // SAFETY: every block in use holds a fake cell; `keep` does not allocate.
        unsafe { p.sweep(|b| kept.contains(&(b.as_ptr() as usize))) };
        // The freed blocks of the first chunk come back in address order.
        let again: Vec<usize> = (0..5).map(|_| p.alloc(small).as_ptr() as usize).collect();
        assert_eq!(again, (0..5).map(|i| first_chunk + 48 + 96 * i).collect::<Vec<_>>());
        // The other chunks are empty: another class takes one instead of a fresh chunk.
        let chunks = p.chunk_bytes();
        let big = class_of(Layout::from_size_align(512, 8).unwrap()).unwrap();
        let b = p.alloc(big);
        assert!(!in_first(b.as_ptr() as usize));
        assert_eq!(p.chunk_bytes(), chunks);
    }
}
