//! Graph building: bytecode plus the [`Plan`]'s speculation → [`Graph`].
//!
//! An abstract interpretation of the bytecode in instruction order: the state maps each
//! interpreter register and the accumulator to an IR value; register moves only change the
//! map, a speculated instruction becomes its guards and its unboxed operation, and any other
//! instruction a [`Inst::Generic`] that runs it as the baseline tier does. Every bytecode block
//! starts with one parameter per live register (see [`super::liveness`]) and for the
//! accumulator unless its first instruction overwrites it; [`super::passes`] removes the
//! trivial ones. Dead registers hold [`Graph::dead`], which no frame write or deopt exit
//! stores.

use super::ir::*;
use super::liveness;
use super::{Plan, Speculation};
use crate::bytecode::ops::{Op, Reg};
use crate::heap::Gc;
use crate::runtime::context::Context;
use crate::runtime::function::FunctionCode;
use crate::runtime::object::JsObject;
use crate::value::Value;

/// Builds the graph of `code` under `plan`.
pub(crate) fn build(code: &FunctionCode, plan: &Plan, validity: Option<usize>) -> Graph {
    let nregs = (code.block.param_count + code.block.register_count) as usize;
    let mut g = Graph {
        insts: vec![Inst::Const(Value::UNDEFINED)],
        reprs: vec![Repr::Boxed],
        blocks: vec![],
        deopts: vec![],
        entry: BlockId(0),
        osr_entries: vec![],
        nregs,
        dead: ValueId(0),
        inlined: vec![],
        validity,
    };
    let mut b = Builder {
        g: &mut g,
        cur: BlockId(0),
        regs: vec![],
        acc: ValueId(0),
        f: FrameCx {
            code,
            context: None,
            block_of: vec![],
            nregs,
            frame: None,
            this: ValueId(0),
            construct: false,
            caller: None,
            ret: None,
            size: 0,
            this_param: carries_this(code),
        },
        outer_this: None,
    };
    b.make_blocks(code);

    // The entry: registers and accumulator (undefined) as the caller's push left them. It also
    // serves an on-stack replacement at a loop header at pc 0, whose accumulator is in the
    // frame too.
    let entry = b.new_block(0, BlockKind::Normal);
    b.start(entry, None);
    b.load_frame();
    b.acc = b.push(Inst::LoadAcc, Repr::Boxed);
    let first = b.block_at(0);
    b.jump(first);
    b.g.entry = entry;

    // On-stack-replacement entries at loop headers read the whole frame.
    for h in code.block.loop_headers().into_iter().filter(|&h| h != 0) {
        let osr = b.new_block(h, BlockKind::Normal);
        b.start(osr, None);
        b.load_frame();
        b.acc = b.push(Inst::LoadAcc, Repr::Boxed);
        let to = b.block_at(h);
        b.jump(to);
        b.g.osr_entries.push((h, osr));
    }

    b.body(code, plan);
    g
}

/// Whether `code`'s own `this` is a parameter of its blocks ([`FrameCx::this_param`]): it
/// reads `this` (or may: an instruction reading any register) and never rebinds it.
fn carries_this(code: &FunctionCode) -> bool {
    let ops = &code.block.ops;
    let rebinds = ops.iter().any(|op| matches!(op, Op::BindThis { .. } | Op::BindThisContext { .. }));
    let reads = ops.iter().any(|&op| match liveness::reads(op) {
        liveness::Reads::All => true,
        liveness::Reads::Regs(rs) => rs.contains(&Reg::THIS),
    });
    reads && !rebinds
}

/// May an inlined callee run `op` without a speculation, in its frame written for it (see
/// `Lowering::write_inlined_frames`)? Instructions that fall through, write no register but
/// the accumulator, change nothing of the frame the inlined code fixes (its context), and
/// that the baseline tier too runs by the interpreter's code (so inlining loses no inline
/// path): literals and closures, throws, `typeof`, `in`, `instanceof`, `**`, conversions; and
/// calls of any callee, by the direct-call stub as there.
pub(super) fn steps_inline(op: &Op) -> bool {
    matches!(
        op,
        Op::LdaGlobalTypeof { .. }
            | Op::ThrowConstAssign { .. }
            | Op::DeleteProperty { .. }
            | Op::Exp { .. }
            | Op::TestInstanceOf { .. }
            | Op::TestIn { .. }
            | Op::TypeOf { .. }
            | Op::ToPropertyKey { .. }
            | Op::ToStringForConcat { .. }
            | Op::ToObject { .. }
            | Op::Throw { .. }
            | Op::ThrowError { .. }
            | Op::Call { .. }
            | Op::CallUndefined { .. }
            | Op::CreateArray { .. }
            | Op::CreateArrayFrom { .. }
            | Op::ArrayPush { .. }
            | Op::ArrayPushHole { .. }
            | Op::CreateClosure { .. }
            | Op::CreateRegExp { .. }
            | Op::GetTemplateObject { .. }
    )
}

