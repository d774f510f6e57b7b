//! The interpreter's out-of-line paths: IC misses (which also update the caches),
//! generic arithmetic with feedback, globals, classes and literals.

use super::feedback::*;
use super::frame::*;
use crate::builtins::iterator::ARRAY_ITERATION;
use crate::bytecode::code::{CodeKind, Constant, FallbackKind, LookupChain, LookupFallback};
use crate::bytecode::ops::{Op, Reg, ARGUMENTS_MAPPED, ARGUMENTS_UNMAPPED, PRIVATE_ACCESSOR_ADD};
use crate::heap::Gc;
use crate::runtime::context::Context;
use crate::runtime::function::FunctionCode;
use crate::runtime::object::{ClosureData, Elements, JsObject, ObjectKind};
use crate::runtime::property::PropertyDescriptor;
use crate::runtime::realm::PropertyCell;
use crate::runtime::shape::*;
use crate::runtime::{convert::Hint, Intrinsic, JsResult, Runtime, Throw};
use crate::value::Value;

/// The end of the frame at `fp` (its registers and extra arguments).
#[allow(dead_code)]
pub(crate) fn frame_end(rt: &Runtime, fp: usize, code: Gc<FunctionCode>) -> usize {
    frame_end_dynamic(rt, fp, code)
}

/// As [`frame_end`].
pub(super) fn frame_end_dynamic(rt: &Runtime, fp: usize, code: Gc<FunctionCode>) -> usize {
    let argc = rt.stack[fp + ARGC_SLOT].int_unchecked() as usize;
    fp + code.frame.frame_size(argc)
}

/// `PushContext slots`: the frame at `fp` enters a new context of `slots` slots.
pub(crate) fn push_context(rt: &mut Runtime, fp: usize, slots: u32) {
    rt.stack[fp + CONTEXT_SLOT] = new_context(rt, rt.stack[fp + CONTEXT_SLOT], slots);
}

/// A new context of `slots` slots whose parent is `parent` (a context, or undefined for none).
/// Allocates; runs nothing and cannot throw.
pub(crate) fn new_context(rt: &mut Runtime, parent: Value, slots: u32) -> Value {
    rt.heap.note_bytes(slots as usize * 8);
    Value::cell(rt.alloc(Context::new(parent.as_cell::<Context>(), slots as usize)))
}

/// `PopContext`: the frame at `fp` leaves its innermost context.
pub(crate) fn pop_context(rt: &mut Runtime, fp: usize) {
    let c = context_at(rt.stack[fp + CONTEXT_SLOT], 0);
    rt.stack[fp + CONTEXT_SLOT] = match c.parent() {
        Some(p) => Value::cell(p),
        None => Value::UNDEFINED,
    };
}

/// `DefineNamed obj, name`: defines data property `name` (a constant) of object literal `o`.
pub(crate) fn define_named(rt: &mut Runtime, o: Value, name: Value, v: Value) -> JsResult<()> {
    let o = o.as_object().expect("literal object");
    let k = name_key(rt, name);
    if let crate::runtime::shape::PropertyKey::String(_) = k {
        if o.shape.lookup(k).is_none() && !o.shape.is_dictionary() {
            rt.add_named(o, k, v, crate::runtime::shape::DEFAULT);
            return Ok(());
        }
    }
    rt.create_data_property_or_throw(o, k, v)
}

/// `DefineNamed` at feedback `slot`: as [`define_named`], but a property the literal's shape
/// does not have yet is added by the site's cached transition when the object has the cached
/// shape (the usual case: every object the literal makes goes through the same shapes); the
/// transition is recorded otherwise. The prototype chain plays no part in defining an own
/// property, so the entry needs no validity cell.
pub(crate) fn define_named_cached(rt: &mut Runtime, code: Gc<FunctionCode>, slot: usize, o: Value, name: Value, v: Value) -> JsResult<()> {
    let obj = o.as_object().expect("literal object");
    if let Feedback::Property(ic) = &code.feedback.slots[slot].data {
        if let Some(e) = ic.lookup(obj.shape) {
            if cached_store(rt, e.access, obj, v) {
                return Ok(());
            }
        }
    }
    let before = obj.shape;
    define_named(rt, o, name, v)?;
    let after = obj.shape;
    let key = name_key(rt, name);
    if added_by_transition(before, after, key) && matches!(key, PropertyKey::String(_)) && obj.proto_info.is_none() {
        let access = PropertyAccess::Transition { to: after, slot: before.len() as u32, validity: None };
        code.get_mut().feedback.record_property(slot, PropertyCacheEntry { shape: before, access });
    }
    Ok(())
}

/// Whether going from shape `before` to `after` added just `key`, a plain data property, by a
/// transition a cache may replay (neither shape a dictionary).
fn added_by_transition(before: Gc<Shape>, after: Gc<Shape>, key: PropertyKey) -> bool {
    after != before
        && !before.is_dictionary()
        && !after.is_dictionary()
        && after.len() == before.len() + 1
        && after.properties().last().is_some_and(|(k, a)| *k == key && *a == DEFAULT)
}

/// The context `depth` levels up from `ctx`.
#[inline]
pub(crate) fn context_at(ctx: Value, depth: u32) -> Gc<Context> {
    let mut c = ctx.as_cell::<Context>().expect("context present where the compiler resolved a slot");
    for _ in 0..depth {
        c = c.parent().expect("context chain as the compiler resolved");
    }
    c
}

/// A name constant as a property key.
#[inline]
pub(super) fn name_key(_rt: &mut Runtime, name: Value) -> PropertyKey {
    let s = name.as_string().expect("name constants are strings");
    let u = s.units();
    if !u.is_empty() && u[0] >= b'0' as u16 && u[0] <= b'9' as u16 {
        if let Some(i) = s.as_array_index() {
            return PropertyKey::Index(i);
        }
    }
    PropertyKey::String(s)
}

// ----- globals -----

#[inline(always)]
pub(super) fn load_global(rt: &mut Runtime, code: Gc<FunctionCode>, slot: usize, name: Value, typeof_: bool) -> JsResult<Value> {
    let global = rt.global_object();
    match code.feedback.slots[slot].data {
        Feedback::Global(GlobalFeedback::Lexical(cell)) if !cell.value.is_hole() => {
            rt.stats.global_hits += 1;
            Ok(cell.value)
        }
        Feedback::Global(GlobalFeedback::Property { shape, slot: s }) if shape == global.shape => {
            rt.stats.global_hits += 1;
            Ok(global.slots[s as usize])
        }
        _ => load_global_miss(rt, code, slot, name, typeof_),
    }
}

/// [`load_global`] past its inline cache.
#[cold]
fn load_global_miss(rt: &mut Runtime, code: Gc<FunctionCode>, slot: usize, name: Value, typeof_: bool) -> JsResult<Value> {
    let global = rt.global_object();
    if matches!(code.feedback.slots[slot].data, Feedback::Global(GlobalFeedback::Lexical(_))) {
        // A cached binding still in its TDZ.
        rt.stats.global_hits += 1;
        let n = name.as_string().map(|s| s.to_rust_string()).unwrap_or_default();
        return Err(rt.reference_error(format!("Cannot access '{n}' before initialization")));
    }
    rt.stats.global_misses += 1;
    let s = name.as_string().expect("name");
    if let Some(cell) = rt.realm().lexical.get(&s).copied() {
        code.get_mut().feedback.record_global(slot, GlobalFeedback::Lexical(cell), global);
        if cell.value.is_hole() {
            return Err(rt.reference_error(format!("Cannot access '{}' before initialization", s.to_rust_string())));
        }
        return Ok(cell.value);
    }
    let key = name_key(rt, name);
    if let Some((sl, attrs)) = global.shape.lookup(key) {
        if attrs & ACCESSOR == 0 && !global.shape.is_dictionary() {
            code.get_mut().feedback.record_global(slot, GlobalFeedback::Property { shape: global.shape, slot: sl }, global);
        }
    }
    if !rt.has_property(global, key)? {
        if typeof_ {
            return Ok(Value::UNDEFINED);
        }
        return Err(rt.reference_error(format!("{} is not defined", s.to_rust_string())));
    }
    rt.get_property(global, key, Value::object(global))
}

pub(super) fn store_global(rt: &mut Runtime, code: Gc<FunctionCode>, slot: usize, name: Value, v: Value) -> JsResult<()> {
    let global = rt.global_object();
    match code.feedback.slots[slot].data {
        Feedback::Global(GlobalFeedback::Lexical(cell)) => {
            if cell.value.is_hole() {
                let n = name.as_string().map(|s| s.to_rust_string()).unwrap_or_default();
                return Err(rt.reference_error(format!("Cannot access '{n}' before initialization")));
            }
            if cell.constant {
                return Err(rt.type_error("Assignment to constant variable."));
            }
            cell.get_mut().value = v;
            return Ok(());
        }
        Feedback::Global(GlobalFeedback::Property { shape, slot: s }) if shape == global.shape => {
            global.get_mut().slots[s as usize] = v;
            return Ok(());
        }
        _ => {}
    }
    let s = name.as_string().expect("name");
    if let Some(cell) = rt.realm().lexical.get(&s).copied() {
        code.get_mut().feedback.record_global(slot, GlobalFeedback::Lexical(cell), global);
        if cell.value.is_hole() {
            return Err(rt.reference_error(format!("Cannot access '{}' before initialization", s.to_rust_string())));
        }
        if cell.constant {
            return Err(rt.type_error("Assignment to constant variable."));
        }
        cell.get_mut().value = v;
        return Ok(());
    }
    let key = name_key(rt, name);
    let strict = code.block.strict;
    if let Some((sl, attrs)) = global.shape.lookup(key) {
        if attrs & (ACCESSOR | WRITABLE) == WRITABLE && !global.shape.is_dictionary() {
            code.get_mut().feedback.record_global(slot, GlobalFeedback::Property { shape: global.shape, slot: sl }, global);
            global.get_mut().slots[sl as usize] = v;
            return Ok(());
        }
    }
    if strict && !rt.has_property(global, key)? {
        return Err(rt.reference_error(format!("{} is not defined", s.to_rust_string())));
    }
    rt.put(Value::object(global), key, v, strict)
}

