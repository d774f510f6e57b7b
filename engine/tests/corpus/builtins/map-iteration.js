// Map iteration: live iteration by entry order under mutation, forEach, iterator objects.
function show(label, v) { console.log(label + ": " + String(v)); }
function err(f) {
  try { f(); return "no error"; } catch (e) { return e.constructor === TypeError ? "TypeError" : "other"; }
}

var m = new Map([[1, "a"], [2, "b"], [3, "c"]]);
var seen = [];
for (var [k, v] of m) {
  seen.push(k + v);
  if (k === 1) { m.delete(2); m.set(4, "d"); }
  if (k === 3) m.set(1, "A");  // existing key: no new entry
}
show("mutating for-of", seen.join(","));

// Delete then re-add: visited again at the end.
m = new Map([["x", 1], ["y", 2]]);
seen = [];
m.forEach(function (v, k, map) {
  seen.push(k);
  if (k === "x" && seen.length === 1) { map.delete("x"); map.set("x", 3); }
});
show("delete/re-add in forEach", seen.join(","));

// forEach arguments and thisArg.
var ctx = { n: 0 };
new Map([["a", 1]]).forEach(function (v, k, map) { this.n = v + k + (map instanceof Map); }, ctx);
show("forEach this", ctx.n);

// Clear during iteration, then add: the iterator sees the new entries.
m = new Map([[1, 1], [2, 2], [3, 3]]);
var it = m.keys();
show("first", it.next().value);
m.clear();
m.set(10, 10);
m.set(20, 20);
var rest = [];
for (var x of it) rest.push(x);
show("after clear", rest.join(","));

// Clear with no additions: done, and stays done even if entries come back.
m = new Map([[1, 1]]);
it = m.values();
m.clear();
var r = it.next();
show("cleared done", r.done + " " + r.value);
m.set(5, 5);
show("stays done", it.next().done);

// Heavy deletion while iterating (forces compaction of the entry table).
m = new Map();
for (var i = 0; i < 2000; i++) m.set(i, i);
it = m.entries();
var visited = 0, total = 0;
for (var e of it) {
  visited++;
  total += e[1];
  if (e[0] % 100 === 0) {
    // Delete the next 60 entries and everything before us.
    for (var j = e[0] + 1; j <= e[0] + 60; j++) m.delete(j);
    for (var j = 0; j < e[0]; j++) m.delete(j);
  }
  if (e[0] === 1999) m.set("tail", 1);
}
show("compaction while iterating", visited + " " + total + " " + m.size);

// Two iterators at different positions across many deletions.
m = new Map();
for (var i = 0; i < 500; i++) m.set("k" + i, i);
var a = m.keys(), b = m.keys();
for (var i = 0; i < 250; i++) a.next();
for (var i = 0; i < 499; i++) if (i !== 260 && i !== 10) m.delete("k" + i);
show("iterator a", [...a].join(","));
show("iterator b", [...b].join(","));

// Iterator protocol details.
m = new Map([["k", "v"]]);
var entries = m.entries();
var IteratorProto = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
var MapIteratorProto = Object.getPrototypeOf(entries);
show("proto chain", (Object.getPrototypeOf(MapIteratorProto) === IteratorProto) + " " + (Object.getPrototypeOf(m.keys()) === MapIteratorProto));
show("tag", Object.prototype.toString.call(entries) + " " + MapIteratorProto[Symbol.toStringTag]);
show("next props", MapIteratorProto.next.length + " " + MapIteratorProto.next.name + " " + Object.prototype.propertyIsEnumerable.call(MapIteratorProto, "next"));
show("own next?", Object.prototype.hasOwnProperty.call(entries, "next"));
show("iterator returns itself", entries[Symbol.iterator]() === entries);
var first = entries.next();
show("entry", Array.isArray(first.value) + " " + first.value[0] + first.value[1] + " " + first.done + " " + Object.keys(first).join("/"));
var done = entries.next();
show("done", done.done + " " + done.value);
show("next on map", err(function () { MapIteratorProto.next.call(m); }));
show("next on set iterator", err(function () { MapIteratorProto.next.call(new Set([1]).values()); }));
show("next on array iterator", err(function () { MapIteratorProto.next.call([][Symbol.iterator]()); }));
show("next on exhausted set iterator", err(function () { var s = new Set().values(); s.next(); MapIteratorProto.next.call(s); }));
show("next on exhausted map iterator", MapIteratorProto.next.call(entries).done);
show("entries on Set", err(function () { Map.prototype.entries.call(new Set()); }));
show("keys/values", [...m.keys()].join() + " " + [...m.values()].join());

// Spread and destructuring.
var pairs = [...new Map([[1, 2], [3, 4]])];
show("spread", pairs.length + " " + pairs[1][0] + pairs[1][1]);
