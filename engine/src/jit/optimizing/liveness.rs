//! Which registers each instruction reads and writes, and which registers are live at the
//! start of each bytecode block (a backward dataflow over the blocks, with exception edges
//! from every instruction a handler covers to the handler).
//!
//! The graph builder gives dead registers no block parameter, so a loop header does not merge
//! (or unbox, or check at an on-stack-replacement entry) a value nothing will read, and deopt
//! exits and frame writes skip them. An instruction whose reads are not described here is
//! taken to read every register.

use crate::bytecode::code::Handler;
use crate::bytecode::ops::{Op, Reg};

/// The registers an instruction reads.
pub(crate) enum Reads {
    /// These (header registers included; they are ignored).
    Regs(Vec<Reg>),
    /// Possibly any register.
    All,
}

fn range(first: Reg, n: u32) -> impl Iterator<Item = Reg> {
    (0..n).map(move |i| first.offset(i))
}

/// The registers `op` reads.
pub(crate) fn reads(op: Op) -> Reads {
    let regs = match op {
        Op::Ldar { src, .. } | Op::Mov { src, .. } => vec![src],
        Op::GetNamed { obj, .. }
        | Op::SetNamed { obj, .. }
        | Op::DefineNamed { obj, .. }
        | Op::GetKeyed { obj, .. }
        | Op::DeleteProperty { obj, .. }
        | Op::SetPrototypeLiteral { obj, .. } => vec![obj],
        Op::SetKeyed { obj, key, .. }
        | Op::DefineKeyed { obj, key, .. }
        | Op::DefineMethod { obj, key, .. }
        | Op::DefineAccessor { obj, key, .. } => vec![obj, key],
        Op::CopyDataProperties { target, excluded, excluded_count, .. } => {
            std::iter::once(target).chain(range(excluded, excluded_count)).collect()
        }
        Op::GetSuper { key, .. } => vec![key],
        Op::SetSuper { key, value, .. } => vec![key, value],
        Op::GetSuperRef { base, key, .. } => vec![base, key],
        Op::SetSuperRef { base, key, value, .. } => vec![base, key, value],
        Op::GetPrivate { obj, name, .. } | Op::SetPrivate { obj, name, .. } | Op::DefinePrivate { obj, name, .. } => vec![obj, name],
        Op::HasPrivate { name, .. } => vec![name],
        Op::Add { lhs, .. }
        | Op::Sub { lhs, .. }
        | Op::Mul { lhs, .. }
        | Op::Div { lhs, .. }
        | Op::Mod { lhs, .. }
        | Op::Exp { lhs, .. }
        | Op::BitAnd { lhs, .. }
        | Op::BitOr { lhs, .. }
        | Op::BitXor { lhs, .. }
        | Op::Shl { lhs, .. }
        | Op::Sar { lhs, .. }
        | Op::Shr { lhs, .. }
        | Op::TestEq { lhs, .. }
        | Op::TestStrictEq { lhs, .. }
        | Op::TestLt { lhs, .. }
        | Op::TestLe { lhs, .. }
        | Op::TestGt { lhs, .. }
        | Op::TestGe { lhs, .. }
        | Op::TestInstanceOf { lhs, .. }
        | Op::TestIn { lhs, .. } => vec![lhs],
        Op::Call { callee, this_reg, argc, .. } => std::iter::once(callee).chain(range(this_reg, argc + 1)).collect(),
        Op::CallUndefined { callee, this_reg, argc, .. } => std::iter::once(callee).chain(range(this_reg.offset(1), argc)).collect(),
        Op::Construct { callee, args, argc, .. } => std::iter::once(callee).chain(range(args, argc)).collect(),
        Op::SuperCall { func, args, argc, .. } => std::iter::once(func).chain(range(args, argc)).collect(),
        Op::BindThis { func, .. } | Op::BindThisContext { func, .. } => vec![func],
        Op::ArrayPush { array, .. } | Op::ArrayPushHole { array, .. } | Op::ArraySpread { array, .. } => vec![array],
        Op::CreateArrayFrom { first, count, .. } => range(first, count).collect(),
        Op::CreateClass { ctor, parent, .. } => vec![ctor, parent],
        Op::SetFunctionName { name, .. } => vec![name],
        Op::SetHomeObject { home, .. } => vec![home],
        Op::SetClassFields { ctor, .. } => vec![ctor],
        Op::ForInNext { state, .. } => vec![state],
        Op::IteratorStep { iter, .. }
        | Op::IteratorNext { iter, .. }
        | Op::IteratorClose { iter, .. }
        | Op::IteratorCloseQuiet { iter, .. } => range(iter, 3).collect(),
        Op::LdaUndefined { .. }
        | Op::LdaNull { .. }
        | Op::LdaTrue { .. }
        | Op::LdaFalse { .. }
        | Op::LdaHole { .. }
        | Op::LdaInt { .. }
        | Op::LdaConst { .. }
        | Op::Star { .. }
        | Op::LdaGlobal { .. }
        | Op::LdaGlobalTypeof { .. }
        | Op::StaGlobal { .. }
        | Op::InitGlobalLexical { .. }
        | Op::LdaContext { .. }
        | Op::StaContext { .. }
        | Op::PushContext { .. }
        | Op::PopContext { .. }
        | Op::ThrowIfHole { .. }
        | Op::ThrowConstAssign { .. }
        | Op::Inc { .. }
        | Op::Dec { .. }
        | Op::Negate { .. }
        | Op::BitNot { .. }
        | Op::ToNumeric { .. }
        | Op::Not { .. }
        | Op::TypeOf { .. }
        | Op::ToPropertyKey { .. }
        | Op::ToStringForConcat { .. }
        | Op::ToObject { .. }
        | Op::Jump { .. }
        | Op::JumpLoop { .. }
        | Op::JumpIfTrue { .. }
        | Op::JumpIfFalse { .. }
        | Op::JumpIfNullish { .. }
        | Op::JumpIfNotNullish { .. }
        | Op::JumpIfUndefined { .. }
        | Op::JumpIfNotUndefined { .. }
        | Op::JumpIfHole { .. }
        | Op::JumpIfStrictEqInt { .. }
        | Op::Return { .. }
        | Op::Throw { .. }
        | Op::ThrowError { .. }
        | Op::CreateObject { .. }
        | Op::CreateArray { .. }
        | Op::CreateClosure { .. }
        | Op::CreateRegExp { .. }
        | Op::GetTemplateObject { .. }
        | Op::RunClassFields { .. }
        | Op::ThisCheck { .. }
        | Op::NewPrivateName { .. }
        | Op::ForInPrepare { .. }
        | Op::GetIterator { .. }
        | Op::RequireObject { .. }
        | Op::Nop { .. } => vec![],
        // Spread calls, direct eval, `arguments` and rest parameters (which read the
        // parameters), generators, scope lookups through eval: anything.
        _ => return Reads::All,
    };
    Reads::Regs(regs)
}