pub(super) fn load_global_generic(rt: &mut Runtime, name: Value, typeof_: bool) -> JsResult<Value> {
    let s = name.as_string().expect("name");
    if let Some(cell) = rt.realm().lexical.get(&s).copied() {
        if cell.value.is_hole() {
            return Err(rt.reference_error(format!("Cannot access '{}' before initialization", s.to_rust_string())));
        }
        return Ok(cell.value);
    }
    let global = rt.global_object();
    let key = name_key(rt, name);
    if !rt.has_property(global, key)? {
        if typeof_ {
            return Ok(Value::UNDEFINED);
        }
        return Err(rt.reference_error(format!("{} is not defined", s.to_rust_string())));
    }
    rt.get_property(global, key, Value::object(global))
}

pub(super) fn store_global_generic(rt: &mut Runtime, name: Value, v: Value, strict: bool) -> JsResult<()> {
    let s = name.as_string().expect("name");
    if let Some(cell) = rt.realm().lexical.get(&s).copied() {
        if cell.constant {
            return Err(rt.type_error("Assignment to constant variable."));
        }
        cell.get_mut().value = v;
        return Ok(());
    }
    let global = rt.global_object();
    let key = name_key(rt, name);
    if strict && !rt.has_property(global, key)? {
        return Err(rt.reference_error(format!("{} is not defined", s.to_rust_string())));
    }
    rt.put(Value::object(global), key, v, strict)
}

pub(super) fn init_global_lexical(rt: &mut Runtime, name: Value, v: Value) -> JsResult<()> {
    let s = name.as_string().expect("name");
    if let Some(cell) = rt.realm().lexical.get(&s).copied() {
        cell.get_mut().value = v;
    }
    Ok(())
}

pub(super) fn delete_global(rt: &mut Runtime, name: Value) -> JsResult<Value> {
    let s = name.as_string().expect("name");
    if rt.realm().lexical.contains_key(&s) {
        return Ok(Value::FALSE);
    }
    let global = rt.global_object();
    let key = name_key(rt, name);
    Ok(Value::bool(rt.delete_property(global, key)?))
}

/// GlobalDeclarationInstantiation.
pub(super) fn declare_globals(rt: &mut Runtime, code: Gc<FunctionCode>, idx: u32, fp: usize) -> JsResult<()> {
    let Constant::GlobalDecls(decls) = &code.block.constants[idx as usize] else { unreachable!("DeclareGlobals operand") };
    let decls = decls.clone();
    let var_attrs = if decls.eval { DEFAULT } else { WRITABLE | ENUMERABLE };
    let global = rt.global_object();
    // Conflicts first (nothing is declared if any check fails).
    for (n, _) in &decls.lexicals {
        let s = rt.intern_units(n);
        if rt.realm().lexical.contains_key(&s) {
            return Err(rt.syntax_error(format!("Identifier '{}' has already been declared", s.to_rust_string())));
        }
        let key = rt.key_units(n);
        if let Some(p) = rt.get_own_property(global, key) {
            if p.attrs & CONFIGURABLE == 0 {
                return Err(rt.syntax_error(format!("Identifier '{}' has already been declared", s.to_rust_string())));
            }
        }
    }
    for n in decls.vars.iter().chain(decls.functions.iter().map(|(n, _)| n)) {
        let s = rt.intern_units(n);
        if rt.realm().lexical.contains_key(&s) {
            return Err(rt.syntax_error(format!("Identifier '{}' has already been declared", s.to_rust_string())));
        }
    }
    for (n, _) in &decls.functions {
        let key = rt.key_units(n);
        if let Some(p) = rt.get_own_property(global, key) {
            if p.attrs & CONFIGURABLE == 0 && (p.attrs & ACCESSOR != 0 || p.attrs & (WRITABLE | ENUMERABLE) != WRITABLE | ENUMERABLE) {
                return Err(rt.type_error(format!("Cannot redefine global function '{}'", String::from_utf16_lossy(n))));
            }
        } else if !global.extensible {
            return Err(rt.type_error(format!("Cannot define global function '{}'", String::from_utf16_lossy(n))));
        }
    }
    for n in &decls.vars {
        let key = rt.key_units(n);
        if rt.get_own_property(global, key).is_none() && !global.extensible {
            return Err(rt.type_error(format!("Cannot define global variable '{}'", String::from_utf16_lossy(n))));
        }
    }
    for (n, const_idx) in &decls.functions {
        let f = create_closure(rt, code, *const_idx, fp)?;
        let key = rt.key_units(n);
        let existing = rt.get_own_property(global, key);
        let desc = match existing {
            Some(p) if p.attrs & CONFIGURABLE == 0 => PropertyDescriptor { value: Some(f), ..Default::default() },
            _ => PropertyDescriptor::data(f, var_attrs),
        };
        rt.define_property_or_throw(global, key, desc)?;
    }
    for n in &decls.vars {
        let key = rt.key_units(n);
        if rt.get_own_property(global, key).is_none() {
            rt.define_property_or_throw(global, key, PropertyDescriptor::data(Value::UNDEFINED, var_attrs))?;
        }
    }
    for (n, is_const) in &decls.lexicals {
        let s = rt.intern_units(n);
        let cell = rt.alloc(PropertyCell::new(Value::HOLE, *is_const));
        let realm = rt.realm;
        rt.realms[realm.0 as usize].lexical.insert(s, cell);
    }
    Ok(())
}

// ----- properties -----

/// A named load that missed the IC: the generic [[Get]], recording what it found.
pub(super) fn get_named_slow(rt: &mut Runtime, code: Gc<FunctionCode>, slot: usize, recv: Value, name: Value) -> JsResult<Value> {
    let key = name_key(rt, name);
    let Some(o) = recv.as_object() else {
        return rt.get(recv, key);
    };
    if !o.shape.is_dictionary() {
        let megamorphic = |code: Gc<FunctionCode>| matches!(code.feedback.slots[slot].data, Feedback::Property(PropertyIc::Megamorphic));
        if megamorphic(code) {
            if let Some(v) = rt.megamorphic.lookup(o.shape, key).and_then(|a| cached_load(a, o)) {
                return Ok(v);
            }
        }
        // Misses on uncacheable receivers leave the site as it is.
        if let Some(entry) = property_load_entry(rt, o, key) {
            code.get_mut().feedback.record_property(slot, entry);
            if let Some(v) = cached_load(entry.access, o) {
                if megamorphic(code) {
                    rt.megamorphic.insert(o.shape, key, entry.access);
                }
                return Ok(v);
            }
        }
    } else {
        code.get_mut().feedback.property_megamorphic(slot);
    }
    rt.get_property(o, key, recv)
}

/// `o.name` from the runtime's megamorphic cache alone, for a named-load site whose inline
/// cache went megamorphic (compiled code's fallback tries this before the instruction's
/// generic path, which fills the cache).
pub(crate) fn megamorphic_hit(rt: &mut Runtime, o: Gc<JsObject>, name: Value) -> Option<Value> {
    if o.shape.is_dictionary() {
        return None;
    }
    let key = name_key(rt, name);
    rt.megamorphic.lookup(o.shape, key).and_then(|a| cached_load(a, o))
}

/// `v.name` for a primitive `v` from the runtime's megamorphic cache alone: a data property of
/// its prototype (the same whatever the receiver), never a string's own `length` or index.
/// Compiled code's fallback for named loads tries this before the instruction's generic path,
/// which fills the cache (see `Runtime::get`).
pub(crate) fn primitive_hit(rt: &mut Runtime, v: Value, name: Value) -> Option<Value> {
    let PropertyKey::String(k) = name_key(rt, name) else { return None };
    if k == rt.names.length && v.is_string() {
        return None;
    }
    let p = rt.primitive_proto(v)?;
    rt.megamorphic.lookup(p.shape, PropertyKey::String(k)).and_then(|a| cached_load(a, p))
}

/// `o.key` read through the runtime's megamorphic cache when it is a data property the cache
/// can describe (own, or inherited while the chain is unchanged), filling the cache on a miss;
/// `None` when the generic [[Get]] must run. For sites of the runtime's own (such as a
/// constructor's `prototype`), which have no inline cache.
pub(crate) fn megamorphic_get(rt: &mut Runtime, o: Gc<JsObject>, key: PropertyKey) -> Option<Value> {
    if o.shape.is_dictionary() {
        return None;
    }
    if let Some(v) = rt.megamorphic.lookup(o.shape, key).and_then(|a| cached_load(a, o)) {
        return Some(v);
    }
    let entry = property_load_entry(rt, o, key)?;
    let v = cached_load(entry.access, o)?;
    rt.megamorphic.insert(o.shape, key, entry.access);
    Some(v)
}

/// `v.key` ([[Get]]), through the megamorphic cache when `v` is an object it serves (see
/// [`megamorphic_get`]).
pub(crate) fn cached_get(rt: &mut Runtime, v: Value, key: PropertyKey) -> JsResult<Value> {
    match v.as_object().and_then(|o| megamorphic_get(rt, o, key)) {
        Some(x) => Ok(x),
        None => rt.get(v, key),
    }
}

/// The IC entry describing how to load `key` from objects shaped like `o`, if cacheable.
fn property_load_entry(rt: &mut Runtime, o: Gc<JsObject>, key: PropertyKey) -> Option<PropertyCacheEntry> {
    if let PropertyKey::String(s) = key {
        if s == rt.names.length && o.is_array() {
            return Some(PropertyCacheEntry { shape: o.shape, access: PropertyAccess::ArrayLength });
        }
    }
    // A String object's `length` and indices are not in its shape (its other properties are).
    let string_own = |o: Gc<JsObject>| matches!(o.kind, ObjectKind::String(_)) && key == PropertyKey::String(rt.names.length);
    if !matches!(key, PropertyKey::String(_) | PropertyKey::Symbol(_)) || string_own(o) || typed_array_numeric(o, key) {
        return None;
    }
    if let Some((slot, attrs)) = o.shape.lookup(key) {
        if attrs & ACCESSOR != 0 {
            return Some(PropertyCacheEntry { shape: o.shape, access: PropertyAccess::Getter { holder: o, slot, validity: None } });
        }
        return Some(PropertyCacheEntry { shape: o.shape, access: PropertyAccess::Own { slot } });
    }
    let proto = o.proto()?;
    let validity = proto.proto_info.as_ref()?.validity;
    let mut cur = proto;
    loop {
        if cur.shape.is_dictionary() || string_own(cur) || typed_array_numeric(cur, key) {
            return None;
        }
        if let Some((slot, attrs)) = cur.shape.lookup(key) {
            let access = if attrs & ACCESSOR != 0 {
                PropertyAccess::Getter { holder: cur, slot, validity: Some(validity) }
            } else {
                PropertyAccess::Proto { holder: cur, slot, validity }
            };
            return Some(PropertyCacheEntry { shape: o.shape, access });
        }
        cur = cur.proto()?;
    }
}

