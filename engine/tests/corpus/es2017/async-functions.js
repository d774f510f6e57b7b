const log = [];
const out = (s) => log.push(s);
async function plain() { return 1; }
const asyncArrow = async (x) => x * 2;
const asyncExpr = async function named() { return named.name; };
const obj = { async method() { return "method"; }, async *agen() { yield 1; } };
class K {
  constructor() { this.v = "instance"; }
  async get() { await null; return this.v; }
  static async make() { return new K(); }
}
out("returns promise: " + (plain() instanceof Promise) + " " + Object.prototype.toString.call(plain));
out("async function constructor name: " + Object.getPrototypeOf(plain).constructor.name);
out("not constructible: " + (() => { try { new plain(); return "constructed"; } catch (e) { return e.name; } })());
out("no prototype property: " + ("prototype" in plain));
async function main() {
  out("values: " + [await plain(), await asyncArrow(21), await asyncExpr(), await obj.method()].join(","));
  const k = await K.make();
  out("class async method this: " + (await k.get()));
  out("await non-promise: " + (await 5) + " " + (await "str") + " " + (await undefined));
  // await in various expression positions
  const arr = [await 1, (await 2) + (await 3)];
  const o = { a: await "A", [await "key"]: await "val" };
  out("expressions: " + JSON.stringify(arr) + " " + JSON.stringify(o));
  out("in template: " + `${await "tpl"}-${await Promise.resolve(9)}`);
  out("in condition: " + ((await false) ? "yes" : "no"));
  let i = 0;
  while ((await i) < 3) i++;
  out("in loop condition: " + i);
  // sequential vs parallel
  const seq = [];
  const tick = (name) => new Promise((r) => { seq.push("start " + name); setTimeout(() => { seq.push("end " + name); r(name); }, 1); });
  await tick("s1"); await tick("s2");
  const [p1, p2] = [tick("p1"), tick("p2")];
  await p1; await p2;
  out("sequential then parallel: " + seq.join(", "));
  // async arrow keeps lexical this and arguments
  function outer() { const f = async () => [this.tag, arguments[0]]; return f(); }
  out("arrow lexical: " + (await outer.call({ tag: "T" }, "arg0")).join(","));
  // async closures in map
  const mapped = await Promise.all([1, 2, 3].map(async (x) => { await null; return x * 10; }));
  out("async map: " + mapped.join(","));
  // reduce sequentially with async
  const total = await [1, 2, 3, 4].reduce(async (accP, x) => (await accP) + x, Promise.resolve(0));
  out("async reduce: " + total);
  // default parameters in async functions
  async function withDefault(a = await0()) { return a; }
  function await0() { return "default evaluated"; }
  out("default param: " + (await withDefault()));
  // recursion
  async function countdown(n) { return n === 0 ? "liftoff" : n + " " + (await countdown(n - 1)); }
  out(await countdown(5));
  // await in finally
  async function fin() {
    try { return "try value"; } finally { await null; out("finally awaited"); }
  }
  out("finally result: " + (await fin()));
}
main().then(() => console.log(log.join("\n")));
