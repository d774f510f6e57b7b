// Bitwise operators on doubles (ToInt32 inline: wrapping, NaN and infinities, magnitudes
// from 2^31 to beyond 2^63), `>>>` results above int32, `-x` (0 gives -0, -2^31 a double),
// `~x`, and the ToNumeric of `x++` / `o.x++` / `a[i]--` on numbers and on other values,
// in every tier: hot loops first see one kind, then others.
const show = (x) => (Object.is(x, -0) ? '-0' : String(x));
const doubles = [0.5, -0.5, 1.9, -1.9, 2147483647.5, 2147483648, -2147483649, 4294967295, 4294967296 + 5, 1e10, -1e10,
  2 ** 53 + 2, 2 ** 62, 2 ** 63, -(2 ** 63), 2 ** 64 + 4096, 1e20, -1e300, Infinity, -Infinity, NaN, -0, 0];

function bitwise(a, b) {
  return [a & b, a | b, a ^ b, a << (b & 31), a >> (b & 7), a >>> (b & 3), a >>> 0, ~a, -a].map(show).join(' ');
}
const out = [];
for (let round = 0; round < 3; round++) {
  // ints first (the first compile speculates int32), then doubles.
  for (let i = 0; i < 200; i++) out.push(bitwise(i * 7919 - 500000, i));
  for (let i = 0; i < doubles.length; i++) out.push(bitwise(doubles[i], doubles[(i * 5 + 1) % doubles.length]));
  for (let i = 0; i < 40; i++) out.push(bitwise(i + 0.25, i * 3.5));
}
console.log(out.slice(200, 200 + doubles.length).join('\n'));
let h = 0;
for (const s of out) for (let k = 0; k < s.length; k++) h = (h * 31 + s.charCodeAt(k)) | 0;
console.log('hash', h, out.length);

// A hash mixing loop in the style of sha256: uint32 words kept as doubles.
function mix(words) {
  let a = 0x6a09e667, b = 0xbb67ae85;
  for (let i = 0; i < words.length; i++) {
    const t = (a + ((b >>> 6) | (b << 26)) + words[i]) >>> 0;
    b = (a ^ ~t) >>> 0;
    a = (t + (b & 0xffff0000)) | 0;
  }
  return [a, b].map(show).join(' ');
}
const words = [];
for (let i = 0; i < 300; i++) words.push((i * 2654435761) >>> 0);
console.log('mix', mix(words), mix(words), mix(words.map((w) => w + 0.5)));

// Negation: 0 and -2^31 leave int32.
function negate(xs) {
  return xs.map((x) => show(-x)).join(' ');
}
const ints = [];
for (let i = -50; i < 50; i++) ints.push(i * 3);
negate(ints);
negate(ints);
console.log('negate', negate([1, 0, -0, 2147483647, -2147483648, 5, 1.5, -1e-300, NaN, Infinity, '7', null, true]));

// ToNumeric of postfix updates on registers, properties and elements.
function counters(values) {
  const o = { x: 0 };
  const a = [10, 20, 30];
  const seen = [];
  for (let v of values) {
    seen.push(show(v++), show(v));
    o.x = v;
    seen.push(show(o.x++), show(o.x--));
    a[1] = v;
    seen.push(show(a[1]--), show(a[1]));
  }
  return seen.join(' ');
}
const small = [];
for (let i = 0; i < 100; i++) small.push(i);
counters(small);
counters(small);
let calls = 0;
const obj = { valueOf() { calls++; return 41; } };
console.log('postfix', counters([2147483647, 1.5, -0, '5', '', null, undefined, true, obj, NaN, [3]]), calls);

// Element updates convert their key (ToPropertyKey): int keys, then string and double keys.
function update(a, k) {
  a[k]--;
  a[k] += 2;
  return a[k]++;
}
const arr = [1, 2, 3, 4, 5, 6, 7, 8];
let total = 0;
for (let i = 0; i < 300; i++) total += update(arr, i % 8);
const keyed = { a: 1, b: 2, 3: 4 };
for (let i = 0; i < 50; i++) total += update(keyed, i % 2 ? 'a' : 3);
for (let i = 0; i < 50; i++) total += update(arr, i + 0.5) || 0;
console.log('keys', total, arr.join(), JSON.stringify(keyed), Object.keys(arr).length);
