//! The optimizing tier: a function that stays hot in the baseline tier is recompiled from its
//! bytecode plus a snapshot of its [`FeedbackVector`](crate::interpreter::feedback::FeedbackVector),
//! speculating where the feedback is stable (V8's Maglev, SpiderMonkey's WarpMonkey, which
//! also builds from a snapshot of the inline caches).
//!
//! The pipeline: the [`Plan`] says, per instruction, what the code may assume (int32 or number
//! operands, a fixed set of receiver shapes with their slots, present dense elements);
//! [`build`] turns bytecode plus plan into the tier's SSA [`ir::Graph`], where each assumption
//! is a guard carrying a [`ir::DeoptPoint`]; [`passes`] removes trivial block parameters,
//! chooses unboxed representations and drops redundant guards; [`lower`] emits Cranelift IR, in
//! which registers are SSA values (in machine registers, unboxed where possible) and the frame
//! is written only where something reads it. Sites without a speculation run the baseline
//! tier's code for their instruction.
//!
//! Not yet here (see ARCHITECTURE.md): loop-invariant hoisting and invalidation
//! dependencies (no compiled assumption can be changed behind the code's back yet:
//! prototype-chain loads check their validity flag at run time).

mod build;
pub(crate) mod ir;
mod liveness;
mod lower;
mod passes;

use super::code_module::{BuiltFunction, MachineCode, ModuleSettings};
use super::cpu_clock::CpuInstant;
use super::{Jit, JitFn};
use crate::bytecode::code::CodeKind;
use crate::bytecode::ops::{Op, Reg};
use crate::heap::Gc;
use crate::interpreter::feedback::{
    elements_seen, CallFeedback, CallIcMirror, Feedback, GlobalFeedback, NumericKind, PropertyAccess, PropertyCacheEntry, PropertyIc,
};
use crate::runtime::function::{FunctionCode, InlinedFrameRecord};
use crate::runtime::object::{JsObject, NativeFn, ObjectKind, ValidityCell};
use crate::runtime::shape::PropertyKey;
use crate::runtime::RealmId;
use crate::value::Value;
use std::time::Duration;

/// Cranelift's optimizer and the backtracking register allocator: registers live in SSA
/// values here, so both pay for themselves.
const SETTINGS: ModuleSettings = ModuleSettings { opt_level: "speed", regalloc: "backtracking" };

/// Deoptimizations (not forced by `--deopt-every`) after which a function is no longer
/// optimized.
pub const MAX_DEOPTS: u32 = 8;
/// Optimized compiles of one function (recompiles after forced deoptimizations included).
pub const MAX_COMPILES: u32 = 32;

/// May `code` (be) optimize(d again)?
#[inline]
pub(crate) fn may_optimize(code: &FunctionCode) -> bool {
    code.deopts < MAX_DEOPTS && code.opt_compiles < MAX_COMPILES
}

/// What the code for one instruction may assume.
#[derive(Debug)]
pub(crate) enum Speculation {
    /// Nothing: the baseline tier's code.
    Generic,
    /// A call that has never run: it deoptimizes (`DeoptReason::Unreached`), so the function
    /// is compiled again with the feedback it then gathers rather than calling generically
    /// for good (V8's "insufficient type feedback" deopt). A top-level script entered by OSR
    /// in one loop, say, reaches the calls of its later loops this way.
    Unreached,
    /// Arithmetic / comparison on int32 operands with an int32 result.
    Int32,
    /// Arithmetic / comparison on numbers.
    Number,
    /// A named load whose receiver has one of these shapes.
    Load(Vec<SlotGuard>),
    /// A named store to an existing own data property of a receiver of one of these shapes.
    Store(Vec<SlotGuard>),
    /// `.length` of an array.
    ArrayLength,
    /// A keyed load or store of a present element of a plain object's or array's dense
    /// elements at an int32 index within them.
    Element,
    /// A named store that adds a property to a receiver of one shape.
    Transition(Transition),
    /// A global load from this data slot of the global object (the value), while it has this
    /// shape.
    GlobalSlot(SlotGuard, Value),
    /// A global load of the lexical binding whose cell is at this address, initialised.
    GlobalCell(usize),
    /// A global load of an initialised `const` binding: its value.
    GlobalConst(Value),
    /// A call of this closure, whose body is translated in place.
    Inline(Box<InlineCall>),
    /// A call of this built-in, computed inline or through its direct path.
    Builtin(BuiltinCall, Gc<JsObject>),
    /// ToPropertyKey of the key of the element access at this pc, which is speculated on int32
    /// keys: the key is checked to be one (a failure blames that access).
    IntKey(u32),
    /// A call of the closure this mirror describes (the closure is in [`Plan::objects`]),
    /// not inlined: its frame is pushed in place.
    CallKnown(Box<CallIcMirror>),
}

