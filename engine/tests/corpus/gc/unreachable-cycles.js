// Create cyclic structures that become unreachable; survivors must be intact.
function makeCycle(n, tag) {
  const nodes = [];
  for (let i = 0; i < n; i++) nodes.push({ tag, i, next: null, prev: null });
  for (let i = 0; i < n; i++) {
    nodes[i].next = nodes[(i + 1) % n];
    nodes[(i + 1) % n].prev = nodes[i];
  }
  return nodes[0];
}
function ringLength(start) {
  let len = 1;
  for (let cur = start.next; cur !== start; cur = cur.next) len++;
  return len;
}
const survivors = [];
for (let round = 0; round < 40; round++) {
  const ring = makeCycle(8, "r" + round);
  if (round % 10 === 0) survivors.push(ring);
}
console.log("survivors: " + survivors.length + " lengths " + survivors.map(ringLength).join(","));
console.log("survivor tags: " + survivors.map((r) => r.tag + "/" + r.prev.i).join(" "));

// self-referential objects and mutual references through arrays and maps
let keep = null;
for (let i = 0; i < 30; i++) {
  const a = { name: "a" + i };
  const b = { name: "b" + i, a };
  a.b = b;
  a.self = a;
  const arr = [a, b];
  a.arr = arr;
  b.map = new Map([[a, b], [b, a]]);
  if (i === 17) keep = b;
}
console.log("kept: " + keep.name + " " + keep.a.name + " " + keep.a.b.name + " " + keep.map.get(keep.a).name + " " + (keep.a.self === keep.a) + " " + keep.a.arr.length);

// cycle through closures
function cyclicClosure(i) {
  const obj = { i };
  obj.fn = () => obj.i;
  return obj;
}
let lastClosure;
for (let i = 0; i < 50; i++) lastClosure = cyclicClosure(i).fn;
console.log("closure cycle survivor: " + lastClosure());

// breaking a cycle then dropping it
const big = makeCycle(20, "big");
let cur = big;
for (let i = 0; i < 10; i++) cur = cur.next;
cur.prev.next = null;
let count = 0;
for (let c = big; c; c = c.next) count++;
console.log("after breaking cycle, chain from start: " + count);
