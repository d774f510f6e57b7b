// Math functions on a spread of inputs whose results V8 and this engine compute identically
// (fdlibm-equivalent implementations: exp, expm1, atan, atan2, asin, acos, tan, log2, sinh,
// cosh, tanh, atanh, hypot, fround).
var seed = 12345;
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
var fns = ['exp', 'expm1', 'atan', 'asin', 'acos', 'tan', 'log2', 'sinh', 'cosh', 'tanh', 'atanh', 'atan2', 'hypot', 'fround'];
var ranges = [[-1, 1], [0, 10], [-10, 10], [-700, 700], [1, 1e6], [-1e-5, 1e-5]];
for (var f = 0; f < fns.length; f++) {
  var name = fns[f];
  var line = name + ':';
  for (var r = 0; r < ranges.length; r++) {
    for (var i = 0; i < 12; i++) {
      var x = ranges[r][0] + (ranges[r][1] - ranges[r][0]) * rnd();
      var y = ranges[r][0] + (ranges[r][1] - ranges[r][0]) * rnd();
      var v = (name === 'atan2' || name === 'hypot') ? Math[name](x, y) : Math[name](x);
      line += ' ' + v;
    }
  }
  console.log(line);
}
