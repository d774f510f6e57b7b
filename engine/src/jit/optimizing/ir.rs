//! The optimizing tier's IR: a graph of basic blocks in SSA form (block parameters rather than
//! φ-nodes, as Cranelift), built from a function's bytecode and its feedback by
//! [`super::build`], simplified by [`super::passes`] and lowered to Cranelift by
//! [`super::lower`].
//!
//! Values are typed by their machine [`Repr`]: a boxed [`Value`](crate::value::Value), an
//! unboxed int32 or f64, a condition, or a raw address. Guards are instructions that carry a
//! [`DeoptPoint`]: the bytecode offset to resume at and, for every interpreter register and
//! the accumulator, the IR value it holds there, so a failed guard can rebuild the
//! interpreter's frame from values alone.

use super::SlotGuard;
use crate::bytecode::ops::{Op, Reg};
use crate::heap::Gc;
use crate::runtime::object::{JsObject, NativeFn, ObjectKind};
use crate::value::Value;
use std::fmt;

/// An SSA value: the result of one instruction (or a block parameter).
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub(crate) struct ValueId(pub u32);

/// A basic block.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub(crate) struct BlockId(pub u32);

/// A [`DeoptPoint`] of the graph.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub(crate) struct DeoptId(pub u32);

/// How a value is held in machine code.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum Repr {
    /// A NaN-boxed `Value` (i64).
    Boxed,
    /// An unboxed int32 (i32).
    Int32,
    /// An unboxed double (f64), any bits (boxing canonicalises NaN).
    Float64,
    /// A condition (i8: 0 or 1).
    Bool,
    /// A raw address into the heap (i64), never held across a safepoint.
    Ptr,
    /// No value (an instruction run for its effect or its guard).
    Void,
}

/// An arithmetic or bitwise operator on two int32s.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum Int32Op {
    Add,
    Sub,
    Mul,
    Mod,
    And,
    Or,
    Xor,
    Shl,
    Sar,
    Shr,
    /// `Math.imul`: the low 32 bits of the product.
    Imul,
}

impl Int32Op {
    /// The int32 operator of a bytecode instruction that has one, and its left operand's
    /// register (none for `++`/`--`, whose right operand is 1).
    pub(crate) fn of(op: Op) -> Option<(Int32Op, Option<Reg>)> {
        Some(match op {
            Op::Inc { .. } => (Int32Op::Add, None),
            Op::Dec { .. } => (Int32Op::Sub, None),
            Op::Add { lhs, .. } => (Int32Op::Add, Some(lhs)),
            Op::Sub { lhs, .. } => (Int32Op::Sub, Some(lhs)),
            Op::Mul { lhs, .. } => (Int32Op::Mul, Some(lhs)),
            Op::Mod { lhs, .. } => (Int32Op::Mod, Some(lhs)),
            Op::BitAnd { lhs, .. } => (Int32Op::And, Some(lhs)),
            Op::BitOr { lhs, .. } => (Int32Op::Or, Some(lhs)),
            Op::BitXor { lhs, .. } => (Int32Op::Xor, Some(lhs)),
            Op::Shl { lhs, .. } => (Int32Op::Shl, Some(lhs)),
            Op::Sar { lhs, .. } => (Int32Op::Sar, Some(lhs)),
            Op::Shr { lhs, .. } => (Int32Op::Shr, Some(lhs)),
            _ => return None,
        })
    }

    /// `& | ^ << >> >>>`: operators on the ToInt32 of their operands.
    pub(crate) fn is_bitwise(self) -> bool {
        matches!(self, Int32Op::And | Int32Op::Or | Int32Op::Xor | Int32Op::Shl | Int32Op::Sar | Int32Op::Shr)
    }

    /// Whether the int32 computation can fail to give the operator's result (overflow, -0, a
    /// `>>>` result above int32's range, `%` outside the cases done in int32).
    pub(crate) fn can_fail(self) -> bool {
        matches!(self, Int32Op::Add | Int32Op::Sub | Int32Op::Mul | Int32Op::Mod | Int32Op::Shr)
    }
}

