//! Root marking: what the collector starts from.

use crate::runtime::Runtime;

/// Collects garbage: marks from every root, clears weak tables, sweeps.
pub fn collect(rt: &mut Runtime) {
    let start = std::time::Instant::now();
    // Their entries are not traced (see there).
    rt.megamorphic.clear();
    rt.construct_cache.clear();
    crate::api::handle::release_dropped(rt);
    let mut m = rt.heap.begin_collection();
    // The live part of the register stack.
    for v in &rt.stack[..rt.sp] {
        m.value(*v);
    }
    for r in &rt.realms {
        r.trace(&mut m);
    }
    for v in &rt.kept {
        m.value(*v);
    }
    for v in rt.persistent.iter().flatten() {
        m.value(*v);
    }
    for c in rt.jit.explained.iter().flatten() {
        m.cell(*c);
    }
    for f in &rt.jit.in_flight {
        m.cell(f.code);
    }
    for j in &rt.jobs {
        m.value(j.func);
        m.value(j.this);
        j.args.iter().for_each(|v| m.value(*v));
    }
    for t in rt.timers.values() {
        m.value(t.func);
        t.args.iter().for_each(|v| m.value(*v));
    }
    for s in &rt.well_known {
        m.cell(*s);
    }
    for s in rt.symbol_registry.values() {
        m.cell(*s);
    }
    if let Some(s) = &rt.suspended {
        s.frame.iter().for_each(|v| m.value(*v));
    }
    rt.names.trace(&mut m);
    m.cell(rt.null_root_shape);
    m.cell(rt.empty_string);
    rt.heap.drain(&mut m);
    // Ephemerons (WeakMap entries): a value is live if its key is.
    loop {
        let before = crate::builtins::mark_ephemerons(rt, &mut m);
        rt.heap.drain(&mut m);
        if !before {
            break;
        }
    }
    crate::builtins::clear_dead_weak_entries(rt);
    // The intern table is weak.
    rt.interned_retain_marked();
    rt.heap.stats.mark_time += start.elapsed();
    rt.heap.sweep();
}

impl Runtime {
    fn interned_retain_marked(&mut self) {
        self.interned_mut().retain(|_, s| s.is_marked());
    }
}