/// A built-in function the graph computes itself (V8's and SpiderMonkey's inlined builtins):
/// `Math` functions on numbers (int32s for `imul`); or calls directly through a runtime call's
/// fast path: `Array.prototype.push` of one value and `pop`, `Map.prototype.get`/`has`/`set`.
/// The call is guarded on the function object.
#[derive(Clone, Copy, Debug)]
pub(crate) enum BuiltinCall {
    /// Of the first argument.
    Unary(ir::Float64Fn),
    /// `min`/`max` of exactly two arguments.
    Binary(ir::Float64Op),
    /// `imul` of exactly two arguments.
    Imul,
    /// A method called directly on the receiver.
    Method(ir::BuiltinMethod),
}

impl BuiltinCall {
    /// What a call of `f` with `argc` arguments computes, if `f` is a built-in the graph
    /// computes itself (`method`: the call has a receiver, `o.f()`).
    pub(crate) fn of(f: Gc<JsObject>, argc: u32, method: bool) -> Option<BuiltinCall> {
        use crate::builtins::math;
        use ir::{Float64Fn, Float64Op};
        let ObjectKind::Native(n) = &f.kind else { return None };
        // Comparing entry points: two natives share one only if their code is identical (and
        // so is what they compute); a missed match only leaves the call generic.
        let is = |g: NativeFn| std::ptr::fn_addr_eq(n.f, g);
        let unary = [
            (math::abs as NativeFn, Float64Fn::Abs),
            (math::ceil, Float64Fn::Ceil),
            (math::floor, Float64Fn::Floor),
            (math::round, Float64Fn::Round),
            (math::sqrt, Float64Fn::Sqrt),
            (math::trunc, Float64Fn::Trunc),
        ];
        if argc >= 1 {
            if let Some(&(_, k)) = unary.iter().find(|(g, _)| is(*g)) {
                return Some(BuiltinCall::Unary(k));
            }
        }
        if let Some(m) = ir::BuiltinMethod::of(f, argc).filter(|_| method) {
            return Some(BuiltinCall::Method(m));
        }
        if argc != 2 {
            return None;
        }
        if is(math::min) {
            Some(BuiltinCall::Binary(Float64Op::Min))
        } else if is(math::max) {
            Some(BuiltinCall::Binary(Float64Op::Max))
        } else if is(math::imul) {
            Some(BuiltinCall::Imul)
        } else {
            None
        }
    }
}

/// A call site the graph inlines: the one closure it has called, and what its body may assume.
#[derive(Debug)]
pub(crate) struct InlineCall {
    /// The callee (the call is guarded on it).
    pub closure: Gc<JsObject>,
    /// Its code.
    pub code: Gc<FunctionCode>,
    /// The speculation for its body (from its own feedback).
    pub plan: Plan,
    /// How its frame's `this` is made from the call's receiver.
    pub this: InlineThis,
}

/// How an inlined callee's `this` is made.
#[derive(Clone, Copy, Debug)]
pub(crate) enum InlineThis {
    /// Strict code: the receiver; or a body that never reads `this`.
    Receiver,
    /// Sloppy code that reads `this`: undefined becomes the global object (at this value),
    /// any other receiver must be an object (else the call is not inlined: a guard).
    Sloppy(Value),
    /// An arrow function's captured `this`.
    Lexical(Value),
    /// `new`: an object made for the call, from the constructor's `prototype` as it was when
    /// the code was compiled, if it was an object with a root shape yet.
    Created(Option<NewThis>),
}

