//! The keyed collections: `Map`, `Set`, `WeakMap`, `WeakSet` (ECMAScript 2025 §24), their
//! iterators (`%MapIteratorPrototype%`, `%SetIteratorPrototype%`), the ES2025 `Set` methods
//! (`union`, `isSubsetOf`, ...) and the shared GroupBy operation (`Map.groupBy`,
//! `Object.groupBy`).
//!
//! **Storage.** A Map or Set keeps an [`OrderedMap`]: an insertion-ordered vector of entries
//! with tombstones, plus a hash index from a normalised SameValueZero key (strings by content,
//! numbers with `-0` folded into `+0` and every NaN equal, everything else by identity) to
//! the entry's position. Lookup, insertion and deletion are O(1) on average.
//!
//! **Iteration and compaction.** Iterators (and `forEach`, and the `Set` methods that walk
//! `this`) advance by entry position, exactly as the spec's List indices do: entries appended
//! during iteration are visited, deleted ones are skipped. When tombstones pile up the vector
//! is compacted, which moves positions. So that cursors survive it, a cursor does not refer
//! to the collection directly but to a [`MapEpoch`] record: the epoch that was current when
//! the cursor last looked. Compacting (or clearing) a collection that has an epoch stamps that
//! epoch with the positions it removed and links it to a fresh epoch; a cursor from an older
//! epoch translates its position through the chain (`p - removed positions below p`) the next
//! time it moves. Old epochs are ordinary heap cells, reachable only from the cursors that
//! still need them, so the collector frees them with those cursors.
//!
//! **Weak collections.** A WeakMap or WeakSet keeps a [`WeakTable`] keyed by identity. Its
//! object is registered in `Runtime::weak_tables`; the collector treats its entries as
//! ephemerons (a value is reachable only if both the table and the key are, see
//! [`WeakTable::mark_live_values`]) and then drops entries whose keys died
//! ([`WeakTable::retain_marked`]).

use super::iterator::{new_iterator, IterKind, IteratorState};
use super::{make_constructor, to_string_tag, BuiltinData};
use crate::heap::{CellHeader, CellKind, Gc, Marker, Trace};
use crate::runtime::names::WellKnown;
use crate::runtime::object::{JsObject, NativeFn, ObjectKind};
use crate::runtime::shape::{PropertyKey, HIDDEN};
use crate::runtime::string::{same_contents, JsString};
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

// ----- hashing -----

type BuildKeyHasher = crate::runtime::hash::BuildFastHasher;

/// CanonicalizeKeyedCollectionKey: `-0` becomes `+0`; numbers get one representation (int32
/// when integral), so that equal numbers have equal bits.
fn canonical_key(v: Value) -> Value {
    if !v.is_double() {
        return v;
    }
    let d = v.double_unchecked();
    if d == 0.0 {
        Value::int(0)
    } else {
        Value::from_f64(d)
    }
}

/// A SameValueZero hash key: strings by content, everything else by the bits of its
/// canonical value (numbers by value, objects and symbols by identity).
#[derive(Clone, Copy)]
enum NormKey {
    Bits(u64),
    Str(Gc<JsString>),
}

impl NormKey {
    /// The key of an already canonical value (see [`canonical_key`]).
    #[inline]
    fn of(v: Value) -> NormKey {
        match v.as_string() {
            Some(s) => NormKey::Str(s),
            None => NormKey::Bits(v.to_bits()),
        }
    }
}

impl PartialEq for NormKey {
    #[inline]
    fn eq(&self, o: &NormKey) -> bool {
        match (self, o) {
            (NormKey::Bits(a), NormKey::Bits(b)) => a == b,
            (NormKey::Str(a), NormKey::Str(b)) => same_contents(*a, *b),
            _ => false,
        }
    }
}
impl Eq for NormKey {}

impl Hash for NormKey {
    #[inline]
    fn hash<H: Hasher>(&self, h: &mut H) {
        match self {
            NormKey::Bits(b) => h.write_u64(*b),
            NormKey::Str(s) => {
                let u = s.units();
                h.write_u64(u.len() as u64 ^ 0x5354_5249_4e47_0000);
                for c in u.chunks(4) {
                    let mut w = 0u64;
                    for (i, x) in c.iter().enumerate() {
                        w |= (*x as u64) << (16 * i);
                    }
                    h.write_u64(w);
                }
            }
        }
    }
}

// ----- epochs -----

/// Positions removed by one compaction.
enum Removal {
    /// Everything (the collection was cleared): every cursor restarts at position 0.
    All,
    /// These positions (ascending) were tombstones and are gone; later entries moved down.
    Positions(Box<[usize]>),
}

impl Removal {
    /// Where a cursor at `p` (the next position to visit) is after the compaction.
    fn translate(&self, p: usize) -> usize {
        match self {
            Removal::All => 0,
            Removal::Positions(r) => p - r.partition_point(|&x| x < p),
        }
    }
}

/// One layout epoch of a Map's or Set's entry vector, for cursors (see the module docs).
#[repr(C)]
pub struct MapEpoch {
    header: CellHeader,
    /// The Map or Set.
    owner: Gc<JsObject>,
    /// Is the owner a Set?
    is_set: bool,
    /// Set when the epoch ended: what the compaction removed, and the epoch after it.
    compacted: Option<(Removal, Gc<MapEpoch>)>,
}

impl Trace for MapEpoch {
    const KIND: CellKind = CellKind::MapEpoch;
    fn trace(&self, m: &mut Marker) {
        m.cell(self.owner);
        if let Some((_, next)) = &self.compacted {
            m.cell(*next);
        }
    }
}

/// Follows compactions from `e` to the current epoch, translating position `p`.
fn resolve_epoch(mut e: Gc<MapEpoch>, mut p: usize) -> (Gc<MapEpoch>, usize) {
    while let Some((r, next)) = &e.compacted {
        p = r.translate(p);
        e = *next;
    }
    (e, p)
}

// ----- OrderedMap -----

