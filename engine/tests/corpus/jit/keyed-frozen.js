// Hot keyed stores and loads on arrays and objects that become frozen, sealed or
// non-extensible: stores to present elements must fail (sloppy) or throw (strict) exactly
// when the spec says, however hot the store is.
function sloppySet(a, i, v) { a[i] = v; return a[i]; }
function strictSet(a, i, v) { "use strict"; a[i] = v; return a[i]; }
function get(a, i) { return a[i]; }

function run(name, make, change) {
  const a = make();
  let log = [];
  for (let i = 0; i < 300; i++) {
    if (i === 150) change(a);
    // Before the change only even indices are written (holes stay holes); after it, also
    // indices past the end.
    const k = i < 150 ? (i % 3) * 2 : i % 9;
    const r1 = sloppySet(a, k, i);
    let r2;
    try { r2 = strictSet(a, k, -i); } catch (e) { r2 = e.constructor.name; }
    if (i >= 147 && i < 159) log.push(k + ":" + r1 + "/" + r2 + "/" + get(a, k));
  }
  const keys = Object.keys(a).join(",");
  console.log(name + " " + log.join(" ") + " | " + keys + " | " + keys.split(",").map(k => a[k]).join(",") + " len=" + a.length);
}

run("freeze", () => [0, 1, 2, 3, 4, 5], Object.freeze);
run("seal", () => [0, 1, 2, 3, 4, 5], Object.seal);
run("preventExtensions", () => [0, , 2, , 4, 5], Object.preventExtensions);
run("freeze holey", () => [0, , 2, , 4, 5], Object.freeze);
run("seal holey", () => [0, , 2, , 4], Object.seal);
run("object freeze", () => ({ 0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 }), Object.freeze);
run("object seal", () => ({ 0: 0, 2: 2, 4: 4 }), Object.seal);
run("object preventExtensions", () => ({ 0: 0, 2: 2, 4: 4 }), Object.preventExtensions);
run("length read-only", () => [0, , 2, , 4, 5], a => Object.defineProperty(a, "length", { writable: false }));
run("element read-only", () => [0, 1, 2, 3, 4, 5], a => Object.defineProperty(a, 2, { writable: false }));
run("frozen proto", () => [0, , 2, , 4, 5], a => Object.setPrototypeOf(a, Object.freeze([10, 11, 12, 13])));
run("proto setter", () => [0, , 2, , 4, 5], a => Object.setPrototypeOf(a, Object.defineProperty([], 3, { set(v) { this[10] = v; } })));

// Frozen from the start, read while hot.
const f = Object.freeze([1, 2, 3]);
let t = 0;
for (let i = 0; i < 300; i++) t += get(f, i % 4) || 0;
console.log("frozen reads " + t + " " + Object.isFrozen(f));
