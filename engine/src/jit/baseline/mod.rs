//! The baseline JIT: bytecode straight to machine code in one pass, with no speculation of
//! its own (V8's Sparkplug, SpiderMonkey's Baseline JIT).
//!
//! Another visitor over the one instruction table: each instruction becomes either inline
//! machine code for its common case (register moves, constants, jumps, int32 arithmetic and
//! comparisons with overflow checks, `return`) falling back to the interpreter's own
//! implementation of the instruction, or directly that implementation ([`jit_step`], which
//! runs exactly one instruction of this frame with the interpreter's semantics, feedback
//! included). Compiled code therefore gives the interpreter's results by construction, and
//! removes the dispatch loop. Exceptions go to the frame's handlers, which are known
//! statically; every loop header is an on-stack-replacement entry.
//!
//! [`jit_step`]: super::runtime_calls::jit_step

use super::runtime_calls;
use super::{Jit, JitFn, EXCEPTION};
use crate::bytecode::code::Handler;
use crate::bytecode::ops::{Op, Reg};
use crate::interpreter::feedback::{Feedback, GlobalFeedback, PropertyIcMirror, MAX_POLYMORPHISM};
use crate::interpreter::frame::{ACC_SLOT, HEADER};
use crate::runtime::function::FunctionCode;
use crate::runtime::object::{JsObject, Slots};
use crate::runtime::Runtime;
use crate::value::Value;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types, AbiParam, Block, BlockArg, FuncRef, InstBuilder, MemFlagsData, UserFuncName};
use cranelift_codegen::isa::TargetFrontendConfig;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Switch, Variable};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{FuncId, Linkage, Module};
use std::time::Instant;

type CValue = cranelift_codegen::ir::Value;

const NO_ARGS: &[BlockArg] = &[];
/// Cranelift's register allocator for baseline code (`JOLT_REGALLOC` overrides it, for
/// measuring): values mostly live in the frame, so the fast single-pass allocator loses little.
const REGALLOC: &str = "single_pass";
const TAG_INT: i64 = 0xFFF9;
const TAG_OBJECT: i64 = 0xFFFC;
const PAYLOAD_MASK: i64 = (1 << 48) - 1;
/// Where an object's shape and slot base pointer live (see [`JsObject`], [`Slots`]).
const OBJECT_SHAPE_OFFSET: i32 = std::mem::offset_of!(JsObject, shape) as i32;
const OBJECT_SLOTS_OFFSET: i32 = (std::mem::offset_of!(JsObject, slots) + Slots::BASE_OFFSET) as i32;
const PROPERTY_CELL_VALUE_OFFSET: i32 = std::mem::offset_of!(crate::runtime::realm::PropertyCell, value) as i32;

/// Executable memory for one runtime's compiled code, and the declarations every compiled
/// function shares. Code lives until the runtime is dropped (Cranelift frees a module's code
/// only as a whole); `JitStats::code_bytes` accounts for it.
pub(crate) struct CodeModule {
    module: Option<JITModule>,
    ctx: cranelift_codegen::Context,
    fctx: FunctionBuilderContext,
    calls: Calls,
    stubs: Stubs<FuncId>,
    next_name: u64,
}

/// Declares the runtime calls compiled code makes (name, parameter types; each returns an
/// i64), once as module imports ([`Calls`]) and once per function ([`CallRefs`]).
macro_rules! runtime_calls {
    ($($field:ident = $name:literal ($($p:ident),*);)*) => {
        /// The runtime calls, declared in the module.
        struct Calls { $($field: FuncId,)* }
        /// The runtime calls as seen from one function.
        #[derive(Copy, Clone)]
        struct CallRefs { $($field: FuncRef,)* }
        impl Calls {
            fn declare(module: &mut JITModule) -> Result<Calls, String> {
                let ptr = module.target_config().pointer_type();
                let (_i32, _i64) = (types::I32, types::I64);
                let _ = ptr;
                Ok(Calls { $($field: {
                    let mut sig = module.make_signature();
                    $( sig.params.push(AbiParam::new(runtime_calls!(@ty $p, ptr))); )*
                    sig.returns.push(AbiParam::new(types::I64));
                    module.declare_function($name, Linkage::Import, &sig).map_err(|e| e.to_string())?
                },)* })
            }
            fn refs(&self, module: &mut JITModule, func: &mut cranelift_codegen::ir::Function) -> CallRefs {
                CallRefs { $($field: module.declare_func_in_func(self.$field, func),)* }
            }
        }
    };
    (@ty ptr, $ptr:ident) => { $ptr };
    (@ty i32, $ptr:ident) => { types::I32 };
    (@ty i64, $ptr:ident) => { types::I64 };
}

