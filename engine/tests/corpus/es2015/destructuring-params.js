function point({ x, y = 0 }) { return "(" + x + "," + y + ")"; }
console.log(point({ x: 1, y: 2 }) + " " + point({ x: 5 }));
try { point(); } catch (e) { console.log("missing arg: " + e.name); }
function opts({ verbose = false, level = 1 } = {}) { return "verbose=" + verbose + " level=" + level; }
console.log(opts() + " | " + opts({ level: 3 }));
function first([a, b = "B"], ...more) { return a + b + more.length; }
console.log(first(["A"], 1, 2) + " " + first("xy"));
const swap = ([a, b]) => [b, a];
console.log("swap: " + swap([1, 2]).join(","));
const nested = ({ a: { b: [c, { d }] } }) => c + d;
console.log("nested param: " + nested({ a: { b: ["c", { d: "d" }] } }));
function withLength({ length }) { return length; }
console.log("length of string/array: " + withLength("four") + " " + withLength([1, 2]));
// function length with destructured params
console.log("fn.length: " + point.length + " " + opts.length + " " + first.length);
// destructuring in catch
try {
  throw { code: 42, info: { msg: "boom" } };
} catch ({ code, info: { msg } }) {
  console.log("catch destructure: " + code + " " + msg);
}
// destructuring in for-of with Map
const m = new Map([["one", 1], ["two", 2]]);
for (const [k, v] of m) console.log("map " + k + "->" + v);
// destructuring in for-in binding not allowed; for-of with entries and defaults
const data = [{ name: "a" }, { name: "b", score: 5 }];
for (const { name, score = 0 } of data) console.log(name + ":" + score);
// for-of with array destructuring and existing variables
let k2, v2;
for ([k2, v2] of [["x", 1], ["y", 2]]) {}
console.log("last assigned: " + k2 + v2);
// destructuring iterable in params calls iterator
const gen = { [Symbol.iterator]() { let i = 0; return { next: () => ({ value: ++i, done: i > 5 }) }; } };
function takeTwo([a, b]) { return a + b; }
console.log("iterable param: " + takeTwo(gen));
// arguments with destructured params
function argsCount({ a }, [b]) { return arguments.length + " " + a + b; }
console.log("arguments: " + argsCount({ a: 1 }, [2], "extra"));
// defaults evaluated per call
let id = 0;
function withId({ id: given = ++id } = {}) { return given; }
console.log("per-call defaults: " + withId() + withId({ id: 9 }) + withId());
