// Keyed sites hot on plain arrays that then see typed arrays (and the reverse): typed arrays
// are integer-indexed exotic objects, never plain dense elements.
function get(a, i) { return a[i]; }
function set(a, i, v) { a[i] = v; return a; }
function show(v) { return typeof v === "number" && Object.is(v, -0) ? "-0" : String(v); }

const plain = [1, 2, 3, 4];
let t = 0;
for (let i = 0; i < 300; i++) { t += get(plain, i & 3); set(plain, i & 3, i); }
console.log("plain " + t + " " + plain.join(","));

const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint32Array, Float32Array, Float64Array];
for (const K of kinds) {
  const ta = new K(4);
  for (let i = 0; i < 40; i++) set(ta, i % 6, i * 37.5 - 300);
  const r = [0, 1, 2, 3, 4, -1, "1", 1.5, -0].map(k => show(get(ta, k)));
  console.log(K.name + " " + Array.prototype.join.call(ta, ",") + " | " + r.join(","));
}

// Hot on typed arrays from the start, then a plain array.
const f64 = new Float64Array(8);
for (let i = 0; i < 300; i++) set(f64, i & 7, get(f64, (i + 1) & 7) + 0.5);
console.log("f64 " + Array.prototype.join.call(f64, ","));
const u8 = new Uint8Array(8);
for (let i = 0; i < 300; i++) set(u8, i & 7, get(u8, (i + 3) & 7) + 7);
console.log("u8 " + u8.join(","));
console.log("then plain " + get([5, 6, 7], 2) + " " + set([5, 6, 7], 0, "z").join(","));

// Non-number values stored into typed arrays are converted (a throwing conversion throws).
const i16 = new Int16Array(3);
set(i16, 0, "12"); set(i16, 1, true); set(i16, 2, { valueOf() { return 40000; } });
console.log("converted " + i16.join(","));
try { set(i16, 0, { valueOf() { throw new RangeError("boom"); } }); } catch (e) { console.log("threw " + e.message + " " + i16[0]); }
// Out-of-range indices are silently ignored.
set(i16, 5, 9); set(i16, -1, 9);
console.log("ignored " + i16.length + " " + Object.keys(i16).join(","));
