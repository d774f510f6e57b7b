// The interpreter runs some instruction pairs as one (a value then `Star`, a comparison
// then a conditional jump, an int constant then `+`, `-` or a comparison). Each pair must
// do exactly what its two instructions do, on every kind of operand.

function show(label, v) {
  console.log(label, typeof v, Object.is(v, -0) ? "-0" : String(v));
}

// int constant as right operand: int, overflow, double, NaN, string, object with valueOf
const lefts = [0, 1, -1, 2147483647, -2147483648, 1.5, -0, NaN, "7", "x", null, undefined, true,
  { valueOf() { return 41; } }];
for (const x of lefts) {
  const sum = x + 1;
  const diff = x - 1;
  show("add", sum);
  show("sub", diff);
  show("lt", x < 2);
  show("le", x <= 2);
  show("gt", x > 2);
  show("ge", x >= 2);
  if (x < 2) console.log("branch lt taken"); else console.log("branch lt not taken");
  if (x >= -2147483648) console.log("branch ge taken"); else console.log("branch ge not taken");
}

// The comparison's value survives a fused jump (used by || and &&).
function orValue(a, b) { return (a < b) || "fallback"; }
function andValue(a, b) { return (a === b) && "both"; }
console.log(orValue(1, 2), orValue(2, 1), orValue(NaN, 1), orValue("a", "b"));
console.log(andValue(3, 3), andValue(3, 4), andValue("s", "s"), andValue(NaN, NaN));

// A loop whose condition fuses: the counter crosses int32 overflow into doubles.
let n = 2147483640, steps = 0;
while (n < 2147483650) { n = n + 1; steps++; }
console.log(n, steps);
let d = -2147483645;
for (let i = 0; i < 6; i++) d = d - 1;
console.log(d);

// Values stored by a following Star: property loads, getters, calls to closures and natives.
const o = { a: 5, get g() { return this.a * 2; } };
function viaGetter(p) { const v = p.g; const w = p.a; return v + w; }
function viaNative(s) { const up = s.toUpperCase(); const len = Math.max(up.length, 3); return up + len; }
function callee(k) { return k * 3; }
function viaCall(k) { const r = callee(k); const t = callee(r); return [r, t]; }
let acc = 0;
for (let i = 0; i < 200; i++) acc += viaGetter(o);
console.log(acc, viaNative("ab"), viaNative("hello"), viaCall(7).join());

// A comparison that throws (valueOf) before its jump; the jump must not be taken.
const bad = { valueOf() { throw new Error("no compare"); } };
try {
  if (bad < 3) console.log("unreachable");
  console.log("unreachable too");
} catch (e) {
  console.log("caught", e.message);
}
// A sum that throws before its Star: the register keeps its old value.
function keep() {
  let r = "old";
  try { r = Symbol() - 1; } catch (e) { console.log(e instanceof TypeError, r); }
}
keep();

// Recursion (calls, returns into a Star, fused base-case test).
function fib(k) { return k < 2 ? k : fib(k - 1) + fib(k - 2); }
function tak(x, y, z) { return y >= x ? z : tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)); }
console.log(fib(20), tak(12, 8, 4));
