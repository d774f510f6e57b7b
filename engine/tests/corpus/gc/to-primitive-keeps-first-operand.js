// `a + b`, `a < b` and `a == b` convert both operands to primitives; the second conversion runs
// JavaScript (and, under GC stress, collects), so the first operand's fresh primitive must
// stay alive. (It was collected and its cell reused: [2] + obj gave "33".)
const obj = { valueOf() { return 3; } };
const str = { toString() { return "s" + [1, 2].join(""); } };
const out = [];
for (let i = 0; i < 20; i++) {
  out.push([2] + obj, obj + [2], [i] + str, [2] < obj, obj < [5], [i, i] + [i], String([3] == str), [1] == { valueOf() { return "1"; } });
}
console.log(out.join(" "));
