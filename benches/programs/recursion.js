// recursion.js: deeply and widely recursive integer functions: naive Fibonacci, the Ackermann
// function, Takeuchi's tak, and a memoised count of integer partitions (closure + Map) as a
// cross-check. Exercises calls and returns, argument passing and the call stack.

function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

function ack(m, n) {
  if (m === 0) return n + 1;
  if (n === 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}

function tak(x, y, z) {
  if (y >= x) return z;
  return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
}

// p(n, k): partitions of n into parts no larger than k.
function partitionCounter() {
  const memo = new Map();
  const p = (n, k) => {
    if (n === 0) return 1;
    if (n < 0 || k === 0) return 0;
    const key = n * 1000 + k;
    let v = memo.get(key);
    if (v === undefined) {
      v = p(n - k, k) + p(n, k - 1);
      memo.set(key, v);
    }
    return v;
  };
  return (n) => p(n, n);
}

const f = fib(31);
if (f !== 1346269) throw new Error(`recursion: fib(31) = ${f}`);
const a = ack(2, 400) + ack(3, 6);
if (a !== 803 + 509) throw new Error(`recursion: ack = ${a}`);
const t = tak(24, 16, 8);
if (t !== 9) throw new Error(`recursion: tak = ${t}`);
const partitions = partitionCounter()(200);
if (partitions !== 3972999029388) throw new Error(`recursion: p(200) = ${partitions}`);
console.log(`recursion: fib(31)=${f} ack=${a} tak=${t} p(200)=${partitions}`);
