// Calls the optimizing tier can inline (small callees without loops, try/catch or closure
// creation, called from hot loops with one closure seen), then conditions change under the hot
// code: operand types, int32 overflow and -0, shapes, accessors with side effects, holes and
// out-of-bounds reads inside the callee; the call target itself (a reassigned global, a replaced
// prototype method, another closure of the same function, the same shape holding another
// function); deoptimization two and three frames deep with the callers' live values, inside
// try/catch/finally, after side effects that must not run twice; sloppy and strict `this`,
// arrows capturing `this`, missing and extra arguments, recursion, throwing callees,
// call/apply/bind, getters and setters, global loads. Each phase prints its results per segment
// so that a difference points at the segment where the tiers disagree.

function hashStr(h, s) {
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}
function show(v) { return typeof v === "number" && Object.is(v, -0) ? "-0" : String(v); }

// ---------------------------------------------------------------------------------------------
// 1. Operand feedback of the inlined callee changes: int32 -> double -> string -> mixed -> odd
//    values. The caller keeps values live across the call and uses the callee's result.
function add2(a, b) { return a + b; }
function scaleAdd(a, b, k) {
  const before = k * 3;
  const tag = k & 1;
  const r = add2(a, b);
  return typeof r === "number" ? r * 2 + before - tag : r + before + tag;
}
function phaseTypes() {
  const sums = [], hashes = [];
  for (let seg = 0; seg < 8; seg++) { sums.push(0); hashes.push(0); }
  for (let i = 0; i < 4000; i++) {
    const seg = (i / 500) | 0;
    let a = i, b = i & 7;
    if (seg === 3) a = i + 0.5;
    else if (seg === 4) b = "s" + (i % 3);
    else if (seg === 5) a = i % 2 ? i : i * 0.25;
    else if (seg === 6) { a = i % 5 === 0 ? null : i; b = i % 7 === 0 ? undefined : true; }
    else if (seg === 7) { a = i % 3 === 0 ? [i] : i; b = i % 4 === 0 ? { valueOf() { return 7; } } : 1; }
    const r = scaleAdd(a, b, i);
    if (typeof r === "number" && r === r) sums[seg] += r;
    else hashes[seg] = hashStr(hashes[seg], show(r));
  }
  console.log("types sums: " + sums.join(","));
  console.log("types hashes: " + hashes.join(","));
}
phaseTypes();

// ---------------------------------------------------------------------------------------------
// 2. int32 overflow and -0 inside the inlined callee (and in the caller, on its result).
function sq(x) { return x * x; }
function sqSum(x, y) { return sq(x) + sq(y); }
function inc(x) { return x + 1; }
function mulBy(a, b) { return a * b; }
function modBy(a, b) { return a % b; }
function phaseOverflow() {
  const out = [];
  let t = 0, u = 0, negZero = 0, negZeroMod = 0, incs = 0;
  for (let i = 0; i < 3000; i++) {
    const x = i < 2000 ? i : 46000 + i;       // 46341 * 46341 > 2^31 - 1
    const y = i < 2500 ? i & 255 : 46341;
    t += sqSum(x, y) % 1000003;
    const base = i < 2200 ? i : 2147483640 + (i & 15);
    u += inc(base) - base;
    incs += inc(i < 2600 ? i : 2147483647) > 2147483647 ? 1 : 0;
    const m = mulBy(i < 1800 ? i : -i, i < 2000 ? 3 : 0);
    if (1 / m === -Infinity) negZero++;
    const md = modBy(i < 2400 ? i : -i, i < 2400 ? 7 : 1);
    if (1 / md === -Infinity) negZeroMod++;
    if (i % 500 === 499) out.push(t + "/" + u);
  }
  console.log("overflow: " + out.join(" ") + " incs=" + incs + " negZero=" + negZero + " negZeroMod=" + negZeroMod);
  console.log("overflow values: " + sq(46341) + " " + sqSum(65536, 65536) + " " + inc(2147483647) + " " + show(mulBy(-5, 0)) + " " + show(modBy(-4, 2)));
}
phaseOverflow();

