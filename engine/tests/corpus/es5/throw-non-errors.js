function tryThrow(v) {
  try {
    throw v;
  } catch (e) {
    return typeof e + ":" + String(e) + ":" + (e === v || (e !== e && v !== v));
  }
}
console.log(tryThrow(42));
console.log(tryThrow("string"));
console.log(tryThrow(null));
console.log(tryThrow(undefined));
console.log(tryThrow(true));
console.log(tryThrow(NaN));
var obj = { code: 7, toString: function () { return "obj#" + this.code; } };
console.log(tryThrow(obj));
console.log(tryThrow([1, 2]));
var fn = function () { return "fn"; };
try { throw fn; } catch (e) { console.log("thrown function call: " + e()); }
// rethrow
function rethrow() {
  try { throw { level: 1 }; }
  catch (e) { e.level++; throw e; }
}
try { rethrow(); } catch (e) { console.log("rethrown level " + e.level); }
// throw in nested function propagates through frames
function a() { b(); return "a-not-reached"; }
function b() { c(); }
function c() { throw "deep"; }
try { a(); } catch (e) { console.log("caught: " + e); }
// error-like object without Error
var custom = { name: "Custom", message: "msg" };
try { throw custom; } catch (e) { console.log(e.name + "/" + e.message + "/" + (e instanceof Error)); }
// throw expression evaluation order
var log = [];
try { throw (log.push("evaluated"), "value"); } catch (e) { log.push(e); }
console.log(log.join(","));