/// Is `o` a TypedArray and `key` a canonical numeric string (which never reaches ordinary
/// properties, so no inline cache may describe it)?
fn typed_array_numeric(o: Gc<JsObject>, key: PropertyKey) -> bool {
    matches!(o.kind, ObjectKind::TypedArray(_)) && crate::builtins::typed_array::numeric_key(key).is_some()
}

/// A named store that missed the IC.
pub(super) fn set_named_slow(
    rt: &mut Runtime,
    code: Gc<FunctionCode>,
    slot: usize,
    recv: Value,
    name: Value,
    v: Value,
    strict: bool,
) -> JsResult<()> {
    let key = name_key(rt, name);
    let Some(o) = recv.as_object() else {
        return rt.put(recv, key, v, strict);
    };
    let before = o.shape;
    let cacheable = !before.is_dictionary()
        && matches!(key, PropertyKey::String(_) | PropertyKey::Symbol(_))
        && matches!(o.kind, ObjectKind::Ordinary | ObjectKind::Closure(_) | ObjectKind::Error | ObjectKind::Builtin(_));
    let own = if cacheable { before.lookup(key) } else { None };
    rt.put(recv, key, v, strict)?;
    if !cacheable {
        return Ok(());
    }
    let entry = match own {
        Some((s, attrs)) if attrs & (WRITABLE | ACCESSOR) == WRITABLE => {
            Some(PropertyCacheEntry { shape: before, access: PropertyAccess::Own { slot: s } })
        }
        None => {
            if added_by_transition(before, o.shape, key) {
                let after = o.shape;
                let validity = before.proto().and_then(|p| p.proto_info.as_ref().map(|pi| pi.validity));
                if before.proto().is_none() || validity.is_some() {
                    Some(PropertyCacheEntry {
                        shape: before,
                        access: PropertyAccess::Transition { to: after, slot: before.len() as u32, validity },
                    })
                } else {
                    None
                }
            } else {
                None
            }
        }
        _ => None,
    };
    if let Some(e) = entry {
        code.get_mut().feedback.record_property(slot, e);
    }
    Ok(())
}

pub(super) fn get_keyed_slow(rt: &mut Runtime, code: Gc<FunctionCode>, slot: usize, recv: Value, key: Value) -> JsResult<Value> {
    if let Some(s) = recv.as_string() {
        if let Some(i) = key.as_int() {
            if i >= 0 && (i as usize) < s.len() {
                note_keyed(code, slot, elements_seen::STRING);
                let c = s.at(i as usize);
                return Ok(rt.single_char_string(c));
            }
        }
    }
    if recv.is_nullish() {
        // ToObject(base) fails before the key is converted (which may run code).
        let what = if recv.is_null() { "null" } else { "undefined" };
        if key.is_object() {
            return Err(rt.type_error(format!("Cannot read properties of {what}")));
        }
        let k = rt.to_property_key(key)?;
        let kd = rt.key_display(k);
        return Err(rt.type_error(format!("Cannot read properties of {what} (reading '{kd}')")));
    }
    let k = rt.to_property_key(key)?;
    if let Some(o) = recv.as_object() {
        let bits = match (&*o.elements, k) {
            (Elements::Dense(v), PropertyKey::Index(i)) => {
                if (i as usize) >= v.len() {
                    elements_seen::OUT_OF_BOUNDS
                } else {
                    elements_seen::HOLEY
                }
            }
            (Elements::Sparse(_), PropertyKey::Index(_)) => elements_seen::SPARSE,
            _ => elements_seen::NAMED,
        };
        note_keyed(code, slot, bits);
        if !matches!(k, PropertyKey::Index(_)) {
            // `o[name]` with a string or symbol key: through the megamorphic cache, like a
            // named load whose site saw many shapes.
            return cached_get(rt, recv, k);
        }
    } else {
        note_keyed(code, slot, if recv.is_string() { elements_seen::STRING } else { elements_seen::NAMED });
    }
    rt.get(recv, k)
}

fn note_keyed(code: Gc<FunctionCode>, slot: usize, bits: u8) {
    if let Feedback::Keyed { seen } = &mut code.get_mut().feedback.slots[slot].data {
        *seen |= bits;
    }
}

pub(super) fn set_keyed_slow(
    rt: &mut Runtime,
    code: Gc<FunctionCode>,
    slot: usize,
    recv: Value,
    key: Value,
    v: Value,
    strict: bool,
) -> JsResult<()> {
    if recv.is_nullish() {
        // ToObject(base) fails before the key is converted (which may run code).
        let what = if recv.is_null() { "null" } else { "undefined" };
        if key.is_object() {
            return Err(rt.type_error(format!("Cannot set properties of {what}")));
        }
        let k = rt.to_property_key(key)?;
        let kd = rt.key_display(k);
        return Err(rt.type_error(format!("Cannot set properties of {what} (setting '{kd}')")));
    }
    let k = rt.to_property_key(key)?;
    match (recv.as_object(), k) {
        (Some(_), PropertyKey::Index(_)) => {}
        (Some(_), _) => note_keyed(code, slot, elements_seen::NAMED),
        (None, _) => note_keyed(code, slot, if recv.is_string() { elements_seen::STRING } else { elements_seen::NAMED }),
    }
    if let (Some(o), PropertyKey::Index(i)) = (recv.as_object(), k) {
        let bits = match &*o.elements {
            Elements::Dense(e) if (i as usize) >= e.len() => elements_seen::OUT_OF_BOUNDS,
            Elements::Dense(_) => elements_seen::HOLEY,
            Elements::Sparse(_) => elements_seen::SPARSE,
        };
        note_keyed(code, slot, bits);
        // Appending to an extensible array with no inherited indexed properties: fast.
        if let ObjectKind::Array { length, length_writable: true } = o.kind {
            if let Elements::Dense(e) = &*o.elements {
                if i as usize == e.len() && i == length && o.extensible && !proto_chain_has_elements(o) {
                    rt.add_element(o, i, v, DEFAULT);
                    return Ok(());
                }
            }
        }
    }
    rt.put(recv, k, v, strict)
}

/// Does any prototype of `o` have elements (which a store might hit as setters)?
fn proto_chain_has_elements(o: Gc<JsObject>) -> bool {
    let mut p = o.proto();
    while let Some(x) = p {
        match &*x.elements {
            Elements::Dense(v) if v.is_empty() => {}
            _ => return true,
        }
        p = x.proto();
    }
    false
}

pub(super) fn define_accessor(rt: &mut Runtime, obj: Value, key: Value, f: Value, is_setter: bool, enumerable: u32) -> JsResult<()> {
    let o = obj.as_object().expect("literal or class");
    let k = if let Some(s) = key.as_symbol().filter(|s| s.private) { PropertyKey::Symbol(s) } else { rt.to_property_key(key)? };
    let existing = rt.get_own_property(o, k);
    if enumerable == PRIVATE_ACCESSOR_ADD && existing.is_some() {
        return Err(rt.type_error(format!("Cannot initialize {} twice on the same object", private_desc(key))));
    }
    let (get, set) = match existing.and_then(|p| p.accessor()) {
        Some(a) => (a.get, a.set),
        None => (Value::UNDEFINED, Value::UNDEFINED),
    };
    if enumerable >= PRIVATE_ACCESSOR_ADD {
        // Private accessors: the getter and setter halves are installed one after the other.
        let (g, s) = if is_setter { (get, f) } else { (f, set) };
        let pair = rt.alloc(crate::runtime::object::Accessor::new(g, s));
        rt.define_data(o, k, Value::cell(pair), ACCESSOR);
        return Ok(());
    }
    let desc = if is_setter {
        PropertyDescriptor {
            get: Some(get),
            set: Some(f),
            enumerable: Some(enumerable == 1),
            configurable: Some(true),
            ..Default::default()
        }
    } else {
        PropertyDescriptor {
            get: Some(f),
            set: Some(set),
            enumerable: Some(enumerable == 1),
            configurable: Some(true),
            ..Default::default()
        }
    };
    rt.define_property_or_throw(o, k, desc)
}

pub(super) fn delete_property(rt: &mut Runtime, obj: Value, key: Value, strict: bool) -> JsResult<Value> {
    if obj.is_nullish() {
        return Err(rt.type_error("Cannot convert undefined or null to object"));
    }
    let k = rt.to_property_key(key)?;
    let o = rt.to_object(obj)?;
    let ok = rt.delete_property(o, k)?;
    if !ok && strict {
        let kd = rt.key_display(k);
        return Err(rt.type_error(format!("Cannot delete property '{kd}' of object")));
    }
    Ok(Value::bool(ok))
}

/// CopyDataProperties (object spread and rest). The source object stays kept (getters run
/// JavaScript, which may collect) until the copy ends.
pub(crate) fn copy_data_properties(rt: &mut Runtime, target: Value, source: Value, excluded: &[Value]) -> JsResult<()> {
    if source.is_nullish() {
        return Ok(());
    }
    let t = target.as_object().expect("target object");
    rt.keep_scope(|rt| {
        let from = rt.to_object(source)?;
        rt.keep(Value::object(from));
        let mut ex = Vec::new();
        for e in excluded {
            ex.push(rt.to_property_key(*e)?);
        }
        for k in rt.own_property_keys(from) {
            if ex.contains(&k) {
                continue;
            }
            if let Some(p) = rt.get_own_property(from, k) {
                if p.attrs & ENUMERABLE != 0 {
                    let v = rt.get_property(from, k, Value::object(from))?;
                    rt.create_data_property_or_throw(t, k, v)?;
                }
            }
        }
        Ok(())
    })
}

