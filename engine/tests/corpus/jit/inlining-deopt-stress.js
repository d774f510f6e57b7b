// Deoptimization at many different points of calls inlined two and three deep: after a warm-up
// with int32 operands and one shape, each iteration picks (with a fixed LCG) which argument gets
// an unexpected value (double, string, undefined, null, boolean, near-int32-max, -0, an object
// with valueOf, another shape, a getter, a missing property, a different callee), so the failing
// guard is sometimes in the innermost callee, sometimes in a middle one, sometimes in the caller
// after the inlined call returned. Every result is compared with a reference computation that is
// not inlined (its body has a loop) and folded into a per-phase checksum; callees with side
// effects are checked for running each effect exactly once.

let seed = 20240611;
function rnd(n) { seed = (seed * 16807) % 2147483647; return seed % n; }
function hashStr(h, s) {
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}
function show(v) {
  if (typeof v === "number" && Object.is(v, -0)) return "-0";
  if (typeof v === "object" && v !== null) return "obj";
  return String(v);
}
const VAL3 = { valueOf() { return 3; } };
// A value of the kind the LCG picks; kind 0 (the warm-up kind) is a small int32.
function pick(kind, i) {
  switch (kind) {
    case 1: return (i & 1023) + 0.5;
    case 2: return "" + (i & 15);
    case 3: return "z";
    case 4: return undefined;
    case 5: return null;
    case 6: return (i & 1) === 0;
    case 7: return 2147483000 + (i & 1023);
    case 8: return -0;
    case 9: return VAL3;
    case 10: return -2147483648;
    default: return i & 1023;
  }
}
// Kind 0 most of the time after the warm-up; `rate` in 64 iterations pick another kind.
function kindAt(i, warm, rate) {
  if (i < warm) return 0;
  return rnd(64) < rate ? 1 + rnd(10) : 0;
}
function same(a, b) { return Object.is(a, b) || (typeof a === "object" && typeof b === "object"); }

const summary = [];
function report(name, n, mismatches, firstBad, h) {
  summary.push(mismatches);
  console.log(name + ": n=" + n + " mismatches=" + mismatches + " first=" + firstBad + " checksum=" + h);
}

// ---------------------------------------------------------------------------------------------
// Phase 1: two deep, arithmetic; the bad operand is for the callee (x, y) or the caller (z).
function a1(x, y) { return x * 2 + y; }
function a0(x, y, z) { const t = z - 1; const r = a1(x, y); return r + t; }
function refA0(x, y, z) { let r; for (let k = 0; k < 1; k++) { const t = z - 1; r = x * 2 + y + t; } return r; }
function phase1() {
  let h = 0, bad = 0, first = "-";
  const n = 5000;
  for (let i = 0; i < n; i++) {
    const x = pick(kindAt(i, 1500, 4), i), y = pick(kindAt(i, 1500, 4), i + 7), z = pick(kindAt(i, 1500, 4), i + 3);
    const got = a0(x, y, z), want = refA0(x, y, z);
    if (!same(got, want)) { if (bad++ === 0) first = i + ":" + show(got) + "!=" + show(want); }
    h = hashStr(h, show(got));
  }
  report("phase1 arith 2-deep", n, bad, first, h);
}
phase1();

// ---------------------------------------------------------------------------------------------
// Phase 2: three deep, property loads; the bad value is the object's shape or property (in
// p2), the multiplier (in p1) or the addend (in p0, after both returned).
function p2(o) { return o.v; }
function p1(o, k) { return p2(o) * k; }
function p0(o, k, j) { const pre = j & 3; return p1(o, k) + pre + j; }
function refP0(o, k, j) { let r; for (let q = 0; q < 1; q++) { const pre = j & 3; r = o.v * k + pre + j; } return r; }
const protoV = { v: 11 };
const getterV = { get v() { return 13; } };
function objectAt(kind, i) {
  switch (kind) {
    case 0: return { v: i & 255 };
    case 1: return { w: 1, v: i & 255 };
    case 2: return Object.create(protoV);
    case 3: return getterV;
    case 4: return {};
    case 5: { const o = { a: 1, v: i & 7 }; delete o.a; return o; }
    case 6: return [i & 3];
    default: return { v: pick(kind - 6, i) };
  }
}
function phase2() {
  let h = 0, bad = 0, first = "-";
  const n = 5000;
  for (let i = 0; i < n; i++) {
    const ko = i < 1500 ? 0 : rnd(64) < 5 ? 1 + rnd(15) : 0;
    const o = objectAt(ko, i), k = pick(kindAt(i, 1500, 3), i + 1), j = pick(kindAt(i, 1500, 3), i + 2);
    const got = p0(o, k, j), want = refP0(o, k, j);
    if (!same(got, want)) { if (bad++ === 0) first = i + ":" + show(got) + "!=" + show(want); }
    h = hashStr(h, show(got));
  }
  report("phase2 loads 3-deep", n, bad, first, h);
}
phase2();