runtime_calls! {
    step = "jit_step" (ptr, ptr, i32, i64);
    loop_safepoint = "jit_loop_safepoint" (ptr, ptr, i64);
    to_boolean = "jit_to_boolean" (ptr, i64);
    catch = "jit_catch" (ptr, ptr, i32);
    get_named = "jit_get_named" (ptr, ptr, i32, i64, i32, i32);
    set_named = "jit_set_named" (ptr, ptr, i32, i64, i32, i32);
    lda_global = "jit_lda_global" (ptr, ptr, i32, i64, i32);
    sta_global = "jit_sta_global" (ptr, ptr, i32, i64, i32);
    get_keyed = "jit_get_keyed" (ptr, ptr, i32, i64, i32);
    set_keyed = "jit_set_keyed" (ptr, ptr, i32, i64, i32, i32);
    lda_context = "jit_lda_context" (ptr, ptr, i32, i32);
    sta_context = "jit_sta_context" (ptr, ptr, i32, i32, i64);
    call = "jit_call" (ptr, ptr, i32, i64, i32, i32, i32, i32);
    construct = "jit_construct" (ptr, ptr, i32, i64, i32, i32, i32, i32);
}

impl CodeModule {
    fn new() -> Result<CodeModule, String> {
        let mut flags = settings::builder();
        // Fast compiles: the baseline tier's code is simple, Cranelift's optimizer would not
        // pay for itself here.
        let set = |f: &mut settings::Builder, k: &str, v: &str| f.set(k, v).map_err(|e| format!("cranelift setting {k}: {e}"));
        set(&mut flags, "opt_level", "none")?;
        set(&mut flags, "is_pic", "false")?;
        set(&mut flags, "use_colocated_libcalls", "false")?;
        set(&mut flags, "enable_verifier", if cfg!(debug_assertions) { "true" } else { "false" })?;
        set(&mut flags, "preserve_frame_pointers", "true")?;
        set(&mut flags, "regalloc_algorithm", REGALLOC)?;
        let isa = cranelift_native::builder()
            .map_err(|e| format!("no JIT for this machine: {e}"))?
            .finish(settings::Flags::new(flags))
            .map_err(|e| format!("no JIT for this machine: {e}"))?;
        let mut jb = JITBuilder::with_isa(isa, cranelift_module::default_libcall_names());
        for (name, ptr) in runtime_calls::symbols() {
            jb.symbol(name, ptr);
        }
        let mut module = JITModule::new(jb);
        let calls = Calls::declare(&mut module)?;
        let stubs = Stubs::define(&mut module)?;
        let ctx = module.make_context();
        Ok(CodeModule { module: Some(module), ctx, fctx: FunctionBuilderContext::new(), calls, stubs, next_name: 0 })
    }

    fn module(&mut self) -> &mut JITModule {
        self.module.as_mut().expect("module lives until drop")
    }
}

impl Drop for CodeModule {
    fn drop(&mut self) {
        if let Some(m) = self.module.take() {
            // SAFETY: the module is dropped with its runtime; no compiled function of it can
            // run afterwards (they are only reachable from that runtime's `FunctionCode`s).
            unsafe { m.free_memory() };
        }
    }
}

/// Compiles `code` with the baseline tier.
pub(crate) fn compile(jit: &mut Jit, code: &FunctionCode) -> Result<JitFn, String> {
    let block = &code.block;
    if block.generator || block.is_async {
        return Err("generator or async function: suspends its frame, runs in the interpreter".into());
    }
    let started = Instant::now();
    if jit.module.is_none() {
        jit.module = Some(CodeModule::new()?);
    }
    let cm = jit.module.as_mut().expect("created above");
    let name = format!("js{}", cm.next_name);
    cm.next_name += 1;
    let mut sig = cm.module().make_signature();
    let ptr = cm.module().target_config().pointer_type();
    sig.params.extend([AbiParam::new(ptr), AbiParam::new(ptr), AbiParam::new(ptr), AbiParam::new(types::I32)]);
    sig.returns.push(AbiParam::new(types::I64));
    let id = cm.module().declare_function(&name, Linkage::Local, &sig).map_err(|e| e.to_string())?;
    cm.ctx.func.signature = sig;
    let tcfg = cm.module().target_config();
    cm.ctx.func.name = UserFuncName::user(0, id.as_u32());
    {
        let CodeModule { module, ctx, fctx, calls, stubs, .. } = cm;
        let module = module.as_mut().expect("module lives until drop");
        let refs = calls.refs(module, &mut ctx.func);
        let stubs = stubs.refs(module, &mut ctx.func);
        let b = FunctionBuilder::new(&mut ctx.func, fctx);
        FnTranslator::new(b, code, refs, stubs, tcfg).translate();
    }
    let module = cm.module.as_mut().expect("module lives until drop");
    let define = module.define_function(id, &mut cm.ctx);
    let size = cm.ctx.compiled_code().map(|c| c.code_info().total_size).unwrap_or(0);
    module.clear_context(&mut cm.ctx);
    define.map_err(|e| format!("cranelift: {e:?}"))?;
    module.finalize_definitions().map_err(|e| format!("cranelift: {e}"))?;
    let ptr = module.get_finalized_function(id);
    let elapsed = started.elapsed();
    jit.stats.compiled += 1;
    jit.stats.bytecode_ops += block.ops.len() as u64;
    jit.stats.code_bytes += size as u64;
    jit.stats.compile_time += elapsed;
    if jit.trace {
        let n = String::from_utf16_lossy(&block.name);
        eprintln!(
            "[jit] baseline {} ({} ops -> {} bytes, {:.1} us)",
            if n.is_empty() { "<anonymous>" } else { &n },
            block.ops.len(),
            size,
            elapsed.as_secs_f64() * 1e6
        );
    }
    // SAFETY: `ptr` is the finalized code of a function declared with `JitFn`'s signature
    // under the host's default (System V) calling convention, which `extern "C"` matches.
    Ok(unsafe { std::mem::transmute::<*const u8, JitFn>(ptr) })
}