// ---------------------------------------------------------------------------------------------
// 3. The shape of the object the callee reads changes: other layout, inherited property,
//    dictionary mode after delete, class instance, same shape with another value type, a
//    getter on the prototype, missing property.
function getX(o) { return o.x; }
function getXY(o) { return getX(o) * 10 + o.y; }
class PX { constructor(x) { this.y = 2; this.x = x; } }
function phaseShapes() {
  const res = [];
  const protoX = { x: 5 };
  const withGetter = Object.create({ get x() { return 42; } });
  withGetter.y = 3;
  for (let seg = 0; seg < 9; seg++) {
    let s = 0;
    for (let i = 0; i < 500; i++) {
      let o;
      if (seg <= 1) o = { x: i, y: 1 };
      else if (seg === 2) o = { y: 1, x: i };
      else if (seg === 3) { o = Object.create(protoX); o.y = i; }
      else if (seg === 4) { o = { a: 1, x: i, y: 2 }; delete o.a; }
      else if (seg === 5) o = new PX(i);
      else if (seg === 6) o = { x: i + 0.5, y: 1 };
      else if (seg === 7) o = i % 2 ? withGetter : { x: "7", y: 1 };
      else o = i % 3 ? { x: i, y: 1 } : { y: 1 };
      const r = getXY(o);
      s += r === r ? r : 1000000;
    }
    res.push(s);
  }
  console.log("shapes: " + res.join(","));
}
phaseShapes();

// ---------------------------------------------------------------------------------------------
// 4. A property the callee reads becomes a getter with side effects, then a data property again;
//    a property the callee stores becomes a setter.
function readFee(o) { return o.fee; }
function charge(o, amt) { return amt + readFee(o) + readFee(o); }
function storeLast(o, v) { o.last = v; return v; }
function phaseAccessors() {
  const acct = { bal: 0, fee: 1, last: 0 };
  let feeReads = 0, setLog = 0, total = 0;
  const totals = [];
  for (let i = 0; i < 4000; i++) {
    if (i === 1500) {
      Object.defineProperty(acct, "fee", { get() { feeReads++; return feeReads & 3; }, configurable: true });
    } else if (i === 2500) {
      Object.defineProperty(acct, "fee", { value: 2, writable: true, configurable: true, enumerable: true });
    } else if (i === 3000) {
      Object.defineProperty(acct, "last", { set(v) { setLog = (setLog * 3 + v) % 100003; }, get() { return -1; }, configurable: true });
    }
    total += charge(acct, i & 31);
    storeLast(acct, i);
    if (i % 500 === 499) totals.push(total + ":" + acct.last);
  }
  console.log("accessors: " + totals.join(" ") + " feeReads=" + feeReads + " setLog=" + setLog);
}
phaseAccessors();

// ---------------------------------------------------------------------------------------------
// 5. Element reads inside the callee: out of bounds, holes (also one filled from
//    Array.prototype), strings, array-likes, double elements.
function at(a, i) { return a[i]; }
function pairSum(a, i) {
  const x = at(a, i), y = at(a, i + 1);
  return (x === undefined ? -1 : x) + (y === undefined ? -1 : y);
}
function phaseElements() {
  const dense = [];
  for (let k = 0; k < 64; k++) dense.push(k * 2);
  const holey = dense.slice();
  delete holey[10];
  holey[100] = 5;                    // also holes 64..99
  const protoHoley = [1, 2, , 4];
  const str = "abcdefghij";
  const arrayLike = { 0: 3, 1: 4, 2: 5, length: 3 };
  const doubles = [0.5, 1.5, 2.5, 3.5];
  const res = [];
  for (let seg = 0; seg < 8; seg++) {
    let h = 0;
    if (seg === 6) Array.prototype[2] = 1000;
    for (let i = 0; i < 400; i++) {
      let r;
      if (seg <= 1) r = pairSum(dense, i % 63);
      else if (seg === 2) r = pairSum(dense, i % 70);
      else if (seg === 3) r = pairSum(holey, i % 101);
      else if (seg === 4) r = pairSum(i % 2 ? str : dense, i % 12);
      else if (seg === 5) r = pairSum(i % 2 ? arrayLike : doubles, i % 5);
      else if (seg === 6) r = pairSum(protoHoley, i % 4);
      else r = pairSum(dense, i % 2 ? -1 : i % 63);
      h = hashStr(h, show(r));
    }
    if (seg === 6) delete Array.prototype[2];
    res.push(h);
  }
  console.log("elements: " + res.join(","));
  console.log("elements values: " + pairSum(protoHoley, 1) + " " + pairSum(str, 9) + " " + pairSum(doubles, 3) + " " + pairSum(holey, 9));
}
phaseElements();

