const x = 1, y = "two";
const short = { x, y };
console.log("shorthand: " + JSON.stringify(short));
const withMethod = {
  value: 10,
  double() { return this.value * 2; },
  "quoted method"() { return "quoted"; },
  42() { return "numeric"; },
  get computed() { return this.value + 1; },
};
console.log("methods: " + withMethod.double() + " " + withMethod["quoted method"]() + " " + withMethod[42]() + " " + withMethod.computed);
console.log("method name: " + withMethod.double.name);
try {
  new withMethod.double();
} catch (e) {
  console.log("method not constructor: " + e.name);
}
const prefix = "key";
let i = 0;
const computed = {
  [prefix + ++i]: i,
  [prefix + ++i]: i,
  [`${prefix}_t`]: "template",
  [1 + 2]: "three",
};
console.log("computed: " + JSON.stringify(computed));
const proto = { greet() { return "hi from proto"; } };
const withProto = { __proto__: proto, own: 1 };
console.log("__proto__ literal: " + withProto.greet() + " " + (Object.getPrototypeOf(withProto) === proto) + " keys " + Object.keys(withProto).join(","));
const computedProto = { ["__proto__"]: "just a key" };
console.log("computed __proto__ is own prop: " + Object.keys(computedProto).join(",") + " proto unchanged: " + (Object.getPrototypeOf(computedProto) === Object.prototype));
const __proto__ = "shorthand value";
const shorthandProto = { __proto__ };
console.log("shorthand __proto__ is own: " + shorthandProto.hasOwnProperty("__proto__"));
const nullProto = { __proto__: null, a: 1 };
console.log("null proto: " + (Object.getPrototypeOf(nullProto) === null) + " " + ("toString" in nullProto));
// super in object methods
const base = { hello() { return "base hello"; } };
const derived = {
  __proto__: base,
  hello() { return super.hello() + " -> derived"; }
};
console.log(derived.hello());
// duplicate keys: last wins, position of first
const dup = { a: 1, b: 2, a: 3 };
console.log("duplicate: " + JSON.stringify(dup));
// getter and data property with same name: last wins
const mixed = { get v() { return "getter"; }, v: "data" };
console.log("getter then data: " + mixed.v + " " + typeof Object.getOwnPropertyDescriptor(mixed, "v").get);
// spread and computed together
const extra = { e: 5 };
const merged = { ...extra, [`k${extra.e}`]: true, e: 6 };
console.log("merged: " + JSON.stringify(merged));
// shorthand method with default params and rest
const util = { join(sep = ",", ...parts) { return parts.join(sep); } };
console.log(util.join(undefined, 1, 2) + " " + util.join("-", "a", "b"));
// accessor pairs with computed keys
const k = "dyn";
const acc = { _d: 0, get [k]() { return this._d; }, set [k](v) { this._d = v * 10; } };
acc.dyn = 4;
console.log("computed accessors: " + acc.dyn);
// order of computed key evaluation vs value evaluation
const order = [];
const ordered = { [(order.push("k1"), "a")]: (order.push("v1"), 1), [(order.push("k2"), "b")]: (order.push("v2"), 2) };
console.log("evaluation order: " + order.join(",") + " " + JSON.stringify(ordered));
// symbol computed key
const sym = Symbol("s");
const symObj = { [sym]() { return "sym method"; } };
console.log(symObj[sym]() + " name: " + symObj[sym].name);
