const log = [];
const out = (s) => log.push(s);
async function* gen() {
  out("gen start");
  const x = yield "first";
  out("gen received " + x);
  try {
    yield "second";
  } catch (e) {
    out("gen caught " + e);
    yield "after catch";
  }
  return "gen return";
}
async function main() {
  const g = gen();
  out("created");
  const r1 = g.next("ignored");
  out("next returns promise: " + (r1 instanceof Promise));
  out(JSON.stringify(await r1));
  out(JSON.stringify(await g.next("X")));
  out(JSON.stringify(await g.throw("E")));
  out(JSON.stringify(await g.next()));
  out(JSON.stringify(await g.next()));
  // requests are queued: calling next several times without awaiting
  async function* slow() {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 1));
      yield i;
    }
  }
  const s = slow();
  const results = await Promise.all([s.next(), s.next(), s.next(), s.next()]);
  out("queued: " + results.map((r) => (r.done ? "done" : r.value)).join(","));
  // yield awaits promises
  async function* yieldsPromise() { yield Promise.resolve("unwrapped"); }
  out("yield unwraps: " + (await yieldsPromise().next()).value);
  // return() on suspended generator runs finally
  async function* withFinally() { try { yield 1; yield 2; } finally { out("finally in async gen"); } }
  const wf = withFinally();
  await wf.next();
  out("return: " + JSON.stringify(await wf.return("R")));
  // return() awaits its argument
  const fresh = withFinally();
  out("return on fresh: " + JSON.stringify(await fresh.return(Promise.resolve("awaited arg"))));
  // yield* over async and sync iterables
  async function* inner() { yield "i1"; yield "i2"; return "inner done"; }
  async function* outer() { const r = yield* inner(); yield r; yield* ["s1", "s2"]; }
  const collected = [];
  for await (const v of outer()) collected.push(v);
  out("yield*: " + collected.join(","));
  // rejected yield value throws into generator
  async function* rejectYield() {
    try { yield Promise.reject(new Error("rejected yield")); } catch (e) { yield "caught inside: " + e.message; }
  }
  const ry = rejectYield();
  out(JSON.stringify(await ry.next()));
  // merging async sources by round-robin
  async function* merge(...sources) {
    const its = sources.map((s) => s[Symbol.asyncIterator]());
    while (its.length) {
      for (let i = 0; i < its.length; i++) {
        const r = await its[i].next();
        if (r.done) { its.splice(i, 1); i--; } else yield r.value;
      }
    }
  }
  async function* letters() { yield "a"; yield "b"; yield "c"; }
  async function* numbers() { yield 1; yield 2; }
  const merged = [];
  for await (const v of merge(letters(), numbers())) merged.push(v);
  out("merged: " + merged.join(""));
}
main().then(() => console.log(log.join("\n")));
