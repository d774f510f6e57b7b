const m = new Map();
console.log("set returns map: " + (m.set("a", 1) === m));
m.set("b", 2).set("c", 3);
console.log("size: " + m.size + " get b: " + m.get("b") + " missing: " + m.get("zz") + " has c: " + m.has("c"));
m.set("a", 100);
console.log("overwrite keeps order: " + [...m.keys()].join(",") + " a=" + m.get("a"));
console.log("delete b: " + m.delete("b") + " again: " + m.delete("b") + " keys: " + [...m.keys()].join(","));
m.set("b", 200);
console.log("re-add goes to end: " + [...m.keys()].join(","));
// key equality: SameValueZero
const k = new Map();
k.set(NaN, "nan");
console.log("NaN key: " + k.get(NaN) + " has: " + k.has(Number("x")));
k.set(0, "zero");
console.log("-0 same as 0: " + k.get(-0) + " size " + k.size);
k.set(-0, "neg zero");
console.log("set -0 overwrites: " + k.get(0) + " size " + k.size + " key is +0: " + (1 / [...k.keys()][1]));
k.set("1", "string one").set(1, "number one");
console.log("string vs number: " + k.get("1") + " / " + k.get(1));
const o1 = {}, o2 = {};
k.set(o1, "obj1").set(o2, "obj2");
console.log("object identity: " + k.get(o1) + " " + k.get(o2) + " " + k.get({}));
k.set(undefined, "undef").set(null, "null");
console.log("undefined/null keys: " + k.get(undefined) + " " + k.get(null) + " get() " + k.get());
// iteration
const it = new Map([["x", 1], ["y", 2], ["z", 3]]);
const fe = [];
it.forEach(function (v, key, map) { fe.push(key + v + (map === it) + (this === undefined ? "" : this.tag)); }, { tag: "!" });
console.log("forEach: " + fe.join(" "));
console.log("entries: " + JSON.stringify([...it.entries()]) + " default iter same as entries: " + (it[Symbol.iterator] === it.entries));
// deletion during iteration
const d = new Map([[1, "a"], [2, "b"], [3, "c"], [4, "d"]]);
const visited = [];
for (const [key] of d) {
  visited.push(key);
  if (key === 1) d.delete(2);
  if (key === 3) d.set(5, "e");
}
console.log("delete/add during iteration: " + visited.join(","));
// delete current and re-add during forEach
const loop = new Map([["a", 1], ["b", 2]]);
let guard = 0;
const lv = [];
loop.forEach((v, key) => { lv.push(key); if (guard++ < 3) { loop.delete(key); loop.set(key, v); } });
console.log("re-add during forEach: " + lv.join(","));
// clear
const cl = new Map([[1, 1], [2, 2]]);
const cit = cl.keys();
cit.next();
cl.clear();
console.log("clear: size " + cl.size + " iterator done: " + cit.next().done);
// constructor from iterable of entries
try { new Map([1, 2]); } catch (e) { console.log("bad entries: " + e.name); }
try { Map(); } catch (e) { console.log("call without new: " + e.name); }
const fromObj = new Map(Object.entries({ p: 1, q: 2 }));
console.log("from entries: " + fromObj.get("q") + " back to object: " + JSON.stringify(Object.fromEntries(fromObj)));
console.log("JSON of map: " + JSON.stringify(new Map([["a", 1]])));
// word count with Map
const words = "the quick the lazy the end quick".split(" ");
const counts = new Map();
for (const w of words) counts.set(w, (counts.get(w) || 0) + 1);
console.log("counts: " + [...counts].map(([w, c]) => w + ":" + c).join(" "));
console.log("sorted by count: " + [...counts].sort((a, b) => b[1] - a[1]).map((e) => e[0]).join(","));
