// Constructors run their class's instance elements (fields, private methods and accessors)
// exactly when the class has some; a class with none (only methods, static members) still
// constructs as before. Constructed often, so every tier compiles and inlines them.
class Plain { constructor(x) { this.x = x; } sum() { return this.x; } }
class StaticOnly { static count = 0; static #secret = 5; static peek() { return StaticOnly.#secret; } constructor(x) { this.x = x; StaticOnly.count++; } }
class PrivateMethod { #twice() { return this.x * 2; } constructor(x) { this.x = x; } run() { return this.#twice(); } }
class PrivateAccessor { get #v() { return this.x + 1; } constructor(x) { this.x = x; } run() { return this.#v; } }
class Field { y = 10; constructor(x) { this.x = x; } run() { return this.x + this.y; } }
class PrivateField { #z = 3; constructor(x) { this.x = x; } run() { return this.x * this.#z; } }
class DefaultCtor { w = 7; run() { return this.w; } }
class NoElementsDefault { run() { return 1; } }
class Base { constructor(x) { this.x = x; } }
class DerivedWithField extends Base { d = 4; run() { return this.x + this.d; } }
class DerivedPlain extends Base { run() { return this.x; } }
const key = "computed";
class ComputedStatic { static [key] = 1; constructor(x) { this.x = x; } }

let total = 0;
for (let i = 0; i < 300; i++) {
  total += new Plain(i).sum();
  total += new StaticOnly(i).x;
  total += new PrivateMethod(i).run();
  total += new PrivateAccessor(i).run();
  total += new Field(i).run();
  total += new PrivateField(i).run();
  total += new DefaultCtor().run();
  total += new NoElementsDefault().run();
  total += new DerivedWithField(i).run();
  total += new DerivedPlain(i).run();
  total += new ComputedStatic(i).x;
}
console.log(total, StaticOnly.count, StaticOnly.peek(), ComputedStatic.computed);
console.log(Object.keys(new Field(1)).join(), Object.keys(new Plain(1)).join(), Object.keys(new DerivedWithField(2)).join());
// A private method is checked on the instance: an object made elsewhere does not have it.
try { PrivateMethod.prototype.run.call({ x: 1 }); } catch (e) { console.log(e instanceof TypeError); }
// Returning an object from a constructor with fields: fields land on `this`, not the result.
class Returns { f = 1; constructor() { return { other: true }; } }
console.log(JSON.stringify(new Returns()));