// ---------------------------------------------------------------------------------------------
// 6. The call target changes while the caller is hot.
// 6a. A global function reassigned (a top-level declaration, and a property of the global
//     object), including by the callee itself while it runs.
function target(x) { return x + 1; }
function callTarget(x) { const r = target(x); return typeof r === "number" ? r * 2 : r; }
globalThis.gTarget = function (x) { return x + 3; };
function callGTarget(x) { return gTarget(x) - 1; }
function phaseGlobalTargets() {
  const res = [];
  let s = 0, g = 0, selfCalls = 0;
  const original = globalThis.gTarget;
  for (let i = 0; i < 4000; i++) {
    if (i === 1500) target = function (x) { return x - 1; };
    else if (i === 2000) target = (x) => x * 3;
    else if (i === 2500) target = function (x) { return "t" + x; };
    else if (i === 3000) target = function (x) { return x + 1; };
    if (i === 1700) globalThis.gTarget = function (x) { return x * 5; };
    else if (i === 2700) {
      globalThis.gTarget = function (x) {
        selfCalls++;
        if (selfCalls === 50) gTarget = original;
        return x + 0.5;
      };
    }
    const r = callTarget(i);
    s = typeof r === "number" ? s + r : hashStr(s, r);
    g += callGTarget(i);
    if (i % 500 === 499) res.push(s + "/" + g);
  }
  console.log("global targets: " + res.join(" ") + " selfCalls=" + selfCalls);
}
phaseGlobalTargets();

// 6b. A method replaced on the prototype, shadowed by an own property, the shadow deleted; the
//     same shape holding a different function in a data property.
class Counter {
  constructor() { this.n = 0; }
  step(k) { this.n += k; return this.n; }
}
function drive(c, k) { return c.step(k); }
function plus(a, b) { return a + b; }
function minus(a, b) { return a - b; }
function useOp(holder, a, b) { return holder.op(a, b); }
function phaseMethodTargets() {
  const c1 = new Counter(), c2 = new Counter();
  const holder = { op: plus };
  const res = [];
  let s = 0, o = 0;
  const origStep = Counter.prototype.step;
  for (let i = 0; i < 4000; i++) {
    if (i === 1500) Counter.prototype.step = function (k) { this.n -= k; return -this.n; };
    else if (i === 2000) c2.step = function (k) { return k * 1000; };
    else if (i === 2500) delete c2.step;
    else if (i === 3000) Counter.prototype.step = origStep;
    if (i === 1200) holder.op = minus;
    else if (i === 2200) holder.op = (a, b) => a * b;
    else if (i === 3200) holder.op = plus;
    s += drive(i % 2 ? c1 : c2, i & 15);
    o += useOp(holder, i, i & 3);
    if (i % 500 === 499) res.push(s + "/" + o);
  }
  console.log("method targets: " + res.join(" ") + " n=" + c1.n + "," + c2.n);
}
phaseMethodTargets();

// 6c. Different closures of one function (same code, other captured variables), also
//     closures whose captured variable the callee writes.
function makeAdder(k) { return function (x) { return x + k; }; }
function makeTally() { let n = 0; return (d) => { n += d; return n; }; }
function applyF(f, x) { return f(x); }
function phaseClosures() {
  const adders = [makeAdder(1), makeAdder(10), makeAdder(100), makeAdder(0.5)];
  const t1 = makeTally(), t2 = makeTally();
  const res = [];
  let s = 0, t = 0;
  for (let i = 0; i < 4000; i++) {
    const f = i < 1500 ? adders[0] : i < 2500 ? adders[i % 3] : adders[i % 4];
    s += applyF(f, i);
    t += applyF(i < 2000 || i % 3 ? t1 : t2, i & 7);
    if (i % 500 === 499) res.push(s + "/" + t);
  }
  console.log("closures: " + res.join(" ") + " tallies=" + t1(0) + "," + t2(0));
}
phaseClosures();