/// Insertion-ordered hash table keyed by SameValueZero: the `[[MapData]]` of a Map and the
/// `[[SetData]]` of a Set (whose values are unused).
#[derive(Default)]
pub struct OrderedMap {
    /// Entries in insertion order; `None` is a deleted entry (tombstone).
    entries: Vec<Option<(Value, Value)>>,
    /// Normalised key → position in `entries`.
    index: HashMap<NormKey, usize, BuildKeyHasher>,
    /// The current epoch, if any cursor was ever taken since the last compaction.
    epoch: Option<Gc<MapEpoch>>,
    /// Every position below this one is a tombstone, so a walk from the start skips them at
    /// once (deleting entries from the front while iterating stays linear).
    head: usize,
}

/// Compaction happens once at least this many tombstones make up half the vector.
const MIN_TOMBSTONES: usize = 16;

impl OrderedMap {
    /// Marks the entries and the current epoch.
    pub(crate) fn trace(&self, m: &mut Marker) {
        for (k, v) in self.entries.iter().flatten() {
            m.value(*k);
            m.value(*v);
        }
        m.opt(self.epoch);
    }

    /// Live entries in order.
    pub fn live_entries(&self) -> Vec<(Value, Value)> {
        self.entries.iter().flatten().copied().collect()
    }

    /// The number of live entries.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Memory held by the entry vector and the index (an estimate of the hash table's).
    pub fn owned_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Option<(Value, Value)>>()
            + self.index.capacity() * (std::mem::size_of::<(NormKey, usize)>() + 1)
    }

    /// Is the table empty?
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The position of `key` (any value; canonicalised here).
    #[inline]
    fn find(&self, key: Value) -> Option<usize> {
        if self.index.is_empty() {
            return None;
        }
        self.index.get(&NormKey::of(canonical_key(key))).copied()
    }

    /// The value stored for `key`.
    pub fn get(&self, key: Value) -> Option<Value> {
        self.find(key).and_then(|i| self.entries[i]).map(|e| e.1)
    }

    /// Is `key` present?
    pub fn has(&self, key: Value) -> bool {
        self.find(key).is_some()
    }

    /// Sets `key` (canonicalised) to `value`, appending a new entry if absent. Returns true
    /// if an entry was added.
    pub fn set(&mut self, key: Value, value: Value) -> bool {
        let key = canonical_key(key);
        let nk = NormKey::of(key);
        if let Some(&i) = self.index.get(&nk) {
            if let Some(e) = &mut self.entries[i] {
                e.1 = value;
            }
            return false;
        }
        self.index.insert(nk, self.entries.len());
        self.entries.push(Some((key, value)));
        true
    }

    /// Deletes `key`; true if it was present. May compact (see the module docs).
    pub fn delete(&mut self, rt: &mut Runtime, key: Value) -> bool {
        if self.index.is_empty() {
            return false;
        }
        let Some(i) = self.index.remove(&NormKey::of(canonical_key(key))) else { return false };
        self.entries[i] = None;
        if i == self.head {
            while self.head < self.entries.len() && self.entries[self.head].is_none() {
                self.head += 1;
            }
        }
        let tombstones = self.entries.len() - self.index.len();
        if tombstones >= MIN_TOMBSTONES && tombstones * 2 >= self.entries.len() {
            self.compact(rt);
        }
        true
    }

    /// Removes every entry (live cursors restart at the beginning, where new entries go).
    pub fn clear(&mut self, rt: &mut Runtime) {
        if self.entries.is_empty() {
            return;
        }
        self.entries = Vec::new();
        self.index = HashMap::default();
        self.head = 0;
        self.end_epoch(rt, Removal::All);
    }

    /// Drops the tombstones, renumbering positions.
    fn compact(&mut self, rt: &mut Runtime) {
        let mut removed = Vec::with_capacity(self.entries.len() - self.index.len());
        let mut remap = vec![usize::MAX; self.entries.len()];
        let mut kept = Vec::with_capacity(self.index.len());
        for (i, e) in self.entries.iter().enumerate() {
            match e {
                Some(e) => {
                    remap[i] = kept.len();
                    kept.push(Some(*e));
                }
                None => removed.push(i),
            }
        }
        for p in self.index.values_mut() {
            *p = remap[*p];
        }
        if self.index.capacity() > 64 && self.index.capacity() > 4 * self.index.len() {
            self.index.shrink_to_fit();
        }
        self.entries = kept;
        self.head = 0;
        if self.epoch.is_some() {
            self.end_epoch(rt, Removal::Positions(removed.into_boxed_slice()));
        }
    }

    /// Closes the current epoch (if any) with `removal` and starts a fresh one.
    fn end_epoch(&mut self, rt: &mut Runtime, removal: Removal) {
        if let Some(old) = self.epoch {
            let next = rt.alloc(MapEpoch { header: CellHeader::new::<MapEpoch>(), owner: old.owner, is_set: old.is_set, compacted: None });
            old.get_mut().compacted = Some((removal, next));
            self.epoch = Some(next);
        }
    }

    /// The current epoch, created on first use.
    fn current_epoch(&mut self, rt: &mut Runtime, owner: Gc<JsObject>, is_set: bool) -> Gc<MapEpoch> {
        if let Some(e) = self.epoch {
            return e;
        }
        let e = rt.alloc(MapEpoch { header: CellHeader::new::<MapEpoch>(), owner, is_set, compacted: None });
        self.epoch = Some(e);
        e
    }

    /// The first live entry at or after position `p`, and its position.
    fn next_live(&self, p: usize) -> Option<(usize, (Value, Value))> {
        let mut p = p.max(self.head);
        while p < self.entries.len() {
            if let Some(e) = self.entries[p] {
                return Some((p, e));
            }
            p += 1;
        }
        None
    }

    /// A copy without tombstones (and without epochs).
    fn copy(&self) -> OrderedMap {
        let mut out = OrderedMap::default();
        out.entries.reserve(self.len());
        out.index.reserve(self.len());
        for (k, v) in self.entries.iter().flatten() {
            out.index.insert(NormKey::of(*k), out.entries.len());
            out.entries.push(Some((*k, *v)));
        }
        out
    }
}

