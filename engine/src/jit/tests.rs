//! Tests of the JIT tiers' own mechanics: tier-up and on-stack replacement, exceptions and
//! frames crossing tiers, termination and stack limits in compiled code. (The whole corpus
//! also runs compiled: `tests/corpus.rs`.)

use super::Tier;
use crate::{JsErrorKind, Runtime, RuntimeOptions};

/// The baseline tier, compiling eagerly or after two calls (synchronously, so the tests know
/// when code tiers up).
fn baseline(eager: bool) -> Runtime {
    Runtime::with_options(RuntimeOptions {
        host_apis: crate::HostApis::all(),
        jit: Tier::Baseline,
        jit_eager: eager,
        jit_threshold: Some(2),
        concurrent_jit: false,
        ..Default::default()
    })
}

fn eval_string(rt: &mut Runtime, src: &str) -> String {
    let v = rt.eval(src, "t.js").unwrap_or_else(|e| panic!("{e}"));
    rt.to_rust_string(v).unwrap()
}

/// Every tier, optimizing after `opt_threshold` calls, with every `deopt_every`th guard
/// failing; compiles are synchronous, so the tests know when code tiers up.
fn full(opt_threshold: u32, deopt_every: Option<u32>) -> Runtime {
    Runtime::with_options(RuntimeOptions { concurrent_jit: false, ..full_options(opt_threshold, deopt_every) })
}

/// The options of [`full`], with the default concurrent compiles.
fn full_options(opt_threshold: u32, deopt_every: Option<u32>) -> RuntimeOptions {
    RuntimeOptions { jit: Tier::Full, jit_threshold: Some(2), opt_threshold: Some(opt_threshold), deopt_every, ..Default::default() }
}

/// The same program in the interpreter and in every compiled configuration.
/// Deoptimizations for failed guards: all but those at calls not run before the compile (the
/// script's own calls after a loop entered by OSR, say).
fn guard_deopts(s: &super::JitStats) -> u64 {
    s.deopts - s.deopt_reasons[super::DeoptReason::Unreached as usize]
}

fn same_in_every_tier(src: &str) -> String {
    let mut interp = Runtime::with_options(RuntimeOptions { host_apis: crate::HostApis::all(), jit: Tier::Off, ..Default::default() });
    let expected = eval_string(&mut interp, src);
    for eager in [false, true] {
        let mut rt = baseline(eager);
        assert_eq!(eval_string(&mut rt, src), expected, "eager={eager}");
    }
    for (threshold, every) in [(2, None), (10, None), (2, Some(1)), (2, Some(5))] {
        let mut rt = full(threshold, every);
        assert_eq!(eval_string(&mut rt, src), expected, "full, opt-threshold={threshold}, deopt-every={every:?}");
    }
    // Optimized code installed whenever the background thread finishes it.
    let mut rt = Runtime::with_options(full_options(2, Some(5)));
    assert_eq!(eval_string(&mut rt, src), expected, "full, concurrent compiles");
    expected
}

/// `src`'s result, the same in every tier ([`same_in_every_tier`]), and the JIT statistics of
/// one more run in the full tier (optimizing after two calls), which gives it too.
fn same_in_every_tier_with_stats(src: &str) -> (String, super::JitStats) {
    let out = same_in_every_tier(src);
    let mut rt = full(2, None);
    assert_eq!(eval_string(&mut rt, src), out);
    (out, rt.jit.stats.clone())
}

#[test]
fn hot_functions_tier_up_and_loops_enter_compiled_code() {
    let mut rt = baseline(false);
    let src = "function add(a, b) { return a + b; }
               function run() { let s = 0; for (let i = 0; i < 5000; i++) s = add(s, i); return s; }
               String(run())";
    assert_eq!(eval_string(&mut rt, src), "12497500");
    // `add` tiered up by calls; `run` (called once) by its loop, entered mid-loop.
    assert!(rt.jit.stats.compiled >= 2, "{:?}", rt.jit.stats);
    assert!(rt.jit.stats.osr_entries >= 1, "{:?}", rt.jit.stats);
}

#[test]
fn top_level_loops_enter_compiled_code() {
    let mut rt = baseline(false);
    assert_eq!(eval_string(&mut rt, "var t = 0; for (var i = 0; i < 10000; i++) t += i % 7; String(t)"), "29994");
    assert!(rt.jit.stats.osr_entries >= 1, "{:?}", rt.jit.stats);
}

#[test]
fn generators_stay_in_the_interpreter() {
    let mut rt = baseline(true);
    assert_eq!(eval_string(&mut rt, "function* g() { yield 1; yield 2; } String([...g()])"), "1,2");
    assert!(rt.jit.stats.not_compiled >= 1, "{:?}", rt.jit.stats);
}

#[test]
fn exceptions_cross_tiers_both_ways() {
    // Throws from compiled code caught by interpreted code and the reverse; handlers in
    // compiled frames; finally blocks; a rethrow through several compiled frames.
    let out = same_in_every_tier(
        "function thrower(x) { if (x % 3 === 0) throw new RangeError('r' + x); return x; }
         function middle(x) { try { return thrower(x); } finally { globalThis.f = (globalThis.f | 0) + 1; } }
         function outer(n) { let log = []; for (let i = 0; i < n; i++) { try { log.push(middle(i)); } catch (e) { log.push(e.message); } } return log; }
         function* gen() { yield outer(4); }
         const fromGen = [...gen()][0];
         let nested; try { (function a() { (function b() { (function c() { null.x; })(); })(); })(); } catch (e) { nested = e.constructor.name; }
         [outer(7).join(), fromGen.join(), globalThis.f, nested].join('|')",
    );
    assert_eq!(out, "r0,1,2,r3,4,5,r6|r0,1,2,r3|11|TypeError");
}

#[test]
fn getters_setters_and_constructors_in_compiled_code() {
    let out = same_in_every_tier(
        "class P { constructor(x) { this.x = x; } get double() { return this.x * 2; } set double(v) { this.x = v / 2; } }
         class Q extends P { constructor(x) { super(x + 1); } }
         function use(o) { const d = o.double; o.double = 10; return d + ':' + o.x; }
         let r = []; for (let i = 0; i < 5; i++) r.push(use(i % 2 ? new P(i) : new Q(i)));
         function F() { if (!new.target) return 'call'; this.v = 1; }
         r.push(F(), new F().v, typeof new F());
         r.join()",
    );
    assert_eq!(out, "2:5,2:5,6:5,6:5,10:5,call,1,object");
}

#[test]
fn interrupt_stops_a_compiled_loop() {
    let mut rt = baseline(true);
    let h = rt.interrupt_handle();
    let t = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.interrupt();
    });
    let e =
        rt.eval("function spin() { let i = 0; try { for (;;) i++; } finally { globalThis.ran = true; } } spin()", "spin.js").unwrap_err();
    t.join().unwrap();
    assert_eq!(e.kind, JsErrorKind::Interrupted);
    assert!(rt.jit.stats.compiled >= 1);
    assert_eq!(eval_string(&mut rt, "typeof ran"), "undefined");
    assert_eq!(eval_string(&mut rt, "String(1 + 1)"), "2");
}