// ---------------------------------------------------------------------------------------------
// 7. Three levels deep (lvl1 inlines lvl2 inlines lvl3); each level keeps live values across its
//    call; the deoptimization happens in the innermost level, then in the middle, then in the
//    outermost one.
function lvl3(o, k) { return o.v * k; }
function lvl2(o, k, j) { const t = j + 1; const r = lvl3(o, k); return r + t; }
function lvl1(o, i) { const pre = i & 15; const r = lvl2(o, i & 7, pre); return r - pre * 2; }
function phaseNested() {
  const res = [];
  for (let seg = 0; seg < 8; seg++) {
    let s = 0, h = 0;
    for (let i = 0; i < 500; i++) {
      let o;
      if (seg <= 1) o = { v: i };
      else if (seg === 2) o = { v: i + 0.25 };                  // innermost: double
      else if (seg === 3) o = { w: 0, v: i };                   // innermost: shape
      else if (seg === 4) o = { v: 1073741824 + i };            // innermost: overflow
      else if (seg === 5) o = { v: "x" };                       // NaN, then the middle adds
      else if (seg === 6) o = i % 2 ? { v: i } : { get v() { return "s"; } };
      else o = { v: i % 5 ? i : { valueOf() { return 2; } } };
      const r = lvl1(o, seg === 7 ? i * 0.5 : i);
      if (typeof r === "number" && r === r) s += r; else h = hashStr(h, show(r));
    }
    res.push(s + "/" + h);
  }
  console.log("nested: " + res.join(" "));
}
phaseNested();

// ---------------------------------------------------------------------------------------------
// 8. Deoptimization and exceptions inside an inlined callee while the caller is inside
//    try/catch/finally.
function risky(o) { return o.inner.val + 1; }
function guarded(o, log) {
  let stage = 0;
  try {
    stage = 1;
    const r = risky(o);
    stage = 2;
    return r * 2;
  } catch (e) {
    log.caught++;
    return e instanceof TypeError ? -1000 - stage : e === "custom" ? -7 : -1;
  } finally {
    log.count++;
    log.stageSum += stage;
  }
}
function viaFinally(o, log) {
  try { return risky(o); } finally { log.fin++; }
}
function phaseTry() {
  const log = { caught: 0, count: 0, stageSum: 0, fin: 0 };
  const throwing = { inner: { get val() { throw "custom"; } } };
  const res = [];
  for (let seg = 0; seg < 6; seg++) {
    let s = 0;
    for (let i = 0; i < 500; i++) {
      let o;
      if (seg <= 1) o = { inner: { val: i } };
      else if (seg === 2) o = { inner: { val: i + 0.5 } };
      else if (seg === 3) o = i % 10 ? { inner: { val: i } } : {};
      else if (seg === 4) o = i % 10 ? { inner: { val: "v" } } : throwing;
      else o = i % 3 ? { inner: { extra: 1, val: i } } : { inner: null };
      const r = guarded(o, log);
      s = typeof r === "number" && r === r ? s + r : hashStr(s, show(r));
      try { s += viaFinally(o, log) | 0; } catch (e) { s += 3; }
    }
    res.push(s);
  }
  console.log("try: " + res.join(",") + " log=" + JSON.stringify(log));
}
phaseTry();

