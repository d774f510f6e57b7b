console.log("?? basics: " + (null ?? "d") + " " + (undefined ?? "d") + " " + (0 ?? "d") + " " + ("" ?? "d") + " " + (false ?? "d") + " " + (NaN ?? "d"));
console.log("|| comparison: " + (0 || "d") + " " + ("" || "d") + " " + (false || "d"));
let calls = 0;
const rhs = () => { calls++; return "rhs"; };
const kept = "value" ?? rhs();
console.log("short-circuit: " + kept + " calls " + calls);
console.log("chained: " + (null ?? undefined ?? 0 ?? 1));
console.log("with parens and ||: " + ((null || undefined) ?? "fallback") + " " + (null ?? (0 || "or")));
// logical assignment
let a = null;
a ??= "set by ??=";
console.log("??= on null: " + a);
a ??= "not set";
console.log("??= on value: " + a);
let b = 0;
b ||= 42;
console.log("||= on 0: " + b);
b ||= 99;
console.log("||= on truthy: " + b);
let c = 1;
c &&= "and-assigned";
console.log("&&= on truthy: " + c);
let d = 0;
d &&= "never";
console.log("&&= on falsy: " + d);
// short-circuit: no assignment, no setter call
const log = [];
const obj = {
  _v: "existing",
  get v() { log.push("get"); return this._v; },
  set v(x) { log.push("set " + x); this._v = x; }
};
obj.v ??= "new";
obj.v ||= "new2";
obj.v &&= "replaced";
console.log("accessor calls: " + log.join(", ") + " final " + obj._v);
// does not throw on const when short-circuited
const constant = "c";
constant ??= "x";
constant ||= "y";
console.log("const short-circuit ok: " + constant);
try {
  const z = null;
  z ??= 1;
} catch (e) {
  console.log("const assignment when not short-circuited: " + e.name);
}
// object property defaults
const opts = { retries: 0, name: "" };
opts.retries ??= 3;
opts.name ||= "anonymous";
opts.timeout ??= 1000;
console.log("opts: " + JSON.stringify(opts));
// member evaluated once
let getCount = 0;
const holder = { o: { n: null } };
function getHolder() { getCount++; return holder.o; }
getHolder().n ??= "filled";
console.log("base evaluated once: " + getCount + " " + holder.o.n);
// rhs function naming
let fn;
fn ??= function () {};
console.log("anonymous function named: " + fn.name);
// array element
const arr = [null, 0, 1];
arr[0] ??= "a";
arr[1] ||= "b";
arr[2] &&= "c";
console.log("array: " + JSON.stringify(arr));
// cache pattern
const cache = {};
function lookup(k) { return (cache[k] ??= k.toUpperCase() + "!"); }
console.log(lookup("x") + lookup("x") + " keys " + Object.keys(cache).length);