#[test]
fn deep_recursion_in_compiled_code_is_a_range_error() {
    let out = same_in_every_tier(
        "function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
         function inf() { return inf() + 1; }
         let caught; try { inf(); } catch (e) { caught = e instanceof RangeError; }
         depth(20000) + ':' + caught",
    );
    assert_eq!(out, "20000:true");
}

#[test]
fn heap_limit_stops_compiled_code() {
    let mut rt = Runtime::with_options(RuntimeOptions {
        host_apis: crate::HostApis::all(),
        jit: Tier::Baseline,
        jit_eager: true,
        heap_limit: Some(32 << 20),
        ..Default::default()
    });
    let e = rt.eval("function fill() { var a = []; for (;;) a.push({ x: [1, 2, 3] }); } fill()", "oom.js").unwrap_err();
    assert_eq!(e.kind, JsErrorKind::OutOfMemory);
    assert_eq!(eval_string(&mut rt, "String(2 + 2)"), "4");
}

#[test]
fn collections_while_compiled_frames_are_live() {
    // Every allocation requests a collection; values live only in compiled frames'
    // registers and accumulators must survive.
    let src = "function mk(i) { return { i, next: null, s: 'v' + i }; }
               function chain(n) { let head = null; for (let i = 0; i < n; i++) { const o = mk(i); o.next = head; head = o; } return head; }
               function sum(h) { let t = 0; while (h) { t += h.i + h.s.length; h = h.next; } return t; }
               String(sum(chain(300)))";
    let mut rt = Runtime::with_options(RuntimeOptions {
        host_apis: crate::HostApis::all(),
        jit: Tier::Baseline,
        jit_eager: true,
        gc_stress: Some(1),
        ..Default::default()
    });
    let mut interp = Runtime::with_options(RuntimeOptions {
        host_apis: crate::HostApis::all(),
        jit: Tier::Off,
        gc_stress: Some(1),
        ..Default::default()
    });
    assert_eq!(eval_string(&mut rt, src), eval_string(&mut interp, src));
}

#[test]
fn contexts_pushed_by_compiled_code_chain_and_survive_collections() {
    // Compiled `PushContext` is a runtime call (optimized code writes no registers for it):
    // each context must chain to the frame's, per call and per loop iteration, and what the
    // closures keep must survive collections at every allocation.
    let src = "function outer(k) {
                 let base = k * 2;
                 function mk(i) { const j = i + base; return () => j + i + k; }
                 const fs = [];
                 for (let i = 0; i < 60; i++) { let c = i; fs.push(mk(i)); fs.push(() => c - base); }
                 let s = 0;
                 for (const f of fs) s += f();
                 return s;
               }
               let t = 0; for (let k = 0; k < 40; k++) t += outer(k); String(t)";
    // (259200 is node's answer.)
    assert_eq!(same_in_every_tier(src), "259200");
    let mut rt = Runtime::with_options(RuntimeOptions { gc_stress: Some(1), concurrent_jit: false, ..full_options(2, None) });
    assert_eq!(eval_string(&mut rt, src), "259200");
    assert!(rt.jit.stats.optimized >= 1, "{:?}", rt.jit.stats);
}

