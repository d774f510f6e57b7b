// ES2024/2025 features node 20 lacks: Float16Array, Math.f16round, ArrayBuffer transfer/detached.
// Expected output checked against Python's struct 'e' (binary16, round-half-even), the spec and QuickJS-ng
// (which agrees but for printing 2**-24 with more digits than the shortest round trip).
function show(label, v) { console.log(label + ": " + v); }
function err(f) { try { f(); return "no error"; } catch (e) { return e.constructor.name; } }
var xs = [0, -0, 1.5, 0.1, 1.0009765625, 1.00048828125, 1.000732421875, 1.0004882812500002, 65504, 65519.99, 65520, 1e6, 5.960464477539063e-8, 2.9802322387695312e-8, 2.980232238769532e-8, 6.097555160522461e-5, -3.5, 0.333333333, NaN, -Infinity];
var h = new Float16Array(xs);
show("Float16Array", Array.prototype.map.call(h, function (x) { return Object.is(x, -0) ? "-0" : String(x); }).join(","));
show("f16round", xs.map(function (x) { var r = Math.f16round(x); return Object.is(r, -0) ? "-0" : String(r); }).join(","));
var bytes = new Uint8Array(h.buffer, 0, 12);
show("bytes", bytes.join());
var dv = new DataView(new ArrayBuffer(4));
dv.setFloat16(0, 1.337); dv.setFloat16(2, -2.5, true);
show("DataView f16", dv.getFloat16(0) + " " + dv.getFloat16(2, true) + " " + dv.getUint16(0) + " " + dv.getUint16(2, true));
show("Float16Array meta", Float16Array.BYTES_PER_ELEMENT + " " + Float16Array.name + " " + Object.getPrototypeOf(Float16Array).name);
show("seal non-empty", err(function () { Object.seal(new Int8Array(2)); }) + " " + err(function () { Object.seal(new Int8Array(0)); }));
var src = new ArrayBuffer(4); new Uint8Array(src).set([9, 8, 7, 6]);
var view = new Uint8Array(src);
var moved = src.transfer(6);
show("transfer", src.detached + " " + src.byteLength + " " + moved.byteLength + " " + new Uint8Array(moved).join() + " " + view.length + " " + view[0] + " " + err(function () { view.join(); }));
show("detached ops", err(function () { src.slice(); }) + " " + err(function () { new Uint8Array(src); }) + " " + err(function () { new DataView(src); }) + " " + err(function () { src.transfer(); }));
var r2 = new ArrayBuffer(2, { maxByteLength: 8 }).transfer();
show("transfer keeps resizable", r2.resizable + " " + r2.maxByteLength + " " + r2.transferToFixedLength().resizable);
var shrink = new ArrayBuffer(4).transfer(2);
show("transfer shrink", shrink.byteLength + " " + shrink.detached);
