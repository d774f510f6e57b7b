const square = (x) => x * x;
const add = (a, b) => a + b;
const noArgs = () => "none";
const block = (x) => { const y = x + 1; return y * 2; };
const objLit = () => ({ wrapped: true });
console.log([square(7), add(2, 3), noArgs(), block(4), objLit().wrapped].join(" "));

// lexical this
const counter = {
  count: 0,
  incLater() {
    return [1, 2, 3].map(() => ++this.count);
  },
  regular() {
    return [1].map(function () { return this === undefined ? "undefined" : typeof this; });
  }
};
console.log("lexical this: " + counter.incLater().join(",") + " count " + counter.count);
console.log("regular fn this in map: " + counter.regular()[0]);

// lexical arguments
function outer() {
  const arrow = () => arguments.length + ":" + arguments[0];
  return arrow("ignored", "also ignored");
}
console.log("lexical arguments: " + outer("first", "second", "third"));

// arrows are not constructors
const NotCtor = () => {};
try {
  new NotCtor();
} catch (e) {
  console.log("new arrow: " + e.name);
}
console.log("arrow has prototype: " + ("prototype" in NotCtor));

// call/apply/bind can't change this
const getThis = () => this;
const objA = { name: "A" };
console.log("call ignores this: " + (getThis.call(objA) === getThis()));
const boundArrow = getThis.bind(objA);
console.log("bind ignores this: " + (boundArrow() === getThis()));

// this captured from method at call time
class Timer {
  constructor() { this.ticks = 0; }
  makeTicker() { return () => { this.ticks += 1; return this.ticks; }; }
}
const t = new Timer();
const tick = t.makeTicker();
tick(); tick();
console.log("class ticker: " + tick() + " " + t.ticks);

// currying with arrows
const curry = (a) => (b) => (c) => a * b + c;
console.log("curried: " + curry(3)(4)(5));

// arrow with default and rest
const fmt = (sep = "-", ...parts) => parts.join(sep);
console.log(fmt(undefined, "a", "b") + " " + fmt("+", 1, 2, 3));

// arrow length and name
const named = (a, b, c) => 0;
console.log("length: " + named.length + " name: " + named.name);

// nested arrows keep outer this
const nested = {
  v: "nested-this",
  run() { return (() => (() => this.v)())(); }
};
console.log(nested.run());

// arrow returning arrow in sort/filter chains
const people = [{ n: "x", a: 30 }, { n: "y", a: 20 }, { n: "z", a: 40 }];
console.log(people.filter((p) => p.a > 25).sort((p, q) => q.a - p.a).map((p) => p.n).join(""));
// immediately invoked arrow
console.log(((x) => x + "!")("iife"));
// arrow in class field keeps instance this
class Button {
  label = "btn";
  onClick = () => "clicked " + this.label;
}
const { onClick } = new Button();
console.log(onClick());
