//! [`CodeBlock`]: one compiled function, independent of any runtime.
//!
//! A code block is immutable and `Send + Sync` (shared by `Arc`), so a script compiled once
//! runs in many runtimes (the test262 runner compiles its harness once per worker). Per
//! runtime, a [`crate::runtime::function::FunctionCode`] cell pairs it with materialised
//! constants and a feedback vector.

use super::ops::{FeedbackKind, Op};
use std::sync::Arc;

/// A constant-pool entry.
#[derive(Debug, Clone)]
pub enum Constant {
    /// A number.
    Number(f64),
    /// A string (interned when materialised).
    String(Arc<[u16]>),
    /// A nested function.
    Function(Arc<CodeBlock>),
    /// Global declarations of a script (see [`GlobalDecls`]).
    GlobalDecls(Arc<GlobalDecls>),
    /// A template literal's cooked and raw strings.
    Template(Arc<TemplateStrings>),
    /// Where a dynamic name lookup searches (see [`LookupChain`]).
    LookupChain(Arc<LookupChain>),
    /// The static scope chain at a direct `eval` call.
    EvalScope(Arc<EvalScope>),
}

/// A dynamic name lookup (ResolveBinding through environments a sloppy direct eval may have
/// added bindings to): the `%evalvars` objects to search, then the binding the name resolves
/// to when none of them has it.
#[derive(Debug)]
pub struct LookupChain {
    /// The `%evalvars` objects that may hold the name: (context depth, slot), innermost first.
    pub objects: Vec<(u32, u32)>,
    /// The binding found beyond them (an enclosing function's, which an eval-declared `var`
    /// shadows), or `None` for the global environment.
    pub fallback: Option<LookupFallback>,
}

/// The context binding a [`LookupChain`] falls back to.
#[derive(Debug, Clone, Copy)]
pub struct LookupFallback {
    /// Context depth from the frame's context.
    pub depth: u32,
    /// Slot in that context.
    pub index: u32,
    /// What an access must check.
    pub kind: FallbackKind,
}

/// The checks an access to a [`LookupFallback`] binding makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FallbackKind {
    /// A `var`, parameter or function binding: no checks.
    Var,
    /// A `let` or `class` binding: reading or writing it in its TDZ is a ReferenceError.
    Lexical,
    /// A `const` binding: as `Lexical`, and writing it is a TypeError.
    Const,
    /// A named function expression's own name: writes are ignored (a TypeError in strict code).
    CalleeName,
}

/// What direct eval code needs to know about its caller's scope to compile against it.
#[derive(Debug)]
pub struct EvalScope {
    /// The caller's context levels, innermost first: (name, slot, binding kind code).
    pub levels: Vec<Vec<(Arc<str>, u32, u8)>>,
    /// Is the caller strict code?
    pub strict: bool,
    /// Is the caller's variable environment a function's (else the global one)?
    pub in_function: bool,
    /// Does the level holding the caller's `%evalvars` also hold its top-level lexical
    /// declarations (a function with simple parameters)? Otherwise its other names are
    /// parameters, which a sloppy eval's `var` may redeclare.
    pub lexicals_beside_eval_vars: bool,
    /// Is the eval call in the parameter initialisers of a function with parameter
    /// expressions? Then the parameters and `arguments` sit in an environment between the
    /// eval and the function's variable environment, so a sloppy eval's `var` of one of those
    /// names is a SyntaxError (EvalDeclarationInstantiation).
    pub in_parameters: bool,
    /// What the surrounding code lets the eval code use (`new.target`, `super`, private names).
    pub context: crate::parser::ast::EvalContext,
}

/// A tagged template's strings (cooked `None` = undefined).
#[derive(Debug)]
pub struct TemplateStrings {
    /// Cooked strings.
    pub cooked: Vec<Option<Arc<[u16]>>>,
    /// Raw strings.
    pub raw: Vec<Arc<[u16]>>,
}

/// What a script declares at the top level (GlobalDeclarationInstantiation).
#[derive(Debug, Default)]
pub struct GlobalDecls {
    /// `var` names.
    pub vars: Vec<Arc<[u16]>>,
    /// Function declarations: name and the constant index of the function.
    pub functions: Vec<(Arc<[u16]>, u32)>,
    /// `let`/`const`/`class` names, with "is const".
    pub lexicals: Vec<(Arc<[u16]>, bool)>,
    /// Declared by eval code (bindings are deletable).
    pub eval: bool,
}

/// What sort of code block.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum CodeKind {
    /// A script's top level.
    Script,
    /// Eval code.
    Eval,
    /// A normal function (constructible).
    Normal,
    /// An arrow function.
    Arrow,
    /// A method / getter / setter (not constructible).
    Method,
    /// A base class constructor.
    ClassConstructor,
    /// A derived class constructor.
    DerivedConstructor,
    /// A generator or async function (not constructible).
    Resumable,
}

/// An exception handler: instructions in `start..end` that throw continue at `handler`
/// with the exception in the accumulator and the context restored from `context_reg`.
#[derive(Debug, Clone, Copy)]
pub struct Handler {
    /// First covered instruction.
    pub start: u32,
    /// One past the last covered instruction.
    pub end: u32,
    /// Where to continue.
    pub handler: u32,
    /// Register holding the context to restore.
    pub context_reg: i32,
}

