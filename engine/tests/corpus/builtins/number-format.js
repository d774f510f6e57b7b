// Number.prototype.toString / toFixed / toExponential / toPrecision.
var nums = [0, -0, 1, -1, 0.1, 123.456, -123.456, 1e21, 1.5e-7, 0.000001, 255, 1 / 3, 2.5, 1.005, 1e-10, 123456789012345680000, NaN, Infinity, -Infinity, 5e-324, 1.7976931348623157e308];
for (var i = 0; i < nums.length; i++) {
  var x = nums[i];
  var line = String(x) + ':';
  line += ' r2=' + x.toString(2);
  line += ' r16=' + x.toString(16);
  line += ' r36=' + x.toString(36);
  line += ' f0=' + x.toFixed(0) + ' f2=' + x.toFixed(2) + ' f20=' + x.toFixed(20);
  line += ' e=' + x.toExponential() + ' e0=' + x.toExponential(0) + ' e3=' + x.toExponential(3);
  line += ' p1=' + x.toPrecision(1) + ' p5=' + x.toPrecision(5) + ' p21=' + x.toPrecision(21);
  line += ' pu=' + x.toPrecision();
  console.log(line);
}
console.log((25).toFixed(100).length);
console.log((1.45).toFixed(1) + ' ' + (1.55).toFixed(1) + ' ' + (8.345).toFixed(2));
console.log((0).toExponential(2) + ' ' + (0).toPrecision(3));
console.log((123.456).toFixed(1.9) + ' ' + (123.456).toExponential('2') + ' ' + (123.456).toPrecision(true));

function err(label, f) {
  try { console.log(label + ' -> ' + f()); } catch (e) { console.log(label + ' throws ' + e.name); }
}
err('toFixed(101)', function () { return (1).toFixed(101); });
err('toFixed(-1)', function () { return (1).toFixed(-1); });
err('toFixed(Infinity)', function () { return (1).toFixed(Infinity); });
err('NaN.toFixed(1000)', function () { return NaN.toFixed(1000); });
err('Infinity.toExponential(1000)', function () { return Infinity.toExponential(1000); });
err('toExponential(101)', function () { return (1).toExponential(101); });
err('toExponential(-1)', function () { return (1).toExponential(-1); });
err('toPrecision(0)', function () { return (1).toPrecision(0); });
err('toPrecision(101)', function () { return (1).toPrecision(101); });
err('NaN.toPrecision(0)', function () { return NaN.toPrecision(0); });
err('toString(1)', function () { return (1).toString(1); });
err('toString(37)', function () { return (1).toString(37); });
err('toString(undefined)', function () { return (10).toString(undefined); });
err('toString.call("1")', function () { return Number.prototype.toString.call('1'); });
err('valueOf.call({})', function () { return Number.prototype.valueOf.call({}); });
err('toFixed.call(new Number(3), 1)', function () { return Number.prototype.toFixed.call(new Number(3), 1); });

// Argument coercion happens before the range checks and after thisNumberValue.
var log = [];
var arg = { valueOf: function () { log.push('valueOf'); return 200; } };
err('toFixed(obj 200)', function () { return (1).toFixed(arg); });
err('Infinity.toExponential(obj 200)', function () { return Infinity.toExponential(arg); });
err('toPrecision.call("x", obj)', function () { return Number.prototype.toPrecision.call('x', arg); });
console.log('valueOf calls: ' + log.length);
console.log((-1.5).toString(2) + ' ' + (0.5).toString(3) + ' ' + (-255).toString(16) + ' ' + (35).toString(36));
console.log((1e21).toString(36) + ' ' + (2 ** 60).toString(2).length);
