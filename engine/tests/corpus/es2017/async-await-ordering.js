const log = [];
const out = (s) => log.push(s);
setTimeout(() => out("timeout 1"), 0);
async function a1() {
  out("a1 start");
  await null;
  out("a1 after await null");
  await new Promise((r) => setTimeout(r, 0));
  out("a1 after timeout promise");
  return "a1 value";
}
async function a2() {
  out("a2 start");
  const v = await Promise.resolve("resolved");
  out("a2 got " + v);
}
out("script start");
const p1 = a1();
a2();
Promise.resolve().then(() => out("then 1")).then(() => out("then 2")).then(() => out("then 3"));
p1.then((v) => out("p1 then: " + v));
out("script end");
setTimeout(() => out("timeout 2"), 0);
// print once a1 has finished (its last step waits for a timer registered after the ones above)
p1.then(() => setTimeout(() => {
  console.log(log.join("\n"));
  secondPhase();
}, 0));

function secondPhase() {
  const order = [];
  // await on a native promise takes one tick; returning a promise from async adds two more
  async function returnsPromise() { return Promise.resolve("rp"); }
  async function returnsValue() { return "rv"; }
  returnsPromise().then(() => order.push("returnsPromise resolved"));
  returnsValue().then(() => order.push("returnsValue resolved"));
  Promise.resolve()
    .then(() => order.push("tick 1"))
    .then(() => order.push("tick 2"))
    .then(() => order.push("tick 3"))
    .then(() => order.push("tick 4"));
  // await of a thenable takes extra ticks
  (async () => {
    await { then(r) { r("thenable"); } };
    order.push("await thenable done");
  })();
  (async () => {
    await 1;
    order.push("await 1 done");
  })();
  setTimeout(() => console.log(order.join("\n")), 0);
}