/// What an inlined `new` assumes about its constructor: GetPrototypeFromConstructor read an own
/// data property, at `slot` of the constructor's shape at `fn_shape`, holding `proto`; the
/// new object's shape (at `shape`) is `proto`'s root shape. The code checks the constructor's
/// shape and slot rather than look the property up, and keeps all three alive.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NewThis {
    /// The object's shape.
    pub shape: usize,
    /// The constructor's shape.
    pub fn_shape: usize,
    /// The slot of `prototype` in it.
    pub slot: u32,
    /// The prototype.
    pub proto: Value,
}

impl NewThis {
    /// What `new f` would assume now (`prototype`: the key `prototype`): `None` unless the
    /// constructor's own `prototype` is a data property holding an object that has its root
    /// shape yet. With the cells the code must keep alive: the prototype (which keeps the
    /// shape), and a root entry for the constructor's shape.
    pub(crate) fn of(f: Gc<JsObject>, prototype: PropertyKey) -> Option<(NewThis, Gc<JsObject>, PropertyCacheEntry)> {
        let slot = crate::interpreter::call::own_data_slot(f, prototype)?;
        let p = f.slots[slot as usize].as_object()?;
        let shape = p.proto_info.as_ref()?.root_shape?;
        let new = NewThis { shape: shape.addr(), fn_shape: f.shape.addr(), slot, proto: Value::object(p) };
        Some((new, p, PropertyCacheEntry { shape: f.shape, access: PropertyAccess::Own { slot } }))
    }
}

/// What inlining may still spend while one function's plan is made.
pub(crate) struct InlineBudget {
    /// The realm of the function being compiled: only callees of the same realm are inlined
    /// (a call then switches no realm).
    realm: RealmId,
    /// That realm's global object.
    global: Value,
    /// The key `prototype`.
    prototype: PropertyKey,
    /// The functions being inlined into (their code's addresses), the compiled one first (see
    /// [`InlineBudget::may_enter`]).
    chain: Vec<usize>,
    /// Bytecode instructions all inlined bodies may still add.
    ops_left: usize,
    /// Stack slots the inlined frames may still take (see [`INLINE_STACK_RESERVE`]).
    slots_left: usize,
}

/// The most instructions one inlined callee may have.
const MAX_INLINE_OPS: usize = 60;
/// The most instructions inlining may add to one function.
const MAX_INLINED_OPS: usize = 400;
/// The deepest chain of inlined calls.
const MAX_INLINE_DEPTH: usize = 3;
/// The most instructions an inlined callee may run in its frame (see `translates_inline`):
/// each writes the frames of the inlined calls it is in, so a callee with more is left a call.
const MAX_INLINE_FRAME_OPS: usize = 2;
/// How often the compiled function may be inlined into its own inlined body: once, so a
/// recursive function runs two levels of its recursion per call (its calls from the inlined
/// copy are calls; see `Lowering::write_inlined_frames`).
const MAX_RECURSIVE_INLINING: usize = 1;
/// Stack slots kept free above the limit calls may push frames to, for deoptimization to
/// write the frames of inlined calls into (the inlined frames of one function take at most
/// this many).
pub(crate) const INLINE_STACK_RESERVE: usize = 1024;

impl InlineBudget {
    /// Whether the function whose code is at `code` may be inlined at the end of the chain:
    /// no function is inlined into itself, but the compiled one, once
    /// ([`MAX_RECURSIVE_INLINING`]; a recursive callee inlined elsewhere would only grow).
    fn may_enter(&self, code: usize) -> bool {
        let times = self.chain.iter().filter(|&&c| c == code).count();
        times == 0 || (self.chain[0] == code && times <= MAX_RECURSIVE_INLINING)
    }

    /// The budget for compiling `code`, a function of `realm`, whose global object is `global`
    /// (`prototype`: the key `prototype`).
    pub(crate) fn new(code: &FunctionCode, realm: RealmId, global: Value, prototype: PropertyKey) -> InlineBudget {
        let chain = vec![code as *const FunctionCode as usize];
        InlineBudget { realm, global, prototype, chain, ops_left: MAX_INLINED_OPS, slots_left: INLINE_STACK_RESERVE }
    }
}

