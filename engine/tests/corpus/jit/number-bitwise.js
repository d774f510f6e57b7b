// Bitwise operators on doubles (ToInt32 / ToUint32 of each operand) and int32 arithmetic that
// overflows into doubles: compiled code takes these without the interpreter, with its results.
const values = [0, -0, 1, -1, 0.5, -1.5, 2147483647, 2147483648, -2147483648, -2147483649,
  4294967295, 4294967296.5, 1e10, -1e10, 2 ** 53, 2 ** 53 + 2, -(2 ** 62), 2 ** 63, -(2 ** 63),
  2 ** 64 + 4096 * 1024, 1e20, NaN, Infinity, -Infinity, "12", null, undefined, true];
const counts = [0, 1, 31, 32, 33.7, -1, 1e10, NaN];
function and(a, b) { return a & b; }
function or(a, b) { return a | b; }
function xor(a, b) { return a ^ b; }
function shl(a, b) { return a << b; }
function sar(a, b) { return a >> b; }
function shr(a, b) { return a >>> b; }
let lines = [];
for (let round = 0; round < 3; round++) {
  lines = [];
  for (const v of values) {
    lines.push([and(v, 0xffff), or(v, 0), xor(v, -1), and(v, v)].join(" "));
    lines.push(counts.map((c) => [shl(v, c), sar(v, c), shr(v, c)].join(",")).join(" "));
  }
}
console.log(lines.join("\n"));
// Overflow of + - * on int32s gives the double the interpreter gives.
function add(a, b) { return a + b; }
function sub(a, b) { return a - b; }
function mul(a, b) { return a * b; }
const ints = [0, 1, -1, 7, 46341, -46341, 65536, 2147483647, -2147483648, 1073741824];
let out = [];
for (let round = 0; round < 3; round++) {
  out = [];
  for (const a of ints) for (const b of ints) {
    const m = mul(a, b);
    out.push(`${add(a, b)} ${sub(a, b)} ${Object.is(m, -0) ? "-0" : m}`);
  }
}
console.log(out.join("\n"));
// The usual 32-bit hash idioms.
let h = 0x811c9dc5;
for (let i = 0; i < 1000; i++) {
  h = Math.imul(h ^ (i & 255), 16777619) >>> 0;
  h = (h * 31 + i) | 0;
  h = (h + 0x9e3779b9) >>> 0;
}
console.log(h);