#[test]
fn a_shape_known_on_every_path_is_not_checked_again() {
    // Both arms of the first `if` check `o`'s shape, so loads after the join need no check of
    // their own; a path through `g`, which turns `o.y` into an accessor late in the run (on
    // either side of a branch), leaves the shape unknown after its join, and the loads there
    // must see the accessor.
    let src = "function P(x, y) { this.x = x; this.y = y; }
               function g(o, n) { if (n === 7) { Object.defineProperty(o, \"y\", { get() { return -1; } }); } return n; }
               for (let i = 0; i < 5; i++) g({ y: 0 }, 7);
               function f(o, c, k) {
                 let a;
                 if (c) { a = o.x; } else { a = o.y; }
                 if (k > 0) g(o, k);
                 let b = o.x + o.y;
                 if (k < 0) { b += o.y; } else { g(o, -k); }
                 return a + b + o.y;
               }
               let t = 0;
               for (let i = 0; i < 3000; i++) {
                 const o = new P(i, 2 * i);
                 t += f(o, i % 2 === 0, i < 2000 ? (i % 3) - 1 : i % 101 === 0 ? 7 : i % 103 === 0 ? -7 : 0);
               }
               String(t)";
    // (30525136 is node's answer.)
    assert_eq!(same_in_every_tier(src), "30525136");
}

#[test]
fn inline_property_caches_follow_the_ic() {
    // Compiled loads and stores read the IC's current entry: they see a prototype property
    // change (validity cell), accessors replacing data properties, receivers of other shapes,
    // megamorphic sites, and frozen objects rejecting stores.
    let src = "'use strict';
         function P(x) { this.x = x; }
         P.prototype.k = 1;
         function getX(o) { return o.x; }
         function getK(o) { return o.k; }
         function setX(o, v) { o.x = v; return o.x; }
         const log = [];
         const p = new P(5);
         for (let i = 0; i < 50; i++) { getX(p); getK(p); setX(p, i); }
         log.push(getX(p), getK(p));
         P.prototype.k = 2;
         log.push(getK(p));
         Object.defineProperty(P.prototype, 'k', { get() { return 'g' + this.x; }, configurable: true });
         log.push(getK(p));
         log.push(getX({ y: 1, x: 'other shape' }));
         for (const o of [{ a: 1, x: 1 }, { b: 1, x: 2 }, { c: 1, x: 3 }, { d: 1, x: 4 }, { e: 1, x: 5 }, { x: 6 }]) log.push(getX(o), setX(o, 7));
         const frozen = Object.freeze(new P(9));
         try { setX(frozen, 10); } catch (e) { log.push(e.constructor.name); }
         log.push(getX(frozen), setX(p, 'last'), getK(p));
         log.join()";
    assert_eq!(same_in_every_tier(src), "49,1,2,g49,other shape,1,7,2,7,3,7,4,7,5,7,6,7,TypeError,9,last,glast");
}

#[test]
fn construct_from_compiled_code() {
    // `new` of compiled constructors from compiled code: returned objects and primitives, a
    // `prototype` that is not an object (the realm's %Object.prototype%), constructors that
    // throw, non-constructors, deep recursion of `new` ending in a RangeError.
    let src = "function P(x) { this.x = x; }
         function R(x) { this.x = x; return x > 2 ? { r: x } : 7; }
         function T(x) { if (x === 3) throw new Error('t' + x); this.x = x; }
         function N() { this.p = Object.getPrototypeOf(this) === Object.prototype; }
         N.prototype = 5;
         const arrow = () => 1;
         function Deep(n) { this.c = n ? new Deep(n - 1).c + 1 : 0; }
         function make(i) {
           const out = [new P(i).x, JSON.stringify(new R(i)), new N().p];
           try { out.push(new T(i).x); } catch (e) { out.push(e.message); }
           try { new arrow(); } catch (e) { out.push(e.constructor.name); }
           return out.join('/');
         }
         const log = [];
         for (let i = 0; i < 5; i++) log.push(make(i));
         log.push(new Deep(500).c);
         try { new Deep(1e6); } catch (e) { log.push(e.constructor.name); }
         log.join()";
    assert_eq!(
        same_in_every_tier(src),
        "0/{\"x\":0}/true/0/TypeError,1/{\"x\":1}/true/1/TypeError,2/{\"x\":2}/true/2/TypeError,3/{\"r\":3}/true/t3/TypeError,\
         4/{\"r\":4}/true/4/TypeError,500,RangeError"
    );
}

// ----- The optimizing tier -----

#[test]
fn each_kind_of_guard_deoptimizes_to_the_interpreters_result() {
    // Every function is optimized on int/shape feedback, then called with what breaks it.
    let src = "function add(a, b) { return a + b; }
               function mul(a, b) { return a * b; }
               function band(a, b) { return a & b; }
               function shr(a, b) { return a >>> b; }
               function lt(a, b) { return a < b; }
               function fadd(a, b) { return a + b; }
               function getX(o) { return o.x; }
               function setX(o, v) { o.x = v; }
               function inherited(o) { return o.m; }
               function P() { this.x = 1; }
               function oob(a, i) { return a[i]; }
               function hole(a, i) { return a[i]; }
               function store(a, i, v) { a[i] = v; }
               function len(a) { return a.length; }
               function inc(x) { return x + 1; }
               function dbl(x) { return x * 2; }
               function callIt(f, x) { return f(x); }
               function addY(o) { o.y = 1; }
               function inhCall(o, f) { const a = o.m; f(); return a + o.m; }
               function has(m, k) { return m.has(k); }
               const map = new Map([[1, 1]]);
               const noop1 = () => 0, noop2 = () => 0;
               P.prototype.m = 5;
               const p = new P();
               const arr = [10, 20, 30, 40];
               for (let i = 0; i < 50; i++) { fadd(i + 0.5, 1); add(i, 1); mul(i, 2); band(i, 3); shr(i, 1); lt(i, 3); getX(p); setX(p, i); inherited(p);
                                              oob(arr, i & 3); hole(arr, i & 3); store(arr, i & 3, i); len(arr); callIt(inc, i);
                                              addY(new P()); inhCall(p, i & 1 ? noop1 : noop2); has(map, i); }
               const holey = [1, , 3];
               Object.setPrototypeOf(holey, { 1: 'p' });
               const ta = new Int8Array(2);
               store(ta, 1, 7);
               const r = [add(2147483647, 1), add(1.5, 1), add('a', 1), mul(-1, 0), mul(65536, 65536), band(1.5, 3), shr(-1, 0),
                          lt(0.5, 1), lt('a', 'b'), getX(7), getX({ y: 1, x: 2 }), inherited(p), fadd('x', 1),
                          inhCall(p, () => { P.prototype.m = 7; P.prototype.m2 = 1; })];
               Object.defineProperty(P.prototype, 'y', { set(v) { this.yy = v; }, configurable: true });
               const n = new P(); addY(n); r.push(n.yy, n.y);
               P.prototype.m = 6;
               P.prototype.other = 1;
               r.push(inherited(p));
               const q = { x: 0 }; setX(q, 3); r.push(q.x);
               try { getX(null); } catch (e) { r.push(e.constructor.name); }
               try { has(Object.create(Map.prototype), 1); } catch (e) { r.push(e.constructor.name); }
               r.push(oob(arr, 4), hole(holey, 1), ta[1], arr.join('/'), len('str'), callIt(dbl, 4));
               r.map(v => Object.is(v, -0) ? '-0' : String(v)).join()";
    let out = same_in_every_tier(src);
    assert_eq!(out, "2147483648,2.5,a1,-0,4294967296,1,4294967295,true,true,undefined,2,5,x1,12,1,undefined,6,3,TypeError,TypeError,undefined,p,7,48/49/46/47,3,8");
    let mut rt = full(2, None);
    eval_string(&mut rt, src);
    let s = &rt.jit.stats;
    assert!(s.optimized >= 9, "{s:?}");
    // Every kind of guard failed at least once (a call not run before the compile is not a
    // guard: see `a_call_not_run_before_the_compile_deoptimizes_and_the_recompile_inlines_it`).
    let unreached = super::DeoptReason::Unreached as usize;
    assert!(s.deopt_reasons.iter().enumerate().all(|(k, &n)| n > 0 || k == unreached), "{s:?}");
}

#[test]
fn a_prototype_change_invalidates_optimized_code_on_the_stack() {
    // Optimized code loads `o.m` (inherited) without checking the chain: each function below
    // is optimized, then changes the chain while running (by a call, inside a `for-of` step,
    // in a call that throws into a handler), and must leave its code right after that.
    let src = "class A { m() { return 1; } }
               class B extends A {}
               let flip = -1;
               function poke(i) { if (i === flip) B.prototype.m = function () { return 100; }; }
               function hot(o, n) {
                 let s = 0;
                 for (let i = 0; i < n; i++) { s += o.m(); poke(i); }
                 return s;
               }
               const b = new B();
               for (let k = 0; k < 300; k++) hot(b, 50);
               flip = 20;
               const r = [hot(b, 50), hot(b, 50)];
               class C { v() { return 2; } }
               class D extends C {}
               let armed = false;
               function* gen(n) { for (let i = 0; i < n; i++) { if (i === 7 && armed) D.prototype.v = () => 3; yield i; } }
               function sumOf(o, n) { let s = 0; for (const x of gen(n)) s += o.v() * x; return s; }
               const d = new D();
               for (let k = 0; k < 300; k++) sumOf(d, 10);
               armed = true;
               r.push(sumOf(d, 10));
               class E { w() { return 5; } }
               class F extends E {}
               let arm2 = false;
               function bad() { if (arm2) { F.prototype.w = () => 6; throw 1; } }
               function tryIt(o) { let s = o.w(); try { bad(); } catch (e) { s += o.w(); } return s; }
               const f = new F();
               for (let k = 0; k < 300; k++) tryIt(f);
               arm2 = true;
               r.push(tryIt(f), tryIt(f));
               r.join()";
    let (out, s) = same_in_every_tier_with_stats(src);
    assert_eq!(out, "2921,5000,114,11,12");
    assert!(s.invalidations >= 3, "{s:?}");
    assert!(s.deopt_reasons[super::DeoptReason::Invalidated as usize] >= 3, "{s:?}");
}

#[test]
fn a_guard_failing_in_an_inlined_call_resumes_in_its_rebuilt_frames() {
    // `outer` inlines `middle`, which inlines `inner`; `inner`'s shape guard then fails two
    // inlined frames deep, and the interpreter must finish `inner`, `middle` and `outer` from
    // frames rebuilt from the guard's state (`k` and `t` live only in machine registers).
    let src = "function inner(o) { return o.v * 2; }
               function middle(o, k) { const t = inner(o) + k; return t - 1; }
               function outer(o, k) { const r = middle(o, k); return r * 10 + k; }
               let s = 0;
               for (let i = 0; i < 300; i++) s += outer({ v: i }, 1);
               const r = [s, outer({ w: 0, v: 5 }, 2), outer({ v: 0.5 }, 3), outer({ v: 'x' }, 4)];
               try { outer(null, 1); } catch (e) { r.push(e.constructor.name); }
               r.push(outer({ v: 7 }, 1));
               r.join()";
    let (out, s) = same_in_every_tier_with_stats(src);
    assert_eq!(out, "897300,112,33,NaN,TypeError,141");
    assert!(s.inlined_calls >= 2, "{s:?}");
    assert!(s.inlined_deopts >= 1, "{s:?}");
}

#[test]
fn an_inlined_callee_makes_calls_from_its_written_frame() {
    // `middle` is inlined into `outer` and calls `leaf` from its inlined frame, which is then
    // written like a pushed one: an exception from `leaf` reaches `outer`'s handler, the stack
    // trace names `middle`, and `leaf` changing a prototype that `middle`'s inlined code
    // assumed deoptimizes it, in its rebuilt frame, right after the call.
    let src = "class P {} P.prototype.k = 1; class C extends P {}
               let armed = false;
               function leaf(x, o) {
                 if (x === 250 && !armed) { armed = true; C.prototype.k = 5; }
                 if (x % 100 === 99) throw new RangeError('at ' + x);
                 return x;
               }
               function where() { return new Error('w').stack.split('\\n')[2].trim().split(' ')[1]; }
               function middle(x, o) { const a = o.k; const y = leaf(x, o) + a; return y + o.k; }
               function named(x) { return where(); }
               function outer(n) {
                 const o = new C(); let s = 0, caught = 0;
                 for (let i = 0; i < n; i++) { try { s += middle(i, o); } catch (e) { caught++; } }
                 return s + '/' + caught;
               }
               function runNamed() { let w = ''; for (let i = 0; i < 50; i++) w = named(i); return w; }
               [outer(300), outer(300), runNamed(), runNamed()].join()";
    let (out, s) = same_in_every_tier_with_stats(src);
    assert_eq!(out, "45235/3,47223/3,named,named");
    assert!(s.inlined_calls >= 2, "{s:?}");
    assert!(s.deopt_reasons[super::DeoptReason::Invalidated as usize] >= 1, "{s:?}");
}

#[test]
fn an_inlined_callee_runs_unspeculated_instructions_in_its_frame() {
    // `callIt` calls many closures (through the direct-call stub, from its frame), `has` runs
    // `in`, `wrap` makes an array and `later` a closure, by the interpreter's code in their
    // frames written for them; `thrower`'s throw leaves through `run`'s handler.
    let src = "function has(o) { return 'x' in o; }
               function callIt(f, x) { return f(x); }
               function thrower(x) { if (x === 150) throw x; return x; }
               function wrap(x) { return [x]; }
               function later(x) { return () => 7; }
               const fs = [(x) => x + 1, (x) => x * 2, (x) => 's' + x];
               function run(list) {
                 let s = 0, r = '', caught = 0;
                 for (let i = 0; i < list.length; i++) {
                   if (has(list[i])) s += wrap(i)[0] + later(i)();
                   r = callIt(fs[i % 3], i);
                   try { thrower(i); } catch (e) { caught = e; }
                 }
                 return [s, r, caught].join('/');
               }
               const list = [];
               for (let i = 0; i < 300; i++) list.push(i % 3 ? { x: i } : { y: i });
               [run(list), run(list)].join()";
    let (out, s) = same_in_every_tier_with_stats(src);
    assert_eq!(out, "31400/s299/150,31400/s299/150");
    assert!(s.inlined_calls >= 5, "{s:?}");
}

#[test]
fn a_recursive_function_is_inlined_into_itself_once() {
    // Each compiled call of `fib` runs two levels of the recursion; the inlined copy's own
    // calls are calls. Deep recursion through the inlined frames still overflows cleanly.
    let src = "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
               function down(n) { return n === 0 ? 0 : 1 + down(n - 1); }
               let r = [fib(20), down(500)];
               try { down(1e7); r.push('no overflow'); } catch (e) { r.push(e.constructor.name); }
               r.push(fib(15));
               r.join()";
    let (out, s) = same_in_every_tier_with_stats(src);
    assert_eq!(out, "6765,500,RangeError,610");
    assert!(s.inlined_calls >= 2, "{s:?}");
}

#[test]
fn a_class_constructor_without_fields_is_inlined_into_new() {
    // `RunClassFields` of a class without instance fields does nothing, so `new P(...)` inlines
    // like `new` of a plain function; a class with fields still runs its initialiser, and a
    // guard failing inside the inlined constructor resumes in its rebuilt frame.
    let src = "class P { constructor(x, y) { this.x = x; this.y = y; } }
               class F { z = 3; constructor(x) { this.x = x; } }
               function make(i) { return new P(i, i + 1); }
               function makeF(i) { return new F(i); }
               let s = 0;
               for (let i = 0; i < 300; i++) { const p = make(i); const f = makeF(i); s += p.x + p.y + f.x + f.z; }
               const q = make('a');
               const r = [s, q.x + q.y, Object.keys(q).join('/'), Object.keys(makeF(1)).join('/')];
               r.join()";
    let (out, s) = same_in_every_tier_with_stats(src);
    assert_eq!(out, "135750,aa1,x/y,z/x");
    assert!(s.inlined_calls >= 1, "{s:?}");
}

#[test]
fn a_function_returning_an_object_literal_is_inlined() {
    // `CreateObject` and the literal's cached transitions translate natively, so a factory
    // inlines; the objects it makes are ordinary (a key deleted and added again moves to the
    // end, other values take the same transitions).
    let src = "function pt(x, y) { return { x: x, y: y }; }
               function run(n) { let s = 0; for (let i = 0; i < n; i++) { const p = pt(i, 2); s += p.x * p.y; } return s; }
               const r = [run(300), run(5)];
               const q = pt(1, 2); delete q.x; q.x = 9;
               r.push(Object.keys(q).join('/'), JSON.stringify(pt('a', null)));
               r.join()";
    let (out, s) = same_in_every_tier_with_stats(src);
    assert_eq!(out, "89700,20,y/x,{\"x\":\"a\",\"y\":null}");
    assert!(s.inlined_calls >= 1, "{s:?}");
}

#[test]
fn inlined_calls_charge_fuel_like_calls() {
    // The fuel a program burns is the same whichever tier runs it, inlined calls included.
    let src = "function f(x) { return x + 1; } let s = 0; for (let i = 0; i < 3000; i++) s = f(s); s";
    let fuel_left = |jit: Tier| {
        let mut rt = Runtime::with_options(RuntimeOptions {
            jit,
            jit_threshold: Some(2),
            opt_threshold: Some(2),
            fuel: Some(1_000_000),
            ..Default::default()
        });
        assert_eq!(eval_string(&mut rt, src), "3000");
        rt.poll.fuel_left()
    };
    assert_eq!(fuel_left(Tier::Full), fuel_left(Tier::Off));
}

#[test]
fn a_failed_shape_guard_widens_to_the_shapes_seen_until_megamorphic() {
    let mut rt = full(2, None);
    let src = "function f(a) { return a.v + 1; }
               let t = 0;
               for (let k = 0; k < 40; k++) { const o = {}; o['p' + k] = k; o.v = k; for (let i = 0; i < 5; i++) t += f(o); }
               String(t)";
    assert_eq!(eval_string(&mut rt, src), "4100");
    // Each new shape breaks `f`'s shape guard while the load's IC can still hold it (the
    // recompile guards on every shape seen); past that the load stays generic.
    let max = crate::interpreter::feedback::MAX_POLYMORPHISM as u64;
    assert_eq!(guard_deopts(&rt.jit.stats), max, "{:?}", rt.jit.stats);
    assert_eq!(rt.jit.stats.deopt_reasons[super::DeoptReason::ShapeMismatch as usize], max);
    assert!(rt.jit.stats.optimized as u64 > max, "{:?}", rt.jit.stats);
}

#[test]
fn megamorphic_loads_from_compiled_code_hit_the_shared_cache() {
    // `f`'s load sees eight shapes, too many for its inline cache: compiled code's fallback
    // finds the property in the runtime's megamorphic cache instead of running the
    // instruction's generic path (which counts a miss), in both tiers.
    let src = "function f(o) { return o.k; }
               const shapes = [];
               for (let i = 0; i < 8; i++) { const o = { k: i }; o['p' + i] = 0; shapes.push(o); }
               let t = 0;
               for (let i = 0; i < 8000; i++) t += f(shapes[i % 8]);
               String(t)";
    for mut rt in [baseline(true), full(2, None)] {
        assert_eq!(eval_string(&mut rt, src), "28000");
        assert!(rt.stats.get_misses < 200, "loads through the generic path: {:?}", rt.stats);
    }
}

#[test]
fn a_monomorphic_guess_that_fails_becomes_a_polymorphic_one() {
    // `f` is optimized on objects of one shape; the second shape fails its guard once, and the
    // recompile guards on both: the loads no longer reach the runtime.
    let mut rt = full(2, None);
    let src = "function f(a) { return a.v + 1; }
               const x = { v: 1 }, y = { w: 0, v: 2 };
               let t = 0;
               for (let i = 0; i < 100; i++) t += f(x);
               t += f(y);
               for (let i = 0; i < 1000; i++) t += f(i % 2 ? x : y);
               String(t)";
    assert_eq!(eval_string(&mut rt, src), "2703");
    assert_eq!(guard_deopts(&rt.jit.stats), 1, "{:?}", rt.jit.stats);
    assert!(rt.stats.get_hits + rt.stats.get_misses < 100, "loads through the runtime: {:?}", rt.stats);
}

#[test]
fn a_deoptimized_site_is_not_speculated_on_again() {
    // A receiver that is not an object fails the load's guard for another reason than its
    // shape: the recompile leaves the load generic, whatever the IC learns later.
    let mut rt = full(2, None);
    let src = "function f(a) { return a.length + 1; }
               let t = 0;
               for (let i = 0; i < 100; i++) t += f({ length: i });
               t += f('abc');
               for (let i = 0; i < 100; i++) t += f(i % 2 ? { length: 1 } : { x: 0, length: 2 });
               String(t)";
    assert_eq!(eval_string(&mut rt, src), "5304");
    assert_eq!(guard_deopts(&rt.jit.stats), 1, "{:?}", rt.jit.stats);
}

#[test]
fn a_function_that_keeps_deoptimizing_stops_being_optimized() {
    // Round k passes a string to parameter k only: each recompile speculates int32 on the
    // sites not yet broken, and the next round breaks another one.
    let n = 12;
    let params: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
    let sum: Vec<String> = params.iter().map(|p| format!("({p} + 1)")).collect();
    let src = format!(
        "function f({}) {{ return [{}].length; }}
         let t = 0;
         for (let k = 0; k < {n}; k++) {{
           for (let i = 0; i < 4; i++) t += f({});
           const args = new Array({n}).fill(1); args[k] = 's'; t += f(...args);
         }}
         String(t)",
        params.join(", "),
        sum.join(", "),
        vec!["1"; n].join(", ")
    );
    let mut rt = full(2, None);
    assert_eq!(eval_string(&mut rt, &src), (n * 5 * n).to_string());
    let max = super::optimizing::MAX_DEOPTS;
    assert_eq!(rt.jit.stats.deopts, u64::from(max), "{:?}", rt.jit.stats);
    assert_eq!(rt.jit.stats.optimized, max, "{:?}", rt.jit.stats);
}

#[test]
fn frames_of_discarded_code_deoptimizing_count_once() {
    // `up` is optimized for int32s (shallow calls first, so its `+` has feedback); then a call
    // 50 deep overflows near the bottom. Every frame above is in the discarded code and
    // deoptimizes at the `+` as it returns: one failed speculation, counted once, so `up` is
    // optimized again (for numbers) rather than given up on.
    let src = "function up(n, x) { return n === 0 ? x : up(n - 1, x) + 1; }
               let t = 0;
               for (let i = 0; i < 20; i++) t += up(1, i);
               t += up(50, 2147483647 - 10);
               for (let i = 0; i < 20; i++) t += up(50, 2147483647);
               String(t)";
    let mut rt = full(2, None);
    assert_eq!(eval_string(&mut rt, src), "45097157837");
    // (`up` is inlined into itself once: each compiled frame runs two levels of the recursion.)
    assert!(rt.jit.stats.deopts >= 20, "every returning frame deoptimizes: {:?}", rt.jit.stats);
    let f = rt.eval("up", "t.js").unwrap();
    let code = f.as_object().and_then(|o| o.as_closure().map(|c| c.code)).expect("a closure");
    assert_eq!(code.deopts, 1, "{:?}", rt.jit.stats);
    assert_eq!(code.opt_compiles, 2, "{:?}", rt.jit.stats);
    assert!(matches!(code.jit, super::JitCode::Optimized { .. }), "optimized again: {:?}", rt.jit.stats);
}

#[test]
fn hot_baseline_loops_continue_in_optimized_code() {
    let mut rt = full(10, None);
    let src = "function run(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 3) | 0; return s; }
               String(run(100000))";
    let expected = eval_string(&mut Runtime::with_options(RuntimeOptions { jit: Tier::Off, ..Default::default() }), src);
    assert_eq!(eval_string(&mut rt, src), expected);
    // `run` was called once: it reached the optimizing tier through its loop, from baseline code.
    assert!(rt.jit.stats.optimized >= 1, "{:?}", rt.jit.stats);
    assert!(rt.jit.stats.osr_entries >= 2, "{:?}", rt.jit.stats);
}

#[test]
fn forced_deoptimizations_do_not_disable_optimization() {
    let mut rt = full(2, Some(1));
    let src = "function f(a, b) { return a * b + 1; }
               let t = 0; for (let i = 0; i < 200; i++) t = (t + f(i, 3)) | 0; String(t)";
    assert_eq!(eval_string(&mut rt, src), "59900");
    let s = &rt.jit.stats;
    assert!(s.optimized > super::optimizing::MAX_DEOPTS, "{s:?}");
    assert!(s.deopts > u64::from(super::optimizing::MAX_DEOPTS), "{s:?}");
}

#[test]
fn collections_while_optimized_frames_hold_values() {
    // Every allocation collects; optimized frames keep registers in variables and the frame.
    let src = "function mk(i) { return { i, s: 'v' + i }; }
               function sum(n) { let a = []; let t = 0; for (let i = 0; i < n; i++) { const o = mk(i); a.push(o); t += o.i; } return t + a.length + a[n - 1].s; }
               let r = ''; for (let k = 0; k < 5; k++) r += sum(50) + ';'; r";
    let expected = eval_string(&mut Runtime::with_options(RuntimeOptions { jit: Tier::Off, ..Default::default() }), src);
    let mut rt = Runtime::with_options(RuntimeOptions {
        jit: Tier::Full,
        jit_eager: true,
        opt_threshold: Some(2),
        gc_stress: Some(1),
        ..Default::default()
    });
    assert_eq!(eval_string(&mut rt, src), expected);
    assert!(rt.jit.stats.optimized >= 2, "{:?}", rt.jit.stats);
}

#[test]
fn deoptimizing_a_frame_the_interpreter_entered_inline_returns_to_its_caller() {
    // `f` runs inside its caller's interpreter loop (not compiled at the call), goes to baseline
    // code and then to optimized code through its loop, and deoptimizes on the overflow of
    // `i * i`: the frame finishes in a nested interpreter loop, and the outer loop must carry
    // on with the caller (a regression: it once took `f`'s return for the end of the script).
    let src = "function f(limit) {
                 let n = 0;
                 for (let i = 2; i <= limit; i++) { for (let j = i * i; j <= limit; j += i) n++; }
                 return n;
               }
               const r = f(100000);
               'r=' + r";
    let expected = eval_string(&mut Runtime::with_options(RuntimeOptions { jit: Tier::Off, ..Default::default() }), src);
    assert!(expected.starts_with("r="), "{expected}");
    let mut rt = full(2, None);
    assert_eq!(eval_string(&mut rt, src), expected);
    assert!(rt.jit.stats.deopt_reasons[1] >= 1, "{:?}", rt.jit.stats);
}

#[test]
fn osr_entry_checks_blame_the_speculation_that_unboxed_the_variable() {
    // `ci` is int32 while `y` is 0 (that is all the feedback the first, mid-loop compile sees),
    // so the inner loop's entry from the frame finds a double there once `y` moves on: the
    // failure must mark the subtraction that made `ci` an int32, or every recompile would make
    // the same guess until the function is given up on.
    let src = "function render(size) {
                 let n = 0;
                 for (let y = 0; y < size; y++) {
                   const ci = (2 * y) / size - 1;
                   for (let x = 0; x < size; x++) { const cr = (2 * x) / size - 1.5; if (cr * cr + ci * ci < 1) n++; }
                 }
                 return n;
               }
               String(render(300))";
    let expected = eval_string(&mut Runtime::with_options(RuntimeOptions { jit: Tier::Off, ..Default::default() }), src);
    // Both tiers within the first row (50 and 100 back-edges), before the baseline code's
    // double division at `y = 1` could record that `ci` is not always an int32.
    let mut rt = Runtime::with_options(RuntimeOptions { jit_threshold: Some(1), concurrent_jit: false, ..full_options(2, None) });
    assert_eq!(eval_string(&mut rt, src), expected);
    let s = &rt.jit.stats;
    assert!(s.osr_entries >= 1 && s.optimized >= 2, "{s:?}");
    assert_eq!(s.deopts, 1, "{s:?}");
}

#[test]
fn a_failed_int32_speculation_becomes_a_double_speculation() {
    // Ints first: `a * b` is speculated int32. Doubles break that once; the site's feedback
    // widens to numbers, so the recompile speculates on doubles (proved by a string then
    // failing a number guard) rather than leaving the site generic.
    let mut rt = full(2, None);
    let src = "function f(a, b) { return a * b; }
               let t = 0;
               for (let i = 0; i < 50; i++) t += f(i, 2);
               for (let i = 0; i < 50; i++) t += f(i + 0.5, 2);
               String(t) + f('3', 2)";
    assert_eq!(eval_string(&mut rt, src), "49506");
    let s = &rt.jit.stats;
    assert_eq!(s.deopt_reasons[super::DeoptReason::NotInt32 as usize], 1, "{s:?}");
    assert_eq!(s.deopt_reasons[super::DeoptReason::NotNumber as usize], 1, "{s:?}");
}

#[test]
fn arithmetic_sites_that_saw_doubles_compute_every_operand_kind() {
    // Warmed on doubles (and a string for `+`), the sites are compiled as a call of their
    // number stub, without the int32 path in front; the stub then meets int32s, int32
    // overflow, NaN, -0, strings, objects whose `valueOf` throws or counts its calls, and
    // bitwise operands beyond what it converts, all of which the interpreter's code finishes.
    let src = "function f(a, b) {
                 return [a + b, a - b, a * b, a / b, a | b, a >>> b, a & b, a < b, a >= b].map(String).join(',');
               }
               let out = [];
               for (let i = 0; i < 20; i++) out.push(f(i + 0.5, 0.25));
               out.push(f('s', 1));
               let calls = 0;
               const counted = { valueOf() { calls++; return 7; } };
               for (const [a, b] of [[3, 4], [2147483647, 1], [-2147483648, -1], [65536, 65536], [0, -5], [NaN, 1],
                                     [2 ** 64, 3], [-(2 ** 70), 1], ['x', 2], [5, '6'], [counted, 2], [true, null]]) out.push(f(a, b));
               try { f({ valueOf() { throw new Error('boom'); } }, 1); } catch (e) { out.push(e.message); }
               out.push(calls);
               // Warmed on strings, `+` and `<` are compiled as the interpreter's code alone.
               function cat(a, b) { return [a + b, a < b].join(); }
               for (let i = 0; i < 5; i++) out.push(cat('a' + i, 'b'));
               for (const [a, b] of [[1, 2], [2147483647, 1], [0.5, 'x'], [counted, 'z'], [null, 1]]) out.push(cat(a, b));
               try { cat('s', { toString() { throw new Error('bang'); } }); } catch (e) { out.push(e.message); }
               out.join(';')";
    let out = same_in_every_tier(src);
    assert!(
        out.contains(";2147483648,2147483646,") && out.contains(";boom;9;a0b,true;") && out.ends_with(";7z,false;1,true;bang"),
        "{out}"
    );
}

