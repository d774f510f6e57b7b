//! The garbage-collected heap: cells, the [`Gc`] pointer, and a precise, non-moving
//! mark-sweep collector.
//!
//! Every heap cell is a `#[repr(C)]` struct whose first field is a [`CellHeader`]; the header
//! points at a static [`CellVTable`] telling the collector how to trace and drop the cell.
//! Cells never move, so machine code may embed their addresses.
//!
//! **When the collector runs.** Only at *safepoints*: the interpreter's function entries
//! and loop back-edges, and between jobs of the event loop. Allocation merely accounts bytes
//! and may *request* a collection. Hence Rust code never needs to root values across plain
//! allocation; it must root values it holds across anything that can run JavaScript
//! (see [`crate::runtime::Runtime::keep`]). The roots are: the VM register stack (its live
//! part), the realms, the kept-value stack, persistent handles, the job queue and timers.

mod gc_ptr;
mod pool;
pub use gc_ptr::Gc;

use crate::value::Value;
use pool::Pools;
use std::alloc::Layout;
use std::ptr::NonNull;

/// What kind of cell a header belongs to (for debugging and heap statistics).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum CellKind {
    /// A [`crate::runtime::object::JsObject`].
    Object,
    /// A [`crate::runtime::string::JsString`].
    String,
    /// A [`crate::runtime::symbol::Symbol`].
    Symbol,
    /// A [`crate::runtime::shape::Shape`].
    Shape,
    /// A closure environment ([`crate::runtime::context::Context`]).
    Context,
    /// A function's per-runtime code ([`crate::runtime::function::FunctionCode`]).
    FunctionCode,
    /// A global property cell.
    PropertyCell,
    /// An accessor pair.
    Accessor,
    /// A prototype validity cell.
    ValidityCell,
    /// A Map/Set iteration epoch ([`crate::builtins::map_set::MapEpoch`]).
    MapEpoch,
}

/// How the collector handles one cell type.
pub struct CellVTable {
    /// The cell's kind.
    pub kind: CellKind,
    /// Marks every cell this one references.
    pub trace: unsafe fn(*const CellHeader, &mut Marker),
    /// Drops the cell in place (the heap then frees its memory).
    pub drop: unsafe fn(*mut CellHeader),
    /// The cell's size and alignment.
    pub layout: Layout,
    /// The bytes the cell owns outside its own memory (see [`Trace::owned_bytes`]).
    pub owned_bytes: unsafe fn(*const CellHeader) -> usize,
}

/// The first field of every heap cell.
#[repr(C)]
pub struct CellHeader {
    vtable: &'static CellVTable,
    marked: std::cell::Cell<bool>,
}

impl CellHeader {
    /// The header for a new cell of type `T`.
    pub fn new<T: Trace>() -> CellHeader {
        CellHeader { vtable: vtable_of::<T>(), marked: std::cell::Cell::new(false) }
    }
    /// The cell's kind.
    pub fn kind(&self) -> CellKind {
        self.vtable.kind
    }
    /// Has the current collection marked this cell?
    pub fn is_marked(&self) -> bool {
        self.marked.get()
    }
}

/// Implemented by every heap cell type: its kind and how to trace it.
pub trait Trace: Sized + 'static {
    /// The cell kind.
    const KIND: CellKind;
    /// Marks every cell referenced from `self`.
    fn trace(&self, m: &mut Marker);
    /// Memory the cell owns outside the heap's cell (element vectors, string units, buffer
    /// data), counted by the sweep so that the heap limit and the collection pacing see it.
    fn owned_bytes(&self) -> usize {
        0
    }
}

struct VTableHolder<T>(std::marker::PhantomData<T>);
impl<T: Trace> VTableHolder<T> {
    const VTABLE: CellVTable = CellVTable {
        kind: T::KIND,
        trace: trace_cell::<T>,
        drop: drop_cell::<T>,
        layout: Layout::new::<T>(),
        owned_bytes: owned_bytes_of::<T>,
    };
}
fn vtable_of<T: Trace>() -> &'static CellVTable {
    &VTableHolder::<T>::VTABLE
}
unsafe fn trace_cell<T: Trace>(h: *const CellHeader, m: &mut Marker) {
    // SAFETY: `h` is the header of a live cell of type `T` (the vtable was chosen from `T`), and
    // the header is the first field of the `#[repr(C)]` cell.
    unsafe { (*(h as *const T)).trace(m) }
}
unsafe fn owned_bytes_of<T: Trace>(h: *const CellHeader) -> usize {
    // SAFETY: as for `trace_cell`.
    unsafe { (*(h as *const T)).owned_bytes() }
}
unsafe fn drop_cell<T: Trace>(h: *mut CellHeader) {
    // SAFETY: `h` is a cell of type `T` written by `Heap::alloc`, dropped exactly once, by the
    // sweep that found it unmarked (or by the heap's drop).
    unsafe { std::ptr::drop_in_place(h as *mut T) }
}

