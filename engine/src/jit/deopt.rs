//! Deoptimization: leaving optimized code at a failed guard and resuming the interpreter at
//! the guarded instruction.
//!
//! Each guard of the optimizing tier's IR carries a deopt point: the bytecode offset and the
//! IR value of every register and of the accumulator there. Its exit writes those values
//! into the frame as they are in machine registers (int32s, doubles and booleans unboxed;
//! constants not at all) and calls [`jit_deopt`] with the index of its [`DeoptExit`], whose
//! table says how to box each such slot. Keeping the boxing out of the exits keeps the code
//! small: a function has many guards, and a double's boxing is a dozen instructions.
//! [`jit_deopt`] boxes the slots before anything can collect, then records the reason (in the feedback
//! of the site whose speculation failed, so the next compile does not speculate the same way),
//! discards the optimized code, and runs the rest of the frame in the interpreter (which
//! re-enters the baseline code at its next loop header); the exit returns that result as the
//! optimized code's own. A guard inside a call the code inlined also names that call's frame
//! (and its callers'): the exit writes their registers above the function's own frame,
//! [`jit_deopt`] their headers, and the interpreter resumes in the innermost, each frame
//! returning into its caller as after a call.

use super::EXCEPTION;
use crate::bytecode::ops::Op;
use crate::heap::Gc;
use crate::interpreter::frame::{
    with_caller_realm, ACC_SLOT, ARGC_SLOT, CALLEE_SLOT, CALLER_FP_SLOT, CONTEXT_SLOT, FLAGS_SLOT, FLAG_CONSTRUCT, NEW_TARGET_SLOT,
    RETURN_PC_SLOT,
};
use crate::interpreter::{frame_code, frame_end};
use crate::runtime::function::FunctionCode;
use crate::runtime::object::JsObject;
use crate::runtime::Runtime;
use crate::value::Value;

/// Deoptimizations kept per function for `.jit f` / `--explain-jit`.
const DEOPT_LOG_LEN: usize = 16;

/// One deoptimization of a function, as `.jit f` reports it.
#[derive(Copy, Clone, Debug)]
pub struct DeoptRecord {
    /// The instruction whose guard failed.
    pub pc: u32,
    /// Why.
    pub reason: DeoptReason,
    /// Forced by `--deopt-every`.
    pub forced: bool,
}

/// Why a guard failed.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(u32)]
pub enum DeoptReason {
    /// An operand was not an int32.
    NotInt32 = 0,
    /// An int32 operation overflowed (or produced -0).
    Int32Overflow = 1,
    /// An operand was not a number.
    NotNumber = 2,
    /// A property access's receiver was not an object.
    NotObject = 3,
    /// A receiver had none of the expected shapes.
    ShapeMismatch = 4,
    /// A prototype on the chain of an inherited load changed.
    PrototypeChanged = 5,
    /// A keyed access's receiver had no dense elements compiled code may use (a sparse store,
    /// or an object whose kind gives indices exotic behaviour: arguments, strings, typed arrays).
    NotDense = 6,
    /// A keyed access's index was outside the dense elements.
    OutOfBounds = 7,
    /// A keyed access found a hole (the element may be inherited, or a setter may catch it).
    Hole = 8,
    /// A `.length` load that had only seen arrays found something else (or a length beyond
    /// int32).
    NotArray = 9,
    /// An inlined call found another callee.
    CallTarget = 10,
    /// The code was invalidated (a prototype chain it assumed changed) while it ran: the
    /// frame leaves it after the instruction that made the change. Disproves no site.
    Invalidated = 11,
    /// A built-in method called directly got a receiver or arguments its direct path does not
    /// take (not a Map, an array it cannot push onto in place, an index out of a string...).
    BuiltinReceiver = 12,
    /// A call that had never run when the code was compiled (so there was nothing to
    /// speculate on) was reached: the function is compiled again once its feedback has grown.
    /// Disproves nothing, and is not held against the function.
    Unreached = 13,
    /// Not a failed guard: an inlined call found the poll countdown due, so the interpreter
    /// makes the call (and polls). Nothing is disproved and the code is kept.
    Poll = 14,
}

