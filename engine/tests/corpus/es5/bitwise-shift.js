function show(label, v) { console.log(label + " = " + v); }
show("5 & 3", 5 & 3);
show("5 | 3", 5 | 3);
show("5 ^ 3", 5 ^ 3);
show("~5", ~5);
show("~-1", ~-1);
show("~~3.7", ~~3.7);
show("~~-3.7", ~~-3.7);
show("1 << 31", 1 << 31);
show("1 << 32", 1 << 32);
show("1 << 33", 1 << 33);
show("-8 >> 1", -8 >> 1);
show("-8 >>> 1", -8 >>> 1);
show("-1 >>> 0", -1 >>> 0);
show("-1 >>> 28", -1 >>> 28);
show("4294967296 | 0", 4294967296 | 0);
show("4294967295 | 0", 4294967295 | 0);
show("2147483648 | 0", 2147483648 | 0);
show("2147483647 + 1 | 0", (2147483647 + 1) | 0);
show("1e21 | 0", 1e21 | 0);
show("NaN | 0", NaN | 0);
show("Infinity | 0", Infinity | 0);
show("-Infinity >>> 0", -Infinity >>> 0);
show("'12' | 0", "12" | 0);
show("'abc' | 0", "abc" | 0);
show("3.99 >> 0", 3.99 >> 0);
show("-3.99 >>> 0", -3.99 >>> 0);
show("0xFFFFFFFF & 0xFF00", 0xFFFFFFFF & 0xFF00);
show("1 << -1", 1 << -1);
show("16 >> 36", 16 >> 36);
show("12345678901 | 0", 12345678901 | 0);
show("-12345678901 >>> 0", -12345678901 >>> 0);
show("0x80000000 >> 0", 0x80000000 >> 0);
show("0x80000000 >>> 0", 0x80000000 >>> 0);
show("true << 3", true << 3);
show("null ^ 7", null ^ 7);
show("undefined | 1", undefined | 1);
show("[5] << 1", [5] << 1);
var x = 0xF0;
x &= 0x3C; show("x &= 0x3C", x);
x |= 0x01; show("x |= 0x01", x);
x ^= 0xFF; show("x ^= 0xFF", x);
x <<= 4; show("x <<= 4", x);
x >>= 2; show("x >>= 2", x);
x = -x; x >>>= 1; show("x >>>= 1", x);
// popcount via bit tricks
function popcount(n) {
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0F0F0F0F) * 0x01010101) >>> 24;
}
show("popcount(0xFFFFFFFF)", popcount(0xFFFFFFFF));
show("popcount(0x12345678)", popcount(0x12345678));
// 32-bit hash (FNV-1a with Math.imul-free multiply)
function fnv(s) {
  var h = 0x811c9dc5;
  for (var i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = (h + (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24)) >>> 0;
  }
  return h;
}
show("fnv('hello')", fnv("hello"));
show("fnv('jolt')", fnv("jolt").toString(16));