/// An arithmetic operator on two doubles.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum Float64Op {
    Add,
    Sub,
    Mul,
    Div,
    /// `Math.min` of two numbers (NaN if either is; -0 below +0).
    Min,
    /// `Math.max` of two numbers.
    Max,
}

/// A `Math` function of one double, computed inline.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum Float64Fn {
    Abs,
    Ceil,
    Floor,
    Round,
    Sqrt,
    Trunc,
}

/// A numeric comparison.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum Compare {
    Eq,
    Lt,
    Le,
    Gt,
    Ge,
}

/// One instruction.
#[derive(Clone, Debug)]
pub(crate) enum Inst {
    /// A block parameter (its [`Repr`] is chosen by representation selection).
    Param,
    /// A boxed constant.
    Const(Value),
    /// An int32 constant.
    Int32Const(i32),
    /// Reads a register from the frame: at entry, in handlers, after the interpreter wrote
    /// it, and for the header registers (`this`, callee, `new.target`), which are never kept
    /// in SSA values.
    LoadReg(Reg),
    /// The accumulator saved in the frame (on-stack-replacement entries).
    LoadAcc,
    /// `v` as an int32, else deoptimize.
    CheckInt32(ValueId, DeoptId),
    /// `v` as a double, else deoptimize.
    CheckNumber(ValueId, DeoptId),
    /// An int32 operation (deoptimizing when it fails, see [`Int32Op::can_fail`]).
    Int32Binary(Int32Op, ValueId, ValueId, Option<DeoptId>),
    /// A double operation.
    Float64Binary(Float64Op, ValueId, ValueId),
    /// A `Math` function of a double.
    Float64Unary(Float64Fn, ValueId),
    /// ToInt32 of a number (any representation): else, or when a double is not below 2^63 in
    /// magnitude (where truncating through an i64 would not wrap as ToInt32 does), deoptimize.
    ToInt32(ValueId, DeoptId),
    /// `a >>> b` of two int32s, as the double it is (up to 2^32 - 1).
    ShrToFloat64(ValueId, ValueId),
    /// A comparison of two int32s.
    Int32Compare(Compare, ValueId, ValueId),
    /// A comparison of two doubles.
    Float64Compare(Compare, ValueId, ValueId),
    /// `!b` of a condition.
    BoolNot(ValueId),
    /// ToBoolean of a boxed value (which cannot run JavaScript).
    Truthy(ValueId),
    /// `a === b` (which cannot run JavaScript).
    StrictEqual(ValueId, ValueId),
    /// Reads slot `index` of the context `depth` levels up from the frame's.
    LoadContext(u32, u32),
    /// Writes slot `index` of the context `depth` levels up from the frame's.
    StoreContext(u32, u32, ValueId),
    /// The value's bits equal the constant's (`=== undefined`, the hole, a small int...).
    IsConst(ValueId, Value),
    /// The value is undefined or null.
    IsNullish(ValueId),
    /// Deoptimizes unless the value is an object of one of these shapes.
    CheckShape(ValueId, Box<[usize]>, DeoptId),
    /// Reads a data slot of an object whose shape is one of the guards' (checked before);
    /// inherited slots deoptimize when their prototype chain changed.
    LoadSlot(ValueId, Box<[SlotGuard]>, DeoptId),
    /// Writes an own data slot of an object whose shape is one of the guards' (checked before).
    StoreSlot(ValueId, Box<[SlotGuard]>, ValueId),
    /// The address of the present dense element at an int32 index of an object, else
    /// deoptimize.
    ElementAddr(ValueId, ValueId, DeoptId),
    /// The length of an array, as an int32, else deoptimize.
    ArrayLength(ValueId, DeoptId),
    /// Reads an element (at an [`Inst::ElementAddr`]).
    LoadElement(ValueId),
    /// Writes an element (at an [`Inst::ElementAddr`]).
    StoreElement(ValueId, ValueId),
    /// Runs bytecode instruction `op` (at `pc`) as the baseline tier does (inline common case,
    /// runtime call otherwise): the frame is written from the state first, and the new
    /// accumulator is the result. May run JavaScript, collect garbage and throw.
    Generic(u32, Op, DeoptId),
    /// A [`Inst::Generic`] `Call`/`CallUndefined` that pushes the frame of the closure the
    /// mirror describes in place when it is the callee (see `FnTranslator::call`).
    CallKnown(u32, Op, DeoptId, Box<crate::interpreter::feedback::CallIcMirror>),
    /// After a [`Inst::Generic`] of a jump instruction: whether it took its jump.
    TookJump(u32),
    /// A loop back-edge's safepoint (interrupts, the poll countdown, collection): the frame is
    /// written from the state before it runs anything.
    LoopSafepoint(DeoptId),
    /// Writes the frame from the state (before a normal edge into a handler block, which reads
    /// its registers from the frame).
    Sync(DeoptId),
    /// Deoptimizes unless the value's bits are the constant's (an inlined call's target).
    CheckIdentity(ValueId, Value, DeoptId),
    /// Deoptimizes unless the value is an object (a sloppy-mode inlined callee's `this`).
    CheckObject(ValueId, DeoptId),
    /// The value of a global lexical binding's cell (at this address), else (in its TDZ)
    /// deoptimize.
    LoadCell(usize, DeoptId),
    /// Reads the context slot at this address (of an inlined callee's context chain, which
    /// is fixed once its closure is).
    LoadContextAt(usize),
    /// Writes the context slot at this address.
    StoreContextAt(usize, ValueId),
    /// Deoptimizes if the value is the hole (`ThrowIfHole`: the interpreter throws).
    CheckNotHole(ValueId, DeoptId),
    /// Deoptimizes, always: code that had never run when compiled ([`super::Speculation::Unreached`]).
    Unreached(DeoptId),
    /// Adds a property to an object of the transition's starting shape (checked before), else
    /// (the prototype chain changed) deoptimize.
    AddProperty(ValueId, super::Transition, ValueId, DeoptId),
    /// A built-in method called directly (after a check of the callee's identity) on the
    /// receiver and arguments: its result, when the runtime's direct path takes the receiver
    /// (see [`BuiltinMethod`]); else deoptimize, nothing done.
    CallBuiltin(BuiltinMethod, Box<[ValueId]>, DeoptId),
    /// The new object an inlined `new` of this closure starts with, as the compile found its
    /// `prototype` (if it did: then of that shape, else deoptimize).
    CreateThis(Value, Option<super::NewThis>, DeoptId),
    /// A new plain object (an object literal's start).
    CreateObject,
    /// What an inlined `new` gives: the body's return value if it is an object, else `this`
    /// (the second operand).
    ConstructResult(ValueId, ValueId),
    /// Charges an inlined call's unit of fuel; when the poll countdown is due, leaves for the
    /// interpreter at the call (which polls), like a deoptimization that disproves nothing.
    ChargeCall(DeoptId),
    /// Deoptimizes (lazily: the state is the one after the instruction that ran) if this
    /// code was invalidated, because a prototype chain it assumed changed
    /// ([`Graph::validity`]).
    CheckValid(DeoptId),
}

