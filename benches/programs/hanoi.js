// hanoi.js: the towers of Hanoi, solved twice: recursively, moving disks between three arrays
// used as stacks (every move is checked to put a smaller disk on a larger one), and
// iteratively with the classic smallest-disk-cycles rule. Exercises recursion, push/pop,
// small arrays of arrays and integer comparisons.

class Towers {
  constructor(disks) {
    this.pegs = [[], [], []];
    for (let d = disks; d >= 1; d--) this.pegs[0].push(d);
    this.moves = 0;
  }

  move(from, to) {
    const disk = this.pegs[from].pop();
    const target = this.pegs[to];
    if (disk === undefined) throw new Error(`hanoi: peg ${from} is empty`);
    if (target.length > 0 && target[target.length - 1] < disk) throw new Error(`hanoi: disk ${disk} onto a smaller disk`);
    target.push(disk);
    this.moves++;
  }

  top(peg) {
    const p = this.pegs[peg];
    return p.length === 0 ? Infinity : p[p.length - 1];
  }
}

function solveRecursive(towers, n, from, to, via) {
  if (n === 0) return;
  solveRecursive(towers, n - 1, from, via, to);
  towers.move(from, to);
  solveRecursive(towers, n - 1, via, to, from);
}

function solveIterative(towers, n) {
  // The smallest disk moves every other turn, always in the same direction round the pegs.
  const step = n % 2 === 0 ? 1 : 2;
  let small = 0;
  const total = 2 ** n - 1;
  for (let m = 1; m <= total; m++) {
    if (m % 2 === 1) {
      const next = (small + step) % 3;
      towers.move(small, next);
      small = next;
    } else {
      const a = (small + 1) % 3;
      const b = (small + 2) % 3;
      if (towers.top(a) < towers.top(b)) towers.move(a, b);
      else towers.move(b, a);
    }
  }
}

function check(towers, n, peg) {
  const p = towers.pegs[peg];
  if (p.length !== n || towers.moves !== 2 ** n - 1) throw new Error(`hanoi: ${p.length} disks on peg ${peg} after ${towers.moves} moves`);
  for (let i = 0; i < n; i++) if (p[i] !== n - i) throw new Error("hanoi: disks out of order");
}

const DISKS = 19;
const a = new Towers(DISKS);
solveRecursive(a, DISKS, 0, 2, 1);
check(a, DISKS, 2);
const b = new Towers(DISKS);
solveIterative(b, DISKS);
check(b, DISKS, 2);
console.log(`hanoi: ${DISKS} disks, ${a.moves + b.moves} moves`);
