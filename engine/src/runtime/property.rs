//! The object internal methods (\[\[Get\]\], \[\[Set\]\], \[\[DefineOwnProperty\]\], \[\[Delete\]\],
//! \[\[HasProperty\]\], \[\[OwnPropertyKeys\]\], \[\[SetPrototypeOf\]\]) over shapes and elements,
//! including the exotic behaviour of arrays, string wrappers and arguments objects.
//!
//! Every change to an object used as a prototype invalidates its validity cell (and those
//! of prototypes below it), which is what prototype-chain inline caches check.

use super::object::{Accessor, Elements, JsObject, ObjectKind};
use super::shape::*;
use super::{JsResult, Runtime};
use crate::builtins::typed_array as ta;
use crate::heap::Gc;
use crate::value::Value;
use std::collections::BTreeMap;

/// A property descriptor with optional fields (as passed to `Object.defineProperty`).
#[derive(Clone, Copy, Debug, Default)]
pub struct PropertyDescriptor {
    /// `\[\[Value\]\]`
    pub value: Option<Value>,
    /// `\[\[Writable\]\]`
    pub writable: Option<bool>,
    /// `\[\[Get\]\]`
    pub get: Option<Value>,
    /// `\[\[Set\]\]`
    pub set: Option<Value>,
    /// `\[\[Enumerable\]\]`
    pub enumerable: Option<bool>,
    /// `\[\[Configurable\]\]`
    pub configurable: Option<bool>,
}

impl PropertyDescriptor {
    /// A data descriptor with all fields.
    pub fn data(value: Value, attrs: Attrs) -> Self {
        PropertyDescriptor {
            value: Some(value),
            writable: Some(attrs & WRITABLE != 0),
            get: None,
            set: None,
            enumerable: Some(attrs & ENUMERABLE != 0),
            configurable: Some(attrs & CONFIGURABLE != 0),
        }
    }
    /// IsAccessorDescriptor.
    pub fn is_accessor(&self) -> bool {
        self.get.is_some() || self.set.is_some()
    }
    /// IsDataDescriptor.
    pub fn is_data(&self) -> bool {
        self.value.is_some() || self.writable.is_some()
    }
}

/// An own property as stored: the value (or accessor cell) and attributes.
#[derive(Clone, Copy, Debug)]
pub struct OwnProperty {
    /// The value, or `Value::cell(Accessor)` when `attrs & ACCESSOR`.
    pub value: Value,
    /// Attributes.
    pub attrs: Attrs,
}

impl OwnProperty {
    /// The accessor pair, for accessor properties.
    pub fn accessor(&self) -> Option<Gc<Accessor>> {
        if self.attrs & ACCESSOR != 0 {
            self.value.as_cell::<Accessor>()
        } else {
            None
        }
    }
    /// As a full descriptor.
    pub fn to_descriptor(&self) -> PropertyDescriptor {
        match self.accessor() {
            Some(a) => PropertyDescriptor {
                value: None,
                writable: None,
                get: Some(a.get),
                set: Some(a.set),
                enumerable: Some(self.attrs & ENUMERABLE != 0),
                configurable: Some(self.attrs & CONFIGURABLE != 0),
            },
            None => PropertyDescriptor::data(self.value, self.attrs),
        }
    }
}

/// The largest run of holes an element store may grow by and stay dense (V8's `kMaxGap`);
/// a farther index makes it sparse, so `a[2 ** 31] = 1` does not allocate 16 GiB.
const MAX_DENSE_GAP: usize = 1024;

/// A sparse store is checked for a return to dense form each time its size reaches a power of
/// two from this one up (amortised O(1) per insert).
const MIN_REDENSIFY: usize = 64;

/// The hook for TypedArrays (integer-indexed exotic objects, §10.4.5): the numeric value of
/// `key` when `o` is a TypedArray and `key` a CanonicalNumericIndexString. Such keys never
/// reach ordinary properties or the prototype chain.
#[inline]
fn typed_array_key(o: Gc<JsObject>, key: PropertyKey) -> Option<f64> {
    match o.kind {
        ObjectKind::TypedArray(_) => ta::numeric_key(key),
        _ => None,
    }
}

