//! Unit tests of engine internals: inline-cache state transitions, the collector, error
//! positions and stack-depth limits.

use crate::interpreter::feedback::{Feedback, NumericFeedback, NumericKind, PropertyAccess, PropertyIc};
use crate::runtime::shape::PropertyKey;
use crate::{JsErrorKind, Runtime, RuntimeOptions, Value};

/// These tests look at the interpreter's own state (IC transitions, counters).
fn rt() -> Runtime {
    Runtime::with_options(RuntimeOptions { host_apis: crate::HostApis::all(), jit: crate::jit::Tier::Off, ..Default::default() })
}

fn global(rt: &mut Runtime, name: &str) -> Value {
    let g = rt.global_object();
    let k = rt.key(name);
    rt.get_property(g, k, Value::object(g)).expect("global")
}

/// The feedback of function `f`'s sites that `pick` selects, in slot order.
fn feedback_of<T>(rt: &mut Runtime, f: &str, pick: impl Fn(&Feedback) -> Option<T>) -> Vec<T> {
    let fv = global(rt, f);
    let code = fv.as_object().and_then(|o| o.as_closure().map(|c| c.code)).expect("closure");
    code.feedback.slots.iter().filter_map(|s| pick(&s.data)).collect()
}

/// The property-IC states of a function's named-load sites, in slot order.
fn property_ics(rt: &mut Runtime, f: &str) -> Vec<PropertyIc> {
    feedback_of(rt, f, |d| match d {
        Feedback::Property(ic) => Some(ic.clone()),
        _ => None,
    })
}

/// The numeric feedback of a function's binary and compare sites, in slot order.
fn numeric_feedback(rt: &mut Runtime, f: &str) -> Vec<NumericFeedback> {
    feedback_of(rt, f, |d| match d {
        Feedback::Binary(n) | Feedback::Compare(n) => Some(*n),
        _ => None,
    })
}

#[test]
fn monomorphic_site_stays_monomorphic() {
    let mut rt = rt();
    rt.eval("function getX(o) { return o.x; } for (var i = 0; i < 100; i++) getX({ x: i, y: 2 });", "t.js").unwrap();
    let ics = property_ics(&mut rt, "getX");
    assert!(matches!(ics[0], PropertyIc::Monomorphic(_)), "{:?}", ics[0]);
    let hits = rt.stats.get_hits;
    assert!(hits >= 99, "IC hits: {hits}");
}

#[test]
fn object_literal_sites_cache_their_transitions() {
    // Each `DefineNamed` of a literal records the transition it made; the literal's next
    // objects take it. A key the object already has (a duplicate) records none. (The index
    // key is defined by another instruction.)
    let mut rt = rt();
    let src = "function mk(v) { return { a: v, b: 2, a: 3, 7: v }; }
               var s = 0; for (var i = 0; i < 50; i++) { var o = mk(i); s += o.a + o.b + o[7]; } s";
    assert_eq!(rt.eval(src, "t.js").unwrap(), Value::int(50 * 5 + (0..50).sum::<i32>()));
    let ics = property_ics(&mut rt, "mk");
    let transition =
        |ic: &PropertyIc| matches!(ic, PropertyIc::Monomorphic(e) if matches!(e.access, PropertyAccess::Transition { validity: None, .. }));
    assert!(transition(&ics[0]) && transition(&ics[1]), "{ics:?}");
    assert_eq!(ics.len(), 3, "{ics:?}");
    assert!(matches!(ics[2], PropertyIc::Uninitialized), "{ics:?}");
}

