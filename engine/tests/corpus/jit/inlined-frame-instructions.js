// Inlined callees may run a few unspeculated instructions (property accesses of many shapes,
// string concatenation, array literals, closures, throws, calls of unknown callees) in
// their own frame, written for them: the interpreter's code runs each there, and its
// exceptions, collections and prototype changes behave as if the call had been made.
function getX(o) { return o.x; }
function label(o) { return "v" + getX(o); }
function sumLabels(list) { let s = ""; for (let i = 0; i < list.length; i++) s += label(list[i]); return s.length; }
const shapes = [];
for (let i = 0; i < 200; i++) {
  const o = { x: i };
  if (i % 2) o["k" + (i % 9)] = 1;
  shapes.push(o);
}
console.log(sumLabels(shapes), sumLabels(shapes));

function pairOf(a, b) { return [a, b]; }
function pairs(n) { let s = 0; for (let i = 0; i < n; i++) { const p = pairOf(i, i + 1); s += p[0] + p[1] + p.length; } return s; }
console.log(pairs(150), pairs(150));

function adder(k) { return (x) => x + k; }
function applyAdder(n) { let s = 0; for (let i = 0; i < n; i++) s += adder(i)(1); return s; }
console.log(applyAdder(150));

function check(x) { if (x > 140) throw new TypeError("too big " + x); return x; }
function guarded(n) {
  let s = 0, errs = [];
  for (let i = 0; i < n; i++) { try { s += check(i); } catch (e) { errs.push(e.constructor.name + ":" + e.message); } }
  return s + " " + errs.length + " " + errs[0];
}
console.log(guarded(150), guarded(150));

function callIt(f, x) { return f(x); }
const fs = [(x) => x + 1, (x) => x * 2, (x) => "s" + x, function (x) { return this === undefined ? x : -x; }];
function dispatch(n) { let r = []; for (let i = 0; i < n; i++) r.push(callIt(fs[i % 4], i)); return r.slice(-4).join(); }
console.log(dispatch(150), dispatch(150));

let hits = 0;
const proto = { get y() { hits++; return 7; } };
function readY(o) { return o.y + o.x; }
function readAll(n) {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const o = Object.create(proto);
    o.x = i;
    if (i === 100) Object.defineProperty(proto, "y", { get() { return 1000; } });
    s += readY(o);
  }
  return s;
}
console.log(readAll(150), hits);

function grow(a, i) { a.push({ i, s: "x" + i }); return a.length; }
function churn(n) { const a = []; let t = 0; for (let i = 0; i < n; i++) t += grow(a, i); return t + a[n - 1].s; }
console.log(churn(300));
