var o = {
  _v: 1,
  get v() { return this._v * 10; },
  set v(x) { this._v = x + 1; },
  get onlyGet() { return "g"; },
  set onlySet(x) { this.setWith = x; }
};
console.log("v: " + o.v);
o.v = 5;
console.log("_v after set: " + o._v + " v: " + o.v);
console.log("onlyGet: " + o.onlyGet);
o.onlyGet = "ignored";
console.log("onlyGet after assign: " + o.onlyGet);
console.log("onlySet read: " + o.onlySet);
o.onlySet = 9;
console.log("setWith: " + o.setWith);

var d = Object.getOwnPropertyDescriptor(o, "v");
console.log("desc get type: " + typeof d.get + " set type: " + typeof d.set + " enumerable: " + d.enumerable + " configurable: " + d.configurable + " has value: " + ("value" in d));
var d2 = Object.getOwnPropertyDescriptor(o, "onlyGet");
console.log("onlyGet set: " + d2.set);

// keys include accessors
console.log("keys: " + Object.keys(o).join(","));

// getters inherited through prototype, this is receiver
var base = {
  get describe() { return "I am " + this.name; }
};
var child = Object.create(base);
child.name = "child";
console.log(child.describe);
// assigning to inherited accessor-with-setter calls setter on receiver
var proto = {
  set value(v) { this.stored = "via setter " + v; }
};
var inst = Object.create(proto);
inst.value = 3;
console.log("stored: " + inst.stored + " own value?: " + inst.hasOwnProperty("value"));

// getter computing lazily and counting
var count = 0;
var lazy = { get now() { return ++count; } };
lazy.now; lazy.now;
console.log("getter calls: " + lazy.now);

// strict mode assignment to getter-only throws
(function () {
  "use strict";
  try {
    o.onlyGet = 1;
    console.log("no throw");
  } catch (e) {
    console.log("strict getter-only assignment: " + e.name);
  }
})();

// numeric and string-literal getter names
var odd = { get 0() { return "zero"; }, get "a b"() { return "space"; } };
console.log(odd[0] + " " + odd["a b"]);

// setter returning value does not affect assignment expression result
var r = (o.v = 100);
console.log("assignment expr value: " + r + " _v: " + o._v);
