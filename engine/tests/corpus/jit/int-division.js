// `/` of two int32s: compiled code divides them as doubles and boxes the quotient as the
// interpreter does (an int32 when it is one, -0 and infinities as doubles).
function div(a, b) { return a / b; }
function show(v) { return Object.is(v, -0) ? "-0" : String(v); }
const pairs = [[6, 3], [7, 2], [0, 5], [0, -5], [1, 0], [-1, 0], [0, 0], [-2147483648, -1],
  [2147483647, 1], [-2147483648, 2], [1, 3], [-9, 3], [5, -1], [1e10, 10], [2.5, 0.5], ["8", 2]];
let out = [];
for (let round = 0; round < 3; round++) {
  out = [];
  for (const [a, b] of pairs) out.push(show(div(a, b)));
}
console.log(out.join(" "));
// The quotient used as an index and compared: an int32 result must be one.
const arr = [10, 20, 30, 40];
let total = 0;
for (let i = 0; i < 400; i++) total += arr[(i * 2) / 2 % 4] + (i / 4 === (i >> 2) ? 1 : 0);
console.log(total);
// Harmonic-style sum with int operands.
let h = 0;
for (let i = 1; i <= 1000; i++) h += 1 / i;
console.log(h.toFixed(12));