/// A built-in method [`Inst::CallBuiltin`] calls through its runtime call's direct path
/// (`runtime_calls::jit_call_builtin`), which takes only receivers it handles without running
/// JavaScript or collecting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub(crate) enum BuiltinMethod {
    /// `a.push(v)` onto an Array's dense vector (`array::push_dense`).
    ArrayPush,
    /// `a.pop()` of an Array's dense vector (`array::pop_dense`).
    ArrayPop,
    /// `m.get(k)` of a Map.
    MapGet,
    /// `m.has(k)` of a Map.
    MapHas,
    /// `m.set(k, v)` of a Map.
    MapSet,
    /// `s.charCodeAt(i)` of a string and an int32 index within it.
    StringCharCodeAt,
}

impl BuiltinMethod {
    /// Every method, indexed by its number (what compiled code passes the runtime call).
    pub(crate) const ALL: [BuiltinMethod; 6] = [
        BuiltinMethod::ArrayPush,
        BuiltinMethod::ArrayPop,
        BuiltinMethod::MapGet,
        BuiltinMethod::MapHas,
        BuiltinMethod::MapSet,
        BuiltinMethod::StringCharCodeAt,
    ];

    /// The method `f` is when called with `argc` arguments and a receiver, if it is one.
    /// Natives are compared by entry point: two share one only if their code is identical.
    pub(crate) fn of(f: Gc<JsObject>, argc: u32) -> Option<BuiltinMethod> {
        use crate::builtins::{array, map_set, string};
        let ObjectKind::Native(n) = &f.kind else { return None };
        let methods = [
            (array::push as NativeFn, BuiltinMethod::ArrayPush),
            (array::pop, BuiltinMethod::ArrayPop),
            (map_set::map_get, BuiltinMethod::MapGet),
            (map_set::map_has, BuiltinMethod::MapHas),
            (map_set::map_set, BuiltinMethod::MapSet),
            (string::char_code_at, BuiltinMethod::StringCharCodeAt),
        ];
        methods.iter().find(|(g, m)| m.argc() == argc && std::ptr::fn_addr_eq(n.f, *g)).map(|&(_, m)| m)
    }