/// One receiver shape a property access may see, and where the property is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct SlotGuard {
    /// The shape's address.
    pub shape: usize,
    /// The object holding the slot (a prototype), or 0 for the receiver.
    pub holder: usize,
    /// Address of the validity flag the access depends on, or 0.
    pub valid: usize,
    /// The slot index.
    pub slot: u32,
}

/// A transition adding a property: the shape it starts from, the shape it leads to, the new
/// slot and the validity flag of the prototype chain (no setter for the name), or 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Transition {
    /// The receiver's shape's address.
    pub from: usize,
    /// The new shape's address.
    pub to: usize,
    /// The new slot.
    pub slot: u32,
    /// The address of the chain's validity flag, or 0.
    pub valid: usize,
}

/// The optimizing tier's speculation for one function.
#[derive(Debug)]
pub(crate) struct Plan {
    /// One entry per instruction.
    pub sites: Vec<Speculation>,
    /// Emit the `--deopt-every` countdown at each guard.
    pub deopt_every: bool,
    /// The cells the code embeds the addresses of (kept alive by the function's code).
    pub roots: Vec<PropertyCacheEntry>,
    /// The objects it compares values against (the same).
    pub objects: Vec<Gc<JsObject>>,
}

impl Plan {
    /// Reads the function's feedback (and, for the calls it inlines, theirs).
    pub(crate) fn new(code: &FunctionCode, deopt_every: bool, budget: &mut InlineBudget) -> Plan {
        let mut roots = Vec::new();
        let mut objects = Vec::new();
        let sites = code
            .block
            .ops
            .iter()
            .map(|op| {
                let Some(slot) = op.feedback_slot() else { return Speculation::Generic };
                let entry = &code.feedback.slots[slot.0 as usize];
                if !entry.may_speculate() {
                    return Speculation::Generic;
                }
                if matches!(op, Op::Call { .. } | Op::CallUndefined { .. } | Op::Construct { .. })
                    && matches!(entry.data, Feedback::Call(CallFeedback::Uninitialized))
                {
                    return Speculation::Unreached;
                }
                if let (
                    Op::Call { argc, .. } | Op::CallUndefined { argc, .. } | Op::Construct { argc, .. },
                    Feedback::Call(CallFeedback::Monomorphic(f)),
                ) = (op, &entry.data)
                {
                    let construct = matches!(op, Op::Construct { .. });
                    if let Some(m) = BuiltinCall::of(*f, *argc, matches!(op, Op::Call { .. })).filter(|_| !construct) {
                        objects.push(*f);
                        return Speculation::Builtin(m, *f);
                    }
                    if let Some(call) = inline_call(*f, *argc, construct, deopt_every, budget) {
                        return Speculation::Inline(Box::new(call));
                    }
                    // Only the compiling function's realm, and closures that may be called
                    // directly (their own mirror names them).
                    let direct = f.as_closure().filter(|c| c.realm == budget.realm && c.call.closure != 0);
                    return match direct.map(|c| c.call) {
                        Some(m) if !construct => {
                            objects.push(*f);
                            Speculation::CallKnown(Box::new(m))
                        }
                        _ => Speculation::Generic,
                    };
                }
                speculation(code, op, &entry.data, &mut roots)
            })
            .collect();
        let mut plan = Plan { sites, deopt_every, roots, objects };
        plan.int_keys(code);
        plan
    }

    /// `o[k] op= v` and `o[k]++` convert the key first (`ToPropertyKey; Star r; GetKeyed`):
    /// when the element access is speculated, so is the conversion.
    fn int_keys(&mut self, code: &FunctionCode) {
        let ops = &code.block.ops;
        for pc in 0..ops.len().saturating_sub(2) {
            if let (Op::ToPropertyKey { .. }, Op::Star { .. }, Op::GetKeyed { .. }, Speculation::Element) =
                (ops[pc], ops[pc + 1], ops[pc + 2], &self.sites[pc + 2])
            {
                self.sites[pc] = Speculation::IntKey(pc as u32 + 2);
            }
        }
    }

