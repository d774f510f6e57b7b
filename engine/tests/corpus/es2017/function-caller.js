// Sloppy functions' own `caller` and `arguments` (the extension ECMA-262 17.1 permits):
// never a strict function, null when inactive; strict functions and other kinds have none.
function callee() {
  return callee.caller;
}
function sloppyCaller() {
  return callee();
}
function strictCaller() {
  "use strict";
  return callee();
}
console.log("from sloppy:", callee.call === Function.prototype.call, sloppyCaller() === sloppyCaller);
console.log("from strict:", strictCaller());
console.log("from a built-in:", [0].map(callee)[0]);
console.log("inactive:", callee.caller, callee.arguments);
console.log("own:", callee.hasOwnProperty("caller"), callee.hasOwnProperty("arguments"));

function args(a, b) {
  var live = args.arguments;
  a = 10;
  return [live.length, live[0], live[1], live[2], Array.isArray(live), typeof live].join();
}
console.log("arguments:", args(1, 2, 3));

// Recursion: the innermost call's caller.
function outer(n) {
  return inner(n);
}
function inner(n) {
  if (n > 0) return outer(n - 1);
  return inner.caller === outer;
}
console.log("recursive:", inner(3));

// Functions that must not have them.
function strictFn() {
  "use strict";
}
var kinds = {
  strict: strictFn,
  arrow: () => 0,
  method: { m() {} }.m,
  generator: function* () {},
  async: async function () {},
  klass: class {},
  bound: callee.bind(null),
};
for (var k in kinds) {
  var f = kinds[k];
  var threw = [];
  ["caller", "arguments"].forEach(function (p) {
    try {
      f[p];
    } catch (e) {
      threw.push(p + ":" + e.constructor.name);
    }
  });
  console.log(k, f.hasOwnProperty("caller"), f.hasOwnProperty("arguments"), threw.join(" "));
}

// Through a deep stack of sloppy frames.
function depth(n) {
  return n === 0 ? depth.caller === depth : depth(n - 1);
}
console.log("deep:", depth(50));
