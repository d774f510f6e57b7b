// splay.js: a self-adjusting binary search tree (top-down splaying, after Sleator and Tarjan)
// holding numeric keys with small object payloads. The tree is filled, then churned: each
// step inserts a new random key and removes the smallest key above a random probe, so the
// live data stays constant while new nodes and payloads keep being allocated. Exercises
// allocation with a large live heap, pointer-chasing property access and GC.

function makeRng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
}

class SplayNode {
  constructor(key, value) {
    this.key = key;
    this.value = value;
    this.left = null;
    this.right = null;
  }
}

class SplayTree {
  constructor() {
    this.root = null;
    this.size = 0;
  }

  // Moves the node with `key` (or the last node on its search path) to the root.
  splay(key) {
    if (this.root === null) return;
    const header = new SplayNode(0, null);
    let left = header;
    let right = header;
    let t = this.root;
    for (;;) {
      if (key < t.key) {
        if (t.left === null) break;
        if (key < t.left.key) {
          const y = t.left; // rotate right
          t.left = y.right;
          y.right = t;
          t = y;
          if (t.left === null) break;
        }
        right.left = t; // link right
        right = t;
        t = t.left;
      } else if (key > t.key) {
        if (t.right === null) break;
        if (key > t.right.key) {
          const y = t.right; // rotate left
          t.right = y.left;
          y.left = t;
          t = y;
          if (t.right === null) break;
        }
        left.right = t; // link left
        left = t;
        t = t.right;
      } else {
        break;
      }
    }
    left.right = t.left;
    right.left = t.right;
    t.left = header.right;
    t.right = header.left;
    this.root = t;
  }

  insert(key, value) {
    if (this.root === null) {
      this.root = new SplayNode(key, value);
      this.size++;
      return true;
    }
    this.splay(key);
    if (this.root.key === key) return false;
    const node = new SplayNode(key, value);
    if (key > this.root.key) {
      node.left = this.root;
      node.right = this.root.right;
      this.root.right = null;
    } else {
      node.right = this.root;
      node.left = this.root.left;
      this.root.left = null;
    }
    this.root = node;
    this.size++;
    return true;
  }

  find(key) {
    if (this.root === null) return null;
    this.splay(key);
    return this.root.key === key ? this.root : null;
  }

  remove(key) {
    if (this.find(key) === null) return null;
    const removed = this.root;
    if (removed.left === null) {
      this.root = removed.right;
    } else {
      const right = removed.right;
      this.root = removed.left;
      this.splay(key); // the maximum of the left subtree comes up, with no right child
      this.root.right = right;
    }
    this.size--;
    return removed;
  }

  // The node with the smallest key greater than `key`, or null.
  findGreaterThan(key) {
    if (this.root === null) return null;
    this.splay(key);
    if (this.root.key > key) return this.root;
    let node = this.root.right;
    if (node === null) return null;
    while (node.left !== null) node = node.left;
    return node;
  }

  // In-order traversal, iteratively.
  forEach(f) {
    const stack = [];
    let node = this.root;
    while (node !== null || stack.length > 0) {
      while (node !== null) {
        stack.push(node);
        node = node.left;
      }
      node = stack.pop();
      f(node);
      node = node.right;
    }
  }
}

function makePayload(depth, key) {
  if (depth === 0) return { array: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], text: "String for key " + key + " in leaf node" };
  return { left: makePayload(depth - 1, key), right: makePayload(depth - 1, key) };
}

const TREE_SIZE = 5000;
const CHURN = 12000;
const rand = makeRng(49734321);
const tree = new SplayTree();

let inserted = 0;
while (tree.size < TREE_SIZE) {
  const key = rand() % 1000000;
  if (tree.insert(key, makePayload(3, key))) inserted++;
}

let removedSum = 0;
for (let i = 0; i < CHURN; i++) {
  const key = rand() % 1000000;
  if (tree.insert(key, makePayload(3, key))) inserted++;
  const probe = rand() % 1000000;
  let victim = tree.findGreaterThan(probe);
  if (victim === null) victim = tree.findGreaterThan(-1);
  const removed = tree.remove(victim.key);
  if (removed === null || removed.value.left.right.left.text.indexOf(String(removed.key)) < 0) throw new Error("splay: bad payload");
  removedSum += removed.key % 1000;
}

let count = 0;
let previous = -1;
tree.forEach((node) => {
  if (node.key <= previous) throw new Error("splay: keys out of order");
  previous = node.key;
  count++;
});
if (count !== tree.size) throw new Error(`splay: traversal found ${count} of ${tree.size} nodes`);
if (`${tree.size} ${inserted} ${removedSum}` !== "4899 16899 5962893") throw new Error(`splay: ${tree.size} ${inserted} ${removedSum}`);
console.log(`splay: ${tree.size} nodes after ${CHURN} churn steps, ${inserted} inserts, removed-key sum ${removedSum}`);
