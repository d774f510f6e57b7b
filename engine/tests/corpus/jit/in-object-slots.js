// Property slots on both sides of the in-object limit (the first four slots live inside the
// object, the rest out of line): loads, stores, adds, deletes, inherited and global slots, in
// hot loops so every tier runs them.

function make(n) {
  const o = {};
  for (let i = 0; i < n; i++) o["p" + i] = i * 10;
  return o;
}

// Reads of each slot of objects of 1..10 properties, one shape per size.
function sumAll(o, n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += o["p" + i];
  return s;
}
const sizes = [];
for (let n = 1; n <= 10; n++) {
  let t = 0;
  const o = make(n);
  for (let k = 0; k < 200; k++) t += sumAll(o, n);
  sizes.push(t);
}
console.log("sums", sizes.join());

// Named loads and stores at fixed slots 3, 4 and 5 (the boundary).
function Point(a, b, c, d, e, f) {
  this.a = a; this.b = b; this.c = c; this.d = d; this.e = e; this.f = f;
}
function bump(p) {
  p.d += 1; // slot 3, inline
  p.e += 2; // slot 4, first out of line
  p.f = p.d + p.e; // slot 5
  return p.a + p.b + p.c + p.d + p.e + p.f;
}
const pts = [];
for (let i = 0; i < 50; i++) pts.push(new Point(i, i + 1, i + 2, i + 3, i + 4, i + 5));
let acc = 0;
for (let r = 0; r < 40; r++) for (const p of pts) acc += bump(p);
console.log("bump", acc, pts[7].d, pts[7].e, pts[7].f);

// Objects growing past the inline slots while a loop reads them (shape changes mid-loop).
function grow(n) {
  const o = { x: 1 };
  let s = 0;
  for (let i = 0; i < n; i++) {
    o["g" + i] = i;
    s += o.x + o["g" + i] + (o.g0 ?? 0) + (o.g4 ?? -1);
  }
  return s + Object.keys(o).length;
}
let g = 0;
for (let i = 0; i < 100; i++) g += grow(12);
console.log("grow", g);

// Deleting an inline property pulls the out-of-line ones down (the object becomes a
// dictionary); the remaining values and their order stay right.
function churn() {
  const o = make(8);
  delete o.p1;
  delete o.p4;
  o.p1 = "back";
  o.p9 = 99;
  return Object.entries(o).map(([k, v]) => k + "=" + v).join(",");
}
let last = "";
for (let i = 0; i < 60; i++) last = churn();
console.log("churn", last);

// Inherited loads from a prototype holding many properties (holder slots past the inline ones).
const proto = make(9);
proto.method = function () { return this.own + this.p7 + this.p2; };
function Child(v) { this.own = v; }
Child.prototype = proto;
let inh = 0;
for (let i = 0; i < 300; i++) {
  const c = new Child(i);
  inh += c.p8 + c.p0 + c.method();
}
console.log("inherited", inh);

// Polymorphic sites over objects of different sizes, same key at different slots.
const shapes = [{ k: 1 }, { a: 0, k: 2 }, { a: 0, b: 0, c: 0, d: 0, k: 3 }, { a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, k: 4 }];
function readK(o) { return o.k; }
function writeK(o, v) { o.k = v; }
let poly = 0;
for (let i = 0; i < 400; i++) {
  const o = shapes[i & 3];
  writeK(o, readK(o) + 1);
  poly += readK(o);
}
console.log("poly", poly, shapes.map(readK).join());

// Many globals: global-object slots far past the inline ones.
for (let i = 0; i < 30; i++) globalThis["gv" + i] = i;
var gsum = 0;
function globals() {
  for (let i = 0; i < 100; i++) gsum += gv0 + gv5 + gv29;
  gv29 = gv29 + 1;
}
for (let i = 0; i < 20; i++) globals();
console.log("globals", gsum, gv29);

// Accessors in out-of-line slots.
const acc2 = make(6);
let hits = 0;
Object.defineProperty(acc2, "q", { get() { hits++; return this.p5; }, set(v) { this.p5 = v; }, configurable: true });
let q = 0;
for (let i = 0; i < 200; i++) { acc2.q = i; q += acc2.q; }
console.log("accessor", q, hits, acc2.p5);

// Frozen and spread copies keep every slot.
const big = Object.freeze(make(7));
const copy = { ...big, extra: true };
console.log("copy", JSON.stringify(copy), Object.isFrozen(big));
