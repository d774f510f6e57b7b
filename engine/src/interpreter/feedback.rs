//! Type feedback and inline-cache state: the [`FeedbackVector`] of a function.
//!
//! Every property, keyed, global, call, arithmetic and compare site owns one slot. The
//! interpreter writes the slots; every tier reads them through these types (the optimizing
//! tier will compile from a snapshot of them). Pointers held here (shapes, holders,
//! validity cells, closures) are traced by the collector, so a freed-and-reused address can
//! never pass a shape check.

use crate::bytecode::ops::FeedbackKind;
use crate::heap::{Gc, Marker};
use crate::runtime::function::FunctionCode;
use crate::runtime::object::{JsObject, ValidityCell};
use crate::runtime::shape::Shape;
use crate::value::Value;
use std::sync::atomic::{AtomicU8, Ordering};

/// Most shapes a polymorphic property IC keeps before going megamorphic.
pub const MAX_POLYMORPHISM: usize = 4;

/// How a property site found (or added) its property for one receiver shape.
#[derive(Clone, Copy, Debug)]
pub enum PropertyAccess {
    /// An own data property in `slot`.
    Own {
        /// The slot.
        slot: u32,
    },
    /// A data property in `slot` of `holder`, up the prototype chain; valid while the
    /// receiver's prototype's validity cell is.
    Proto {
        /// The object holding the property.
        holder: Gc<JsObject>,
        /// The slot in `holder`.
        slot: u32,
        /// Validity cell of the receiver shape's prototype.
        validity: Gc<ValidityCell>,
    },
    /// A getter (own or inherited) to call.
    Getter {
        /// The object holding the accessor.
        holder: Gc<JsObject>,
        /// The slot holding the accessor pair.
        slot: u32,
        /// Validity cell, when the holder is a prototype.
        validity: Option<Gc<ValidityCell>>,
    },
    /// A store that adds a property: transition to `to`, writing `slot`.
    Transition {
        /// The new shape.
        to: Gc<Shape>,
        /// The new property's slot.
        slot: u32,
        /// Validity of the prototype chain (no setter or read-only property appeared).
        validity: Option<Gc<ValidityCell>>,
    },
    /// The `length` of an array.
    ArrayLength,
}

/// One (shape, access) pair.
#[derive(Clone, Copy, Debug)]
pub struct PropertyCacheEntry {
    /// The receiver's shape.
    pub shape: Gc<Shape>,
    /// What to do for it.
    pub access: PropertyAccess,
}

impl PropertyCacheEntry {
    /// Marks the cells the entry holds.
    pub fn trace(&self, m: &mut Marker) {
        m.cell(self.shape);
        match self.access {
            PropertyAccess::Own { .. } | PropertyAccess::ArrayLength => {}
            PropertyAccess::Proto { holder, validity, .. } => {
                m.cell(holder);
                m.cell(validity);
            }
            PropertyAccess::Getter { holder, validity, .. } => {
                m.cell(holder);
                m.opt(validity);
            }
            PropertyAccess::Transition { to, validity, .. } => {
                m.cell(to);
                m.opt(validity);
            }
        }
    }
}

/// The state of a property inline cache.
#[derive(Clone, Debug, Default)]
pub enum PropertyIc {
    /// Never executed (or nothing cacheable seen yet).
    #[default]
    Uninitialized,
    /// One receiver shape.
    Monomorphic(PropertyCacheEntry),
    /// Up to [`MAX_POLYMORPHISM`] shapes.
    Polymorphic(Vec<PropertyCacheEntry>),
    /// Too many shapes: the site uses the generic path.
    Megamorphic,
}

impl PropertyIc {
    /// How many receiver shapes the IC holds (none when megamorphic).
    pub fn shapes(&self) -> usize {
        match self {
            PropertyIc::Monomorphic(_) => 1,
            PropertyIc::Polymorphic(v) => v.len(),
            PropertyIc::Uninitialized | PropertyIc::Megamorphic => 0,
        }
    }

    /// Whether the IC is mono- or polymorphic and every entry is an array's `length`.
    pub fn only_array_lengths(&self) -> bool {
        !matches!(self, PropertyIc::Uninitialized) && self.all_entries(|a| matches!(a, PropertyAccess::ArrayLength))
    }

