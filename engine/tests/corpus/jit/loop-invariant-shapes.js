// Shape checks of objects a loop does not change are made once, on entering the loop, and
// deoptimize to the loop's header when they fail: other shapes, non-objects, loops that run
// no iteration, loops entered mid-way (on-stack replacement), nested loops and `this`.
function Acc(x, y) { this.x = x; this.y = y; }
Acc.prototype.sum = function (n) {
  let t = 0;
  for (let i = 0; i < n; i++) { t += this.x * i + this.y; }
  return t;
};
function sumOf(o, n) {
  let t = 0;
  for (let i = 0; i < n; i++) { t += o.x + o.y; }
  return t;
}
function grid(o, n) {
  let t = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) { t += o.x * i - o.y * j; }
  }
  return t;
}
function firstBig(o, limit) {
  // The check sits behind a branch inside the loop.
  for (let i = 0; i < limit; i++) {
    if (i > 3) return o.x + i;
  }
  return -1;
}

let total = 0;
const a = new Acc(1, 2);
for (let k = 0; k < 300; k++) total += a.sum(100) + sumOf(a, 50) + grid(a, 5) + firstBig(a, 10);
console.log(total);

// Other shapes: the same properties in another order, an extra property, a getter.
const others = [{ y: 5, x: 3 }, Object.assign(new Acc(2, 3), { z: 1 }), { get x() { return 10; }, y: 1 }];
for (const o of others) {
  let t = 0;
  for (let k = 0; k < 30; k++) t += sumOf(o, 10) + Acc.prototype.sum.call(o, 10) + grid(o, 3) + firstBig(o, 6);
  console.log(t);
}

// Non-objects: a loop that runs no iteration never reads them; one that does throws.
console.log(sumOf(null, 0), grid(undefined, 0), firstBig(null, 3), sumOf(7, 2), sumOf('ab', 1));
try { sumOf(null, 3); } catch (e) { console.log(e.constructor.name); }
try { grid(undefined, 2); } catch (e) { console.log(e.constructor.name); }

// A top-level loop entered in compiled code part-way, whose object changes shape after it.
const p = new Acc(4, 5);
let s = 0;
for (let i = 0; i < 20000; i++) s += p.x - p.y;
console.log(s);
p.w = 1;
for (let i = 0; i < 20000; i++) s += p.x + p.y;
console.log(s);

// Loads the loop cannot change are made on entering it: a chain `o.a.b`, an array's length,
// a field next to a store to another object's field (which stays in the loop: it may alias).
function chain(o, xs) {
  let t = 0;
  for (let i = 0; i < xs.length; i++) t += o.a.b * xs[i] + o.c;
  return t;
}
function Holder(b) { this.a = { b }; this.c = 1; }
let c = 0;
for (let k = 0; k < 300; k++) c += chain(new Holder(k), [1, 2, 3]);
console.log(c);
console.log(chain({ a: { b: 'x' }, c: 2 }, [1]), chain({ c: 0, a: { z: 0, b: 5 } }, [2, 2]), chain(new Holder(1), 'abc'));
try { chain({ a: null, c: 1 }, [1]); } catch (e) { console.log(e.constructor.name); }
function aliased(o, p, n) {
  let t = 0;
  for (let i = 0; i < n; i++) { t += o.x; p.x = i; }
  return t;
}
function X() { this.x = 100; }
let al = 0;
for (let k = 0; k < 300; k++) { const q = new X(); al += aliased(q, k % 3 ? q : new X(), 5); }
console.log(al);
// A store to another slot (of the same object, or of another of the same shape) leaves the
// load's value alone.
function other(o, p, n) {
  let t = 0;
  for (let i = 0; i < n; i++) { t += o.x; p.y = t; }
  return t + o.y;
}
function XY() { this.x = 3; this.y = 0; }
let ot = 0;
for (let k = 0; k < 300; k++) { const q = new XY(); ot += other(q, k % 2 ? q : new XY(), 4); }
console.log(ot);
