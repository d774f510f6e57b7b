// Property loads and stores whose receivers change shape once the code is hot.
function getX(o) { return o.x; }
function setX(o, v) { o.x = v; return o; }
function P(x, y) { this.x = x; this.y = y; }
function Q(x) { this.y = 0; this.x = x; }

let t = 0;
for (let i = 0; i < 200; i++) t += getX(new P(i, 1));
console.log("mono", t);
// New shapes: a different layout, a dictionary-ish object, a primitive, missing property.
console.log(getX(new Q(5)), getX({ x: "str" }), getX({ a: 1, b: 2, x: 9 }), getX("abc"), getX({}), getX([1]));
for (let i = 0; i < 200; i++) t += getX(i % 2 ? new P(i, 1) : new Q(i));
console.log("poly", t);
try { getX(null); } catch (e) { console.log(e instanceof TypeError); }
try { getX(undefined); } catch (e) { console.log(e instanceof TypeError); }

// Inherited loads, then the prototype changes under the hot code.
function Animal() {}
Animal.prototype.legs = 4;
function legs(a) { return a.legs; }
const a = new Animal();
let l = 0;
for (let i = 0; i < 200; i++) l += legs(a);
console.log("proto", l);
Animal.prototype.legs = 3;
console.log(legs(a));
Object.defineProperty(Animal.prototype, "legs", { get() { return 100; }, configurable: true });
console.log(legs(a));
a.legs = 7;
console.log(legs(a), legs(new Animal()));
delete Animal.prototype.legs;
console.log(legs(new Animal()));
Object.setPrototypeOf(a, { legs: 2 });
console.log(legs(a));

// Stores: own data property, then frozen, getter/setter, non-writable, new property.
const objs = [];
for (let i = 0; i < 200; i++) objs.push(setX(new P(0, 0), i));
console.log(objs[199].x, Object.keys(objs[5]).join());
const frozen = Object.freeze(new P(1, 2));
setX(frozen, 50);
console.log(frozen.x);
(function () { "use strict"; try { frozen.x = 3; } catch (e) { console.log(e.constructor.name); } })();
let seen = [];
const acc = Object.create(null, { x: { set(v) { seen.push(v); }, get() { return -1; } } });
setX(acc, 11);
console.log(seen.join(), getX(acc));
const ro = new P(1, 1);
Object.defineProperty(ro, "x", { writable: false });
setX(ro, 99);
console.log(ro.x);
const fresh = setX({}, 5);
console.log(JSON.stringify(fresh), JSON.stringify(setX(new Q(1), "q")));
// Deleting a property makes the shape change.
const d = new P(4, 5);
for (let i = 0; i < 100; i++) getX(d);
delete d.x;
console.log(getX(d), "x" in d);
d.x = 8;
console.log(getX(d));
