// Map.groupBy and Object.groupBy (the shared GroupBy operation).
function show(label, v) { console.log(label + ": " + String(v)); }
function err(f) {
  try { f(); return "no error"; } catch (e) { return e.constructor === TypeError ? "TypeError" : e.message === "boom" ? "boom" : "other"; }
}

var g = Map.groupBy([1, 2, 3, 4, 5, 6], function (x) { return x % 3; });
show("groups", [...g].map(function (e) { return e[0] + ":" + e[1].join("|"); }).join(" "));
show("is Map", (g instanceof Map) + " " + (Object.getPrototypeOf(g) === Map.prototype));

var keys = [{}, {}];
g = Map.groupBy([0, 1, 2, 3], function (x) { return keys[x % 2]; });
show("object keys", g.get(keys[0]).join() + " " + g.get(keys[1]).join() + " " + g.size);

g = Map.groupBy([-0, 0, NaN, NaN, "0"], function (x) { return x; });
show("zero/NaN", g.size + " " + g.get(0).length + " " + Object.is([...g.keys()][0], 0) + " " + g.get(NaN).length + " " + g.get("0").length);

var args = [];
Map.groupBy(["a", "b"], function (v, i) { args.push(v + i + arguments.length); });
show("callback args", args.join(","));

function* gen() { yield "x"; yield "yy"; yield "zz"; }
g = Map.groupBy(gen(), function (s) { return s.length; });
show("from generator", g.get(1).join() + " " + g.get(2).join());

show("null items", err(function () { Map.groupBy(null, function () {}); }));
show("not callable", err(function () { Map.groupBy([], null); }));
show("not iterable", err(function () { Map.groupBy({}, function () {}); }));

var closed = 0;
var iterable = {};
iterable[Symbol.iterator] = function () {
  return { next: function () { return { value: 1, done: false }; }, return: function () { closed++; return {}; } };
};
show("callback throws", err(function () { Map.groupBy(iterable, function () { throw new Error("boom"); }); }) + " closed=" + closed);

var o = Object.groupBy([1, 2, 3, 4], function (x) { return x > 2 ? "big" : "small"; });
show("Object.groupBy", Object.keys(o).join() + " " + o.small.join() + " " + o.big.join() + " " + Object.getPrototypeOf(o));
o = Object.groupBy([1, 2, 3], function (x) { return x === 1 ? 1 : "1"; });
show("property key coercion", Object.keys(o).join() + " " + o["1"].join());
var sym = Symbol("k");
o = Object.groupBy([1, 2], function () { return sym; });
show("symbol key", o[sym].join());
var conv = 0;
o = Object.groupBy([1, 2], function () { return { toString: function () { conv++; return "c"; } }; });
show("toString per element", conv + " " + o.c.join());
closed = 0;
show("key coercion throws", err(function () {
  Object.groupBy(iterable, function () { return { toString: function () { throw new Error("boom"); } }; });
}) + " closed=" + closed);
show("lengths", Object.groupBy.length + " " + Map.groupBy.length);
