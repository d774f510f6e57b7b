// Bindings a sloppy direct eval creates in a function are deletable; others are not.
function show(label, f) {
  try {
    console.log(label + ": " + String(f()));
  } catch (e) {
    console.log(label + ": " + e.name);
  }
}

show("delete eval var inside eval", function () {
  var before, after;
  eval("before = typeof x; var x = 1; after = delete x;");
  return before + " " + after + " " + typeof x;
});
show("delete eval function inside eval", function () {
  var r;
  eval("r = delete f; function f() {}");
  return r + " " + typeof f;
});
show("delete eval var from the function", function () {
  eval("var y = 2");
  var r = delete y;
  return r + " " + typeof y;
});
show("reading a deleted eval var", function () {
  eval("var z = 3");
  delete z;
  return z;
});
show("closure sees the deletion", function () {
  var read;
  eval("var w = 4; read = function () { return w; };");
  var before = read();
  delete w;
  try {
    read();
    return before + " still there";
  } catch (e) {
    return before + " then " + e.name;
  }
});
show("var declared in the function is not deletable", function () {
  var v = 5;
  eval("var v = 6");
  return (delete v) + " " + v;
});
show("parameter is not deletable", function () {
  function g(p) {
    eval("var p = 7");
    return (delete p) + " " + p;
  }
  return g(1);
});
show("nested function deletes the outer eval var", function () {
  eval("var n = 8");
  var r = (function () { return delete n; })();
  return r + " " + typeof n;
});
show("inner eval var shadows, deleted first", function () {
  eval("var s = 'outer'");
  return (function () {
    eval("var s = 'inner'");
    var r1 = delete s;
    var seen = s;
    var r2 = delete s;
    return r1 + " " + seen + " " + r2 + " " + typeof s;
  })();
});
globalThis.gv = 1;
show("delete falls back to the global object", function () {
  eval("var local = 1");
  return (delete gv) + " " + typeof globalThis.gv;
});
show("delete of an unresolvable name", function () {
  eval("var local = 1");
  return delete nowhere;
});