fn home_object(rt: &Runtime, fp: usize) -> Option<Gc<JsObject>> {
    let callee = rt.stack[fp + CALLEE_SLOT].as_object()?;
    callee.as_closure()?.home_object
}

pub(crate) fn get_super(rt: &mut Runtime, fp: usize, key: Value) -> JsResult<Value> {
    let this = rt.stack[fp + THIS_SLOT];
    if this.is_hole() {
        return Err(rt.reference_error(
            "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
        ));
    }
    // GetSuperBase, then ToPropertyKey (which may run code that changes the prototype).
    let Some(home) = home_object(rt, fp) else { return Err(rt.syntax_error("'super' keyword unexpected here")) };
    let base = home.proto();
    let k = rt.with_kept(base.map_or(Value::UNDEFINED, Value::object), |rt| rt.to_property_key(key))?;
    match base {
        Some(p) => rt.get_property(p, k, this),
        None => Err(rt.type_error("Cannot read properties of null")),
    }
}

pub(super) fn set_super(rt: &mut Runtime, fp: usize, key: Value, v: Value, strict: bool) -> JsResult<()> {
    let this = rt.stack[fp + THIS_SLOT];
    if this.is_hole() {
        return Err(rt.reference_error(
            "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
        ));
    }
    let Some(home) = home_object(rt, fp) else { return Err(rt.syntax_error("'super' keyword unexpected here")) };
    let base = home.proto();
    let k = rt.with_kept(base.map_or(Value::UNDEFINED, Value::object), |rt| rt.to_property_key(key))?;
    let Some(p) = base else { return Err(rt.type_error("Cannot set properties of null")) };
    let ok = rt.set_property(p, k, v, this)?;
    if !ok && strict {
        return Err(rt.type_error("Cannot assign to read only property"));
    }
    Ok(())
}

/// `super[key]` evaluated as a reference and read (a compound assignment or update): checks
/// `this`, stores GetSuperBase() at stack index `base` and ToPropertyKey(key) back at stack
/// index `key` (so the write uses the same base and key), then returns base.[[Get]](key, this).
pub(super) fn get_super_ref(rt: &mut Runtime, fp: usize, base: usize, key: usize) -> JsResult<Value> {
    let this = rt.stack[fp + THIS_SLOT];
    if this.is_hole() {
        return Err(rt.reference_error(
            "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
        ));
    }
    let Some(home) = home_object(rt, fp) else { return Err(rt.syntax_error("'super' keyword unexpected here")) };
    let b = home.proto();
    rt.stack[base] = b.map_or(Value::NULL, Value::object);
    let raw = rt.stack[key];
    let k = rt.to_property_key(raw)?;
    let kv = rt.key_to_value(k);
    rt.stack[key] = kv;
    match b {
        Some(p) => rt.get_property(p, k, this),
        None => Err(rt.type_error("Cannot read properties of null")),
    }
}

/// PutValue on a `super[key]` reference made by [`get_super_ref`].
pub(super) fn set_super_ref(rt: &mut Runtime, fp: usize, base: Value, key: Value, v: Value, strict: bool) -> JsResult<()> {
    let this = rt.stack[fp + THIS_SLOT];
    // Already a property key: converting again has no effects.
    let k = rt.to_property_key(key)?;
    let Some(p) = base.as_object() else { return Err(rt.type_error("Cannot set properties of null")) };
    let ok = rt.set_property(p, k, v, this)?;
    if !ok && strict {
        return Err(rt.type_error("Cannot assign to read only property"));
    }
    Ok(())
}

fn private_key(rt: &mut Runtime, name: Value) -> JsResult<PropertyKey> {
    match name.as_symbol() {
        Some(s) => Ok(PropertyKey::Symbol(s)),
        None => Err(rt.type_error("invalid private name")),
    }
}

fn private_desc(name: Value) -> String {
    name.as_symbol().and_then(|s| s.description.as_string()).map(|d| d.to_rust_string()).unwrap_or_default()
}

pub(super) fn get_private(rt: &mut Runtime, obj: Value, name: Value) -> JsResult<Value> {
    let k = private_key(rt, name)?;
    let Some(o) = obj.as_object() else {
        return Err(
            rt.type_error(format!("Cannot read private member {} from an object whose class did not declare it", private_desc(name)))
        );
    };
    match rt.get_own_property(o, k) {
        Some(p) => match p.accessor() {
            Some(a) => {
                if a.get.is_undefined() {
                    return Err(rt.type_error(format!("'{}' was defined without a getter", private_desc(name))));
                }
                rt.call(a.get, obj, &[])
            }
            None => Ok(p.value),
        },
        None => {
            Err(rt.type_error(format!("Cannot read private member {} from an object whose class did not declare it", private_desc(name))))
        }
    }
}

pub(super) fn set_private(rt: &mut Runtime, obj: Value, name: Value, v: Value) -> JsResult<()> {
    let k = private_key(rt, name)?;
    let Some(o) = obj.as_object() else {
        return Err(
            rt.type_error(format!("Cannot write private member {} to an object whose class did not declare it", private_desc(name)))
        );
    };
    match rt.get_own_property(o, k) {
        Some(p) => match p.accessor() {
            Some(a) => {
                if a.set.is_undefined() {
                    return Err(rt.type_error(format!("'{}' was defined without a setter", private_desc(name))));
                }
                rt.call(a.set, obj, &[v])?;
                Ok(())
            }
            None => {
                if p.attrs & WRITABLE == 0 {
                    return Err(rt.type_error(format!("Private method '{}' is not writable", private_desc(name))));
                }
                rt.define_data(o, k, v, WRITABLE);
                Ok(())
            }
        },
        None => {
            Err(rt.type_error(format!("Cannot write private member {} to an object whose class did not declare it", private_desc(name))))
        }
    }
}

pub(super) fn define_private(rt: &mut Runtime, obj: Value, name: Value, v: Value, method: bool) -> JsResult<()> {
    let k = private_key(rt, name)?;
    let Some(o) = obj.as_object() else { return Err(rt.type_error("private fields need an object")) };
    if rt.get_own_property(o, k).is_some() {
        return Err(rt.type_error(format!("Cannot initialize {} twice on the same object", private_desc(name))));
    }
    // Private methods are read-only; fields writable.
    rt.define_data(o, k, v, if method { 0 } else { WRITABLE });
    Ok(())
}

pub(super) fn has_private(rt: &mut Runtime, obj: Value, name: Value) -> JsResult<Value> {
    let k = private_key(rt, name)?;
    let Some(o) = obj.as_object() else {
        return Err(rt.type_error("Cannot use 'in' operator to search for a private field in a non-object"));
    };
    Ok(Value::bool(rt.get_own_property(o, k).is_some()))
}

// ----- arithmetic -----

#[inline(always)]
pub(super) fn see_int(code: Gc<FunctionCode>, slot: usize) {
    if let Feedback::Binary(f) = &mut code.get_mut().feedback.slots[slot].data {
        if f.kind < NumericKind::Int32 {
            f.kind = NumericKind::Int32;
        }
    }
}

#[inline(always)]
pub(super) fn see_int_compare(code: Gc<FunctionCode>, slot: usize) {
    if let Feedback::Compare(f) = &mut code.get_mut().feedback.slots[slot].data {
        if f.kind < NumericKind::Int32 {
            f.kind = NumericKind::Int32;
        }
    }
}

/// Records a binary or compare site's operands: two numbers, `both_int` if both were int32s
/// (then a result `r` that is not one counts as an overflow).
#[inline]
pub(super) fn see_numbers(code: Gc<FunctionCode>, slot: usize, both_int: bool, r: Value) {
    if let Feedback::Binary(f) | Feedback::Compare(f) = &mut code.get_mut().feedback.slots[slot].data {
        if !both_int {
            f.see(NumericKind::Number);
        } else if !r.is_int() {
            f.see(NumericKind::Number);
            f.overflowed = true;
        } else {
            f.see(NumericKind::Int32);
        }
    }
}

/// `a * b` on int32s, unless it overflows or is -0.
#[inline]
pub(super) fn int_mul(a: i32, b: i32) -> Option<Value> {
    a.checked_mul(b).filter(|r| *r != 0 || (a >= 0 && b >= 0)).map(Value::int)
}

/// `a % b` on int32s where the result is surely an int32 (not -0, no division by zero).
#[inline]
pub(super) fn int_mod(a: i32, b: i32) -> Option<Value> {
    (a >= 0 && b > 0).then(|| Value::int(a % b))
}

/// `a >>> b` on int32s, unless the result exceeds int32.
#[inline]
pub(super) fn int_shr(a: i32, b: i32) -> Option<Value> {
    i32::try_from((a as u32).wrapping_shr(b as u32)).ok().map(Value::int)
}

/// Number::remainder.
#[inline]
pub(super) fn js_mod(x: f64, y: f64) -> f64 {
    if y.is_infinite() && x.is_finite() {
        x
    } else {
        x % y
    }
}

pub(super) fn see_number(code: Gc<FunctionCode>, slot: usize, overflow: bool) {
    if let Feedback::Binary(f) = &mut code.get_mut().feedback.slots[slot].data {
        f.see(NumericKind::Number);
        f.overflowed |= overflow;
    }
}

fn kind_of(v: Value) -> NumericKind {
    if v.is_int() {
        NumericKind::Int32
    } else if v.is_number() {
        NumericKind::Number
    } else if v.is_bool() || v.is_nullish() {
        NumericKind::NumberOrOddball
    } else if v.is_string() {
        NumericKind::String
    } else {
        NumericKind::Any
    }
}

