// An inlined callee that makes calls: its frame (and those of the inlined calls around it)
// is written before each call, so the callee sees a caller like any other. Exceptions leave
// through the compiled function's handlers, stack traces name the inlined functions, the
// collector finds the inlined frames' values, prototype changes made by the callee
// deoptimize the inlined code after the call, and recursion inlined once still overflows
// cleanly.
"use strict";
function thrower(x) { if (x % 10 === 9) throw new RangeError("r" + x); return x; }
function mid(x) { return thrower(x) * 2; }
function caught(n) {
  let s = 0, c = 0;
  for (let i = 0; i < n; i++) { try { s += mid(i); } catch (e) { c++; s += e.message.length; } }
  return s + "/" + c;
}
function uncaught(n) { let s = 0; for (let i = 0; i < n; i++) s += mid(i); return s; }
console.log(caught(150), caught(150));
try { uncaught(150); } catch (e) { console.log("uncaught", e.message); }

function frames() { return new Error("w").stack.split("\n").slice(1, 4).map((l) => l.trim().split(" ")[1]).join(","); }
function via(a) { return frames(); }
function twice(a) { return via(a); }
function trace() { let r = ""; for (let i = 0; i < 150; i++) r = twice(i); return r; }
console.log(trace(), trace());

class P {}
P.prototype.k = 1;
class C extends P {}
let armed = false;
function mutate(i) { if (i === 100 && !armed) { armed = true; C.prototype.k = 5; } return i; }
function readAround(o, i) { const a = o.k; mutate(i); return a + o.k; }
function proto(o) { let s = 0; for (let i = 0; i < 150; i++) s += readAround(o, i); return s; }
console.log(proto(new C()), proto(new C()));

function pair(a, b) { const out = []; for (let i = 0; i < 8; i++) out.push({ a, b, i }); return out.length + arguments.length; }
function holder(x, y) { const o = { x, y: [y, y] }; const n = pair(o, [x, y]); return n + o.x + o.y[1]; }
function churn(n) { let s = 0; for (let i = 0; i < n; i++) s += holder(i, i * 2); return s; }
console.log(churn(150), churn(150));

function helper(x) { return x + 1; }
function Point(x) { this.x = helper(x); this.y = helper(this.x); }
function points(n) { let s = 0; for (let i = 0; i < n; i++) { const p = new Point(i); s += p.x * p.y; } return s; }
console.log(points(150), points(150));

function sloppy() { return this === undefined ? "undefined" : typeof this; }
function strictCaller() { return sloppy(); }
function receivers() { let r = ""; for (let i = 0; i < 150; i++) r = strictCaller(); return r; }
console.log(receivers());

function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
console.log(fib(18), fib(10));
function rec(n) { return n === 0 ? 0 : 1 + wrap(n - 1); }
function wrap(n) { return rec(n); }
for (let i = 0; i < 30; i++) rec(10);
try { rec(1e7); console.log("no overflow"); } catch (e) { console.log(e instanceof RangeError, e.message); }
console.log(rec(100));

function shapes(o) { return o.v * 2; }
function mixed(o) { return shapes(o) + 1; }
function poly(list) { let s = 0; for (const o of list) s += mixed(o); return s; }
const list = [];
for (let i = 0; i < 150; i++) list.push(i % 7 === 0 ? { w: 1, v: i } : { v: i });
console.log(poly(list), poly([{ v: 0.5 }, { v: "3" }, { v: 2 }]));