#[test]
fn a_methods_this_is_one_value_across_its_blocks() {
    // `this` flows between the blocks of `step` (branches, a loop entered by OSR, calls that
    // may change its shape) as one value; a shape change midway deoptimizes at the right
    // place, and derived constructors, which rebind `this` with `super()`, keep reading the
    // frame.
    let src = "class P { constructor(x) { this.x = x; this.n = 0; }
                 step(k) { let t = 0;
                   for (let i = 0; i < k; i++) { if (this.x > i) t += this.x; else t -= this.n; this.n++;
                     if (i === 700 && this.grow) this.grow(); }
                   return t + this.n; } }
               class Q extends P { constructor(x) { let before; try { before = typeof this; } catch (e) { before = e.name; }
                                                   super(x); this.y = this.x + 1; this.tag = before; } }
               const p = new P(5);
               let r = 0;
               for (let j = 0; j < 20; j++) r += p.step(50);
               r += p.step(2000);
               const g = new P(3); g.grow = function () { this.extra = 1; delete this.n; this.n = 100; };
               r += g.step(1000);
               let qs = 0;
               for (let j = 0; j < 50; j++) { const q = new Q(j); qs += q.y + q.step(3); }
               String(r) + ':' + qs + ':' + new Q(1).tag";
    assert_eq!(same_in_every_tier(src), "-4751155:5088:ReferenceError");
}

