const wm = new WeakMap();
const k1 = {}, k2 = function () {}, k3 = [];
console.log("set returns wm: " + (wm.set(k1, "object") === wm));
wm.set(k2, "function").set(k3, "array");
console.log("get: " + wm.get(k1) + " " + wm.get(k2) + " " + wm.get(k3) + " missing " + wm.get({}));
console.log("has: " + wm.has(k1) + " " + wm.has({}));
console.log("delete: " + wm.delete(k1) + " " + wm.delete(k1) + " has after: " + wm.has(k1));
try { wm.set("string", 1); } catch (e) { console.log("primitive key: " + e.name); }
try { wm.set(1, 1); } catch (e) { console.log("number key: " + e.name); }
console.log("get primitive: " + wm.get("x") + " has primitive: " + wm.has(1) + " delete primitive: " + wm.delete(null));
const symKey = Symbol("local");
try {
  wm.set(symKey, "symbol key");
  console.log("non-registered symbol key: " + wm.get(symKey));
} catch (e) {
  console.log("symbol key: " + e.name);
}
try { wm.set(Symbol.for("registered"), 1); } catch (e) { console.log("registered symbol key: " + e.name); }
console.log("no size: " + wm.size + " no iterator: " + typeof wm[Symbol.iterator] + " no clear: " + typeof wm.clear);
const init = new WeakMap([[k2, "init"]]);
console.log("constructor entries: " + init.get(k2));
const ws = new WeakSet();
const a = {}, b = {};
ws.add(a);
console.log("WeakSet: " + ws.has(a) + " " + ws.has(b) + " add returns set: " + (ws.add(b) === ws) + " delete " + ws.delete(a) + " " + ws.has(a));
try { ws.add(1); } catch (e) { console.log("WeakSet primitive: " + e.name); }
// private data pattern
const priv = new WeakMap();
class Person {
  constructor(name) { priv.set(this, { name, secret: name.length }); }
  get name() { return priv.get(this).name; }
  secretLength() { return priv.get(this).secret; }
}
const p = new Person("jolt");
console.log("private data: " + p.name + " " + p.secretLength() + " keys " + Object.keys(p).length);
// memoization keyed by object
const cache = new WeakMap();
let computations = 0;
function expensive(obj) {
  if (!cache.has(obj)) { computations++; cache.set(obj, Object.keys(obj).length * 10); }
  return cache.get(obj);
}
const o = { x: 1, y: 2 };
console.log("memo: " + expensive(o) + " " + expensive(o) + " " + expensive({ z: 1 }) + " computations " + computations);
console.log(Object.prototype.toString.call(wm) + " " + Object.prototype.toString.call(ws));
