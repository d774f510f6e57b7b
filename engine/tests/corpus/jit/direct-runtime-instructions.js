// Instructions compiled code runs through the runtime without the interpreter's loop
// (iterators, instanceof, unary minus and ~ past their int32 paths): results, exceptions
// caught by handlers in the compiled function, and iteration protocol corner cases.
function neg(x) {
  return -x;
}
function not(x) {
  return ~x;
}
const values = [1, 0, -2147483648, 2.5, -0, "3", "x", null, undefined, true, 2 ** 40, { valueOf: () => 7 }];
for (let round = 0; round < 3; round++) {
  console.log(values.map((v) => Object.is(neg(v), -0) ? "-0" : String(neg(v))).join(" "));
  console.log(values.map((v) => String(not(v))).join(" "));
}
function negThrows() {
  try {
    return neg({ valueOf() { throw new Error("valueOf"); } });
  } catch (e) {
    return "caught " + e.message;
  }
}
for (let i = 0; i < 3; i++) console.log(negThrows(), (() => { try { return -Symbol(); } catch (e) { return e.constructor.name; } })());

class Even {
  static [Symbol.hasInstance](n) {
    return n % 2 === 0;
  }
}
function isA(x, C) {
  try {
    return x instanceof C;
  } catch (e) {
    return e.constructor.name;
  }
}
for (let i = 0; i < 3; i++) console.log(isA([], Array), isA({}, Array), isA(4, Even), isA(3, Even), isA({}, 5), isA({}, () => {}));

function sum(iterable) {
  let s = 0;
  for (const x of iterable) s += x;
  return s;
}
function* gen(n) {
  for (let i = 0; i < n; i++) yield i;
}
const custom = {
  [Symbol.iterator]() {
    let i = 0;
    return { next: () => (i < 3 ? { value: i++ * 10, done: false } : { value: undefined, done: true }) };
  },
};
for (let i = 0; i < 3; i++) console.log(sum([1, 2, 3]), sum(gen(4)), sum(new Set([5, 6])), sum(custom), sum("12"));

function firstOver(iterable, limit) {
  for (const x of iterable) if (x > limit) return x;
  return -1;
}
let closes = 0;
const closing = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next: () => ({ value: i++, done: false }),
      return() {
        closes++;
        return {};
      },
    };
  },
};
for (let i = 0; i < 3; i++) console.log(firstOver([1, 5, 9], 4), firstOver(closing, 3), closes);

function stepThrows(iterable) {
  try {
    for (const x of iterable) if (x === "never") return x;
    return "done";
  } catch (e) {
    return "caught " + e.message;
  }
}
const badNext = { [Symbol.iterator]: () => ({ next() { throw new Error("next"); }, return() { console.log("not called"); } }) };
const badResult = { [Symbol.iterator]: () => ({ next: () => 5 }) };
const notIterable = {};
const holeGetter = [1, , 3];
for (let i = 0; i < 3; i++) {
  Object.defineProperty(Array.prototype, 1, { get() { throw new Error("getter"); }, configurable: true });
  const r = stepThrows(holeGetter);
  delete Array.prototype[1];
  console.log(stepThrows(badNext), stepThrows(badResult).slice(0, 6), stepThrows(notIterable).slice(0, 6), r);
}
function returnThrows() {
  const it = { [Symbol.iterator]: () => ({ next: () => ({ value: 1, done: false }), return() { throw new Error("return"); } }) };
  try {
    for (const x of it) break;
  } catch (e) {
    return "caught " + e.message;
  }
  return "no throw";
}
function bodyThrowsReturnThrows() {
  const it = { [Symbol.iterator]: () => ({ next: () => ({ value: 1, done: false }), return() { throw new Error("return"); } }) };
  try {
    for (const x of it) throw new Error("body");
  } catch (e) {
    return "caught " + e.message;
  }
}
for (let i = 0; i < 3; i++) console.log(returnThrows(), bodyThrowsReturnThrows());

// Classes: super() (with spread), this binding with fields, super property reads, rest
// parameters, object spread and computed keys of `o[k]++`.
class Base {
  constructor(...parts) {
    this.parts = parts;
  }
  describe() {
    return "base:" + this.parts.join("+");
  }
}
class Derived extends Base {
  tag = "d";
  constructor(a, ...rest) {
    super(a, ...rest);
    this.sum = rest.reduce((x, y) => x + y, a);
  }
  describe() {
    return super.describe() + "/" + this.tag + this.sum;
  }
}
class Twice extends Base {
  constructor() {
    super(1);
    try {
      super(2);
    } catch (e) {
      this.err = e.constructor.name;
    }
  }
}
class NotCtor extends Base {}
Object.setPrototypeOf(NotCtor, function () {}.bind());
class Broken extends Base {
  constructor() {
    Object.setPrototypeOf(Broken, {});
    super();
  }
}
for (let i = 0; i < 3; i++) {
  const d = new Derived(1, 2, 3);
  let broken;
  try {
    new Broken();
  } catch (e) {
    broken = e.constructor.name;
  }
  Object.setPrototypeOf(Broken, Base);
  console.log(d.describe(), new Twice().err, new NotCtor(5).parts === undefined, broken);
}
function spreadCopy(o) {
  const { a, ...rest } = o;
  return [a, JSON.stringify({ ...rest, z: 1 })];
}
function bumpKeys(o, keys) {
  for (const k of keys) o[k]++;
  return JSON.stringify(o);
}
for (let i = 0; i < 3; i++) {
  console.log(spreadCopy({ a: 1, b: 2, c: 3 }).join(" "), bumpKeys({ 1: 0, x: 0, "1.5": 0 }, [1, "x", 1.5, { toString: () => "x" }]));
}
