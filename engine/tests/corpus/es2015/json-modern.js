console.log(JSON.stringify({ m: new Map([["a", 1]]), s: new Set([1]), sym: Symbol("x"), [Symbol("k")]: 1 }));
console.log(JSON.stringify([Symbol("a"), () => 1, undefined]));
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  toJSON() { return `P(${this.x},${this.y})`; }
}
console.log(JSON.stringify({ p: new Point(1, 2), list: [new Point(3, 4)] }));
class Secret {
  constructor() { this.public = 1; this._private = 2; }
  toJSON() { return Object.fromEntries(Object.entries(this).filter(([k]) => !k.startsWith("_"))); }
}
console.log(JSON.stringify(new Secret()));
console.log(JSON.stringify({ a: 1, b: [1, 2], c: { d: 1 } }, (k, v) => (Array.isArray(v) ? v.length : v)));
console.log(JSON.stringify({ 1: "one", b: "bee", 2: "two" }, [2, "b"]));
console.log(JSON.stringify("\uD83D\uDE00 \uD800 \uDFFF"));
console.log(JSON.stringify("\u2028\u2029").length);
const reviver = (k, v) => (typeof v === "string" && /^\d{4}-\d{2}$/.test(v) ? { ym: v.split("-").map(Number) } : v);
console.log(JSON.stringify(JSON.parse('{"when":"2024-05","other":"x"}', reviver)));
const mapToJSON = (map) => JSON.stringify([...map]);
const jsonToMap = (s) => new Map(JSON.parse(s));
const orig = new Map([["k1", { v: 1 }], ["k2", [1, 2]]]);
const restored = jsonToMap(mapToJSON(orig));
console.log("map round trip: " + restored.size + " " + restored.get("k1").v + " " + restored.get("k2").join("+"));
console.log(JSON.stringify({ nested: { arr: [{ a: [] }, {}] } }, null, "\t"));
const big = { list: Array.from({ length: 5 }, (_, i) => ({ id: i, sq: i ** 2 })) };
console.log(JSON.stringify(big));
const parsed = JSON.parse(JSON.stringify(big), function (k, v) { return k === "sq" ? undefined : v; });
console.log(JSON.stringify(parsed));
console.log(JSON.stringify({ date: { toJSON(key) { return "key:" + key; } } }));
console.log(JSON.stringify([new Number(1), new String("s"), new Boolean(true), Object(Symbol("z"))]));
console.log(JSON.stringify({ a: [,], b: [undefined] }));
console.log(JSON.stringify(Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } })));