#[test]
fn arithmetic_fast_paths_record_the_numeric_lattice() {
    use NumericKind::*;
    let mut rt = rt();
    // One site per operator; each is fed int32s first, then what the comment says.
    let src = "function f(a, b) { return [a + b, a - b, a * b, a / b, a % b, a | b, a >>> b, a < b]; }
               for (var i = 1; i < 50; i++) f(i, 3);
               function g(a, b) { return [a + b, a * b, a % b, a >>> b, a < b]; }
               g(1, 2); g(2147483647, 1); g(0, -1); g(-7, 2); g(-1, 32);
               function h(a, b) { return [a + b, a * b, a | b, a < b]; }
               h(1, 2); h(1.5, 2); h('x', 2);";
    rt.eval(src, "t.js").unwrap();
    let kinds = |rt: &mut Runtime, f| numeric_feedback(rt, f).iter().map(|n| (n.kind, n.overflowed)).collect::<Vec<_>>();
    // f: int32 all along (a / b is never an int32 here: 1/3, 2/3, ... except multiples of 3).
    let fk = kinds(&mut rt, "f");
    assert_eq!(fk[0], (Int32, false));
    assert_eq!(fk[3], (Number, true), "a / b of int32s that leaves int32");
    assert!(fk.iter().enumerate().all(|(i, k)| i == 3 || *k == (Int32, false)), "{fk:?}");
    // g: + overflows, * makes -0, % of a negative stays an int32, >>> of -1 exceeds int32.
    assert_eq!(kinds(&mut rt, "g"), vec![(Number, true), (Number, true), (Int32, false), (Number, true), (Int32, false)]);
    // h: a double, then a string (the generic path joins its kind).
    let hk = kinds(&mut rt, "h");
    assert_eq!(hk, vec![(String, false); 4]);
    rt.eval("function k(a, b) { return [a + b, a * b, a | b, a < b]; } k(1, 2); k(1.5, 2);", "t.js").unwrap();
    assert_eq!(kinds(&mut rt, "k"), vec![(Number, false); 4]);
}

#[test]
fn polymorphic_then_megamorphic() {
    let mut rt = rt();
    rt.eval("function getX(o) { return o.x; } getX({x:1}); getX({a:1, x:2}); getX({b:1, x:3});", "t.js").unwrap();
    assert!(matches!(&property_ics(&mut rt, "getX")[0], PropertyIc::Polymorphic(v) if v.len() == 3));
    rt.eval("getX({c:1, x:4}); getX({d:1, x:5}); var r = getX({e:1, x:6});", "t.js").unwrap();
    assert!(matches!(property_ics(&mut rt, "getX")[0], PropertyIc::Megamorphic));
    // A megamorphic site still computes the right answer.
    assert_eq!(global(&mut rt, "r").as_int(), Some(6));
}

#[test]
fn prototype_ic_sees_shadowing_and_changes() {
    let mut rt = rt();
    let src = "function P() {} P.prototype.v = 1; function get(o) { return o.v; }
               var o = new P(); var a = get(o); var b = get(o);
               P.prototype.v = 2; var c = get(o);
               Object.defineProperty(P.prototype, 'v', { get: function () { return 3; } }); var d = get(o);
               o.v = 5; Object.defineProperty(o, 'v', { value: 4 }); var e = get(o);";
    rt.eval(src, "t.js").unwrap();
    let got: Vec<i32> = ["a", "b", "c", "d", "e"].iter().map(|n| global(&mut rt, n).as_int().unwrap()).collect();
    assert_eq!(got, vec![1, 1, 2, 3, 4]);
}

#[test]
fn store_transition_ic_builds_the_same_shape() {
    let mut rt = rt();
    rt.eval("function mk(i) { var o = {}; o.a = i; o.b = i; return o; } var p = mk(1), q = mk(2);", "t.js").unwrap();
    let (p, q) = (global(&mut rt, "p").as_object().unwrap(), global(&mut rt, "q").as_object().unwrap());
    assert_eq!(p.shape, q.shape);
    assert!(rt.stats.set_hits >= 2);
}