/// Is `op` always translated without the baseline tier's code (and so without a frame)?
/// Register operands aside: the caller checks those.
pub(super) fn native(op: &Op) -> bool {
    matches!(
        op,
        Op::LdaUndefined { .. }
            | Op::LdaNull { .. }
            | Op::LdaTrue { .. }
            | Op::LdaFalse { .. }
            | Op::LdaHole { .. }
            | Op::LdaInt { .. }
            | Op::LdaConst { .. }
            | Op::CreateObject { .. }
            | Op::Not { .. }
            | Op::Jump { .. }
            | Op::JumpIfTrue { .. }
            | Op::JumpIfFalse { .. }
            | Op::JumpIfNullish { .. }
            | Op::JumpIfNotNullish { .. }
            | Op::JumpIfUndefined { .. }
            | Op::JumpIfNotUndefined { .. }
            | Op::JumpIfHole { .. }
            | Op::JumpIfStrictEqInt { .. }
            | Op::ThrowIfHole { .. }
            | Op::Return { .. }
            | Op::Nop { .. }
    )
}

/// The address of slot `index` of the context `depth` levels up from `context` (an inlined
/// closure's, so the chain is fixed), if there is one.
pub(super) fn context_slot(context: Option<Gc<Context>>, depth: u32, index: u32) -> Option<usize> {
    let mut c = context?;
    for _ in 0..depth {
        c = c.parent()?;
    }
    c.slots.get(index as usize).map(|v| v as *const Value as usize)
}

/// Where an inlined call's receiver comes from.
#[derive(Clone, Copy)]
enum Receiver {
    /// A register (`Call`).
    Reg(Reg),
    /// `undefined` (`CallUndefined`).
    Undefined,
    /// None yet: the inlined constructor creates `this` (`Construct`).
    Constructed,
}

/// The function whose bytecode is being translated: the compiled one, or an inlined callee.
struct FrameCx<'c> {
    code: &'c FunctionCode,
    /// An inlined callee's context.
    context: Option<Gc<Context>>,
    /// The block starting at each instruction.
    block_of: Vec<Option<BlockId>>,
    /// Its registers.
    nregs: usize,
    /// Its index in [`Graph::inlined`] (`None`: the compiled function).
    frame: Option<u32>,
    /// An inlined callee's `this`.
    this: ValueId,
    /// An inlined `new`: a return value that is not an object gives `this`.
    construct: bool,
    /// An inlined callee's caller, at the call.
    caller: Option<DeoptId>,
    /// Where an inlined callee's returns go (with the value).
    ret: Option<BlockId>,
    /// An inlined callee's frame size, in slots.
    size: u32,
    /// The compiled function's own `this` flows between its blocks as one more parameter
    /// (register index `nregs + 1`), so that one value, checked once, serves every block it
    /// dominates: set when the function reads `this` and never rebinds it (`BindThis`).
    this_param: bool,
}

struct Builder<'g, 'c> {
    g: &'g mut Graph,
    cur: BlockId,
    regs: Vec<ValueId>,
    acc: ValueId,
    f: FrameCx<'c>,
    /// The function's own `this` here: the block's `this` parameter ([`FrameCx::this_param`])
    /// or, once read, its load; one value, so its guards are checked once (calls and property
    /// adds in between included: only `BindThis` changes the frame's `this`).
    outer_this: Option<ValueId>,
}

