// forEach, map, filter, some, every, reduce, reduceRight, find, findIndex, findLast, findLastIndex.
function show(a) {
  if (a === null || typeof a !== "object") return typeof a === "string" ? '"' + a + '"' : String(a);
  var out = [];
  for (var i = 0; i < a.length; i++) out.push(i in a ? show(a[i]) : "<hole>");
  return "[" + out.join(",") + "]";
}
function tryIt(f) {
  try {
    return show(f());
  } catch (e) {
    return e.name;
  }
}

var seen = [];
[1, , 3].forEach(function (v, i, arr) {
  seen.push(i + ":" + v + ":" + (arr.length === 3));
});
console.log("forEach skips holes: " + seen.join(" "));
console.log("forEach returns: " + [1].forEach(function () { return 5; }));

seen = [];
var grow = [1, 2, 3];
grow.forEach(function (v, i, arr) {
  if (i === 0) arr.push(99);
  seen.push(v);
});
console.log("forEach length fixed at start: " + seen.join(",") + " final len=" + grow.length);
seen = [];
var shrink = [1, 2, 3, 4];
shrink.forEach(function (v, i, arr) {
  if (i === 0) delete arr[2];
  seen.push(v);
});
console.log("forEach deleted skipped: " + seen.join(","));

var thisSeen = [];
[1].forEach(function () { "use strict"; thisSeen.push(typeof this + ":" + this); }, 42);
[1].forEach(function () { "use strict"; thisSeen.push(typeof this); });
[1].forEach(function () { thisSeen.push(this === obj); }, (obj = {}));
var obj;
console.log("thisArg: " + thisSeen.join(" "));

console.log("map: " + show([1, , 3].map((x) => x * 2)) + " len=" + [1, , 3].map((x) => x).length);
console.log("map array-like: " + show(Array.prototype.map.call({ length: 2, 0: "a", 1: "b" }, (x, i) => x + i)));
console.log("map string: " + show(Array.prototype.map.call("hey", (c) => c + c)));
console.log("filter: " + show([1, 2, 3, 4, , 6].filter((x) => x % 2 === 0)));
console.log("filter keeps original values: " + show([{ v: 1 }, { v: 2 }].filter(function (o) { var r = o.v > 1; o.v = 0; return r; })[0]));
console.log("some: " + [1, 2, 3].some((x) => x > 2) + " " + [1, 2, 3].some((x) => x > 5) + " " + [].some(() => true));
console.log("every: " + [1, 2, 3].every((x) => x > 0) + " " + [1, 2, 3].every((x) => x > 1) + " " + [].every(() => false));
var calls = 0;
[1, 2, 3, 4].some(function (x) { calls++; return x === 2; });
[1, 2, 3, 4].every(function (x) { calls++; return x < 2; });
console.log("short-circuit calls: " + calls);
console.log("every holes: " + [, , ,].every(() => false) + " some holes: " + [, , ,].some(() => true));

console.log("reduce: " + [1, 2, 3, 4].reduce((a, b) => a + b) + " " + [1, 2, 3].reduce((a, b) => a + b, 10));
console.log("reduce args: " + [5, 6].reduce(function (acc, v, i, arr) { return acc + "|" + v + "@" + i + (arr.length); }, "s"));
console.log("reduce holes: " + [, 2, , 4].reduce((a, b) => a + "," + b));
console.log("reduce empty: " + tryIt(() => [].reduce((a, b) => a)));
console.log("reduce only holes: " + tryIt(() => [, ,].reduce((a, b) => a)));
console.log("reduce empty with init: " + [].reduce((a, b) => a, "init"));
console.log("reduce init undefined: " + [1].reduce((a, b) => a + ":" + b, undefined));
console.log("reduceRight: " + ["a", "b", "c"].reduceRight((a, b) => a + b) + " " + ["a", "b"].reduceRight((a, b, i) => a + b + i, ">"));
console.log("reduceRight holes: " + [1, , 3, ,].reduceRight((a, b) => a + "," + b));
console.log("reduceRight empty: " + tryIt(() => [].reduceRight((a) => a)));
console.log("reduceRight array-like: " + Array.prototype.reduceRight.call({ length: 3, 0: "x", 2: "z" }, (a, b) => a + b));

console.log("find: " + [5, 12, 8].find((x) => x > 6) + " " + [5].find((x) => x > 6));
console.log("find visits holes: " + [, 1].find((x, i) => i === 0) + " idx=" + [, 1].findIndex((x) => x === undefined));
console.log("findIndex: " + [5, 12, 8].findIndex((x) => x > 6) + " " + [5].findIndex((x) => x > 6));
console.log("findLast: " + [5, 12, 8, 1].findLast((x) => x > 6) + " " + [].findLast(() => true));
console.log("findLastIndex: " + [5, 12, 8, 1].findLastIndex((x) => x > 6) + " " + [1].findLastIndex(() => false));
var order = [];
[1, 2, 3].findLast(function (v, i) { order.push(i); return false; });
console.log("findLast order: " + order.join(","));
console.log("find thisArg: " + [1].find(function () { return this.ok; }, { ok: true }));

// Errors: length is read before the callback check.
var log = [];
var lenObj = {
  get length() {
    log.push("length");
    return 1;
  },
};
["forEach", "map", "filter", "some", "every", "reduce", "reduceRight", "find", "findIndex", "findLast", "findLastIndex"].forEach(function (name) {
  log.length = 0;
  var r = tryIt(() => Array.prototype[name].call(lenObj, null));
  console.log(name + " non-callable: " + r + " after " + log.join(","));
});
console.log("forEach on null: " + tryIt(() => Array.prototype.forEach.call(null, function () {})));
console.log("callback error propagates: " + tryIt(() => [1].map(() => { throw new RangeError("x"); })));

// Inherited elements are visited.
Array.prototype[1] = "inherited";
var vis = [];
[0, , 2].forEach(function (v) { vis.push(v); });
console.log("inherited forEach: " + vis.join(",") + " map: " + show([0, , 2].map((x) => x)));
delete Array.prototype[1];
Object.prototype[0] = "objproto";
console.log("inherited from Object.prototype: " + [, 1].filter(() => true).join(","));
delete Object.prototype[0];
console.log("cleaned: " + show([, 1].map((x) => x)));

// Getters that mutate the array during iteration.
var arr = [1, 2, 3];
Object.defineProperty(arr, 0, {
  get: function () {
    arr.length = 1;
    return "g";
  },
  configurable: true,
});
console.log("getter truncates: " + show(arr.map((x) => x)));
