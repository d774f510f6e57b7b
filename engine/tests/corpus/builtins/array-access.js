// at, concat, slice, includes, indexOf, lastIndexOf, join, toString, toLocaleString, flat, flatMap,
// keys/values/entries/@@iterator, @@unscopables.
function show(a) {
  if (a === null || typeof a !== "object") return typeof a === "string" ? '"' + a + '"' : String(a);
  var out = [];
  for (var i = 0; i < a.length; i++) out.push(i in a ? show(a[i]) : "<hole>");
  return "[" + out.join(",") + "]";
}
function tryIt(f) {
  try {
    return show(f());
  } catch (e) {
    return e.name;
  }
}

var a = [10, 20, 30];
console.log("at: " + a.at(0) + " " + a.at(-1) + " " + a.at(3) + " " + a.at(-4) + " " + a.at("1") + " " + a.at(1.9) + " " + a.at(NaN) + " " + a.at());
console.log("at array-like: " + Array.prototype.at.call({ length: 2, 1: "b" }, -1) + " " + Array.prototype.at.call("xyz", -1));

console.log("concat: " + show([1].concat(2, [3, [4]], [, 6])) + " " + show([].concat()));
var spreadObj = { length: 2, 0: "s0", 1: "s1", [Symbol.isConcatSpreadable]: true };
var noSpread = [7, 8];
noSpread[Symbol.isConcatSpreadable] = false;
console.log("concat spreadable: " + show([0].concat(spreadObj)) + " " + ([0].concat(noSpread)[1] === noSpread));
console.log("concat holes preserved: " + show([, 1].concat([2, ,])) + " len=" + [, 1].concat([2, ,]).length);
console.log("concat primitive this: " + show(Array.prototype.concat.call("ab", "c").map((x) => typeof x)));
var fakeArr = { length: 1, 0: "f" };
console.log("concat non-spreadable object: " + ([].concat(fakeArr)[0] === fakeArr));

console.log("slice: " + show(a.slice()) + " " + show(a.slice(1)) + " " + show(a.slice(-2, -1)) + " " + show(a.slice(2, 1)) + " " +
  show(a.slice(0, 100)) + " " + show(a.slice(-100)) + " " + show(a.slice("1", "2")) + " " + show(a.slice(undefined, undefined)));
console.log("slice holes: " + show([1, , 3, ,].slice(1)) + " len=" + [1, , 3, ,].slice(1).length);
console.log("slice array-like: " + show(Array.prototype.slice.call({ length: 3, 0: "a", 2: "c" })));
console.log("slice arguments: " + (function () { return show(Array.prototype.slice.call(arguments, 1)); })(1, 2, 3));
console.log("slice string: " + show(Array.prototype.slice.call("hello", 1, 3)));

console.log("includes: " + [1, 2, 3].includes(2) + " " + [1, 2, 3].includes(4) + " " + [NaN].includes(NaN) + " " + [-0].includes(0) + " " +
  [1, , 3].includes(undefined) + " " + [1, 2, 3].includes(1, 1) + " " + [1, 2, 3].includes(3, -1) + " " + [1, 2, 3].includes(1, -100) + " " +
  [].includes(undefined) + " " + [1].includes(1, Infinity) + " " + ["1"].includes(1));
console.log("indexOf: " + [1, 2, 1].indexOf(1) + " " + [1, 2, 1].indexOf(1, 1) + " " + [NaN].indexOf(NaN) + " " + [1, , 3].indexOf(undefined) + " " +
  [1, 2, 3].indexOf(3, -1) + " " + [1, 2, 3].indexOf(1, -100) + " " + [1, 2, 3].indexOf(1, Infinity) + " " + [0].indexOf(-0) + " " + ["1"].indexOf(1));
console.log("lastIndexOf: " + [1, 2, 1].lastIndexOf(1) + " " + [1, 2, 1].lastIndexOf(1, 1) + " " + [1, 2, 1].lastIndexOf(1, -2) + " " +
  [1, 2, 1].lastIndexOf(1, -4) + " " + [1, 2, 1].lastIndexOf(1, undefined) + " " + [1, 2, 1].lastIndexOf(2, undefined) + " " +
  [NaN].lastIndexOf(NaN) + " " + [1, 2, 1].lastIndexOf(1, 100) + " " + [1, 2, 1].lastIndexOf(1, -Infinity));