impl DeoptReason {
    /// Number of reasons for which a guard fails (all but [`DeoptReason::Poll`]).
    pub const COUNT: usize = 14;

    /// The reason in words.
    pub fn describe(self) -> &'static str {
        match self {
            DeoptReason::NotInt32 => "not an int32",
            DeoptReason::Int32Overflow => "int32 overflow",
            DeoptReason::NotNumber => "not a number",
            DeoptReason::NotObject => "not an object",
            DeoptReason::ShapeMismatch => "shape mismatch",
            DeoptReason::PrototypeChanged => "prototype changed",
            DeoptReason::NotDense => "not a dense array",
            DeoptReason::OutOfBounds => "index out of bounds",
            DeoptReason::Hole => "hole",
            DeoptReason::NotArray => "not an array",
            DeoptReason::CallTarget => "call target changed",
            DeoptReason::Invalidated => "code invalidated",
            DeoptReason::BuiltinReceiver => "receiver not taken by the built-in's direct path",
            DeoptReason::Unreached => "call not run before the compile",
            DeoptReason::Poll => "poll",
        }
    }
}

/// ` on .name` for a property site, else "".
fn site_name(code: &FunctionCode, op: Op) -> String {
    match op {
        Op::GetNamed { name, .. } | Op::SetNamed { name, .. } => {
            code.constants[name.0 as usize].as_string().map(|s| format!(" on .{}", s.to_rust_string())).unwrap_or_default()
        }
        _ => String::new(),
    }
}

/// What the JIT tiers made of `code`: its tier, counters and deoptimizations (`.jit f` in the
/// REPL, `jolt --explain-jit`).
pub(crate) fn explain(code: &FunctionCode) -> String {
    use std::fmt::Write;
    let tier = match code.jit {
        super::JitCode::None => "interpreter (not compiled yet)",
        super::JitCode::Never => "interpreter (not compilable: generator or async function)",
        super::JitCode::Baseline(_) if !super::optimizing::may_optimize(code) => "baseline (no longer optimized: too many deoptimizations)",
        super::JitCode::Baseline(_) => "baseline",
        super::JitCode::Optimized { .. } => "optimized",
    };
    let (line, col) = crate::parser::line_col(&code.block.source.text, code.block.span.0);
    let mut out = format!(
        "{} ({}:{}:{}): {tier}; {} calls and {} loop iterations since its last tier change, {} optimized compiles, {} deoptimizations",
        super::display_name(code),
        code.block.source.name,
        line,
        col,
        code.invocations,
        code.back_edges,
        code.opt_compiles,
        code.deopts
    );
    for d in &code.deopt_log {
        let op = code.block.ops[d.pc as usize];
        let _ = write!(
            out,
            "\n  deopt at {} ({}, pc {}): {}{}{}",
            code.block.location(d.pc),
            op.name(),
            d.pc,
            d.reason.describe(),
            site_name(code, op),
            if d.forced { " (forced by --deopt-every)" } else { "" }
        );
    }
    out
}

