function* inner() {
  const x = yield "inner-1";
  console.log("  inner got " + x);
  yield "inner-2";
  return "inner-result";
}
function* outer() {
  yield "outer-start";
  const r = yield* inner();
  console.log("  yield* evaluated to " + r);
  yield "outer-end";
}
const g = outer();
console.log(JSON.stringify(g.next()));
console.log(JSON.stringify(g.next()));
console.log(JSON.stringify(g.next("sent-to-inner")));
console.log(JSON.stringify(g.next()));
console.log(JSON.stringify(g.next()));

function* delegateIterables() {
  yield* [1, 2];
  yield* "ab";
  yield* new Set(["s"]);
  yield* new Map([["k", "v"]]);
}
console.log("iterables: " + JSON.stringify([...delegateIterables()]));

// recursive delegation
function* flatten(arr) {
  for (const item of arr) {
    if (Array.isArray(item)) yield* flatten(item);
    else yield item;
  }
}
console.log("flatten: " + [...flatten([1, [2, [3, [4, 5]], 6], [[7]]])].join(","));

// return() forwarded to inner
const log = [];
function* innerCleanup() {
  try { yield 1; yield 2; } finally { log.push("inner finally"); }
}
function* outerCleanup() {
  try { yield* innerCleanup(); } finally { log.push("outer finally"); }
}
const oc = outerCleanup();
oc.next();
console.log("return: " + JSON.stringify(oc.return("early")) + " log " + log.join(", "));

// throw() forwarded to inner which catches it
function* catcher() {
  try { yield "waiting"; } catch (e) { yield "inner caught " + e; }
  return "inner done";
}
function* outerThrow() { const r = yield* catcher(); yield "after: " + r; }
const ot = outerThrow();
ot.next();
console.log(JSON.stringify(ot.throw("boom")));
console.log(JSON.stringify(ot.next()));
console.log(JSON.stringify(ot.next()));

// delegating to a custom iterator without throw: throw closes it and raises TypeError
let closed = false;
const noThrowIter = {
  [Symbol.iterator]() { return this; },
  next() { return { value: "x", done: false }; },
  return() { closed = true; return { done: true }; }
};
function* delegNoThrow() { yield* noThrowIter; }
const dn = delegNoThrow();
dn.next();
try { dn.throw(new Error("e")); } catch (e) { console.log("no throw method: " + e.name + " closed " + closed); }

// yield* result values of custom iterator
const custom = {
  [Symbol.iterator]() {
    let i = 0;
    return { next: (v) => (i++ < 2 ? { value: "c" + i + (v === undefined ? "" : ":" + v), done: false } : { value: "custom-return", done: true }) };
  }
};
function* useCustom() { const r = yield* custom; yield r; }
const uc = useCustom();
console.log([uc.next().value, uc.next("sent").value, uc.next().value, uc.next().done].join(" | "));
// permutations via generators
function* perms(arr) {
  if (arr.length <= 1) { yield arr; return; }
  for (let i = 0; i < arr.length; i++) {
    for (const p of perms([...arr.slice(0, i), ...arr.slice(i + 1)])) yield [arr[i], ...p];
  }
}
console.log("perms: " + [...perms([1, 2, 3])].map((p) => p.join("")).join(","));
