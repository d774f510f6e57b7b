//! The frame layout, shared by the interpreter and (later) the baseline JIT.
//!
//! Frames live in the runtime's register stack (`Runtime::stack`), which is allocated once
//! and never moves. A frame at base `fp`:
//!
//! ```text
//! fp + 0   callee           the function object
//! fp + 1   this
//! fp + 2   new.target       undefined for calls
//! fp + 3   argc             int32: arguments actually passed
//! fp + 4   caller fp        int32, or -1 for none
//! fp + 5   return pc        int32: caller instruction to resume at
//! fp + 6   context          the current Context cell, or undefined
//! fp + 7   saved acc        the accumulator while this frame is suspended in a call
//! fp + 8   flags            int32: FLAG_* below; above FLAG_REALM_SHIFT, the caller's realm
//! fp + 9 + i               register i: parameters first (param_count), then locals
//! fp + 9 + params + regs + k   extra argument k (arguments beyond param_count)
//! ```
//!
//! `Reg(i)` addresses `fp + HEADER + i`; negative registers reach the header. At every
//! instruction boundary the whole state of a frame is in these slots (plus the pc and the
//! accumulator, which the interpreter spills to `saved acc` when it leaves the frame), so any
//! tier can resume any frame.

/// Header slots before register 0.
pub const HEADER: usize = 9;
/// The callee.
pub const CALLEE_SLOT: usize = 0;
/// `this`.
pub const THIS_SLOT: usize = 1;
/// `new.target`.
pub const NEW_TARGET_SLOT: usize = 2;
/// Argument count.
pub const ARGC_SLOT: usize = 3;
/// The caller's frame base.
pub const CALLER_FP_SLOT: usize = 4;
/// The caller's resume pc.
pub const RETURN_PC_SLOT: usize = 5;
/// The current context.
pub const CONTEXT_SLOT: usize = 6;
/// The saved accumulator.
pub const ACC_SLOT: usize = 7;
/// Flags.
pub const FLAGS_SLOT: usize = 8;

/// `[[Construct]]`: a non-object return value yields `this`.
pub const FLAG_CONSTRUCT: i32 = 1;
/// Entered from Rust: returning from this frame returns from the interpreter loop.
pub const FLAG_ENTRY: i32 = 2;
/// A setter call: the caller's accumulator is kept, the return value dropped.
pub const FLAG_DISCARD: i32 = 4;
/// The frame of a generator or async function (resumable).
pub const FLAG_RESUMABLE: i32 = 8;
/// The flags above this bit hold the realm that was current when the frame was pushed (the
/// caller's): popping the frame makes it current again, and `[[Construct]]`'s checks after the
/// body create their errors in it.
pub const FLAG_REALM_SHIFT: u32 = 8;

/// `flags` with the caller's realm `realm` recorded in it.
#[inline(always)]
pub(crate) fn with_caller_realm(flags: i32, realm: crate::runtime::RealmId) -> i32 {
    (flags & ((1 << FLAG_REALM_SHIFT) - 1)) | (realm.0 << FLAG_REALM_SHIFT) as i32
}

/// The caller's realm recorded in a frame's `flags`.
#[inline(always)]
pub(crate) fn caller_realm(flags: i32) -> crate::runtime::RealmId {
    crate::runtime::RealmId(flags as u32 >> FLAG_REALM_SHIFT)
}