#[test]
fn a_computed_key_converts_once_per_member_expression() {
    // `obj[k]++` and `obj[k] += x` convert `k` once each (test262's S11.13.2_A7.*: once per
    // evaluation of the member expression; node converts twice), in every tier: int32s,
    // strings and symbols are keys already, anything else converts, a throwing `toString`
    // included.
    let src = "const o = { a: 1, 3: 2, [Symbol.for('s')]: 3, '1.5': 4, null: 5, undefined: 6, true: 7, 0: 9 };
               const keys = ['a', 3, Symbol.for('s'), 1.5, null, undefined, true, -0, 0, { toString() { return 'a'; } }, [3]];
               let calls = 0; const counting = { toString() { calls++; return 'a'; } };
               function bump(obj, k) { obj[k]++; obj[k] += 10; return obj[k]; }
               const out = [];
               for (let r = 0; r < 30; r++) for (const k of keys) out.push(bump(o, k));
               for (let r = 0; r < 5; r++) bump(o, counting);
               out.push(calls);
               try { bump(o, { toString() { throw new Error('key'); } }); } catch (e) { out.push(e.message); }
               out.slice(-13).join()";
    assert_eq!(same_in_every_tier(src), "650,651,333,334,335,336,337,658,669,661,662,15,key");
}