/// The table of a Map or Set object.
fn table(o: &Gc<JsObject>) -> &mut OrderedMap {
    match o.get_mut().builtin_mut() {
        Some(BuiltinData::Map(t) | BuiltinData::Set(t)) => t,
        _ => unreachable!("checked to be a Map or Set"),
    }
}

/// Walks a Map's or Set's entries by position, surviving mutation (see the module docs).
struct Cursor {
    epoch: Gc<MapEpoch>,
    pos: usize,
}

impl Cursor {
    /// A cursor at the first entry of `o` (a Map or Set); its epoch is kept alive until the
    /// running native returns.
    fn new(rt: &mut Runtime, o: Gc<JsObject>) -> Cursor {
        let is_set = matches!(o.builtin(), Some(BuiltinData::Set(_)));
        let epoch = table(&o).current_epoch(rt, o, is_set);
        rt.keep(Value::cell(epoch));
        Cursor { epoch, pos: 0 }
    }

    /// The next live entry, or `None` at the end (entries added later are still found).
    fn next(&mut self) -> Option<(Value, Value)> {
        let (e, p) = resolve_epoch(self.epoch, self.pos);
        self.epoch = e;
        let found = table(&e.owner).next_live(p);
        match found {
            Some((i, entry)) => {
                self.pos = i + 1;
                Some(entry)
            }
            None => {
                self.pos = p;
                None
            }
        }
    }
}

// ----- WeakTable -----

/// Is the cell `v` points to marked (non-pointers count as marked)?
fn is_marked(v: Value) -> bool {
    if let Some(o) = v.as_object() {
        o.is_marked()
    } else if let Some(s) = v.as_symbol() {
        s.is_marked()
    } else if let Some(s) = v.as_string() {
        s.is_marked()
    } else if let Some(c) = v.as_cell::<CellHeader>() {
        c.is_marked()
    } else {
        true
    }
}

/// An ephemeron table: the `[[WeakMapData]]` of a WeakMap (key → value) or the
/// `[[WeakSetData]]` of a WeakSet (values unused). Keys are objects or unregistered symbols,
/// compared by identity.
#[derive(Default)]
pub struct WeakTable {
    entries: HashMap<Value, Value, BuildKeyHasher>,
}

impl WeakTable {
    /// The value for `key`.
    pub fn get(&self, key: Value) -> Option<Value> {
        self.entries.get(&key).copied()
    }

    /// Is `key` present?
    pub fn has(&self, key: Value) -> bool {
        self.entries.contains_key(&key)
    }

    /// Sets `key` to `value`.
    pub fn set(&mut self, key: Value, value: Value) {
        self.entries.insert(key, value);
    }

    /// Removes `key`; true if it was present.
    pub fn delete(&mut self, key: Value) -> bool {
        self.entries.remove(&key).is_some()
    }

    /// The number of entries (live or not yet collected).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Is the table empty?
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Marks the values of entries whose keys are marked (the table itself is); true if that
    /// marked anything new, so the collector must drain and come back.
    pub(crate) fn mark_live_values(&self, m: &mut Marker) -> bool {
        let mut any = false;
        for (k, v) in &self.entries {
            if is_marked(*k) && !is_marked(*v) {
                m.value(*v);
                any = true;
            }
        }
        any
    }

    /// After marking: drops the entries whose keys were not marked.
    pub(crate) fn retain_marked(&mut self) {
        self.entries.retain(|k, _| is_marked(*k));
        if self.entries.capacity() > 64 && self.entries.capacity() > 4 * self.entries.len() {
            self.entries.shrink_to_fit();
        }
    }
}

/// CanBeHeldWeakly: objects, and symbols not in the global registry.
fn can_be_held_weakly(v: Value) -> bool {
    v.is_object() || v.as_symbol().is_some_and(|s| !s.registered && !s.private)
}

// ----- installation -----

pub(crate) fn install(rt: &mut Runtime) {
    install_map(rt);
    install_set(rt);
    install_weak_map(rt);
    install_weak_set(rt);
}

fn species_getter(rt: &mut Runtime, c: Gc<JsObject>) {
    let sk = PropertyKey::Symbol(rt.well_known(WellKnown::Species));
    rt.define_getter(c, sk, "get [Symbol.species]", return_this, None);
}

fn return_this(_rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    Ok(a.this)
}

fn install_map(rt: &mut Runtime) {
    let c = make_constructor(rt, "Map", 0, map_constructor, Intrinsic::MapPrototype, Intrinsic::Map);
    rt.define_method(c, "groupBy", 2, map_group_by);
    species_getter(rt, c);
    let p = rt.intrinsic(Intrinsic::MapPrototype);
    for (name, len, f) in [
        ("clear", 0, map_clear as NativeFn),
        ("delete", 1, map_delete),
        ("forEach", 1, map_for_each),
        ("get", 1, map_get),
        ("has", 1, map_has),
        ("keys", 0, map_keys),
        ("set", 2, map_set),
        ("values", 0, map_values),
    ] {
        rt.define_method(p, name, len, f);
    }
    let entries = rt.define_method(p, "entries", 0, map_entries);
    let ik = PropertyKey::Symbol(rt.well_known(WellKnown::Iterator));
    rt.define_data(p, ik, Value::object(entries), HIDDEN);
    let sk = rt.key("size");
    rt.define_getter(p, sk, "get size", map_size, None);
    to_string_tag(rt, p, "Map");
    let ip = rt.intrinsic(Intrinsic::MapIteratorPrototype);
    rt.define_method(ip, "next", 0, map_iterator_next);
    to_string_tag(rt, ip, "Map Iterator");
}