    /// Number of speculated sites.
    fn guarded_sites(&self) -> usize {
        self.sites.iter().filter(|s| !matches!(s, Speculation::Generic)).count()
    }

    /// Whether the code loads inherited slots, assuming their prototype chains unchanged: it
    /// then depends on those chains (see [`crate::jit::invalidate`]) and checks its own
    /// validity after each instruction that may have changed one.
    pub(crate) fn assumes_prototypes(&self) -> bool {
        let proto = |roots: &[PropertyCacheEntry]| roots.iter().any(|e| matches!(e.access, PropertyAccess::Proto { .. }));
        proto(&self.roots) || self.inlined().iter().any(|c| proto(&c.plan.roots))
    }

    /// The inlined calls, nested ones included.
    fn inlined(&self) -> Vec<&InlineCall> {
        let mut out = vec![];
        for s in &self.sites {
            if let Speculation::Inline(c) = s {
                out.push(&**c);
                out.extend(c.plan.inlined());
            }
        }
        out
    }

    /// Whether the graph builder translates every instruction of a function under this plan
    /// without the baseline tier's code (which needs the function's own frame) but for at most
    /// [`MAX_INLINE_FRAME_OPS`] instructions run in its frame written for them (calls, and the
    /// unspeculated instructions of `build::steps_inline`), and the function has no loops: the
    /// conditions for inlining it.
    fn translates_inline(&self, code: &FunctionCode, context: Option<Gc<crate::runtime::context::Context>>) -> bool {
        let ok_src = |r: Reg| r.0 >= 0 || r == Reg::THIS;
        let mut frame_ops = 0;
        let mut in_frame = |ok: bool| {
            frame_ops += 1;
            ok && frame_ops <= MAX_INLINE_FRAME_OPS
        };
        code.block.ops.iter().zip(&self.sites).all(|(op, s)| match s {
            Speculation::Generic => match *op {
                Op::Ldar { src, .. } => ok_src(src),
                Op::Star { dst, .. } => dst.0 >= 0,
                Op::Mov { src, dst, .. } => ok_src(src) && dst.0 >= 0,
                Op::TestStrictEq { lhs, .. } => ok_src(lhs),
                Op::LdaContext { depth, index, .. } | Op::StaContext { depth, index, .. } => {
                    build::context_slot(context, depth, index).is_some()
                }
                _ if build::native(op) => true,
                _ => in_frame(build::steps_inline(op)),
            },
            // Arguments beyond the parameters would go past the callee's registers, which only
            // `jit_call` handles.
            Speculation::CallKnown(m) => match *op {
                Op::Call { argc, .. } | Op::CallUndefined { argc, .. } => in_frame(argc <= m.params),
                _ => false,
            },
            _ => true,
        })
    }
}

/// Whether a body reads its `this`.
fn reads_this(code: &FunctionCode) -> bool {
    code.block.ops.iter().any(|op| match liveness::reads(*op) {
        liveness::Reads::Regs(rs) => rs.contains(&Reg::THIS),
        liveness::Reads::All => true,
    })
}

