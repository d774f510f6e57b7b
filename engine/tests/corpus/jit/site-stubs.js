// Sites that compiled code hands to shared stubs, each made to leave the case the stub serves
// after the code was compiled: the stub's fallback (the runtime, reading the instruction's
// operands) must then give the interpreter's result.

// Named loads compiled while the site saw one shape, then other shapes, a getter, a
// primitive, null.
function getX(o) { return o.x; }
for (let i = 0; i < 300; i++) getX({ x: i });
const proto = { get x() { return "getter"; } };
const odd = [{ y: 1, x: "second shape" }, Object.create(proto), "str", 7, { x: undefined }];
console.log("get", odd.map(getX).join("|"));
try { getX(null); } catch (e) { console.log("get null", e instanceof TypeError); }

// Named stores compiled with slot-only feedback, then a setter up the chain, a frozen object
// and a new property.
function setY(o, v) { o.y = v; return o.y; }
for (let i = 0; i < 300; i++) setY({ y: 0 }, i);
let seen = [];
const withSetter = Object.create({ set y(v) { seen.push(v); }, get y() { return "via getter"; } });
console.log("set", setY(withSetter, 5), seen.join(), setY(Object.freeze({ y: 1 }), 9), setY({}, 3));
(function () {
  "use strict";
  function strictSet(o) { o.y = 2; return o.y; }
  for (let i = 0; i < 300; i++) strictSet({ y: 1 });
  try { strictSet(Object.freeze({ y: 1 })); } catch (e) { console.log("strict frozen", e instanceof TypeError); }
})();

// Stores that add properties (constructors), compiled with transition feedback, then a
// prototype setter that intercepts the add.
function Box(v) { this.v = v; this.w = v * 2; }
let boxes = 0;
for (let i = 0; i < 300; i++) boxes += new Box(i).w;
Object.defineProperty(Box.prototype, "w", { set(v) { this.captured = v; }, get() { return -1; }, configurable: true });
const b = new Box(4);
console.log("add", boxes, b.w, b.captured, Object.keys(b).join());

// Global-object properties read and written by compiled code, then deleted and redefined as
// an accessor; a global lexical binding read before it is initialised.
globalThis.counter = 0;
function bumpCounter() { counter = counter + 1; return counter; }
for (let i = 0; i < 300; i++) bumpCounter();
console.log("global", counter);
delete globalThis.counter;
try { bumpCounter(); } catch (e) { console.log("deleted", e instanceof ReferenceError); }
let log = [];
Object.defineProperty(globalThis, "counter", { get() { log.push("get"); return 100; }, set(v) { log.push("set " + v); }, configurable: true });
console.log("accessor", bumpCounter(), log.join());
function readLate() { return late; }
try { readLate(); } catch (e) { console.log("tdz", e instanceof ReferenceError); }
for (let i = 0; i < 300; i++) { try { readLate(); } catch (e) { /* still in its TDZ */ } }
let late = "initialised";
console.log("late", readLate());

// Keyed loads and stores on dense arrays, then holes, out-of-bounds and negative indices,
// string and double keys, a typed array, a string, an inherited element.
function at(a, i) { return a[i]; }
function put(a, i, v) { a[i] = v; return a[i]; }
const dense = [1, 2, 3, 4];
let t = 0;
for (let i = 0; i < 1000; i++) { t += at(dense, i & 3); put(dense, i & 3, i); }
const holey = [1, , 3];
Array.prototype[1] = "inherited";
console.log("keyed", t, at(holey, 1), at(dense, 9), at(dense, -1), at(dense, "2"), at(dense, 1.5), at("abc", 1), at(new Int8Array([5, 6]), 1));
delete Array.prototype[1];
console.log("keyed put", put(dense, 7, "grown"), dense.length, put(new Uint8Array(2), 0, 300), put({}, "k", 1), put(dense, -1, "neg"), dense[-1]);

// Arithmetic and comparisons leaving the int32 and double cases: objects with valueOf,
// strings, undefined and null, huge doubles under bitwise operators, and a throwing valueOf inside a try.
function arith(a, b) { return [a + b, a - b, a * b, a / b, a < b, a >= b, a | b, a >> 1, a >>> 0]; }
for (let i = 0; i < 300; i++) arith(i, 3);
for (let i = 0; i < 300; i++) arith(i + 0.5, 0.25);
console.log("numbers", arith(2 ** 40, 3).join(), arith(-(2 ** 70), 1).join());
console.log("objects", arith({ valueOf() { return 6; } }, { valueOf() { return 2; } }).join());
console.log("strings", arith("7", "2").join(), arith(undefined, null).join());
function guarded(a, b) {
  try { return a * b; } catch (e) { return "caught " + e.message; }
}
for (let i = 0; i < 300; i++) guarded(i, 2);
console.log("throwing", guarded({ valueOf() { throw new Error("no number"); } }, 2), guarded(3, 4));
