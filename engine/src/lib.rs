//! jolt: a JavaScript engine with a register-bytecode interpreter and (soon) tiered JIT
//! compilation.
//!
//! Pipeline: [`parser`] (swc behind a conversion layer) → [`bytecode`] (the compiler and the
//! one instruction table) → [`interpreter`] (inline caches, type feedback) → later `jit/`.
//! [`runtime`] holds the object model; [`builtins`] the standard library; [`heap`] the
//! collector. Start reading at [`Runtime`] and `interpreter::run`.

// Runtime's conversions (`to_number`, `to_string`, ...) take `&mut self`: they allocate and may run
// JavaScript, so the `wrong_self_convention` naming rule does not fit them.
#![allow(clippy::wrong_self_convention)]
// Module docs link to the private items they describe (read them with
// `cargo doc --document-private-items`).
#![allow(rustdoc::private_intra_doc_links)]

pub mod api;
pub mod builtins;
pub mod bytecode;
pub mod heap;
pub mod interpreter;
pub mod jit;
pub mod parser;
pub mod runtime;
pub mod value;

pub use api::builder::RuntimeBuilder;
pub use api::convert::{FromJs, FromJsArgs, IntoJs, IntoJsArgs};
pub use api::function::IntoThrow;
pub use api::handle::Persistent;
pub use runtime::{HostApis, InterruptHandle, JsResult, Runtime, RuntimeOptions, Script, Throw};
pub use value::Value;

use std::sync::Arc;

/// How a script failed: an exception, or one of the terminations JavaScript cannot catch.
///
/// ```
/// let mut rt = jolt::RuntimeBuilder::new().fuel(10_000).build();
/// assert_eq!(rt.eval("for (;;) {}", "spin.js").unwrap_err().kind, jolt::JsErrorKind::OutOfFuel);
/// assert_eq!(jolt::Runtime::new().eval("throw 1", "t.js").unwrap_err().kind, jolt::JsErrorKind::Thrown);
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum JsErrorKind {
    /// An early error, found before any code ran.
    Syntax,
    /// A JavaScript exception.
    Thrown,
    /// The interrupt flag stopped the script.
    Interrupted,
    /// The heap limit stopped the script.
    OutOfMemory,
    /// The fuel budget (calls plus loop back-edges) ran out.
    OutOfFuel,
    /// The wall-time budget ([`RuntimeOptions::time_limit`]) ran out.
    TimeLimit,
}

/// A failure reported to Rust: `Send + Sync + 'static` and a [`std::error::Error`] (so it
/// works with `?` and error-handling crates), with the error's data copied out.
///
/// ```
/// let mut rt = jolt::Runtime::new();
/// let e = rt.eval("function f() { throw new TypeError('bad'); }\nf();", "main.js").unwrap_err();
/// assert_eq!(e.kind, jolt::JsErrorKind::Thrown);
/// assert_eq!((e.name.as_str(), e.message.as_str()), ("TypeError", "bad"));
/// assert_eq!(e.location.as_deref(), Some("main.js:1:22"));
/// assert!(e.stack.contains("at f (main.js:1:22)"));
/// assert_eq!(e.to_string(), "TypeError: bad");
/// // The thrown object itself, from the runtime that threw it:
/// let v = e.value(&rt).unwrap();
/// assert!(v.is_object());
/// ```
#[derive(Clone, Debug)]
pub struct JsError {
    /// What happened.
    pub kind: JsErrorKind,
    /// The error's name (`TypeError`, ...) or "" when a non-error was thrown.
    pub name: String,
    /// The message (or the thrown value's string form).
    pub message: String,
    /// A stack trace, V8-style.
    pub stack: String,
    /// `file:line:column` where known.
    pub location: Option<String>,
    /// Index into the runtime's persistent table holding the thrown value.
    pub(crate) value_slot: Option<u32>,
    /// The id of the runtime that raised the error (0: none).
    pub(crate) runtime_id: u64,
}

