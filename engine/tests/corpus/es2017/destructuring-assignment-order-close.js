// Destructuring assignment: each target reference is evaluated before the value is
// fetched (iterator step or property read), its key converted only when stored; an
// abrupt completion closes the iterator, including a generator's return through a
// yield inside the pattern.
var log = [];
function iterable(values, withReturn) {
  var i = 0;
  var it = {
    next: function () {
      log.push("next");
      return i < values.length ? { done: false, value: values[i++] } : { done: true };
    },
  };
  if (withReturn) {
    it.return = function () {
      log.push("return");
      return {};
    };
  }
  var o = {};
  o[Symbol.iterator] = function () {
    log.push("iterator");
    return it;
  };
  return o;
}
function target(name) {
  log.push("target " + name);
  return new Holder(name);
}
function Holder(name) {
  this.name = name;
}
function key(k) {
  log.push("key " + k);
  return { toString: function () { log.push("tostring " + k); return k; } };
}
function flush(label) {
  console.log(label + ": " + log.join(", "));
  log = [];
}

var t1, t2;
[ (t1 = target("a"))[key("x")], (t2 = target("b"))[key("y")] ] = iterable([1, 2], true);
flush("array targets");
console.log("stored: " + t1.x + " " + t2.y);

var src = {};
Object.defineProperty(src, "p", { get: function () { log.push("get p"); return 3; } });
var t3;
({ [key("p")]: (t3 = target("c"))[key("q")] } = src);
flush("object target");
console.log("stored: " + t3.q);

var t4;
[ ...(t4 = target("r"))[key("rest")] ] = iterable([4, 5], true);
flush("rest target");
console.log("stored: " + t4.rest.join("|"));

try {
  [ {}[(function () { throw new Error("boom"); })()] ] = iterable([1], true);
} catch (e) {
  log.push("caught " + e.message);
}
flush("target throws before the step");

try {
  [ { set x(v) { throw new Error("setter"); } }.x ] = iterable([1, 2], true);
} catch (e) {
  log.push("caught " + e.message);
}
flush("store throws");

try {
  [ a ] = iterable([], true);
} catch (e) {
  log.push("caught " + e.name);
}
flush("exhausted: no close");
var a;

function* g() {
  var r = [ {}[yield "key?"] ] = iterable([1, 2], true);
  log.push("unreachable");
  return r;
}
var gen = g();
console.log("first: " + gen.next().value);
var res = gen.return(42);
log.push("result " + res.value + " " + res.done);
flush("generator return closes");

function* g2() {
  var [x = yield "default?"] = iterable([undefined], true);
  log.push("unreachable");
}
var gen2 = g2();
gen2.next();
gen2.return(1);
flush("binding pattern, generator return closes");

function* g3() {
  try {
    [ {}[yield] ] = iterable([1], true);
  } finally {
    log.push("finally");
  }
}
var gen3 = g3();
gen3.next();
gen3.return(7);
flush("generator return through close and finally");

function* g4() {
  [ {}[yield] ] = iterable([1], false);
}
var gen4 = g4();
gen4.next();
var r4 = gen4.return(8);
log.push("value " + r4.value);
flush("no return method");
