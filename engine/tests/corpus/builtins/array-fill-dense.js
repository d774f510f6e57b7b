// Array.prototype.fill on arrays whose elements it may write directly, and on the ones where
// it must take the generic steps (the results must be the same).

const show = (a) => JSON.stringify(a) + " " + a.length + " " + Object.keys(a).length;

console.log(show(new Array(5).fill(0)));
console.log(show([1, 2, 3, 4, 5].fill(9, 1, 3)));
console.log(show([1, 2, 3, 4, 5].fill(7, -2)));
console.log(show([1, 2, 3].fill(8, 5)));
console.log(show([1, , 3, , 5].fill("x", 1, 4)));
console.log(show(new Array(3).fill()));
const big = new Array(100000).fill(false);
console.log(big.length, big[99999], Object.keys(big).length);

// Holes past the start: the vector does not grow from its end.
const tail = [1, 2];
tail.length = 10;
tail.fill(3, 6);
console.log(show(tail), 5 in tail, 6 in tail);

// Not extensible: existing elements may be overwritten, holes may not be filled.
const sealedish = Object.preventExtensions([1, 2, 3]);
console.log(show(sealedish.fill(4)));
const holey = Object.preventExtensions([1, , 3]);
try {
  holey.fill(0);
} catch (e) {
  console.log(e.constructor.name, show(holey));
}
const frozen = Object.freeze([1, 2]);
try {
  frozen.fill(0);
} catch (e) {
  console.log(e.constructor.name, show(frozen));
}

// An indexed setter on the prototype chain sees the writes to absent elements.
const seen = [];
Object.defineProperty(Array.prototype, 3, {
  set(v) {
    seen.push(v);
  },
  configurable: true,
});
const withSetter = [0, 1];
withSetter.length = 5;
withSetter.fill("y");
console.log(show(withSetter), JSON.stringify(seen));
delete Array.prototype[3];

// Array-likes and subclasses.
const like = { length: 3 };
Array.prototype.fill.call(like, 1);
console.log(JSON.stringify(like));
class Sub extends Array {}
const sub = new Sub(4).fill(2);
console.log(sub instanceof Sub, show(sub));

// Arguments to fill are converted before any write.
const order = [];
const arr = [0, 0, 0, 0];
arr.fill(5, { valueOf() { order.push("start"); arr.length = 2; return 0; } });
console.log(show(arr), order.join());
