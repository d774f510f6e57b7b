// The optimizing tier's IR: unboxed loop variables (int32 and double block parameters), a double
// used as an element index, handlers reading registers kept in SSA values, ===/== natively,
// closures' context slots.
function sums(n) { let i32 = 0, f = 0.25, mixed = 0; for (let i = 0; i < n; i++) { i32 = (i32 + i) | 0; f = f * 1.5 - i; mixed += i < 5 ? 1 : 0.5; } return [i32, f, mixed]; }
function index(a, n) { let t = 0; for (let i = 0; i < n; i++) { const k = (i * 2) / 2; t += a[k]; } return t; }
function half(a) { let t = 0; for (let k = 0; k < 3; k += 0.5) t += a[k] === undefined ? 100 : a[k]; return t; }
function grow(n) { let x = 2147483600; for (let i = 0; i < n; i++) x += 7; return x; }
const a = [1, 2, 3, 4, 5, 6, 7, 8];
const r = [];
for (let k = 0; k < 20; k++) { r.push(sums(k).join('/'), index(a, 8)); }
r.push(half(a), grow(20), sums(40).join('/'));
console.log(r.join().slice(-80));
function risky(i) { if (i % 4 === 3) throw new Error('e' + i); return i; }
function f(n) {
  let log = '', last = -1, acc = 0;
  for (let i = 0; i < n; i++) {
    let stage = 0;
    try { stage = 1; last = i; acc += risky(i); stage = 2; }
    catch (e) { log += e.message + ':' + stage + ':' + last + ','; }
    finally { acc += stage; }
  }
  return log + acc;
}
let rr = ''; for (let k = 0; k < 12; k++) rr = f(k + 4); console.log(rr);
function eq(a, b) { let c = 0; for (let i = 0; i < 20; i++) { if (a === b) c++; if (a == b) c += 2; if (i === 7) c += 10; if (a !== i) c += 100; } return c; }
const vals = [1, 1.5, 'x', 'x' + '', null, undefined, NaN, -0, 0, {}, true, '1'];
let h = 0;
for (let k = 0; k < 4; k++) for (const a of vals) for (const b of vals) h = (h * 31 + eq(a, b)) | 0;
function counter() { let n = 0, total = 0; return (d) => { n++; total += d; return n * 1000 + total; }; }
const c = counter(); let last = 0;
for (let i = 0; i < 300; i++) last = c(i % 7);
console.log(h + ';' + last);