impl<'c> Builder<'_, 'c> {
    /// Creates the blocks of `code` (the current frame's function), with parameters for the
    /// registers live into them.
    fn make_blocks(&mut self, code: &FunctionCode) {
        let ops = &code.block.ops;
        let starts = code.block.block_starts();
        let mut handler_at = vec![false; ops.len() + 1];
        for h in &code.block.handlers {
            handler_at[h.handler as usize] = true;
        }
        let start_pcs: Vec<u32> = (0..ops.len() as u32).filter(|&pc| starts[pc as usize]).collect();
        let live = liveness::live_in(ops, &start_pcs, &code.block.handlers, self.f.nregs);
        self.f.block_of = vec![None; ops.len() + 1];
        for (i, &pc) in start_pcs.iter().enumerate() {
            let pc = pc as usize;
            let id = self.new_block(pc as u32, if handler_at[pc] { BlockKind::Handler } else { BlockKind::Normal });
            self.f.block_of[pc] = Some(id);
            let mut l = live[i].clone();
            // The accumulator, last: live unless the block's first instruction overwrites it.
            l.push(!liveness::overwrites_accumulator(ops[pc]));
            self.make_params(id, &l);
            if self.f.this_param && !handler_at[pc] {
                let p = self.value(Inst::Param, Repr::Boxed);
                self.g.blocks[id.0 as usize].params.push(p);
                self.g.blocks[id.0 as usize].param_regs.push(self.f.nregs + 1);
            }
        }
    }

    /// Translates the current frame's function, whose blocks exist, from its first
    /// instruction (to which the current block jumps).
    fn body(&mut self, code: &FunctionCode, plan: &'c Plan) {
        let mut live = false;
        for (pc, &op) in code.block.ops.iter().enumerate() {
            let pc = pc as u32;
            if let Some(blk) = self.f.block_of[pc as usize] {
                if live {
                    self.jump(blk);
                }
                self.start(blk, Some(blk));
                live = true;
            }
            if !live {
                continue; // Unreachable code after a jump.
            }
            live = self.op(pc, op, &plan.sites[pc as usize]);
        }
        if live {
            // The compiler ends every function with a return; keep the graph well-formed anyway.
            self.set_term(Terminator::Unreachable);
        }
    }

    /// Translates a call of the closure `call` names in place: a guard that the callee is that
    /// closure, then its body in a frame of its own (which exists only if a guard in it fails:
    /// see [`InlinedFrame`]), whose returns continue after the call.
    /// (`this_reg`: the receiver's register, `None` for `new`; `first`: the first argument's.)
    fn inline(&mut self, pc: u32, callee: Reg, receiver: Receiver, first: Reg, argc: u32, call: &'c super::InlineCall) {
        let d = self.point(pc);
        let f = self.read(callee);
        let closure = Value::object(call.closure);
        self.push(Inst::CheckIdentity(f, closure, d), Repr::Void);
        let recv = match receiver {
            Receiver::Reg(r) => self.read(r),
            Receiver::Undefined => self.push(Inst::Const(Value::UNDEFINED), Repr::Boxed),
            Receiver::Constructed => self.g.dead,
        };
        let args: Vec<ValueId> = (0..argc).map(|i| self.read(first.offset(i))).collect();
        self.push(Inst::ChargeCall(d), Repr::Void);
        let this = match call.this {
            super::InlineThis::Receiver => recv,
            super::InlineThis::Lexical(v) => self.push(Inst::Const(v), Repr::Boxed),
            super::InlineThis::Sloppy(global) => match self.g.inst(recv) {
                Inst::Const(k) if k.is_nullish() => self.push(Inst::Const(global), Repr::Boxed),
                _ => {
                    self.push(Inst::CheckObject(recv, d), Repr::Void);
                    recv
                }
            },
            super::InlineThis::Created(new) => self.push(Inst::CreateThis(closure, new, d), Repr::Boxed),
        };
        let construct = matches!(receiver, Receiver::Constructed);

        let info = call.code.frame;
        let nregs = (info.params + info.registers) as usize;
        let offset = match self.f.frame {
            Some(i) => self.g.inlined[i as usize].offset + self.f.size,
            None => 0,
        };
        let frame = self.g.inlined.len() as u32;
        self.g.inlined.push(InlinedFrame { closure, argc, construct, call_pc: pc, caller: self.f.frame, offset });
        let cont = self.new_block(pc, BlockKind::Normal);
        let result = self.value(Inst::Param, Repr::Boxed);
        self.g.blocks[cont.0 as usize].params = vec![result];
        self.g.blocks[cont.0 as usize].param_regs = vec![usize::MAX];

        let size = info.frame_size(argc as usize) as u32;
        let outer = std::mem::replace(
            &mut self.f,
            FrameCx {
                code: &call.code,
                context: call.closure.as_closure().and_then(|c| c.context),
                block_of: vec![],
                nregs,
                frame: Some(frame),
                this,
                construct,
                caller: Some(d),
                ret: Some(cont),
                size,
                this_param: false,
            },
        );
        let outer_regs = std::mem::take(&mut self.regs);
        // The caller's `this` value dominates the call, and so everything after it.
        let outer_this = self.outer_this;
        self.make_blocks(&call.code);
        let undefined = self.push(Inst::Const(Value::UNDEFINED), Repr::Boxed);
        self.regs = vec![undefined; nregs];
        self.regs[..args.len()].copy_from_slice(&args);
        self.acc = undefined;
        let first = self.block_at(0);
        self.jump(first);
        self.body(&call.code, &call.plan);
        self.f = outer;
        self.regs = outer_regs;
        self.acc = result;
        self.cur = cont;
        self.outer_this = outer_this;
    }

    fn new_block(&mut self, pc: u32, kind: BlockKind) -> BlockId {
        let id = BlockId(self.g.blocks.len() as u32);
        self.g.blocks.push(BlockData {
            pc,
            kind,
            params: vec![],
            param_regs: vec![],
            insts: vec![],
            term: Terminator::None,
            entry_state: vec![],
        });
        id
    }

    fn block_at(&self, pc: u32) -> BlockId {
        self.f.block_of[pc as usize].expect("a block starts at every jump target")
    }

    fn value(&mut self, inst: Inst, repr: Repr) -> ValueId {
        let v = ValueId(self.g.insts.len() as u32);
        self.g.insts.push(inst);
        self.g.reprs.push(repr);
        v
    }

    /// Appends an instruction to the current block.
    fn push(&mut self, inst: Inst, repr: Repr) -> ValueId {
        // Only `BindThis` (run generically) writes the frame's `this`.
        if let Inst::Generic(_, Op::BindThis { .. } | Op::BindThisContext { .. }, _) = inst {
            self.outer_this = None;
        }
        let v = self.value(inst, repr);
        self.g.blocks[self.cur.0 as usize].insts.push(v);
        v
    }

    /// Gives a bytecode block its parameters: one per live register (`live`: the registers,
    /// then the accumulator), or, for a handler, the exception.
    fn make_params(&mut self, b: BlockId, live: &[bool]) {
        let (mut ps, mut regs) = (vec![], vec![]);
        if self.g.blocks[b.0 as usize].kind == BlockKind::Handler {
            ps.push(self.value(Inst::Param, Repr::Boxed));
        } else {
            for (r, _) in live.iter().enumerate().filter(|(_, l)| **l) {
                ps.push(self.value(Inst::Param, Repr::Boxed));
                regs.push(r);
            }
        }
        self.g.blocks[b.0 as usize].params = ps;
        self.g.blocks[b.0 as usize].param_regs = regs;
    }

    /// Switches to block `b`; a bytecode block (`params: Some`) gets its parameters (or, for a
    /// handler, the frame's registers and the exception).
    fn start(&mut self, b: BlockId, params: Option<BlockId>) {
        self.cur = b;
        self.outer_this = None;
        if params.is_none() {
            return;
        }
        let n = self.f.nregs;
        match self.g.blocks[b.0 as usize].kind {
            BlockKind::Normal => {
                let mut state = vec![self.g.dead; n + 2];
                let blk = &self.g.blocks[b.0 as usize];
                for (&p, &r) in blk.params.iter().zip(&blk.param_regs) {
                    state[r] = p;
                }
                self.regs = state[..n].to_vec();
                self.acc = state[n];
                if self.f.this_param {
                    self.outer_this = Some(state[n + 1]);
                }
            }
            BlockKind::Handler => {
                self.load_frame();
                self.acc = self.g.blocks[b.0 as usize].params[0];
                // The instruction that threw may have changed a prototype the code assumed.
                let pc = self.g.blocks[b.0 as usize].pc;
                self.check_valid(pc, pc);
            }
        }
        // (What the function's own frame holds, for lowering: not an inlined callee's.)
        if self.f.frame.is_none() {
            let mut state = self.regs.clone();
            state.push(self.acc);
            self.g.blocks[b.0 as usize].entry_state = state;
        }
    }

    /// Reads every register from the frame.
    fn load_frame(&mut self) {
        self.regs = (0..self.g.nregs).map(|i| self.push(Inst::LoadReg(Reg(i as i32)), Repr::Boxed)).collect();
    }

    fn set_term(&mut self, t: Terminator) {
        self.g.blocks[self.cur.0 as usize].term = t;
    }

    /// The edge to `to` carrying the current state (a handler reads the registers from the
    /// frame, so they are written there first).
    fn edge(&mut self, to: BlockId) -> Edge {
        let args = match self.g.blocks[to.0 as usize].kind {
            BlockKind::Normal => {
                let n = self.f.nregs;
                let this = (self.f.this_param && self.g.blocks[to.0 as usize].param_regs.contains(&(n + 1))).then(|| self.read(Reg::THIS));
                let regs = &self.g.blocks[to.0 as usize].param_regs;
                regs.iter()
                    .map(|&r| match r {
                        _ if r == n => self.acc,
                        _ if r == n + 1 => this.expect("read above"),
                        _ => self.regs[r],
                    })
                    .collect()
            }
            BlockKind::Handler => {
                let d = self.point(self.g.blocks[to.0 as usize].pc);
                self.push(Inst::Sync(d), Repr::Void);
                vec![self.acc]
            }
        };
        Edge { to, args }
    }

    fn jump(&mut self, to: BlockId) {
        let e = self.edge(to);
        self.set_term(Terminator::Jump(e));
    }

    /// Ends the block on `cond`: to `target` when it holds, else to the next instruction.
    fn branch(&mut self, cond: ValueId, pc: u32, target: u32) {
        let t = self.edge(self.block_at(target));
        let f = self.edge(self.block_at(pc + 1));
        self.set_term(Terminator::Branch(cond, t, f));
    }

    /// The state at `pc` as a deopt point.
    fn point(&mut self, pc: u32) -> DeoptId {
        let id = DeoptId(self.g.deopts.len() as u32);
        let (frame, this, caller) = match self.f.frame {
            Some(_) => (self.f.frame, self.f.this, self.f.caller),
            None => (None, self.g.dead, None),
        };
        self.g.deopts.push(DeoptPoint { pc, site: pc, regs: self.regs.clone(), acc: self.acc, frame, this, caller });
        id
    }

    fn read(&mut self, r: Reg) -> ValueId {
        match usize::try_from(r.0) {
            Ok(i) => self.regs[i],
            // An inlined callee reads no header register but `this` (see `translates_inline`).
            Err(_) if self.f.frame.is_some() => self.f.this,
            Err(_) if r == Reg::THIS => match self.outer_this {
                Some(v) => v,
                None => {
                    let v = self.push(Inst::LoadReg(r), Repr::Boxed);
                    self.outer_this = Some(v);
                    v
                }
            },
            Err(_) => self.push(Inst::LoadReg(r), Repr::Boxed),
        }
    }

    fn int32(&mut self, v: ValueId, pc: u32) -> ValueId {
        if self.g.repr(v) == Repr::Int32 {
            return v;
        }
        let d = self.point(pc);
        self.push(Inst::CheckInt32(v, d), Repr::Int32)
    }

    /// `v` as an int32: checked to be one, or (`numbers`) converted by ToInt32 from any number.
    fn to_int32(&mut self, v: ValueId, pc: u32, numbers: bool) -> ValueId {
        if !numbers || self.g.repr(v) == Repr::Int32 {
            return self.int32(v, pc);
        }
        let d = self.point(pc);
        self.push(Inst::ToInt32(v, d), Repr::Int32)
    }

    fn number(&mut self, v: ValueId, pc: u32) -> ValueId {
        if self.g.repr(v) == Repr::Float64 {
            return v;
        }
        let d = self.point(pc);
        self.push(Inst::CheckNumber(v, d), Repr::Float64)
    }

    fn condition(&mut self, v: ValueId) -> ValueId {
        if self.g.repr(v) == Repr::Bool {
            v
        } else {
            self.push(Inst::Truthy(v), Repr::Bool)
        }
    }

    /// The interpreter's (or baseline tier's) code for the instruction.
    fn generic(&mut self, pc: u32, op: Op) {
        self.generic_as(pc, op, |d| Inst::Generic(pc, op, d));
    }

    /// [`Self::generic`], as the instruction `inst` makes (given the deopt point).
    fn generic_as(&mut self, pc: u32, op: Op, inst: impl FnOnce(DeoptId) -> Inst) {
        let d = self.point(pc);
        self.acc = self.push(inst(d), Repr::Boxed);
        for r in liveness::writes(op) {
            if let Ok(k) = usize::try_from(r.0) {
                self.regs[k] = self.push(Inst::LoadReg(r), Repr::Boxed);
            }
        }
        // It may have changed a prototype the code assumed: resume after it if so.
        let after = if op.jump_target().is_some() { DeoptPoint::AFTER_STEP } else { pc + 1 };
        self.check_valid(after, pc);
    }

    /// When the code depends on prototype chains ([`Graph::validity`]), deoptimizes to `pc`
    /// with the current state if it was invalidated (`site`: the instruction that may have
    /// changed one).
    fn check_valid(&mut self, pc: u32, site: u32) {
        if self.g.validity.is_none() {
            return;
        }
        let d = self.point(site);
        self.g.deopts[d.0 as usize].pc = pc;
        self.push(Inst::CheckValid(d), Repr::Void);
    }

    /// Translates one instruction; false when control does not continue past it.
    fn op(&mut self, pc: u32, op: Op, spec: &'c Speculation) -> bool {
        if let Speculation::Unreached = spec {
            // The code does not go on.
            let d = self.point(pc);
            self.push(Inst::Unreached(d), Repr::Void);
            self.set_term(Terminator::Unreachable);
            return false;
        }
        if self.speculate(pc, op, spec) {
            return true;
        }
        match op {
            Op::CreateObject { .. } => self.acc = self.push(Inst::CreateObject, Repr::Boxed),
            Op::LdaUndefined { .. } => self.acc = self.push(Inst::Const(Value::UNDEFINED), Repr::Boxed),
            Op::LdaNull { .. } => self.acc = self.push(Inst::Const(Value::NULL), Repr::Boxed),
            Op::LdaTrue { .. } => self.acc = self.push(Inst::Const(Value::TRUE), Repr::Boxed),
            Op::LdaFalse { .. } => self.acc = self.push(Inst::Const(Value::FALSE), Repr::Boxed),
            Op::LdaHole { .. } => self.acc = self.push(Inst::Const(Value::HOLE), Repr::Boxed),
            Op::Nop { .. } => {}
            Op::LdaInt { value, .. } => self.acc = self.push(Inst::Int32Const(value), Repr::Int32),
            Op::Ldar { src, .. } => self.acc = self.read(src),
            Op::Star { dst, .. } if dst.0 >= 0 => self.regs[dst.0 as usize] = self.acc,
            Op::Mov { src, dst, .. } if dst.0 >= 0 => self.regs[dst.0 as usize] = self.read(src),
            Op::LdaConst { idx, .. } => self.acc = self.push(Inst::Const(self.f.code.constants[idx.0 as usize]), Repr::Boxed),
            Op::Not { .. } => {
                let c = self.condition(self.acc);
                self.acc = self.push(Inst::BoolNot(c), Repr::Bool);
            }
            Op::LdaContext { depth, index, .. } => {
                let inst = match self.f.frame {
                    Some(_) => Inst::LoadContextAt(context_slot(self.f.context, depth, index).expect("checked by translates_inline")),
                    None => Inst::LoadContext(depth, index),
                };
                self.acc = self.push(inst, Repr::Boxed);
            }
            Op::StaContext { depth, index, .. } => {
                let inst = match self.f.frame {
                    Some(_) => {
                        Inst::StoreContextAt(context_slot(self.f.context, depth, index).expect("checked by translates_inline"), self.acc)
                    }
                    None => Inst::StoreContext(depth, index, self.acc),
                };
                self.push(inst, Repr::Void);
            }
            Op::ThrowIfHole { .. } => {
                let d = self.point(pc);
                self.push(Inst::CheckNotHole(self.acc, d), Repr::Void);
            }
            Op::TestStrictEq { lhs, .. } => {
                let l = self.read(lhs);
                self.acc = self.push(Inst::StrictEqual(l, self.acc), Repr::Bool);
            }
            Op::Jump { target, .. } => {
                let to = self.block_at(target.0);
                self.jump(to);
                return false;
            }
            Op::JumpLoop { target, .. } => {
                let d = self.point(pc);
                self.push(Inst::LoopSafepoint(d), Repr::Void);
                let to = self.block_at(target.0);
                self.jump(to);
                return false;
            }
            Op::JumpIfTrue { target, .. } | Op::JumpIfFalse { target, .. } => {
                let mut c = self.condition(self.acc);
                if matches!(op, Op::JumpIfFalse { .. }) {
                    c = self.push(Inst::BoolNot(c), Repr::Bool);
                }
                self.branch(c, pc, target.0);
                return false;
            }
            Op::JumpIfNullish { target, .. } | Op::JumpIfNotNullish { target, .. } => {
                let mut c = self.push(Inst::IsNullish(self.acc), Repr::Bool);
                if matches!(op, Op::JumpIfNotNullish { .. }) {
                    c = self.push(Inst::BoolNot(c), Repr::Bool);
                }
                self.branch(c, pc, target.0);
                return false;
            }
            Op::JumpIfUndefined { target, .. } | Op::JumpIfNotUndefined { target, .. } | Op::JumpIfHole { target, .. } => {
                let k = if matches!(op, Op::JumpIfHole { .. }) { Value::HOLE } else { Value::UNDEFINED };
                let mut c = self.push(Inst::IsConst(self.acc, k), Repr::Bool);
                if matches!(op, Op::JumpIfNotUndefined { .. }) {
                    c = self.push(Inst::BoolNot(c), Repr::Bool);
                }
                self.branch(c, pc, target.0);
                return false;
            }
            Op::JumpIfStrictEqInt { value, target, .. } => {
                let c = self.push(Inst::IsConst(self.acc, Value::int(value)), Repr::Bool);
                self.branch(c, pc, target.0);
                return false;
            }
            Op::Return { .. } => {
                let t = match self.f.ret {
                    Some(to) => {
                        let v = match self.g.inst(self.acc) {
                            _ if !self.f.construct => self.acc,
                            Inst::Const(k) if !k.is_object() => self.f.this,
                            _ => self.push(Inst::ConstructResult(self.acc, self.f.this), Repr::Boxed),
                        };
                        Terminator::Jump(Edge { to, args: vec![v] })
                    }
                    None => Terminator::Return(self.acc),
                };
                self.set_term(t);
                return false;
            }
            Op::Throw { .. } | Op::ThrowError { .. } => {
                self.generic(pc, op);
                self.set_term(Terminator::Unreachable);
                return false;
            }
            _ => {
                self.generic(pc, op);
                if let Some(t) = op.jump_target() {
                    let c = self.push(Inst::TookJump(t.0), Repr::Bool);
                    self.branch(c, pc, t.0);
                    return false;
                }
            }
        }
        true
    }

    /// The plan's speculative code for the instruction; false when it has none.
    fn speculate(&mut self, pc: u32, op: Op, spec: &'c Speculation) -> bool {
        match (spec, op) {
            (Speculation::Inline(call), Op::Call { callee, this_reg, argc, .. }) => {
                self.inline(pc, callee, Receiver::Reg(this_reg), this_reg.offset(1), argc, call)
            }
            (Speculation::Inline(call), Op::CallUndefined { callee, this_reg, argc, .. }) => {
                self.inline(pc, callee, Receiver::Undefined, this_reg.offset(1), argc, call)
            }
            (Speculation::Inline(call), Op::Construct { callee, args, argc, .. }) => {
                self.inline(pc, callee, Receiver::Constructed, args, argc, call)
            }
            (Speculation::Builtin(m, f), Op::Call { callee, this_reg, .. } | Op::CallUndefined { callee, this_reg, .. }) => {
                self.builtin(pc, callee, this_reg, *m, *f)
            }
            (Speculation::CallKnown(m), Op::Call { .. } | Op::CallUndefined { .. }) => {
                self.generic_as(pc, op, |d| Inst::CallKnown(pc, op, d, m.clone()));
            }
            (Speculation::Transition(t), Op::SetNamed { obj, .. } | Op::DefineNamed { obj, .. }) => {
                let o = self.read(obj);
                let d = self.point(pc);
                self.push(Inst::CheckShape(o, Box::new([t.from]), d), Repr::Void);
                self.push(Inst::AddProperty(o, *t, self.acc, d), Repr::Void);
            }
            (Speculation::GlobalSlot(guard, global), Op::LdaGlobal { .. }) => {
                let o = self.push(Inst::Const(*global), Repr::Boxed);
                self.check_shape(o, std::slice::from_ref(guard), pc);
                let d = self.point(pc);
                self.acc = self.push(Inst::LoadSlot(o, Box::new([*guard]), d), Repr::Boxed);
            }
            (Speculation::GlobalConst(v), Op::LdaGlobal { .. }) => self.acc = self.push(Inst::Const(*v), Repr::Boxed),
            (Speculation::GlobalCell(cell), Op::LdaGlobal { .. }) => {
                let d = self.point(pc);
                self.acc = self.push(Inst::LoadCell(*cell, d), Repr::Boxed);
            }
            (Speculation::Int32, _) if Int32Op::of(op).is_some() => {
                let (which, lhs) = Int32Op::of(op).expect("checked by the guard");
                // `lhs op acc`, or `acc ± 1` for `++`/`--`.
                let (l, r) = match lhs {
                    Some(lhs) => (self.read(lhs), self.acc),
                    None => (self.acc, self.push(Inst::Int32Const(1), Repr::Int32)),
                };
                let (x, y) = (self.int32(l, pc), self.int32(r, pc));
                let d = if which.can_fail() { Some(self.point(pc)) } else { None };
                self.acc = self.push(Inst::Int32Binary(which, x, y, d), Repr::Int32);
            }
            (Speculation::IntKey(site), Op::ToPropertyKey { .. }) => {
                let d = self.point(pc);
                self.g.deopts[d.0 as usize].site = *site;
                self.acc = self.push(Inst::CheckInt32(self.acc, d), Repr::Int32);
            }
            (Speculation::Int32, Op::ToNumeric { .. }) => self.acc = self.int32(self.acc, pc),
            (Speculation::Number, Op::ToNumeric { .. }) => self.acc = self.number(self.acc, pc),
            (s @ (Speculation::Int32 | Speculation::Number), Op::Negate { .. }) => {
                // `x * -1`: the int32 multiplication's checks catch -0 and -(-2^31).
                let minus_one = self.push(Inst::Int32Const(-1), Repr::Int32);
                self.acc = if matches!(s, Speculation::Int32) {
                    let x = self.int32(self.acc, pc);
                    let d = self.point(pc);
                    self.push(Inst::Int32Binary(Int32Op::Mul, x, minus_one, Some(d)), Repr::Int32)
                } else {
                    let x = self.number(self.acc, pc);
                    self.push(Inst::Float64Binary(Float64Op::Mul, x, minus_one), Repr::Float64)
                };
            }
            (s @ (Speculation::Int32 | Speculation::Number), Op::BitNot { .. }) => {
                let x = self.to_int32(self.acc, pc, matches!(s, Speculation::Number));
                let minus_one = self.push(Inst::Int32Const(-1), Repr::Int32);
                self.acc = self.push(Inst::Int32Binary(Int32Op::Xor, x, minus_one, None), Repr::Int32);
            }
            (Speculation::Number, _) if Int32Op::of(op).is_some_and(|(k, _)| k.is_bitwise()) => {
                let (which, lhs) = Int32Op::of(op).expect("checked by the guard");
                let l = self.read(lhs.expect("bitwise operators have a left operand"));
                let (x, y) = (self.to_int32(l, pc, true), self.to_int32(self.acc, pc, true));
                self.acc = if which == Int32Op::Shr {
                    self.push(Inst::ShrToFloat64(x, y), Repr::Float64)
                } else {
                    self.push(Inst::Int32Binary(which, x, y, None), Repr::Int32)
                };
            }
            (Speculation::Number, Op::Add { lhs, .. } | Op::Sub { lhs, .. } | Op::Mul { lhs, .. } | Op::Div { lhs, .. }) => {
                let which = match op {
                    Op::Add { .. } => Float64Op::Add,
                    Op::Sub { .. } => Float64Op::Sub,
                    Op::Mul { .. } => Float64Op::Mul,
                    _ => Float64Op::Div,
                };
                let l = self.read(lhs);
                let (x, y) = (self.number(l, pc), self.number(self.acc, pc));
                self.acc = self.push(Inst::Float64Binary(which, x, y), Repr::Float64);
            }
            (
                s @ (Speculation::Int32 | Speculation::Number),
                Op::TestLt { lhs, .. }
                | Op::TestLe { lhs, .. }
                | Op::TestGt { lhs, .. }
                | Op::TestGe { lhs, .. }
                | Op::TestEq { lhs, .. }
                | Op::TestStrictEq { lhs, .. },
            ) => {
                let cmp = match op {
                    Op::TestEq { .. } | Op::TestStrictEq { .. } => Compare::Eq,
                    Op::TestLt { .. } => Compare::Lt,
                    Op::TestLe { .. } => Compare::Le,
                    Op::TestGt { .. } => Compare::Gt,
                    _ => Compare::Ge,
                };
                let l = self.read(lhs);
                let both_int = matches!(s, Speculation::Int32);
                let inst = if both_int {
                    let (x, y) = (self.int32(l, pc), self.int32(self.acc, pc));
                    Inst::Int32Compare(cmp, x, y)
                } else {
                    let (x, y) = (self.number(l, pc), self.number(self.acc, pc));
                    Inst::Float64Compare(cmp, x, y)
                };
                self.acc = self.push(inst, Repr::Bool);
            }
            (Speculation::Load(guards), Op::GetNamed { obj, .. }) => {
                let o = self.read(obj);
                self.check_shape(o, guards, pc);
                let d = self.point(pc);
                self.acc = self.push(Inst::LoadSlot(o, guards.clone().into_boxed_slice(), d), Repr::Boxed);
            }
            (Speculation::ArrayLength, Op::GetNamed { obj, .. }) => {
                let o = self.read(obj);
                let d = self.point(pc);
                self.acc = self.push(Inst::ArrayLength(o, d), Repr::Int32);
            }
            (Speculation::Store(guards), Op::SetNamed { obj, .. }) => {
                let o = self.read(obj);
                self.check_shape(o, guards, pc);
                self.push(Inst::StoreSlot(o, guards.clone().into_boxed_slice(), self.acc), Repr::Void);
            }
            (Speculation::Element, Op::GetKeyed { obj, .. }) => {
                let o = self.read(obj);
                let k = self.int32(self.acc, pc);
                let d = self.point(pc);
                let addr = self.push(Inst::ElementAddr(o, k, d), Repr::Ptr);
                self.acc = self.push(Inst::LoadElement(addr), Repr::Boxed);
            }
            (Speculation::Element, Op::SetKeyed { obj, key, .. }) => {
                let o = self.read(obj);
                let k = self.read(key);
                let k = self.int32(k, pc);
                let d = self.point(pc);
                let addr = self.push(Inst::ElementAddr(o, k, d), Repr::Ptr);
                self.push(Inst::StoreElement(addr, self.acc), Repr::Void);
            }
            _ => return false,
        }
        true
    }

    /// The call at `pc` of the built-in `f` (receiver in `this_reg`, arguments after it),
    /// computed as `m` says.
    fn builtin(&mut self, pc: u32, callee: Reg, this_reg: Reg, m: super::BuiltinCall, f: Gc<JsObject>) {
        let d = self.point(pc);
        let fv = self.read(callee);
        self.push(Inst::CheckIdentity(fv, Value::object(f), d), Repr::Void);
        let first = this_reg.offset(1);
        if let super::BuiltinCall::Method(k) = m {
            let args: Box<[ValueId]> = (0..=k.argc()).map(|i| self.read(this_reg.offset(i))).collect();
            self.acc = self.push(Inst::CallBuiltin(k, args, d), Repr::Boxed);
            // Pushing onto an array that is a prototype invalidates the chains through it.
            self.check_valid(pc + 1, pc);
            return;
        }
        let x = self.read(first);
        self.acc = match m {
            super::BuiltinCall::Unary(k) => {
                let x = self.number(x, pc);
                self.push(Inst::Float64Unary(k, x), Repr::Float64)
            }
            super::BuiltinCall::Binary(k) => {
                let y = self.read(first.offset(1));
                let (x, y) = (self.number(x, pc), self.number(y, pc));
                self.push(Inst::Float64Binary(k, x, y), Repr::Float64)
            }
            super::BuiltinCall::Imul => {
                let y = self.read(first.offset(1));
                let (x, y) = (self.int32(x, pc), self.int32(y, pc));
                self.push(Inst::Int32Binary(Int32Op::Imul, x, y, None), Repr::Int32)
            }
            super::BuiltinCall::Method(_) => unreachable!("handled above"),
        };
    }

    fn check_shape(&mut self, o: ValueId, guards: &[super::SlotGuard], pc: u32) {
        let d = self.point(pc);
        let shapes: Box<[usize]> = guards.iter().map(|g| g.shape).collect();
        self.push(Inst::CheckShape(o, shapes, d), Repr::Void);
    }
}
