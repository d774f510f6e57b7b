class Temperature {
  #celsius;
  static #instances = 0;
  constructor(c) { this.#celsius = c; Temperature.#instances++; }
  get celsius() { return this.#celsius; }
  set celsius(v) {
    if (v < -273.15) throw new RangeError("below absolute zero");
    this.#celsius = v;
  }
  get fahrenheit() { return Math.round((this.#celsius * 9 / 5 + 32) * 100) / 100; }
  set fahrenheit(f) { this.celsius = Math.round((f - 32) * 5 / 9 * 100) / 100; }
  static get instances() { return Temperature.#instances; }
}
const t = new Temperature(21.5);
console.log("c " + t.celsius + " f " + t.fahrenheit);
t.fahrenheit = 212;
console.log("after f=212: c " + t.celsius);
try { t.celsius = -300; } catch (e) { console.log(e.name + ": " + e.message); }
console.log("unchanged: " + t.celsius);
new Temperature(0);
console.log("instances: " + Temperature.instances);
console.log("keys: " + JSON.stringify(Object.keys(t)) + " desc on proto: " + typeof Object.getOwnPropertyDescriptor(Temperature.prototype, "celsius").get);

class LazyValue {
  #compute;
  #cached = false;
  #value;
  #computations = 0;
  constructor(fn) { this.#compute = fn; }
  get value() {
    if (!this.#cached) { this.#value = this.#compute(); this.#computations++; this.#cached = true; }
    return this.#value;
  }
  get computations() { return this.#computations; }
  reset() { this.#cached = false; }
}
let calls = 0;
const lazy = new LazyValue(() => ++calls * 100);
console.log("lazy: " + lazy.value + " " + lazy.value + " computations " + lazy.computations);
lazy.reset();
console.log("after reset: " + lazy.value + " computations " + lazy.computations);

class Stack {
  #items = [];
  push(...xs) { this.#items.push(...xs); return this; }
  pop() { return this.#items.pop(); }
  get size() { return this.#items.length; }
  get top() { return this.#items.at(-1); }
  *[Symbol.iterator]() { for (let i = this.#items.length - 1; i >= 0; i--) yield this.#items[i]; }
}
const s = new Stack().push(1, 2, 3);
console.log("stack: size " + s.size + " top " + s.top + " iter " + [...s].join(",") + " pop " + s.pop() + " size " + s.size);

class ReadOnlyView {
  #target;
  constructor(target) { this.#target = target; }
  get(key) { return this.#target[key]; }
  get keys() { return Object.keys(this.#target); }
}
const data = { a: 1, b: 2 };
const view = new ReadOnlyView(data);
data.c = 3;
console.log("view sees live data: " + view.keys.join(",") + " " + view.get("c"));

class Observable {
  #value;
  #subs = new Set();
  constructor(v) { this.#value = v; }
  get value() { return this.#value; }
  set value(v) {
    const old = this.#value;
    this.#value = v;
    for (const fn of this.#subs) fn(v, old);
  }
  subscribe(fn) { this.#subs.add(fn); return () => this.#subs.delete(fn); }
}
const obs = new Observable(1);
const seen = [];
const unsub = obs.subscribe((v, old) => seen.push(old + "->" + v));
obs.value = 2;
obs.value = 3;
unsub();
obs.value = 4;
console.log("observable: " + seen.join(", ") + " final " + obs.value);
