"use strict";
// Closures of one function share their initial shape (the first creation records it): each
// still gets its own values, its own prototype object, and changes to one leave the others.

function makers() {
  return [
    (a, b) => a + b,
    function named(a) { return a; },
    function* gen(x) { yield x; },
    async function asy(a, b, c) { return a; },
    { method(q) { return q; } }.method,
    class K { constructor(z) { this.z = z; } },
  ];
}

const kinds = ["arrow", "function", "generator", "async", "method", "class"];
const seen = [];
for (let round = 0; round < 300; round++) {
  const fs = makers();
  for (let k = 0; k < fs.length; k++) {
    const f = fs[k];
    const d = Object.getOwnPropertyDescriptor(f, "prototype");
    const row = [kinds[k], f.length, f.name, typeof d, d ? d.writable + "/" + d.enumerable + "/" + d.configurable : "-"];
    if (round === 0 || round === 299) seen.push(row.join(" "));
    if (d && k !== 2 && f.prototype.constructor !== f) throw new Error("constructor of " + kinds[k]);
    if (d && k === 2 && Object.getPrototypeOf(f.prototype) !== Object.getPrototypeOf(function* () {}).prototype) {
      throw new Error("generator prototype");
    }
  }
  if (round === 100) {
    // Changing one closure's properties must not reach the next ones.
    Object.defineProperty(fs[1], "name", { value: "renamed" });
    fs[1].prototype = null;
    delete fs[4].name;
    fs[0].extra = 1;
    if (fs[1].name !== "renamed" || fs[1].prototype !== null || "name" in fs[4] && fs[4].name !== "" || fs[0].extra !== 1) {
      throw new Error("own changes");
    }
  }
}
console.log(seen.join("\n"));

// Prototype objects are distinct per closure, and closures see their own context.
const counters = [];
for (let i = 0; i < 200; i++) {
  counters.push(function () { return i; });
}
const protos = new Set(counters.map((f) => f.prototype));
console.log("distinct prototypes", protos.size, "values", counters[0](), counters[199]());

// Property order and values through a hot loop in every tier.
function keysOf(f) {
  return Object.getOwnPropertyNames(f).join(",");
}
let last = "";
for (let i = 0; i < 200; i++) last = keysOf(() => i) + " | " + keysOf(function () {}) + " | " + keysOf(class {});
console.log(last);

// Sloppy functions (made by indirect eval, outside this strict file) also carry `caller` and
// `arguments`: their closures share a longer initial shape.
const sloppyMaker = (0, eval)("(function () { return function s(a, b) { return a + b; }; })");
let sloppy = "";
for (let i = 0; i < 300; i++) {
  const s = sloppyMaker();
  sloppy = [s.length, s.name, s.hasOwnProperty("caller"), s.hasOwnProperty("arguments"), s.prototype.constructor === s, s(i, 1)].join(" ");
}
console.log("sloppy", sloppy);
