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

pub mod builtins;
pub mod bytecode;
pub mod heap;
pub mod interpreter;
pub mod jit;
pub mod parser;
pub mod runtime;
pub mod value;

pub use runtime::{InterruptHandle, Runtime, RuntimeOptions, Script};
pub use value::Value;

use std::sync::Arc;

/// How a script failed.
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
}

/// A failure reported to Rust: `Send + Sync`, with the error's data copied out.
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
    pub(crate) value_slot: Option<usize>,
}

impl JsError {
    /// The thrown value, from the runtime that raised the error.
    pub fn value(&self, rt: &Runtime) -> Option<Value> {
        self.value_slot.and_then(|i| rt.persistent.get(i).copied().flatten())
    }
}

impl std::fmt::Display for JsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            JsErrorKind::Interrupted => f.write_str("Interrupted"),
            JsErrorKind::OutOfMemory => f.write_str("Out of memory: heap limit exceeded"),
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
        }
    })
}
#[cfg(test)]
mod tests;
