function* naturals(start = 1) { for (let n = start; ; n++) yield n; }
function* map(it, f) { for (const v of it) yield f(v); }
function* filter(it, p) { for (const v of it) if (p(v)) yield v; }
function* take(it, n) {
  if (n <= 0) return;
  for (const v of it) { yield v; if (--n <= 0) return; }
}
function* zip(a, b) {
  const ia = a[Symbol.iterator](), ib = b[Symbol.iterator]();
  while (true) {
    const x = ia.next(), y = ib.next();
    if (x.done || y.done) return;
    yield [x.value, y.value];
  }
}
function* chunk(it, size) {
  let buf = [];
  for (const v of it) { buf.push(v); if (buf.length === size) { yield buf; buf = []; } }
  if (buf.length) yield buf;
}
let pulled = 0;
function* counted(it) { for (const v of it) { pulled++; yield v; } }
const squares = take(map(filter(counted(naturals()), (n) => n % 3 === 0), (n) => n * n), 5);
console.log("squares of multiples of 3: " + [...squares].join(",") + " pulled " + pulled);
console.log("zip: " + JSON.stringify([...zip("abc", naturals(10))]));
console.log("chunk: " + JSON.stringify([...chunk(take(naturals(), 7), 3)]));
function* primes() {
  const found = [];
  for (const n of naturals(2)) {
    if (found.every((p) => n % p !== 0)) { found.push(n); yield n; }
  }
}
console.log("first 15 primes: " + [...take(primes(), 15)].join(","));
function* collatz(n) { while (n !== 1) { yield n; n = n % 2 ? 3 * n + 1 : n / 2; } yield 1; }
console.log("collatz(27) length: " + [...collatz(27)].length + " max " + Math.max(...collatz(27)));
function* cycle(arr) { for (;;) yield* arr; }
console.log("cycle: " + [...take(cycle(["r", "g", "b"]), 7)].join(""));
function* scan(it, f, acc) { for (const v of it) { acc = f(acc, v); yield acc; } }
console.log("running sums: " + [...take(scan(naturals(), (a, b) => a + b, 0), 8)].join(","));
// take closes the source generator
const log = [];
function* source() { try { yield* naturals(); } finally { log.push("source closed"); } }
console.log("take 3: " + [...take(source(), 3)].join(",") + " " + log.join(""));
// lazy evaluation order interleaves stages
const trace = [];
const staged = take(map(map(naturals(), (x) => (trace.push("A" + x), x)), (x) => (trace.push("B" + x), x)), 3);
[...staged];
console.log("interleaved: " + trace.join(" "));
// generator-based range with step
function* range(start, end, step = 1) { for (let i = start; step > 0 ? i < end : i > end; i += step) yield i; }
console.log("range: " + [...range(0, 10, 3)] + " | " + [...range(5, 0, -2)]);
