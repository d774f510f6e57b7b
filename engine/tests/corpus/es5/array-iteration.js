var arr = [1, 2, 3, 4, 5];
var log = [];
arr.forEach(function (v, i, a) { log.push(v + "@" + i + (a === arr ? "" : "!")); });
console.log("forEach: " + log.join(" "));
console.log("forEach returns: " + arr.forEach(function () {}));
console.log("map: " + arr.map(function (v) { return v * v; }).join(","));
console.log("map index: " + arr.map(function (v, i) { return i; }).join(","));
console.log("filter: " + arr.filter(function (v) { return v % 2; }).join(","));
console.log("some: " + arr.some(function (v) { return v > 4; }) + " " + arr.some(function (v) { return v > 5; }));
console.log("every: " + arr.every(function (v) { return v > 0; }) + " " + arr.every(function (v) { return v > 1; }));
console.log("empty some/every: " + [].some(function () { return true; }) + " " + [].every(function () { return false; }));
// short-circuit counts
var visits = 0;
arr.some(function (v) { visits++; return v === 2; });
console.log("some visits: " + visits);
visits = 0;
arr.every(function (v) { visits++; return v < 3; });
console.log("every visits: " + visits);
// holes are skipped
var holey = [1, , 3, , 5];
log = [];
holey.forEach(function (v, i) { log.push(i); });
console.log("forEach holes: " + log.join(","));
var mapped = holey.map(function (v) { return v * 10; });
console.log("map holes: len " + mapped.length + " 1 in: " + (1 in mapped) + " " + JSON.stringify(mapped));
console.log("filter holes: " + holey.filter(function () { return true; }).length);
// mutation during iteration: length captured at start
var grow = [1, 2, 3];
log = [];
grow.forEach(function (v) { log.push(v); if (grow.length < 6) grow.push(v * 10); });
console.log("grow visited: " + log.join(",") + " final len " + grow.length);
var shrink = [1, 2, 3, 4, 5];
log = [];
shrink.forEach(function (v) { log.push(v); shrink.pop(); });
console.log("shrink visited: " + log.join(","));
// modified values seen
var mod = [1, 2, 3];
log = [];
mod.forEach(function (v, i) { if (i === 0) mod[2] = 99; log.push(v); });
console.log("modified seen: " + log.join(","));
// thisArg
var ctx = { factor: 3 };
console.log("thisArg: " + [1, 2].map(function (v) { return v * this.factor; }, ctx).join(","));
// non-callable throws
try { [1].map(null); } catch (e) { console.log("map(null): " + e.name); }
try { [].forEach(); } catch (e) { console.log("forEach(): " + e.name); }
// generic on array-likes
var like = { length: 3, 0: "a", 1: "b", 2: "c" };
console.log("generic map: " + Array.prototype.map.call(like, function (s) { return s + s; }).join(","));
console.log("generic filter: " + Array.prototype.filter.call(like, function (s) { return s !== "b"; }).join(","));
// chaining
var result = [5, 3, 8, 1, 9, 2]
  .filter(function (n) { return n > 2; })
  .map(function (n) { return n * 2; })
  .sort(function (a, b) { return a - b; });
console.log("chain: " + result.join(","));
// filter returns new array with copied values even if callback mutates
var objs = [{ v: 1 }, { v: 2 }];
var filtered = objs.filter(function (o) { return o.v > 1; });
console.log("filter identity: " + (filtered[0] === objs[1]));
