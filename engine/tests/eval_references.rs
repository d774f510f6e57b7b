//! Identifier references are resolved once (ES2025 13.15.2 and 13.4: the left side's
//! Reference is evaluated before the right side, and PutValue writes to it), even when the
//! right side's direct eval declares a `var` that shadows the name. V8 resolves the name
//! again for the write, so node cannot produce `.expected` files for these: the results
//! here are the spec's (test262 S11.13.1_A6_*, S11.13.2_A6.*).

use jolt::jit::Tier;
use jolt::{Runtime, RuntimeOptions};

/// Runs `src` (whose completion value is a string) in every tier.
fn check(src: &str, expected: &str) {
    for tier in [Tier::Off, Tier::Baseline, Tier::Full] {
        let mut rt =
            Runtime::with_options(RuntimeOptions { jit: tier, jit_eager: tier != Tier::Off, opt_threshold: Some(2), ..Default::default() });
        // Twice: the optimizing tier recompiles after two calls.
        for _ in 0..3 {
            let got: String = rt.eval_as(src, "t.js").unwrap_or_else(|e| panic!("{src}: {e}"));
            assert_eq!(got, expected, "{src} ({tier:?})");
        }
    }
}

#[test]
fn assignment_writes_the_binding_resolved_before_the_right_side() {
    check(
        "(function () { var x = 0; var inner = (function () { x = (eval('var x = 2'), 1); return x; })(); return inner + ',' + x; })()",
        "2,1",
    );
    check(
        "(function () { var x = 0; var inner = (function () { x = (eval('var x'), 1); return x; })(); return inner + ',' + x; })()",
        "undefined,1",
    );
}

#[test]
fn compound_assignment_resolves_once() {
    for (op, result) in [("+=", "7"), ("-=", "-1"), ("*=", "12"), ("/=", "0.75"), ("%=", "3"), ("<<=", "48"), (">>=", "0"), ("**=", "81")] {
        let src = format!(
            "(function () {{ var x = 3; var inner = (function () {{ x {op} (eval('var x = 2'), 4); return x; }})(); return inner + ',' + x; }})()"
        );
        check(&src, &format!("2,{result}"));
    }
}

#[test]
fn logical_assignment_resolves_once() {
    check(
        "(function () { var x = 0; var inner = (function () { x ||= (eval('var x = 2'), 5); return x; })(); return inner + ',' + x; })()",
        "2,5",
    );
    check(
        "(function () { var x = null; var inner = (function () { x ??= (eval('var x = 2'), 5); return x; })(); return inner + ',' + x; })()",
        "2,5",
    );
}

#[test]
fn global_reference_resolves_once() {
    check(
        "globalThis.gy = 1; (function () { var inner = (function () { gy += (eval('var gy = 2'), 4); return gy; })(); return inner + ',' + globalThis.gy; })()",
        "2,5",
    );
}

#[test]
fn parameter_reference_resolves_once() {
    // The body's eval var shadows the parameter; the compound assignment still writes the
    // parameter, which the closure from the parameter list sees.
    check("(function (a = 1, g = () => a) { a += (eval('var a = 10'), 5); return a + ',' + g(); })()", "10,6");
}

#[test]
fn deleted_eval_binding_is_recreated_by_a_sloppy_write() {
    // PutValue to a declarative binding deleted meanwhile: sloppy code creates it again in
    // the same environment (not as a global); strict code throws.
    check(
        "(function () { eval('var dx = 1'); var del = function () { delete dx; }; dx = (del(), 5); return dx + ',' + typeof globalThis.dx; })()",
        "5,undefined",
    );
    check(
        "(function () { eval('var sx = 1'); var del = function () { delete sx; };
            try { (function () { 'use strict'; sx = (del(), 5); })(); return 'no error'; } catch (e) { return e.name + ',' + typeof globalThis.sx; } })()",
        "ReferenceError,undefined",
    );
}

#[test]
fn destructuring_target_resolves_before_its_initialiser() {
    check(
        "(function () { var x = 0, y = 0, z = 0; var inner = (function () {
            [x = eval(\"var x = 'ix'; 1\")] = [];
            ({ y = eval(\"var y = 'iy'; 2\") } = {});
            ({ k: z = eval(\"var z = 'iz'; 3\") } = {});
            return x + ',' + y + ',' + z; })(); return inner + '/' + x + ',' + y + ',' + z; })()",
        "ix,iy,iz/1,2,3",
    );
}
