class Counter {
  #count = 0;
  #step;
  constructor(step = 1) { this.#step = step; }
  inc() { this.#count += this.#step; return this; }
  get value() { return this.#count; }
  equals(other) { return this.#count === other.#count; }
  static hasCounter(obj) { return #count in obj; }
}
const c = new Counter(5);
c.inc().inc();
console.log("value: " + c.value);
console.log("not visible as property: " + Object.keys(c).length + " " + ("#count" in c) + " " + c["#count"]);
console.log("JSON: " + JSON.stringify(c));
console.log("equals other instance: " + c.equals(new Counter(10).inc()) + " " + c.equals(new Counter(1)));
console.log("#x in obj: " + Counter.hasCounter(c) + " " + Counter.hasCounter({}) + " " + Counter.hasCounter(Object.create(c)));
try {
  c.equals({});
} catch (e) {
  console.log("access on foreign object: " + e.name);
}
try {
  Counter.hasCounter(1);
} catch (e) {
  console.log("#x in primitive: " + e.name);
}
// same name in different classes are distinct
class A { #x = "A's x"; static read(o) { return o.#x; } }
class B { #x = "B's x"; static read(o) { return o.#x; } }
console.log("distinct names: " + A.read(new A()) + " / " + B.read(new B()));
try { A.read(new B()); } catch (e) { console.log("cross-class read: " + e.name); }
// private fields are per-instance and per-class-evaluation
function makeClass() { return class { #v = 1; static get(o) { return o.#v; } }; }
const C1 = makeClass(), C2 = makeClass();
try { C1.get(new C2()); } catch (e) { console.log("per-evaluation identity: " + e.name); }
console.log("same evaluation works: " + C1.get(new C1()));
// subclass instances have base private fields
class Base { #secret = "base secret"; reveal() { return this.#secret; } }
class Derived extends Base { #secret = "derived secret"; revealOwn() { return this.#secret; } }
const d = new Derived();
console.log("subclass: " + d.reveal() + " | " + d.revealOwn());
// private field initialization order and this
class Order {
  #a = "a";
  #b = this.#a + "b";
  pub = this.#b + "c";
}
console.log("init order: " + new Order().pub);
// adding private field twice via return-override trick throws
class Stamper { constructor(o) { return o; } }
class Stamp extends Stamper { #stamp = "stamped"; static has(o) { return #stamp in o; } }
const target = {};
new Stamp(target);
console.log("stamped plain object: " + Stamp.has(target));
try { new Stamp(target); } catch (e) { console.log("double init: " + e.name); }
// private fields are not inherited through the prototype chain
const proto = new Counter();
const inheritor = Object.create(proto);
try { inheritor.value; } catch (e) { console.log("prototype does not provide private: " + e.name); }
// compound assignment and increment on private
class Inc {
  #n = 1;
  run() { this.#n++; ++this.#n; this.#n *= 10; this.#n ??= 0; this.#n ||= -1; return this.#n; }
}
console.log("compound ops: " + new Inc().run());
// destructuring into private field
class Dest { #p; set(arr) { [this.#p] = arr; return this.#p; } }
console.log("destructuring target: " + new Dest().set(["dp"]));
// frozen object still allows private field writes
class Frozen { #v = 1; constructor() { Object.freeze(this); } bump() { this.#v++; return this.#v; } }
console.log("frozen instance private write: " + new Frozen().bump());
