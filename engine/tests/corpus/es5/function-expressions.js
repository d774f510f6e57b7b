// named function expression name is bound only inside
var fact = function inner(n) { return n <= 1 ? 1 : n * inner(n - 1); };
console.log("fact(6): " + fact(6));
console.log("typeof inner outside: " + typeof inner);
// name binding is read-only (silently in sloppy)
var sloppyRebind = function self() { self = 5; return typeof self; };
console.log("sloppy rebind: " + sloppyRebind());
var strictRebind = function self() {
  "use strict";
  try { self = 5; return "no throw"; } catch (e) { return e.name; }
};
console.log("strict rebind: " + strictRebind());
// name shadowed by var inside
var shadowed = function nm() { var nm = 3; return nm; };
console.log("shadowed: " + shadowed());
// function length
console.log("lengths: " + (function () {}).length + " " + (function (a) {}).length + " " + (function (a, b, c) {}).length);
// functions are objects
function tagged() { return tagged.calls = (tagged.calls || 0) + 1; }
tagged(); tagged();
console.log("function property: " + tagged.calls);
tagged.meta = { kind: "demo" };
console.log("meta: " + tagged.meta.kind + " keys: " + Object.keys(tagged).join(","));
// IIFE variants
var r1 = (function () { return "paren-outside"; })();
var r2 = (function () { return "paren-inside"; }());
var r3 = !function () { r3side = "bang"; }();
var r3side;
console.log(r1 + " " + r2 + " " + r3);
var r4 = void function () {}();
console.log("void IIFE: " + r4);
// function declarations in nested function
function outer() {
  return helper() + helper2();
  function helper() { return "h1"; }
  function helper2() { return "h2"; }
}
console.log("nested decls: " + outer());
// functions returned and called immediately
function adder(a) { return function (b) { return function (c) { return a + b + c; }; }; }
console.log("curried: " + adder(1)(2)(3));
// function passed as argument
function apply(fn, v) { return fn(v); }
console.log("higher-order: " + apply(function (x) { return x * x; }, 12));
// function prototype property
function Ctor() {}
console.log("prototype object: " + typeof Ctor.prototype + " constructor back-ref: " + (Ctor.prototype.constructor === Ctor));
// functions compared by identity
var f1 = function () {};
var f2 = function () {};
console.log("identity: " + (f1 === f1) + " " + (f1 === f2));
// returning undefined implicitly
function noReturn() {}
function emptyReturn() { return; }
console.log("implicit returns: " + noReturn() + " " + emptyReturn());
// ASI with return
function asi() {
  return
    "not returned";
}
console.log("ASI return: " + asi());
// function in conditional expression
var pick = true ? function () { return "first"; } : function () { return "second"; };
console.log("conditional fn: " + pick());
// recursion through arguments.callee in sloppy
var anon = function (n) { return n <= 0 ? 0 : n + arguments.callee(n - 1); };
console.log("callee recursion: " + anon(10));
// many parameters, missing and extra
function many(a, b, c, d) { return [a, b, c, d].join("|"); }
console.log("missing: " + many(1, 2) + " extra: " + many(1, 2, 3, 4, 5));
