// Reflect: every function over the ordinary internal methods.
function show(label, v) { console.log(label + ": " + String(v)); }
function err(f) {
  try { f(); return "no error"; } catch (e) { return e.constructor === TypeError ? "TypeError" : e.message === "boom" ? "boom" : "other"; }
}

show("tag", Object.prototype.toString.call(Reflect) + " " + typeof Reflect);
var gd = Object.getOwnPropertyDescriptor(globalThis, "Reflect");
show("global desc", gd.writable + " " + gd.enumerable + " " + gd.configurable);
show("not callable", err(function () { Reflect(); }) + " " + err(function () { new Reflect(); }));
show("proto", Object.getPrototypeOf(Reflect) === Object.prototype);
["apply", "construct", "defineProperty", "deleteProperty", "get", "getOwnPropertyDescriptor", "getPrototypeOf",
 "has", "isExtensible", "ownKeys", "preventExtensions", "set", "setPrototypeOf"].forEach(function (n) {
  var d = Object.getOwnPropertyDescriptor(Reflect, n);
  show(n, Reflect[n].length + " " + Reflect[n].name + " " + d.writable + d.enumerable + d.configurable);
});

// apply
show("apply", Reflect.apply(function (a, b) { return this.x + a + b; }, { x: 1 }, [2, 3]));
show("apply array-like", Reflect.apply(function () { return arguments.length + ":" + arguments[1]; }, null, { length: 2, 1: "b" }));
show("apply not callable", err(function () { Reflect.apply({}, null, []); }));
show("apply no list", err(function () { Reflect.apply(function () {}, null); }));
show("apply primitive list", err(function () { Reflect.apply(function () {}, null, 1); }));

// construct
function F(a) { this.a = a; this.nt = new.target; }
function G() {}
G.prototype.tag = "G";
var o = Reflect.construct(F, [7]);
show("construct", o.a + " " + (o instanceof F) + " " + (o.nt === F));
o = Reflect.construct(F, [8], G);
show("construct newTarget", o.a + " " + o.tag + " " + (o.nt === G) + " " + (o instanceof G));
class Base { constructor() { this.made = new.target.name; } }
class Derived extends Base {}
show("construct class", Reflect.construct(Base, [], Derived).made);
show("construct builtin", Reflect.construct(Array, [3]).length + " " + (Reflect.construct(Map, [], G) instanceof G));
show("construct not ctor", err(function () { Reflect.construct(() => 1, []); }));
show("newTarget not ctor", err(function () { Reflect.construct(F, [], {}); }));
show("newTarget arrow", err(function () { Reflect.construct(F, [], () => {}); }));
show("newTarget undefined explicit", err(function () { Reflect.construct(F, [], undefined); }));
show("construct no list", err(function () { Reflect.construct(F); }));

// defineProperty
var t = {};
show("defineProperty", Reflect.defineProperty(t, "x", { value: 1 }) + " " + t.x);
show("redefine non-configurable", Reflect.defineProperty(t, "x", { value: 2 }));
show("same value ok", Reflect.defineProperty(t, "x", { value: 1 }));
Object.preventExtensions(t);
show("non-extensible", Reflect.defineProperty(t, "y", { value: 1 }));
show("defineProperty bad desc", err(function () { Reflect.defineProperty({}, "x", 1); }));
show("defineProperty target", err(function () { Reflect.defineProperty(1, "x", {}); }));
var arr = [1, 2, 3];
show("array length", Reflect.defineProperty(arr, "length", { value: 1 }) + " " + arr.length);
var ko = {};
show("key coercion", Reflect.defineProperty(ko, { toString: function () { return "kk"; } }, { value: 3, enumerable: true }) + " " + ko.kk);

// deleteProperty
var d = { a: 1 };
Object.defineProperty(d, "b", { value: 2 });
show("deleteProperty", Reflect.deleteProperty(d, "a") + " " + ("a" in d) + " " + Reflect.deleteProperty(d, "b") + " " + Reflect.deleteProperty(d, "zz"));
show("deleteProperty target", err(function () { Reflect.deleteProperty("s", "length"); }));

// get with receivers
var src = { get g() { return this.v; }, v: "own" };
show("get", Reflect.get(src, "v") + " " + Reflect.get(src, "g") + " " + Reflect.get(src, "g", { v: "recv" }));
show("get inherited", Reflect.get(Object.create(src), "g", { v: "r2" }));
show("get index", Reflect.get([5, 6], 1) + " " + Reflect.get([5, 6], "length"));
show("get target", err(function () { Reflect.get(1, "x"); }));
show("get throws", err(function () { Reflect.get({ get x() { throw new Error("boom"); } }, "x"); }));
show("get symbol", Reflect.get({ [Symbol.toStringTag]: "T" }, Symbol.toStringTag));

