//! Creating error objects (with V8-style `stack` strings) and turning a [`Throw`] into the
//! embedder's [`crate::JsError`].

use super::object::ObjectKind;
use super::shape::{PropertyKey, HIDDEN};
use super::{Intrinsic, Runtime, Termination, Throw};
use crate::interpreter::frame::*;
use crate::value::Value;
use crate::{JsError, JsErrorKind};

impl Runtime {
    /// A new error object of the given intrinsic constructor kind.
    pub fn new_error(&mut self, proto: Intrinsic, message: &str) -> Value {
        let p = self.intrinsic(proto);
        let o = self.new_object_with(Some(p), ObjectKind::Error);
        let mk = PropertyKey::String(self.names.message);
        let m = self.str(message);
        self.define_data(o, mk, m, HIDDEN);
        self.attach_stack(o);
        Value::object(o)
    }

    /// Installs the `stack` property: "Name: message\n    at f (file:line:col)...".
    pub(crate) fn attach_stack(&mut self, o: crate::heap::Gc<super::object::JsObject>) {
        let trace = self.capture_stack_trace();
        let name = match self.get_named(Value::object(o), "name") {
            Ok(v) => v.as_string().map(|s| s.to_rust_string()).unwrap_or_else(|| "Error".into()),
            Err(_) => "Error".into(),
        };
        let msg = o
            .shape
            .lookup(PropertyKey::String(self.names.message))
            .map(|(s, _)| o.slots[s as usize])
            .and_then(|v| v.as_string())
            .map(|s| s.to_rust_string())
            .unwrap_or_default();
        let head = if msg.is_empty() { name } else { format!("{name}: {msg}") };
        let s = self.str(&format!("{head}{trace}"));
        let sk = PropertyKey::String(self.names.stack);
        self.define_data(o, sk, s, HIDDEN);
    }

    /// "\n    at f (file:1:2)" lines for the JavaScript frames on the stack.
    pub(crate) fn capture_stack_trace(&self) -> String {
        let mut out = String::new();
        let mut fp = self.fp;
        let mut pc = self.pc;
        let mut n = 0;
        while fp != usize::MAX && fp < self.stack.len() && n < 10 {
            let Some(callee) = self.stack[fp + CALLEE_SLOT].as_object() else { break };
            let Some(c) = callee.as_closure() else { break };
            let b = &c.code.block;
            let loc = b.location(pc);
            let name = String::from_utf16_lossy(&b.name);
            if name.is_empty() {
                if b.kind == crate::bytecode::code::CodeKind::Script {
                    out.push_str(&format!("\n    at {loc}"));
                } else {
                    out.push_str(&format!("\n    at <anonymous> ({loc})"));
                }
            } else {
                out.push_str(&format!("\n    at {name} ({loc})"));
            }
            n += 1;
            let caller = self.stack[fp + CALLER_FP_SLOT].as_int().unwrap_or(-1);
            pc = (self.stack[fp + RETURN_PC_SLOT].as_int().unwrap_or(1) as u32).saturating_sub(1);
            if caller < 0 {
                break;
            }
            fp = caller as usize;
        }
        out
    }

    pub(crate) fn throw_error(&mut self, proto: Intrinsic, message: impl Into<String>) -> Throw {
        let m: String = message.into();
        Throw::Value(self.new_error(proto, &m))
    }

    /// A TypeError to return as `Err`.
    pub fn type_error(&mut self, message: impl Into<String>) -> Throw {
        self.throw_error(Intrinsic::TypeErrorPrototype, message)
    }
    /// A RangeError.
    pub fn range_error(&mut self, message: impl Into<String>) -> Throw {
        self.throw_error(Intrinsic::RangeErrorPrototype, message)
    }
    /// A ReferenceError.
    pub fn reference_error(&mut self, message: impl Into<String>) -> Throw {
        self.throw_error(Intrinsic::ReferenceErrorPrototype, message)
    }
    /// A SyntaxError.
    pub fn syntax_error(&mut self, message: impl Into<String>) -> Throw {
        self.throw_error(Intrinsic::SyntaxErrorPrototype, message)
    }
    /// A URIError.
    pub fn uri_error(&mut self, message: impl Into<String>) -> Throw {
        self.throw_error(Intrinsic::UriErrorPrototype, message)
    }

    /// Copies a throw's data out for Rust; the thrown value stays reachable through a
    /// persistent slot ([`JsError::value`]).
    pub(crate) fn to_js_error(&mut self, t: Throw) -> JsError {
        match t {
            Throw::Terminate(k) => JsError {
                kind: match k {
                    Termination::Interrupted => JsErrorKind::Interrupted,
                    Termination::OutOfMemory => JsErrorKind::OutOfMemory,
                    Termination::OutOfFuel => JsErrorKind::OutOfFuel,
                    Termination::TimeLimit => JsErrorKind::TimeLimit,
                },
                name: String::new(),
                message: String::new(),
                stack: String::new(),
                location: None,
                value_slot: None,
                runtime_id: self.id,
            },
            Throw::Value(v) => {
                let slot = self.persistent.len();
                self.persistent.push(Some(v));
                let (name, message, stack);
                if let Some(o) = v.as_object() {
                    let read = |rt: &mut Runtime, k: &str| -> String {
                        let key = rt.key(k);
                        // Own or inherited data properties only: never run user code here.
                        let mut cur = Some(o);
                        while let Some(x) = cur {
                            if let Some(p) = rt.get_own_property(x, key) {
                                return if p.accessor().is_none() {
                                    p.value.as_string().map(|s| s.to_rust_string()).unwrap_or_default()
                                } else {
                                    String::new()
                                };
                            }
                            cur = x.proto();
                        }
                        String::new()
                    };
                    name = read(self, "name");
                    message = read(self, "message");
                    stack = read(self, "stack");
                } else {
                    name = String::new();
                    stack = String::new();
                    message = self.display_primitive(v);
                }
                let location = stack
                    .lines()
                    .nth(1)
                    .and_then(|l| l.rsplit('(').next())
                    .map(|s| s.trim().trim_end_matches(')').trim_start_matches("at ").trim().to_string());
                JsError {
                    kind: JsErrorKind::Thrown,
                    name,
                    message,
                    stack,
                    location,
                    value_slot: u32::try_from(slot).ok(),
                    runtime_id: self.id,
                }
            }
        }
    }

    /// A primitive's display form (strings unquoted), without running user code.
    pub(crate) fn display_primitive(&mut self, v: Value) -> String {
        if let Some(s) = v.as_symbol() {
            return match s.description.as_string() {
                Some(d) => format!("Symbol({})", d.to_rust_string()),
                None => "Symbol()".into(),
            };
        }
        if v.is_object() {
            return "[object]".into();
        }
        self.to_string(v).map(|s| s.to_rust_string()).unwrap_or_default()
    }
}
