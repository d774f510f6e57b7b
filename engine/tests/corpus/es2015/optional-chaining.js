const data = { user: { name: "ann", address: { city: "Paris" }, tags: ["a", "b"], greet() { return "hi " + this.name; } } };
console.log("present: " + data?.user?.address?.city);
console.log("missing: " + data.user.phone?.number);
console.log("null base: " + (null)?.x + " undefined base: " + (undefined)?.x);
console.log("computed: " + data.user?.["name"] + " " + data.nobody?.["name"]);
console.log("array index: " + data.user.tags?.[1] + " " + data.user.nothing?.[0]);
console.log("method call: " + data.user.greet?.() + " missing method: " + data.user.fly?.());
console.log("call on null: " + (null)?.());
try {
  data.user.name?.();
} catch (e) {
  console.log("non-function call still throws: " + e.name);
}
// short-circuits the whole chain
let evaluated = false;
const nothing = null;
const r = nothing?.a.b.c[(evaluated = true, "x")]();
console.log("short-circuit whole chain: " + r + " evaluated " + evaluated);
// parentheses stop short-circuit
try {
  (nothing?.a).b;
} catch (e) {
  console.log("parenthesized chain throws: " + e.name);
}
// only null/undefined short-circuit
const falsy = { zero: 0, empty: "", f: false, nan: NaN };
console.log("falsy values kept: " + falsy.zero?.toString() + " '" + falsy.empty?.length + "' " + falsy.f?.toString() + " " + falsy.nan?.toFixed(1));
// this preserved in optional call
const obj = { v: 42, get() { return this.v; } };
console.log("this preserved: " + obj?.get() + " " + obj.get?.() + " " + obj?.["get"]?.());
// optional chaining with delete
const del = { a: { b: 1 } };
console.log("delete optional: " + delete del?.a?.b + " " + JSON.stringify(del) + " " + delete del?.x?.y);
// in template literals and with nullish coalescing
const cfg = { server: null };
console.log(`port: ${cfg.server?.port ?? 8080}`);
// chains with function results
const mk = (v) => (v ? { inner: { val: v } } : undefined);
console.log("function results: " + mk(5)?.inner.val + " " + mk(0)?.inner.val);
// optional call on super-like patterns / callbacks
function maybeCall(cb) { return cb?.("arg") ?? "no callback"; }
console.log(maybeCall((a) => "called with " + a) + " | " + maybeCall());
// long chain over nested arrays
const matrix = [[1, [2, [3]]]];
console.log("deep: " + matrix?.[0]?.[1]?.[1]?.[0] + " " + matrix?.[5]?.[1]?.[1]?.[0]);
// side effects in computed key only when base non-null
let count = 0;
const base = { k: "v" };
base?.[(count++, "k")];
nothing?.[(count++, "k")];
console.log("key side effects: " + count);
