const log = [];
const out = (s) => log.push(s);
const thenable = {
  then(onFulfilled, onRejected) {
    out("thenable.then called, args: " + typeof onFulfilled + "/" + typeof onRejected);
    onFulfilled("thenable value");
  }
};
Promise.resolve(thenable).then((v) => out("resolved via thenable: " + v));
out("then is called asynchronously (after this line)");

const rejecting = { then(_, rej) { rej(new Error("thenable rejected")); } };
Promise.resolve(rejecting).catch((e) => out("rejecting thenable: " + e.message));

const throwing = { then() { throw new TypeError("then threw"); } };
Promise.resolve(throwing).catch((e) => out("throwing thenable: " + e.name));

const throwsAfterResolve = { then(res) { res("first wins"); throw new Error("ignored"); } };
Promise.resolve(throwsAfterResolve).then((v) => out("throw after resolve: " + v));

const multiple = { then(res, rej) { res("one"); res("two"); rej("three"); } };
Promise.resolve(multiple).then((v) => out("multiple calls: " + v));

const nested = { then(res) { res({ then(res2) { res2("deeply nested"); } }); } };
Promise.resolve(nested).then((v) => out("nested thenable: " + v));

let getterCalls = 0;
const getterThen = { get then() { getterCalls++; return (res) => res("from getter"); } };
Promise.resolve(getterThen).then((v) => out("then getter: " + v + " calls " + getterCalls));

const throwingGetter = { get then() { throw new RangeError("getter threw"); } };
Promise.resolve(throwingGetter).catch((e) => out("then getter throws: " + e.name));

const nonFunctionThen = { then: 42 };
Promise.resolve(nonFunctionThen).then((v) => out("non-function then is plain value: " + (v === nonFunctionThen)));

// returning thenables from then callbacks
Promise.resolve(1)
  .then(() => ({ then(res) { res("returned thenable"); } }))
  .then((v) => out("then returned thenable: " + v));

// await on thenable
const awaited = (async () => {
  const v = await { then(res) { setTimeout(() => res("async thenable"), 0); } };
  out("await thenable: " + v);
})();

// functions can be thenables
function fnThenable() {}
fnThenable.then = (res) => res("function thenable");
Promise.resolve(fnThenable).then((v) => out("function as thenable: " + v));

// primitives are never thenables, even if their prototype has a then method
String.prototype.then = function (res) { res("hijacked"); };
Promise.resolve("plain string").then((v) => out("string resolves: " + v));
Promise.resolve().then(() => "returned string").then((v) => {
  out("string returned from then: " + v);
  delete String.prototype.then;
});

// Printed once the awaited thenable (the last to settle, from a timer) is done: a fixed delay
// would race with that timer on a slow machine.
awaited.then(() => setTimeout(() => console.log(log.join("\n")), 5));
