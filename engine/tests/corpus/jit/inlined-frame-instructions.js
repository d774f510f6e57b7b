// Inlined callees may run a few unspeculated instructions that the baseline tier too runs by
// the interpreter's code (array literals, closures, `in`, `instanceof`, `typeof`, `**`,
// throws) and calls of any callee, in their own frame written for them: exceptions,
// collections and prototype changes behave as if the call had been made.
function pairOf(a, b) { return [a, b]; }
function pairs(n) { let s = 0; for (let i = 0; i < n; i++) { const p = pairOf(i, i + 1); s += p[0] + p[1] + p.length; } return s; }
console.log(pairs(150), pairs(150));

function constant() { return () => 3; }
function applyConst(n) { let s = 0; for (let i = 0; i < n; i++) s += constant()() + i; return s; }
console.log(applyConst(150));

function has(o) { return "x" in o; }
function kind(o) { return typeof o.x; }
function isArr(o) { return o instanceof Array; }
function power(x) { return x ** 2; }
function classify(list) {
  let r = 0;
  for (let i = 0; i < list.length; i++) {
    const o = list[i];
    if (has(o)) r += kind(o).length;
    if (isArr(o)) r += 100;
    r += power(i % 5);
  }
  return r;
}
const objs = [];
for (let i = 0; i < 150; i++) objs.push(i % 3 === 0 ? { x: i } : i % 3 === 1 ? [i] : { x: "s" + i, y: 1 });
console.log(classify(objs), classify(objs));

function check(x) { if (x > 140) throw x * 2; return x; }
function guarded(n) {
  let s = 0, errs = 0, last = 0;
  for (let i = 0; i < n; i++) { try { s += check(i); } catch (e) { errs++; last = e; } }
  return s + " " + errs + " " + last;
}
console.log(guarded(150), guarded(150));

function callIt(f, x) { return f(x); }
const fs = [(x) => x + 1, (x) => x * 2, (x) => "s" + x, function (x) { return this === undefined ? x : -x; }];
function dispatch(n) { let r = []; for (let i = 0; i < n; i++) r.push(callIt(fs[i % 4], i)); return r.slice(-4).join(); }
console.log(dispatch(150), dispatch(150));

function callTwice(f, x) { return f(f(x)); }
function throwsAt(x) { if (x === 77) throw new RangeError("at " + x); return x + 1; }
function viaTwice(n) {
  let s = 0, caught = "";
  for (let i = 0; i < n; i++) { try { s += callTwice(throwsAt, i); } catch (e) { caught = e.message; } }
  return s + " " + caught;
}
console.log(viaTwice(150), viaTwice(150));

class P {}
P.prototype.k = 1;
class C extends P {}
let armed = false;
function mutate(i) { if (i === 100 && !armed) { armed = true; C.prototype.k = 5; } return i; }
function callMutate(f, i) { return f(i); }
function readAround(o, i) { const a = o.k; callMutate(mutate, i); return a + o.k; }
function proto(o) { let s = 0; for (let i = 0; i < 150; i++) s += readAround(o, i); return s; }
console.log(proto(new C()), proto(new C()));

function grow(a, i) { return [a, i]; }
function churn(n) { let a = null; let t = 0; for (let i = 0; i < n; i++) { a = grow(a, i); t += a[1]; } let d = 0; while (a) { d++; a = a[0]; } return t + " " + d; }
console.log(churn(300));
