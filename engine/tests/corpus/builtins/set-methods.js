// ES2025 Set methods: results, GetSetRecord validation and the observable call order.
function show(label, v) { console.log(label + ": " + String(v)); }
function list(s) { return "[" + [...s].map(String).join(",") + "]"; }
function err(f) {
  try { f(); return "no error"; } catch (e) { return e.constructor === TypeError ? "TypeError" : e.constructor === RangeError ? "RangeError" : "other:" + e.message; }
}

var a = new Set([1, 2, 3, 4]);
var b = new Set([3, 4, 5]);
show("union", list(a.union(b)));
show("intersection", list(a.intersection(b)));
show("intersection (this bigger)", list(new Set([5, 4, 3, 2, 1]).intersection(new Set([4, 1]))));
show("difference", list(a.difference(b)));
show("difference (other bigger)", list(new Set([1, 2]).difference(new Set([2, 3, 4, 5]))));
show("symmetricDifference", list(a.symmetricDifference(b)));
show("isSubsetOf", new Set([3]).isSubsetOf(b) + " " + a.isSubsetOf(b));
show("isSupersetOf", a.isSupersetOf(new Set([1, 2])) + " " + a.isSupersetOf(b));
show("isDisjointFrom", a.isDisjointFrom(new Set([9])) + " " + a.isDisjointFrom(b));
show("result is new Set", (a.union(b) !== a) + " " + (Object.getPrototypeOf(a.union(b)) === Set.prototype));
show("receiver unchanged", list(a));

// Maps are set-like (keys).
var m = new Map([[1, "x"], [7, "y"]]);
show("with map", list(a.union(m)) + " " + list(a.intersection(m)));

// -0 from other becomes +0.
var negZero = { size: 1, has: function () { return false; }, keys: function () { var done = false; return { next: function () { var r = { value: -0, done: done }; done = true; return r; } }; } };
show("-0 canonicalised", Object.is([...new Set().union(negZero)][0], 0));

// GetSetRecord.
show("not object", err(function () { a.union([1]); }));
show("size undefined", err(function () { a.union({ has: function () {}, keys: function () {} }); }));
show("size NaN", err(function () { a.union({ size: "x", has: function () {}, keys: function () {} }); }));
show("size negative", err(function () { a.union({ size: -1, has: function () {}, keys: function () {} }); }));
show("size -0.5 ok", err(function () { a.isSubsetOf({ size: -0.5, has: function () { return true; }, keys: function () {} }); }));
show("has not callable", err(function () { a.union({ size: 1, has: 1, keys: function () {} }); }));
show("keys not callable", err(function () { a.union({ size: 1, has: function () {}, keys: {} }); }));
show("keys returns primitive", err(function () { a.union({ size: 1, has: function () {}, keys: function () { return 1; } }); }));
show("this not a Set", err(function () { Set.prototype.union.call(new Map(), a); }));

// Observable order.
function logger(values, size) {
  var log = [];
  var obj = {
    get size() { log.push("size"); return { valueOf: function () { log.push("valueOf"); return size; } }; },
    get has() { log.push("get has"); return function (v) { log.push("has(" + v + ")"); return values.indexOf(v) !== -1; }; },
    get keys() {
      log.push("get keys");
      return function () {
        log.push("keys()");
        var i = 0;
        return {
          get next() {
            log.push("get next");
            return function () { log.push("next"); return i < values.length ? { value: values[i++], done: false } : { value: undefined, done: true }; };
          },
          return: function () { log.push("return"); return {}; }
        };
      };
    }
  };
  return { obj: obj, log: log };
}
["union", "intersection", "difference", "symmetricDifference", "isSubsetOf", "isSupersetOf", "isDisjointFrom"].forEach(function (name) {
  [[[2, 9], 2], [[1, 2, 3, 4, 5, 6], 6], [[], 0]].forEach(function (c) {
    var l = logger(c[0], c[1]);
    var r = new Set([1, 2, 3])[name](l.obj);
    show(name + " " + c[1], (r instanceof Set ? list(r) : r) + " | " + l.log.join(" "));
  });
});

// Mutation of this during has().
var s = new Set([1, 2, 3]);
var r = s.intersection({ size: 10, has: function (v) { if (v === 1) { s.delete(2); s.add(4); } return true; }, keys: function () {} });
show("intersection mutation", list(r) + " this=" + list(s));
s = new Set([1, 2, 3]);
r = s.difference({ size: 10, has: function (v) { if (v === 1) { s.delete(2); s.add(4); } return v === 3; }, keys: function () {} });
show("difference mutation", list(r) + " this=" + list(s));
s = new Set([1, 2, 3]);
show("isSubsetOf mutation", s.isSubsetOf({ size: 10, has: function (v) { if (v === 3) s.add(99); return v !== 99; }, keys: function () {} }));
s = new Set([1, 2]);
var calls = [];
s.isDisjointFrom({ size: 5, has: function (v) { calls.push(v); if (v === 1) { s.clear(); s.add(7); } return false; }, keys: function () {} });
show("isDisjointFrom clear", calls.join(","));

// symmetricDifference: this mutated during iteration of other's keys.
s = new Set([1, 2]);
var vals = [2, 3, 1];
var k = 0;
r = s.symmetricDifference({ size: 3, has: function () {}, keys: function () {
  return { next: function () { if (k === 1) s.delete(1); return k < vals.length ? { value: vals[k++], done: false } : { done: true }; } };
} });
show("symmetricDifference mutation", list(r));

// Subclass receivers: results are plain Sets and don't call overridden methods.
class MySet extends Set {
  add() { throw new Error("add called"); }
  has() { throw new Error("has called"); }
}
var ms = new MySet();
Set.prototype.add.call(ms, 1);
Set.prototype.add.call(ms, 2);
var u = ms.union(new Set([3]));
show("subclass union", (u instanceof MySet) + " " + list(u));
show("subclass isSupersetOf", ms.isSupersetOf(new Set([1])));
