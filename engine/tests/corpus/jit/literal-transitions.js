// Object literals add their properties by each site's cached transition (`DefineNamed`'s
// inline cache; the optimizing tier's `AddProperty`, which also lets a factory that returns a
// literal be inlined). Duplicate keys, index-like keys, `__proto__`, getters between plain
// keys, and literals of other shapes at the same site must still define what the
// interpreter defines.
function point(x, y) { return { x: x, y: y, tag: 'p' }; }
function dup(v) { return { a: 1, b: v, a: v * 2 }; }
function indexed(v) { return { 0: v, one: v + 1, 2: v + 2 }; }
function protoNull(v) { return { __proto__: null, v: v, w: 1 }; }
function withGetter(v) { return { a: v, get b() { return this.a + 1; }, c: v }; }
function describe(o) {
  return Object.keys(o).map(function (k) { return k + '=' + o[k]; }).join(',') + (Object.getPrototypeOf(o) === null ? ' (null proto)' : '');
}
function sum(n) {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const p = point(i, i + 1);
    s += p.x + p.y;
  }
  return s;
}
const lines = [];
for (let round = 0; round < 200; round++) {
  const r = [sum(20), describe(point(round, 2)), describe(dup(round)), describe(indexed(round)), describe(protoNull(round)), describe(withGetter(round))];
  if (round % 50 === 0) lines.push(r.join(' | '));
}
lines.forEach(function (l) { console.log(l); });
const p = point(1, 2);
p.z = 3;
delete p.x;
console.log(describe(p), describe(point('a', 'b')), JSON.stringify(point(0.5, -0)));
