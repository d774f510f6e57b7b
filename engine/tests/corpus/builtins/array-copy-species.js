// toReversed, toSpliced, with (change-array-by-copy) and ArraySpeciesCreate.
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

var src = [1, , 3];
console.log("toReversed: " + show(src.toReversed()) + " orig " + show(src) + " " + show([].toReversed()));
console.log("toReversed array-like: " + show(Array.prototype.toReversed.call({ length: 3, 0: "a", 2: "c" })));
console.log("toReversed too long: " + tryIt(() => Array.prototype.toReversed.call({ length: 4294967296 })));
var base = [0, 1, 2, 3];
console.log("toSpliced: " + show(base.toSpliced()) + " " + show(base.toSpliced(1)) + " " + show(base.toSpliced(1, 2)) + " " +
  show(base.toSpliced(1, 0, "a", "b")) + " " + show(base.toSpliced(-1, 1, "z")) + " " + show(base.toSpliced(1, -5)) + " orig " + show(base));
console.log("toSpliced holes: " + show([0, , 2].toSpliced(0, 0)));
console.log("toSpliced limit: " + tryIt(() => Array.prototype.toSpliced.call({ length: 9007199254740991 }, 0, 0, 1)) + " " +
  tryIt(() => Array.prototype.toSpliced.call({ length: 4294967295 }, 0, 0, 1)));
console.log("with: " + show(base.with(1, "x")) + " " + show(base.with(-1, "y")) + " " + tryIt(() => base.with(4, 1)) + " " +
  tryIt(() => base.with(-5, 1)) + " " + show([, 1].with(1, 2)) + " " + show(base.with("2", "s")));
console.log("with array-like: " + show(Array.prototype.with.call({ length: 2, 0: "a" }, 1, "b")));
var order = [];
var idx = { valueOf() { order.push("index"); return 10; } };
var lenObj = { get length() { order.push("length"); return 2; } };
console.log("with order: " + tryIt(() => Array.prototype.with.call(lenObj, idx, 0)) + " " + order.join(","));

// ArraySpeciesCreate
function Species(n) {
  this.args = [].slice.call(arguments);
}
var sp = [1, 2, 3];
sp.constructor = {};
sp.constructor[Symbol.species] = Species;
console.log("species map: " + show(sp.map((x) => x).args) + " " + (sp.map((x) => x) instanceof Species));
console.log("species filter/slice/splice/concat/flat/flatMap args: " + show(sp.filter(() => true).args) + " " + show(sp.slice(1).args) + " " +
  show(sp.slice(2, 1).args) + " " + show([1, 2, 3].concat.call(sp).args) + " " + show(sp.flat().args) + " " + show(sp.flatMap((x) => x).args));
var sp2 = [1, 2, 3];
sp2.constructor = {};
sp2.constructor[Symbol.species] = Species;
console.log("species splice: " + show(sp2.splice(0, 2).args) + " left " + show(sp2));
var r = sp.map((x) => x * 2);
console.log("species result props: " + r[0] + r[1] + r[2] + " length=" + r.length);
var fsl = [1, 2].slice.call(sp, 0, 2);
console.log("species slice sets length: " + fsl.length + " " + fsl[0] + fsl[1]);

var undefCtor = [1];
undefCtor.constructor = undefined;
console.log("constructor undefined: " + Array.isArray(undefCtor.map((x) => x)));
var nullSpecies = [1];
nullSpecies.constructor = { [Symbol.species]: null };
console.log("species null: " + Array.isArray(nullSpecies.map((x) => x)));
var undefSpecies = [1];
undefSpecies.constructor = { [Symbol.species]: undefined };
console.log("species undefined: " + Array.isArray(undefSpecies.map((x) => x)));
var badCtor = [1];
badCtor.constructor = 1;
console.log("constructor not object: " + tryIt(() => badCtor.map((x) => x)));
console.log("species not constructor: " + tryIt(() => { var b = [1]; b.constructor = { [Symbol.species]: 1 }; return b.map((x) => x); }));
console.log("species arrow: " + tryIt(() => { var b = [1]; b.constructor = { [Symbol.species]: () => {} }; return b.map((x) => x); }));
var plainObj = { length: 1, 0: 1, constructor: { [Symbol.species]: Species } };
console.log("non-array ignores species: " + Array.isArray(Array.prototype.map.call(plainObj, (x) => x)));
var frozenSpecies = [1, 2];
frozenSpecies.constructor = { [Symbol.species]: function () { return Object.freeze({}); } };
console.log("species result frozen: " + tryIt(() => frozenSpecies.map((x) => x)) + " filter: " + tryIt(() => frozenSpecies.filter(() => true)));
var ctorLog = [];
var logged = [1, 2];
Object.defineProperty(logged, "constructor", {
  get() {
    ctorLog.push("constructor");
    return Array;
  },
});
logged.map((x) => x);
logged.filter((x) => x);
logged.slice();
logged.splice(0, 0);
logged.concat();
logged.flat();
console.log("constructor read: " + ctorLog.length);
logged.toReversed();
logged.toSorted();
logged.with(0, 1);
logged.toSpliced(0, 0);
console.log("change-by-copy ignore constructor: " + ctorLog.length);
class Sub extends Array {}
var s = Sub.from([1, 2, 3]);
console.log("subclass species: " + (s.map((x) => x) instanceof Sub) + " " + (s.filter((x) => x).constructor === Sub));
class NoSpecies extends Array {
  static get [Symbol.species]() {
    return Array;
  }
}
var ns = NoSpecies.of(1, 2);
console.log("species override: " + (ns instanceof NoSpecies) + " " + (ns.map((x) => x) instanceof NoSpecies) + " " + Array.isArray(ns.map((x) => x)));
