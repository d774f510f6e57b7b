// interpreter.js: a tokenizer, recursive-descent parser and tree-walking evaluator for a small
// dynamically typed language with numbers, strings, arrays, first-class functions with
// closures, if/while/return. The embedded programs compute primes, sort an array, run
// closures and recurse; their output is checked. Exercises string scanning, object-literal
// AST nodes, switch dispatch over node kinds, Map-based environments and recursion.

const SOURCE = `
// The programs run by the interpreter.
fn fib(n) {
  if n < 2 { return n; }
  return fib(n - 1) + fib(n - 2);
}

fn sieve(limit) {
  let flags = [];
  let i = 0;
  while i <= limit { push(flags, true); i = i + 1; }
  let primes = [];
  i = 2;
  while i <= limit {
    if flags[i] {
      push(primes, i);
      let j = i * i;
      while j <= limit { flags[j] = false; j = j + i; }
    }
    i = i + 1;
  }
  return primes;
}

fn quicksort(a, lo, hi) {
  if lo >= hi { return a; }
  let pivot = a[(lo + hi) / 2 - ((lo + hi) / 2) % 1];
  let i = lo;
  let j = hi;
  while i <= j {
    while a[i] < pivot { i = i + 1; }
    while a[j] > pivot { j = j - 1; }
    if i <= j {
      let t = a[i]; a[i] = a[j]; a[j] = t;
      i = i + 1; j = j - 1;
    }
  }
  quicksort(a, lo, j);
  quicksort(a, i, hi);
  return a;
}

fn makeCounter(step) {
  let count = 0;
  return fn() { count = count + step; return count; };
}

fn map(xs, f) {
  let out = [];
  let i = 0;
  while i < len(xs) { push(out, f(xs[i])); i = i + 1; }
  return out;
}

fn join(xs, sep) {
  let s = "";
  let i = 0;
  while i < len(xs) {
    if i > 0 { s = s + sep; }
    s = s + str(xs[i]);
    i = i + 1;
  }
  return s;
}

let primes = sieve(3000);
print "primes " + str(len(primes)) + " last " + str(primes[len(primes) - 1]);

let seed = 42;
let data = [];
let k = 0;
while k < 400 {
  seed = (seed * 1103 + 12345) % 65536;
  push(data, seed % 1000);
  k = k + 1;
}
quicksort(data, 0, len(data) - 1);
let sorted = true;
k = 1;
while k < len(data) { if data[k - 1] > data[k] { sorted = false; } k = k + 1; }
print "sorted " + str(sorted) + " min " + str(data[0]) + " max " + str(data[len(data) - 1]);

let c = makeCounter(3);
let total = 0;
k = 0;
while k < 1000 { total = total + c(); k = k + 1; }
print "counter " + str(total);

print "fib " + str(fib(18));
print "squares " + join(map([1, 2, 3, 4, 5], fn(x) { return x * x; }), ",");
print "logic " + str(!(1 < 2 && 3 >= 4) || "x" == "y");
`;

// ---- Tokenizer ----

const KEYWORDS = new Set(["fn", "let", "if", "else", "while", "return", "true", "false", "print"]);
const PUNCTUATION = ["==", "!=", "<=", ">=", "&&", "||", "+", "-", "*", "/", "%", "<", ">", "=", "!", "(", ")", "{", "}", "[", "]", ",", ";"];

function isDigit(c) {
  return c >= 48 && c <= 57;
}

function isIdentStart(c) {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function tokenize(src) {
  const tokens = [];
  let i = 0;
  let line = 1;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
    } else if (c === 32 || c === 9 || c === 13) {
      i++;
    } else if (c === 47 && src.charCodeAt(i + 1) === 47) {
      while (i < src.length && src.charCodeAt(i) !== 10) i++;
    } else if (isDigit(c)) {
      const start = i;
      while (i < src.length && (isDigit(src.charCodeAt(i)) || src[i] === ".")) i++;
      tokens.push({ kind: "num", value: Number(src.slice(start, i)), line });
    } else if (isIdentStart(c)) {
      const start = i;
      while (i < src.length && (isIdentStart(src.charCodeAt(i)) || isDigit(src.charCodeAt(i)))) i++;
      const word = src.slice(start, i);
      tokens.push({ kind: KEYWORDS.has(word) ? word : "ident", value: word, line });
    } else if (c === 34) {
      let j = i + 1;
      let text = "";
      while (src[j] !== '"') {
        if (j >= src.length) throw new SyntaxError(`line ${line}: unterminated string`);
        if (src[j] === "\\") {
          j++;
          text += src[j] === "n" ? "\n" : src[j];
        } else {
          text += src[j];
        }
        j++;
      }
      tokens.push({ kind: "str", value: text, line });
      i = j + 1;
    } else {
      const op = PUNCTUATION.find((p) => src.startsWith(p, i));
      if (op === undefined) throw new SyntaxError(`line ${line}: unexpected character ${src[i]}`);
      tokens.push({ kind: op, value: op, line });
      i += op.length;
    }
  }
  tokens.push({ kind: "eof", value: null, line });
  return tokens;
}

