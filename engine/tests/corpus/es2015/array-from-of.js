console.log("from string: " + JSON.stringify(Array.from("abc")));
console.log("from surrogate string: " + Array.from("a😀").length);
console.log("from Set: " + JSON.stringify(Array.from(new Set([1, 1, 2]))));
console.log("from Map: " + JSON.stringify(Array.from(new Map([["k", "v"]]))));
console.log("from array-like: " + JSON.stringify(Array.from({ length: 3, 0: "a", 2: "c" })));
console.log("from length only: " + JSON.stringify(Array.from({ length: 4 }, (_, i) => i * i)));
console.log("mapFn with index: " + JSON.stringify(Array.from([10, 20], (v, i) => v + i)));
console.log("mapFn thisArg: " + JSON.stringify(Array.from([1, 2], function (v) { return v * this.m; }, { m: 5 })));
console.log("from holes: " + JSON.stringify(Array.from([1, , 3])) + " has 1: " + (1 in Array.from([1, , 3])));
console.log("from arguments: " + (function () { return Array.from(arguments).join("-"); })(1, 2, 3));
console.log("from number: " + JSON.stringify(Array.from(5)));
try { Array.from(null); } catch (e) { console.log("from null: " + e.name); }
try { Array.from([1], "nope"); } catch (e) { console.log("non-callable mapFn: " + e.name); }
const iterable = { [Symbol.iterator]() { let i = 3; return { next: () => ({ value: i, done: i-- <= 0 }) }; } };
console.log("from iterable: " + JSON.stringify(Array.from(iterable)));
const copy = [1, 2, 3];
const fromCopy = Array.from(copy);
fromCopy[0] = 99;
console.log("copy independent: " + copy[0] + " " + fromCopy[0]);
console.log("of: " + JSON.stringify(Array.of(7)) + " " + JSON.stringify(Array.of(1, 2, 3)) + " " + JSON.stringify(Array.of()));
console.log("vs Array(7): " + Array(7).length + " " + Array.of(7).length);
console.log("of undefined: " + JSON.stringify(Array.of(undefined)));
// matrix creation
const grid = Array.from({ length: 3 }, (_, r) => Array.from({ length: 3 }, (_, c) => r * 3 + c));
console.log("grid: " + JSON.stringify(grid));
// range helper
const range = (a, b) => Array.from({ length: b - a }, (_, i) => a + i);
console.log("range: " + range(5, 10).join(","));
// unique chars sorted
console.log("unique sorted: " + Array.from(new Set("hello world")).sort().join(""));
// length coercion
console.log("length string: " + Array.from({ length: "2" }).length + " negative: " + Array.from({ length: -1 }).length);
