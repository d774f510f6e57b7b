// A call site compiled after seeing one closure meets others (made after the first died, some
// perhaps where it was), built-ins, arrows and non-callables; each call gets its own callee's
// context.
function make(k) { return function (x) { return x * k; }; }
function site(f, x) { return f(x); }
let f1 = make(2);
const out = [];
for (let i = 0; i < 5; i++) out.push(site(f1, i));
f1 = null;
for (let round = 0; round < 4; round++) {
  const garbage = [];
  for (let j = 0; j < 200; j++) garbage.push(make(j), { j });
  const g = make(round + 3);
  for (let i = 0; i < 3; i++) out.push(site(g, i));
  out.push(site(Math.abs, -round));
  out.push(site((a, b) => [a, b], round).join('/'));
  try { site(null, 1); } catch (e) { out.push(e instanceof TypeError); }
}
console.log(out.join(' '));

// `this`: sloppy functions see the global object for undefined and box primitives; strict
// ones see the receiver as it is; arrows keep their own.
function sloppy() { return typeof this === 'object' ? (this === globalThis ? 'global' : 'object') : typeof this; }
function strict() { 'use strict'; return this === undefined ? 'undefined' : typeof this; }
const arrow = () => typeof this;
function callWith(f, recv) { return f.call(recv); }
function plain(f) { return f(); }
function method(o) { return o.m(); }
const seen = [];
for (let i = 0; i < 6; i++) {
  seen.push(plain(sloppy), plain(strict), plain(arrow));
  seen.push(callWith(sloppy, 5), callWith(strict, 5), callWith(sloppy, 'str'), callWith(strict, null));
  seen.push(method({ m: sloppy }), method({ m: strict }), method({ m: arrow }));
}
console.log(seen.slice(0, 10).join(' '), seen.length);

// Arguments: fewer than the parameters (the rest undefined), as many, and more (the extra
// ones reach `arguments` through the generic path).
function args3(a, b, c) { return [a, b, c, arguments.length].join(','); }
function one(f) { return f(1); }
function four(f) { return f(1, 2, 3, 4); }
const a = [];
for (let i = 0; i < 6; i++) a.push(one(args3), four(args3));
console.log(a.join(' | '));

// Deep recursion through a call site that calls its own function in place still ends in a
// RangeError, and calls after it work.
function down(n) { return n === 0 ? 0 : 1 + down(n - 1); }
let depth = 0;
for (let i = 0; i < 3; i++) depth += down(100);
try { down(1e7); } catch (e) { console.log(e instanceof RangeError, depth, down(10)); }
