var a = [1, 2, 3, 4, 5];
a.length = 3;
console.log("truncated: " + a.join(",") + " len " + a.length + " a[3]=" + a[3]);
a.length = 5;
console.log("extended: " + a.join(",") + " len " + a.length + " 4 in a: " + (4 in a));
var b = [];
b[9] = "x";
console.log("index past end: len " + b.length + " b[0]=" + b[0] + " 0 in b: " + (0 in b));
b[3] = "y";
console.log("fill in: len " + b.length + " keys " + Object.keys(b).join(","));
var c = [];
c[4294967294] = "max index";
console.log("huge index len: " + c.length);
c[4294967295] = "not an index";
console.log("after 2^32-1 key len: " + c.length + " keys " + Object.keys(c).length);
try {
  c.length = 4294967296;
} catch (e) {
  console.log("length 2^32: " + e.name);
}
try {
  [].length = -1;
} catch (e) {
  console.log("negative length: " + e.name);
}
try {
  [].length = 1.5;
} catch (e) {
  console.log("fractional length: " + e.name);
}
var d = [];
d.length = "3";
console.log("string length: " + d.length);
var e2 = [1, 2, 3];
e2.length = 0;
console.log("cleared: " + e2.length + " '" + e2.join(",") + "'");
var f = [1, , 3];
console.log("hole: len " + f.length + " 1 in f: " + (1 in f) + " f[1]=" + f[1]);
var g = [, , ,];
console.log("trailing commas len: " + g.length);
var h = [1, 2, 3, ];
console.log("one trailing comma len: " + h.length);
// negative and string indices are plain properties
var p = [];
p[-1] = "neg";
p["2"] = "two";
p["02"] = "not index";
p[1.5] = "frac";
console.log("props len: " + p.length + " keys " + Object.keys(p).join(","));
// new Array forms
console.log("new Array(3) len: " + new Array(3).length + " 0 in: " + (0 in new Array(3)));
console.log("new Array(3, 4): " + new Array(3, 4).join(","));
console.log("new Array('3'): " + new Array("3").length + " " + new Array("3")[0]);
try {
  new Array(-1);
} catch (err) {
  console.log("new Array(-1): " + err.name);
}
console.log("Array(2) len: " + Array(2).length);
// sparse huge index iteration is fast via for-in
var sparse = [];
sparse[1000000] = 1;
sparse[5] = 2;
var ks = [];
for (var k in sparse) ks.push(k);
console.log("sparse keys: " + ks.join(","));
console.log("sparse length: " + sparse.length);
sparse.length = 6;
console.log("sparse after truncate: " + Object.keys(sparse).join(","));
// length with non-configurable element stops truncation
var nc = [1, 2, 3];
Object.defineProperty(nc, 1, { value: 2, configurable: false });
nc.length = 0;
console.log("non-configurable stops: len " + nc.length + " " + nc.join(","));
