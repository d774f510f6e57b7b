function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
var fibs = [];
for (var i = 0; i <= 20; i++) fibs.push(fib(i));
console.log("fib: " + fibs.join(","));
function ack(m, n) {
  if (m === 0) return n + 1;
  if (n === 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}
console.log("ack(1,2)=" + ack(1, 2) + " ack(2,3)=" + ack(2, 3) + " ack(3,3)=" + ack(3, 3));
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
console.log("fact(10)=" + fact(10) + " fact(20)=" + fact(20) + " fact(25)=" + fact(25));
// mutual recursion
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
console.log("isEven(100)=" + isEven(100) + " isOdd(77)=" + isOdd(77));
// named function expression recursion
var countdown = function cd(n) { return n === 0 ? "liftoff" : n + " " + cd(n - 1); };
console.log(countdown(5));
// hanoi
var moves = [];
function hanoi(n, from, to, via) {
  if (n === 0) return;
  hanoi(n - 1, from, via, to);
  moves.push(from + to);
  hanoi(n - 1, via, to, from);
}
hanoi(4, "A", "C", "B");
console.log("hanoi moves: " + moves.length + " first " + moves.slice(0, 5).join(" "));
// permutations
function perms(arr) {
  if (arr.length <= 1) return [arr.slice()];
  var out = [];
  for (var i = 0; i < arr.length; i++) {
    var rest = arr.slice(0, i).concat(arr.slice(i + 1));
    var sub = perms(rest);
    for (var j = 0; j < sub.length; j++) out.push([arr[i]].concat(sub[j]));
  }
  return out;
}
var ps = perms(["a", "b", "c", "d"]);
console.log("perms: " + ps.length + " " + ps.slice(0, 6).map(function (p) { return p.join(""); }).join(","));
// gcd
function gcd(a, b) { return b === 0 ? a : gcd(b, a % b); }
console.log("gcd(1071,462)=" + gcd(1071, 462));
// deep-ish recursion depth 5000
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log("depth(5000)=" + depth(5000));
// recursive tree sum
function tree(d) { return d === 0 ? null : { v: d, l: tree(d - 1), r: tree(d - 1) }; }
function sum(t) { return t === null ? 0 : t.v + sum(t.l) + sum(t.r); }
console.log("tree sum: " + sum(tree(10)));
// flood fill recursion
var grid = ["#####", "#..##", "#.#.#", "#...#", "#####"];
var cells = grid.map(function (r) { return r.split(""); });
function fill(r, c) {
  if (cells[r][c] !== ".") return 0;
  cells[r][c] = "o";
  return 1 + fill(r + 1, c) + fill(r - 1, c) + fill(r, c + 1) + fill(r, c - 1);
}
console.log("filled: " + fill(1, 1) + " " + cells.map(function (r) { return r.join(""); }).join("|"));
