function sieve(n) {
  var isPrime = [];
  for (var i = 0; i <= n; i++) isPrime.push(i >= 2);
  for (var p = 2; p * p <= n; p++) {
    if (!isPrime[p]) continue;
    for (var m = p * p; m <= n; m += p) isPrime[m] = false;
  }
  var out = [];
  for (var k = 0; k <= n; k++) if (isPrime[k]) out.push(k);
  return out;
}
var primes = sieve(10000);
console.log("primes below 10000: " + primes.length + " last " + primes[primes.length - 1] + " first10 " + primes.slice(0, 10).join(","));

function binarySearch(arr, x) {
  var lo = 0, hi = arr.length - 1, steps = 0;
  while (lo <= hi) {
    steps++;
    var mid = (lo + hi) >>> 1;
    if (arr[mid] === x) return mid + "@" + steps;
    if (arr[mid] < x) lo = mid + 1; else hi = mid - 1;
  }
  return "-1@" + steps;
}
console.log("binary search 7919: " + binarySearch(primes, 7919) + " 7920: " + binarySearch(primes, 7920));

function quicksort(a) {
  if (a.length <= 1) return a;
  var pivot = a[a.length >> 1], less = [], equal = [], greater = [];
  for (var i = 0; i < a.length; i++) {
    if (a[i] < pivot) less.push(a[i]); else if (a[i] > pivot) greater.push(a[i]); else equal.push(a[i]);
  }
  return quicksort(less).concat(equal, quicksort(greater));
}
var data = [];
var s = 42;
for (var i = 0; i < 300; i++) { s = (s * 69069 + 1) % 4294967296; data.push(s % 1000); }
var qs = quicksort(data);
console.log("quicksort: " + qs.slice(0, 8).join(",") + " ... " + qs.slice(-4).join(","));

function matmul(A, B) {
  var n = A.length, m = B[0].length, k = B.length, C = [];
  for (var i = 0; i < n; i++) {
    C.push([]);
    for (var j = 0; j < m; j++) {
      var sum = 0;
      for (var t = 0; t < k; t++) sum += A[i][t] * B[t][j];
      C[i].push(sum);
    }
  }
  return C;
}
var M = [[1, 1], [1, 0]];
var R = [[1, 0], [0, 1]];
for (var e = 0; e < 30; e++) R = matmul(R, M);
console.log("fib via matrix: " + R[0][1]);
console.log("matmul: " + JSON.stringify(matmul([[1, 2, 3], [4, 5, 6]], [[7, 8], [9, 10], [11, 12]])));

function levenshtein(a, b) {
  var prev = [], cur;
  for (var j = 0; j <= b.length; j++) prev.push(j);
  for (var i = 1; i <= a.length; i++) {
    cur = [i];
    for (var jj = 1; jj <= b.length; jj++) {
      var cost = a.charAt(i - 1) === b.charAt(jj - 1) ? 0 : 1;
      cur.push(Math.min(prev[jj] + 1, cur[jj - 1] + 1, prev[jj - 1] + cost));
    }
    prev = cur;
  }
  return prev[b.length];
}
console.log("levenshtein: " + levenshtein("kitten", "sitting") + " " + levenshtein("flaw", "lawn") + " " + levenshtein("", "abc"));

function collatzLongest(limit) {
  var best = 0, bestN = 0;
  for (var n = 1; n < limit; n++) {
    var steps = 0, v = n;
    while (v !== 1) { v = v % 2 === 0 ? v / 2 : 3 * v + 1; steps++; }
    if (steps > best) { best = steps; bestN = n; }
  }
  return bestN + ":" + best;
}
console.log("collatz: " + collatzLongest(3000));

function nQueens(n) {
  var count = 0, cols = [], d1 = [], d2 = [];
  function place(r) {
    if (r === n) { count++; return; }
    for (var c = 0; c < n; c++) {
      if (cols[c] || d1[r + c] || d2[r - c + n]) continue;
      cols[c] = d1[r + c] = d2[r - c + n] = true;
      place(r + 1);
      cols[c] = d1[r + c] = d2[r - c + n] = false;
    }
  }
  place(0);
  return count;
}
console.log("n-queens 6: " + nQueens(6) + " 8: " + nQueens(8));
function toRoman(num) {
  var vals = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
  var syms = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
  var out = "";
  for (var i = 0; i < vals.length; i++) while (num >= vals[i]) { out += syms[i]; num -= vals[i]; }
  return out;
}
console.log("roman: " + [1994, 2024, 3999, 4, 9, 14].map(toRoman).join(" "));
