//! Lowering a [`Graph`] to Cranelift IR.
//!
//! IR values become Cranelift values of their representation's type (block parameters
//! included), so registers live in machine registers, unboxed where representation selection
//! said so. The interpreter's frame is written only when something reads it: before a
//! [`Inst::Generic`] instruction (which runs the baseline tier's code for a bytecode instruction,
//! reading its operands from the frame), before a safepoint's slow path, and in each deopt
//! exit. What the frame holds is tracked per register (the IR value last written or read
//! there), so a register is written again only when its value changed.

use super::ir::*;
use super::liveness::{reads, Reads};
use crate::bytecode::ops::Op;
use crate::interpreter::frame::{ACC_SLOT, ARGC_SLOT, CALLER_FP_SLOT, FLAGS_SLOT, FLAG_REALM_SHIFT, HEADER, THIS_SLOT};
use crate::jit::call_stub::{charge_poll, int_value, poll_due, rt_offset, RtField, NOT_HANDLED};
use crate::jit::code_module::*;
use crate::jit::deopt::{DeoptExit, DeoptReason, ExitSlot, ExitValue, InlinedHeader};
use crate::jit::equality::{equal_to_interned, interned_string_len, strict_equal_by_stub, EqualityOp};
use crate::jit::translate::{next_pc_offset, reg_offset, FnTranslator, InlinedCaller, KnownCaller};
use crate::jit::NO_OSR;
use crate::runtime::object::{ObjectKind, ValidityCell, INLINE_SLOTS};
use crate::value::Value;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types, Block, BlockArg, InstBuilder, MemFlagsData, Type};
use cranelift_frontend::Switch;
use std::collections::HashMap;

fn clif_type(r: Repr) -> Type {
    match r {
        Repr::Boxed | Repr::Ptr | Repr::Void => types::I64,
        Repr::Int32 => types::I32,
        Repr::Float64 => types::F64,
        Repr::Bool => types::I8,
    }
}

/// Lowers `g` (its blocks in `order`) into the translator's function; returns its deopt exits
/// (the code names them from `exit_base` on).
pub(crate) fn lower(
    t: FnTranslator<'_>,
    g: &Graph,
    order: &[BlockId],
    deopt_every: bool,
    inline_base: u32,
    exit_base: u32,
) -> Vec<DeoptExit> {
    let l = Lowering {
        inline_base,
        exit_base,
        exits: vec![],
        exit_blocks: HashMap::new(),
        deopt_call: None,
        store_chain: HashMap::new(),
        chain: vec![],
        inlined_frames: None,
        fresh: Fresh::default(),
        fresh_out: vec![None; g.blocks.len()],
        t,
        g,
        vals: vec![None; g.insts.len()],
        cblocks: vec![None; g.blocks.len()],
        preds: super::passes::predecessors(g, order),
        known: vec![],
        out: vec![None; g.blocks.len()],
        deopt_every,
    };
    l.run(order)
}

/// What the frame holds, per register: the IR value last written there or read from it.
type FrameHolds = Vec<Option<ValueId>>;

/// One write of the exits' shared store chains: `value` to byte `offset` of the function's
/// frame (or of the inlined frames' area), then on to node `next` (`None`: the deopt call).
struct ChainNode {
    inlined: bool,
    offset: i32,
    value: ValueId,
    next: Option<u32>,
    /// Nodes whose next this is.
    preds: u32,
    /// Its block, if it starts one: an exit jumps to it, or several nodes lead to it. Any
    /// other node is written in the block of its one predecessor.
    block: Option<Block>,
}

struct Lowering<'a, 'g> {
    t: FnTranslator<'a>,
    g: &'g Graph,
    vals: Vec<Option<CValue>>,
    cblocks: Vec<Option<Block>>,
    /// Incoming edges of each block: (predecessor, index among its successors).
    preds: Vec<Vec<(BlockId, usize)>>,
    /// What the frame holds now.
    known: FrameHolds,
    /// `known` at the end of each lowered block.
    out: Vec<Option<FrameHolds>>,
    deopt_every: bool,
    /// The index in `FunctionCode::opt_inlined` of the graph's first inlined frame.
    inline_base: u32,
    /// The index in `FunctionCode::opt_exits` of the code's first exit.
    exit_base: u32,
    /// The exits made so far.
    exits: Vec<DeoptExit>,
    /// The exit blocks of each deopt point, with the reason and what the frame held when each
    /// was made.
    exit_blocks: HashMap<DeoptId, Vec<(DeoptReason, FrameHolds, Block)>>,
    /// The one block that calls `jit_deopt` (exit index and accumulator in memory) and returns its
    /// result: the exits jump there, so the code has one call for them all.
    deopt_call: Option<Block>,
    /// The writes of the exits, as chains of [`ChainNode`]s ending in `deopt_call`: keyed by
    /// (inlined frames' area, byte offset, value, next node). An exit writes its newest values
    /// first, so exits that leave the same older values share the nodes that write those
    /// (most registers hold the same values from one exit to the next).
    store_chain: HashMap<(bool, i32, ValueId, Option<u32>), u32>,
    /// The nodes of `store_chain`, emitted once every exit is known ([`Self::emit_chains`]).
    chain: Vec<ChainNode>,
    /// Where inlined frames start (past the function's own frame and its extra arguments):
    /// computed on entry when the graph inlines calls.
    inlined_frames: Option<CValue>,
    /// Fresh objects and checked chains at the current instruction (in the current block, or
    /// flowing from its only lowered predecessor).
    fresh: Fresh,
    /// `fresh` at the end of each lowered block.
    fresh_out: Vec<Option<Fresh>>,
}

/// What stays true from one instruction to the next while nothing runs that could change
/// objects (see [`Inst::clobbers`]): which objects are fresh and which prototype chains were
/// found valid.
#[derive(Clone, Default)]
struct Fresh {
    /// Objects made since (`CreateThis`, `CreateObject`) that nothing has touched but
    /// `AddProperty`s of their next inline slot: how many slots each has. Such an object is no
    /// prototype and has no out-of-line buffer, so adding its next property needs no check but
    /// the prototype chain's.
    objects: HashMap<ValueId, u32>,
    /// The validity cells (addresses) of the prototype chains checked since: adding a property
    /// to a fresh object changes no chain, so one check covers the others.
    chains: Vec<usize>,
}

impl Lowering<'_, '_> {
    fn run(mut self, order: &[BlockId]) -> Vec<DeoptExit> {
        let g = self.g;
        for &b in order {
            let blk = self.t.b.create_block();
            for &p in &g.blocks[b.0 as usize].params {
                let v = self.t.b.append_block_param(blk, clif_type(g.repr(p)));
                self.vals[p.0 as usize] = Some(v);
            }
            self.cblocks[b.0 as usize] = Some(blk);
            if g.blocks[b.0 as usize].kind == BlockKind::Handler {
                // The landing blocks of the shared translator jump here with the exception.
                self.t.blocks[g.blocks[b.0 as usize].pc as usize] = Some(blk);
            }
        }
        self.t.handler_takes_exception = true;

        // Entry: pc 0, or a loop header (on-stack replacement).
        let entry = self.t.b.create_block();
        self.t.b.append_block_params_for_function_params(entry);
        self.t.b.switch_to_block(entry);
        let params = self.t.b.block_params(entry).to_vec();
        (self.t.rt, self.t.frame, self.t.fp) = (params[0], params[1], params[2]);
        let undef = self.t.b.ins().iconst(types::I64, Value::UNDEFINED.to_bits() as i64);
        self.t.b.def_var(self.t.acc, undef);
        self.vals[g.dead.0 as usize] = Some(undef);
        if !g.inlined.is_empty() {
            // Inlined frames go past the end of the function's own frame, which holds its
            // arguments beyond its parameters too.
            let fl = MemFlagsData::trusted();
            let info = self.t.code.frame;
            let own = (HEADER + info.params as usize + info.registers as usize) as i64;
            let argc = self.t.b.ins().load(types::I32, fl, self.t.frame, (ARGC_SLOT * 8) as i32);
            let extra = self.t.b.ins().iadd_imm_s(argc, -(info.params as i64));
            let zero = self.t.b.ins().iconst(types::I32, 0);
            let extra = self.t.b.ins().smax(extra, zero);
            let extra = self.t.b.ins().sextend(types::I64, extra);
            let extra = self.t.b.ins().ishl_imm_s(extra, 3);
            let end = self.t.b.ins().iadd(self.t.frame, extra);
            self.inlined_frames = Some(self.t.b.ins().iadd_imm_s(end, own * 8));
        }
        let mut switch = Switch::new();
        switch.set_entry(0, self.cblock(g.entry));
        for &(h, ob) in &g.osr_entries {
            if let Some(blk) = self.cblocks[ob.0 as usize] {
                switch.set_entry(h as u128, blk);
            }
        }
        let bad = self.t.propagate_block();
        switch.emit(&mut self.t.b, params[3], bad);

        for &b in order {
            self.block(b);
        }
        if let Some(blk) = self.deopt_call {
            self.emit_chains(blk);
            self.t.b.switch_to_block(blk);
            let r = self.t.call_rt(CallRefs::deopt, &[self.t.rt, self.t.fp]);
            self.t.b.ins().return_(&[r]);
        }
        self.t.finish_exits();
        self.t.b.seal_all_blocks();
        let tcfg = self.t.tcfg;
        self.t.b.finalize(tcfg);
        self.exits
    }

