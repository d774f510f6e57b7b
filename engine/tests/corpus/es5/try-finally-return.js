function f1() {
  try { return "try"; } finally { console.log("f1 finally runs"); }
}
console.log("f1: " + f1());

function f2() {
  try { return "try"; } finally { return "finally"; }
}
console.log("f2: " + f2());

function f3() {
  try { throw new Error("boom"); } catch (e) { return "catch:" + e.message; } finally { console.log("f3 finally"); }
}
console.log("f3: " + f3());

function f4() {
  try { throw new Error("boom"); } finally { return "finally swallows"; }
}
console.log("f4: " + f4());

function f5() {
  var x = 1;
  try { return x; } finally { x = 2; }
}
console.log("f5: " + f5());

function f6() {
  var o = { v: 1 };
  try { return o; } finally { o.v = 2; }
}
console.log("f6: " + f6().v);

function f7() {
  for (var i = 0; i < 5; i++) {
    try {
      if (i === 2) return "returned at " + i;
    } finally {
      if (i === 2) continue;
    }
  }
  return "loop finished i=" + i;
}
console.log("f7: " + f7());

function f8() {
  var log = [];
  try {
    try { throw "inner"; }
    finally { log.push("inner finally"); }
  } catch (e) {
    log.push("outer caught " + e);
  } finally {
    log.push("outer finally");
  }
  return log.join("; ");
}
console.log("f8: " + f8());

function f9() {
  try {
    try { throw "first"; }
    catch (e) { throw "second from " + e; }
    finally { console.log("f9 inner finally"); }
  } catch (e2) {
    return e2;
  }
}
console.log("f9: " + f9());

function f10() {
  var log = [];
  for (var i = 0; i < 3; i++) {
    try {
      if (i === 1) break;
      log.push("body" + i);
    } finally {
      log.push("fin" + i);
    }
  }
  return log.join(",");
}
console.log("f10: " + f10());

function f11() {
  try {
    return (function () { throw new TypeError("t"); })();
  } catch (e) {
    return "caught " + e.name;
  } finally {
    console.log("f11 finally");
  }
}
console.log("f11: " + f11());

// catch parameter scoping
var e = "outer e";
try { throw "thrown"; } catch (e) { e = "modified in catch"; }
console.log("outer e after: " + e);

// nested finally ordering
var order = [];
function nest() {
  try {
    try {
      order.push("t1");
      return "r";
    } finally {
      order.push("f1");
    }
  } finally {
    order.push("f2");
  }
}
console.log("nest: " + nest() + " " + order.join(","));

// throw from finally replaces return
function f12() {
  try { return 1; } finally { throw "from finally"; }
}
try { f12(); } catch (x) { console.log("f12 threw: " + x); }