// ---------------------------------------------------------------------------------------------
// Phase 3: three deep, element reads, comparisons and early returns; bad values are holes,
// out-of-bounds indexes, non-int32 indexes, a string or array-like receiver, odd limits.
function e2(a, i) { return a[i]; }
function e1(a, i, lim) { const x = e2(a, i); if (x < lim) return x; if (x === undefined) return -1; return lim - x; }
function e0(a, i, lim, b) { const r = e1(a, i, lim); if (r === b) return 1000; return r; }
function refE0(a, i, lim, b) {
  let r;
  for (let q = 0; q < 1; q++) {
    const x = a[i];
    if (x < lim) r = x; else if (x === undefined) r = -1; else r = lim - x;
    if (r === b) r = 1000;
  }
  return r;
}
function phase3() {
  const dense = [], holey = [];
  for (let k = 0; k < 32; k++) { dense.push(k * 3); holey.push(k); }
  delete holey[5]; delete holey[17];
  const doubles = [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5];
  const like = { 0: 1, 1: 2, 2: 3, length: 3 };
  const arrays = [dense, holey, doubles, "abcdefgh", like];
  let h = 0, bad = 0, first = "-";
  const n = 5000;
  for (let i = 0; i < n; i++) {
    const a = i < 1500 || rnd(64) >= 4 ? dense : arrays[rnd(5)];
    let idx = i & 31;
    if (i >= 1500) { const r = rnd(64); if (r < 2) idx = 32 + (i & 7); else if (r < 3) idx = -1; else if (r < 4) idx = 1.5; else if (r < 5) idx = "3"; }
    const lim = i >= 1500 && rnd(64) < 3 ? pick(1 + rnd(10), i) : 50;
    const b = i >= 1500 && rnd(64) < 3 ? pick(1 + rnd(10), i) : 7;
    const got = e0(a, idx, lim, b), want = refE0(a, idx, lim, b);
    if (!same(got, want)) { if (bad++ === 0) first = i + ":" + show(got) + "!=" + show(want); }
    h = hashStr(h, show(got));
  }
  report("phase3 elements 3-deep", n, bad, first, h);
}
phase3();

// ---------------------------------------------------------------------------------------------
// Phase 4: method calls two deep whose target changes: an instance with an own override,
// another closure of one function, a prototype method on a receiver of another shape, a
// sloppy method given a primitive receiver through call.
class K { constructor(n) { this.n = n; } m(a) { return this.n + a; } }
function makeM(d) { return function (a) { return this.n * d + a; }; }
const mA = makeM(2), mB = makeM(3);
function m1(o, a) { return o.m(a); }
function m0(o, a, b) { const t = b * 2; return m1(o, a) - t; }
function refM0(o, a, b) {
  let r;
  for (let q = 0; q < 1; q++) { const t = b * 2; r = o.m(a) - t; }
  return r;
}
function phase4() {
  const base = new K(5);
  const own = new K(6); own.m = function (a) { return a * 10; };
  const lits = [{ n: 7, m: mA }, { n: 7, m: mB }, { x: 0, n: 2, m: K.prototype.m }, { n: "s", m: K.prototype.m }, new K(1.5)];
  let h = 0, bad = 0, first = "-";
  const n = 5000;
  for (let i = 0; i < n; i++) {
    let o = base;
    if (i >= 1500) { const r = rnd(64); if (r < 2) o = own; else if (r < 7) o = lits[rnd(5)]; }
    const a = pick(kindAt(i, 1500, 3), i), b = pick(kindAt(i, 1500, 3), i + 5);
    const got = m0(o, a, b), want = refM0(o, a, b);
    if (!same(got, want)) { if (bad++ === 0) first = i + ":" + show(got) + "!=" + show(want); }
    h = hashStr(h, show(got));
  }
  report("phase4 methods 2-deep", n, bad, first, h);
}
phase4();