    fn cblock(&self, b: BlockId) -> Block {
        self.cblocks[b.0 as usize].expect("reachable block")
    }

    fn val(&self, v: ValueId) -> CValue {
        self.vals[v.0 as usize].unwrap_or_else(|| panic!("v{} used before it is defined", v.0))
    }

    /// `v` in representation `want` (boxing, or widening an int32 to a double).
    fn as_repr(&mut self, v: ValueId, want: Repr) -> CValue {
        let have = self.g.repr(v);
        let x = self.val(v);
        match (have, want) {
            (a, b) if a == b => x,
            (Repr::Int32, Repr::Boxed) => self.t.box_int(x),
            (Repr::Float64, Repr::Boxed) => self.t.box_f64(x),
            (Repr::Bool, Repr::Boxed) => self.t.bool_value(x),
            (Repr::Int32, Repr::Float64) => self.t.b.ins().fcvt_from_sint(types::F64, x),
            _ => panic!("no conversion of v{} from {have:?} to {want:?}", v.0),
        }
    }

    fn boxed(&mut self, v: ValueId) -> CValue {
        self.as_repr(v, Repr::Boxed)
    }

    /// What the frame holds at entry to `b`: a register whose value every lowered predecessor
    /// left in the frame (and no back edge can have changed).
    fn entry_known(&self, b: BlockId) -> Vec<Option<ValueId>> {
        let g = self.g;
        let blk = &g.blocks[b.0 as usize];
        let mut known = vec![None; g.nregs];
        if blk.kind != BlockKind::Normal || blk.entry_state.is_empty() {
            return known;
        }
        let preds: Vec<(BlockId, &Edge)> = self.preds[b.0 as usize].iter().map(|&(p, i)| (p, g.successors(p)[i])).collect();
        if preds.is_empty() {
            return known;
        }
        let param_index: std::collections::HashMap<ValueId, usize> = blk.params.iter().enumerate().map(|(i, &p)| (p, i)).collect();
        for (r, k) in known.iter_mut().enumerate() {
            let v = blk.entry_state[r];
            let param = param_index.get(&v).copied();
            let ok = preds.iter().all(|(p, e)| match &self.out[p.0 as usize] {
                Some(out) => out[r] == Some(param.map_or(v, |i| e.args[i])),
                // A predecessor not lowered yet (a back edge) writes the frame only with the
                // register's current value, which is `v` unless `v` is a parameter here.
                None => param.is_none(),
            });
            if ok {
                *k = Some(v);
            }
        }
        known
    }

    fn block(&mut self, b: BlockId) {
        let g = self.g;
        self.t.b.switch_to_block(self.cblock(b));
        self.known = self.entry_known(b);
        // Fresh objects stay fresh into a block only its lowered predecessor reaches (an
        // inlined constructor's body, after the caller's `CreateThis`).
        self.fresh = match self.preds[b.0 as usize].as_slice() {
            [(p, _)] if g.blocks[b.0 as usize].kind == BlockKind::Normal => self.fresh_out[p.0 as usize].clone().unwrap_or_default(),
            _ => Fresh::default(),
        };
        for &v in &g.blocks[b.0 as usize].insts {
            self.inst(v);
        }
        self.out[b.0 as usize] = Some(self.known.clone());
        self.fresh_out[b.0 as usize] = Some(std::mem::take(&mut self.fresh));
        match &g.blocks[b.0 as usize].term {
            Terminator::Jump(e) => {
                let args = self.edge_args(e);
                let to = self.cblock(e.to);
                self.t.b.ins().jump(to, &args);
            }
            Terminator::Branch(c, te, fe) => {
                let c = self.val(*c);
                let (ta, fa) = (self.edge_args(te), self.edge_args(fe));
                let (tb, fb) = (self.cblock(te.to), self.cblock(fe.to));
                self.t.b.ins().brif(c, tb, &ta, fb, &fa);
            }
            Terminator::Return(v) => {
                let r = self.boxed(*v);
                self.t.b.ins().return_(&[r]);
            }
            Terminator::Unreachable | Terminator::None => {
                let p = self.t.propagate_block();
                self.t.b.ins().jump(p, NO_ARGS);
            }
        }
    }

    fn edge_args(&mut self, e: &Edge) -> Vec<BlockArg> {
        let params = &self.g.blocks[e.to.0 as usize].params;
        let mut out = Vec::with_capacity(e.args.len());
        for (k, &a) in e.args.iter().enumerate() {
            let want = self.g.repr(params[k]);
            out.push(BlockArg::Value(self.as_repr(a, want)));
        }
        out
    }

    /// Writes the registers of `d`'s state the frame does not hold yet; `commit`: the frame
    /// keeps them on every path from here (false in a conditional slow path). With `needed`
    /// (a runtime call that no handler covers), a register in an unboxed representation is
    /// written only if `needed` says the call reads it: the collector has nothing to find in
    /// it, and every later reader (a deopt exit, another call) writes it itself. Parameters are
    /// always written (`f.arguments` reads them from the frame).
    fn sync(&mut self, d: DeoptId, commit: bool, needed: Option<&[bool]>) {
        let regs = &self.g.deopts[d.0 as usize].regs;
        let params = self.t.code.block.param_count as usize;
        for (r, &v) in regs.iter().enumerate() {
            if self.known[r] == Some(v) || v == self.g.dead {
                continue;
            }
            let unboxed = matches!(self.g.repr(v), Repr::Int32 | Repr::Float64 | Repr::Bool);
            if unboxed && r >= params && needed.is_some_and(|n| !n[r]) {
                continue;
            }
            let x = self.boxed(v);
            self.t.b.ins().store(MemFlagsData::trusted(), x, self.t.frame, reg_offset(crate::bytecode::ops::Reg(r as i32)));
            if commit {
                self.known[r] = Some(v);
            }
        }
    }

    /// Deoptimizes at `d` for `reason` when `cond` holds (or when `--deopt-every`'s countdown
    /// runs out); otherwise continues in a new block (see [`Self::exit_if`]).
    fn deopt_if(&mut self, cond: CValue, d: DeoptId, reason: DeoptReason) {
        let cond = if self.deopt_every {
            let flags = MemFlagsData::trusted();
            let off = FnTranslator::deopt_countdown_offset();
            let n = self.t.b.ins().load(types::I32, flags, self.t.rt, off);
            let n = self.t.b.ins().iadd_imm_s(n, -1);
            self.t.b.ins().store(flags, n, self.t.rt, off);
            let due = self.t.b.ins().icmp_imm_s(IntCC::Equal, n, 0);
            self.t.b.ins().bor(cond, due)
        } else {
            cond
        };
        self.exit_if(cond, d, reason);
    }

