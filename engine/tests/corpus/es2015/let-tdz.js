function check(label, fn) {
  try {
    console.log(label + ": ok " + fn());
  } catch (e) {
    console.log(label + ": " + e.name + " " + (e instanceof ReferenceError));
  }
}
check("read before let", () => { const r = x; let x = 1; return r; });
check("typeof in TDZ", () => { const t = typeof y; let y = 1; return t; });
check("typeof undeclared", () => typeof neverDeclared);
check("assign before let", () => { z = 5; let z; return z; });
check("const read before", () => { const r = k; const k = 1; return r; });
check("closure called before init", () => {
  const read = () => late;
  const r = read();
  let late = "ready";
  return r;
});
check("closure called after init", () => {
  const read = () => late;
  let late = "ready";
  return read();
});
check("self reference in initializer", () => { let s = s + 1; return s; });
check("default param TDZ", () => { function f(a = b, b = 1) { return a; } return f(); });
check("default param ok order", () => { function f(a = 1, b = a + 1) { return b; } return f(); });
check("let shadows outer in TDZ", () => {
  let outer = "outer";
  {
    const r = outer;
    let outer = "inner";
    return r;
  }
});
check("class in TDZ", () => { const inst = new C(); class C {} return inst; });
check("class after decl", () => { class C { v() { return "v"; } } return new C().v(); });
check("switch case TDZ", () => {
  switch (1) {
    case 0:
      let q = 1;
    case 1:
      return q;
  }
});
check("for-let init TDZ", () => { for (let i = i; i < 1; i++) {} return "no"; });
check("let in loop body fresh each iteration", () => {
  const out = [];
  for (let i = 0; i < 3; i++) { let j; out.push(j === undefined); j = i; }
  return out.join(",");
});
check("let declared undefined", () => { let u; return u; });
check("function hoisting vs let", () => {
  const r = useLater();
  let value = 1;
  function useLater() { return typeof value; }
  return r;
});