/// The mark phase's work list.
pub struct Marker {
    gray: Vec<*const CellHeader>,
}

impl Marker {
    /// Marks a value's cell, if it is a pointer.
    #[inline]
    pub fn value(&mut self, v: Value) {
        if let Some(h) = v.heap_header() {
            self.header(h);
        }
    }
    /// Marks a cell.
    #[inline]
    pub fn cell<T>(&mut self, p: Gc<T>) {
        self.header(p.addr() as *const CellHeader);
    }
    /// Marks an optional cell.
    #[inline]
    pub fn opt<T>(&mut self, p: Option<Gc<T>>) {
        if let Some(p) = p {
            self.cell(p);
        }
    }
    #[inline]
    fn header(&mut self, h: *const CellHeader) {
        // SAFETY: every pointer reaching the marker comes from a `Gc` or a pointer `Value`, which
        // point at live cells (cells are freed only by sweep, after marking).
        let hdr = unsafe { &*h };
        if !hdr.marked.get() {
            hdr.marked.set(true);
            self.gray.push(h);
        }
    }
    fn drain(&mut self) {
        while let Some(h) = self.gray.pop() {
            // SAFETY: `h` is a live, marked cell; its vtable matches its type.
            unsafe { ((*h).vtable.trace)(h, self) }
        }
    }
}

/// Statistics of the heap, for `--stats`.
#[derive(Default, Debug, Clone)]
pub struct HeapStats {
    /// Collections run.
    pub collections: u64,
    /// Cells freed in all.
    pub freed: u64,
    /// Time spent marking (roots, tracing, weak tables), over all collections.
    pub mark_time: std::time::Duration,
    /// Time spent sweeping, over all collections.
    pub sweep_time: std::time::Duration,
}

/// The heap: every cell of one runtime.
pub struct Heap {
    /// The memory of cells up to [`pool::MAX_POOLED`] bytes (dropped after the cells: see
    /// `Drop`).
    pools: Pools,
    /// Larger cells, allocated from the system.
    large: Vec<NonNull<CellHeader>>,
    /// Cells allocated and not yet freed.
    cell_count: usize,
    bytes: usize,
    next_gc: usize,
    /// A collection is due at the next safepoint.
    pub gc_requested: bool,
    stress: Option<u32>,
    stress_count: u32,
    limit: Option<usize>,
    /// Statistics.
    pub stats: HeapStats,
}

const MIN_GC_BYTES: usize = 8 << 20;

impl Heap {
    /// An empty heap. `stress`: request a collection every N allocations; `limit`: bytes
    /// above which the script is terminated.
    pub fn new(stress: Option<u32>, limit: Option<usize>) -> Heap {
        Heap {
            pools: Pools::default(),
            large: Vec::new(),
            cell_count: 0,
            bytes: 0,
            next_gc: MIN_GC_BYTES,
            gc_requested: false,
            stress: stress.filter(|&n| n > 0),
            stress_count: 0,
            limit,
            stats: HeapStats::default(),
        }
    }

    /// Allocates a cell.
    #[inline]
    pub fn alloc<T: Trace>(&mut self, cell: T) -> Gc<T> {
        self.note_bytes(std::mem::size_of::<T>() + cell.owned_bytes());
        let layout = Layout::new::<T>();
        let p = match const { pool::class_of(Layout::new::<T>()) } {
            Some(class) => self.pools.alloc(class).cast::<T>(),
            None => {
                // SAFETY: the layout has a non-zero size (cells have headers).
                let p = NonNull::new(unsafe { std::alloc::alloc(layout) }).unwrap_or_else(|| std::alloc::handle_alloc_error(layout));
                self.large.push(p.cast());
                p.cast::<T>()
            }
        };
        // SAFETY: `p` is fresh memory for a `T`; `T` is `#[repr(C)]` with its header first (the
        // `Trace` implementors in this crate all are), which the pools' sweep relies on.
        unsafe { p.as_ptr().write(cell) };
        self.cell_count += 1;
        Gc::from_addr(p.as_ptr() as usize)
    }

