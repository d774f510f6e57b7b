//! [`FunctionCode`]: a [`CodeBlock`] instantiated in one runtime.
//!
//! It owns the materialised constant pool (strings interned, nested functions as their own
//! `FunctionCode`s, created on first use), the [`FeedbackVector`] every tier reads, and the
//! invocation and back-edge counters the JIT tiers use to decide what to compile. All
//! closures of one function literal share one `FunctionCode`.

use crate::bytecode::code::{CodeBlock, CodeKind};
use crate::heap::{CellHeader, CellKind, Gc, Marker, Trace};
use crate::interpreter::feedback::FeedbackVector;
use crate::runtime::object::JsObject;
use crate::value::Value;
use std::sync::Arc;

/// The facts about a function that every call reads, copied out of its [`CodeBlock`] so that
/// a call touches the `FunctionCode` (next to its counters) and not the block as well.
#[derive(Clone, Copy, Debug)]
pub struct FrameInfo {
    /// Formal parameter registers ([`CodeBlock::param_count`]).
    pub params: u32,
    /// Registers beyond the parameters ([`CodeBlock::register_count`]).
    pub registers: u32,
    /// [`CodeBlock::kind`].
    pub kind: CodeKind,
    /// [`CodeBlock::lexical_this`].
    pub lexical_this: bool,
    /// [`CodeBlock::strict`].
    pub strict: bool,
    /// A generator or async function: a call does not simply run the frame.
    pub resumable: bool,
}

impl FrameInfo {
    fn of(b: &CodeBlock) -> FrameInfo {
        FrameInfo {
            params: b.param_count,
            registers: b.register_count,
            kind: b.kind,
            lexical_this: b.lexical_this,
            strict: b.strict,
            resumable: b.generator || b.is_async,
        }
    }

    /// Slots of a frame with `argc` arguments: header, parameters, registers, extra arguments.
    #[inline]
    pub fn frame_size(&self, argc: usize) -> usize {
        crate::interpreter::frame::HEADER + self.params as usize + self.registers as usize + argc.saturating_sub(self.params as usize)
    }

    /// A plain call (`f()`) runs the frame: not a class constructor, generator or async function.
    #[inline]
    pub fn plainly_callable(&self) -> bool {
        !self.resumable && !matches!(self.kind, CodeKind::ClassConstructor | CodeKind::DerivedConstructor)
    }
}

