const log = [];
const out = (s) => log.push(s);
async function* countTo(n) {
  for (let i = 1; i <= n; i++) {
    await null;
    yield i;
  }
}
async function* withDelay(items) {
  for (const [v, ms] of items) {
    await new Promise((r) => setTimeout(r, ms));
    yield v;
  }
}
async function main() {
  const got = [];
  for await (const v of countTo(4)) got.push(v);
  out("async generator: " + got.join(","));
  const sync = [];
  for await (const v of [Promise.resolve("p1"), "plain", new Promise((r) => setTimeout(() => r("delayed"), 2))]) sync.push(v);
  out("sync iterable of promises: " + sync.join(","));
  const ordered = [];
  for await (const v of withDelay([["slow", 5], ["fast", 0]])) ordered.push(v);
  out("sequential regardless of delay: " + ordered.join(","));
  // break calls return on async generator (runs finally)
  async function* cleanup() {
    try { yield "a"; yield "b"; yield "c"; } finally { out("async gen finally"); }
  }
  for await (const v of cleanup()) { if (v === "b") break; }
  out("after break");
  // custom async iterable
  const custom = {
    [Symbol.asyncIterator]() {
      let i = 0;
      return {
        next() { i++; return Promise.resolve(i <= 3 ? { value: "c" + i, done: false } : { value: undefined, done: true }); },
        return() { out("custom return called"); return Promise.resolve({ done: true }); }
      };
    }
  };
  const cv = [];
  for await (const v of custom) cv.push(v);
  out("custom async iterable: " + cv.join(","));
  for await (const v of custom) { break; }
  // errors thrown by the async iterator propagate
  async function* failing() { yield 1; throw new Error("gen failed"); }
  try {
    for await (const v of failing()) out("got " + v);
  } catch (e) {
    out("caught: " + e.message);
  }
  // rejected promise in sync iterable
  try {
    for await (const v of [Promise.resolve(1), Promise.reject(new Error("rejected element"))]) out("elem " + v);
  } catch (e) {
    out("caught: " + e.message);
  }
  // destructuring in for await
  async function* pairs() { yield ["k1", 1]; yield ["k2", 2]; }
  for await (const [k, v] of pairs()) out("pair " + k + "=" + v);
  // Symbol.asyncIterator of async generator returns itself
  const ag = countTo(1);
  out("async iterator identity: " + (ag[Symbol.asyncIterator]() === ag) + " tag " + Object.prototype.toString.call(ag));
}
main().then(() => console.log(log.join("\n")));
