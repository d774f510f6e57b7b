//! Calls: pushing frames, `[[Call]]`/`[[Construct]]` from Rust (re-entering the
//! interpreter), and native functions.

use super::feedback::{CallIcMirror, ThisMode};
use super::frame::*;
use crate::bytecode::code::CodeKind;
use crate::heap::Gc;
use crate::runtime::function::FunctionCode;
use crate::runtime::object::{JsObject, ObjectKind};
use crate::runtime::shape::PropertyKey;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime, Throw};
use crate::value::Value;

/// Rust stack kept free for one level of native re-entry (parser, natives, the loop).
const NATIVE_STACK_RESERVE: usize = 256 * 1024;

/// An address in the current native stack frame (the stack grows down).
#[inline(always)]
fn approximate_stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}
/// The native stack JavaScript runs on when compiled code may recurse (see `run_closure`).
const JS_NATIVE_STACK: usize = 1 << 30;

impl Runtime {
    /// Pushes a frame for `callee` (a closure) with arguments read from `args`
    /// (`Src::Stack(start)` or a Rust slice). Returns the new frame base.
    pub(crate) fn push_frame(
        &mut self,
        callee: Gc<JsObject>,
        this: Value,
        args: ArgSrc<'_>,
        new_target: Value,
        flags: i32,
        return_pc: u32,
    ) -> JsResult<usize> {
        let closure = callee.as_closure().expect("push_frame takes closures");
        let info = closure.code.frame;
        let nparams = info.params as usize;
        let nregs = info.registers as usize;
        let argc = args.len(self);
        let size = info.frame_size(argc);
        let fp = self.sp;
        if fp + size > self.stack_len {
            return Err(self.stack_overflow());
        }
        // The callee runs in its own realm (PrepareForOrdinaryCall); popping the frame restores
        // the caller's, recorded in the flags.
        let flags = with_caller_realm(flags, self.realm);
        self.realm = closure.realm;
        let this = if info.lexical_this {
            closure.lexical_this
        } else if !info.strict
            && !matches!(info.kind, CodeKind::ClassConstructor | CodeKind::DerivedConstructor)
            && flags & FLAG_CONSTRUCT == 0
        {
            if this.is_nullish() {
                let realm = closure.realm;
                Value::object(self.realms[realm.0 as usize].global)
            } else if !this.is_object() {
                match self.to_object(this) {
                    Ok(o) => Value::object(o),
                    Err(e) => {
                        self.realm = caller_realm(flags);
                        return Err(e);
                    }
                }
            } else {
                this
            }
        } else {
            this
        };
        let new_target = if info.lexical_this { closure.lexical_new_target } else { new_target };
        let context = match closure.context {
            Some(c) => Value::cell(c),
            None => Value::UNDEFINED,
        };
        let caller = if self.fp == usize::MAX { -1 } else { self.fp as i32 };
        let given = argc.min(nparams);
        let base = self.stack.as_mut_ptr();
        let (src, n) = match args {
            ArgSrc::Stack(start, n) => {
                // Registers of a frame below the new one.
                assert!(start + n <= fp, "arguments overlap the new frame");
                // SAFETY: `start + n <= fp <= stack.len()`.
                (unsafe { base.add(start) } as *const Value, n)
            }
            ArgSrc::Slice(a) => (a.as_ptr(), a.len()),
        };
        debug_assert_eq!(n, argc);
        // SAFETY: `fp + size <= stack.len()` (checked above).
        let frame = unsafe { base.add(fp) };
        // SAFETY: `frame` addresses `size` slots of the stack, which the `argc` arguments at
        // `src` do not overlap (they lie below `fp`, or outside the stack); the writes stay
        // within the frame: the header, `nparams + nregs` registers, and the `argc - given`
        // extra arguments after them (`size` counts exactly these).
        unsafe {
            let slot = |i: usize| frame.add(i);
            slot(CALLEE_SLOT).write(Value::object(callee));
            slot(THIS_SLOT).write(this);
            slot(NEW_TARGET_SLOT).write(new_target);
            slot(ARGC_SLOT).write(Value::int(argc as i32));
            slot(CALLER_FP_SLOT).write(Value::int(caller));
            slot(RETURN_PC_SLOT).write(Value::int(return_pc as i32));
            slot(CONTEXT_SLOT).write(context);
            slot(ACC_SLOT).write(Value::UNDEFINED);
            slot(FLAGS_SLOT).write(Value::int(flags));
            for i in 0..given {
                slot(HEADER + i).write(src.add(i).read());
            }
            for i in HEADER + given..HEADER + nparams + nregs {
                slot(i).write(Value::UNDEFINED);
            }
            for i in given..argc {
                slot(HEADER + nregs + i).write(src.add(i).read());
            }
        }
        self.sp = fp + size;
        self.fp = fp;
        Ok(fp)
    }

