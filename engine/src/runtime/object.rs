//! [`JsObject`]: the object cell, its elements store and its class-specific data.
//!
//! Named properties live in `slots`, laid out by the object's [`Shape`]; array-index
//! properties live in [`Elements`] (dense with holes, or sparse). Class-specific internal
//! slots (a function's code, an array's length, a Map's entries...) live in [`ObjectKind`].
//! The spec-level operations (\[\[Get\]\], \[\[DefineOwnProperty\]\], ...) are in
//! [`crate::runtime::property`]; this module only stores.

use super::context::Context;
use super::function::FunctionCode;
use super::shape::{Attrs, Shape};
use super::string::JsString;
use super::symbol::Symbol;
use crate::builtins::BuiltinData;
use crate::heap::{CellHeader, CellKind, Gc, Marker, Trace};
use crate::interpreter::feedback::CallIcMirror;
use crate::runtime::{CallArgs, JsResult, RealmId, Runtime};
use crate::value::Value;
use std::collections::BTreeMap;

pub use super::slots::{Slots, INLINE_SLOTS};

/// A native function's entry point.
pub type NativeFn = fn(&mut Runtime, &CallArgs) -> JsResult<Value>;

/// An object's array-index properties, behind a header compiled code reads: while the store is
/// dense and the object's kind gives its elements no exotic behaviour, `base`/`len` are the
/// dense vector's data pointer and length; otherwise they are null/0, which compiled code
/// treats as "not dense: take the slow path" (an unsigned `index < len` test then always
/// fails).
///
/// The [`Elements`] inside are read through `Deref`; every mutation goes through a guard
/// ([`ElementStore::edit`], [`ElementStore::dense_mut`]) or [`ElementStore::set`], which
/// refresh the header, so the header cannot go stale. Present dense elements are always plain
/// writable data properties (non-default attributes make the store sparse), so a header with
/// `index < len` and a non-hole value there allows both a plain read and a plain write.
#[repr(C)]
pub struct ElementStore {
    /// The dense vector's data pointer, or null (see the type's docs).
    base: *mut Value,
    /// The dense vector's length, or 0.
    len: u32,
    /// Does the object's kind leave its elements ordinary (plain objects and arrays)? Fixed
    /// when the object is created: the only later kind changes are intrinsic prototypes
    /// becoming wrappers of `""`, `false`, `0` or `[]`, none of which has exotic indices.
    plain: bool,
    elements: Elements,
}

impl ElementStore {
    /// Offset of the data pointer (null when compiled code must take the slow path).
    pub const BASE_OFFSET: usize = std::mem::offset_of!(ElementStore, base);
    /// Offset of the length (a `u32`; 0 when compiled code must take the slow path).
    pub const LEN_OFFSET: usize = std::mem::offset_of!(ElementStore, len);

    /// An empty dense store; `plain`: see the field.
    fn new(plain: bool) -> ElementStore {
        let mut s = ElementStore { base: std::ptr::null_mut(), len: 0, plain, elements: Elements::Dense(Vec::new()) };
        s.refresh();
        s
    }

    /// Recomputes the header from the store.
    #[inline]
    fn refresh(&mut self) {
        match &mut self.elements {
            Elements::Dense(v) if self.plain => {
                self.base = v.as_mut_ptr();
                // Dense vectors stay far below 2^32 elements (a bigger index makes the store
                // sparse); a saturated length would only send compiled code to the slow path
                // for the top indices.
                self.len = u32::try_from(v.len()).unwrap_or(u32::MAX);
            }
            _ => {
                self.base = std::ptr::null_mut();
                self.len = 0;
            }
        }
    }

    /// Replaces the store.
    #[inline]
    pub fn set(&mut self, elements: Elements) {
        self.elements = elements;
        self.refresh();
    }

