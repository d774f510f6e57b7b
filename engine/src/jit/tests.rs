//! Tests of the JIT tiers' own mechanics: tier-up and on-stack replacement, exceptions and
//! frames crossing tiers, termination and stack limits in compiled code. (The whole corpus
//! also runs compiled: `tests/corpus.rs`.)

use super::Tier;
use crate::{JsErrorKind, Runtime, RuntimeOptions};

fn baseline(eager: bool) -> Runtime {
    Runtime::with_options(RuntimeOptions {
        host_apis: crate::HostApis::all(),
        jit: Tier::Baseline,
        jit_eager: eager,
        jit_threshold: Some(2),
        ..Default::default()
    })
}

fn eval_string(rt: &mut Runtime, src: &str) -> String {
    let v = rt.eval(src, "t.js").unwrap_or_else(|e| panic!("{e}"));
    rt.to_rust_string(v).unwrap()
}

/// The same program in the interpreter and in every compiled configuration.
fn same_in_every_tier(src: &str) -> String {
    let mut interp = Runtime::with_options(RuntimeOptions { host_apis: crate::HostApis::all(), jit: Tier::Off, ..Default::default() });
    let expected = eval_string(&mut interp, src);
    for eager in [false, true] {
        let mut rt = baseline(eager);
        assert_eq!(eval_string(&mut rt, src), expected, "eager={eager}");
    }
    expected
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
