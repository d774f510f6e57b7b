//! `JSON` (being filled in).

use crate::runtime::{JsResult, Runtime};
use crate::value::Value;

pub(crate) fn install(_rt: &mut Runtime) {}

/// JSON.stringify of one value without replacer or indentation (for `%j`).
pub(crate) fn stringify_value(_rt: &mut Runtime, _v: Value) -> JsResult<Option<String>> {
    Ok(None)
}
