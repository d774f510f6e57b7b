//! Hidden classes: [`Shape`]s with a transition tree.
//!
//! A shape fixes an object's prototype and the keys, attributes and slot numbers of its named
//! properties (array-index keys live in the object's elements, never in a shape). Objects
//! built the same way share shapes, so an inline cache can test "same shape" with one
//! compare and then read a slot. An object whose properties churn (deletes, too many keys)
//! moves to *dictionary mode*: it gets a private shape that it mutates in place and that no
//! inline cache may cache.
//!
//! Invariant: a non-dictionary shape never changes after creation; each prototype object's
//! properties change only through shape transitions (so a cached shape implies the layout).

use super::object::JsObject;
use super::string::JsString;
use super::symbol::Symbol;
use crate::heap::{CellHeader, CellKind, Gc, Marker, Trace};

/// Property attributes, as bits.
pub type Attrs = u8;
/// `[[Writable]]`.
pub const WRITABLE: Attrs = 1;
/// `[[Enumerable]]`.
pub const ENUMERABLE: Attrs = 2;
/// `[[Configurable]]`.
pub const CONFIGURABLE: Attrs = 4;
/// The slot holds an accessor pair rather than a value.
pub const ACCESSOR: Attrs = 8;
/// Writable, enumerable and configurable: a plain assignment's property.
pub const DEFAULT: Attrs = WRITABLE | ENUMERABLE | CONFIGURABLE;
/// Writable and configurable: built-in methods.
pub const HIDDEN: Attrs = WRITABLE | CONFIGURABLE;

/// A property key. `Index` keys (canonical array indices) are stored in elements.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum PropertyKey {
    /// An interned string.
    String(Gc<JsString>),
    /// A symbol (including private names).
    Symbol(Gc<Symbol>),
    /// An array index, 0 ..= 2^32 - 2.
    Index(u32),
}

impl PropertyKey {
    /// Marks the key's cell.
    pub fn trace(&self, m: &mut Marker) {
        match self {
            PropertyKey::String(s) => m.cell(*s),
            PropertyKey::Symbol(s) => m.cell(*s),
            PropertyKey::Index(_) => {}
        }
    }
    /// Is this a symbol key?
    pub fn is_symbol(&self) -> bool {
        matches!(self, PropertyKey::Symbol(_))
    }
}

/// More keys than this in a shape: the object goes to dictionary mode.
pub const MAX_FAST_PROPERTIES: usize = 128;
const LINEAR_LOOKUP_MAX: usize = 8;

/// A hidden class.
#[repr(C)]
pub struct Shape {
    header: CellHeader,
    proto: Option<Gc<JsObject>>,
    props: Vec<(PropertyKey, Attrs)>,
    index: Option<super::hash::FastHashMap<PropertyKey, u32>>,
    transitions: Vec<(PropertyKey, Attrs, Gc<Shape>)>,
    dictionary: bool,
}

impl Trace for Shape {
    const KIND: CellKind = CellKind::Shape;
    fn trace(&self, m: &mut Marker) {
        m.opt(self.proto);
        for (k, _) in &self.props {
            k.trace(m);
        }
        for (k, _, s) in &self.transitions {
            k.trace(m);
            m.cell(*s);
        }
    }
}

impl Shape {
    /// A root shape: no properties, prototype `proto`.
    pub fn root(proto: Option<Gc<JsObject>>) -> Shape {
        Shape { header: CellHeader::new::<Shape>(), proto, props: Vec::new(), index: None, transitions: Vec::new(), dictionary: false }
    }
    /// The prototype every object of this shape has.
    #[inline]
    pub fn proto(&self) -> Option<Gc<JsObject>> {
        self.proto
    }
    /// Is this a dictionary-mode (object-private, uncacheable) shape?
    #[inline]
    pub fn is_dictionary(&self) -> bool {
        self.dictionary
    }
    /// Number of named properties (= slots used).
    #[inline]
    pub fn len(&self) -> usize {
        self.props.len()
    }
    /// No named properties?
    pub fn is_empty(&self) -> bool {
        self.props.is_empty()
    }
    /// The properties in slot order (which is insertion order).
    pub fn properties(&self) -> &[(PropertyKey, Attrs)] {
        &self.props
    }
    /// The slot and attributes of `key`.
    #[inline]
    pub fn lookup(&self, key: PropertyKey) -> Option<(u32, Attrs)> {
        if let Some(ix) = &self.index {
            let i = *ix.get(&key)?;
            return Some((i, self.props[i as usize].1));
        }
        self.props.iter().position(|(k, _)| *k == key).map(|i| (i as u32, self.props[i].1))
    }
    fn build_index(&mut self) {
        if self.props.len() > LINEAR_LOOKUP_MAX {
            self.index = Some(self.props.iter().enumerate().map(|(i, (k, _))| (*k, i as u32)).collect());
        } else {
            self.index = None;
        }
    }
    /// A cached transition adding `key` with `attrs`.
    pub fn find_transition(&self, key: PropertyKey, attrs: Attrs) -> Option<Gc<Shape>> {
        self.transitions.iter().find(|(k, a, _)| *k == key && *a == attrs).map(|t| t.2)
    }
    /// The shape `self + key` (not yet allocated; the caller records the transition).
    pub fn child(&self, key: PropertyKey, attrs: Attrs) -> Shape {
        let mut props = Vec::with_capacity(self.props.len() + 1);
        props.extend_from_slice(&self.props);
        props.push((key, attrs));
        let mut s =
            Shape { header: CellHeader::new::<Shape>(), proto: self.proto, props, index: None, transitions: Vec::new(), dictionary: false };
        s.build_index();
        s
    }
    /// Records a transition (called on the parent once the child is allocated).
    pub fn add_transition(&mut self, key: PropertyKey, attrs: Attrs, child: Gc<Shape>) {
        self.transitions.push((key, attrs, child));
    }
    /// A dictionary-mode copy of this shape, with a new prototype if given.
    pub fn to_dictionary(&self, proto: Option<Gc<JsObject>>) -> Shape {
        let mut s = Shape {
            header: CellHeader::new::<Shape>(),
            proto,
            props: self.props.clone(),
            index: None,
            transitions: Vec::new(),
            dictionary: true,
        };
        s.build_index();
        s
    }
    /// Dictionary mode: appends a property; returns its slot.
    pub fn dict_add(&mut self, key: PropertyKey, attrs: Attrs) -> u32 {
        debug_assert!(self.dictionary);
        self.props.push((key, attrs));
        let slot = (self.props.len() - 1) as u32;
        match &mut self.index {
            Some(ix) => {
                ix.insert(key, slot);
            }
            None => self.build_index(),
        }
        slot
    }
    /// Dictionary mode: removes the property at `slot` (later slots shift down by one).
    pub fn dict_remove(&mut self, slot: u32) {
        debug_assert!(self.dictionary);
        self.props.remove(slot as usize);
        self.build_index();
    }
    /// Dictionary mode: changes a property's attributes.
    pub fn dict_set_attrs(&mut self, slot: u32, attrs: Attrs) {
        debug_assert!(self.dictionary);
        self.props[slot as usize].1 = attrs;
    }
    /// Dictionary mode: changes the prototype.
    pub fn dict_set_proto(&mut self, proto: Option<Gc<JsObject>>) {
        debug_assert!(self.dictionary);
        self.proto = proto;
    }
}
