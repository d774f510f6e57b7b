// cooperative multitasking with generators
function scheduler(tasks) {
  const trace = [];
  const queue = tasks.map(([name, gen]) => ({ name, gen, input: undefined }));
  let steps = 0;
  while (queue.length && steps < 100) {
    const task = queue.shift();
    const { value, done } = task.gen.next(task.input);
    steps++;
    if (done) { trace.push(task.name + " finished with " + value); continue; }
    trace.push(task.name + " yielded " + value);
    task.input = value * 10;
    queue.push(task);
  }
  return trace;
}
function* worker(n, label) {
  let acc = 0;
  for (let i = 1; i <= n; i++) {
    const got = yield i;
    acc += got;
  }
  return label + ":" + acc;
}
console.log(scheduler([["w1", worker(2, "one")], ["w2", worker(3, "two")], ["w3", worker(1, "three")]]).join("\n"));

// producer/consumer via two-way generator communication
function* consumer() {
  const received = [];
  try {
    while (true) {
      const item = yield received.length;
      received.push(item.toUpperCase());
    }
  } finally {
    console.log("consumer received: " + received.join(","));
  }
}
const c = consumer();
c.next();
for (const item of ["a", "b", "c"]) console.log("consumer count after " + item + ": " + c.next(item).value);
c.return();

// generator-driven async-like runner over synchronous "effects"
function run(genFn) {
  const it = genFn();
  let res = it.next();
  const effects = [];
  while (!res.done) {
    const eff = res.value;
    let result;
    try {
      if (eff.type === "add") result = eff.a + eff.b;
      else if (eff.type === "fail") throw new Error(eff.msg);
      else result = "unknown effect";
      effects.push(eff.type + "->" + result);
      res = it.next(result);
    } catch (e) {
      effects.push(eff.type + " threw");
      res = it.throw(e);
    }
  }
  return effects.join(" ") + " | result " + res.value;
}
console.log(run(function* () {
  const x = yield { type: "add", a: 1, b: 2 };
  const y = yield { type: "add", a: x, b: 10 };
  let z;
  try { z = yield { type: "fail", msg: "boom" }; } catch (e) { z = "recovered(" + e.message + ")"; }
  return [x, y, z].join(",");
}));

// generator as state machine for a traffic light
function* trafficLight() {
  while (true) {
    const cmd = yield "green";
    if (cmd === "emergency") { yield "flashing"; continue; }
    yield "yellow";
    yield "red";
  }
}
const light = trafficLight();
const states = [light.next().value];
for (const cmd of [undefined, undefined, undefined, "emergency", undefined, undefined]) states.push(light.next(cmd).value);
console.log("traffic: " + states.join(" -> "));

// infinite id generator shared across objects
const ids = (function* () { let i = 0; while (true) yield "id" + i++; })();
const objs = Array.from({ length: 4 }, () => ({ id: ids.next().value }));
console.log("ids: " + objs.map((o) => o.id).join(","));
