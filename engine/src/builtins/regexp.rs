//! `RegExp` on the regress crate (being filled in).

use crate::heap::Marker;
use crate::runtime::{JsResult, Runtime};
use crate::value::Value;

pub(crate) fn install(_rt: &mut Runtime) {}

/// A compiled regular expression.
pub struct RegExpData {
    /// Source text.
    pub source: String,
    /// Flags.
    pub flags: String,
}

impl RegExpData {
    pub(crate) fn trace(&self, _m: &mut Marker) {}
    /// `/source/flags`.
    pub fn display(&self) -> String {
        format!("/{}/{}", self.source, self.flags)
    }
}

/// Creates a RegExp object for a literal.
pub fn regexp_create(rt: &mut Runtime, _pattern: Value, _flags: Value) -> JsResult<Value> {
    Err(rt.syntax_error("regular expressions are not implemented yet"))
}
