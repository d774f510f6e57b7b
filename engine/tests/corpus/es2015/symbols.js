const s1 = Symbol("desc");
const s2 = Symbol("desc");
console.log("typeof: " + typeof s1);
console.log("unique: " + (s1 === s2));
console.log("description: " + s1.description + " empty: " + Symbol().description + " '' : '" + Symbol("").description + "'");
console.log("toString: " + s1.toString() + " String(): " + String(Symbol("x")));
try { "" + s1; } catch (e) { console.log("implicit string conversion: " + e.name); }
try { s1 + 1; } catch (e) { console.log("numeric conversion: " + e.name); }
try { new Symbol(); } catch (e) { console.log("new Symbol: " + e.name); }
console.log("truthy: " + (s1 ? "yes" : "no") + " !s1 " + !s1);
const obj = { [s1]: "symbol value", regular: 1 };
obj[s2] = "second";
console.log("access: " + obj[s1] + " " + obj[s2]);
console.log("keys excludes symbols: " + Object.keys(obj).join(",") + " JSON " + JSON.stringify(obj));
console.log("getOwnPropertySymbols: " + Object.getOwnPropertySymbols(obj).length + " " + (Object.getOwnPropertySymbols(obj)[0] === s1));
const forin = [];
for (const k in obj) forin.push(k);
console.log("for-in excludes: " + forin.join(","));
console.log("in operator: " + (s1 in obj));
const g1 = Symbol.for("app.key");
const g2 = Symbol.for("app.key");
console.log("registry: " + (g1 === g2) + " keyFor " + Symbol.keyFor(g1) + " local keyFor " + Symbol.keyFor(s1));
console.log("well-known: " + typeof Symbol.iterator + " " + Symbol.iterator.toString() + " " + Symbol.iterator.description);
console.log("Symbol.for is not well-known: " + (Symbol.for("Symbol.iterator") === Symbol.iterator));
const wrapped = Object(s1);
console.log("wrapper: " + typeof wrapped + " " + (wrapped.valueOf() === s1) + " " + (wrapped == s1));
console.log("as map key: " + new Map([[s1, "m"]]).get(s1));
console.log("JSON ignores symbol values: " + JSON.stringify({ a: Symbol("x"), b: 1 }) + " " + JSON.stringify([Symbol("y")]));
const hidden = Symbol("hidden");
class Secretive {
  constructor() { this[hidden] = "secret"; this.visible = "public"; }
  reveal() { return this[hidden]; }
}
const sec = new Secretive();
console.log("symbol as private-ish: " + sec.reveal() + " keys " + Object.keys(sec).join(","));
console.log("symbol property enumerable in assign: " + Object.assign({}, sec)[hidden]);
const desc = Object.getOwnPropertyDescriptor(Symbol.prototype, "description");
console.log("description is accessor: " + (typeof desc.get));
console.log("property key order: " + Object.getOwnPropertyNames({ b: 1, [Symbol("z")]: 2, a: 3 }).join(","));
console.log("symbols listed in creation order: " + Object.getOwnPropertySymbols({ [Symbol("p")]: 1, [Symbol("q")]: 2 }).map((s) => s.description).join(","));
