// push, pop, shift, unshift, splice, reverse, fill, copyWithin: arrays, holes, array-likes, limits.
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
function keys(o) {
  return Object.keys(o).join(",");
}

var a = [1, 2];
console.log("push: " + a.push(3, 4) + " " + show(a) + " push(): " + a.push() + " " + show(a));
console.log("pop: " + a.pop() + " " + show(a) + " empty: " + [].pop());
var holes = [1, , 3, ,];
console.log("pop trailing hole: " + holes.pop() + " " + show(holes) + " len=" + holes.length);
console.log("shift: " + a.shift() + " " + show(a) + " empty: " + [].shift());
console.log("shift holes: " + show((function () { var h = [, 1, , 2]; var f = h.shift(); return [f, h]; })()));
console.log("unshift: " + a.unshift(0, 1) + " " + show(a) + " unshift(): " + a.unshift());
var uh = [1, , 3];
uh.unshift("x");
console.log("unshift holes: " + show(uh));

var o = { length: "2", 0: "a", 1: "b" };
console.log("push array-like: " + Array.prototype.push.call(o, "c") + " " + keys(o) + " len=" + o.length + " type=" + typeof o.length);
var e = {};
console.log("pop empty array-like: " + Array.prototype.pop.call(e) + " length=" + e.length);
var e2 = { length: 0 };
Array.prototype.shift.call(e2);
console.log("shift empty array-like: length=" + e2.length);
var al = { length: 3, 0: "x", 2: "z" };
console.log("shift array-like: " + Array.prototype.shift.call(al) + " " + keys(al) + " len=" + al.length);
var al2 = { length: 2, 0: "p", 1: "q" };
Array.prototype.unshift.call(al2, "n");
console.log("unshift array-like: " + keys(al2) + " " + al2[0] + al2[1] + al2[2] + " len=" + al2.length);
var lenStr = { length: 2.9, 0: 1, 1: 2, 2: 3 };
console.log("ToLength truncates: " + Array.prototype.pop.call(lenStr) + " len=" + lenStr.length);
var negLen = { length: -5 };
console.log("negative length push: " + Array.prototype.push.call(negLen, "v") + " " + negLen[0]);

var big = { length: 9007199254740991 };
console.log("push at limit: " + tryIt(() => Array.prototype.push.call(big, 1)) + " len=" + big.length);
console.log("push() at limit: " + Array.prototype.push.call(big));
console.log("unshift at limit: " + tryIt(() => Array.prototype.unshift.call(big, 1)));
console.log("unshift() at limit: " + Array.prototype.unshift.call(big));
var huge = { length: 9007199254741000, 9007199254740990: "last" };
console.log("pop clamps: " + Array.prototype.pop.call(huge) + " len=" + huge.length);
console.log("splice at limit: " + tryIt(() => Array.prototype.splice.call({ length: 9007199254740991 }, 0, 0, "x")));

// Frozen / non-extensible / non-writable length.
var fr = Object.freeze([1, 2]);
console.log("frozen push/pop/shift/unshift/reverse/sort/fill/copyWithin/splice: " +
  [() => fr.push(3), () => fr.pop(), () => fr.shift(), () => fr.unshift(0), () => fr.reverse(), () => fr.sort(), () => fr.fill(0), () => fr.copyWithin(0, 1), () => fr.splice(0, 1)].map(tryIt).join(","));
var ne = [1, 2];
Object.preventExtensions(ne);
console.log("non-extensible push: " + tryIt(() => ne.push(3)) + " pop: " + ne.pop() + " " + show(ne));
var nw = [1, 2, 3];
Object.defineProperty(nw, "length", { writable: false });
console.log("non-writable length push: " + tryIt(() => nw.push(4)) + " " + show(nw));
console.log("non-writable length pop: " + tryIt(() => nw.pop()) + " " + show(nw) + " has2=" + (2 in nw));
var nc = [1, 2, 3];
Object.defineProperty(nc, 1, { value: 2, configurable: false, writable: true, enumerable: true });
console.log("non-configurable shift: " + tryIt(() => nc.shift()) + " " + show(nc));