    /// Deoptimizes at `d` for `reason` when `cond` holds, never forced by `--deopt-every`: for
    /// the failure of an instruction that has done its work when it succeeds (resuming at `d`
    /// would do it twice). Guards of one deopt point and reason share an exit while the frame
    /// holds the same values.
    fn exit_if(&mut self, cond: CValue, d: DeoptId, reason: DeoptReason) {
        let cont = self.t.b.create_block();
        let shared =
            self.exit_blocks.get(&d).and_then(|v| v.iter().find(|(r, known, _)| *r == reason && *known == self.known)).map(|e| e.2);
        let exit = match shared {
            Some(exit) => exit,
            None => {
                let exit = self.cold_block();
                self.exit_blocks.entry(d).or_default().push((reason, self.known.clone(), exit));
                exit
            }
        };
        self.t.b.ins().brif(cond, exit, NO_ARGS, cont, NO_ARGS);
        if shared.is_none() {
            self.t.b.switch_to_block(exit);
            self.exit(d, reason);
        }
        self.t.b.switch_to_block(cont);
    }

    /// A deopt exit at `d` for `reason`: writes the frame (and those of inlined calls), leaving
    /// to the runtime what its [`DeoptExit`] records, and has the interpreter finish the
    /// function; its result is this code's. The exit's index and
    /// accumulator go to memory (`Jit::exit_index`, the frame's accumulator slot), not along
    /// the chain of blocks as arguments: those blocks then take no parameters, which the
    /// register allocator would have to move on every edge.
    fn exit(&mut self, d: DeoptId, reason: DeoptReason) {
        let (g, fl) = (self.g, MemFlagsData::trusted());
        // The frames, innermost first; the last is the function's own.
        let chain = g.frame_chain(d);
        let root = *chain.last().expect("non-empty");
        let mut slots = vec![];
        // What the exit writes, by the shared chain of blocks below: (inlined frames' area,
        // byte offset, value).
        let mut writes: Vec<(bool, i32, ValueId)> = vec![];
        for (r, &v) in g.deopts[root.0 as usize].regs.iter().enumerate() {
            if self.known[r] != Some(v) && v != g.dead {
                self.spill(v, (false, 0), (u32::MAX, HEADER + r), &mut writes, &mut slots);
            }
        }
        for &p in chain.iter().rev().skip(1) {
            let point = &g.deopts[p.0 as usize];
            let index = point.frame.expect("an inlined frame's point");
            let base = (true, g.inlined[index as usize].offset as i32 * 8);
            let frame = self.inline_base + index;
            // Every register (dead ones become undefined): the stack above the function's
            // frame holds stale values the collector must not see.
            for (r, &v) in point.regs.iter().enumerate() {
                self.spill(v, base, (frame, HEADER + r), &mut writes, &mut slots);
            }
            self.spill(point.this, base, (frame, THIS_SLOT), &mut writes, &mut slots);
        }
        let p = &g.deopts[d.0 as usize];
        let (acc, acc_kind) = self.raw(p.acc);
        self.exits.push(DeoptExit {
            pc: p.pc,
            site: p.site,
            reason,
            inline: p.frame.map_or(u32::MAX, |f| self.inline_base + f),
            acc: acc_kind,
            slots: slots.into_boxed_slice(),
        });
        let index = self.t.i32c(self.exit_base + self.exits.len() as u32 - 1);
        self.t.b.ins().store(fl, index, self.t.rt, FnTranslator::exit_index_offset());
        self.t.b.ins().store(fl, acc, self.t.frame, (ACC_SLOT * 8) as i32);
        // The interpreter finishes the frame (its handlers included): that is this code's result.
        let call = match self.deopt_call {
            Some(b) => b,
            None => {
                let b = self.cold_block();
                self.deopt_call = Some(b);
                b
            }
        };
        // The chain for `writes`, oldest value last: the nodes it lacks are made.
        writes.sort_by_key(|&(inlined, offset, v)| (std::cmp::Reverse(v.0), inlined, offset));
        let mut next = None;
        for &(inlined, offset, value) in writes.iter().rev() {
            let node = match self.store_chain.get(&(inlined, offset, value, next)) {
                Some(&n) => n,
                None => {
                    let n = self.chain.len() as u32;
                    self.chain.push(ChainNode { inlined, offset, value, next, preds: 0, block: None });
                    if let Some(m) = next {
                        self.chain[m as usize].preds += 1;
                    }
                    self.store_chain.insert((inlined, offset, value, next), n);
                    n
                }
            };
            next = Some(node);
        }
        let target = match next {
            Some(n) => match self.chain[n as usize].block {
                Some(b) => b,
                None => {
                    let b = self.cold_block();
                    self.chain[n as usize].block = Some(b);
                    b
                }
            },
            None => call,
        };
        self.t.b.ins().jump(target, NO_ARGS);
    }

    /// The exits' store chains, once all are known: a block for each node an exit jumps to or
    /// several nodes lead to, writing the nodes up to the next such one, so that the chains
    /// take as few blocks as their sharing allows. `call`: the deopt call they end in.
    fn emit_chains(&mut self, call: Block) {
        let fl = MemFlagsData::trusted();
        for n in 0..self.chain.len() {
            if self.chain[n].preds > 1 && self.chain[n].block.is_none() {
                self.chain[n].block = Some(self.cold_block());
            }
        }
        for n in 0..self.chain.len() {
            let Some(blk) = self.chain[n].block else { continue };
            self.t.b.switch_to_block(blk);
            let mut cur = n;
            loop {
                let node = &self.chain[cur];
                let (x, next) = (self.val(node.value), node.next);
                let base = if node.inlined { self.inlined_frames.expect("made with the inlined frames") } else { self.t.frame };
                self.t.b.ins().store(fl, x, base, node.offset);
                match next.map(|m| (m, self.chain[m as usize].block)) {
                    None => {
                        self.t.b.ins().jump(call, NO_ARGS);
                        break;
                    }
                    Some((_, Some(b))) => {
                        self.t.b.ins().jump(b, NO_ARGS);
                        break;
                    }
                    Some((m, None)) => cur = m as usize,
                }
            }
        }
    }

    /// Before a call made by an inlined callee (at `d`, a point of its frame): the function's
    /// registers, then the frames of the inlined calls `d` is in, header and registers, as a
    /// deopt exit and `deopt::inlined_frames` would write them. The callee's frame links to
    /// them (stack traces, the collector, a deopt inside it see a caller like any other), and
    /// the runtime's stack top goes past them: the collector scans every slot below it.
    fn write_inlined_frames(&mut self, d: DeoptId) -> KnownCaller {
        let (g, fl) = (self.g, MemFlagsData::trusted());
        let chain = g.frame_chain(d);
        let root = *chain.last().expect("non-empty");
        self.sync(root, true, None);
        let rt = self.t.rt;
        let area = self.inlined_frames.expect("made with the inlined frames");
        let words = self.t.b.ins().isub(area, self.t.frame);
        let words = self.t.b.ins().ushr_imm_s(words, 3);
        let area_fp = self.t.b.ins().iadd(self.t.fp, words);
        let realm = self.t.b.ins().uload32(fl, rt, rt_offset(RtField::Realm));
        let realm_bits = self.t.b.ins().ishl_imm_s(realm, FLAG_REALM_SHIFT as i64);
        let (mut frame, mut fp, mut end) = (self.t.frame, self.t.fp, None);
        for &p in chain.iter().rev().skip(1) {
            let point = &g.deopts[p.0 as usize];
            let f = &g.inlined[point.frame.expect("an inlined frame's point") as usize];
            let closure = f.closure.as_object().expect("inlined callees are closures");
            let header = InlinedHeader::of(closure, f.argc, f.construct, f.call_pc);
            let addr = self.t.b.ins().iadd_imm_s(area, f.offset as i64 * 8);
            let ffp = self.t.b.ins().iadd_imm_s(area_fp, f.offset as i64);
            for (slot, v) in header.constants() {
                let k = self.t.b.ins().iconst(types::I64, v.to_bits() as i64);
                self.t.b.ins().store(fl, k, addr, (slot * 8) as i32);
            }
            let caller = int_value(&mut self.t.b, fp);
            self.t.b.ins().store(fl, caller, addr, (CALLER_FP_SLOT * 8) as i32);
            let flags = self.t.b.ins().bor_imm_s(realm_bits, header.flags as i64);
            let flags = int_value(&mut self.t.b, flags);
            self.t.b.ins().store(fl, flags, addr, (FLAGS_SLOT * 8) as i32);
            let this = self.boxed(point.this);
            self.t.b.ins().store(fl, this, addr, (THIS_SLOT * 8) as i32);
            // Every register: dead ones as `undefined` (the collector reads them all).
            for (r, &v) in point.regs.iter().enumerate() {
                let x = self.boxed(v);
                self.t.b.ins().store(fl, x, addr, ((HEADER + r) * 8) as i32);
            }
            (frame, fp) = (addr, ffp);
            end = Some(self.t.b.ins().iadd_imm_s(ffp, (HEADER + point.regs.len()) as i64));
        }
        let sp = self.t.b.ins().load(types::I64, fl, rt, rt_offset(RtField::Sp));
        let end = end.expect("an inlined frame");
        self.t.b.ins().store(fl, end, rt, rt_offset(RtField::Sp));
        KnownCaller { frame, fp, inlined: Some(InlinedCaller { root_pc: g.deopts[root.0 as usize].pc, sp }) }
    }

