// tokenizer as a generator, parser pulling tokens lazily
function* tokenize(src) {
  const re = /\s*(?:(\d+\.?\d*)|([A-Za-z_]\w*)|(\*\*|[-+*\/%(),^]))/y;
  let m;
  while (re.lastIndex < src.length) {
    const start = re.lastIndex;
    m = re.exec(src);
    if (!m) {
      if (/^\s*$/.test(src.slice(start))) return;
      throw new SyntaxError("unexpected char at " + start);
    }
    if (m[1] !== undefined) yield { t: "num", v: parseFloat(m[1]) };
    else if (m[2] !== undefined) yield { t: "id", v: m[2] };
    else yield { t: "op", v: m[3] };
  }
}
class Parser {
  constructor(tokens) { this.it = tokens; this.cur = this.it.next(); }
  peek() { return this.cur.done ? null : this.cur.value; }
  take() { const v = this.peek(); this.cur = this.it.next(); return v; }
  isOp(v) { const p = this.peek(); return p !== null && p.t === "op" && p.v === v; }
  expect(v) { if (!this.isOp(v)) throw new SyntaxError("expected " + v); this.take(); }
  expr() {
    let l = this.term();
    while (this.isOp("+") || this.isOp("-")) { const op = this.take().v; l = { op, l, r: this.term() }; }
    return l;
  }
  term() {
    let l = this.power();
    while (this.isOp("*") || this.isOp("/") || this.isOp("%")) { const op = this.take().v; l = { op, l, r: this.power() }; }
    return l;
  }
  power() {
    const base = this.unary();
    if (this.isOp("**") || this.isOp("^")) { this.take(); return { op: "**", l: base, r: this.power() }; }
    return base;
  }
  unary() {
    if (this.isOp("-")) { this.take(); return { op: "neg", l: this.unary() }; }
    return this.primary();
  }
  primary() {
    const tok = this.take();
    if (tok === null) throw new SyntaxError("unexpected end");
    if (tok.t === "num") return { num: tok.v };
    if (tok.t === "id") {
      if (this.isOp("(")) {
        this.take();
        const args = [];
        if (!this.isOp(")")) { do { if (args.length) this.take(); args.push(this.expr()); } while (this.isOp(",")); }
        this.expect(")");
        return { call: tok.v, args };
      }
      return { id: tok.v };
    }
    if (tok.v === "(") { const e = this.expr(); this.expect(")"); return e; }
    throw new SyntaxError("unexpected " + tok.v);
  }
}
const fns = { max: Math.max, min: Math.min, sqrt: Math.sqrt, abs: Math.abs };
function* walk(node, depth = 0) {
  yield "  ".repeat(depth) + (node.num !== undefined ? node.num : node.id ?? node.call ?? node.op);
  for (const child of [node.l, node.r, ...(node.args ?? [])]) if (child) yield* walk(child, depth + 1);
}
function evaluate(n, env) {
  if (n.num !== undefined) return n.num;
  if (n.id !== undefined) { if (!(n.id in env)) throw new ReferenceError(n.id + " is not defined"); return env[n.id]; }
  if (n.call !== undefined) return fns[n.call](...n.args.map((a) => evaluate(a, env)));
  const l = evaluate(n.l, env);
  switch (n.op) {
    case "neg": return -l;
    case "+": return l + evaluate(n.r, env);
    case "-": return l - evaluate(n.r, env);
    case "*": return l * evaluate(n.r, env);
    case "/": return l / evaluate(n.r, env);
    case "%": return l % evaluate(n.r, env);
    case "**": return l ** evaluate(n.r, env);
  }
}
const env = { x: 3, y: 4, pi: 3.14159 };
for (const src of ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-x ** 2", "sqrt(x*x + y*y)", "max(1, x, y, 2) - min(5, y)", "10 % 4 / 2", "pi * 2", "z + 1", "1 + ", "3 $ 4"]) {
  try {
    const ast = new Parser(tokenize(src)).expr();
    console.log(src + " => " + evaluate(ast, env));
  } catch (e) {
    console.log(src + " => " + e.name + ": " + e.message);
  }
}
console.log([...walk(new Parser(tokenize("max(a, b * 2) + -c")).expr())].join("\n"));
const lazy = tokenize("1 2 3 4 5");
lazy.next();
lazy.next();
console.log("remaining tokens: " + [...lazy].map((t) => t.v).join(","));
