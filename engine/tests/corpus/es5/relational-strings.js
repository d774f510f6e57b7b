function cmp(a, b) {
  return "<:" + (a < b) + " >:" + (a > b) + " <=:" + (a <= b) + " >=:" + (a >= b);
}
console.log("'a','b' " + cmp("a", "b"));
console.log("'B','a' " + cmp("B", "a"));
console.log("'abc','abd' " + cmp("abc", "abd"));
console.log("'ab','abc' " + cmp("ab", "abc"));
console.log("'','a' " + cmp("", "a"));
console.log("'10','9' " + cmp("10", "9"));
console.log("10,'9' " + cmp(10, "9"));
console.log("'10',9 " + cmp("10", 9));
console.log("'Z','a' " + cmp("Z", "a"));
console.log("'a','a' " + cmp("a", "a"));
console.log("NaN,1 " + cmp(NaN, 1));
console.log("'x',1 " + cmp("x", 1));
console.log("null,0 " + cmp(null, 0));
console.log("undefined,0 " + cmp(undefined, 0));
console.log("null,-1 " + cmp(null, -1));
console.log("true,false " + cmp(true, false));
console.log("[2],[10] " + cmp([2], [10]));
console.log("[2],10 " + cmp([2], 10));
console.log("'\\u00e9','z' " + cmp("\u00e9", "z"));
console.log("'\\uD83D\\uDE00','\\uFFFF' " + cmp("\uD83D\uDE00", "\uFFFF"));
console.log("-Infinity,-1e308 " + cmp(-Infinity, -1e308));
console.log("-0,0 " + cmp(-0, 0));
// evaluation order with valueOf side effects
var order = [];
var left = { valueOf: function () { order.push("L"); return 1; } };
var right = { valueOf: function () { order.push("R"); return 2; } };
console.log("left < right: " + (left < right) + " order " + order.join(""));
order = [];
console.log("left > right: " + (left > right) + " order " + order.join(""));
// sorting strings by relational comparison
var words = ["pear", "Apple", "banana", "apple", "Banana", "10", "9"];
words.sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
console.log(words.join(" "));
