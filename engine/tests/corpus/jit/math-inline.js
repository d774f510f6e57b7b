// Math.abs/ceil/floor/round/sqrt/trunc, two-argument min/max and imul are computed inline by
// the optimizing tier when a call site has only called that function: each keeps its exact
// results (-0, ties, NaN, infinities, 2^52 and above), a replaced Math function is called,
// other argument counts and non-number arguments (with their valueOf) still work.
const show = (x) => (Object.is(x, -0) ? '-0' : String(x));
const numbers = [0, -0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, 3.7, -3.7,
  4503599627370495.5, -4503599627370495.5, 9007199254740993, 1e300, -1e300, 5e-324, -5e-324, Infinity, -Infinity, NaN,
  2147483647, -2147483648, 2147483648, 4294967295, 7, -7, 0.1, -0.3, 1e-7];

function unary(name, f) {
  const out = [];
  for (let round = 0; round < 4; round++) for (const x of numbers) out.push(show(f(x)));
  console.log(name, out.slice(0, numbers.length).join(' '), out.join() === Array(4).fill(out.slice(0, numbers.length).join()).join());
}
unary('abs', (x) => Math.abs(x));
unary('ceil', (x) => Math.ceil(x));
unary('floor', (x) => Math.floor(x));
unary('round', (x) => Math.round(x));
unary('sqrt', (x) => Math.sqrt(x));
unary('trunc', (x) => Math.trunc(x));

function binary(name, f) {
  const out = [];
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < numbers.length; i++) {
      for (const j of [i, (i * 7 + 3) % numbers.length, (i + 1) % numbers.length]) out.push(show(f(numbers[i], numbers[j])));
    }
  }
  console.log(name, out.slice(0, out.length / 2).join(' '));
}
binary('min', (a, b) => Math.min(a, b));
binary('max', (a, b) => Math.max(a, b));

// imul on int32s (hot), then on doubles that are not int32s (the int32 guard fails).
function imuls(xs) {
  let h = 0;
  for (const x of xs) h = Math.imul(h ^ x, 0x5bd1e995) + 1;
  return h;
}
const ints = [];
for (let i = 0; i < 200; i++) ints.push((i * 2654435761) | 0);
console.log('imul', imuls(ints), imuls(ints), imuls([2 ** 32 + 5, 4294967295, -1.5, NaN, 1e20, -0]));

// Integer results feed int32 code (an array index), and floor of a fraction stays correct.
function bucket(xs, n) {
  const counts = new Array(n).fill(0);
  for (const x of xs) counts[Math.floor(x * n)]++;
  return counts;
}
const fractions = [];
for (let i = 0; i < 500; i++) fractions.push(((i * 7919) % 1000) / 1000);
console.log('buckets', bucket(fractions, 10).join(' '));

// The call site keeps calling whatever Math.floor is now.
function floors(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.floor(i / 3);
  return s;
}
console.log('before', floors(300), floors(300));
const original = Math.floor;
Math.floor = (x) => -x;
console.log('replaced', floors(30));
Math.floor = original;
console.log('restored', floors(300));

// Other argument counts, and non-number arguments with their valueOf calls in order.
function mixed(a, b, c) {
  return [Math.max(a), Math.max(a, b, c), Math.min(), Math.sqrt(), Math.abs(a, b)].map(show).join(' ');
}
for (let i = 0; i < 50; i++) mixed(i, i - 25, 3);
console.log('counts', mixed(4, -9, 16), mixed(-0, 0, NaN));
const log = [];
const tricky = (v, name) => ({ valueOf() { log.push(name); return v; } });
function hot(a, b) {
  return Math.sqrt(a) + Math.min(a, b) + Math.round(b);
}
for (let i = 0; i < 200; i++) hot(i, i + 0.5);
console.log('objects', show(hot(tricky(16, 'a'), tricky(2.5, 'b'))), show(hot('9', '-0.5')), show(hot(true, null)), log.join(''));
