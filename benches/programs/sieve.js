// sieve.js: the sieve of Eratosthenes over a plain array of booleans, then a pass over the
// primes found (twin primes, prime gaps, a digit-sum histogram). Exercises large arrays,
// strided integer loops and array growth by push.

function sieve(limit) {
  const composite = new Array(limit + 1).fill(false);
  const primes = [];
  for (let i = 2; i <= limit; i++) {
    if (composite[i]) continue;
    primes.push(i);
    for (let j = i * i; j <= limit; j += i) composite[j] = true;
  }
  return primes;
}

function digitSum(n) {
  let s = 0;
  while (n > 0) {
    s += n % 10;
    n = Math.floor(n / 10);
  }
  return s;
}

function analyse(primes) {
  let twins = 0;
  let maxGap = 0;
  const histogram = [];
  for (let i = 0; i < primes.length; i++) {
    const p = primes[i];
    if (i > 0) {
      const gap = p - primes[i - 1];
      if (gap === 2) twins++;
      if (gap > maxGap) maxGap = gap;
    }
    const d = digitSum(p);
    histogram[d] = (histogram[d] || 0) + 1;
  }
  let commonest = 0;
  for (let d = 1; d < histogram.length; d++) {
    if ((histogram[d] || 0) > (histogram[commonest] || 0)) commonest = d;
  }
  return { twins, maxGap, commonest };
}

const LIMIT = 1000000;
const ROUNDS = 2;
let result = null;
for (let round = 0; round < ROUNDS; round++) {
  const primes = sieve(LIMIT);
  if (primes.length !== 78498) throw new Error(`sieve: found ${primes.length} primes`);
  result = analyse(primes);
}
const { twins, maxGap, commonest } = result;
if (twins !== 8169 || maxGap !== 114 || commonest !== 29) {
  throw new Error(`sieve: ${twins} twin pairs, max gap ${maxGap}, commonest digit sum ${commonest}`);
}
console.log(`sieve: ${ROUNDS} rounds to ${LIMIT}, 78498 primes, ${twins} twin pairs, max gap ${maxGap}`);