impl Runtime {
    /// \[\[GetOwnProperty\]\] as stored.
    pub fn get_own_property(&mut self, o: Gc<JsObject>, key: PropertyKey) -> Option<OwnProperty> {
        if let Some(n) = typed_array_key(o, key) {
            return ta::own_element(o, n);
        }
        match key {
            PropertyKey::Index(i) => {
                match &o.kind {
                    ObjectKind::String(s) if (i as usize) < s.len() => {
                        let c = s.at(i as usize);
                        let v = self.new_string(vec![c]);
                        return Some(OwnProperty { value: v, attrs: ENUMERABLE });
                    }
                    ObjectKind::Arguments { mapped: Some(m) } => {
                        let (ctx, map) = &**m;
                        if let Some(Some(slot)) = map.get(i as usize) {
                            let (_, attrs) = o.get_element(i)?;
                            return Some(OwnProperty { value: ctx.slots[*slot as usize], attrs });
                        }
                    }
                    _ => {}
                }
                o.get_element(i).map(|(value, attrs)| OwnProperty { value, attrs })
            }
            PropertyKey::String(s) if s == self.names.length => {
                if let ObjectKind::Array { length, length_writable } = o.kind {
                    return Some(OwnProperty { value: Value::from_f64(length as f64), attrs: if length_writable { WRITABLE } else { 0 } });
                }
                self.named_own(o, key)
            }
            _ => self.named_own(o, key),
        }
    }

    #[inline]
    fn named_own(&self, o: Gc<JsObject>, key: PropertyKey) -> Option<OwnProperty> {
        let (slot, attrs) = o.shape.lookup(key)?;
        Some(OwnProperty { value: o.slots[slot as usize], attrs })
    }

    /// \[\[Get\]\] on an object with a receiver.
    pub fn get_property(&mut self, o: Gc<JsObject>, key: PropertyKey, receiver: Value) -> JsResult<Value> {
        let mut cur = o;
        loop {
            if let Some(n) = typed_array_key(cur, key) {
                return Ok(ta::ta_data(cur).map_or(Value::UNDEFINED, |t| ta::get_element(&t, n)));
            }
            if let Some(p) = self.get_own_property(cur, key) {
                return match p.accessor() {
                    Some(a) => {
                        if a.get.is_undefined() {
                            Ok(Value::UNDEFINED)
                        } else {
                            self.call(a.get, receiver, &[])
                        }
                    }
                    None => Ok(p.value),
                };
            }
            match cur.proto() {
                Some(p) => cur = p,
                None => return Ok(Value::UNDEFINED),
            }
        }
    }

    /// GetV: \[\[Get\]\] on any value (primitives read their prototype).
    pub fn get(&mut self, v: Value, key: PropertyKey) -> JsResult<Value> {
        if let Some(o) = v.as_object() {
            return self.get_property(o, key, v);
        }
        if let Some(s) = v.as_string() {
            match key {
                PropertyKey::Index(i) if (i as usize) < s.len() => {
                    let c = s.at(i as usize);
                    return Ok(self.single_char_string(c));
                }
                PropertyKey::String(k) if k == self.names.length => return Ok(Value::int(s.len() as i32)),
                _ => {}
            }
        }
        match self.primitive_proto(v) {
            Some(p) => {
                // A primitive's named properties are its prototype's (a string's own ones,
                // `length` and indices, are read above): a data property there is the same
                // whatever the receiver, so the megamorphic cache serves it.
                if !matches!(key, PropertyKey::Index(_)) {
                    if let Some(x) = crate::interpreter::ops::megamorphic_get(self, p, key) {
                        return Ok(x);
                    }
                }
                self.get_property(p, key, v)
            }
            None => {
                let what = if v.is_null() { "null" } else { "undefined" };
                let k = self.key_display(key);
                Err(self.type_error(format!("Cannot read properties of {what} (reading '{k}')")))
            }
        }
    }

    /// A one-code-unit string (cached for ASCII).
    pub fn single_char_string(&mut self, c: u16) -> Value {
        if c < 128 {
            return Value::string(self.intern_units(&[c]));
        }
        self.new_string(vec![c])
    }

    /// A key for messages.
    pub fn key_display(&self, key: PropertyKey) -> String {
        match key {
            PropertyKey::String(s) => s.to_rust_string(),
            PropertyKey::Index(i) => i.to_string(),
            PropertyKey::Symbol(s) => match s.description.as_string() {
                Some(d) => format!("Symbol({})", d.to_rust_string()),
                None => "Symbol()".into(),
            },
        }
    }

    /// Get(O, P) for a string name.
    pub fn get_named(&mut self, v: Value, name: &str) -> JsResult<Value> {
        let k = self.key(name);
        self.get(v, k)
    }

