// shift, unshift, reverse and splice over holes (with and without indexed prototype properties,
// on non-extensible arrays), and splices near the end of a long array, against node.
function show(a) { const o = []; for (let i = 0; i < a.length; i++) o.push(i in a ? String(a[i]) : "_"); return "[" + o.join(",") + "] len=" + a.length; }
let a = [1, , 3, , 5];
console.log(String(a.shift()), show(a));
a = [, 2, 3];
console.log(String(a.shift()), show(a));
a = [1, , 3];
a.unshift(9, 8);
console.log(show(a));
a = [1, , 3, 4, , ];
a.reverse();
console.log(show(a));
a = [1, , 3, , 5, 6];
let r = a.splice(1, 2, "x");
console.log(show(r), show(a));
a = [1, , 3, , 5, 6];
r = a.splice(4, 0, "y", "z");
console.log(show(r), show(a));
Array.prototype[1] = "P";
a = [0, , 2, , 4];
console.log(String(a.shift()), show(a));
a = [0, , 2];
a.reverse();
console.log(show(a));
a = [0, , 2, 3];
r = a.splice(0, 2);
console.log(show(r), show(a));
delete Array.prototype[1];
a = [1, , 3];
Object.preventExtensions(a);
try { a.reverse(); console.log("no throw", show(a)); } catch (e) { console.log(e.constructor.name, show(a)); }
a = [1, , 3];
Object.preventExtensions(a);
try { a.shift(); console.log("no throw", show(a)); } catch (e) { console.log(e.constructor.name, show(a)); }
a = [1, 2, 3];
Object.preventExtensions(a);
console.log(String(a.shift()), show(a));
a = [1, 2, 3, 4];
Object.preventExtensions(a);
r = a.splice(1, 2, "q");
console.log(show(r), show(a));
const big = [];
for (let i = 0; i < 50000; i++) big.push(i);
for (let i = 0; i < 50000; i++) big.splice(big.length - 1, 1, i, i);
console.log(big.length, big[big.length - 1]);