// ---------------------------------------------------------------------------------------------
// Phase 5: side effects interleaved with guards, two and three deep: every store must happen
// exactly once whichever guard fails. The same calls on a second state object through the
// reference (not inlined) must leave the same state.
function s3(st, x) { st.a = st.a + 1; const u = x + 1; st.b = st.b + u; return u; }
function s2(st, x, y) { const u = s3(st, x); st.c = st.c + y; const w = u * 3; st.d = st.d + 1; return w; }
function s1(st, x, y, z) { st.e = st.e + 1; const r = s2(st, x, y); st.f = st.f + z; return r + z; }
function refS1(st, x, y, z) {
  let r;
  for (let q = 0; q < 1; q++) {
    st.e = st.e + 1;
    st.a = st.a + 1; const u = x + 1; st.b = st.b + u;
    st.c = st.c + y; const w = u * 3; st.d = st.d + 1;
    st.f = st.f + z; r = w + z;
  }
  return r;
}
function newState() { return { a: 0, b: 0, c: 0, d: 0, e: 0, f: 0 }; }
function phase5() {
  const st = newState(), rs = newState();
  let h = 0, bad = 0, first = "-", resets = 0;
  const n = 5000;
  for (let i = 0; i < n; i++) {
    const x = pick(kindAt(i, 1500, 3), i), y = pick(kindAt(i, 1500, 3), i + 1), z = pick(kindAt(i, 1500, 3), i + 2);
    const got = s1(st, x, y, z), want = refS1(rs, x, y, z);
    if (!same(got, want)) { if (bad++ === 0) first = i + ":" + show(got) + "!=" + show(want); }
    h = hashStr(h, show(got));
    if (i % 250 === 249) {
      const a = JSON.stringify(st), b = JSON.stringify(rs);
      if (a !== b) { if (bad++ === 0) first = i + ":" + a + "!=" + b; }
      h = hashStr(h, a);
      // Back to small int32 state so that the stores' values do not stay strings forever.
      if (i !== n - 1 && (typeof st.b !== "number" || typeof st.c !== "number" || typeof st.f !== "number" || st.b !== st.b || st.c !== st.c || st.f !== st.f)) {
        resets++;
        st.b = st.c = st.f = rs.b = rs.c = rs.f = 0;
      }
    }
  }
  report("phase5 effects 3-deep", n, bad, first, h);
  const fin = JSON.stringify(st);
  console.log("phase5 state: a=" + st.a + " d=" + st.d + " e=" + st.e + " types=" + typeof st.b + typeof st.c + typeof st.f + " length=" + fin.length + " hash=" + hashStr(0, fin) + " resets=" + resets);
}
phase5();

// ---------------------------------------------------------------------------------------------
// Phase 6: exceptions thrown from three deep (a property read of null/undefined, a throwing
// getter, a valueOf that throws) mixed with deoptimizations, caught by the outermost caller
// inside try/catch/finally; the caller's counters after each catch.
const THROWS = { valueOf() { throw new RangeError("valueOf"); } };
const getterThrows = { get v() { throw new SyntaxError("getter"); } };
function t3(o, k) { return o.v + k; }
function t2(o, k) { const r = t3(o, k); return r * 2; }
function t1(o, k, log) {
  log.entered++;
  try { return t2(o, k) + 1; }
  catch (e) { log.caught++; log.names = hashStr(log.names, e.name); return -1; }
  finally { log.left++; }
}
function refT1(o, k, log) {
  log.entered++;
  try { let r; for (let q = 0; q < 1; q++) r = (o.v + k) * 2 + 1; return r; }
  catch (e) { log.caught++; log.names = hashStr(log.names, e.name); return -1; }
  finally { log.left++; }
}
function phase6() {
  const log = { entered: 0, caught: 0, left: 0, names: 0 }, rlog = { entered: 0, caught: 0, left: 0, names: 0 };
  let h = 0, bad = 0, first = "-";
  const n = 5000;
  for (let i = 0; i < n; i++) {
    let o = { v: i & 511 };
    let k = i & 7;
    if (i >= 1500) {
      const r = rnd(64);
      if (r < 2) o = null;
      else if (r < 3) o = undefined;
      else if (r < 4) o = getterThrows;
      else if (r < 5) o = { v: THROWS };
      else if (r < 8) o = { v: pick(1 + rnd(10), i) };
      if (rnd(64) < 3) k = pick(1 + rnd(10), i);
    }
    const got = t1(o, k, log), want = refT1(o, k, rlog);
    if (!same(got, want)) { if (bad++ === 0) first = i + ":" + show(got) + "!=" + show(want); }
    h = hashStr(h, show(got));
  }
  const a = JSON.stringify(log), b = JSON.stringify(rlog);
  if (a !== b) { bad++; first = a + "!=" + b; }
  report("phase6 throws 3-deep", n, bad, first, h);
  console.log("phase6 log: " + a);
}
phase6();