    /// \[\[Set\]\] (OrdinarySet): returns false where strict code would throw.
    pub fn set_property(&mut self, o: Gc<JsObject>, key: PropertyKey, v: Value, receiver: Value) -> JsResult<bool> {
        // Find the property along the chain.
        let mut cur = o;
        let own_desc = loop {
            if let Some(n) = typed_array_key(cur, key) {
                // TypedArray \[\[Set\]\] (§10.4.5.5).
                if receiver.as_object() == Some(cur) {
                    ta::set_element(self, cur, n, v)?;
                    return Ok(true);
                }
                if !ta::has_element(cur, n) {
                    return Ok(true);
                }
            }
            if let Some(p) = self.get_own_property(cur, key) {
                break Some(p);
            }
            match cur.proto() {
                Some(p) => cur = p,
                None => break None,
            }
        };
        if let Some(p) = own_desc {
            if let Some(a) = p.accessor() {
                if a.set.is_undefined() {
                    return Ok(false);
                }
                self.call(a.set, receiver, &[v])?;
                return Ok(true);
            }
            if p.attrs & WRITABLE == 0 {
                return Ok(false);
            }
        }
        let Some(r) = receiver.as_object() else { return Ok(false) };
        // Fast path: the receiver itself holds a writable data property.
        if r == cur && own_desc.is_some() {
            return self.write_own_data(r, key, v);
        }
        match self.get_own_property(r, key) {
            Some(p) => {
                if p.accessor().is_some() || p.attrs & WRITABLE == 0 {
                    return Ok(false);
                }
                self.write_own_data(r, key, v)
            }
            None => self.create_data_property(r, key, v),
        }
    }

    /// Writes an existing own writable data property.
    fn write_own_data(&mut self, o: Gc<JsObject>, key: PropertyKey, v: Value) -> JsResult<bool> {
        if let Some(n) = typed_array_key(o, key) {
            return ta::define_element(self, o, n, PropertyDescriptor { value: Some(v), ..Default::default() });
        }
        match key {
            PropertyKey::Index(i) => {
                if let ObjectKind::Arguments { mapped: Some(m) } = &o.kind {
                    let (ctx, map) = &**m;
                    if let Some(Some(slot)) = map.get(i as usize) {
                        ctx.get_mut().slots[*slot as usize] = v;
                    }
                }
                match &mut *o.get_mut().elements.edit() {
                    Elements::Dense(vec) => vec[i as usize] = v,
                    Elements::Sparse(b) => {
                        if let Some(e) = b.get_mut(&i) {
                            e.0 = v;
                        }
                    }
                }
                Ok(true)
            }
            PropertyKey::String(s) if s == self.names.length && o.is_array() => self.array_set_length_value(o, v),
            _ => {
                let (slot, _) = o.shape.lookup(key).expect("own property exists");
                o.get_mut().slots[slot as usize] = v;
                Ok(true)
            }
        }
    }

    /// PutValue-style set on any value; throws in strict mode when the set fails.
    pub fn put(&mut self, target: Value, key: PropertyKey, v: Value, strict: bool) -> JsResult<()> {
        let ok = match target.as_object() {
            Some(o) => self.set_property(o, key, v, target)?,
            None => {
                if target.is_nullish() {
                    let k = self.key_display(key);
                    let what = if target.is_null() { "null" } else { "undefined" };
                    return Err(self.type_error(format!("Cannot set properties of {what} (setting '{k}')")));
                }
                let p = self.primitive_proto(target).expect("primitive");
                self.set_property(p, key, v, target)?
            }
        };
        if !ok && strict {
            let k = self.key_display(key);
            return Err(self.type_error(format!("Cannot assign to read only property '{k}' of object")));
        }
        Ok(())
    }

    /// Set(O, P, V, Throw=true) for a Rust name.
    pub fn set_named(&mut self, o: Value, name: &str, v: Value) -> JsResult<()> {
        let k = self.key(name);
        self.put(o, k, v, true)
    }