    /// Whether every entry names a data slot (own, or up the prototype chain): what compiled
    /// code's slot lookups serve. Also true of an IC that has seen nothing yet.
    pub fn only_slots(&self) -> bool {
        self.all_entries(|a| matches!(a, PropertyAccess::Own { .. } | PropertyAccess::Proto { .. }))
    }

    /// Whether every entry stores to an own data slot or adds a property by a transition
    /// (what a store site's compiled code serves from the IC's mirrors). Also true of an IC
    /// that has seen nothing yet.
    pub fn only_stores(&self) -> bool {
        self.all_entries(|a| matches!(a, PropertyAccess::Own { .. } | PropertyAccess::Transition { .. }))
    }

    /// Whether `f` holds of every entry's access (false once megamorphic).
    fn all_entries(&self, f: impl Fn(&PropertyAccess) -> bool) -> bool {
        let entries: &[PropertyCacheEntry] = match self {
            PropertyIc::Uninitialized => return true,
            PropertyIc::Monomorphic(e) => std::slice::from_ref(e),
            PropertyIc::Polymorphic(v) => v,
            PropertyIc::Megamorphic => return false,
        };
        entries.iter().all(|e| f(&e.access))
    }

    /// The entry for `shape`, if cached.
    #[inline]
    pub fn lookup(&self, shape: Gc<Shape>) -> Option<&PropertyCacheEntry> {
        match self {
            PropertyIc::Monomorphic(e) if e.shape == shape => Some(e),
            PropertyIc::Polymorphic(v) => v.iter().find(|e| e.shape == shape),
            _ => None,
        }
    }
    /// Records an entry, moving along uninitialized → mono → poly → mega.
    pub fn record(&mut self, entry: PropertyCacheEntry) {
        *self = match std::mem::take(self) {
            PropertyIc::Uninitialized => PropertyIc::Monomorphic(entry),
            PropertyIc::Monomorphic(e) if e.shape == entry.shape => PropertyIc::Monomorphic(entry),
            PropertyIc::Monomorphic(e) => PropertyIc::Polymorphic(vec![e, entry]),
            PropertyIc::Polymorphic(mut v) => {
                if let Some(x) = v.iter_mut().find(|x| x.shape == entry.shape) {
                    *x = entry;
                    PropertyIc::Polymorphic(v)
                } else if v.len() < MAX_POLYMORPHISM {
                    v.push(entry);
                    PropertyIc::Polymorphic(v)
                } else {
                    PropertyIc::Megamorphic
                }
            }
            PropertyIc::Megamorphic => PropertyIc::Megamorphic,
        }
    }
    fn trace(&self, m: &mut Marker) {
        match self {
            PropertyIc::Monomorphic(e) => e.trace(m),
            PropertyIc::Polymorphic(v) => v.iter().for_each(|e| e.trace(m)),
            _ => {}
        }
    }
}

/// Elements kinds seen at a keyed site (bit set).
pub mod elements_seen {
    /// A dense array without holes.
    pub const PACKED: u8 = 1;
    /// A dense array with holes.
    pub const HOLEY: u8 = 2;
    /// A sparse (dictionary) elements store.
    pub const SPARSE: u8 = 4;
    /// An index at or beyond the length.
    pub const OUT_OF_BOUNDS: u8 = 8;
    /// A typed array.
    pub const TYPED: u8 = 16;
    /// A string receiver.
    pub const STRING: u8 = 32;
    /// A non-index key.
    pub const NAMED: u8 = 64;
}

/// The numeric-type lattice of arithmetic and compare feedback.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Debug, Default)]
pub enum NumericKind {
    /// Not executed.
    #[default]
    None,
    /// Only int32 operands and results.
    Int32,
    /// Numbers.
    Number,
    /// Numbers, booleans, null, undefined.
    NumberOrOddball,
    /// Strings (for `+` and comparisons).
    String,
    /// Anything.
    Any,
}

/// Arithmetic / compare feedback.
#[derive(Copy, Clone, Debug, Default)]
pub struct NumericFeedback {
    /// The join of all operand kinds seen.
    pub kind: NumericKind,
    /// An int32 operation overflowed into a double.
    pub overflowed: bool,
}

