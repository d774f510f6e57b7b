//! WeakMap/WeakSet ephemeron semantics, observed through the heap's live cell count: an entry
//! keeps its value alive only while its key is reachable from elsewhere.

use jolt::{Runtime, RuntimeOptions};

fn run(rt: &mut Runtime, src: &str) {
    if let Err(e) = rt.eval(src, "weakmap_gc.js") {
        panic!("script failed: {}: {}", e.name, e.message);
    }
}

fn num(rt: &mut Runtime, src: &str) -> f64 {
    match rt.eval(src, "weakmap_gc.js") {
        Ok(v) => v.as_number().unwrap_or_else(|| panic!("{src}: not a number")),
        Err(e) => panic!("{src}: {}: {}", e.name, e.message),
    }
}

/// Live cells after a collection.
fn live_after_gc(rt: &mut Runtime) -> usize {
    rt.collect_garbage();
    rt.live_cells()
}

const SETUP: &str = r#"
var holder = { key: {} };
function fill(n) { var v = []; for (var i = 0; i < n; i++) v.push({ i: i }); return v; }
"#;

#[test]
fn weakmap_value_is_collected_with_its_key() {
    let mut rt = Runtime::with_options(RuntimeOptions { host_apis: jolt::HostApis::all(), ..Default::default() });
    run(&mut rt, SETUP);
    run(&mut rt, "var wm = new WeakMap(); wm.set(holder.key, fill(1000));");
    let with_key = live_after_gc(&mut rt);
    // The value survived the collection while its key was reachable.
    assert_eq!(num(&mut rt, "wm.get(holder.key).length + wm.get(holder.key)[999].i"), 1999.0);
    run(&mut rt, "holder.key = null;");
    let without_key = live_after_gc(&mut rt);
    eprintln!("weakmap: live cells {with_key} with the key, {without_key} without");
    assert!(with_key >= without_key + 1000, "the entry's value was not collected: {with_key} -> {without_key} live cells");
    // The map still works.
    assert_eq!(num(&mut rt, "var k = {}; wm.set(k, 5); wm.get(k)"), 5.0);
}

#[test]
fn strong_map_keeps_its_value() {
    let mut rt = Runtime::with_options(RuntimeOptions { host_apis: jolt::HostApis::all(), ..Default::default() });
    run(&mut rt, SETUP);
    run(&mut rt, "var m = new Map(); m.set(holder.key, fill(1000));");
    let with_key = live_after_gc(&mut rt);
    run(&mut rt, "holder.key = null;");
    let without_key = live_after_gc(&mut rt);
    assert!(without_key + 100 > with_key, "a Map entry was collected: {with_key} -> {without_key} live cells");
    assert_eq!(num(&mut rt, "var n = 0; m.forEach(function (v) { n += v.length; }); n"), 1000.0);
}

#[test]
fn ephemeron_chains_and_cycles() {
    let mut rt = Runtime::with_options(RuntimeOptions { host_apis: jolt::HostApis::all(), ..Default::default() });
    run(&mut rt, SETUP);
    // key -> k2 -> big value: k2 is reachable only through the first entry's value, and the
    // value of a third entry refers back to its own key.
    run(
        &mut rt,
        r#"var wm = new WeakMap();
           (function () {
             var k2 = {}, k3 = {};
             wm.set(k2, fill(500));
             wm.set(holder.key, k2);
             wm.set(k3, { back: k3, payload: fill(300) });
           })();"#,
    );
    let before = live_after_gc(&mut rt);
    // The chain survived (marking reached k2 through the first entry, then its own entry).
    assert_eq!(num(&mut rt, "wm.get(wm.get(holder.key)).length"), 500.0);
    run(&mut rt, "holder.key = null;");
    let after = live_after_gc(&mut rt);
    eprintln!("chain: live cells {before} -> {after}");
    assert!(before >= after + 500, "the chain was not collected: {before} -> {after}");
    // The self-referencing entry (k3) was already gone at the first collection: its value's
    // reference to its key does not keep the key alive.
    let mut rt2 = Runtime::with_options(RuntimeOptions { host_apis: jolt::HostApis::all(), ..Default::default() });
    run(&mut rt2, SETUP);
    run(&mut rt2, "var wm = new WeakMap();");
    let base = live_after_gc(&mut rt2);
    run(&mut rt2, "(function () { var k = {}; wm.set(k, { back: k, payload: fill(300) }); })();");
    let after_cycle = live_after_gc(&mut rt2);
    assert!(after_cycle < base + 50, "a key reachable only from its own value kept the entry: {base} -> {after_cycle}");
}

#[test]
fn weakset_does_not_keep_its_values() {
    let mut rt = Runtime::with_options(RuntimeOptions { host_apis: jolt::HostApis::all(), ..Default::default() });
    run(&mut rt, SETUP);
    run(&mut rt, "var ws = new WeakSet(); var kept = fill(10); for (var i = 0; i < kept.length; i++) ws.add(kept[i]);");
    let before = live_after_gc(&mut rt);
    run(&mut rt, "(function () { var v = fill(1000); for (var i = 0; i < v.length; i++) ws.add(v[i]); })();");
    let after = live_after_gc(&mut rt);
    assert!(after < before + 100, "WeakSet kept its values: {before} -> {after}");
    assert_eq!(num(&mut rt, "var n = 0; for (var i = 0; i < kept.length; i++) if (ws.has(kept[i])) n++; n"), 10.0);
}

#[test]
fn dead_weak_collections_are_forgotten() {
    let mut rt = Runtime::with_options(RuntimeOptions { host_apis: jolt::HostApis::all(), ..Default::default() });
    run(&mut rt, SETUP);
    let base = live_after_gc(&mut rt);
    run(&mut rt, "(function () { for (var i = 0; i < 200; i++) { var w = new WeakMap(); w.set(holder.key, fill(5)); } })();");
    let after = live_after_gc(&mut rt);
    assert!(after < base + 50, "unreachable WeakMaps (or their values) survived: {base} -> {after}");
}
