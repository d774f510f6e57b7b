const log = [];
const out = (s) => log.push(s);
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
class Cache {
  #store = new Map();
  #pending = new Map();
  #loads = 0;
  constructor(loader) { this.loader = loader; }
  async get(key) {
    if (this.#store.has(key)) return this.#store.get(key);
    if (this.#pending.has(key)) return this.#pending.get(key);
    const p = (async () => {
      this.#loads++;
      const v = await this.loader(key);
      this.#store.set(key, v);
      this.#pending.delete(key);
      return v;
    })();
    this.#pending.set(key, p);
    return p;
  }
  get loads() { return this.#loads; }
}
class Mutex {
  #last = Promise.resolve();
  lock() {
    let release;
    const next = new Promise((r) => (release = r));
    const prev = this.#last;
    this.#last = next;
    return prev.then(() => release);
  }
}
class Resource {
  static #opened = 0;
  static async open(name) { await null; Resource.#opened++; return new Resource(name); }
  constructor(name) { this.name = name; this.closed = false; }
  async close() { await null; this.closed = true; Resource.#opened--; }
  static get opened() { return Resource.#opened; }
}
async function withResource(name, fn) {
  const r = await Resource.open(name);
  try { return await fn(r); } finally { await r.close(); }
}
async function main() {
  const cache = new Cache(async (k) => { await sleep(2); return k.toUpperCase(); });
  const results = await Promise.all([cache.get("a"), cache.get("a"), cache.get("b"), cache.get("a")]);
  out("cache results: " + results.join(",") + " loads " + cache.loads);
  out("cached hit: " + (await cache.get("b")) + " loads " + cache.loads);
  const mutex = new Mutex();
  const events = [];
  async function critical(name, ms) {
    const release = await mutex.lock();
    events.push(name + " enter");
    await sleep(ms);
    events.push(name + " exit");
    release();
  }
  await Promise.all([critical("first", 5), critical("second", 0), critical("third", 1)]);
  out("mutex: " + events.join(", "));
  const v = await withResource("db", async (r) => { out("using " + r.name + " opened=" + Resource.opened); return "query result"; });
  out("after use: " + v + " opened=" + Resource.opened);
  try {
    await withResource("file", async () => { throw new Error("use failed"); });
  } catch (e) {
    out("error path: " + e.message + " opened=" + Resource.opened);
  }
  class Base { async value() { return "base"; } }
  class Derived extends Base { async value() { return "derived+" + (await super.value()); } }
  out("async super call: " + (await new Derived().value()));
  const obj = { async *[Symbol.asyncIterator]() { yield "x"; yield "y"; } };
  const got = [];
  for await (const v of obj) got.push(v);
  out("async generator method: " + got.join(""));
}
main().then(() => console.log(log.join("\n")));
