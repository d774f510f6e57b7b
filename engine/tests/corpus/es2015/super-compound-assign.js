// Compound assignment and update on `super[expr]` and `super.name`. (The order of
// GetSuperBase and ToPropertyKey, where node 20 differs from ECMA-262, is in the engine's unit
// tests.)
var log = [];
var proto = { p: 1, q: 10 };
var proto2 = { p: -1, q: -10 };
var obj = {
  __proto__: proto,
  compound(k) {
    return (super[k] += 1);
  },
  update(k) {
    return super[k]++;
  },
  prefix(k) {
    return --super[k];
  },
  logical(k) {
    return (super[k] ||= "set");
  },
  named() {
    super.q *= 2;
    return this.q;
  },
};
function key(name) {
  log.push("key " + name);
  return name;
}
function reset() {
  Object.setPrototypeOf(obj, proto);
  delete obj.p;
  delete obj.q;
  delete obj.z;
}
reset();
console.log(obj.compound(key("p")), obj.p, proto.p, proto2.p);
reset();
console.log(obj.update(key("p")), obj.p);
reset();
console.log(obj.prefix(key("p")), obj.p);
reset();
console.log(obj.logical(key("z")), obj.z, proto.z, proto2.z);
reset();
console.log(obj.named(), proto.q);
console.log(log.join(", "));

// Setters on the base see `this` as the receiver.
var seen = [];
var base = {
  get v() {
    return 5;
  },
  set v(x) {
    seen.push(this === child, x);
  },
};
var child = {
  __proto__: base,
  m() {
    super["v"] += 2;
    super.v **= 2;
    return seen.join();
  },
};
console.log(child.m());

class A {
  constructor() {
    this.n = 1;
  }
}
A.prototype.n = 100;
class B extends A {
  bump() {
    super["n"] += 1;
    super.n++;
    return this.n;
  }
}
console.log(new B().bump());