fn install_set(rt: &mut Runtime) {
    let c = make_constructor(rt, "Set", 0, set_constructor, Intrinsic::SetPrototype, Intrinsic::Set);
    species_getter(rt, c);
    let p = rt.intrinsic(Intrinsic::SetPrototype);
    for (name, len, f) in [
        ("add", 1, set_add as NativeFn),
        ("clear", 0, set_clear),
        ("delete", 1, set_delete),
        ("difference", 1, set_difference),
        ("entries", 0, set_entries),
        ("forEach", 1, set_for_each),
        ("has", 1, set_has),
        ("intersection", 1, set_intersection),
        ("isDisjointFrom", 1, set_is_disjoint_from),
        ("isSubsetOf", 1, set_is_subset_of),
        ("isSupersetOf", 1, set_is_superset_of),
        ("symmetricDifference", 1, set_symmetric_difference),
        ("union", 1, set_union),
    ] {
        rt.define_method(p, name, len, f);
    }
    let sk = rt.key("size");
    rt.define_getter(p, sk, "get size", set_size, None);
    let values = rt.define_method(p, "values", 0, set_values);
    let kk = rt.key("keys");
    rt.define_data(p, kk, Value::object(values), HIDDEN);
    let ik = PropertyKey::Symbol(rt.well_known(WellKnown::Iterator));
    rt.define_data(p, ik, Value::object(values), HIDDEN);
    to_string_tag(rt, p, "Set");
    let ip = rt.intrinsic(Intrinsic::SetIteratorPrototype);
    rt.define_method(ip, "next", 0, set_iterator_next);
    to_string_tag(rt, ip, "Set Iterator");
}

fn install_weak_map(rt: &mut Runtime) {
    make_constructor(rt, "WeakMap", 0, weak_map_constructor, Intrinsic::WeakMapPrototype, Intrinsic::WeakMap);
    let p = rt.intrinsic(Intrinsic::WeakMapPrototype);
    for (name, len, f) in
        [("delete", 1, weak_map_delete as NativeFn), ("get", 1, weak_map_get), ("has", 1, weak_map_has), ("set", 2, weak_map_set)]
    {
        rt.define_method(p, name, len, f);
    }
    to_string_tag(rt, p, "WeakMap");
}

fn install_weak_set(rt: &mut Runtime) {
    make_constructor(rt, "WeakSet", 0, weak_set_constructor, Intrinsic::WeakSetPrototype, Intrinsic::WeakSet);
    let p = rt.intrinsic(Intrinsic::WeakSetPrototype);
    for (name, len, f) in [("add", 1, weak_set_add as NativeFn), ("delete", 1, weak_set_delete), ("has", 1, weak_set_has)] {
        rt.define_method(p, name, len, f);
    }
    to_string_tag(rt, p, "WeakSet");
}

// ----- shared helpers -----

/// Root-stack mark: values kept after it are released by [`release`] (for loops that keep
/// per-iteration values across calls into JavaScript).
fn mark(rt: &Runtime) -> usize {
    rt.kept.len()
}

fn release(rt: &mut Runtime, mark: usize) {
    rt.kept.truncate(mark);
}

/// Runs `f`; on a throw completion closes `iter` (IfAbruptCloseIterator).
fn close_on_error<T>(rt: &mut Runtime, iter: Value, r: JsResult<T>) -> JsResult<T> {
    r.map_err(|e| rt.iterator_close_on_throw(iter, e))
}

/// Requires the constructor to be called with `new`.
fn require_new(rt: &mut Runtime, a: &CallArgs, name: &str) -> JsResult<()> {
    if a.new_target.is_undefined() {
        return Err(rt.type_error(format!("Constructor {name} requires 'new'")));
    }
    Ok(())
}

/// A new collection object with `proto` and `data`.
fn new_collection(rt: &mut Runtime, proto: Gc<JsObject>, data: BuiltinData) -> Gc<JsObject> {
    let weak = matches!(data, BuiltinData::WeakMap(_) | BuiltinData::WeakSet(_));
    let o = rt.new_object_with(Some(proto), ObjectKind::Builtin(Box::new(data)));
    if weak {
        rt.weak_tables.push(o);
    }
    o
}

/// The adder of a collection being constructed (`set` or `add`), which must be callable.
fn get_adder(rt: &mut Runtime, o: Gc<JsObject>, name: &str) -> JsResult<Value> {
    let k = rt.key(name);
    let adder = rt.get(Value::object(o), k)?;
    if !rt.is_callable(adder) {
        return Err(rt.type_error(format!("'{name}' returned for the collection is not callable")));
    }
    rt.keep(adder);
    Ok(adder)
}

/// AddEntriesFromIterable(target, iterable, adder).
fn add_entries_from_iterable(rt: &mut Runtime, target: Gc<JsObject>, iterable: Value, adder: Value) -> JsResult<()> {
    let (it, next) = rt.get_iterator(iterable)?;
    rt.keep(it);
    rt.keep(next);
    let m = mark(rt);
    let tv = Value::object(target);
    while let Some(item) = rt.iterator_step(it, next)? {
        rt.keep(item);
        let r = (|| -> JsResult<()> {
            if !item.is_object() {
                let d = rt.describe_for_error(item);
                return Err(rt.type_error(format!("Iterator value {d} is not an entry object")));
            }
            let k = rt.get(item, PropertyKey::Index(0))?;
            rt.keep(k);
            let v = rt.get(item, PropertyKey::Index(1))?;
            rt.keep(v);
            rt.call(adder, tv, &[k, v])?;
            Ok(())
        })();
        close_on_error(rt, it, r)?;
        release(rt, m);
    }
    Ok(())
}

/// Adds every value of `iterable` with `adder` (the Set and WeakSet constructors).
fn add_values_from_iterable(rt: &mut Runtime, target: Gc<JsObject>, iterable: Value, adder: Value) -> JsResult<()> {
    let (it, next) = rt.get_iterator(iterable)?;
    rt.keep(it);
    rt.keep(next);
    let m = mark(rt);
    let tv = Value::object(target);
    while let Some(item) = rt.iterator_step(it, next)? {
        rt.keep(item);
        let r = rt.call(adder, tv, &[item]);
        close_on_error(rt, it, r)?;
        release(rt, m);
    }
    Ok(())
}

