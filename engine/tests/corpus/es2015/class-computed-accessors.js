const methodName = "dynamic";
const sym = Symbol("symMethod");
let counter = 0;
class Computed {
  [methodName]() { return "dynamic method"; }
  ["prefix_" + (1 + 1)]() { return "computed expr"; }
  [sym]() { return "symbol method"; }
  get [`get${"ter"}`]() { return "computed getter"; }
  static [methodName + "Static"]() { return "static computed"; }
  [(counter++, "evaluatedOnce")]() { return counter; }
}
const c = new Computed();
console.log(c.dynamic() + " | " + c.prefix_2() + " | " + c[sym]() + " | " + c.getter + " | " + Computed.dynamicStatic());
console.log("key evaluated once at definition: " + counter + " " + c.evaluatedOnce());
console.log("method names: " + Object.getOwnPropertyNames(Computed.prototype).join(","));
console.log("symbol keys: " + Object.getOwnPropertySymbols(Computed.prototype).map(String).join(","));

class Temperature {
  constructor(c) { this._c = c; }
  get celsius() { return this._c; }
  set celsius(v) {
    if (typeof v !== "number") throw new TypeError("not a number");
    this._c = v;
  }
  get fahrenheit() { return this._c * 1.8 + 32; }
  set fahrenheit(f) { this._c = Math.round((f - 32) / 1.8 * 1000) / 1000; }
  static get freezing() { return new Temperature(0); }
}
const t = new Temperature(25);
console.log("c=" + t.celsius + " f=" + t.fahrenheit);
t.fahrenheit = 212;
console.log("after f set: c=" + t.celsius);
try { t.celsius = "hot"; } catch (e) { console.log("setter validation: " + e.name + " " + e.message); }
console.log("static getter: " + Temperature.freezing.fahrenheit);
const desc = Object.getOwnPropertyDescriptor(Temperature.prototype, "celsius");
console.log("accessor descriptor: get " + typeof desc.get + " set " + typeof desc.set + " enumerable " + desc.enumerable + " configurable " + desc.configurable);
// getter and setter defined separately merge into one property
class Split {
  get v() { return this._v ?? "unset"; }
  other() {}
  set v(x) { this._v = x * 2; }
}
const sp = new Split();
console.log("split accessor: " + sp.v);
sp.v = 4;
console.log("after set: " + sp.v + " " + Object.getOwnPropertyNames(Split.prototype).join(","));
// accessor overridden in subclass, super accessor call
class Base { get label() { return "base"; } set label(v) { this._label = "base:" + v; } }
class Child extends Base {
  get label() { return "child+" + super.label; }
  set label(v) { super.label = v + "!"; }
}
const ch = new Child();
ch.label = "x";
console.log(ch.label + " " + ch._label);
// getter-only in subclass hides inherited setter
class OnlyGet extends Base { get label() { return "only get"; } }
const og = new OnlyGet();
og.label = "ignored";
console.log("getter-only subclass: " + og.label + " _label=" + og._label);
// class methods are non-enumerable; computed symbol methods too
const keys = [];
for (const k in c) keys.push(k);
console.log("for-in over instance: '" + keys.join(",") + "'");
// computed key using Symbol.iterator makes class iterable
class Range {
  constructor(a, b) { this.a = a; this.b = b; }
  [Symbol.iterator]() {
    let cur = this.a;
    const end = this.b;
    return { next: () => (cur <= end ? { value: cur++, done: false } : { value: undefined, done: true }) };
  }
}
console.log("iterable class: " + [...new Range(3, 7)].join(","));
// computed key ToPropertyKey conversion
const objKey = { toString() { return "fromToString"; } };
class KeyConv { [objKey]() { return "converted"; } [1.5]() { return "float key"; } }
console.log(new KeyConv().fromToString() + " " + new KeyConv()["1.5"]());