    /// [`Self::push_frame`] for the common call: a call (frame flags `flags`: 0, or
    /// `FLAG_CONSTRUCT` with a constructor's mirror) of a closure through a [`CallIcMirror`]
    /// `m` (its own, or `ops::construct_mirror`'s: the closure may be called so and its `this`
    /// rule is precomputed), from a frame of the closure's realm, with `argc` arguments at stack
    /// index `start`. `None` when any of that does not hold, or `this` needs boxing, or the
    /// stack is full: the caller then takes `push_frame`, which handles (or reports) those
    /// cases.
    #[inline(always)]
    pub(crate) fn push_plain_frame(
        &mut self,
        m: &CallIcMirror,
        this: Value,
        start: usize,
        argc: usize,
        flags: i32,
        return_pc: u32,
    ) -> Option<usize> {
        debug_assert!(self.fp != usize::MAX && start + argc <= self.sp);
        // SAFETY: the arguments lie in the interpreter's registers, below `sp`: readable, and
        // not where the new frame goes.
        unsafe { self.push_mirror_frame(m, this, self.stack.as_ptr().add(start), argc, flags, return_pc) }
    }

    /// [`Self::push_plain_frame`] with frame flags `flags` and the `argc` arguments at `args`.
    ///
    /// # Safety
    /// `args` must address `argc` readable values that do not overlap the stack at or above
    /// `sp` (they lie below it, or outside the stack).
    #[inline(always)]
    unsafe fn push_mirror_frame(
        &mut self,
        m: &CallIcMirror,
        this: Value,
        args: *const Value,
        argc: usize,
        flags: i32,
        return_pc: u32,
    ) -> Option<usize> {
        if m.closure == 0 || m.realm != self.realm.0 {
            return None;
        }
        const STRICT: u32 = ThisMode::Strict as u32;
        const SLOPPY: u32 = ThisMode::Sloppy as u32;
        const LEXICAL: u32 = ThisMode::Lexical as u32;
        let this = match m.this_mode {
            STRICT => this,
            SLOPPY if this.is_nullish() => Value::from_bits(m.this_value),
            SLOPPY if this.is_object() => this,
            LEXICAL => Value::from_bits(m.this_value),
            _ => return None,
        };
        let fp = self.sp;
        // Arguments beyond the parameters go after the registers (as `push_frame` puts them).
        let given = argc.min(m.params as usize);
        let locals = HEADER + m.params as usize + m.registers as usize;
        let end = locals + (argc - given);
        if fp + end > self.stack_len {
            return None;
        }
        let caller = if self.fp == usize::MAX { -1 } else { self.fp as i32 };
        // SAFETY: `fp + end <= stack_len` (checked above), so the header, the
        // `params + registers` registers and the extra arguments written lie within the stack;
        // the arguments at `args` do not overlap the new frame (the caller's contract).
        unsafe {
            let frame = self.stack.as_mut_ptr().add(fp);
            let slot = |i: usize| frame.add(i);
            slot(CALLEE_SLOT).write(Value::from_bits(m.closure));
            slot(THIS_SLOT).write(this);
            slot(NEW_TARGET_SLOT).write(Value::from_bits(m.new_target));
            slot(ARGC_SLOT).write(Value::int(argc as i32));
            slot(CALLER_FP_SLOT).write(Value::int(caller));
            slot(RETURN_PC_SLOT).write(Value::int(return_pc as i32));
            slot(CONTEXT_SLOT).write(Value::from_bits(m.context));
            slot(ACC_SLOT).write(Value::UNDEFINED);
            slot(FLAGS_SLOT).write(Value::int(with_caller_realm(flags, self.realm)));
            // A loop, not `copy_nonoverlapping`: calls pass few arguments, and that becomes a
            // call of `memmove`.
            for i in 0..given {
                slot(HEADER + i).write(args.add(i).read());
            }
            for i in HEADER + given..locals {
                slot(i).write(Value::UNDEFINED);
            }
            for i in given..argc {
                slot(locals + i - given).write(args.add(i).read());
            }
        }
        self.sp = fp + end;
        self.fp = fp;
        Some(fp)
    }