#[test]
fn a_call_not_run_before_the_compile_deoptimizes_and_the_recompile_inlines_it() {
    // `g` is optimized (through its loop) while `small` has never been called: its call
    // deopts when first reached, is not held against `g`, and the recompile, with the call's
    // feedback, inlines `small`. A function whose unreached calls keep deoptimizing stays
    // correct and is not given up on for it.
    let src = "function small(x) { return x + 1; }
               function g(n, late) { let t = 0; for (let i = 0; i < n; i++) { t += i; if (late) t += small(i); } return t; }
               let r = g(2000, false);
               for (let k = 0; k < 30; k++) r += g(40, true);
               String(r)";
    assert_eq!(same_in_every_tier(src), "2047000");
    let mut rt = full(2, None);
    assert_eq!(eval_string(&mut rt, src), "2047000");
    let s = &rt.jit.stats;
    assert!(s.deopt_reasons[super::DeoptReason::Unreached as usize] >= 1, "{s:?}");
    assert!(s.inlined_calls >= 1, "{s:?}");
}

#[test]
fn a_fresh_objects_inline_add_still_checks_the_prototype_chain() {
    // `new P(i)` is inlined into `make`, whose adds to the fresh object write its slots with
    // no check but the chain's flag: a setter defined on the prototype afterwards must run
    // (the flag fails the add, which deoptimizes).
    let src = "function P(v) { this.a = v; this.b = v + 1; }
               function make(n) { let s = 0; for (let i = 0; i < n; i++) { const p = new P(i); s += p.a + p.b; } return s; }
               let t = 0; for (let k = 0; k < 40; k++) t += make(50);
               let seen = 0;
               Object.defineProperty(P.prototype, 'b', { set(v) { seen += v; }, get() { return 1; } });
               t += make(50);
               t + ',' + seen";
    assert_eq!(same_in_every_tier(src), "101275,1275");
    let mut rt = full(2, None);
    assert_eq!(eval_string(&mut rt, src), "101275,1275");
    let s = &rt.jit.stats;
    assert!(s.inlined_calls >= 1, "{s:?}");
    assert!(s.deopt_reasons[super::DeoptReason::PrototypeChanged as usize] >= 1, "{s:?}");
}