    /// A new cold block.
    fn cold_block(&mut self) -> Block {
        let blk = self.t.b.create_block();
        self.t.b.set_cold_block(blk);
        blk
    }

    /// How an exit leaves `v`: a constant is left to the runtime, anything else is passed in
    /// its machine representation.
    fn exit_value(&self, v: ValueId) -> ExitValue {
        if v == self.g.dead {
            return ExitValue::Const(Value::UNDEFINED);
        }
        match (self.g.inst(v), self.g.repr(v)) {
            (Inst::Const(k), _) => ExitValue::Const(*k),
            (Inst::Int32Const(k), _) => ExitValue::Const(Value::int(*k)),
            (_, Repr::Int32) => ExitValue::Int32,
            (_, Repr::Float64) => ExitValue::Float64,
            (_, Repr::Bool) => ExitValue::Bool,
            (_, Repr::Boxed) => ExitValue::Boxed,
            // (Caught: the function is then not optimized.)
            (_, r @ (Repr::Ptr | Repr::Void)) => panic!("v{} ({r:?}) in a deopt state", v.0),
        }
    }

    /// `v`'s bits as an i64 argument of the deopt call, and how to box them.
    fn raw(&mut self, v: ValueId) -> (CValue, ExitValue) {
        let kind = self.exit_value(v);
        let x = match kind {
            ExitValue::Const(_) => self.t.b.ins().iconst(types::I64, 0),
            ExitValue::Boxed => self.val(v),
            ExitValue::Float64 => {
                let x = self.val(v);
                self.t.b.ins().bitcast(types::I64, MemFlagsData::new(), x)
            }
            ExitValue::Int32 | ExitValue::Bool => {
                let x = self.val(v);
                self.t.b.ins().uextend(types::I64, x)
            }
        };
        (x, kind)
    }

    /// How an exit leaves `v` in slot `at.1` of frame `at.0`: a write of its bits at that
    /// slot's offset from `base` (see `writes` in [`Self::exit`]), unless it is a constant, and
    /// a note in `slots` of how to box it, unless it is boxed.
    fn spill(&self, v: ValueId, base: (bool, i32), at: (u32, usize), writes: &mut Vec<(bool, i32, ValueId)>, slots: &mut Vec<ExitSlot>) {
        let value = self.exit_value(v);
        if !matches!(value, ExitValue::Const(_)) {
            writes.push((base.0, base.1 + (at.1 * 8) as i32, v));
        }
        if !matches!(value, ExitValue::Boxed) {
            slots.push(ExitSlot { frame: at.0, slot: at.1 as u32, value });
        }
    }

