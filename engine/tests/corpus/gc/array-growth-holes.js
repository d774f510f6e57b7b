// Arrays growing, shrinking, becoming sparse and dense again.
const a = [];
for (let i = 0; i < 100; i++) a.push({ i });
a.length = 10;
for (let i = 0; i < 50; i++) a.push({ i: 100 + i });
console.log("length " + a.length + " ids " + a.slice(8, 13).map((o) => o.i).join(","));
const sparse = [];
sparse[0] = { v: "first" };
sparse[500] = { v: "far" };
sparse[50] = { v: "middle" };
console.log("sparse length " + sparse.length + " keys " + Object.keys(sparse).join(",") + " " + sparse[500].v);
for (let i = 0; i < 500; i++) if (!(i in sparse)) sparse[i] = { v: i };
console.log("filled: " + sparse.length + " " + sparse[50].v + " " + sparse[499].v + " " + sparse.filter((o) => typeof o.v === "string").length);
sparse.length = 3;
console.log("shrunk: " + sparse.map((o) => o.v).join(","));
const holes = new Array(30);
for (let i = 0; i < 30; i += 3) holes[i] = { i, arr: [i] };
console.log("holes: " + holes.filter(Boolean).length + " " + holes.reduce((acc, o) => acc + o.arr[0], 0));
const matrix = Array.from({ length: 8 }, (_, r) => Array.from({ length: 8 }, (_, c) => ({ r, c })));
for (let r = 0; r < 8; r++) matrix[r].splice(r, 1);
const diag = matrix.map((row, r) => row[Math.min(r, row.length - 1)].c).join(",");
console.log("matrix after splice: " + matrix.map((row) => row.length).join(",") + " diag " + diag);
const flat = matrix.flat();
console.log("flat: " + flat.length + " sum " + flat.reduce((s, o) => s + o.r * 8 + o.c, 0));
let queue = [];
let processed = 0;
for (let i = 0; i < 200; i++) {
  queue.push({ job: i });
  if (i % 3 === 2) { queue.shift(); queue.shift(); processed += 2; }
}
console.log("queue: " + queue.length + " processed " + processed + " head " + queue[0].job + " tail " + queue[queue.length - 1].job);
const nested = [];
for (let i = 0; i < 20; i++) nested.push([i, [i, [i]]]);
const reversed = nested.reverse().map(([a, [b, [c]]]) => a + b + c);
console.log("nested: " + reversed.slice(0, 5).join(",") + " ... " + reversed[19]);
