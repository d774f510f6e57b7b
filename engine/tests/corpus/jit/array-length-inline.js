// Array lengths read inline by compiled code: arrays, strings and other objects with a
// length at the same site, lengths past int32, null.
function sum(a) { let t = 0; for (let i = 0; i < a.length; i++) t += a[i]; return t; }
function lens(xs) { let t = 0; for (let i = 0; i < xs.length; i++) t += xs[i].length; return t; }
const a = []; for (let i = 0; i < 1000; i++) a.push(i);
let s = 0;
for (let k = 0; k < 2000; k++) s += sum(a);
console.log(s);
const strs = ['ab', [1, 2, 3], 'xyz', [], { length: 7 }, new Array(5)];
let l = 0;
for (let k = 0; k < 200; k++) l += lens(strs.slice(0, 2)) + lens([[1], [2, 3]]);
console.log(l, lens(strs));
const big = []; big.length = 2 ** 31 + 5;
function len(x) { return x.length; }
for (let k = 0; k < 100; k++) len(a);
console.log(len(big), len(a), len('str'), len({ length: 'x' }));
try { len(null); } catch (e) { console.log(e.constructor.name); }