/// Records in a site's feedback that optimized code's speculation there failed for `reason`.
/// A failed int32 speculation on arithmetic or a comparison widens the feedback (a non-int32
/// operand: to numbers; an overflow: `overflowed`), so the next compile speculates on doubles
/// rather than giving the site up (the baseline tier's inline paths record no feedback, so
/// this is often how a site's doubles are first seen); a failed shape guard of a property
/// site marks it until its IC learns another shape (`FeedbackEntry::shapes_at_deopt`: a
/// monomorphic guess becomes a polymorphic one); any other failure marks the site as not to be
/// speculated on again.
fn disprove(entry: &mut crate::interpreter::feedback::FeedbackEntry, reason: DeoptReason) {
    use crate::interpreter::feedback::{Feedback, NumericKind};
    match (&mut entry.data, reason) {
        // (`None`: the int32 guess came from the baseline tier's `compiled_seen` bits.)
        (Feedback::Binary(n) | Feedback::Compare(n), DeoptReason::NotInt32) if n.kind <= NumericKind::Int32 => n.kind = NumericKind::Number,
        (Feedback::Binary(n), DeoptReason::Int32Overflow) if !n.overflowed => n.overflowed = true,
        (Feedback::Property(ic), DeoptReason::ShapeMismatch) => {
            if !entry.deopt_seen || entry.shapes_at_deopt.is_some() {
                entry.shapes_at_deopt = Some(ic.shapes() as u8);
            }
            entry.deopt_seen = true;
        }
        _ => {
            entry.deopt_seen = true;
            entry.shapes_at_deopt = None;
        }
    }
}

// Exits store an int32 or a boolean into the low bytes of a frame slot, which
// `ExitValue::boxed` reads back from the slot's 64 bits.
const _: () = assert!(cfg!(target_endian = "little"), "deopt exits assume a little-endian target");

/// How a deopt exit left a value for [`jit_deopt`] to box.
#[derive(Clone, Copy, Debug)]
pub enum ExitValue {
    /// Boxed already.
    Boxed,
    /// An int32 in the low 32 bits.
    Int32,
    /// A double's bits.
    Float64,
    /// A boolean in the low 8 bits.
    Bool,
    /// Not written: this constant.
    Const(Value),
}

impl ExitValue {
    /// The value `raw` (as the exit left it) stands for.
    fn boxed(self, raw: u64) -> Value {
        match self {
            ExitValue::Boxed => Value::from_bits(raw),
            ExitValue::Int32 => Value::int(raw as u32 as i32),
            ExitValue::Float64 => Value::from_f64(f64::from_bits(raw)),
            ExitValue::Bool => Value::bool(raw as u8 != 0),
            ExitValue::Const(v) => v,
        }
    }
}

/// A frame slot a deopt exit left unboxed or unwritten.
#[derive(Clone, Copy, Debug)]
pub struct ExitSlot {
    /// The frame: an inlined call (an index into the function's `opt_inlined`), or
    /// `u32::MAX` for the function's own.
    pub frame: u32,
    /// The slot, from the frame's base.
    pub slot: u32,
    /// What the exit left there.
    pub value: ExitValue,
}

/// What [`jit_deopt`] needs to know of one deopt exit of optimized code.
#[derive(Clone, Debug)]
pub struct DeoptExit {
    /// The instruction to resume at (`DeoptPoint::AFTER_STEP`: `Jit::next_pc`).
    pub pc: u32,
    /// The instruction whose speculation a failure disproves.
    pub site: u32,
    /// What failed.
    pub reason: DeoptReason,
    /// The inlined call (an index into `opt_inlined`) whose frame the interpreter resumes, or
    /// `u32::MAX`.
    pub inline: u32,
    /// How the accumulator is passed.
    pub acc: ExitValue,
    /// The slots to box.
    pub slots: Box<[ExitSlot]>,
}

impl DeoptExit {
    /// The heap values the exit's constants name (the code keeps them alive).
    pub(crate) fn constants(&self) -> impl Iterator<Item = Value> + '_ {
        let k = |v: ExitValue| if let ExitValue::Const(c) = v { Some(c) } else { None };
        k(self.acc).into_iter().chain(self.slots.iter().filter_map(move |s| k(s.value)))
    }
}

