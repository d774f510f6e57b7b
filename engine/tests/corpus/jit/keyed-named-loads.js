// `o[k]` with a string or symbol key reads through the runtime's megamorphic cache (compiled
// code's fallback probes it for interned keys): own and inherited data properties, getters,
// a prototype changed between reads, deleted and redefined properties, dictionary-mode
// objects, string wrappers, arrays and keys that are array indices in disguise.
const sym = Symbol('s');
const proto = { inherited: 'p', get viaGetter() { return 'g' + this.own; } };
function make(i) {
  const o = Object.create(proto);
  o.own = i;
  if (i % 2) o.extra = i;
  if (i % 3 === 0) o[sym] = 'sym' + i;
  return o;
}
const objects = [];
for (let i = 0; i < 12; i++) objects.push(make(i));
const dict = make(99);
delete dict.own;
dict.own = 'dict';
objects.push(dict, new String('str'), [7, 8]);
const keys = ['own', 'inherited', 'viaGetter', 'extra', 'missing', '0', 'length', sym];
const built = (s) => s.split('').join('');
function read(o, k) {
  return o[k];
}
function pass() {
  const out = [];
  for (const o of objects) for (const k of keys) out.push(String(read(o, k)));
  for (const o of objects) out.push(String(read(o, built('own'))), String(read(o, built('inherited'))));
  return out.join(',');
}
const first = pass();
let same = true;
for (let round = 0; round < 30; round++) same = same && pass() === first;
console.log(same);
console.log(first);
// The prototype changes: inherited reads see it at once.
proto.inherited = 'changed';
Object.defineProperty(proto, 'viaGetter', { get() { return 'new'; } });
objects[1].extra = 'mutated';
delete objects[3].extra;
const second = pass();
for (let round = 0; round < 5; round++) same = same && pass() === second;
console.log(same);
console.log(second);
