//! The standard library, one module per family, sharing the spec's abstract operations from
//! [`crate::runtime`].
//!
//! [`create_realm`] builds a realm's intrinsics in dependency order: the two root prototypes
//! first, then each family's `install`. Objects with internal state specific to one family
//! carry a [`BuiltinData`] variant.

pub mod array;
pub mod array_buffer;
pub mod async_generator;
pub mod boolean;
pub mod data_view;
pub mod date;
pub mod error;
pub mod function;
pub mod generator;
pub mod global;
pub mod host;
mod indexed;
pub mod inspect;
pub mod iterator;
pub mod iterator_helpers;
pub mod json;
pub mod map_set;
pub mod math;
pub mod number;
pub mod object;
pub mod promise;
pub mod reflect;
pub mod regexp;
pub mod string;
pub mod symbol;
pub mod test262_host;
pub mod typed_array;
pub mod typed_array_proto;

use crate::heap::{Gc, Marker};
use crate::interpreter::generator_state::GeneratorData;
use crate::runtime::object::{JsObject, NativeData, NativeFn, ObjectKind};
use crate::runtime::realm::{Realm, INTRINSIC_COUNT};
use crate::runtime::shape::{PropertyKey, HIDDEN};
use crate::runtime::{Intrinsic, RealmId, Runtime};
use crate::value::Value;

pub use iterator::{for_in_next, for_in_prepare};
pub use regexp::regexp_create;

/// Internal state of built-in objects, by family.
pub enum BuiltinData {
    /// A generator or async function activation.
    Generator(GeneratorData),
    /// A Promise.
    Promise(promise::PromiseData),
    /// A Map (or Set: keys only).
    Map(map_set::OrderedMap),
    /// A Set.
    Set(map_set::OrderedMap),
    /// A WeakMap (ephemeron table) or WeakSet (values ignored).
    WeakMap(map_set::WeakTable),
    /// A WeakSet.
    WeakSet(map_set::WeakTable),
    /// A RegExp.
    RegExp(Box<regexp::RegExpData>),
    /// An iterator over an array-like, a Map, a Set, a string or a for-in enumeration.
    Iterator(iterator::IteratorState),
    /// A Date: its time value (`[[DateValue]]`, NaN when invalid).
    Date(f64),
    /// An iterator helper (`%IteratorHelperPrototype%` objects).
    IteratorHelper(Box<iterator_helpers::HelperState>),
    /// An `Iterator.from` wrapper (`%WrapForValidIteratorPrototype%` objects).
    WrapForValid(iterator_helpers::Wrapped),
    /// An ArrayBuffer.
    ArrayBuffer(array_buffer::ArrayBufferData),
    /// A DataView.
    DataView(data_view::DataViewData),
    /// A host-API object (DOMException, TextEncoder, TextDecoder).
    Host(host::HostData),
}

impl BuiltinData {
    /// Marks what the data references.
    pub fn trace(&self, m: &mut Marker) {
        match self {
            BuiltinData::Generator(g) => g.trace(m),
            BuiltinData::Promise(p) => p.trace(m),
            BuiltinData::Map(t) | BuiltinData::Set(t) => t.trace(m),
            BuiltinData::WeakMap(_) | BuiltinData::WeakSet(_) => {}
            BuiltinData::RegExp(r) => r.trace(m),
            BuiltinData::Iterator(i) => i.trace(m),
            BuiltinData::Date(_) => {}
            BuiltinData::IteratorHelper(h) => h.trace(m),
            BuiltinData::WrapForValid(w) => w.trace(m),
            BuiltinData::ArrayBuffer(_) => {}
            BuiltinData::DataView(d) => m.cell(d.buffer),
            BuiltinData::Host(_) => {}
        }
    }

    /// Memory owned outside the object cell (see [`crate::heap::Trace::owned_bytes`]).
    pub fn owned_bytes(&self) -> usize {
        match self {
            BuiltinData::Map(t) | BuiltinData::Set(t) => t.owned_bytes(),
            BuiltinData::ArrayBuffer(b) => b.data.as_ref().map_or(0, Vec::capacity),
            BuiltinData::Generator(g) => g.frame.as_ref().map_or(0, |f| f.frame.capacity() * 8),
            _ => 0,
        }
    }
}

