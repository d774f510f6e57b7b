const target = { a: 1 };
const result = Object.assign(target, { b: 2 }, null, undefined, { a: 3, c: 4 }, "xy");
console.log("assign: " + JSON.stringify(result) + " same target: " + (result === target));
const log = [];
const src = { get g() { log.push("getter"); return "got"; } };
const dst = { set g(v) { log.push("setter " + v); } };
Object.assign(dst, src);
console.log("assign uses get/set: " + log.join(", "));
const sym = Symbol("s");
console.log("assign copies symbols: " + Object.assign({}, { [sym]: "sv" })[sym]);
const frozen = Object.freeze({ a: 1 });
try { Object.assign(frozen, { a: 2 }); } catch (e) { console.log("assign to frozen: " + e.name); }
const o = { b: 2, a: 1, 10: "ten", 2: "two" };
console.log("entries: " + JSON.stringify(Object.entries(o)));
console.log("values: " + JSON.stringify(Object.values(o)));
console.log("keys: " + JSON.stringify(Object.keys(o)));
console.log("entries of string: " + JSON.stringify(Object.entries("hi")));
console.log("keys of string/number: " + JSON.stringify(Object.keys("ab")) + " " + JSON.stringify(Object.keys(5)));
console.log("fromEntries: " + JSON.stringify(Object.fromEntries([["x", 1], ["y", 2], ["x", 3]])));
console.log("fromEntries Map: " + JSON.stringify(Object.fromEntries(new Map([["m", true]]))));
const inverted = Object.fromEntries(Object.entries({ a: "1", b: "2" }).map(([k, v]) => [v, k]));
console.log("invert: " + JSON.stringify(inverted));
console.log("is: " + Object.is(NaN, NaN) + " " + Object.is(0, -0) + " " + Object.is(-0, -0) + " " + Object.is("a", "a") + " " + Object.is({}, {}));
console.log("getOwnPropertyNames: " + Object.getOwnPropertyNames({ a: 1, [Symbol()]: 2 }).join(","));
const descs = Object.getOwnPropertyDescriptors({ v: 1, get g() { return 2; } });
console.log("descriptors: v writable " + descs.v.writable + " g getter " + typeof descs.g.get);
const withProto = Object.setPrototypeOf({ own: 1 }, { inherited: 2 });
console.log("setPrototypeOf: " + withProto.inherited + " " + Object.keys(withProto).join(","));
try { Object.setPrototypeOf(Object.preventExtensions({}), {}); } catch (e) { console.log("setPrototypeOf non-extensible: " + e.name); }
const a = {};
const b = Object.create(a);
try { Object.setPrototypeOf(a, b); } catch (e) { console.log("prototype cycle: " + e.name); }
console.log("hasOwn: " + Object.hasOwn({ p: 1 }, "p") + " " + Object.hasOwn(Object.create({ p: 1 }), "p"));
const nullObj = Object.create(null);
nullObj.k = 1;
console.log("hasOwn null-proto: " + Object.hasOwn(nullObj, "k"));
// values/entries only own enumerable string keys, in order
const ordered = Object.create({ inherited: true });
ordered.z = 1;
ordered[1] = "one";
Object.defineProperty(ordered, "hidden", { value: 1, enumerable: false });
ordered[sym] = "symbol";
console.log("filtered entries: " + JSON.stringify(Object.entries(ordered)));
// deep clone via entries recursion
function clone(v) {
  if (Array.isArray(v)) return v.map(clone);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  return v;
}
const orig = { a: [1, { b: 2 }], c: { d: "e" } };
const cl = clone(orig);
cl.a[1].b = 99;
console.log("clone independent: " + orig.a[1].b + " " + cl.a[1].b + " " + JSON.stringify(cl));
