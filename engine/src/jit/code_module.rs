//! Code memory and what every compiled function of a tier shares: the runtime calls it may
//! make, the machine-code stubs, and the value/object layout constants compiled code is
//! written against. Each tier owns one [`CodeModule`] (its Cranelift settings differ).

use super::equality::EqualityOp;
use super::number::NumberOp;
use super::runtime_calls;
use super::site_stub::{self, SiteOp};
use super::translate::FnTranslator;
use super::JitFn;
use crate::interpreter::feedback::{PropertyIcMirror, MAX_POLYMORPHISM};
use crate::runtime::function::FunctionCode;
use crate::runtime::object::{ElementStore, JsObject, Slots, INLINE_SLOTS};
use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{
    types, AbiParam, Block, BlockArg, ExtFuncData, ExternalName, FuncRef, Function, InstBuilder, MemFlagsData, Signature, UserExternalName,
    UserFuncName,
};
use cranelift_codegen::isa::{OwnedTargetIsa, TargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{FuncId, Linkage, Module, ModuleReloc};
use std::rc::Rc;
use std::sync::{Arc, OnceLock};

pub(crate) type CValue = cranelift_codegen::ir::Value;

pub(crate) const NO_ARGS: &[BlockArg] = &[];
pub(crate) const TAG_INT: i64 = 0xFFF9;
pub(crate) const TAG_IMM: i64 = 0xFFFA;
pub(crate) const TAG_OBJECT: i64 = 0xFFFC;
pub(crate) const TAG_STRING: i64 = 0xFFFD;
pub(crate) const TAG_SYMBOL: i64 = 0xFFFE;
/// The tag of cells that are not objects, strings or symbols (contexts, for one).
pub(crate) const TAG_CELL: i64 = 0xFFFF;
pub(crate) const PAYLOAD_MASK: i64 = (1 << 48) - 1;
/// Where an object's shape lives (see [`JsObject`]).
pub(crate) const OBJECT_SHAPE_OFFSET: i32 = std::mem::offset_of!(JsObject, shape) as i32;
/// Where an object's [`ObjectKind`](crate::runtime::object::ObjectKind) starts.
pub(crate) const OBJECT_KIND_OFFSET: i32 = std::mem::offset_of!(JsObject, kind) as i32;
/// Offset of an object's dense-element data pointer (null unless compiled code may use it).
pub(crate) const ELEMENTS_BASE_OFFSET: i32 = (std::mem::offset_of!(JsObject, elements) + ElementStore::BASE_OFFSET) as i32;
/// Offset of an object's dense-element length (0 unless compiled code may use it).
pub(crate) const ELEMENTS_LEN_OFFSET: i32 = (std::mem::offset_of!(JsObject, elements) + ElementStore::LEN_OFFSET) as i32;
/// Where an object's out-of-line slot buffer pointer and its inline slots live (see [`Slots`]).
const OBJECT_SLOTS_OFFSET: i32 = (std::mem::offset_of!(JsObject, slots) + Slots::BASE_OFFSET) as i32;
const OBJECT_INLINE_SLOTS_OFFSET: i32 = JsObject::inline_slot_offset(0).expect("slot 0 is inline") as i32;
/// Where an object's number of slots in use and out-of-line capacity live (`u32`s).
const OBJECT_SLOTS_LEN_OFFSET: i32 = (std::mem::offset_of!(JsObject, slots) + Slots::LEN_OFFSET) as i32;
const OBJECT_SLOTS_CAP_OFFSET: i32 = (std::mem::offset_of!(JsObject, slots) + Slots::CAP_OFFSET) as i32;
/// Where an object's `proto_info` lives: a nullable pointer, set once the object is a prototype.
const OBJECT_PROTO_INFO_OFFSET: i32 = std::mem::offset_of!(JsObject, proto_info) as i32;

/// The address of slot `index` (an i64 known to be in use) of object `o`: inside the object
/// below [`INLINE_SLOTS`], in its out-of-line buffer from there on.
pub(crate) fn emit_slot_address(b: &mut FunctionBuilder, o: CValue, index: CValue) -> CValue {
    let offset = b.ins().ishl_imm_s(index, 3);
    let at = b.ins().iadd(o, offset);
    let inline = b.ins().iadd_imm_s(at, OBJECT_INLINE_SLOTS_OFFSET as i64);
    // The buffer pointer is dangling while there is no buffer; the address is then unused.
    let base = b.ins().load(types::I64, MemFlagsData::trusted(), o, OBJECT_SLOTS_OFFSET);
    let at = b.ins().iadd(base, offset);
    let outside = b.ins().iadd_imm_s(at, -((INLINE_SLOTS * 8) as i64));
    let is_inline = b.ins().icmp_imm_s(IntCC::UnsignedLessThan, index, INLINE_SLOTS as i64);
    b.ins().select(is_inline, inline, outside)
}

/// [`emit_slot_address`] for an `index` known when compiling.
pub(crate) fn emit_fixed_slot_address(b: &mut FunctionBuilder, o: CValue, index: u32) -> CValue {
    let i = index as i64;
    if (index as usize) < INLINE_SLOTS {
        b.ins().iadd_imm_s(o, OBJECT_INLINE_SLOTS_OFFSET as i64 + 8 * i)
    } else {
        let base = b.ins().load(types::I64, MemFlagsData::trusted(), o, OBJECT_SLOTS_OFFSET);
        b.ins().iadd_imm_s(base, 8 * (i - INLINE_SLOTS as i64))
    }
}
pub(crate) const PROPERTY_CELL_VALUE_OFFSET: i32 = std::mem::offset_of!(crate::runtime::realm::PropertyCell, value) as i32;

/// Cranelift settings of a tier's module.
#[derive(Copy, Clone)]
pub(crate) struct ModuleSettings {
    /// `opt_level`: "none" (baseline: fast compiles) or "speed".
    pub opt_level: &'static str,
    /// `regalloc_algorithm`: "single_pass" or "backtracking".
    pub regalloc: &'static str,
}

/// A function a [`CodeModule`] built (its Cranelift IR, declared in the module) but did not
/// compile yet. It holds no reference into the runtime, so it may move to another thread.
pub(crate) struct BuiltFunction {
    id: FuncId,
    func: Box<Function>,
}

impl BuiltFunction {
    /// Compiles the function for `isa` (its module's): Cranelift's optimizer, register
    /// allocation and emission, which is most of a compile's time. Touches no runtime.
    /// `ctx` is scratch space kept between compiles: reusing its allocations is most of a
    /// small function's compile time.
    pub(crate) fn compile(self, isa: &dyn TargetIsa, ctx: &mut Context) -> Result<MachineCode, String> {
        let id = self.id;
        // A panic inside Cranelift becomes a compile failure (see `CodeModule::build`); the
        // next compile clears what it left in `ctx`.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            ctx.clear();
            ctx.func = *self.func;
            ctx.compile(isa, &mut ControlPlane::default()).map_err(|e| format!("cranelift: {:?}", e.inner))?;
            let compiled = ctx.compiled_code().expect("compiled above");
            let bytes = compiled.buffer.data().to_vec();
            let alignment = compiled.buffer.alignment as u64;
            let relocs = compiled.buffer.relocs().iter().map(|r| ModuleReloc::from_mach_reloc(r, &ctx.func, id)).collect();
            Ok(MachineCode { id, bytes, alignment, relocs })
        }))
        .unwrap_or_else(|_| Err("Cranelift panicked".into()))
    }
}

