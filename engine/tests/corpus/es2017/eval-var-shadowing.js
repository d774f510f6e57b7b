// A sloppy direct eval's var (or function) joins the calling function's variable
// environment and shadows bindings of enclosing functions.
function log(s) { console.log(s); }
// 1. eval var shadows enclosing function var; outer untouched
function t1() {
  var x = "outer";
  var r = (function () { eval("var x = 'inner'"); return x; })();
  log("t1 " + r + " " + x);
}
t1();
// 2. closures inside the eval-calling function see the shadow
function t2() {
  var x = "outer";
  return (function () {
    var g = function () { return x; };
    var before = g();
    eval("var x = 'inner'");
    return before + "/" + g() + "/" + x;
  })() + "/" + x;
}
log("t2 " + t2());
// 3. eval function declaration shadows outer
function t3() {
  function f() { return "outer f"; }
  var r = (function () { eval("function f() { return 'inner f'; }"); return f(); })();
  return r + "/" + f();
}
log("t3 " + t3());
// 4. delete the eval var: outer visible again
function t4() {
  var x = "outer";
  return (function () {
    eval("var x = 'inner'");
    var a = x;
    var d = delete x;
    return a + "/" + d + "/" + x + "/" + (delete x);
  })() + "/" + x;
}
log("t4 " + t4());
// 5. shadowing a let/const of an enclosing function
function t5() {
  let x = "let outer";
  const y = "const outer";
  var r = (function () { eval("var x = 'ix'; var y = 'iy'"); return x + "," + y; })();
  return r + "/" + x + "," + y;
}
log("t5 " + t5());
// 6. const of enclosing function assigned without shadow -> TypeError, via dynamic lookup
function t6() {
  const c = 1;
  return (function () {
    eval("");
    try { c = 2; return "no error"; } catch (e) { return e.name + " " + c; }
  })();
}
log("t6 " + t6());
// 7. TDZ of enclosing let through a dynamic lookup
function t7() {
  var r = (function () {
    eval("");
    try { return z; } catch (e) { return e.name; }
  })();
  let z = 1;
  return r;
}
log("t7 " + t7());
// 8. named function expression: eval var shadows the name
var t8 = function named() {
  eval("var named = 5");
  return typeof named + " " + named;
};
log("t8 " + t8());
// 9. assignment to callee name through dynamic lookup ignored (sloppy)
var t9 = function named2() {
  eval("");
  named2 = 3;
  return typeof named2;
};
log("t9 " + t9());
// 10. nested function two levels down reading the shadow
function t10() {
  var x = 1;
  return (function () {
    eval("var x = 2");
    return (function () { return (function () { return x; })(); })();
  })() + "/" + x;
}
log("t10 " + t10());
// 11. compound assignment without shadowing interplay
function t11() {
  var x = 1;
  (function () { eval("var y = 1"); x += 5; x++; ++x; x **= 2; x ||= 0; x &&= x + 1; })();
  return x;
}
log("t11 " + t11());
// 12. typeof of a shadowed name
function t12() {
  var q = 1;
  return (function () { var a = typeof q; eval("var q = 'str'"); return a + " " + typeof q; })();
}
log("t12 " + t12());
// 13. strict nested function sees the eval var
function t13() {
  var x = "outer";
  return (function () {
    eval("var x = 'inner'");
    return (function () { "use strict"; x = x + "!"; return x; })();
  })() + "/" + x;
}
log("t13 " + t13());
// 14. eval inside eval
function t14() {
  var x = "outer";
  return (function () { eval("eval('var x = \"deep\"')"); return x; })() + "/" + x;
}
log("t14 " + t14());
// 15. a second eval reuses the binding
function t15() {
  var x = "outer";
  return (function () { eval("var x = 1"); eval("var x; x++"); return x; })() + "/" + x;
}
log("t15 " + t15());
// 16. parameters of the enclosing function
function t16(p) {
  return (function () { eval("var p = 'inner'"); return p; })() + "/" + p;
}
log("t16 " + t16("param"));
// 17. arguments of enclosing function unaffected
function t17(a) {
  return (function () { eval("var a = 9"); return a; })() + "/" + a + "/" + arguments[0];
}
log("t17 " + t17(1));
// 18. eval var in arrow shadows outer
function t18() {
  var x = "outer";
  var f = () => { eval("var x = 'arrow'"); return x; };
  return f() + "/" + x;
}
log("t18 " + t18());
// 19. for-in over a shadowed name
function t19() {
  var k = "outer";
  return (function () { eval("var k"); var s = ""; for (k in { a: 1, b: 2 }) s += k; return s + "/" + k; })() + "/" + k;
}
log("t19 " + t19());
// 20. destructuring into shadowed name
function t20() {
  var x = "outer", y = "outer";
  return (function () { eval("var x, y"); [x, y] = [1, 2]; ({ x } = { x: 3 }); return x + "," + y; })() + "/" + x + "," + y;
}
log("t20 " + t20());