// ---- Parser ----

const BINARY_PRECEDENCE = { "||": 1, "&&": 2, "==": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4, "+": 5, "-": 5, "*": 6, "/": 6, "%": 6 };

class Parser {
  constructor(tokens) {
    this.tokens = tokens;
    this.pos = 0;
  }

  peek() {
    return this.tokens[this.pos];
  }

  next() {
    return this.tokens[this.pos++];
  }

  accept(kind) {
    if (this.tokens[this.pos].kind === kind) {
      this.pos++;
      return true;
    }
    return false;
  }

  expect(kind) {
    const t = this.next();
    if (t.kind !== kind) throw new SyntaxError(`line ${t.line}: expected ${kind} but found ${t.kind}`);
    return t;
  }

  program() {
    const body = [];
    while (this.peek().kind !== "eof") body.push(this.statement());
    return { type: "Block", body };
  }

  block() {
    this.expect("{");
    const body = [];
    while (!this.accept("}")) body.push(this.statement());
    return { type: "Block", body };
  }

  statement() {
    const t = this.peek();
    switch (t.kind) {
      case "let": {
        this.next();
        const name = this.expect("ident").value;
        this.expect("=");
        const init = this.expression(0);
        this.expect(";");
        return { type: "Let", name, init };
      }
      case "fn":
        if (this.tokens[this.pos + 1].kind === "ident") {
          this.next();
          const name = this.expect("ident").value;
          return { type: "Let", name, init: this.functionRest() };
        }
        break;
      case "if": {
        this.next();
        const test = this.expression(0);
        const then = this.block();
        let otherwise = null;
        if (this.accept("else")) otherwise = this.peek().kind === "if" ? this.statement() : this.block();
        return { type: "If", test, then, otherwise };
      }
      case "while": {
        this.next();
        const test = this.expression(0);
        return { type: "While", test, body: this.block() };
      }
      case "return": {
        this.next();
        const value = this.peek().kind === ";" ? null : this.expression(0);
        this.expect(";");
        return { type: "Return", value };
      }
      case "print": {
        this.next();
        const value = this.expression(0);
        this.expect(";");
        return { type: "Print", value };
      }
    }
    const expr = this.expression(0);
    if (this.accept("=")) {
      const value = this.expression(0);
      this.expect(";");
      if (expr.type === "Name") return { type: "Assign", name: expr.name, value };
      if (expr.type === "Index") return { type: "SetIndex", object: expr.object, index: expr.index, value };
      throw new SyntaxError(`line ${t.line}: invalid assignment target`);
    }
    this.expect(";");
    return { type: "ExprStmt", expr };
  }

  functionRest() {
    this.expect("(");
    const params = [];
    if (!this.accept(")")) {
      do params.push(this.expect("ident").value);
      while (this.accept(","));
      this.expect(")");
    }
    return { type: "Function", params, body: this.block() };
  }

  // Precedence climbing over BINARY_PRECEDENCE.
  expression(minPrec) {
    let left = this.unary();
    for (;;) {
      const op = this.peek().kind;
      const prec = BINARY_PRECEDENCE[op];
      if (prec === undefined || prec <= minPrec) return left;
      this.next();
      const right = this.expression(prec);
      left = op === "&&" || op === "||" ? { type: "Logical", op, left, right } : { type: "Binary", op, left, right };
    }
  }

  unary() {
    if (this.accept("-")) return { type: "Unary", op: "-", operand: this.unary() };
    if (this.accept("!")) return { type: "Unary", op: "!", operand: this.unary() };
    return this.postfix();
  }

  postfix() {
    let e = this.primary();
    for (;;) {
      if (this.accept("(")) {
        const args = [];
        if (!this.accept(")")) {
          do args.push(this.expression(0));
          while (this.accept(","));
          this.expect(")");
        }
        e = { type: "Call", callee: e, args };
      } else if (this.accept("[")) {
        const index = this.expression(0);
        this.expect("]");
        e = { type: "Index", object: e, index };
      } else {
        return e;
      }
    }
  }

  primary() {
    const t = this.next();
    switch (t.kind) {
      case "num":
      case "str":
        return { type: "Literal", value: t.value };
      case "true":
        return { type: "Literal", value: true };
      case "false":
        return { type: "Literal", value: false };
      case "ident":
        return { type: "Name", name: t.value };
      case "fn":
        return this.functionRest();
      case "(": {
        const e = this.expression(0);
        this.expect(")");
        return e;
      }
      case "[": {
        const elements = [];
        if (!this.accept("]")) {
          do elements.push(this.expression(0));
          while (this.accept(","));
          this.expect("]");
        }
        return { type: "ArrayLit", elements };
      }
    }
    throw new SyntaxError(`line ${t.line}: unexpected ${t.kind}`);
  }
}

// ---- Evaluator ----

class Environment {
  constructor(parent) {
    this.vars = new Map();
    this.parent = parent;
  }

  lookup(name) {
    for (let env = this; env !== null; env = env.parent) {
      if (env.vars.has(name)) return env.vars.get(name);
    }
    throw new ReferenceError(`undefined variable ${name}`);
  }