/// Accounts memory for one new entry.
fn note_entry(rt: &mut Runtime) {
    rt.heap.note_bytes(40);
}

// ----- GroupBy -----

/// GroupBy(items, callback, keyCoercion): the `(key, values)` groups in first-seen order.
/// `property_keys` selects the PROPERTY coercion (ToPropertyKey; keys are returned as string
/// or symbol values), otherwise ZERO (`-0` becomes `+0`, keys compared by SameValue).
pub(crate) fn group_by(rt: &mut Runtime, items: Value, callback: Value, property_keys: bool) -> JsResult<Vec<(Value, Vec<Value>)>> {
    if items.is_nullish() {
        return Err(rt.type_error("groupBy called on null or undefined"));
    }
    if !rt.is_callable(callback) {
        return Err(rt.type_error("groupBy callback is not a function"));
    }
    let mut groups: Vec<(Value, Vec<Value>)> = Vec::new();
    let mut by_prop: HashMap<PropertyKey, usize> = HashMap::new();
    let mut by_value: HashMap<NormKey, usize, BuildKeyHasher> = HashMap::default();
    let (it, next) = rt.get_iterator(items)?;
    rt.keep(it);
    rt.keep(next);
    let mut k: f64 = 0.0;
    loop {
        if k >= 9007199254740991.0 {
            let e = rt.type_error("groupBy: too many elements");
            return Err(rt.iterator_close_on_throw(it, e));
        }
        let Some(value) = rt.iterator_step(it, next)? else { break };
        rt.keep(value);
        let r = rt.call(callback, Value::UNDEFINED, &[value, Value::from_f64(k)]);
        let key = close_on_error(rt, it, r)?;
        let slot = if property_keys {
            rt.keep(key);
            let r = rt.to_property_key(key);
            let pk = close_on_error(rt, it, r)?;
            let kv = rt.key_to_value(pk);
            rt.keep(kv);
            *by_prop.entry(pk).or_insert_with(|| {
                groups.push((kv, Vec::new()));
                groups.len() - 1
            })
        } else {
            let key = canonical_key(key);
            rt.keep(key);
            *by_value.entry(NormKey::of(key)).or_insert_with(|| {
                groups.push((key, Vec::new()));
                groups.len() - 1
            })
        };
        groups[slot].1.push(value);
        k += 1.0;
    }
    Ok(groups)
}

// ----- Map -----

fn this_map(rt: &mut Runtime, this: Value, method: &str) -> JsResult<Gc<JsObject>> {
    super::this_builtin(rt, this, method, |b| matches!(b, BuiltinData::Map(_)))
}

fn map_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    require_new(rt, a, "Map")?;
    let proto = rt.get_prototype_from_constructor(a.new_target, Intrinsic::MapPrototype)?;
    let map = new_collection(rt, proto, BuiltinData::Map(OrderedMap::default()));
    rt.keep(Value::object(map));
    let iterable = a.arg(0);
    if iterable.is_nullish() {
        return Ok(Value::object(map));
    }
    let adder = get_adder(rt, map, "set")?;
    add_entries_from_iterable(rt, map, iterable, adder)?;
    Ok(Value::object(map))
}

fn map_group_by(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let groups = group_by(rt, a.arg(0), a.arg(1), false)?;
    let proto = rt.intrinsic(Intrinsic::MapPrototype);
    let map = new_collection(rt, proto, BuiltinData::Map(OrderedMap::default()));
    for (k, vs) in groups {
        let arr = rt.new_array(vs);
        note_entry(rt);
        table(&map).set(k, Value::object(arr));
    }
    Ok(Value::object(map))
}

fn map_clear(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let m = this_map(rt, a.this, "Map.prototype.clear")?;
    table(&m).clear(rt);
    Ok(Value::UNDEFINED)
}

fn map_delete(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let m = this_map(rt, a.this, "Map.prototype.delete")?;
    Ok(Value::bool(table(&m).delete(rt, a.arg(0))))
}

/// The table of `o` if it is a Map (not a Set).
fn map_table(o: &Gc<JsObject>) -> Option<&mut OrderedMap> {
    match o.get_mut().builtin_mut() {
        Some(BuiltinData::Map(t)) => Some(t),
        _ => None,
    }
}

/// `m.get(k)` when `m` is a Map (the optimizing tier's direct call): `None` otherwise.
pub(crate) fn map_get_direct(m: Gc<JsObject>, k: Value) -> Option<Value> {
    map_table(&m).map(|t| t.get(k).unwrap_or(Value::UNDEFINED))
}

/// `m.has(k)` when `m` is a Map: `None` otherwise.
pub(crate) fn map_has_direct(m: Gc<JsObject>, k: Value) -> Option<bool> {
    map_table(&m).map(|t| t.has(k))
}

/// `m.set(k, v)` when `m` is a Map: `None` (nothing done) otherwise.
pub(crate) fn map_set_direct(rt: &mut Runtime, m: Gc<JsObject>, k: Value, v: Value) -> Option<()> {
    if map_table(&m)?.set(k, v) {
        note_entry(rt);
    }
    Some(())
}

pub(crate) fn map_get(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let m = this_map(rt, a.this, "Map.prototype.get")?;
    Ok(table(&m).get(a.arg(0)).unwrap_or(Value::UNDEFINED))
}

pub(crate) fn map_has(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let m = this_map(rt, a.this, "Map.prototype.has")?;
    Ok(Value::bool(table(&m).has(a.arg(0))))
}

pub(crate) fn map_set(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let m = this_map(rt, a.this, "Map.prototype.set")?;
    if table(&m).set(a.arg(0), a.arg(1)) {
        note_entry(rt);
    }
    Ok(a.this)
}

fn map_size(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let m = this_map(rt, a.this, "get Map.prototype.size")?;
    Ok(Value::from_f64(table(&m).len() as f64))
}