/// The registers `op` writes besides the accumulator when the interpreter runs it (the graph
/// reads them back from the frame afterwards).
pub(crate) fn writes(op: Op) -> Vec<Reg> {
    match op {
        Op::Star { dst, .. } | Op::Mov { dst, .. } | Op::ForInPrepare { dst, .. } | Op::ResumeKind { dst, .. } => vec![dst],
        Op::GetSuperRef { base, key, .. } => vec![base, key],
        Op::GetIterator { dst, .. } => range(dst, 3).collect(),
        Op::IteratorStep { iter, .. }
        | Op::IteratorNext { iter, .. }
        | Op::IteratorClose { iter, .. }
        | Op::IteratorCloseQuiet { iter, .. } => range(iter, 3).collect(),
        _ => vec![],
    }
}

/// Whether `op` writes the accumulator without reading it (so the accumulator is dead
/// before it).
pub(crate) fn overwrites_accumulator(op: Op) -> bool {
    matches!(
        op,
        Op::LdaUndefined { .. }
            | Op::LdaNull { .. }
            | Op::LdaTrue { .. }
            | Op::LdaFalse { .. }
            | Op::LdaHole { .. }
            | Op::LdaInt { .. }
            | Op::LdaConst { .. }
            | Op::Ldar { .. }
            | Op::LdaGlobal { .. }
            | Op::LdaGlobalTypeof { .. }
            | Op::LdaContext { .. }
            | Op::CreateObject { .. }
            | Op::CreateArray { .. }
            | Op::CreateArrayFrom { .. }
            | Op::CreateClosure { .. }
    )
}

/// Registers live at the start of each block: `live_in[i]` for the block starting at
/// `starts[i]` (sorted; the blocks end where the next starts), over `nregs` registers.
pub(crate) fn live_in(ops: &[Op], starts: &[u32], handlers: &[Handler], nregs: usize) -> Vec<Vec<bool>> {
    let nb = starts.len();
    let block_of = |pc: u32| starts.partition_point(|&s| s <= pc) - 1;
    let end = |b: usize| if b + 1 < nb { starts[b + 1] } else { ops.len() as u32 };
    // Successors of each block: its jump target, its fall-through, and the handlers covering
    // any of its instructions.
    let succ: Vec<Vec<usize>> = (0..nb)
        .map(|b| {
            let mut s = Vec::new();
            let (first, last) = (starts[b], end(b));
            if last > first {
                let op = ops[last as usize - 1];
                if let Some(t) = op.jump_target() {
                    s.push(block_of(t.0));
                }
                let falls =
                    !matches!(op, Op::Jump { .. } | Op::JumpLoop { .. } | Op::Return { .. } | Op::Throw { .. } | Op::ThrowError { .. });
                if falls && (last as usize) < ops.len() {
                    s.push(block_of(last));
                }
            }
            s
        })
        .collect();
    // The handler covering each instruction, if any (the innermost: the first listed): its
    // block, and the register its context is restored from.
    let handler_of = |pc: u32| handlers.iter().find(|h| h.start <= pc && pc < h.end).map(|h| (block_of(h.handler), h.context_reg));
    let mut live = vec![vec![false; nregs]; nb];
    let mut changed = true;
    while changed {
        changed = false;
        for b in (0..nb).rev() {
            let mut l = vec![false; nregs];
            for &s in &succ[b] {
                for r in 0..nregs {
                    l[r] |= live[s][r];
                }
            }
            for pc in (starts[b]..end(b)).rev() {
                let op = ops[pc as usize];
                for w in writes(op) {
                    if let Ok(i) = usize::try_from(w.0) {
                        if i < nregs {
                            l[i] = false;
                        }
                    }
                }
                // An instruction that throws leaves the registers as they were before it for
                // its handler.
                if let Some((h, context)) = handler_of(pc) {
                    for r in 0..nregs {
                        l[r] |= live[h][r];
                    }
                    if let Some(c) = usize::try_from(context).ok().filter(|&c| c < nregs) {
                        l[c] = true;
                    }
                }
                match reads(op) {
                    Reads::All => l.iter_mut().for_each(|x| *x = true),
                    Reads::Regs(rs) => {
                        for r in rs {
                            if let Ok(i) = usize::try_from(r.0) {
                                if i < nregs {
                                    l[i] = true;
                                }
                            }
                        }
                    }
                }
            }
            if l != live[b] {
                live[b] = l;
                changed = true;
            }
        }
    }
    live
}
