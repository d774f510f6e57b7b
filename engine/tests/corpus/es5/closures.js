// closures capture variables, not values
function makeCounter(start) {
  var count = start;
  return {
    inc: function () { count++; return count; },
    dec: function () { count--; return count; },
    get: function () { return count; }
  };
}
var c1 = makeCounter(10);
var c2 = makeCounter(100);
console.log([c1.inc(), c1.inc(), c2.dec(), c1.get(), c2.get()].join(" "));

// var in loop shared by all closures
var fns = [];
for (var i = 0; i < 3; i++) {
  fns.push(function () { return i; });
}
console.log("shared: " + fns[0]() + "," + fns[1]() + "," + fns[2]());

// IIFE to capture per-iteration value
var fns2 = [];
for (var j = 0; j < 3; j++) {
  fns2.push((function (k) { return function () { return k; }; })(j));
}
console.log("captured: " + fns2[0]() + "," + fns2[1]() + "," + fns2[2]());

// nested closures over several levels
function level1(a) {
  return function level2(b) {
    return function level3(c) {
      a += 1;
      return a + ":" + b + ":" + c;
    };
  };
}
var l3 = level1(1)(2);
console.log(l3(3));
console.log(l3(4));

// closure modifies outer variable
var total = 0;
function adder(n) { return function () { total += n; return total; }; }
var add5 = adder(5), add7 = adder(7);
add5(); add7(); add5();
console.log("total=" + total);

// memoize via closure
function memo(fn) {
  var cache = {};
  var calls = 0;
  var m = function (n) {
    if (n in cache) return cache[n];
    calls++;
    return (cache[n] = fn(n));
  };
  m.calls = function () { return calls; };
  return m;
}
var slowSquare = memo(function (n) { return n * n; });
console.log([slowSquare(4), slowSquare(4), slowSquare(5), slowSquare.calls()].join(" "));

// closure over catch parameter
var catchFns = [];
for (var t = 0; t < 2; t++) {
  try { throw "err" + t; } catch (e) { catchFns.push(function () { return e; }); }
}
console.log(catchFns[0]() + " " + catchFns[1]());

// function returning functions sharing same environment
function pair() {
  var secret = "s0";
  return [function (v) { secret = v; }, function () { return secret; }];
}
var p = pair();
console.log(p[1]());
p[0]("s1");
console.log(p[1]());
