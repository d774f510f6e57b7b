//! The instruction set, declared once.
//!
//! `for_each_op!` lists every instruction: its name, its operands and whether it owns a
//! feedback slot. From that one table come the [`Op`] enum, operand metadata, the
//! disassembler and [`Op::feedback_slot`]; the interpreter and (later) each JIT tier are
//! exhaustive matches over [`Op`], so a new instruction is a compile error in every tier
//! that forgot it.
//!
//! The machine is an accumulator machine with registers (as V8's Ignition): most
//! instructions read the accumulator and one register and write the accumulator.
//! `Reg` operands address the current frame (see [`crate::interpreter::frame`]); negative
//! registers reach the frame header (`this`, the callee, `new.target`).

use std::fmt;

/// A register of the current frame: `Reg(i)` is stack slot `fp + HEADER + i`.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub struct Reg(pub i32);

impl Reg {
    /// The callee (header slot).
    pub const CALLEE: Reg = Reg(-(crate::interpreter::frame::HEADER as i32));
    /// `this` (header slot).
    pub const THIS: Reg = Reg(-(crate::interpreter::frame::HEADER as i32) + 1);
    /// `new.target` (header slot).
    pub const NEW_TARGET: Reg = Reg(-(crate::interpreter::frame::HEADER as i32) + 2);
    /// The register `n` after this one.
    pub fn offset(self, n: u32) -> Reg {
        Reg(self.0 + n as i32)
    }
}

/// `DefineAccessor`'s `enumerable` operand for a private accessor's first half: adding it to
/// an object that already has that private name is a `TypeError`. (0 and 1 are public
/// non-enumerable and enumerable accessors.)
pub const PRIVATE_ACCESSOR_ADD: u32 = 2;
/// `DefineAccessor`'s `enumerable` operand for the second half of a private getter/setter pair:
/// it joins the half already added.
pub const PRIVATE_ACCESSOR_JOIN: u32 = 3;

/// `CreateArguments` kinds. A strict function, or one with non-simple parameters, gets an
/// unmapped object whose `callee` throws.
pub const ARGUMENTS_UNMAPPED: u32 = 0;
/// A sloppy function with simple parameters: `callee` is the function and the indices alias
/// the parameters (held in the function's context).
pub const ARGUMENTS_MAPPED: u32 = 1;
/// A sloppy function with simple parameters none of which can alias (no parameters, or
/// duplicates): `callee` is the function, but there is no parameter map.
pub const ARGUMENTS_SLOPPY_UNMAPPED: u32 = 2;

/// Operand types that may be a jump target (for [`Op::jump_target`]).
trait AsLabel: Copy {
    fn as_label(self) -> Option<Label> {
        None
    }
    fn as_label_mut(&mut self) -> Option<&mut Label> {
        None
    }
}
impl AsLabel for Label {
    fn as_label(self) -> Option<Label> {
        Some(self)
    }
    fn as_label_mut(&mut self) -> Option<&mut Label> {
        Some(self)
    }
}
impl AsLabel for Reg {}
impl AsLabel for ConstIdx {}
impl AsLabel for u32 {}
impl AsLabel for i32 {}

/// An index into the function's constant pool.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub struct ConstIdx(pub u32);

/// An index into the function's [`crate::interpreter::feedback::FeedbackVector`].
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub struct FeedbackSlot(pub u32);

/// A jump target: an instruction index in the same function.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub struct Label(pub u32);

impl fmt::Display for Reg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Reg::CALLEE => f.write_str("<callee>"),
            Reg::THIS => f.write_str("<this>"),
            Reg::NEW_TARGET => f.write_str("<new.target>"),
            Reg(i) => write!(f, "r{i}"),
        }
    }
}
impl fmt::Display for ConstIdx {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}]", self.0)
    }
}
impl fmt::Display for FeedbackSlot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}
impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "@{}", self.0)
    }
}

/// The kind of feedback a slot collects (fixed per instruction).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum FeedbackKind {
    /// A named property load or store.
    Property,
    /// A keyed (element) load or store.
    Keyed,
    /// A global load or store.
    Global,
    /// A call or construct site.
    Call,
    /// An arithmetic or bitwise operation.
    Binary,
    /// A comparison.
    Compare,
    /// `instanceof` / `in` / misc: a cache of one object.
    Cache,
}

