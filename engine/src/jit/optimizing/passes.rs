//! The passes over a built [`Graph`], in the order [`run`] applies them:
//!
//! 1. **Reachability**: blocks no entry reaches are dropped (their edges no longer count).
//! 2. **Trivial-parameter removal**: a block parameter whose arguments are all one value (or
//!    the parameter itself) is that value (Braun et al.'s trivial φ removal, run to a fixpoint).
//! 3. **Representation selection**: each remaining parameter is int32 when every argument
//!    (from inside the function) is, double when every argument is a number, boxed otherwise;
//!    on-stack-replacement entries, which read boxed values from the frame, unbox with a guard.
//! 4. **Redundant-guard elimination**: a check of a value whose representation already proves
//!    it is dropped; an int32/number check dominated by the same check of the same value is
//!    replaced by it (values are immutable, so no effect in between matters); a shape check of
//!    an object already checked for the same shapes earlier in the block, with nothing in
//!    between that may change shapes, is dropped.

use super::ir::*;
use std::collections::HashMap;

/// Runs every pass; returns the reachable blocks in reverse post-order.
pub(crate) fn run(g: &mut Graph) -> Vec<BlockId> {
    let order = reverse_post_order(g);
    let reachable = {
        let mut r = vec![false; g.blocks.len()];
        for b in &order {
            r[b.0 as usize] = true;
        }
        r
    };
    remove_trivial_params(g, &order, &reachable);
    select_representations(g, &order, &reachable);
    eliminate_redundant_guards(g, &order);
    order
}

/// Blocks reachable from the entries, in reverse post-order.
fn reverse_post_order(g: &Graph) -> Vec<BlockId> {
    let mut seen = vec![false; g.blocks.len()];
    let mut post = Vec::new();
    for root in g.roots() {
        if seen[root.0 as usize] {
            continue;
        }
        seen[root.0 as usize] = true;
        // Iterative DFS: (block, next successor index).
        let mut stack = vec![(root, 0usize)];
        while let Some(&mut (b, ref mut i)) = stack.last_mut() {
            let succ = g.successors(b);
            if *i < succ.len() {
                let s = succ[*i].to;
                *i += 1;
                if !seen[s.0 as usize] {
                    seen[s.0 as usize] = true;
                    stack.push((s, 0));
                }
            } else {
                post.push(b);
                stack.pop();
            }
        }
    }
    post.reverse();
    post
}

/// Incoming edges of each block: (predecessor, index of the edge among its successors).
pub(super) fn predecessors(g: &Graph, order: &[BlockId]) -> Vec<Vec<(BlockId, usize)>> {
    let mut preds = vec![vec![]; g.blocks.len()];
    for &b in order {
        for (i, e) in g.successors(b).iter().enumerate() {
            preds[e.to.0 as usize].push((b, i));
        }
    }
    preds
}

fn edge_mut(g: &mut Graph, b: BlockId, i: usize) -> &mut Edge {
    match &mut g.blocks[b.0 as usize].term {
        Terminator::Jump(e) => e,
        Terminator::Branch(_, t, f) => {
            if i == 0 {
                t
            } else {
                f
            }
        }
        _ => unreachable!("edge of a block without successors"),
    }
}

fn find(subst: &mut [ValueId], v: ValueId) -> ValueId {
    let mut r = v;
    while subst[r.0 as usize] != r {
        r = subst[r.0 as usize];
    }
    let mut x = v;
    while subst[x.0 as usize] != r {
        let next = subst[x.0 as usize];
        subst[x.0 as usize] = r;
        x = next;
    }
    r
}

