// Deoptimizations whose frames hold values the optimized code kept unboxed (int32s,
// doubles, booleans) or as constants, in the function's own frame and in inlined calls'.
// The interpreter must see each value exactly as it was: -0, NaN, doubles that are
// integral, large and tiny doubles.

function mix(a, b, flag) {
  // i and d are an int32 and a double in machine registers; flag a boolean.
  let i = a | 0;
  let d = b * 1.5;
  const on = flag > 0;
  const k = 7;
  // The guard here fails when `a` stops being an int32 or `b` stops being a number.
  const s = a + b;
  return [i, d, on, k, s, 1 / d];
}

for (let n = 0; n < 300; n++) mix(n, n + 0.25, n & 1);
console.log(JSON.stringify(mix(3, 2, 1)));
console.log(JSON.stringify(mix(3, "x", 0)));
console.log(JSON.stringify(mix(-0, -0, 1)));
console.log(JSON.stringify(mix(2147483647, 2, 1)));
console.log(JSON.stringify(mix({ valueOf() { return 5; } }, 0.1, -1)));

// A guard inside an inlined call: the callee's frame is rebuilt from unboxed values.
class P {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  scaled(f) {
    const h = f * 0.5;
    const flag = h > 1;
    return new P(this.x * f + (flag ? 1 : 0), this.y * h);
  }
}
function walk(p, f) {
  const q = p.scaled(f);
  return q.x + q.y;
}
let total = 0;
for (let n = 0; n < 400; n++) total += walk(new P(n, n / 3), 1.25);
console.log(total.toFixed(6));
console.log(walk(new P(1, 2), 3));
console.log(walk(new P(1.5, NaN), 2));
console.log(walk(new P(1, 2), "2"));
console.log(walk({ x: 1, y: 2, scaled: P.prototype.scaled }, 4));
console.log(Object.is(walk(new P(-0, -0), -0), -0), walk(new P(-0, -0), -0));

// A loop whose double and int32 variables are live when its guard fails mid-loop.
function accumulate(xs) {
  let sum = 0.5;
  let count = 0;
  let seen = false;
  for (let j = 0; j < xs.length; j++) {
    sum += xs[j];
    count++;
    seen = seen || xs[j] > 10;
  }
  return [sum, count, seen];
}
const xs = [];
for (let n = 0; n < 1000; n++) xs.push(n * 0.25);
console.log(JSON.stringify(accumulate(xs)));
xs[500] = "!";
console.log(JSON.stringify(accumulate(xs)).length, accumulate(xs)[1], accumulate(xs)[2]);
xs[500] = 1e300;
console.log(JSON.stringify(accumulate(xs)));
