const { a, b } = { a: 1, b: 2, c: 3 };
console.log("basic: " + a + b);
const { a: renamed, missing = "default", c: cRenamed = "unused" } = { a: "A", c: "C" };
console.log("rename/default: " + renamed + " " + missing + " " + cRenamed);
const { n = "d1", nul = "d2" } = { n: undefined, nul: null };
console.log("undefined vs null: " + n + " " + nul);
const key = "dyn";
const { [key]: dynVal, ["computed" + 1]: comp } = { dyn: "dynamic", computed1: "c1" };
console.log("computed keys: " + dynVal + " " + comp);
const { x, ...others } = { x: 1, y: 2, z: 3 };
console.log("rest: " + x + " " + JSON.stringify(others));
const { outer: { inner: { deep } } } = { outer: { inner: { deep: "found" } } };
console.log("nested: " + deep);
const { arr: [first, second] } = { arr: ["f", "s"] };
console.log("mixed nesting: " + first + second);
const { length } = "hello";
console.log("from string: " + length);
const { toFixed } = 5;
console.log("from number proto: " + typeof toFixed);
const { inherited } = Object.create({ inherited: "from proto" });
console.log("inherited prop: " + inherited);
// rest only copies own enumerable
const proto = { p: 1 };
const src = Object.create(proto);
src.own1 = 1;
Object.defineProperty(src, "hidden", { value: 2, enumerable: false });
src.own2 = 3;
const { ...copied } = src;
console.log("rest own enumerable: " + JSON.stringify(copied));
// assignment pattern needs parens
let p, q;
({ p, q = "qd" } = { p: "pv" });
console.log("assignment: " + p + " " + q);
// getter invoked once
let getterCalls = 0;
const withGetter = { get g() { getterCalls++; return "gv"; } };
const { g } = withGetter;
console.log("getter: " + g + " calls " + getterCalls);
// order of evaluation
const log = [];
const source = {
  get one() { log.push("get one"); return 1; },
  get two() { log.push("get two"); return 2; }
};
const { two: t2, one: t1 } = source;
console.log("order: " + log.join(",") + " values " + t1 + t2);
// errors
try { const { z } = null; } catch (e) { console.log("null: " + e.name); }
try { const { z } = undefined; } catch (e) { console.log("undefined: " + e.name); }
const {} = 0;
console.log("empty pattern on primitive ok");
// numeric keys
const { 0: zero, 1: one } = ["zero", "one"];
console.log("numeric keys: " + zero + " " + one);
// default object with function
function draw({ shape = "circle", size: { w = 1, h = 1 } = {} } = {}) {
  return shape + " " + w + "x" + h;
}
console.log(draw() + " | " + draw({ shape: "rect", size: { w: 5 } }) + " | " + draw({ size: { h: 9 } }));
// destructuring in for-of over objects
const users = [{ id: 1, name: "ann", tags: ["a"] }, { id: 2, name: "bob", tags: [] }];
for (const { id, name, tags: [tag = "none"] } of users) console.log("user " + id + " " + name + " " + tag);
// Object.entries with destructuring
for (const [k, v] of Object.entries({ m: 1, n: 2 })) console.log("entry " + k + "=" + v);
// shorthand with defaults referencing other bindings
const { w1 = 10, w2 = w1 * 2 } = {};
console.log("default refs: " + w1 + " " + w2);
// targets are member expressions
const target = {};
({ a: target.first, b: target["second"] } = { a: "A", b: "B" });
console.log("member targets: " + JSON.stringify(target));
