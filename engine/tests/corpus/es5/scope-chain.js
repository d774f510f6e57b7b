var x = "global";
function readX() { return x; }
function shadow() {
  var x = "local";
  return readX() + "/" + x;
}
console.log("lexical not dynamic: " + shadow());

function nestedShadow() {
  var v = 1;
  function a() {
    var v = 2;
    function b() {
      var v = 3;
      return v;
    }
    return b() + v;
  }
  return a() + v;
}
console.log("nested shadow sum: " + nestedShadow());

// catch parameter is block scoped; var in catch is function scoped
function catchScope() {
  var e = "outer";
  try { throw "caught"; } catch (e) {
    var e = "assigned in catch";
    var fromCatch = e;
  }
  return e + " | " + fromCatch;
}
console.log("catch scope: " + catchScope());

// closures over parameters
function paramClosure(p) {
  var get = function () { return p; };
  p = p + "!";
  return get();
}
console.log("param closure: " + paramClosure("hi"));

// functions see later assignments in enclosing scope
function later() {
  var fn = function () { return value; };
  var value = "set after fn created";
  return fn();
}
console.log("later: " + later());

// assignment without var inside function creates global (sloppy)
function leak() { leakedGlobal = "leaked"; }
leak();
console.log("leaked: " + typeof leakedGlobal + " " + leakedGlobal);

// inner function declaration hoisted within block-less function
function hoistInner() {
  return typeof innerFn;
  function innerFn() {}
}
console.log("hoisted inner: " + hoistInner());

// counter factory with independent scopes
function factory() {
  var count = 0;
  return function () { return ++count; };
}
var f1 = factory(), f2 = factory();
f1(); f1(); f2();
console.log("independent: " + f1() + " " + f2());

// scope of for loop var shared with outer function
function loopScope() {
  for (var i = 0; i < 3; i++) {}
  return i;
}
console.log("loop var after: " + loopScope());

// same name parameter and inner function
function paramVsFunc(fn) {
  function fn() { return "declared"; }
  return fn();
}
console.log("param vs func: " + paramVsFunc(function () { return "passed"; }));

// deep scope chain lookup
function d1() { var a = 1; return function d2() { var b = 2; return function d3() { var c = 3; return function d4() { return a + b + c + x.length; }; }; }; }
console.log("deep lookup: " + d1()()()());
// this vs scope
var objScope = {
  x: "property",
  read: function () { return x + "/" + this.x; }
};
console.log("this vs scope: " + objScope.read());
