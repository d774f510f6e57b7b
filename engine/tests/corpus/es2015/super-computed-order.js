// super[expr]: `this` must be initialised before expr runs; the key is converted to a
// property key only when the property is accessed (after the right-hand side of an
// assignment).
var log = [];
function key(k) {
  return { toString: function () { log.push("tostring " + k); return k; } };
}

class Base {
  constructor() { log.push("base constructor"); }
}
class Derived extends Base {
  constructor(mode) {
    if (mode === "read") {
      return super[(log.push("key expr"), "x")];
    }
    super();
  }
}
try {
  new Derived("read");
} catch (e) {
  log.push(e.name);
}
console.log("uninitialised this: " + log.join(", "));
log = [];

var proto = {
  set p(v) { log.push("set p " + v); },
  get p() { log.push("get p"); return 1; },
};
var obj = {
  __proto__: proto,
  assign() { super[key("p")] = (log.push("rhs"), 10); },
  read() { return super[key("p")]; },
  call() { return super[key("m")](); },
};
proto.m = function () { log.push("m called"); return "m"; };
obj.assign();
console.log("assign: " + log.join(", "));
log = [];
obj.read();
console.log("read: " + log.join(", "));
log = [];
obj.call();
console.log("call: " + log.join(", "));
log = [];

var thrower = { toString: function () { throw new Error("key"); } };
var obj2 = {
  __proto__: proto,
  m() { super[thrower] = (function () { throw new Error("rhs"); })(); },
};
try {
  obj2.m();
} catch (e) {
  console.log("rhs error first: " + e.message);
}