/// Machine code compiled from a [`BuiltFunction`], to be placed in its module's memory by
/// [`CodeModule::install`].
pub(crate) struct MachineCode {
    id: FuncId,
    bytes: Vec<u8>,
    alignment: u64,
    relocs: Vec<ModuleReloc>,
}

/// Executable memory for one runtime's compiled code, and the declarations every compiled
/// function shares. Code lives until the runtime is dropped (Cranelift frees a module's code
/// only as a whole); `JitStats::code_bytes` accounts for it.
pub(crate) struct CodeModule {
    module: Option<JITModule>,
    /// The stubs this module's functions call: kept alive while they may run.
    stubs_code: Rc<SharedStubs>,
    /// The instruction set, with the tier's settings.
    isa: OwnedTargetIsa,
    fctx: FunctionBuilderContext,
    calls: Calls,
    stubs: Stubs<Import>,
    next_name: u64,
    /// A compile panicked: compile nothing more.
    poisoned: bool,
}

/// A function compiled code may call, declared once in a tier's module. Each compiled function
/// imports it only when it first calls it: every import costs each compile its ABI work, used
/// or not, and a function calls few of them.
#[derive(Clone)]
pub(crate) struct Import {
    id: FuncId,
    sig: Signature,
}

impl Import {
    fn declare(module: &mut JITModule, name: &str, sig: Signature) -> Result<Import, String> {
        let id = module.declare_function(name, Linkage::Import, &sig).map_err(|e| e.to_string())?;
        Ok(Import { id, sig })
    }

    /// Imports the function into `func` (as `Module::declare_func_in_func` does).
    fn import(&self, func: &mut Function) -> FuncRef {
        let signature = func.import_signature(self.sig.clone());
        let name = func.declare_imported_user_function(UserExternalName { namespace: 0, index: self.id.as_u32() });
        // Called through their absolute address: code memory grows in separately mapped
        // chunks, which may lie beyond the ±2 GiB a PC-relative call reaches.
        func.import_function(ExtFuncData { name: ExternalName::user(name), signature, colocated: false, patchable: false })
    }
}

/// `import`'s reference in the function being compiled, imported into `func` on first use.
fn lazy(slot: &mut Option<FuncRef>, import: &Import, func: &mut Function) -> FuncRef {
    *slot.get_or_insert_with(|| import.import(func))
}

