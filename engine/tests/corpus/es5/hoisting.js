// var and function declaration hoisting
console.log("a before decl: " + typeof a + " " + a);
var a = 1;
console.log("a after decl: " + a);

console.log("f before decl: " + f());
function f() { return "f-result"; }

console.log("typeof g before assignment: " + typeof g);
var g = function () { return "g"; };
console.log("typeof g after assignment: " + typeof g);

function outer() {
  console.log("inner x before: " + x);
  var x = "local";
  console.log("inner x after: " + x);
  return inner();
  function inner() { return "inner sees " + x; }
}
var x = "global";
console.log(outer());
console.log("x still " + x);

// function declarations override var of the same name at hoist time
function dup() { return 1; }
var dup;
console.log("typeof dup: " + typeof dup);
var dup = 5;
console.log("dup now: " + dup);

// later function declaration wins
function twice() { return "first"; }
console.log("twice(): " + twice());
function twice() { return "second"; }

// var inside blocks is function scoped
function blocks() {
  if (false) { var hidden = 1; }
  console.log("hidden: " + hidden);
  for (var i = 0; i < 3; i++) { var inLoop = i * 2; }
  console.log("i=" + i + " inLoop=" + inLoop);
  try { throw 1; } catch (e) { var fromCatch = "c"; }
  console.log("fromCatch: " + fromCatch);
}
blocks();

// parameters and var of same name
function params(p) {
  console.log("p before var: " + p);
  var p;
  console.log("p after bare var: " + p);
  var p = "reassigned";
  console.log("p after var init: " + p);
}
params("arg");

// function declaration shadows parameter
function shadowParam(q) {
  return typeof q;
  function q() {}
}
console.log("shadowParam: " + shadowParam(42));
