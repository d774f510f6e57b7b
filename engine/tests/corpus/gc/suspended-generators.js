// Suspended generator and async frames keep their locals alive across collections.
function* holder(n) {
  const big = Array.from({ length: n }, (_, i) => ({ i, sq: i * i }));
  let idx = 0;
  while (idx < big.length) {
    const cmd = yield big[idx].sq;
    idx += cmd === "skip" ? 2 : 1;
  }
  return big.length;
}
const gens = [holder(10), holder(6), holder(8)];
const firsts = gens.map((g) => g.next().value);
for (let i = 0; i < 300; i++) { const junk = { i, s: "junk" + i }; }
const seconds = gens.map((g) => g.next("skip").value);
console.log("firsts " + firsts.join(",") + " seconds " + seconds.join(","));
const drained = gens.map((g) => { let last; for (const v of { [Symbol.iterator]: () => g }) last = v; return last; });
console.log("drained last values: " + drained.join(","));
// closures created inside generator survive after it finishes
function* makeFns() {
  for (let i = 0; i < 5; i++) {
    const captured = { i, label: "fn" + i };
    yield () => captured.label + ":" + captured.i;
  }
}
const fns = [...makeFns()];
for (let i = 0; i < 200; i++) [i, [i]];
console.log("generator closures: " + fns.map((f) => f()).join(" "));
// async function suspended on a promise holds its frame
const log = [];
let release;
const gate = new Promise((r) => { release = r; });
async function waiter(id) {
  const local = { id, data: Array.from({ length: 5 }, (_, i) => id * 10 + i) };
  await gate;
  return local.data.reduce((a, b) => a + b, 0) + ":" + local.id;
}
const waiting = [1, 2, 3].map(waiter);
for (let i = 0; i < 300; i++) ({ garbage: [i] });
release();
Promise.all(waiting).then((r) => {
  log.push("async frames: " + r.join(" "));
  console.log(log.join("\n"));
});
