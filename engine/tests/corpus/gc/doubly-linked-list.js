// A doubly linked list with many insertions/removals; removed nodes become garbage.
class Node {
  constructor(value) { this.value = value; this.prev = null; this.next = null; }
}
class List {
  constructor() { this.head = null; this.tail = null; this.size = 0; }
  push(v) {
    const n = new Node(v);
    if (!this.tail) this.head = this.tail = n;
    else { n.prev = this.tail; this.tail.next = n; this.tail = n; }
    this.size++;
    return n;
  }
  remove(n) {
    if (n.prev) n.prev.next = n.next; else this.head = n.next;
    if (n.next) n.next.prev = n.prev; else this.tail = n.prev;
    n.prev = n.next = null;
    this.size--;
  }
  toArray() { const r = []; for (let c = this.head; c; c = c.next) r.push(c.value); return r; }
  backwards() { const r = []; for (let c = this.tail; c; c = c.prev) r.push(c.value); return r; }
}
const list = new List();
const handles = [];
for (let i = 0; i < 100; i++) handles.push(list.push({ id: i, tags: ["t" + (i % 3)] }));
for (let i = 0; i < 100; i++) if (i % 4 !== 1) list.remove(handles[i]);
console.log("size " + list.size + " forward " + list.toArray().map((v) => v.id).join(","));
console.log("backward matches: " + (list.backwards().map((v) => v.id).join() === list.toArray().map((v) => v.id).reverse().join()));
// LRU cache built on the list
class LRU {
  constructor(cap) { this.cap = cap; this.map = new Map(); this.list = new List(); this.evicted = []; }
  get(k) {
    const n = this.map.get(k);
    if (!n) return undefined;
    this.list.remove(n);
    this.map.set(k, this.list.push(n.value));
    return n.value.v;
  }
  set(k, v) {
    if (this.map.has(k)) this.list.remove(this.map.get(k));
    this.map.set(k, this.list.push({ k, v }));
    if (this.list.size > this.cap) {
      const old = this.list.head;
      this.list.remove(old);
      this.map.delete(old.value.k);
      this.evicted.push(old.value.k);
    }
  }
}
const lru = new LRU(5);
for (let i = 0; i < 40; i++) {
  lru.set("k" + (i % 9), "v" + i);
  if (i % 3 === 0) lru.get("k" + ((i + 4) % 9));
}
console.log("lru contents: " + lru.list.toArray().map((e) => e.k + "=" + e.v).join(" "));
console.log("evicted count: " + lru.evicted.length + " last " + lru.evicted.slice(-5).join(","));