  assign(name, value) {
    for (let env = this; env !== null; env = env.parent) {
      if (env.vars.has(name)) {
        env.vars.set(name, value);
        return;
      }
    }
    throw new ReferenceError(`assignment to undeclared ${name}`);
  }
}

class Closure {
  constructor(node, env) {
    this.node = node;
    this.env = env;
  }
}

class ReturnSignal {
  constructor(value) {
    this.value = value;
  }
}

function show(v) {
  if (Array.isArray(v)) return "[" + v.map(show).join(", ") + "]";
  if (v instanceof Closure) return "<fn>";
  return String(v);
}

class Interpreter {
  constructor() {
    this.output = [];
    this.globals = new Environment(null);
    const natives = {
      len: (a) => a.length,
      push: (a, v) => a.push(v),
      str: (v) => show(v),
    };
    for (const name of Object.keys(natives)) this.globals.vars.set(name, natives[name]);
  }

  // Executes a statement; returns a ReturnSignal when a `return` unwinds through it.
  exec(node, env) {
    switch (node.type) {
      case "Block": {
        const scope = new Environment(env);
        for (const stmt of node.body) {
          const r = this.exec(stmt, scope);
          if (r !== undefined) return r;
        }
        return undefined;
      }
      case "Let":
        env.vars.set(node.name, this.eval(node.init, env));
        return undefined;
      case "Assign":
        env.assign(node.name, this.eval(node.value, env));
        return undefined;
      case "SetIndex": {
        const obj = this.eval(node.object, env);
        obj[this.eval(node.index, env)] = this.eval(node.value, env);
        return undefined;
      }
      case "If":
        if (this.truthy(this.eval(node.test, env))) return this.exec(node.then, env);
        if (node.otherwise !== null) return this.exec(node.otherwise, env);
        return undefined;
      case "While":
        while (this.truthy(this.eval(node.test, env))) {
          const r = this.exec(node.body, env);
          if (r !== undefined) return r;
        }
        return undefined;
      case "Return":
        return new ReturnSignal(node.value === null ? null : this.eval(node.value, env));
      case "Print":
        this.output.push(show(this.eval(node.value, env)));
        return undefined;
      case "ExprStmt":
        this.eval(node.expr, env);
        return undefined;
    }
    throw new Error(`unknown statement ${node.type}`);
  }

  truthy(v) {
    return v !== false && v !== null && v !== 0 && v !== "";
  }

  eval(node, env) {
    switch (node.type) {
      case "Literal":
        return node.value;
      case "Name":
        return env.lookup(node.name);
      case "Binary":
        return this.binary(node.op, this.eval(node.left, env), this.eval(node.right, env));
      case "Logical": {
        const left = this.eval(node.left, env);
        if (node.op === "&&") return this.truthy(left) ? this.eval(node.right, env) : left;
        return this.truthy(left) ? left : this.eval(node.right, env);
      }
      case "Unary": {
        const v = this.eval(node.operand, env);
        return node.op === "-" ? -v : !this.truthy(v);
      }
      case "Call": {
        const callee = this.eval(node.callee, env);
        const args = node.args.map((a) => this.eval(a, env));
        return this.call(callee, args);
      }
      case "Index":
        return this.eval(node.object, env)[this.eval(node.index, env)];
      case "ArrayLit":
        return node.elements.map((e) => this.eval(e, env));
      case "Function":
        return new Closure(node, env);
    }
    throw new Error(`unknown expression ${node.type}`);
  }

  binary(op, a, b) {
    switch (op) {
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "*":
        return a * b;
      case "/":
        return a / b;
      case "%":
        return a % b;
      case "<":
        return a < b;
      case "<=":
        return a <= b;
      case ">":
        return a > b;
      case ">=":
        return a >= b;
      case "==":
        return a === b;
      case "!=":
        return a !== b;
    }
    throw new Error(`unknown operator ${op}`);
  }

  call(callee, args) {
    if (typeof callee === "function") return callee(...args);
    if (!(callee instanceof Closure)) throw new TypeError(`${show(callee)} is not a function`);
    const env = new Environment(callee.env);
    const params = callee.node.params;
    for (let i = 0; i < params.length; i++) env.vars.set(params[i], i < args.length ? args[i] : null);
    const r = this.exec(callee.node.body, env);
    return r === undefined ? null : r.value;
  }
}

const EXPECTED = [
  "primes 430 last 2999",
  "sorted true min 10 max 999",
  "counter 1501500",
  "fib 2584",
  "squares 1,4,9,16,25",
  "logic true",
].join("\n");

const ROUNDS = 3;
let tokens = 0;
for (let round = 0; round < ROUNDS; round++) {
  const toks = tokenize(SOURCE);
  tokens += toks.length;
  const ast = new Parser(toks).program();
  const interp = new Interpreter();
  interp.exec(ast, interp.globals);
  const out = interp.output.join("\n");
  if (out !== EXPECTED) throw new Error(`interpreter: output\n${out}`);
}
console.log(`interpreter: ${ROUNDS} rounds, ${tokens / ROUNDS} tokens, ${EXPECTED.split("\n").length} lines of output`);
