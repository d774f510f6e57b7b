function* counter() {
  console.log("  body starts");
  const a = yield 1;
  console.log("  received " + a);
  const b = yield a * 2;
  console.log("  received " + b);
  return "done:" + b;
}
const g = counter();
console.log("created, nothing ran yet");
console.log(JSON.stringify(g.next("ignored first")));
console.log(JSON.stringify(g.next(10)));
console.log(JSON.stringify(g.next(20)));
console.log(JSON.stringify(g.next(30)));
console.log(JSON.stringify(g.next()));

function* simple() { yield "a"; yield "b"; yield "c"; }
console.log("spread: " + [...simple()].join(","));
console.log("for-of: " + (() => { const r = []; for (const v of simple()) r.push(v.toUpperCase()); return r.join(""); })());
console.log("Array.from: " + Array.from(simple(), (v, i) => v + i).join(","));
const [first, , third] = simple();
console.log("destructure: " + first + third);

// generator object identity and protocol
const gen = simple();
console.log("iterator is itself: " + (gen[Symbol.iterator]() === gen));
console.log("toString tag: " + Object.prototype.toString.call(gen));
console.log("typeof next: " + typeof gen.next);
function* empty() {}
console.log("empty: " + JSON.stringify(empty().next()));
// return value is not included in for-of
function* withReturn() { yield 1; return 2; }
console.log("return excluded: " + [...withReturn()].join(","));
// generators as methods, with this and arguments
const obj = {
  items: ["x", "y"],
  *[Symbol.iterator]() { for (const i of this.items) yield i + "!"; },
  *args() { yield arguments.length; yield* arguments; }
};
console.log("method generator: " + [...obj].join(" "));
console.log("arguments: " + [...obj.args("p", "q")].join(","));
class Tree {
  constructor(v, kids = []) { this.v = v; this.kids = kids; }
  *[Symbol.iterator]() { yield this.v; for (const k of this.kids) yield* k; }
}
const tree = new Tree(1, [new Tree(2, [new Tree(3)]), new Tree(4)]);
console.log("tree walk: " + [...tree].join(","));
// yield precedence and expressions
function* exprs() {
  const x = yield;
  const y = (yield x + 1) + 100;
  yield [x, y];
}
const e = exprs();
e.next();
console.log(JSON.stringify(e.next(5)));
console.log(JSON.stringify(e.next(7)));
// not constructible
try { new simple(); } catch (err) { console.log("new generator: " + err.name); }
// generator keeps local state across yields
function* fibGen() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
const fibs = [];
for (const f of fibGen()) { if (f > 100) break; fibs.push(f); }
console.log("fib: " + fibs.join(","));
// running generator re-entry throws
function* reentrant() { try { reGen.next(); } catch (err) { yield "re-entry: " + err.name; } }
const reGen = reentrant();
console.log(reGen.next().value);
