var o = { b: 1, a: 2, c: 3 };
console.log("keys: " + Object.keys(o).join(","));
var proto = { inherited: true };
var child = Object.create(proto);
child.own = 1;
console.log("child keys: " + Object.keys(child).join(","));
console.log("child.inherited: " + child.inherited);
console.log("getPrototypeOf: " + (Object.getPrototypeOf(child) === proto));

var bare = Object.create(null);
bare.x = 1;
console.log("bare has toString: " + ("toString" in bare) + " keys " + Object.keys(bare).join(","));
console.log("bare proto: " + Object.getPrototypeOf(bare));

// freeze
var f = Object.freeze({ a: 1, nested: { b: 2 } });
f.a = 100;
f.newProp = 1;
delete f.a;
f.nested.b = 200;
console.log("frozen: a=" + f.a + " newProp=" + f.newProp + " nested.b=" + f.nested.b);
console.log("isFrozen: " + Object.isFrozen(f) + " nested isFrozen: " + Object.isFrozen(f.nested));
console.log("isExtensible frozen: " + Object.isExtensible(f));
(function () {
  "use strict";
  var results = [];
  try { f.a = 5; } catch (e) { results.push("write:" + e.name); }
  try { f.z = 5; } catch (e) { results.push("add:" + e.name); }
  try { delete f.a; } catch (e) { results.push("delete:" + e.name); }
  console.log("strict frozen: " + results.join(" "));
})();

// seal
var s = Object.seal({ x: 1 });
s.x = 2;
s.y = 3;
delete s.x;
console.log("sealed: x=" + s.x + " y=" + s.y + " isSealed=" + Object.isSealed(s) + " isFrozen=" + Object.isFrozen(s));

// preventExtensions
var pe = Object.preventExtensions({ k: 1 });
pe.k2 = 2;
pe.k = 10;
delete pe.k;
console.log("preventExtensions: k=" + pe.k + " k2=" + pe.k2 + " extensible=" + Object.isExtensible(pe));

// empty object frozen-ness
var empty = Object.preventExtensions({});
console.log("empty non-extensible isFrozen: " + Object.isFrozen(empty) + " isSealed: " + Object.isSealed(empty));

// frozen array
var fa = Object.freeze([1, 2, 3]);
try { fa.push(4); } catch (e) { console.log("push frozen array: " + e.name); }
fa[0] = 99;
console.log("frozen array: " + fa.join(",") + " len " + fa.length);

// Object.create second argument
var withProps = Object.create({ p: 1 }, {
  q: { value: 2, enumerable: true },
  r: { value: 3 }
});
console.log("create props: q=" + withProps.q + " r=" + withProps.r + " keys=" + Object.keys(withProps).join(","));
var inheritedKeys = [];
for (var k in withProps) inheritedKeys.push(k);
console.log("for-in sees: " + inheritedKeys.join(","));
try {
  Object.create(5);
} catch (e) {
  console.log("create with number: " + e.name);
}
// hasOwnProperty vs in
console.log("hasOwn q: " + withProps.hasOwnProperty("q") + " hasOwn p: " + withProps.hasOwnProperty("p") + " in p: " + ("p" in withProps));
// Object.getOwnPropertyNames includes non-enumerable
console.log("names: " + Object.getOwnPropertyNames(withProps).join(","));