fn see_operands(code: Gc<FunctionCode>, slot: usize, a: Value, b: Value, result: Option<Value>) {
    let k = kind_of(a).max(kind_of(b));
    let fb = &mut code.get_mut().feedback.slots[slot].data;
    if let Feedback::Binary(f) | Feedback::Compare(f) = fb {
        f.see(k);
        if k == NumericKind::Int32 && result.is_some_and(|r| !r.is_int()) {
            f.see(NumericKind::Number);
            f.overflowed = true;
        }
    }
}

/// Records a unary numeric site's operand (`~`, ToNumeric).
#[inline]
pub(super) fn see_operand(code: Gc<FunctionCode>, slot: usize, a: Value) {
    see_operands(code, slot, a, a, None);
}

pub(super) fn see_compare(_rt: &Runtime, code: Gc<FunctionCode>, slot: usize, a: Value, b: Value) {
    see_operands(code, slot, a, b, None);
}

pub(crate) fn add_slow(rt: &mut Runtime, code: Gc<FunctionCode>, slot: usize, a: Value, b: Value) -> JsResult<Value> {
    let r = rt.add_values(a, b)?;
    see_operands(code, slot, a, b, Some(r));
    Ok(r)
}

impl Runtime {
    /// The `+` operator.
    pub fn add_values(&mut self, a: Value, b: Value) -> JsResult<Value> {
        if let (Some(x), Some(y)) = (a.as_number(), b.as_number()) {
            return Ok(Value::from_f64(x + y));
        }
        if let (Some(x), Some(y)) = (a.as_string(), b.as_string()) {
            return self.concat(x, y);
        }
        let pa = self.to_primitive(a, Hint::Default)?;
        // `b`'s conversion may run JavaScript (and collect): `pa` may be a fresh string.
        let pb = self.with_kept(pa, |rt| rt.to_primitive(b, Hint::Default))?;
        if pa.is_string() || pb.is_string() {
            let x = self.to_string(pa)?;
            let y = self.to_string(pb)?;
            return self.concat(x, y);
        }
        let x = self.to_number(pa)?;
        let y = self.to_number(pb)?;
        Ok(Value::from_f64(x + y))
    }

    /// The numeric binary operators other than `+`.
    pub fn arith(&mut self, op: Op, a: Value, b: Value) -> JsResult<Value> {
        use crate::runtime::numconv::{to_int32, to_uint32};
        let x = self.to_number(a)?;
        let y = self.to_number(b)?;
        Ok(match op {
            Op::Sub { .. } => Value::from_f64(x - y),
            Op::Mul { .. } => Value::from_f64(x * y),
            Op::Div { .. } => Value::from_f64(x / y),
            Op::Mod { .. } => Value::from_f64(js_mod(x, y)),
            Op::Exp { .. } => Value::from_f64(js_pow(x, y)),
            Op::BitAnd { .. } => Value::int(to_int32(x) & to_int32(y)),
            Op::BitOr { .. } => Value::int(to_int32(x) | to_int32(y)),
            Op::BitXor { .. } => Value::int(to_int32(x) ^ to_int32(y)),
            Op::Shl { .. } => Value::int(to_int32(x).wrapping_shl(to_uint32(y) & 31)),
            Op::Sar { .. } => Value::int(to_int32(x) >> (to_uint32(y) & 31)),
            Op::Shr { .. } => Value::from_f64((to_uint32(x) >> (to_uint32(y) & 31)) as f64),
            _ => unreachable!("not an arithmetic op"),
        })
    }
}

/// `**` / Math.pow: Number::exponentiate, computed bit-for-bit as V8 does
/// ([`crate::builtins::math::exponentiate`]).
pub fn js_pow(x: f64, y: f64) -> f64 {
    crate::builtins::math::exponentiate(x, y)
}

/// Arithmetic past the callers' own number fast paths (the interpreter's `numeric!`, the
/// baseline's inline int32 code and number stubs): any operands, with their feedback.
pub(crate) fn arith_slow(rt: &mut Runtime, code: Gc<FunctionCode>, slot: usize, op: Op, a: Value, b: Value) -> JsResult<Value> {
    let r = rt.arith(op, a, b)?;
    see_operands(code, slot, a, b, Some(r));
    Ok(r)
}

pub(crate) fn compare_slow(rt: &mut Runtime, code: Gc<FunctionCode>, slot: usize, op: Op, a: Value, b: Value) -> JsResult<Value> {
    see_operands(code, slot, a, b, None);
    let r = match op {
        Op::TestLt { .. } => rt.less_than(a, b, true)? == Some(true),
        Op::TestGt { .. } => rt.less_than(b, a, false)? == Some(true),
        Op::TestLe { .. } => rt.less_than(b, a, false)? == Some(false),
        _ => rt.less_than(a, b, true)? == Some(false),
    };
    Ok(Value::bool(r))
}

// ----- calls -----

/// Records a call of closure `f` (code `fcode`) at call slot `slot` of `code`.
#[inline(always)]
pub(crate) fn record_call(code: Gc<FunctionCode>, slot: usize, f: Gc<JsObject>, fcode: Gc<FunctionCode>) {
    // A monomorphic site seeing its closure again (the common case) changes nothing.
    if matches!(code.feedback.slots[slot].data, Feedback::Call(CallFeedback::Monomorphic(g)) if g == f) {
        return;
    }
    code.get_mut().feedback.record_call(slot, f, fcode);
}

/// The [`CallIcMirror`] through which compiled code may call closure `f` directly (plain
/// calls of functions whose frame `push_frame` fills without running code), given the global
/// object of `f`'s realm. Made once, with the closure ([`ClosureData::call`]).
fn direct_call_mirror(f: Gc<JsObject>, global: Value) -> Option<CallIcMirror> {
    let c = f.as_closure()?;
    let info = c.code.frame;
    if !info.plainly_callable() {
        return None;
    }
    let (mode, this_value, new_target) = if info.lexical_this {
        (ThisMode::Lexical, c.lexical_this, c.lexical_new_target)
    } else if info.strict {
        (ThisMode::Strict, Value::UNDEFINED, Value::UNDEFINED)
    } else {
        (ThisMode::Sloppy, global, Value::UNDEFINED)
    };
    Some(CallIcMirror {
        closure: Value::object(f).to_bits(),
        code: c.code.addr(),
        context: c.context.map_or(Value::UNDEFINED, Value::cell).to_bits(),
        this_mode: mode as u32,
        params: info.params,
        registers: info.registers,
        this_value: this_value.to_bits(),
        new_target: new_target.to_bits(),
        realm: c.realm.0,
    })
}

/// How compiled code constructs closure `f` directly (`new f(...)` as the interpreter's
/// `Construct` makes it: `this` an object made from `f.prototype`, then `f`'s frame with
/// `this` given): a mirror with `this` as given, when `f` is a base constructor.
pub(crate) fn construct_mirror(f: Gc<JsObject>) -> Option<CallIcMirror> {
    let c = f.as_closure()?;
    let info = c.code.frame;
    if !matches!(info.kind, CodeKind::Normal | CodeKind::ClassConstructor) || info.resumable {
        return None;
    }
    Some(CallIcMirror {
        closure: Value::object(f).to_bits(),
        code: c.code.addr(),
        context: c.context.map_or(Value::UNDEFINED, Value::cell).to_bits(),
        this_mode: ThisMode::Strict as u32,
        params: info.params,
        registers: info.registers,
        this_value: Value::UNDEFINED.to_bits(),
        new_target: Value::UNDEFINED.to_bits(),
        realm: c.realm.0,
    })
}

/// The TypeError of a call (`what`: "function") or `new` ("constructor") at `pc` whose
/// callee is not one, naming the callee as the source wrote it (`o.f is not a function`) when
/// the compiler recorded that, else describing the value.
#[cold]
pub(crate) fn not_callable(rt: &mut Runtime, code: Gc<FunctionCode>, pc: u32, f: Value, what: &str) -> Throw {
    let names = &code.block.callee_names;
    let name = match names.binary_search_by_key(&pc, |(p, _)| *p) {
        Ok(i) => names[i].1.to_string(),
        Err(_) => rt.describe_for_error(f),
    };
    rt.type_error(format!("{name} is not a {what}"))
}

pub(crate) fn record_call_other(code: Gc<FunctionCode>, slot: usize, f: Gc<JsObject>) {
    code.get_mut().feedback.record_call_other(slot, f);
}

/// The elements of an array built by the compiler for spread calls.
pub(crate) fn array_values(arr: Value) -> Vec<Value> {
    let a = arr.as_object().expect("spread array");
    let len = a.array_length().unwrap_or(0) as usize;
    match &*a.elements {
        Elements::Dense(v) => {
            let mut out: Vec<Value> = v.iter().map(|x| if x.is_hole() { Value::UNDEFINED } else { *x }).collect();
            out.resize(len, Value::UNDEFINED);
            out
        }
        Elements::Sparse(b) => (0..len as u32).map(|i| b.get(&i).map(|x| x.0).unwrap_or(Value::UNDEFINED)).collect(),
    }
}

/// A call that may be a direct eval: the realm's own `eval` with a string argument evaluates
/// in the caller's scope; anything else is an ordinary call.
pub(super) fn call_eval(
    rt: &mut Runtime,
    code: Gc<FunctionCode>,
    fp: usize,
    f: Value,
    this: Value,
    args: &[Value],
    scope: u32,
) -> JsResult<Value> {
    if f.as_object() != Some(rt.intrinsic(Intrinsic::Eval)) {
        return rt.call(f, this, args);
    }
    let Some(src) = args.first().and_then(|v| v.as_string()) else {
        return Ok(args.first().copied().unwrap_or(Value::UNDEFINED));
    };
    let Constant::EvalScope(es) = &code.block.constants[scope as usize] else { unreachable!("CallEval scope operand") };
    let es = es.clone();
    let text = src.to_rust_string();
    let block = match crate::compile_eval_source(&text, &es) {
        Ok(b) => b,
        Err(e) => return Err(rt.syntax_error(e.message)),
    };
    let ecode = rt.instantiate(block);
    let context = rt.stack[fp + CONTEXT_SLOT].as_cell::<Context>();
    let callee = rt.stack[fp + CALLEE_SLOT].as_object();
    let home = callee.and_then(|c| c.as_closure().and_then(|cd| cd.home_object));
    let (this_v, nt) = (rt.stack[fp + THIS_SLOT], rt.stack[fp + NEW_TARGET_SLOT]);
    let closure = rt.new_closure(ecode, context, this_v, nt, home);
    rt.run_closure(closure, Value::UNDEFINED, super::call::ArgSrc::Slice(&[]), Value::UNDEFINED, 0)
}

