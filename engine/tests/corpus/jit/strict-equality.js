// === and == in optimized code: int32, number and identity cases inline, the rest through the runtime.
function f(a, b) { let c = 0; for (let i = 0; i < 50; i++) { if (a === b) c++; if (a == b) c += 2; if (i === 7) c += 10; if (a !== i) c += 100; } return c; }
const vals = [1, 1.5, "x", "x", null, undefined, NaN, -0, 0, {}, true, "1", 1];
let out = [];
for (let k = 0; k < 30; k++) for (const a of vals) for (const b of vals) out.push(f(a, b));
let s = 0; for (const x of out) s = (s * 31 + x) | 0; console.log(s, out.length);
function g(x) { let n = 0; for (let i = 0; i < 100; i++) { if (x[i % 3] === undefined) n++; if (x[i % 3] === null) n += 2; } return n; }
let t = 0; for (let k = 0; k < 100; k++) t += g([null, undefined, k]); console.log(t);