    /// The RangeError for a full stack.
    pub(crate) fn stack_overflow(&mut self) -> Throw {
        self.range_error("Maximum call stack size exceeded")
    }

    /// Checks the native stack before re-entering the interpreter or recursing in Rust.
    /// (Every call from compiled code checks, so the common case is one comparison with the
    /// floor recorded on entry from the embedder.)
    #[inline]
    pub(crate) fn check_native_stack(&mut self) -> JsResult<()> {
        let low = match self.native_stack_floor {
            usize::MAX => stacker::remaining_stack().is_some_and(|r| r < NATIVE_STACK_RESERVE),
            floor => approximate_stack_pointer() < floor,
        };
        if low || self.native_depth > 2000 {
            return Err(self.stack_overflow());
        }
        Ok(())
    }

    /// `[[Call]]`: calls any callable value from Rust.
    pub fn call(&mut self, f: Value, this: Value, args: &[Value]) -> JsResult<Value> {
        let Some(o) = f.as_object() else {
            return Err(self.not_a_function(f));
        };
        match &o.kind {
            ObjectKind::Closure(c) => {
                if matches!(c.code.block.kind, CodeKind::ClassConstructor | CodeKind::DerivedConstructor) {
                    // [[Call]] of a class constructor: the TypeError comes from the callee's realm.
                    let realm = std::mem::replace(&mut self.realm, c.realm);
                    let e = self.type_error("Class constructor cannot be invoked without 'new'");
                    self.realm = realm;
                    return Err(e);
                }
                if c.code.block.generator || c.code.block.is_async {
                    return self.start_resumable(o, this, args);
                }
                if c.code.fast_entry != 0 && self.native_depth > 0 {
                    return self.call_fast_entry(o, c.code, this, args);
                }
                self.run_closure(o, this, ArgSrc::Slice(args), Value::UNDEFINED, FLAG_ENTRY)
            }
            ObjectKind::Native(n) => {
                let f = n.f;
                self.call_native(f, o, this, args, Value::UNDEFINED)
            }
            ObjectKind::Bound(b) => {
                let target = b.target;
                let bthis = b.this;
                let mut all = b.args.to_vec();
                all.extend_from_slice(args);
                self.check_native_stack()?;
                self.native_depth += 1;
                let r = self.call(Value::object(target), bthis, &all);
                self.native_depth -= 1;
                r
            }
            _ => Err(self.not_a_function(f)),
        }
    }

    /// [[Call]] of closure `o` (neither a class constructor nor resumable) whose `code` has
    /// an entry compiled callers enter directly (`FunctionCode::fast_entry`), from native code
    /// already running on the big stack ([`Self::run_closure`]): its frame, a safepoint and
    /// its machine code, without the interpreter's entry, which would find the same code (the
    /// callbacks of `forEach`, `map`, `sort`... take this path).
    fn call_fast_entry(&mut self, o: Gc<JsObject>, code: Gc<FunctionCode>, this: Value, args: &[Value]) -> JsResult<Value> {
        // SAFETY: `fast_entry` is nonzero only while it holds the entry of `code`'s machine
        // code, a `JitFn` (see `jit::refresh_fast_entry`).
        let entry = unsafe { std::mem::transmute::<usize, crate::jit::JitFn>(code.fast_entry) };
        let (saved_fp, saved_pc, saved_sp, realm) = (self.fp, self.pc, self.sp, self.realm);
        self.native_depth += 1;
        let mirror = o.as_closure().expect("call_fast_entry takes closures").call;
        // SAFETY: `args` is a slice, outside the stack or below `sp` (what callers pass).
        let pushed = unsafe { self.push_mirror_frame(&mirror, this, args.as_ptr(), args.len(), FLAG_ENTRY, 0) };
        let pushed = match pushed {
            Some(fp) => Ok(fp),
            None => self.push_frame(o, this, ArgSrc::Slice(args), Value::UNDEFINED, FLAG_ENTRY, 0),
        };
        let r = pushed.and_then(|fp| {
            self.pc = 0;
            super::safepoint(self, fp, Value::UNDEFINED)?;
            code.get_mut().invocations += 1;
            crate::jit::run_frame(self, fp, entry, 0)
        });
        self.native_depth -= 1;
        self.realm = realm;
        self.fp = saved_fp;
        self.pc = saved_pc;
        self.sp = saved_sp;
        r
    }

