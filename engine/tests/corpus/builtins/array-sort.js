// sort and toSorted: default order, comparators, undefined and holes, stability, errors.
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

console.log("default: " + show([10, 9, 1, 100, 25].sort()) + " " + show(["b", "a", "C", "B"].sort()) + " " + show([true, false, null].sort()));
console.log("numeric: " + show([10, 9, 1, 100, 25].sort((a, b) => a - b)) + " desc: " + show([3, 1, 2].sort((a, b) => b - a)));
console.log("undefined and holes last: " + show([3, undefined, , 1, undefined, , 2].sort()) + " len=" + [3, undefined, , 1].sort().length);
var cmpCalls = [];
[undefined, 2, undefined, 1].sort(function (a, b) {
  cmpCalls.push(typeof a + "/" + typeof b);
  return a - b;
});
console.log("comparator never sees undefined: " + cmpCalls.every((s) => s === "number/number"));
console.log("code unit order: " + show(["\uD83D\uDE00", "\uFF5E", "a", "Z"].sort().map((s) => s.length)));
console.log("comparator NaN/bool: " + show([3, 1, 2].sort(() => NaN)) + " " + show([1, 2, 3].sort(() => false)) + " " + show([1, 2, 3].sort(() => 0)));
console.log("comparator string result: " + show([2, 1, 3].sort((a, b) => "" + (a - b))));
console.log("returns same array: " + (function () { var x = [2, 1]; return x.sort() === x; })());
console.log("non-callable comparator: " + tryIt(() => [1].sort(1)) + " " + tryIt(() => [].sort({})) + " " + tryIt(() => [1].sort(null)));
var touched = false;
var lenGetter = { get length() { touched = true; return 0; } };
tryIt(() => Array.prototype.sort.call(lenGetter, "bad"));
console.log("comparator checked before length: " + touched);
var arr = [3, 2, 1];
console.log("comparator throws: " + tryIt(() => arr.sort(() => { throw new SyntaxError("c"); })) + " unchanged " + show(arr));
var objs = [{ toString() { return "b"; } }, { toString() { return "a"; } }, "c"];
console.log("objects by toString: " + objs.sort().map(String).join(""));
var bad = [{ toString() { throw new EvalError("ts"); } }, 1];
console.log("toString throws: " + tryIt(() => bad.sort()));
console.log("symbol: " + tryIt(() => [Symbol(), Symbol()].sort()));

// Stability.
var recs = [];
for (var i = 0; i < 600; i++) recs.push({ key: (i * 7) % 5, id: i });
recs.sort((a, b) => a.key - b.key);
var stable = true;
for (var j = 1; j < recs.length; j++) {
  if (recs[j - 1].key === recs[j].key && recs[j - 1].id > recs[j].id) stable = false;
  if (recs[j - 1].key > recs[j].key) stable = false;
}
console.log("stable 600: " + stable + " first=" + recs[0].id + " last=" + recs[599].id);
var words = ["bb", "a", "ccc", "dd", "e", "fff", "gg", "h"];
console.log("stable by length: " + words.sort((x, y) => x.length - y.length).join(" "));
var big = [];
for (var k = 0; k < 1000; k++) big.push((k * 7919) % 1000);
big.sort((a, b) => a - b);
var sorted = true;
for (var k2 = 0; k2 < 1000; k2++) if (big[k2] !== k2) sorted = false;
console.log("1000 numbers: " + sorted);
var strs = [];
for (var m = 0; m < 300; m++) strs.push("" + ((m * 37) % 300));
strs.sort();
console.log("300 strings: " + strs.slice(0, 5).join(",") + " ... " + strs[299]);

// Array-likes and holes.
var al = { length: 5, 0: "d", 1: "b", 3: "a", 4: undefined };
Array.prototype.sort.call(al);
console.log("array-like: " + Object.keys(al).join(",") + " " + al[0] + al[1] + al[2] + " " + (3 in al) + " " + (4 in al));
Array.prototype[1] = "inherited";
var withProto = [, "z", "a"];
withProto.sort();
delete Array.prototype[1];
console.log("hole reads proto: " + show(withProto));
var sparse = [];
sparse[5] = "x";
sparse[2] = "y";
sparse.sort();
console.log("sparse: " + show(sparse) + " len=" + sparse.length);

// toSorted
var orig = [3, , 1, undefined];
var ts = orig.toSorted();
console.log("toSorted: " + show(ts) + " orig " + show(orig) + " " + (ts !== orig));
console.log("toSorted comparator: " + show([1, 3, 2].toSorted((a, b) => b - a)) + " " + tryIt(() => [1].toSorted("x")));
console.log("toSorted array-like: " + show(Array.prototype.toSorted.call({ length: 3, 0: "c", 2: "a" })));
console.log("toSorted too long: " + tryIt(() => Array.prototype.toSorted.call({ length: 4294967296 })));
console.log("toSorted stable: " + ["bb", "a", "cc", "d"].toSorted((x, y) => x.length - y.length).join(" "));