fn remove_trivial_params(g: &mut Graph, order: &[BlockId], reachable: &[bool]) {
    let preds = predecessors(g, order);
    let mut subst: Vec<ValueId> = (0..g.insts.len() as u32).map(ValueId).collect();
    let mut changed = true;
    while changed {
        changed = false;
        for &b in order {
            let bi = b.0 as usize;
            if g.blocks[bi].kind != BlockKind::Normal || preds[bi].is_empty() {
                continue;
            }
            let mut k = 0;
            while k < g.blocks[bi].params.len() {
                let p = g.blocks[bi].params[k];
                let mut same: Option<ValueId> = None;
                let mut trivial = true;
                for &(pb, pi) in &preds[bi] {
                    let a = find(&mut subst, g.successors(pb)[pi].args[k]);
                    if a == p {
                        continue;
                    }
                    match same {
                        None => same = Some(a),
                        Some(s) if s == a => {}
                        Some(_) => {
                            trivial = false;
                            break;
                        }
                    }
                }
                match (trivial, same) {
                    (true, Some(s)) => {
                        subst[p.0 as usize] = s;
                        g.blocks[bi].params.remove(k);
                        g.blocks[bi].param_regs.remove(k);
                        for &(pb, pi) in &preds[bi] {
                            edge_mut(g, pb, pi).args.remove(k);
                        }
                        changed = true;
                    }
                    _ => k += 1,
                }
            }
        }
    }
    // Rewrite every use.
    for i in 0..g.insts.len() {
        let mut inst = std::mem::replace(&mut g.insts[i], Inst::Param);
        inst.map_operands(|v| find(&mut subst, v));
        g.insts[i] = inst;
    }
    for p in g.deopts.iter_mut() {
        p.map_values(|v| find(&mut subst, v));
    }
    for (bi, reached) in reachable.iter().enumerate() {
        if !reached {
            continue;
        }
        let mut blk = std::mem::replace(&mut g.blocks[bi].term, Terminator::None);
        match &mut blk {
            Terminator::Jump(e) => e.args.iter_mut().for_each(|a| *a = find(&mut subst, *a)),
            Terminator::Branch(c, t, f) => {
                *c = find(&mut subst, *c);
                t.args.iter_mut().for_each(|a| *a = find(&mut subst, *a));
                f.args.iter_mut().for_each(|a| *a = find(&mut subst, *a));
            }
            Terminator::Return(v) => *v = find(&mut subst, *v),
            _ => {}
        }
        g.blocks[bi].term = blk;
        let mut st = std::mem::take(&mut g.blocks[bi].entry_state);
        st.iter_mut().for_each(|v| *v = find(&mut subst, *v));
        g.blocks[bi].entry_state = st;
    }
}

/// The lattice of parameter representations: unknown < int32 < double < boxed.
fn join(a: Option<Repr>, b: Repr) -> Option<Repr> {
    Some(match (a, b) {
        (None, Repr::Int32 | Repr::Float64) => b,
        (Some(Repr::Int32), Repr::Int32) => Repr::Int32,
        (Some(Repr::Int32 | Repr::Float64), Repr::Int32 | Repr::Float64) => Repr::Float64,
        _ => Repr::Boxed,
    })
}

fn select_representations(g: &mut Graph, order: &[BlockId], reachable: &[bool]) {
    let preds = predecessors(g, order);
    let osr: Vec<BlockId> = g.osr_entries.iter().map(|&(_, b)| b).collect();
    // Parameters start unknown (optimistic) and only move up the lattice.
    let mut chosen: HashMap<ValueId, Option<Repr>> = HashMap::new();
    for &b in order {
        if g.blocks[b.0 as usize].kind == BlockKind::Normal {
            for &p in &g.blocks[b.0 as usize].params {
                chosen.insert(p, None);
            }
        }
    }
    let repr_of = |g: &Graph, chosen: &HashMap<ValueId, Option<Repr>>, v: ValueId| -> Option<Repr> {
        match chosen.get(&v) {
            Some(r) => *r,
            None => Some(g.repr(v)),
        }
    };
    let mut changed = true;
    while changed {
        changed = false;
        for &b in order {
            let bi = b.0 as usize;
            if g.blocks[bi].kind != BlockKind::Normal {
                continue;
            }
            for k in 0..g.blocks[bi].params.len() {
                let p = g.blocks[bi].params[k];
                let mut r = chosen[&p];
                for &(pb, pi) in &preds[bi] {
                    if osr.contains(&pb) {
                        continue;
                    }
                    if let Some(ar) = repr_of(g, &chosen, g.successors(pb)[pi].args[k]) {
                        r = join(r, ar);
                    }
                }
                if r != chosen[&p] {
                    chosen.insert(p, r);
                    changed = true;
                }
            }
        }
    }
    for (p, r) in &chosen {
        g.reprs[p.0 as usize] = r.unwrap_or(Repr::Boxed);
    }
    // On-stack-replacement entries pass boxed frame values: unbox them with a guard that
    // resumes the interpreter at the loop header.
    for &(header, ob) in &g.osr_entries.clone() {
        if !reachable[ob.0 as usize] {
            continue;
        }
        let Terminator::Jump(e) = g.blocks[ob.0 as usize].term.clone() else { continue };
        let target = &g.blocks[e.to.0 as usize];
        let params = target.params.clone();
        let mut args = e.args.clone();
        for (k, &p) in params.iter().enumerate() {
            let want = g.repr(p);
            if want == Repr::Boxed {
                continue;
            }
            // The OSR block's loads are the whole state: registers, then the accumulator.
            let st = &g.blocks[ob.0 as usize];
            let regs: Vec<ValueId> = st.insts[..g.nregs].to_vec();
            let acc = st.insts[g.nregs];
            let site = blame(g, &preds, &osr, p).unwrap_or(header);
            g.deopts.push(DeoptPoint::root(header, site, regs, acc, g.dead));
            let d = DeoptId(g.deopts.len() as u32 - 1);
            let inst = if want == Repr::Int32 { Inst::CheckInt32(args[k], d) } else { Inst::CheckNumber(args[k], d) };
            let v = ValueId(g.insts.len() as u32);
            g.insts.push(inst);
            g.reprs.push(want);
            g.blocks[ob.0 as usize].insts.push(v);
            args[k] = v;
        }
        g.blocks[ob.0 as usize].term = Terminator::Jump(Edge { to: e.to, args });
    }
}

