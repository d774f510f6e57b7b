// Direct eval vars shadowing: strict code, parameters with initialisers, generators,
// async functions, class fields, blocks, deletion, compound assignments.
function log(s) { console.log(s); }
var s1 = function named() {
  eval("");
  return (function () { "use strict"; try { named = 1; return "no"; } catch (e) { return e.name; } })();
};
log("s1 " + s1());
function s2(a = 1, g = () => a) { eval("var a = 2"); return a + "," + g(); }
log("s2 " + s2());
function s4() {
  "use strict";
  return (function () { try { undeclaredVar1 = 1; return "no"; } catch (e) { return e.name; } })();
}
log("s4 " + s4());
function s5() {
  var x = "outer";
  function* g() { eval("var x = 'gen'"); yield x; }
  return g().next().value + "/" + x;
}
log("s5 " + s5());
async function s6() { var x = "outer"; await (async function () { eval("var x = 'async'"); log("s6a " + x); })(); log("s6 " + x); }
s6();
function s7() {
  var x = "outer";
  class C { f = eval("var x = 'field'; x"); m() { return x; } }
  var c = new C();
  return c.f + "/" + c.m() + "/" + x;
}
try { log("s7 " + s7()); } catch (e) { log("s7 " + e.name); }
function s8() {
  var x = "outer";
  return (function () {
    { let y = 1; eval("var x = 'blk'"); }
    return x;
  })() + "/" + x;
}
log("s8 " + s8());
function s9() {
  let x = "outer";
  return (function () {
    try { eval("let x = 1; var x = 2"); } catch (e) { return e.name; }
  })();
}
log("s9 " + s9());
function s10() {
  var x = 1;
  return (function () {
    eval("var x = 10");
    x += 1; x -= 2; x *= 3; x++; --x;
    return x;
  })() + "/" + x;
}
log("s10 " + s10());
function s11() {
  var x = 1;
  var f = function () { eval("var x = 'v'"); return function () { return delete x; }; };
  var d = f();
  return d() + "/" + d() + "/" + x;
}
log("s11 " + s11());
function p1(a = 1, g = () => a) { eval("var a = 2"); return a + "," + g(); }
log("p1 " + p1());
function p2(a, b = eval("var z = 'pz'; z"), g = () => z) { eval("var z2 = 'bz'"); return a + "," + b + "," + g() + "," + z + "," + z2; }
log("p2 " + p2("A"));
function p3(a = 0) { var a; eval("var a = 5"); return a; }
log("p3 " + p3(1));
function p4(a = 0) { eval("var arguments = 7"); return arguments; }
log("p4 " + p4());
function p5(a = 0) { let q = 1; try { eval("var q = 2"); } catch (e) { return e.name; } }
log("p5 " + p5());
function p7(a = 1, g = () => a) { eval("var a = 2"); delete a; return a + "," + g(); }
log("p7 " + p7());
