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
//!    an object already checked for the same shapes on every path here, with nothing in
//!    between that may change shapes, is dropped (a loop carries what it does not change
//!    round its back edge). Before it, shape checks, slot loads and array lengths of objects
//!    a loop does not change are hoisted out of loops that change no object.

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
    hoist_invariant_code(g, &order);
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

/// How instruction `v`, `inst`, changes what is known of shapes: a check, an add or a `new`
/// of known shape establishes a shape; anything that may change objects (see
/// [`Inst::clobbers`]) forgets every shape first.
fn shape_transfer(v: ValueId, inst: &Inst, known: &mut KnownShapes) {
    if inst.clobbers() {
        known.clear();
    }
    let fact = match inst {
        Inst::CheckShape(o, s, _) => (*o, s.clone()),
        _ => match made_shape(v, inst) {
            Some(fact) => fact,
            None => return,
        },
    };
    if !known.contains(&fact) {
        known.push(fact);
    }
}

/// The shape instruction `v`, `inst`, gives an object, if it makes or changes one: an add's
/// target (done, or deoptimized: either way what follows sees it), a `new` of known shape.
fn made_shape(v: ValueId, inst: &Inst) -> Option<(ValueId, Box<[usize]>)> {
    match inst {
        Inst::AddProperty(o, t, _, _) => Some((*o, Box::new([t.to]))),
        Inst::CreateThis(_, Some(new), _) => Some((v, Box::new([new.shape]))),
        _ => None,
    }
}

/// What `known` (at the end of an edge's source) says at the start of its target: the same
/// facts, which also hold of the parameters their values are passed to.
fn across_edge(g: &Graph, known: &KnownShapes, e: &Edge) -> KnownShapes {
    let params = &g.blocks[e.to.0 as usize].params;
    let mut out = known.clone();
    for (o, s) in known {
        for (k, a) in e.args.iter().enumerate() {
            let fact = (params[k], s.clone());
            if a == o && !out.contains(&fact) {
                out.push(fact);
            }
        }
    }
    out
}

/// The shapes known at the start of each block: what every predecessor knows at its end,
/// computed to a fixpoint so that a loop carries what it does not clobber round its back
/// edge (a predecessor not computed yet knows everything; the sets only shrink). Nothing is
/// known at an entry or a handler.
fn shapes_at_entry(g: &Graph, order: &[BlockId], preds: &[Vec<(BlockId, usize)>]) -> Vec<KnownShapes> {
    let n = g.blocks.len();
    let mut out: Vec<Option<KnownShapes>> = vec![None; n];
    let mut at_entry: Vec<KnownShapes> = vec![Vec::new(); n];
    let same = |a: &KnownShapes, b: &KnownShapes| a.len() == b.len() && a.iter().all(|e| b.contains(e));
    let mut changed = true;
    while changed {
        changed = false;
        for &b in order {
            let bi = b.0 as usize;
            let entry: KnownShapes = if g.blocks[bi].kind == BlockKind::Normal {
                let mut sets =
                    preds[bi].iter().filter_map(|&(p, i)| out[p.0 as usize].as_ref().map(|k| across_edge(g, k, g.successors(p)[i])));
                match sets.next() {
                    Some(first) => {
                        let rest: Vec<KnownShapes> = sets.collect();
                        first.into_iter().filter(|e| rest.iter().all(|r| r.contains(e))).collect()
                    }
                    None => Vec::new(),
                }
            } else {
                Vec::new()
            };
            let mut end = entry.clone();
            for &v in &g.blocks[bi].insts {
                shape_transfer(v, &g.insts[v.0 as usize], &mut end);
            }
            if out[bi].as_ref().is_none_or(|o| !same(o, &end)) {
                out[bi] = Some(end);
                changed = true;
            }
            at_entry[bi] = entry;
        }
    }
    at_entry
}

/// Rounds of [`hoist_invariant_code`] per loop: how deep a chain of loads it follows.
const MAX_HOIST_ROUNDS: usize = 4;

/// What [`hoist_invariant_code`] makes on entering a loop.
enum HoistedOp {
    /// A shape check.
    Check(Box<[usize]>),
    /// Load `.0` (then replaced by a new header parameter).
    Load(ValueId, Box<[super::SlotGuard]>),
    /// Array length `.0` (as a load).
    Length(ValueId),
}

