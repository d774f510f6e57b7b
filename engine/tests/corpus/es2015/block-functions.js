"use strict";
// In strict mode, function declarations in blocks are block-scoped
{
  function inBlock() { return "in block"; }
  console.log("inside block: " + inBlock());
}
console.log("outside block: " + typeof inBlock);
if (true) {
  function ifFn() { return 1; }
}
console.log("if-block fn outside: " + typeof ifFn);
// hoisted within the block
{
  console.log("hoisted within block: " + early());
  function early() { return "early"; }
}
// shadowing outer function
function shadowMe() { return "outer"; }
{
  function shadowMe() { return "inner"; }
  console.log("inner shadow: " + shadowMe());
}
console.log("outer restored: " + shadowMe());
// loops create fresh function per iteration
const fns = [];
for (let i = 0; i < 3; i++) {
  function capture() { return i; }
  fns.push(capture);
}
console.log("per-iteration functions: " + fns.map((f) => f()).join(",") + " distinct " + (fns[0] !== fns[1]));
// switch case block
switch (2) {
  case 1:
    function caseFn() { return "case"; }
    break;
  case 2:
    console.log("switch scoped fn available via hoisting: " + caseFn());
}
console.log("after switch: " + typeof caseFn);
// recursion in block function
{
  function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
  console.log("block recursion: " + fact(6));
}
// class declarations are block scoped too
{
  class Local { static id() { return "local class"; } }
  console.log(Local.id());
}
console.log("class outside: " + typeof Local);
// const function expressions in blocks
let chosen;
{
  const pick = (x) => x * 2;
  chosen = pick;
}
console.log("escaped via variable: " + chosen(21));