    /// Mutable access to the store; the header is refreshed when the guard is dropped.
    #[inline]
    pub fn edit(&mut self) -> ElementsMut<'_> {
        ElementsMut { store: self }
    }

    /// Mutable access to the dense vector, if the store is dense; the header is refreshed
    /// when the guard is dropped.
    #[inline]
    pub fn dense_mut(&mut self) -> Option<DenseMut<'_>> {
        match self.elements {
            Elements::Dense(_) => Some(DenseMut { store: self }),
            Elements::Sparse(_) => None,
        }
    }
}

impl std::ops::Deref for ElementStore {
    type Target = Elements;
    #[inline]
    fn deref(&self) -> &Elements {
        &self.elements
    }
}

/// Mutable access to an [`ElementStore`]'s elements (refreshes the header on drop).
pub struct ElementsMut<'a> {
    store: &'a mut ElementStore,
}

impl std::ops::Deref for ElementsMut<'_> {
    type Target = Elements;
    #[inline]
    fn deref(&self) -> &Elements {
        &self.store.elements
    }
}

impl std::ops::DerefMut for ElementsMut<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut Elements {
        &mut self.store.elements
    }
}

impl Drop for ElementsMut<'_> {
    #[inline]
    fn drop(&mut self) {
        self.store.refresh();
    }
}

/// Mutable access to a dense [`ElementStore`]'s vector (refreshes the header on drop).
pub struct DenseMut<'a> {
    store: &'a mut ElementStore,
}

impl std::ops::Deref for DenseMut<'_> {
    type Target = Vec<Value>;
    #[inline]
    fn deref(&self) -> &Vec<Value> {
        match &self.store.elements {
            Elements::Dense(v) => v,
            Elements::Sparse(_) => unreachable!("a DenseMut is made only for a dense store, which it borrows exclusively"),
        }
    }
}

impl std::ops::DerefMut for DenseMut<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        match &mut self.store.elements {
            Elements::Dense(v) => v,
            Elements::Sparse(_) => unreachable!("a DenseMut is made only for a dense store, which it borrows exclusively"),
        }
    }
}

impl Drop for DenseMut<'_> {
    #[inline]
    fn drop(&mut self) {
        self.store.refresh();
    }
}

/// Array-index properties.
pub enum Elements {
    /// Index `i` at position `i`; `Value::HOLE` marks an absent element. All present elements
    /// are plain data properties (writable, enumerable, configurable).
    Dense(Vec<Value>),
    /// Index → (value or accessor cell, attributes), for big or unusual element sets.
    Sparse(Box<BTreeMap<u32, (Value, Attrs)>>),
}

impl Elements {
    /// Memory held by the store (a B-tree entry estimated at 48 bytes).
    fn owned_bytes(&self) -> usize {
        match self {
            Elements::Dense(v) => v.capacity() * std::mem::size_of::<Value>(),
            Elements::Sparse(b) => b.len() * 48,
        }
    }

    /// Marks every element value.
    fn trace(&self, m: &mut Marker) {
        match self {
            Elements::Dense(v) => v.iter().for_each(|x| m.value(*x)),
            Elements::Sparse(b) => b.values().for_each(|x| m.value(x.0)),
        }
    }
}

/// A closure: the code it runs and the environment it closes over.
pub struct ClosureData {
    /// The function's code in this runtime.
    pub code: Gc<FunctionCode>,
    /// The enclosing environment.
    pub context: Option<Gc<Context>>,
    /// Arrow functions: the captured `this`, `new.target` and home object come from the
    /// enclosing frame, saved here.
    pub lexical_this: Value,
    /// The enclosing function's `new.target` (arrows only).
    pub lexical_new_target: Value,
    /// The object whose prototype `super` refers to (methods only).
    pub home_object: Option<Gc<JsObject>>,
    /// Class constructors: the field initialiser function to run on `this`.
    pub fields: Option<Gc<JsObject>>,
    /// The realm the function was created in.
    pub realm: RealmId,
    /// How compiled code calls this closure directly: its own [`CallIcMirror`], whose
    /// `closure` is 0 when it must not (see `interpreter::ops::direct_call_mirror`). Call
    /// sites that saw several closures read it from the callee.
    pub call: CallIcMirror,
}