// ---------------------------------------------------------------------------------------------
// 9. `this`: a sloppy callee called as a plain function (the global object) and as a method; a
//    sloppy callee given primitives and undefined (boxed / global object); a strict one; an
//    arrow capturing its method's `this`.
globalThis.tag = "G";
function whoAmI(x) { return this.tag + x; }
function callPlain(x) { return whoAmI(x); }
function callMethod(o, x) { return o.who(x); }
function sloppyType() { return typeof this === "object" ? (this === globalThis ? "g" : "o" + typeof this.valueOf()) : "?"; }
function strictType() { "use strict"; return this === undefined ? "u" : this === null ? "n" : typeof this; }
function callTypes(i) {
  const v = i % 5 === 0 ? 5 : i % 5 === 1 ? "s" : i % 5 === 2 ? undefined : i % 5 === 3 ? null : true;
  return sloppyType.call(v) + strictType.call(v) + sloppyType() + strictType();
}
class Acc {
  constructor() { this.total = 0; }
  run(n, d) {
    const add = (x) => { this.total += x * d; return this.total; };
    let r = 0;
    for (let i = 0; i < n; i++) r = add(i);
    return r;
  }
}
function phaseThis() {
  const a = { tag: "A", who: whoAmI };
  const b = { z: 0, tag: "B", who: whoAmI };
  let h = 0;
  const res = [];
  for (let i = 0; i < 3000; i++) {
    if (i === 1500) globalThis.tag = 1;
    else if (i === 2000) globalThis.tag = 2.5;
    else if (i === 2500) delete globalThis.tag;
    h = hashStr(h, show(callPlain(i & 7)));
    h = hashStr(h, show(callMethod(i < 1000 || i % 2 ? a : b, i & 3)));
    if (i % 3 === 0) h = hashStr(h, callTypes(i));
    if (i % 500 === 499) res.push(h);
  }
  globalThis.tag = "G";
  const acc = new Acc();
  const r1 = acc.run(1500, 1), r2 = acc.run(500, 0.5);
  console.log("this: " + res.join(",") + " acc=" + r1 + "," + r2 + "," + acc.total + " types=" + callTypes(0) + callTypes(1) + callTypes(2) + callTypes(3) + callTypes(4));
}
phaseThis();

// ---------------------------------------------------------------------------------------------
// 10. Fewer arguments than parameters (undefined), more (ignored; seen by `arguments`), extra
//     arguments with side effects, default parameters, rest parameters, a missing parameter
//     assigned in the callee, sloppy `arguments` aliasing.
function opt3(a, b, c) { return (a === undefined ? 1 : a) * 100 + (b === undefined ? 2 : b) * 10 + (c === undefined ? 3 : c); }
function argsLen(a, b) { return arguments.length * 1000 + (a | 0) + (b | 0); }
function withDefault(a, b = a + 1) { return a * b; }
function withRest(a, ...more) { return a + more.length * 100; }
function ignoresExtras(a) { return a * 2; }
function fill(a, b) { if (b === undefined) b = a; return a + b; }
function alias(a) { arguments[0] = 99; return a; }
function callArgs(i, k) {
  switch (k) {
    case 0: return opt3(i);
    case 1: return opt3(i, 1);
    case 2: return opt3(i, 1, 2);
    case 3: return opt3();
    default: return opt3(i, 1, 2, 3);
  }
}
function phaseArgs() {
  let s = 0, effects = 0, h = 0;
  const res = [];
  for (let i = 0; i < 4000; i++) {
    const k = i < 1500 ? 2 : i % 5;
    s += callArgs(i & 63, k);
    s += i < 2000 ? argsLen(i & 7, 1) : i % 2 ? argsLen(i & 7, 1, 2, 3) : argsLen(i & 7);
    s += withDefault(i & 15, i < 2500 ? undefined : 2);
    s += i < 1800 ? withRest(i & 3) : withRest(i & 3, i, i);
    s += ignoresExtras(i & 31, i < 2200 ? 0 : effects++, i < 3000 ? 0 : effects++);
    s += fill(i & 7, i < 1600 ? i & 3 : undefined);
    h = hashStr(h, show(i < 2000 ? alias(i) : alias()));
    if (i % 500 === 499) res.push(s);
  }
  console.log("args: " + res.join(",") + " effects=" + effects + " h=" + h);
}
phaseArgs();

// ---------------------------------------------------------------------------------------------
// 11. Recursion (must not be inlined forever), with int32 overflow deep in it, and mutual
//     recursion; a recursive function whose recursive target is reassigned.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
function down(n) { return n <= 0 ? 0 : 1 + recur(n - 1); }
let recur = down;
function phaseRecursion() {
  let f = 0, fa = 0, ev = 0, d = 0;
  for (let i = 0; i < 600; i++) {
    f += fib(i % 16);
    fa += fact(i % 22) % 1000000007;
    if (isEven(i % 60)) ev++;
    if (i === 400) recur = function (n) { return 100 + down(n); };
    d += down(i % 30);
  }
  console.log("recursion: " + f + " " + fa + " " + ev + " " + d + " " + fact(13) + " " + fact(25) + " " + down(2000));
}
phaseRecursion();