impl NumericFeedback {
    /// Joins `k` into the lattice.
    #[inline]
    pub fn see(&mut self, k: NumericKind) {
        if k > self.kind {
            self.kind = k;
        }
    }
}

/// Call-site feedback.
#[derive(Clone, Copy, Debug, Default)]
pub enum CallFeedback {
    /// Not executed.
    #[default]
    Uninitialized,
    /// Always this closure.
    Monomorphic(Gc<JsObject>),
    /// Different closures of one function (same code).
    SameCode(Gc<FunctionCode>),
    /// Several targets.
    Megamorphic,
}

/// Global load/store feedback.
#[derive(Clone, Copy, Debug, Default)]
pub enum GlobalFeedback {
    /// Not executed or not cacheable.
    #[default]
    Uninitialized,
    /// A property of the global object, by shape and slot.
    Property {
        /// The global object's shape.
        shape: Gc<Shape>,
        /// The slot.
        slot: u32,
    },
    /// A global lexical binding.
    Lexical(Gc<crate::runtime::realm::PropertyCell>),
}

/// One feedback slot.
#[derive(Clone, Debug)]
pub enum Feedback {
    /// Named property site.
    Property(PropertyIc),
    /// Keyed site: elements kinds and, for string keys, a property IC keyed by name.
    Keyed {
        /// Bits from [`elements_seen`].
        seen: u8,
    },
    /// Global access site.
    Global(GlobalFeedback),
    /// Call site.
    Call(CallFeedback),
    /// Arithmetic site.
    Binary(NumericFeedback),
    /// Compare site.
    Compare(NumericFeedback),
    /// A cached value (template objects, instanceof targets).
    Cache(Value),
}

/// A slot with its "a deoptimization happened here" bit (set by the optimizing tier).
#[derive(Clone, Debug)]
pub struct FeedbackEntry {
    /// The data.
    pub data: Feedback,
    /// Optimized code deoptimized at this site: do not speculate the same way again.
    pub deopt_seen: bool,
    /// For a property site whose every deoptimization was a failed shape guard: how many
    /// shapes its IC held at the last one. Once the IC holds more (the interpreter adds the
    /// shape that failed), a compile may speculate on them all.
    pub shapes_at_deopt: Option<u8>,
}

impl FeedbackEntry {
    /// Whether a compile may speculate on this site's feedback.
    pub fn may_speculate(&self) -> bool {
        !self.deopt_seen || matches!((&self.data, self.shapes_at_deopt), (Feedback::Property(ic), Some(n)) if ic.shapes() > n as usize)
    }
}

/// What compiled code reads of one entry of a named-property IC that finds a data slot (own,
/// or up the prototype chain) or adds one by a transition. A site's [`MirrorSet`] is kept in
/// step with its [`PropertyIc`] by [`FeedbackVector::record_property`] (every change of a
/// property IC goes through it). Holds no pointer the IC does not hold, so it needs no
/// tracing. Only store sites record transitions, so a load site's entries all have `to` 0.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct PropertyIcMirror {
    /// The receiver shape's address, or 0 when there is no such entry (no object has shape 0).
    pub shape: usize,
    /// The object holding the slot, or 0 for the receiver itself.
    pub holder: usize,
    /// Address of a `bool` that must be true for the entry to apply: the prototype chain's
    /// validity flag, or [`ALWAYS_VALID`] for own slots.
    pub valid: usize,
    /// The slot index.
    pub slot: u32,
    /// For a transition (a store adding the property in `slot`): the new shape's address;
    /// else 0.
    pub to: usize,
    /// For the receiver's own data slot inside the object (below
    /// [`INLINE_SLOTS`](crate::runtime::object::INLINE_SLOTS)): its byte offset from the
    /// object's start; else 0. The one word compiled code needs besides the shape for the
    /// commonest entry.
    pub inline_offset: u32,
    /// For the receiver's own data slot outside the object (from
    /// [`INLINE_SLOTS`](crate::runtime::object::INLINE_SLOTS) on): 8 more than its byte offset
    /// in the object's slot buffer (so that no such slot is 0); else 0.
    pub outside_offset: u32,
}