/// A guard of the optimized frame at `fp` failed, and the code took deopt exit
/// `Jit::exit_index` (an index into the function's `opt_exits`, which says why), with
/// the accumulator's bits in the frame's accumulator slot: the
/// speculation made for the exit's site (usually its `pc`; for an unboxed loop variable
/// checked on entry at a loop header, the instruction whose speculation made it unboxed) did
/// not hold. The exit wrote the registers and `this` of the frames (the function's, and those
/// of the inlined calls the guard is in, above it) as its table says; this boxes them, writes
/// the inlined frames' headers, records the failure and runs the rest of the frames in the
/// interpreter from the innermost. Returns what the function's frame returns, or
/// [`EXCEPTION`].
///
/// # Safety
/// Called only by optimized code, with the runtime pointer it was given.
pub(super) unsafe extern "C" fn jit_deopt(rt: *mut Runtime, fp: usize) -> u64 {
    // SAFETY: called only by compiled code, with its runtime pointer.
    let rt = unsafe { &mut *rt };
    let exit = rt.jit.exit_index;
    // The exit left the accumulator's bits (maybe unboxed) in the frame's accumulator slot.
    let acc = rt.stack[fp + ACC_SLOT].to_bits();
    let root = frame_code(rt, fp);
    let e = &root.opt_exits[exit as usize];
    // First, before anything may collect: the frames must hold values.
    let end = frame_end(rt, fp, root);
    for s in e.slots.iter() {
        let base = if s.frame == u32::MAX { fp } else { end + root.opt_inlined[s.frame as usize].offset as usize };
        let i = base + s.slot as usize;
        rt.stack[i] = s.value.boxed(rt.stack[i].to_bits());
    }
    let acc = e.acc.boxed(acc);
    rt.stack[fp + ACC_SLOT] = acc;
    let (site, inline, reason) = (e.site, e.inline, e.reason);
    let pc = if e.pc == u32::MAX { rt.jit.next_pc } else { e.pc };
    let inner = if inline == u32::MAX { fp } else { inlined_frames(rt, fp, root, inline) };
    // `--deopt-every`: the countdown reaching 0 forced this exit; it says nothing about the
    // feedback, so it is not held against the function.
    let forced = match rt.jit.deopt_every {
        Some(n) if rt.jit.deopt_countdown == 0 => {
            rt.jit.deopt_countdown = n;
            true
        }
        _ => false,
    };
    if reason != DeoptReason::Poll || forced {
        let current = matches!(root.jit, super::JitCode::Optimized { .. }) && exit >= root.opt_exit_base;
        record(rt, root, frame_code(rt, inner), site, reason, forced, current);
    }
    let r = crate::interpreter::resume_inlined(rt, fp, inner, pc, acc);
    match r {
        Ok(v) => v.to_bits(),
        Err(e) => {
            rt.jit.pending = Some(e);
            EXCEPTION
        }
    }
}

/// Records a failed guard of `root`'s optimized code at instruction `site` of `code` (`root`
/// itself, or a function inlined into it) and discards that optimized code. `current`: the
/// guard is in the code `root` runs now; one in code discarded before is counted and traced
/// but not held against the function again.
fn record(rt: &mut Runtime, root: Gc<FunctionCode>, code: Gc<FunctionCode>, site: u32, reason: DeoptReason, forced: bool, current: bool) {
    let op = code.block.ops[site as usize];
    if reason != DeoptReason::Poll {
        rt.jit.stats.deopts += 1;
        rt.jit.stats.inlined_deopts += u64::from(root != code);
        rt.jit.stats.deopt_reasons[reason as usize] += 1;
    }
    if rt.jit.trace_deopt {
        let what = site_name(&code, op);
        eprintln!(
            "[deopt] {} at {} (pc {site}, {}): {}{what}{}{}",
            super::display_name(&code),
            code.block.location(site),
            op.name(),
            reason.describe(),
            if forced { " (forced by --deopt-every)" } else { "" },
            if root != code { format!(" (inlined into {})", super::display_name(&root)) } else { String::new() }
        );
    }
    let c = code.get_mut();
    if c.deopt_log.len() < DEOPT_LOG_LEN {
        c.deopt_log.push(DeoptRecord { pc: site, reason, forced });
    }
    // An invalidation was held against the function when it happened (`jit::invalidate`).
    if !forced && !matches!(reason, DeoptReason::Invalidated | DeoptReason::Unreached) {
        if current {
            root.get_mut().deopts += 1;
        }
        if let Some(slot) = op.feedback_slot() {
            disprove(&mut c.feedback.slots[slot.0 as usize], reason);
        }
    }
    if reason == DeoptReason::Invalidated || !current {
        // Code discarded already (`jit::invalidate`, an earlier deopt): the function's
        // current code, if it was optimized again since, is valid.
        return;
    }
    let r = root.get_mut();
    r.jit.discard_optimized();
    super::refresh_fast_entry(&rt.jit, r);
    // It must prove itself hot again before the next compile, with the feedback of the code
    // that runs meanwhile.
    r.invocations = 0;
    r.back_edges = 0;
}

