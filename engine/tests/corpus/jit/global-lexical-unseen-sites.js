// Global loads at sites compiled before they ran: the site stub reads a lexical binding's cell
// once its feedback names it (in the TDZ, the runtime's ReferenceError), a global-object
// property by its shape, and anything else through the runtime.
function f() { return typeof K === "undefined" ? 0 : K.v; }
function g() { try { return L + 1; } catch (e) { return e.constructor.name; } }
function h(n) { let s = 0; for (let i = 0; i < n; i++) s += M; return s; }
const out = [];
for (let i = 0; i < 3; i++) { try { out.push(f()); } catch (e) { out.push(e.constructor.name); } out.push(g()); }
const K = { v: 5 };
let L = 1;
var M = 2;
for (let i = 0; i < 30; i++) { out.push(f(), g()); L++; }
out.push(h(100));
M = "x";
out.push(h(3));
console.log(out.join(","));
