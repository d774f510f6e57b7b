console.log(void 0);
console.log(void "anything");
var side = 0;
var r = void (side = 5);
console.log("void result: " + r + " side: " + side);

// comma operator evaluates left to right, yields last
var x = (1, 2, 3);
console.log("comma: " + x);
var log = [];
var y = (log.push("a"), log.push("b"), log.length * 10);
console.log("comma with side effects: " + y + " " + log.join(""));
for (var i = 0, j = 10; i < j; i += 3, j -= 3) {
  console.log("i=" + i + " j=" + j);
}

// ternary
function classify(n) {
  return n < 0 ? "neg" : n === 0 ? "zero" : n < 10 ? "small" : "big";
}
console.log([classify(-5), classify(0), classify(3), classify(30)].join(" "));
var t = true ? "yes" : "no";
var f = 0 ? "yes" : "no";
var e = "" ? "yes" : "no";
var nn = NaN ? "yes" : "no";
var oo = {} ? "yes" : "no";
console.log([t, f, e, nn, oo].join(" "));
// ternary evaluates only one branch
var calls = "";
function a() { calls += "a"; return 1; }
function b() { calls += "b"; return 2; }
var res = (calls.length === 0) ? a() : b();
console.log("res=" + res + " calls=" + calls);

// logical operators return operands
console.log(0 || "fallback");
console.log("first" || "second");
console.log(1 && "second");
console.log(null && "never");
console.log("" || 0 || null);
console.log([!!"x", !!"", !0, !NaN].join(" "));
