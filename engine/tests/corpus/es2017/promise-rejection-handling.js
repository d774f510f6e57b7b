const log = [];
const out = (s) => log.push(s);
async function fails(msg) { throw new Error(msg); }
async function main() {
  try {
    await fails("awaited rejection");
  } catch (e) {
    out("try/catch around await: " + e.message);
  }
  const r = await fails("handled with catch").catch((e) => "recovered from " + e.message);
  out(r);
  try {
    await Promise.reject(42);
  } catch (e) {
    out("non-error rejection: " + e + " " + typeof e);
  }
  const results = await Promise.all([
    fails("a").catch((e) => "caught " + e.message),
    Promise.resolve("fine"),
  ]);
  out("per-item catch: " + results.join(", "));
  // finally runs for both outcomes
  for (const p of [Promise.resolve("ok"), Promise.reject(new Error("bad"))]) {
    try {
      await p.finally(() => out("finally ran"));
      out("fulfilled path");
    } catch (e) {
      out("rejected path: " + e.message);
    }
  }
  // throw inside then handler
  const v = await Promise.resolve(1).then(() => { throw new SyntaxError("in then"); }).then(() => "skipped", (e) => "second arg handles " + e.name);
  out(v);
  // error in catch handler propagates
  try {
    await Promise.reject(new Error("first")).catch(() => { throw new Error("second"); });
  } catch (e) {
    out("error from catch handler: " + e.message);
  }
  // rejection with a promise as reason is not unwrapped
  const inner = Promise.resolve("inner");
  try {
    await Promise.reject(inner);
  } catch (e) {
    out("reason is the promise itself: " + (e === inner));
  }
  // async function that returns a rejected promise
  async function returnsRejected() { return Promise.reject(new Error("returned rejection")); }
  try { await returnsRejected(); } catch (e) { out(e.message); }
  // synchronous throw inside async function still rejects (no sync throw)
  let syncThrow = false;
  let p;
  try { p = fails("sync part"); } catch (e) { syncThrow = true; }
  out("async throw is not synchronous: " + !syncThrow);
  await p.catch(() => {});
  // nested async error chain with cause
  async function level3() { throw new Error("level3"); }
  async function level2() { try { await level3(); } catch (e) { throw new Error("level2", { cause: e }); } }
  try { await level2(); } catch (e) { out("chain: " + e.message + " <- " + e.cause.message); }
  // rejection handled later in the same tick is fine
  const late = Promise.reject(new Error("late handled"));
  await null;
  late.catch((e) => out("late handler: " + e.message));
}
main().then(() => setTimeout(() => console.log(log.join("\n")), 0));
