class Animal {
  constructor(name) { this.name = name; }
  speak() { return `${this.name} makes a sound`; }
  get kind() { return "animal"; }
  static create(name) { return new this(name); }
  static describe() { return "Animal class"; }
}
class Dog extends Animal {
  constructor(name, breed) {
    super(name);
    this.breed = breed;
  }
  speak() { return `${super.speak()} — woof`; }
  get kind() { return "dog (" + super.kind + ")"; }
  static describe() { return "Dog < " + super.describe(); }
}
class Puppy extends Dog {
  speak() { return super.speak() + " (squeaky)"; }
}
const d = new Dog("Rex", "lab");
console.log(d.speak());
console.log(d.kind);
console.log(Dog.describe());
const pup = Puppy.create("Bit");
console.log(pup.speak() + " | " + pup.breed + " | " + (pup instanceof Puppy) + (pup instanceof Dog) + (pup instanceof Animal));
console.log("static inheritance: " + (Object.getPrototypeOf(Dog) === Animal) + " " + (Object.getPrototypeOf(Dog.prototype) === Animal.prototype));
// implicit constructor passes args
class Cat extends Animal {}
console.log(new Cat("Tom").speak());
// this before super throws
class Bad extends Animal {
  constructor() {
    try { this.x = 1; } catch (e) { console.log("this before super: " + e.name); }
    super("bad");
  }
}
new Bad();
// missing super call
class NoSuper extends Animal { constructor() {} }
try { new NoSuper(); } catch (e) { console.log("no super: " + e.name); }
// super called twice
class Twice extends Animal { constructor() { super("a"); try { super("b"); } catch (e) { console.log("super twice: " + e.name); } } }
new Twice();
// returning object from derived constructor without super is fine
class ReturnsObj extends Animal { constructor() { return { custom: true }; } }
console.log("returns object: " + new ReturnsObj().custom);
// extends null-ish and expressions
function mixin(Base) { return class extends Base { mixed() { return "mixed:" + this.name; } }; }
class Mixed extends mixin(Animal) {}
console.log(new Mixed("m").mixed() + " " + new Mixed("m").speak());
try {
  class X extends 42 {}
} catch (e) {
  console.log("extends non-constructor: " + e.name);
}
// extends ES5-style constructor
function Legacy(v) { this.v = v; }
Legacy.prototype.getV = function () { return this.v; };
class Modern extends Legacy { getV() { return "modern " + super.getV(); } }
console.log(new Modern(5).getV());
// super property access in object literals
const base = { greet() { return "base greet"; } };
const derived = { __proto__: base, greet() { return super.greet() + " + derived"; } };
console.log(derived.greet());
// super.method uses this of the caller
class A { who() { return this.id; } }
class B extends A { constructor() { super(); this.id = "B-instance"; } who() { return "via super: " + super.who(); } }
console.log(new B().who());
// super property assignment sets on this
class SetBase {}
class SetDerived extends SetBase { setIt() { super.prop = "set via super"; return this.hasOwnProperty("prop") + " " + this.prop; } }
console.log(new SetDerived().setIt());
// method override and polymorphism
const zoo = [new Animal("generic"), new Dog("Fido", "mutt"), new Puppy("Tiny", "pug"), new Cat("Kit")];
console.log(zoo.map((a) => a.constructor.name + ":" + a.kind).join(", "));
// instanceof with Symbol.hasInstance default
console.log("Dog instanceof Function: " + (Dog instanceof Function));