/// The inlining of a call of `f` with `argc` arguments, if `f` is small,
/// simple and of the same realm, and the budget allows.
fn inline_call(f: Gc<JsObject>, argc: u32, construct: bool, deopt_every: bool, budget: &mut InlineBudget) -> Option<InlineCall> {
    let closure = f.as_closure()?;
    let code = closure.code;
    let info = code.frame;
    let size = info.frame_size(argc as usize);
    // `new`: a base constructor whose `this` is an ordinary object made before the body runs.
    let callable = if construct {
        matches!(info.kind, CodeKind::Normal | CodeKind::ClassConstructor)
            && !info.resumable
            && !info.lexical_this
            && closure.fields.is_none()
    } else {
        info.plainly_callable()
    };
    if closure.realm != budget.realm
        || !callable
        || argc > info.params
        || code.block.ops.len() > MAX_INLINE_OPS.min(budget.ops_left)
        || size > budget.slots_left
        || !code.block.handlers.is_empty()
        || !code.block.loop_headers().is_empty()
        || budget.chain.len() > MAX_INLINE_DEPTH
        || !budget.may_enter(code.addr())
    {
        return None;
    }
    budget.chain.push(code.addr());
    let (ops_left, slots_left) = (budget.ops_left, budget.slots_left);
    budget.ops_left -= code.block.ops.len();
    budget.slots_left -= size;
    let mut plan = Plan::new(&code, deopt_every, budget);
    budget.chain.pop();
    if !plan.translates_inline(&code, closure.context) {
        (budget.ops_left, budget.slots_left) = (ops_left, slots_left);
        return None;
    }
    // Frames of sibling calls reuse the same slots; only the deepest chain counts.
    budget.slots_left = slots_left;
    let this = if construct {
        // The shape `new` gives (`Runtime::ordinary_create_from_constructor`): the root shape of
        // the constructor's own `prototype` object, if it has one yet. The prototype is kept
        // alive with the code, and the shape with it; the constructor's shape by a root entry.
        InlineThis::Created(NewThis::of(f, budget.prototype).map(|(new, p, root)| {
            plan.objects.push(p);
            plan.roots.push(root);
            new
        }))
    } else if info.lexical_this {
        InlineThis::Lexical(closure.lexical_this)
    } else if info.strict || !reads_this(&code) {
        InlineThis::Receiver
    } else {
        InlineThis::Sloppy(budget.global)
    };
    Some(InlineCall { closure: f, code, plan, this })
}

fn speculation(code: &FunctionCode, op: &Op, data: &Feedback, roots: &mut Vec<PropertyCacheEntry>) -> Speculation {
    // Arithmetic and comparisons: what the interpreter and the baseline tier's inline paths saw.
    let slot = op.feedback_slot().map_or(0, |s| s.0 as usize);
    let numeric;
    let data = match data {
        Feedback::Binary(n) => {
            numeric = Feedback::Binary(code.feedback.numeric_with_compiled(slot, *n));
            &numeric
        }
        Feedback::Compare(n) => {
            numeric = Feedback::Compare(code.feedback.numeric_with_compiled(slot, *n));
            &numeric
        }
        _ => data,
    };
    match (op, data) {
        (Op::LdaGlobal { slot, .. }, Feedback::Global(GlobalFeedback::Property { shape, slot: index })) => {
            let global = Value::object(Gc::from_addr(code.feedback.global_holder(slot.index())));
            // The shape must outlive the code that compares against its address.
            roots.push(PropertyCacheEntry { shape: *shape, access: PropertyAccess::Own { slot: *index } });
            Speculation::GlobalSlot(SlotGuard { shape: shape.addr(), holder: 0, valid: 0, slot: *index }, global)
        }
        // A `const` binding, once initialised, never changes: its value is a constant (kept
        // alive by the cell, as the realm keeps the cell).
        (Op::LdaGlobal { .. }, Feedback::Global(GlobalFeedback::Lexical(cell))) if cell.constant && !cell.value.is_hole() => {
            Speculation::GlobalConst(cell.value)
        }
        (Op::LdaGlobal { .. }, Feedback::Global(GlobalFeedback::Lexical(cell))) => Speculation::GlobalCell(cell.addr()),
        (Op::Add { .. } | Op::Sub { .. } | Op::Mul { .. }, Feedback::Binary(n)) => match n.kind {
            NumericKind::Int32 if !n.overflowed => Speculation::Int32,
            NumericKind::Int32 | NumericKind::Number => Speculation::Number,
            _ => Speculation::Generic,
        },
        // The other int32 operators (`++ -- % & | ^ << >> >>>`).
        (_, Feedback::Binary(n)) if ir::Int32Op::of(*op).is_some() && n.kind == NumericKind::Int32 && !n.overflowed => Speculation::Int32,
        // Bitwise operators on numbers: ToInt32 of doubles inline (`>>>` giving a double).
        (
            Op::BitAnd { .. } | Op::BitOr { .. } | Op::BitXor { .. } | Op::Shl { .. } | Op::Sar { .. } | Op::Shr { .. },
            Feedback::Binary(n),
        ) if matches!(n.kind, NumericKind::Int32 | NumericKind::Number) => Speculation::Number,
        // `-x` (int32 unless 0 or -2^31), `~x`, and the ToNumeric of `x++` on a number.
        (Op::Negate { .. } | Op::BitNot { .. } | Op::ToNumeric { .. }, Feedback::Binary(n)) => match n.kind {
            NumericKind::Int32 if !n.overflowed => Speculation::Int32,
            NumericKind::Int32 | NumericKind::Number => Speculation::Number,
            _ => Speculation::Generic,
        },
        (Op::Div { .. }, Feedback::Binary(n)) if matches!(n.kind, NumericKind::Int32 | NumericKind::Number) => Speculation::Number,
        (
            Op::TestLt { .. } | Op::TestLe { .. } | Op::TestGt { .. } | Op::TestGe { .. } | Op::TestEq { .. } | Op::TestStrictEq { .. },
            Feedback::Compare(n),
        ) => match n.kind {
            NumericKind::Int32 => Speculation::Int32,
            NumericKind::Number => Speculation::Number,
            _ => Speculation::Generic,
        },
        (Op::GetNamed { .. }, Feedback::Property(ic)) if ic.only_array_lengths() => Speculation::ArrayLength,
        (Op::GetNamed { .. }, Feedback::Property(ic)) => match slot_guards(ic, true, roots) {
            Some(g) => Speculation::Load(g),
            None => Speculation::Generic,
        },
        (Op::SetNamed { .. } | Op::DefineNamed { .. }, Feedback::Property(PropertyIc::Monomorphic(e)))
            if matches!(e.access, PropertyAccess::Transition { .. }) =>
        {
            let PropertyAccess::Transition { to, slot, validity } = e.access else { unreachable!("matched above") };
            roots.push(*e);
            let valid = validity.map_or(0, |v| &v.valid as *const bool as usize);
            Speculation::Transition(Transition { from: e.shape.addr(), to: to.addr(), slot, valid })
        }
        (Op::SetNamed { .. }, Feedback::Property(ic)) => match slot_guards(ic, false, roots) {
            Some(g) => Speculation::Store(g),
            None => Speculation::Generic,
        },
        // The interpreter's slow path records every other case (holes, out-of-bounds and
        // non-index keys, sparse stores, strings; the baseline tier's runtime call typed
        // arrays); the fast paths record nothing, so no bits (or only `PACKED`) means every
        // access recorded so far was a present dense element. A site that never ran also
        // qualifies: a wrong guess deoptimizes once and marks the site.
        (Op::GetKeyed { .. } | Op::SetKeyed { .. }, Feedback::Keyed { seen }) if *seen & !elements_seen::PACKED == 0 => {
            Speculation::Element
        }
        _ => Speculation::Generic,
    }
}

