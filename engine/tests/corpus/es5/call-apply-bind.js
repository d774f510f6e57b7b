function describe(greeting, punct) {
  return greeting + ", " + this.name + punct;
}
var alice = { name: "Alice" };
var bob = { name: "Bob" };
console.log(describe.call(alice, "Hello", "!"));
console.log(describe.apply(bob, ["Hi", "?"]));
console.log(describe.apply(alice, { length: 2, 0: "Yo", 1: "." }));

function countArgs() { return arguments.length; }
console.log("apply no array: " + countArgs.apply(null));
console.log("apply undefined: " + countArgs.apply(null, undefined));
console.log("apply empty: " + countArgs.apply(null, []));
console.log("apply holey: " + countArgs.apply(null, [1, , 3]));
console.log("call none: " + countArgs.call(null));

var max = Math.max.apply(Math, [3, 9, 2, 7]);
console.log("max via apply: " + max);

// bind partial application
var greetAlice = describe.bind(alice, "Greetings");
console.log(greetAlice("..."));
console.log("bound length: " + greetAlice.length + " original length: " + describe.length);
var bound2 = describe.bind(bob);
console.log("bound length with 0 args: " + bound2.length);
console.log(bound2("Hey", ";"));
// bound this cannot be overridden by call
console.log(greetAlice.call(bob, "#"));
// double bind keeps first this
var rebound = greetAlice.bind(bob, "~");
console.log(rebound());

// bind with new ignores bound this but keeps args
function Point(x, y) { this.x = x; this.y = y; }
var BoundPoint = Point.bind({ ignored: true }, 10);
var bp = new BoundPoint(20);
console.log("new bound: " + bp.x + "," + bp.y + " ignored: " + bp.ignored + " instanceof Point: " + (bp instanceof Point));
console.log("instanceof bound: " + (bp instanceof BoundPoint));

// call with primitives
function typeOfThis() { "use strict"; return typeof this; }
console.log(typeOfThis.call(1) + " " + typeOfThis.call("s") + " " + typeOfThis.call(true));
// Function.prototype.call.call
console.log(Function.prototype.call.call(describe, bob, "Meta", "!!"));
// borrowing array methods
function toArr() { return Array.prototype.slice.call(arguments); }
console.log(toArr(1, 2, 3).join("-"));
var arrayLike = { 0: "a", 1: "b", 2: "c", length: 3 };
console.log(Array.prototype.join.call(arrayLike, "+"));
console.log(Array.prototype.map.call("abc", function (ch) { return ch.toUpperCase(); }).join(""));
// apply with many args
var many = [];
for (var i = 0; i < 1000; i++) many.push(i);
console.log("apply 1000 args sum: " + (function () {
  var s = 0;
  for (var j = 0; j < arguments.length; j++) s += arguments[j];
  return s;
}).apply(null, many));
try {
  Function.prototype.call.call(42);
} catch (e) {
  console.log("call on non-function: " + e.name);
}
try {
  describe.apply(null, 5);
} catch (e) {
  console.log("apply with non-object: " + e.name);
}
