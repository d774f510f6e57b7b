// fannkuch.js: the "fannkuch-redux" pancake-flipping problem. For every permutation of 1..n
// (generated in a fixed order by rotations), count the prefix reversals needed until 1 comes
// first; report the maximum and a signed checksum. Exercises small integer arrays, index
// arithmetic and tight loops with data-dependent branches.

function fannkuch(n) {
  const perm = new Array(n).fill(0);
  const perm1 = new Array(n);
  const count = new Array(n).fill(0);
  for (let i = 0; i < n; i++) perm1[i] = i;

  let maxFlips = 0;
  let checksum = 0;
  let permIndex = 0;
  let r = n;
  for (;;) {
    while (r !== 1) {
      count[r - 1] = r;
      r--;
    }

    for (let i = 0; i < n; i++) perm[i] = perm1[i];
    let flips = 0;
    let k = perm[0];
    while (k !== 0) {
      for (let i = 0, j = k; i < j; i++, j--) {
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      flips++;
      k = perm[0];
    }
    if (flips > maxFlips) maxFlips = flips;
    checksum += permIndex % 2 === 0 ? flips : -flips;

    // Next permutation: rotate the first r + 1 elements until a counter does not wrap.
    for (;;) {
      if (r === n) return { checksum, maxFlips };
      const first = perm1[0];
      for (let i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = first;
      count[r]--;
      if (count[r] > 0) break;
      r++;
    }
    permIndex++;
  }
}

const N = 8;
const RUNS = 4;
let total = 0;
for (let run = 0; run < RUNS; run++) {
  const { checksum, maxFlips } = fannkuch(N);
  if (checksum !== 1616 || maxFlips !== 22) throw new Error(`fannkuch: checksum ${checksum}, max flips ${maxFlips}`);
  total += checksum;
}
console.log(`fannkuch: n=${N}, ${RUNS} runs, checksum ${total / RUNS}, max flips 22`);