#[test]
fn closure_captured_objects_survive_collection() {
    let mut rt = rt();
    rt.eval("var get = (function () { var o = { v: 42 }; return function () { return o.v; }; })();", "t.js").unwrap();
    for _ in 0..3 {
        rt.collect_garbage();
    }
    let v = rt.eval("get()", "t.js").unwrap();
    assert_eq!(v.as_int(), Some(42));
}

#[test]
fn unreachable_cycles_are_freed() {
    let mut rt = rt();
    rt.collect_garbage();
    let before = rt.heap.cell_count();
    rt.eval("(function () { for (var i = 0; i < 1000; i++) { var a = {}; var b = { a: a }; a.b = b; } })();", "t.js").unwrap();
    assert!(rt.heap.cell_count() > before + 1000);
    rt.collect_garbage();
    let after = rt.heap.cell_count();
    assert!(after < before + 200, "before {before}, after {after}");
}

#[test]
fn gc_stress_keeps_program_results() {
    let mut rt = Runtime::with_options(RuntimeOptions { host_apis: crate::HostApis::all(), gc_stress: Some(1), ..Default::default() });
    let v = rt
        .eval(
            "var s = ''; var list = []; for (var i = 0; i < 200; i++) { list.push({ i: i, s: 'x' + i }); s += list[i].s; } s.length",
            "t.js",
        )
        .unwrap();
    assert_eq!(v.as_int(), Some(690));
    assert!(rt.heap.stats.collections > 100);
}

#[test]
fn syntax_error_positions() {
    let e = Runtime::compile("var a = 1;\nvar b = ;\n", "bad.js").err().unwrap();
    assert_eq!(e.kind, JsErrorKind::Syntax);
    assert_eq!(e.location.as_deref(), Some("bad.js:2:9"));
}

#[test]
fn runtime_error_positions_and_stack() {
    let mut rt = rt();
    let e = rt.eval("function f() {\n  return null.x;\n}\nf();", "e.js").unwrap_err();
    assert_eq!(e.name, "TypeError");
    assert!(e.stack.contains("at f (e.js:2:"), "{}", e.stack);
    assert!(e.stack.contains("e.js:4:"), "{}", e.stack);
}

#[test]
fn deep_recursion_is_a_range_error() {
    let mut rt = rt();
    let v = rt
        .eval(
            "function r(n) { return r(n + 1) + 1; } var m; try { r(0); } catch (e) { m = e instanceof RangeError && e.message; } m",
            "t.js",
        )
        .unwrap();
    assert_eq!(rt.to_rust_string(v).unwrap(), "Maximum call stack size exceeded");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    // Run on a small (2 MiB) thread, as cargo test does.
    let r = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(|| {
            let src = "(".repeat(100_000);
            let e = Runtime::compile(&src, "deep.js").err().expect("error");
            e.kind
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(r, JsErrorKind::Syntax);
}

#[test]
fn interrupt_terminates_and_runtime_stays_usable() {
    let mut rt = rt();
    let h = rt.interrupt_handle();
    let t = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.interrupt();
    });
    let e = rt.eval("try { for (;;) {} } finally { globalThis.ran = true; }", "loop.js").unwrap_err();
    t.join().unwrap();
    assert_eq!(e.kind, JsErrorKind::Interrupted);
    // `finally` did not run, and the runtime still works.
    assert!(rt.eval("typeof ran", "t.js").map(|v| rt.to_rust_string(v).unwrap()).unwrap() == "undefined");
    assert_eq!(rt.eval("1 + 1", "t.js").unwrap().as_int(), Some(2));
}

#[test]
fn heap_limit_terminates() {
    let mut rt =
        Runtime::with_options(RuntimeOptions { host_apis: crate::HostApis::all(), heap_limit: Some(32 << 20), ..Default::default() });
    let e = rt.eval("var a = []; for (;;) a.push({ x: [1, 2, 3] });", "oom.js").unwrap_err();
    assert_eq!(e.kind, JsErrorKind::OutOfMemory);
}

