var o = {
  plain: 1,
  "quoted key": 2,
  'single': 3,
  42: "num",
  0.5: "half",
  1e3: "thousand",
  0x10: "hex",
  if: "reserved if",
  class: "reserved class",
  "": "empty key",
  nested: { deeper: { deepest: "bottom" } },
  list: [1, { inArray: true }],
  fn: function () { return this.plain; },
};
console.log(o.plain + " " + o["quoted key"] + " " + o.single + " " + o[42] + " " + o["42"]);
console.log(o["0.5"] + " " + o[1000] + " " + o[16] + " " + o["16"]);
console.log(o["if"] + " / " + o.class + " / " + o[""]);
console.log(o.nested.deeper.deepest + " " + o["nested"]["deeper"]["deepest"] + " " + o.list[1].inArray);
console.log("method: " + o.fn());
console.log("keys: " + Object.keys(o).join(","));
var dyn = {};
var k = "dyn" + "Key";
dyn[k] = "value";
dyn[k + 2] = "value2";
console.log("dynamic: " + JSON.stringify(dyn));
var objKey = {};
var objAsKey = {};
objAsKey[objKey] = "object key";
console.log("object as key: " + Object.keys(objAsKey)[0]);
var arrKey = {};
arrKey[[1, 2]] = "array key";
console.log("array as key: " + Object.keys(arrKey)[0]);
var dup = { a: 1, b: 2, a: 3 };
console.log("duplicate: " + dup.a + " keys " + Object.keys(dup).join(","));
var empty = {};
console.log("empty keys: " + Object.keys(empty).length + " toString: " + empty);
var nested = { a: { b: { c: { d: { e: "deep" } } } } };
var path = ["a", "b", "c", "d", "e"];
var cur = nested;
for (var i = 0; i < path.length; i++) cur = cur[path[i]];
console.log("path walk: " + cur);
console.log("missing chain: " + (nested.x && nested.x.y));
try {
  var bad = nested.x.y;
} catch (e) {
  console.log("property of undefined: " + e.name);
}
var counter = { n: 0, inc: function () { this.n++; return this; } };
console.log("chaining: " + counter.inc().inc().inc().n);
var proto = Object.getPrototypeOf({});
console.log("literal proto is Object.prototype: " + (proto === Object.prototype));
console.log("literals are distinct: " + ({} === {}) + " " + (({}).constructor === Object));