#[test]
fn a_loop_at_the_first_instruction_is_optimized() {
    // The loop header is pc 0, where calls enter too: one entry serves both (a regression: the
    // entry switch got pc 0 twice, Cranelift panicked and the tier compiled nothing more).
    let src = "function f(n) { while (n > 0) { n = n - 1; } return n; }
               function g(n) { let s = 0; for (let k = 0; k < 3; k++) s += f(n + k) + k; return s; }
               let t = 0; for (let i = 0; i < 300; i++) t += g(i % 50);
               function h(a) { while (a.length < 5000) a.push(a.length); return a.length; }
               t + ',' + h([]) + ',' + h([1, 2, 3])";
    assert_eq!(same_in_every_tier(src), "900,5000,5000");
    let mut rt = full(2, None);
    eval_string(&mut rt, src);
    assert!(rt.jit.stats.optimized >= 3, "{:?}", rt.jit.stats);
}

#[test]
fn optimized_code_compiled_in_the_background_is_installed() {
    // The function keeps running in the baseline tier while its optimized code compiles on
    // the background thread; a later call installs and enters it. Collections meanwhile must
    // keep what the code in flight embeds.
    let mut rt = Runtime::with_options(RuntimeOptions { gc_stress: Some(50), ..full_options(2, None) });
    eval_string(&mut rt, "function f(o) { return o.x * 2 + 1; } function run() { let t = 0; for (let i = 0; i < 2000; i++) t += f({ x: i }); return String(t); } ''");
    let mut rounds = 0;
    while rt.jit.stats.optimized == 0 || !rt.jit.in_flight.is_empty() {
        assert_eq!(eval_string(&mut rt, "run()"), "4000000");
        rounds += 1;
        assert!(rounds < 10_000, "never installed: {:?}", rt.jit.stats);
    }
    assert_eq!(eval_string(&mut rt, "run()"), "4000000");
    assert!(rt.jit.stats.optimized >= 1 && guard_deopts(&rt.jit.stats) == 0, "{:?}", rt.jit.stats);
}