    /// Calls a native function, keeping values it roots until it returns.
    pub(crate) fn call_native(
        &mut self,
        f: crate::runtime::object::NativeFn,
        callee: Gc<JsObject>,
        this: Value,
        args: &[Value],
        new_target: Value,
    ) -> JsResult<Value> {
        self.check_native_stack()?;
        let kept = self.kept.len();
        self.native_depth += 1;
        let realm = self.realm;
        if let ObjectKind::Native(n) = &callee.kind {
            self.realm = n.realm;
        }
        let r = f(self, &CallArgs { callee, this, args, new_target });
        self.realm = realm;
        self.native_depth -= 1;
        self.kept.truncate(kept);
        r
    }

    /// Runs a closure to completion in a nested interpreter loop.
    pub(crate) fn run_closure(&mut self, o: Gc<JsObject>, this: Value, args: ArgSrc<'_>, new_target: Value, flags: i32) -> JsResult<Value> {
        if self.native_depth == 0 {
            // Entered from the embedder: compiled frames recurse on the native stack, so run on
            // a stack big enough for JavaScript recursion to end in the register stack's
            // RangeError rather than the native one (memory is only committed as it is
            // touched). Every tier runs on it, so native depth limits are the same in all.
            if stacker::remaining_stack().is_none_or(|r| r < JS_NATIVE_STACK / 2) {
                return stacker::grow(JS_NATIVE_STACK, || self.run_closure_here(o, this, args, new_target, flags));
            }
        }
        self.run_closure_here(o, this, args, new_target, flags)
    }

    fn run_closure_here(&mut self, o: Gc<JsObject>, this: Value, args: ArgSrc<'_>, new_target: Value, flags: i32) -> JsResult<Value> {
        self.check_native_stack()?;
        let saved_fp = self.fp;
        let saved_pc = self.pc;
        let saved_sp = self.sp;
        let realm = self.realm;
        let saved_floor = self.native_stack_floor;
        if self.native_depth == 0 {
            // This stack's lowest usable address (it may be a new stack: see `run_closure`).
            self.native_stack_floor =
                stacker::remaining_stack().map_or(usize::MAX, |r| (approximate_stack_pointer() + NATIVE_STACK_RESERVE).saturating_sub(r));
        }
        self.native_depth += 1;
        let r = match self.push_frame(o, this, args, new_target, flags | FLAG_ENTRY, 0) {
            Ok(_) => {
                self.pc = 0;
                super::run(self)
            }
            Err(e) => Err(e),
        };
        self.native_stack_floor = saved_floor;
        self.native_depth -= 1;
        self.realm = realm;
        self.fp = saved_fp;
        self.pc = saved_pc;
        self.sp = saved_sp;
        r
    }

    /// `[[Construct]]` from Rust.
    pub fn construct(&mut self, f: Value, args: &[Value], new_target: Option<Value>) -> JsResult<Value> {
        let nt = new_target.unwrap_or(f);
        let Some(o) = f.as_object().filter(|_| self.is_constructor(f)) else {
            let s = self.describe_for_error(f);
            return Err(self.type_error(format!("{s} is not a constructor")));
        };
        match &o.kind {
            ObjectKind::Closure(c) => {
                let this = if c.code.block.kind == CodeKind::DerivedConstructor {
                    Value::HOLE
                } else {
                    Value::object(self.ordinary_create_from_constructor(nt, Intrinsic::ObjectPrototype)?)
                };
                self.run_closure(o, this, ArgSrc::Slice(args), nt, FLAG_CONSTRUCT)
            }
            ObjectKind::Native(n) => {
                let f = n.f;
                self.call_native(f, o, Value::UNDEFINED, args, nt)
            }
            ObjectKind::Bound(b) => {
                let target = b.target;
                let mut all = b.args.to_vec();
                all.extend_from_slice(args);
                let nt = if nt == f { Value::object(target) } else { nt };
                self.construct(Value::object(target), &all, Some(nt))
            }
            _ => Err(self.type_error("not a constructor")),
        }
    }

    /// OrdinaryCreateFromConstructor: an object whose prototype is `new_target.prototype`
    /// (or the realm's `fallback`).
    pub fn ordinary_create_from_constructor(&mut self, new_target: Value, fallback: Intrinsic) -> JsResult<Gc<JsObject>> {
        let ctor = new_target.as_object();
        if let Some(shape) = ctor.and_then(|f| self.construct_cache.lookup(f)) {
            return Ok(self.heap.alloc(JsObject::new(shape, ObjectKind::Ordinary)));
        }
        let proto = self.get_prototype_from_constructor(new_target, fallback)?;
        let o = self.new_object_with(Some(proto), ObjectKind::Ordinary);
        if let Some(f) = ctor {
            self.construct_cache.insert(f, PropertyKey::String(self.names.prototype), proto, o.shape);
        }
        Ok(o)
    }