/// An instruction made on entering a loop, of `object`, or of what each entering edge passes
/// for the header's parameter `param`.
struct Hoisted {
    param: Option<usize>,
    object: ValueId,
    what: HoistedOp,
    /// The instruction's site, which a failure disproves.
    site: u32,
}

/// Loop-invariant code motion. In a loop where nothing may change objects (no call, generic
/// instruction or property add: see [`Inst::clobbers`]), what runs on every iteration (its
/// block dominates each back edge) on an object the loop does not change (defined before the
/// loop, or a header parameter every back edge passes unchanged) is made at the end of each
/// block entering the loop instead, deoptimizing to the loop header (blaming the same site):
/// - shape checks (also left in the loop, where redundant-guard elimination drops them: the
///   shape is then known on every path into the header);
/// - array lengths, and slot loads whose shapes are checked on entry and which no store of the
///   loop may alias: the loop then reads a new header parameter, passed the value loaded on
///   entry.
///
/// The entering blocks must end in a jump (they do: the code before a loop falls through to
/// its header, and the on-stack-replacement entries jump there).
fn hoist_invariant_code(g: &mut Graph, order: &[BlockId]) {
    let preds = predecessors(g, order);
    let idom = dominators(g, order, &preds);
    let dominates = |a: BlockId, b: BlockId| {
        let mut x = b;
        loop {
            if x == a {
                return true;
            }
            match idom[x.0 as usize] {
                Some(d) if d != x => x = d,
                _ => return false,
            }
        }
    };
    let mut def: Vec<Option<BlockId>> = vec![None; g.insts.len()];
    for &b in order {
        let blk = &g.blocks[b.0 as usize];
        for &v in blk.params.iter().chain(&blk.insts) {
            def[v.0 as usize] = Some(b);
        }
    }
    for &h in order {
        let hi = h.0 as usize;
        let latches: Vec<(BlockId, usize)> = preds[hi].iter().copied().filter(|&(p, _)| dominates(h, p)).collect();
        if latches.is_empty() || g.blocks[hi].kind != BlockKind::Normal || g.blocks[hi].entry_state.len() != g.nregs + 1 {
            continue;
        }
        // The natural loop: the blocks that reach a back edge without passing the header.
        let mut body = vec![false; g.blocks.len()];
        body[hi] = true;
        let mut work: Vec<BlockId> = latches.iter().map(|&(p, _)| p).collect();
        while let Some(x) = work.pop() {
            if !body[x.0 as usize] {
                body[x.0 as usize] = true;
                work.extend(preds[x.0 as usize].iter().map(|&(p, _)| p));
            }
        }
        let blocks: Vec<BlockId> = order.iter().copied().filter(|b| body[b.0 as usize]).collect();
        let changes_objects = |b: &BlockId| {
            let blk = &g.blocks[b.0 as usize];
            blk.kind != BlockKind::Normal || blk.insts.iter().any(|&v| g.insts[v.0 as usize].clobbers())
        };
        let entering: Vec<(BlockId, usize)> = preds[hi].iter().copied().filter(|&(p, _)| !body[p.0 as usize]).collect();
        let jumps = |&(p, _): &(BlockId, usize)| matches!(g.blocks[p.0 as usize].term, Terminator::Jump(_));
        if blocks.iter().any(changes_objects) || entering.is_empty() || !entering.iter().all(jumps) {
            continue;
        }
        // The slots the loop stores. (Shapes do not change in the loop, so a load of a
        // receiver's own slot aliases a store only if some shape and slot index of the two
        // are the same; a load from a prototype may alias any store.)
        let stored: Vec<super::SlotGuard> = blocks
            .iter()
            .flat_map(|b| g.blocks[b.0 as usize].insts.iter())
            .filter_map(|&v| match &g.insts[v.0 as usize] {
                Inst::StoreSlot(_, guards, _) => Some(guards.iter().copied()),
                _ => None,
            })
            .flatten()
            .collect();
        let unaliased = |guards: &[super::SlotGuard]| {
            stored.is_empty()
                || guards
                    .iter()
                    .all(|l| l.holder == 0 && stored.iter().all(|st| st.holder == 0 && (st.shape, st.slot) != (l.shape, l.slot)))
        };
        let every_iteration: Vec<BlockId> = blocks.iter().copied().filter(|&b| latches.iter().all(|&(l, _)| dominates(b, l))).collect();
        // (Object, shapes) checked on entering the loop so far.
        let mut checked: Vec<(ValueId, Box<[usize]>)> = Vec::new();
        // Rounds: a value hoisted in one is a header parameter the next may check and load
        // from (`this.a.b`).
        for _ in 0..MAX_HOIST_ROUNDS {
            let params = g.blocks[hi].params.clone();
            // How an object is invariant: `Some(None)` defined before the loop, `Some(Some(k))`
            // the header's parameter `k`, which every back edge passes itself.
            let invariant = |v: ValueId| -> Option<Option<usize>> {
                if let Some(k) = params.iter().position(|&p| p == v) {
                    return latches.iter().all(|&(l, i)| g.successors(l)[i].args[k] == v).then_some(Some(k));
                }
                def[v.0 as usize].is_some_and(|db| !body[db.0 as usize]).then_some(None)
            };
            let mut found: Vec<Hoisted> = Vec::new();
            for &b in &every_iteration {
                for &v in &g.blocks[b.0 as usize].insts {
                    let (object, what, d) = match &g.insts[v.0 as usize] {
                        Inst::CheckShape(o, s, d) => {
                            let fact = (*o, s.clone());
                            let seen = |f: &Hoisted| f.object == *o && matches!(&f.what, HoistedOp::Check(fs) if fs == s);
                            if checked.contains(&fact) || found.iter().any(seen) {
                                continue;
                            }
                            (*o, HoistedOp::Check(s.clone()), *d)
                        }
                        Inst::LoadSlot(o, guards, d)
                            if unaliased(guards)
                                && checked.iter().any(|(co, cs)| co == o && cs.iter().eq(guards.iter().map(|x| &x.shape))) =>
                        {
                            (*o, HoistedOp::Load(v, guards.clone()), *d)
                        }
                        Inst::ArrayLength(o, d) => (*o, HoistedOp::Length(v), *d),
                        _ => continue,
                    };
                    let point = &g.deopts[d.0 as usize];
                    if point.frame.is_some() {
                        continue;
                    }
                    if let Some(param) = invariant(object) {
                        found.push(Hoisted { param, object, what, site: point.site });
                    }
                }
            }
            if found.is_empty() {
                break;
            }
            // Checks first: the loads after them rely on the shapes they establish.
            found.sort_by_key(|f| !matches!(f.what, HoistedOp::Check(_)));
            for f in found {
                let replaced = match &f.what {
                    HoistedOp::Check(s) => {
                        checked.push((f.object, s.clone()));
                        None
                    }
                    HoistedOp::Load(v, _) | HoistedOp::Length(v) => {
                        let np = ValueId(g.insts.len() as u32);
                        g.insts.push(Inst::Param);
                        g.reprs.push(g.repr(*v));
                        def.push(Some(h));
                        g.blocks[hi].params.push(np);
                        g.blocks[hi].param_regs.push(usize::MAX);
                        Some((*v, np))
                    }
                };
                for &(p, i) in &entering {
                    let Terminator::Jump(e) = &g.blocks[p.0 as usize].term else { unreachable!("checked above") };
                    let through = |x: ValueId| params.iter().position(|&q| q == x).map_or(x, |k| e.args[k]);
                    let state: Vec<ValueId> = g.blocks[hi].entry_state.iter().map(|&x| through(x)).collect();
                    let object = f.param.map_or(f.object, |k| e.args[k]);
                    let (acc, regs) = state.split_last().expect("entry state holds the accumulator");
                    let d = DeoptId(g.deopts.len() as u32);
                    g.deopts.push(DeoptPoint::root(g.blocks[hi].pc, f.site, regs.to_vec(), *acc, g.dead));
                    let (inst, repr) = match &f.what {
                        HoistedOp::Check(s) => (Inst::CheckShape(object, s.clone(), d), Repr::Void),
                        HoistedOp::Load(v, guards) => (Inst::LoadSlot(object, guards.clone(), d), g.repr(*v)),
                        HoistedOp::Length(v) => (Inst::ArrayLength(object, d), g.repr(*v)),
                    };
                    let nv = ValueId(g.insts.len() as u32);
                    g.insts.push(inst);
                    g.reprs.push(repr);
                    def.push(Some(p));
                    g.blocks[p.0 as usize].insts.push(nv);
                    if replaced.is_some() {
                        edge_mut(g, p, i).args.push(nv);
                    }
                }
                if let Some((v, np)) = replaced {
                    for &(l, i) in &latches {
                        edge_mut(g, l, i).args.push(np);
                    }
                    let b = def[v.0 as usize].expect("hoisted from a block");
                    g.blocks[b.0 as usize].insts.retain(|&x| x != v);
                    replace_uses(g, v, np);
                }
            }
        }
    }
}

