const log = [];
const out = (s) => log.push(s);
async function* from(iterable, ms = 0) {
  for (const v of iterable) {
    if (ms) await new Promise((r) => setTimeout(r, ms));
    else await null;
    yield v;
  }
}
async function* map(src, f) { for await (const v of src) yield await f(v); }
async function* filter(src, p) { for await (const v of src) if (await p(v)) yield v; }
async function* take(src, n) {
  if (n <= 0) return;
  for await (const v of src) { yield v; if (--n === 0) return; }
}
async function* batch(src, size) {
  let buf = [];
  for await (const v of src) { buf.push(v); if (buf.length === size) { yield buf; buf = []; } }
  if (buf.length) yield buf;
}
async function toArray(src) { const r = []; for await (const v of src) r.push(v); return r; }
async function* naturals() { let i = 0; try { while (true) { await null; yield i++; } } finally { out("naturals closed at " + i); } }
async function main() {
  out("map/filter: " + (await toArray(map(filter(from([1, 2, 3, 4, 5, 6]), async (x) => x % 2 === 0), async (x) => x * x))).join(","));
  out("take from infinite: " + (await toArray(take(map(naturals(), (x) => x * 3), 4))).join(","));
  out("batch: " + JSON.stringify(await toArray(batch(from("abcdefg"), 3))));
  const interleaved = [];
  const a = (async () => { for await (const v of from(["a1", "a2", "a3"], 1)) interleaved.push(v); })();
  const b = (async () => { for await (const v of from(["b1", "b2", "b3"])) interleaved.push(v); })();
  await Promise.all([a, b]);
  out("b finishes before a: " + (interleaved.indexOf("b3") < interleaved.indexOf("a3")) + " total " + interleaved.length);
  // error propagation through the pipeline
  async function* explode() { yield 1; throw new Error("source exploded"); }
  try { await toArray(map(explode(), (x) => x)); } catch (e) { out("pipeline error: " + e.message); }
  // reduce over async iterable
  let sum = 0;
  for await (const v of take(naturals(), 101)) sum += v;
  out("sum 0..100: " + sum);
  // async iterable from event-like callback source
  function eventSource(events) {
    const queue = [...events];
    return {
      [Symbol.asyncIterator]() {
        return {
          next: () => new Promise((r) => setTimeout(() => r(queue.length ? { value: queue.shift(), done: false } : { value: undefined, done: true }), 0)),
        };
      },
    };
  }
  out("event source: " + (await toArray(eventSource(["click", "key", "scroll"]))).join(","));
}
main().then(() => console.log(log.join("\n")));