    /// CreateDataProperty: defines a writable, enumerable, configurable data property.
    pub fn create_data_property(&mut self, o: Gc<JsObject>, key: PropertyKey, v: Value) -> JsResult<bool> {
        // Fast path: adding a new property to an extensible ordinary object.
        if o.extensible && !matches!(o.kind, ObjectKind::TypedArray(_)) && self.get_own_property(o, key).is_none() {
            match key {
                PropertyKey::Index(i) => {
                    if o.is_array() {
                        if let ObjectKind::Array { length, length_writable } = o.kind {
                            if i >= length && !length_writable {
                                return Ok(false);
                            }
                        }
                    }
                    self.add_element(o, i, v, DEFAULT);
                }
                _ => self.add_named(o, key, v, DEFAULT),
            }
            return Ok(true);
        }
        self.define_own_property(o, key, PropertyDescriptor::data(v, DEFAULT))
    }

    /// CreateDataPropertyOrThrow.
    pub fn create_data_property_or_throw(&mut self, o: Gc<JsObject>, key: PropertyKey, v: Value) -> JsResult<()> {
        if !self.create_data_property(o, key, v)? {
            let k = self.key_display(key);
            return Err(self.type_error(format!("Cannot define property {k}")));
        }
        Ok(())
    }

    /// Defines (or overwrites) a property unconditionally: for built-in setup and literals.
    pub fn define_data(&mut self, o: Gc<JsObject>, key: PropertyKey, v: Value, attrs: Attrs) {
        match key {
            PropertyKey::Index(i) => {
                self.remove_element(o, i);
                self.add_element(o, i, v, attrs);
            }
            _ => match o.shape.lookup(key) {
                Some((slot, old)) => {
                    o.get_mut().slots[slot as usize] = v;
                    if old != attrs {
                        self.change_attrs(o, key, slot, attrs);
                    }
                }
                None => self.add_named(o, key, v, attrs),
            },
        }
    }

    /// Adds a new named property (the key is absent).
    pub(crate) fn add_named(&mut self, o: Gc<JsObject>, key: PropertyKey, v: Value, attrs: Attrs) {
        let shape = o.shape;
        if shape.is_dictionary() {
            shape.get_mut().dict_add(key, attrs);
        } else if shape.len() >= MAX_FAST_PROPERTIES {
            let d = self.alloc(shape.to_dictionary(shape.proto()));
            d.get_mut().dict_add(key, attrs);
            o.get_mut().shape = d;
        } else {
            let next = match shape.find_transition(key, attrs) {
                Some(s) => s,
                None => {
                    let child = self.alloc(shape.child(key, attrs));
                    shape.get_mut().add_transition(key, attrs, child);
                    child
                }
            };
            o.get_mut().shape = next;
        }
        self.push_slot(o, v);
        self.invalidate_prototype(o);
    }

    /// Appends `v` to `o`'s slots (its shape already has the slot), accounting the memory that
    /// takes.
    #[inline]
    pub(crate) fn push_slot(&mut self, o: Gc<JsObject>, v: Value) {
        let grown = o.get_mut().slots.push(v);
        self.heap.note_bytes(grown);
    }

    /// Changes the attributes of an existing named property.
    fn change_attrs(&mut self, o: Gc<JsObject>, _key: PropertyKey, slot: u32, attrs: Attrs) {
        self.make_dictionary(o);
        o.shape.get_mut().dict_set_attrs(slot, attrs);
        self.invalidate_prototype(o);
    }

    /// Moves an object to dictionary mode (a private, mutable shape).
    pub(crate) fn make_dictionary(&mut self, o: Gc<JsObject>) {
        if !o.shape.is_dictionary() {
            let d = self.alloc(o.shape.to_dictionary(o.proto()));
            o.get_mut().shape = d;
        }
    }

    /// Invalidates inline caches that depend on `o` as a prototype. (Inline: most objects
    /// written to are not prototypes, and the test is all their writes pay.)
    #[inline]
    pub(crate) fn invalidate_prototype(&mut self, o: Gc<JsObject>) {
        if o.proto_info.is_some() {
            self.invalidate_prototype_chains(o);
        }
    }

    #[cold]
    #[inline(never)]
    fn invalidate_prototype_chains(&mut self, o: Gc<JsObject>) {
        let mut work = vec![o];
        while let Some(p) = work.pop() {
            let fresh = self.alloc(super::object::ValidityCell::new());
            let pi = p.get_mut().proto_info.as_mut().expect("prototype");
            let old = std::mem::replace(&mut pi.validity, fresh);
            work.extend(pi.users.iter().copied());
            let old = old.get_mut();
            old.valid = false;
            for d in std::mem::take(&mut old.dependents) {
                crate::jit::invalidate(self, d);
            }
        }
    }