fn map_for_each(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let m = this_map(rt, a.this, "Map.prototype.forEach")?;
    let cb = a.arg(0);
    if !rt.is_callable(cb) {
        let d = rt.describe_for_error(cb);
        return Err(rt.type_error(format!("{d} is not a function")));
    }
    let mut cur = Cursor::new(rt, m);
    let mk = mark(rt);
    while let Some((k, v)) = cur.next() {
        rt.keep(k);
        rt.keep(v);
        rt.call(cb, a.arg(1), &[v, k, a.this])?;
        release(rt, mk);
    }
    Ok(Value::UNDEFINED)
}

/// CreateMapIterator / CreateSetIterator over `o`.
fn collection_iterator(rt: &mut Runtime, o: Gc<JsObject>, kind: IterKind) -> Value {
    let is_set = matches!(o.builtin(), Some(BuiltinData::Set(_)));
    let epoch = table(&o).current_epoch(rt, o, is_set);
    let proto = if is_set { Intrinsic::SetIteratorPrototype } else { Intrinsic::MapIteratorPrototype };
    new_iterator(rt, proto, IteratorState::Map { target: Value::cell(epoch), index: 0, kind })
}

fn map_entries(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let m = this_map(rt, a.this, "Map.prototype.entries")?;
    Ok(collection_iterator(rt, m, IterKind::Entries))
}

fn map_keys(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let m = this_map(rt, a.this, "Map.prototype.keys")?;
    Ok(collection_iterator(rt, m, IterKind::Keys))
}

fn map_values(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let m = this_map(rt, a.this, "Map.prototype.values")?;
    Ok(collection_iterator(rt, m, IterKind::Values))
}

// ----- iterators -----

/// The `target` of an exhausted Map iterator (a Set iterator's is `true`): exhausted
/// iterators drop their collection but keep their brand.
const DONE_MAP: Value = Value::FALSE;
const DONE_SET: Value = Value::TRUE;

/// `%MapIteratorPrototype%.next` and `%SetIteratorPrototype%.next`.
fn collection_iterator_next(rt: &mut Runtime, this: Value, want_set: bool) -> JsResult<Value> {
    let st = this.as_object().and_then(|o| match o.get_mut().builtin_mut() {
        Some(BuiltinData::Iterator(IteratorState::Map { target, index, kind })) => {
            let brand = match target.as_cell::<MapEpoch>() {
                Some(e) => Some(e.is_set),
                None if *target == DONE_MAP => Some(false),
                None if *target == DONE_SET => Some(true),
                None => None,
            };
            (brand == Some(want_set)).then_some((*target, *index, *kind))
        }
        _ => None,
    });
    let Some((target, index, kind)) = st else {
        let what = if want_set { "Set Iterator" } else { "Map Iterator" };
        return Err(rt.type_error(format!("next method called on incompatible receiver (not a {what})")));
    };
    let Some(epoch) = target.as_cell::<MapEpoch>() else {
        return Ok(rt.iter_result(Value::UNDEFINED, true));
    };
    let (epoch, p) = resolve_epoch(epoch, index);
    let found = table(&epoch.owner).next_live(p);
    let o = this.as_object().expect("checked above");
    let new_state = match found {
        Some((i, _)) => (Value::cell(epoch), i + 1),
        None => (if want_set { DONE_SET } else { DONE_MAP }, 0),
    };
    if let Some(BuiltinData::Iterator(IteratorState::Map { target, index, .. })) = o.get_mut().builtin_mut() {
        *target = new_state.0;
        *index = new_state.1;
    }
    let Some((_, (k, v))) = found else {
        return Ok(rt.iter_result(Value::UNDEFINED, true));
    };
    let result = match (kind, want_set) {
        (IterKind::Keys, _) => k,
        (IterKind::Values, false) => v,
        (IterKind::Values, true) => k,
        (IterKind::Entries, false) => Value::object(rt.new_array(vec![k, v])),
        (IterKind::Entries, true) => Value::object(rt.new_array(vec![k, k])),
    };
    Ok(rt.iter_result(result, false))
}

fn map_iterator_next(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    collection_iterator_next(rt, a.this, false)
}

fn set_iterator_next(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    collection_iterator_next(rt, a.this, true)
}

// ----- Set -----

fn this_set(rt: &mut Runtime, this: Value, method: &str) -> JsResult<Gc<JsObject>> {
    super::this_builtin(rt, this, method, |b| matches!(b, BuiltinData::Set(_)))
}

fn set_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    require_new(rt, a, "Set")?;
    let proto = rt.get_prototype_from_constructor(a.new_target, Intrinsic::SetPrototype)?;
    let set = new_collection(rt, proto, BuiltinData::Set(OrderedMap::default()));
    rt.keep(Value::object(set));
    let iterable = a.arg(0);
    if iterable.is_nullish() {
        return Ok(Value::object(set));
    }
    let adder = get_adder(rt, set, "add")?;
    add_values_from_iterable(rt, set, iterable, adder)?;
    Ok(Value::object(set))
}

fn set_add(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_set(rt, a.this, "Set.prototype.add")?;
    if table(&s).set(a.arg(0), Value::UNDEFINED) {
        note_entry(rt);
    }
    Ok(a.this)
}

fn set_clear(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_set(rt, a.this, "Set.prototype.clear")?;
    table(&s).clear(rt);
    Ok(Value::UNDEFINED)
}

fn set_delete(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_set(rt, a.this, "Set.prototype.delete")?;
    Ok(Value::bool(table(&s).delete(rt, a.arg(0))))
}

fn set_has(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_set(rt, a.this, "Set.prototype.has")?;
    Ok(Value::bool(table(&s).has(a.arg(0))))
}

fn set_size(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_set(rt, a.this, "get Set.prototype.size")?;
    Ok(Value::from_f64(table(&s).len() as f64))
}

