//! The baseline tier's bytecode → Cranelift translation: a visitor over the one instruction
//! table, run on the interpreter's frame. Registers live in the frame; each instruction's
//! common case is inline or one call to a shared stub (`super::site_stub`), and its uncommon
//! case calls the interpreter's implementation of it.
//!
//! The optimizing tier lowers its own IR (`optimizing::lower`) with this translator too: an
//! instruction it does not speculate on gets exactly this code (`FnTranslator::op`).

use super::call_stub::{self, charge_poll, poll_due, CallSite, Known, Mirror, RtField, NOT_HANDLED};
use super::code_module::*;
use super::equality::{equal_to_interned, interned_string_len, EqualityOp};
use super::number::{self, NumberOp};
use super::optimizing::ir::{BuiltinMethod, Float64Op};
use super::optimizing::{BuiltinCall, NewThis};
use super::site_stub::SiteOp;
use super::{Jit, EXCEPTION};
use crate::bytecode::code::Handler;
use crate::bytecode::ops::{Op, Reg};
use crate::heap::Gc;
use crate::interpreter::feedback::{
    CallFeedback, CallIcMirror, Feedback, GlobalFeedback, NumericKind, PropertyAccess, PropertyCacheEntry, PropertyIc, COMPILED_SAW_INT32,
    COMPILED_SAW_NUMBER,
};
use crate::interpreter::frame::{ACC_SLOT, CONTEXT_SLOT, HEADER};
use crate::runtime::context::Context;
use crate::runtime::function::FunctionCode;
use crate::runtime::object::{JsObject, ObjectKind};
use crate::runtime::shape::PropertyKey;
use crate::runtime::string::JsString;
use crate::runtime::Runtime;
use crate::value::Value;
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, BlockArg, FuncRef, Function, InstBuilder, MemFlagsData};
use cranelift_codegen::isa::TargetFrontendConfig;
use cranelift_frontend::{FunctionBuilder, Switch, Variable};

/// Translates one function's bytecode.
pub(crate) struct FnTranslator<'a> {
    pub(super) b: FunctionBuilder<'a>,
    pub(super) code: &'a FunctionCode,
    calls: CallRefs<'a>,
    stubs: StubRefs<'a>,
    pub(super) tcfg: TargetFrontendConfig,
    /// The Cranelift block starting at each pc that starts a block (the optimizing tier:
    /// at each handler).
    pub(super) blocks: Vec<Option<Block>>,
    /// Landing block of each handler (index into `code.block.handlers`), made on demand.
    landings: Vec<Option<Block>>,
    /// Returns "exception pending" to the caller.
    propagate: Option<Block>,
    /// The accumulator (the optimizing tier: only around the instructions it runs as this
    /// translator does).
    pub(super) acc: Variable,
    pub(super) rt: CValue,
    pub(super) frame: CValue,
    pub(super) fp: CValue,
    /// The current block already ends in a jump or return.
    terminated: bool,
    /// Handler blocks take the exception as a block parameter (the optimizing tier) rather
    /// than in the accumulator.
    pub(super) handler_takes_exception: bool,
    /// Back edges of this function after which a loop's safepoint asks the runtime for
    /// on-stack replacement into optimized code (`u32::MAX`: never).
    pub(crate) osr_back_edges: u32,
    /// What the baseline knows of the accumulator before the current instruction (only its
    /// own straight-line code sets it; the optimizing tier leaves it unknown).
    acc_fact: AccFact,
    /// Set in the baseline tier, which shapes calls by their feedback (the optimizing tier
    /// decides that in its plan, which keeps the objects alive): the objects the code compares
    /// callees against, which whoever installs the code keeps alive as long as it
    /// (`FunctionCode::jit_objects`).
    pub(crate) compared: Option<Vec<Gc<JsObject>>>,
    /// Plain calls of the one closure a site has seen are emitted in place (needs
    /// [`Self::compared`]).
    pub(crate) calls_in_place: bool,
    /// The key `prototype`, when `new` in place may check a constructor's `prototype` rather
    /// than look it up ([`Self::create_known_this`]).
    pub(crate) prototype: Option<PropertyKey>,
    /// Entries for the shapes the code compares against, which whoever installs the code
    /// keeps alive as long as it (`FunctionCode::opt_roots`).
    pub(crate) roots: Vec<PropertyCacheEntry>,
}

/// What straight-line baseline code knows of the accumulator, to leave out the tag tests the
/// value cannot fail.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum AccFact {
    Unknown,
    /// An int32 (a constant just loaded).
    Int,
    /// `true` or `false` (every comparison, `!`, `in` and `instanceof` gives one, on the fast
    /// path and through the interpreter alike).
    Boolean,
    /// `undefined` or `null` (a constant just loaded).
    Nullish,
    /// An interned string of this many units (a constant just loaded: see
    /// [`interned_string_len`]).
    InternedString(u32),
}

impl AccFact {
    /// What is known after `op` given what was known before it, in a function with these
    /// constants.
    fn after(op: Op, before: AccFact, constants: &[Value]) -> AccFact {
        match op {
            Op::LdaInt { .. } => AccFact::Int,
            Op::LdaConst { idx, .. } => interned_string_len(constants[idx.0 as usize]).map_or(AccFact::Unknown, AccFact::InternedString),
            Op::LdaUndefined { .. } | Op::LdaNull { .. } => AccFact::Nullish,
            Op::TestLt { .. }
            | Op::TestLe { .. }
            | Op::TestGt { .. }
            | Op::TestGe { .. }
            | Op::TestEq { .. }
            | Op::TestStrictEq { .. }
            | Op::TestInstanceOf { .. }
            | Op::TestIn { .. }
            | Op::Not { .. }
            | Op::LdaTrue { .. }
            | Op::LdaFalse { .. } => AccFact::Boolean,
            // These leave the accumulator alone.
            Op::Star { .. } | Op::Mov { .. } => before,
            _ => AccFact::Unknown,
        }
    }
}

/// The one callee a call site has seen, by which the baseline shapes the call.
enum Seen {
    /// A closure that may be called directly (with its mirror).
    Closure(Gc<JsObject>, CallIcMirror),
    /// A built-in method with a direct path.
    Builtin(Gc<JsObject>, BuiltinMethod),
    /// A `Math` function the code computes itself on numbers.
    Math(Gc<JsObject>, BuiltinCall),
    /// Any other native function.
    Native(Gc<JsObject>),
}

/// The frame a known call ([`FnTranslator::known_call`]) is made from.
pub(super) struct KnownCaller {
    /// Its address and its index on the register stack.
    pub frame: CValue,
    pub fp: CValue,
    /// Set when it is the frame of a call the optimizing tier inlined, written in full for the
    /// call (the runtime's frame pointer and stack top are then that frame's).
    pub inlined: Option<InlinedCaller>,
}

/// What the compiled function restores after a call made from an inlined frame.
#[derive(Clone, Copy)]
pub(super) struct InlinedCaller {
    /// The compiled function's instruction whose handlers an exception from the call meets
    /// (the call the outermost inlined frame stands for).
    pub root_pc: u32,
    /// The runtime's stack top before the call.
    pub sp: CValue,
}

/// A `Call`'s or `CallUndefined`'s callee register, receiver register (arguments follow it),
/// argument count, and whether the receiver is `undefined` rather than that register.
fn call_operands(op: Op) -> (Reg, Reg, u32, bool) {
    match op {
        Op::Call { callee, this_reg, argc, .. } => (callee, this_reg, argc, false),
        Op::CallUndefined { callee, this_reg, argc, .. } => (callee, this_reg, argc, true),
        _ => unreachable!("call of {op:?}"),
    }
}

/// Byte offset of register `r` from the frame pointer.
pub(super) fn reg_offset(r: Reg) -> i32 {
    (HEADER as i32 + r.0) * 8
}

/// Offset of `Jit::next_pc` in the runtime.
pub(super) fn next_pc_offset() -> i32 {
    (std::mem::offset_of!(Runtime, jit) + std::mem::offset_of!(Jit, next_pc)) as i32
}

impl<'a> FnTranslator<'a> {
    pub(crate) fn new(
        mut b: FunctionBuilder<'a>,
        code: &'a FunctionCode,
        calls: CallRefs<'a>,
        stubs: StubRefs<'a>,
        tcfg: TargetFrontendConfig,
    ) -> Self {
        let acc = b.declare_var(types::I64);
        let n = code.block.ops.len();
        FnTranslator {
            b,
            code,
            calls,
            stubs,
            tcfg,
            blocks: vec![None; n + 1],
            landings: vec![None; code.block.handlers.len()],
            propagate: None,
            acc,
            rt: CValue::from_u32(0),
            frame: CValue::from_u32(0),
            fp: CValue::from_u32(0),
            terminated: false,
            handler_takes_exception: false,
            osr_back_edges: u32::MAX,
            acc_fact: AccFact::Unknown,
            compared: None,
            prototype: None,
            roots: Vec::new(),
            calls_in_place: false,
        }
    }

    /// Translates the function; gives the objects and the shapes (as root entries) its code
    /// compares values against, which must live as long as the code.
    pub(crate) fn translate(mut self) -> (Vec<Gc<JsObject>>, Vec<PropertyCacheEntry>) {
        let ops = &self.code.block.ops;
        for (pc, s) in self.code.block.block_starts().iter().enumerate() {
            if *s {
                self.blocks[pc] = Some(self.b.create_block());
            }
        }

        // Entry: pc 0, or a loop header (on-stack replacement, accumulator from the frame).
        let entry = self.b.create_block();
        self.b.append_block_params_for_function_params(entry);
        self.b.switch_to_block(entry);
        let params = self.b.block_params(entry).to_vec();
        (self.rt, self.frame, self.fp) = (params[0], params[1], params[2]);
        let entry_pc = params[3];
        let start = self.block_at(0);
        let undef = self.b.ins().iconst(types::I64, Value::UNDEFINED.to_bits() as i64);
        self.b.def_var(self.acc, undef);
        let headers = self.code.block.loop_headers();
        if headers.is_empty() {
            // Without loops there is no other entry: a function's code is entered at pc 0.
            self.b.ins().jump(start, NO_ARGS);
        } else {
            let osr = self.b.create_block();
            self.b.ins().brif(entry_pc, osr, NO_ARGS, start, NO_ARGS);
            self.b.switch_to_block(osr);
            let saved = self.b.ins().load(types::I64, MemFlagsData::trusted(), self.frame, (ACC_SLOT * 8) as i32);
            self.b.def_var(self.acc, saved);
            let mut switch = Switch::new();
            for h in headers {
                let blk = self.block_at(h);
                switch.set_entry(h as u128, blk);
            }
            let bad_entry = self.propagate_block();
            switch.emit(&mut self.b, entry_pc, bad_entry);
        }

        self.terminated = true;
        for (pc, &op) in ops.iter().enumerate() {
            if let Some(blk) = self.blocks[pc] {
                if !self.terminated {
                    self.b.ins().jump(blk, NO_ARGS);
                }
                self.b.switch_to_block(blk);
                self.terminated = false;
                // Other paths may enter here.
                self.acc_fact = AccFact::Unknown;
            }
            if self.terminated {
                // Unreachable code after a jump (no block starts here).
                continue;
            }
            self.op(pc as u32, op);
            self.acc_fact = AccFact::after(op, self.acc_fact, &self.code.constants);
        }
        if !self.terminated {
            // Falling off the end cannot happen (the compiler ends every function with a
            // return); keep the IR well-formed anyway.
            let p = self.propagate_block();
            self.b.ins().jump(p, NO_ARGS);
        }
        if let Some(blk) = self.blocks[ops.len()] {
            self.b.switch_to_block(blk);
            let p = self.propagate_block();
            self.b.ins().jump(p, NO_ARGS);
        }
        self.finish_exits();
        self.b.seal_all_blocks();
        self.b.finalize(self.tcfg);
        (self.compared.unwrap_or_default(), self.roots)
    }