/// The address of the data slot a property IC names for the object `v`, read from the IC's
/// [`MirrorSet`](crate::interpreter::feedback::MirrorSet) at address `set` at run time (so the
/// code follows the IC as it changes); jumps to `miss` unless `v` is an object of one of the
/// IC's shapes whose entry is still valid. `inherited`: prototype-chain entries count.
fn emit_slot_lookup(b: &mut FunctionBuilder, v: CValue, set: CValue, inherited: bool, miss: Block) -> CValue {
    let flags = MemFlagsData::trusted();
    let valid_ok = b.create_block();
    let obj_ok = b.create_block();
    let found = b.create_block();
    let m = b.append_block_param(found, types::I64);
    let tag = b.ins().ushr_imm_s(v, 48);
    let is_obj = b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_OBJECT);
    b.ins().brif(is_obj, obj_ok, NO_ARGS, miss, NO_ARGS);
    b.switch_to_block(obj_ok);
    let o = b.ins().band_imm_s(v, PAYLOAD_MASK);
    let shape = b.ins().load(types::I64, flags, o, OBJECT_SHAPE_OFFSET);
    // Unused entries have shape 0, which no object has.
    for k in 0..MAX_POLYMORPHISM {
        let entry = b.ins().iadd_imm_s(set, (k * std::mem::size_of::<PropertyIcMirror>()) as i64);
        let want = b.ins().load(types::I64, flags, entry, PropertyIcMirror::SHAPE_OFFSET);
        let same = b.ins().icmp(IntCC::Equal, shape, want);
        let next = if k + 1 < MAX_POLYMORPHISM { b.create_block() } else { miss };
        b.ins().brif(same, found, &[BlockArg::Value(entry)], next, NO_ARGS);
        if k + 1 < MAX_POLYMORPHISM {
            b.switch_to_block(next);
        }
    }
    b.switch_to_block(found);
    let flag = b.ins().load(types::I64, flags, m, PropertyIcMirror::VALID_OFFSET);
    let valid = b.ins().uload8(types::I32, flags, flag, 0);
    let holder = b.ins().load(types::I64, flags, m, PropertyIcMirror::HOLDER_OFFSET);
    let own = b.ins().icmp_imm_s(IntCC::Equal, holder, 0);
    let ok = if inherited {
        valid
    } else {
        let own = b.ins().uextend(types::I32, own);
        b.ins().band(valid, own)
    };
    b.ins().brif(ok, valid_ok, NO_ARGS, miss, NO_ARGS);
    b.switch_to_block(valid_ok);
    let target = b.ins().select(own, o, holder);
    let base = b.ins().load(types::I64, flags, target, OBJECT_SLOTS_OFFSET);
    let index = b.ins().uload32(flags, m, PropertyIcMirror::SLOT_OFFSET);
    let offset = b.ins().ishl_imm_s(index, 3);
    b.ins().iadd(base, offset)
}

/// Machine-code stubs every compiled function of a module shares, so that each site needs only
/// a call: `(value, mirror set) -> slot address or 0` for loads and for stores.
#[derive(Copy, Clone)]
struct Stubs<T> {
    load_slot: T,
    store_slot: T,
}

impl Stubs<FuncId> {
    fn define(module: &mut JITModule) -> Result<Stubs<FuncId>, String> {
        let tcfg = module.target_config();
        let mut define = |name: &str, inherited: bool| -> Result<FuncId, String> {
            let mut sig = module.make_signature();
            sig.params.extend([AbiParam::new(types::I64), AbiParam::new(types::I64)]);
            sig.returns.push(AbiParam::new(types::I64));
            let id = module.declare_function(name, Linkage::Local, &sig).map_err(|e| e.to_string())?;
            let mut ctx = module.make_context();
            ctx.func.signature = sig;
            let mut fctx = FunctionBuilderContext::new();
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
            let entry = b.create_block();
            b.append_block_params_for_function_params(entry);
            b.switch_to_block(entry);
            let (v, set) = (b.block_params(entry)[0], b.block_params(entry)[1]);
            let miss = b.create_block();
            let addr = emit_slot_lookup(&mut b, v, set, inherited, miss);
            b.ins().return_(&[addr]);
            b.switch_to_block(miss);
            let zero = b.ins().iconst(types::I64, 0);
            b.ins().return_(&[zero]);
            b.seal_all_blocks();
            b.finalize(tcfg);
            module.define_function(id, &mut ctx).map_err(|e| format!("cranelift: {e:?}"))?;
            Ok(id)
        };
        Ok(Stubs { load_slot: define("ic_load_slot", true)?, store_slot: define("ic_store_slot", false)? })
    }

    fn refs(&self, module: &mut JITModule, func: &mut cranelift_codegen::ir::Function) -> Stubs<FuncRef> {
        Stubs {
            load_slot: module.declare_func_in_func(self.load_slot, func),
            store_slot: module.declare_func_in_func(self.store_slot, func),
        }
    }
}