/// Guards for every entry of a mono- or polymorphic IC whose entries all find a data slot
/// (own, or inherited when `inherited` through a chain still valid).
fn slot_guards(ic: &PropertyIc, inherited: bool, roots: &mut Vec<PropertyCacheEntry>) -> Option<Vec<SlotGuard>> {
    let entries: &[PropertyCacheEntry] = match ic {
        PropertyIc::Monomorphic(e) => std::slice::from_ref(e),
        PropertyIc::Polymorphic(v) => v,
        _ => return None,
    };
    let guards = entries
        .iter()
        .map(|e| match e.access {
            PropertyAccess::Own { slot } => Some(SlotGuard { shape: e.shape.addr(), holder: 0, valid: 0, slot }),
            // (An entry whose chain changed since is stale: the code would depend on it in vain.)
            PropertyAccess::Proto { holder, slot, validity } if inherited && validity.valid => {
                Some(SlotGuard { shape: e.shape.addr(), holder: holder.addr(), valid: &validity.valid as *const bool as usize, slot })
            }
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    roots.extend_from_slice(entries);
    Some(guards)
}

/// An optimized compile of a function whose Cranelift function is built: what is left is
/// compiling it to machine code ([`BuiltFunction::compile`], on any thread) and installing
/// that with [`install`].
pub(crate) struct Prepared {
    /// The function to compile.
    pub built: BuiltFunction,
    /// What [`install`] reports.
    pub record: CompileRecord,
}

/// What a prepared compile reports when it is installed.
pub(crate) struct CompileRecord {
    /// The `--trace-opt` line's description and its list of inlined calls, when tracing.
    trace: Option<(String, String)>,
    /// Time spent building the function.
    build_time: Duration,
    /// Calls it inlined.
    inlined_calls: u64,
}

/// Builds the optimized function for `code` (`budget`: what it may inline), recording in
/// `code` what its machine code will name (deopt exits, inlined frames, embedded cells).
pub(crate) fn prepare(
    jit: &mut Jit,
    code: &mut FunctionCode,
    mut budget: InlineBudget,
    validity: Gc<ValidityCell>,
) -> Result<Prepared, String> {
    let started = CpuInstant::now();
    code.opt_compiles += 1;
    let plan = Plan::new(code, jit.deopt_every.is_some(), &mut budget);
    if jit.opt_module.is_none() {
        jit.opt_module = Some(jit.new_module(SETTINGS)?);
    }
    // Deopt exits name inlined frames by their index in `code.opt_inlined`.
    let inline_base = code.opt_inlined.len() as u32;
    // A bug in building or in the passes must not take the process down (this runs inside
    // runtime calls made by compiled code, which cannot unwind): the function is then not
    // optimized. (Lowering has the same guard, inside `CodeModule::build`.)
    let (graph, order) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut graph = build::build(code, &plan, plan.assumes_prototypes().then(|| validity.addr()));
        let order = passes::run(&mut graph);
        (graph, order)
    }))
    .map_err(|_| "the optimizing tier's graph building panicked".to_string())?;
    let nodes = graph.size();
    let cm = jit.opt_module.as_mut().expect("created above");
    let exit_base = code.opt_exits.len() as u32;
    let mut exits = vec![];
    let built = cm.build(code, |t| exits = lower::lower(t, &graph, &order, plan.deopt_every, inline_base, exit_base))?;
    code.opt_exits.extend(exits);
    // The code embeds these cells' addresses; it may still be running after it is discarded,
    // so they stay alive as long as the function does.
    code.opt_roots.extend_from_slice(&plan.roots);
    code.jit_objects.extend_from_slice(&plan.objects);
    for call in plan.inlined() {
        code.opt_roots.extend_from_slice(&call.plan.roots);
        code.jit_objects.extend_from_slice(&call.plan.objects);
    }
    code.opt_validity.push(validity);
    code.opt_inlined.extend(graph.inlined.iter().map(|f| InlinedFrameRecord {
        closure: f.closure.as_object().expect("inlined callees are closures"),
        call_pc: f.call_pc,
        argc: f.argc,
        construct: f.construct,
        caller: f.caller.map_or(u32::MAX, |c| inline_base + c),
        offset: f.offset,
    }));
    let trace = jit.trace_opt.then(|| {
        let inlined: Vec<String> = plan.inlined().iter().map(|c| super::display_name(&c.code)).collect();
        (
            format!(
                "{} ({} ops, {} speculated sites, {} IR nodes",
                super::display_name(code),
                code.block.ops.len(),
                plan.guarded_sites(),
                nodes
            ),
            if inlined.is_empty() { String::new() } else { format!(", inlined: {}", inlined.join(", ")) },
        )
    });
    let record = CompileRecord { trace, build_time: started.elapsed(), inlined_calls: graph.inlined.len() as u64 };
    Ok(Prepared { built, record })
}

/// Installs the machine code compiled (in `compile_time`) for a prepared compile.
pub(crate) fn install(
    jit: &mut Jit,
    record: CompileRecord,
    machine: Result<MachineCode, String>,
    compile_time: Duration,
) -> Result<JitFn, String> {
    let elapsed = record.build_time + compile_time;
    jit.stats.opt_compile_time += elapsed;
    let (f, size) = jit.opt_module.as_mut().expect("created by prepare").install(machine?)?;
    jit.stats.optimized += 1;
    jit.stats.inlined_calls += record.inlined_calls;
    jit.stats.opt_code_bytes += size as u64;
    if let Some((what, inlined)) = record.trace {
        eprintln!("[opt] {what} -> {size} bytes, {:.1} us){inlined}", elapsed.as_secs_f64() * 1e6);
    }
    Ok(f)
}
