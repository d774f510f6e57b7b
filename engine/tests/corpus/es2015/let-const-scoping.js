let a = "outer";
{
  let a = "block";
  console.log("inside block: " + a);
  {
    const a = "inner block";
    console.log("nested block: " + a);
  }
  console.log("back in block: " + a);
}
console.log("outside: " + a);

if (true) {
  let scoped = 1;
  var functionScoped = 2;
}
console.log("typeof scoped: " + typeof scoped + ", functionScoped: " + functionScoped);

const c = 10;
try {
  c = 20;
} catch (e) {
  console.log("assign to const: " + e.name);
}
console.log("const unchanged: " + c);
const obj = { x: 1 };
obj.x = 2;
console.log("const object mutable: " + obj.x);
const arr = [1];
arr.push(2);
console.log("const array push: " + arr.join(","));

// shadowing in switch cases shares one block
switch (1) {
  case 0:
    let s = "zero";
    break;
  case 1:
    try {
      s = "assigned in case 1";
      console.log("switch block binding: " + s);
    } catch (e) {
      console.log("switch case TDZ: " + e.name);
    }
    break;
}

// let in for loop is per-loop
for (let i = 0; i < 2; i++) {
  let i2 = i * 10;
  console.log("loop i=" + i + " i2=" + i2);
}
console.log("typeof i after loop: " + typeof i);

// block-level function declarations in strict code are block scoped
(function () {
  "use strict";
  {
    function blockFn() { return "block fn"; }
    console.log("inside: " + blockFn());
  }
  console.log("outside strict: " + typeof blockFn);
})();

// let does not create property on global-like object in functions
function f() {
  let local = 5;
  return typeof local;
}
console.log("in function: " + f());

// closures over block bindings
const fns = [];
{
  let v = "first";
  fns.push(() => v);
  v = "changed";
}
{
  let v = "second";
  fns.push(() => v);
}
console.log("closures: " + fns.map((g) => g()).join(","));

// redeclaration errors are early errors; test catch scope with let
try {
  throw new Error("x");
} catch (err) {
  let msg = err.message + "!";
  console.log("let in catch: " + msg);
}
// const in for-in/for-of gets fresh binding
const keys = [];
for (const k in { p: 1, q: 2 }) keys.push(() => k);
console.log("const for-in: " + keys.map((g) => g()).join(","));
// let with same name in nested function scopes
let counter = 0;
function inc() { let counter = 100; counter++; return counter; }
console.log("shadow in fn: " + inc() + " outer " + counter);