/// One compiled function.
#[derive(Debug)]
pub struct CodeBlock {
    /// The function's own name ("" if anonymous).
    pub name: Arc<[u16]>,
    /// The kind.
    pub kind: CodeKind,
    /// Strict mode code?
    pub strict: bool,
    /// A generator?
    pub generator: bool,
    /// Async?
    pub is_async: bool,
    /// `this`, `new.target` and `super` are lexical (arrow functions, async ones included, and
    /// eval code): the closure captures them when it is created.
    pub lexical_this: bool,
    /// Formal parameter slots (`length` may be smaller: see `length`).
    pub param_count: u32,
    /// The `length` property value.
    pub length: u32,
    /// Registers beyond the parameters.
    pub register_count: u32,
    /// The instructions.
    pub ops: Vec<Op>,
    /// The constant pool.
    pub constants: Vec<Constant>,
    /// Feedback kind of each slot.
    pub feedback: Vec<FeedbackKind>,
    /// Exception handlers, innermost first.
    pub handlers: Vec<Handler>,
    /// (instruction index, source byte offset), sorted by instruction.
    pub positions: Vec<(u32, u32)>,
    /// The source text of each call's callee (`o.f`, `arr[i]`, `a.b(...).c`) by the pc of
    /// its `Call`/`Construct`, sorted, for "o.f is not a function"; absent where the callee
    /// is not a name or member chain.
    pub callee_names: Vec<(u32, Box<str>)>,
    /// The source, for positions and `Function.prototype.toString`.
    pub source: Arc<Source>,
    /// This function's source span.
    pub span: (u32, u32),
    /// Does the function use `arguments` or direct eval (needs its real argument count)?
    pub uses_arguments: bool,
    /// Class constructors: the source text is the class's.
    pub is_class_constructor: bool,
}

/// A script's source text and name.
#[derive(Debug)]
pub struct Source {
    /// The file name.
    pub name: String,
    /// The text.
    pub text: String,
}

impl CodeBlock {
    /// Which instructions start a basic block (indexed by pc, one past the end included): the
    /// first, jump targets, those after a jump, a return or a throw, and handlers.
    pub fn block_starts(&self) -> Vec<bool> {
        let mut starts = vec![false; self.ops.len() + 1];
        starts[0] = true;
        for (pc, op) in self.ops.iter().enumerate() {
            if let Some(t) = op.jump_target() {
                starts[t.0 as usize] = true;
                starts[pc + 1] = true;
            }
            if matches!(op, Op::Return { .. } | Op::Throw { .. } | Op::ThrowError { .. }) {
                starts[pc + 1] = true;
            }
        }
        for h in &self.handlers {
            starts[h.handler as usize] = true;
        }
        starts
    }

    /// The loop headers (targets of `JumpLoop`), sorted, each once.
    pub fn loop_headers(&self) -> Vec<u32> {
        let mut headers: Vec<u32> =
            self.ops.iter().filter_map(|op| if let Op::JumpLoop { target, .. } = op { Some(target.0) } else { None }).collect();
        headers.sort_unstable();
        headers.dedup();
        headers
    }

    /// The source byte offset of instruction `pc`.
    pub fn position(&self, pc: u32) -> Option<u32> {
        let i = self.positions.partition_point(|&(p, _)| p <= pc);
        if i == 0 {
            None
        } else {
            Some(self.positions[i - 1].1)
        }
    }
    /// `file:line:column` of instruction `pc`.
    pub fn location(&self, pc: u32) -> String {
        match self.position(pc) {
            Some(off) => {
                let (l, c) = crate::parser::line_col(&self.source.text, off);
                format!("{}:{}:{}", self.source.name, l, c)
            }
            None => self.source.name.clone(),
        }
    }
    /// A disassembly listing of this function and the functions nested in it.
    pub fn disassemble(&self) -> String {
        let mut out = String::new();
        self.disassemble_into(&mut out);
        out
    }
    fn disassemble_into(&self, out: &mut String) {
        use std::fmt::Write;
        let name = String::from_utf16_lossy(&self.name);
        let _ = writeln!(
            out,
            "== {} ({:?}{}) params={} registers={} feedback={} ==",
            if name.is_empty() { "<anonymous>" } else { &name },
            self.kind,
            if self.strict { ", strict" } else { "" },
            self.param_count,
            self.register_count,
            self.feedback.len()
        );
        for (i, op) in self.ops.iter().enumerate() {
            let _ = write!(out, "{i:5}  ");
            op.disassemble(out);
            out.push('\n');
        }
        if !self.constants.is_empty() {
            out.push_str("  constants:\n");
            for (i, c) in self.constants.iter().enumerate() {
                let _ = match c {
                    Constant::Number(n) => writeln!(out, "    [{i}] {n}"),
                    Constant::String(s) => writeln!(out, "    [{i}] {:?}", String::from_utf16_lossy(s)),
                    Constant::Function(f) => writeln!(out, "    [{i}] <function {}>", String::from_utf16_lossy(&f.name)),
                    other => writeln!(out, "    [{i}] {other:?}"),
                };
            }
        }
        for h in &self.handlers {
            let _ = writeln!(out, "  handler: {}..{} -> {} (context r{})", h.start, h.end, h.handler, h.context_reg);
        }
        out.push('\n');
        for c in &self.constants {
            if let Constant::Function(f) = c {
                f.disassemble_into(out);
            }
        }
    }
}