// ---------------------------------------------------------------------------------------------
// Phase 7: the number of arguments varies at random between call sites (missing ones are
// undefined, extra ones ignored or counted by a callee using `arguments`), and the values
// passed are of random kinds.
function g2(a, b, c) { return (a === undefined ? 1 : a) + (b === undefined ? 20 : b) * 2 + (c === undefined ? 300 : c) * 3; }
function counted(a) { return arguments.length * 1000 + (a === undefined ? 7 : a); }
function g1(n, x, y) {
  switch (n) {
    case 0: return g2() + counted();
    case 1: return g2(x) + counted(x);
    case 2: return g2(x, y) + counted(x, y);
    case 3: return g2(x, y, x) + counted(x, y, x);
    default: return g2(x, y, x, y) + counted(x, y, x, y);
  }
}
function refG1(n, x, y) {
  let r;
  for (let q = 0; q < 1; q++) {
    const a = n >= 1 ? x : undefined, b = n >= 2 ? y : undefined, c = n >= 3 ? x : undefined;
    r = (a === undefined ? 1 : a) + (b === undefined ? 20 : b) * 2 + (c === undefined ? 300 : c) * 3;
    r = r + ((n < 4 ? n : 4) * 1000 + (a === undefined ? 7 : a));
  }
  return r;
}
function phase7() {
  let h = 0, bad = 0, first = "-";
  const n = 5000;
  for (let i = 0; i < n; i++) {
    const argc = i < 1500 ? 3 : rnd(64) < 8 ? rnd(5) : 3;
    const x = pick(kindAt(i, 1500, 3), i), y = pick(kindAt(i, 1500, 3), i + 9);
    const got = g1(argc, x, y), want = refG1(argc, x, y);
    if (!same(got, want)) { if (bad++ === 0) first = i + ":" + show(got) + "!=" + show(want); }
    h = hashStr(h, show(got));
  }
  report("phase7 arity 2-deep", n, bad, first, h);
}
phase7();

// ---------------------------------------------------------------------------------------------
// Phase 8: int32 overflow at different depths: the innermost add, the middle add of two
// inlined results, the outermost subtraction; inputs near the int32 limits.
function o3(x) { return x + x; }
function o2(x) { return o3(x) + o3(x + 1); }
function o1(x, y) { const s = o2(x) - o2(y); return (s | 0) === s ? s : -s; }
function refO1(x, y) {
  let r;
  for (let q = 0; q < 1; q++) { const s = (x + x + ((x + 1) + (x + 1))) - (y + y + ((y + 1) + (y + 1))); r = (s | 0) === s ? s : -s; }
  return r;
}
function phase8() {
  let h = 0, bad = 0, first = "-";
  const n = 5000;
  for (let i = 0; i < n; i++) {
    let x = i & 4095, y = (i * 7) & 4095;
    if (i >= 1500) {
      const r = rnd(64);
      if (r < 2) x = 536870911 + (i & 3);            // overflow in o3
      else if (r < 3) x = 268435456 + (i & 3);       // overflow in o2's add
      else if (r < 4) y = -1073741823 - (i & 3);     // overflow in o1's subtraction
      else if (r < 5) x = -536870913;
      else if (r < 6) y = 1e9;
      else if (r < 7) x = pick(1 + rnd(10), i);
    }
    const got = o1(x, y), want = refO1(x, y);
    if (!same(got, want)) { if (bad++ === 0) first = i + ":" + show(got) + "!=" + show(want); }
    h = hashStr(h, show(got));
  }
  report("phase8 overflow 3-deep", n, bad, first, h);
}
phase8();

let total = 0;
for (const m of summary) total += m;
console.log("summary: phases=" + summary.length + " mismatches=" + total + " seed=" + seed);
