// WeakMap/WeakSet whose keys die; only deterministic facts are printed.
const wm = new WeakMap();
const ws = new WeakSet();
const live = [];
for (let i = 0; i < 100; i++) {
  const k = { i };
  wm.set(k, { payload: "p" + i, back: k });
  ws.add(k);
  if (i % 10 === 0) live.push(k);
}
// create garbage to give the collector a chance
for (let i = 0; i < 200; i++) { const junk = { i, arr: [i, i] }; junk.arr.push(junk); }
console.log("live keys present: " + live.every((k) => wm.has(k) && ws.has(k)));
console.log("values intact: " + live.map((k) => wm.get(k).payload).join(","));
console.log("value points back to key: " + live.every((k) => wm.get(k).back === k));
console.log("fresh object absent: " + wm.has({ i: 0 }) + " " + ws.has({}));
// ephemeron chain: value of one entry is key of the next, head kept alive
const chain = new WeakMap();
let head = { n: 0 };
let cur = head;
for (let i = 1; i < 20; i++) {
  const next = { n: i };
  chain.set(cur, next);
  cur = next;
}
for (let i = 0; i < 100; i++) ({ junk: i });
let len = 0;
for (let c = head; chain.has(c); c = chain.get(c)) len++;
console.log("ephemeron chain length from live head: " + len);
// deleting live keys
for (let i = 0; i < live.length; i += 2) wm.delete(live[i]);
console.log("after deleting half: " + live.map((k) => (wm.has(k) ? 1 : 0)).join(""));
// WeakMap used as per-object private storage in a churning workload
const priv = new WeakMap();
class Thing {
  constructor(v) { priv.set(this, { v, history: [v] }); }
  bump() { const p = priv.get(this); p.v++; p.history.push(p.v); return this; }
  get v() { return priv.get(this).v; }
}
const kept = [];
for (let i = 0; i < 50; i++) {
  const t = new Thing(i).bump().bump();
  if (i % 7 === 0) kept.push(t);
}
console.log("kept things: " + kept.map((t) => t.v).join(",") + " history " + priv.get(kept[1]).history.join(">"));
// key kept alive only by another WeakMap's value which is itself live
const outer = new WeakMap();
const anchor = {};
const innerKey = { name: "inner" };
outer.set(anchor, innerKey);
wm.set(innerKey, "reachable through outer value");
for (let i = 0; i < 100; i++) [i, { i }];
console.log("transitively live: " + wm.get(outer.get(anchor)));