    /// Adds an element (the index is absent).
    pub(crate) fn add_element(&mut self, o: Gc<JsObject>, i: u32, v: Value, attrs: Attrs) {
        let obj = o.get_mut();
        if attrs != DEFAULT {
            Self::make_sparse(obj);
        }
        let (mut too_far, mut redensify) = (false, false);
        match &mut *obj.elements.edit() {
            Elements::Dense(vec) => {
                let idx = i as usize;
                if idx < vec.len() {
                    vec[idx] = v;
                } else if idx == vec.len() {
                    vec.push(v);
                    self.heap.note_bytes(8);
                } else if idx - vec.len() <= MAX_DENSE_GAP {
                    self.heap.note_bytes((idx + 1 - vec.len()) * 8);
                    vec.resize(idx, Value::HOLE);
                    vec.push(v);
                } else {
                    too_far = true;
                }
            }
            Elements::Sparse(b) => {
                b.insert(i, (v, attrs));
                self.heap.note_bytes(32);
                redensify = b.len() >= MIN_REDENSIFY && b.len().is_power_of_two();
            }
        }
        if too_far {
            Self::make_sparse(obj);
            if let Elements::Sparse(b) = &mut *obj.elements.edit() {
                b.insert(i, (v, attrs));
            }
        }
        if redensify {
            Self::maybe_make_dense(obj);
        }
        if let ObjectKind::Array { length, .. } = &mut o.get_mut().kind {
            if i >= *length {
                *length = i + 1;
            }
        }
        self.invalidate_prototype(o);
    }

    fn make_sparse(obj: &mut JsObject) {
        if let Elements::Dense(vec) = &*obj.elements {
            let b: BTreeMap<u32, (Value, Attrs)> =
                vec.iter().enumerate().filter(|(_, v)| !v.is_hole()).map(|(i, v)| (i as u32, (*v, DEFAULT))).collect();
            obj.elements.set(Elements::Sparse(Box::new(b)));
        }
    }

    /// Returns a sparse store to dense form when that keeps its meaning (every element a
    /// default data property) and costs at most twice the memory (at least half the indices
    /// below the highest are present): an array filled from its end goes sparse at first.
    fn maybe_make_dense(obj: &mut JsObject) {
        let Elements::Sparse(b) = &*obj.elements else { return };
        let Some((&last, _)) = b.last_key_value() else { return };
        if last as usize + 1 > 2 * b.len() || b.values().any(|(_, a)| *a != DEFAULT) {
            return;
        }
        let mut vec = vec![Value::HOLE; last as usize + 1];
        for (&i, &(v, _)) in b.iter() {
            vec[i as usize] = v;
        }
        obj.elements.set(Elements::Dense(vec));
    }

    fn remove_element(&mut self, o: Gc<JsObject>, i: u32) {
        match &mut *o.get_mut().elements.edit() {
            Elements::Dense(vec) => {
                let idx = i as usize;
                if idx + 1 == vec.len() {
                    vec.pop();
                } else if idx < vec.len() {
                    vec[idx] = Value::HOLE;
                }
            }
            Elements::Sparse(b) => {
                b.remove(&i);
            }
        }
    }