/// The instruction table: `Name { operand: Type, ... } feedback: kind|no;`.
#[macro_export]
macro_rules! for_each_op {
    ($m:ident) => {
        $m! {
            // Accumulator loads.
            LdaUndefined {} no;
            LdaNull {} no;
            LdaTrue {} no;
            LdaFalse {} no;
            LdaHole {} no;
            LdaInt { value: i32 } no;
            LdaConst { idx: ConstIdx } no;
            Ldar { src: Reg } no;
            Star { dst: Reg } no;
            Mov { src: Reg, dst: Reg } no;
            // Variables.
            LdaGlobal { name: ConstIdx } Global;
            LdaGlobalTypeof { name: ConstIdx } Global;
            StaGlobal { name: ConstIdx } Global;
            InitGlobalLexical { name: ConstIdx } no;
            DeclareGlobals { decls: ConstIdx } no;
            LdaContext { depth: u32, index: u32 } no;
            StaContext { depth: u32, index: u32 } no;
            PushContext { slots: u32 } no;
            PopContext {} no;
            ThrowIfHole { name: ConstIdx } no;
            ThrowConstAssign { name: ConstIdx } no;
            DeleteGlobal { name: ConstIdx } no;
            LdaLookup { name: ConstIdx, chain: ConstIdx } no;
            LdaLookupTypeof { name: ConstIdx, chain: ConstIdx } no;
            StaLookup { name: ConstIdx, chain: ConstIdx } no;
            DeclareEvalVar { name: ConstIdx, chain: ConstIdx } no;
            // A dynamic reference resolved once (compound assignment, `++`): the accumulator
            // gets the `%evalvars` object holding the name, or undefined for the chain's
            // fallback; the loads and stores then use that environment (`base`).
            ResolveLookup { name: ConstIdx, chain: ConstIdx } no;
            LdaLookupAt { name: ConstIdx, chain: ConstIdx, base: Reg } no;
            StaLookupAt { name: ConstIdx, chain: ConstIdx, base: Reg } no;
            // Properties.
            GetNamed { obj: Reg, name: ConstIdx } Property;
            SetNamed { obj: Reg, name: ConstIdx } Property;
            DefineNamed { obj: Reg, name: ConstIdx } Property;
            GetKeyed { obj: Reg } Keyed;
            SetKeyed { obj: Reg, key: Reg } Keyed;
            DefineKeyed { obj: Reg, key: Reg } no;
            DefineMethod { obj: Reg, key: Reg } no;
            DefineAccessor { obj: Reg, key: Reg, is_setter: u32, enumerable: u32 } no;
            DeleteProperty { obj: Reg } no;
            CopyDataProperties { target: Reg, excluded: Reg, excluded_count: u32 } no;
            SetPrototypeLiteral { obj: Reg } no;
            GetSuper { key: Reg } no;
            SetSuper { key: Reg, value: Reg } no;
            // `super[key]` as a reference (compound assignment, update): checks `this`, puts
            // GetSuperBase() in `base` and ToPropertyKey(key) back in `key`, then gets the value.
            GetSuperRef { base: Reg, key: Reg } no;
            // PutValue on a reference made by `GetSuperRef`: `base.[[Set]](key, value, this)`.
            SetSuperRef { base: Reg, key: Reg, value: Reg } no;
            GetPrivate { obj: Reg, name: Reg } no;
            SetPrivate { obj: Reg, name: Reg } no;
            DefinePrivate { obj: Reg, name: Reg, method: u32 } no;
            HasPrivate { name: Reg } no;
            // Operators: `acc = lhs op acc`.
            Add { lhs: Reg } Binary;
            Sub { lhs: Reg } Binary;
            Mul { lhs: Reg } Binary;
            Div { lhs: Reg } Binary;
            Mod { lhs: Reg } Binary;
            Exp { lhs: Reg } Binary;
            BitAnd { lhs: Reg } Binary;
            BitOr { lhs: Reg } Binary;
            BitXor { lhs: Reg } Binary;
            Shl { lhs: Reg } Binary;
            Sar { lhs: Reg } Binary;
            Shr { lhs: Reg } Binary;
            TestEq { lhs: Reg } Compare;
            TestStrictEq { lhs: Reg } Compare;
            TestLt { lhs: Reg } Compare;
            TestLe { lhs: Reg } Compare;
            TestGt { lhs: Reg } Compare;
            TestGe { lhs: Reg } Compare;
            TestInstanceOf { lhs: Reg } Cache;
            TestIn { lhs: Reg } no;
            Inc {} Binary;
            Dec {} Binary;
            Negate {} Binary;
            BitNot {} Binary;
            ToNumeric {} Binary;
            Not {} no;
            TypeOf {} no;
            ToPropertyKey {} no;
            ToStringForConcat {} no;
            ToObject {} no;
            // Control flow.
            Jump { target: Label } no;
            JumpLoop { target: Label } no;
            JumpIfTrue { target: Label } no;
            JumpIfFalse { target: Label } no;
            JumpIfNullish { target: Label } no;
            JumpIfNotNullish { target: Label } no;
            JumpIfUndefined { target: Label } no;
            JumpIfNotUndefined { target: Label } no;
            JumpIfHole { target: Label } no;
            JumpIfStrictEqInt { value: i32, target: Label } no;
            Return {} no;
            Throw {} no;
            ThrowError { kind: u32, msg: ConstIdx } no;
            // Calls: `this` in `this_reg`, then `argc` arguments.
            Call { callee: Reg, this_reg: Reg, argc: u32 } Call;
            // A call with `this` undefined (a plain `f(...)`): `this_reg` is a register before
            // the arguments that the instruction neither reads nor writes.
            CallUndefined { callee: Reg, this_reg: Reg, argc: u32 } Call;
            CallSpread { callee: Reg, this_reg: Reg } Call;
            Construct { callee: Reg, args: Reg, argc: u32 } Call;
            ConstructSpread { callee: Reg, args: Reg } Call;
            SuperCall { func: Reg, args: Reg, argc: u32 } Call;
            SuperCallSpread { func: Reg, args: Reg } Call;
            // Binds `this` to the accumulator (a ReferenceError if already bound) and runs the
            // field initialisers of constructor `func`: in the frame, or in a context slot.
            BindThis { func: Reg } no;
            BindThisContext { func: Reg, depth: u32, index: u32 } no;
            CallEval { callee: Reg, this_reg: Reg, argc: u32, scope: ConstIdx } Call;
            // A direct eval with spread arguments: the argument array is in `this_reg + 1`.
            CallEvalSpread { callee: Reg, this_reg: Reg, scope: ConstIdx } Call;
            // Literals and creation.
            CreateObject {} no;
            CreateArray { capacity: u32 } no;
            // An array of the `count` values in the registers from `first` (an array literal
            // without holes or spreads).
            CreateArrayFrom { first: Reg, count: u32 } no;
            ArrayPush { array: Reg } no;
            ArrayPushHole { array: Reg } no;
            ArraySpread { array: Reg } no;
            CreateClosure { func: ConstIdx } no;
            CreateClass { ctor: Reg, parent: Reg } no;
            CreateRegExp { pattern: ConstIdx, flags: ConstIdx } no;
            GetTemplateObject { idx: ConstIdx } Cache;
            CreateArguments { kind: u32 } no;
            CreateRest { start: u32 } no;
            SetFunctionName { name: Reg, prefix: u32 } no;
            SetHomeObject { home: Reg } no;
            SetClassFields { ctor: Reg } no;
            RunClassFields {} no;
            ThisCheck {} no;
            NewPrivateName { desc: ConstIdx } no;
            // Iteration.
            ForInPrepare { dst: Reg } no;
            ForInNext { state: Reg, done: Label } no;
            GetIterator { dst: Reg, is_async: u32 } no;
            IteratorStep { iter: Reg, done: Label } no;
            IteratorNext { iter: Reg } no;
            RequireObject {} no;
            IteratorClose { iter: Reg } no;
            IteratorCloseQuiet { iter: Reg } no;
            // Generators and async functions.
            CreateGenerator {} no;
            Yield { kind: u32 } no;
            Await {} no;
            ResumeKind { dst: Reg } no;
            Debugger {} no;
            Nop {} no;
        }
    };
}

