//! The embedding API: conversions, errors both ways, handles, limits, several runtimes.

use jolt::jit::Tier;
use jolt::{JsError, JsErrorKind, Persistent, Runtime, RuntimeBuilder, RuntimeOptions};
use std::collections::HashMap;
use std::future::Future;
use std::time::Duration;

#[derive(Debug, PartialEq, Clone)]
struct Item {
    name: String,
    tags: Vec<String>,
    weight: Option<f64>,
}
jolt::js_object!(Item { name, tags, weight });

fn round_trip<T: jolt::FromJs + jolt::IntoJs + Clone + PartialEq + std::fmt::Debug>(rt: &mut Runtime, x: T) {
    rt.set_global("tmp", x.clone()).unwrap();
    // Through JavaScript (a structural copy) and back.
    let back: T = rt.eval_as("JSON.parse(JSON.stringify(tmp ?? null)) ?? undefined", "rt.js").unwrap_or_else(|e| panic!("{x:?}: {e}"));
    assert_eq!(back, x);
    let direct: T = rt.get_global("tmp").unwrap();
    assert_eq!(direct, x);
}

#[test]
fn conversion_round_trips() {
    let mut rt = Runtime::new();
    round_trip(&mut rt, 1.5f64);
    round_trip(&mut rt, -7i32);
    round_trip(&mut rt, u32::MAX);
    round_trip(&mut rt, 1u64 << 52);
    round_trip(&mut rt, true);
    round_trip(&mut rt, "héllo 🎉".to_string());
    round_trip(&mut rt, Some(3i32));
    round_trip(&mut rt, None::<i32>);
    round_trip(&mut rt, vec![1i32, 2, 3]);
    round_trip(&mut rt, vec![vec!["a".to_string()], vec![]]);
    round_trip(&mut rt, (1i32, "two".to_string(), false));
    let mut m = HashMap::new();
    m.insert("x".to_string(), vec![1.0f64]);
    m.insert("y".to_string(), vec![]);
    round_trip(&mut rt, m);
    round_trip(&mut rt, Item { name: "box".into(), tags: vec!["a".into(), "b".into()], weight: Some(2.5) });
    round_trip(&mut rt, Item { name: "x".into(), tags: vec![], weight: None });
}

#[test]
fn conversion_failures_are_errors() {
    let mut rt = Runtime::new();
    let e = rt.eval_as::<f64>("'1'", "t.js").unwrap_err();
    assert_eq!((e.kind, e.name.as_str(), e.message.as_str()), (JsErrorKind::Thrown, "TypeError", "expected a number, got string"));
    assert_eq!(rt.eval_as::<i32>("1.5", "t.js").unwrap_err().name, "TypeError");
    assert_eq!(rt.eval_as::<u8>("256", "t.js").unwrap_err().name, "RangeError");
    assert_eq!(rt.eval_as::<u8>("-1", "t.js").unwrap_err().name, "RangeError");
    assert_eq!(rt.eval_as::<i32>("NaN", "t.js").unwrap_err().name, "TypeError");
    assert_eq!(rt.eval_as::<Vec<i32>>("({ length: 1, 0: 1 })", "t.js").unwrap_err().message, "expected an array, got object");
    assert_eq!(rt.eval_as::<(i32, i32)>("[1]", "t.js").unwrap_err().message, "expected an array of 2 elements, got 1");
    assert_eq!(rt.eval_as::<String>("null", "t.js").unwrap_err().message, "expected a string, got null");
    let e = rt.eval_as::<Item>("({ name: 'n', tags: [1] })", "t.js").unwrap_err();
    assert_eq!(e.message, "tags: expected a string, got number");
    let e = rt.eval_as::<HashMap<String, bool>>("({ a: true, b: 0 })", "t.js").unwrap_err();
    assert_eq!(e.message, "b: expected a boolean, got number");
    // A getter that throws is an ordinary error, too.
    let e = rt.eval_as::<Item>("({ get name() { throw new Error('boom') } })", "t.js").unwrap_err();
    assert_eq!(e.message, "boom");
}

