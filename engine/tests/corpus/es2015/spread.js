function three(a, b, c) { return [a, b, c].join("/"); }
const arr = [1, 2, 3];
console.log("call spread: " + three(...arr));
console.log("partial spread: " + three(0, ...[9, 8]));
console.log("multiple spreads: " + three(...[1], ...[2], ...[3, 4]));
console.log("Math.max: " + Math.max(...[5, 1, 9, 3]) + " empty: " + Math.max(...[]));
console.log("array literal: " + JSON.stringify([0, ...arr, 4, ...[5, 6]]));
console.log("string spread: " + JSON.stringify([..."héllo"]));
console.log("surrogate spread: " + [..."a😀b"].length);
console.log("Set spread: " + JSON.stringify([...new Set([3, 1, 3, 2, 1])]));
console.log("Map spread: " + JSON.stringify([...new Map([["a", 1], ["b", 2]])]));
console.log("holes become undefined: " + JSON.stringify([...[1, , 3]]) + " 1 in: " + (1 in [...[1, , 3]]));
const copy = [...arr];
copy.push(4);
console.log("copy independent: " + arr.length + " " + copy.length);
// object spread
const base = { a: 1, b: 2 };
const ext = { ...base, b: 20, c: 3 };
console.log("object spread: " + JSON.stringify(ext));
const over = { b: 0, ...base };
console.log("later wins: " + JSON.stringify(over));
console.log("spread null/undefined: " + JSON.stringify({ ...null, ...undefined, x: 1 }));
console.log("spread string: " + JSON.stringify({ ..."hi" }));
console.log("spread array into object: " + JSON.stringify({ ...["x", "y"] }));
const withGetter = { get g() { return "evaluated"; } };
const spreadGetter = { ...withGetter };
console.log("getter copied as value: " + typeof Object.getOwnPropertyDescriptor(spreadGetter, "g").value);
const proto = { inherited: 1 };
const child = Object.create(proto);
child.own = 2;
console.log("only own: " + JSON.stringify({ ...child }));
const nonEnum = Object.defineProperty({}, "hidden", { value: 1, enumerable: false });
console.log("non-enumerable skipped: " + JSON.stringify({ ...nonEnum }));
const sym = Symbol("s");
const withSym = { [sym]: "symval", n: 1 };
const symCopy = { ...withSym };
console.log("symbol copied: " + symCopy[sym]);
// custom iterable spread
const iterable = {
  [Symbol.iterator]() {
    let i = 0;
    return { next: () => (i < 3 ? { value: i++ * 10, done: false } : { value: undefined, done: true }) };
  }
};
console.log("custom iterable: " + JSON.stringify([...iterable]) + " " + three(...iterable));
try {
  [...{}];
} catch (e) {
  console.log("non-iterable spread: " + e.name);
}
try {
  three(...123);
} catch (e) {
  console.log("number spread: " + e.name);
}
// spread with new
function Point(x, y) { this.x = x; this.y = y; }
const p = new Point(...[3, 4]);
console.log("new with spread: " + p.x + "," + p.y);
// spread arguments object
function viaArgs() { return [...arguments].reverse().join(""); }
console.log("arguments spread: " + viaArgs("a", "b", "c"));
// order of evaluation
const log = [];
const f = (...xs) => xs.join("");
f(...(log.push("first"), ["a"]), (log.push("second"), "b"));
console.log("order: " + log.join(","));