    /// ValidateAndApplyPropertyDescriptor on an ordinary (or array) object.
    pub fn define_own_property(&mut self, o: Gc<JsObject>, key: PropertyKey, desc: PropertyDescriptor) -> JsResult<bool> {
        if let Some(n) = typed_array_key(o, key) {
            return ta::define_element(self, o, n, desc);
        }
        // Array exotic: `length` and indices.
        if o.is_array() {
            if let PropertyKey::String(s) = key {
                if s == self.names.length {
                    return self.array_define_length(o, desc);
                }
            }
            if let PropertyKey::Index(i) = key {
                if let ObjectKind::Array { length, length_writable } = o.kind {
                    if i >= length && !length_writable {
                        return Ok(false);
                    }
                }
            }
        }
        if let (ObjectKind::String(s), PropertyKey::Index(i)) = (&o.kind, key) {
            if (i as usize) < s.len() {
                let cur = self.get_own_property(o, key).expect("string index");
                return Ok(self.compatible_unchanged(cur, &desc));
            }
        }
        let current = self.get_own_property(o, key);
        let Some(cur) = current else {
            if !o.extensible {
                return Ok(false);
            }
            let (v, attrs) = self.desc_to_stored(&desc, 0);
            match key {
                PropertyKey::Index(i) => self.add_element(o, i, v, attrs),
                _ => self.add_named(o, key, v, attrs),
            }
            return Ok(true);
        };
        if cur.attrs & CONFIGURABLE == 0 {
            if desc.configurable == Some(true) {
                return Ok(false);
            }
            if let Some(e) = desc.enumerable {
                if e != (cur.attrs & ENUMERABLE != 0) {
                    return Ok(false);
                }
            }
            let cur_is_accessor = cur.attrs & ACCESSOR != 0;
            if !desc.is_generic() && desc.is_accessor() != cur_is_accessor {
                return Ok(false);
            }
            if let Some(a) = cur.accessor() {
                if desc.get.is_some_and(|g| g != a.get) || desc.set.is_some_and(|s| s != a.set) {
                    return Ok(false);
                }
            } else if cur.attrs & WRITABLE == 0 {
                if desc.writable == Some(true) {
                    return Ok(false);
                }
                if let Some(v) = desc.value {
                    if !self.same_value(v, cur.value) {
                        return Ok(false);
                    }
                }
                return Ok(true);
            }
        }
        // Apply.
        let (v, attrs) = self.merge_descriptor(cur, &desc);
        // Mapped arguments: writes go to the context; a non-writable or accessor redefinition
        // unmaps the index.
        if let (ObjectKind::Arguments { mapped: Some(m) }, PropertyKey::Index(i)) = (&mut o.get_mut().kind, key) {
            let (ctx, map) = &mut **m;
            if let Some(Some(slot)) = map.get(i as usize).copied() {
                if let Some(val) = desc.value {
                    ctx.get_mut().slots[slot as usize] = val;
                }
                if desc.is_accessor() || desc.writable == Some(false) {
                    map[i as usize] = None;
                }
            }
        }
        match key {
            PropertyKey::Index(i) => {
                if attrs == DEFAULT {
                    if let Elements::Dense(vec) = &mut *o.get_mut().elements.edit() {
                        vec[i as usize] = v;
                        return Ok(true);
                    }
                }
                let obj = o.get_mut();
                Self::make_sparse(obj);
                if let Elements::Sparse(b) = &mut *obj.elements.edit() {
                    b.insert(i, (v, attrs));
                }
                self.invalidate_prototype(o);
            }
            _ => {
                let (slot, old) = o.shape.lookup(key).expect("exists");
                o.get_mut().slots[slot as usize] = v;
                if old != attrs {
                    self.change_attrs(o, key, slot, attrs);
                }
            }
        }
        Ok(true)
    }

    fn compatible_unchanged(&self, cur: OwnProperty, desc: &PropertyDescriptor) -> bool {
        if desc.configurable == Some(true)
            || desc.enumerable.is_some_and(|e| e != (cur.attrs & ENUMERABLE != 0))
            || desc.is_accessor()
            || desc.writable == Some(true)
        {
            return false;
        }
        desc.value.is_none_or(|v| self.same_value(v, cur.value))
    }

    /// A descriptor's stored form for a new property (absent fields default to false).
    fn desc_to_stored(&mut self, d: &PropertyDescriptor, _base: Attrs) -> (Value, Attrs) {
        let mut attrs = 0;
        if d.enumerable == Some(true) {
            attrs |= ENUMERABLE;
        }
        if d.configurable == Some(true) {
            attrs |= CONFIGURABLE;
        }
        if d.is_accessor() {
            let a = self.alloc(Accessor::new(d.get.unwrap_or(Value::UNDEFINED), d.set.unwrap_or(Value::UNDEFINED)));
            (Value::cell(a), attrs | ACCESSOR)
        } else {
            if d.writable == Some(true) {
                attrs |= WRITABLE;
            }
            (d.value.unwrap_or(Value::UNDEFINED), attrs)
        }
    }

    fn merge_descriptor(&mut self, cur: OwnProperty, d: &PropertyDescriptor) -> (Value, Attrs) {
        let mut attrs = cur.attrs & (ENUMERABLE | CONFIGURABLE);
        if let Some(e) = d.enumerable {
            attrs = if e { attrs | ENUMERABLE } else { attrs & !ENUMERABLE };
        }
        if let Some(c) = d.configurable {
            attrs = if c { attrs | CONFIGURABLE } else { attrs & !CONFIGURABLE };
        }
        let cur_acc = cur.accessor();
        if d.is_accessor() {
            let (g, s) = match cur_acc {
                Some(a) => (a.get, a.set),
                None => (Value::UNDEFINED, Value::UNDEFINED),
            };
            let a = self.alloc(Accessor::new(d.get.unwrap_or(g), d.set.unwrap_or(s)));
            return (Value::cell(a), attrs | ACCESSOR);
        }
        if d.is_data() || cur_acc.is_none() {
            let writable = match (d.writable, cur_acc) {
                (Some(w), _) => w,
                (None, Some(_)) => false,
                (None, None) => cur.attrs & WRITABLE != 0,
            };
            if writable {
                attrs |= WRITABLE;
            }
            let v = d.value.unwrap_or(if cur_acc.is_some() { Value::UNDEFINED } else { cur.value });
            return (v, attrs);
        }
        (cur.value, attrs | ACCESSOR)
    }