#[test]
fn math_functions_are_computed_inline_and_burn_fuel_like_calls() {
    // The optimizing tier computes these `Math` calls itself (no call is made), with the
    // interpreter's results and the fuel the interpreter burns.
    let src = "function f(x) { return Math.floor(Math.sqrt(x)) + Math.max(x, 3) + Math.round(x / 7) + Math.imul(x, 3); }
               let s = 0; for (let i = 0; i < 3000; i++) s += f(i); s";
    let run = |jit: Tier| {
        let mut rt = Runtime::with_options(RuntimeOptions {
            jit,
            jit_threshold: Some(2),
            opt_threshold: Some(2),
            concurrent_jit: false,
            fuel: Some(10_000_000),
            ..Default::default()
        });
        let out = eval_string(&mut rt, src);
        (out, rt.poll.fuel_left(), rt.stats.calls)
    };
    let (off, full) = (run(Tier::Off), run(Tier::Full));
    assert_eq!(off.0, "18744693");
    assert_eq!((&off.0, off.1), (&full.0, full.1));
    assert!(full.2 < off.2 / 4, "calls made: {} in the interpreter, {} optimized", off.2, full.2);
}

#[test]
fn arithmetic_first_reached_in_baseline_code_is_speculated() {
    // The `+` runs first in the baseline tier, whose inline int32 path records that it saw
    // int32s: the optimizing tier then speculates on it, so a double fails its guard. That
    // failure widens the site to numbers (the interpreter's own feedback still says nothing),
    // so the recompile speculates on doubles, and a string then fails a number guard.
    let src = "function f(n, big) { if (!big) return 0; return n + 1; }
               let s = 0;
               for (let i = 0; i < 5; i++) s += f(i, false);
               for (let i = 0; i < 30; i++) s += f(2000 + i, true);
               for (let i = 0; i < 100; i++) s += f(3000 + i, true);
               s += f(4000.5, true);
               for (let i = 0; i < 200; i++) s += f(i + 0.5, true);
               String(s) + f('x', true)";
    let mut rt = full(40, None);
    assert_eq!(eval_string(&mut rt, src), "389716.5x1");
    let s = &rt.jit.stats;
    assert!(s.deopt_reasons[super::DeoptReason::NotInt32 as usize] >= 1, "{s:?}");
    assert!(s.deopt_reasons[super::DeoptReason::NotNumber as usize] >= 1, "{s:?}");
}

#[test]
fn compiled_code_finds_a_closures_own_mirror_where_it_looks() {
    // The direct-call stub reads `ObjectKind`'s tag byte and a closure's `ClosureData`
    // pointer at fixed offsets (`ObjectKind` is `repr(u8)`): check them on real objects.
    use crate::runtime::object::{ClosureData, ObjectKind};
    let mut rt = baseline(false);
    let f = rt.eval("var f = function (a, b) { return a + b; }; f", "t.js").unwrap();
    let o = rt.eval("var o = {}; o", "t.js").unwrap();
    let read = |v: crate::Value, offset: i32| {
        let addr = v.to_bits() as usize & super::code_module::PAYLOAD_MASK as usize;
        (addr as isize + super::code_module::OBJECT_KIND_OFFSET as isize + offset as isize) as *const u8
    };
    // SAFETY: both objects are live (global variables hold them) and the offsets lie inside
    // their `JsObject`s.
    unsafe {
        assert_eq!(*read(f, 0), ObjectKind::CLOSURE_TAG);
        assert_ne!(*read(o, 0), ObjectKind::CLOSURE_TAG);
        // A context is a cell of the tag compiled code gives `PopContext`'s parent.
        let ctx = rt.eval("var cx = 1; (() => { let q = 2; return () => q; })()", "t.js").unwrap();
        let c = ctx.as_object().unwrap().as_closure().unwrap().context.expect("a closure over `q`");
        assert_eq!(crate::Value::cell(c).to_bits() >> 48, super::code_module::TAG_CELL as u64);
        // A string's tag, length and interned flag (the `===` stub reads them).
        let (key, long) = (rt.eval("Object.keys({ k: 1 })[0]", "t.js").unwrap(), rt.eval("'ab'.repeat(3000)", "t.js").unwrap());
        assert_eq!(key.to_bits() >> 48, super::code_module::TAG_STRING as u64);
        let string_field =
            |v: crate::Value, offset: i32| (v.to_bits() as usize & super::code_module::PAYLOAD_MASK as usize) as isize + offset as isize;
        use crate::runtime::string::JsString;
        assert_eq!((string_field(long, JsString::LEN_OFFSET) as *const u32).read_unaligned(), 6000);
        assert_eq!(*(string_field(key, JsString::INTERNED_OFFSET) as *const u8), 1, "a property key is interned");
        assert_eq!(*(string_field(long, JsString::INTERNED_OFFSET) as *const u8), 0);
        // An array's tag and length (the array iteration step's done test reads them).
        let a = rt.eval("var a = [1, 2, 3]; a.length = 70000; a", "t.js").unwrap();
        assert_eq!(*read(a, 0), ObjectKind::ARRAY_TAG);
        assert_ne!(*read(o, 0), ObjectKind::ARRAY_TAG);
        assert_eq!((read(a, ObjectKind::ARRAY_LENGTH_OFFSET) as *const u32).read_unaligned(), 70000);
        let data = *(read(f, ObjectKind::CLOSURE_DATA_OFFSET) as *const *const ClosureData);
        let closure = f.as_object().unwrap();
        let c = closure.as_closure().unwrap();
        assert_eq!(data, c as *const ClosureData);
        // Its own mirror names it, with its code and parameters.
        assert_eq!(c.call.closure, f.to_bits());
        assert_eq!(c.call.code, c.code.addr());
        assert_eq!(c.call.params, 2);
    }
}

#[test]
fn an_inlined_push_sees_a_setter_added_to_the_prototype_chain() {
    // `fill` is optimized with `push` done in place; then Array.prototype gets an indexed
    // setter, which the spec's push must call (Set walks the chain for index 3).
    let src = "let seen = [];
               function fill(a, n) { for (let i = 0; i < n; i++) a.push(i); return a.length; }
               for (let i = 0; i < 50; i++) fill([], 5);
               Object.defineProperty(Array.prototype, '3', { set(v) { seen.push(v); }, configurable: true });
               const r = fill([], 5) + ':' + seen.join();
               delete Array.prototype[3];
               r";
    assert_eq!(same_in_every_tier(src), "5:3");
}

#[test]
fn the_compiler_thread_runs_the_embedders_start_hook() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static STARTED: AtomicBool = AtomicBool::new(false);
    fn hook() {
        STARTED.store(true, Ordering::SeqCst);
    }
    let mut rt = Runtime::with_options(RuntimeOptions { compiler_thread_start: Some(hook), ..Default::default() });
    let v = rt.eval("function f(x) { return x + 1; } let s = 0; for (let i = 0; i < 1000; i++) s = f(s); s", "t.js").unwrap();
    assert_eq!(v.as_int(), Some(1000));
    // The thread starts with the first compile and runs the hook before anything else.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !STARTED.load(Ordering::SeqCst) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(STARTED.load(Ordering::SeqCst), "the hook did not run");
}
