const matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
const out = [];
rows: for (const row of matrix) {
  for (const v of row) {
    if (v % 3 === 2) continue rows;
    out.push(v);
  }
}
console.log("continue rows: " + out.join(","));

const found = [];
search: for (const [i, row] of matrix.entries()) {
  for (const [j, v] of row.entries()) {
    if (v === 6) { found.push(i + "," + j); break search; }
    found.push(v);
  }
}
console.log("break search: " + found.join(" "));

// labelled continue over strings and Sets
const letters = [];
outer: for (const word of ["apple", "kiwi", "banana"]) {
  for (const ch of word) {
    if (ch === "i") continue outer;
    letters.push(ch);
  }
  letters.push("|");
}
console.log("strings: " + letters.join(""));

const setOut = [];
const s = new Set([1, 2, 3]);
loop: for (const a of s) {
  for (const b of s) {
    if (b > a) continue loop;
    setOut.push(a + "" + b);
  }
}
console.log("sets: " + setOut.join(" "));

// labelled continue with iterator return tracking
let returns = 0;
function tracked(arr) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next: () => (i < arr.length ? { value: arr[i++], done: false } : { value: undefined, done: true }),
        return: () => { returns++; return { done: true }; }
      };
    }
  };
}
const pairs = [];
outer2: for (const a of tracked([1, 2, 3])) {
  for (const b of tracked(["x", "y", "z"])) {
    if (b === "y") continue outer2;
    pairs.push(a + b);
  }
}
console.log("tracked: " + pairs.join(",") + " inner returns: " + returns);

// continue label on a block with let bindings, closures capture per iteration
const fns = [];
lbl: for (const x of [1, 2, 3, 4]) {
  let doubled = x * 2;
  fns.push(() => doubled);
  if (x % 2) continue lbl;
  doubled += 100;
}
console.log("closures: " + fns.map((f) => f()).join(","));
// labelled block inside for-of
const blk = [];
for (const v of [1, 2, 3]) {
  inner: {
    if (v === 2) break inner;
    blk.push("in" + v);
  }
  blk.push("after" + v);
}
console.log("labelled block: " + blk.join(","));