// ---------------------------------------------------------------------------------------------
// 12. Throwing callees (also thrown through two inlinable frames, and non-Error values); the
//     caller's state after the catch.
function check(x) { if (x % 97 === 96) throw new RangeError("bad " + x); return x; }
function mid(x) { return check(x) * 2; }
function topLevel(x) { return mid(x) + 1; }
function throwVal(x) { if (x % 50 === 49) throw x; return -x; }
function phaseThrow() {
  let s = 0, caught = 0, lastMsg = "", vals = 0;
  for (let i = 0; i < 3000; i++) {
    const before = s;
    try {
      s += topLevel(i < 1500 ? i : i + 0.5);
    } catch (e) {
      if (s !== before) s = -1;
      caught++;
      lastMsg = e instanceof RangeError ? e.message : "?";
    }
    try { s += throwVal(i); } catch (e) { vals += e; }
  }
  console.log("throw: " + s + " " + caught + " " + lastMsg + " " + vals);
}
phaseThrow();

// ---------------------------------------------------------------------------------------------
// 13. call / apply / bind, with the bound and called targets changing.
function addThis(a, b) { return this.base + a + (b === undefined ? 0 : b); }
function phaseCallApply() {
  const o1 = { base: 10 }, o2 = { extra: 1, base: 20 };
  const bound1 = addThis.bind(o1, 1);
  const bound2 = addThis.bind(o2);
  let s = 0;
  const res = [];
  for (let i = 0; i < 3000; i++) {
    s += addThis.call(i < 1500 ? o1 : o2, i, 1);
    s += addThis.apply(o1, i < 2000 ? [i] : [i, 0.5]);
    s += (i < 2500 ? bound1 : bound2)(i, 2);
    if (i % 500 === 499) res.push(s);
  }
  console.log("call/apply: " + res.join(","));
}
phaseCallApply();

// ---------------------------------------------------------------------------------------------
// 14. Getters and setters in classes, hot, then redefined on the prototype; a subclass getter
//     using super.
class Rect {
  constructor(w, h) { this._w = w; this.h = h; }
  get area() { return this._w * this.h; }
  set w(v) { this._w = v < 0 ? 0 : v; }
  get w() { return this._w; }
}
class Square extends Rect {
  constructor(s) { super(s, s); }
  get area() { return super.area + 1; }
}
function areaOf(r) { return r.area; }
function setW(r, v) { r.w = v; return r.w; }
function phaseGetters() {
  const r = new Rect(2, 3), sqr = new Square(4);
  let s = 0;
  const res = [];
  for (let i = 0; i < 3000; i++) {
    if (i === 1500) Object.defineProperty(Rect.prototype, "area", { get() { return this._w + this.h; }, configurable: true });
    if (i === 2500) Object.defineProperty(Rect.prototype, "w", { set(v) { this._w = v * 2; }, get() { return this._w; }, configurable: true });
    s += areaOf(i % 3 ? r : sqr);
    s += setW(r, (i & 15) - 4);
    if (i === 2000) r.h = 1.5;
    if (i % 500 === 499) res.push(s);
  }
  console.log("getters: " + res.join(",") + " " + areaOf(r) + " " + areaOf(sqr));
}
phaseGetters();

// ---------------------------------------------------------------------------------------------
// 15. Side effects before the deoptimizing guard inside the callee must happen exactly once;
//     arguments already evaluated when a later argument's callee deoptimizes.
function logAndRead(o, tag) { o.reads = o.reads + 1; o.tagSum = o.tagSum + tag; return o.val * 2; }
function twice(o, i) { return logAndRead(o, i) + logAndRead(o, -2 * i); }
function first(x) { return x + 1; }
function second(o) { return o.k * 3; }
function combine(a, b, c) { return a * 100 + b * 10 + c; }
function phaseEffects() {
  const o = { reads: 0, tagSum: 0, val: 1 };
  let s = 0, c = 0;
  for (let i = 0; i < 3000; i++) {
    if (i === 1000) o.val = 1.5;
    else if (i === 1800) o.val = "2";
    else if (i === 2400) o.val = undefined;
    const r = twice(o, i);
    s += r === r ? r : 1;
    const k = i < 1500 ? { k: i & 7 } : i % 3 === 0 ? { k: 0.5 } : i % 3 === 1 ? { j: 1, k: 2 } : { k: "9" };
    const v = combine(first(i & 15), second(k), first(i < 2000 ? 1 : 1.25));
    c = typeof v === "number" ? c + v : hashStr(c, v);
  }
  console.log("effects: reads=" + o.reads + " tagSum=" + o.tagSum + " s=" + s + " c=" + c);
}
phaseEffects();