/// The [`LookupChain`] constant `chain` of `code`.
fn lookup_chain(code: &FunctionCode, chain: u32) -> &LookupChain {
    let Constant::LookupChain(c) = &code.block.constants[chain as usize] else { unreachable!("lookup chain operand") };
    c
}

/// The first `%evalvars` object of lookup chain `chain` (innermost first) that has `key`:
/// the environment a dynamic lookup of the name resolves to, if one of them.
fn eval_var_holder(rt: &mut Runtime, code: Gc<FunctionCode>, fp: usize, chain: u32, key: PropertyKey) -> Option<Gc<JsObject>> {
    let ctx = rt.stack[fp + CONTEXT_SLOT];
    for &(depth, slot) in &lookup_chain(&code, chain).objects {
        if let Some(o) = context_at(ctx, depth).slots[slot as usize].as_object() {
            if rt.has_own_property(o, key) {
                return Some(o);
            }
        }
    }
    None
}

/// `ResolveLookup`: the environment a dynamic lookup of `name` resolves to, as a value for
/// [`load_lookup_at`] and [`store_lookup_at`]: the `%evalvars` object holding the name, or
/// undefined for the chain's fallback (an enclosing binding, or the global environment).
pub(super) fn resolve_lookup(rt: &mut Runtime, code: Gc<FunctionCode>, fp: usize, name: Value, chain: u32) -> Value {
    let key = name_key(rt, name);
    eval_var_holder(rt, code, fp, chain, key).map_or(Value::UNDEFINED, Value::object)
}

/// The context and slot of a lookup chain's fallback binding.
fn fallback_slot(rt: &Runtime, fp: usize, f: &LookupFallback) -> (Gc<Context>, usize) {
    (context_at(rt.stack[fp + CONTEXT_SLOT], f.depth), f.index as usize)
}

/// The TDZ error of binding `name`.
fn uninitialized(rt: &mut Runtime, name: Value) -> Throw {
    let n = name.as_string().map(|s| s.to_rust_string()).unwrap_or_default();
    rt.reference_error(format!("Cannot access '{n}' before initialization"))
}

/// GetValue of a dynamic reference resolved to `holder` (see [`resolve_lookup`]).
pub(super) fn load_lookup_at(
    rt: &mut Runtime,
    code: Gc<FunctionCode>,
    fp: usize,
    name: Value,
    chain: u32,
    holder: Value,
    typeof_: bool,
) -> JsResult<Value> {
    if let Some(o) = holder.as_object() {
        let key = name_key(rt, name);
        return rt.get_property(o, key, Value::UNDEFINED);
    }
    match lookup_chain(&code, chain).fallback {
        Some(f) => {
            let (ctx, slot) = fallback_slot(rt, fp, &f);
            let v = ctx.slots[slot];
            if v.is_hole() && f.kind != FallbackKind::Var {
                return Err(uninitialized(rt, name));
            }
            Ok(v)
        }
        None => load_global_generic(rt, name, typeof_),
    }
}

/// PutValue of `v` to a dynamic reference resolved to `holder` (see [`resolve_lookup`]).
pub(super) fn store_lookup_at(
    rt: &mut Runtime,
    code: Gc<FunctionCode>,
    fp: usize,
    name: Value,
    chain: u32,
    holder: Value,
    v: Value,
) -> JsResult<()> {
    let strict = code.block.strict;
    if let Some(o) = holder.as_object() {
        let key = name_key(rt, name);
        // The binding was deleted since the reference was resolved: a sloppy write creates it
        // again (SetMutableBinding of a declarative environment).
        if strict && !rt.has_own_property(o, key) {
            let n = name.as_string().map(|s| s.to_rust_string()).unwrap_or_default();
            return Err(rt.reference_error(format!("{n} is not defined")));
        }
        rt.put(Value::object(o), key, v, strict)?;
        return Ok(());
    }
    match lookup_chain(&code, chain).fallback {
        Some(f) => {
            let (ctx, slot) = fallback_slot(rt, fp, &f);
            if ctx.slots[slot].is_hole() && f.kind != FallbackKind::Var {
                return Err(uninitialized(rt, name));
            }
            match f.kind {
                FallbackKind::Const => Err(rt.type_error("Assignment to constant variable.")),
                FallbackKind::CalleeName if strict => Err(rt.type_error("Assignment to constant variable.")),
                FallbackKind::CalleeName => Ok(()),
                FallbackKind::Var | FallbackKind::Lexical => {
                    ctx.get_mut().slots[slot] = v;
                    Ok(())
                }
            }
        }
        None => store_global_generic(rt, name, v, strict),
    }
}

pub(super) fn load_lookup(rt: &mut Runtime, code: Gc<FunctionCode>, fp: usize, name: Value, chain: u32, typeof_: bool) -> JsResult<Value> {
    let holder = resolve_lookup(rt, code, fp, name, chain);
    load_lookup_at(rt, code, fp, name, chain, holder, typeof_)
}

pub(super) fn store_lookup(rt: &mut Runtime, code: Gc<FunctionCode>, fp: usize, name: Value, chain: u32, v: Value) -> JsResult<()> {
    let holder = resolve_lookup(rt, code, fp, name, chain);
    store_lookup_at(rt, code, fp, name, chain, holder, v)
}

/// A sloppy direct eval's `var` (or function) `name` joins its caller's variable
/// environment: the first `%evalvars` object of `chain` (made on first use) gets the
/// binding, unless it has it already.
pub(super) fn declare_eval_var(rt: &mut Runtime, code: Gc<FunctionCode>, fp: usize, name: Value, chain: u32) -> JsResult<()> {
    let key = name_key(rt, name);
    let Some(&(depth, slot)) = lookup_chain(&code, chain).objects.first() else { return Ok(()) };
    let ctx = context_at(rt.stack[fp + CONTEXT_SLOT], depth);
    let o = match ctx.slots[slot as usize].as_object() {
        Some(o) => o,
        None => {
            let o = rt.new_object_with(None, ObjectKind::Ordinary);
            ctx.get_mut().slots[slot as usize] = Value::object(o);
            o
        }
    };
    if !rt.has_own_property(o, key) {
        rt.define_data(o, key, Value::UNDEFINED, DEFAULT);
    }
    Ok(())
}

/// `super(...args)` in derived constructor `func` (the frame's callee, or the constructor
/// enclosing an arrow or eval code): constructs its parent with the frame's `new.target`.
pub(crate) fn super_call(rt: &mut Runtime, fp: usize, func: Value, args: &[Value]) -> JsResult<Value> {
    let callee = func.as_object().expect("super() names a constructor");
    let new_target = rt.stack[fp + NEW_TARGET_SLOT];
    let parent = callee.proto();
    let pv = parent.map(Value::object).unwrap_or(Value::NULL);
    if !rt.is_constructor(pv) {
        return Err(rt.type_error("Super constructor is not a constructor"));
    }
    rt.construct(pv, args, Some(new_target))
}

/// `BindThis func`: `this` of the frame at `fp` becomes `v` (the result of `super()`), then
/// the fields of constructor `func` are defined on it.
pub(crate) fn bind_this(rt: &mut Runtime, fp: usize, func: Value, v: Value) -> JsResult<()> {
    if !rt.stack[fp + THIS_SLOT].is_hole() {
        return Err(super_called_twice(rt));
    }
    rt.stack[fp + THIS_SLOT] = v;
    run_fields(rt, func, v)
}

/// The error of a second `super()` call.
pub(super) fn super_called_twice(rt: &mut Runtime) -> Throw {
    rt.reference_error("Super constructor may only be called once")
}

/// Runs a class constructor's field initialiser on `this`.
pub(crate) fn run_fields(rt: &mut Runtime, callee: Value, this: Value) -> JsResult<()> {
    let init = callee.as_object().and_then(|c| c.as_closure().and_then(|cd| cd.fields));
    if let Some(f) = init {
        rt.call(Value::object(f), this, &[])?;
    }
    Ok(())
}

// ----- literals and creation -----

/// `CreateArrayFrom`: an array of the `count` values in the registers from `first` of the
/// frame at `fp`.
pub(crate) fn array_from_registers(rt: &mut Runtime, fp: usize, first: crate::bytecode::ops::Reg, count: u32) -> Value {
    let start = (fp as isize + HEADER as isize + first.0 as isize) as usize;
    let values = rt.stack[start..start + count as usize].to_vec();
    Value::object(rt.new_array(values))
}

pub(crate) fn array_push(rt: &mut Runtime, arr: Value, v: Value) {
    let a = arr.as_object().expect("array literal");
    if let Elements::Dense(e) = &mut *a.get_mut().elements.edit() {
        e.push(v);
    }
    if let ObjectKind::Array { length, .. } = &mut a.get_mut().kind {
        *length += 1;
    }
    rt.heap.note_bytes(8);
}

/// Appends every value `iterable` produces to the array literal `arr` (spread elements and
/// spread arguments). The iterator and its `next` stay kept until the spread ends.
pub(super) fn array_spread(rt: &mut Runtime, arr: Value, iterable: Value) -> JsResult<()> {
    rt.keep_scope(|rt| {
        rt.keep(arr);
        let (it, next) = rt.get_iterator(iterable)?;
        rt.keep(it);
        rt.keep(next);
        while let Some(v) = rt.iterator_step(it, next)? {
            array_push(rt, arr, v);
        }
        Ok(())
    })
}

