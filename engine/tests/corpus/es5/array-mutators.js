var a = [];
console.log("push returns: " + a.push(1) + " " + a.push(2, 3));
console.log("a: " + a.join(","));
console.log("pop: " + a.pop() + " a: " + a.join(","));
console.log("shift: " + a.shift() + " a: " + a.join(","));
console.log("unshift returns: " + a.unshift(-1, 0) + " a: " + a.join(","));
console.log("pop empty: " + [].pop() + " shift empty: " + [].shift());
console.log("unshift none: " + [1, 2].unshift());
var stack = [];
for (var i = 0; i < 5; i++) stack.push(i * i);
var popped = [];
while (stack.length) popped.push(stack.pop());
console.log("stack order: " + popped.join(","));
var queue = [];
for (var j = 0; j < 5; j++) queue.push("q" + j);
var shifted = [];
while (queue.length) shifted.push(queue.shift());
console.log("queue order: " + shifted.join(","));
// shift on holey
var holey = [1, , 3];
holey.shift();
console.log("holey after shift: len " + holey.length + " 0 in: " + (0 in holey) + " [1]=" + holey[1]);
// generic push on array-like
var like = { length: 2, 0: "a", 1: "b" };
Array.prototype.push.call(like, "c");
console.log("array-like push: length " + like.length + " [2]=" + like[2]);
Array.prototype.pop.call(like);
console.log("array-like pop: length " + like.length + " has 2: " + (2 in like));
var noLen = {};
Array.prototype.push.call(noLen, "x");
console.log("no length push: " + noLen.length + " " + noLen[0]);
// reverse
var r = [1, 2, 3, 4];
var rr = r.reverse();
console.log("reverse: " + r.join(",") + " same: " + (rr === r));
var rh = [1, , 3, , ];
rh.reverse();
console.log("reverse holes: " + JSON.stringify(rh) + " 0 in: " + (0 in rh) + " 1 in: " + (1 in rh));
// fill via loop then push many
var big = [];
for (var k = 0; k < 10000; k++) big.push(k);
var sum = 0;
while (big.length > 5000) sum += big.pop();
console.log("big: len " + big.length + " popped sum " + sum);