var fromLog = [];
var lenZero = { get length() { fromLog.push("len"); return 0; } };
var fromIdx = { valueOf() { fromLog.push("from"); return 0; } };
Array.prototype.indexOf.call(lenZero, 1, fromIdx);
Array.prototype.includes.call(lenZero, 1, fromIdx);
Array.prototype.lastIndexOf.call(lenZero, 1, fromIdx);
console.log("fromIndex not coerced when length 0: " + fromLog.join(","));
Array.prototype[1] = "inh";
console.log("search inherited: " + [0, , 2].indexOf("inh") + " " + [0, , 2].includes("inh") + " " + [0, , 2].lastIndexOf("inh"));
delete Array.prototype[1];
var bigLike = { length: 9007199254740991, 9007199254740990: "c", 3: "x" };
console.log("search huge array-like: " + Array.prototype.lastIndexOf.call(bigLike, "c") + " " +
  Array.prototype.includes.call(bigLike, "c", 9007199254740980) + " " + Array.prototype.indexOf.call(bigLike, "c", -5));

console.log("join: " + [1, 2, 3].join() + " " + [1, 2, 3].join("") + " " + [1, 2, 3].join(undefined) + " " + [1, 2].join(null) + " " +
  [null, undefined, 1, , "a"].join("-") + " " + [[1, 2], [3]].join(";") + " " + [].join() + " " + [1].join({ toString() { return "X"; } }));
console.log("join array-like: " + Array.prototype.join.call({ length: 3, 0: "a", 2: "c" }, "+") + " " + Array.prototype.join.call("abc", "."));
var cyc = [1, 2];
cyc.push(cyc);
console.log("join cycle: " + cyc.join() + " | " + String([1, [2, [3, cyc]]]));
console.log("toString: " + [1, [2, 3]].toString() + " " + String([]) + " " + Array.prototype.toString.call({ join: () => "joined" }) + " " +
  Array.prototype.toString.call({ join: 1 }) + " " + Array.prototype.toString.call({}) + " " + Array.prototype.toString.call(null === 1));
console.log("toString null this: " + tryIt(() => Array.prototype.toString.call(null)));
var tl = { toLocaleString() { return "L"; }, toString() { return "S"; } };
console.log("toLocaleString: " + [tl, null, undefined, tl].toLocaleString() + " " + [].toLocaleString());
console.log("toLocaleString non-callable: " + tryIt(() => [{ toLocaleString: 1 }].toLocaleString()));
var tlThis = [];
[{ toLocaleString() { "use strict"; tlThis.push(typeof this); return "o"; } }].toLocaleString();
console.log("toLocaleString this: " + tlThis.join(","));

console.log("flat: " + show([1, [2, [3, [4]]]].flat()) + " " + show([1, [2, [3, [4]]]].flat(2)) + " " + show([1, [2, [3, [4]]]].flat(Infinity)) + " " +
  show([1, [2]].flat(0)) + " " + show([1, [2]].flat(-1)) + " " + show([1, , [2, , 3]].flat()) + " " + show([[]].flat()));
console.log("flat array-like not flattened: " + ([{ length: 1, 0: "x" }].flat()[0].length));
var deep = [];
for (var i = 0, cur = deep; i < 500; i++) {
  var next = [i];
  cur.push(next);
  cur = next;
}
console.log("flat deep: " + deep.flat(Infinity).length);
console.log("flatMap: " + show([1, 2].flatMap((x) => [x, x * 10])) + " " + show([1, 2].flatMap((x) => [[x]])) + " " +
  show([1, 2].flatMap(function (x) { return this.k + x; }, { k: "k" })) + " " + show([, 1].flatMap((x, i) => i)));
console.log("flatMap non-callable: " + tryIt(() => [1].flatMap()));

console.log("keys: " + show([...["a", , "c"].keys()]) + " values: " + show([...["a", , "c"].values()]) + " entries: " +
  show([...["a", "b"].entries()]));
console.log("iterator identity: " + (Array.prototype[Symbol.iterator] === Array.prototype.values) + " " + Array.prototype.values.name);
var it = [1].values();
console.log("iterator proto: " + Object.prototype.toString.call(it) + " " + it.next().value + " " + it.next().done);
var al = { length: 2, 0: "x", 1: "y" };
console.log("keys array-like: " + show([...Array.prototype.keys.call(al)]) + " values: " + show([...Array.prototype.values.call(al)]));
var live = [1];
var lit = live.values();
lit.next();
live.push(2);
console.log("iterator sees push: " + lit.next().value);

var u = Array.prototype[Symbol.unscopables];
console.log("unscopables: proto=" + Object.getPrototypeOf(u) + " keys=" + Object.keys(u).sort().join(","));
var ud = Object.getOwnPropertyDescriptor(Array.prototype, Symbol.unscopables);
console.log("unscopables desc: " + ud.writable + " " + ud.enumerable + " " + ud.configurable + " " + Object.getOwnPropertyDescriptor(u, "flat").writable);