/// Declares the runtime calls compiled code makes (name, parameter types; each returns an
/// i64), once as module imports ([`Calls`]) and, as they are called, per function
/// ([`CallRefs`]).
macro_rules! runtime_calls {
    ($($field:ident = $name:literal ($($p:ident),*);)*) => {
        /// The runtime calls, declared in the module.
        pub(crate) struct Calls { $($field: Import,)* }
        /// The runtime calls as seen from one function: each method imports its call on first
        /// use.
        pub(crate) struct CallRefs<'a> { calls: &'a Calls, $($field: Option<FuncRef>,)* }
        impl Calls {
            fn declare(module: &mut JITModule) -> Result<Calls, String> {
                let ptr = module.target_config().pointer_type();
                let (_i32, _i64) = (types::I32, types::I64);
                let _ = ptr;
                Ok(Calls { $($field: {
                    let mut sig = module.make_signature();
                    $( sig.params.push(AbiParam::new(runtime_calls!(@ty $p, ptr))); )*
                    sig.returns.push(AbiParam::new(types::I64));
                    Import::declare(module, $name, sig)?
                },)* })
            }
            fn refs(&self) -> CallRefs<'_> {
                CallRefs { calls: self, $($field: None,)* }
            }
        }
        impl CallRefs<'_> {
            $(
                #[doc = concat!("`", $name, "`, imported into `func` on first use.")]
                pub(crate) fn $field(&mut self, func: &mut Function) -> FuncRef {
                    lazy(&mut self.$field, &self.calls.$field, func)
                }
            )*
        }
    };
    (@ty ptr, $ptr:ident) => { $ptr };
    (@ty i32, $ptr:ident) => { types::I32 };
    (@ty i64, $ptr:ident) => { types::I64 };
}

runtime_calls! {
    step = "jit_step" (ptr, ptr, i32, i64);
    exec = "jit_exec" (ptr, ptr, i32, i64);
    loop_safepoint = "jit_loop_safepoint" (ptr, ptr, i64, i32);
    osr_result = "jit_osr_result" (ptr);
    deopt = "jit_deopt" (ptr, ptr);
    to_boolean = "jit_to_boolean" (ptr, i64);
    strict_equals = "jit_strict_equals" (ptr, i64, i64);
    create_this = "jit_create_this" (ptr, i64, i64);
    create_object = "jit_create_object" (ptr, i64);
    push_context = "jit_push_context" (ptr, i64, i32);
    add_property = "jit_add_property" (ptr, i64, i64, i32, i64, i64);
    call_builtin = "jit_call_builtin" (ptr, i32, i64, i64, i64);
    catch = "jit_catch" (ptr, ptr, i32);
    get_named = "jit_get_named" (ptr, ptr, i32, i64, i32, i32);
    set_named = "jit_set_named" (ptr, ptr, i32, i64, i32, i32);
    get_named_at = "jit_get_named_at" (ptr, ptr, i32, i64);
    set_named_at = "jit_set_named_at" (ptr, ptr, i32, i64);
    lda_global = "jit_lda_global" (ptr, ptr, i32, i64);
    sta_global = "jit_sta_global" (ptr, ptr, i32, i64);
    get_keyed = "jit_get_keyed" (ptr, ptr, i32, i64);
    set_keyed = "jit_set_keyed" (ptr, ptr, i32, i64);
    call = "jit_call" (ptr, ptr, i32, i64);
    call_native = "jit_call_native" (ptr, ptr, i32, i64, i64, i64, ptr, i32);
    construct = "jit_construct" (ptr, ptr, i32, i64, i32, i32, i32, i32);
}

/// The stubs' settings: the full register allocator, without the optimizer. Measured (12 bench
/// programs, baseline tier, whose code calls the stubs most): the single-pass allocator made
/// them 30% slower; the optimizer made them no faster and took 0.6 ms of their 2.1 ms compile,
/// which every run pays before its first compiled code.
const STUB_SETTINGS: ModuleSettings = ModuleSettings { opt_level: "none", regalloc: "backtracking" };

/// The host's instruction set with the settings `s`.
fn isa(s: ModuleSettings) -> Result<OwnedTargetIsa, String> {
    let mut flags = settings::builder();
    let set = |f: &mut settings::Builder, k: &str, v: &str| f.set(k, v).map_err(|e| format!("cranelift setting {k}: {e}"));
    set(&mut flags, "opt_level", s.opt_level)?;
    set(&mut flags, "is_pic", "false")?;
    set(&mut flags, "use_colocated_libcalls", "false")?;
    set(&mut flags, "enable_verifier", if cfg!(debug_assertions) { "true" } else { "false" })?;
    set(&mut flags, "preserve_frame_pointers", "true")?;
    set(&mut flags, "regalloc_algorithm", s.regalloc)?;
    cranelift_native::builder()
        .map_err(|e| format!("no JIT for this machine: {e}"))?
        .finish(settings::Flags::new(flags))
        .map_err(|e| format!("no JIT for this machine: {e}"))
}

/// The stubs' machine code, in a module of its own compiled once per runtime with the full
/// register allocator whatever the tiers' settings ([`STUB_SETTINGS`]): every compiled
/// function calls them. Plain data: the background compiler thread compiles them before its
/// first job (see [`SharedStubs`]).
pub(crate) struct StubCode {
    module: Option<JITModule>,
    addrs: Stubs<usize>,
}

