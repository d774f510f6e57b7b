// spectral-norm.js: the spectral norm of the infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2
// + i + 1), truncated to n x n, by ten rounds of the power method on AᵀA. Exercises
// double arithmetic in tight nested loops over plain arrays, and small hot functions.

function a(i, j) {
  return 1 / (((i + j) * (i + j + 1)) / 2 + i + 1);
}

// out = A * v
function multiplyAv(n, v, out) {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += a(i, j) * v[j];
    out[i] = sum;
  }
}

// out = Aᵀ * v
function multiplyAtv(n, v, out) {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += a(j, i) * v[j];
    out[i] = sum;
  }
}

// out = Aᵀ * A * v
function multiplyAtAv(n, v, out, tmp) {
  multiplyAv(n, v, tmp);
  multiplyAtv(n, tmp, out);
}

function spectralNorm(n) {
  const u = new Array(n).fill(1);
  const v = new Array(n).fill(0);
  const tmp = new Array(n).fill(0);
  for (let i = 0; i < 10; i++) {
    multiplyAtAv(n, u, v, tmp);
    multiplyAtAv(n, v, u, tmp);
  }
  let vBv = 0;
  let vv = 0;
  for (let i = 0; i < n; i++) {
    vBv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  return Math.sqrt(vBv / vv);
}

const N = 350;
const result = spectralNorm(N).toFixed(9);
if (result !== "1.274224047") throw new Error(`spectral-norm: got ${result}`);
console.log(`spectral-norm: n=${N}, norm ${result}`);