#[test]
fn errors_from_javascript() {
    let mut rt = Runtime::new();
    let e = rt.eval("\n  null.x", "main.js").unwrap_err();
    assert_eq!(e.kind, JsErrorKind::Thrown);
    assert_eq!(e.name, "TypeError");
    assert_eq!(e.location.as_deref(), Some("main.js:2:8"));
    let e = rt.eval("let a = 1;\nlet a = 2;", "dup.js").unwrap_err();
    assert_eq!(e.kind, JsErrorKind::Syntax);
    assert!(e.location.as_deref().unwrap().starts_with("dup.js:2:"), "{:?}", e.location);
    let e = rt.eval("throw { code: 7 }", "t.js").unwrap_err();
    let v = e.value(&rt).unwrap();
    let h = rt.persist(v);
    assert_eq!(h.get_property::<i32>(&mut rt, "code").unwrap(), 7);
    // `?` into a boxed error, across threads.
    fn run(rt: &mut Runtime) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        rt.eval("throw new RangeError('deep')", "t.js")?;
        Ok(())
    }
    let e = run(&mut rt).unwrap_err();
    assert_eq!(std::thread::spawn(move || e.to_string()).join().unwrap(), "RangeError: deep");
}

#[test]
fn errors_from_rust() {
    let mut rt = Runtime::new();
    rt.set_function("fail", |(kind,): (String,)| -> Result<(), JsError> {
        match kind.as_str() {
            "type" => Err(JsError::new("TypeError", "bad type")),
            _ => Err(JsError::new("Custom", "plain")),
        }
    })
    .unwrap();
    rt.set_function("failStr", |(): ()| Err::<(), _>("from a str")).unwrap();
    let r: String = rt
        .eval_as(
            "const out = [];
             for (const k of ['type', 'other']) try { fail(k) } catch (e) { out.push(e.constructor.name + ':' + e.message) }
             try { failStr() } catch (e) { out.push(e.constructor.name + ':' + e.message) }
             try { fail(1) } catch (e) { out.push(e.constructor.name + ':' + e.message) }
             out.join('|')",
            "t.js",
        )
        .unwrap();
    assert_eq!(r, "TypeError:bad type|Error:plain|Error:from a str|TypeError:argument 0: expected a string, got number");
    // An uncaught error from Rust reaches Rust again.
    let e = rt.eval("fail('type')", "t.js").unwrap_err();
    assert_eq!((e.name.as_str(), e.message.as_str()), ("TypeError", "bad type"));
    // A JavaScript error passing through a Rust callback keeps its identity.
    rt.set_function_with_runtime("callIt", |rt, (f,): (Persistent,)| f.call::<()>(rt, ())).unwrap();
    let same: bool =
        rt.eval_as("const err = new Error('x'); try { callIt(() => { throw err; }) } catch (e) { e === err }", "t.js").unwrap();
    assert!(same);
}