#[test]
fn heap_limit_counts_memory_cells_own() {
    // Few cells, much memory: element vectors, flat strings, buffer data and map tables are
    // counted too (they used to be forgotten at each collection, so the limit never tripped).
    for src in [
        "var a = []; for (var i = 0; i < 1e8; i++) a.push(i);",
        "var a = []; for (;;) a.push(new Array(1e6).fill(1));",
        "var a = []; for (;;) a.push('abcdefgh'.repeat(1e5));",
        "var a = []; for (;;) a.push(new ArrayBuffer(1e6));",
        "var m = new Map(); for (var i = 0; ; i++) m.set(i, i);",
    ] {
        let mut rt = Runtime::with_options(RuntimeOptions { heap_limit: Some(64 << 20), ..Default::default() });
        let e = rt.eval(src, "oom.js").unwrap_err();
        assert_eq!(e.kind, JsErrorKind::OutOfMemory, "{src}");
        assert_eq!(rt.eval("1 + 1", "t.js").unwrap().as_int(), Some(2));
    }
}

#[test]
fn property_keys_are_interned() {
    let mut rt = rt();
    let a = rt.key("hello");
    let b = rt.key("hello");
    assert_eq!(a, b);
    assert!(matches!(rt.key("12"), PropertyKey::Index(12)));
    assert!(matches!(rt.key("012"), PropertyKey::String(_)));
}

#[test]
fn megamorphic_sites_share_a_cache_that_follows_prototypes_and_collections() {
    // A megamorphic site reads through the runtime's megamorphic cache: it must see own and
    // inherited properties, prototype changes (validity cells), getters, and stay right when
    // the collector frees shapes (the cache is emptied at each collection; gc_stress collects
    // every few allocations, so addresses of freed shapes are reused).
    let src = "function P() {} P.prototype.v = 'proto';
        function get(o) { return o.v; }
        var out = [];
        for (var round = 0; round < 3; round++) {
          var objs = [];
          for (var i = 0; i < 12; i++) { var o = i % 3 ? {} : new P(); o['k' + i] = i; if (i % 4 == 0) o.v = i; objs.push(o); }
          for (var j = 0; j < 2; j++) out.push(objs.map(get).join(','));
          if (round == 1) P.prototype.v = 'changed';
          if (round == 2) Object.defineProperty(P.prototype, 'v', { get: function () { return 'g'; } });
          out.push(objs.map(get).join(','));
        }
        out.join('|')";
    let mut results = Vec::new();
    for stress in [None, Some(3)] {
        let mut rt = Runtime::with_options(RuntimeOptions {
            host_apis: crate::HostApis::all(),
            jit: crate::jit::Tier::Off,
            gc_stress: stress,
            ..Default::default()
        });
        let v = rt.eval(src, "t.js").unwrap();
        results.push(rt.to_rust_string(v).unwrap());
        assert!(matches!(property_ics(&mut rt, "get")[0], PropertyIc::Megamorphic));
    }
    assert_eq!(results[0], results[1]);
    let (p, c, g) = ("0,,,proto,4,,proto,,8,proto,,", "0,,,changed,4,,changed,,8,changed,,", "0,,,g,4,,g,,8,g,,");
    assert_eq!(results[0], [p, p, p, p, p, c, c, c, g].join("|"));
}

/// Runs `src` (with `$262`) in every tier, eagerly compiled too; returns the results.
fn eval_all_tiers_262(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (jit, jit_eager) in [(crate::jit::Tier::Off, false), (crate::jit::Tier::Baseline, true), (crate::jit::Tier::Full, true)] {
        let mut rt = Runtime::with_options(RuntimeOptions { host_apis: crate::HostApis::all(), jit, jit_eager, ..Default::default() });
        rt.install_test262_host();
        let v = rt.eval(src, "realm.js").unwrap_or_else(|e| panic!("{jit:?}: {e}"));
        out.push(v.as_string().map(|s| s.to_rust_string()).unwrap_or_default());
    }
    out
}