    /// Accounts `n` bytes of memory owned by some cell (a growing vector, say).
    #[inline]
    pub fn note_bytes(&mut self, n: usize) {
        self.bytes += n;
        if self.bytes >= self.next_gc {
            self.gc_requested = true;
        }
        if let Some(every) = self.stress {
            self.stress_count += 1;
            if self.stress_count >= every {
                self.stress_count = 0;
                self.gc_requested = true;
            }
        }
    }

    /// Bytes accounted now.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Is the heap over its limit (checked after a collection)?
    pub fn over_limit(&self) -> bool {
        self.limit.is_some_and(|l| self.bytes > l)
    }

    /// Starts a collection: returns the marker for the caller to mark its roots into.
    pub fn begin_collection(&mut self) -> Marker {
        Marker { gray: Vec::with_capacity(256) }
    }

    /// Marks everything reachable from what was marked so far. May be called repeatedly
    /// (ephemeron processing marks more and drains again).
    pub fn drain(&mut self, m: &mut Marker) {
        m.drain();
    }

    /// Frees every unmarked cell and clears the marks. The caller has already removed its weak
    /// references to unmarked cells (see [`Gc::is_marked`]).
    pub fn sweep(&mut self) {
        let start = std::time::Instant::now();
        let before = self.cell_count;
        let mut live = 0usize;
        let mut bytes = 0usize;
        // A cell found marked stays (unmarked for the next collection) and is counted with
        // what it owns; an unmarked one is unreachable and dropped in place.
        let mut keep = |h: NonNull<CellHeader>| {
            // SAFETY: `h` is a live cell allocated by `alloc`.
            let hdr = unsafe { h.as_ref() };
            let vtable = hdr.vtable;
            if hdr.marked.get() {
                hdr.marked.set(false);
                live += 1;
                // SAFETY: a live cell whose vtable matches its type.
                bytes += vtable.layout.size() + unsafe { (vtable.owned_bytes)(h.as_ptr()) };
                true
            } else {
                // SAFETY: unmarked means unreachable; dropped once, here, and its memory is
                // then freed by the caller.
                unsafe { (vtable.drop)(h.as_ptr()) };
                false
            }
        };
        // SAFETY: every block in use holds a cell written by `alloc`, whose first word is its
        // vtable reference; `keep` only drops cells, and dropping allocates no cell.
        unsafe { self.pools.sweep(|p| keep(p.cast())) };
        self.large.retain(|&h| {
            let layout = {
                // SAFETY: every pointer in `large` is a live cell allocated by `alloc`.
                unsafe { h.as_ref() }.vtable.layout
            };
            keep(h) || {
                // SAFETY: dropped by `keep`; allocated by `alloc` with its type's layout.
                unsafe { std::alloc::dealloc(h.as_ptr().cast(), layout) };
                false
            }
        });
        self.cell_count = live;
        self.stats.collections += 1;
        self.stats.freed += (before - live) as u64;
        // Live cells and what they own; owned buffers are accounted again as they grow.
        self.bytes = bytes;
        self.next_gc = (bytes * 2).max(MIN_GC_BYTES);
        self.gc_requested = false;
        self.stats.sweep_time += start.elapsed();
    }

    /// Number of live cells (after the last sweep plus allocations since).
    pub fn cell_count(&self) -> usize {
        self.cell_count
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        // SAFETY: the heap owns all its cells; each is dropped once, here (the pools free
        // the blocks `keep` rejects, and are dropped after this).
        unsafe {
            self.pools.sweep(|p| {
                let h = p.cast::<CellHeader>();
                (h.as_ref().vtable.drop)(h.as_ptr());
                false
            });
            for h in self.large.drain(..) {
                let layout = h.as_ref().vtable.layout;
                (h.as_ref().vtable.drop)(h.as_ptr());
                std::alloc::dealloc(h.as_ptr().cast(), layout);
            }
        }
    }
}