impl ClosureData {
    /// Byte offset of [`Self::call`].
    pub const CALL_OFFSET: i32 = std::mem::offset_of!(ClosureData, call) as i32;
}

/// A built-in function.
pub struct NativeData {
    /// Its entry point.
    pub f: NativeFn,
    /// Can it be called with `new`?
    pub constructor: bool,
    /// The realm it belongs to.
    pub realm: RealmId,
    /// Values it closes over (a promise's resolve functions hold their promise, ...).
    pub captures: Box<[Value]>,
}

/// A bound function's target and bound arguments.
pub struct BoundData {
    /// The target function.
    pub target: Gc<JsObject>,
    /// The bound `this`.
    pub this: Value,
    /// The bound leading arguments.
    pub args: Box<[Value]>,
}

impl ObjectKind {
    /// The tag byte of [`ObjectKind::Array`] (the variants are numbered in order).
    pub const ARRAY_TAG: u8 = 1;
    /// Byte offset, in an `ObjectKind::Array`, of its `length` (a `u32` after the tag byte).
    pub const ARRAY_LENGTH_OFFSET: i32 = 4;
    /// The tag byte of [`ObjectKind::Closure`].
    pub const CLOSURE_TAG: u8 = 2;
    /// Byte offset, in an `ObjectKind::Closure`, of its `Box<ClosureData>`: the first field
    /// after the tag byte, aligned.
    pub const CLOSURE_DATA_OFFSET: i32 = 8;
}

/// A mapped arguments object's parameter map: the function context and, per index, the
/// context slot it aliases.
pub type MappedArguments = Box<(Gc<Context>, Box<[Option<u32>]>)>;

/// Class-specific internal slots. `repr(u8)` fixes the layout compiled code reads (see
/// [`ObjectKind::CLOSURE_TAG`]): the tag byte first, a variant's fields after it.
#[repr(u8)]
pub enum ObjectKind {
    /// A plain object.
    Ordinary,
    /// An Array exotic object.
    Array {
        /// The `length`.
        length: u32,
        /// Is `length` writable?
        length_writable: bool,
    },
    /// A function written in JavaScript.
    Closure(Box<ClosureData>),
    /// A built-in function.
    Native(Box<NativeData>),
    /// A bound function exotic object.
    Bound(Box<BoundData>),
    /// An arguments object; `mapped` holds the context slot of each mapped parameter.
    Arguments {
        /// For sloppy functions with simple parameters: parameter `i` aliases this context
        /// slot while `mapped[i]` is `Some`.
        mapped: Option<MappedArguments>,
    },
    /// An Error instance.
    Error,
    /// A Boolean wrapper.
    Boolean(bool),
    /// A Number wrapper.
    Number(f64),
    /// A String exotic wrapper.
    String(Gc<JsString>),
    /// A Symbol wrapper.
    Symbol(Gc<Symbol>),
    /// Data owned by one built-in family (Map, RegExp, Promise, iterators...).
    Builtin(Box<BuiltinData>),
    /// A TypedArray (an integer-indexed exotic object).
    TypedArray(Box<crate::builtins::typed_array::TypedArrayData>),
}

/// Data kept for objects used as prototypes.
pub struct ProtoInfo {
    /// The root shape of objects whose prototype is this object.
    pub root_shape: Option<Gc<Shape>>,
    /// Valid while neither this object nor any object up its chain has changed shape.
    pub validity: Gc<ValidityCell>,
    /// Prototype objects whose prototype is this object (their validity depends on ours).
    pub users: Vec<Gc<JsObject>>,
}

