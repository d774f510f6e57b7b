// An inlined `new` assumes the shape its constructor's objects start with (the root shape of
// the constructor's `prototype`): replacing `prototype`, or adding to it, mid-loop must give
// objects of the new prototype with every property.
function P(x, y) {
  this.x = x;
  this.y = y;
}
P.prototype.sum = function () { return this.x + this.y; };
function make(i) {
  const p = new P(i, i + 1);
  return p.sum() + p.x;
}
let t = 0;
for (let i = 0; i < 400; i++) {
  if (i === 250) {
    P.prototype = { sum() { return -this.x; } };
  }
  if (i === 330) P.prototype.extra = 1;
  t += make(i);
}
console.log(t);
const last = new P(3, 4);
console.log(Object.getPrototypeOf(last) === P.prototype, last.sum(), last.extra, Object.keys(last).join());

class V {
  constructor(a) { this.a = a; this.b = a * 2; }
}
function build(n) {
  let s = 0;
  for (let i = 0; i < n; i++) { const v = new V(i); s += v.a + v.b; }
  return s;
}
let u = 0;
for (let k = 0; k < 30; k++) u += build(20);
V.prototype.c = 5;
for (let k = 0; k < 30; k++) u += build(20);
console.log(u, new V(1).c);

// A constructor whose prototype is not an object: objects get Object.prototype.
function Q() { this.q = 1; }
function makeQ() { return new Q().q; }
let w = 0;
for (let i = 0; i < 300; i++) {
  if (i === 200) Q.prototype = 7;
  w += makeQ();
}
console.log(w, Object.getPrototypeOf(new Q()) === Object.prototype);

// The constructor itself changing shape (a static property added), its `prototype` swapped
// for another object and then back: each `new` must still read the `prototype` it has now.
function R(v) { this.v = v; }
const firstProto = R.prototype;
firstProto.kind = function () { return "first"; };
const otherProto = { kind() { return "other"; } };
function makeR(i) {
  const r = new R(i);
  return r.kind().length + r.v;
}
let z = 0;
const kinds = [];
for (let i = 0; i < 600; i++) {
  if (i === 200) R.count = 0;
  if (i === 300) R.prototype = otherProto;
  if (i === 400) R.prototype = firstProto;
  if (i === 500) { R.prototype = otherProto; R.more = 1; }
  z += makeR(i);
  if (i % 100 === 99) kinds.push(new R(0).kind());
}
console.log(z, kinds.join());
class S {
  static a() {} static b() {} static c() {} static d() {} static e() {}
  static f() {} static g() {} static h() {} static i() {}
  constructor(n) { this.n = n; }
  twice() { return this.n * 2; }
}
function makeS(i) { return new S(i).twice(); }
let y = 0;
for (let i = 0; i < 400; i++) {
  if (i === 250) S.j = 1;
  y += makeS(i);
}
console.log(y, Object.getPrototypeOf(new S(1)) === S.prototype);

// Objects made outside compiled code's in-place `new` (the interpreter's, Reflect.construct's,
// a built-in's subclass): each must follow the `prototype` its new.target has at that moment.
function A() { this.a = 1; }
function B() { this.b = 2; }
const protoA = A.prototype;
const seen = [];
for (let i = 0; i < 60; i++) {
  if (i === 20) A.prototype = { tag: "swapped" };
  if (i === 30) A.prototype = protoA;
  if (i === 40) B.prototype = 5;
  const x = Reflect.construct(A, [], i % 2 ? A : B);
  const y = new B();
  if (i % 10 === 0 || i === 21 || i === 31 || i === 41) {
    seen.push(`${i}:${Object.getPrototypeOf(x) === A.prototype ? "A" : Object.getPrototypeOf(x) === B.prototype ? "B" : Object.getPrototypeOf(x) === Object.prototype ? "O" : "?"}` +
      `${x.tag || ""}${Object.getPrototypeOf(y) === Object.prototype ? "o" : "b"}`);
  }
}
console.log(seen.join(" "));
class MyArray extends Array {}
class MyMap extends Map {}
let kinds2 = 0;
for (let i = 0; i < 30; i++) {
  if (i === 15) MyMap.prototype.extra = function () { return 7; };
  const m = new MyMap([[i, i]]);
  const a = MyArray.from([i, i + 1]);
  kinds2 += (m instanceof MyMap ? 1 : 0) + (a instanceof MyArray ? 1 : 0) + (m.extra ? m.extra() : 0) + m.get(i) + a.length;
}
console.log(kinds2);
