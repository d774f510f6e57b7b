// Arithmetic and comparisons whose operand types change once the code is hot.
function add(a, b) { return a + b; }
function sub(a, b) { return a - b; }
function mul(a, b) { return a * b; }
function div(a, b) { return a / b; }
function lt(a, b) { return a < b; }
function ge(a, b) { return a >= b; }
function inc(x) { x++; return x; }
function dec(x) { x--; return x; }

let s = 0;
for (let i = 0; i < 300; i++) s = add(s, i) + sub(i, 3) + mul(i & 15, 3) + (lt(i, 150) ? 1 : 0) + (ge(i, 10) ? 2 : 0) + inc(i) + dec(i);
console.log("ints", s);

const values = [1, -1, 0, -0, 0.5, 2147483647, -2147483648, 1e300, NaN, Infinity, -Infinity, "7", "x", true, null, undefined,
  { valueOf() { return 3; } }, [2], [], 4];
const out = [];
for (const a of values) {
  for (const b of values) {
    out.push([add(a, b), sub(a, b), mul(a, b), div(a, b), lt(a, b), ge(a, b)].map(v => Object.is(v, -0) ? "-0" : String(v)).join(","));
  }
  out.push(String(inc(a)) + "/" + String(dec(a)));
}
console.log(out.length, out.slice(0, 5).join(" | "));
let h = 0;
for (const line of out) for (let i = 0; i < line.length; i++) h = (h * 31 + line.charCodeAt(i)) | 0;
console.log("hash", h);

// Overflow inside a hot loop, then back to small ints.
function sumTo(n) { let t = 0; for (let i = 0; i < n; i++) t += i * i; return t; }
console.log(sumTo(10), sumTo(100000), sumTo(10), sumTo(70000));
function fact(n) { let r = 1; for (let i = 2; i <= n; i++) r *= i; return r; }
for (let k = 0; k < 5; k++) console.log(fact(5 + k * 5));
// -0 from an int multiply.
function m2(a, b) { return a * b; }
for (let i = 0; i < 50; i++) m2(i, 3);
console.log(Object.is(m2(0, -5), -0), Object.is(m2(-3, 0), -0), m2(0, 5), Object.is(m2(0, 5), 0));
// Comparisons with NaN and mixed kinds after int feedback.
for (let i = 0; i < 50; i++) lt(i, 25);
console.log(lt(NaN, 1), ge(NaN, 1), lt(1, 1.5), ge(2.5, 2), lt("a", "b"), ge("10", "9"), lt(null, 1), ge(undefined, 0));
