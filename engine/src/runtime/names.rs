//! Interned property names the engine uses often, and the well-known symbols.

use super::string::JsString;
use super::symbol::Symbol;
use super::Runtime;
use crate::heap::{Gc, Marker};
use crate::value::Value;

macro_rules! names {
    ($($field:ident = $text:expr),* $(,)?) => {
        /// Interned names, created once per runtime.
        #[allow(missing_docs)]
        pub struct Names { $(pub $field: Gc<JsString>,)* }
        impl Names {
            pub(crate) fn placeholder(s: Gc<JsString>) -> Names {
                Names { $($field: s,)* }
            }
            pub(crate) fn new(rt: &mut Runtime) -> Names {
                Names { $($field: rt.intern($text),)* }
            }
            pub(crate) fn trace(&self, m: &mut Marker) {
                $(m.cell(self.$field);)*
            }
        }
    };
}

names! {
    length = "length", prototype = "prototype", constructor = "constructor", name = "name",
    message = "message", value = "value", done = "done", next = "next", get = "get", set = "set",
    writable = "writable", enumerable = "enumerable", configurable = "configurable",
    to_string = "toString", value_of = "valueOf", stack = "stack", cause = "cause",
    callee = "callee", caller = "caller", arguments = "arguments", return_ = "return",
    throw_ = "throw", then = "then", raw = "raw", last_index = "lastIndex", index = "index",
    input = "input", groups = "groups", errors = "errors", undefined = "undefined",
    null = "null", boolean = "boolean", number = "number", string = "string", symbol = "symbol",
    object = "object", function = "function", bigint = "bigint", default = "default",
    to_json = "toJSON", proto = "__proto__", global_this = "globalThis", flags = "flags",
    source = "source", join = "join", indices = "indices", resolve = "resolve", add = "add",
    exec = "exec", has_indices = "hasIndices", global = "global", ignore_case = "ignoreCase",
    multiline = "multiline", dot_all = "dotAll", unicode = "unicode", unicode_sets = "unicodeSets",
    sticky = "sticky",
}

macro_rules! well_known {
    ($($v:ident = $desc:expr),* $(,)?) => {
        /// The well-known symbols.
        #[derive(Copy, Clone, PartialEq, Eq, Debug)]
        #[allow(missing_docs)]
        pub enum WellKnown { $($v,)* }
        /// (symbol, description) pairs in enum order.
        pub const WELL_KNOWN: &[(WellKnown, &str)] = &[$((WellKnown::$v, $desc),)*];
    };
}

well_known! {
    AsyncIterator = "Symbol.asyncIterator", HasInstance = "Symbol.hasInstance",
    IsConcatSpreadable = "Symbol.isConcatSpreadable", Iterator = "Symbol.iterator",
    Match = "Symbol.match", MatchAll = "Symbol.matchAll", Replace = "Symbol.replace",
    Search = "Symbol.search", Species = "Symbol.species", Split = "Symbol.split",
    ToPrimitive = "Symbol.toPrimitive", ToStringTag = "Symbol.toStringTag",
    Unscopables = "Symbol.unscopables",
}

pub(crate) fn create_well_known(rt: &mut Runtime) -> Vec<Gc<Symbol>> {
    WELL_KNOWN
        .iter()
        .map(|(_, d)| {
            let desc = rt.str(d);
            rt.alloc(Symbol::new(desc, false, false))
        })
        .collect()
}

/// Unused marker so `Value` stays imported for future names.
pub(crate) fn _unused(_: Value) {}
