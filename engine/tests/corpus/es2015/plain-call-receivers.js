// Plain calls of closures: the receiver each kind of function sees, missing and extra
// arguments, and stack overflow. The interpreter pushes these frames on a fast path; every
// case here must match a general call's behaviour.
var globalObject = globalThis;

function sloppyThis() { return this; }
function strictThis() { 'use strict'; return this; }
function sloppyType() { return typeof this; }
function strictType() { 'use strict'; return typeof this; }

console.log(sloppyThis() === globalObject, strictThis() === undefined);

var o = { sloppyThis, strictThis, sloppyType, strictType };
console.log(o.sloppyThis() === o, o.strictThis() === o);

// Primitive receivers: sloppy functions box them, strict ones do not.
String.prototype.sloppyType = sloppyType;
String.prototype.strictType = strictType;
Number.prototype.sloppyType = sloppyType;
Number.prototype.strictType = strictType;
console.log('abc'.sloppyType(), 'abc'.strictType(), (5).sloppyType(), (5).strictType());
console.log(sloppyType.call(null), strictType.call(null), sloppyType.call(true), strictType.call(true));

// Arrows take the enclosing `this`, whatever the call passes.
function makeArrow() { return () => this; }
var bound = { name: 'bound' };
var arrow = makeArrow.call(bound);
o.arrow = arrow;
console.log(arrow() === bound, o.arrow() === bound);

// Fewer arguments than parameters leave the rest undefined; extra ones stay visible through
// `arguments`; locals start undefined on every call.
function params(a, b, c) {
  var local;
  var seen = [a, b, c, local, arguments.length];
  local = a;
  return seen;
}
for (var i = 0; i < 3; i++) {
  console.log(JSON.stringify(params()), JSON.stringify(params(1)), JSON.stringify(params(1, 2, 3, 4, 5)));
}
function rest(a, ...more) { return [a, more.length]; }
console.log(JSON.stringify(rest(1, 2, 3)), JSON.stringify(rest()));

// Closures created by one function keep their own contexts.
function counter(start) { var n = start; return function () { return ++n; }; }
var c1 = counter(10), c2 = counter(100);
for (var j = 0; j < 3; j++) console.log(c1(), c2());

// Deep recursion ends in a RangeError, and the stack is usable afterwards.
function down(n) { return n === 0 ? 0 : 1 + down(n - 1); }
try {
  down(1e7);
  console.log('no overflow');
} catch (e) {
  console.log(e instanceof RangeError, e.message);
}
console.log(down(1000));
