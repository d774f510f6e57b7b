// arguments.callee in sloppy functions (with and without parameters, with duplicates),
// and the poisoned accessor in strict ones.
function none() { return arguments.callee === none; }
function some(a, b) { return arguments.callee === some; }
function dup(a, a) { return arguments.callee === dup && a; }
console.log("sloppy callee:", none(), some(1, 2), dup(1, 2));
var fact = function (n) { return n <= 1 ? 1 : n * arguments.callee(n - 1); };
console.log("recursion via callee:", fact(5));
function strictNone() { "use strict"; try { return arguments.callee; } catch (e) { return e instanceof TypeError; } }
console.log("strict callee throws:", strictNone());
function lengthOf() { return arguments.length + ":" + Object.prototype.toString.call(arguments); }
console.log("no-param arguments:", lengthOf(1, 2, 3));
function noParamsWrite() { arguments[0] = "x"; return arguments[0]; }
console.log("no-param write:", noParamsWrite(1));
