// Objects that turn into dictionaries by deleting many properties, then keep being used.
const o = {};
for (let i = 0; i < 100; i++) o["k" + i] = i;
for (let i = 0; i < 100; i += 2) delete o["k" + i];
console.log("remaining keys: " + Object.keys(o).length + " first " + Object.keys(o).slice(0, 5).join(","));
let sum = 0;
for (const k in o) sum += o[k];
console.log("sum of odd values: " + sum);
o.k0 = "readded";
o.extra = { nested: [1, 2, 3] };
console.log("readded at end: " + Object.keys(o).slice(-2).join(","));
console.log("extra survives: " + o.extra.nested.join("+"));
// interleaved deletes and adds
const d = {};
for (let round = 0; round < 10; round++) {
  for (let i = 0; i < 10; i++) d["r" + round + "_" + i] = { round, i };
  for (let i = 0; i < 10; i++) if ((i + round) % 3) delete d["r" + round + "_" + i];
}
const dk = Object.keys(d);
console.log("interleaved: " + dk.length + " " + dk.slice(0, 6).join(","));
console.log("values intact: " + dk.map((k) => d[k].round * 10 + d[k].i).slice(0, 8).join(","));
// numeric and string keys in a dictionary object
const mixed = {};
for (let i = 20; i >= 0; i--) { mixed[i] = "n" + i; mixed["s" + i] = i; }
for (let i = 0; i <= 20; i += 3) { delete mixed[i]; delete mixed["s" + i]; }
console.log("mixed order: " + Object.keys(mixed).slice(0, 8).join(",") + " ... " + Object.keys(mixed).slice(-4).join(","));
// delete everything, object still usable
const e = { a: 1, b: 2, c: 3 };
for (const k of Object.keys(e)) delete e[k];
e.z = "fresh";
console.log("emptied then reused: " + JSON.stringify(e));
// using an object as a hash map with churn
const table = {};
for (let i = 0; i < 275; i++) {
  const key = "key" + (i * 7 % 50);
  if (key in table) delete table[key];
  else table[key] = { i, s: "v" + i };
}
const tk = Object.keys(table);
console.log("hash churn: " + tk.length + " sample " + tk.slice(0, 4).map((k) => k + "=" + table[k].s).join(" "));
// prototype objects that become dictionaries still work for lookups
function Base() {}
for (let i = 0; i < 30; i++) Base.prototype["m" + i] = function () { return i; };
for (let i = 0; i < 30; i += 3) delete Base.prototype["m" + i];
const b = new Base();
console.log("proto methods: " + [b.m1(), b.m2(), b.m4(), typeof b.m3, b.m29()].join(","));