// ---------------------------------------------------------------------------------------------
// 16. Global loads inside the callee: a global object property whose value changes type, then
//     disappears (ReferenceError), then comes back; a top-level `let` that is reassigned.
globalThis.SCALE = 3;
let OFFSET = 10;
function scaled(x) { return x * SCALE + OFFSET; }
function useScaled(x) { const r = scaled(x); return typeof r === "number" ? r - 1 : r; }
function phaseGlobals() {
  let s = 0, errors = 0, h = 0;
  const res = [];
  for (let i = 0; i < 3500; i++) {
    if (i === 1200) globalThis.SCALE = 2.5;
    else if (i === 1600) OFFSET = 0.25;
    else if (i === 2000) globalThis.SCALE = "4";
    else if (i === 2400) delete globalThis.SCALE;
    else if (i === 2600) globalThis.SCALE = 1;
    else if (i === 3000) OFFSET = "!";
    try {
      const r = useScaled(i);
      if (typeof r === "number") s += r; else h = hashStr(h, r);
    } catch (e) {
      if (e instanceof ReferenceError) errors++;
    }
    if (i % 500 === 499) res.push(s + "/" + h);
  }
  console.log("globals: " + res.join(" ") + " errors=" + errors);
}
phaseGlobals();

// ---------------------------------------------------------------------------------------------
// 17. Several returns and early returns, with a branch never taken before the code got hot;
//     constructors of small classes called with `new` from the hot loop.
function classify(x) {
  if (x < 0) return -1;
  if (x === 0) return 0;
  if (x > 100000) return "big";
  if (x !== x) return "nan";
  return x & 1 ? 1 : 2;
}
function Vec(x, y) { this.x = x; this.y = y; }
Vec.prototype.len1 = function () { return Math.abs(this.x) + Math.abs(this.y); };
function vecLen(x, y) { return new Vec(x, y).len1(); }
function phaseReturns() {
  let h = 0, v = 0;
  for (let i = 0; i < 3000; i++) {
    const x = i < 1500 ? (i % 50) + 1 : i % 4 === 0 ? -i : i % 4 === 1 ? 0 : i % 4 === 2 ? 200000 + i : i % 7 === 0 ? NaN : i;
    h = hashStr(h, show(classify(x)));
    v += vecLen(i < 2000 ? i : -i, i < 2500 ? 1 : 0.5);
  }
  console.log("returns: " + h + " " + v);
}
phaseReturns();

// ---------------------------------------------------------------------------------------------
// 18. Deoptimization inside an inlined callee in the middle of an expression (pending
//     temporaries of the caller), inside a template literal, and inside for-of loops over an
//     array and a Map (the iterators must survive).
function weight(o) { return o.w + 1; }
function phaseTemps() {
  const items = [];
  for (let i = 0; i < 3000; i++) {
    items.push(i < 2000 ? { w: i & 63 } : i % 3 === 0 ? { w: 0.5 } : i % 3 === 1 ? { q: 0, w: i & 63 } : { w: "w" });
  }
  let s = 0, h = 0, n = 0;
  for (const it of items) {
    n++;
    const e = n * 3 + weight(it) * (n & 7) - weight(items[(n * 7) % 3000]);
    s = typeof e === "number" && e === e ? s + e : s + 1;
    h = hashStr(h, `${n}:${weight(it)}:${n & 3}`);
  }
  const m = new Map();
  for (let i = 0; i < 400; i++) m.set(i, i < 300 ? { w: i } : { w: i + 0.25 });
  let ms = 0;
  for (const [k, v] of m) ms += weight(v) * (k & 3);
  console.log("temps: " + s + " " + h + " " + n + " " + ms);
}
phaseTemps();
