const log = [];
const out = (s) => log.push(s);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
class Scheduler {
  #queue = [];
  #running = 0;
  #limit;
  #idleWaiters = [];
  constructor(limit) { this.#limit = limit; }
  run(name, fn) {
    return new Promise((resolve, reject) => {
      this.#queue.push({ name, fn, resolve, reject });
      this.#pump();
    });
  }
  async #start(job) {
    this.#running++;
    out(`start ${job.name} (running ${this.#running})`);
    try {
      job.resolve(await job.fn());
    } catch (e) {
      job.reject(e);
    } finally {
      this.#running--;
      out(`end ${job.name}`);
      this.#pump();
    }
  }
  #pump() {
    while (this.#running < this.#limit && this.#queue.length) this.#start(this.#queue.shift());
    if (this.#running === 0 && this.#queue.length === 0) this.#idleWaiters.splice(0).forEach((r) => r());
  }
  idle() { return new Promise((r) => { this.#idleWaiters.push(r); this.#pump(); }); }
}
async function main() {
  const s = new Scheduler(2);
  const results = [];
  const jobs = [
    ["A", 80, "a"], ["B", 5, "b"], ["C", 5, "c"], ["D", 0, null], ["E", 5, "e"],
  ].map(([name, ms, value]) =>
    s.run(name, async () => {
      await sleep(ms);
      if (value === null) throw new Error(name + " failed");
      return value;
    }).then((v) => results.push(name + "=" + v), (e) => results.push(name + " error: " + e.message))
  );
  await Promise.all(jobs);
  await s.idle();
  out("results: " + results.join(", "));
  // retry with exponential-ish backoff (deterministic)
  let attempts = 0;
  async function flaky() { attempts++; await sleep(1); if (attempts < 3) throw new Error("flaky " + attempts); return "succeeded after " + attempts; }
  async function retry(fn, times) {
    for (let i = 0; ; i++) {
      try { return await fn(); } catch (e) { out("retry " + i + ": " + e.message); if (i + 1 >= times) throw e; await sleep(i); }
    }
  }
  out(await retry(flaky, 5));
  // timeout race
  const withTimeout = (p, ms) => Promise.race([p, sleep(ms).then(() => { throw new Error("timeout"); })]);
  try { await withTimeout(sleep(60).then(() => "slow"), 5); } catch (e) { out("timeout race: " + e.message); }
  out("fast enough: " + (await withTimeout(Promise.resolve("quick"), 60)));
}
main().then(() => console.log(log.join("\n")));