impl PropertyIcMirror {
    /// Byte offsets of the fields, for compiled code.
    pub const SHAPE_OFFSET: i32 = std::mem::offset_of!(PropertyIcMirror, shape) as i32;
    /// See [`Self::SHAPE_OFFSET`].
    pub const HOLDER_OFFSET: i32 = std::mem::offset_of!(PropertyIcMirror, holder) as i32;
    /// See [`Self::SHAPE_OFFSET`].
    pub const VALID_OFFSET: i32 = std::mem::offset_of!(PropertyIcMirror, valid) as i32;
    /// See [`Self::SHAPE_OFFSET`].
    pub const SLOT_OFFSET: i32 = std::mem::offset_of!(PropertyIcMirror, slot) as i32;
    /// See [`Self::SHAPE_OFFSET`].
    pub const TO_OFFSET: i32 = std::mem::offset_of!(PropertyIcMirror, to) as i32;
    /// See [`Self::SHAPE_OFFSET`].
    pub const INLINE_OFFSET_OFFSET: i32 = std::mem::offset_of!(PropertyIcMirror, inline_offset) as i32;
    /// See [`Self::SHAPE_OFFSET`].
    pub const OUTSIDE_OFFSET_OFFSET: i32 = std::mem::offset_of!(PropertyIcMirror, outside_offset) as i32;
    /// What [`Self::outside_offset`] adds to the byte offset.
    pub const OUTSIDE_BIAS: u32 = 8;

    fn of(e: &PropertyCacheEntry) -> PropertyIcMirror {
        let shape = e.shape.addr();
        let always = &ALWAYS_VALID as *const bool as usize;
        match e.access {
            PropertyAccess::Own { slot } => {
                use crate::runtime::object::JsObject;
                let inline_offset = JsObject::inline_slot_offset(slot).unwrap_or(0);
                let outside_offset = JsObject::outside_slot_offset(slot).map_or(0, |o| o + Self::OUTSIDE_BIAS);
                PropertyIcMirror { shape, holder: 0, valid: always, slot, to: 0, inline_offset, outside_offset }
            }
            PropertyAccess::Proto { holder, slot, validity } => PropertyIcMirror {
                shape,
                holder: holder.addr(),
                valid: &validity.valid as *const bool as usize,
                slot,
                to: 0,
                inline_offset: 0,
                outside_offset: 0,
            },
            PropertyAccess::Transition { to, slot, validity } => PropertyIcMirror {
                shape,
                holder: 0,
                valid: validity.map_or(always, |c| &c.valid as *const bool as usize),
                slot,
                to: to.addr(),
                inline_offset: 0,
                outside_offset: 0,
            },
            _ => PropertyIcMirror::default(),
        }
    }
}

/// The mirrors of one property site: its IC's entries, in order, unused ones zero.
pub type MirrorSet = [PropertyIcMirror; MAX_POLYMORPHISM];

fn mirror_set(ic: &PropertyIc) -> MirrorSet {
    let mut set = MirrorSet::default();
    let entries: &[PropertyCacheEntry] = match ic {
        PropertyIc::Monomorphic(e) => std::slice::from_ref(e),
        PropertyIc::Polymorphic(v) => v,
        _ => &[],
    };
    for (m, e) in set.iter_mut().zip(entries) {
        *m = PropertyIcMirror::of(e);
    }
    set
}

/// What compiled code reads of a call site whose feedback is one closure (see
/// [`FeedbackVector::record_call`], which keeps it in step): enough to push that closure's
/// frame and enter its code without a runtime call. Every value here is kept alive by the
/// closure, which the call feedback holds.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct CallIcMirror {
    /// The closure (as [`Value`] bits), or 0 when the site has no such entry (no value is 0
    /// but the double +0.0, never a callee).
    pub closure: u64,
    /// Its `FunctionCode`.
    pub code: usize,
    /// Its context (`Value` bits: a cell, or undefined).
    pub context: u64,
    /// [`ThisMode`] as a number.
    pub this_mode: u32,
    /// Parameter registers of its frames.
    pub params: u32,
    /// Other registers of its frames.
    pub registers: u32,
    /// The `this` of [`ThisMode::Lexical`], or the global object for [`ThisMode::Sloppy`].
    pub this_value: u64,
    /// The `new.target` of [`ThisMode::Lexical`] (else undefined).
    pub new_target: u64,
    /// The closure's realm: compiled code calls it directly only from that realm (the call
    /// then switches no realm, and the frame records it as the caller's).
    pub realm: u32,
}

