// Inlined constructors (new of a base constructor whose body adds properties by transitions;
// a body returning an object; a setter appearing on the prototype mid-loop; the constructor
// replaced) and inlined closures reading and writing their captured variables.
(function () {
function V(x, y) { this.x = x; this.y = y; }
V.prototype.len2 = function () { return this.x * this.x + this.y * this.y; };
function P(a) { this.a = a; if (a > 10000) return { big: a }; }
class C { constructor(v) { this.v = v; } get twice() { return this.v * 2; } }
let s = 0, t = 0, u = 0;
for (let i = 0; i < 20000; i++) {
  const v = new V(i & 15, 3);
  s += v.len2();
  const p = new P(i);
  t += p.a === undefined ? p.big : p.a;
  u += new C(i & 3).v;
}
console.log(s, t, u);
// prototype gets a setter mid-way
function Q(x) { this.q = x; }
let n = 0;
for (let i = 0; i < 50000; i++) {
  if (i === 40000) Object.defineProperty(Q.prototype, 'q', { set(v) { n += v; }, configurable: true });
  const o = new Q(i);
  n += o.q === undefined ? 1 : 0;
}
console.log(n);
// constructor replaced
function A(x) { this.x = x; }
function B(x) { this.x = -x; }
let K = A, m = 0;
for (let i = 0; i < 50000; i++) { if (i === 30000) K = B; m += new K(i).x; }
console.log(m);
})();
(function () {
function mk(k) { let n = 0; const f = (x) => { n += x; return n * k; }; return f; }
const g = mk(3);
let s = 0;
for (let i = 0; i < 20000; i++) s += g(i & 7);
console.log(s);
function outer() { const base = 10; let cnt = 0; function add(x) { cnt++; return x + base; } let t = 0; for (let i = 0; i < 20000; i++) t += add(i); return [t, cnt]; }
console.log(outer().join());
})();