    /// Its arguments after the receiver.
    pub(crate) fn argc(self) -> u32 {
        match self {
            BuiltinMethod::ArrayPop => 0,
            BuiltinMethod::ArrayPush | BuiltinMethod::MapGet | BuiltinMethod::MapHas | BuiltinMethod::StringCharCodeAt => 1,
            BuiltinMethod::MapSet => 2,
        }
    }
}

impl Inst {
    /// Whether the instruction may change memory other code depends on (shapes, prototype
    /// chains, elements stores): a barrier for redundant-guard elimination. Not a loop's
    /// safepoint: it may collect, but the collector moves nothing and changes no shape, and an
    /// interrupt there terminates the script.
    pub(crate) fn clobbers(&self) -> bool {
        matches!(self, Inst::Generic(..) | Inst::CallKnown(..) | Inst::AddProperty(..) | Inst::CallBuiltin(..))
    }

    /// Rewrites every value operand through `f`.
    pub(crate) fn map_operands(&mut self, mut f: impl FnMut(ValueId) -> ValueId) {
        match self {
            Inst::Param
            | Inst::Const(_)
            | Inst::Int32Const(_)
            | Inst::LoadReg(_)
            | Inst::LoadAcc
            | Inst::TookJump(_)
            | Inst::LoadCell(..)
            | Inst::LoadContextAt(_)
            | Inst::CreateThis(..)
            | Inst::CreateObject
            | Inst::ChargeCall(_)
            | Inst::CheckValid(_)
            | Inst::Unreached(_)
            | Inst::LoadContext(..) => {}
            Inst::CheckInt32(v, _)
            | Inst::CheckNumber(v, _)
            | Inst::Float64Unary(_, v)
            | Inst::ToInt32(v, _)
            | Inst::BoolNot(v)
            | Inst::Truthy(v)
            | Inst::IsConst(v, _)
            | Inst::IsNullish(v)
            | Inst::CheckShape(v, _, _)
            | Inst::LoadSlot(v, _, _)
            | Inst::LoadElement(v)
            | Inst::ArrayLength(v, _)
            | Inst::CheckIdentity(v, _, _)
            | Inst::CheckObject(v, _)
            | Inst::CheckNotHole(v, _)
            | Inst::StoreContextAt(_, v)
            | Inst::StoreContext(_, _, v) => *v = f(*v),
            Inst::Int32Binary(_, a, b, _)
            | Inst::Float64Binary(_, a, b)
            | Inst::ShrToFloat64(a, b)
            | Inst::Int32Compare(_, a, b)
            | Inst::Float64Compare(_, a, b)
            | Inst::StrictEqual(a, b)
            | Inst::StoreSlot(a, _, b)
            | Inst::AddProperty(a, _, b, _)
            | Inst::ConstructResult(a, b)
            | Inst::ElementAddr(a, b, _)
            | Inst::StoreElement(a, b) => {
                *a = f(*a);
                *b = f(*b);
            }
            Inst::CallBuiltin(_, args, _) => args.iter_mut().for_each(|v| *v = f(*v)),
            Inst::Generic(..) | Inst::CallKnown(..) | Inst::LoopSafepoint(_) | Inst::Sync(_) => {}
        }
    }
}

