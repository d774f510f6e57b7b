// Set: construction, SameValueZero values, methods, iteration under mutation, shapes.
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
  try { f(); return "no error"; } catch (e) { return e.constructor === TypeError ? "TypeError" : "other"; }
}

var s = new Set([1, 2, 2, "2", NaN, 0 / 0, -0, 0]);
show("size", s.size);
show("values", [...s].map(String).join(","));
show("-0 stored as +0", Object.is([...s][4], 0));
show("has", s.has(NaN) + " " + s.has(-0) + " " + s.has("1"));
show("add returns set", s.add(9) === s);
show("delete", s.delete(9) + " " + s.delete(9));
var str = "abc" + "def";
s.add(str);
show("string content", s.has("abcdef"));
s.clear();
show("clear", s.size);

var o = {};
s = new Set([o, {}]);
show("objects", s.size + " " + s.has(o) + " " + s.has({}));

// keys === values, entries are [v, v], @@iterator is values.
show("keys is values", Set.prototype.keys === Set.prototype.values);
show("iterator is values", Set.prototype[Symbol.iterator] === Set.prototype.values);
var e = new Set(["a"]).entries().next().value;
show("entries", e.length + " " + e[0] + e[1]);

// Live iteration.
s = new Set([1, 2, 3]);
var seen = [];
s.forEach(function (v, v2, set) {
  seen.push(v + "" + v2);
  if (v === 1) { set.delete(2); set.add(4); }
  if (v === 3) { set.delete(1); set.add(1); }
});
show("forEach mutation", seen.join(","));
seen = [];
for (var v of s) { seen.push(v); if (v === 4) s.add(5); }
show("for-of additions", seen.join(","));

s = new Set();
for (var i = 0; i < 3000; i++) s.add(i);
var count = 0;
for (var v of s) {
  count++;
  if (v % 3 === 0) for (var j = v + 1; j < v + 3; j++) s.delete(j);
}
show("deleting ahead", count + " " + s.size);

var it = new Set([1, 2]).values();
var s2 = new Set([1, 2, 3]);
it = s2.values();
it.next();
s2.clear();
s2.add("n");
show("clear then add", [...it].join(","));

// Constructor uses 'add'.
var calls = 0;
var origAdd = Set.prototype.add;
Set.prototype.add = function (v) { calls++; return origAdd.call(this, v); };
new Set([1, 2, 3]);
Set.prototype.add = origAdd;
show("constructor add calls", calls);
show("Set() without new", err(function () { Set(); }));
show("non-iterable", err(function () { new Set(5); }));
show("string iterable", new Set("aab").size);

// Receivers and shapes.
show("add on Map", err(function () { Set.prototype.add.call(new Map(), 1); }));
show("has on WeakSet", err(function () { Set.prototype.has.call(new WeakSet(), {}); }));
show("values on Map", err(function () { Set.prototype.values.call(new Map()); }));
show("Set.length/name", Set.length + " " + Set.name);
["add", "clear", "delete", "entries", "forEach", "has", "values", "union", "intersection", "difference",
 "symmetricDifference", "isSubsetOf", "isSupersetOf", "isDisjointFrom"].forEach(function (k) {
  show(k, Set.prototype[k].length + " " + Set.prototype[k].name + " " + desc(Set.prototype, k));
});
show("keys desc", desc(Set.prototype, "keys") + " " + Set.prototype.keys.name);
show("size desc", desc(Set.prototype, "size"));
show("tag", Object.prototype.toString.call(new Set()) + " " + Object.prototype.toString.call(new Set().values()));
show("species", Object.getOwnPropertyDescriptor(Set, Symbol.species).get.call(1));
var SetIteratorProto = Object.getPrototypeOf(new Set().values());
show("iterator next on map iterator", err(function () { SetIteratorProto.next.call(new Map().keys()); }));

class Tagged extends Set {
  add(v) { return super.add("t:" + v); }
}
show("subclass", [...new Tagged([1, 2])].join(","));
