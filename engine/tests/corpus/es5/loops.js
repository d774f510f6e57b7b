var out = [];
for (var i = 0; i < 5; i++) out.push(i);
console.log("for: " + out.join(","));

out = [];
var w = 10;
while (w > 0) { out.push(w); w -= 3; }
console.log("while: " + out.join(",") + " end w=" + w);

out = [];
var d = 0;
do { out.push(d); d++; } while (d < 0);
console.log("do-while runs once: " + out.join(","));

out = [];
for (var k = 10; k--; ) out.push(k);
console.log("countdown: " + out.join(","));

// empty for with break
var count = 0;
for (;;) { if (++count >= 7) break; }
console.log("for(;;): " + count);

// continue skips
out = [];
for (var c = 0; c < 10; c++) {
  if (c % 3 === 0) continue;
  out.push(c);
}
console.log("continue: " + out.join(","));

// continue in do-while evaluates condition
var dw = 0, iters = 0;
do {
  iters++;
  if (dw++ < 3) continue;
} while (dw < 5);
console.log("do-while continue: dw=" + dw + " iters=" + iters);

// for-in over array indices (order numeric)
out = [];
var arr = ["a", "b", "c"];
for (var idx in arr) out.push(idx + ":" + typeof idx);
console.log("for-in array: " + out.join(","));

// loop with function calls in condition
var calls = 0;
function cond(n) { calls++; return n < 3; }
for (var x = 0; cond(x); x++) {}
console.log("cond calls: " + calls);

// nested loops summing
var sum = 0;
for (var a = 1; a <= 10; a++) for (var b = 1; b <= a; b++) sum += a * b;
console.log("nested sum: " + sum);

// while with complex condition and assignment
var s = "hello world";
var pos = -1, found = [];
while ((pos = s.indexOf("o", pos + 1)) !== -1) found.push(pos);
console.log("indexOf loop: " + found.join(","));

// large iteration count
var acc = 0;
for (var big = 0; big < 100000; big++) acc = (acc + big * 7) % 1000003;
console.log("acc: " + acc);
// float loop variable
var fl = [];
for (var f = 0; f < 1; f += 0.25) fl.push(f);
console.log("float: " + fl.join(","));
