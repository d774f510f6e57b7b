const letFns = [];
for (let i = 0; i < 4; i++) letFns.push(() => i);
console.log("let for: " + letFns.map((f) => f()).join(","));

const varFns = [];
for (var j = 0; j < 4; j++) varFns.push(() => j);
console.log("var for: " + varFns.map((f) => f()).join(","));

// modifications in body are seen by next iteration copy
const fns2 = [];
for (let i = 0; i < 6; i++) {
  fns2.push(() => i);
  i++;
}
console.log("modified in body: " + fns2.map((f) => f()).join(","));

// closure created in the update expression... captured in test
const testFns = [];
for (let i = 0; testFns.push(() => i), i < 2; i++) {}
console.log("closures from test: " + testFns.map((f) => f()).join(","));

// closure created in initializer sees the initial copy
const initFns = [];
for (let i = (initFns.push(() => i), 0); i < 3; i++) {}
console.log("closure from init: " + initFns[0]());

// for-of and for-in give fresh bindings
const ofFns = [];
for (const v of ["a", "b", "c"]) ofFns.push(() => v);
console.log("for-of: " + ofFns.map((f) => f()).join(","));
const inFns = [];
for (let k in { x: 1, y: 2 }) inFns.push(() => k);
console.log("for-in: " + inFns.map((f) => f()).join(","));

// closures mutate their own iteration binding
const counters = [];
for (let i = 0; i < 3; i++) counters.push(() => ++i);
console.log("mutate own: " + counters[0]() + counters[0]() + counters[1]() + counters[2]());

// while loop with block-scoped let creates fresh binding each iteration
const whileFns = [];
let n = 0;
while (n < 3) {
  let captured = n;
  whileFns.push(() => captured);
  n++;
}
console.log("while: " + whileFns.map((f) => f()).join(","));

// break/continue with let
const bc = [];
for (let i = 0; i < 10; i++) {
  if (i % 2) continue;
  if (i > 6) break;
  bc.push(() => i * 10);
}
console.log("break/continue: " + bc.map((f) => f()).join(","));

// nested loops with let
const grid = [];
for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) grid.push(() => r + ":" + c);
console.log("nested: " + grid.map((f) => f()).join(" "));

// setTimeout-free async-like capture via array of callbacks
const callbacks = [];
for (let i = 1; i <= 3; i++) callbacks.push(function () { return "cb" + i; });
console.log(callbacks.map((cb) => cb()).join(" "));
