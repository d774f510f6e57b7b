// map-set.js: keyed-collection workloads: word frequencies in a Map with string keys, a
// random graph as a Map of Sets explored by breadth-first search and union of components,
// set algebra (union, intersection, difference) on integer Sets, an LRU cache built on a
// Map's insertion order, and a Map keyed by objects. Exercises Map/Set get/set/has/delete,
// iteration (for-of, keys, values, entries, forEach) and hashing of strings and numbers.

function makeRng(seed) {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 0;
    return s % n;
  };
}

function wordFrequencies(rand, count) {
  const letters = "etaoinshrdlucmfw";
  const freq = new Map();
  for (let i = 0; i < count; i++) {
    let w = "";
    const len = 1 + rand(4);
    for (let j = 0; j < len; j++) w += letters[rand(letters.length)];
    freq.set(w, (freq.get(w) || 0) + 1);
  }
  let best = "";
  let bestCount = 0;
  for (const [w, c] of freq) {
    if (c > bestCount || (c === bestCount && w < best)) {
      best = w;
      bestCount = c;
    }
  }
  return { distinct: freq.size, best, bestCount };
}

function randomGraph(rand, nodes, edges) {
  const adj = new Map();
  for (let i = 0; i < nodes; i++) adj.set(i, new Set());
  for (let e = 0; e < edges; e++) {
    const a = rand(nodes);
    const b = rand(nodes);
    if (a === b) continue;
    adj.get(a).add(b);
    adj.get(b).add(a);
  }
  return adj;
}

function bfs(adj, start) {
  const dist = new Map([[start, 0]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    const d = dist.get(v) + 1;
    for (const w of adj.get(v)) {
      if (!dist.has(w)) {
        dist.set(w, d);
        queue.push(w);
      }
    }
  }
  return dist;
}

function components(adj) {
  const seen = new Set();
  const sizes = [];
  for (const v of adj.keys()) {
    if (seen.has(v)) continue;
    const reached = bfs(adj, v);
    reached.forEach((_, w) => seen.add(w));
    sizes.push(reached.size);
  }
  return sizes.sort((a, b) => b - a);
}

function setAlgebra(rand, size) {
  const a = new Set();
  const b = new Set();
  while (a.size < size) a.add(rand(size * 4));
  while (b.size < size) b.add(rand(size * 4));
  const union = new Set(a);
  for (const x of b) union.add(x);
  const inter = new Set([...a].filter((x) => b.has(x)));
  const diff = new Set();
  a.forEach((x) => {
    if (!b.has(x)) diff.add(x);
  });
  if (union.size !== a.size + b.size - inter.size || diff.size !== a.size - inter.size) throw new Error("map-set: set algebra");
  for (const x of inter) {
    diff.delete(x); // no-ops: x is in b
    union.delete(x);
  }
  return `${union.size}/${inter.size}/${diff.size}`;
}

class LruCache {
  constructor(capacity) {
    this.capacity = capacity;
    this.map = new Map();
    this.hits = 0;
    this.misses = 0;
  }

  get(key, compute) {
    if (this.map.has(key)) {
      const v = this.map.get(key);
      this.map.delete(key); // move to the most recent end
      this.map.set(key, v);
      this.hits++;
      return v;
    }
    this.misses++;
    const v = compute(key);
    this.map.set(key, v);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value);
    return v;
  }
}

function lruWorkload(rand, requests) {
  const cache = new LruCache(256);
  let sum = 0;
  for (let i = 0; i < requests; i++) {
    // A skewed key distribution: mostly a hot set, sometimes anything.
    const key = rand(4) === 0 ? "k" + rand(5000) : "k" + rand(300);
    sum += cache.get(key, (k) => k.length * 7 + k.charCodeAt(1));
  }
  return `${cache.hits}/${cache.misses}/${sum}`;
}

function objectKeys(rand, count) {
  const objs = Array.from({ length: 200 }, (_, i) => ({ id: i }));
  const tally = new Map();
  for (let i = 0; i < count; i++) {
    const o = objs[rand(objs.length)];
    tally.set(o, (tally.get(o) || 0) + 1);
  }
  let weighted = 0;
  for (const [o, n] of tally.entries()) weighted += o.id * n;
  let total = 0;
  for (const n of tally.values()) total += n;
  if (total !== count) throw new Error("map-set: object-key tally");
  return weighted;
}

const rand = makeRng(31337);
const words = wordFrequencies(rand, 36000);
const graph = randomGraph(rand, 5000, 4400);
const sizes = components(graph);
const hub = [...graph.keys()].reduce((best, v) => (graph.get(v).size > graph.get(best).size ? v : best), 0);
const far = bfs(graph, hub);
let maxDist = 0;
for (const d of far.values()) if (d > maxDist) maxDist = d;
const algebra = setAlgebra(rand, 12000);
const lru = lruWorkload(rand, 36000);
const weighted = objectKeys(rand, 36000);

const summary = `${words.distinct} ${words.best}:${words.bestCount} ${sizes.length} ${sizes[0]} ${maxDist} ${algebra} ${lru} ${weighted}`;
if (summary !== "12416 a:610 1071 3577 23 18034/2983/9017 16225/19775/2814373 3598617") throw new Error(`map-set: ${summary}`);
console.log(`map-set: ${words.distinct} words, ${sizes.length} components, sets ${algebra}, lru ${lru.split("/").slice(0, 2).join("/")}`);
