// Integer-indexed exotic object semantics, ArrayBuffer (fixed and resizable views), DataView.
function show(label, v) { console.log(label + ": " + v); }
function err(f) { try { f(); return "no error"; } catch (e) { return e.constructor.name; } }
Object.prototype["-0"] = "proto-0";
Object.prototype["1.5"] = "proto1.5";
Object.prototype[10] = "proto10";
var a = new Int8Array([1, 2, 3]);
show("numeric keys", [a["-0"], a["1.5"], a[10], a["Infinity"], a["NaN"], a["0"], a["01"]].join("|"));
show("in", ["-0" in a, "1.5" in a, 10 in a, 2 in a, "01" in a].join());
a["1.5"] = 9; a[10] = 9; a["-0"] = 9; a.foo = "bar"; a["01"] = "x";
show("after sets", Object.keys(a).join() + " " + a.foo + " " + a["01"]);
show("ownKeys", Reflect.ownKeys(a).map(String).join());
delete Object.prototype["-0"]; delete Object.prototype["1.5"]; delete Object.prototype[10];
show("delete", [delete a[0], delete a[5], delete a["-0"], delete a.foo].join());
show("descriptor", JSON.stringify(Object.getOwnPropertyDescriptor(a, 1)) + " " + Object.getOwnPropertyDescriptor(a, 3));
show("defineProperty ok", Reflect.defineProperty(a, 0, { value: 42 }) + " " + a[0]);
show("defineProperty bad", [Reflect.defineProperty(a, 0, { value: 1, writable: false }), Reflect.defineProperty(a, 0, { get: function () {} }), Reflect.defineProperty(a, 0, { value: 1, enumerable: false }), Reflect.defineProperty(a, 7, { value: 1 }), Reflect.defineProperty(a, "-0", { value: 1 })].join());
show("freeze", err(function () { Object.freeze(a); }) + " " + err(function () { Object.freeze(new Int8Array(0)); }) + " " + Object.isFrozen(new Int8Array(0)));
var child = Object.create(a);
child[0] = 77; child[100] = 5;
show("proto chain", a[0] + " " + child.hasOwnProperty(0) + " " + child[100] + " " + child.hasOwnProperty(100));
var coerced = 0;
a[1] = { valueOf: function () { coerced++; return 55; } };
a[99] = { valueOf: function () { coerced++; return 55; } };
show("set coerces even out of range", coerced + " " + a[1]);
var forin = []; for (var k in new Uint16Array(3)) forin.push(k);
show("for-in", forin.join());
show("spread/Array.from", [...new Float64Array([0.5, -0.5])].join() + " " + Array.from(new Uint8Array([3, 4])).join());
show("Array.prototype on TA", Array.prototype.map.call(new Int8Array([1, 2]), function (x) { return x + 1; }).join() + " " + Array.prototype.slice.call(new Uint8Array([5, 6, 7]), 1).join() + " " + Array.prototype.includes.call(new Int8Array([1, 2]), 2));
show("Array.isArray", Array.isArray(new Int8Array(1)) + " " + ArrayBuffer.isView(new Int8Array(1)) + " " + ArrayBuffer.isView(new DataView(new ArrayBuffer(1))) + " " + ArrayBuffer.isView([]));

// ArrayBuffer
var buf = new ArrayBuffer(8);
var u8 = new Uint8Array(buf), u32 = new Uint32Array(buf, 4, 1);
u32[0] = 0x01020304;
show("little endian", u8.join());
show("slice", new Uint8Array(buf.slice(4, -1)).join() + " " + buf.slice(-2).byteLength + " " + buf.slice(6, 2).byteLength);
show("fixed", buf.resizable + " " + buf.maxByteLength + " " + err(function () { buf.resize(4); }));
var rb = new ArrayBuffer(4, { maxByteLength: 12 });
var tracking = new Uint16Array(rb), fixed = new Uint16Array(rb, 0, 2), offset = new Uint8Array(rb, 2);
show("resizable", rb.resizable + " " + rb.maxByteLength + " " + tracking.length + " " + fixed.length + " " + offset.length);
rb.resize(10);
show("grown", rb.byteLength + " " + tracking.length + " " + fixed.length + " " + offset.length);
rb.resize(3);
show("shrunk", tracking.length + " " + fixed.length + " " + fixed.byteLength + " " + fixed.byteOffset + " " + offset.length + " " + err(function () { fixed.fill(1); }) + " " + fixed[0]);
rb.resize(1);
show("offset oob", offset.length + " " + offset.byteOffset + " " + err(function () { offset.join(); }) + " " + err(function () { [...offset]; }));
show("resize errors", err(function () { rb.resize(13); }) + " " + err(function () { new ArrayBuffer(5, { maxByteLength: 4 }); }) + " " + err(function () { new ArrayBuffer(-1); }));

// DataView
var dv = new DataView(new ArrayBuffer(16), 2);
dv.setInt16(0, -2); dv.setUint16(2, 0x1234, true); dv.setFloat64(4, Math.PI); dv.setInt8(12, 200);
show("dataview", [dv.getInt16(0), dv.getUint16(0), dv.getUint16(2), dv.getUint16(2, true), dv.getFloat64(4), dv.getFloat64(4, true), dv.getInt8(12), dv.getUint8(12)].join());
dv.setFloat32(0, 1 / 3, true); dv.setUint32(8, -1);
show("dataview 2", dv.getFloat32(0, true) + " " + dv.getInt32(8) + " " + dv.getUint32(8) + " " + dv.byteLength + " " + dv.byteOffset);
show("dataview errors", err(function () { dv.getInt32(11); }) + " " + err(function () { dv.getInt8(-1); }) + " " + err(function () { new DataView({}); }) + " " + err(function () { DataView(new ArrayBuffer(1)); }) + " " + err(function () { new DataView(new ArrayBuffer(2), 3); }));
var rdv = new ArrayBuffer(4, { maxByteLength: 8 });
var tdv = new DataView(rdv, 1);
rdv.resize(8);
show("dataview tracking", tdv.byteLength);
rdv.resize(0);
show("dataview oob", err(function () { return tdv.byteLength; }) + " " + err(function () { tdv.getInt8(0); }));
