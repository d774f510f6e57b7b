// Array constructor, Array.from, Array.of, Array.isArray, Array[@@species], subclassing.
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

console.log("ctor: " + show(new Array()) + " " + show(Array()));
console.log("ctor(3): " + show(new Array(3)) + " len=" + new Array(3).length + " has0=" + (0 in new Array(3)));
console.log("ctor(1,2,3): " + show(Array(1, 2, 3)));
console.log("ctor('3'): " + show(new Array("3")) + " ctor(obj).length=" + new Array({}).length);
console.log("ctor(-1): " + tryIt(() => new Array(-1)));
console.log("ctor(1.5): " + tryIt(() => new Array(1.5)));
console.log("ctor(2^32): " + tryIt(() => new Array(4294967296)));
console.log("ctor(NaN): " + tryIt(() => Array(NaN)));
console.log("ctor(2^32-1).length: " + new Array(4294967295).length);
console.log("ctor(-0).length: " + new Array(-0).length);
console.log("Array.length=" + Array.length + " name=" + Array.name + " proto.length=" + Array.prototype.length);
console.log("proto isArray: " + Array.isArray(Array.prototype) + " " + Object.prototype.toString.call(Array.prototype));

// Subclassing and species.
class MyArray extends Array {
  sum() {
    return this.reduce((a, b) => a + b, 0);
  }
}
var m = new MyArray(1, 2, 3);
console.log("sub: len=" + m.length + " sum=" + m.sum() + " inst=" + (m instanceof MyArray) + " isArray=" + Array.isArray(m));
var m2 = m.map((x) => x * 2);
console.log("sub map: inst=" + (m2 instanceof MyArray) + " sum=" + m2.sum());
var m3 = m.filter((x) => x > 1);
console.log("sub filter: inst=" + (m3 instanceof MyArray) + " " + show(m3));
console.log("sub slice/splice/concat/flat: " + (m.slice(1) instanceof MyArray) + " " + (m.splice(0, 1) instanceof MyArray) + " " +
  (m.concat([9]) instanceof MyArray) + " " + (m.flat() instanceof MyArray) + " " + (m.flatMap((x) => [x]) instanceof MyArray));
console.log("sub toReversed/toSorted/with/toSpliced are plain: " + (m.toReversed() instanceof MyArray) + " " +
  (m.toSorted() instanceof MyArray) + " " + (m.with(0, 1) instanceof MyArray) + " " + (m.toSpliced(0, 0) instanceof MyArray));
console.log("sub from/of: " + (MyArray.from([1, 2]) instanceof MyArray) + " " + (MyArray.of(1) instanceof MyArray) + " " + MyArray.of(4, 5).sum());
var m4 = new MyArray(5);
console.log("sub(5): len=" + m4.length + " " + show(m4));
class NoLen extends Array {
  constructor() {
    super();
    this.marker = "x";
  }
}
console.log("sub ctor ignores args: " + new NoLen(1, 2).length + " " + new NoLen().marker);

console.log("species getter: " + (Array[Symbol.species] === Array) + " " + (MyArray[Symbol.species] === MyArray));
var d = Object.getOwnPropertyDescriptor(Array, Symbol.species);
console.log("species desc: " + typeof d.get + " " + d.set + " " + d.configurable + " " + d.enumerable + " " + d.get.name);

// isArray
console.log("isArray: " + Array.isArray([]) + " " + Array.isArray({ length: 0 }) + " " + Array.isArray(new MyArray()) + " " +
  Array.isArray() + " " + (function () { return Array.isArray(arguments); })() + " " + Array.isArray("abc"));

// Array.from
console.log("from string: " + show(Array.from("abc")));
console.log("from array-like: " + show(Array.from({ length: 3, 0: "a", 2: "c" })));
console.log("from holes: " + show(Array.from([1, , 3])));
console.log("from mapFn: " + show(Array.from([1, 2, 3], function (x, i) { return x * 10 + i + this.k; }, { k: 100 })));
console.log("from mapFn array-like: " + show(Array.from({ length: 2 }, (v, i) => "" + v + i)));
console.log("from bad mapFn: " + tryIt(() => Array.from([1], 5)));
console.log("from null: " + tryIt(() => Array.from(null)));
console.log("from undefined: " + tryIt(() => Array.from()));
console.log("from number: " + show(Array.from(5)));
console.log("from length -1: " + show(Array.from({ length: -1 })));
function C(n) {
  this.made = n;
}
var fc = Array.from.call(C, { length: 2, 0: "x", 1: "y" });
console.log("from C array-like: made=" + fc.made + " len=" + fc.length + " " + fc[0] + fc[1] + " inst=" + (fc instanceof C));
var fc2 = Array.from.call(C, ["p", "q"]);
console.log("from C iterable: made=" + fc2.made + " len=" + fc2.length + " " + fc2[0] + fc2[1]);
var fo = Array.from.call({}, [1, 2]);
console.log("from non-ctor this: " + Array.isArray(fo) + " " + show(fo));

var closed = 0;
var iterable = {
  [Symbol.iterator]() {
    var i = 0;
    return {
      next() {
        return { value: i++, done: i > 5 };
      },
      return() {
        closed++;
        return {};
      },
    };
  },
};
console.log("from custom iterable: " + show(Array.from(iterable)) + " closed=" + closed);
try {
  Array.from(iterable, (x) => {
    if (x === 2) throw new Error("boom");
    return x;
  });
} catch (e) {
  console.log("from mapFn throws: " + e.message + " closed=" + closed);
}
function Frozen() {
  return Object.freeze({});
}
console.log("from frozen target: " + tryIt(() => Array.from.call(Frozen, iterable)) + " closed=" + closed);
var log = [];
var tracked = {
  get length() {
    log.push("length");
    return 2;
  },
  get 0() {
    log.push("get0");
    return "a";
  },
  get 1() {
    log.push("get1");
    return "b";
  },
};
Array.from(tracked, (v) => {
  log.push("map" + v);
  return v;
});
console.log("from order: " + log.join(" "));
var badIter = { [Symbol.iterator]: 1 };
console.log("from non-callable @@iterator: " + tryIt(() => Array.from(badIter)));
var nullIter = { [Symbol.iterator]: null, length: 1, 0: "z" };
console.log("from null @@iterator: " + show(Array.from(nullIter)));
console.log("from.length=" + Array.from.length + " of.length=" + Array.of.length + " isArray.length=" + Array.isArray.length);

// Array.of
console.log("of: " + show(Array.of()) + " " + show(Array.of(7)) + " " + show(Array.of(1, "a", undefined)));
var oc = Array.of.call(C, "a", "b");
console.log("of C: made=" + oc.made + " len=" + oc.length + " " + oc[0] + oc[1]);
console.log("of non-ctor: " + show(Array.of.call(undefined, 1, 2)));
console.log("of frozen: " + tryIt(() => Array.of.call(Frozen, 1)));