impl StubCode {
    /// Compiles the stubs.
    pub(crate) fn new() -> Result<StubCode, String> {
        let mut jb = JITBuilder::with_isa(isa(STUB_SETTINGS)?, cranelift_module::default_libcall_names());
        for (name, ptr) in runtime_calls::symbols() {
            jb.symbol(name, ptr);
        }
        let mut module = JITModule::new(jb);
        let calls = Calls::declare(&mut module)?;
        let ids = Stubs::define(&mut module, &calls)?;
        module.finalize_definitions().map_err(|e| format!("cranelift: {e}"))?;
        let addrs = ids.map(|id| module.get_finalized_function(id) as usize);
        Ok(StubCode { module: Some(module), addrs })
    }
}

impl Drop for StubCode {
    fn drop(&mut self) {
        if let Some(m) = self.module.take() {
            // SAFETY: the stubs are only reachable from compiled code, which lives in the
            // tiers' modules; each holds the `SharedStubs` owning this, so they are gone and
            // none of their code can run.
            unsafe { m.free_memory() };
        }
    }
}

/// The stubs as the tiers' modules share them. A module may be made, and may build
/// functions, before the stubs are compiled: its code is linked against them only when
/// installed ([`CodeModule::install`]), and the runtime sets them before installing anything
/// (`Jit::ensure_stubs`). Compiling them takes a few milliseconds, which the background
/// thread spends while the script starts instead of the first compile waiting for it.
#[derive(Default)]
pub(crate) struct SharedStubs {
    /// The stubs' code memory, kept alive by every module that may call it.
    code: std::cell::OnceCell<StubCode>,
    /// Their addresses, read by the modules' symbol lookup when linking (Cranelift requires
    /// lookup functions to be `Send`).
    addrs: Arc<OnceLock<Stubs<usize>>>,
}

impl SharedStubs {
    /// Are the stubs there?
    pub(crate) fn is_set(&self) -> bool {
        self.code.get().is_some()
    }

    /// Makes `code` the stubs (once).
    pub(crate) fn set(&self, code: StubCode) {
        let _ = self.addrs.set(code.addrs);
        let _ = self.code.set(code);
    }
}

impl CodeModule {
    /// A module compiling with the settings `s`, whose functions call `stubs`.
    pub(crate) fn new(s: ModuleSettings, stubs: Rc<SharedStubs>) -> Result<CodeModule, String> {
        let tier_isa = isa(s)?;
        let mut jb = JITBuilder::with_isa(tier_isa.clone(), cranelift_module::default_libcall_names());
        for (name, ptr) in runtime_calls::symbols() {
            jb.symbol(name, ptr);
        }
        let addrs = stubs.addrs.clone();
        jb.symbol_lookup_fn(Box::new(move |name| {
            let found = (*addrs.get()?).named().find(|(n, _)| *n == name);
            found.map(|(_, a)| a as *const u8)
        }));
        let mut module = JITModule::new(jb);
        let calls = Calls::declare(&mut module)?;
        let stub_imports = Stubs::declare(&mut module)?;
        Ok(CodeModule {
            module: Some(module),
            stubs_code: stubs,
            isa: tier_isa,
            fctx: FunctionBuilderContext::new(),
            calls,
            stubs: stub_imports,
            next_name: 0,
            poisoned: false,
        })
    }

    /// Builds `code`'s function with this module's settings: `emit` fills it in through the
    /// translator it is given (the baseline tier translates the bytecode, the optimizing tier
    /// lowers its graph). The result is Cranelift IR, which [`BuiltFunction::compile`] turns
    /// into machine code on any thread and [`Self::install`] places in this module.
    pub(crate) fn build(&mut self, code: &FunctionCode, emit: impl FnOnce(FnTranslator<'_>)) -> Result<BuiltFunction, String> {
        if self.poisoned {
            return Err("an earlier compile failed inside Cranelift".into());
        }
        // A panic inside Cranelift must not unwind into the runtime (compiles happen inside
        // runtime calls made by compiled code): it becomes a compile failure, and the module,
        // whose state is unknown after it, compiles nothing more.
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.build_unchecked(code, emit))) {
            Ok(r) => r,
            Err(_) => {
                self.poisoned = true;
                Err("Cranelift panicked".into())
            }
        }
    }

    fn build_unchecked(&mut self, code: &FunctionCode, emit: impl FnOnce(FnTranslator<'_>)) -> Result<BuiltFunction, String> {
        let name = format!("js{}", self.next_name);
        self.next_name += 1;
        let sig = jit_fn_signature(self.module());
        let id = self.module().declare_function(&name, Linkage::Local, &sig).map_err(|e| e.to_string())?;
        let tcfg = self.module().target_config();
        let mut func = Function::with_name_signature(UserFuncName::user(0, id.as_u32()), sig);
        let CodeModule { fctx, calls, stubs, .. } = self;
        emit(FnTranslator::new(FunctionBuilder::new(&mut func, fctx), code, calls.refs(), StubRefs::new(stubs), tcfg));
        Ok(BuiltFunction { id, func: Box::new(func) })
    }

    /// Places compiled machine code in this module's memory (the module that built its
    /// function) and returns its entry point and size.
    pub(crate) fn install(&mut self, m: MachineCode) -> Result<(JitFn, usize), String> {
        if !self.stubs_code.is_set() {
            return Err("the stubs are not compiled".into());
        }
        let module = self.module();
        module.define_function_bytes(m.id, m.alignment, &m.bytes, &m.relocs).map_err(|e| format!("cranelift: {e:?}"))?;
        module.finalize_definitions().map_err(|e| format!("cranelift: {e}"))?;
        let ptr = module.get_finalized_function(m.id);
        // SAFETY: `ptr` is the finalized code of a function declared with `JitFn`'s signature
        // under the host's default (System V) calling convention, which `extern "C"` matches.
        Ok((unsafe { std::mem::transmute::<*const u8, JitFn>(ptr) }, m.bytes.len()))
    }

    /// The instruction set (with this module's settings) its functions compile for.
    pub(crate) fn isa(&self) -> OwnedTargetIsa {
        self.isa.clone()
    }

    fn module(&mut self) -> &mut JITModule {
        self.module.as_mut().expect("module lives until drop")
    }
}

