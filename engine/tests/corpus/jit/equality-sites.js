// `===` and `==` through the shared stubs in each tier: identity-compared values, numbers,
// strings interned or not and of equal or different lengths, conversions that throw.
const vals = [0, -0, 1, 1.5, NaN, Infinity, "", "a", "ab", "abc", "1", "1.5", "0", true, false, null, undefined, {}, [], [1], Symbol.iterator, 2**31, -(2**31), 1e21, "ab".slice(1), "a" + "b", ("x" + Math.random()).slice(0, 1)];
const objs = [{ valueOf() { return 1; } }, { toString() { return "a"; } }];
let out = [];
function se(a, b) { return a === b; }
function le(a, b) { return a == b; }
function ne(a, b) { return a !== b; }
for (let k = 0; k < 3; k++)
for (const a of vals.concat(objs)) for (const b of vals.concat(objs)) out.push((se(a, b) ? 1 : 0) + "" + (le(a, b) ? 1 : 0) + (ne(a, b) ? 1 : 0));
let h = 0; for (const s of out) h = (h * 31 + parseInt(s, 2)) | 0;
console.log(out.length, h);
try { le({ valueOf() { throw new Error("boom"); } }, 1); } catch (e) { console.log(e.message); }
const keys = ["Binary", "Unary", "Call", "Member", "Literal"]; let c = 0;
for (let i = 0; i < 5000; i++) { const k = keys[i % 5]; const dyn = ("Li" + "teral" + (i % 2 ? "" : " ")).trim(); if (k === "Literal") c++; if (dyn === k) c += 10; if (k === dyn.toString()) c += 100; }
console.log(c);
