console.log("MiXeD Case 123".toUpperCase());
console.log("MiXeD Case 123".toLowerCase());
console.log("\u00e9\u00e0\u00fc".toUpperCase());
console.log("\u00c9\u00c0\u00dc".toLowerCase());
console.log("[" + "  padded  ".trim() + "]");
console.log("[" + "\t\n\v\f\r tabs \u00a0\ufeff".trim() + "]");
console.log("[" + "\u2028\u2029\u3000x\u2003".trim() + "]");
console.log("[" + "   ".trim() + "]");
console.log("[" + "no-trim".trim() + "]");
console.log("[" + "  inner   spaces  ".trim() + "]");
console.log("trim length: " + " \u180e ".trim().length);
var upperCount = 0;
var text = "The Quick Brown Fox Jumps";
for (var i = 0; i < text.length; i++) {
  var ch = text.charAt(i);
  if (ch !== ch.toLowerCase()) upperCount++;
}
console.log("uppercase letters: " + upperCount);
function titleCase(str) {
  return str.toLowerCase().split(" ").map(function (w) {
    return w.charAt(0).toUpperCase() + w.slice(1);
  }).join(" ");
}
console.log(titleCase("hELLO wORLD from jOLT"));
console.log("case-insensitive equal: " + ("Jolt".toLowerCase() === "JOLT".toLowerCase()));
console.log(String.prototype.trim.call(12345));
try {
  String.prototype.trim.call(null);
} catch (e) {
  console.log("trim on null: " + e.name);
}
try {
  String.prototype.toUpperCase.call(undefined);
} catch (e) {
  console.log("toUpperCase on undefined: " + e.name);
}
console.log(String.prototype.toUpperCase.call(true));
