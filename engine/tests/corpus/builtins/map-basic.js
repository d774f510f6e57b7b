// Map: construction, SameValueZero keys, methods, property shapes.
function show(label, v) { console.log(label + ": " + String(v)); }
function desc(o, k) {
  var d = Object.getOwnPropertyDescriptor(o, k);
  if (!d) return "none";
  var s = "";
  if ("value" in d) s += "value:" + typeof d.value + " w:" + d.writable;
  else s += "get:" + typeof d.get + " set:" + typeof d.set;
  return s + " e:" + d.enumerable + " c:" + d.configurable;
}
function err(f) {
  try { f(); return "no error"; } catch (e) { return e.constructor === TypeError ? "TypeError" : e.constructor === RangeError ? "RangeError" : "other"; }
}

var m = new Map();
show("empty size", m.size);
show("set returns map", m.set("a", 1) === m);
m.set(-0, "zero").set(NaN, "nan").set("b", 2);
show("get +0", m.get(0));
show("get -0", m.get(-0));
show("get NaN", m.get(0 / 0));
show("key of zero is +0", Object.is([...m.keys()][1], 0));
show("has b", m.has("b"));
show("has c", m.has("c"));
show("get missing", m.get("missing"));
show("size", m.size);

// Strings compare by content, including built-up strings.
var s1 = "hello world, this is a longer string";
var s2 = "hello " + "world, this is a " + "longer string";
m.set(s1, "long");
show("string content key", m.get(s2));
show("1 vs '1'", (m.set(1, "num"), m.set("1", "str"), m.get(1) + "/" + m.get("1")));
show("1.0 is 1", m.get(1.0));

// Objects and symbols by identity.
var o1 = {}, o2 = {};
var sym = Symbol("s");
m.set(o1, "o1").set(sym, "sym");
show("object identity", m.get(o1) + "/" + m.get(o2));
show("symbol", m.get(sym) + "/" + m.get(Symbol("s")));
show("undefined key", (m.set(undefined, "u"), m.get(undefined)));
show("null key", (m.set(null, "n"), m.get(null) + "/" + m.get(undefined)));
show("true key", (m.set(true, "t"), m.get(true) + "/" + m.get(1)));

// Overwrite keeps position.
var order = new Map([["x", 1], ["y", 2], ["z", 3]]);
order.set("x", 10);
show("overwrite order", [...order].map(function (e) { return e[0] + "=" + e[1]; }).join(","));
show("delete present", order.delete("y"));
show("delete absent", order.delete("y"));
order.set("y", 20);
show("re-add goes last", [...order.keys()].join(","));
order.clear();
show("after clear", order.size + " " + order.has("x"));
show("clear returns", order.clear());

// Constructor.
show("Map() without new", err(function () { Map(); }));
show("non-object entry", err(function () { new Map([1]); }));
show("null iterable", new Map(null).size);
show("undefined iterable", new Map(undefined).size);
show("non-iterable", err(function () { new Map({}); }));
show("from entries w/ dup", new Map([[1, "a"], [1, "b"]]).get(1));
var fromIterable = new Map({ [Symbol.iterator]: function* () { yield ["k", "v"]; yield { 0: "k2", 1: "v2" }; } });
show("from generator", fromIterable.get("k") + fromIterable.get("k2"));

// The constructor uses the 'set' it finds on the new object.
var calls = [];
var origSet = Map.prototype.set;
Map.prototype.set = function (k, v) { calls.push(k); return origSet.call(this, k, v); };
new Map([["p", 1], ["q", 2]]);
Map.prototype.set = origSet;
show("constructor calls set", calls.join(","));
Map.prototype.set = 42;
show("set not callable", err(function () { new Map([]); }));
show("set not callable, no iterable", new Map().size);
Map.prototype.set = origSet;

// Iterator closed when adding fails.
var closed = 0;
var iter = {};
iter[Symbol.iterator] = function () {
  return { next: function () { return { value: 5, done: false }; }, return: function () { closed++; return {}; } };
};
show("non-object entry closes", err(function () { new Map(iter); }) + " closed=" + closed);

// Receivers.
show("get on Set", err(function () { Map.prototype.get.call(new Set(), 1); }));
show("get on object", err(function () { Map.prototype.get.call({}, 1); }));
show("size on WeakMap", err(function () { Object.getOwnPropertyDescriptor(Map.prototype, "size").get.call(new WeakMap()); }));
show("forEach not callable", err(function () { new Map().forEach(1); }));

// Shapes.
show("Map.length", Map.length);
show("Map.name", Map.name);
show("prototype desc", desc(Map, "prototype"));
["clear", "delete", "entries", "forEach", "get", "has", "keys", "set", "values"].forEach(function (k) {
  show(k, Map.prototype[k].length + " " + Map.prototype[k].name + " " + desc(Map.prototype, k));
});
show("size desc", desc(Map.prototype, "size"));
show("size getter name", Object.getOwnPropertyDescriptor(Map.prototype, "size").get.name);
show("iterator is entries", Map.prototype[Symbol.iterator] === Map.prototype.entries);
show("toStringTag", Object.prototype.toString.call(new Map()) + " " + desc(Map.prototype, Symbol.toStringTag));
var species = Object.getOwnPropertyDescriptor(Map, Symbol.species);
show("species", species.get.call(42) + " " + species.get.name + " " + desc(Map, Symbol.species));
show("groupBy", Map.groupBy.length + " " + Map.groupBy.name);

// Subclassing.
class MyMap extends Map {
  constructor(it) { super(it); this.extra = true; }
  set(k, v) { return super.set(k, v * 2); }
}
var mm = new MyMap([["a", 1]]);
show("subclass", (mm instanceof Map) + " " + mm.get("a") + " " + mm.extra + " " + mm.size);

// Many keys.
var big = new Map();
for (var i = 0; i < 20000; i++) big.set("k" + i, i);
for (var i = 0; i < 20000; i += 2) big.delete("k" + i);
var sum = 0;
for (var i = 0; i < 20000; i++) { var v = big.get("k" + i); if (v !== undefined) sum += v; }
show("big", big.size + " " + sum + " " + big.get("k19999") + " " + big.has("k0"));
