var x = 10;
x += 5; console.log("+= " + x);
x -= 3; console.log("-= " + x);
x *= 2; console.log("*= " + x);
x /= 4; console.log("/= " + x);
x %= 4; console.log("%= " + x);
x <<= 3; console.log("<<= " + x);
x >>= 1; console.log(">>= " + x);
x = -x; x >>>= 28; console.log(">>>= " + x);
x &= 6; console.log("&= " + x);
x |= 9; console.log("|= " + x);
x ^= 5; console.log("^= " + x);
// left side evaluated before right side
var y = 1;
y += (y = 10);
console.log("y += (y = 10): " + y);
var z = 2;
z *= (z += 3);
console.log("z *= (z += 3): " + z);
// member targets evaluated once
var calls = 0;
var holder = { v: 1 };
function get() { calls++; return holder; }
get().v += 5;
get()["v"] *= 2;
console.log("holder.v=" + holder.v + " calls=" + calls);
// computed key evaluation order
var log = [];
var target = {};
function key(k) { log.push("key:" + k); return k; }
function val(v) { log.push("val:" + v); return v; }
target[key("a")] = val(1);
target[key("a")] += val(2);
console.log("order: " + log.join(",") + " result " + target.a);
// chained assignment
var p, q, r;
p = q = r = "same";
console.log("chained: " + p + q + r);
var o1 = {}, o2 = {};
o1.a = o2.a = [];
console.log("chained objects share: " + (o1.a === o2.a));
// string += in loop
var s = "";
for (var i = 0; i < 5; i++) s += i;
console.log("string +=: " + s);
// assignment to array length via compound
var arr = [1, 2, 3, 4, 5];
arr.length -= 2;
console.log("length -= 2: " + arr.join(","));
// assignment expression value
var w;
console.log("assignment value: " + (w = 7) + " " + (w += 1));
// assignment with getter/setter
var acc = {
  _v: 1,
  get v() { log.push("get"); return this._v; },
  set v(n) { log.push("set" + n); this._v = n; }
};
log = [];
acc.v += 10;
console.log("accessor compound: " + log.join(",") + " _v=" + acc._v);
// var undefined compound
var und;
und += 1;
console.log("undefined += 1: " + und);
var nul = null;
nul += "s";
console.log("null += 's': " + nul);
