// A sloppy direct eval in parameter initialisers may not declare a var that names a
// parameter: the parameters sit in an environment between the eval and the function's
// variable environment (EvalDeclarationInstantiation). (The same holds for `arguments` in
// non-arrow functions, which node 20 does not implement; test262 covers it.)
function report(label, f) {
  try {
    console.log(label + ": ok " + String(f()));
  } catch (e) {
    console.log(label + ": " + e.name);
  }
}

report("var naming a later param", function () {
  function f(a = eval("var b"), b) {}
  return f();
});
report("var naming a later param, assigned", function () {
  function f(a = eval("var b = 1"), b) {}
  return f();
});
report("var naming the param itself", function () {
  function f(a = eval("var a = 1")) { return a; }
  return f();
});
report("function naming an earlier param", function () {
  function f(a, b = eval("function a() {}")) { return typeof a; }
  return f(1);
});
report("nested eval", function () {
  function f(a, b = eval("eval('var a')")) {}
  return f();
});
report("var in a block of the eval", function () {
  function f(a, b = eval("{ var a; }")) {}
  return f();
});
report("method", function () {
  const o = { m(a, b = eval("var a")) {} };
  return o.m();
});
report("generator", function () {
  function* g(a, b = eval("var a")) {}
  return g();
});
report("arrow, param named arguments", function () {
  const f = (arguments, p = eval("var arguments")) => 0;
  return f();
});
report("arrow, no own arguments", function () {
  const f = (p = eval("var arguments = 'local'"), q = arguments) => q;
  return f();
});
report("destructuring pattern", function () {
  function f({ a } = {}, b = eval("var a")) {}
  return f();
});
report("other var is fine", function () {
  function f(p = eval("var x = 5"), q = x) { return q; }
  return f();
});
report("eval in the body may redeclare a param", function () {
  function f(a = 1) { eval("var a = 7"); return a; }
  return f();
});
report("closure in a default is its own function", function () {
  function f(a, p = () => eval("var a = 3; a")) { return p(); }
  return f(1);
});
report("simple parameters: var names the param", function () {
  function f(a) { eval("var a = 9"); return a; }
  return f(1);
});
