function collect(o) {
  var ks = [];
  for (var k in o) ks.push(k);
  return ks.join(",");
}
var base = { shared: "base", onlyBase: 1 };
var mid = Object.create(base);
mid.shared = "mid";
mid.onlyMid = 2;
var leaf = Object.create(mid);
leaf.onlyTop = 3;
console.log("chain: " + collect(leaf));

// shadowed by non-enumerable property hides inherited enumerable one
var shadowProto = { hidden: 1, visible: 2 };
var shadowing = Object.create(shadowProto);
Object.defineProperty(shadowing, "hidden", { value: "own", enumerable: false });
console.log("non-enumerable shadow: " + collect(shadowing));

// built-in prototype properties are not enumerable
console.log("array: " + collect([1, 2]));
console.log("empty obj: '" + collect({}) + "'");

// deletion during enumeration: deleted unvisited keys are skipped
var del = { a: 1, b: 2, c: 3, d: 4 };
var visited = [];
for (var k in del) {
  visited.push(k);
  if (k === "a") { delete del.c; }
}
console.log("delete during: " + visited.join(","));

// deleting current key is fine
var del2 = { x: 1, y: 2, z: 3 };
visited = [];
for (var k2 in del2) { visited.push(k2); delete del2[k2]; }
console.log("delete current: " + visited.join(",") + " remaining: " + Object.keys(del2).length);

// for-in on null/undefined doesn't throw
var cnt = 0;
for (var n in null) cnt++;
for (var u in undefined) cnt++;
console.log("null/undefined iterations: " + cnt);

// for-in over string primitive gives indices
console.log("string: " + collect("abc"));
// for-in over number gives nothing
console.log("number: '" + collect(42) + "'");

// for-in with member expression target
var target = {};
var i = 0;
var src = { p: 1, q: 2 };
var arrTarget = [];
for (arrTarget[i++] in src) {}
console.log("member target: " + arrTarget.join(",") + " i=" + i);
for (target.last in src) {}
console.log("target.last: " + target.last);

// for-in keys are strings
var types = [];
for (var idx in [7, 8]) types.push(typeof idx);
console.log("types: " + types.join(","));

// key deleted from prototype during iteration is not visited
var pp = { p1: 1, p2: 2 };
var oc = Object.create(pp);
oc.o1 = 1;
visited = [];
for (var kk in oc) { visited.push(kk); if (kk === "o1") delete pp.p2; }
console.log("proto delete: " + visited.join(","));

// same name on own and proto visited once
var dupProto = { same: 1 };
var dupChild = Object.create(dupProto);
dupChild.same = 2;
console.log("dup visited once: " + collect(dupChild));
// hasOwnProperty filter
var own = [];
for (var key in leaf) if (leaf.hasOwnProperty(key)) own.push(key);
console.log("own only: " + own.join(","));