    fn array_define_length(&mut self, o: Gc<JsObject>, desc: PropertyDescriptor) -> JsResult<bool> {
        let ObjectKind::Array { length, length_writable } = o.kind else { unreachable!() };
        if desc.is_accessor() || desc.configurable == Some(true) || desc.enumerable == Some(true) {
            return Ok(false);
        }
        let Some(v) = desc.value else {
            if desc.writable == Some(true) && !length_writable {
                return Ok(false);
            }
            if desc.writable == Some(false) {
                if let ObjectKind::Array { length_writable, .. } = &mut o.get_mut().kind {
                    *length_writable = false;
                }
            }
            return Ok(true);
        };
        let new_len = self.to_array_length(v)?;
        if new_len != length && !length_writable {
            return Ok(false);
        }
        if desc.writable == Some(true) && !length_writable {
            return Ok(false);
        }
        let ok = self.array_truncate(o, new_len);
        if desc.writable == Some(false) {
            if let ObjectKind::Array { length_writable, .. } = &mut o.get_mut().kind {
                *length_writable = false;
            }
        }
        Ok(ok)
    }

    /// ToUint32 with the RangeError check of ArraySetLength.
    fn to_array_length(&mut self, v: Value) -> JsResult<u32> {
        let n = self.to_uint32(v)?;
        let num = self.to_number(v)?;
        if n as f64 != num {
            return Err(self.range_error("Invalid array length"));
        }
        Ok(n)
    }

    fn array_set_length_value(&mut self, o: Gc<JsObject>, v: Value) -> JsResult<bool> {
        let n = self.to_array_length(v)?;
        if let ObjectKind::Array { length_writable: false, length } = o.kind {
            return Ok(n == length);
        }
        Ok(self.array_truncate(o, n))
    }

    /// Sets an array's length, deleting elements from the end; false if a
    /// non-configurable element stopped it.
    pub(crate) fn array_truncate(&mut self, o: Gc<JsObject>, new_len: u32) -> bool {
        let ObjectKind::Array { length, .. } = o.kind else { return false };
        let mut final_len = new_len;
        if new_len < length {
            match &mut *o.get_mut().elements.edit() {
                Elements::Dense(vec) => {
                    if (new_len as usize) < vec.len() {
                        vec.truncate(new_len as usize);
                    }
                }
                Elements::Sparse(b) => {
                    let keys: Vec<u32> = b.range(new_len..).map(|(k, _)| *k).collect();
                    for k in keys.into_iter().rev() {
                        if b[&k].1 & CONFIGURABLE == 0 {
                            final_len = k + 1;
                            break;
                        }
                        b.remove(&k);
                    }
                }
            }
        }
        if let ObjectKind::Array { length, .. } = &mut o.get_mut().kind {
            *length = final_len;
        }
        final_len == new_len
    }

    /// DefinePropertyOrThrow.
    pub fn define_property_or_throw(&mut self, o: Gc<JsObject>, key: PropertyKey, desc: PropertyDescriptor) -> JsResult<()> {
        if !self.define_own_property(o, key, desc)? {
            let k = self.key_display(key);
            return Err(self.type_error(format!("Cannot redefine property: {k}")));
        }
        Ok(())
    }