/// A function's code in one runtime.
#[repr(C)]
pub struct FunctionCode {
    header: CellHeader,
    /// What calls read (copied from `block`).
    pub frame: FrameInfo,
    /// The compiled bytecode.
    pub block: Arc<CodeBlock>,
    /// Materialised constants (the hole for a nested function not yet instantiated).
    pub constants: Box<[Value]>,
    /// Type feedback and inline caches.
    pub feedback: FeedbackVector,
    /// Times called.
    pub invocations: u32,
    /// Loop back-edges taken.
    pub back_edges: u32,
    /// Compiled code, if a JIT tier compiled the function.
    pub jit: crate::jit::JitCode,
    /// The entry compiled callers may enter directly (a `JitFn`), or 0 while calls must go
    /// through the runtime (no code yet, or a tier-up is still due): see
    /// `jit::refresh_fast_entry`, called at every change of `jit`.
    pub fast_entry: usize,
    /// Deoptimizations of its optimized code (past a bound, it is no longer optimized).
    pub deopts: u32,
    /// Optimized compiles of it (past a bound, it is no longer optimized: code memory is
    /// only freed with the runtime).
    pub opt_compiles: u32,
    /// The first deoptimizations of its optimized code (for `.jit f` / `--explain-jit`).
    pub deopt_log: Vec<crate::jit::DeoptRecord>,
    /// Property-cache entries whose cells compiled code of this function embeds (its
    /// optimized code's guards; the baseline's constructors' shapes for `new` in place).
    pub opt_roots: Vec<crate::interpreter::feedback::PropertyCacheEntry>,
    /// The objects compiled code of either tier compares values against (`Math` functions
    /// computed inline, callees whose frames it pushes), kept alive so that no other object
    /// can take one's address.
    pub jit_objects: Vec<Gc<crate::runtime::object::JsObject>>,
    /// The calls its optimized code inlined (deopt exits name them by index; also keeps the
    /// callees, whose addresses the code embeds, alive).
    pub opt_inlined: Vec<InlinedFrameRecord>,
    /// The deopt exits of its optimized code (the code names them by index).
    pub opt_exits: Vec<crate::jit::DeoptExit>,
    /// Where the exits of the optimized code installed last start in `opt_exits`: an exit
    /// below it is taken by a frame still running code discarded before (a recursive
    /// function's frames each deopt once they return into it), which says nothing new about
    /// the current code.
    pub opt_exit_base: u32,
    /// The validity of each optimized compile (its code embeds the address; see
    /// [`crate::runtime::object::CodeDependency`]), the current code's last.
    pub opt_validity: Vec<Gc<crate::runtime::object::ValidityCell>>,
    /// The shape of this function's closures once `new_closure` has added their own
    /// properties, and the realm whose function prototype it starts from: later closures of
    /// that realm take it at once instead of walking the same transitions (V8 keeps such
    /// initial maps per function kind). Shapes never change, so it cannot go stale.
    pub closure_shape: Option<(crate::runtime::RealmId, Gc<crate::runtime::shape::Shape>)>,
}

/// A call inlined by optimized code: what a deoptimization inside it needs to rebuild the
/// callee's interpreter frame.
#[derive(Clone, Copy, Debug)]
pub struct InlinedFrameRecord {
    /// The callee.
    pub closure: Gc<JsObject>,
    /// The caller's call instruction.
    pub call_pc: u32,
    /// Arguments passed.
    pub argc: u32,
    /// A `new` (the frame's `new.target` is the callee).
    pub construct: bool,
    /// The inlined frame making the call (an index into `opt_inlined`), or `u32::MAX` for the
    /// optimized function's own frame.
    pub caller: u32,
    /// Where the frame starts, in slots past the end of the optimized function's own frame.
    pub offset: u32,
}

impl FunctionCode {
    /// A new instance (constants filled by the runtime).
    pub fn new(block: Arc<CodeBlock>, constants: Box<[Value]>) -> FunctionCode {
        let feedback = FeedbackVector::new(&block.feedback);
        FunctionCode {
            header: CellHeader::new::<FunctionCode>(),
            frame: FrameInfo::of(&block),
            block,
            constants,
            feedback,
            invocations: 0,
            back_edges: 0,
            jit: Default::default(),
            fast_entry: 0,
            deopts: 0,
            opt_compiles: 0,
            deopt_log: Vec::new(),
            opt_roots: Vec::new(),
            jit_objects: Vec::new(),
            opt_inlined: Vec::new(),
            opt_exits: Vec::new(),
            opt_exit_base: 0,
            opt_validity: Vec::new(),
            closure_shape: None,
        }
    }
}

impl Trace for FunctionCode {
    const KIND: CellKind = CellKind::FunctionCode;
    fn trace(&self, m: &mut Marker) {
        self.constants.iter().for_each(|v| m.value(*v));
        self.feedback.trace(m);
        self.opt_roots.iter().for_each(|e| e.trace(m));
        self.jit_objects.iter().for_each(|o| m.value(Value::object(*o)));
        self.opt_inlined.iter().for_each(|f| m.value(Value::object(f.closure)));
        self.opt_exits.iter().flat_map(|e| e.constants()).for_each(|v| m.value(v));
        self.opt_validity.iter().for_each(|c| m.cell(*c));
        if let Some((_, shape)) = self.closure_shape {
            m.cell(shape);
        }
    }
}
