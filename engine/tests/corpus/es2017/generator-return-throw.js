function* g1() {
  try {
    yield 1;
    yield 2;
  } finally {
    console.log("  g1 finally");
  }
}
let it = g1();
console.log(JSON.stringify(it.next()));
console.log(JSON.stringify(it.return("R")));
console.log(JSON.stringify(it.next()));

it = g1();
console.log("return before start: " + JSON.stringify(it.return("early")) + " then " + JSON.stringify(it.next()));

function* g2() {
  try {
    yield "a";
  } finally {
    yield "from finally";
    console.log("  after finally yield");
  }
}
it = g2();
it.next();
console.log("return with yield in finally: " + JSON.stringify(it.return("X")));
console.log("continue: " + JSON.stringify(it.next()));
console.log("done: " + JSON.stringify(it.next()));

function* g3() {
  try { yield 1; } finally { return "finally overrides"; }
}
it = g3();
it.next();
console.log("finally return overrides: " + JSON.stringify(it.return("ignored")));

function* g4() {
  while (true) {
    try {
      yield "ready";
    } catch (e) {
      console.log("  caught inside: " + e);
    }
  }
}
it = g4();
it.next();
console.log("throw caught: " + JSON.stringify(it.throw("E1")));
console.log("throw caught again: " + JSON.stringify(it.throw("E2")));

function* g5() { yield 1; yield 2; }
it = g5();
it.next();
try { it.throw(new Error("uncaught")); } catch (e) { console.log("propagated: " + e.message); }
console.log("after uncaught throw: " + JSON.stringify(it.next()));

it = g5();
try { it.throw("before start"); } catch (e) { console.log("throw before start: " + e); }
console.log("state after: " + JSON.stringify(it.next()));

// throw on completed generator rethrows
it = g5();
[...it];
try { it.throw("late"); } catch (e) { console.log("throw after done: " + e); }
console.log("return after done: " + JSON.stringify(it.return(7)));

// generator that throws while running
function* g6() { yield 1; throw new TypeError("inside"); }
it = g6();
it.next();
try { it.next(); } catch (e) { console.log("runtime throw: " + e.name); }
console.log("closed: " + JSON.stringify(it.next()));

// resource management pattern
const log = [];
function* resource(name) {
  log.push("open " + name);
  try {
    for (let i = 0; ; i++) yield name + i;
  } finally {
    log.push("close " + name);
  }
}
for (const v of resource("A")) { if (v === "A2") break; }
const [x1] = resource("B");
try { for (const v of resource("C")) throw new Error("stop"); } catch (e) {}
console.log("resource log: " + log.join(", "));
