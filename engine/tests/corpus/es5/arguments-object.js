function sloppyMapped(a, b) {
  arguments[0] = "changed-via-arguments";
  b = "changed-via-param";
  return [a, arguments[1], arguments.length].join("|");
}
console.log("sloppy: " + sloppyMapped("x", "y"));
console.log("sloppy one arg: " + sloppyMapped("x"));

function sloppyUnpassed(a, b) {
  b = "set";
  return arguments[1] + " len=" + arguments.length;
}
console.log("unpassed not mapped: " + sloppyUnpassed(1));

function strictUnmapped(a, b) {
  "use strict";
  arguments[0] = "changed-via-arguments";
  b = "changed-via-param";
  return [a, arguments[1], arguments.length].join("|");
}
console.log("strict: " + strictUnmapped("x", "y"));

function lengths() { return arguments.length; }
console.log("lengths: " + lengths() + " " + lengths(undefined) + " " + lengths(1, 2, 3, 4, 5));

function extra(a) { return arguments[3]; }
console.log("extra: " + extra(1, 2, 3, 4));

function isArr() { return Array.isArray(arguments) + " " + Object.prototype.toString.call(arguments) + " " + typeof arguments; }
console.log(isArr(1));

function slice() { return Array.prototype.slice.call(arguments, 1).join(","); }
console.log("slice: " + slice("a", "b", "c"));

function setLength() {
  arguments.length = 1;
  return Array.prototype.join.call(arguments, ",");
}
console.log("length set: " + setLength(1, 2, 3));

function callee() { return typeof arguments.callee; }
console.log("callee: " + callee());
(function () {
  "use strict";
  try {
    var c = arguments.callee;
    console.log("strict callee no throw " + c);
  } catch (e) {
    console.log("strict callee: " + e.name);
  }
})();

// arguments in nested function is its own
function outer() {
  var outerArgs = arguments;
  function inner() { return arguments.length; }
  return outerArgs.length + "/" + inner(9);
}
console.log("nested: " + outer(1, 2, 3));

// param named arguments shadows
function shadow(arguments) { return arguments; }
console.log("shadow: " + shadow("p"));

// delete from arguments breaks mapping
function delMap(a) {
  delete arguments[0];
  arguments[0] = "new";
  return a + " " + arguments[0];
}
console.log("delete unmaps: " + delMap("orig"));

// enumerate arguments
function enumArgs() {
  var keys = [];
  for (var k in arguments) keys.push(k);
  return keys.join(",");
}
console.log("enum: " + enumArgs("a", "b", "c"));
// sum variadic
function sum() {
  var t = 0;
  for (var i = 0; i < arguments.length; i++) t += arguments[i];
  return t;
}
console.log("sum: " + sum(1, 2, 3, 4.5));