    /// \[\[Delete\]\].
    pub fn delete_property(&mut self, o: Gc<JsObject>, key: PropertyKey) -> JsResult<bool> {
        if let Some(n) = typed_array_key(o, key) {
            return Ok(!ta::has_element(o, n));
        }
        let Some(cur) = self.get_own_property(o, key) else { return Ok(true) };
        if cur.attrs & CONFIGURABLE == 0 {
            return Ok(false);
        }
        match key {
            PropertyKey::Index(i) => {
                if let ObjectKind::Arguments { mapped: Some(mapped) } = &mut o.get_mut().kind {
                    if let Some(m) = mapped.1.get_mut(i as usize) {
                        *m = None;
                    }
                }
                self.remove_element(o, i);
                self.invalidate_prototype(o);
            }
            _ => {
                let (slot, _) = o.shape.lookup(key).expect("exists");
                self.make_dictionary(o);
                o.shape.get_mut().dict_remove(slot);
                o.get_mut().slots.remove(slot as usize);
                self.invalidate_prototype(o);
            }
        }
        Ok(true)
    }

    /// \[\[HasProperty\]\].
    pub fn has_property(&mut self, o: Gc<JsObject>, key: PropertyKey) -> JsResult<bool> {
        let mut cur = o;
        loop {
            if let Some(n) = typed_array_key(cur, key) {
                return Ok(ta::has_element(cur, n));
            }
            if self.get_own_property(cur, key).is_some() {
                return Ok(true);
            }
            match cur.proto() {
                Some(p) => cur = p,
                None => return Ok(false),
            }
        }
    }

    /// HasOwnProperty.
    pub fn has_own_property(&mut self, o: Gc<JsObject>, key: PropertyKey) -> bool {
        self.get_own_property(o, key).is_some()
    }

    /// \[\[OwnPropertyKeys\]\]: indices ascending, then strings, then symbols, in creation order.
    /// Private names are never listed.
    pub fn own_property_keys(&mut self, o: Gc<JsObject>) -> Vec<PropertyKey> {
        let mut keys = Vec::new();
        if let ObjectKind::String(s) = &o.kind {
            keys.extend((0..s.len() as u32).map(PropertyKey::Index));
        }
        if let ObjectKind::TypedArray(_) = &o.kind {
            keys.extend(ta::index_keys(o));
        }
        match &*o.elements {
            Elements::Dense(v) => {
                keys.extend(v.iter().enumerate().filter(|(_, x)| !x.is_hole()).map(|(i, _)| PropertyKey::Index(i as u32)))
            }
            Elements::Sparse(b) => keys.extend(b.keys().map(|i| PropertyKey::Index(*i))),
        }
        if o.is_array() {
            keys.push(PropertyKey::String(self.names.length));
        }
        let props = o.shape.properties();
        keys.extend(props.iter().filter(|(k, _)| matches!(k, PropertyKey::String(_))).map(|(k, _)| *k));
        keys.extend(props.iter().filter(|(k, _)| matches!(k, PropertyKey::Symbol(s) if !s.private)).map(|(k, _)| *k));
        keys
    }

    /// \[\[SetPrototypeOf\]\].
    pub fn set_prototype_of(&mut self, o: Gc<JsObject>, proto: Option<Gc<JsObject>>) -> JsResult<bool> {
        if o.proto() == proto {
            return Ok(true);
        }
        if !o.extensible {
            return Ok(false);
        }
        // No cycles.
        let mut p = proto;
        while let Some(x) = p {
            if x == o {
                return Ok(false);
            }
            p = x.proto();
        }
        let old = o.proto();
        if o.shape.is_dictionary() {
            o.shape.get_mut().dict_set_proto(proto);
        } else if o.shape.is_empty() {
            let s = self.root_shape(proto);
            o.get_mut().shape = s;
        } else {
            let d = self.alloc(o.shape.to_dictionary(proto));
            o.get_mut().shape = d;
        }
        if o.proto_info.is_some() {
            if let Some(old) = old {
                if let Some(pi) = old.get_mut().proto_info.as_mut() {
                    pi.users.retain(|u| *u != o);
                }
            }
            if let Some(p) = proto {
                self.ensure_proto_info(p);
                p.get_mut().proto_info.as_mut().expect("ensured").users.push(o);
            }
            self.invalidate_prototype(o);
        }
        Ok(true)
    }

    /// \[\[PreventExtensions\]\]: false for a TypedArray that is not fixed-length.
    pub fn prevent_extensions(&mut self, o: Gc<JsObject>) -> bool {
        if !ta::is_fixed_length(o) {
            return false;
        }
        if o.extensible {
            o.get_mut().extensible = false;
            self.make_dictionary(o);
            self.invalidate_prototype(o);
        }
        true
    }
}

impl PropertyDescriptor {
    /// IsGenericDescriptor.
    pub fn is_generic(&self) -> bool {
        !self.is_accessor() && !self.is_data()
    }
}