    fn block_at(&self, pc: u32) -> Block {
        self.blocks[pc as usize].expect("a block starts at every jump target")
    }

    /// The block that returns [`EXCEPTION`] to the caller (filled in by [`Self::finish_exits`]:
    /// the builder must not leave a block it has not terminated).
    pub(super) fn propagate_block(&mut self) -> Block {
        if let Some(p) = self.propagate {
            return p;
        }
        let p = self.b.create_block();
        self.b.set_cold_block(p);
        self.propagate = Some(p);
        p
    }

    /// Where an exception raised by the instruction at `pc` goes: its handler's landing
    /// block (filled in by [`Self::finish_exits`]), or back to the caller.
    fn exception_target(&mut self, pc: u32) -> Block {
        let handlers: &[Handler] = &self.code.block.handlers;
        let Some(hi) = handlers.iter().position(|h| h.start <= pc && pc < h.end) else {
            return self.propagate_block();
        };
        if let Some(l) = self.landings[hi] {
            return l;
        }
        let landing = self.b.create_block();
        self.b.set_cold_block(landing);
        self.landings[hi] = Some(landing);
        landing
    }

    /// Emits the landing blocks used (enter the handler, or propagate a termination) and the
    /// propagation block, once every instruction is translated.
    pub(super) fn finish_exits(&mut self) {
        for hi in 0..self.landings.len() {
            let Some(landing) = self.landings[hi] else { continue };
            let h = self.code.block.handlers[hi];
            self.b.switch_to_block(landing);
            let creg = self.b.ins().iconst(types::I32, h.context_reg as i64);
            let v = self.call_rt(CallRefs::catch, &[self.rt, self.fp, creg]);
            let handler = self.block_at(h.handler);
            let caught = self.b.create_block();
            let is_exc = self.b.ins().icmp_imm_s(IntCC::Equal, v, EXCEPTION as i64);
            let propagate = self.propagate_block();
            self.b.ins().brif(is_exc, propagate, NO_ARGS, caught, NO_ARGS);
            self.b.switch_to_block(caught);
            if self.handler_takes_exception {
                self.b.ins().jump(handler, &[cranelift_codegen::ir::BlockArg::Value(v)]);
            } else {
                self.b.def_var(self.acc, v);
                self.b.ins().jump(handler, NO_ARGS);
            }
        }
        if let Some(p) = self.propagate {
            self.b.switch_to_block(p);
            let e = self.b.ins().iconst(types::I64, EXCEPTION as i64);
            self.b.ins().return_(&[e]);
        }
    }

    /// Continues in a new block unless `v` is [`EXCEPTION`].
    pub(super) fn check_exception(&mut self, v: CValue, pc: u32) {
        let ok = self.b.create_block();
        self.exception_or(v, pc, ok);
        self.b.switch_to_block(ok);
    }

    /// Ends the block: to the exception's target if `v` is [`EXCEPTION`], else to `next`
    /// (straight to a slow path's join: no block of its own to jump from).
    fn exception_or(&mut self, v: CValue, pc: u32, next: Block) {
        let target = self.exception_target(pc);
        let is_exc = self.b.ins().icmp_imm_s(IntCC::Equal, v, EXCEPTION as i64);
        self.b.ins().brif(is_exc, target, NO_ARGS, next, NO_ARGS);
    }

    fn load_reg(&mut self, r: Reg) -> CValue {
        self.b.ins().load(types::I64, MemFlagsData::trusted(), self.frame, reg_offset(r))
    }

    fn store_reg(&mut self, r: Reg, v: CValue) {
        self.b.ins().store(MemFlagsData::trusted(), v, self.frame, reg_offset(r));
    }

    fn set_acc_const(&mut self, v: Value) {
        let c = self.b.ins().iconst(types::I64, v.to_bits() as i64);
        self.b.def_var(self.acc, c);
    }

    /// The instruction at `pc` through the interpreter (its result in the accumulator); the
    /// simplest without entering its loop (see `runtime_calls::runs_directly`).
    fn step_call(&mut self, pc: u32) {
        let ok = self.b.create_block();
        self.step_call_to(pc, ok);
        self.b.switch_to_block(ok);
    }

    /// [`Self::step_call`], ending the block with a branch to `next` (or the exception's
    /// target).
    fn step_call_to(&mut self, pc: u32, next: Block) {
        let acc = self.b.use_var(self.acc);
        let pcv = self.b.ins().iconst(types::I32, pc as i64);
        let f = if super::runtime_calls::runs_directly(self.code.block.ops[pc as usize]) {
            self.rt_call(CallRefs::exec)
        } else {
            self.rt_call(CallRefs::step)
        };
        let call = self.b.ins().call(f, &[self.rt, self.fp, pcv, acc]);
        let r = self.b.inst_results(call)[0];
        self.b.def_var(self.acc, r);
        self.exception_or(r, pc, next);
    }

    /// The work of the jumping instruction `op` at `pc`, but not its jump: where it goes is
    /// left in `Jit::next_pc` (for [`Self::branch_to_next_pc`], or the optimizing tier's
    /// graph, to follow).
    pub(super) fn jumping_op_call(&mut self, pc: u32, op: Op) {
        match op {
            Op::IteratorStep { iter, done, .. } => {
                let regs = self.b.ins().iadd_imm_s(self.frame, reg_offset(iter) as i64);
                let done = self.b.ins().iconst(types::I64, done.0 as i64);
                self.site_call(pc, SiteOp::IteratorStep, &[regs, done]);
            }
            _ => self.step_call(pc),
        }
    }

    /// The instruction at `pc` (which does not jump) through the interpreter, then to `next`.
    fn step_to(&mut self, pc: u32, op: Op, next: Block) {
        debug_assert!(op.jump_target().is_none(), "{} jumps", op.name());
        self.step_call_to(pc, next);
    }

    /// The instruction at `pc` through the interpreter; follows its jump if it took it.
    fn step(&mut self, pc: u32, op: Op) {
        self.step_call(pc);
        if let Some(t) = op.jump_target() {
            self.branch_to_next_pc(pc, t.0);
        }
    }

    /// Ends the block with a branch to `target` or the next instruction, whichever
    /// `Jit::next_pc` names (set by the runtime call just made for the instruction at `pc`).
    fn branch_to_next_pc(&mut self, pc: u32, target: u32) {
        let next = self.b.ins().load(types::I32, MemFlagsData::trusted(), self.rt, next_pc_offset());
        let taken = self.b.ins().icmp_imm_s(IntCC::Equal, next, target as i64);
        let target = self.block_at(target);
        let fall = self.block_at(pc + 1);
        self.b.ins().brif(taken, target, NO_ARGS, fall, NO_ARGS);
        self.terminated = true;
    }

