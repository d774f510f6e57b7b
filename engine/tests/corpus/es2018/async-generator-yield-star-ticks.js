// The interleaving of async generators delegating with yield*, against a chain of
// microtask-logging promises: each await of the spec (inner results, return values,
// AsyncGeneratorUnwrapYieldResumption, AsyncIteratorClose) takes its own turn.

var log = [];

function ticks(label, n) {
  var p = Promise.resolve();
  for (var i = 1; i <= n; i++) {
    (function (i) {
      p = p.then(function () {
        log.push(label + i);
      });
    })(i);
  }
  return p;
}

function thenable(name, value) {
  return {
    get then() {
      log.push("get then " + name);
      return function (resolve) {
        log.push("call then " + name);
        resolve(value);
      };
    },
  };
}

function flush(title) {
  // Long enough for every scenario to settle; logs nothing itself.
  var p = Promise.resolve();
  for (var i = 0; i < 40; i++) p = p.then(function () {});
  return p.then(function () {
    console.log(title + ": " + log.join(", "));
    log = [];
  });
}

async function* inner(tag) {
  try {
    log.push(tag + " inner start");
    var x = yield tag + "-a";
    log.push(tag + " inner got " + x);
    yield tag + "-b";
    return tag + "-inner-done";
  } finally {
    log.push(tag + " inner finally");
  }
}

async function* outer(tag) {
  try {
    log.push(tag + " outer start");
    var r = yield* inner(tag);
    log.push(tag + " outer got " + r);
    yield* [tag + "-c", Promise.resolve(tag + "-d")];
    return tag + "-outer-done";
  } finally {
    log.push(tag + " outer finally");
  }
}

function show(tag) {
  return function (r) {
    log.push(tag + " -> " + JSON.stringify(r.value) + (r.done ? " done" : ""));
  };
}

function showErr(tag) {
  return function (e) {
    log.push(tag + " threw " + (e && e.message ? e.message : e));
  };
}

var scenarios = [
  function twoGenerators() {
    ticks("t", 14);
    var g1 = outer("A");
    var g2 = outer("B");
    for (var i = 0; i < 5; i++) {
      g1.next(i).then(show("A" + i));
      g2.next(i).then(show("B" + i));
    }
    return flush("two generators");
  },
  function returnThenable() {
    // The inner return() does not finish: the yield* yields its value and goes on.
    // (A finished inner return is left out: V8 skips the spec's Await of its value.)
    ticks("t", 14);
    var n = 0;
    var it = {
      [Symbol.asyncIterator]() {
        return this;
      },
      next(v) {
        log.push("next " + v);
        n++;
        return n < 3 ? { value: "n" + n, done: false } : { value: "end", done: true };
      },
      return(v) {
        log.push("return " + v);
        return Promise.resolve({ value: "still", done: false });
      },
    };
    async function* g0() {
      try {
        var r = yield* it;
        log.push("yield* gave " + r);
      } finally {
        log.push("g0 finally");
      }
    }
    var g = g0();
    g.next("a").then(show("R0"));
    g.return(thenable("ret", "returned")).then(show("R1"));
    g.next("b").then(show("R2"));
    g.next("c").then(show("R3"));
    return flush("return with thenable");
  },
  function returnNoInnerReturn() {
    ticks("t", 14);
    var it = {
      [Symbol.asyncIterator]() {
        return this;
      },
      next() {
        log.push("next");
        return { value: "v", done: false };
      },
      get return() {
        log.push("get return");
        return undefined;
      },
    };
    async function* g0() {
      yield* it;
    }
    var g = g0();
    g.next().then(show("N0"));
    g.return(thenable("r", "r-value")).then(show("N1"));
    return flush("return without inner return");
  },
  function throwNoInnerThrow() {
    ticks("t", 14);
    var it = {
      [Symbol.asyncIterator]() {
        return this;
      },
      next() {
        return { value: "v", done: false };
      },
      return() {
        log.push("return called");
        return thenable("close", { done: true });
      },
    };
    async function* g0() {
      try {
        yield* it;
      } catch (e) {
        log.push("caught " + e.constructor.name);
        yield "after";
      }
    }
    var g = g0();
    g.next().then(show("T0"));
    g.throw(new Error("boom")).then(show("T1"), showErr("T1"));
    return flush("throw without inner throw");
  },
  function valueGetterThrows() {
    ticks("t", 14);
    var it = {
      [Symbol.asyncIterator]() {
        return this;
      },
      next() {
        return {
          done: false,
          get value() {
            throw new Error("value getter");
          },
        };
      },
    };
    async function* g0() {
      try {
        yield* it;
      } catch (e) {
        log.push("caught " + e.message);
        return "recovered";
      }
    }
    var g = g0();
    g.next().then(show("V0"), showErr("V0"));
    return flush("value getter throws");
  },
  function plainYieldReturn() {
    ticks("t", 14);
    async function* g0() {
      try {
        yield 1;
      } finally {
        log.push("finally");
      }
    }
    var g = g0();
    g.next().then(show("P0"));
    g.return(Promise.resolve("p")).then(show("P1"));
    g.return(thenable("done", "after-done")).then(show("P2"));
    return flush("plain yield return");
  },
];

scenarios.reduce(function (p, s) {
  return p.then(s);
}, Promise.resolve());
