const out = [];
for (const x of [1, 2, 3]) out.push(x * 2);
console.log("array: " + out.join(","));
const chars = [];
for (const ch of "a😀b\u00e9") chars.push(ch);
console.log("string code points: " + chars.length + " " + chars.map((c) => c.length).join(""));
const units = [];
for (let i = 0; i < "a😀b".length; i++) units.push("a😀b".charCodeAt(i).toString(16));
console.log("code units: " + units.join(","));
const lone = [];
for (const ch of "x\uD800y") lone.push(ch.length);
console.log("lone surrogate: " + lone.join(","));
const m = new Map([["one", 1], ["two", 2]]);
for (const [k, v] of m) console.log("map " + k + "=" + v);
for (const k of m.keys()) console.log("key " + k);
for (const v of m.values()) console.log("value " + v);
const s = new Set(["x", "y", "x", "z"]);
const setOut = [];
for (const v of s) setOut.push(v);
console.log("set: " + setOut.join(""));
for (const [a, b] of s.entries()) console.log("set entry " + a + b);
// holes
const holes = [];
for (const v of [1, , 3]) holes.push(String(v));
console.log("holes: " + holes.join(","));
// arguments
function args() { const r = []; for (const a of arguments) r.push(a); return r.join("|"); }
console.log("arguments: " + args("p", "q"));
// let vs var bindings
var last;
for (var vv of [7, 8]) last = vv;
console.log("var binding persists: " + vv + " " + last);
// destructuring
for (const { id, ...rest } of [{ id: 1, a: 2 }, { id: 3, b: 4 }]) console.log("id " + id + " rest " + JSON.stringify(rest));
// continue/break
const cb = [];
for (const n of [1, 2, 3, 4, 5, 6]) {
  if (n % 2) continue;
  if (n > 4) break;
  cb.push(n);
}
console.log("continue/break: " + cb.join(","));
// modifying array during iteration
const arr = [1, 2, 3];
const visited = [];
for (const v of arr) { visited.push(v); if (v === 1) arr.splice(1, 1); }
console.log("splice during: " + visited.join(","));
// for-of over Object.entries
for (const [k, v] of Object.entries({ z: 26, a: 1 })) console.log("entry " + k + v);
// for-of with member expression target
const target = {};
for (target.prop of ["first", "second"]);
console.log("member target: " + target.prop);
// nested for-of
const pairs = [];
for (const a of "ab") for (const b of [1, 2]) pairs.push(a + b);
console.log("nested: " + pairs.join(" "));
// iterating typed-free array-like fails
try { for (const x of { length: 1, 0: "a" }) {} } catch (e) { console.log("array-like: " + e.name); }
// sum via for-of over large array
const big = Array.from({ length: 10000 }, (_, i) => i);
let sum = 0;
for (const v of big) sum += v;
console.log("sum: " + sum);