/// The speculated instruction that made parameter `p` unboxed: the pc of the first guard or
/// checked operation found among its inputs (through other parameters). A loop variable whose
/// frame value fails its check at an on-stack-replacement entry disproves that speculation.
fn blame(g: &Graph, preds: &[Vec<(BlockId, usize)>], osr: &[BlockId], p: ValueId) -> Option<u32> {
    let param_block = |v: ValueId| -> Option<(usize, usize)> {
        g.blocks.iter().enumerate().find_map(|(bi, b)| b.params.iter().position(|&q| q == v).map(|k| (bi, k)))
    };
    let mut seen = vec![p];
    let mut work = vec![p];
    while let Some(v) = work.pop() {
        let mut next = vec![];
        match g.inst(v) {
            Inst::Param => {
                if let Some((bi, k)) = param_block(v) {
                    for &(pb, pi) in &preds[bi] {
                        if !osr.contains(&pb) {
                            next.push(g.successors(pb)[pi].args[k]);
                        }
                    }
                }
            }
            // A site of an inlined callee is not this function's to blame.
            Inst::CheckInt32(_, d) | Inst::CheckNumber(_, d) | Inst::ToInt32(_, d) | Inst::Int32Binary(_, _, _, Some(d)) => {
                let p = &g.deopts[d.0 as usize];
                return p.frame.is_none().then_some(p.pc);
            }
            Inst::Int32Binary(_, a, b, None) | Inst::Float64Binary(_, a, b) | Inst::ShrToFloat64(a, b) => next.extend([*a, *b]),
            Inst::Float64Unary(_, a) => next.push(*a),
            _ => {}
        }
        for n in next {
            if !seen.contains(&n) {
                seen.push(n);
                work.push(n);
            }
        }
    }
    None
}

/// Immediate dominators (Cooper, Harvey and Kennedy), indexed by block; roots map to
/// themselves. Several roots (the entries) hang under a virtual root: a block reached from
/// two entries has no dominator among them. `preds`: [`predecessors`].
fn dominators(g: &Graph, order: &[BlockId], preds: &[Vec<(BlockId, usize)>]) -> Vec<Option<BlockId>> {
    let mut rpo_index = vec![usize::MAX; g.blocks.len()];
    for (i, b) in order.iter().enumerate() {
        rpo_index[b.0 as usize] = i;
    }
    let n = g.blocks.len();
    // `VIRTUAL` stands for the virtual root above every entry.
    const VIRTUAL: usize = usize::MAX;
    let mut idom: Vec<Option<usize>> = vec![None; n];
    let roots: Vec<usize> = g.roots().iter().map(|b| b.0 as usize).collect();
    for &r in &roots {
        idom[r] = Some(VIRTUAL);
    }
    let intersect = |idom: &[Option<usize>], mut a: usize, mut b: usize| -> usize {
        while a != b {
            if a == VIRTUAL || b == VIRTUAL {
                return VIRTUAL;
            }
            while a != VIRTUAL && b != VIRTUAL && rpo_index[a] > rpo_index[b] {
                a = idom[a].unwrap_or(VIRTUAL);
            }
            while a != VIRTUAL && b != VIRTUAL && rpo_index[b] > rpo_index[a] {
                b = idom[b].unwrap_or(VIRTUAL);
            }
        }
        a
    };
    let mut changed = true;
    while changed {
        changed = false;
        for &b in order {
            let bi = b.0 as usize;
            if roots.contains(&bi) {
                continue;
            }
            let mut new: Option<usize> = None;
            for &(p, _) in &preds[bi] {
                let pi = p.0 as usize;
                if idom[pi].is_none() {
                    continue;
                }
                new = Some(match new {
                    None => pi,
                    Some(x) => intersect(&idom, pi, x),
                });
            }
            if new.is_some() && idom[bi] != new {
                idom[bi] = new;
                changed = true;
            }
        }
    }
    idom.into_iter().map(|d| d.filter(|&x| x != VIRTUAL).map(|x| BlockId(x as u32))).collect()
}

