function p(label, v) { console.log(label + " = " + v); }
p("0b1011", 0b1011);
p("0o17", 0o17);
p("0B11 + 0O7", 0B11 + 0O7);
p("1_000_000", 1_000_000);
p("Number('0b101')", Number("0b101"));
p("Number('0o17')", Number("0o17"));
p("Number.isInteger(5.0)", Number.isInteger(5.0));
p("Number.isInteger(5.5)", Number.isInteger(5.5));
p("Number.isInteger('5')", Number.isInteger("5"));
p("Number.isInteger(Infinity)", Number.isInteger(Infinity));
p("Number.isInteger(-0)", Number.isInteger(-0));
p("Number.isSafeInteger(2**53)", Number.isSafeInteger(2 ** 53));
p("Number.isSafeInteger(2**53-1)", Number.isSafeInteger(2 ** 53 - 1));
p("MAX_SAFE_INTEGER", Number.MAX_SAFE_INTEGER);
p("MIN_SAFE_INTEGER", Number.MIN_SAFE_INTEGER);
p("EPSILON", Number.EPSILON);
p("EPSILON === 2**-52", Number.EPSILON === 2 ** -52);
p("0.1+0.2 close to 0.3", Math.abs(0.1 + 0.2 - 0.3) < Number.EPSILON);
p("Number.isNaN('abc')", Number.isNaN("abc"));
p("isNaN('abc')", isNaN("abc"));
p("Number.isNaN(NaN)", Number.isNaN(NaN));
p("Number.isFinite('1')", Number.isFinite("1"));
p("isFinite('1')", isFinite("1"));
p("Number.parseInt === parseInt", Number.parseInt === parseInt);
p("Number.parseFloat('1.5e1x')", Number.parseFloat("1.5e1x"));
p("Math.trunc(-4.7)", Math.trunc(-4.7));
p("Math.trunc(4.7)", Math.trunc(4.7));
p("Math.sign(-3)", Math.sign(-3));
p("Math.sign(0)", Math.sign(0));
p("1/Math.sign(-0)", 1 / Math.sign(-0));
p("Math.sign('x')", Math.sign("x"));
p("Math.cbrt(27)", Math.cbrt(27));
p("Math.cbrt(-8)", Math.cbrt(-8));
p("Math.hypot(3, 4)", Math.hypot(3, 4));
p("Math.hypot()", Math.hypot());
p("Math.hypot(NaN, Infinity)", Math.hypot(NaN, Infinity));
p("Math.clz32(1)", Math.clz32(1));
p("Math.clz32(0)", Math.clz32(0));
p("Math.clz32(-1)", Math.clz32(-1));
p("Math.imul(3, 4)", Math.imul(3, 4));
p("Math.imul(0xffffffff, 5)", Math.imul(0xffffffff, 5));
p("Math.imul(0x7fffffff, 0x7fffffff)", Math.imul(0x7fffffff, 0x7fffffff));
p("Math.fround(5.5)", Math.fround(5.5));
p("Math.fround(5.05)", Math.fround(5.05));
p("Math.fround(2**128)", Math.fround(2 ** 128));
p("Math.log2(8)", Math.log2(8));
p("Math.log10(1000)", Math.log10(1000));
p("Math.log2(1024)", Math.log2(1024));
p("Math.expm1(0)", Math.expm1(0));
p("Math.log1p(0)", Math.log1p(0));
p("Math.sinh(0)", Math.sinh(0));
p("Math.cosh(0)", Math.cosh(0));
p("Math.tanh(Infinity)", Math.tanh(Infinity));
p("Math.asinh(0)", Math.asinh(0));
p("Math.atanh(0)", Math.atanh(0));
p("Math.acosh(1)", Math.acosh(1));
p("Math.max(...[1, 5, 3])", Math.max(...[1, 5, 3]));
// imul-based hash
function hash(str) {
  let h = 0;
  for (const ch of str) h = (Math.imul(31, h) + ch.codePointAt(0)) | 0;
  return h;
}
p("hash('hello')", hash("hello"));
p("hash('jolt engine')", hash("jolt engine"));
// xorshift PRNG deterministic
let state = 2463534242;
function xorshift() {
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  return state;
}
const seq = [];
for (let i = 0; i < 5; i++) seq.push(xorshift());
p("xorshift", seq.join(","));
