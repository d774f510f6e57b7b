// Maps and Sets keyed by objects; removed keys become garbage.
const keys = [];
const m = new Map();
const s = new Set();
for (let i = 0; i < 50; i++) {
  const k = { id: i };
  m.set(k, { value: i * i, tag: "t" + i });
  s.add(k);
  if (i % 5 === 0) keys.push(k);
}
for (const k of [...m.keys()]) if (k.id % 2 === 1) { m.delete(k); s.delete(k); }
console.log("sizes: " + m.size + " " + s.size);
console.log("kept keys lookup: " + keys.map((k) => (m.has(k) ? m.get(k).value : "gone")).join(","));
// rehash-like churn: add and delete many entries
for (let round = 0; round < 5; round++) {
  const temp = [];
  for (let i = 0; i < 30; i++) { const k = { round, i }; temp.push(k); m.set(k, i); }
  for (const k of temp) if (k.i % 3) m.delete(k);
}
console.log("after churn size: " + m.size);
let sumIds = 0, sumValues = 0;
for (const [k, v] of m) { if ("id" in k) { sumIds += k.id; sumValues += v.value; } }
console.log("original entries intact: " + sumIds + " " + sumValues);
const order = [...m.keys()].slice(0, 5).map((k) => ("id" in k ? "id" + k.id : "r" + k.round + "i" + k.i));
console.log("insertion order preserved: " + order.join(","));
// Set of objects referenced only by the set
const lonely = new Set();
for (let i = 0; i < 20; i++) lonely.add({ n: i, arr: [i] });
let total = 0;
for (const o of lonely) total += o.n + o.arr[0];
console.log("set-only objects: " + total);
// object values holding keys of other maps
const graph = new Map();
const nodes = Array.from({ length: 10 }, (_, i) => ({ name: "n" + i }));
nodes.forEach((n, i) => graph.set(n, new Set([nodes[(i + 1) % 10], nodes[(i + 3) % 10]])));
let reach = new Set([nodes[0]]);
for (let step = 0; step < 3; step++) {
  const next = new Set(reach);
  for (const n of reach) for (const nb of graph.get(n)) next.add(nb);
  reach = next;
}
console.log("reachable in 3 steps: " + [...reach].map((n) => n.name).sort().join(","));
