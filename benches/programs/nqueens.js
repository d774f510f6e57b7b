// nqueens.js: counts the placements of n non-attacking queens on an n x n board for n = 4..11
// by backtracking, keeping the occupied columns and diagonals in boolean arrays, and records
// the first solution found as a string. Exercises recursion, array indexing and branches.

function solve(n) {
  const cols = new Array(n).fill(false);
  const diag1 = new Array(2 * n - 1).fill(false); // row + col
  const diag2 = new Array(2 * n - 1).fill(false); // row - col + n - 1
  const queens = new Array(n).fill(-1);
  let count = 0;
  let first = null;

  function place(row) {
    if (row === n) {
      if (first === null) first = queens.map((c) => String.fromCharCode(97 + c)).join("");
      count++;
      return;
    }
    for (let col = 0; col < n; col++) {
      const d1 = row + col;
      const d2 = row - col + n - 1;
      if (cols[col] || diag1[d1] || diag2[d2]) continue;
      cols[col] = diag1[d1] = diag2[d2] = true;
      queens[row] = col;
      place(row + 1);
      cols[col] = diag1[d1] = diag2[d2] = false;
    }
  }

  place(0);
  return { count, first };
}

const EXPECTED = [1, 0, 0, 2, 10, 4, 40, 92, 352, 724, 2680];
const firsts = [];
for (let n = 4; n <= 11; n++) {
  const { count, first } = solve(n);
  if (count !== EXPECTED[n - 1]) throw new Error(`nqueens: ${count} solutions for n=${n}`);
  firsts.push(first);
}
if (firsts[4] !== "aehfcgbd") throw new Error(`nqueens: first solution for n=8 is ${firsts[4]}`);
console.log(`nqueens: n=4..11, ${EXPECTED.slice(3).join(" ")} solutions, first for n=8: ${firsts[4]}`);
