// A small tour: classes, closures, iterators, promises and timers.
class Greeter {
  #greeting;
  constructor(greeting) { this.#greeting = greeting; }
  greet(name) { return `${this.#greeting}, ${name}!`; }
}

const g = new Greeter("Hello");
console.log(g.greet("world"));

function* fib() {
  let [a, b] = [0, 1];
  for (;;) { yield a; [a, b] = [b, a + b]; }
}
const first = [];
for (const n of fib()) { if (first.length === 10) break; first.push(n); }
console.log("fib:", first);

const counter = (() => { let n = 0; return () => ++n; })();
counter(); counter();
console.log({ count: counter(), nested: { list: [1, 2, 3], when: "now" } });

async function later(ms, v) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return v;
}
later(10, "done after a timer").then((v) => console.log(v));