#[test]
fn globals_objects_and_calls() {
    let mut rt = Runtime::new();
    rt.set_global("n", 5).unwrap();
    rt.set_global("list", vec!["a", "b"]).unwrap();
    assert_eq!(rt.eval_as::<String>("list.join('') + n", "t.js").unwrap(), "ab5");
    let o = rt.new_object();
    o.set(&mut rt, "x", 1).unwrap();
    o.set(&mut rt, "nested", vec![(1, true)]).unwrap();
    rt.global().set(&mut rt, "o", &o).unwrap();
    assert_eq!(rt.eval_as::<String>("JSON.stringify(o)", "t.js").unwrap(), r#"{"x":1,"nested":[[1,true]]}"#);
    let f: Persistent = rt.eval_as("(function (a, b) { 'use strict'; return [b, a, this === undefined]; })", "t.js").unwrap();
    let r: (String, i32, bool) = f.call(&mut rt, (2, "s")).unwrap();
    assert_eq!(r, ("s".to_string(), 2, true));
    let total: f64 = rt.eval_as("[1, 2, 3]", "t.js").map(|v: Vec<f64>| v.iter().sum()).unwrap();
    assert_eq!(total, 6.0);
    assert_eq!(rt.get_global::<i32>("n").unwrap(), 5);
    rt.eval("let lexical = 'L'; const c = 2;", "t.js").unwrap();
    assert_eq!(rt.get_global::<String>("lexical").unwrap(), "L");
}

#[test]
fn new_runtime_has_only_ecmascript_globals() {
    let mut rt = Runtime::new();
    for name in ["console", "print", "setTimeout", "setInterval", "clearTimeout", "clearInterval", "queueMicrotask"] {
        let t: String = rt.eval_as(&format!("typeof {name}"), "t.js").unwrap();
        assert_eq!(t, "undefined", "{name}");
    }
    let mut rt = RuntimeBuilder::new().host_apis(true).build();
    for name in ["console", "print", "setTimeout", "setInterval", "clearTimeout", "clearInterval", "queueMicrotask"] {
        let t: String = rt.eval_as(&format!("typeof {name}"), "t.js").unwrap();
        assert_ne!(t, "undefined", "{name}");
    }
    let mut rt = RuntimeBuilder::new().timers(true).build();
    assert_eq!(rt.eval_as::<String>("typeof setTimeout + typeof console", "t.js").unwrap(), "functionundefined");
}

#[test]
fn interrupt_handle_stops_an_infinite_loop_from_another_thread() {
    for tier in [Tier::Off, Tier::Baseline] {
        let mut rt = Runtime::with_options(RuntimeOptions { jit: tier, jit_eager: tier != Tier::Off, ..Default::default() });
        let h = rt.interrupt_handle();
        let t = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            h.interrupt();
        });
        let e = rt
            .eval("var finallyRan = false; while (1) { try { for (;;) {} } catch {} finally { finallyRan = true; } }", "spin.js")
            .unwrap_err();
        t.join().unwrap();
        assert_eq!(e.kind, JsErrorKind::Interrupted);
        assert!(e.is_termination());
        // No `finally` ran, and the runtime is usable afterwards.
        assert!(!rt.get_global::<bool>("finallyRan").unwrap());
        assert_eq!(rt.eval_as::<i32>("1 + 1", "after.js").unwrap(), 2);
    }
}

#[test]
fn termination_skips_finally_in_called_functions() {
    let mut rt = RuntimeBuilder::new().fuel(10_000).build();
    let e = rt
        .eval("var log = []; function f() { try { for (;;) {} } finally { log.push('f'); } } try { f() } catch (e) { log.push('c') } finally { log.push('g') }", "t.js")
        .unwrap_err();
    assert_eq!(e.kind, JsErrorKind::OutOfFuel);
    rt.set_fuel(None);
    assert_eq!(rt.eval_as::<usize>("log.length", "t.js").unwrap(), 0);
}

/// Runs `src` with fuel `fuel` and returns (error kind, global `i` at the stop, fuel left).
fn fuel_run(tier: Tier, eager: bool, fuel: u64, src: &str) -> (Option<JsErrorKind>, f64, Option<u64>) {
    fuel_run_with(RuntimeOptions { jit: tier, jit_eager: eager, ..Default::default() }, fuel, src)
}

/// As [`fuel_run`], with every tier: optimized after 2 calls, every `deopt_every`th guard failing.
fn fuel_run_full(deopt_every: Option<u32>, fuel: u64, src: &str) -> (Option<JsErrorKind>, f64, Option<u64>) {
    fuel_run_with(
        RuntimeOptions { jit: Tier::Full, jit_threshold: Some(2), opt_threshold: Some(2), deopt_every, ..Default::default() },
        fuel,
        src,
    )
}

fn fuel_run_with(o: RuntimeOptions, fuel: u64, src: &str) -> (Option<JsErrorKind>, f64, Option<u64>) {
    let mut rt = Runtime::with_options(RuntimeOptions { fuel: Some(fuel), ..o });
    let r = rt.eval(src, "fuel.js");
    let left = rt.fuel();
    rt.set_fuel(None);
    (r.err().map(|e| e.kind), rt.get_global::<f64>("i").unwrap(), left)
}