/// How a plain call of a closure makes its `this` (see [`CallIcMirror::this_mode`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum ThisMode {
    /// Strict code: the receiver as it is.
    Strict = 0,
    /// Sloppy code: undefined and null become the global object; other primitives are not
    /// handled by compiled code (they need boxing).
    Sloppy = 1,
    /// Arrow functions: the closure's captured `this` and `new.target`.
    Lexical = 2,
}

impl CallIcMirror {
    /// Byte offsets of the fields, for compiled code.
    pub const CLOSURE_OFFSET: i32 = std::mem::offset_of!(CallIcMirror, closure) as i32;
    /// See [`Self::CLOSURE_OFFSET`].
    pub const CODE_OFFSET: i32 = std::mem::offset_of!(CallIcMirror, code) as i32;
    /// See [`Self::CLOSURE_OFFSET`].
    pub const CONTEXT_OFFSET: i32 = std::mem::offset_of!(CallIcMirror, context) as i32;
    /// See [`Self::CLOSURE_OFFSET`].
    pub const THIS_MODE_OFFSET: i32 = std::mem::offset_of!(CallIcMirror, this_mode) as i32;
    /// See [`Self::CLOSURE_OFFSET`].
    pub const PARAMS_OFFSET: i32 = std::mem::offset_of!(CallIcMirror, params) as i32;
    /// See [`Self::CLOSURE_OFFSET`].
    pub const REGISTERS_OFFSET: i32 = std::mem::offset_of!(CallIcMirror, registers) as i32;
    /// See [`Self::CLOSURE_OFFSET`].
    pub const THIS_VALUE_OFFSET: i32 = std::mem::offset_of!(CallIcMirror, this_value) as i32;
    /// See [`Self::CLOSURE_OFFSET`].
    pub const NEW_TARGET_OFFSET: i32 = std::mem::offset_of!(CallIcMirror, new_target) as i32;
    /// See [`Self::CLOSURE_OFFSET`].
    pub const REALM_OFFSET: i32 = std::mem::offset_of!(CallIcMirror, realm) as i32;

    /// The `closure` of a site that saw several closures (tag `0xFFFB`: never a value, so
    /// never a callee): compiled code calls through the callee's own mirror
    /// ([`ClosureData::call`](crate::runtime::object::ClosureData)) instead.
    pub const POLYMORPHIC: u64 = 0xFFFB_0000_0000_0002;

    /// The mirror of a site that saw several closures: all of code `code`, or of any code.
    pub fn polymorphic(code: Option<Gc<FunctionCode>>) -> CallIcMirror {
        CallIcMirror { closure: Self::POLYMORPHIC, code: code.map_or(0, |c| c.addr()), ..CallIcMirror::default() }
    }
}

/// The validity flag of IC entries that need none.
pub static ALWAYS_VALID: bool = true;

/// A function's feedback slots.
#[derive(Debug, Default)]
pub struct FeedbackVector {
    /// The slots, indexed by [`crate::bytecode::ops::FeedbackSlot`].
    pub slots: Vec<FeedbackEntry>,
    /// The mirrors of the property slots. Allocated once: compiled code embeds their
    /// addresses.
    mirrors: Box<[MirrorSet]>,
    /// The mirrors of the call slots (allocated once, like `mirrors`).
    call_mirrors: Box<[CallIcMirror]>,
    /// Index into `mirrors` (property and global slots) or `call_mirrors` (call slots) of each slot
    /// (`u32::MAX` for slots of other kinds).
    mirror_index: Box<[u32]>,
    /// Per slot, the operand kinds the baseline tier's inline arithmetic and comparisons saw
    /// ([`COMPILED_SAW_INT32`], [`COMPILED_SAW_NUMBER`]): they record nothing else, and a site
    /// first reached in compiled code would otherwise look never executed. Allocated once:
    /// compiled code embeds the addresses.
    compiled_seen: Box<[AtomicU8]>,
}

/// In [`FeedbackVector::compiled_seen`]: int32 operands with an int32 result.
pub const COMPILED_SAW_INT32: u8 = 1;
/// In [`FeedbackVector::compiled_seen`]: numbers (a double among them, or an int32 overflow).
pub const COMPILED_SAW_NUMBER: u8 = 2;