fn set_for_each(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_set(rt, a.this, "Set.prototype.forEach")?;
    let cb = a.arg(0);
    if !rt.is_callable(cb) {
        let d = rt.describe_for_error(cb);
        return Err(rt.type_error(format!("{d} is not a function")));
    }
    let mut cur = Cursor::new(rt, s);
    let mk = mark(rt);
    while let Some((k, _)) = cur.next() {
        rt.keep(k);
        rt.call(cb, a.arg(1), &[k, k, a.this])?;
        release(rt, mk);
    }
    Ok(Value::UNDEFINED)
}

fn set_entries(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_set(rt, a.this, "Set.prototype.entries")?;
    Ok(collection_iterator(rt, s, IterKind::Entries))
}

fn set_values(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_set(rt, a.this, "Set.prototype.values")?;
    Ok(collection_iterator(rt, s, IterKind::Values))
}

/// A Set Record (GetSetRecord's result).
struct SetRecord {
    object: Value,
    size: f64,
    has: Value,
    keys: Value,
}

/// GetSetRecord(obj).
fn get_set_record(rt: &mut Runtime, obj: Value) -> JsResult<SetRecord> {
    if !obj.is_object() {
        let d = rt.describe_for_error(obj);
        return Err(rt.type_error(format!("{d} is not a set-like object")));
    }
    let sk = rt.key("size");
    let raw = rt.get(obj, sk)?;
    let num = rt.to_number(raw)?;
    if num.is_nan() {
        return Err(rt.type_error("The 'size' property of a set-like object must be a number"));
    }
    let size = rt.to_integer_or_infinity(Value::number(num))?;
    if size < 0.0 {
        return Err(rt.range_error("The 'size' property of a set-like object must not be negative"));
    }
    let hk = rt.key("has");
    let has = rt.get(obj, hk)?;
    if !rt.is_callable(has) {
        return Err(rt.type_error("The 'has' property of a set-like object must be a function"));
    }
    rt.keep(has);
    let kk = rt.key("keys");
    let keys = rt.get(obj, kk)?;
    if !rt.is_callable(keys) {
        return Err(rt.type_error("The 'keys' property of a set-like object must be a function"));
    }
    rt.keep(keys);
    Ok(SetRecord { object: obj, size, has, keys })
}

impl SetRecord {
    /// `ToBoolean(? Call(rec.[[Has]], rec.[[SetObject]], « v »))`.
    fn has(&self, rt: &mut Runtime, v: Value) -> JsResult<bool> {
        let r = rt.call(self.has, self.object, &[v])?;
        Ok(rt.to_boolean(r))
    }

    /// GetIteratorFromMethod(rec.[[SetObject]], rec.[[Keys]]), kept alive.
    fn keys_iterator(&self, rt: &mut Runtime) -> JsResult<(Value, Value)> {
        let (it, next) = rt.get_iterator_from_method(self.object, self.keys)?;
        rt.keep(it);
        rt.keep(next);
        Ok((it, next))
    }
}

/// A new Set (with the current realm's `%Set.prototype%`) holding `data`, kept alive.
fn new_result_set(rt: &mut Runtime, data: OrderedMap) -> Gc<JsObject> {
    let proto = rt.intrinsic(Intrinsic::SetPrototype);
    rt.heap.note_bytes(40 * data.len());
    let s = new_collection(rt, proto, BuiltinData::Set(data));
    rt.keep(Value::object(s));
    s
}

fn set_union(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = this_set(rt, a.this, "Set.prototype.union")?;
    let rec = get_set_record(rt, a.arg(0))?;
    let (it, next) = rec.keys_iterator(rt)?;
    let copy = table(&o).copy();
    let result = new_result_set(rt, copy);
    while let Some(v) = rt.iterator_step(it, next)? {
        if table(&result).set(v, Value::UNDEFINED) {
            note_entry(rt);
        }
    }
    Ok(Value::object(result))
}

fn set_intersection(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = this_set(rt, a.this, "Set.prototype.intersection")?;
    let rec = get_set_record(rt, a.arg(0))?;
    let result = new_result_set(rt, OrderedMap::default());
    if table(&o).len() as f64 <= rec.size {
        let mut cur = Cursor::new(rt, o);
        let mk = mark(rt);
        while let Some((e, _)) = cur.next() {
            rt.keep(e);
            if rec.has(rt, e)? && table(&result).set(e, Value::UNDEFINED) {
                note_entry(rt);
            }
            release(rt, mk);
        }
    } else {
        let (it, next) = rec.keys_iterator(rt)?;
        while let Some(v) = rt.iterator_step(it, next)? {
            if table(&o).has(v) && table(&result).set(v, Value::UNDEFINED) {
                note_entry(rt);
            }
        }
    }
    Ok(Value::object(result))
}

fn set_difference(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = this_set(rt, a.this, "Set.prototype.difference")?;
    let rec = get_set_record(rt, a.arg(0))?;
    let copy = table(&o).copy();
    let result = new_result_set(rt, copy);
    if table(&o).len() as f64 <= rec.size {
        // Walks the copy, which only this loop changes (by removing what it has passed).
        let values: Vec<Value> = table(&result).entries.iter().flatten().map(|e| e.0).collect();
        for e in values {
            if rec.has(rt, e)? {
                table(&result).delete(rt, e);
            }
        }
    } else {
        let (it, next) = rec.keys_iterator(rt)?;
        while let Some(v) = rt.iterator_step(it, next)? {
            table(&result).delete(rt, v);
        }
    }
    Ok(Value::object(result))
}

fn set_symmetric_difference(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = this_set(rt, a.this, "Set.prototype.symmetricDifference")?;
    let rec = get_set_record(rt, a.arg(0))?;
    let (it, next) = rec.keys_iterator(rt)?;
    let copy = table(&o).copy();
    let result = new_result_set(rt, copy);
    while let Some(v) = rt.iterator_step(it, next)? {
        let in_result = table(&result).has(v);
        if table(&o).has(v) {
            if in_result {
                table(&result).delete(rt, v);
            }
        } else if !in_result {
            table(&result).set(v, Value::UNDEFINED);
            note_entry(rt);
        }
    }
    Ok(Value::object(result))
}