impl Drop for CodeModule {
    fn drop(&mut self) {
        if let Some(m) = self.module.take() {
            // SAFETY: the module is dropped with its runtime; no compiled function of it can
            // run afterwards (compiled code is only reachable from that runtime's
            // `FunctionCode`s).
            unsafe { m.free_memory() };
        }
    }
}

/// The object `v` points to and the entry of a property IC's
/// [`MirrorSet`](crate::interpreter::feedback::MirrorSet) at address `set` for its shape, read at
/// run time (so the code follows the IC as it changes); jumps to `miss` unless `v` is an object
/// of one of the IC's shapes.
fn emit_entry_lookup(b: &mut FunctionBuilder, v: CValue, set: CValue, miss: Block) -> (CValue, CValue) {
    let flags = MemFlagsData::trusted();
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
    (o, m)
}

/// Where an object keeps an own slot: inside the object, or in its slot buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SlotPlace {
    /// Inside the object (slots below [`INLINE_SLOTS`]).
    Inline,
    /// In the slot buffer.
    Outside,
}

/// The address (plus the displacement to load or store at) of the own slot in `place` of
/// the object `v` that the first entry of a site's IC (its mirrors at `set`) names when `v`
/// has that entry's shape; else a jump to `miss`. The common case of a monomorphic site, in a
/// few instructions: the entry's shape and slot offset are read at run time, so the IC may
/// change under the code.
pub(crate) fn emit_first_entry_own_slot(b: &mut FunctionBuilder, v: CValue, set: CValue, place: SlotPlace, miss: Block) -> (CValue, i32) {
    let flags = MemFlagsData::trusted();
    let tag = b.ins().ushr_imm_s(v, 48);
    let not_obj = b.ins().icmp_imm_s(IntCC::NotEqual, tag, TAG_OBJECT);
    exit_if(b, not_obj, miss);
    let o = b.ins().band_imm_s(v, PAYLOAD_MASK);
    let shape = b.ins().load(types::I64, flags, o, OBJECT_SHAPE_OFFSET);
    let want = b.ins().load(types::I64, flags, set, PropertyIcMirror::SHAPE_OFFSET);
    let other = b.ins().icmp(IntCC::NotEqual, shape, want);
    exit_if(b, other, miss);
    // Each offset is 0 unless the entry is an own slot in that place.
    match place {
        SlotPlace::Inline => {
            let offset = b.ins().uload32(flags, set, PropertyIcMirror::INLINE_OFFSET_OFFSET);
            exit_unless(b, offset, miss);
            (b.ins().iadd(o, offset), 0)
        }
        SlotPlace::Outside => {
            let offset = b.ins().uload32(flags, set, PropertyIcMirror::OUTSIDE_OFFSET_OFFSET);
            exit_unless(b, offset, miss);
            // The shape has the slot, so the buffer does.
            let base = b.ins().load(types::I64, flags, o, OBJECT_SLOTS_OFFSET);
            (b.ins().iadd(base, offset), -(PropertyIcMirror::OUTSIDE_BIAS as i32))
        }
    }
}

/// The address of the data slot a load site's IC names for the object `v` (see
/// [`emit_entry_lookup`]): the receiver's own slot, or the holder's up the prototype chain
/// while the chain's validity flag holds; else a jump to `miss`.
pub(crate) fn emit_slot_lookup(b: &mut FunctionBuilder, v: CValue, set: CValue, miss: Block) -> CValue {
    let flags = MemFlagsData::trusted();
    let (o, m) = emit_entry_lookup(b, v, set, miss);
    let (own, inherited, valid_ok, slot) = (b.create_block(), b.create_block(), b.create_block(), b.create_block());
    let object = b.append_block_param(slot, types::I64);
    let holder = b.ins().load(types::I64, flags, m, PropertyIcMirror::HOLDER_OFFSET);
    b.ins().brif(holder, inherited, NO_ARGS, own, NO_ARGS);
    // An own slot needs no validity flag (its entry's is always set).
    b.switch_to_block(own);
    b.ins().jump(slot, &[BlockArg::Value(o)]);
    b.switch_to_block(inherited);
    let flag = b.ins().load(types::I64, flags, m, PropertyIcMirror::VALID_OFFSET);
    let valid = b.ins().uload8(types::I32, flags, flag, 0);
    b.ins().brif(valid, valid_ok, NO_ARGS, miss, NO_ARGS);
    b.switch_to_block(valid_ok);
    b.ins().jump(slot, &[BlockArg::Value(holder)]);
    b.switch_to_block(slot);
    let index = b.ins().uload32(flags, m, PropertyIcMirror::SLOT_OFFSET);
    emit_slot_address(b, object, index)
}

