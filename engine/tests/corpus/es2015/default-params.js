function greet(name = "world", punct = "!") { return "hello " + name + punct; }
console.log(greet());
console.log(greet("jolt"));
console.log(greet(undefined, "?"));
console.log(greet(null));
console.log(greet(""));

// defaults evaluated at call time
let counter = 0;
function tick(v = ++counter) { return v; }
console.log("call-time evaluation: " + tick() + " " + tick() + " " + tick(100) + " " + tick());

// defaults can reference earlier params
function range(start, end = start + 5, step = end > start ? 1 : -1) {
  const out = [];
  for (let i = start; i !== end; i += step) out.push(i);
  return out.join(",");
}
console.log("range(1): " + range(1));
console.log("range(3, 0): " + range(3, 0));

// defaults with objects are fresh each call
function append(item, list = []) { list.push(item); return list; }
console.log("fresh default: " + append(1).length + " " + append(2).length);

// function length counts params before first default
function lenTest(a, b = 1, c) {}
console.log("length: " + lenTest.length + " " + ((x, y) => 0).length + " " + ((x = 1, y) => 0).length);

// arguments is not affected by defaults
function argsCheck(a = "default") { return arguments.length + ":" + arguments[0] + ":" + a; }
console.log("arguments: " + argsCheck() + " " + argsCheck("given"));

// defaults with destructuring
function config({ host = "localhost", port = 80 } = {}) { return host + ":" + port; }
console.log(config() + " " + config({ port: 8080 }) + " " + config({ host: "example" }));

// default can call a function declared in outer scope
function defaultValue() { return "computed"; }
function useFn(v = defaultValue()) { return v; }
console.log(useFn());

// default referencing this
const obj = {
  prefix: ">>",
  say(msg = this.prefix + " default") { return msg; }
};
console.log(obj.say());

// param scope is separate from body var scope
const x = "outer";
function scopes(a = () => x) {
  var x = "inner";
  return a();
}
console.log("param scope: " + scopes());

// default throws only when used
function maybeThrow(v = (() => { throw new Error("used default"); })()) { return v; }
console.log(maybeThrow(5));
try { maybeThrow(); } catch (e) { console.log("thrown: " + e.message); }
// defaults in arrow with destructured array
const sumPair = ([a, b] = [1, 2]) => a + b;
console.log("array default: " + sumPair() + " " + sumPair([10, 20]));
