// A small expression language: tokenizer, recursive-descent parser, tree-walking evaluator.
function tokenize(src) {
  var tokens = [];
  var i = 0;
  while (i < src.length) {
    var ch = src.charAt(i);
    if (/\s/.test(ch)) { i++; continue; }
    if (/[0-9]/.test(ch)) {
      var num = "";
      while (i < src.length && /[0-9.]/.test(src.charAt(i))) num += src.charAt(i++);
      tokens.push({ type: "num", value: parseFloat(num) });
      continue;
    }
    if (/[a-zA-Z_]/.test(ch)) {
      var id = "";
      while (i < src.length && /[a-zA-Z_0-9]/.test(src.charAt(i))) id += src.charAt(i++);
      tokens.push({ type: id === "let" || id === "print" || id === "if" || id === "else" || id === "while" ? id : "ident", value: id });
      continue;
    }
    var two = src.substr(i, 2);
    if (two === "==" || two === "!=" || two === "<=" || two === ">=") {
      tokens.push({ type: "op", value: two });
      i += 2;
      continue;
    }
    if ("+-*/%()=<>;{}".indexOf(ch) >= 0) {
      tokens.push({ type: "op", value: ch });
      i++;
      continue;
    }
    throw new SyntaxError("bad char " + ch);
  }
  tokens.push({ type: "eof" });
  return tokens;
}

function Parser(tokens) { this.t = tokens; this.p = 0; }
Parser.prototype.peek = function () { return this.t[this.p]; };
Parser.prototype.next = function () { return this.t[this.p++]; };
Parser.prototype.isOp = function (v) { var k = this.peek(); return k.type === "op" && k.value === v; };
Parser.prototype.expect = function (v) {
  var k = this.next();
  if (k.value !== v) throw new SyntaxError("expected " + v + " got " + k.value);
};
Parser.prototype.program = function () {
  var stmts = [];
  while (this.peek().type !== "eof") stmts.push(this.statement());
  return stmts;
};
Parser.prototype.block = function () {
  this.expect("{");
  var stmts = [];
  while (!this.isOp("}")) stmts.push(this.statement());
  this.expect("}");
  return stmts;
};
Parser.prototype.statement = function () {
  var k = this.peek();
  if (k.type === "let") {
    this.next();
    var name = this.next().value;
    this.expect("=");
    var e = this.expr();
    this.expect(";");
    return { kind: "let", name: name, expr: e };
  }
  if (k.type === "print") {
    this.next();
    var pe = this.expr();
    this.expect(";");
    return { kind: "print", expr: pe };
  }
  if (k.type === "if") {
    this.next();
    var cond = this.expr();
    var then = this.block();
    var els = [];
    if (this.peek().type === "else") { this.next(); els = this.block(); }
    return { kind: "if", cond: cond, then: then, els: els };
  }
  if (k.type === "while") {
    this.next();
    var wc = this.expr();
    return { kind: "while", cond: wc, body: this.block() };
  }
  var target = this.next().value;
  this.expect("=");
  var ae = this.expr();
  this.expect(";");
  return { kind: "assign", name: target, expr: ae };
};
Parser.prototype.expr = function () {
  var left = this.additive();
  while (this.peek().type === "op" && /^(==|!=|<|>|<=|>=)$/.test(this.peek().value)) {
    var op = this.next().value;
    left = { kind: "bin", op: op, l: left, r: this.additive() };
  }
  return left;
};
Parser.prototype.additive = function () {
  var left = this.term();
  while (this.isOp("+") || this.isOp("-")) {
    var op = this.next().value;
    left = { kind: "bin", op: op, l: left, r: this.term() };
  }
  return left;
};
Parser.prototype.term = function () {
  var left = this.unary();
  while (this.isOp("*") || this.isOp("/") || this.isOp("%")) {
    var op = this.next().value;
    left = { kind: "bin", op: op, l: left, r: this.unary() };
  }
  return left;
};
Parser.prototype.unary = function () {
  if (this.isOp("-")) { this.next(); return { kind: "neg", e: this.unary() }; }
  return this.primary();
};
Parser.prototype.primary = function () {
  var k = this.next();
  if (k.type === "num") return { kind: "num", v: k.value };
  if (k.type === "ident") return { kind: "var", name: k.value };
  if (k.value === "(") { var e = this.expr(); this.expect(")"); return e; }
  throw new SyntaxError("unexpected " + (k.value || k.type));
};

function run(src) {
  var env = {};
  var out = [];
  function ev(n) {
    switch (n.kind) {
      case "num": return n.v;
      case "var":
        if (!env.hasOwnProperty(n.name)) throw new ReferenceError("undefined " + n.name);
        return env[n.name];
      case "neg": return -ev(n.e);
      case "bin":
        var a = ev(n.l), b = ev(n.r);
        switch (n.op) {
          case "+": return a + b;
          case "-": return a - b;
          case "*": return a * b;
          case "/": return a / b;
          case "%": return a % b;
          case "==": return a === b ? 1 : 0;
          case "!=": return a !== b ? 1 : 0;
          case "<": return a < b ? 1 : 0;
          case ">": return a > b ? 1 : 0;
          case "<=": return a <= b ? 1 : 0;
          case ">=": return a >= b ? 1 : 0;
        }
    }
    throw new Error("bad node " + n.kind);
  }
  function exec(stmts) {
    for (var i = 0; i < stmts.length; i++) {
      var s = stmts[i];
      switch (s.kind) {
        case "let": case "assign": env[s.name] = ev(s.expr); break;
        case "print": out.push(String(ev(s.expr))); break;
        case "if": exec(ev(s.cond) ? s.then : s.els); break;
        case "while": while (ev(s.cond)) exec(s.body); break;
      }
    }
  }
  try {
    exec(new Parser(tokenize(src)).program());
  } catch (e) {
    out.push(e.name + ": " + e.message);
  }
  return out.join(" ");
}

console.log(JSON.stringify(tokenize("let x = 3.5 * (y1 + 2);").map(function (t) { return t.type + ":" + t.value; })));
console.log(run("print 1 + 2 * 3; print (1 + 2) * 3; print -4 - -6; print 7 % 3; print 1 / 4;"));
console.log(run("let a = 10; let b = 3; print a / b; a = a - 1; print a;"));
console.log(run("let i = 0; let s = 0; while i < 10 { s = s + i * i; i = i + 1; } print s;"));
console.log(run("let n = 12; let f = 1; while n > 1 { f = f * n; n = n - 1; } print f;"));
console.log(run("let x = 5; if x > 3 { print 1; } else { print 0; } if x == 4 { print 10; } else { print 20; }"));
console.log(run("let a = 0; let b = 1; let k = 0; while k < 30 { let t = a + b; a = b; b = t; k = k + 1; } print a;"));
console.log(run("let n = 2; let count = 0; while n < 60 { let d = 2; let prime = 1; while d * d <= n { if n % d == 0 { prime = 0; } d = d + 1; } if prime { count = count + 1; print n; } n = n + 1; } print count;"));
console.log(run("print y;"));
console.log(run("print 1 +;"));
console.log(run("let x = 1 $ 2;"));