/// Rewrites every use of `from` (operands, and what [`rewrite_non_operand_uses`] covers) to
/// `to`.
fn replace_uses(g: &mut Graph, from: ValueId, to: ValueId) {
    let r = |x: ValueId| if x == from { to } else { x };
    for inst in g.insts.iter_mut() {
        inst.map_operands(r);
    }
    rewrite_non_operand_uses(g, r);
}

/// Rewrites, through `r`, the uses of values outside instructions' operands: deopt points,
/// edge arguments, branch conditions, returns and blocks' entry states.
fn rewrite_non_operand_uses(g: &mut Graph, r: impl Fn(ValueId) -> ValueId) {
    for d in g.deopts.iter_mut() {
        d.map_values(&r);
    }
    for blk in g.blocks.iter_mut() {
        match &mut blk.term {
            Terminator::Jump(e) => e.args.iter_mut().for_each(|a| *a = r(*a)),
            Terminator::Branch(c, t, f) => {
                *c = r(*c);
                t.args.iter_mut().for_each(|a| *a = r(*a));
                f.args.iter_mut().for_each(|a| *a = r(*a));
            }
            Terminator::Return(v) => *v = r(*v),
            _ => {}
        }
        blk.entry_state.iter_mut().for_each(|v| *v = r(*v));
    }
}