/// A flag that prototype-chain inline caches check, and optimized code's own validity (which
/// its code checks after each instruction that may have changed a prototype).
#[repr(C)]
pub struct ValidityCell {
    header: CellHeader,
    /// Still valid?
    pub valid: bool,
    /// Optimized code that assumed this prototype chain unchanged: cleared with it.
    pub dependents: Vec<CodeDependency>,
}

/// Optimized code of a function that depends on a prototype chain (see
/// [`Runtime::invalidate_prototype`](crate::runtime::Runtime)).
#[derive(Clone, Copy)]
pub struct CodeDependency {
    /// The function.
    pub code: Gc<crate::runtime::function::FunctionCode>,
    /// The validity of that one compile of it.
    pub validity: Gc<ValidityCell>,
}

impl ValidityCell {
    /// A valid cell.
    pub fn new() -> ValidityCell {
        ValidityCell { header: CellHeader::new::<ValidityCell>(), valid: true, dependents: Vec::new() }
    }

    /// Byte offset of [`Self::valid`], for compiled code.
    pub const VALID_OFFSET: i32 = std::mem::offset_of!(ValidityCell, valid) as i32;
}

impl Default for ValidityCell {
    fn default() -> Self {
        Self::new()
    }
}

impl Trace for ValidityCell {
    const KIND: CellKind = CellKind::ValidityCell;
    fn trace(&self, m: &mut Marker) {
        for d in &self.dependents {
            m.cell(d.code);
            m.cell(d.validity);
        }
    }
}

/// A getter/setter pair, stored in a slot of a property with the `ACCESSOR` attribute.
#[repr(C)]
pub struct Accessor {
    header: CellHeader,
    /// The getter function, or undefined.
    pub get: Value,
    /// The setter function, or undefined.
    pub set: Value,
}

impl Accessor {
    /// A new pair.
    pub fn new(get: Value, set: Value) -> Accessor {
        Accessor { header: CellHeader::new::<Accessor>(), get, set }
    }
}

impl Trace for Accessor {
    const KIND: CellKind = CellKind::Accessor;
    fn trace(&self, m: &mut Marker) {
        m.value(self.get);
        m.value(self.set);
    }
}

/// An object cell.
#[repr(C)]
pub struct JsObject {
    header: CellHeader,
    /// The hidden class (also fixes the prototype).
    pub shape: Gc<Shape>,
    /// Named property values (or accessor cells), by shape slot.
    pub slots: Slots,
    /// Array-index properties (with the header compiled code reads).
    pub elements: ElementStore,
    /// `\[\[Extensible\]\]`.
    pub extensible: bool,
    /// Class-specific data.
    pub kind: ObjectKind,
    /// Set once the object is some shape's prototype.
    pub proto_info: Option<Box<ProtoInfo>>,
}

impl Trace for JsObject {
    const KIND: CellKind = CellKind::Object;
    fn trace(&self, m: &mut Marker) {
        m.cell(self.shape);
        self.slots.iter().for_each(|v| m.value(*v));
        self.elements.trace(m);
        if let Some(pi) = &self.proto_info {
            m.opt(pi.root_shape);
            m.cell(pi.validity);
            pi.users.iter().for_each(|u| m.cell(*u));
        }
        match &self.kind {
            ObjectKind::Ordinary | ObjectKind::Array { .. } | ObjectKind::Error | ObjectKind::Boolean(_) | ObjectKind::Number(_) => {}
            ObjectKind::Closure(c) => {
                m.cell(c.code);
                m.opt(c.context);
                m.value(c.lexical_this);
                m.value(c.lexical_new_target);
                m.opt(c.home_object);
                m.opt(c.fields);
            }
            ObjectKind::Native(n) => n.captures.iter().for_each(|v| m.value(*v)),
            ObjectKind::Bound(b) => {
                m.cell(b.target);
                m.value(b.this);
                b.args.iter().for_each(|v| m.value(*v));
            }
            ObjectKind::Arguments { mapped } => {
                if let Some(mapped) = mapped {
                    m.cell(mapped.0);
                }
            }
            ObjectKind::String(s) => m.cell(*s),
            ObjectKind::Symbol(s) => m.cell(*s),
            ObjectKind::Builtin(b) => b.trace(m),
            ObjectKind::TypedArray(t) => m.cell(t.buffer),
        }
    }