/// Translates one function's bytecode.
struct FnTranslator<'a> {
    b: FunctionBuilder<'a>,
    code: &'a FunctionCode,
    calls: CallRefs,
    stubs: Stubs<FuncRef>,
    tcfg: TargetFrontendConfig,
    /// The Cranelift block starting at each pc that starts a block.
    blocks: Vec<Option<Block>>,
    /// Landing block of each handler (index into `code.block.handlers`), made on demand.
    landings: Vec<Option<Block>>,
    /// Returns "exception pending" to the caller.
    propagate: Option<Block>,
    acc: Variable,
    rt: CValue,
    frame: CValue,
    fp: CValue,
    /// The current block already ends in a jump or return.
    terminated: bool,
}

/// Byte offset of register `r` from the frame pointer.
fn reg_offset(r: Reg) -> i32 {
    (HEADER as i32 + r.0) * 8
}

/// Offset of `Jit::next_pc` in the runtime.
fn next_pc_offset() -> i32 {
    (std::mem::offset_of!(Runtime, jit) + std::mem::offset_of!(Jit, next_pc)) as i32
}

impl<'a> FnTranslator<'a> {
    fn new(mut b: FunctionBuilder<'a>, code: &'a FunctionCode, calls: CallRefs, stubs: Stubs<FuncRef>, tcfg: TargetFrontendConfig) -> Self {
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
        }
    }

    fn translate(mut self) {
        let ops = &self.code.block.ops;
        // Block boundaries: jump targets, instructions after jumps, handlers.
        let mut starts = vec![false; ops.len() + 1];
        starts[0] = true;
        for (pc, op) in ops.iter().enumerate() {
            if let Some(t) = op.jump_target() {
                starts[t.0 as usize] = true;
                starts[pc + 1] = true;
            }
            if matches!(op, Op::Return { .. } | Op::Throw { .. } | Op::ThrowError { .. }) {
                starts[pc + 1] = true;
            }
        }
        for h in &self.code.block.handlers {
            starts[h.handler as usize] = true;
        }
        for (pc, s) in starts.iter().enumerate() {
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
        let osr = self.b.create_block();
        let start = self.block_at(0);
        let undef = self.b.ins().iconst(types::I64, Value::UNDEFINED.to_bits() as i64);
        self.b.def_var(self.acc, undef);
        self.b.ins().brif(entry_pc, osr, NO_ARGS, start, NO_ARGS);
        self.b.switch_to_block(osr);
        let saved = self.b.ins().load(types::I64, MemFlagsData::trusted(), self.frame, (ACC_SLOT * 8) as i32);
        self.b.def_var(self.acc, saved);
        let mut switch = Switch::new();
        let mut headers: Vec<u32> =
            ops.iter().filter_map(|op| if let Op::JumpLoop { target, .. } = op { Some(target.0) } else { None }).collect();
        headers.sort_unstable();
        headers.dedup();
        for h in headers {
            let blk = self.block_at(h);
            switch.set_entry(h as u128, blk);
        }
        let bad_entry = self.propagate_block();
        switch.emit(&mut self.b, entry_pc, bad_entry);

        self.terminated = true;
        for (pc, &op) in ops.iter().enumerate() {
            if let Some(blk) = self.blocks[pc] {
                if !self.terminated {
                    self.b.ins().jump(blk, NO_ARGS);
                }
                self.b.switch_to_block(blk);
                self.terminated = false;
            }
            if self.terminated {
                // Unreachable code after a jump (no block starts here).
                continue;
            }
            self.op(pc as u32, op);
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
    }

    fn block_at(&self, pc: u32) -> Block {
        self.blocks[pc as usize].expect("a block starts at every jump target")
    }

    /// The block that returns [`EXCEPTION`] to the caller (filled in by [`Self::finish_exits`]:
    /// the builder must not leave a block it has not terminated).
    fn propagate_block(&mut self) -> Block {
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
    fn finish_exits(&mut self) {
        for hi in 0..self.landings.len() {
            let Some(landing) = self.landings[hi] else { continue };
            let h = self.code.block.handlers[hi];
            self.b.switch_to_block(landing);
            let creg = self.b.ins().iconst(types::I32, h.context_reg as i64);
            let call = self.b.ins().call(self.calls.catch, &[self.rt, self.fp, creg]);
            let v = self.b.inst_results(call)[0];
            let handler = self.block_at(h.handler);
            let caught = self.b.create_block();
            let is_exc = self.b.ins().icmp_imm_s(IntCC::Equal, v, EXCEPTION as i64);
            let propagate = self.propagate_block();
            self.b.ins().brif(is_exc, propagate, NO_ARGS, caught, NO_ARGS);
            self.b.switch_to_block(caught);
            self.b.def_var(self.acc, v);
            self.b.ins().jump(handler, NO_ARGS);
        }
        if let Some(p) = self.propagate {
            self.b.switch_to_block(p);
            let e = self.b.ins().iconst(types::I64, EXCEPTION as i64);
            self.b.ins().return_(&[e]);
        }
    }

    /// Continues in a new block unless `v` is [`EXCEPTION`].
    fn check_exception(&mut self, v: CValue, pc: u32) {
        let target = self.exception_target(pc);
        let ok = self.b.create_block();
        let is_exc = self.b.ins().icmp_imm_s(IntCC::Equal, v, EXCEPTION as i64);
        self.b.ins().brif(is_exc, target, NO_ARGS, ok, NO_ARGS);
        self.b.switch_to_block(ok);
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

    /// The instruction at `pc` through the interpreter; follows its jump if it took it.
    fn step(&mut self, pc: u32, op: Op) {
        let acc = self.b.use_var(self.acc);
        let pcv = self.b.ins().iconst(types::I32, pc as i64);
        let call = self.b.ins().call(self.calls.step, &[self.rt, self.fp, pcv, acc]);
        let r = self.b.inst_results(call)[0];
        self.check_exception(r, pc);
        self.b.def_var(self.acc, r);
        if let Some(t) = op.jump_target() {
            let next = self.b.ins().load(types::I32, MemFlagsData::trusted(), self.rt, next_pc_offset());
            let taken = self.b.ins().icmp_imm_s(IntCC::Equal, next, t.0 as i64);
            let target = self.block_at(t.0);
            let fall = self.block_at(pc + 1);
            self.b.ins().brif(taken, target, NO_ARGS, fall, NO_ARGS);
            self.terminated = true;
        }
    }

    fn i32c(&mut self, v: impl Into<i64>) -> CValue {
        self.b.ins().iconst(types::I32, v.into())
    }

    /// Calls runtime function `f` for the instruction at `pc` with `(runtime, fp, pc, acc,
    /// extra...)`; its result (unless an exception) is the new accumulator.
    fn op_call(&mut self, pc: u32, f: FuncRef, extra: &[i64]) {
        let acc = self.b.use_var(self.acc);
        let pcv = self.i32c(pc);
        let mut args = vec![self.rt, self.fp, pcv, acc];
        for e in extra {
            let v = self.i32c(*e);
            args.push(v);
        }
        let call = self.b.ins().call(f, &args);
        let r = self.b.inst_results(call)[0];
        self.check_exception(r, pc);
        self.b.def_var(self.acc, r);
    }

    /// 1 (as i8) when both values are int32s.
    fn both_int(&mut self, a: CValue, b: CValue) -> CValue {
        let ta = self.b.ins().ushr_imm_s(a, 48);
        let tb = self.b.ins().ushr_imm_s(b, 48);
        let ca = self.b.ins().icmp_imm_s(IntCC::Equal, ta, TAG_INT);
        let cb = self.b.ins().icmp_imm_s(IntCC::Equal, tb, TAG_INT);
        self.b.ins().band(ca, cb)
    }

    fn box_int(&mut self, i32v: CValue) -> CValue {
        let w = self.b.ins().uextend(types::I64, i32v);
        self.b.ins().bor_imm_s(w, TAG_INT << 48)
    }

    /// `fast` computes the result from two int32 operands (returning the result and an
    /// overflow flag, or no flag); anything else, or overflow, runs the interpreter's
    /// instruction.
    fn int_binary(
        &mut self,
        pc: u32,
        op: Op,
        lhs: CValue,
        rhs: CValue,
        fast: impl FnOnce(&mut Self, CValue, CValue) -> (CValue, Option<CValue>),
    ) {
        self.numeric_binary(pc, op, lhs, rhs, fast, None::<fn(&mut Self, CValue, CValue) -> CValue>);
    }

    /// As [`Self::int_binary`], plus `double`: the result from two numbers (at least one a
    /// double) converted to f64, as a boxed value.
    fn numeric_binary(
        &mut self,
        pc: u32,
        op: Op,
        lhs: CValue,
        rhs: CValue,
        fast: impl FnOnce(&mut Self, CValue, CValue) -> (CValue, Option<CValue>),
        double: Option<impl FnOnce(&mut Self, CValue, CValue) -> CValue>,
    ) {
        let fast_blk = self.b.create_block();
        let slow = self.b.create_block();
        let done = self.b.create_block();
        self.b.set_cold_block(slow);
        let both = self.both_int(lhs, rhs);
        match double {
            None => {
                self.b.ins().brif(both, fast_blk, NO_ARGS, slow, NO_ARGS);
            }
            Some(double) => {
                let check = self.b.create_block();
                let dbl = self.b.create_block();
                self.b.ins().brif(both, fast_blk, NO_ARGS, check, NO_ARGS);
                self.b.switch_to_block(check);
                let nl = self.is_number(lhs);
                let nr = self.is_number(rhs);
                let both_num = self.b.ins().band(nl, nr);
                self.b.ins().brif(both_num, dbl, NO_ARGS, slow, NO_ARGS);
                self.b.switch_to_block(dbl);
                let x = self.to_f64(lhs);
                let y = self.to_f64(rhs);
                let r = double(self, x, y);
                self.b.def_var(self.acc, r);
                self.b.ins().jump(done, NO_ARGS);
            }
        }
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
        self.b.def_var(self.acc, r);
        self.b.ins().jump(done, NO_ARGS);
        self.b.switch_to_block(slow);
        self.step(pc, op);
        self.b.ins().jump(done, NO_ARGS);
        self.b.switch_to_block(done);
    }

    /// 1 (as i8) when `v` is a number (a double or an int32).
    fn is_number(&mut self, v: CValue) -> CValue {
        let dbl = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, v, crate::value::FIRST_TAGGED as i64);
        let tag = self.b.ins().ushr_imm_s(v, 48);
        let int = self.b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_INT);
        self.b.ins().bor(dbl, int)
    }

    /// A number value as f64.
    fn to_f64(&mut self, v: CValue) -> CValue {
        let tag = self.b.ins().ushr_imm_s(v, 48);
        let is_int = self.b.ins().icmp_imm_s(IntCC::Equal, tag, TAG_INT);
        let i = self.b.ins().ireduce(types::I32, v);
        let from_int = self.b.ins().fcvt_from_sint(types::F64, i);
        let as_dbl = self.b.ins().bitcast(types::F64, MemFlagsData::new(), v);
        self.b.ins().select(is_int, from_int, as_dbl)
    }

    /// Boxes an f64 as `Value::from_f64` does: an int32 when integral (not -0), otherwise a
    /// double with NaN canonicalised.
    fn box_f64(&mut self, d: CValue) -> CValue {
        let i = self.b.ins().fcvt_to_sint_sat(types::I32, d);
        let back = self.b.ins().fcvt_from_sint(types::F64, i);
        let exact = self.b.ins().fcmp(FloatCC::Equal, back, d);
        let bits = self.b.ins().bitcast(types::I64, MemFlagsData::new(), d);
        let nonzero = self.b.ins().icmp_imm_s(IntCC::NotEqual, i, 0);
        let pos_zero = self.b.ins().icmp_imm_s(IntCC::Equal, bits, 0);
        let z = self.b.ins().bor(nonzero, pos_zero);
        let as_int = self.b.ins().band(exact, z);
        let nan = self.b.ins().fcmp(FloatCC::Unordered, d, d);
        let canon = self.b.ins().iconst(types::I64, crate::value::CANONICAL_NAN as i64);
        let dbl = self.b.ins().select(nan, canon, bits);
        let boxed = self.box_int(i);
        self.b.ins().select(as_int, boxed, dbl)
    }

    /// `lhs op acc` for `+ - * /`: `int` handles two int32s (see [`Self::int_binary`]), IEEE
    /// arithmetic any other pair of numbers, the interpreter everything else.
    fn arith(&mut self, pc: u32, op: Op, lhs: Reg, int: impl FnOnce(&mut Self, CValue, CValue) -> (CValue, Option<CValue>)) {
        let l = self.load_reg(lhs);
        let r = self.b.use_var(self.acc);
        let dbl = move |t: &mut Self, x, y| {
            let d = match op {
                Op::Add { .. } => t.b.ins().fadd(x, y),
                Op::Sub { .. } => t.b.ins().fsub(x, y),
                Op::Mul { .. } => t.b.ins().fmul(x, y),
                _ => t.b.ins().fdiv(x, y),
            };
            t.box_f64(d)
        };
        self.numeric_binary(pc, op, l, r, int, Some(dbl));
    }

    /// The address of the data slot the property IC at feedback `slot` names for the object
    /// `v` (see [`emit_slot_lookup`], run by the module's shared stub); jumps to `miss` when
    /// there is none. `inherited`: prototype-chain entries count (loads only).
    fn cached_slot_address(&mut self, v: CValue, slot: usize, inherited: bool, miss: Block) -> CValue {
        let set = self.b.ins().iconst(types::I64, self.code.feedback.mirror_addr(slot) as i64);
        let stub = if inherited { self.stubs.load_slot } else { self.stubs.store_slot };
        let call = self.b.ins().call(stub, &[v, set]);
        let addr = self.b.inst_results(call)[0];
        let hit = self.b.create_block();
        self.b.ins().brif(addr, hit, NO_ARGS, miss, NO_ARGS);
        self.b.switch_to_block(hit);
        addr
    }

    /// Emits `fast`, which may branch to the block it is given when it cannot finish, and `slow`
    /// in that (cold) block; both continue after.
    fn fast_or_slow(&mut self, fast: impl FnOnce(&mut Self, Block), slow: impl FnOnce(&mut Self)) {
        let (slow_blk, done) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(slow_blk);
        fast(self, slow_blk);
        self.b.ins().jump(done, NO_ARGS);
        self.b.switch_to_block(slow_blk);
        slow(self);
        self.b.ins().jump(done, NO_ARGS);
        self.b.switch_to_block(done);
    }

    /// Continues in a new block when `cond` is false, else branches to `miss`.
    fn miss_if(&mut self, cond: CValue, miss: Block) {
        let cont = self.b.create_block();
        self.b.ins().brif(cond, miss, NO_ARGS, cont, NO_ARGS);
        self.b.switch_to_block(cont);
    }

    /// Runs the interpreter's instruction only when `cond` holds (otherwise it does nothing).
    fn step_if(&mut self, pc: u32, op: Op, cond: CValue) {
        self.fast_or_slow(|t, miss| t.miss_if(cond, miss), |t| t.step(pc, op));
    }

    /// 1 (as i8) for values whose strict equality is bit identity: immediates (undefined,
    /// null, booleans), objects and symbols.
    fn is_identity_compared(&mut self, v: CValue) -> CValue {
        let tag = self.b.ins().ushr_imm_s(v, 48);
        let imm = self.b.ins().icmp_imm_s(IntCC::Equal, tag, 0xFFFA);
        let obj = self.b.ins().icmp_imm_s(IntCC::Equal, tag, 0xFFFC);
        let sym = self.b.ins().icmp_imm_s(IntCC::Equal, tag, 0xFFFE);
        let a = self.b.ins().bor(imm, obj);
        self.b.ins().bor(a, sym)
    }

    fn bool_value_inverted(&mut self, cond: CValue) -> CValue {
        let t = self.b.ins().iconst(types::I64, Value::TRUE.to_bits() as i64);
        let f = self.b.ins().iconst(types::I64, Value::FALSE.to_bits() as i64);
        self.b.ins().select(cond, f, t)
    }

    fn bool_value(&mut self, cond: CValue) -> CValue {
        let t = self.b.ins().iconst(types::I64, Value::TRUE.to_bits() as i64);
        let f = self.b.ins().iconst(types::I64, Value::FALSE.to_bits() as i64);
        self.b.ins().select(cond, t, f)
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
        let check_miss = self.b.create_block();
        let convert = self.b.create_block();
        let c = self.acc_is(hit);
        self.b.ins().brif(c, t, NO_ARGS, check_miss, NO_ARGS);
        self.b.switch_to_block(check_miss);
        let c = self.acc_is(miss);
        self.b.ins().brif(c, f, NO_ARGS, convert, NO_ARGS);
        self.b.switch_to_block(convert);
        let acc = self.b.use_var(self.acc);
        let call = self.b.ins().call(self.calls.to_boolean, &[self.rt, acc]);
        let r = self.b.inst_results(call)[0];
        let cc = if when { IntCC::NotEqual } else { IntCC::Equal };
        let c = self.b.ins().icmp_imm_s(cc, r, 0);
        self.b.ins().brif(c, t, NO_ARGS, f, NO_ARGS);
        self.terminated = true;
    }

    fn op(&mut self, pc: u32, op: Op) {
        match op {
            Op::LdaUndefined { .. } => self.set_acc_const(Value::UNDEFINED),
            Op::LdaNull { .. } => self.set_acc_const(Value::NULL),
            Op::LdaTrue { .. } => self.set_acc_const(Value::TRUE),
            Op::LdaFalse { .. } => self.set_acc_const(Value::FALSE),
            Op::LdaHole { .. } => self.set_acc_const(Value::HOLE),
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
            Op::Add { lhs, .. } => self.arith(pc, op, lhs, |t, x, y| {
                let (s, of) = t.b.ins().sadd_overflow(x, y);
                (t.box_int(s), Some(of))
            }),
            Op::Sub { lhs, .. } => self.arith(pc, op, lhs, |t, x, y| {
                let (s, of) = t.b.ins().ssub_overflow(x, y);
                (t.box_int(s), Some(of))
            }),
            // Integer products that are 0 take the interpreter's path: -0 when a factor is negative.
            Op::Mul { lhs, .. } => self.arith(pc, op, lhs, |t, x, y| {
                let (p, of) = t.b.ins().smul_overflow(x, y);
                let zero = t.b.ins().icmp_imm_s(IntCC::Equal, p, 0);
                let bad = t.b.ins().bor(of, zero);
                (t.box_int(p), Some(bad))
            }),
            // Int operands take the double path too (the "overflow" flag is always set).
            Op::Div { lhs, .. } => self.arith(pc, op, lhs, |t, _, _| {
                let always = t.b.ins().iconst(types::I8, 1);
                let unused = t.b.ins().iconst(types::I64, 0);
                (unused, Some(always))
            }),
            Op::Inc { .. } | Op::Dec { .. } => {
                let a = self.b.use_var(self.acc);
                let one = self.b.ins().iconst(types::I64, Value::int(1).to_bits() as i64);
                let inc = matches!(op, Op::Inc { .. });
                self.int_binary(pc, op, a, one, move |t, x, y| {
                    let (s, of) = if inc { t.b.ins().sadd_overflow(x, y) } else { t.b.ins().ssub_overflow(x, y) };
                    (t.box_int(s), Some(of))
                });
            }
            Op::TestLt { lhs, .. } | Op::TestLe { lhs, .. } | Op::TestGt { lhs, .. } | Op::TestGe { lhs, .. } => {
                let cc = match op {
                    Op::TestLt { .. } => IntCC::SignedLessThan,
                    Op::TestLe { .. } => IntCC::SignedLessThanOrEqual,
                    Op::TestGt { .. } => IntCC::SignedGreaterThan,
                    _ => IntCC::SignedGreaterThanOrEqual,
                };
                let fcc = match op {
                    Op::TestLt { .. } => FloatCC::LessThan,
                    Op::TestLe { .. } => FloatCC::LessThanOrEqual,
                    Op::TestGt { .. } => FloatCC::GreaterThan,
                    _ => FloatCC::GreaterThanOrEqual,
                };
                let l = self.load_reg(lhs);
                let r = self.b.use_var(self.acc);
                let dbl = move |t: &mut Self, x, y| {
                    let c = t.b.ins().fcmp(fcc, x, y);
                    t.bool_value(c)
                };
                self.numeric_binary(
                    pc,
                    op,
                    l,
                    r,
                    move |t, x, y| {
                        let c = t.b.ins().icmp(cc, x, y);
                        (t.bool_value(c), None)
                    },
                    Some(dbl),
                );
            }
            Op::GetNamed { obj, slot, .. } => self.fast_or_slow(
                |t, miss| {
                    let o = t.load_reg(obj);
                    let addr = t.cached_slot_address(o, slot.index(), true, miss);
                    let v = t.b.ins().load(types::I64, MemFlagsData::trusted(), addr, 0);
                    t.b.def_var(t.acc, v);
                },
                |t| t.op_call(pc, t.calls.get_named, &[obj.0 as i64, slot.index() as i64]),
            ),
            Op::SetNamed { obj, slot, .. } => self.fast_or_slow(
                |t, miss| {
                    let o = t.load_reg(obj);
                    let addr = t.cached_slot_address(o, slot.index(), false, miss);
                    let v = t.b.use_var(t.acc);
                    t.b.ins().store(MemFlagsData::trusted(), v, addr, 0);
                },
                |t| t.op_call(pc, t.calls.set_named, &[obj.0 as i64, slot.index() as i64]),
            ),
            Op::LdaGlobal { slot, .. } => match self.code.feedback.slots[slot.index()].data {
                // A site that resolved to a global lexical binding always does (such bindings
                // are never removed); the feedback keeps the cell alive.
                Feedback::Global(GlobalFeedback::Lexical(cell)) => self.fast_or_slow(
                    |t, miss| {
                        let addr = t.b.ins().iconst(types::I64, cell.addr() as i64);
                        let v = t.b.ins().load(types::I64, MemFlagsData::trusted(), addr, PROPERTY_CELL_VALUE_OFFSET);
                        let hole = t.b.ins().icmp_imm_s(IntCC::Equal, v, Value::HOLE.to_bits() as i64);
                        t.miss_if(hole, miss);
                        t.b.def_var(t.acc, v);
                    },
                    |t| t.op_call(pc, t.calls.lda_global, &[slot.index() as i64]),
                ),
                _ => self.op_call(pc, self.calls.lda_global, &[slot.index() as i64]),
            },
            Op::StaGlobal { slot, .. } => self.op_call(pc, self.calls.sta_global, &[slot.index() as i64]),
            Op::GetKeyed { obj, .. } => self.op_call(pc, self.calls.get_keyed, &[obj.0 as i64]),
            Op::SetKeyed { obj, key, .. } => self.op_call(pc, self.calls.set_keyed, &[obj.0 as i64, key.0 as i64]),
            Op::Call { callee, this_reg, argc, slot } => {
                self.op_call(pc, self.calls.call, &[callee.0 as i64, this_reg.0 as i64, argc as i64, slot.index() as i64])
            }
            Op::Construct { callee, args, argc, slot } => {
                self.op_call(pc, self.calls.construct, &[callee.0 as i64, args.0 as i64, argc as i64, slot.index() as i64])
            }
            Op::LdaContext { depth, index, .. } => {
                let (d, i) = (self.i32c(depth), self.i32c(index));
                let call = self.b.ins().call(self.calls.lda_context, &[self.rt, self.fp, d, i]);
                let r = self.b.inst_results(call)[0];
                self.b.def_var(self.acc, r);
            }
            Op::StaContext { depth, index, .. } => {
                let (d, i) = (self.i32c(depth), self.i32c(index));
                let acc = self.b.use_var(self.acc);
                self.b.ins().call(self.calls.sta_context, &[self.rt, self.fp, d, i, acc]);
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
                self.step_if(pc, op, not_num);
            }
            Op::Not { .. } => {
                // Booleans inline; anything else through ToBoolean.
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
                    |t| t.step(pc, op),
                );
            }
            Op::TestStrictEq { lhs, .. } => {
                // Two int32s, or two values whose equality is identity (undefined, null,
                // booleans, objects, symbols): compare bits. Doubles and strings: the
                // interpreter.
                self.fast_or_slow(
                    |t, miss| {
                        let l = t.load_reg(lhs);
                        let r = t.b.use_var(t.acc);
                        let both_int = t.both_int(l, r);
                        let il = t.is_identity_compared(l);
                        let ir = t.is_identity_compared(r);
                        let both_identity = t.b.ins().band(il, ir);
                        let ok = t.b.ins().bor(both_int, both_identity);
                        let not_ok = t.b.ins().bxor_imm_s(ok, 1);
                        t.miss_if(not_ok, miss);
                        let eq = t.b.ins().icmp(IntCC::Equal, l, r);
                        let v = t.bool_value(eq);
                        t.b.def_var(t.acc, v);
                    },
                    |t| t.step(pc, op),
                );
            }
            Op::Jump { target, .. } => {
                let t = self.block_at(target.0);
                self.b.ins().jump(t, NO_ARGS);
                self.terminated = true;
            }
            Op::JumpLoop { target, .. } => {
                let acc = self.b.use_var(self.acc);
                let call = self.b.ins().call(self.calls.loop_safepoint, &[self.rt, self.fp, acc]);
                let r = self.b.inst_results(call)[0];
                self.check_exception(r, pc);
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
