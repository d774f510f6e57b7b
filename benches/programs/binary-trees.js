// binary-trees.js: allocates and walks many perfect binary trees: one long-lived tree kept for
// the whole run, and, for each depth, many short-lived trees built bottom-up and checked by
// counting their nodes. Exercises object allocation, the garbage collector (mostly
// short-lived garbage plus one old structure) and recursion.

class TreeNode {
  constructor(left, right) {
    this.left = left;
    this.right = right;
  }

  check() {
    return this.left === null ? 1 : 1 + this.left.check() + this.right.check();
  }
}

function bottomUpTree(depth) {
  return depth > 0 ? new TreeNode(bottomUpTree(depth - 1), bottomUpTree(depth - 1)) : new TreeNode(null, null);
}

const MIN_DEPTH = 4;
const MAX_DEPTH = 13;
const results = [];

const stretch = bottomUpTree(MAX_DEPTH + 1).check();
results.push(`stretch ${stretch}`);

const longLived = bottomUpTree(MAX_DEPTH);
for (let depth = MIN_DEPTH; depth <= MAX_DEPTH; depth += 2) {
  const iterations = 1 << (MAX_DEPTH - depth + MIN_DEPTH);
  let check = 0;
  for (let i = 0; i < iterations; i++) check += bottomUpTree(depth).check();
  if (check !== iterations * (2 ** (depth + 1) - 1)) throw new Error(`binary-trees: depth ${depth} check ${check}`);
  results.push(`${iterations}x${depth}:${check}`);
}
const longCheck = longLived.check();
if (stretch !== 2 ** (MAX_DEPTH + 2) - 1 || longCheck !== 2 ** (MAX_DEPTH + 1) - 1) throw new Error("binary-trees: bad tree sizes");
console.log(`binary-trees: max depth ${MAX_DEPTH}, ${results.length} phases, long-lived ${longCheck} nodes`);