#[test]
fn fuel_counts_calls_and_back_edges_the_same_in_every_tier() {
    let src =
        "var i = 0; function g(x) { return x + 1; } function f(n) { for (let k = 0; k < n; k++) i = g(i); } f(50); while (true) { f(3); }";
    for fuel in [1, 2, 10, 57, 100, 1001, 5000] {
        let interp = fuel_run(Tier::Off, false, fuel, src);
        let jit = fuel_run(Tier::Baseline, true, fuel, src);
        let lazy = fuel_run(Tier::Baseline, false, fuel, src);
        assert_eq!(interp.0, Some(JsErrorKind::OutOfFuel));
        assert_eq!(interp, jit, "fuel {fuel}");
        assert_eq!(interp, lazy, "fuel {fuel}");
        // The optimizing tier, and frames it hands back to the interpreter mid-way.
        for every in [None, Some(1), Some(4)] {
            assert_eq!(interp, fuel_run_full(every, fuel, src), "fuel {fuel}, full, deopt-every {every:?}");
        }
    }
    // A finished script uses the same fuel in every tier.
    let src = "var i = 0; function g(x) { return x + 1; } for (let k = 0; k < 1000; k++) i = g(i);";
    let interp = fuel_run(Tier::Off, false, 1 << 40, src);
    let jit = fuel_run(Tier::Baseline, true, 1 << 40, src);
    assert_eq!(interp.0, None);
    assert_eq!(interp, jit);
    assert_eq!(interp, fuel_run_full(None, 1 << 40, src));
    assert_eq!(interp, fuel_run_full(Some(3), 1 << 40, src));
    // One for entering the script, a thousand calls, a thousand back-edges.
    assert_eq!((1u64 << 40) - interp.2.unwrap(), 2001);
}

#[test]
fn time_limit_stops_a_script_and_resets_per_entry() {
    let mut rt = RuntimeBuilder::new().time_limit(Duration::from_millis(50)).build();
    let start = std::time::Instant::now();
    let e = rt.eval("while (true) { try { for (;;) {} } catch {} }", "t.js").unwrap_err();
    assert_eq!(e.kind, JsErrorKind::TimeLimit);
    assert!(start.elapsed() < Duration::from_secs(5));
    // A new entry gets a new budget.
    assert_eq!(rt.eval_as::<i32>("let s = 0; for (let k = 0; k < 1000; k++) s += 1; s", "t.js").unwrap(), 1000);
}

#[test]
fn heap_limit() {
    let mut rt = RuntimeBuilder::new().heap_limit(32 << 20).build();
    let e = rt.eval("const keep = []; while (true) { try { keep.push({ x: [1, 2, 3] }); } catch {} }", "t.js").unwrap_err();
    assert_eq!(e.kind, JsErrorKind::OutOfMemory);
    assert_eq!(rt.eval_as::<i32>("40 + 2", "t.js").unwrap(), 42);
    // The runtime is still usable (what the script kept stays until its global is cleared).
    assert_eq!(rt.eval_as::<String>("typeof keep", "t.js").unwrap(), "object");
}

#[test]
fn recursion_limit() {
    let mut rt = RuntimeBuilder::new().stack_slots(20_000).build();
    let e = rt.eval("function f(n) { return f(n + 1) + 1; } f(0)", "t.js").unwrap_err();
    assert_eq!((e.kind, e.name.as_str()), (JsErrorKind::Thrown, "RangeError"));
    // Catchable, unlike terminations.
    assert!(rt.eval_as::<bool>("try { f(0) } catch (e) { e instanceof RangeError }", "t.js").unwrap());
}

#[test]
fn two_runtimes_on_two_threads() {
    let threads: Vec<_> = (0..2)
        .map(|n| {
            std::thread::spawn(move || {
                let mut rt = Runtime::new();
                rt.set_global("n", n).unwrap();
                rt.eval_as::<f64>("let s = 0; for (let i = 0; i < 100000; i++) s += n; s", "t.js").unwrap()
            })
        })
        .collect();
    let r: Vec<f64> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert_eq!(r, [0.0, 100000.0]);
    // Two in one thread are independent.
    let mut a = Runtime::new();
    let mut b = Runtime::new();
    a.eval("var x = 'a'", "a.js").unwrap();
    assert_eq!(b.get_global::<Option<String>>("x").unwrap(), None);
    // A handle from one runtime is an error in the other, not undefined behaviour.
    let h = a.new_object();
    let e = h.set(&mut b, "k", 1).unwrap_err();
    assert_eq!(e.name, "TypeError");
    let e = b.set_global("h", &h).unwrap_err();
    assert_eq!(e.name, "TypeError");
    let err = a.eval("throw new Error('in a')", "a.js").unwrap_err();
    assert!(err.value(&b).is_none());
    assert!(err.value(&a).is_some());
}

