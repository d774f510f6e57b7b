const log = [];
const out = (s) => log.push(s);
Promise.resolve(1)
  .then((v) => { out("then got " + v); return v + 1; })
  .then((v) => { out("then got " + v); return new Promise((r) => r(v * 10)); })
  .then((v) => { out("adopted promise value " + v); throw new Error("fail at " + v); })
  .then(() => out("skipped"))
  .catch((e) => { out("caught: " + e.message); return "recovered"; })
  .finally(() => { out("finally (no args)"); return "ignored"; })
  .then((v) => out("after finally value: " + v));

Promise.reject(new TypeError("initial"))
  .then(() => out("not called"), (e) => { out("onRejected: " + e.name); return "from onRejected"; })
  .then((v) => out("continues with " + v));

Promise.resolve("pass")
  .then(null)
  .then(undefined, undefined)
  .then((v) => out("passthrough: " + v));

Promise.reject("pass-reject")
  .then((v) => out("no"))
  .catch((e) => out("rejection passthrough: " + e));

Promise.resolve()
  .finally(() => { throw new Error("finally throws"); })
  .catch((e) => out("finally throw replaces: " + e.message));

Promise.reject(new Error("orig"))
  .finally(() => out("finally sees rejection"))
  .catch((e) => out("rejection preserved: " + e.message));

const executorLog = [];
const p = new Promise((resolve, reject) => {
  executorLog.push("executor runs synchronously");
  resolve("first");
  resolve("second");
  reject(new Error("ignored"));
  executorLog.push("code after resolve still runs");
});
out(executorLog.join("; "));
p.then((v) => out("resolved once with " + v));

const thrower = new Promise(() => { throw new RangeError("in executor"); });
thrower.catch((e) => out("executor throw becomes rejection: " + e.name));

const same = Promise.resolve(5);
out("Promise.resolve identity: " + (Promise.resolve(same) === same));
out("then returns new promise: " + (same.then() !== same));
try { new Promise(5); } catch (e) { out("non-function executor: " + e.name); }
try { Promise(); } catch (e) { out("call without new: " + e.name); }

const selfRef = Promise.resolve().then(() => selfRef);
selfRef.catch((e) => out("self resolution: " + e.name));

// multiple then on same promise run in registration order
const shared = Promise.resolve("s");
shared.then(() => out("shared A"));
shared.then(() => out("shared B"));
shared.then(() => out("shared C"));
setTimeout(() => console.log(log.join("\n")), 10);
