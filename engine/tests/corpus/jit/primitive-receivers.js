// Named loads on primitives read their prototype's properties (through the runtime's
// megamorphic cache), and String objects' named properties go through inline caches: both
// must follow changes to the prototype and keep `length` and indices exotic.
function charSum(s) {
  let t = 0;
  for (let i = 0; i < s.length; i++) t += s.charCodeAt(i);
  return t;
}
let total = 0;
for (let k = 0; k < 200; k++) {
  if (k === 120) String.prototype.charCodeAt = function (i) { return i; };
  total += charSum("héllo");
}
console.log(total);
delete String.prototype.charCodeAt;
try {
  charSum("abc");
} catch (e) {
  console.log(e instanceof TypeError);
}

function fixed(n) { return n.toFixed(1); }
let out = [];
for (let k = 0; k < 100; k++) {
  if (k === 60) Number.prototype.toFixed = function () { return "patched"; };
  if (k === 59 || k === 60) out.push(fixed(k));
}
console.log(out.join(","));
Object.defineProperty(Boolean.prototype, "twice", { get() { return this ? 2 : 0; }, configurable: true });
let b = 0;
for (let k = 0; k < 100; k++) b += (k % 2 === 0).twice;
console.log(b);

function field(o) { return o.foo; }
function len(o) { return o.length; }
const so = new String("abcd");
so.foo = "own";
let seen = [];
for (let k = 0; k < 100; k++) {
  if (k === 50) so.foo = "changed";
  if (k === 70) String.prototype.foo = "proto";
  if (k === 80) delete so.foo;
  if (k % 10 === 0) seen.push(field(so), len(so), so[1], field(new String("x")));
}
console.log(seen.join(" "));
String.prototype.length2 = 5;
console.log(len(so), "abc".length2, new String("").length, so.length2);
