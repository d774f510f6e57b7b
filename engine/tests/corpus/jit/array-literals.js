// Array literals: short ones without holes or spreads are built from registers by one
// instruction (CreateArrayFrom), others element by element. Both orders of evaluation,
// exceptions part-way through, nesting, holes, spreads and the 64-element limit must match.
'use strict';
let log = [];
function t(x) {
  log.push(x);
  return x;
}
function make(i) {
  return [t(i), i + 1, 'x' + i, { a: i }, [i, [i]], undefined, null, t(-i)];
}
let sum = 0;
let last;
for (let i = 0; i < 2000; i++) {
  last = make(i);
  sum += last[0] + last[1] + last[4][1][0] + last.length;
}
console.log('sum', sum, JSON.stringify(last), log.length, log.slice(-2).join());

// Elements see the effects of earlier ones.
let k = 0;
function effects() {
  return [k++, k++, k, (k = 10), k];
}
let e;
for (let i = 0; i < 500; i++) e = effects();
console.log('effects', e.join(), k);

// An exception part-way: nothing later is evaluated.
function boom(i) {
  if (i % 50 === 49) throw new Error('boom ' + i);
  return i;
}
let thrown = 0;
log = [];
for (let i = 0; i < 500; i++) {
  try {
    const a = [t('a'), boom(i), t('b')];
    if (a.length !== 3) throw new Error('length');
  } catch (err) {
    thrown++;
  }
}
console.log('throws', thrown, log.length);

// The arrays are ordinary, extensible and unshared.
function pair(x) {
  return [x, x];
}
const p1 = pair(1);
const p2 = pair(1);
p1.push(3);
p2[5] = 'far';
console.log('unshared', p1, p2, p1 === p2, Array.isArray(p1), Object.getPrototypeOf(p2) === Array.prototype);

// Holes, spreads and long literals.
function others(i) {
  return [[, i], [i, , ], [...'ab', i], [...[i, i], ...[]]];
}
let o;
for (let i = 0; i < 300; i++) o = others(i);
console.log('others', o.map((a) => a.length).join(), o[0][0], 0 in o[0], 1 in o[1], o[2].join(), o[3].join());
const long64 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
  33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64];
const long65 = long64.concat([]);
const literal65 = [...long64, 65];
const direct65 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
  33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65];
console.log('long', long64.length, long65.length, literal65.length, direct65.length, direct65[64], long64.reduce((a, b) => a + b));

// Many live arrays across collections.
const keep = [];
for (let i = 0; i < 20000; i++) keep.push([i, 'v' + i, [i]]);
console.log('kept', keep.length, keep[19999][1], keep[12345][2][0]);
