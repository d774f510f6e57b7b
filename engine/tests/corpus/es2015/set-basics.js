const s = new Set([3, 1, 3, 2, 1]);
console.log("dedupe keeps first-insertion order: " + [...s].join(",") + " size " + s.size);
console.log("add returns set: " + (s.add(4) === s) + " has 4: " + s.has(4) + " has '4': " + s.has("4"));
console.log("delete: " + s.delete(1) + " " + s.delete(1) + " -> " + [...s].join(","));
s.add(1);
console.log("re-add at end: " + [...s].join(","));
const z = new Set([NaN, NaN, 0, -0, "0"]);
console.log("SameValueZero: size " + z.size + " has NaN " + z.has(NaN) + " has -0 " + z.has(-0));
const objs = new Set([{}, {}]);
console.log("objects distinct: " + objs.size);
const str = new Set("mississippi");
console.log("from string: " + [...str].join(""));
console.log("keys === values: " + (Set.prototype.keys === Set.prototype.values) + " entries: " + JSON.stringify([...new Set(["a"]).entries()]));
const fe = [];
new Set(["p", "q"]).forEach((v, k, set) => fe.push(v + k + set.size));
console.log("forEach: " + fe.join(","));
// mutation during iteration
const m = new Set([1, 2, 3]);
const visited = [];
for (const v of m) {
  visited.push(v);
  if (v === 1) { m.delete(2); m.add(4); }
  if (v === 4) m.add(5);
}
console.log("mutation during iteration: " + visited.join(","));
// delete and re-add current element gets visited again
const again = new Set(["a", "b"]);
const seen = [];
let n = 0;
for (const v of again) {
  seen.push(v);
  if (v === "a" && n++ === 0) { again.delete("a"); again.add("a"); }
}
console.log("re-added visited again: " + seen.join(","));
// set operations
const A = new Set([1, 2, 3, 4]);
const B = new Set([3, 4, 5]);
const union = new Set([...A, ...B]);
const inter = new Set([...A].filter((x) => B.has(x)));
const diff = new Set([...A].filter((x) => !B.has(x)));
console.log("union " + [...union] + " inter " + [...inter] + " diff " + [...diff]);
// clear
A.clear();
console.log("cleared: " + A.size + " " + A.has(1));
console.log("JSON: " + JSON.stringify(new Set([1])) + " via spread " + JSON.stringify([...new Set([1, 2])]));
try { Set(); } catch (e) { console.log("without new: " + e.name); }
try { new Set(5); } catch (e) { console.log("non-iterable: " + e.name); }
console.log("undefined arg ok: " + new Set(undefined).size + " null ok: " + new Set(null).size);
// unique words preserving order
const text = "b a c a b d";
console.log("unique words: " + [...new Set(text.split(" "))].join(" "));
