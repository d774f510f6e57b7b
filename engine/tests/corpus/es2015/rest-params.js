function collect(first, ...rest) {
  return "first=" + first + " rest=" + JSON.stringify(rest) + " isArray=" + Array.isArray(rest);
}
console.log(collect(1, 2, 3));
console.log(collect(1));
console.log(collect());
function onlyRest(...all) { return all.length; }
console.log("lengths: " + onlyRest() + " " + onlyRest(undefined) + " " + onlyRest(1, 2, 3, 4));
console.log("fn.length: " + collect.length + " " + onlyRest.length);
// rest is a real array with methods
function sum(...nums) { return nums.reduce((a, b) => a + b, 0); }
console.log("sum: " + sum(1, 2, 3, 4.5));
// rest with arguments object (sloppy, non-simple params => unmapped)
function restAndArgs(a, ...r) {
  a = "changed";
  return arguments[0] + " " + arguments.length + " " + r.length;
}
console.log("arguments unmapped: " + restAndArgs("orig", 2, 3));
// rest destructuring in params
function head([h, ...t]) { return h + "|" + t.join(","); }
console.log("array rest param: " + head([1, 2, 3]));
function pick({ a, ...others }) { return a + "|" + JSON.stringify(others); }
console.log("object rest param: " + pick({ a: 1, b: 2, c: 3 }));
// arrow rest
const tail = (_, ...xs) => xs;
console.log("arrow rest: " + tail("x", "y", "z").join(""));
// forwarding with spread
function wrapper(...args) { return collect(...args); }
console.log("forward: " + wrapper("a", "b"));
// many args
const big = [];
for (let i = 0; i < 500; i++) big.push(i);
console.log("500 args: " + onlyRest(...big) + " sum " + sum(...big));
// rest in method and class
class Logger {
  constructor(prefix) { this.prefix = prefix; }
  log(level, ...msgs) { return "[" + this.prefix + ":" + level + "] " + msgs.join(" "); }
}
console.log(new Logger("app").log("info", "started", "ok", 42));
