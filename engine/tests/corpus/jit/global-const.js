// Top-level `const` bindings read by compiled code: functions, objects, numbers; a binding
// still in its TDZ when its reader is compiled.
const square = (x) => x * x;
const table = { k: 3 };
const N = 7;
function useConsts(i) { return square(i) + table.k * N; }
let t = 0;
for (let i = 0; i < 5000; i++) t += useConsts(i % 100);
console.log(t);
table.k = 4;
console.log(useConsts(2));
function early() { return late + 1; }
let e = 0;
for (let i = 0; i < 200; i++) { try { e += early(); } catch (err) { e -= 1; } }
console.log(e);
const late = 41;
for (let i = 0; i < 200; i++) e += early();
console.log(e);
try { eval('square = 1'); } catch (err) { console.log(err.constructor.name); }
console.log(useConsts(3));
