// Math.pow and ** must give V8's results to the last bit (V8 uses its own variant of fdlibm's
// e_pow.c). Prints the bits of the results for a grid of special values and for pseudo-random
// pairs, and a hash over many more pairs; the expected output was produced by node.
const dv = new DataView(new ArrayBuffer(8));
function hex(x) {
    if (x !== x) return "NaN";
    dv.setFloat64(0, x);
    return dv.getUint32(0).toString(16).padStart(8, "0") + dv.getUint32(4).toString(16).padStart(8, "0");
}
let seed = 0x2545f491;
function r32() {
    seed ^= seed << 13;
    seed >>>= 0;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    seed >>>= 0;
    return seed;
}
function bits() {
    dv.setUint32(0, r32());
    dv.setUint32(4, r32());
    return dv.getFloat64(0);
}
const specials = [0, -0, Infinity, -Infinity, NaN, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 0.25, 1.5, -1.5, 1e308, -1e308, 5e-324, -5e-324,
    2.2250738585072014e-308, 2 ** 31 + 0.5, 2 ** 53, -(2 ** 53) - 2, 2 ** 64, 1 + 2 ** -52, 1 - 2 ** -53, 1024, -1075, 0.1, 10, 1 / 3];
function pick() {
    const k = r32() % 9;
    if (k === 0) return bits();
    if (k === 1) return (r32() % 41) - 20;
    if (k === 2) return (r32() / 4294967296) * 4 - 2;
    if (k === 3) return 1 + (r32() / 4294967296 - 0.5) * 1e-6;
    if (k === 4) return (r32() / 4294967296 - 0.5) * 2000;
    if (k === 5) return specials[r32() % specials.length];
    if (k === 6) return (r32() % 2001) / 2 - 500;
    if (k === 7) return (r32() & 1 ? -1 : 1) * Math.exp((r32() / 4294967296 - 0.5) * 1400);
    return (r32() / 4294967296) * 100;
}

let lines = [];
let agree = true;
for (const x of specials) {
    const row = [];
    for (const y of specials) {
        const a = Math.pow(x, y);
        if (hex(a) !== hex(x ** y)) agree = false;
        row.push(hex(a));
    }
    lines.push(row.join(" "));
}
console.log("special grid " + specials.length + "x" + specials.length);
console.log(lines.join("\n"));

lines = [];
for (let i = 0; i < 1500; i++) {
    const x = pick(), y = pick();
    const a = Math.pow(x, y);
    if (hex(a) !== hex(x ** y)) agree = false;
    lines.push(hex(x) + " " + hex(y) + " " + hex(a));
}
console.log("random pairs");
console.log(lines.join("\n"));

// FNV-1a over the result bits of many more pairs.
let h = 0x811c9dc5;
for (let i = 0; i < 60000; i++) {
    const x = pick(), y = pick();
    const s = hex(x ** y);
    for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 16777619) >>> 0;
}
console.log("hash of 60000 more results: " + h.toString(16));
console.log("Math.pow agrees with **: " + agree);