/// Instantiates nested function `idx` of `code` and closes it over the frame's context.
pub(crate) fn create_closure(rt: &mut Runtime, code: Gc<FunctionCode>, idx: u32, fp: usize) -> JsResult<Value> {
    let mut fc = code.constants[idx as usize];
    if fc.is_hole() {
        let Constant::Function(block) = &code.block.constants[idx as usize] else { unreachable!("CreateClosure operand") };
        let f = rt.instantiate(block.clone());
        fc = Value::cell(f);
        code.get_mut().constants[idx as usize] = fc;
    }
    let fcode = fc.as_cell::<FunctionCode>().expect("function code");
    let context = rt.stack[fp + CONTEXT_SLOT].as_cell::<Context>();
    let (lexical_this, lexical_new_target, home) = if fcode.block.lexical_this {
        let callee = rt.stack[fp + CALLEE_SLOT].as_object();
        let home = callee.and_then(|c| c.as_closure().and_then(|cd| cd.home_object));
        (rt.stack[fp + THIS_SLOT], rt.stack[fp + NEW_TARGET_SLOT], home)
    } else {
        (Value::UNDEFINED, Value::UNDEFINED, None)
    };
    Ok(Value::object(rt.new_closure(fcode, context, lexical_this, lexical_new_target, home)))
}

impl Runtime {
    /// A closure object for `code` (with `length`, `name` and, for constructors and
    /// generators, `prototype`).
    pub(crate) fn new_closure(
        &mut self,
        code: Gc<FunctionCode>,
        context: Option<Gc<Context>>,
        lexical_this: Value,
        lexical_new_target: Value,
        home: Option<Gc<JsObject>>,
    ) -> Gc<JsObject> {
        let b = &code.block;
        let proto = match (b.generator, b.is_async) {
            (true, false) => Intrinsic::GeneratorFunctionPrototype,
            (true, true) => Intrinsic::AsyncGeneratorFunctionPrototype,
            (false, true) => Intrinsic::AsyncFunctionPrototype,
            _ => Intrinsic::FunctionPrototype,
        };
        let p = self.intrinsic(proto);
        let realm = self.realm;
        let data = ObjectKind::Closure(Box::new(ClosureData {
            code,
            context,
            lexical_this,
            lexical_new_target,
            home_object: home,
            fields: None,
            realm,
            call: CallIcMirror::default(),
        }));
        let needs_proto = matches!(b.kind, CodeKind::Normal) || b.generator;
        let sloppy_accessors = if is_sloppy_ordinary(&code) { self.realms[realm.0 as usize].sloppy_function_accessors } else { None };
        let count = 2 + needs_proto as usize + 2 * sloppy_accessors.is_some() as usize;
        // Every closure of `code` in this realm ends with the same shape: after the first,
        // the object starts with it and its values are pushed in slot order.
        let cached = code.closure_shape.and_then(|(r, s)| (r == realm && s.len() == count).then_some(s));
        let f = match cached {
            Some(shape) => self.heap.alloc(JsObject::new(shape, data)),
            None => self.new_object_with(Some(p), data),
        };
        let global = Value::object(self.realms[realm.0 as usize].global);
        if let Some(m) = direct_call_mirror(f, global) {
            if let ObjectKind::Closure(c) = &mut f.get_mut().kind {
                c.call = m;
            }
        }
        // The own properties, in slot order: `length`, `name`, `prototype`, then a sloppy
        // function's `caller` and `arguments`.
        let n = if b.name.is_empty() { Value::string(self.empty_string) } else { Value::string(self.intern_units(&b.name)) };
        // At most five, in an array: this runs for every closure created.
        let mut props = [(PropertyKey::String(self.names.length), Value::int(b.length as i32), CONFIGURABLE); 5];
        props[1] = (PropertyKey::String(self.names.name), n, CONFIGURABLE);
        let mut len = 2;
        let mut push = |p: (PropertyKey, Value, Attrs)| {
            props[len] = p;
            len += 1;
        };
        if needs_proto {
            let pk = PropertyKey::String(self.names.prototype);
            if b.generator {
                let gp = self.intrinsic(if b.is_async { Intrinsic::AsyncGeneratorPrototype } else { Intrinsic::GeneratorPrototype });
                let po = self.new_object_with(Some(gp), ObjectKind::Ordinary);
                push((pk, Value::object(po), WRITABLE));
            } else {
                let po = self.new_plain_object();
                let ck = PropertyKey::String(self.names.constructor);
                self.add_named(po, ck, Value::object(f), HIDDEN);
                push((pk, Value::object(po), WRITABLE));
            }
        }
        // The realm's shared `caller`/`arguments` accessors (builtins::function).
        if let Some((c, a)) = sloppy_accessors {
            push((PropertyKey::String(self.names.caller), Value::cell(c), CONFIGURABLE | ACCESSOR));
            push((PropertyKey::String(self.names.arguments), Value::cell(a), CONFIGURABLE | ACCESSOR));
        }
        debug_assert_eq!(len, count);
        let props = &props[..len];
        if cached.is_some() {
            for &(_, v, _) in props {
                self.push_slot(f, v);
            }
        } else {
            for &(k, v, attrs) in props {
                self.add_named(f, k, v, attrs);
            }
            if !f.shape.is_dictionary() {
                code.get_mut().closure_shape = Some((realm, f.shape));
            }
        }
        f
    }
}

/// Code of a sloppy ordinary function (a non-strict `function` declaration or expression, or
/// a sloppy `Function(...)`): the only functions ECMA-262 17.1 lets have own `caller` and
/// `arguments` properties.
pub(crate) fn is_sloppy_ordinary(code: &FunctionCode) -> bool {
    let f = &code.frame;
    f.kind == CodeKind::Normal && !f.strict && !f.resumable
}

pub(super) fn create_class(rt: &mut Runtime, ctor: Value, parent: Value) -> JsResult<Value> {
    let f = ctor.as_object().expect("class constructor");
    let (proto_parent, ctor_parent) = if parent.is_hole() {
        (Some(rt.intrinsic(Intrinsic::ObjectPrototype)), rt.intrinsic(Intrinsic::FunctionPrototype))
    } else if parent.is_null() {
        (None, rt.intrinsic(Intrinsic::FunctionPrototype))
    } else {
        if !rt.is_constructor(parent) {
            return Err(rt.type_error("Class extends value is not a constructor or null"));
        }
        let pk = PropertyKey::String(rt.names.prototype);
        let pp = rt.get(parent, pk)?;
        if !pp.is_object() && !pp.is_null() {
            return Err(rt.type_error("Class extends value does not have valid prototype property"));
        }
        (pp.as_object(), parent.as_object().expect("constructor"))
    };
    rt.set_prototype_of(f, Some(ctor_parent))?;
    let proto = rt.new_object_with(proto_parent, ObjectKind::Ordinary);
    let ck = PropertyKey::String(rt.names.constructor);
    rt.define_data(proto, ck, ctor, HIDDEN);
    let pk = PropertyKey::String(rt.names.prototype);
    rt.define_data(f, pk, Value::object(proto), 0);
    Ok(Value::object(proto))
}

pub(super) fn template_object(rt: &mut Runtime, code: Gc<FunctionCode>, idx: u32, slot: usize) -> Value {
    if let Feedback::Cache(v) = code.feedback.slots[slot].data {
        if !v.is_hole() {
            return v;
        }
    }
    let Constant::Template(t) = &code.block.constants[idx as usize] else { unreachable!("template operand") };
    let t = t.clone();
    let cooked: Vec<Value> = t
        .cooked
        .iter()
        .map(|c| match c {
            Some(s) => rt.new_string(s.to_vec()),
            None => Value::UNDEFINED,
        })
        .collect();
    let raw: Vec<Value> = t.raw.iter().map(|s| rt.new_string(s.to_vec())).collect();
    let raw_arr = rt.new_array(raw);
    let arr = rt.new_array(cooked);
    let rk = PropertyKey::String(rt.names.raw);
    rt.define_data(arr, rk, Value::object(raw_arr), 0);
    for a in [raw_arr, arr] {
        freeze_array(rt, a);
    }
    let v = Value::object(arr);
    code.get_mut().feedback.slots[slot].data = Feedback::Cache(v);
    v
}

fn freeze_array(rt: &mut Runtime, a: Gc<JsObject>) {
    let len = a.array_length().unwrap_or(0);
    for i in 0..len {
        if let Some((v, _)) = a.get_element(i) {
            rt.define_data(a, PropertyKey::Index(i), v, ENUMERABLE);
        }
    }
    if let ObjectKind::Array { length_writable, .. } = &mut a.get_mut().kind {
        *length_writable = false;
    }
    rt.prevent_extensions(a);
}

pub(crate) fn create_arguments(rt: &mut Runtime, fp: usize, code: Gc<FunctionCode>, kind: u32) -> Value {
    let argc = rt.stack[fp + ARGC_SLOT].int_unchecked() as usize;
    let np = code.block.param_count as usize;
    let nr = code.block.register_count as usize;
    let mut values = Vec::with_capacity(argc);
    for i in 0..argc {
        let v = if i < np { rt.stack[fp + HEADER + i] } else { rt.stack[fp + HEADER + np + nr + (i - np)] };
        values.push(v);
    }
    let p = rt.intrinsic(Intrinsic::ObjectPrototype);
    let map = if kind == ARGUMENTS_MAPPED {
        let ctx = rt.stack[fp + CONTEXT_SLOT].as_cell::<Context>().expect("mapped arguments need the function context");
        // Parameters live in context slots 0..np in declaration order (the last duplicate wins).
        let slots: Vec<Option<u32>> = (0..argc).map(|i| if i < np { Some(i as u32) } else { None }).collect();
        Some(Box::new((ctx, slots.into_boxed_slice())))
    } else {
        None
    };
    let o = rt.new_object_with(Some(p), ObjectKind::Arguments { mapped: map });
    o.get_mut().elements.set(Elements::Dense(values));
    let lk = PropertyKey::String(rt.names.length);
    rt.add_named(o, lk, Value::int(argc as i32), HIDDEN);
    let iter = PropertyKey::Symbol(rt.well_known(crate::runtime::names::WellKnown::Iterator));
    let values_fn = rt.intrinsic(Intrinsic::ArrayProtoValues);
    rt.add_named(o, iter, Value::object(values_fn), HIDDEN);
    if kind != ARGUMENTS_UNMAPPED {
        let ck = PropertyKey::String(rt.names.callee);
        let callee = rt.stack[fp + CALLEE_SLOT];
        rt.add_named(o, ck, callee, HIDDEN);
    } else {
        let ck = PropertyKey::String(rt.names.callee);
        let thrower = Value::object(rt.intrinsic(Intrinsic::ThrowTypeError));
        let acc = rt.alloc(crate::runtime::object::Accessor::new(thrower, thrower));
        rt.add_named(o, ck, Value::cell(acc), ACCESSOR);
    }
    Value::object(o)
}

