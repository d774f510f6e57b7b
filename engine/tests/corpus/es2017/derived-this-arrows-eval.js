// A derived constructor's `this` reached from arrows and eval code: super() in an arrow
// binds the constructor's `this`, arrows created before super() see it afterwards, and
// new.target / super in eval code follow the calling function.
class Base {
  constructor(tag) { this.tag = tag; }
  hello() { return "hello " + this.tag; }
}
class ViaArrow extends Base {
  constructor() {
    const early = () => this;
    const init = (t) => super(t);
    try { early(); } catch (e) { console.log("before super:", e.constructor.name); }
    init("arrow");
    console.log("after super same this:", early() === this, this.tag);
    try { init("again"); } catch (e) { console.log("second super:", e.constructor.name); }
  }
}
new ViaArrow();
class ViaEval extends Base {
  field = "f:" + this.tag;
  constructor() {
    eval("super('eval')");
    console.log("eval super:", this.tag, this.field, eval("super.hello()"), eval("new.target === ViaEval"));
  }
}
new ViaEval();
class ReturnsFromArrow extends Base {
  constructor() {
    (() => super("r"))();
    // `this` is read from the context at return.
  }
}
console.log("returned:", new ReturnsFromArrow().tag);
class NeverCalls extends Base {
  constructor() { const f = () => super("x"); }
}
try { new NeverCalls(); } catch (e) { console.log("no super:", e.constructor.name); }
class SuperProp extends Base {
  constructor() {
    const g = () => super.hello();
    super("sp");
    console.log("super prop in arrow:", g());
  }
}
new SuperProp();
// A normal function inside a derived constructor has its own `this`.
class Inner extends Base {
  constructor() {
    super("inner");
    const self = this;
    function own() { return this === self; }
    const arrow = () => { function deep() { return typeof this; } return deep.call(7); };
    console.log("own this:", own.call({}), arrow());
  }
}
new Inner();
function F() { return eval("new.target"); }
console.log("new.target via eval:", new F() === F, F() === undefined);
try { (function () { eval("super.x"); })(); } catch (e) { console.log("super outside method:", e.constructor.name); }
class Priv { #secret = 42; read() { return eval("this.#secret"); } }
console.log("private name in eval:", new Priv().read());
try { eval("this.#nope"); } catch (e) { console.log("undeclared private in eval:", e.constructor.name); }
function conflict() { let c = 1; try { eval("var c = 2"); } catch (e) { return e.constructor.name; } return "no error"; }
console.log("eval var over let:", conflict());
function params(a = 1) { eval("var a = 5"); return a; }
console.log("eval var over parameter:", params());
function blockLet() { { let q = 0; } eval("var q = 1"); return q; }
console.log("eval var beside a block let:", blockLet());