#[test]
fn errors_come_from_the_spec_realm() {
    // Calls into another realm run there (globals, %ThrowTypeError%, class [[Call]]); the
    // checks [[Construct]] makes after a derived constructor's body throw in the caller's realm.
    let src = r#"
        var other = $262.createRealm().global;
        other.calls = 0;
        var r = [];
        function kind(f, E) { try { f(); return 'none'; } catch (e) { return e.constructor === E ? 'here' : e.constructor === other[E.name] ? 'there' : '?'; } }
        var args = new other.Function('"use strict"; return arguments;')();
        var tte = Object.getOwnPropertyDescriptor(args, 'callee').get;
        r.push(kind(tte, TypeError), tte !== Object.getOwnPropertyDescriptor(function () { 'use strict'; return arguments; }(), 'callee').get);
        var C = other.eval('(class {})');
        r.push(kind(function () { C(); }, TypeError));
        var D = other.eval('(class extends Object { constructor() {} })');
        r.push(kind(function () { new D(); }, ReferenceError));
        var E = other.eval('(class extends Object { constructor() { return null; } })');
        r.push(kind(function () { new E(); }, TypeError));
        var f = new other.Function('calls += 1; return [];');
        for (var i = 0; i < 3; i++) f();
        r.push(other.calls, f() instanceof other.Array, kind(function () { new other.Function('undefinedName')(); }, ReferenceError));
        r.join();
    "#;
    for r in eval_all_tiers_262(src) {
        assert_eq!(r, "there,true,there,here,here,3,true,there");
    }
}

#[test]
fn polymorphic_call_sites_call_other_realms_closures_in_their_realm() {
    // Compiled code calls a closure a polymorphic site meets through the closure's own mirror
    // only from the closure's realm: a sloppy callee of another realm gets that realm's global.
    let src = r#"
        var other = $262.createRealm().global;
        var fs = [new other.Function('return this === globalThis'), Function('return this === globalThis'),
                  new other.Function('return typeof other'), function () { return typeof other; }];
        function call(f) { return f(); }
        var r = [];
        for (var i = 0; i < 2000; i++) r.push(String(call(fs[i % 4])));
        r.slice(-4).join();
    "#;
    for r in eval_all_tiers_262(src) {
        assert_eq!(r, "true,true,undefined,object");
    }
}

#[test]
fn spread_eval_is_direct() {
    // (Not a corpus test: node 20 treats `eval(...args)` as an indirect eval.)
    let src = r#"
        var x = "global", out = [];
        (function () {
            var x = "local";
            out.push(eval(...["x + '!'", "ignored"]), eval(...[]), eval(...[], "x"), eval(...["x"], ...[1, 2]));
            eval(...["x = 'changed'"]);
            out.push(x);
            var n = 0, it = {};
            it[Symbol.iterator] = function () {
                return { next: function () { n++; return n < 3 ? { done: false, value: "x += " + n } : { done: true }; } };
            };
            eval(...it);
            out.push(x, n);
        })();
        out.push(x);
        (function () {
            var eval = function () { return Array.prototype.join.call(arguments, "|"); };
            out.push(eval(...["a", "b"], "c"));
        })();
        (function () {
            "use strict";
            var y = 1;
            eval(...["var y = 2; var z = 3"]);
            out.push(y, typeof z);
        })();
        var indirect = eval;
        (function () {
            var x = "inner";
            out.push(indirect(...["x"]));
        })();
        out.join();
    "#;
    for r in eval_all_tiers_262(src) {
        assert_eq!(r, "local!,,local,local,changed,changed1,3,global,a|b|c,1,undefined,global");
    }
}

