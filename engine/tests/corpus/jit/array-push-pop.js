// `a.push(v)` and `a.pop()` at sites that saw only Array.prototype.push/pop: the optimizing
// tier appends to or pops an Array's dense vector in place, and deoptimizes for anything else
// (holes at the end, frozen or non-extensible arrays, a read-only length, array-likes, a
// replaced push), where the built-in's full algorithm runs. (An indexed setter on
// Array.prototype: a unit test, since node 20 skips it once push's IC is warm.)
'use strict';
function moveAll(from, to) {
  let n = 0;
  while (from.length > 0) {
    n += to.push(from.pop());
  }
  return n;
}
let total = 0;
for (let i = 0; i < 300; i++) {
  const a = [1, 2, 3, 'x', { k: i }, i];
  const b = [];
  total += moveAll(a, b) + b.length + a.length;
}
console.log('move', total);

function pushPop(a, v) {
  const len = a.push(v);
  const back = a.pop();
  return len + ':' + String(back) + ':' + a.length;
}
let out = [];
for (let i = 0; i < 200; i++) out.push(pushPop([i], i * 2));
console.log('pushPop', out.slice(-2).join(' '));

// Receivers the fast path refuses.
const holey = [1, 2, , ];
const frozen = Object.freeze([1, 2]);
const sealed = Object.seal([1, 2]);
const fixedLength = [1, 2];
Object.defineProperty(fixedLength, 'length', { writable: false });
const arrayLike = { length: 2, 0: 'a', 1: 'b', push: Array.prototype.push, pop: Array.prototype.pop };
class MyArray extends Array {}
const sub = MyArray.from([1, 2]);
const empty = [];
function tryPush(a, v) {
  try {
    return String(a.push(v)) + '/' + a.length;
  } catch (e) {
    return e.constructor.name;
  }
}
function tryPop(a) {
  try {
    return String(a.pop()) + '/' + a.length;
  } catch (e) {
    return e.constructor.name;
  }
}
for (let i = 0; i < 100; i++) {
  tryPush([i], i);
  tryPop([i, i]);
}
const receivers = [holey, frozen, sealed, fixedLength, arrayLike, sub, empty];
console.log('push', receivers.map((r) => tryPush(r, 9)).join(' '));
console.log('pop', receivers.map((r) => tryPop(r)).join(' '));
console.log('pop again', [holey, arrayLike, sub, empty].map((r) => tryPop(r)).join(' '), 1 in holey);

// A replaced push or pop.
const realPush = Array.prototype.push;
Array.prototype.push = function (v) {
  return 'replaced ' + v;
};
console.log('replaced', pushPop([1], 2));
Array.prototype.push = realPush;
console.log('restored', pushPop([1], 2));

// Pushing holes and many elements; popping what a collection must keep.
function build(n) {
  const a = [];
  for (let i = 0; i < n; i++) a.push({ i, s: 'v' + i });
  return a;
}
let keep = build(20000);
let sum = 0;
while (keep.length) sum += keep.pop().i;
console.log('build', sum, keep.length);
