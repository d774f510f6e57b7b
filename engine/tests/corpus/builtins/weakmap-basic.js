// WeakMap and WeakSet: keys that can be held weakly, methods, constructors, shapes.
function show(label, v) { console.log(label + ": " + String(v)); }
function desc(o, k) {
  var d = Object.getOwnPropertyDescriptor(o, k);
  if (!d) return "none";
  return "value:" + typeof d.value + " w:" + d.writable + " e:" + d.enumerable + " c:" + d.configurable;
}
function err(f) {
  try { f(); return "no error"; } catch (e) { return e.constructor === TypeError ? "TypeError" : "other"; }
}

var wm = new WeakMap();
var k1 = {}, k2 = function () {}, k3 = [];
show("set returns map", wm.set(k1, "one") === wm);
wm.set(k2, "two").set(k3, "three");
show("get", wm.get(k1) + " " + wm.get(k2) + " " + wm.get(k3) + " " + wm.get({}));
show("has", wm.has(k1) + " " + wm.has({}));
show("overwrite", (wm.set(k1, "uno"), wm.get(k1)));
show("delete", wm.delete(k1) + " " + wm.delete(k1) + " " + wm.has(k1));

// Primitive keys.
show("set primitive", err(function () { wm.set(1, 1); }));
show("set string", err(function () { wm.set("a", 1); }));
show("set null", err(function () { wm.set(null, 1); }));
show("get primitive", wm.get(1) + " " + wm.has("x") + " " + wm.delete(true));

// Symbols: unregistered ones can be held weakly, registered ones cannot.
var sym = Symbol("weak");
show("symbol key", (wm.set(sym, "s"), wm.get(sym)) + " " + wm.has(sym));
show("well-known symbol key", (wm.set(Symbol.iterator, "it"), wm.get(Symbol.iterator)));
show("registered symbol", err(function () { wm.set(Symbol.for("reg"), 1); }));
show("registered symbol get/has/delete", wm.get(Symbol.for("reg")) + " " + wm.has(Symbol.for("reg")) + " " + wm.delete(Symbol.for("reg")));

// Constructor.
var ka = {}, kb = {};
var wm2 = new WeakMap([[ka, 1], [kb, 2]]);
show("from iterable", wm2.get(ka) + wm2.get(kb));
show("WeakMap() without new", err(function () { WeakMap(); }));
show("bad key in iterable", err(function () { new WeakMap([[1, 2]]); }));
show("bad entry", err(function () { new WeakMap([1]); }));
show("null iterable", new WeakMap(null) instanceof WeakMap);
var setCalls = 0;
var origSet = WeakMap.prototype.set;
WeakMap.prototype.set = function (k, v) { setCalls++; return origSet.call(this, k, v); };
new WeakMap([[{}, 1], [{}, 2]]);
WeakMap.prototype.set = origSet;
show("constructor calls set", setCalls);

// Receivers.
show("get on Map", err(function () { WeakMap.prototype.get.call(new Map(), {}); }));
show("set on WeakSet", err(function () { WeakMap.prototype.set.call(new WeakSet(), {}, 1); }));
show("has on object", err(function () { WeakMap.prototype.has.call({}, {}); }));

// WeakSet.
var ws = new WeakSet();
var v1 = {};
show("add returns set", ws.add(v1) === ws);
show("ws has", ws.has(v1) + " " + ws.has({}) + " " + ws.has(1));
show("ws add primitive", err(function () { ws.add(1); }));
show("ws add registered symbol", err(function () { ws.add(Symbol.for("x")); }));
show("ws add symbol", ws.add(sym).has(sym));
show("ws delete", ws.delete(v1) + " " + ws.delete(v1) + " " + ws.delete(1));
var ws2 = new WeakSet([v1, k1, v1]);
show("ws from iterable", ws2.has(v1) + " " + ws2.has(k1));
show("ws bad value in iterable", err(function () { new WeakSet([1]); }));
show("WeakSet() without new", err(function () { WeakSet(); }));
show("ws add on WeakMap", err(function () { WeakSet.prototype.add.call(new WeakMap(), {}); }));

// Shapes.
show("lengths", WeakMap.length + " " + WeakSet.length);
["delete", "get", "has", "set"].forEach(function (n) {
  show("WeakMap " + n, WeakMap.prototype[n].length + " " + WeakMap.prototype[n].name + " " + desc(WeakMap.prototype, n));
});
["add", "delete", "has"].forEach(function (n) {
  show("WeakSet " + n, WeakSet.prototype[n].length + " " + WeakSet.prototype[n].name + " " + desc(WeakSet.prototype, n));
});
show("no size/clear/iteration", ("size" in WeakMap.prototype) + " " + ("clear" in WeakMap.prototype) + " " + (Symbol.iterator in WeakSet.prototype));
show("tags", Object.prototype.toString.call(wm) + " " + Object.prototype.toString.call(ws));

// Many keys (entries for collected keys go away; the live ones stay).
var keep = [];
var big = new WeakMap();
for (var i = 0; i < 5000; i++) {
  var key = { i: i };
  big.set(key, { v: i });
  if (i % 10 === 0) keep.push(key);
}
var ok = 0;
for (var i = 0; i < keep.length; i++) if (big.get(keep[i]).v === keep[i].i) ok++;
show("kept keys", ok);

class MyWeakMap extends WeakMap {}
var mw = new MyWeakMap([[k1, 5]]);
show("subclass", (mw instanceof WeakMap) + " " + mw.get(k1));
