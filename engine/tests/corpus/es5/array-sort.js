console.log("default: " + [10, 9, 1, 100, 25, 2].sort().join(","));
console.log("strings: " + ["banana", "Apple", "cherry", "apple", "Banana"].sort().join(","));
console.log("numeric asc: " + [10, 9, 1, 100, 25, 2].sort(function (a, b) { return a - b; }).join(","));
console.log("numeric desc: " + [10, 9, 1, 100, 25, 2].sort(function (a, b) { return b - a; }).join(","));
console.log("mixed types: " + [3, "10", true, null, "a", 1].sort().join(","));
var withUndef = [3, undefined, 1, undefined, 2];
withUndef.sort();
console.log("undefined last: " + JSON.stringify(withUndef));
var holes = [3, , 1, , 2];
holes.sort();
console.log("holes: len " + holes.length + " " + JSON.stringify(holes) + " 3 in: " + (3 in holes) + " 4 in: " + (4 in holes));
var undefAndHoles = [undefined, 5, , 1];
undefAndHoles.sort(function (a, b) { return a - b; });
console.log("undef and holes: " + JSON.stringify(undefAndHoles) + " 3 in: " + (3 in undefAndHoles));
// stable sort
var people = [
  { n: "a", age: 30 }, { n: "b", age: 25 }, { n: "c", age: 30 }, { n: "d", age: 25 },
  { n: "e", age: 30 }, { n: "f", age: 20 }, { n: "g", age: 25 }, { n: "h", age: 20 },
  { n: "i", age: 30 }, { n: "j", age: 25 }, { n: "k", age: 20 }, { n: "l", age: 30 }
];
people.sort(function (x, y) { return x.age - y.age; });
var out = [];
for (var i = 0; i < people.length; i++) out.push(people[i].n + people[i].age);
console.log("stable: " + out.join(" "));
// sort returns same array
var arr = [2, 1];
console.log("returns this: " + (arr.sort() === arr));
// comparator returning booleans/non-numbers
console.log("string compare: " + ["b", "c", "a"].sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; }).join(""));
// sort with Infinity / NaN-free numbers
console.log("specials: " + [Infinity, -Infinity, 0, -1, 1e10, 1e-10].sort(function (a, b) { return a - b; }).join(","));
// default sort of numbers as strings includes negative
console.log("default negative: " + [-1, -10, 2, -2, 0].sort().join(","));
// sort unicode by code unit
console.log("unicode: " + ["\u00e9", "z", "e", "\uD83D\uDE00", "\uFFFF"].sort().map(function (s) { return s.charCodeAt(0); }).join(","));
// larger sort
var big = [];
var seed = 12345;
for (var k = 0; k < 500; k++) { seed = (seed * 1103515245 + 12345) % 2147483648; big.push(seed % 1000); }
big.sort(function (a, b) { return a - b; });
var sorted = true;
for (var m = 1; m < big.length; m++) if (big[m - 1] > big[m]) sorted = false;
console.log("big sorted: " + sorted + " first " + big[0] + " last " + big[499] + " median " + big[250]);
// sort by multiple keys
var recs = [["b", 2], ["a", 2], ["c", 1], ["a", 1]];
recs.sort(function (x, y) { return x[1] - y[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0); });
console.log("multi-key: " + recs.join(" "));
// invalid comparator
try {
  [1, 2].sort("not a function");
} catch (e) {
  console.log("bad comparator: " + e.name);
}
// array-like sort
var like = { 0: "c", 1: "a", 2: "b", length: 3 };
Array.prototype.sort.call(like);
console.log("array-like: " + like[0] + like[1] + like[2]);
