// permutations.js: enumerates every permutation of n items twice, with Heap's algorithm
// (iterative, swaps in place) and with the lexicographic "next permutation" step, and checks
// that both visit the same multiset (order-independent hash), the same number of derangements
// and fixed points. Exercises integer arrays, swaps, reversals and counting loops.

// Calls visit(a) for each permutation of a, by Heap's algorithm.
function heapPermutations(a, visit) {
  const n = a.length;
  const c = new Array(n).fill(0);
  visit(a);
  let i = 1;
  while (i < n) {
    if (c[i] < i) {
      const k = i % 2 === 0 ? 0 : c[i];
      const t = a[k];
      a[k] = a[i];
      a[i] = t;
      visit(a);
      c[i]++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
}

// Rearranges a into its lexicographic successor; false when a was the last permutation.
function nextPermutation(a) {
  let i = a.length - 2;
  while (i >= 0 && a[i] >= a[i + 1]) i--;
  if (i < 0) return false;
  let j = a.length - 1;
  while (a[j] <= a[i]) j--;
  let t = a[i];
  a[i] = a[j];
  a[j] = t;
  for (let lo = i + 1, hi = a.length - 1; lo < hi; lo++, hi--) {
    t = a[lo];
    a[lo] = a[hi];
    a[hi] = t;
  }
  return true;
}

function makeStats() {
  const stats = { count: 0, derangements: 0, fixedPoints: 0, hash: 0 };
  stats.visit = (p) => {
    let fixed = 0;
    let h = 0;
    for (let i = 0; i < p.length; i++) {
      if (p[i] === i) fixed++;
      h = (h * 31 + p[i]) | 0;
    }
    stats.count++;
    stats.fixedPoints += fixed;
    if (fixed === 0) stats.derangements++;
    stats.hash = (stats.hash + Math.imul(h, 0x9e3779b1)) | 0; // order-independent
  };
  return stats;
}

function identity(n) {
  return Array.from({ length: n }, (_, i) => i);
}

const N = 9;
const byHeap = makeStats();
heapPermutations(identity(N), byHeap.visit);

const byOrder = makeStats();
const p = identity(N);
do byOrder.visit(p);
while (nextPermutation(p));

// 9! permutations, of which !9 = 133496 are derangements; on average one fixed point each.
for (const s of [byHeap, byOrder]) {
  if (s.count !== 362880 || s.derangements !== 133496 || s.fixedPoints !== 362880) {
    throw new Error(`permutations: ${s.count} permutations, ${s.derangements} derangements`);
  }
}
if (byHeap.hash !== byOrder.hash) throw new Error("permutations: the two enumerations differ");
console.log(`permutations: n=${N}, ${byHeap.count} permutations twice, ${byHeap.derangements} derangements`);