impl FeedbackVector {
    /// Fresh slots of the given kinds.
    pub fn new(kinds: &[FeedbackKind]) -> FeedbackVector {
        let slots = kinds
            .iter()
            .map(|k| FeedbackEntry {
                data: match k {
                    FeedbackKind::Property => Feedback::Property(PropertyIc::Uninitialized),
                    FeedbackKind::Keyed => Feedback::Keyed { seen: 0 },
                    FeedbackKind::Global => Feedback::Global(GlobalFeedback::Uninitialized),
                    FeedbackKind::Call => Feedback::Call(CallFeedback::Uninitialized),
                    FeedbackKind::Binary => Feedback::Binary(NumericFeedback::default()),
                    FeedbackKind::Compare => Feedback::Compare(NumericFeedback::default()),
                    FeedbackKind::Cache => Feedback::Cache(Value::HOLE),
                },
                deopt_seen: false,
                shapes_at_deopt: None,
            })
            .collect();
        let (mut properties, mut calls) = (0, 0);
        let mirror_index = kinds
            .iter()
            .map(|k| {
                let counter = match k {
                    FeedbackKind::Property | FeedbackKind::Global => &mut properties,
                    FeedbackKind::Call => &mut calls,
                    _ => return u32::MAX,
                };
                *counter += 1;
                *counter - 1
            })
            .collect();
        FeedbackVector {
            slots,
            mirrors: vec![MirrorSet::default(); properties as usize].into_boxed_slice(),
            call_mirrors: vec![CallIcMirror::default(); calls as usize].into_boxed_slice(),
            mirror_index,
            compiled_seen: kinds.iter().map(|_| AtomicU8::new(0)).collect(),
        }
    }

    /// The address of the byte where compiled code records what it saw at numeric slot `slot`.
    pub fn compiled_seen_addr(&self, slot: usize) -> usize {
        // An atomic: compiled code writes the byte behind the vector's back.
        self.compiled_seen[slot].as_ptr() as usize
    }

    /// Numeric feedback `n` of slot `slot` joined with what compiled code saw there.
    pub fn numeric_with_compiled(&self, slot: usize, mut n: NumericFeedback) -> NumericFeedback {
        let seen = self.compiled_seen[slot].load(Ordering::Relaxed);
        if seen & COMPILED_SAW_NUMBER != 0 {
            n.see(NumericKind::Number);
        } else if seen & COMPILED_SAW_INT32 != 0 {
            n.see(NumericKind::Int32);
        }
        n
    }

    /// Records a property IC entry at `slot` (see [`PropertyIc::record`]).
    pub fn record_property(&mut self, slot: usize, entry: PropertyCacheEntry) {
        if let Feedback::Property(ic) = &mut self.slots[slot].data {
            ic.record(entry);
            self.mirrors[self.mirror_index[slot] as usize] = mirror_set(ic);
        }
    }

    /// Sends the property IC at `slot` megamorphic.
    pub fn property_megamorphic(&mut self, slot: usize) {
        if let Feedback::Property(ic) = &mut self.slots[slot].data {
            *ic = PropertyIc::Megamorphic;
            self.mirrors[self.mirror_index[slot] as usize] = MirrorSet::default();
        }
    }

    /// Records global feedback at `slot`. The global object's data properties
    /// ([`GlobalFeedback::Property`]) are mirrored as an entry whose holder is `global`, which
    /// compiled code checks against its shape before reading the slot; a lexical binding
    /// ([`GlobalFeedback::Lexical`]) as an entry of shape 0 whose holder is its cell.
    pub fn record_global(&mut self, slot: usize, fb: GlobalFeedback, global: Gc<JsObject>) {
        self.slots[slot].data = Feedback::Global(fb);
        let mut set = MirrorSet::default();
        let entry = match fb {
            GlobalFeedback::Property { shape, slot } => Some((shape.addr(), global.addr(), slot)),
            GlobalFeedback::Lexical(cell) => Some((0, cell.addr(), 0)),
            GlobalFeedback::Uninitialized => None,
        };
        if let Some((shape, holder, slot)) = entry {
            set[0] = PropertyIcMirror {
                shape,
                holder,
                valid: &ALWAYS_VALID as *const bool as usize,
                slot,
                to: 0,
                inline_offset: 0,
                outside_offset: 0,
            };
        }
        self.mirrors[self.mirror_index[slot] as usize] = set;
    }

