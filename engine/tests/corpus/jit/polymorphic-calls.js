// Call sites that saw several closures: compiled code calls each callee through the mirror
// the closure carries (its code, context, `this` rule), for sites that saw one code (fresh
// closures of one function) or many; callees it must not call directly (class constructors,
// generators, async functions, bound and built-in functions, closures of another realm, more
// arguments than parameters) still work through the runtime, and a site that saw one code
// and then meets another does too. (Closures of another realm: a unit test, it needs $262.)
'use strict';
function makeAdder(k) {
  return (x) => x + k;
}
const adders = [];
for (let i = 0; i < 8; i++) adders.push(makeAdder(i));
function applyAll(fs, x) {
  let s = 0;
  for (let j = 0; j < fs.length; j++) s += fs[j](x);
  return s;
}
let total = 0;
for (let i = 0; i < 300; i++) total += applyAll(adders, i);
console.log('same code', total);

// The same site, now meeting closures of other functions.
function twice(x) {
  return 2 * x;
}
function square(x) {
  return x * x;
}
const mixed = adders.concat([twice, square, Math.abs, twice.bind(null), (x) => -x]);
total = 0;
for (let i = 0; i < 300; i++) total += applyAll(mixed, i);
console.log('mixed', total);

// `this` rules at one polymorphic site.
const sloppyThis = Function('return this === globalThis ? "global" : typeof this');
function strictThis() {
  return this === undefined ? 'undefined' : typeof this;
}
const self = { name: 'self' };
const lexical = function () {
  return () => this.name;
}.call(self);
function callPlain(f) {
  return f();
}
const rules = [sloppyThis, strictThis, lexical, function () { return 'expr'; }];
let seen = [];
for (let i = 0; i < 200; i++) seen.push(callPlain(rules[i % rules.length]));
console.log('this', seen.slice(-4).join(' '));

// Receivers through a polymorphic method site.
const objs = [
  { v: 1, get() { return this.v; } },
  { v: 2, get: function () { return this.v * 10; } },
  { v: 3, get: sloppyThis },
  { v: 4, get: strictThis },
];
function callMethod(o) {
  return o.get();
}
seen = [];
for (let i = 0; i < 200; i++) seen.push(callMethod(objs[i % objs.length]));
console.log('methods', seen.slice(-4).join(' '));

// Callees that need the runtime.
class K {}
function* gen() {
  yield 1;
}
async function asyncFn() {
  return 1;
}
function tooMany(a) {
  return arguments.length + ':' + a;
}
const hard = [K, gen, asyncFn, twice.bind(null, 5), Math.max, tooMany, twice, 7, undefined];
function tryCall(f) {
  try {
    const r = f(1, 2, 3);
    return typeof r === 'object' ? Object.prototype.toString.call(r) : String(r);
  } catch (e) {
    return e.constructor.name;
  }
}
seen = [];
for (let i = 0; i < 180; i++) seen.push(tryCall(hard[i % hard.length]));
console.log('hard', seen.slice(-hard.length).join(' '));

// Exceptions and recursion through polymorphic sites.
function thrower(x) {
  if (x % 7 === 3) throw new RangeError('bad ' + x);
  return x;
}
const maybe = [thrower, twice, (x) => thrower(x + 1)];
let caught = 0;
total = 0;
for (let i = 0; i < 300; i++) {
  try {
    total += maybe[i % 3](i);
  } catch (e) {
    caught++;
  }
}
console.log('throws', total, caught);
const fibs = [
  function fa(n) { return n < 2 ? n : fibs[n % 2](n - 1) + fibs[(n + 1) % 2](n - 2); },
  function fb(n) { return n < 2 ? n : fibs[(n + 1) % 2](n - 1) + fibs[n % 2](n - 2); },
];
console.log('recursion', fibs[0](20), fibs[1](21));
function deep(n) {
  return n === 0 ? 0 : 1 + [deep, deep2][n % 2](n - 1);
}
function deep2(n) {
  return n === 0 ? 0 : 1 + [deep, deep2][n % 2](n - 1);
}
try {
  deep(1e6);
  console.log('no overflow');
} catch (e) {
  console.log('overflow', e instanceof RangeError);
}

