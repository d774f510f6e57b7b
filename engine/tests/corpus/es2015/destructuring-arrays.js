const [a, b, c] = [1, 2, 3];
console.log("basic: " + a + b + c);
const [x, , z] = [10, 20, 30];
console.log("hole skip: " + x + "," + z);
const [p = "dp", q = "dq"] = ["given"];
console.log("defaults: " + p + "," + q);
const [n = "default for undefined", m = "default"] = [undefined, null];
console.log("undefined vs null: " + n + "," + m);
const [first, ...rest] = [1, 2, 3, 4];
console.log("rest: " + first + " | " + JSON.stringify(rest));
const [only, ...emptyRest] = [1];
console.log("empty rest: " + only + " " + JSON.stringify(emptyRest));
const [[i1, i2], [j1, [j2]]] = [[1, 2], [3, [4]]];
console.log("nested: " + i1 + i2 + j1 + j2);
const [s1, s2, ...sRest] = "héllo";
console.log("string: " + s1 + s2 + " " + sRest.join(""));
const [e1, e2] = "😀x";
console.log("surrogate pair element: " + e1.length + " " + e2);
const [m1, m2] = new Map([["k1", "v1"], ["k2", "v2"]]);
console.log("map entries: " + m1.join("=") + " " + m2.join("="));
const [set1, set2] = new Set(["s", "t"]);
console.log("set: " + set1 + set2);
// swap
let u = 1, v = 2;
[u, v] = [v, u];
console.log("swap: " + u + "," + v);
// assignment targets can be members
const obj = {};
const arr = [];
[obj.a, arr[2], obj["c"]] = ["A", "B", "C"];
console.log("member targets: " + obj.a + arr[2] + obj.c + " len " + arr.length);
// default evaluated lazily
let calls = 0;
const lazy = () => { calls++; return "lazy"; };
const [l1 = lazy(), l2 = lazy()] = ["present"];
console.log("lazy defaults: " + l1 + " " + l2 + " calls " + calls);
// defaults can reference earlier bindings
const [d1 = 1, d2 = d1 * 10] = [];
console.log("default refs earlier: " + d1 + " " + d2);
// destructuring from iterator stops early and calls return
let returned = false;
let produced = 0;
const iter = {
  [Symbol.iterator]() {
    return {
      next() { produced++; return { value: produced, done: false }; },
      return() { returned = true; return { done: true }; }
    };
  }
};
const [it1, it2] = iter;
console.log("iterator: " + it1 + it2 + " produced " + produced + " returned " + returned);
// rest exhausts iterator, no return call
returned = false; produced = 0;
const finite = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next() { return i < 3 ? { value: i++, done: false } : { done: true }; },
      return() { returned = true; return {}; }
    };
  }
};
const [f0, ...fRest] = finite;
console.log("rest exhausts: " + f0 + " " + fRest.join(",") + " returned " + returned);
try {
  const [bad] = null;
} catch (e) {
  console.log("destructure null: " + e.name);
}
try {
  const [bad2] = {};
} catch (e) {
  console.log("destructure non-iterable: " + e.name);
}
// holes in source are undefined
const [h0 = "h", h1 = "filled"] = [, ,];
console.log("source holes: " + h0 + " " + h1);
// result value of assignment expression is the RHS
let r1, r2;
const rhs = [7, 8];
const result = ([r1, r2] = rhs);
console.log("assignment value is rhs: " + (result === rhs) + " " + r1 + r2);
// in loops
const pairs = [[1, "one"], [2, "two"]];
for (const [num, word] of pairs) console.log("pair " + num + "=" + word);
