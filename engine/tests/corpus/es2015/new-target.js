function Legacy() {
  return new.target === undefined ? "called" : "constructed:" + (new.target === Legacy);
}
console.log(Legacy());
console.log(new Legacy() instanceof Legacy);
function Reporter() { this.target = new.target; }
const r = new Reporter();
console.log("function new.target: " + (r.target === Reporter));
function OnlyNew() {
  if (!new.target) throw new TypeError("must use new");
  this.ok = true;
}
try { OnlyNew(); } catch (e) { console.log("guard: " + e.name + " " + e.message); }
console.log("with new: " + new OnlyNew().ok);

class Base {
  constructor() { this.created = new.target.name; }
  static make() { return new this(); }
}
class Derived extends Base {}
console.log("class new.target: " + new Base().created + " " + new Derived().created + " " + Derived.make().created);

class Abstract {
  constructor() {
    if (new.target === Abstract) throw new TypeError("abstract");
    this.kind = new.target.name;
  }
}
class Concrete extends Abstract {}
try { new Abstract(); } catch (e) { console.log("abstract: " + e.message); }
console.log("concrete: " + new Concrete().kind);

// new.target in arrow is inherited from enclosing function
function WithArrow() {
  const arrow = () => new.target;
  this.fromArrow = arrow() === WithArrow;
}
console.log("arrow inherits: " + new WithArrow().fromArrow);

// new.target in methods is undefined
class M { method() { return new.target; } }
console.log("method new.target: " + new M().method());

// new.target via subclass factory
class Shape {
  constructor() { this.type = new.target === Shape ? "generic" : new.target.name.toLowerCase(); }
}
class Circle extends Shape {}
class Square extends Shape {}
console.log([new Shape(), new Circle(), new Square()].map((s) => s.type).join(","));
// bound functions and new.target
function Target() { this.t = new.target === Target; }
const Bound = Target.bind(null);
console.log("bound new.target is target: " + new Bound().t);