/// Objects whose shape is known, with the shapes it is one of.
type KnownShapes = Vec<(ValueId, Box<[usize]>)>;

/// Removes checks made already: a number check of a value checked in a dominating block, and
/// a shape check of an object whose shape is known on every path here (checked, or given by
/// an add, with nothing since that could change objects: see [`Inst::clobbers`]).
fn eliminate_redundant_guards(g: &mut Graph, order: &[BlockId]) {
    let preds = predecessors(g, order);
    let idom = dominators(g, order, &preds);
    let mut subst: Vec<ValueId> = (0..g.insts.len() as u32).map(ValueId).collect();
    // Checks available at the end of each block (for the blocks it dominates).
    let mut avail: Vec<HashMap<(ValueId, bool), ValueId>> = vec![HashMap::new(); g.blocks.len()];
    // Shapes known at the end of each block done (`None`: not done yet, as a loop's back edge).
    let mut shapes_out: Vec<Option<KnownShapes>> = vec![None; g.blocks.len()];
    for &b in order {
        let bi = b.0 as usize;
        let mut checks: HashMap<(ValueId, bool), ValueId> = match idom[bi] {
            Some(d) => avail[d.0 as usize].clone(),
            None => HashMap::new(),
        };
        // What every predecessor knows at its end (nothing past a handler's entry or a
        // predecessor not done yet).
        let mut shapes: KnownShapes = match preds[bi].split_first() {
            Some((&(first, _), rest)) if g.blocks[bi].kind == BlockKind::Normal => {
                let known = |p: BlockId| shapes_out[p.0 as usize].as_ref();
                match known(first) {
                    Some(k) if rest.iter().all(|&(p, _)| known(p).is_some()) => {
                        k.iter().filter(|e| rest.iter().all(|&(p, _)| known(p).is_some_and(|kp| kp.contains(e)))).cloned().collect()
                    }
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        };
        let insts = std::mem::take(&mut g.blocks[bi].insts);
        let mut kept = Vec::with_capacity(insts.len());
        for v in insts {
            let mut inst = g.insts[v.0 as usize].clone();
            inst.map_operands(|x| subst[x.0 as usize]);
            if inst.clobbers() {
                shapes.clear();
            }
            match &inst {
                Inst::CheckInt32(x, _) | Inst::CheckNumber(x, _) => {
                    let int = matches!(inst, Inst::CheckInt32(..));
                    let have = g.repr(*x);
                    if (int && have == Repr::Int32) || (!int && have == Repr::Float64) {
                        subst[v.0 as usize] = *x;
                        continue;
                    }
                    if let Some(&earlier) = checks.get(&(*x, int)) {
                        subst[v.0 as usize] = earlier;
                        continue;
                    }
                    checks.insert((*x, int), v);
                }
                Inst::CheckShape(o, s, _) => {
                    if shapes.iter().any(|(po, ps)| po == o && ps == s) {
                        continue;
                    }
                    shapes.push((*o, s.clone()));
                }
                // Done, or deoptimized: either way what follows sees the new shape (the clobber
                // above forgot every other object's, which aliases of `o` may have had).
                Inst::AddProperty(o, t, _, _) => shapes.push((*o, Box::new([t.to]))),
                _ => {}
            }
            g.insts[v.0 as usize] = inst;
            kept.push(v);
        }
        g.blocks[bi].insts = kept;
        avail[bi] = checks;
        shapes_out[bi] = Some(shapes);
    }
    // Later blocks' terminators, deopt points and states may name a replaced check.
    for d in g.deopts.iter_mut() {
        d.map_values(|v| subst[v.0 as usize]);
    }
    for &b in order {
        let blk = &mut g.blocks[b.0 as usize];
        match &mut blk.term {
            Terminator::Jump(e) => e.args.iter_mut().for_each(|a| *a = subst[a.0 as usize]),
            Terminator::Branch(c, t, f) => {
                *c = subst[c.0 as usize];
                t.args.iter_mut().for_each(|a| *a = subst[a.0 as usize]);
                f.args.iter_mut().for_each(|a| *a = subst[a.0 as usize]);
            }
            Terminator::Return(v) => *v = subst[v.0 as usize],
            _ => {}
        }
        blk.entry_state.iter_mut().for_each(|v| *v = subst[v.0 as usize]);
    }
}
