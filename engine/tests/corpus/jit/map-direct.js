// `m.get(k)`, `m.has(k)` and `m.set(k, v)` at sites that saw only Map.prototype's methods:
// the optimizing tier calls the Map's table directly, and deoptimizes for other receivers
// (a Set, a WeakMap, a plain object) where the built-in throws or another method runs.
'use strict';
function memo(cache, k, f) {
  if (cache.has(k)) return cache.get(k);
  const v = f(k);
  cache.set(k, v);
  return v;
}
const cache = new Map();
let total = 0;
for (let i = 0; i < 3000; i++) total += memo(cache, i % 97, (x) => x * x);
console.log('memo', total, cache.size);

// Keys: -0 and +0 are one key, NaN is itself, objects by identity, strings by value.
function keys(m) {
  m.set(-0, 'zero').set(NaN, 'nan').set('1', 'str').set(1, 'num');
  const o = {};
  m.set(o, 'obj');
  return [m.get(0), m.has(-0), m.get(NaN), m.get('1'), m.get(1), m.get(o), m.get({}), m.size, Object.is([...m.keys()][0], 0)].join();
}
let k;
for (let i = 0; i < 200; i++) k = keys(new Map());
console.log('keys', k);

// set returns the Map itself; chained sets; overwriting keeps the size.
function chain(m, i) {
  return m.set(i, 1).set(i, 2).set(i + 1, 3) === m ? m.get(i) + m.get(i + 1) * 10 + m.size * 100 : -1;
}
let c = 0;
for (let i = 0; i < 300; i++) c += chain(new Map(), i);
console.log('chain', c);

// Other receivers at the same sites.
class MyMap extends Map {}
const others = [new MyMap([[1, 'mine']]), new Set([1]), new WeakMap(), { get: () => 'own', has: () => true, set: () => 'set' }];
function tryAll(m) {
  const r = [];
  for (const f of [() => m.get(1), () => m.has(1), () => m.set(1, 'x') === m]) {
    try {
      r.push(String(f()));
    } catch (e) {
      r.push(e.constructor.name);
    }
  }
  return r.join('/');
}
for (let i = 0; i < 100; i++) tryAll(new Map([[1, i]]));
console.log('others', others.map(tryAll).join(' '));

// Many entries across collections.
const big = new Map();
for (let i = 0; i < 20000; i++) big.set('k' + i, { i });
let s = 0;
for (let i = 0; i < 20000; i += 7) s += big.get('k' + i).i;
console.log('big', big.size, s, big.has('k19999'), big.has('k20000'));
