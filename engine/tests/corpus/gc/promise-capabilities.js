// Promise capabilities that only the runtime holds while JavaScript runs (a thenable's
// `then` getter during PromiseResolve, a subclass's constructor, `await` of a thenable)
// survive the collections that JavaScript triggers.
function churn() {
  let a = [];
  for (let i = 0; i < 40; i++) a.push({ i, s: "x" + i });
  return a.length;
}
const thenable = {
  get then() {
    churn();
    return undefined;
  },
};
const results = [];
for (let k = 0; k < 3; k++) Promise.resolve(thenable).then((v) => results.push(v === thenable));
class MyPromise extends Promise {
  constructor(executor) {
    churn();
    super(executor);
  }
}
for (let k = 0; k < 2; k++) MyPromise.resolve(k).then((v) => results.push("sub" + v));
MyPromise.reject(new Error("r")).catch((e) => results.push(e.message));
Promise.all([thenable, MyPromise.resolve(7)]).then((v) => results.push(v.length));
(async () => {
  for (let k = 0; k < 2; k++) results.push((await thenable) === thenable);
})();
setTimeout(() => console.log(results.join(",")), 0);