/// Marks WeakMap values whose keys are marked; true if anything new was marked.
pub(crate) fn mark_ephemerons(rt: &mut Runtime, m: &mut Marker) -> bool {
    let mut any = false;
    for t in rt.weak_tables.iter() {
        if !t.is_marked() {
            continue;
        }
        if let Some(BuiltinData::WeakMap(w)) = t.builtin() {
            any |= w.mark_live_values(m);
        }
    }
    any
}

/// Drops weak entries whose keys died, and forgets dead weak tables.
pub(crate) fn clear_dead_weak_entries(rt: &mut Runtime) {
    rt.weak_tables.retain(|t| t.is_marked());
    for t in rt.weak_tables.clone() {
        if let Some(BuiltinData::WeakMap(w) | BuiltinData::WeakSet(w)) = t.get_mut().builtin_mut() {
            w.retain_marked();
        }
    }
}

/// Creates a realm: intrinsics, global object and its properties.
pub fn create_realm(rt: &mut Runtime) -> RealmId {
    let object_prototype = rt.alloc(JsObject::new(rt.null_root_shape, ObjectKind::Ordinary));
    let id = RealmId(rt.realms.len() as u32);
    let fp_shape = rt.root_shape(Some(object_prototype));
    let function_prototype = rt.alloc(JsObject::new(
        fp_shape,
        ObjectKind::Native(Box::new(NativeData {
            f: function::function_prototype_call,
            constructor: false,
            realm: id,
            captures: Box::new([]),
        })),
    ));
    let global_shape = rt.root_shape(Some(object_prototype));
    let global = rt.alloc(JsObject::new(global_shape, ObjectKind::Ordinary));
    let mut intrinsics = vec![None; INTRINSIC_COUNT];
    intrinsics[Intrinsic::ObjectPrototype as usize] = Some(object_prototype);
    intrinsics[Intrinsic::FunctionPrototype as usize] = Some(function_prototype);
    rt.realms.push(Realm { global, lexical: Default::default(), intrinsics, sloppy_function_accessors: None });
    let saved = rt.realm;
    rt.realm = id;
    // Plain prototype objects every family may reference during installation.
    for (i, parent) in [
        (Intrinsic::ArrayPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::StringPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::NumberPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::BooleanPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::SymbolPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::BigIntPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::ErrorPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::IteratorPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::AsyncIteratorPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::PromisePrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::RegExpPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::MapPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::SetPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::WeakMapPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::WeakSetPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::DatePrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::ArrayBufferPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::DataViewPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::TypedArrayPrototype, Intrinsic::ObjectPrototype),
        (Intrinsic::ArrayIteratorPrototype, Intrinsic::IteratorPrototype),
        (Intrinsic::StringIteratorPrototype, Intrinsic::IteratorPrototype),
        (Intrinsic::MapIteratorPrototype, Intrinsic::IteratorPrototype),
        (Intrinsic::SetIteratorPrototype, Intrinsic::IteratorPrototype),
        (Intrinsic::RegExpStringIteratorPrototype, Intrinsic::IteratorPrototype),
        (Intrinsic::ForInIteratorPrototype, Intrinsic::IteratorPrototype),
        (Intrinsic::IteratorHelperPrototype, Intrinsic::IteratorPrototype),
        (Intrinsic::WrapForValidIteratorPrototype, Intrinsic::IteratorPrototype),
        (Intrinsic::GeneratorPrototype, Intrinsic::IteratorPrototype),
        (Intrinsic::AsyncGeneratorPrototype, Intrinsic::AsyncIteratorPrototype),
        (Intrinsic::AsyncFromSyncIteratorPrototype, Intrinsic::AsyncIteratorPrototype),
        (Intrinsic::GeneratorFunctionPrototype, Intrinsic::FunctionPrototype),
        (Intrinsic::AsyncGeneratorFunctionPrototype, Intrinsic::FunctionPrototype),
        (Intrinsic::AsyncFunctionPrototype, Intrinsic::FunctionPrototype),
    ] {
        let p = rt.intrinsic(parent);
        let o = rt.new_object_with(Some(p), ObjectKind::Ordinary);
        rt.realms[id.0 as usize].intrinsics[i as usize] = Some(o);
    }
    for i in [
        Intrinsic::TypeErrorPrototype,
        Intrinsic::RangeErrorPrototype,
        Intrinsic::ReferenceErrorPrototype,
        Intrinsic::SyntaxErrorPrototype,
        Intrinsic::EvalErrorPrototype,
        Intrinsic::UriErrorPrototype,
        Intrinsic::AggregateErrorPrototype,
    ] {
        let p = rt.intrinsic(Intrinsic::ErrorPrototype);
        let o = rt.new_object_with(Some(p), ObjectKind::Ordinary);
        rt.realms[id.0 as usize].intrinsics[i as usize] = Some(o);
    }
    function::install(rt);
    object::install(rt);
    error::install(rt);
    symbol::install(rt);
    iterator::install(rt);
    iterator_helpers::install(rt);
    array::install(rt);
    string::install(rt);
    number::install(rt);
    boolean::install(rt);
    math::install(rt);
    json::install(rt);
    global::install(rt);
    promise::install(rt);
    generator::install(rt);
    async_generator::install(rt);
    map_set::install(rt);
    regexp::install(rt);
    reflect::install(rt);
    date::install(rt);
    array_buffer::install(rt);
    typed_array::install(rt);
    data_view::install(rt);
    install_host_apis(rt);
    let gt = PropertyKey::String(rt.names.global_this);
    rt.define_data(global, gt, Value::object(global), HIDDEN);
    rt.realm = saved;
    id
}