// getOwnPropertyDescriptor
var pd = Reflect.getOwnPropertyDescriptor({ a: 1 }, "a");
show("gOPD", pd.value + " " + pd.writable + pd.enumerable + pd.configurable);
pd = Reflect.getOwnPropertyDescriptor(src, "g");
show("gOPD accessor", typeof pd.get + " " + pd.set + " " + ("value" in pd));
show("gOPD missing", Reflect.getOwnPropertyDescriptor({}, "a"));
show("gOPD target", err(function () { Reflect.getOwnPropertyDescriptor("abc", "length"); }));

// getPrototypeOf / setPrototypeOf
show("getPrototypeOf", (Reflect.getPrototypeOf([]) === Array.prototype) + " " + Reflect.getPrototypeOf(Object.create(null)));
show("getPrototypeOf target", err(function () { Reflect.getPrototypeOf(1); }));
var p = {};
var c = {};
show("setPrototypeOf", Reflect.setPrototypeOf(c, p) + " " + (Object.getPrototypeOf(c) === p));
show("setPrototypeOf null", Reflect.setPrototypeOf(c, null) + " " + Object.getPrototypeOf(c));
show("setPrototypeOf cycle", Reflect.setPrototypeOf(p, Object.create(p)));
show("setPrototypeOf non-extensible", Reflect.setPrototypeOf(Object.preventExtensions({}), p));
show("setPrototypeOf same on non-extensible", Reflect.setPrototypeOf(Object.preventExtensions({}), Object.prototype));
show("setPrototypeOf bad proto", err(function () { Reflect.setPrototypeOf({}, 1); }) + " " + err(function () { Reflect.setPrototypeOf({}); }));
show("setPrototypeOf target", err(function () { Reflect.setPrototypeOf(1, null); }));

// has
show("has", Reflect.has({ a: 1 }, "a") + " " + Reflect.has(Object.create({ b: 1 }), "b") + " " + Reflect.has({}, "c") + " " + Reflect.has([1], 0));
show("has target", err(function () { Reflect.has("abc", "length"); }));

// isExtensible / preventExtensions
var e = {};
show("isExtensible", Reflect.isExtensible(e) + " " + Reflect.preventExtensions(e) + " " + Reflect.isExtensible(e) + " " + Reflect.preventExtensions(e));
show("isExtensible frozen", Reflect.isExtensible(Object.freeze({})));
show("isExtensible target", err(function () { Reflect.isExtensible(1); }) + " " + err(function () { Reflect.preventExtensions(1); }));

// ownKeys
var ok = { b: 1, a: 2, 1: "x", 0: "y" };
var s1 = Symbol("s1");
ok[s1] = 3;
Object.defineProperty(ok, "hidden", { value: 1, enumerable: false });
var keys = Reflect.ownKeys(ok);
show("ownKeys", keys.length + " " + keys.slice(0, 5).join(",") + " " + (keys[5] === s1));
show("ownKeys array", Reflect.ownKeys([1, 2]).join(","));
show("ownKeys target", err(function () { Reflect.ownKeys("s"); }));

// set with receivers
var st = { x: 1 };
show("set", Reflect.set(st, "x", 2) + " " + st.x);
var recv = {};
show("set receiver", Reflect.set(st, "x", 3, recv) + " " + st.x + " " + recv.x);
var setterLog = "";
var withSetter = { set s(v) { setterLog = this.name + "=" + v; }, name: "target" };
Reflect.set(withSetter, "s", 1, { name: "receiver" });
show("setter receiver", setterLog);
var ro = Object.defineProperty({}, "r", { value: 1, writable: false });
show("set read-only", Reflect.set(ro, "r", 2) + " " + ro.r);
show("set no setter", Reflect.set({ get g() { return 1; } }, "g", 2));
show("set primitive receiver", Reflect.set({}, "p", 1, 5));
var recvRo = Object.defineProperty({}, "x", { value: 0, writable: false });
show("receiver read-only", Reflect.set({ x: 1 }, "x", 9, recvRo) + " " + recvRo.x);
var recvAcc = { get x() { return "acc"; } };
show("receiver accessor", Reflect.set({ x: 1 }, "x", 9, recvAcc));
var frozenRecv = Object.preventExtensions({});
show("receiver non-extensible", Reflect.set({}, "n", 1, frozenRecv) + " " + frozenRecv.n);
var arr2 = [];
show("set array index", Reflect.set(arr2, 3, "v") + " " + arr2.length);
show("set target", err(function () { Reflect.set(1, "x", 1); }));