/// Removes checks made already: a number check of a value checked in a dominating block, and
/// a shape check of an object whose shape is known on every path here (checked, or given by
/// an add, with nothing since that could change objects: see [`Inst::clobbers`]).
fn eliminate_redundant_guards(g: &mut Graph, order: &[BlockId]) {
    let preds = predecessors(g, order);
    let idom = dominators(g, order, &preds);
    let mut subst: Vec<ValueId> = (0..g.insts.len() as u32).map(ValueId).collect();
    // Checks available at the end of each block (for the blocks it dominates).
    let mut avail: Vec<HashMap<(ValueId, bool), ValueId>> = vec![HashMap::new(); g.blocks.len()];
    let shapes_in = shapes_at_entry(g, order, &preds);
    for &b in order {
        let bi = b.0 as usize;
        let mut checks: HashMap<(ValueId, bool), ValueId> = match idom[bi] {
            Some(d) => avail[d.0 as usize].clone(),
            None => HashMap::new(),
        };
        let mut shapes = shapes_in[bi].clone();
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
                // (The clobber above forgot every other object's shape, which aliases of an
                // added-to object may have had.)
                _ => shapes.extend(made_shape(v, &inst)),
            }
            g.insts[v.0 as usize] = inst;
            kept.push(v);
        }
        g.blocks[bi].insts = kept;
        avail[bi] = checks;
    }
    // Later blocks' terminators, deopt points and states may name a replaced check.
    rewrite_non_operand_uses(g, |v| subst[v.0 as usize]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::ops::Op;
    use crate::jit::Tier;
    use crate::value::Value;
    use crate::{Runtime, RuntimeOptions};

    /// Instructions `is` selects of global function `name` (after `src` ran in the
    /// interpreter, leaving its feedback), once the passes ran: (inside its loop, elsewhere).
    /// The function has one loop.
    fn count_insts(src: &str, name: &str, is: fn(&Inst) -> bool) -> (usize, usize) {
        let mut rt = Runtime::with_options(RuntimeOptions { jit: Tier::Off, ..Default::default() });
        rt.eval(src, "t.js").unwrap();
        let f = rt.eval(name, "t.js").unwrap();
        let code = f.as_object().and_then(|o| o.as_closure().map(|c| c.code)).expect("a closure");
        let prototype = crate::runtime::shape::PropertyKey::String(rt.names.prototype);
        let mut budget = super::super::InlineBudget::new(&code, rt.realm, Value::object(rt.global_object()), prototype);
        let plan = super::super::Plan::new(&code, false, &mut budget);
        assert!(!plan.assumes_prototypes());
        let mut g = super::super::build::build(&code, &plan, None);
        let order = run(&mut g);
        let (header, end) = code
            .block
            .ops
            .iter()
            .enumerate()
            .find_map(|(pc, op)| match op {
                Op::JumpLoop { target, .. } => Some((target.0, pc as u32)),
                _ => None,
            })
            .expect("a loop");
        let osr: Vec<BlockId> = g.osr_entries.iter().map(|&(_, b)| b).collect();
        let (mut inside, mut outside) = (0, 0);
        for b in order {
            let blk = &g.blocks[b.0 as usize];
            let checks = blk.insts.iter().filter(|&&v| is(g.inst(v))).count();
            if (header..=end).contains(&blk.pc) && !osr.contains(&b) {
                inside += checks;
            } else {
                outside += checks;
            }
        }
        (inside, outside)
    }

    fn shape_checks(src: &str, name: &str) -> (usize, usize) {
        count_insts(src, name, |i| matches!(i, Inst::CheckShape(..)))
    }

    fn loads(src: &str, name: &str) -> (usize, usize) {
        count_insts(src, name, |i| matches!(i, Inst::LoadSlot(..) | Inst::ArrayLength(..)))
    }

    #[test]
    fn loads_a_loop_cannot_change_leave_it() {
        // `o.a.b` and `xs.length`: two rounds of hoisting for the chain, one for the length;
        // each is loaded on entering the loop (twice: before it and at the OSR entry).
        let src = "function P() { this.a = { b: 2 }; this.c = 3; }
                   function f(o, xs) { let t = 0; for (let i = 0; i < xs.length; i++) { t += o.a.b * xs[i] + o.c; } return t; }
                   for (let k = 0; k < 20; k++) f(new P(), [1, 2, 3]);";
        assert_eq!(loads(src, "f"), (0, 8));
        assert_eq!(shape_checks(src, "f"), (0, 4));
    }

    #[test]
    fn loads_leave_loops_that_store_other_slots() {
        // `p.y = i` cannot change `o.x`, even when `p` is `o`: another slot of the one shape.
        let src = "function P() { this.x = 1; this.y = 2; }
                   function f(o, p, n) { let t = 0; for (let i = 0; i < n; i++) { t += o.x; p.y = i; } return t; }
                   for (let k = 0; k < 20; k++) { const q = new P(); f(q, k % 2 ? q : new P(), 5); }";
        assert_eq!(loads(src, "f").0, 0);
    }

    #[test]
    fn loads_stay_in_loops_that_store_slots() {
        // The store to `p.x` may be a store to `o.x`.
        let src = "function P() { this.x = 1; }
                   function f(o, p, n) { let t = 0; for (let i = 0; i < n; i++) { t += o.x; p.x = i; } return t; }
                   for (let k = 0; k < 20; k++) { const q = new P(); f(q, k % 2 ? q : new P(), 5); }";
        let (inside, _) = loads(src, "f");
        assert_eq!(inside, 1);
        assert_eq!(shape_checks(src, "f").0, 0, "the checks leave the loop all the same");
    }

    #[test]
    fn shape_checks_of_objects_a_loop_does_not_change_leave_the_loop() {
        let src = "function P(x, y) { this.x = x; this.y = y; }
                   function sum(o, n) { let t = 0; for (let i = 0; i < n; i++) { t += o.x * i + o.y; } return t; }
                   for (let k = 0; k < 20; k++) sum(new P(k, 1), 10);";
        let (inside, outside) = shape_checks(src, "sum");
        // Checked once on entering the loop (from the code before it and from the
        // on-stack-replacement entry), not in it.
        assert_eq!((inside, outside), (0, 2));
    }

    #[test]
    fn shape_checks_stay_in_loops_that_may_change_objects() {
        // The call (not inlined: it has a loop) may change `o`'s shape: every iteration
        // checks it after the call.
        let src = "function P(x, y) { this.x = x; this.y = y; }
                   function id(v) { for (let j = 0; j < 1; j++) {} return v; }
                   function sum(o, n) { let t = 0; for (let i = 0; i < n; i++) { t += o.x * id(i) + o.y; } return t; }
                   for (let k = 0; k < 20; k++) sum(new P(k, 1), 10);";
        let (inside, outside) = shape_checks(src, "sum");
        assert!(inside >= 1, "{inside} checks in the loop");
        assert_eq!(outside, 0);
    }
}