pub(crate) fn create_rest(rt: &mut Runtime, fp: usize, code: Gc<FunctionCode>, start: usize) -> Value {
    let argc = rt.stack[fp + ARGC_SLOT].int_unchecked() as usize;
    let np = code.block.param_count as usize;
    let nr = code.block.register_count as usize;
    let mut values = Vec::new();
    for i in start..argc {
        let v = if i < np { rt.stack[fp + HEADER + i] } else { rt.stack[fp + HEADER + np + nr + (i - np)] };
        values.push(v);
    }
    Value::object(rt.new_array(values))
}

pub(super) fn set_function_name(rt: &mut Runtime, f: Value, name: Value, prefix: u32) -> JsResult<()> {
    let Some(fo) = f.as_object() else { return Ok(()) };
    let mut n: Vec<u16> = match name.as_symbol() {
        Some(s) => match s.description.as_string() {
            Some(d) if s.private => d.units().to_vec(),
            Some(d) => {
                let mut v: Vec<u16> = "[".encode_utf16().collect();
                v.extend_from_slice(d.units());
                v.push(b']' as u16);
                v
            }
            None => Vec::new(),
        },
        None => rt.to_string(name)?.units().to_vec(),
    };
    let p = match prefix {
        1 => "get ",
        2 => "set ",
        _ => "",
    };
    if !p.is_empty() {
        let mut v: Vec<u16> = p.encode_utf16().collect();
        v.append(&mut n);
        n = v;
    }
    let nv = rt.new_string(n);
    let k = PropertyKey::String(rt.names.name);
    // Classes with a static `name` member keep theirs.
    if let Some(p) = rt.get_own_property(fo, k) {
        if p.attrs & ACCESSOR != 0 || p.attrs & WRITABLE != 0 {
            return Ok(());
        }
    }
    rt.define_data(fo, k, nv, CONFIGURABLE);
    Ok(())
}

// ----- inline-cache fast paths shared by the interpreter and the baseline JIT -----

/// A cached named load that needs no call: an own or prototype data slot, or an array's
/// `length`. `None` for getters (the caller runs them) and stale entries.
#[inline(always)]
pub(crate) fn cached_load(access: PropertyAccess, o: Gc<JsObject>) -> Option<Value> {
    match access {
        PropertyAccess::Own { slot } => Some(o.slots[slot as usize]),
        PropertyAccess::Proto { holder, slot, validity } if validity.valid => Some(holder.slots[slot as usize]),
        PropertyAccess::ArrayLength => Some(Value::from_f64(o.array_length().unwrap_or(0) as f64)),
        _ => None,
    }
}

/// A cached named store that needs no call: an own data slot, or adding a property by a
/// cached transition. Returns whether it stored.
#[inline]
pub(crate) fn cached_store(rt: &mut Runtime, access: PropertyAccess, o: Gc<JsObject>, v: Value) -> bool {
    match access {
        PropertyAccess::Own { slot } => {
            o.get_mut().slots[slot as usize] = v;
            true
        }
        // Not on a prototype: its shape change must invalidate the chains through it (the slow
        // path does), and prototypes can share a shape with ordinary objects.
        PropertyAccess::Transition { to, slot, validity }
            if validity.is_none_or(|c| c.valid) && o.slots.len() == slot as usize && o.proto_info.is_none() =>
        {
            o.get_mut().shape = to;
            rt.push_slot(o, v);
            true
        }
        _ => false,
    }
}

/// `o[key]` when it is a present element of a dense store that no exotic behaviour covers.
#[inline]
pub(crate) fn dense_get(o: Gc<JsObject>, key: Value) -> Option<Value> {
    let i = key.as_int().filter(|i| *i >= 0)?;
    match &o.kind {
        ObjectKind::Arguments { .. } | ObjectKind::String(_) => return None,
        // A TypedArray element (an invalid index takes the slow path, which yields undefined).
        ObjectKind::TypedArray(t) => return t.get(i as usize).map(Value::from_f64),
        _ => {}
    }
    match &*o.elements {
        Elements::Dense(v) => v.get(i as usize).copied().filter(|x| !x.is_hole()),
        _ => None,
    }
}

/// `o[key] = v` when `o[key]` is a present element of an array's or ordinary object's dense
/// store. Returns whether it stored.
#[inline]
pub(crate) fn dense_set(o: Gc<JsObject>, key: Value, v: Value) -> bool {
    let Some(i) = key.as_int().filter(|i| *i >= 0) else { return false };
    if let ObjectKind::TypedArray(t) = &o.kind {
        // TypedArray [[Set]] with the array as receiver: a Number needs no conversion, and an
        // invalid index is silently ignored.
        return match v.as_number() {
            Some(n) => {
                t.set(i as usize, n);
                true
            }
            None => false,
        };
    }
    if !matches!(o.kind, ObjectKind::Array { .. } | ObjectKind::Ordinary) {
        return false;
    }
    match &mut *o.get_mut().elements.edit() {
        Elements::Dense(e) => match e.get_mut(i as usize).filter(|x| !x.is_hole()) {
            Some(x) => {
                *x = v;
                true
            }
            None => false,
        },
        _ => false,
    }
}

// ----- The iterator registers (iterator, `next`, done) of for-of and array destructuring -----

/// `GetIterator dst, is_async`: fills registers `dst..dst + 3` for `v`.
pub(crate) fn get_iterator_registers(rt: &mut Runtime, fp: usize, dst: Reg, is_async: bool, v: Value) -> JsResult<()> {
    let regs = if is_async {
        let (it, next) = rt.get_async_iterator(v)?;
        [it, next, Value::FALSE]
    } else {
        rt.iterator_registers(v)?
    };
    for (i, r) in regs.into_iter().enumerate() {
        rt.stack[reg_slot(fp, dst.offset(i as u32))] = r;
    }
    Ok(())
}

/// `IteratorStep iter`: the next value, or `None` when the iterator is done (or was already).
/// The done register says "done" while `next` runs: if it throws, the iterator is not closed.
pub(crate) fn iterator_step_registers(rt: &mut Runtime, fp: usize, iter: Reg) -> JsResult<Option<Value>> {
    let base = reg_slot(fp, iter);
    let [it, next, state] = [rt.stack[base], rt.stack[base + 1], rt.stack[base + 2]];
    if state == Value::TRUE {
        return Ok(None);
    }
    rt.stack[base + 2] = Value::TRUE;
    let (step, more) = if next == ARRAY_ITERATION {
        // An array iteration: the done register holds the next index.
        let i = state.as_number().unwrap_or(0.0);
        (rt.array_iteration_step(it, i)?, Value::from_f64(i + 1.0))
    } else {
        (rt.iterator_step(it, next)?, Value::FALSE)
    };
    if step.is_some() {
        rt.stack[base + 2] = more;
    }
    Ok(step)
}

/// `IteratorClose iter` (`quiet`: `IteratorCloseQuiet`, closing because of a throw, which
/// ignores what `return()` throws) unless the iterator is done.
pub(crate) fn iterator_close_registers(rt: &mut Runtime, fp: usize, iter: Reg, quiet: bool) -> JsResult<()> {
    let base = reg_slot(fp, iter);
    let regs = [rt.stack[base], rt.stack[base + 1], rt.stack[base + 2]];
    if regs[2] == Value::TRUE {
        return Ok(());
    }
    rt.stack[base + 2] = Value::TRUE;
    let it = match rt.close_iterator_registers(regs) {
        Ok(Some(it)) => it,
        Ok(None) => return Ok(()),
        Err(Throw::Value(_)) if quiet => return Ok(()),
        Err(e) => return Err(e),
    };
    if quiet {
        match rt.iterator_close_on_throw(it, Throw::Value(Value::UNDEFINED)) {
            Throw::Terminate(t) => Err(Throw::Terminate(t)),
            Throw::Value(_) => Ok(()),
        }
    } else {
        rt.iterator_close(it)
    }
}

/// The stack index of register `r` of the frame at `fp`.
#[inline]
pub(crate) fn reg_slot(fp: usize, r: Reg) -> usize {
    (fp as isize + HEADER as isize + r.0 as isize) as usize
}

/// `Negate`, with the interpreter's int32 path.
pub(crate) fn negate(rt: &mut Runtime, code: Gc<FunctionCode>, slot: usize, v: Value) -> JsResult<Value> {
    match v.as_int() {
        Some(i) if i != 0 && i != i32::MIN => {
            see_int(code, slot);
            Ok(Value::int(-i))
        }
        _ => negate_slow(rt, code, slot, v),
    }
}

/// `Negate` past its int32 fast path: ToNumber, then the negation (recording the feedback).
pub(crate) fn negate_slow(rt: &mut Runtime, code: Gc<FunctionCode>, slot: usize, v: Value) -> JsResult<Value> {
    let n = rt.to_number(v)?;
    see_number(code, slot, false);
    Ok(Value::number(-n))
}

/// `BitNot`: ToInt32, then the complement (recording the operand's kind).
pub(crate) fn bit_not(rt: &mut Runtime, code: Gc<FunctionCode>, slot: usize, v: Value) -> JsResult<Value> {
    see_operand(code, slot, v);
    Ok(Value::int(!rt.to_int32(v)?))
}

/// `ToPropertyKey`: the key of `v` as a value (strings, symbols and int32s are keys already).
pub(crate) fn to_property_key_value(rt: &mut Runtime, v: Value) -> JsResult<Value> {
    if v.is_string() || v.is_symbol() || v.is_int() {
        return Ok(v);
    }
    let k = rt.to_property_key(v)?;
    Ok(rt.key_to_value(k))
}