#[test]
fn persistent_handle_survives_collections() {
    let mut rt = RuntimeBuilder::new().gc_stress(1).build();
    let held: Vec<Persistent> = (0..20).map(|i| rt.eval_as(&format!("({{ id: {i}, data: [{i}, 'x' + {i}] }})"), "t.js").unwrap()).collect();
    let f: Persistent = rt.eval_as("(o) => o.data[1]", "t.js").unwrap();
    rt.eval("for (let i = 0; i < 300; i++) ({ garbage: [i, 'y' + i] })", "gc.js").unwrap();
    rt.collect_garbage();
    for (i, h) in held.iter().enumerate() {
        assert_eq!(h.get_property::<i32>(&mut rt, "id").unwrap(), i as i32);
        assert_eq!(f.call::<String>(&mut rt, (h,)).unwrap(), format!("x{i}"));
    }
    // Dropped handles release their values.
    let before = {
        drop(held);
        rt.collect_garbage();
        rt.live_cells()
    };
    let again: Vec<Persistent> =
        (0..20).map(|_| rt.eval_as("({ big: new Array(100).fill('z' + Math.random()) })", "t.js").unwrap()).collect();
    drop(again);
    rt.collect_garbage();
    assert!(rt.live_cells() <= before + 10, "{} > {before}", rt.live_cells());
}

#[test]
fn callbacks_both_ways() {
    let mut rt = Runtime::new();
    let calls = std::rc::Rc::new(std::cell::Cell::new(0));
    let c = calls.clone();
    rt.set_function_with_runtime("each", move |rt, (items, f): (Vec<f64>, Persistent)| {
        c.set(c.get() + 1);
        let mut out = Vec::new();
        for x in items {
            out.push(f.call::<f64>(rt, (x,))?);
        }
        Ok::<_, JsError>(out)
    })
    .unwrap();
    let r: Vec<f64> = rt.eval_as("each([1, 2, 3], x => x * x)", "t.js").unwrap();
    assert_eq!(r, [1.0, 4.0, 9.0]);
    assert_eq!(calls.get(), 1);
}

#[test]
fn async_function_under_a_minimal_executor() {
    let mut rt = Runtime::new();
    rt.set_async_function("later", |(x, fail): (f64, bool)| async move {
        if fail {
            Err(JsError::new("TypeError", "asked to fail"))
        } else {
            Ok(x + 1.0)
        }
    })
    .unwrap();
    rt.eval(
        "var out = []; (async () => { out.push(await later(1, false)); try { await later(0, true) } catch (e) { out.push(e.message) } })();",
        "t.js",
    )
    .unwrap();
    assert_eq!(rt.pending_futures(), 1);
    let waker = std::task::Waker::noop();
    let mut cx = std::task::Context::from_waker(waker);
    {
        let mut fut = std::pin::pin!(rt.run_async());
        while fut.as_mut().poll(&mut cx).is_pending() {}
    }
    assert_eq!(rt.eval_as::<String>("out.join()", "t.js").unwrap(), "2,asked to fail");
    assert_eq!(rt.pending_futures(), 0);
}

/// `regress` offers no step limit or cancellation for a match, so a catastrophic regular
/// expression cannot be stopped while it runs: the interrupt, fuel and time checks happen
/// only between JavaScript operations. This documents the gap (README: "Known gaps").
#[test]
fn regex_match_is_not_interruptible_known_gap() {
    let mut rt = RuntimeBuilder::new().fuel(100).build();
    // One exponential match (2^20 steps: well under a second) spends no fuel.
    let ok: bool = rt.eval_as("/^(a+)+$/.test('a'.repeat(20) + 'b')", "t.js").unwrap();
    assert!(!ok);
    assert_eq!(rt.fuel(), Some(99)); // entering the script: one
}
