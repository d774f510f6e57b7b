// Build and check binary trees of depth 6 while a long-lived tree stays alive.
function TreeNode(left, right) {
  this.left = left;
  this.right = right;
}
function bottomUp(depth) {
  return depth > 0 ? new TreeNode(bottomUp(depth - 1), bottomUp(depth - 1)) : new TreeNode(null, null);
}
function check(node) {
  return node.left === null ? 1 : 1 + check(node.left) + check(node.right);
}
const maxDepth = 6;
const longLived = bottomUp(maxDepth);
console.log("long lived tree nodes: " + check(longLived));
for (let depth = 2; depth <= maxDepth; depth += 2) {
  const iterations = 1 << (maxDepth - depth + 2);
  let total = 0;
  for (let i = 0; i < iterations; i++) total += check(bottomUp(depth));
  console.log(iterations + " trees of depth " + depth + " check: " + total);
}
console.log("long lived tree still intact: " + check(longLived));
// mutate long-lived tree: replace subtrees with fresh ones, old ones become garbage
let replaced = 0;
function refresh(node, depth) {
  if (node.left === null) return;
  if (depth % 2 === 0) { node.left = bottomUp(2); replaced++; }
  refresh(node.right, depth + 1);
}
refresh(longLived, 0);
console.log("replaced " + replaced + " subtrees, nodes now: " + check(longLived));