    /// The runtime call `pick` names (a [`CallRefs`] method), imported on first use.
    pub(super) fn rt_call(&mut self, pick: impl FnOnce(&mut CallRefs<'a>, &mut Function) -> FuncRef) -> FuncRef {
        pick(&mut self.calls, self.b.func)
    }

    /// Calls the runtime function `pick` names with `args`; its one result.
    pub(super) fn call_rt(&mut self, pick: impl FnOnce(&mut CallRefs<'a>, &mut Function) -> FuncRef, args: &[CValue]) -> CValue {
        let f = self.rt_call(pick);
        let call = self.b.ins().call(f, args);
        self.b.inst_results(call)[0]
    }

    /// The shared stub of equality operator `op`, imported on first use.
    pub(super) fn equality_stub(&mut self, op: EqualityOp) -> FuncRef {
        self.stub(|s, f| s.equality(op, f))
    }

    /// The stub `pick` names (a [`StubRefs`] method), imported on first use.
    fn stub(&mut self, pick: impl FnOnce(&mut StubRefs<'a>, &mut Function) -> FuncRef) -> FuncRef {
        pick(&mut self.stubs, self.b.func)
    }

    pub(super) fn i32c(&mut self, v: impl Into<i64>) -> CValue {
        self.b.ins().iconst(types::I32, v.into())
    }

    /// Calls runtime function `f` for the instruction at `pc` with `(runtime, fp, pc, acc,
    /// extra...)`; its result (unless an exception) is the new accumulator.
    fn op_call(&mut self, pc: u32, f: impl FnOnce(&mut CallRefs<'a>, &mut Function) -> FuncRef, extra: &[i64]) {
        let ok = self.b.create_block();
        self.op_call_to(pc, f, extra, ok);
        self.b.switch_to_block(ok);
    }

    /// [`Self::op_call`], ending the block with a branch to `next` (or the exception's target).
    fn op_call_to(&mut self, pc: u32, f: impl FnOnce(&mut CallRefs<'a>, &mut Function) -> FuncRef, extra: &[i64], next: Block) {
        let f = self.rt_call(f);
        let acc = self.b.use_var(self.acc);
        let pcv = self.i32c(pc);
        let mut args = vec![self.rt, self.fp, pcv, acc];
        for e in extra {
            let v = self.i32c(*e);
            args.push(v);
        }
        let call = self.b.ins().call(f, &args);
        let r = self.b.inst_results(call)[0];
        self.b.def_var(self.acc, r);
        self.exception_or(r, pc, next);
    }

    /// The address of the mirror of property or global feedback `slot`, as a constant.
    fn mirror_of(&mut self, slot: usize) -> CValue {
        self.b.ins().iconst(types::I64, self.code.feedback.mirror_addr(slot) as i64)
    }

    /// The instruction at `pc` by its site stub `op` ([`super::site_stub`]), called with
    /// `(runtime, fp, pc, acc, extra...)`; its result (unless an exception) is the new
    /// accumulator.
    fn site_call(&mut self, pc: u32, op: SiteOp, extra: &[CValue]) {
        let ok = self.b.create_block();
        self.site_call_to(pc, op, extra, ok);
        self.b.switch_to_block(ok);
    }

    /// [`Self::site_call`], then to `done` (unless an exception).
    fn site_call_to(&mut self, pc: u32, op: SiteOp, extra: &[CValue], done: Block) {
        let f = self.stub(|s, func| s.site(op, func));
        let acc = self.b.use_var(self.acc);
        let pcv = self.i32c(pc);
        let mut args = [self.rt, self.fp, pcv, acc, acc, acc];
        args[4..4 + extra.len()].copy_from_slice(extra);
        let call = self.b.ins().call(f, &args[..4 + extra.len()]);
        let r = self.b.inst_results(call)[0];
        self.b.def_var(self.acc, r);
        self.exception_or(r, pc, done);
    }

    /// `Call`/`CallUndefined` (any other `op` is a bug) through the direct-call sequence
    /// ([`super::call_stub`]), else the runtime call `jit_call`. The sequence is the shared stub,
    /// reading the site's mirror at run time; or, with `known` (the optimizing tier's known
    /// calls), emitted in place with that mirror's values as constants.
    pub(super) fn call(&mut self, pc: u32, op: Op, known: Option<&CallIcMirror>) {
        let (argc, slot) = match op {
            Op::Call { argc, slot, .. } | Op::CallUndefined { argc, slot, .. } => (argc, slot.index()),
            _ => unreachable!("call of {op:?}"),
        };
        match known {
            // Arguments beyond the parameters go after the registers: left to `jit_call`.
            Some(m) if argc > m.params => self.op_call(pc, CallRefs::call, &[]),
            Some(m) => {
                let from = KnownCaller { frame: self.frame, fp: self.fp, inlined: None };
                self.known_call(pc, op, m, from, None);
            }
            None => {
                let (frame, fp) = (self.frame, self.fp);
                let mirror = self.code.feedback.call_mirror_addr(slot);
                let Some(seen) = self.seen_callee(slot, op) else {
                    let r = self.stub_call(pc, op, frame, fp, mirror);
                    self.b.def_var(self.acc, r);
                    self.check_exception(r, pc);
                    return;
                };
                let f = match seen {
                    // The closure the site has seen: its call emitted in place, as the
                    // optimizing tier emits a known call, with the stub for any other callee.
                    Seen::Closure(f, m) => {
                        self.known_call(pc, op, &m, KnownCaller { frame, fp, inlined: None }, Some(mirror));
                        f
                    }
                    Seen::Math(f, m) => {
                        self.math_call(pc, op, f, m, mirror);
                        f
                    }
                    Seen::Builtin(f, _) | Seen::Native(f) => {
                        self.native_call(pc, op, seen, mirror);
                        f
                    }
                };
                self.compared.get_or_insert_default().push(f);
            }
        }
    }

    /// The one callee the plain call `op` (call feedback slot `slot`) has seen, when the
    /// baseline shapes the call by it ([`Self::compared`]): a closure that may be called
    /// directly with these arguments, when calls are made in place; a built-in method, called
    /// with a receiver and its argument count, that has a direct path; any other native
    /// function.
    fn seen_callee(&self, slot: usize, op: Op) -> Option<Seen> {
        self.compared.as_ref()?;
        let (_, _, argc, undefined_this) = call_operands(op);
        let Feedback::Call(CallFeedback::Monomorphic(f)) = self.code.feedback.slots[slot].data else { return None };
        match &f.kind {
            ObjectKind::Closure(c) => {
                (self.calls_in_place && c.call.closure != 0 && argc <= c.call.params).then_some(Seen::Closure(f, c.call))
            }
            ObjectKind::Native(_) => match (BuiltinMethod::of(f, argc), BuiltinCall::of(f, argc, !undefined_this)) {
                (Some(m), _) if !undefined_this => Some(Seen::Builtin(f, m)),
                (_, Some(m @ (BuiltinCall::Unary(_) | BuiltinCall::Binary(_) | BuiltinCall::Imul))) => Some(Seen::Math(f, m)),
                _ => Some(Seen::Native(f)),
            },
            _ => None,
        }
    }

    /// The one closure a `Construct` site (call feedback slot `slot`, `argc` arguments) has
    /// seen, when the baseline constructs it in place ([`Self::calls_in_place`]): a base
    /// constructor with at least `argc` parameters. With its mirror.
    fn seen_constructor(&self, slot: usize, argc: u32) -> Option<(Gc<JsObject>, CallIcMirror)> {
        if !self.calls_in_place || self.compared.is_none() {
            return None;
        }
        let Feedback::Call(CallFeedback::Monomorphic(f)) = self.code.feedback.slots[slot].data else { return None };
        let m = crate::interpreter::ops::construct_mirror(f)?;
        (argc <= m.params).then_some((f, m))
    }

    /// `Call` `op` at `pc` of the `Math` function `f` computing `m`: inline when the callee
    /// is `f` and the arguments it reads are numbers (int32s for `imul`), its result boxed as
    /// the function boxes it; otherwise the direct-call stub through the site's mirror at
    /// address `mirror`.
    fn math_call(&mut self, pc: u32, op: Op, f: Gc<JsObject>, m: BuiltinCall, mirror: usize) {
        let (callee, this_reg, _, _) = call_operands(op);
        let (slow, done) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(slow);
        let fv = self.load_reg(callee);
        let other = self.b.ins().icmp_imm_s(IntCC::NotEqual, fv, Value::object(f).to_bits() as i64);
        self.miss_if(other, slow);
        let x = self.load_reg(this_reg.offset(1));
        let r = match m {
            BuiltinCall::Unary(k) => {
                let num = self.is_number(x);
                self.miss_if_not(num, slow);
                let d = self.to_f64(x);
                let r = number::float64_fn(&mut self.b, k, d);
                self.box_f64(r)
            }
            BuiltinCall::Binary(k) => {
                let y = self.load_reg(this_reg.offset(2));
                let (nx, ny) = (self.is_number(x), self.is_number(y));
                let both = self.b.ins().band(nx, ny);
                self.miss_if_not(both, slow);
                let (dx, dy) = (self.to_f64(x), self.to_f64(y));
                let r = match k {
                    Float64Op::Min => self.b.ins().fmin(dx, dy),
                    _ => self.b.ins().fmax(dx, dy),
                };
                self.box_f64(r)
            }
            _ => {
                let y = self.load_reg(this_reg.offset(2));
                let ints = number::both_int(&mut self.b, x, y);
                self.miss_if_not(ints, slow);
                let (ix, iy) = (self.b.ins().ireduce(types::I32, x), self.b.ins().ireduce(types::I32, y));
                let r = self.b.ins().imul(ix, iy);
                self.box_int(r)
            }
        };
        self.b.def_var(self.acc, r);
        self.b.ins().jump(done, NO_ARGS);
        self.b.switch_to_block(slow);
        let r = self.stub_call(pc, op, self.frame, self.fp, mirror);
        self.b.def_var(self.acc, r);
        self.exception_or(r, pc, done);
        self.b.switch_to_block(done);
    }

    /// The `u32` length at `p + offset` into the accumulator as an int32 (branches to `miss`
    /// when it is not one).
    fn length_to_acc(&mut self, p: CValue, offset: i32, miss: Block) {
        let len = self.b.ins().load(types::I32, MemFlagsData::trusted(), p, offset);
        let big = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, len, 0);
        self.miss_if(big, miss);
        let v = self.box_int(len);
        self.b.def_var(self.acc, v);
    }

    /// Continues in a new block when `cond` holds, else branches to `miss`.
    fn miss_if_not(&mut self, cond: CValue, miss: Block) {
        exit_unless(&mut self.b, cond, miss);
    }

    /// `Call` `op` at `pc` of the native function `seen` names: when the callee is that
    /// function, a built-in method's direct path (`jit_call_builtin`, which takes only
    /// receivers it handles and runs no JavaScript), else the native's call without the
    /// instruction's decoding (`jit_call_native`); for any other callee or receiver, the
    /// direct-call stub through the site's mirror at address `mirror`.
    fn native_call(&mut self, pc: u32, op: Op, seen: Seen, mirror: usize) {
        let (callee, this_reg, argc, undefined_this) = call_operands(op);
        let (direct, slow, done) = (self.b.create_block(), self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(slow);
        let (Seen::Builtin(f, _) | Seen::Native(f)) = seen else { unreachable!("a native callee") };
        let fv = self.load_reg(callee);
        let is_f = self.b.ins().icmp_imm_s(IntCC::Equal, fv, Value::object(f).to_bits() as i64);
        self.b.ins().brif(is_f, direct, NO_ARGS, slow, NO_ARGS);
        self.b.switch_to_block(direct);
        let this =
            if undefined_this { self.b.ins().iconst(types::I64, Value::UNDEFINED.to_bits() as i64) } else { self.load_reg(this_reg) };
        if let Seen::Builtin(_, m) = seen {
            let undef = self.b.ins().iconst(types::I64, Value::UNDEFINED.to_bits() as i64);
            let mut args = [undef; 2];
            for (i, a) in args.iter_mut().enumerate().take(argc as usize) {
                *a = self.load_reg(this_reg.offset(1 + i as u32));
            }
            let which = self.i32c(m as i64);
            let r = self.call_rt(CallRefs::call_builtin, &[self.rt, which, this, args[0], args[1]]);
            self.b.def_var(self.acc, r);
            let handled = self.b.ins().icmp_imm_s(IntCC::NotEqual, r, NOT_HANDLED as i64);
            self.b.ins().brif(handled, done, NO_ARGS, slow, NO_ARGS);
        } else {
            let acc = self.b.use_var(self.acc);
            let pcv = self.i32c(pc);
            let args = self.b.ins().iadd_imm_s(self.frame, reg_offset(this_reg.offset(1)) as i64);
            let (fc, argcv) = (self.b.ins().iconst(types::I64, Value::object(f).to_bits() as i64), self.i32c(argc));
            let r = self.call_rt(CallRefs::call_native, &[self.rt, self.fp, pcv, acc, fc, this, args, argcv]);
            self.b.def_var(self.acc, r);
            self.exception_or(r, pc, done);
        }
        self.b.switch_to_block(slow);
        let r = self.stub_call(pc, op, self.frame, self.fp, mirror);
        self.b.def_var(self.acc, r);
        self.exception_or(r, pc, done);
        self.b.switch_to_block(done);
    }

    /// The operands of the call `op` (`Call` or `CallUndefined`) at `pc` of the frame at
    /// `frame` (index `fp`), for [`call_stub::emit_call`].
    fn call_site(&mut self, pc: u32, op: Op, frame: CValue, fp: CValue) -> CallSite {
        let (callee, this_reg, argc, undefined_this) = call_operands(op);
        let fl = MemFlagsData::trusted();
        CallSite {
            rt: self.rt,
            frame,
            fp,
            pc: Known::Const(pc.into()),
            callee: self.b.ins().load(types::I64, fl, frame, reg_offset(callee)),
            this: if undefined_this {
                Known::Const(Value::UNDEFINED.to_bits() as i64)
            } else {
                Known::Dyn(self.b.ins().load(types::I64, fl, frame, reg_offset(this_reg)))
            },
            args: self.b.ins().iadd_imm_s(frame, reg_offset(this_reg.offset(1)) as i64),
            argc: Known::Const(argc.into()),
            construct: false,
        }
    }

    /// `this` for `new` of the constructor `f` (a constant) that `n` describes: checks the
    /// constructor's shape and that its `prototype` slot holds the prototype `n` assumed, then
    /// allocates an object of `n`'s shape (`jit_create_object`), with no property lookup. To
    /// `miss` when a check fails.
    pub(crate) fn create_known_this(&mut self, f: Value, n: &NewThis, miss: Block) -> CValue {
        let fl = MemFlagsData::trusted();
        let fp = self.b.ins().iconst(types::I64, (f.to_bits() & PAYLOAD_MASK as u64) as i64);
        let shape = self.b.ins().load(types::I64, fl, fp, OBJECT_SHAPE_OFFSET);
        let (same, same_proto) = (self.b.create_block(), self.b.create_block());
        let ok = self.b.ins().icmp_imm_s(IntCC::Equal, shape, n.fn_shape as i64);
        self.b.ins().brif(ok, same, NO_ARGS, miss, NO_ARGS);
        self.b.switch_to_block(same);
        let at = emit_fixed_slot_address(&mut self.b, fp, n.slot);
        let proto = self.b.ins().load(types::I64, fl, at, 0);
        let ok = self.b.ins().icmp_imm_s(IntCC::Equal, proto, n.proto.to_bits() as i64);
        self.b.ins().brif(ok, same_proto, NO_ARGS, miss, NO_ARGS);
        self.b.switch_to_block(same_proto);
        let shape = self.b.ins().iconst(types::I64, n.shape as i64);
        self.call_rt(CallRefs::create_object, &[self.rt, shape])
    }

    /// `Construct` `op` at `pc` of the closure `m` describes (a base constructor taking at
    /// least the call's arguments, see `ops::construct_mirror`), the one the site has seen:
    /// when the callee is that closure, `this` made from its `prototype` (as it was when
    /// compiled: [`Self::create_known_this`]; else `jit_create_this`) and its frame pushed in
    /// place as a known call's; otherwise, or when the runtime has work, the runtime's
    /// `Construct` (`jit_construct`). The result is the callee's when an object, else `this`.
    fn known_construct(&mut self, pc: u32, op: Op, f: Gc<JsObject>, m: &CallIcMirror) {
        let Op::Construct { callee, args, argc, slot } = op else { unreachable!("construct of {op:?}") };
        let (slow, done) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(slow);
        let fv = self.load_reg(callee);
        let other = self.b.ins().icmp_imm_s(IntCC::NotEqual, fv, m.closure as i64);
        self.miss_if(other, slow);
        let (lookup, made) = (self.b.create_block(), self.b.create_block());
        let this = self.b.append_block_param(made, types::I64);
        self.b.set_cold_block(lookup);
        match self.prototype.and_then(|key| NewThis::of(f, key)) {
            Some((new, p, root)) => {
                self.compared.get_or_insert_default().push(p);
                self.roots.push(root);
                let o = self.create_known_this(Value::object(f), &new, lookup);
                self.b.ins().jump(made, &[BlockArg::Value(o)]);
            }
            None => {
                self.b.ins().jump(lookup, NO_ARGS);
            }
        }
        self.b.switch_to_block(lookup);
        // (Any shape: the code assumes none.)
        let any_shape = self.b.ins().iconst(types::I64, 0);
        let o = self.call_rt(CallRefs::create_this, &[self.rt, fv, any_shape]);
        let failed = self.b.ins().icmp_imm_s(IntCC::Equal, o, 0);
        self.miss_if(failed, slow);
        self.b.ins().jump(made, &[BlockArg::Value(o)]);
        self.b.switch_to_block(made);
        let site = CallSite {
            rt: self.rt,
            frame: self.frame,
            fp: self.fp,
            pc: Known::Const(pc.into()),
            callee: fv,
            this: Known::Dyn(this),
            args: self.b.ins().iadd_imm_s(self.frame, reg_offset(args) as i64),
            argc: Known::Const(argc.into()),
            construct: true,
        };
        let sig = self.b.func.signature.clone();
        let r = call_stub::emit_call(&mut self.b, sig, &site, Mirror::Fixed(m), slow);
        // (`this` stayed alive in the callee's frame while it ran; nothing collects since.)
        let tag = self.b.ins().ushr_imm_s(r, 48);
        let is_obj = self.b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_OBJECT);
        let v = self.b.ins().select(is_obj, r, this);
        self.b.def_var(self.acc, v);
        self.exception_or(r, pc, done);
        self.b.switch_to_block(slow);
        self.op_call_to(pc, CallRefs::construct, &[callee.0 as i64, args.0 as i64, argc as i64, slot.index() as i64], done);
        self.b.switch_to_block(done);
    }

    /// `Call`/`CallUndefined` at `pc` of the frame at `frame` (index `fp`), whose site's mirror
    /// is at `mirror`, through the direct-call stub ([`super::call_stub`]): its result (or
    /// `EXCEPTION`).
    fn stub_call(&mut self, pc: u32, op: Op, frame: CValue, fp: CValue, mirror: usize) -> CValue {
        let (callee, this_reg, argc, undefined_this) = call_operands(op);
        let fl = MemFlagsData::trusted();
        let mirror = self.b.ins().iconst(types::I64, mirror as i64);
        let f = self.b.ins().load(types::I64, fl, frame, reg_offset(callee));
        let this = if undefined_this {
            self.b.ins().iconst(types::I64, Value::UNDEFINED.to_bits() as i64)
        } else {
            self.b.ins().load(types::I64, fl, frame, reg_offset(this_reg))
        };
        let args = self.b.ins().iadd_imm_s(frame, reg_offset(this_reg.offset(1)) as i64);
        let pcv = self.i32c(pc);
        let argcv = self.b.ins().iconst(types::I64, argc as i64);
        let stub = self.stub(StubRefs::call);
        let call = self.b.ins().call(stub, &[self.rt, frame, fp, pcv, mirror, f, this, args, argcv]);
        self.b.inst_results(call)[0]
    }

    /// A call of the closure `m` describes (the site `pc` of `from`'s function, `Call` or
    /// `CallUndefined` with at most its parameter count of arguments): the direct-call sequence
    /// emitted in place, else the direct-call stub through the site's mirror at address
    /// `stub_mirror` if given, or `jit_call`. Its result is the new accumulator.
    pub(super) fn known_call(&mut self, pc: u32, op: Op, m: &CallIcMirror, from: KnownCaller, stub_mirror: Option<usize>) {
        let (slow, done) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(slow);
        let site = self.call_site(pc, op, from.frame, from.fp);
        // Compiled functions all have this function's signature (`JitFn`).
        let sig = self.b.func.signature.clone();
        let r = call_stub::emit_call(&mut self.b, sig, &site, Mirror::Fixed(m), slow);
        self.after_known_call(r, pc, &from, done);
        // Anything else: the stub, or the runtime's call, which reads the site's operands in
        // `from`'s frame.
        self.b.switch_to_block(slow);
        let r = match stub_mirror {
            Some(mirror) => self.stub_call(pc, op, from.frame, from.fp, mirror),
            None => {
                let f = self.rt_call(CallRefs::call);
                let acc = self.b.use_var(self.acc);
                let pcv = self.i32c(pc);
                let call = self.b.ins().call(f, &[self.rt, from.fp, pcv, acc]);
                self.b.inst_results(call)[0]
            }
        };
        self.after_known_call(r, pc, &from, done);
        self.b.switch_to_block(done);
    }

    /// The instruction at `pc` of an inlined callee (`call_mirror`: the address of its call
    /// site's mirror, for a call), run in its frame as the baseline tier runs it when it has no
    /// inline path for it: a call through the direct-call stub, anything else by the
    /// interpreter's code (see `Lowering::write_inlined_frames`). Its result is the new
    /// accumulator.
    pub(super) fn inlined_step(&mut self, pc: u32, op: Op, from: KnownCaller, call_mirror: usize) {
        let r = match op {
            Op::Call { .. } | Op::CallUndefined { .. } => self.stub_call(pc, op, from.frame, from.fp, call_mirror),
            _ => {
                let f = if super::runtime_calls::runs_directly(op) { self.rt_call(CallRefs::exec) } else { self.rt_call(CallRefs::step) };
                let acc = self.b.use_var(self.acc);
                let pcv = self.i32c(pc);
                let call = self.b.ins().call(f, &[self.rt, from.fp, pcv, acc]);
                self.b.inst_results(call)[0]
            }
        };
        let done = self.b.create_block();
        self.after_known_call(r, pc, &from, done);
        self.b.switch_to_block(done);
    }

    /// After a known call's result `r`: the runtime's frame and stack top back to this
    /// function's (a call made from an inlined frame left them at that frame's), then to
    /// `done` with the result, or to the exception's target.
    fn after_known_call(&mut self, r: CValue, pc: u32, from: &KnownCaller, done: Block) {
        let fl = MemFlagsData::trusted();
        let pc = match from.inlined {
            Some(InlinedCaller { root_pc, sp }) => {
                self.b.ins().store(fl, self.fp, self.rt, call_stub::rt_offset(RtField::Fp));
                self.b.ins().store(fl, sp, self.rt, call_stub::rt_offset(RtField::Sp));
                root_pc
            }
            None => pc,
        };
        self.b.def_var(self.acc, r);
        self.exception_or(r, pc, done);
    }

    /// 1 (as i8) when both operands are int32s; `known`: which of them are known to be.
    fn operands_int(&mut self, a: CValue, b: CValue, known: (bool, bool)) -> CValue {
        match known {
            (true, true) => self.b.ins().iconst(types::I8, 1),
            (true, false) => self.is_int(b),
            (false, true) => self.is_int(a),
            (false, false) => self.both_int(a, b),
        }
    }

    /// 1 (as i8) when `v` is an int32.
    fn is_int(&mut self, v: CValue) -> CValue {
        number::is_int(&mut self.b, v)
    }

    /// Is the accumulator known to be an int32 here?
    fn acc_known_int(&self) -> bool {
        self.acc_fact == AccFact::Int
    }

    /// 1 (as i8) when both values are int32s.
    pub(super) fn both_int(&mut self, a: CValue, b: CValue) -> CValue {
        number::both_int(&mut self.b, a, b)
    }

    pub(super) fn box_int(&mut self, i32v: CValue) -> CValue {
        number::box_int(&mut self.b, i32v)
    }

    /// `fast` computes the result from two int32 operands (returning the result and an
    /// overflow flag, or no flag); anything else, or overflow, runs the interpreter's
    /// instruction.
    fn int_binary(
        &mut self,
        pc: u32,
        op: Op,
        (lhs, rhs, known): (CValue, CValue, (bool, bool)),
        fast: impl FnOnce(&mut Self, CValue, CValue) -> (CValue, Option<CValue>),
    ) {
        self.numeric_binary(pc, op, (lhs, rhs, known), fast, None);
    }

    /// As [`Self::int_binary`], plus `double`: anything but two int32s (and int32 overflow)
    /// first by that operation's stub ([`super::site_stub::emit_number_stub`]), which computes
    /// on two numbers in doubles. `known`: which operands are known to be int32s.
    fn numeric_binary(
        &mut self,
        pc: u32,
        op: Op,
        (lhs, rhs, known): (CValue, CValue, (bool, bool)),
        fast: impl FnOnce(&mut Self, CValue, CValue) -> (CValue, Option<CValue>),
        double: Option<NumberOp>,
    ) {
        let done = self.b.create_block();
        if let Some(double) = double {
            // Feedback that saw other numbers than int32s (as when compiling a loop over
            // doubles): the stub is the common path, an int32 check in front would be a miss
            // at each run and instructions for Cranelift to compile.
            let kind = self.numeric_feedback(op).unwrap_or_default();
            if known != (true, true) && kind >= NumericKind::Number {
                if kind >= NumericKind::String {
                    // Strings (a concatenation, a comparison of strings): the interpreter's code.
                    self.step_to(pc, op, done);
                } else if double.inline_on_doubles() {
                    // Arithmetic and comparisons of two numbers inline (a stub call costs
                    // more than the operation: mandelbrot spent two thirds of its time in
                    // them); anything else by the stub.
                    self.fast_or_slow(
                        |t, miss| {
                            let v = number::numbers_or(&mut t.b, lhs, rhs, miss, |b, x, y| double.emit(b, x, y, miss));
                            t.b.def_var(t.acc, v);
                        },
                        |t, done| t.number_site_call(pc, op, (lhs, rhs), double, done),
                    );
                    self.b.ins().jump(done, NO_ARGS);
                } else {
                    self.number_site_call(pc, op, (lhs, rhs), double, done);
                }
                self.b.switch_to_block(done);
                return;
            }
        }
        let (fast_blk, slow) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(slow);
        let both = self.operands_int(lhs, rhs, known);
        self.b.ins().brif(both, fast_blk, NO_ARGS, slow, NO_ARGS);
        self.b.switch_to_block(fast_blk);
        let x = self.b.ins().ireduce(types::I32, lhs);
        let y = self.b.ins().ireduce(types::I32, rhs);
        let (r, overflow) = fast(self, x, y);
        // The slow path reads the accumulator: define the result only once it is final.
        if let Some(of) = overflow {
            let ok = self.b.create_block();
            self.b.ins().brif(of, slow, NO_ARGS, ok, NO_ARGS);
            self.b.switch_to_block(ok);
        }
        self.see_numeric(op, NumericKind::Int32);
        self.b.def_var(self.acc, r);
        self.b.ins().jump(done, NO_ARGS);
        self.b.switch_to_block(slow);
        match double {
            Some(double) => self.number_site_call(pc, op, (lhs, rhs), double, done),
            None => self.step_to(pc, op, done),
        }
        self.b.switch_to_block(done);
    }

    /// Two numbers (or int32 overflow, which the stub computes in doubles) by the operation's
    /// site stub, which runs the interpreter's code for anything else; then to `done`. The
    /// operands are `lhs op acc`.
    fn number_site_call(&mut self, pc: u32, op: Op, (lhs, rhs): (CValue, CValue), double: NumberOp, done: Block) {
        debug_assert!(super::runtime_calls::runs_directly(op), "{op:?}: the stub falls back on jit_exec");
        let seen = match self.compiled_seen(op, NumericKind::Number) {
            Some(addr) => addr,
            None => self.b.ins().iconst(types::I64, 0),
        };
        let stub = self.stub(|s, f| s.number_site(double, f));
        let pcv = self.b.ins().iconst(types::I32, pc as i64);
        let call = self.b.ins().call(stub, &[self.rt, self.fp, pcv, rhs, lhs, seen]);
        let r = self.b.inst_results(call)[0];
        self.b.def_var(self.acc, r);
        self.exception_or(r, pc, done);
    }

    /// The operand kinds the interpreter's feedback recorded for `op` when compiling, if its
    /// slot is an arithmetic or comparison one.
    fn numeric_feedback(&self, op: Op) -> Option<NumericKind> {
        match &self.code.feedback.slots[op.feedback_slot()?.0 as usize].data {
            Feedback::Binary(n) | Feedback::Compare(n) => Some(n.kind),
            _ => None,
        }
    }

    /// Records in the feedback that the inline path of `op` saw operands of kind `k` (`Int32`
    /// or `Number`), unless the interpreter's feedback already says so when compiling.
    fn see_numeric(&mut self, op: Op, k: NumericKind) {
        if let Some(addr) = self.compiled_seen(op, k) {
            let bit = if k == NumericKind::Int32 { COMPILED_SAW_INT32 } else { COMPILED_SAW_NUMBER };
            let bit = self.b.ins().iconst(types::I32, bit as i64);
            self.or_byte(addr, bit);
        }
    }

    /// [`Self::see_numeric`] of a number that is an int32 when `int` (an i8) holds.
    fn see_numeric_of(&mut self, op: Op, int: CValue) {
        if let Some(addr) = self.compiled_seen(op, NumericKind::Number) {
            let (i, n) = (self.i32c(COMPILED_SAW_INT32), self.i32c(COMPILED_SAW_NUMBER));
            let bit = self.b.ins().select(int, i, n);
            self.or_byte(addr, bit);
        }
    }

    /// The address of `op`'s [`FeedbackVector::compiled_seen`] byte, unless its feedback
    /// already shows kind `k` when compiling.
    fn compiled_seen(&mut self, op: Op, k: NumericKind) -> Option<CValue> {
        let known = self.numeric_feedback(op)?;
        let slot = op.feedback_slot()?.0 as usize;
        (known < k).then(|| self.b.ins().iconst(types::I64, self.code.feedback.compiled_seen_addr(slot) as i64))
    }

    /// `*addr |= bit` on a byte.
    fn or_byte(&mut self, addr: CValue, bit: CValue) {
        let fl = MemFlagsData::trusted();
        let seen = self.b.ins().uload8(types::I32, fl, addr, 0);
        let seen = self.b.ins().bor(seen, bit);
        self.b.ins().istore8(fl, seen, addr, 0);
    }

    /// 1 (as i8) when `v` is a number (a double or an int32).
    pub(super) fn is_number(&mut self, v: CValue) -> CValue {
        number::is_number(&mut self.b, v)
    }

    /// A number value as f64.
    pub(super) fn to_f64(&mut self, v: CValue) -> CValue {
        number::to_f64(&mut self.b, v)
    }

    /// Boxes an f64 as `Value::from_f64` does.
    pub(super) fn box_f64(&mut self, d: CValue) -> CValue {
        number::box_f64(&mut self.b, d)
    }

    /// `lhs op acc` for `+ - * /`: `int` handles two int32s (see [`Self::int_binary`]), the
    /// operation's stub any other pair of numbers, the interpreter everything else.
    fn arith(&mut self, pc: u32, op: Op, lhs: Reg, int: impl FnOnce(&mut Self, CValue, CValue) -> (CValue, Option<CValue>)) {
        let l = self.load_reg(lhs);
        let r = self.b.use_var(self.acc);
        let double = match op {
            Op::Add { .. } => NumberOp::Add,
            Op::Sub { .. } => NumberOp::Sub,
            Op::Mul { .. } => NumberOp::Mul,
            _ => NumberOp::Div,
        };
        let known = (false, self.acc_known_int());
        self.numeric_binary(pc, op, (l, r, known), int, Some(double));
    }

    /// The address of slot `index` of the context `depth` levels up from the frame's current
    /// one (the compiler resolved the slot, so the chain and the slot exist).
    pub(super) fn context_slot_address(&mut self, depth: u32, index: u32) -> CValue {
        let fl = MemFlagsData::trusted();
        let v = self.b.ins().load(types::I64, fl, self.frame, (CONTEXT_SLOT * 8) as i32);
        let mut c = self.b.ins().band_imm_s(v, PAYLOAD_MASK);
        for _ in 0..depth {
            c = self.b.ins().load(types::I64, fl, c, Context::PARENT_OFFSET as i32);
        }
        let slots = self.b.ins().load(types::I64, fl, c, Context::SLOTS_OFFSET as i32);
        self.b.ins().iadd_imm_s(slots, index as i64 * 8)
    }

    /// Emits `fast`, which may branch to the block it is given when it cannot finish, and `slow`
    /// in that (cold) block, which ends with a branch to the block it is given; both continue
    /// there.
    fn fast_or_slow(&mut self, fast: impl FnOnce(&mut Self, Block), slow: impl FnOnce(&mut Self, Block)) {
        let (slow_blk, done) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(slow_blk);
        fast(self, slow_blk);
        self.b.ins().jump(done, NO_ARGS);
        self.b.switch_to_block(slow_blk);
        slow(self, done);
        self.b.switch_to_block(done);
    }

    /// Continues in a new block when `cond` is false, else branches to `miss`.
    fn miss_if(&mut self, cond: CValue, miss: Block) {
        exit_if(&mut self.b, cond, miss);
    }

    /// Runs the interpreter's instruction only when `cond` holds (otherwise it does nothing).
    fn step_if(&mut self, pc: u32, op: Op, cond: CValue) {
        let (slow, done) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(slow);
        self.b.ins().brif(cond, slow, NO_ARGS, done, NO_ARGS);
        self.b.switch_to_block(slow);
        self.step_to(pc, op, done);
        self.b.switch_to_block(done);
    }

    /// `lhs == acc` / `lhs === acc` by the operator's shared stub ([`EqualityOp::emit_stub`]);
    /// what the stub leaves (strings, mixed types under `==`) by the runtime.
    ///
    /// Against what straight-line code just loaded, no call: only the same boolean, undefined
    /// or null is strictly equal to one, only undefined and null are loosely equal to either,
    /// and only an int32 (or a number, through the runtime) strictly equals an int32; an
    /// interned string calls the stub only for a string of its length built at run time
    /// ([`equal_to_interned`]).
    fn equality(&mut self, pc: u32, op: Op, lhs: Reg) {
        let strict = matches!(op, Op::TestStrictEq { .. });
        let which = if strict { EqualityOp::Strict } else { EqualityOp::Loose };
        let l = self.load_reg(lhs);
        let r = self.b.use_var(self.acc);
        let known = match (strict, self.acc_fact) {
            (true, AccFact::Boolean | AccFact::Nullish) => Some(self.b.ins().icmp(IntCC::Equal, l, r)),
            (false, AccFact::Nullish) => {
                let u = self.b.ins().icmp_imm_s(IntCC::Equal, l, Value::UNDEFINED.to_bits() as i64);
                let n = self.b.ins().icmp_imm_s(IntCC::Equal, l, Value::NULL.to_bits() as i64);
                Some(self.b.ins().bor(u, n))
            }
            _ => None,
        };
        if let Some(eq) = known {
            let v = self.bool_value(eq);
            self.b.def_var(self.acc, v);
            return;
        }
        let stub = self.equality_stub(which);
        if let (true, AccFact::InternedString(len)) = (strict, self.acc_fact) {
            let eq = equal_to_interned(&mut self.b, stub, self.rt, l, r, len);
            let v = self.bool_value(eq);
            self.b.def_var(self.acc, v);
            return;
        }
        if !strict {
            // `lhs == acc` by the site stub, which runs the instruction for what it leaves.
            let pcv = self.b.ins().iconst(types::I32, pc as i64);
            let call = self.b.ins().call(stub, &[self.rt, self.fp, pcv, r, l]);
            let v = self.b.inst_results(call)[0];
            self.b.def_var(self.acc, v);
            let next = self.b.create_block();
            self.exception_or(v, pc, next);
            self.b.switch_to_block(next);
            return;
        }
        if self.acc_fact != AccFact::Int {
            let call = self.b.ins().call(stub, &[self.rt, l, r]);
            let v = self.b.inst_results(call)[0];
            self.b.def_var(self.acc, v);
            return;
        }
        // `=== <int32>`: an int32 compares bits; anything else goes to the stub.
        self.fast_or_slow(
            |t, miss| {
                let int = t.is_int(l);
                let other = t.b.ins().bxor_imm_s(int, 1);
                t.miss_if(other, miss);
                let eq = t.b.ins().icmp(IntCC::Equal, l, r);
                let v = t.bool_value(eq);
                t.b.def_var(t.acc, v);
            },
            |t, done| {
                let call = t.b.ins().call(stub, &[t.rt, l, r]);
                let v = t.b.inst_results(call)[0];
                t.b.def_var(t.acc, v);
                t.b.ins().jump(done, NO_ARGS);
            },
        );
    }

    /// The operands of a binary instruction (`lhs`, accumulator), or of `++`/`--` (accumulator,
    /// boxed 1).
    fn binary_operands(&mut self, op: Op) -> (CValue, CValue, (bool, bool)) {
        let acc = self.b.use_var(self.acc);
        let acc_int = self.acc_known_int();
        match op {
            Op::Inc { .. } | Op::Dec { .. } => (acc, self.b.ins().iconst(types::I64, Value::int(1).to_bits() as i64), (acc_int, true)),
            Op::Add { lhs, .. }
            | Op::Sub { lhs, .. }
            | Op::Mul { lhs, .. }
            | Op::BitAnd { lhs, .. }
            | Op::BitOr { lhs, .. }
            | Op::BitXor { lhs, .. }
            | Op::Shl { lhs, .. }
            | Op::Sar { lhs, .. }
            | Op::Shr { lhs, .. }
            | Op::Mod { lhs, .. } => (self.load_reg(lhs), acc, (false, acc_int)),
            _ => unreachable!("binary_operands of {}", op.name()),
        }
    }

    fn bool_value_inverted(&mut self, cond: CValue) -> CValue {
        let t = self.b.ins().iconst(types::I64, Value::TRUE.to_bits() as i64);
        let f = self.b.ins().iconst(types::I64, Value::FALSE.to_bits() as i64);
        self.b.ins().select(cond, f, t)
    }

    pub(super) fn bool_value(&mut self, cond: CValue) -> CValue {
        number::bool_value(&mut self.b, cond)
    }

    /// Branches to `target` when `cond` holds, else falls through to `pc + 1`.
    fn branch(&mut self, pc: u32, cond: CValue, target: u32) {
        let t = self.block_at(target);
        let f = self.block_at(pc + 1);
        self.b.ins().brif(cond, t, NO_ARGS, f, NO_ARGS);
        self.terminated = true;
    }

    fn acc_is(&mut self, v: Value) -> CValue {
        let acc = self.b.use_var(self.acc);
        self.b.ins().icmp_imm_s(IntCC::Equal, acc, v.to_bits() as i64)
    }

    /// `JumpIfTrue` (`when` = true) / `JumpIfFalse`: booleans inline, ToBoolean otherwise.
    fn jump_if_boolean(&mut self, pc: u32, target: u32, when: bool) {
        let (hit, miss) = if when { (Value::TRUE, Value::FALSE) } else { (Value::FALSE, Value::TRUE) };
        let t = self.block_at(target);
        let f = self.block_at(pc + 1);
        if self.acc_fact == AccFact::Boolean {
            let c = self.acc_is(hit);
            self.b.ins().brif(c, t, NO_ARGS, f, NO_ARGS);
            self.terminated = true;
            return;
        }
        let check_miss = self.b.create_block();
        let convert = self.b.create_block();
        let c = self.acc_is(hit);
        self.b.ins().brif(c, t, NO_ARGS, check_miss, NO_ARGS);
        self.b.switch_to_block(check_miss);
        let c = self.acc_is(miss);
        self.b.ins().brif(c, f, NO_ARGS, convert, NO_ARGS);
        self.b.switch_to_block(convert);
        let acc = self.b.use_var(self.acc);
        let r = self.call_rt(CallRefs::to_boolean, &[self.rt, acc]);
        let cc = if when { IntCC::NotEqual } else { IntCC::Equal };
        let c = self.b.ins().icmp_imm_s(cc, r, 0);
        self.b.ins().brif(c, t, NO_ARGS, f, NO_ARGS);
        self.terminated = true;
    }

    /// Offset of `Jit::deopt_countdown` in the runtime.
    pub(super) fn deopt_countdown_offset() -> i32 {
        (std::mem::offset_of!(Runtime, jit) + std::mem::offset_of!(Jit, deopt_countdown)) as i32
    }

    /// The offset of [`Jit::exit_index`] in the runtime.
    pub(super) fn exit_index_offset() -> i32 {
        (std::mem::offset_of!(Runtime, jit) + std::mem::offset_of!(Jit, exit_index)) as i32
    }

    /// `x op y` for two int32s of an arithmetic or bitwise operator or `%` (`++`/`--`: `y` is
    /// 1): the boxed result, and a flag set when the int32 computation does not give the
    /// operator's result (overflow; a zero product with a negative factor, which is -0; a `>>>`
    /// result above int32's range; `%` with a negative dividend, which may give -0, or a
    /// divisor ≤ 0).
    fn int32_arith(&mut self, op: Op, x: CValue, y: CValue) -> (CValue, Option<CValue>) {
        let (r, bad) = match op {
            Op::Add { .. } | Op::Inc { .. } => {
                let (r, of) = self.b.ins().sadd_overflow(x, y);
                (r, Some(of))
            }
            Op::Sub { .. } | Op::Dec { .. } => {
                let (r, of) = self.b.ins().ssub_overflow(x, y);
                (r, Some(of))
            }
            Op::Mul { .. } => {
                let (p, of) = self.b.ins().smul_overflow(x, y);
                let zero = self.b.ins().icmp_imm_s(IntCC::Equal, p, 0);
                let either = self.b.ins().bor(x, y);
                let negative = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, either, 0);
                let minus_zero = self.b.ins().band(zero, negative);
                (p, Some(self.b.ins().bor(of, minus_zero)))
            }
            Op::BitAnd { .. } => (self.b.ins().band(x, y), None),
            Op::BitOr { .. } => (self.b.ins().bor(x, y), None),
            Op::BitXor { .. } => (self.b.ins().bxor(x, y), None),
            Op::Shl { .. } | Op::Sar { .. } | Op::Shr { .. } => {
                let n = self.b.ins().band_imm_s(y, 31);
                match op {
                    Op::Shl { .. } => (self.b.ins().ishl(x, n), None),
                    Op::Sar { .. } => (self.b.ins().sshr(x, n), None),
                    _ => {
                        let r = self.b.ins().ushr(x, n);
                        (r, Some(self.b.ins().icmp_imm_s(IntCC::SignedLessThan, r, 0)))
                    }
                }
            }
            _ => {
                // `%`: only a non-negative dividend and a positive divisor (the operands are
                // replaced before dividing otherwise, so the division cannot trap).
                let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, x, 0);
                let nonpos = self.b.ins().icmp_imm_s(IntCC::SignedLessThanOrEqual, y, 0);
                let bad = self.b.ins().bor(neg, nonpos);
                let one = self.i32c(1);
                let safe_y = self.b.ins().select(bad, one, y);
                (self.b.ins().urem(x, safe_y), Some(bad))
            }
        };
        (self.box_int(r), bad)
    }

    /// Emits the instruction at `pc`.
    pub(super) fn op(&mut self, pc: u32, op: Op) {
        match op {
            Op::LdaUndefined { .. } => self.set_acc_const(Value::UNDEFINED),
            Op::LdaNull { .. } => self.set_acc_const(Value::NULL),
            Op::LdaTrue { .. } => self.set_acc_const(Value::TRUE),
            Op::LdaFalse { .. } => self.set_acc_const(Value::FALSE),
            Op::LdaHole { .. } => self.set_acc_const(Value::HOLE),
            Op::Nop { .. } => {}
            Op::LdaInt { value, .. } => self.set_acc_const(Value::int(value)),
            Op::LdaConst { idx, .. } => {
                // Materialised constants never change once set (functions stay the hole
                // until first instantiated, so those go through the interpreter).
                let v = self.code.constants[idx.0 as usize];
                if v.is_hole() {
                    self.step(pc, op);
                } else {
                    self.set_acc_const(v);
                }
            }
            Op::Ldar { src, .. } => {
                let v = self.load_reg(src);
                self.b.def_var(self.acc, v);
            }
            Op::Star { dst, .. } => {
                let acc = self.b.use_var(self.acc);
                self.store_reg(dst, acc);
            }
            Op::Mov { src, dst, .. } => {
                let v = self.load_reg(src);
                self.store_reg(dst, v);
            }
            Op::Add { lhs, .. } | Op::Sub { lhs, .. } | Op::Mul { lhs, .. } => {
                self.arith(pc, op, lhs, move |t, x, y| t.int32_arith(op, x, y))
            }
            // Two int32s divide as doubles inline (exact: both convert exactly), boxed as the
            // interpreter boxes (an int32 when the quotient is one); other numbers: the stub.
            Op::Div { lhs, .. } => self.arith(pc, op, lhs, |t, x, y| {
                let fx = t.b.ins().fcvt_from_sint(types::F64, x);
                let fy = t.b.ins().fcvt_from_sint(types::F64, y);
                let q = t.b.ins().fdiv(fx, fy);
                (t.box_f64(q), None)
            }),
            // Int32s inline; doubles (`(a * b) | 0` after an overflow, `x >>> 0`) by the stub.
            Op::BitAnd { .. } | Op::BitOr { .. } | Op::BitXor { .. } | Op::Shl { .. } | Op::Sar { .. } | Op::Shr { .. } => {
                let double = match op {
                    Op::BitAnd { .. } => NumberOp::BitAnd,
                    Op::BitOr { .. } => NumberOp::BitOr,
                    Op::BitXor { .. } => NumberOp::BitXor,
                    Op::Shl { .. } => NumberOp::Shl,
                    Op::Sar { .. } => NumberOp::Sar,
                    _ => NumberOp::Shr,
                };
                let operands = self.binary_operands(op);
                self.numeric_binary(pc, op, operands, move |t, x, y| t.int32_arith(op, x, y), Some(double));
            }
            Op::Mod { .. } | Op::Inc { .. } | Op::Dec { .. } => {
                let operands = self.binary_operands(op);
                self.int_binary(pc, op, operands, move |t, x, y| t.int32_arith(op, x, y));
            }
            Op::Negate { .. } | Op::BitNot { .. } => {
                // Int32 operands inline (negating 0 or -2^31 leaves int32: the interpreter).
                let a = self.b.use_var(self.acc);
                let negate = matches!(op, Op::Negate { .. });
                let known = self.acc_known_int();
                self.int_binary(pc, op, (a, a, (known, known)), move |t, x, _| {
                    if negate {
                        let zero = t.b.ins().icmp_imm_s(IntCC::Equal, x, 0);
                        let min = t.b.ins().icmp_imm_s(IntCC::Equal, x, i32::MIN as i64);
                        let bad = t.b.ins().bor(zero, min);
                        let r = t.b.ins().ineg(x);
                        (t.box_int(r), Some(bad))
                    } else {
                        let r = t.b.ins().bnot(x);
                        (t.box_int(r), None)
                    }
                });
            }
            Op::TestEq { lhs, .. } => self.equality(pc, op, lhs),
            Op::TestLt { lhs, .. } | Op::TestLe { lhs, .. } | Op::TestGt { lhs, .. } | Op::TestGe { lhs, .. } => {
                let (cc, double) = compare_conditions(op);
                let l = self.load_reg(lhs);
                let r = self.b.use_var(self.acc);
                let int = move |t: &mut Self, x, y| {
                    let c = t.b.ins().icmp(cc, x, y);
                    (t.bool_value(c), None)
                };
                let known = (false, self.acc_known_int());
                self.numeric_binary(pc, op, (l, r, known), int, Some(double));
            }
            // `length` at a site no object has reached (a string's length, by the look of it):
            // a string's inline, anything else as below.
            Op::GetNamed { obj, name, slot }
                if matches!(self.code.feedback.slots[slot.index()].data, Feedback::Property(PropertyIc::Uninitialized))
                    && self.code.constants[name.0 as usize].as_string().is_some_and(|s| s.eq_str("length")) =>
            {
                self.fast_or_slow(
                    |t, miss| {
                        let o = t.load_reg(obj);
                        let tag = t.b.ins().ushr_imm_s(o, 48);
                        let not_string = t.b.ins().icmp_imm_s(IntCC::NotEqual, tag, TAG_STRING);
                        t.miss_if(not_string, miss);
                        let p = t.b.ins().band_imm_s(o, PAYLOAD_MASK);
                        t.length_to_acc(p, JsString::LEN_OFFSET, miss);
                    },
                    |t, done| {
                        let o = t.load_reg(obj);
                        let set = t.mirror_of(slot.index());
                        t.site_call_to(pc, SiteOp::GetNamed, &[o, set], done)
                    },
                )
            }
            Op::GetNamed { obj, slot, .. } => match &self.code.feedback.slots[slot.index()].data {
                // An array's length (it has no slot): read where `ObjectKind`'s fixed layout
                // keeps it.
                Feedback::Property(ic) if ic.only_array_lengths() => self.fast_or_slow(
                    |t, miss| {
                        let o = t.load_reg(obj);
                        let tag = t.b.ins().ushr_imm_s(o, 48);
                        let not_obj = t.b.ins().icmp_imm_s(IntCC::NotEqual, tag, TAG_OBJECT);
                        t.miss_if(not_obj, miss);
                        let p = t.b.ins().band_imm_s(o, PAYLOAD_MASK);
                        let kind = t.b.ins().uload8(types::I32, MemFlagsData::trusted(), p, OBJECT_KIND_OFFSET);
                        let not_array = t.b.ins().icmp_imm_s(IntCC::NotEqual, kind, ObjectKind::ARRAY_TAG as i64);
                        t.miss_if(not_array, miss);
                        t.length_to_acc(p, OBJECT_KIND_OFFSET + ObjectKind::ARRAY_LENGTH_OFFSET, miss);
                    },
                    |t, done| t.op_call_to(pc, CallRefs::get_named, &[obj.0 as i64, slot.index() as i64], done),
                ),
                Feedback::Property(ic) if ic.only_slots() => {
                    let o = self.load_reg(obj);
                    let set = self.mirror_of(slot.index());
                    if let Some(place) = monomorphic_own_slot(ic) {
                        // The site's one own slot, inline; anything else by the stub.
                        self.fast_or_slow(
                            |t, miss| {
                                let (addr, disp) = emit_first_entry_own_slot(&mut t.b, o, set, place, miss);
                                let v = t.b.ins().load(types::I64, MemFlagsData::trusted(), addr, disp);
                                t.b.def_var(t.acc, v);
                            },
                            |t, done| t.site_call_to(pc, SiteOp::GetNamed, &[o, set], done),
                        );
                    } else {
                        self.site_call(pc, SiteOp::GetNamed, &[o, set]);
                    }
                }
                // Getters, or too many shapes: the stub's lookup would miss.
                _ => self.op_call(pc, CallRefs::get_named, &[obj.0 as i64, slot.index() as i64]),
            },
            Op::SetNamed { obj, slot, .. } => match &self.code.feedback.slots[slot.index()].data {
                Feedback::Property(ic) if ic.only_stores() => {
                    let o = self.load_reg(obj);
                    let set = self.mirror_of(slot.index());
                    if let Some(place) = monomorphic_own_slot(ic) {
                        // A store site's own slot is a writable data property's.
                        self.fast_or_slow(
                            |t, miss| {
                                let (addr, disp) = emit_first_entry_own_slot(&mut t.b, o, set, place, miss);
                                let v = t.b.use_var(t.acc);
                                t.b.ins().store(MemFlagsData::trusted(), v, addr, disp);
                            },
                            |t, done| t.site_call_to(pc, SiteOp::SetNamed, &[o, set], done),
                        );
                    } else {
                        self.site_call(pc, SiteOp::SetNamed, &[o, set]);
                    }
                }
                // Too many shapes: the runtime's IC.
                _ => self.op_call(pc, CallRefs::set_named, &[obj.0 as i64, slot.index() as i64]),
            },
            // An object literal's property: its IC adds it by transitions, which the store
            // stub replays (its fallback runs the instruction).
            Op::DefineNamed { obj, slot, .. } if matches!(&self.code.feedback.slots[slot.index()].data, Feedback::Property(ic) if ic.only_stores()) =>
            {
                let o = self.load_reg(obj);
                let set = self.mirror_of(slot.index());
                self.site_call(pc, SiteOp::SetNamed, &[o, set]);
            }
            Op::LdaGlobal { slot, .. } => match self.code.feedback.slots[slot.index()].data {
                // A site that resolved to a global lexical binding always does (such bindings
                // are never removed); the feedback keeps the cell alive.
                Feedback::Global(GlobalFeedback::Lexical(cell)) => {
                    let (slow, done) = (self.b.create_block(), self.b.create_block());
                    self.b.set_cold_block(slow);
                    let before = self.b.use_var(self.acc);
                    let addr = self.b.ins().iconst(types::I64, cell.addr() as i64);
                    let v = self.b.ins().load(types::I64, MemFlagsData::trusted(), addr, PROPERTY_CELL_VALUE_OFFSET);
                    self.b.def_var(self.acc, v);
                    let hole = self.b.ins().icmp_imm_s(IntCC::Equal, v, Value::HOLE.to_bits() as i64);
                    self.b.ins().brif(hole, slow, NO_ARGS, done, NO_ARGS);
                    // Uninitialised (or a bug's hole): the runtime, with the accumulator as it was.
                    self.b.switch_to_block(slow);
                    self.b.def_var(self.acc, before);
                    self.op_call_to(pc, CallRefs::lda_global, &[], done);
                    self.b.switch_to_block(done);
                }
                _ => {
                    let m = self.mirror_of(slot.index());
                    self.site_call(pc, SiteOp::LdaGlobal, &[m]);
                }
            },
            Op::StaGlobal { slot, .. } => match self.code.feedback.slots[slot.index()].data {
                // As for `LdaGlobal`: the binding stays this cell (a `const` one's store throws).
                Feedback::Global(GlobalFeedback::Lexical(cell)) if !cell.constant => {
                    let (store, slow, done) = (self.b.create_block(), self.b.create_block(), self.b.create_block());
                    self.b.set_cold_block(slow);
                    let addr = self.b.ins().iconst(types::I64, cell.addr() as i64);
                    let v = self.b.ins().load(types::I64, MemFlagsData::trusted(), addr, PROPERTY_CELL_VALUE_OFFSET);
                    let hole = self.b.ins().icmp_imm_s(IntCC::Equal, v, Value::HOLE.to_bits() as i64);
                    self.b.ins().brif(hole, slow, NO_ARGS, store, NO_ARGS);
                    self.b.switch_to_block(store);
                    let acc = self.b.use_var(self.acc);
                    self.b.ins().store(MemFlagsData::trusted(), acc, addr, PROPERTY_CELL_VALUE_OFFSET);
                    self.b.ins().jump(done, NO_ARGS);
                    // Uninitialised: the runtime throws the ReferenceError.
                    self.b.switch_to_block(slow);
                    self.op_call_to(pc, CallRefs::sta_global, &[], done);
                    self.b.switch_to_block(done);
                }
                _ => {
                    let m = self.mirror_of(slot.index());
                    self.site_call(pc, SiteOp::StaGlobal, &[m]);
                }
            },
            Op::GetKeyed { obj, .. } => {
                let o = self.load_reg(obj);
                self.site_call(pc, SiteOp::GetKeyed, &[o]);
            }
            Op::SetKeyed { obj, key, .. } => {
                let (o, k) = (self.load_reg(obj), self.load_reg(key));
                self.site_call(pc, SiteOp::SetKeyed, &[o, k]);
            }
            Op::IteratorStep { done, .. } => {
                self.jumping_op_call(pc, op);
                self.branch_to_next_pc(pc, done.0);
            }
            Op::Call { .. } | Op::CallUndefined { .. } => self.call(pc, op, None),
            Op::Construct { callee, args, argc, slot } => match self.seen_constructor(slot.index(), argc) {
                Some((f, m)) => {
                    self.known_construct(pc, op, f, &m);
                    self.compared.get_or_insert_default().push(f);
                }
                None => self.op_call(pc, CallRefs::construct, &[callee.0 as i64, args.0 as i64, argc as i64, slot.index() as i64]),
            },
            Op::PushContext { slots, .. } => {
                // A new context under the frame's (a runtime call that allocates, and runs
                // nothing: no exception to check).
                let fl = MemFlagsData::trusted();
                let parent = self.b.ins().load(types::I64, fl, self.frame, (CONTEXT_SLOT * 8) as i32);
                let n = self.i32c(slots);
                let c = self.call_rt(CallRefs::push_context, &[self.rt, parent, n]);
                self.b.ins().store(fl, c, self.frame, (CONTEXT_SLOT * 8) as i32);
            }
            Op::PopContext { .. } => {
                // The frame leaves its innermost context for the parent (undefined if none).
                let fl = MemFlagsData::trusted();
                let v = self.b.ins().load(types::I64, fl, self.frame, (CONTEXT_SLOT * 8) as i32);
                let c = self.b.ins().band_imm_s(v, PAYLOAD_MASK);
                let parent = self.b.ins().load(types::I64, fl, c, Context::PARENT_OFFSET as i32);
                let cell = self.b.ins().bor_imm_s(parent, TAG_CELL << 48);
                let undefined = self.b.ins().iconst(types::I64, Value::UNDEFINED.to_bits() as i64);
                let none = self.b.ins().icmp_imm_s(IntCC::Equal, parent, 0);
                let context = self.b.ins().select(none, undefined, cell);
                self.b.ins().store(fl, context, self.frame, (CONTEXT_SLOT * 8) as i32);
            }
            Op::LdaContext { depth, index, .. } => {
                let addr = self.context_slot_address(depth, index);
                let v = self.b.ins().load(types::I64, MemFlagsData::trusted(), addr, 0);
                self.b.def_var(self.acc, v);
            }
            Op::StaContext { depth, index, .. } => {
                let addr = self.context_slot_address(depth, index);
                let acc = self.b.use_var(self.acc);
                self.b.ins().store(MemFlagsData::trusted(), acc, addr, 0);
            }
            // Checks that almost never fire: the interpreter's code only when they might.
            Op::ThrowIfHole { .. } | Op::ThisCheck { .. } => {
                let hole = self.acc_is(Value::HOLE);
                self.step_if(pc, op, hole);
            }
            Op::ToNumeric { .. } => {
                let acc = self.b.use_var(self.acc);
                let num = self.is_number(acc);
                let not_num = self.b.ins().bxor_imm_s(num, 1);
                self.fast_or_slow(
                    |t, miss| {
                        t.miss_if(not_num, miss);
                        let int = t.is_int(acc);
                        t.see_numeric_of(op, int);
                    },
                    |t, done| t.step_to(pc, op, done),
                );
            }
            Op::Not { .. } => {
                // Booleans inline; anything else through ToBoolean (which cannot throw).
                self.fast_or_slow(
                    |t, miss| {
                        let is_true = t.acc_is(Value::TRUE);
                        let is_false = t.acc_is(Value::FALSE);
                        let is_bool = t.b.ins().bor(is_true, is_false);
                        let not_bool = t.b.ins().bxor_imm_s(is_bool, 1);
                        t.miss_if(not_bool, miss);
                        let r = t.bool_value_inverted(is_true);
                        t.b.def_var(t.acc, r);
                    },
                    |t, done| {
                        let acc = t.b.use_var(t.acc);
                        let truthy = t.call_rt(CallRefs::to_boolean, &[t.rt, acc]);
                        let truthy = t.b.ins().icmp_imm_s(IntCC::NotEqual, truthy, 0);
                        let r = t.bool_value_inverted(truthy);
                        t.b.def_var(t.acc, r);
                        t.b.ins().jump(done, NO_ARGS);
                    },
                );
            }
            Op::TestStrictEq { lhs, .. } => self.equality(pc, op, lhs),
            Op::Jump { target, .. } => {
                let t = self.block_at(target.0);
                self.b.ins().jump(t, NO_ARGS);
                self.terminated = true;
            }
            Op::JumpLoop { target, .. } => {
                // Inline unless the runtime has something to do: a safepoint, or enough
                // back edges for on-stack replacement into optimized code.
                let fl = MemFlagsData::trusted();
                let (busy, countdown) = poll_due(&mut self.b, self.rt);
                let code = self.b.ins().iconst(types::I64, self.code as *const FunctionCode as i64);
                let edges_off = std::mem::offset_of!(FunctionCode, back_edges) as i32;
                let edges = self.b.ins().load(types::I32, fl, code, edges_off);
                let edges = self.b.ins().iadd_imm_s(edges, 1);
                let osr = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, edges, self.osr_back_edges as i64);
                let busy = self.b.ins().bor(busy, osr);
                let (fast, slow) = (self.b.create_block(), self.b.create_block());
                self.b.set_cold_block(slow);
                self.b.ins().brif(busy, slow, NO_ARGS, fast, NO_ARGS);
                self.b.switch_to_block(fast);
                self.b.ins().store(fl, edges, code, edges_off);
                charge_poll(&mut self.b, self.rt, countdown);
                let t = self.block_at(target.0);
                self.b.ins().jump(t, NO_ARGS);

                self.b.switch_to_block(slow);
                let acc = self.b.use_var(self.acc);
                let header = self.i32c(target.0 as i64);
                let r = self.call_rt(CallRefs::loop_safepoint, &[self.rt, self.fp, acc, header]);
                self.check_exception(r, pc);
                // The runtime ran the rest of this frame in optimized code (on-stack
                // replacement): return what it returned.
                let (done, cont) = (self.b.create_block(), self.b.create_block());
                self.b.set_cold_block(done);
                let is_done = self.b.ins().icmp_imm_s(IntCC::Equal, r, super::OSR_DONE as i64);
                self.b.ins().brif(is_done, done, NO_ARGS, cont, NO_ARGS);
                self.b.switch_to_block(done);
                let v = self.call_rt(CallRefs::osr_result, &[self.rt]);
                self.b.ins().return_(&[v]);
                self.b.switch_to_block(cont);
                let t = self.block_at(target.0);
                self.b.ins().jump(t, NO_ARGS);
                self.terminated = true;
            }
            Op::JumpIfTrue { target, .. } => self.jump_if_boolean(pc, target.0, true),
            Op::JumpIfFalse { target, .. } => self.jump_if_boolean(pc, target.0, false),
            Op::JumpIfNullish { target, .. } | Op::JumpIfNotNullish { target, .. } => {
                let u = self.acc_is(Value::UNDEFINED);
                let n = self.acc_is(Value::NULL);
                let nullish = self.b.ins().bor(u, n);
                let c = if matches!(op, Op::JumpIfNullish { .. }) { nullish } else { self.b.ins().bxor_imm_s(nullish, 1) };
                self.branch(pc, c, target.0);
            }
            Op::JumpIfUndefined { target, .. } => {
                let c = self.acc_is(Value::UNDEFINED);
                self.branch(pc, c, target.0);
            }
            Op::JumpIfNotUndefined { target, .. } => {
                let c = self.acc_is(Value::UNDEFINED);
                let c = self.b.ins().bxor_imm_s(c, 1);
                self.branch(pc, c, target.0);
            }
            Op::JumpIfHole { target, .. } => {
                let c = self.acc_is(Value::HOLE);
                self.branch(pc, c, target.0);
            }
            Op::JumpIfStrictEqInt { value, target, .. } => {
                let c = self.acc_is(Value::int(value));
                self.branch(pc, c, target.0);
            }
            Op::Return { .. } => {
                let acc = self.b.use_var(self.acc);
                self.b.ins().return_(&[acc]);
                self.terminated = true;
            }
            _ => self.step(pc, op),
        }
    }
}

/// The int32 condition and the number stub of `<`, `<=`, `>`, `>=`.
/// Where the own slot is when a named site's IC, when compiling, has one entry and that an
/// own slot: the baseline then tries the IC's first entry inline
/// ([`emit_first_entry_own_slot`]) before the stub.
fn monomorphic_own_slot(ic: &PropertyIc) -> Option<SlotPlace> {
    let PropertyIc::Monomorphic(e) = ic else { return None };
    let PropertyAccess::Own { slot } = e.access else { return None };
    Some(if JsObject::inline_slot_offset(slot).is_some() { SlotPlace::Inline } else { SlotPlace::Outside })
}

fn compare_conditions(op: Op) -> (IntCC, NumberOp) {
    match op {
        Op::TestLt { .. } => (IntCC::SignedLessThan, NumberOp::Lt),
        Op::TestLe { .. } => (IntCC::SignedLessThanOrEqual, NumberOp::Le),
        Op::TestGt { .. } => (IntCC::SignedGreaterThan, NumberOp::Gt),
        _ => (IntCC::SignedGreaterThanOrEqual, NumberOp::Ge),
    }
}
