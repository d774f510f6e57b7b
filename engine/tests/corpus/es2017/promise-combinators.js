const log = [];
const out = (s) => log.push(s);
const delay = (ms, v, fail = false) => new Promise((res, rej) => setTimeout(() => (fail ? rej(v) : res(v)), ms));
async function main() {
  out("all: " + JSON.stringify(await Promise.all([1, Promise.resolve(2), delay(5, 3)])));
  out("all empty: " + JSON.stringify(await Promise.all([])));
  try {
    await Promise.all([delay(10, "slow"), Promise.reject(new Error("fast fail")), delay(1, "x")]);
  } catch (e) {
    out("all rejects with first: " + e.message);
  }
  const settled = await Promise.allSettled([Promise.resolve("ok"), Promise.reject(new Error("bad")), 42]);
  out("allSettled: " + settled.map((r) => r.status + ":" + (r.status === "fulfilled" ? r.value : r.reason.message)).join(", "));
  out("allSettled keys: " + settled.map((r) => Object.keys(r).join("+")).join(" "));
  out("race: " + (await Promise.race([delay(40, "slow"), delay(1, "fast")])));
  try {
    await Promise.race([delay(40, "slow"), delay(1, "fast reject", true)]);
  } catch (e) {
    out("race reject: " + e);
  }
  out("race non-promise wins: " + (await Promise.race([delay(1, "timer"), "immediate"])));
  out("any: " + (await Promise.any([Promise.reject(1), delay(2, "second"), delay(40, "third")])));
  try {
    await Promise.any([Promise.reject(new Error("e1")), Promise.reject(new Error("e2"))]);
  } catch (e) {
    out("any all rejected: " + e.name + " " + (e instanceof AggregateError) + " " + e.errors.map((x) => x.message).join(","));
  }
  try {
    await Promise.any([]);
  } catch (e) {
    out("any empty: " + e.name + " errors " + e.errors.length);
  }
  out("all with iterable: " + JSON.stringify(await Promise.all(new Set([delay(1, "a"), "b"]))));
  // all preserves order regardless of completion order
  out("order preserved: " + (await Promise.all([delay(15, "A"), delay(5, "B"), delay(10, "C")])).join(""));
  // combinators with thenables
  const thenable = { then(res) { res("from thenable"); } };
  out("all thenable: " + (await Promise.all([thenable]))[0]);
  try {
    await Promise.all(5);
  } catch (e) {
    out("non-iterable: " + e.name);
  }
  // concurrency: all starts everything at once
  const started = [];
  const task = (n) => { started.push(n); return delay(1, n); };
  const results = await Promise.all([1, 2, 3].map(task));
  out("started together: " + started.join(",") + " results " + results.join(","));
}
main().then(() => console.log(log.join("\n")));
