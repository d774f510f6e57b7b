const vals = [0, -0, 1, -1, 2147483647, -2147483648, 0.5, -0.5, 1e308, -1e308, Infinity, -Infinity, NaN, 3, 7, "2", null, undefined, true];
function show(x) { return Object.is(x, -0) ? "-0" : String(x); }
let out = [];
for (let k = 0; k < 3; k++) {
  for (const a of vals) for (const b of vals) {
    out.push([a + b, a - b, a * b, a / b, a < b, a <= b, a > b, a >= b].map(show).join(","));
  }
}
let h = 0; const s = out.join(";"); for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
console.log(out.length, h, out[40], out[100]);
