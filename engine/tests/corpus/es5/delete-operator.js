var o = { a: 1, b: 2, c: 3 };
console.log("delete o.a: " + delete o.a);
console.log("keys: " + Object.keys(o).join(","));
console.log("delete o.missing: " + delete o.missing);
console.log("delete o['b']: " + delete o["b"]);
console.log("keys: " + Object.keys(o).join(","));

// deleting inherited property only affects own
function P() {}
P.prototype.shared = "proto";
var inst = new P();
inst.shared = "own";
console.log(inst.shared);
delete inst.shared;
console.log(inst.shared);
delete inst.shared;
console.log(inst.shared);

// non-configurable properties
var nc = {};
Object.defineProperty(nc, "fixed", { value: 1, configurable: false });
console.log("delete nc.fixed (sloppy): " + delete nc.fixed);
console.log("nc.fixed still: " + nc.fixed);
(function () {
  "use strict";
  try {
    delete nc.fixed;
    console.log("no throw");
  } catch (e) {
    console.log("strict delete non-configurable: " + e.name);
  }
})();

// array element delete leaves hole
var arr = [1, 2, 3];
console.log("delete arr[1]: " + delete arr[1]);
console.log("length: " + arr.length + " 1 in arr: " + (1 in arr) + " arr[1]: " + arr[1]);
console.log("delete arr.length: " + delete arr.length);

// delete of non-reference
console.log("delete 42: " + delete 42);
var v = 1;
console.log("delete var: " + delete v);
console.log("typeof after failed delete: " + typeof v);

// delete Math.PI is non-configurable
console.log("delete Math.PI: " + delete Math.PI);
console.log("Math.PI intact: " + (Math.PI > 3.14));
