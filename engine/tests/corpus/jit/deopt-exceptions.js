// Deoptimizations and exceptions inside try/catch/finally, and across calls between tiers.
function risky(o, i) {
  try {
    if (i % 50 === 49) throw new Error("boom " + i);
    return o.v * 2 + i;
  } catch (e) {
    return e.message;
  } finally {
    o.count = (o.count | 0) + 1;
  }
}
const o = { v: 3 };
const res = [];
for (let i = 0; i < 200; i++) res.push(risky(o, i));
console.log(res.filter(x => typeof x === "string").join(";"), o.count);
o.v = 1.5;
console.log(risky(o, 1), risky({ v: "s" }, 2), risky({}, 3));

function inner(x) { if (x > 150) throw new RangeError("too big " + x); return x + 1; }
function middle(x) { return inner(x) * 2; }
function outer(n) {
  let total = 0;
  for (let i = 0; i < n; i++) {
    try { total += middle(i); } catch (e) { total += 1000; console.log(e.name, e.message); break; }
  }
  return total;
}
console.log(outer(100), outer(200));

// A loop that deoptimizes in its body while an iterator is open.
function iterSum(arr) {
  let s = 0;
  for (const x of arr) s += x;
  return s;
}
for (let i = 0; i < 20; i++) iterSum([1, 2, 3]);
console.log(iterSum([1, 2, 3]), iterSum([1.5, 2, 3]), iterSum(["a", 1]), iterSum(new Set([4, 5])));
function forIn(o) { let k = ""; for (const p in o) k += p + o[p]; return k; }
for (let i = 0; i < 20; i++) forIn({ a: 1 });
console.log(forIn({ a: 1, b: 2 }), forIn([7, 8]), forIn("hi"));

// Generators and closures called from optimized code.
function* gen(n) { for (let i = 0; i < n; i++) yield i * i; }
function useGen(n) { let s = 0; for (const v of gen(n)) s += v; return s; }
for (let i = 0; i < 10; i++) useGen(5);
console.log(useGen(10));
function counter() { let c = 0; return () => ++c; }
const c = counter();
function callMany(f, n) { let last; for (let i = 0; i < n; i++) last = f(); return last; }
console.log(callMany(c, 300), callMany(() => "x", 3));
// Deep recursion through optimized code still gives RangeError.
function deep(n) { return n === 0 ? 0 : 1 + deep(n - 1); }
for (let i = 0; i < 10; i++) deep(10);
try { deep(1e6); } catch (e) { console.log(e instanceof RangeError); }
console.log(deep(1000));
