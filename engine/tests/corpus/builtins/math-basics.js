// Math: constants, exact functions, special values, coercion order.
function s(v) { return (v === 0 && 1 / v < 0) ? '-0' : String(v); }
console.log('tag ' + Object.prototype.toString.call(Math) + ' ' + typeof Math);
console.log('E ' + Math.E + ' LN10 ' + Math.LN10 + ' LN2 ' + Math.LN2 + ' LOG10E ' + Math.LOG10E);
console.log('LOG2E ' + Math.LOG2E + ' PI ' + Math.PI + ' SQRT1_2 ' + Math.SQRT1_2 + ' SQRT2 ' + Math.SQRT2);
var d = Object.getOwnPropertyDescriptor(Math, 'PI');
console.log('PI desc ' + d.writable + ' ' + d.enumerable + ' ' + d.configurable);
d = Object.getOwnPropertyDescriptor(Math, 'max');
console.log('max desc ' + d.writable + ' ' + d.enumerable + ' ' + d.configurable + ' len ' + Math.max.length + ' ' + Math.hypot.length + ' ' + Math.random.length);

var specials = [NaN, Infinity, -Infinity, 0, -0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, 4503599627370495.5, -4503599627370495.5, 9007199254740993, 1e300, -7.9];
var unary = ['abs', 'ceil', 'floor', 'round', 'trunc', 'sign', 'sqrt', 'fround'];
for (var j = 0; j < unary.length; j++) {
  var line = unary[j] + ':';
  for (var i = 0; i < specials.length; i++) line += ' ' + s(Math[unary[j]](specials[i]));
  console.log(line);
}
var z = ['sin', 'tan', 'asin', 'atan', 'sinh', 'tanh', 'asinh', 'atanh', 'expm1', 'log1p'];
for (var j = 0; j < z.length; j++) {
  console.log(z[j] + '(±0, NaN) = ' + s(Math[z[j]](0)) + ' ' + s(Math[z[j]](-0)) + ' ' + s(Math[z[j]](NaN)));
}
console.log('exp ' + Math.exp(0) + ' ' + Math.exp(-Infinity) + ' ' + Math.exp(Infinity) + ' ' + Math.exp(NaN));
console.log('log ' + Math.log(1) + ' ' + Math.log(0) + ' ' + Math.log(-1) + ' ' + Math.log(Infinity));
console.log('log2 ' + Math.log2(8) + ' ' + Math.log2(1024) + ' ' + Math.log2(0.125) + ' log10 ' + Math.log10(1000) + ' ' + Math.log10(1e-5));
console.log('cos/cosh ' + Math.cos(0) + ' ' + Math.cosh(0) + ' ' + Math.acos(1) + ' ' + Math.acosh(1) + ' ' + Math.acosh(0.5));
console.log('atanh ' + Math.atanh(1) + ' ' + Math.atanh(-1) + ' ' + Math.atanh(2));
console.log('tanh ' + Math.tanh(Infinity) + ' ' + Math.tanh(-Infinity) + ' sinh ' + Math.sinh(-Infinity) + ' cosh ' + Math.cosh(-Infinity));
console.log('atan2 ' + s(Math.atan2(0, -0)) + ' ' + s(Math.atan2(-0, -0)) + ' ' + s(Math.atan2(-0, 0)) + ' ' + Math.atan2(1, Infinity) + ' ' + Math.atan2(Infinity, Infinity) + ' ' + (Math.atan2(1, 0) === Math.PI / 2));
console.log('pow ' + Math.pow(2, 10) + ' ' + Math.pow(1, Infinity) + ' ' + Math.pow(-1, -Infinity) + ' ' + Math.pow(NaN, 0) + ' ' + s(Math.pow(-0, 3)) + ' ' + Math.pow(-0, -3) + ' ' + Math.pow(-8, 1 / 3) + ' ' + Math.pow(0.5, -Infinity) + ' ' + Math.pow(2, 0.5));
console.log('max ' + Math.max() + ' ' + Math.max(1, 3, 2) + ' ' + Math.max(1, NaN, 3) + ' ' + s(Math.max(-0, 0)) + ' ' + s(Math.max(0, -0)) + ' ' + s(Math.max(-0, -0)));
console.log('min ' + Math.min() + ' ' + Math.min(1, 3, -2) + ' ' + Math.min(NaN, 1) + ' ' + s(Math.min(0, -0)) + ' ' + s(Math.min(-0, 0)));
console.log('hypot ' + Math.hypot() + ' ' + Math.hypot(3, 4) + ' ' + Math.hypot(NaN, Infinity) + ' ' + Math.hypot(NaN, 1) + ' ' + s(Math.hypot(-0)) + ' ' + Math.hypot(1e200, 1e200) + ' ' + Math.hypot(1, 2, 3) + ' ' + Math.hypot(-3));
console.log('clz32 ' + Math.clz32(0) + ' ' + Math.clz32(1) + ' ' + Math.clz32(-1) + ' ' + Math.clz32(0x80000000) + ' ' + Math.clz32(4294967296) + ' ' + Math.clz32(NaN) + ' ' + Math.clz32(3.9));
console.log('imul ' + Math.imul(2, 3) + ' ' + Math.imul(-1, 8) + ' ' + Math.imul(0xffffffff, 5) + ' ' + Math.imul(0x7fffffff, 0x7fffffff) + ' ' + Math.imul(2.5, 2.5));
console.log('fround ' + Math.fround(5.5) + ' ' + Math.fround(5.05) + ' ' + Math.fround(1e40) + ' ' + Math.fround(1e-50) + ' ' + Math.fround(16777217));
console.log('sqrt ' + Math.sqrt(2) + ' ' + Math.sqrt(-1) + ' ' + s(Math.sqrt(-0)) + ' cbrt ' + Math.cbrt(27) + ' ' + Math.cbrt(-8));

// Coercion: every argument is converted, in order, even after a NaN.
var log = '';
function obj(name, v) { return { valueOf: function () { log += name; return v; } }; }
console.log('max ' + Math.max(obj('a', 1), NaN, obj('b', 2), obj('c', 3)) + ' ' + log);
log = '';
console.log('min ' + Math.min(obj('a', 1), obj('b', NaN), obj('c', 0)) + ' ' + log);
log = '';
console.log('hypot ' + Math.hypot(obj('a', 3), Infinity, obj('b', NaN)) + ' ' + log);
log = '';
console.log('atan2 ' + Math.atan2(obj('y', 0), obj('x', 1)) + ' ' + log);
log = '';
console.log('pow ' + Math.pow(obj('b', 2), obj('e', 3)) + ' ' + log);
log = '';
console.log('imul ' + Math.imul(obj('a', 3), obj('b', 4)) + ' ' + log);
try { Math.max(1, Symbol()); } catch (e) { console.log('max(symbol) throws ' + e.name); }
try { Math.abs({ valueOf: function () { throw new RangeError('x'); } }); } catch (e) { console.log('abs rethrows ' + e.name); }

var ok = true;
for (var i = 0; i < 1000; i++) {
  var r = Math.random();
  if (!(r >= 0 && r < 1)) ok = false;
}
console.log('random in [0,1): ' + ok);
try { new Math.max(); } catch (e) { console.log('new Math.max throws ' + e.name); }
