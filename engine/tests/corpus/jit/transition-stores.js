// Stores that add a property by a cached transition: compiled code replays the transition
// inline (the baseline tier's store stub, the optimizing tier's AddProperty) while the new
// slot has room, and leaves the rest to the runtime: out-of-line buffers that must grow, a
// setter or read-only property appearing up the prototype chain, objects that have become
// prototypes (whose shape change other objects' caches must see), non-extensible objects.
// Also `new` reading each constructor's `prototype` through the runtime's cache while the
// property is reassigned.
function Wide(n) {
  this.a = n;
  this.b = n + 1;
  this.c = n + 2;
  this.d = n + 3;
  this.e = n + 4;
  this.f = n + 5;
  this.g = n + 6;
  this.h = n + 7;
  this.i = n + 8;
}
function sumWide(o) {
  return o.a + o.b + o.c + o.d + o.e + o.f + o.g + o.h + o.i;
}
let total = 0;
for (let k = 0; k < 300; k++) total += sumWide(new Wide(k));
console.log('wide', total, Object.keys(new Wide(0)).join(''));

// Object literals past the inline slots, with a duplicate key.
function literal(v) {
  return { p: v, q: v * 2, r: 3, s: 4, t: 5, u: 6, p: -v, w: 8 };
}
let lit = 0;
for (let k = 0; k < 300; k++) {
  const o = literal(k);
  lit += o.p + o.q + o.w + Object.keys(o).length;
}
console.log('literal', lit, JSON.stringify(literal(2)));

// A setter appears on the prototype once the stores are compiled: it must run.
function Point(x, y) {
  this.x = x;
  this.y = y;
}
let made = 0;
for (let k = 0; k < 300; k++) made += new Point(k, 1).y;
const seen = [];
Object.defineProperty(Point.prototype, 'y', {
  set(v) {
    seen.push(v);
  },
  get() {
    return 'from setter';
  },
  configurable: true,
});
for (let k = 0; k < 5; k++) {
  const p = new Point(k, k * 10);
  made += p.x;
  if (k === 4) console.log('point own keys', Object.keys(p).join(','), p.y);
}
console.log('point', made, seen.join(','));
delete Point.prototype.y;
Object.defineProperty(Object.prototype, 'frozenKey', { value: 'ro', writable: false, configurable: true });
function Holder(v) {
  this.v = v;
  this.frozenKey = v;
}
const holders = [];
for (let k = 0; k < 200; k++) holders.push(new Holder(k));
console.log('read-only on the chain', holders[199].frozenKey, Object.keys(holders[199]).join(','));
delete Object.prototype.frozenKey;
for (let k = 0; k < 3; k++) holders.push(new Holder(k));
console.log('after delete', holders[holders.length - 1].frozenKey, Object.keys(holders[holders.length - 1]).join(','));

// An object that has become a prototype: adding to it must reach its heirs' caches.
function addM(o, v) {
  o.m = v;
  return o;
}
function readM(o) {
  return o.m;
}
for (let k = 0; k < 300; k++) addM({}, k);
const grand = { m: 'grand' };
const middle = Object.create(grand);
const child = Object.create(middle);
const reads = [];
for (let k = 0; k < 300; k++) reads.push(readM(child));
addM(middle, 'middle');
reads.push(readM(child));
console.log('heir sees', reads[0], reads[reads.length - 1]);

// Non-extensible objects of a cached shape do not grow.
function tryAdd(o) {
  'use strict';
  try {
    o.m = 1;
    return 'added';
  } catch (e) {
    return e.constructor.name;
  }
}
for (let k = 0; k < 300; k++) tryAdd({});
console.log('sealed', tryAdd(Object.preventExtensions({})), tryAdd(Object.freeze({})), tryAdd({}));

// A constructor whose `prototype` is reassigned between calls.
function Kind() {
  this.tag = 1;
}
const protoA = { who: 'A' };
const protoB = { who: 'B' };
const kinds = [];
for (let k = 0; k < 300; k++) {
  Kind.prototype = k < 150 ? protoA : k < 299 ? protoB : 7;
  const o = new Kind();
  if (k % 50 === 0 || k === 299) kinds.push(o.who === undefined ? Object.getPrototypeOf(o) === Object.prototype : o.who);
}
console.log('prototypes', kinds.join(','));
class Base {
  constructor() {
    this.base = true;
  }
}
class Derived extends Base {
  constructor() {
    super();
    this.derived = true;
  }
}
let both = 0;
for (let k = 0; k < 300; k++) {
  const d = Reflect.construct(Derived, [], k % 2 ? Derived : Base);
  both += (d instanceof Derived ? 1 : 0) + (d.base && d.derived ? 2 : 0);
}
console.log('new.target', both);