    fn owned_bytes(&self) -> usize {
        let kind = match &self.kind {
            ObjectKind::Builtin(b) => b.owned_bytes(),
            ObjectKind::Bound(b) => b.args.len() * std::mem::size_of::<Value>(),
            _ => 0,
        };
        self.slots.owned_bytes() + self.elements.owned_bytes() + kind
    }
}

impl JsObject {
    /// Byte offset from an object's start of its slot `slot` when that lies inside the object
    /// (below [`INLINE_SLOTS`]), for compiled code.
    pub const fn inline_slot_offset(slot: u32) -> Option<u32> {
        if (slot as usize) < INLINE_SLOTS {
            Some((std::mem::offset_of!(JsObject, slots) + Slots::INLINE_OFFSET + 8 * slot as usize) as u32)
        } else {
            None
        }
    }

    /// Byte offset in an object's slot buffer of its slot `slot` when that lies outside the
    /// object (from [`INLINE_SLOTS`] on), for compiled code.
    pub const fn outside_slot_offset(slot: u32) -> Option<u32> {
        if (slot as usize) < INLINE_SLOTS {
            None
        } else {
            Some(8 * (slot - INLINE_SLOTS as u32))
        }
    }

    /// A new object cell of `shape` with no properties.
    pub fn new(shape: Gc<Shape>, kind: ObjectKind) -> JsObject {
        JsObject {
            header: CellHeader::new::<JsObject>(),
            shape,
            slots: Slots::default(),
            elements: ElementStore::new(matches!(kind, ObjectKind::Ordinary | ObjectKind::Array { .. })),
            extensible: true,
            kind,
            proto_info: None,
        }
    }
    /// The prototype.
    #[inline]
    pub fn proto(&self) -> Option<Gc<JsObject>> {
        self.shape.proto()
    }
    /// Is this callable?
    pub fn is_callable(&self) -> bool {
        matches!(self.kind, ObjectKind::Closure(_) | ObjectKind::Native(_) | ObjectKind::Bound(_))
    }
    /// Is this an Array exotic object?
    pub fn is_array(&self) -> bool {
        matches!(self.kind, ObjectKind::Array { .. })
    }
    /// The array length, for arrays.
    pub fn array_length(&self) -> Option<u32> {
        match self.kind {
            ObjectKind::Array { length, .. } => Some(length),
            _ => None,
        }
    }
    /// The own element at `i` as (value-or-accessor, attributes).
    #[inline]
    pub fn get_element(&self, i: u32) -> Option<(Value, Attrs)> {
        match &*self.elements {
            Elements::Dense(v) => match v.get(i as usize) {
                Some(x) if !x.is_hole() => Some((*x, super::shape::DEFAULT)),
                _ => None,
            },
            Elements::Sparse(b) => b.get(&i).copied(),
        }
    }
    /// The closure data, if this is a closure.
    pub fn as_closure(&self) -> Option<&ClosureData> {
        match &self.kind {
            ObjectKind::Closure(c) => Some(c),
            _ => None,
        }
    }
    /// The builtin data, if any.
    pub fn builtin(&self) -> Option<&BuiltinData> {
        match &self.kind {
            ObjectKind::Builtin(b) => Some(b),
            _ => None,
        }
    }
    /// Mutable builtin data, if any.
    pub fn builtin_mut(&mut self) -> Option<&mut BuiltinData> {
        match &mut self.kind {
            ObjectKind::Builtin(b) => Some(b),
            _ => None,
        }
    }
}
