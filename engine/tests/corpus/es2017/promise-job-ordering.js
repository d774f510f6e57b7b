const log = [];
const out = (s) => log.push(s);
// two interleaved chains
Promise.resolve().then(() => out("A1")).then(() => out("A2")).then(() => out("A3"));
Promise.resolve().then(() => out("B1")).then(() => out("B2")).then(() => out("B3"));
// nested then inside a callback is queued behind already-queued jobs
Promise.resolve().then(() => {
  out("C1");
  Promise.resolve().then(() => out("C1-nested"));
}).then(() => out("C2"));
// resolving with a native promise costs two extra ticks
new Promise((r) => r(Promise.resolve())).then(() => out("D resolved-with-promise"));
Promise.resolve().then(() => out("E tick1")).then(() => out("E tick2")).then(() => out("E tick3"));
// returning a promise from then also costs two extra ticks
Promise.resolve().then(() => Promise.resolve("F")).then((v) => out(v + " returned-promise"));
// rejection handlers are ordered like fulfillment handlers
Promise.reject("G").catch((v) => out(v + " catch"));
out("sync end");
setTimeout(() => {
  out("timeout");
  Promise.resolve().then(() => out("microtask inside timeout"));
  setTimeout(() => {
    out("second timeout");
    console.log(log.join("\n"));
    phase2();
  }, 0);
}, 0);

function phase2() {
  const order = [];
  const p = Promise.resolve();
  (async () => {
    order.push("async1 before await");
    await p;
    order.push("async1 after await");
  })();
  p.then(() => order.push("p.then"));
  (async () => {
    order.push("async2 before await");
    await undefined;
    order.push("async2 after await 1");
    await undefined;
    order.push("async2 after await 2");
  })();
  queueLike(() => order.push("then via resolved promise"));
  order.push("phase2 sync end");
  setTimeout(() => console.log(order.join("\n")), 0);
}
function queueLike(fn) { Promise.resolve().then(fn); }
