// Private methods: one function object per class, `super` through the class prototype,
// methods added before any field initialiser runs, and no double initialisation.
class Base {
  greet() { return "base"; }
  static sgreet() { return "static base"; }
}
class Derived extends Base {
  #viaSuper() { return "derived+" + super.greet(); }
  static #sViaSuper() { return "static derived+" + super.sgreet(); }
  field = this.#viaSuper();
  static sfield = Derived.#sViaSuper();
  get #acc() { return "acc:" + super.greet(); }
  set #acc(v) { this.log = v; }
  read() { return this.#acc; }
  write(v) { this.#acc = v; return this.log; }
  fn() { return this.#viaSuper; }
}
const d = new Derived();
console.log(d.field, "|", Derived.sfield);
console.log(d.read(), "|", d.write("w"));
console.log("same function:", d.fn() === new Derived().fn(), typeof d.fn(), d.fn().name);

// Return override: adding the same private method twice throws a TypeError.
class Trojan { constructor(o) { return o; } }
class Stamp extends Trojan {
  #m() { return 1; }
  static has(o) { return #m in o; }
}
const target = {};
new Stamp(target);
console.log("stamped:", Stamp.has(target));
try { new Stamp(target); console.log("no error"); } catch (e) { console.log("second stamp:", e.constructor.name); }

class StampAccessor extends Trojan {
  get #a() { return 1; }
  set #a(v) {}
  static has(o) { return #a in o; }
}
const t2 = {};
new StampAccessor(t2);
console.log("accessor stamped:", StampAccessor.has(t2));
try { new StampAccessor(t2); console.log("no error"); } catch (e) { console.log("accessor second stamp:", e.constructor.name); }

// A private method is not writable; a private getter without a setter cannot be assigned.
class RO {
  #m() {}
  get #g() { return 1; }
  tryM() { try { this.#m = 1; return "assigned"; } catch (e) { return e.constructor.name; } }
  tryG() { try { this.#g = 1; return "assigned"; } catch (e) { return e.constructor.name; } }
}
console.log("assign method:", new RO().tryM(), "| assign getter-only:", new RO().tryG());

// Generator and async private methods.
class Gen {
  *#items() { yield 1; yield 2; }
  async #later() { return "later"; }
  list() { return [...this.#items()]; }
  later() { return this.#later(); }
}
console.log("private generator:", new Gen().list().join(","));
new Gen().later().then((v) => console.log("private async:", v));

// A field holding a class method stays writable (it is a field, not a private method).
class F {
  static m() { return "m"; }
  #f = F.m;
  swap() { this.#f = () => "swapped"; return this.#f(); }
}
console.log("field holding a method:", new F().swap());

// Arrow functions (async ones too) see the enclosing `this`, `super` and `new.target`.
class Outer extends Base {
  run() {
    const a = async () => [this.tag, super.greet()];
    return a();
  }
}
const o = new Outer();
o.tag = "T";
o.run().then((v) => console.log("async arrow this/super:", v.join(",")));
function Ctor() { const f = async () => new.target === Ctor; f().then((v) => console.log("async arrow new.target:", v)); }
new Ctor();
