// Iterator helpers (ES2025): the lazy helpers, the eager methods, Iterator.from, the abstract
// constructor and the Iterator.prototype accessors. (node v20 lacks iterator helpers: the
// expected output is QuickJS-ng's, from benches/peers.sh, and was checked against the spec.)
function* nums() {
  yield 1;
  yield 2;
  yield 3;
  yield 4;
}
function show(label, v) {
  console.log(label + ": " + v);
}
show("map", nums().map((x, i) => x * 10 + i).toArray().join());
show("filter", nums().filter((x, i) => x % 2 === 0 || i === 0).toArray().join());
show("take 2", nums().take(2).toArray().join());
show("take Infinity", nums().take(Infinity).toArray().join());
show("drop 3", nums().drop(3).toArray().join());
show("drop 9", nums().drop(9).toArray().length);
show("flatMap", nums().flatMap((x) => (x % 2 ? [x, -x] : "ab".split(""))).toArray().join());
show("reduce", nums().reduce((a, b, i) => a + b * i));
show("reduce init", nums().reduce((a, b, i) => a + ":" + b + "@" + i, "s"));
show("some", nums().some((x) => x === 3) + " " + nums().some((x) => x === 9));
show("every", nums().every((x) => x > 0) + " " + nums().every((x) => x < 3));
show("find", nums().find((x) => x > 2) + " " + nums().find((x) => x > 9));
var seen = [];
show("forEach", nums().forEach((x, i) => seen.push(i + "=" + x)) + " " + seen.join());
show("chain", nums().map((x) => x * x).filter((x) => x > 1).take(2).toArray().join());

// Laziness: nothing runs until next().
var log = [];
function* logged() {
  for (var i = 0; i < 3; i++) {
    log.push("yield " + i);
    yield i;
  }
  log.push("end");
}
var m = logged().map((x) => {
  log.push("map " + x);
  return x;
});
show("lazy", log.length);
m.next();
show("after next", log.join());

// Closing: return() forwards to the underlying iterator.
function closable(name) {
  var i = 0;
  return {
    __proto__: Iterator.prototype,
    next() {
      return { value: i++, done: false };
    },
    return() {
      console.log(name + " closed");
      return {};
    },
  };
}
var t = closable("t").take(1);
show("take next", JSON.stringify(t.next()));
show("take next 2", JSON.stringify(t.next()));
var h = closable("h").map((x) => x);
show("return before start", JSON.stringify(h.return()));
show("next after return", JSON.stringify(h.next()));
var h2 = closable("h2").filter((x) => x > 0);
h2.next();
show("return after yield", JSON.stringify(h2.return()));
show("some closes", closable("s").some((x) => x === 2));
show("find closes", closable("f").find((x) => x === 1));
try {
  closable("throwing").map(() => {
    throw new Error("boom");
  }).next();
} catch (e) {
  show("mapper threw", e.message);
}
try {
  closable("bad arg").map(42);
} catch (e) {
  show("not callable", e instanceof TypeError);
}
try {
  closable("bad limit").take(-1);
} catch (e) {
  show("negative limit", e instanceof RangeError);
}
var fm = closable("outer").flatMap((x) => closable("inner" + x));
fm.next();
show("flatMap return", JSON.stringify(fm.return()));

// Re-entrance.
var self;
self = nums().map((x) => {
  try {
    self.next();
  } catch (e) {
    return e instanceof TypeError ? "running" : "other";
  }
});
show("reentrant next", self.next().value);

// Iterator.from and the wrapper.
var plain = {
  next() {
    return { value: 1, done: false };
  },
};
var w = Iterator.from(plain);
show("wrapped", Object.getPrototypeOf(w) !== Iterator.prototype && w instanceof Iterator);
show("wrapped next", JSON.stringify(w.next()));
show("wrapped return", JSON.stringify(w.return()));
var gen = nums();
show("from iterator is identity", Iterator.from(gen) === gen);
show("from string", Iterator.from("a😀b").toArray().join("|"));
show("from iterable", Iterator.from(new Set([7, 8])).toArray().join());
try {
  Iterator.from(5);
} catch (e) {
  show("from number", e instanceof TypeError);
}

// The constructor and the accessors.
try {
  Iterator();
} catch (e) {
  show("call", e instanceof TypeError);
}
try {
  new Iterator();
} catch (e) {
  show("new", e instanceof TypeError);
}
class Counter extends Iterator {
  constructor() {
    super();
    this.n = 0;
  }
  next() {
    return this.n < 3 ? { value: this.n++, done: false } : { value: undefined, done: true };
  }
}
show("subclass", new Counter().map((x) => x + 1).toArray().join());
show("tag", Iterator.prototype[Symbol.toStringTag] + " " + Object.prototype.toString.call(nums().map((x) => x)));
show("ctor", Iterator.prototype.constructor === Iterator);
var o = Object.create(Iterator.prototype);
o[Symbol.toStringTag] = "Mine";
o.constructor = 1;
show("setter defines own", Object.prototype.toString.call(o) + " " + Object.getOwnPropertyDescriptor(o, "constructor").value);
try {
  Iterator.prototype.constructor = 1;
} catch (e) {
  show("setter on prototype", e instanceof TypeError);
}
show("lengths", [Iterator.length, Iterator.from.length, Iterator.prototype.map.length, Iterator.prototype.toArray.length, Iterator.prototype.reduce.length].join());
