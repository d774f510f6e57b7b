var re = /o/g;
var s = "foo boo";
console.log("initial lastIndex: " + re.lastIndex);
var m;
var positions = [];
while ((m = re.exec(s)) !== null) {
  positions.push(m.index + "->" + re.lastIndex);
}
console.log("positions: " + positions.join(" "));
console.log("after exhaustion lastIndex: " + re.lastIndex);
console.log("test cycles: " + re.test(s) + re.lastIndex + " " + re.test(s) + re.lastIndex + " " + re.test(s) + re.lastIndex + " " + re.test(s) + re.lastIndex + " " + re.test(s) + re.lastIndex + " " + re.test(s) + re.lastIndex);
re.lastIndex = 0;
// manually set lastIndex
re.lastIndex = 5;
console.log("from 5: " + re.exec(s).index);
re.lastIndex = 100;
console.log("beyond: " + re.exec(s) + " reset to " + re.lastIndex);
// non-global ignores lastIndex
var ng = /o/;
ng.lastIndex = 5;
console.log("non-global index: " + ng.exec(s).index + " lastIndex untouched: " + ng.lastIndex);
// zero-length global matches must advance
var empty = /x*/g;
var count = 0;
var idxs = [];
while ((m = empty.exec("axxb")) !== null && count < 10) {
  idxs.push(m.index + ":" + m[0]);
  if (m[0] === "") empty.lastIndex++;
  count++;
}
console.log("zero-length: " + idxs.join(" "));
// global match via String.prototype.match resets lastIndex
var g = /\d/g;
g.lastIndex = 3;
console.log("match all digits: " + "1a2b3".match(g).join(",") + " lastIndex " + g.lastIndex);
// tokenizing with capture groups in a loop
var tok = /(\d+)|([a-z]+)|(\s+)|(.)/g;
var input = "let x1 = 42+y";
var tokens = [];
while ((m = tok.exec(input)) !== null) {
  if (m[1]) tokens.push("NUM(" + m[1] + ")");
  else if (m[2]) tokens.push("ID(" + m[2] + ")");
  else if (m[4]) tokens.push("P(" + m[4] + ")");
}
console.log(tokens.join(" "));
// RegExp literal is a new object each evaluation
function getRe() { return /a/g; }
var r1 = getRe();
r1.exec("aaa");
var r2 = getRe();
console.log("fresh literal: " + (r1 === r2) + " r1.lastIndex " + r1.lastIndex + " r2.lastIndex " + r2.lastIndex);
// replace with global resets lastIndex to 0
var rg = /b/g;
rg.lastIndex = 2;
console.log("replace: " + "abcb".replace(rg, "B") + " " + rg.lastIndex);
// split ignores lastIndex
var sp = /,/g;
sp.lastIndex = 3;
console.log("split: " + "a,b,c".split(sp).join("|"));