/// What the interpreter's frame holds at a bytecode boundary, in IR values: the state a
/// failed guard writes back before the interpreter resumes at `pc`, and the state a runtime
/// call needs in the frame.
#[derive(Clone, Debug)]
pub(crate) struct DeoptPoint {
    /// The instruction to resume at ([`DeoptPoint::AFTER_STEP`]: the one a stepped jump
    /// instruction chose).
    pub pc: u32,
    /// The instruction whose speculation a failure disproves (its feedback is marked).
    pub site: u32,
    /// The value of each register of the frame (`0..n`).
    pub regs: Vec<ValueId>,
    /// The accumulator.
    pub acc: ValueId,
    /// The inlined call whose frame this is ([`Graph::inlined`]), or `None` for the
    /// function's own frame.
    pub frame: Option<u32>,
    /// An inlined frame's `this` (`Graph::dead` for the function's own frame, whose `this` is
    /// in its frame already).
    pub this: ValueId,
    /// An inlined frame's caller: its state at the call instruction (`pc` is the call's).
    pub caller: Option<DeoptId>,
}

impl DeoptPoint {
    /// A `pc` meaning "wherever the instruction just run by the interpreter continues" (the
    /// runtime's `Jit::next_pc`): after an [`Inst::Generic`] jump.
    pub(crate) const AFTER_STEP: u32 = u32::MAX;

    /// A point of the function's own frame.
    pub(crate) fn root(pc: u32, site: u32, regs: Vec<ValueId>, acc: ValueId, dead: ValueId) -> DeoptPoint {
        DeoptPoint { pc, site, regs, acc, frame: None, this: dead, caller: None }
    }

    /// Every value the point names.
    pub(crate) fn map_values(&mut self, mut f: impl FnMut(ValueId) -> ValueId) {
        for r in self.regs.iter_mut() {
            *r = f(*r);
        }
        self.acc = f(self.acc);
        self.this = f(self.this);
    }
}

/// A call inlined into the graph. Its interpreter frame exists only in deopt exits, which
/// write it (and those of its callers) above the function's own frame, at `offset` slots past
/// that frame's end, before the interpreter resumes inside it.
#[derive(Clone, Debug)]
pub(crate) struct InlinedFrame {
    /// The callee closure (the call is guarded on it).
    pub closure: Value,
    /// Arguments passed (at most its parameter count).
    pub argc: u32,
    /// A `new`.
    pub construct: bool,
    /// The caller's call instruction.
    pub call_pc: u32,
    /// The inlined frame that makes the call, or `None` for the function's own frame.
    pub caller: Option<u32>,
    /// Where the frame starts, in slots past the end of the function's own frame.
    pub offset: u32,
}

/// Where control goes at the end of a block.
#[derive(Clone, Debug)]
pub(crate) enum Terminator {
    /// Not terminated yet (only while building).
    None,
    /// To a block with arguments for its parameters.
    Jump(Edge),
    /// On a condition (a [`Repr::Bool`] value).
    Branch(ValueId, Edge, Edge),
    /// Returns a value.
    Return(ValueId),
    /// Control cannot get here (after an instruction that always throws).
    Unreachable,
}

/// A control-flow edge: the target and the arguments for its parameters.
#[derive(Clone, Debug)]
pub(crate) struct Edge {
    pub to: BlockId,
    pub args: Vec<ValueId>,
}

/// How a block is entered.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum BlockKind {
    /// From other blocks, with arguments.
    Normal,
    /// An exception handler: registers are read from the frame, the exception is its one
    /// parameter. Normal edges into it write the frame first.
    Handler,
}