/// Stores `x` where a store site's IC says for the object `v` (see [`emit_entry_lookup`]): in
/// an own data slot, or in a new one by the entry's transition ([`emit_add_property`]); else
/// jumps to `miss`.
pub(crate) fn emit_store_lookup(b: &mut FunctionBuilder, v: CValue, set: CValue, x: CValue, miss: Block) {
    let flags = MemFlagsData::trusted();
    let (o, m) = emit_entry_lookup(b, v, set, miss);
    let (own, add, done) = (b.create_block(), b.create_block(), b.create_block());
    let to = b.ins().load(types::I64, flags, m, PropertyIcMirror::TO_OFFSET);
    let index = b.ins().uload32(flags, m, PropertyIcMirror::SLOT_OFFSET);
    b.ins().brif(to, add, NO_ARGS, own, NO_ARGS);
    b.switch_to_block(own);
    // Store sites record no inherited slots (a store there adds an own property).
    let holder = b.ins().load(types::I64, flags, m, PropertyIcMirror::HOLDER_OFFSET);
    exit_if(b, holder, miss);
    let addr = emit_slot_address(b, o, index);
    b.ins().store(flags, x, addr, 0);
    b.ins().jump(done, NO_ARGS);
    b.switch_to_block(add);
    let valid = b.ins().load(types::I64, flags, m, PropertyIcMirror::VALID_OFFSET);
    emit_add_property(b, o, to, index, Some(valid), x, miss);
    b.ins().jump(done, NO_ARGS);
    b.switch_to_block(done);
}

/// [`emit_add_property`] for an object known to have `slot` slots, all inline, and to be no
/// prototype, when the caller has tested the prototype chain's flag: stores only.
pub(crate) fn emit_add_fresh_property(b: &mut FunctionBuilder, o: CValue, to: CValue, slot: u32, x: CValue) {
    debug_assert!((slot as usize) < INLINE_SLOTS, "a fresh object's slot {slot} is inline");
    let fl = MemFlagsData::trusted();
    b.ins().store(fl, x, o, OBJECT_INLINE_SLOTS_OFFSET + 8 * slot as i32);
    let len = b.ins().iconst(types::I32, i64::from(slot) + 1);
    b.ins().store(fl, len, o, OBJECT_SLOTS_LEN_OFFSET);
    b.ins().store(fl, to, o, OBJECT_SHAPE_OFFSET);
}

/// Adds a property to the object at `o` by a cached transition to shape `to`: `x` goes into
/// the new slot `slot` (an i64), as `ops::cached_store` does. Jumps to `slow` (having changed
/// nothing) when the prototype chain's validity flag at address `valid` (if any) was cleared,
/// when the object is a prototype (whose shape change the runtime must propagate), when its
/// slots do not end at `slot`, or when the new slot needs a bigger out-of-line buffer.
pub(crate) fn emit_add_property(
    b: &mut FunctionBuilder,
    o: CValue,
    to: CValue,
    slot: CValue,
    valid: Option<CValue>,
    x: CValue,
    slow: Block,
) {
    let fl = MemFlagsData::trusted();
    if let Some(valid) = valid {
        let flag = b.ins().uload8(types::I32, fl, valid, 0);
        exit_unless(b, flag, slow);
    }
    let proto_info = b.ins().load(types::I64, fl, o, OBJECT_PROTO_INFO_OFFSET);
    exit_if(b, proto_info, slow);
    let len = b.ins().uload32(fl, o, OBJECT_SLOTS_LEN_OFFSET);
    let at_end = b.ins().icmp(IntCC::Equal, len, slot);
    exit_unless(b, at_end, slow);
    // Inline slots always have room; out-of-line slot `slot` needs `slot - INLINE_SLOTS < cap`.
    let cap = b.ins().uload32(fl, o, OBJECT_SLOTS_CAP_OFFSET);
    let room = b.ins().iadd_imm_s(cap, INLINE_SLOTS as i64);
    let fits = b.ins().icmp(IntCC::UnsignedLessThan, slot, room);
    exit_unless(b, fits, slow);
    let addr = emit_slot_address(b, o, slot);
    b.ins().store(fl, x, addr, 0);
    let len = b.ins().iadd_imm_s(len, 1);
    b.ins().istore32(fl, len, o, OBJECT_SLOTS_LEN_OFFSET);
    b.ins().store(fl, to, o, OBJECT_SHAPE_OFFSET);
}

/// Branches to `exit` when `cond` (an i8) holds, else continues in a new block.
pub(crate) fn exit_if(b: &mut FunctionBuilder, cond: CValue, exit: Block) {
    let cont = b.create_block();
    b.ins().brif(cond, exit, NO_ARGS, cont, NO_ARGS);
    b.switch_to_block(cont);
}

