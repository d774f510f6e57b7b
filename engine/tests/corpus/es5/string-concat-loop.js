var s = "";
for (var i = 0; i < 100000; i++) {
  s += "x";
}
console.log("length: " + s.length);
console.log("first/last: " + s.charAt(0) + s.charAt(s.length - 1));
var t = "";
for (var j = 0; j < 100000; j++) {
  t = t + (j % 10);
}
console.log("digits length: " + t.length + " slice " + t.slice(99990));
console.log("char at 12345: " + t.charAt(12345));
var parts = "";
for (var k = 0; k < 20000; k++) parts = "a" + parts + "b";
console.log("prepend/append length: " + parts.length + " start " + parts.slice(0, 3) + " end " + parts.slice(-3));
console.log("indexOf b: " + parts.indexOf("b"));
var count = 0;
for (var m = 0; m < t.length; m++) if (t.charCodeAt(m) === 55) count++;
console.log("sevens: " + count);
var doubled = "ab";
for (var n = 0; n < 16; n++) doubled += doubled;
console.log("doubled length: " + doubled.length);