/// A basic block.
#[derive(Clone, Debug)]
pub(crate) struct BlockData {
    /// The bytecode offset the block starts at (for handlers and traces).
    pub pc: u32,
    pub kind: BlockKind,
    /// Parameters, in order.
    pub params: Vec<ValueId>,
    /// The register each parameter holds (the number of registers: the accumulator).
    pub param_regs: Vec<usize>,
    /// Instructions, in order (parameters excluded).
    pub insts: Vec<ValueId>,
    pub term: Terminator,
    /// Register values (0..n, then the accumulator) at entry.
    pub entry_state: Vec<ValueId>,
}

/// A function in the optimizing tier's IR.
pub(crate) struct Graph {
    pub insts: Vec<Inst>,
    pub reprs: Vec<Repr>,
    pub blocks: Vec<BlockData>,
    pub deopts: Vec<DeoptPoint>,
    /// The block entered at pc 0.
    pub entry: BlockId,
    /// On-stack-replacement entries: (loop header pc, block reading the frame).
    pub osr_entries: Vec<(u32, BlockId)>,
    /// Number of interpreter registers (0..n).
    pub nregs: usize,
    /// The value of dead registers (undefined): frame writes and deopt exits skip it, since
    /// nothing reads the register before writing it.
    pub dead: ValueId,
    /// The inlined calls, callers before callees.
    pub inlined: Vec<InlinedFrame>,
    /// The address of the code's validity flag when it assumes prototype chains unchanged
    /// (see [`Inst::CheckValid`]), else `None`.
    pub validity: Option<usize>,
}

impl Graph {
    /// An instruction's result.
    pub(crate) fn repr(&self, v: ValueId) -> Repr {
        self.reprs[v.0 as usize]
    }

    /// The instruction defining `v`.
    pub(crate) fn inst(&self, v: ValueId) -> &Inst {
        &self.insts[v.0 as usize]
    }

    /// The points of the frames `d` is in, innermost first: `d`, then each inlined frame's
    /// caller at its call; the last is the function's own frame's.
    pub(crate) fn frame_chain(&self, d: DeoptId) -> Vec<DeoptId> {
        let mut chain = vec![d];
        while let Some(c) = self.deopts[chain.last().expect("non-empty").0 as usize].caller {
            chain.push(c);
        }
        chain
    }

    /// The successor edges of a block.
    pub(crate) fn successors(&self, b: BlockId) -> Vec<&Edge> {
        match &self.blocks[b.0 as usize].term {
            Terminator::Jump(e) => vec![e],
            Terminator::Branch(_, t, f) => vec![t, f],
            _ => vec![],
        }
    }

    /// The blocks entered other than through edges: the entry, the on-stack-replacement
    /// entries and the exception handlers.
    pub(crate) fn roots(&self) -> Vec<BlockId> {
        let mut r = vec![self.entry];
        r.extend(self.osr_entries.iter().map(|&(_, b)| b));
        r.extend((0..self.blocks.len()).filter(|&i| self.blocks[i].kind == BlockKind::Handler).map(|i| BlockId(i as u32)));
        r
    }

    /// Number of instructions in reachable blocks (for `--trace-opt`).
    pub(crate) fn size(&self) -> usize {
        self.blocks.iter().map(|b| b.insts.len() + b.params.len()).sum()
    }
}

impl fmt::Display for Graph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, b) in self.blocks.iter().enumerate() {
            write!(f, "b{i} (pc {}, {:?})(", b.pc, b.kind)?;
            for (k, p) in b.params.iter().enumerate() {
                write!(f, "{}v{}: {:?}", if k > 0 { ", " } else { "" }, p.0, self.repr(*p))?;
            }
            writeln!(f, "):")?;
            for v in &b.insts {
                writeln!(f, "  v{} = {:?} : {:?}", v.0, self.inst(*v), self.repr(*v))?;
            }
            writeln!(f, "  {:?}", b.term)?;
        }
        Ok(())
    }
}
