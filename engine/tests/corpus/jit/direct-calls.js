// Calls the optimizing tier makes to the one closure a site has seen, pushing its frame in
// place: fewer or more arguments than parameters, each `this` rule (strict, sloppy with
// undefined, an object or a primitive receiver, arrows), another callee at the same site,
// exceptions through the call, deep recursion, and callees with many registers.
'use strict';
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
console.log('fib', fib(20), fib(21));

function three(a, b, c) {
  return [a, b, c].map(String).join('/');
}
function callsThree(i) {
  return three(i) + ' ' + three(i, i + 1) + ' ' + three(i, i + 1, i + 2, i + 3);
}
let out = [];
for (let i = 0; i < 60; i++) out.push(callsThree(i));
console.log('args', out[0], out[59]);

function strictThis() {
  return typeof this + ':' + String(this);
}
const sloppyThis = Function('return typeof this + ":" + (this === globalThis ? "global" : String(this))');
const receivers = [undefined, null, 1, 'str', true, { toString() { return 'obj'; } }];
function callWith(f, r) {
  return f.call(r);
}
// One callee per site, so that each site calls its closure directly.
function plainSloppy() {
  return sloppyThis();
}
function plainStrict() {
  return strictThis();
}
function methodSloppy(o) {
  return o.m();
}
function methodStrict(o) {
  return o.n();
}
out = [];
for (let i = 0; i < 120; i++) {
  const r = receivers[i % receivers.length];
  out.push(callWith(strictThis, r), callWith(sloppyThis, r), plainSloppy(), plainStrict());
  const holder = { m: sloppyThis, n: strictThis, toString() { return 'holder'; } };
  out.push(methodSloppy(holder), methodStrict(holder));
}
console.log('this', out.slice(0, 36).join(' '));
// Primitive receivers: boxed for sloppy code (left to the runtime), as they are for strict.
String.prototype.kind = sloppyThis;
Number.prototype.kind = strictThis;
function stringKind(x) {
  return x.kind();
}
function numberKind(x) {
  return x.kind();
}
out = [];
for (let i = 0; i < 100; i++) out.push(stringKind('s' + i), numberKind(i));
console.log('primitive receivers', out.slice(0, 4).join(' '), out.slice(-2).join(' '));

function Outer() {
  this.arrow = (k) => [typeof this, this.tag, new.target === Outer, k].join(',');
  this.tag = 'outer';
}
const o = new Outer();
function callArrow(f, k) {
  return f(k);
}
out = [];
for (let i = 0; i < 80; i++) out.push(callArrow(o.arrow, i));
console.log('arrow', out[0], out[79]);

// The site's closure changes: another closure of the same code, then another function.
function makeAdder(k) {
  return (x) => x + k;
}
let adder = makeAdder(1);
function useAdder(x) {
  return adder(x);
}
let s = 0;
for (let i = 0; i < 200; i++) s += useAdder(i);
adder = makeAdder(1000);
for (let i = 0; i < 50; i++) s += useAdder(i);
adder = Math.abs;
for (let i = 0; i < 50; i++) s += useAdder(-i);
console.log('retargeted', s);

// Exceptions through directly called frames.
function thrower(x) {
  if (x % 7 === 6) throw new RangeError('bad ' + x);
  return x;
}
function catches(x) {
  try {
    return thrower(x);
  } catch (e) {
    return e.message;
  }
}
out = [];
for (let i = 0; i < 100; i++) out.push(catches(i));
console.log('throws', out.slice(0, 14).join(' '));

// Deep recursion ends in a RangeError, and the stack is usable afterwards.
function depth(n) {
  return n === 0 ? 0 : 1 + depth(n - 1);
}
for (let i = 0; i < 50; i++) depth(20);
try {
  depth(1e7);
  console.log('no overflow');
} catch (e) {
  console.log('overflow', e instanceof RangeError, e.message);
}
console.log('after overflow', depth(1000));

// A callee with many registers (filled with undefined past the arguments).
function wide(a, b) {
  let r0 = a, r1 = b, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14, r15, r16, r17, r18, r19;
  r2 = r0 + r1; r3 = r2 * 2; r4 = r3 - r0; r5 = r4 + r2; r6 = r5 % 7; r7 = r6 + r3;
  r8 = r7 + 1; r9 = r8 + 1; r10 = r9 + 1; r11 = r10 + 1; r12 = r11 + 1; r13 = r12 + 1;
  r14 = r13 + 1; r15 = r14 + 1; r16 = r15 + 1; r17 = r16 + 1; r18 = r17 + 1;
  return [r18, typeof r19].join();
}
function callsWide(i) {
  return wide(i, i + 1);
}
out = [];
for (let i = 0; i < 100; i++) out.push(callsWide(i));
console.log('wide', out[0], out[99]);
