const add = new Function("a", "b", "return a + b");
console.log("add: " + add(2, 3) + " length " + add.length + " name '" + add.name + "'");
const noNew = Function("return 'without new'");
console.log(noNew());
const combined = new Function("a, b", "c", "return [a, b, c].join('-')");
console.log("combined params: " + combined(1, 2, 3) + " length " + combined.length);
const withDefaults = new Function("a = 10", "...rest", "return a + rest.length");
console.log("defaults and rest: " + withDefaults() + " " + withDefaults(1, 2, 3));
const empty = new Function();
console.log("empty: " + empty() + " length " + empty.length);
globalThis.onGlobalObject = "global property";
function scopeTest() {
  const onGlobalObject = "local";
  const localOnly = "local only";
  return new Function("return onGlobalObject + ' / ' + typeof localOnly")();
}
console.log("global scope only, not closure: " + scopeTest());
const sloppyThis = new Function("return this === globalThis");
console.log("sloppy this is global: " + sloppyThis());
const strictThis = new Function("'use strict'; return this");
console.log("strict this: " + strictThis());
try {
  new Function("a", "return a +");
} catch (e) {
  console.log("syntax error in body: " + e.name);
}
try {
  new Function("a b", "return 1");
} catch (e) {
  console.log("syntax error in params: " + e.name);
}
try {
  new Function("/*", "*/){");
} catch (e) {
  console.log("params cannot close the function early: " + e.name);
}
console.log("instanceof Function: " + (add instanceof Function) + " prototype chain: " + (Object.getPrototypeOf(add) === Function.prototype));
const ctor = new Function("x", "this.x = x");
const inst = new ctor(5);
console.log("usable as constructor: " + inst.x + " " + (inst instanceof ctor));
const rec = new Function("n", "return n <= 1 ? 1 : n * arguments.callee(n - 1)");
console.log("arguments.callee recursion: " + rec(5));
const toStr = new Function("a", "b", "return a");
console.log("toString has anonymous: " + toStr.toString().startsWith("function anonymous("));
const compiled = ["x * 2", "x + 100", "x % 7"].map((body) => new Function("x", "return " + body));
console.log("compiled expressions: " + compiled.map((f) => f(50)).join(","));
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const af = new AsyncFunction("v", "return await v");
af(Promise.resolve("async via constructor")).then((v) => console.log(v));
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const gf = new GeneratorFunction("n", "for (let i = 0; i < n; i++) yield i");
console.log("generator via constructor: " + [...gf(4)].join(","));