    fn inst(&mut self, v: ValueId) {
        let g = self.g;
        let fl = MemFlagsData::trusted();
        if g.inst(v).clobbers() && !matches!(g.inst(v), Inst::AddProperty(..)) {
            self.fresh = Fresh::default();
        }
        if matches!(g.inst(v), Inst::CreateThis(..) | Inst::CreateObject) {
            self.fresh.objects.insert(v, 0);
        }
        let r: Option<CValue> = match g.inst(v).clone() {
            Inst::Param => None,
            Inst::Const(k) => Some(self.t.b.ins().iconst(types::I64, k.to_bits() as i64)),
            Inst::Int32Const(k) => Some(self.t.b.ins().iconst(types::I32, k as i64)),
            Inst::LoadReg(reg) => {
                if let Ok(i) = usize::try_from(reg.0) {
                    self.known[i] = Some(v);
                }
                Some(self.t.b.ins().load(types::I64, fl, self.t.frame, reg_offset(reg)))
            }
            Inst::LoadAcc => Some(self.t.b.ins().load(types::I64, fl, self.t.frame, (ACC_SLOT * 8) as i32)),
            Inst::CheckInt32(x, d) => Some(self.check_int32(x, d)),
            Inst::CheckNumber(x, d) => Some(self.check_number(x, d)),
            Inst::Int32Binary(op, a, b, d) => {
                let (x, y) = (self.val(a), self.val(b));
                let (r, bad) = self.int32_op(op, x, y);
                if let (Some(bad), Some(d)) = (bad, d) {
                    self.deopt_if(bad, d, DeoptReason::Int32Overflow);
                }
                Some(r)
            }
            Inst::Float64Binary(op, a, b) => {
                let (x, y) = (self.as_repr(a, Repr::Float64), self.as_repr(b, Repr::Float64));
                Some(match op {
                    Float64Op::Add => self.t.b.ins().fadd(x, y),
                    Float64Op::Sub => self.t.b.ins().fsub(x, y),
                    Float64Op::Mul => self.t.b.ins().fmul(x, y),
                    Float64Op::Div => self.t.b.ins().fdiv(x, y),
                    Float64Op::Min => self.t.b.ins().fmin(x, y),
                    Float64Op::Max => self.t.b.ins().fmax(x, y),
                })
            }
            Inst::ToInt32(x, d) => Some(self.to_int32(x, d)),
            Inst::ShrToFloat64(a, b) => {
                let (x, y) = (self.val(a), self.val(b));
                let n = self.t.b.ins().band_imm_s(y, 31);
                let r = self.t.b.ins().ushr(x, n);
                Some(self.t.b.ins().fcvt_from_uint(types::F64, r))
            }
            Inst::Float64Unary(f, a) => {
                let x = self.as_repr(a, Repr::Float64);
                Some(crate::jit::number::float64_fn(&mut self.t.b, f, x))
            }
            Inst::Int32Compare(c, a, b) => {
                let (x, y) = (self.val(a), self.val(b));
                let cc = match c {
                    Compare::Eq => IntCC::Equal,
                    Compare::Lt => IntCC::SignedLessThan,
                    Compare::Le => IntCC::SignedLessThanOrEqual,
                    Compare::Gt => IntCC::SignedGreaterThan,
                    Compare::Ge => IntCC::SignedGreaterThanOrEqual,
                };
                Some(self.t.b.ins().icmp(cc, x, y))
            }
            Inst::Float64Compare(c, a, b) => {
                let (x, y) = (self.as_repr(a, Repr::Float64), self.as_repr(b, Repr::Float64));
                let cc = match c {
                    Compare::Eq => FloatCC::Equal,
                    Compare::Lt => FloatCC::LessThan,
                    Compare::Le => FloatCC::LessThanOrEqual,
                    Compare::Gt => FloatCC::GreaterThan,
                    Compare::Ge => FloatCC::GreaterThanOrEqual,
                };
                Some(self.t.b.ins().fcmp(cc, x, y))
            }
            Inst::BoolNot(x) => {
                let c = self.val(x);
                Some(self.t.b.ins().bxor_imm_s(c, 1))
            }
            Inst::Truthy(x) => Some(self.truthy(x)),
            Inst::StrictEqual(a, b) => Some(self.strict_equal(a, b)),
            Inst::LoadContext(depth, index) => {
                let addr = self.t.context_slot_address(depth, index);
                Some(self.t.b.ins().load(types::I64, fl, addr, 0))
            }
            Inst::StoreContext(depth, index, x) => {
                let val = self.boxed(x);
                let addr = self.t.context_slot_address(depth, index);
                self.t.b.ins().store(fl, val, addr, 0);
                None
            }
            Inst::IsConst(x, k) => {
                let b = self.boxed(x);
                Some(self.t.b.ins().icmp_imm_s(IntCC::Equal, b, k.to_bits() as i64))
            }
            Inst::IsNullish(x) => Some(match g.repr(x) {
                Repr::Boxed => {
                    let b = self.val(x);
                    let u = self.t.b.ins().icmp_imm_s(IntCC::Equal, b, Value::UNDEFINED.to_bits() as i64);
                    let n = self.t.b.ins().icmp_imm_s(IntCC::Equal, b, Value::NULL.to_bits() as i64);
                    self.t.b.ins().bor(u, n)
                }
                _ => self.t.b.ins().iconst(types::I8, 0),
            }),
            Inst::CheckShape(o, shapes, d) => {
                let ov = self.boxed(o);
                let tag = self.t.b.ins().ushr_imm_s(ov, 48);
                let not_obj = self.t.b.ins().icmp_imm_s(IntCC::NotEqual, tag, TAG_OBJECT);
                self.deopt_if(not_obj, d, DeoptReason::NotObject);
                let p = self.t.b.ins().band_imm_s(ov, PAYLOAD_MASK);
                let shape = self.t.b.ins().load(types::I64, fl, p, OBJECT_SHAPE_OFFSET);
                let mut miss = self.t.b.ins().iconst(types::I8, 1);
                for &s in shapes.iter() {
                    let other = self.t.b.ins().icmp_imm_s(IntCC::NotEqual, shape, s as i64);
                    miss = self.t.b.ins().band(miss, other);
                }
                self.deopt_if(miss, d, DeoptReason::ShapeMismatch);
                None
            }
            Inst::LoadSlot(o, guards, d) => {
                let addr = self.slot_address(o, &guards, Some(d));
                Some(self.t.b.ins().load(types::I64, fl, addr, 0))
            }
            Inst::StoreSlot(o, guards, x) => {
                let addr = self.slot_address(o, &guards, None);
                let val = self.boxed(x);
                self.t.b.ins().store(fl, val, addr, 0);
                None
            }
            Inst::ElementAddr(o, k, d) => Some(self.element_address(o, k, d)),
            Inst::ArrayLength(o, d) => {
                // An Array's length, read where `ObjectKind`'s fixed layout keeps it; anything
                // else (or a length past int32) deoptimizes.
                let v = self.boxed(o);
                let tag = self.t.b.ins().ushr_imm_s(v, 48);
                let not_obj = self.t.b.ins().icmp_imm_s(IntCC::NotEqual, tag, TAG_OBJECT);
                self.deopt_if(not_obj, d, DeoptReason::NotArray);
                let p = self.t.b.ins().band_imm_s(v, PAYLOAD_MASK);
                let kind = self.t.b.ins().uload8(types::I32, fl, p, OBJECT_KIND_OFFSET);
                let not_array = self.t.b.ins().icmp_imm_s(IntCC::NotEqual, kind, ObjectKind::ARRAY_TAG as i64);
                self.deopt_if(not_array, d, DeoptReason::NotArray);
                let len = self.t.b.ins().load(types::I32, fl, p, OBJECT_KIND_OFFSET + ObjectKind::ARRAY_LENGTH_OFFSET);
                let past_int32 = self.t.b.ins().icmp_imm_s(IntCC::SignedLessThan, len, 0);
                self.deopt_if(past_int32, d, DeoptReason::NotArray);
                Some(len)
            }
            Inst::LoadElement(a) => {
                let addr = self.val(a);
                Some(self.t.b.ins().load(types::I64, fl, addr, 0))
            }
            Inst::StoreElement(a, x) => {
                let addr = self.val(a);
                let val = self.boxed(x);
                self.t.b.ins().store(fl, val, addr, 0);
                None
            }
            // An inlined callee's instruction that needs its frame (see `write_inlined_frames`).
            Inst::Generic(pc, op, d) | Inst::CallKnown(pc, op, d, _) if g.deopts[d.0 as usize].frame.is_some() => {
                let acc = self.boxed(g.deopts[d.0 as usize].acc);
                self.t.b.def_var(self.t.acc, acc);
                let from = self.write_inlined_frames(d);
                match (g.inst(v), op) {
                    (Inst::CallKnown(.., m), _) => self.t.known_call(pc, op, m, from, None),
                    (_, Op::Call { slot, .. } | Op::CallUndefined { slot, .. }) => {
                        let frame = &g.inlined[g.deopts[d.0 as usize].frame.expect("checked above") as usize];
                        let code = frame.closure.as_object().and_then(|o| o.as_closure().map(|c| c.code));
                        let mirror = code.expect("inlined callees are closures").feedback.call_mirror_addr(slot.index());
                        self.t.inlined_step(pc, op, from, mirror)
                    }
                    _ => self.t.inlined_step(pc, op, from, 0),
                }
                Some(self.t.b.use_var(self.t.acc))
            }
            Inst::Generic(pc, op, d) | Inst::CallKnown(pc, op, d, _) => {
                // A frame's context changes with no collection, exception or JavaScript: the
                // registers need not be in the frame for it.
                if !matches!(op, Op::PushContext { .. } | Op::PopContext { .. }) {
                    let needed = self.registers_read(pc, op);
                    self.sync(d, true, needed.as_deref());
                }
                let acc_v = g.deopts[d.0 as usize].acc;
                let acc = self.boxed(acc_v);
                self.t.b.def_var(self.t.acc, acc);
                if let Inst::CallKnown(.., m) = g.inst(v) {
                    self.t.call(pc, op, Some(m));
                } else if op.jump_target().is_some() {
                    // The jump itself is the graph's (see `Inst::TookJump`).
                    self.t.jumping_op_call(pc, op);
                } else {
                    self.t.op(pc, op);
                }
                Some(self.t.b.use_var(self.t.acc))
            }
            Inst::TookJump(target) => {
                let next = self.t.b.ins().load(types::I32, fl, self.t.rt, next_pc_offset());
                Some(self.t.b.ins().icmp_imm_s(IntCC::Equal, next, target as i64))
            }
            Inst::LoopSafepoint(d) => {
                self.loop_safepoint(d);
                None
            }
            Inst::Sync(d) => {
                self.sync(d, true, None);
                None
            }
            Inst::CheckIdentity(x, k, d) => {
                let b = self.boxed(x);
                let other = self.t.b.ins().icmp_imm_s(IntCC::NotEqual, b, k.to_bits() as i64);
                self.deopt_if(other, d, DeoptReason::CallTarget);
                None
            }
            Inst::CheckObject(x, d) => {
                let b = self.boxed(x);
                let tag = self.t.b.ins().ushr_imm_s(b, 48);
                let not_obj = self.t.b.ins().icmp_imm_s(IntCC::NotEqual, tag, TAG_OBJECT);
                self.deopt_if(not_obj, d, DeoptReason::NotObject);
                None
            }
            Inst::LoadCell(cell, d) => {
                let addr = self.t.b.ins().iconst(types::I64, cell as i64);
                let v = self.t.b.ins().load(types::I64, fl, addr, PROPERTY_CELL_VALUE_OFFSET);
                let hole = self.t.b.ins().icmp_imm_s(IntCC::Equal, v, Value::HOLE.to_bits() as i64);
                self.deopt_if(hole, d, DeoptReason::Hole);
                Some(v)
            }
            Inst::LoadContextAt(addr) => {
                let a = self.t.b.ins().iconst(types::I64, addr as i64);
                Some(self.t.b.ins().load(types::I64, fl, a, 0))
            }
            Inst::StoreContextAt(addr, x) => {
                let val = self.boxed(x);
                let a = self.t.b.ins().iconst(types::I64, addr as i64);
                self.t.b.ins().store(fl, val, a, 0);
                None
            }
            Inst::Unreached(d) => {
                let always = self.t.b.ins().iconst(types::I8, 1);
                self.exit_if(always, d, DeoptReason::Unreached);
                None
            }
            Inst::CheckNotHole(x, d) => {
                let b = self.boxed(x);
                let hole = self.t.b.ins().icmp_imm_s(IntCC::Equal, b, Value::HOLE.to_bits() as i64);
                self.deopt_if(hole, d, DeoptReason::Hole);
                None
            }
            Inst::AddProperty(o, t, x, d) if self.fresh.objects.get(&o) == Some(&t.slot) && (t.slot as usize) < INLINE_SLOTS => {
                // A fresh object's next inline slot: only the chain can have changed, and not
                // since an earlier check of it here.
                let (ov, xv) = (self.boxed(o), self.boxed(x));
                if t.valid != 0 && !self.fresh.chains.contains(&t.valid) {
                    self.fresh.chains.push(t.valid);
                    let flag = self.t.b.ins().iconst(types::I64, t.valid as i64);
                    let ok = self.t.b.ins().uload8(types::I32, fl, flag, 0);
                    let changed = self.t.b.ins().icmp_imm_s(IntCC::Equal, ok, 0);
                    self.deopt_if(changed, d, DeoptReason::PrototypeChanged);
                }
                let obj = self.t.b.ins().band_imm_s(ov, PAYLOAD_MASK);
                let to = self.t.b.ins().iconst(types::I64, t.to as i64);
                emit_add_fresh_property(&mut self.t.b, obj, to, t.slot, xv);
                self.fresh.objects.insert(o, t.slot + 1);
                None
            }
            Inst::AddProperty(o, t, x, d) => {
                // Inline while the new slot has room (the object's shape was checked); the
                // runtime grows the slots, and finds the other cases, which deoptimize.
                // (The object may be a prototype: its change invalidates chains.)
                self.fresh.objects.remove(&o);
                self.fresh.chains.clear();
                let (ov, xv) = (self.boxed(o), self.boxed(x));
                let (to, valid) = (self.t.b.ins().iconst(types::I64, t.to as i64), self.t.b.ins().iconst(types::I64, t.valid as i64));
                let (slow, done) = (self.t.b.create_block(), self.t.b.create_block());
                self.t.b.set_cold_block(slow);
                let obj = self.t.b.ins().band_imm_s(ov, PAYLOAD_MASK);
                let slot = self.t.b.ins().iconst(types::I64, t.slot as i64);
                emit_add_property(&mut self.t.b, obj, to, slot, (t.valid != 0).then_some(valid), xv, slow);
                self.t.b.ins().jump(done, NO_ARGS);
                self.t.b.switch_to_block(slow);
                let slot = self.t.i32c(t.slot as i64);
                let added = self.t.call_rt(CallRefs::add_property, &[self.t.rt, ov, to, slot, valid, xv]);
                let failed = self.t.b.ins().icmp_imm_s(IntCC::Equal, added, 0);
                self.deopt_if(failed, d, DeoptReason::PrototypeChanged);
                self.t.b.ins().jump(done, NO_ARGS);
                self.t.b.switch_to_block(done);
                None
            }
            Inst::CallBuiltin(k, args, d) => {
                let undef = self.t.b.ins().iconst(types::I64, Value::UNDEFINED.to_bits() as i64);
                let mut vals = [undef; 3];
                for (slot, &a) in vals.iter_mut().zip(args.iter()) {
                    *slot = self.boxed(a);
                }
                let which = self.t.i32c(k as i64);
                let r = self.t.call_rt(CallRefs::call_builtin, &[self.t.rt, which, vals[0], vals[1], vals[2]]);
                let failed = self.t.b.ins().icmp_imm_s(IntCC::Equal, r, NOT_HANDLED as i64);
                self.exit_if(failed, d, DeoptReason::BuiltinReceiver);
                Some(r)
            }
            Inst::CreateThis(f, new, d) => {
                let fv = self.t.b.ins().iconst(types::I64, f.to_bits() as i64);
                let sv = self.t.b.ins().iconst(types::I64, new.map_or(0, |n| n.shape) as i64);
                let (slow, done) = (self.t.b.create_block(), self.t.b.create_block());
                let this = self.t.b.append_block_param(done, types::I64);
                if let Some(n) = new {
                    let o = self.t.create_known_this(f, &n, slow);
                    self.t.b.ins().jump(done, &[BlockArg::Value(o)]);
                } else {
                    self.t.b.ins().jump(slow, NO_ARGS);
                }
                self.t.b.set_cold_block(slow);
                self.t.b.switch_to_block(slow);
                let o = self.t.call_rt(CallRefs::create_this, &[self.t.rt, fv, sv]);
                let failed = self.t.b.ins().icmp_imm_s(IntCC::Equal, o, 0);
                self.deopt_if(failed, d, DeoptReason::CallTarget);
                self.t.b.ins().jump(done, &[BlockArg::Value(o)]);
                self.t.b.switch_to_block(done);
                Some(this)
            }
            Inst::CreateObject => {
                let plain = self.t.b.ins().iconst(types::I64, 0);
                Some(self.t.call_rt(CallRefs::create_object, &[self.t.rt, plain]))
            }
            Inst::ConstructResult(x, this) => {
                let (xv, tv) = (self.boxed(x), self.boxed(this));
                let tag = self.t.b.ins().ushr_imm_s(xv, 48);
                let is_obj = self.t.b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_OBJECT);
                Some(self.t.b.ins().select(is_obj, xv, tv))
            }
            Inst::CheckValid(d) => {
                let cell = self.g.validity.expect("only built for code with a validity flag");
                let flag = self.t.b.ins().iconst(types::I64, cell as i64);
                let valid = self.t.b.ins().uload8(types::I32, fl, flag, ValidityCell::VALID_OFFSET);
                let invalid = self.t.b.ins().icmp_imm_s(IntCC::Equal, valid, 0);
                self.deopt_if(invalid, d, DeoptReason::Invalidated);
                None
            }
            Inst::ChargeCall(d) => {
                let rt = self.t.rt;
                let countdown = self.t.b.ins().load(types::I64, fl, rt, rt_offset(RtField::Countdown));
                let due = self.t.b.ins().icmp_imm_s(IntCC::Equal, countdown, 0);
                self.deopt_if(due, d, DeoptReason::Poll);
                charge_poll(&mut self.t.b, rt, countdown);
                None
            }
        };
        if let Some(r) = r {
            self.vals[v.0 as usize] = Some(r);
        }
    }

    /// Which registers the instruction at `pc` reads, when that is all a runtime call for it
    /// needs from the frame: `None` when it may read any, or a handler covers it (the handler
    /// reads the frame).
    fn registers_read(&self, pc: u32, op: Op) -> Option<Vec<bool>> {
        if self.t.code.block.handlers.iter().any(|h| h.start <= pc && pc < h.end) {
            return None;
        }
        let Reads::Regs(rs) = reads(op) else { return None };
        let mut mask = vec![false; self.g.nregs];
        for r in rs {
            if let Some(m) = usize::try_from(r.0).ok().and_then(|i| mask.get_mut(i)) {
                *m = true;
            }
        }
        Some(mask)
    }

    fn check_int32(&mut self, x: ValueId, d: DeoptId) -> CValue {
        let v = self.val(x);
        match self.g.repr(x) {
            Repr::Int32 => v,
            Repr::Float64 => {
                // Exactly an int32, and not -0.
                let i = self.t.b.ins().fcvt_to_sint_sat(types::I32, v);
                let back = self.t.b.ins().fcvt_from_sint(types::F64, i);
                let inexact = self.t.b.ins().fcmp(FloatCC::NotEqual, back, v);
                let bits = self.t.b.ins().bitcast(types::I64, MemFlagsData::new(), v);
                let neg = self.t.b.ins().icmp_imm_s(IntCC::SignedLessThan, bits, 0);
                let zero = self.t.b.ins().icmp_imm_s(IntCC::Equal, i, 0);
                let minus_zero = self.t.b.ins().band(neg, zero);
                let bad = self.t.b.ins().bor(inexact, minus_zero);
                self.deopt_if(bad, d, DeoptReason::NotInt32);
                i
            }
            _ => {
                let v = self.boxed(x);
                let tag = self.t.b.ins().ushr_imm_s(v, 48);
                let not = self.t.b.ins().icmp_imm_s(IntCC::NotEqual, tag, TAG_INT);
                self.deopt_if(not, d, DeoptReason::NotInt32);
                self.t.b.ins().ireduce(types::I32, v)
            }
        }
    }

    /// ToInt32 of `x`, a number (else deoptimize); see [`Inst::ToInt32`].
    fn to_int32(&mut self, x: ValueId, d: DeoptId) -> CValue {
        match self.g.repr(x) {
            Repr::Int32 => self.val(x),
            Repr::Float64 => {
                let v = self.val(x);
                self.truncate_to_int32(v, d)
            }
            // A boxed int32 (an element, a property) as it is; any other number truncated.
            _ => {
                let v = self.boxed(x);
                let (int, other, join) = (self.t.b.create_block(), self.t.b.create_block(), self.t.b.create_block());
                let r = self.t.b.append_block_param(join, types::I32);
                let is_int = crate::jit::number::is_int(&mut self.t.b, v);
                self.t.b.ins().brif(is_int, int, NO_ARGS, other, NO_ARGS);
                self.t.b.switch_to_block(int);
                let i = self.t.b.ins().ireduce(types::I32, v);
                self.t.b.ins().jump(join, &[BlockArg::Value(i)]);
                self.t.b.switch_to_block(other);
                let f = self.check_number(x, d);
                let i = self.truncate_to_int32(f, d);
                self.t.b.ins().jump(join, &[BlockArg::Value(i)]);
                self.t.b.switch_to_block(join);
                r
            }
        }
    }

    /// ToInt32 of the double `v`: through an i64, which wraps as ToInt32 does below 2^63 in
    /// magnitude (NaN saturates to 0); larger doubles and infinities deoptimize.
    fn truncate_to_int32(&mut self, v: CValue, d: DeoptId) -> CValue {
        let abs = self.t.b.ins().fabs(v);
        let limit = self.t.b.ins().f64const(9_223_372_036_854_775_808.0);
        let big = self.t.b.ins().fcmp(FloatCC::GreaterThanOrEqual, abs, limit);
        self.deopt_if(big, d, DeoptReason::NotInt32);
        let wide = self.t.b.ins().fcvt_to_sint_sat(types::I64, v);
        self.t.b.ins().ireduce(types::I32, wide)
    }

    fn check_number(&mut self, x: ValueId, d: DeoptId) -> CValue {
        match self.g.repr(x) {
            Repr::Float64 | Repr::Int32 => self.as_repr(x, Repr::Float64),
            _ => {
                let v = self.boxed(x);
                let num = self.t.is_number(v);
                let not = self.t.b.ins().bxor_imm_s(num, 1);
                self.deopt_if(not, d, DeoptReason::NotNumber);
                self.t.to_f64(v)
            }
        }
    }

    /// `a === b` as a condition: numbers in machine registers compare as numbers; boxed values
    /// compared by identity (on both sides), and the same value twice unless NaN, compare bits
    /// inline; other numbers and strings by the shared stub ([`EqualityOp::emit_stub`]).
    fn strict_equal(&mut self, a: ValueId, b: ValueId) -> CValue {
        let numeric = |r: Repr| matches!(r, Repr::Int32 | Repr::Float64);
        let (ra, rb) = (self.g.repr(a), self.g.repr(b));
        if ra == Repr::Int32 && rb == Repr::Int32 {
            let (x, y) = (self.val(a), self.val(b));
            return self.t.b.ins().icmp(IntCC::Equal, x, y);
        }
        if numeric(ra) && numeric(rb) {
            let (x, y) = (self.as_repr(a, Repr::Float64), self.as_repr(b, Repr::Float64));
            return self.t.b.ins().fcmp(FloatCC::Equal, x, y);
        }
        // Against an interned string constant, inline (the stub only for strings of its length
        // built at run time).
        let interned = |v: ValueId| match self.g.inst(v) {
            Inst::Const(k) => interned_string_len(*k),
            _ => None,
        };
        if let Some((x, k, len)) = interned(b).map(|l| (a, b, l)).or_else(|| interned(a).map(|l| (b, a, l))) {
            let (x, k) = (self.boxed(x), self.boxed(k));
            let stub = self.t.equality_stub(EqualityOp::Strict);
            return equal_to_interned(&mut self.t.b, stub, self.t.rt, x, k, len);
        }
        let (x, y) = (self.boxed(a), self.boxed(b));
        // Values compared by identity, and one value twice, inline: the common cases.
        let fast = EqualityOp::Strict.decided_by_bits(&mut self.t.b, x, y);
        let blocks = [(); 3].map(|_| self.t.b.create_block());
        let [bits, other, done] = blocks;
        self.t.b.set_cold_block(other);
        let r = self.t.b.append_block_param(done, types::I8);
        self.t.b.ins().brif(fast, bits, NO_ARGS, other, NO_ARGS);
        self.t.b.switch_to_block(bits);
        let eq = self.t.b.ins().icmp(IntCC::Equal, x, y);
        self.t.b.ins().jump(done, &[BlockArg::Value(eq)]);
        // Numbers and strings by the stub.
        self.t.b.switch_to_block(other);
        let stub = self.t.equality_stub(EqualityOp::Strict);
        let eq = strict_equal_by_stub(&mut self.t.b, stub, self.t.rt, x, y);
        self.t.b.ins().jump(done, &[BlockArg::Value(eq)]);
        self.t.b.switch_to_block(done);
        r
    }

    /// ToBoolean as a condition.
    fn truthy(&mut self, x: ValueId) -> CValue {
        let v = self.val(x);
        match self.g.repr(x) {
            Repr::Bool => v,
            Repr::Int32 => self.t.b.ins().icmp_imm_s(IntCC::NotEqual, v, 0),
            Repr::Float64 => {
                let zero = self.t.b.ins().f64const(0.0);
                // False for ±0 and NaN.
                self.t.b.ins().fcmp(FloatCC::OrderedNotEqual, v, zero)
            }
            _ => {
                let (check, convert, done) = (self.t.b.create_block(), self.t.b.create_block(), self.t.b.create_block());
                self.t.b.set_cold_block(convert);
                let r = self.t.b.append_block_param(done, types::I8);
                let is_true = self.t.b.ins().icmp_imm_s(IntCC::Equal, v, Value::TRUE.to_bits() as i64);
                let one = self.t.b.ins().iconst(types::I8, 1);
                self.t.b.ins().brif(is_true, done, &[BlockArg::Value(one)], check, NO_ARGS);
                self.t.b.switch_to_block(check);
                let is_false = self.t.b.ins().icmp_imm_s(IntCC::Equal, v, Value::FALSE.to_bits() as i64);
                let zero = self.t.b.ins().iconst(types::I8, 0);
                self.t.b.ins().brif(is_false, done, &[BlockArg::Value(zero)], convert, NO_ARGS);
                self.t.b.switch_to_block(convert);
                let res = self.t.call_rt(CallRefs::to_boolean, &[self.t.rt, v]);
                let c = self.t.b.ins().icmp_imm_s(IntCC::NotEqual, res, 0);
                self.t.b.ins().jump(done, &[BlockArg::Value(c)]);
                self.t.b.switch_to_block(done);
                r
            }
        }
    }

    /// `x op y` on two int32s, and a flag set when that is not the operator's result (see
    /// [`Int32Op::can_fail`]).
    fn int32_op(&mut self, op: Int32Op, x: CValue, y: CValue) -> (CValue, Option<CValue>) {
        let b = &mut self.t.b;
        match op {
            Int32Op::Add => {
                let (r, of) = b.ins().sadd_overflow(x, y);
                (r, Some(of))
            }
            Int32Op::Sub => {
                let (r, of) = b.ins().ssub_overflow(x, y);
                (r, Some(of))
            }
            Int32Op::Mul => {
                let (p, of) = b.ins().smul_overflow(x, y);
                let zero = b.ins().icmp_imm_s(IntCC::Equal, p, 0);
                let either = b.ins().bor(x, y);
                let negative = b.ins().icmp_imm_s(IntCC::SignedLessThan, either, 0);
                let minus_zero = b.ins().band(zero, negative);
                (p, Some(b.ins().bor(of, minus_zero)))
            }
            Int32Op::Imul => (b.ins().imul(x, y), None),
            Int32Op::And => (b.ins().band(x, y), None),
            Int32Op::Or => (b.ins().bor(x, y), None),
            Int32Op::Xor => (b.ins().bxor(x, y), None),
            Int32Op::Shl | Int32Op::Sar | Int32Op::Shr => {
                let n = b.ins().band_imm_s(y, 31);
                match op {
                    Int32Op::Shl => (b.ins().ishl(x, n), None),
                    Int32Op::Sar => (b.ins().sshr(x, n), None),
                    _ => {
                        let r = b.ins().ushr(x, n);
                        (r, Some(b.ins().icmp_imm_s(IntCC::SignedLessThan, r, 0)))
                    }
                }
            }
            Int32Op::Mod => {
                // Only a non-negative dividend and a positive divisor (a negative dividend may
                // give -0); the divisor is replaced before dividing otherwise, so it cannot trap.
                let neg = b.ins().icmp_imm_s(IntCC::SignedLessThan, x, 0);
                let nonpos = b.ins().icmp_imm_s(IntCC::SignedLessThanOrEqual, y, 0);
                let bad = b.ins().bor(neg, nonpos);
                let one = b.ins().iconst(types::I32, 1);
                let safe_y = b.ins().select(bad, one, y);
                (b.ins().urem(x, safe_y), Some(bad))
            }
        }
    }

    /// The address of the slot `guards` name for object `o`, whose shape is one of theirs
    /// (checked before). Loads (`d` given) deoptimize when an inherited slot's chain changed.
    fn slot_address(&mut self, o: ValueId, guards: &[super::SlotGuard], d: Option<DeoptId>) -> CValue {
        let fl = MemFlagsData::trusted();
        let ov = self.boxed(o);
        let p = self.t.b.ins().band_imm_s(ov, PAYLOAD_MASK);
        let shape = if guards.len() > 1 { Some(self.t.b.ins().load(types::I64, fl, p, OBJECT_SHAPE_OFFSET)) } else { None };
        let done = self.t.b.create_block();
        let addr = self.t.b.append_block_param(done, types::I64);
        for (k, g) in guards.iter().enumerate() {
            let last = k + 1 == guards.len();
            let next = if last { None } else { Some(self.t.b.create_block()) };
            if let (Some(next), Some(shape)) = (next, shape) {
                let hit = self.t.b.create_block();
                let same = self.t.b.ins().icmp_imm_s(IntCC::Equal, shape, g.shape as i64);
                self.t.b.ins().brif(same, hit, NO_ARGS, next, NO_ARGS);
                self.t.b.switch_to_block(hit);
            }
            let target = if g.holder == 0 {
                p
            } else if self.g.validity.is_some() {
                // The code is invalidated when the chain changes (see `Inst::CheckValid`).
                self.t.b.ins().iconst(types::I64, g.holder as i64)
            } else {
                let valid = self.t.b.ins().iconst(types::I64, g.valid as i64);
                let valid = self.t.b.ins().uload8(types::I32, fl, valid, 0);
                let stale = self.t.b.ins().icmp_imm_s(IntCC::Equal, valid, 0);
                self.deopt_if(stale, d.expect("inherited slots are only loaded"), DeoptReason::PrototypeChanged);
                self.t.b.ins().iconst(types::I64, g.holder as i64)
            };
            let a = emit_fixed_slot_address(&mut self.t.b, target, g.slot);
            self.t.b.ins().jump(done, &[BlockArg::Value(a)]);
            if let Some(next) = next {
                self.t.b.switch_to_block(next);
            }
        }
        self.t.b.switch_to_block(done);
        addr
    }

    /// The address of the present dense element at int32 index `k` of `o`, else deoptimize.
    fn element_address(&mut self, o: ValueId, k: ValueId, d: DeoptId) -> CValue {
        let fl = MemFlagsData::trusted();
        let v = self.boxed(o);
        let tag = self.t.b.ins().ushr_imm_s(v, 48);
        let not_obj = self.t.b.ins().icmp_imm_s(IntCC::NotEqual, tag, TAG_OBJECT);
        self.deopt_if(not_obj, d, DeoptReason::NotObject);
        let p = self.t.b.ins().band_imm_s(v, PAYLOAD_MASK);
        let base = self.t.b.ins().load(types::I64, fl, p, ELEMENTS_BASE_OFFSET);
        let not_dense = self.t.b.ins().icmp_imm_s(IntCC::Equal, base, 0);
        self.deopt_if(not_dense, d, DeoptReason::NotDense);
        let len = self.t.b.ins().uload32(fl, p, ELEMENTS_LEN_OFFSET);
        // A negative index sign-extends to an unsigned value above any length.
        let k32 = self.val(k);
        let index = self.t.b.ins().sextend(types::I64, k32);
        let out = self.t.b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, index, len);
        self.deopt_if(out, d, DeoptReason::OutOfBounds);
        let offset = self.t.b.ins().ishl_imm_s(index, 3);
        let addr = self.t.b.ins().iadd(base, offset);
        let x = self.t.b.ins().load(types::I64, fl, addr, 0);
        let hole = self.t.b.ins().icmp_imm_s(IntCC::Equal, x, Value::HOLE.to_bits() as i64);
        self.deopt_if(hole, d, DeoptReason::Hole);
        addr
    }

    /// A back edge: nothing to do unless an interrupt, the poll countdown or a collection is
    /// due; then the frame is written and the runtime's safepoint runs.
    fn loop_safepoint(&mut self, d: DeoptId) {
        let (busy, countdown) = poll_due(&mut self.t.b, self.t.rt);
        let b = &mut self.t.b;
        let (slow, fast, done) = (b.create_block(), b.create_block(), b.create_block());
        b.set_cold_block(slow);
        b.ins().brif(busy, slow, NO_ARGS, fast, NO_ARGS);
        b.switch_to_block(fast);
        charge_poll(&mut self.t.b, self.t.rt, countdown);
        self.t.b.ins().jump(done, NO_ARGS);
        self.t.b.switch_to_block(slow);
        let saved = self.known.clone();
        // Nothing reads registers here (an interrupt terminates, past every handler).
        let none = vec![false; self.g.nregs];
        self.sync(d, false, Some(&none));
        self.known = saved;
        let p = &self.g.deopts[d.0 as usize];
        let (pc, acc_v) = (p.pc, p.acc);
        let acc = self.boxed(acc_v);
        let header = self.t.i32c(NO_OSR as i64);
        let r = self.t.call_rt(CallRefs::loop_safepoint, &[self.t.rt, self.t.fp, acc, header]);
        self.t.check_exception(r, pc);
        self.t.b.ins().jump(done, NO_ARGS);
        self.t.b.switch_to_block(done);
    }
}