    /// The global object a global slot's [`GlobalFeedback::Property`] was recorded with.
    pub fn global_holder(&self, slot: usize) -> usize {
        self.mirrors[self.mirror_index[slot] as usize][0].holder
    }

    /// The address of property or global slot `slot`'s [`MirrorSet`] (stable for the
    /// vector's life).
    pub fn mirror_addr(&self, slot: usize) -> usize {
        &self.mirrors[self.mirror_index[slot] as usize] as *const MirrorSet as usize
    }

    /// Records the closure `f` (of code `fcode`) called at call slot `slot`, moving along
    /// uninitialized → monomorphic → same code → megamorphic, and the site's mirror with it:
    /// `f`'s own while monomorphic, else [`CallIcMirror::polymorphic`].
    #[inline]
    pub fn record_call(&mut self, slot: usize, f: Gc<JsObject>, fcode: Gc<FunctionCode>) {
        let Feedback::Call(c) = &mut self.slots[slot].data else { return };
        *c = match *c {
            CallFeedback::Uninitialized => CallFeedback::Monomorphic(f),
            CallFeedback::Monomorphic(g) if g == f => return,
            CallFeedback::Megamorphic => return,
            CallFeedback::Monomorphic(g) => match g.as_closure() {
                Some(gc) if gc.code == fcode => CallFeedback::SameCode(fcode),
                _ => CallFeedback::Megamorphic,
            },
            CallFeedback::SameCode(c) if c == fcode => return,
            _ => CallFeedback::Megamorphic,
        };
        let m = match *c {
            CallFeedback::Monomorphic(f) => f.as_closure().map_or_else(CallIcMirror::default, |c| c.call),
            CallFeedback::SameCode(code) => CallIcMirror::polymorphic(Some(code)),
            _ => CallIcMirror::polymorphic(None),
        };
        self.call_mirrors[self.mirror_index[slot] as usize] = m;
    }

    /// Records a callee that is not a closure at call slot `slot`.
    pub fn record_call_other(&mut self, slot: usize, f: Gc<JsObject>) {
        let Feedback::Call(c) = &mut self.slots[slot].data else { return };
        *c = match *c {
            CallFeedback::Uninitialized => CallFeedback::Monomorphic(f),
            CallFeedback::Monomorphic(g) if g == f => return,
            CallFeedback::Megamorphic => return,
            _ => CallFeedback::Megamorphic,
        };
        let m = if let CallFeedback::Megamorphic = c { CallIcMirror::polymorphic(None) } else { CallIcMirror::default() };
        self.call_mirrors[self.mirror_index[slot] as usize] = m;
    }

    /// The address of call slot `slot`'s [`CallIcMirror`] (stable for the vector's life).
    pub fn call_mirror_addr(&self, slot: usize) -> usize {
        &self.call_mirrors[self.mirror_index[slot] as usize] as *const CallIcMirror as usize
    }

    /// Marks every pointer the slots hold.
    pub fn trace(&self, m: &mut Marker) {
        for s in &self.slots {
            match &s.data {
                Feedback::Property(ic) => ic.trace(m),
                Feedback::Global(GlobalFeedback::Property { shape, .. }) => m.cell(*shape),
                Feedback::Global(GlobalFeedback::Lexical(c)) => m.cell(*c),
                Feedback::Call(CallFeedback::Monomorphic(f)) => m.cell(*f),
                Feedback::Call(CallFeedback::SameCode(c)) => m.cell(*c),
                Feedback::Cache(v) => m.value(*v),
                _ => {}
            }
        }
    }
}

/// Inline-cache counters for `--stats`.
#[derive(Default, Debug, Clone)]
pub struct IcStats {
    /// Property loads answered by the IC.
    pub get_hits: u64,
    /// Property loads that took the generic path.
    pub get_misses: u64,
    /// Property stores answered by the IC.
    pub set_hits: u64,
    /// Property stores that took the generic path.
    pub set_misses: u64,
    /// Global accesses answered by the IC.
    pub global_hits: u64,
    /// Global accesses that took the generic path.
    pub global_misses: u64,
    /// Calls made.
    pub calls: u64,
}
