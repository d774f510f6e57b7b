class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  add(other) { return new Point(this.x + other.x, this.y + other.y); }
  toString() { return `Point(${this.x}, ${this.y})`; }
  get length() { return Math.sqrt(this.x * this.x + this.y * this.y); }
  set length(v) { const f = v / this.length; this.x *= f; this.y *= f; }
  static origin() { return new Point(0, 0); }
  static get unit() { return new Point(1, 0); }
}
const p = new Point(3, 4);
console.log(String(p) + " length " + p.length);
p.length = 10;
console.log("after set: " + p);
console.log("add: " + p.add(new Point(1, 1)));
console.log("static: " + Point.origin() + " " + Point.unit);
console.log("typeof class: " + typeof Point);
console.log("prototype method not enumerable: " + Object.keys(Point.prototype).length + " " + Point.prototype.propertyIsEnumerable("add"));
console.log("own props: " + Object.keys(p).join(","));
console.log("constructor: " + (p.constructor === Point) + " " + (Object.getPrototypeOf(p) === Point.prototype));
console.log("name: " + Point.name + " length: " + Point.length);
try {
  Point(1, 2);
} catch (e) {
  console.log("call without new: " + e.name);
}
// class body is strict
class StrictCheck {
  m() { return (function () { return this; })(); }
}
console.log("class body strict: " + new StrictCheck().m());
// class expression
const Anon = class { hi() { return "anon hi"; } };
console.log(new Anon().hi() + " name " + Anon.name);
const NamedExpr = class Inner { who() { return Inner.name; } };
console.log("named class expr: " + new NamedExpr().who() + " typeof Inner outside: " + typeof Inner);
// class binding is immutable inside the class
class Immutable {
  static tryRebind() { try { Immutable = null; return "rebound"; } catch (e) { return e.name; } }
}
console.log("rebind inside: " + Immutable.tryRebind());
// methods are not constructors
try {
  new p.add(p);
} catch (e) {
  console.log("new method: " + e.name);
}
// getter-only accessor
class Temp {
  constructor(c) { this.c = c; }
  get f() { return this.c * 9 / 5 + 32; }
}
const t = new Temp(100);
console.log("getter: " + t.f);
// static methods and this
class Counter {
  static count = 0;
  static inc() { return ++this.count; }
}
Counter.inc(); Counter.inc();
console.log("static this: " + Counter.count);
// instance methods shared
console.log("shared: " + (new Point(1, 1).add === new Point(2, 2).add));
// class with no constructor
class Empty {}
console.log("empty class: " + (new Empty() instanceof Empty) + " " + Object.keys(new Empty()).length);
// string and numeric method names
class Names {
  "quoted name"() { return "q"; }
  42() { return "num"; }
}
const nm = new Names();
console.log("names: " + nm["quoted name"]() + " " + nm[42]());
// constructor returning object
class Override { constructor() { return { overridden: true }; } }
console.log("override: " + new Override().overridden + " " + (new Override() instanceof Override));
// method chaining
class Builder {
  constructor() { this.parts = []; }
  add(p) { this.parts.push(p); return this; }
  build() { return this.parts.join(" "); }
}
console.log(new Builder().add("a").add("b").add("c").build());
