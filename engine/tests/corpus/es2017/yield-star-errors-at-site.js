// Errors while `yield*` drives its inner iterator are thrown at the `yield*` expression,
// where the generator's own try/catch sees them.
function run(label, inner, drive) {
  function* g() {
    try {
      var r = yield* inner;
      return "returned " + r;
    } catch (e) {
      return "caught " + (e instanceof TypeError ? "TypeError" : e.message);
    }
  }
  var it = g();
  var out = [];
  try {
    drive(it, out);
  } catch (e) {
    out.push("escaped " + e.message);
  }
  console.log(label + ": " + out.join(" / "));
}
function iterableOf(iter) {
  var o = {};
  o[Symbol.iterator] = function () { return iter; };
  return o;
}
function first(it, out) {
  var r = it.next();
  out.push(r.value + " " + r.done);
}

var bad = {};
bad[Symbol.iterator] = function () { throw new Error("@@iterator throws"); };
run("@@iterator throws", bad, first);

var getterBad = {};
Object.defineProperty(getterBad, Symbol.iterator, { get: function () { throw new Error("@@iterator getter"); } });
run("@@iterator getter throws", getterBad, first);

var nonObj = {};
nonObj[Symbol.iterator] = function () { return 1; };
run("@@iterator returns a primitive", nonObj, first);

run("next getter throws", iterableOf(Object.defineProperty({}, "next", { get: function () { throw new Error("next getter"); } })), first);

run("done getter throws", iterableOf({ next: function () { return Object.defineProperty({}, "done", { get: function () { throw new Error("done getter"); } }); } }), first);

run("value getter throws", iterableOf({ next: function () {
  return Object.defineProperty({ done: true }, "value", { get: function () { throw new Error("value getter"); } });
} }), first);

run("throw getter throws", iterableOf({
  next: function () { return { done: false, value: 1 }; },
  get throw() { throw new Error("throw getter"); },
}), function (it, out) {
  it.next();
  var r = it.throw(new Error("x"));
  out.push(r.value + " " + r.done);
});

run("no throw method: return() throws", iterableOf({
  next: function () { return { done: false, value: 1 }; },
  return: function () { throw new Error("return throws"); },
}), function (it, out) {
  it.next();
  var r = it.throw(new Error("x"));
  out.push(r.value + " " + r.done);
});

var out2 = [];
run("no throw method: closed, then TypeError", iterableOf({
  next: function () { return { done: false, value: 1 }; },
  return: function () { out2.push("closed"); return {}; },
}), function (it, out) {
  it.next();
  var r = it.throw(new Error("x"));
  out.push(out2.join(",") + " " + r.value + " " + r.done);
});
run("return getter throws", iterableOf({
  next: function () { return { done: false, value: 1 }; },
  get return() { throw new Error("return getter"); },
}), function (it, out) {
  it.next();
  var r = it.return(5);
  out.push(r.value + " " + r.done);
});

run("normal completion", [1, 2], function (it, out) {
  var r;
  while (!(r = it.next()).done) out.push(r.value);
  out.push(r.value);
});