    /// GetPrototypeFromConstructor.
    pub fn get_prototype_from_constructor(&mut self, new_target: Value, fallback: Intrinsic) -> JsResult<Gc<JsObject>> {
        let key = PropertyKey::String(self.names.prototype);
        // A constructor's own data property, found in its (small) shape; else the [[Get]].
        let p = match new_target.as_object().and_then(|f| own_data_property(f, key)) {
            Some(p) => p,
            None => self.get(new_target, key)?,
        };
        match p.as_object() {
            Some(p) => Ok(p),
            None => {
                // The fallback comes from the constructor's realm.
                let realm = self.function_realm(new_target);
                Ok(self.realms[realm.0 as usize].intrinsics[fallback as usize].expect("intrinsic"))
            }
        }
    }

    /// GetFunctionRealm.
    pub(crate) fn function_realm(&self, f: Value) -> crate::runtime::RealmId {
        let Some(o) = f.as_object() else { return self.realm };
        match &o.kind {
            ObjectKind::Closure(c) => c.realm,
            ObjectKind::Native(n) => n.realm,
            ObjectKind::Bound(b) => self.function_realm(Value::object(b.target)),
            _ => self.realm,
        }
    }

    /// A "x is not a function" TypeError.
    pub(crate) fn not_a_function(&mut self, f: Value) -> Throw {
        let s = self.describe_for_error(f);
        self.type_error(format!("{s} is not a function"))
    }

    /// A short description of a value for error messages.
    pub(crate) fn describe_for_error(&mut self, v: Value) -> String {
        if let Some(s) = v.as_string() {
            return format!("\"{}\"", s.to_rust_string());
        }
        if v.is_object() {
            return if self.is_callable(v) { "function".into() } else { "object".into() };
        }
        if v.is_symbol() {
            return "Symbol()".into();
        }
        match self.to_string(v) {
            Ok(s) => s.to_rust_string(),
            Err(_) => "value".into(),
        }
    }

    /// Calls `obj[name](...args)`.
    pub fn invoke(&mut self, obj: Value, key: PropertyKey, args: &[Value]) -> JsResult<Value> {
        let f = self.get(obj, key)?;
        self.call(f, obj, args)
    }
}

/// Where a call's arguments are.
#[derive(Copy, Clone)]
pub(crate) enum ArgSrc<'a> {
    /// `n` values at this stack index.
    Stack(usize, usize),
    /// A Rust slice.
    Slice(&'a [Value]),
}

impl ArgSrc<'_> {
    fn len(&self, _rt: &Runtime) -> usize {
        match self {
            ArgSrc::Stack(_, n) => *n,
            ArgSrc::Slice(s) => s.len(),
        }
    }
}

impl Runtime {
    /// Runs a compiled script's top level in the current realm (`this` = the global object).
    pub(crate) fn run_script_code(&mut self, block: std::sync::Arc<crate::bytecode::code::CodeBlock>) -> JsResult<Value> {
        let code = self.instantiate(block);
        let f = self.new_closure(code, None, Value::UNDEFINED, Value::UNDEFINED, None);
        let global = Value::object(self.global_object());
        self.run_closure(f, global, ArgSrc::Slice(&[]), Value::UNDEFINED, 0)
    }
}

/// `o`'s own data property `key`, when its (non-dictionary) shape has one: no [[Get]], so no
/// JavaScript runs. Constructors' `prototype` is read this way.
#[inline]
pub(crate) fn own_data_property(o: Gc<JsObject>, key: PropertyKey) -> Option<Value> {
    own_data_slot(o, key).map(|slot| o.slots[slot as usize])
}

/// The slot of `o`'s own data property `key`, when its (non-dictionary) shape has one (what
/// compiled code and the construct cache check a constructor's `prototype` by).
#[inline]
pub(crate) fn own_data_slot(o: Gc<JsObject>, key: PropertyKey) -> Option<u32> {
    if o.shape.is_dictionary() {
        return None;
    }
    let (slot, attrs) = o.shape.lookup(key)?;
    (attrs & crate::runtime::shape::ACCESSOR == 0).then_some(slot)
}
