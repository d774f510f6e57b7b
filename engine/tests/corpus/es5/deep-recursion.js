function f() { f(); }
try {
  f();
  console.log("no error");
} catch (e) {
  console.log("instanceof RangeError: " + (e instanceof RangeError));
  console.log("name: " + e.name);
}
// can keep running normally after the overflow
function g(n) { return n === 0 ? 0 : 1 + g(n - 1); }
console.log("normal recursion after overflow: " + g(1000));
// overflow inside try/finally still runs finally
var finallyRan = false;
function h() { try { h(); } finally { finallyRan = true; } }
try { h(); } catch (e) { console.log("finally path: " + (e instanceof RangeError) + " " + finallyRan); }
// mutual recursion overflow
function a(n) { return b(n + 1); }
function b(n) { return a(n + 1); }
try { a(0); } catch (e) { console.log("mutual: " + e.name); }
// overflow caught deep in the stack, then continue
var caughtAt = -1;
function nested(n) {
  if (n === 50) {
    try { f(); } catch (e) { caughtAt = n; }
    return n;
  }
  return nested(n + 1);
}
console.log("nested catch returned " + nested(0) + " caughtAt " + caughtAt);
// overflow through method calls and constructors
function ChainNode(d) { this.next = new ChainNode(d + 1); }
try { new ChainNode(0); } catch (e) { console.log("constructor overflow: " + (e instanceof RangeError)); }
var obj = { m: function () { return this.m(); } };
try { obj.m(); } catch (e) { console.log("method overflow: " + (e instanceof RangeError)); }
// overflow via toString recursion
var loopy = { toString: function () { return "" + this; } };
try { String(loopy); } catch (e) { console.log("toString overflow: " + (e instanceof RangeError)); }
console.log("done");