fn set_is_subset_of(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = this_set(rt, a.this, "Set.prototype.isSubsetOf")?;
    let rec = get_set_record(rt, a.arg(0))?;
    if table(&o).len() as f64 > rec.size {
        return Ok(Value::FALSE);
    }
    let mut cur = Cursor::new(rt, o);
    let mk = mark(rt);
    while let Some((e, _)) = cur.next() {
        rt.keep(e);
        if !rec.has(rt, e)? {
            return Ok(Value::FALSE);
        }
        release(rt, mk);
    }
    Ok(Value::TRUE)
}

fn set_is_superset_of(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = this_set(rt, a.this, "Set.prototype.isSupersetOf")?;
    let rec = get_set_record(rt, a.arg(0))?;
    if (table(&o).len() as f64) < rec.size {
        return Ok(Value::FALSE);
    }
    let (it, next) = rec.keys_iterator(rt)?;
    while let Some(v) = rt.iterator_step(it, next)? {
        if !table(&o).has(v) {
            rt.iterator_close(it)?;
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn set_is_disjoint_from(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let o = this_set(rt, a.this, "Set.prototype.isDisjointFrom")?;
    let rec = get_set_record(rt, a.arg(0))?;
    if table(&o).len() as f64 <= rec.size {
        let mut cur = Cursor::new(rt, o);
        let mk = mark(rt);
        while let Some((e, _)) = cur.next() {
            rt.keep(e);
            if rec.has(rt, e)? {
                return Ok(Value::FALSE);
            }
            release(rt, mk);
        }
    } else {
        let (it, next) = rec.keys_iterator(rt)?;
        while let Some(v) = rt.iterator_step(it, next)? {
            if table(&o).has(v) {
                rt.iterator_close(it)?;
                return Ok(Value::FALSE);
            }
        }
    }
    Ok(Value::TRUE)
}

// ----- WeakMap -----

fn weak_table(o: &Gc<JsObject>) -> &mut WeakTable {
    match o.get_mut().builtin_mut() {
        Some(BuiltinData::WeakMap(t) | BuiltinData::WeakSet(t)) => t,
        _ => unreachable!("checked to be a WeakMap or WeakSet"),
    }
}

fn this_weak_map(rt: &mut Runtime, this: Value, method: &str) -> JsResult<Gc<JsObject>> {
    super::this_builtin(rt, this, method, |b| matches!(b, BuiltinData::WeakMap(_)))
}

fn weak_map_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    require_new(rt, a, "WeakMap")?;
    let proto = rt.get_prototype_from_constructor(a.new_target, Intrinsic::WeakMapPrototype)?;
    let map = new_collection(rt, proto, BuiltinData::WeakMap(WeakTable::default()));
    rt.keep(Value::object(map));
    let iterable = a.arg(0);
    if iterable.is_nullish() {
        return Ok(Value::object(map));
    }
    let adder = get_adder(rt, map, "set")?;
    add_entries_from_iterable(rt, map, iterable, adder)?;
    Ok(Value::object(map))
}

fn weak_map_delete(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let m = this_weak_map(rt, a.this, "WeakMap.prototype.delete")?;
    let k = a.arg(0);
    Ok(Value::bool(can_be_held_weakly(k) && weak_table(&m).delete(k)))
}

fn weak_map_get(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let m = this_weak_map(rt, a.this, "WeakMap.prototype.get")?;
    let k = a.arg(0);
    if !can_be_held_weakly(k) {
        return Ok(Value::UNDEFINED);
    }
    Ok(weak_table(&m).get(k).unwrap_or(Value::UNDEFINED))
}

fn weak_map_has(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let m = this_weak_map(rt, a.this, "WeakMap.prototype.has")?;
    let k = a.arg(0);
    Ok(Value::bool(can_be_held_weakly(k) && weak_table(&m).has(k)))
}

fn weak_map_set(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let m = this_weak_map(rt, a.this, "WeakMap.prototype.set")?;
    let k = a.arg(0);
    if !can_be_held_weakly(k) {
        let d = rt.describe_for_error(k);
        return Err(rt.type_error(format!("Invalid value used as weak map key: {d}")));
    }
    note_entry(rt);
    weak_table(&m).set(k, a.arg(1));
    Ok(a.this)
}

// ----- WeakSet -----

fn this_weak_set(rt: &mut Runtime, this: Value, method: &str) -> JsResult<Gc<JsObject>> {
    super::this_builtin(rt, this, method, |b| matches!(b, BuiltinData::WeakSet(_)))
}

fn weak_set_constructor(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    require_new(rt, a, "WeakSet")?;
    let proto = rt.get_prototype_from_constructor(a.new_target, Intrinsic::WeakSetPrototype)?;
    let set = new_collection(rt, proto, BuiltinData::WeakSet(WeakTable::default()));
    rt.keep(Value::object(set));
    let iterable = a.arg(0);
    if iterable.is_nullish() {
        return Ok(Value::object(set));
    }
    let adder = get_adder(rt, set, "add")?;
    add_values_from_iterable(rt, set, iterable, adder)?;
    Ok(Value::object(set))
}

fn weak_set_add(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_weak_set(rt, a.this, "WeakSet.prototype.add")?;
    let v = a.arg(0);
    if !can_be_held_weakly(v) {
        let d = rt.describe_for_error(v);
        return Err(rt.type_error(format!("Invalid value used in weak set: {d}")));
    }
    if !weak_table(&s).has(v) {
        note_entry(rt);
        weak_table(&s).set(v, Value::UNDEFINED);
    }
    Ok(a.this)
}

fn weak_set_delete(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_weak_set(rt, a.this, "WeakSet.prototype.delete")?;
    let v = a.arg(0);
    Ok(Value::bool(can_be_held_weakly(v) && weak_table(&s).delete(v)))
}

fn weak_set_has(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    let s = this_weak_set(rt, a.this, "WeakSet.prototype.has")?;
    let v = a.arg(0);
    Ok(Value::bool(can_be_held_weakly(v) && weak_table(&s).has(v)))
}
