// Hot loops entered mid-way (on-stack replacement) whose types change inside the loop.
let x = 0;
for (let i = 0; i < 200000; i++) {
  x += i % 3;
  if (i === 150000) x = x + 0.25;
}
console.log(x);
let s = "";
for (let i = 0; i < 30000; i++) {
  if (i === 20000) s = 0;
  s += i % 10;
}
console.log(typeof s, String(s).length);
function nested(n) {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const row = { i, sq: i * i };
    for (let j = 0; j < 10; j++) total += row.sq % (j + 1) + row.i;
    if (i === n - 5) row.extra = 1;
  }
  return total;
}
console.log(nested(10), nested(20000));
const pts = [];
for (let i = 0; i < 1000; i++) pts.push(i % 2 ? { x: i, y: 1 } : { y: 2, x: i });
let sx = 0;
for (let k = 0; k < 100; k++) for (let i = 0; i < pts.length; i++) sx += pts[i].x;
console.log(sx);
// Loop counter that overflows int32.
let big = 2147483000;
for (let i = 0; i < 100000; i++) big++;
console.log(big);
