// for-of over array iterators: every step reads the elements as the iteration protocol does
// (holes see the prototype, growth and shrinking during the loop count, a replaced `next` is
// called), whichever way the engine steps the iterator.
function collect(iterable) {
  const out = [];
  for (const x of iterable) out.push(x);
  return out;
}

let sum = 0;
const big = [];
for (let i = 0; i < 200; i++) big.push(i * 0.5);
for (let round = 0; round < 5; round++) for (const x of big) sum += x;
console.log('sum', sum);

const holes = [1, , 3];
console.log('holes', collect(holes));
Array.prototype[1] = 'from proto';
console.log('holes+proto', collect(holes), collect(holes.keys()), collect(holes.entries()));
delete Array.prototype[1];

const growing = [1, 2];
let steps = 0;
for (const x of growing) {
  if (growing.length < 6) growing.push(x * 10);
  steps++;
}
console.log('growing', steps, growing);

const shrinking = [1, 2, 3, 4, 5];
const seen = [];
for (const x of shrinking) {
  seen.push(x);
  shrinking.length = 3;
}
console.log('shrinking', seen);

const withGetter = [1, 2, 3];
Object.defineProperty(withGetter, 1, { get() { return 'got'; } });
console.log('getter', collect(withGetter));

const arrayLike = { length: 3, 0: 'a', 1: 'b', 2: 'c' };
console.log('array-like', collect(Array.prototype.values.call(arrayLike)));
console.log('string object', collect(Array.prototype.values.call(new String('hey'))));
console.log('typed', collect(new Int16Array([7, -8, 9])));

const proto = Object.getPrototypeOf([][Symbol.iterator]());
const originalNext = proto.next;
proto.next = function () {
  const r = originalNext.call(this);
  if (!r.done) r.value = [r.value];
  return r;
};
console.log('replaced next', collect([1, 2]));
proto.next = originalNext;
console.log('restored next', collect([1, 2]));

const it = [10, 20][Symbol.iterator]();
for (const x of it) {
  console.log('first', x);
  break;
}
console.log('resumed', collect(it), 'after done', collect(it));

let threw = false;
try {
  for (const x of Array.prototype.values.call({ get length() { throw new Error('length!'); } })) console.log(x);
} catch (e) {
  threw = e.message;
}
console.log('throws', threw);

const notIter = Object.create(proto);
try {
  for (const x of { [Symbol.iterator]() { return notIter; } }) console.log(x);
} catch (e) {
  console.log('incompatible', e.constructor.name);
}