/// Installs the host (non-ECMAScript) APIs the runtime's options ask for
/// ([`crate::RuntimeOptions::host_apis`]) in the current realm's global object. Every realm
/// gets them; `Runtime::new()` asks for none.
pub(crate) fn install_host_apis(rt: &mut Runtime) {
    let apis = rt.options.host_apis;
    host::install(rt, apis);
}

/// Sets an intrinsic of the current realm.
pub(crate) fn set_intrinsic(rt: &mut Runtime, i: Intrinsic, o: Gc<JsObject>) {
    let r = rt.realm.0 as usize;
    rt.realms[r].intrinsics[i as usize] = Some(o);
}

/// Creates a constructor `name` with prototype intrinsic `proto`, links `prototype` and
/// `constructor`, records it as intrinsic `ctor`, and defines it on the global object.
pub(crate) fn make_constructor(rt: &mut Runtime, name: &str, length: u32, f: NativeFn, proto: Intrinsic, ctor: Intrinsic) -> Gc<JsObject> {
    let c = rt.new_native_function(name, length, f, true);
    let p = rt.intrinsic(proto);
    let pk = PropertyKey::String(rt.names.prototype);
    rt.define_data(c, pk, Value::object(p), 0);
    let ck = PropertyKey::String(rt.names.constructor);
    rt.define_data(p, ck, Value::object(c), HIDDEN);
    set_intrinsic(rt, ctor, c);
    let g = rt.global_object();
    let k = rt.key(name);
    rt.define_data(g, k, Value::object(c), HIDDEN);
    c
}

/// Defines `@@toStringTag` = `tag` (configurable only).
pub(crate) fn to_string_tag(rt: &mut Runtime, o: Gc<JsObject>, tag: &str) {
    let s = rt.well_known(crate::runtime::names::WellKnown::ToStringTag);
    let v = rt.str(tag);
    rt.define_data(o, PropertyKey::Symbol(s), v, crate::runtime::shape::CONFIGURABLE);
}

/// `this` as an object with the given builtin data, or a TypeError naming `method`.
pub(crate) fn this_builtin(
    rt: &mut Runtime,
    this: Value,
    method: &str,
    pick: impl Fn(&BuiltinData) -> bool,
) -> crate::runtime::JsResult<Gc<JsObject>> {
    if let Some(o) = this.as_object() {
        if o.builtin().is_some_and(&pick) {
            return Ok(o);
        }
    }
    Err(rt.type_error(format!("Method {method} called on incompatible receiver")))
}
