function makeRange(start, end, log) {
  return {
    [Symbol.iterator]() {
      let cur = start;
      log.push("iterator()");
      return {
        next() {
          log.push("next");
          return cur < end ? { value: cur++, done: false } : { value: "ret", done: true };
        },
        return(v) {
          log.push("return");
          return { value: v, done: true };
        }
      };
    }
  };
}
let log = [];
const out = [];
for (const v of makeRange(0, 3, log)) out.push(v);
console.log("values: " + out.join(",") + " log: " + log.join(" "));

log = [];
for (const v of makeRange(0, 10, log)) { if (v === 1) break; }
console.log("break calls return: " + log.join(" "));

log = [];
try {
  for (const v of makeRange(0, 10, log)) { if (v === 2) throw new Error("stop"); }
} catch (e) {
  console.log("throw calls return: " + log.join(" ") + " caught " + e.message);
}

log = [];
function findFirst() {
  for (const v of makeRange(5, 10, log)) { if (v > 6) return v; }
}
console.log("return in loop: " + findFirst() + " log " + log.join(" "));

log = [];
outer: for (const a of [1, 2]) {
  for (const b of makeRange(0, 5, log)) {
    if (b === 1) continue outer;
  }
}
console.log("labelled continue calls return: " + log.filter((x) => x === "return").length);

// no return method: break is fine
const noReturn = {
  [Symbol.iterator]() { let i = 0; return { next: () => ({ value: i++, done: i > 5 }) }; }
};
const got = [];
for (const v of noReturn) { got.push(v); if (v === 2) break; }
console.log("no return method: " + got.join(","));

// done value is not produced
log = [];
console.log("spread ignores done value: " + JSON.stringify([...makeRange(0, 2, log)]));

// manual iteration of an array iterator
const it = ["a", "b"][Symbol.iterator]();
console.log(JSON.stringify(it.next()) + " " + JSON.stringify(it.next()) + " " + JSON.stringify(it.next()) + " " + JSON.stringify(it.next()));
console.log("iterator is iterable: " + (it[Symbol.iterator]() === it));
// keys/values/entries iterators
console.log("keys: " + [...["x", "y"].keys()].join(",") + " entries: " + JSON.stringify([...["x", "y"].entries()]));
console.log("values of holey: " + JSON.stringify([...[1, , 3].values()]));
// array iterator sees appended elements
const growing = [1, 2];
const seen = [];
for (const v of growing) { seen.push(v); if (growing.length < 5) growing.push(v * 10); }
console.log("growing: " + seen.join(","));
// next returning non-object throws
const badIter = { [Symbol.iterator]() { return { next() { return 1; } }; } };
try { for (const v of badIter) {} } catch (e) { console.log("non-object result: " + e.name); }
const notIterable = { [Symbol.iterator]: 1 };
try { for (const v of notIterable) {} } catch (e) { console.log("non-callable @@iterator: " + e.name); }
// iterator result objects: done absent treated as false
let n = 0;
const implicitDone = { [Symbol.iterator]() { return { next() { return n < 2 ? { value: n++ } : { done: true }; } }; } };
console.log("implicit done: " + [...implicitDone].join(","));
// string iterator
const strIt = "ab"[Symbol.iterator]();
console.log("string iterator: " + strIt.next().value + strIt.next().value + " " + strIt.next().done);
// Array.from uses iterator
console.log("Array.from iterable: " + Array.from(makeRange(3, 6, [])).join(","));
