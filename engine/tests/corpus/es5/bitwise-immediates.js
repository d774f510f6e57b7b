// Bitwise operators with an integer constant on the right (the interpreter fuses the
// constant's load with the operator): every operator, edge shift counts, results past
// int32 for `>>>`, and left operands that are not int32.
var xs = [0, 1, -1, 5, -5, 255, 256, 2147483647, -2147483648, 4294967295, 2147483648, 1.5, -1.5, NaN, '12', null, undefined, true];
var out = [];
for (var i = 0; i < xs.length; i++) {
  var x = xs[i];
  out.push([
    x & 255, x | 0, x ^ 1, x << 1, x << 31, x << 32, x << -1, x >> 1, x >> 31, x >> 33,
    x >>> 0, x >>> 1, x >>> 31, x >>> 32, x >>> -1, x & -1, x | -2147483648, x ^ -1
  ].join(' '));
}
console.log(out.join('\n'));
// In a loop, so the same sites see ints first and then other values.
var acc = 0;
for (var k = -40; k < 40; k++) {
  acc = (acc + ((k * 123457) >>> 0) + ((k << 3) ^ 7) + (k >> 2) + (k & 15) + (k | 8)) | 0;
}
console.log(acc);
var mixed = 0;
for (var m = 0; m < 60; m++) {
  var v = m < 30 ? m : m * 1e9;
  mixed += (v >>> 0) % 1000 + (v | 0) % 7 + (v & 3);
}
console.log(mixed);
