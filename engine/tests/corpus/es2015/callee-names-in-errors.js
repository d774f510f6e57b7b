// "... is not a function" names the callee as the source wrote it, as V8 does, in every tier.
var o = { a: {} }, arr = [1], i = 0, x = 1;
class P { #p = 1; m() { return this.#p(); } }
class S { m() { return super.q(); } }
const tests = [
  () => x(), () => o.f(), () => o.a.b(), () => arr[0](), () => arr[i](), () => o['k'](),
  () => o.a.b.c(), () => this.zz(), () => new x(), () => new o.a(), () => o.f?.(), () => o.a?.b(),
  () => [].map(x), () => o.g().h(), () => (x)(), () => o[Symbol.iterator](), () => x.toFixed.y(),
  () => new S().m(), () => new P().m(), () => o.a['b']['c'](), () => o.f(...arr), () => new o.a(...arr),
];
for (let round = 0; round < 3; round++) {
  for (const t of tests) {
    try { t(); } catch (e) { if (round === 2) console.log(e.constructor.name + ': ' + e.message); }
  }
}
