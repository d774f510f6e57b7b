var arr = [1, 2, 3, 4];
console.log("sum: " + arr.reduce(function (a, b) { return a + b; }));
console.log("sum init: " + arr.reduce(function (a, b) { return a + b; }, 10));
var trace = [];
arr.reduce(function (acc, v, i) { trace.push(acc + "+" + v + "@" + i); return acc + v; });
console.log("trace: " + trace.join(" "));
trace = [];
arr.reduceRight(function (acc, v, i) { trace.push(acc + "+" + v + "@" + i); return acc + v; });
console.log("right trace: " + trace.join(" "));
console.log("right concat: " + ["a", "b", "c"].reduceRight(function (a, b) { return a + b; }));
console.log("concat with init: " + ["a", "b", "c"].reduce(function (a, b) { return a + b; }, ">"));
try {
  [].reduce(function () {});
} catch (e) {
  console.log("empty no init: " + e.name);
}
try {
  [].reduceRight(function () {});
} catch (e) {
  console.log("empty right no init: " + e.name);
}
console.log("empty with init: " + [].reduce(function () { return "never"; }, "init"));
console.log("single no init: " + [42].reduce(function () { return "never"; }));
// holes skipped including for initial value
var holey = [, , 3, , 5];
trace = [];
var r = holey.reduce(function (a, b, i) { trace.push(i); return a + b; });
console.log("holey: " + r + " indices " + trace.join(","));
// building objects
var words = ["apple", "bob", "apple", "cat", "bob", "apple"];
var counts = words.reduce(function (m, w) { m[w] = (m[w] || 0) + 1; return m; }, {});
console.log("counts: " + JSON.stringify(counts));
// flatten
var nested = [[1, 2], [3], [], [4, [5]]];
var flat = nested.reduce(function (a, b) { return a.concat(b); }, []);
console.log("flatten: " + JSON.stringify(flat));
// max
console.log("max: " + [3, 17, 5, 11].reduce(function (a, b) { return a > b ? a : b; }));
// compose functions with reduceRight
function compose() {
  var fns = Array.prototype.slice.call(arguments);
  return function (x) { return fns.reduceRight(function (v, f) { return f(v); }, x); };
}
var inc = function (x) { return x + 1; };
var dbl = function (x) { return x * 2; };
console.log("compose: " + compose(inc, dbl)(5) + " " + compose(dbl, inc)(5));
// generic on string
console.log("string reduce: " + Array.prototype.reduce.call("abc", function (a, c) { return c + a; }, ""));
// numeric precision in reduce
console.log("float sum: " + [0.1, 0.2, 0.3].reduce(function (a, b) { return a + b; }));
