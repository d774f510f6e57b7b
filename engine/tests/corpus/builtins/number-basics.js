// Number constructor, constants, static predicates, wrappers.
function show(label, v) {
  var s;
  if (typeof v === 'number' && v === 0) s = (1 / v > 0) ? '0' : '-0';
  else s = typeof v + ':' + String(v);
  console.log(label + ' = ' + s);
}
show('Number()', Number());
show('Number(undefined)', Number(undefined));
show('Number(null)', Number(null));
show('Number(true)', Number(true));
show('Number("  0x1F ")', Number('  0x1F '));
show('Number("0b101")', Number('0b101'));
show('Number("0o17")', Number('0o17'));
show('Number("1e3")', Number('1e3'));
show('Number("-0")', Number('-0'));
show('Number("")', Number(''));
show('Number("12px")', Number('12px'));
show('Number("Infinity")', Number('Infinity'));
show('Number({valueOf(){return 7}})', Number({ valueOf: function () { return 7; } }));
try { Number(Symbol()); } catch (e) { console.log('Number(Symbol()) throws ' + e.name); }

var w = new Number(5);
console.log('typeof new Number(5) = ' + typeof w);
console.log('w + 1 = ' + (w + 1));
console.log('w instanceof Number = ' + (w instanceof Number));
console.log('Object.prototype.toString.call(w) = ' + Object.prototype.toString.call(w));
console.log('Number.prototype is a Number: ' + Object.prototype.toString.call(Number.prototype));
console.log('Number.prototype.valueOf() = ' + Number.prototype.valueOf());
show('new Number().valueOf()', new Number().valueOf());

class MyNum extends Number { twice() { return this.valueOf() * 2; } }
var m = new MyNum(21);
console.log('subclass: ' + m.twice() + ' ' + (m instanceof MyNum) + ' ' + (m instanceof Number));

console.log('EPSILON ' + (Number.EPSILON === Math.pow(2, -52)));
console.log('MAX_SAFE_INTEGER ' + Number.MAX_SAFE_INTEGER);
console.log('MIN_SAFE_INTEGER ' + Number.MIN_SAFE_INTEGER);
console.log('MAX_VALUE ' + Number.MAX_VALUE);
console.log('MIN_VALUE ' + Number.MIN_VALUE);
console.log('NaN ' + Number.NaN + ' ' + Number.POSITIVE_INFINITY + ' ' + Number.NEGATIVE_INFINITY);
var d = Object.getOwnPropertyDescriptor(Number, 'MAX_VALUE');
console.log('MAX_VALUE desc ' + d.writable + ' ' + d.enumerable + ' ' + d.configurable);

var vals = [0, -0, 1, 1.5, -1.5, NaN, Infinity, -Infinity, 9007199254740991, 9007199254740992, -9007199254740991, 1e300, '5', null, true, undefined];
for (var i = 0; i < vals.length; i++) {
  var v = vals[i];
  console.log(String(v) + ': isFinite=' + Number.isFinite(v) + ' isInteger=' + Number.isInteger(v) +
    ' isNaN=' + Number.isNaN(v) + ' isSafeInteger=' + Number.isSafeInteger(v));
}
console.log('global isNaN("abc") = ' + isNaN('abc') + ', Number.isNaN("abc") = ' + Number.isNaN('abc'));

console.log('parseInt same = ' + (Number.parseInt === parseInt) + ', parseFloat same = ' + (Number.parseFloat === parseFloat));
console.log('parseInt("  0x1A") = ' + Number.parseInt('  0x1A'));
console.log('parseInt("101", 2) = ' + Number.parseInt('101', 2));
console.log('parseFloat("3.14abc") = ' + Number.parseFloat('3.14abc'));
console.log('parseFloat("-.5e1") = ' + Number.parseFloat('-.5e1'));
console.log('lengths ' + Number.length + ' ' + Number.parseInt.length + ' ' + Number.parseFloat.length + ' ' + Number.isFinite.length);
console.log('name ' + Number.name + ' ' + Number.prototype.toFixed.name);
