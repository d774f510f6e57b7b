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
//! Not yet here (see ARCHITECTURE.md): loop-invariant hoisting, inlining, and invalidation
//! dependencies (no compiled assumption can be changed behind the code's back yet:
//! prototype-chain loads check their validity flag at run time).

mod build;
pub(crate) mod ir;
mod liveness;
mod lower;
mod passes;

use super::code_module::{CodeModule, ModuleSettings};
use super::{Jit, JitFn};
use crate::bytecode::ops::Op;
use crate::interpreter::feedback::{elements_seen, Feedback, NumericKind, PropertyAccess, PropertyCacheEntry, PropertyIc};
use crate::runtime::function::FunctionCode;
use std::time::Instant;

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
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Speculation {
    /// Nothing: the baseline tier's code.
    Generic,
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

/// The optimizing tier's speculation for one function.
pub(crate) struct Plan {
    /// One entry per instruction.
    pub sites: Vec<Speculation>,
    /// Emit the `--deopt-every` countdown at each guard.
    pub deopt_every: bool,
    /// The cells the code embeds the addresses of (kept alive by the function's code).
    pub roots: Vec<PropertyCacheEntry>,
}

impl Plan {
    /// Reads the function's feedback.
    pub(crate) fn new(code: &FunctionCode, deopt_every: bool) -> Plan {
        let mut roots = Vec::new();
        let sites = code
            .block
            .ops
            .iter()
            .map(|op| {
                let Some(slot) = op.feedback_slot() else { return Speculation::Generic };
                let entry = &code.feedback.slots[slot.0 as usize];
                if entry.deopt_seen {
                    return Speculation::Generic;
                }
                speculation(op, &entry.data, &mut roots)
            })
            .collect();
        Plan { sites, deopt_every, roots }
    }

    /// Number of speculated sites.
    fn guarded_sites(&self) -> usize {
        self.sites.iter().filter(|s| **s != Speculation::Generic).count()
    }
}

fn speculation(op: &Op, data: &Feedback, roots: &mut Vec<PropertyCacheEntry>) -> Speculation {
    match (op, data) {
        (Op::Add { .. } | Op::Sub { .. } | Op::Mul { .. }, Feedback::Binary(n)) => match n.kind {
            NumericKind::Int32 if !n.overflowed => Speculation::Int32,
            NumericKind::Int32 | NumericKind::Number => Speculation::Number,
            _ => Speculation::Generic,
        },
        // The other int32 operators (`++ -- % & | ^ << >> >>>`): no double speculation.
        (_, Feedback::Binary(n)) if ir::Int32Op::of(*op).is_some() && n.kind == NumericKind::Int32 && !n.overflowed => Speculation::Int32,
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
/// (own, or inherited when `inherited`).
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
            PropertyAccess::Proto { holder, slot, validity } if inherited => {
                Some(SlotGuard { shape: e.shape.addr(), holder: holder.addr(), valid: &validity.valid as *const bool as usize, slot })
            }
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    roots.extend_from_slice(entries);
    Some(guards)
}

/// Compiles `code` with the optimizing tier.
pub(crate) fn compile(jit: &mut Jit, code: &mut FunctionCode) -> Result<JitFn, String> {
    let started = Instant::now();
    code.opt_compiles += 1;
    let plan = Plan::new(code, jit.deopt_every.is_some());
    if jit.opt_module.is_none() {
        jit.opt_module = Some(CodeModule::new(SETTINGS)?);
    }
    // A bug in building or in the passes must not take the process down (this runs inside
    // runtime calls made by compiled code, which cannot unwind): the function is then not
    // optimized. (Lowering has the same guard, inside `CodeModule::compile`.)
    let (graph, order) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut graph = build::build(code, &plan);
        let order = passes::run(&mut graph);
        (graph, order)
    }))
    .map_err(|_| "the optimizing tier's graph building panicked".to_string())?;
    let nodes = graph.size();
    let cm = jit.opt_module.as_mut().expect("created above");
    let (f, size) = cm.compile(code, |t| lower::lower(t, &graph, &order, plan.deopt_every))?;
    let elapsed = started.elapsed();
    // The code embeds these cells' addresses; it may still be running after it is discarded,
    // so they stay alive as long as the function does.
    code.opt_roots.extend_from_slice(&plan.roots);
    jit.stats.optimized += 1;
    jit.stats.opt_code_bytes += size as u64;
    jit.stats.opt_compile_time += elapsed;
    if jit.trace_opt {
        eprintln!(
            "[opt] {} ({} ops, {} speculated sites, {} IR nodes -> {} bytes, {:.1} us)",
            super::display_name(code),
            code.block.ops.len(),
            plan.guarded_sites(),
            nodes,
            size,
            elapsed.as_secs_f64() * 1e6
        );
    }
    Ok(f)
}
