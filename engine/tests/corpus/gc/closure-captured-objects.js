// Objects reachable only through closures' captured variables must survive
// while plenty of garbage is created.
function makeAccumulator(label) {
  const state = { label, items: [], total: 0 };
  return {
    add(n) { state.items.push({ n, sq: n * n }); state.total += n; return state.total; },
    report() { return state.label + ": " + state.items.map((i) => i.sq).join(",") + " total " + state.total; },
  };
}
const accs = [];
for (let i = 0; i < 5; i++) accs.push(makeAccumulator("acc" + i));
for (let round = 0; round < 10; round++) {
  let garbage = [];
  for (let j = 0; j < 20; j++) garbage.push({ round, j, text: "g" + j });
  garbage = null;
  accs[round % 5].add(round);
}
for (const a of accs) console.log(a.report());

// closure chain: each closure captures the previous one
let chain = () => 0;
for (let i = 1; i <= 30; i++) {
  const prev = chain;
  const box = { v: i };
  chain = () => box.v + prev();
  const junk = new Array(5).fill(i);
  junk.length = 0;
}
console.log("closure chain sum: " + chain());

// captured variable reassigned: old value must become collectable, new one live
function holder() {
  let current = { id: 0, payload: "x".repeat(10) };
  return {
    swap(id) { current = { id, payload: String(id).repeat(3) }; },
    get() { return current.id + ":" + current.payload; },
  };
}
const h = holder();
for (let i = 1; i <= 50; i++) h.swap(i);
console.log("holder: " + h.get());

// shared captured environment between two closures
function pair() {
  const shared = [];
  return [(v) => shared.push({ v }), () => shared.map((o) => o.v).join("")];
}
const [push, read] = pair();
"collected".split("").forEach((ch) => { push(ch); const tmp = { ch, copy: [ch, ch] }; tmp.copy.push(tmp); });
console.log("shared env: " + read());