/// Continues in a new block when `cond` (an i8) holds, else branches to `exit`.
pub(crate) fn exit_unless(b: &mut FunctionBuilder, cond: CValue, exit: Block) {
    let cont = b.create_block();
    b.ins().brif(cond, cont, NO_ARGS, exit, NO_ARGS);
    b.switch_to_block(cont);
}

/// The address of the global object's data slot that a global site's mirror (at address `m`,
/// its one entry: holder = the global object, checked against the cached shape) names, or
/// for a load (`lexical`) the value of the lexical binding it names (shape 0, holder = the
/// binding's cell) once initialised; jumps to `miss` when there is none.
pub(crate) fn emit_global_slot_lookup(b: &mut FunctionBuilder, m: CValue, lexical: bool, miss: Block) -> CValue {
    let fl = MemFlagsData::trusted();
    let holder = b.ins().load(types::I64, fl, m, PropertyIcMirror::HOLDER_OFFSET);
    exit_unless(b, holder, miss);
    let want = b.ins().load(types::I64, fl, m, PropertyIcMirror::SHAPE_OFFSET);
    let (object, done) = (b.create_block(), b.create_block());
    let addr = b.append_block_param(done, types::I64);
    if lexical {
        let cell = b.create_block();
        b.ins().brif(want, object, NO_ARGS, cell, NO_ARGS);
        b.switch_to_block(cell);
        let at = b.ins().iadd_imm_s(holder, PROPERTY_CELL_VALUE_OFFSET as i64);
        let v = b.ins().load(types::I64, fl, at, 0);
        let tdz = b.ins().icmp_imm_s(IntCC::Equal, v, crate::value::Value::HOLE.to_bits() as i64);
        exit_if(b, tdz, miss);
        b.ins().jump(done, &[BlockArg::Value(at)]);
    } else {
        // (A store to a lexical binding is the runtime's: it may be `const`.)
        b.ins().brif(want, object, NO_ARGS, miss, NO_ARGS);
    }
    b.switch_to_block(object);
    let shape = b.ins().load(types::I64, fl, holder, OBJECT_SHAPE_OFFSET);
    let changed = b.ins().icmp(IntCC::NotEqual, shape, want);
    exit_if(b, changed, miss);
    let index = b.ins().uload32(fl, m, PropertyIcMirror::SLOT_OFFSET);
    let a = emit_slot_address(b, holder, index);
    b.ins().jump(done, &[BlockArg::Value(a)]);
    b.switch_to_block(done);
    addr
}

/// Machine-code stubs every compiled function of a module shares, so that each site needs only
/// a call.
#[derive(Copy, Clone)]
pub(crate) struct Stubs<T> {
    /// The direct-call stub (see [`super::call_stub`]).
    pub(crate) call: T,
    /// `===` and `==`, by [`EqualityOp`] (see [`super::equality`]).
    pub(crate) equality: [T; EqualityOp::ALL.len()],
    /// Whole instructions, by [`SiteOp`] (see [`super::site_stub`]).
    pub(crate) site: [T; SiteOp::ALL.len()],
    /// The non-int32 case of arithmetic and comparison sites, by [`NumberOp`] (see
    /// [`super::site_stub::emit_number_stub`]).
    pub(crate) number_site: [T; NumberOp::ALL.len()],
}

/// The signature of compiled functions ([`JitFn`]).
fn jit_fn_signature(module: &JITModule) -> cranelift_codegen::ir::Signature {
    let mut sig = module.make_signature();
    let ptr = module.target_config().pointer_type();
    sig.params.extend([AbiParam::new(ptr), AbiParam::new(ptr), AbiParam::new(ptr), AbiParam::new(types::I32)]);
    sig.returns.push(AbiParam::new(types::I64));
    sig
}

impl<T> Stubs<T> {
    fn map<U>(self, mut f: impl FnMut(T) -> U) -> Stubs<U> {
        Stubs { call: f(self.call), equality: self.equality.map(&mut f), site: self.site.map(&mut f), number_site: self.number_site.map(f) }
    }

    /// Each stub with its symbol name.
    fn named(self) -> impl Iterator<Item = (&'static str, T)> {
        let fixed = [("call_closure", self.call)];
        let equality = EqualityOp::ALL.iter().zip(self.equality).map(|(op, t)| (op.name(), t));
        let site = SiteOp::ALL.iter().zip(self.site).map(|(op, t)| (op.name(), t));
        let number_site = NumberOp::ALL.iter().zip(self.number_site).map(|(op, t)| (op.site_name(), t));
        fixed.into_iter().chain(equality).chain(site).chain(number_site)
    }
}

