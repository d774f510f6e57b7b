// for-of and array destructuring over Arrays (which iterate without an iterator object while
// the built-in iteration is in place): mutation during the loop, holes read through the
// prototype, return() added to the iterator prototypes, replaced next and @@iterator,
// generators suspended inside the loop, subclasses, typed arrays and strings.
// for-of and destructuring over arrays, with the edge cases of the array iterator.
const a = [1, 2, 3, 4];
let s = 0;
for (const x of a) s += x;
console.log(s);
// mutation during iteration: push extends, length shrink ends early
const b = [1, 2, 3];
const seen = [];
for (const x of b) { seen.push(x); if (x < 3) b.push(x + 10); }
console.log(seen.join());
const c = [1, 2, 3, 4, 5];
const seen2 = [];
for (const x of c) { seen2.push(x); c.length = 3; }
console.log(seen2.join());
// holes and prototype elements
const h = [1, , 3];
Array.prototype[1] = "proto";
console.log([...h].join(), Array.from(h).join());
for (const x of h) console.log(x);
delete Array.prototype[1];
// getter on the prototype for a hole
Object.defineProperty(Array.prototype, 1, { get() { return "getter"; }, configurable: true });
let got = "";
for (const x of [0, , 2]) got += x + ";";
delete Array.prototype[1];
console.log(got);
// break with a return() on %ArrayIteratorPrototype%
const AIP = Object.getPrototypeOf([][Symbol.iterator]());
let closed = 0;
AIP.return = function () { closed++; console.log("return", this === undefined, typeof this.next); return {}; };
for (const x of [1, 2, 3]) { if (x === 2) break; }
console.log("closed", closed);
try { for (const x of [1, 2]) throw new Error("boom"); } catch (e) { console.log(e.message, closed); }
const [p, q] = [7, 8, 9];
console.log(p, q, closed);
delete AIP.return;
// return() on %IteratorPrototype% is found too
const IP = Object.getPrototypeOf(AIP);
IP.return = function () { console.log("IP return"); return {}; };
for (const x of [1, 2]) break;
delete IP.return;
// replaced next: read once, at the start
const origNext = AIP.next;
let calls = 0;
AIP.next = function () { calls++; return origNext.call(this); };
for (const x of [1, 2, 3]) {}
console.log("calls", calls);
AIP.next = origNext;
// replaced @@iterator on the array or its prototype
const d = [1, 2, 3];
d[Symbol.iterator] = function* () { yield "own"; };
console.log([...d].join());
const origIter = Array.prototype[Symbol.iterator];
Array.prototype[Symbol.iterator] = function* () { yield "proto"; };
console.log([...[1, 2]].join());
for (const x of [5]) console.log(x);
Array.prototype[Symbol.iterator] = origIter;
// next replaced mid-loop does not matter
let n = 0;
for (const x of [1, 2, 3]) { n += x; AIP.next = () => ({ done: true }); }
AIP.next = origNext;
console.log(n);
// generators suspended inside a for-of over an array
function* g(arr) { for (const x of arr) yield x * 2; }
const it = g([1, 2, 3]);
console.log(it.next().value, it.next().value);
console.log(JSON.stringify(it.return(5)), JSON.stringify(it.next()));
// nested and destructuring swap
let u = 1, v = 2;
for (let i = 0; i < 3; i++) [u, v] = [v, u];
console.log(u, v);
let total = 0;
for (const row of [[1, 2], [3, 4]]) for (const x of row) total += x;
console.log(total);
// array subclasses and iterating typed arrays / strings stay correct
class MyArr extends Array {}
const m = MyArr.from([1, 2]);
for (const x of m) console.log("sub", x);
for (const x of new Uint8Array([9, 8])) console.log("ta", x);
for (const ch of "hé") console.log("str", ch);
// sparse array with a huge length
const sp = [];
sp[5] = "five";
let cnt = 0;
for (const x of sp) cnt++;
console.log(cnt);

// The same inside a function called repeatedly (so compiled code runs the loops).
function walk(arr, mutate) {
  const out = [];
  for (const x of arr) {
    out.push(x);
    if (mutate === "grow" && out.length < 4) arr.push(out.length * 10);
    if (mutate === "shrink") arr.length = 2;
    if (mutate === "hole" && out.length === 1) delete arr[1];
  }
  return out.join("|");
}
for (let i = 0; i < 4; i++) {
  Array.prototype[1] = "inherited";
  const holes = walk([1, , 3]);
  delete Array.prototype[1];
  console.log(walk([1, 2, 3]), walk([1], "grow"), walk([1, 2, 3, 4], "shrink"), walk([1, 2, 3], "hole"), holes, walk([]), walk([undefined, null]));
}
// Past the dense elements: a length set beyond them reads holes up to it.
function longer(n) {
  const a = [1, 2];
  a.length = n;
  return walk(a);
}
let lens = "";
for (let i = 0; i < 6; i++) lens += longer(i) + ";";
console.log(lens);
