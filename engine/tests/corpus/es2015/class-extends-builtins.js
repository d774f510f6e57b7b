class Stack extends Array {
  peek() { return this[this.length - 1]; }
  static get [Symbol.species]() { return Array; }
}
const s = new Stack();
s.push(1, 2, 3);
console.log("stack: " + s.length + " peek " + s.peek() + " isArray " + Array.isArray(s) + " instanceof " + (s instanceof Stack));
s.length = 1;
console.log("length truncation works: " + s.length + " " + s.join(","));
s[5] = "x";
console.log("auto length: " + s.length);
const mapped = s.map((x) => x);
console.log("species Array: " + (mapped instanceof Stack) + " " + (mapped instanceof Array));

class MyArray extends Array {
  sum() { return this.reduce((a, b) => a + b, 0); }
}
const ma = MyArray.from([1, 2, 3]);
console.log("from: " + (ma instanceof MyArray) + " sum " + ma.sum());
const filtered = ma.filter((x) => x > 1);
console.log("filter keeps subclass: " + (filtered instanceof MyArray) + " sum " + filtered.sum());
const of = MyArray.of(7, 8);
console.log("of: " + (of instanceof MyArray) + " " + of.sum());
console.log("new MyArray(3): length " + new MyArray(3).length);
console.log("JSON: " + JSON.stringify(ma));

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.name = "HttpError";
    this.status = status;
  }
}
class NotFound extends HttpError {
  constructor(path) { super(404, "not found: " + path); this.name = "NotFound"; }
}
try {
  throw new NotFound("/x");
} catch (e) {
  console.log(e.name + " " + e.status + " " + e.message + " " + (e instanceof NotFound) + (e instanceof HttpError) + (e instanceof Error));
  console.log("toString: " + e.toString());
}
class CauseError extends Error {}
const withCause = new CauseError("outer", { cause: "inner" });
console.log("cause: " + withCause.cause + " name " + withCause.name + " ctor " + withCause.constructor.name);

class DefaultMap extends Map {
  constructor(def) { super(); this.def = def; }
  get(k) { return this.has(k) ? super.get(k) : this.def(); }
}
const dm = new DefaultMap(() => 0);
dm.set("a", 5);
console.log("DefaultMap: " + dm.get("a") + " " + dm.get("missing") + " size " + dm.size + " " + (dm instanceof Map));

class UniqueList extends Set {
  add(v) { return super.add(typeof v === "string" ? v.toLowerCase() : v); }
}
const ul = new UniqueList(["A", "a", "B"]);
console.log("Set subclass constructor uses add: " + [...ul].join(","));

class Str extends String {
  shout() { return this.toUpperCase() + "!"; }
}
const st = new Str("hey");
console.log("String subclass: " + st.shout() + " length " + st.length + " " + typeof st);

class Num extends Number {
  double() { return this * 2; }
}
console.log("Number subclass: " + new Num(21).double());

class Re extends RegExp {
  exec(s) { const r = super.exec(s); if (r) r.extra = "!"; return r; }
}
console.log("RegExp subclass: " + new Re("b+").exec("abbbc").extra + " test " + new Re("z").test("abc"));
