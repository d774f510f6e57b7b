function check(label, fn) {
  try {
    console.log(label + ": ok " + fn());
  } catch (e) {
    console.log(label + ": " + e.name);
  }
}
check("with in strict eval", function () { "use strict"; return eval("with ({}) {}"); });
check("sloppy eval reads the caller's scope", function () { var w = 'found via scope'; return eval("w"); }); // (`with` is out of scope)
check("legacy octal in strict eval", function () { "use strict"; return eval("010"); });
check("legacy octal in sloppy eval", function () { return eval("010"); });
check("delete identifier in strict eval", function () { "use strict"; return eval("var q; delete q;"); });
check("assign to eval in strict", function () { "use strict"; return eval("eval = 1"); });
check("arguments as binding in strict eval", function () { "use strict"; return eval("var arguments = 1"); });
check("duplicate params strict Function", function () { return Function("a", "a", "'use strict'; return a;")(1, 2); });
check("duplicate params sloppy Function", function () { return Function("a", "a", "return a;")(1, 2); });
check("strict eval this", function () { "use strict"; return eval("this"); });
check("eval var conflicts with let", function () { let conflict = 1; eval("var conflict = 2"); return conflict; });
check("eval in parameter scope", function (a = eval("var fromParam = 'p'; fromParam")) { return a + " " + typeof fromParam; });
check("strict eval cannot create global", function () { "use strict"; (0, eval)("'use strict'; var strictIndirect = 1"); return typeof strictIndirect; });
check("reserved word in strict eval", function () { "use strict"; return eval("var let = 1"); });
check("eval returns function declaration completion", function () { return typeof eval("function f() {}"); });
check("new.target in eval outside function", function () { return (0, eval)("new.target"); });
check("new.target in direct eval in function", function () { return String(eval("new.target")); });
check("super in eval outside method", function () { return eval("super.x"); });
check("return in eval", function () { return eval("return 1"); });
check("await as identifier in sloppy eval", function () { return eval("var await = 'ok'; await"); });
check("yield as identifier in sloppy eval", function () { return eval("var yield = 'y'; yield"); });