impl JsError {
    /// The thrown value, from the runtime that raised the error (`None` for syntax errors,
    /// terminations, and when `rt` is another runtime).
    ///
    /// ```
    /// let mut rt = jolt::Runtime::new();
    /// let e = rt.eval("throw 42", "t.js").unwrap_err();
    /// assert_eq!(e.value(&rt).and_then(|v| v.as_number()), Some(42.0));
    /// assert!(e.value(&jolt::Runtime::new()).is_none());
    /// ```
    pub fn value(&self, rt: &Runtime) -> Option<Value> {
        if self.runtime_id != rt.id {
            return None;
        }
        self.value_slot.and_then(|i| rt.persistent.get(i as usize).copied().flatten())
    }

    /// An error raised by Rust code (a failed conversion, a misused handle): kind
    /// [`JsErrorKind::Thrown`], with no JavaScript value.
    ///
    /// ```
    /// let e = jolt::JsError::new("TypeError", "expected a number");
    /// assert_eq!(e.to_string(), "TypeError: expected a number");
    /// ```
    pub fn new(name: impl Into<String>, message: impl Into<String>) -> JsError {
        JsError {
            kind: JsErrorKind::Thrown,
            name: name.into(),
            message: message.into(),
            stack: String::new(),
            location: None,
            value_slot: None,
            runtime_id: 0,
        }
    }

    /// Is this a termination (interrupt, heap limit, fuel, time) rather than an exception?
    ///
    /// ```
    /// assert!(!jolt::JsError::new("Error", "x").is_termination());
    /// ```
    pub fn is_termination(&self) -> bool {
        !matches!(self.kind, JsErrorKind::Syntax | JsErrorKind::Thrown)
    }
}

impl std::fmt::Display for JsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            JsErrorKind::Interrupted => f.write_str("Interrupted"),
            JsErrorKind::OutOfMemory => f.write_str("Out of memory: heap limit exceeded"),
            JsErrorKind::OutOfFuel => f.write_str("Out of fuel"),
            JsErrorKind::TimeLimit => f.write_str("Time limit exceeded"),
            _ if self.name.is_empty() => write!(f, "{}", self.message),
            _ if self.message.is_empty() => write!(f, "{}", self.name),
            _ => write!(f, "{}: {}", self.name, self.message),
        }
    }
}

impl std::error::Error for JsError {}

/// Parses and compiles eval code against a caller's scope (or the global scope).
pub(crate) fn compile_eval_source(source: &str, scope: &bytecode::code::EvalScope) -> Result<Arc<bytecode::code::CodeBlock>, JsError> {
    let src = Arc::new(bytecode::code::Source { name: "eval".to_string(), text: source.to_string() });
    let r = parser::with_parse_stack(source.len(), || {
        let program = parser::parse_eval(source, scope.strict, &scope.context).map_err(|e| (e.message, e.pos))?;
        bytecode::compiler::compile_eval(&program, src.clone(), scope).map_err(|e| (e.message, e.pos))
    });
    r.map_err(|(message, pos)| {
        let (l, c) = parser::line_col(source, pos);
        JsError {
            kind: JsErrorKind::Syntax,
            name: "SyntaxError".into(),
            message,
            stack: String::new(),
            location: Some(format!("eval:{l}:{c}")),
            value_slot: None,
            runtime_id: 0,
        }
    })
}

/// Parses and compiles a script to runtime-independent bytecode.
pub(crate) fn compile_script(source: &str, file_name: &str, force_strict: bool) -> Result<Arc<bytecode::code::CodeBlock>, JsError> {
    let src = Arc::new(bytecode::code::Source { name: file_name.to_string(), text: source.to_string() });
    let r = parser::with_parse_stack(source.len(), || {
        let program = parser::parse_script(source, force_strict).map_err(|e| (e.message, e.pos))?;
        bytecode::compiler::compile_script(&program, src.clone()).map_err(|e| (e.message, e.pos))
    });
    r.map_err(|(message, pos)| {
        let (l, c) = parser::line_col(source, pos);
        let location = format!("{file_name}:{l}:{c}");
        JsError {
            kind: JsErrorKind::Syntax,
            name: "SyntaxError".into(),
            message,
            stack: String::new(),
            location: Some(location),
            value_slot: None,
            runtime_id: 0,
        }
    })
}
#[cfg(test)]
mod tests;