/// The stubs' signatures: `(runtime, frame, fp, pc, mirror, callee, this, args, argc) ->
/// result` for calls, `(runtime, lhs, rhs) -> value` for `===`, and `(runtime, fp, pc, acc,
/// ...) -> value` for the site stubs (numbers' and `==`'s included).
fn stub_signatures(module: &JITModule) -> Stubs<cranelift_codegen::ir::Signature> {
    let i64p = AbiParam::new(types::I64);
    let mut triple = module.make_signature();
    triple.params.extend([i64p, i64p, i64p]);
    triple.returns.push(i64p);
    let mut call = module.make_signature();
    call.params.extend([i64p, i64p, i64p, AbiParam::new(types::I32), i64p, i64p, i64p, i64p, i64p]);
    call.returns.push(i64p);
    // `(rt, fp, pc, acc, ...)`, as the runtime calls they fall back on.
    let site = |extra: usize| {
        let mut sig = module.make_signature();
        sig.params.extend([i64p, i64p, AbiParam::new(types::I32), i64p]);
        sig.params.extend(std::iter::repeat_n(i64p, extra));
        sig.returns.push(i64p);
        sig
    };
    Stubs {
        call,
        equality: EqualityOp::ALL.map(|op| match op {
            EqualityOp::Strict => triple.clone(),
            EqualityOp::Loose => site(1),
        }),
        site: SiteOp::ALL.map(|op| site(op.extra_params())),
        number_site: std::array::from_fn(|_| site(2)),
    }
}

impl Stubs<FuncId> {
    /// Defines the stubs in `module` (their own, optimizing one).
    fn define(module: &mut JITModule, calls: &Calls) -> Result<Stubs<FuncId>, String> {
        let tcfg = module.target_config();
        let sigs = stub_signatures(module);
        let entry_sig = jit_fn_signature(module);
        let mut define = |name: &str, sig: &cranelift_codegen::ir::Signature, body: &dyn Fn(&mut FunctionBuilder)| {
            let id = module.declare_function(name, Linkage::Local, sig).map_err(|e| e.to_string())?;
            let mut ctx = module.make_context();
            ctx.func.signature = sig.clone();
            let mut fctx = FunctionBuilderContext::new();
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
            body(&mut b);
            b.seal_all_blocks();
            b.finalize(tcfg);
            module.define_function(id, &mut ctx).map_err(|e| format!("cranelift: {e:?}"))?;
            Ok::<FuncId, String>(id)
        };
        let mut equality = [FuncId::from_u32(0); EqualityOp::ALL.len()];
        for (i, op) in EqualityOp::ALL.into_iter().enumerate() {
            equality[i] = define(op.name(), &sigs.equality[i], &|b| op.emit_stub(b, calls.refs()))?;
        }
        let mut site = [FuncId::from_u32(0); SiteOp::ALL.len()];
        for (i, op) in SiteOp::ALL.into_iter().enumerate() {
            site[i] = define(op.name(), &sigs.site[i], &|b| op.emit_stub(b, calls.refs()))?;
        }
        let mut number_site = [FuncId::from_u32(0); NumberOp::ALL.len()];
        for (i, op) in NumberOp::ALL.into_iter().enumerate() {
            number_site[i] = define(op.site_name(), &sigs.number_site[i], &|b| site_stub::emit_number_stub(op, b, calls.refs()))?;
        }
        Ok(Stubs {
            call: define("call_closure", &sigs.call, &|b| super::call_stub::emit(b, entry_sig.clone(), calls.refs()))?,
            equality,
            site,
            number_site,
        })
    }

    /// Declares the stubs, defined in their own module, as imports of a tier's `module`.
    fn declare(module: &mut JITModule) -> Result<Stubs<Import>, String> {
        let sigs = stub_signatures(module);
        let mut imports = Vec::new();
        for (name, sig) in sigs.clone().named() {
            imports.push(Import::declare(module, name, sig)?);
        }
        let mut imports = imports.into_iter();
        Ok(sigs.map(|_| imports.next().expect("one import per stub")))
    }
}

/// The stubs as seen from one function: each method imports its stub on first use.
pub(crate) struct StubRefs<'a> {
    imports: &'a Stubs<Import>,
    refs: Stubs<Option<FuncRef>>,
}

impl<'a> StubRefs<'a> {
    fn new(imports: &'a Stubs<Import>) -> Self {
        let refs = Stubs {
            call: None,
            equality: [None; EqualityOp::ALL.len()],
            site: [None; SiteOp::ALL.len()],
            number_site: [None; NumberOp::ALL.len()],
        };
        StubRefs { imports, refs }
    }

    /// `call_closure`.
    pub(crate) fn call(&mut self, func: &mut Function) -> FuncRef {
        lazy(&mut self.refs.call, &self.imports.call, func)
    }

    /// The stub of `op`.
    pub(crate) fn equality(&mut self, op: EqualityOp, func: &mut Function) -> FuncRef {
        lazy(&mut self.refs.equality[op as usize], &self.imports.equality[op as usize], func)
    }

    /// The site stub of `op`.
    pub(crate) fn site(&mut self, op: SiteOp, func: &mut Function) -> FuncRef {
        lazy(&mut self.refs.site[op as usize], &self.imports.site[op as usize], func)
    }

    /// The site stub of `op`'s non-int32 case.
    pub(crate) fn number_site(&mut self, op: NumberOp, func: &mut Function) -> FuncRef {
        lazy(&mut self.refs.number_site[op as usize], &self.imports.number_site[op as usize], func)
    }
}
