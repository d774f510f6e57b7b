// The baseline leaves out tag tests its straight-line code has already settled: an integer
// constant just loaded as one operand of arithmetic or a comparison, and a comparison's
// boolean feeding a conditional jump. The other operand, and the comparisons' slow paths
// (strings, objects with valueOf, NaN, doubles), must still give the interpreter's results.
function arith(x) {
  return [x + 1, x - 1, x * 2, x / 2, x % 3, x | 1, x & 6, x ^ 5, x << 1, x >> 1, x >>> 1];
}

function compare(x) {
  var out = [];
  if (x > 10) out.push('gt'); else out.push('ngt');
  if (x < 10) out.push('lt'); else out.push('nlt');
  if (x >= 10) out.push('ge'); else out.push('nge');
  if (x <= 10) out.push('le'); else out.push('nle');
  if (x == 10) out.push('eq'); else out.push('neq');
  if (x === 10) out.push('seq'); else out.push('nseq');
  if (!(x > 10)) out.push('not-gt');
  return out.join(',');
}

function steps(x) {
  var a = x, b = x;
  a++;
  b--;
  var c = -x;
  var d = ~x;
  return [a, b, c, d];
}

function conditions(o, k, C) {
  var out = [];
  if (k in o) out.push('in'); else out.push('not-in');
  if (o instanceof C) out.push('instance'); else out.push('not-instance');
  var n = 0;
  while (n < 3 && !(n > 1)) n++;
  out.push(n);
  return out.join(',');
}

function C() { this.p = 1; }
var counted = { valueOf: function () { log.push('valueOf'); return 11; } };
var log = [];
var inputs = [3, 10, 11, -7, 0, 2147483647, -2147483648, 2.5, -0, NaN, Infinity, '4', '10', 'x', null, undefined, true, counted];

for (var round = 0; round < 3; round++) {
  for (var i = 0; i < inputs.length; i++) {
    var x = inputs[i];
    var line = String(x) + ': ' + arith(x).join(' ') + ' | ' + compare(x) + ' | ' + steps(x).join(' ');
    if (round === 2) console.log(line);
  }
}
console.log(1 / steps(0)[2], 1 / arith(-0)[3], 1 / arith(-1)[4]);
console.log(conditions({ p: 1 }, 'p', C), conditions(new C(), 'q', C), conditions([1], 0, Array));
console.log(log.length);
