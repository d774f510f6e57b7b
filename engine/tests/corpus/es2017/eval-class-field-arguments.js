// Direct eval in a class field initialiser (or an arrow inside one) may not contain
// `arguments` (a SyntaxError before any of the eval code runs); functions inside the
// eval code have their own `arguments`.
var ran = false;
function attempt(label, make) {
  ran = false;
  try {
    var v = make();
    console.log(label + ": ok " + v + " ran=" + ran);
  } catch (e) {
    console.log(label + ": " + e.name + " ran=" + ran);
  }
}
attempt("field", function () {
  class C { x = eval("ran = true; arguments;"); }
  return new C().x;
});
attempt("arrow in eval", function () {
  class C { x = eval("ran = true; () => arguments;"); }
  return typeof new C().x;
});
attempt("eval in an arrow field", function () {
  class C { x = () => eval("ran = true; arguments"); }
  return new C().x();
});
attempt("static field", function () {
  class C { static x = eval("ran = true; arguments.length"); }
  return C.x;
});
attempt("function inside the eval", function () {
  class C { x = eval("ran = true; (function () { return arguments.length; })(1, 2)"); }
  return new C().x;
});
attempt("method inside the eval", function () {
  class C { x = eval("ran = true; ({ m() { return arguments.length; } }).m(1)"); }
  return new C().x;
});
attempt("no arguments", function () {
  class C { x = eval("ran = true; 5"); }
  return new C().x;
});
attempt("method body eval", function () {
  class C { m() { return eval("arguments.length"); } }
  return new C().m(1, 2, 3);
});