macro_rules! fb_field {
    (no) => {
        None
    };
    ($k:ident) => {
        Some(FeedbackKind::$k)
    };
}

macro_rules! define_ops {
    ($( $name:ident { $($f:ident : $t:ty),* } $fb:ident; )*) => {
        /// One instruction. Feedback-owning instructions carry their slot as `slot`.
        #[derive(Copy, Clone, PartialEq, Debug)]
        pub enum Op {
            $(
                #[allow(missing_docs)]
                $name { $($f: $t,)* slot: OptSlot<{ fb_has!($fb) }> },
            )*
        }

        impl Op {
            /// The instruction's name.
            pub fn name(&self) -> &'static str {
                match self { $( Op::$name { .. } => stringify!($name), )* }
            }
            /// The kind of feedback the instruction collects, if any.
            pub fn feedback_kind(&self) -> Option<FeedbackKind> {
                match self { $( Op::$name { .. } => fb_field!($fb), )* }
            }
            /// The instruction's jump target, if it has one (every instruction has at most one).
            pub fn jump_target(&self) -> Option<Label> {
                match *self { $( Op::$name { $($f,)* .. } => None $( .or(AsLabel::as_label($f)) )*, )* }
            }
            /// The instruction's jump target, to rewrite it.
            pub fn jump_target_mut(&mut self) -> Option<&mut Label> {
                match self {
                    $( Op::$name { $($f,)* .. } => {
                        let mut _target: Option<&mut Label> = None;
                        $( if _target.is_none() { _target = AsLabel::as_label_mut($f); } )*
                        _target
                    } )*
                }
            }
            /// The instruction's feedback slot, if it has one.
            pub fn feedback_slot(&self) -> Option<FeedbackSlot> {
                match self { $( Op::$name { slot, .. } => slot.get(), )* }
            }
            /// Assigns the feedback slot (the compiler's emitter numbers slots in order).
            pub fn set_feedback_slot(&mut self, s: FeedbackSlot) {
                match self { $( Op::$name { slot, .. } => slot.0 = s.0, )* }
            }
            /// Writes `Name operand, operand, ...` (the disassembler's line body).
            pub fn disassemble(&self, out: &mut String) {
                use std::fmt::Write;
                match self {
                    $( Op::$name { $($f,)* slot } => {
                        out.push_str(stringify!($name));
                        let mut _first = true;
                        $(
                            let _ = write!(out, "{}{}", if _first { " " } else { ", " }, $f);
                            _first = false;
                        )*
                        if let Some(s) = slot.get() {
                            let _ = write!(out, " {s}");
                        }
                    } )*
                }
            }
        }
    };
}

macro_rules! fb_has {
    (no) => {
        false
    };
    ($k:ident) => {
        true
    };
}

/// An instruction's feedback slot: present exactly when the table says so.
#[derive(Copy, Clone, PartialEq, Debug)]
pub struct OptSlot<const HAS: bool>(u32);

impl<const HAS: bool> OptSlot<HAS> {
    /// The slot.
    #[inline]
    pub fn get(self) -> Option<FeedbackSlot> {
        if HAS {
            Some(FeedbackSlot(self.0))
        } else {
            None
        }
    }
    /// The slot index; only meaningful when `HAS`.
    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}
/// Placeholder for a feedback slot the emitter will assign.
pub const FS: OptSlot<true> = OptSlot(u32::MAX);
/// The slot field of an instruction without feedback.
pub const NS: OptSlot<false> = OptSlot(0);

for_each_op!(define_ops);

/// Error kinds for [`Op::ThrowError`].
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(u32)]
pub enum ErrorKind {
    /// TypeError
    Type = 0,
    /// ReferenceError
    Reference = 1,
    /// SyntaxError
    Syntax = 2,
    /// RangeError
    Range = 3,
}
