let order = [];
class Fields {
  a = (order.push("field a"), 1);
  b = this.a + 1;
  ["computed" + "Field"] = "cf";
  noInit;
  static s = (order.push("static s"), "static value");
  static {
    order.push("static block 1");
    this.fromBlock = this.s + "!";
  }
  static t = (order.push("static t"), Fields.s.length);
  static {
    order.push("static block 2");
  }
  constructor() {
    order.push("constructor body");
    this.c = this.b + 1;
  }
}
console.log("class definition order: " + order.join(", "));
order = [];
const f = new Fields();
console.log("instance order: " + order.join(", "));
console.log("values: " + f.a + f.b + f.c + " " + f.computedField + " noInit=" + f.noInit + " has noInit: " + ("noInit" in f));
console.log("static: " + Fields.s + " " + Fields.fromBlock + " " + Fields.t);
console.log("own keys: " + Object.keys(f).join(","));
console.log("fields are own not proto: " + Fields.prototype.hasOwnProperty("a"));

// derived class fields initialized after super()
class Base {
  baseField = "base";
  constructor() { order.push("base ctor sees derived field: " + this.derivedField); }
}
class Derived extends Base {
  derivedField = "derived";
  constructor() {
    order.push("before super");
    super();
    order.push("after super: " + this.derivedField);
  }
}
order = [];
const d = new Derived();
console.log(order.join(" | "));
console.log(d.baseField + " " + d.derivedField);

// field initializers see this and arrows capture instance
class Clicker {
  count = 0;
  click = () => ++this.count;
}
const c1 = new Clicker(), c2 = new Clicker();
const detached = c1.click;
detached(); detached();
console.log("arrow field: " + c1.count + " " + c2.count + " distinct fns: " + (c1.click !== c2.click));

// fields shadow accessors on prototype via define semantics
class WithSetter {
  set x(v) { order.push("setter called"); }
}
class FieldOverSetter extends WithSetter {
  x = "field";
}
order = [];
const fo = new FieldOverSetter();
console.log("define semantics: " + fo.x + " setter calls: " + order.length + " own: " + fo.hasOwnProperty("x"));

// static fields inherited via prototype chain of constructors
class P { static shared = "from P"; static who() { return this.name; } }
class Q extends P {}
console.log("static inherit: " + Q.shared + " " + Q.who() + " own: " + Q.hasOwnProperty("shared"));

// static block has access to class scope and can use let/var locally
let leaked;
class Registry {
  static items = [];
  static {
    for (let i = 0; i < 3; i++) this.items.push("item" + i);
    var local = "local";
    leaked = () => local;
  }
}
console.log("registry: " + Registry.items.join(",") + " " + leaked());

// field named constructor-like keys and numeric keys
class Odd {
  0 = "zero";
  "with space" = "ws";
  static 1 = "static one";
}
const odd = new Odd();
console.log("odd keys: " + odd[0] + " " + odd["with space"] + " " + Odd[1]);
// this in static field initializer is the class
class SelfRef { static me = this; static nm = this.name; }
console.log("static this: " + (SelfRef.me === SelfRef) + " " + SelfRef.nm);
