// a property of the global object (not a top-level var, so this works the same in scripts and modules)
globalThis.sharedName = "global";
function directSees() {
  var sharedName = "local";
  return eval("sharedName");
}
function indirectSees() {
  var sharedName = "local";
  return (0, eval)("sharedName");
}
console.log("direct eval sees local: " + directSees());
console.log("indirect eval: " + indirectSees());

function leak() {
  eval("var leaked = 'declared by eval'");
  return typeof leaked + " " + leaked;
}
console.log("sloppy direct eval var leaks into function: " + leak());

function noLeakStrict() {
  "use strict";
  eval("var isolated = 1");
  return typeof isolated;
}
console.log("strict direct eval isolates var: " + noLeakStrict());

function strictCode() {
  eval("'use strict'; var alsoIsolated = 1");
  return typeof alsoIsolated;
}
console.log("strict eval code isolates var: " + strictCode());

function letIsolated() {
  eval("let blockScoped = 1; const c = 2;");
  return typeof blockScoped + " " + typeof c;
}
console.log("let/const in eval stay in eval: " + letIsolated());

function evalFunctionDecl() {
  eval("function declaredInEval() { return 'fn from eval'; }");
  return declaredInEval();
}
console.log("function declaration leaks: " + evalFunctionDecl());

(0, eval)("var indirectGlobal = 'made global'");
console.log("indirect eval creates global: " + typeof indirectGlobal + " " + globalThis.indirectGlobal);

function modifyLocal() {
  var x = 1;
  eval("x = 2");
  return x;
}
console.log("eval modifies local: " + modifyLocal());

console.log("completion values: " + eval("1; 2; 3") + " " + eval("if (true) { 'then' } else { 'else' }") + " " + eval("var q = 5") + " " + eval(""));
console.log("non-string argument returned as is: " + (eval(42) === 42) + " " + typeof eval({ a: 1 }));
const e = eval;
function aliasIsIndirect() {
  var local = "local";
  return e("typeof local");
}
console.log("aliased eval is indirect: " + aliasIsIndirect());
function thisInEval() { return eval("this"); }
console.log("this in direct eval: " + (thisInEval.call("ctx") == "ctx"));
function argsInEval(a, b) { return eval("arguments.length + ':' + a + b"); }
console.log("arguments in eval: " + argsInEval("p", "q"));
function closureFromEval() {
  var captured = "captured value";
  return eval("(function () { return captured; })");
}
console.log("closure created by eval: " + closureFromEval()());
try {
  eval("var ;");
} catch (err) {
  console.log("syntax error: " + err.name + " " + (err instanceof SyntaxError));
}
try {
  eval("throw new RangeError('from eval')");
} catch (err) {
  console.log("runtime error: " + err.name + " " + err.message);
}
function nestedEval() {
  var depth = "outer";
  return eval("var depth2 = depth + '>inner'; eval('depth2 + \">deepest\"')");
}
console.log("nested eval: " + nestedEval());
console.log("eval of object literal needs parens: " + typeof eval("({ a: 1 })") + " " + eval("{ a: 1 }"));
function evalInArrow() {
  var v = "fn var";
  return (() => eval("v"))();
}
console.log("eval inside arrow: " + evalInArrow());