// splice
function sp(arr, args) {
  var copy = arr.slice();
  var removed = copy.splice.apply(copy, args);
  return show(removed) + " -> " + show(copy);
}
var base = [0, 1, 2, 3, 4];
console.log("splice(): " + sp(base, []));
console.log("splice(2): " + sp(base, [2]));
console.log("splice(-2): " + sp(base, [-2]));
console.log("splice(1,2): " + sp(base, [1, 2]));
console.log("splice(1,0,a,b): " + sp(base, [1, 0, "a", "b"]));
console.log("splice(1,3,a): " + sp(base, [1, 3, "a"]));
console.log("splice(-10,1): " + sp(base, [-10, 1]));
console.log("splice(10,1,x): " + sp(base, [10, 1, "x"]));
console.log("splice(1,-1): " + sp(base, [1, -1]));
console.log("splice(1,Infinity): " + sp(base, [1, Infinity]));
console.log("splice(1,undefined): " + sp(base, [1, undefined]));
console.log("splice('1','2'): " + sp(base, ["1", "2"]));
console.log("splice holes: " + sp([0, , 2, , 4], [1, 2, "n"]));
var sal = { length: 4, 0: "a", 1: "b", 3: "d" };
var srem = Array.prototype.splice.call(sal, 1, 1, "X", "Y");
console.log("splice array-like: " + show(srem) + " " + keys(sal) + " " + sal[1] + sal[2] + (3 in sal) + sal[4] + " len=" + sal.length);

// reverse
console.log("reverse: " + show([1, 2, 3].reverse()) + " " + show([1, 2, 3, 4].reverse()) + " " + show([].reverse()));
console.log("reverse holes: " + show([1, , 3, , ,].reverse()) + " " + show([, 2].reverse()));
var ral = { length: 5, 0: "a", 3: "d" };
Array.prototype.reverse.call(ral);
console.log("reverse array-like: " + keys(ral) + " " + ral[1] + ral[4]);
var sparse = [];
sparse[4294967294] = "end";
sparse[0] = "start";
sparse.reverse();
console.log("reverse huge sparse: " + sparse[0] + " " + sparse[4294967294] + " " + keys(sparse));

// fill
console.log("fill: " + show([1, 2, 3].fill(0)) + " " + show([1, 2, 3, 4].fill(9, 1, 3)) + " " + show([1, 2, 3].fill(7, -2)) + " " +
  show([1, 2, 3].fill(7, 1, -1)) + " " + show([1, 2, 3].fill(7, 5)) + " " + show(new Array(3).fill()));
console.log("fill array-like: " + keys(Array.prototype.fill.call({ length: 2 }, "f")));
console.log("fill NaN args: " + show([1, 2, 3].fill(0, NaN, NaN)) + " " + show([1, 2, 3].fill(0, "1", "2")));

// copyWithin
console.log("copyWithin: " + show([1, 2, 3, 4, 5].copyWithin(0, 3)) + " " + show([1, 2, 3, 4, 5].copyWithin(1, 0)) + " " +
  show([1, 2, 3, 4, 5].copyWithin(0, 1, 3)) + " " + show([1, 2, 3, 4, 5].copyWithin(-2, -3, -1)) + " " + show([1, 2, 3].copyWithin(0, 5)));
console.log("copyWithin overlap backwards: " + show([1, 2, 3, 4, 5, 6].copyWithin(2, 0, 4)));
console.log("copyWithin holes delete: " + show([1, , 3, 4].copyWithin(2, 0)) + " " + show([, 2, 3].copyWithin(1, 0, 1)));
var cal = { length: 5, 3: "d" };
Array.prototype.copyWithin.call(cal, 0, 3);
console.log("copyWithin array-like: " + keys(cal) + " " + cal[0]);

// Setters on the prototype chain are honoured.
var setLog = [];
Object.defineProperty(Array.prototype, "3", {
  set: function (v) { setLog.push("set3=" + v); },
  get: function () { return "proto3"; },
  configurable: true,
});
var ps = [0, 1, 2];
ps.push("pushed");
console.log("push through proto setter: " + setLog.join(",") + " own3=" + ps.hasOwnProperty(3) + " len=" + ps.length);
var us = [0, 1, 2];
us.unshift("u");
console.log("unshift through proto setter: " + setLog.join(",") + " own3=" + us.hasOwnProperty(3));
delete Array.prototype[3];
var ok = [0, 1, 2];
ok.push(3);
console.log("after cleanup: " + show(ok) + " own3=" + ok.hasOwnProperty(3));

// Array.prototype itself is an array.
Array.prototype.push("x");
console.log("proto push: " + Array.prototype.length + " " + Array.prototype[0] + " " + [].length + " " + [][0]);
Array.prototype.pop();
console.log("proto pop: " + Array.prototype.length + " " + [][0]);
