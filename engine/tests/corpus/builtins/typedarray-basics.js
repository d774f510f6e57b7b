// TypedArray constructors, element conversions, prototype methods.
function show(label, v) { console.log(label + ": " + v); }
var types = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];
var samples = [0, -0, 1.5, -1.5, 2.5, 127, 128, 255, 256, -129, 65535, 65536, 2147483648, -2147483649, 4294967296, 1e20, NaN, Infinity, -Infinity, 0.1, 65520, 65519.99, 5.960464477539063e-8, 1.401298464324817e-45];
types.forEach(function (T) {
  var a = new T(samples);
  var out = [];
  for (var i = 0; i < a.length; i++) out.push(Object.is(a[i], -0) ? "-0" : String(a[i]));
  show(T.name + " " + T.BYTES_PER_ELEMENT + " " + T.length, out.join(","));
});
var a = new Int16Array([5, -3, 9, 0, 12, -7]);
show("sort", a.slice().sort().join());
show("sort cmp", a.slice().sort(function (x, y) { return y - x; }).join());
show("toSorted", a.toSorted().join() + " / " + a.join());
show("toReversed", a.toReversed().join());
show("with", a.with(-1, 100).join());
show("map", a.map(function (x) { return x * 1000; }).join());
show("filter", a.filter(function (x) { return x > 0; }).join());
show("reduce", a.reduce(function (s, x) { return s + x; }, 0) + " " + a.reduceRight(function (s, x) { return s + "," + x; }));
show("find", a.find(function (x) { return x < 0; }) + " " + a.findIndex(function (x) { return x > 100; }) + " " + a.findLast(function (x) { return x > 0; }) + " " + a.findLastIndex(function (x) { return x === 5; }));
show("every/some", a.every(function (x) { return x > -10; }) + " " + a.some(function (x) { return x > 10; }));
show("indexOf", a.indexOf(9) + " " + a.lastIndexOf(-7) + " " + a.includes(0) + " " + a.indexOf(9, -2) + " " + new Float32Array([NaN]).includes(NaN) + " " + new Float32Array([NaN]).indexOf(NaN));
show("at", a.at(0) + " " + a.at(-1) + " " + a.at(10));
show("subarray", a.subarray(1, 4).join() + " " + a.subarray(-2).byteOffset + " " + a.subarray(2).length);
show("copyWithin", Int8Array.of(1, 2, 3, 4, 5).copyWithin(0, 3).join() + " " + Int8Array.of(1, 2, 3, 4, 5).copyWithin(1, 0, 3).join());
show("fill", new Uint8Array(5).fill(7, 1, -1).join() + " " + new Uint8ClampedArray(3).fill(300).join());
var t = new Uint8Array(6); t.set([1, 2, 3], 2); t.set(new Int16Array([-1, 256]));
show("set", t.join());
var ov = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]); ov.set(ov.subarray(0, 4), 2);
show("set overlap", ov.join());
show("reverse", Float64Array.of(1.5, 2.5, 3.5).reverse().join());
show("join", new Int8Array([1, 2, 3]).join("-") + " " + new Int8Array(0).join() + " " + String(new Uint8Array([4, 5])));
show("toLocaleString", new Int8Array([1, 2]).toLocaleString());
show("iterators", [...new Int8Array([7, 8]).keys()].join() + " " + [...new Int8Array([7, 8]).values()].join() + " " + JSON.stringify([...new Int8Array([7, 8]).entries()]));
show("from", Int16Array.from([1, 2, 3], function (x) { return x * 3; }).join() + " " + Uint8Array.from({ length: 3, 0: 9, 2: 1 }).join() + " " + Uint8Array.from(new Set([4, 5])).join());
show("of", Float32Array.of(0.5, 1 / 3).join());
show("tag", Object.prototype.toString.call(new Float32Array(1)) + " " + Int8Array.prototype[Symbol.toStringTag] + " " + Object.getPrototypeOf(Int8Array.prototype)[Symbol.toStringTag]);
var TA = Object.getPrototypeOf(Int8Array);
show("%TypedArray%", TA.name + " " + TA.length + " " + (TA.prototype.toString === Array.prototype.toString) + " " + (TA.prototype[Symbol.iterator] === TA.prototype.values) + " " + (TA[Symbol.species] === TA));
try { TA(); } catch (e) { show("TA()", e.constructor.name); }
try { new TA(); } catch (e) { show("new TA()", e.constructor.name); }
try { Int8Array(4); } catch (e) { show("Int8Array()", e.constructor.name); }
try { new Int8Array(-1); } catch (e) { show("new Int8Array(-1)", e.constructor.name); }
try { new Uint8Array(2 ** 53); } catch (e) { show("huge", e.constructor.name); }
class My extends Uint8Array { static get [Symbol.species]() { return Int32Array; } }
var m = new My([1, 2, 3]);
show("species", (m instanceof My) + " " + m.map(function (x) { return x * 1e9; }).constructor.name + " " + m.slice(1).join());
try { m.subarray(1); } catch (e) { show("species subarray", e.constructor.name); }
