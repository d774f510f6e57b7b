// Deleting entries from the front of a Map/Set while iterators are live, re-adding, clearing:
// iteration order and cursors must follow the spec (entries deleted before a cursor reaches
// them are skipped, entries added are visited).
const s = new Set();
for (let i = 0; i < 100; i++) s.add(i);
const it = s.values();
const out = [];
for (let i = 0; i < 60; i++) {
    const first = s.values().next().value;
    s.delete(first);
    if (i % 7 === 0) s.add(1000 + i);
    if (i % 10 === 0) out.push(it.next().value);
}
console.log(out.join(","));
console.log([...s].slice(0, 5).join(","), s.size);
const rest = [];
for (let x = it.next(); !x.done; x = it.next()) rest.push(x.value);
console.log(rest.length, rest[0], rest[rest.length - 1]);

const m = new Map();
for (let i = 0; i < 40; i++) m.set("k" + i, i);
const seen = [];
for (const [k, v] of m) {
    seen.push(v);
    m.delete(k);
    if (v < 5) m.set("again" + v, 100 + v);
}
console.log(seen.join(","), m.size);
m.set("a", 1);
const mi = m.keys();
m.delete("a");
m.set("b", 2);
console.log(JSON.stringify([...mi]));
s.clear();
s.add("x");
console.log([...s].join(","), s.values().next().value);
const big = new Set();
for (let i = 0; i < 20000; i++) big.add(i);
let sum = 0;
for (let i = 0; i < 20000; i++) {
    const v = big.values().next().value;
    big.delete(v);
    sum += v;
}
console.log(sum, big.size, big.values().next().done);