#[test]
fn super_reference_base_before_key_conversion() {
    // (Not a corpus test: node 20 converts the key first, and twice.) A `super[k]` compound
    // assignment or update takes GetSuperBase before ToPropertyKey(k), once, and writes to
    // that same base with that same key.
    let src = r#"
        var log = [], proto = { p: 1 }, proto2 = { p: -1, set p(v) { log.push('proto2 set'); } };
        var obj = { __proto__: proto,
            compound(k) { return super[k] += 1; },
            update(k) { return super[k]++; },
            logical(k) { return super[k] &&= 7; } };
        var key = { toString() { log.push('toString'); Object.setPrototypeOf(obj, proto2); return 'p'; } };
        var r = [];
        for (var m of ['compound', 'update', 'logical']) {
            Object.setPrototypeOf(obj, proto);
            delete obj.p;
            r.push(obj[m](key), obj.p, Object.getPrototypeOf(obj) === proto2);
        }
        r.push(log.join(' '));
        r.join();
    "#;
    for r in eval_all_tiers_262(src) {
        assert_eq!(r, "2,2,true,1,2,true,7,7,true,toString toString toString");
    }
}

#[test]
fn operations_outside_native_calls_release_kept_values() {
    // `Runtime::keep` roots values until the current native call returns; bytecode operations
    // (run by the interpreter or by compiled code through the runtime) and calls that start
    // async functions are not native calls, so they must release what they keep themselves,
    // on every path. Otherwise each run leaks into the root set for good: the heap grows and
    // every collection gets slower. Run each case many times in every tier: afterwards nothing
    // may stay kept, and the heap must be back to (about) its size before.
    let cases = [
        // ArraySpread: spread arguments and spread elements.
        "function f(a) { return a; } const arr = [1]; let s = 0; for (let i = 0; i < N; i++) s += f(...arr);",
        "for (let i = 0; i < N; i++) [...[i]];",
        "for (let i = 0; i < N; i++) Math.max(...[i]);",
        "const it = { [Symbol.iterator]() { return { next() { throw 1; } }; } }; for (let i = 0; i < N; i++) try { [...it]; } catch {}",
        // CopyDataProperties: object spread and object rest, also when a getter throws.
        "for (let i = 0; i < N; i++) ({ ...{ a: i } });",
        "for (let i = 0; i < N; i++) { const { a, ...r } = { a: 1, b: i }; }",
        "for (let i = 0; i < N; i++) { const k = 'k' + (i % 4); const { [k]: a, ...r } = { [k]: 1, b: i }; }",
        "const o = { get a() { throw 1; } }; for (let i = 0; i < N; i++) try { ({ ...o }); } catch {}",
        // CreateRegExp.
        "for (let i = 0; i < N; i++) /a+/g;",
        // IteratorCloseQuiet: leaving a for-of by a throw.
        "for (let i = 0; i < N; i++) try { for (const x of [i]) throw x; } catch {}",
        // Starting an async function.
        "async function af(x) { return x; } for (let i = 0; i < N; i++) af(i);",
    ];
    let mut leaks = Vec::new();
    for (jit, jit_eager) in [(crate::jit::Tier::Off, false), (crate::jit::Tier::Baseline, true), (crate::jit::Tier::Full, true)] {
        for case in cases {
            let src = format!("(function () {{ const N = 2000; {case} }})();");
            let mut rt = Runtime::with_options(RuntimeOptions { host_apis: crate::HostApis::all(), jit, jit_eager, ..Default::default() });
            rt.collect_garbage();
            let (kept, cells) = (rt.kept.len(), rt.heap.cell_count());
            rt.eval(&src, "t.js").unwrap_or_else(|e| panic!("{jit:?} {case}: {e}"));
            rt.collect_garbage();
            let (kept_after, cells_after) = (rt.kept.len(), rt.heap.cell_count());
            if kept_after != kept || cells_after > cells + 500 {
                leaks.push(format!("{jit:?} `{case}`: kept {kept} -> {kept_after}, live cells {cells} -> {cells_after}"));
            }
        }
    }
    assert!(leaks.is_empty(), "values stay kept:\n{}", leaks.join("\n"));
}