/// The header of an inlined call's frame, as the interpreter's call would have pushed it:
/// what the call fixes. The caller's frame pointer and realm (in the flags) are the caller's
/// at run time, and `this` is a value of the code.
pub(crate) struct InlinedHeader {
    closure: Gc<JsObject>,
    new_target: Value,
    context: Value,
    argc: u32,
    return_pc: u32,
    /// The frame's flags below the realm.
    pub flags: i32,
}

impl InlinedHeader {
    /// The header of the frame of an inlined call (`construct`: a `new`) of `closure` with
    /// `argc` arguments at instruction `call_pc` of its caller.
    pub(crate) fn of(closure: Gc<JsObject>, argc: u32, construct: bool, call_pc: u32) -> InlinedHeader {
        let c = closure.as_closure().expect("inlined callees are closures");
        let new_target = if construct {
            Value::object(closure)
        } else if c.code.frame.lexical_this {
            c.lexical_new_target
        } else {
            Value::UNDEFINED
        };
        InlinedHeader {
            closure,
            new_target,
            context: c.context.map_or(Value::UNDEFINED, Value::cell),
            argc,
            return_pc: call_pc + 1,
            flags: if construct { FLAG_CONSTRUCT } else { 0 },
        }
    }

    /// Its slots that hold constants.
    pub(crate) fn constants(&self) -> [(usize, Value); 6] {
        [
            (CALLEE_SLOT, Value::object(self.closure)),
            (NEW_TARGET_SLOT, self.new_target),
            (ARGC_SLOT, Value::int(self.argc as i32)),
            (RETURN_PC_SLOT, Value::int(self.return_pc as i32)),
            (CONTEXT_SLOT, self.context),
            (ACC_SLOT, Value::UNDEFINED),
        ]
    }
}

/// Writes the headers of the frames of inlined call `index` of `root`'s optimized code (and
/// of the inlined calls making it) above the frame at `fp`, as the interpreter's calls would
/// have pushed them (the deopt exit wrote their registers and `this`). Returns the innermost
/// frame's base, which becomes the top of the stack.
fn inlined_frames(rt: &mut Runtime, fp: usize, root: Gc<FunctionCode>, index: u32) -> usize {
    let end = frame_end(rt, fp, root);
    let mut chain = vec![];
    let mut i = index;
    while i != u32::MAX {
        let r = root.opt_inlined[i as usize];
        chain.push(r);
        i = r.caller;
    }
    let flags = Value::int(with_caller_realm(0, rt.realm));
    let mut caller = fp;
    for r in chain.iter().rev() {
        let f = end + r.offset as usize;
        let h = InlinedHeader::of(r.closure, r.argc, r.construct, r.call_pc);
        let flags = if r.construct { Value::int(with_caller_realm(h.flags, rt.realm)) } else { flags };
        for (slot, v) in h.constants() {
            rt.stack[f + slot] = v;
        }
        rt.stack[f + CALLER_FP_SLOT] = Value::int(caller as i32);
        rt.stack[f + FLAGS_SLOT] = flags;
        caller = f;
    }
    rt.sp = frame_end(rt, caller, frame_code(rt, caller));
    caller
}
