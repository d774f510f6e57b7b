// Keyed loads and stores on dense arrays once the code is hot, then every way an element
// access can stop being a plain read or write of a present dense element.
function get(a, i) { return a[i]; }
function set(a, i, v) { a[i] = v; return a; }
function show(v) { return typeof v === "number" && Object.is(v, -0) ? "-0" : String(v); }

// Hot on a packed array.
const arr = [];
for (let i = 0; i < 16; i++) arr.push(i * 3);
let sum = 0;
for (let i = 0; i < 300; i++) sum += get(arr, i & 15);
console.log("packed " + sum);
for (let i = 0; i < 300; i++) set(arr, i & 15, i);
console.log("stored " + arr.join(","));

// Out of bounds, negative and non-int32 keys.
const keys = [16, 100, -1, -0, 1.5, "2", "x", NaN, 2147483647, -2147483648, 4294967295, 1e21, "length", true, null, undefined];
console.log("keys " + keys.map(k => show(get(arr, k))).join(","));
arr[-1] = "neg"; arr[1.5] = "frac"; arr["2"] = "two"; arr[NaN] = "nan";
console.log("odd keys " + [get(arr, -1), get(arr, 1.5), get(arr, 2), get(arr, "2"), get(arr, NaN), get(arr, "NaN")].join(","));
console.log("set -0 " + set(arr, -0, "mz")[0]);

// Holes read through to the prototype chain.
const holey = [0, 1, 2, , 4, , 6];
let seen = [];
for (let i = 0; i < 210; i++) seen[i % 7] = get(holey, i % 7);
console.log("holes " + seen.map(show).join(","));
Array.prototype[3] = "p";
Object.prototype[5] = "op";
console.log("proto holes " + [0, 1, 2, 3, 4, 5, 6].map(i => get(holey, i)).join(","));
// A setter on the prototype catches stores to the hole (and only there).
let caught = "", count = 0;
Object.defineProperty(Array.prototype, 3, { set(v) { count++; if (count <= 3) caught += v + ";"; }, get() { return "g"; }, configurable: true });
for (let i = 0; i < 200; i++) set(holey, i % 7, i);
console.log("setter " + count + " " + caught + " " + holey.join(","));
delete Array.prototype[3];
delete Object.prototype[5];
console.log("deleted " + get([1, , 3], 1) + " " + holey.length);

// An array turned sparse mid-loop (a far index), and back.
const grow = [1, 2, 3, 4];
let acc = 0;
for (let i = 0; i < 400; i++) {
  if (i === 200) grow[5000000] = 7;
  acc += get(grow, i & 3);
  set(grow, i & 3, i);
}
console.log("sparse " + acc + " " + grow.length + " " + grow[5000000] + " " + grow.slice(0, 4).join(","));

// Length shrinks mid-loop: later reads are out of bounds, later writes grow it again.
const shrink = [];
for (let i = 0; i < 20; i++) shrink[i] = i;
let out = [];
for (let i = 0; i < 300; i++) {
  if (i === 150) shrink.length = 5;
  const v = get(shrink, i % 20);
  if (i >= 150 && i < 175) out.push(show(v));
}
console.log("shrink " + out.join(","));
for (let i = 0; i < 100; i++) set(shrink, i % 8, i);
console.log("regrow " + shrink.length + " " + shrink.join(","));

// Elements that become accessors or read-only through defineProperty.
const acc2 = [1, 2, 3, 4];
let log = [];
for (let i = 0; i < 200; i++) get(acc2, i & 3);
Object.defineProperty(acc2, 2, { get() { log.push("get"); return 30; }, set(v) { log.push("set" + v); }, configurable: true });
Object.defineProperty(acc2, 1, { value: 20, writable: false });
for (let i = 0; i < 8; i++) { get(acc2, i & 3); set(acc2, i & 3, i); }
console.log("accessors " + log.join(",") + " " + acc2[0] + "," + acc2[1] + "," + acc2[3]);
(function () {
  "use strict";
  try { acc2[1] = 5; } catch (e) { console.log("strict read-only " + (e instanceof TypeError)); }
})();

// Plain objects with index keys, and objects with other prototypes.
const obj = { 0: "a", 1: "b", 2: "c" };
let s = "";
for (let i = 0; i < 200; i++) s = get(obj, i % 3) + s.slice(0, 5);
console.log("object " + s + " " + set(obj, 1, "B")[1]);
const inherits = Object.create([9, 8, 7]);
console.log("inherited " + get(inherits, 1) + " " + set(inherits, 1, "own")[1] + " " + Object.getPrototypeOf(inherits)[1]);

// Strings indexed.
const str = "hello";
let chars = "";
for (let i = 0; i < 200; i++) chars = get(str, i % 7);
console.log("string " + [0, 4, 5, -1, "1", 1.5].map(i => show(get(str, i))).join(","));
console.log("string obj " + get(new String("abc"), 1) + " " + get(new String("abc"), 3));
function strictSet(a, i, v) { "use strict"; a[i] = v; }
for (let i = 0; i < 200; i++) strictSet([1, 2], i & 1, i);
for (const k of [0, 1, 5, "length"]) {
  try { strictSet("abc", k, "x"); console.log("strict string store " + k + " ok"); } catch (e) { console.log("strict string store " + k + " " + e.constructor.name); }
}

// arguments objects, mapped and unmapped.
function mapped(a, b) {
  for (let i = 0; i < 100; i++) set(arguments, i & 1, i);
  return a + "," + b + "," + get(arguments, 0) + "," + get(arguments, 2);
}
function unmapped(a, b) {
  "use strict";
  for (let i = 0; i < 100; i++) set(arguments, i & 1, i);
  return a + "," + b + "," + get(arguments, 1) + "," + get(arguments, 2);
}
console.log("arguments " + mapped(1, 2) + " " + unmapped(1, 2));

// null and undefined receivers still throw.
for (const r of [null, undefined]) {
  try { get(r, 0); } catch (e) { console.log("get " + r + " " + e.constructor.name); }
  try { set(r, 0, 1); } catch (e) { console.log("set " + r + " " + e.constructor.name); }
}
