var o = {};
Object.defineProperty(o, "hidden", { value: 1 });
var d = Object.getOwnPropertyDescriptor(o, "hidden");
console.log("defaults: value=" + d.value + " writable=" + d.writable + " enumerable=" + d.enumerable + " configurable=" + d.configurable);
console.log("keys: " + JSON.stringify(Object.keys(o)));
o.hidden = 2;
console.log("after sloppy write: " + o.hidden);
try {
  Object.defineProperty(o, "hidden", { value: 3 });
  console.log("redefine with different value no throw");
} catch (e) {
  console.log("redefine non-configurable: " + e.name);
}
try {
  Object.defineProperty(o, "hidden", { value: 1 });
  console.log("redefine with same value ok");
} catch (e) {
  console.log("same value threw " + e.name);
}

var lit = { a: 1 };
var ld = Object.getOwnPropertyDescriptor(lit, "a");
console.log("literal prop: " + [ld.value, ld.writable, ld.enumerable, ld.configurable].join(","));
console.log("missing descriptor: " + Object.getOwnPropertyDescriptor(lit, "nope"));

// accessor via defineProperty
var temp = { _c: 0 };
Object.defineProperty(temp, "f", {
  get: function () { return this._c * 9 / 5 + 32; },
  set: function (v) { this._c = (v - 32) * 5 / 9; },
  enumerable: true,
  configurable: true
});
console.log("f=" + temp.f);
temp.f = 212;
console.log("c=" + temp._c + " f=" + temp.f);
console.log("keys: " + Object.keys(temp).join(","));

// converting data to accessor on configurable property
Object.defineProperty(lit, "a", { get: function () { return "now accessor"; } });
console.log(lit.a + " " + typeof Object.getOwnPropertyDescriptor(lit, "a").get);

// writable false but configurable true: can redefine
var wc = {};
Object.defineProperty(wc, "x", { value: 1, writable: false, configurable: true });
Object.defineProperty(wc, "x", { value: 2 });
console.log("redefined x=" + wc.x);

// mixing accessor and data descriptor throws
try {
  Object.defineProperty({}, "bad", { value: 1, get: function () {} });
} catch (e) {
  console.log("mixed descriptor: " + e.name);
}
try {
  Object.defineProperty(1, "x", { value: 1 });
} catch (e) {
  console.log("define on primitive: " + e.name);
}

// defineProperties
var multi = {};
Object.defineProperties(multi, {
  a: { value: "A", enumerable: true },
  b: { value: "B", enumerable: false },
  c: { value: "C", enumerable: true, writable: true }
});
console.log("multi keys: " + Object.keys(multi).join(",") + " all names: " + Object.getOwnPropertyNames(multi).join(","));
console.log("propertyIsEnumerable b: " + multi.propertyIsEnumerable("b") + " c: " + multi.propertyIsEnumerable("c"));

// array length defineProperty
var arr = [1, 2, 3, 4];
Object.defineProperty(arr, "length", { value: 2 });
console.log("arr after length define: " + arr.join(",") + " len " + arr.length);
Object.defineProperty(arr, "length", { writable: false });
try {
  arr.push(9);
  console.log("push succeeded?");
} catch (e) {
  console.log("push on non-writable length: " + e.name);
}
console.log("arr: " + arr.join(",") + " len " + arr.length);

// getOwnPropertyNames on arrays and functions
console.log("array names: " + Object.getOwnPropertyNames(["x", "y"]).join(","));
// inherited properties not returned by getOwnPropertyDescriptor
console.log("inherited desc: " + Object.getOwnPropertyDescriptor({}, "toString"));
// non-writable inherited property blocks assignment on child
var protoRO = {};
Object.defineProperty(protoRO, "ro", { value: "proto", writable: false });
var childRO = Object.create(protoRO);
childRO.ro = "child";
console.log("inherited readonly blocks: " + childRO.ro + " own: " + childRO.hasOwnProperty("ro"));
