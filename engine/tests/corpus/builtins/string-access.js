// String.prototype access and search methods, on UTF-16 code units.
function codes(s) {
  var out = "";
  for (var i = 0; i < s.length; i++) out += (i ? "," : "") + s.charCodeAt(i);
  return out;
}
var s = "hello, world";
console.log(s.at(0), s.at(-1), s.at(100), s.at(-100), s.at("1"), s.at(NaN));
console.log(s.charAt(4), s.charAt(-1) === "", s.charAt(99) === "", s.charAt(1.9));
console.log(s.charCodeAt(0), s.charCodeAt(99), s.charCodeAt());
var astral = "a\u{1F600}b";
console.log(astral.length, astral.codePointAt(1), astral.codePointAt(2), astral.codePointAt(3), astral.codePointAt(4));
console.log(s.indexOf("o"), s.indexOf("o", 5), s.indexOf(""), s.indexOf("", 100), s.indexOf("zz"));
console.log(s.lastIndexOf("o"), s.lastIndexOf("o", 5), s.lastIndexOf("o", -5), s.lastIndexOf(""), s.lastIndexOf("l", NaN));
console.log(s.includes("world"), s.includes("world", 8), s.startsWith("hell"), s.startsWith("o", 4), s.endsWith("world"), s.endsWith("hello", 5));
try { s.startsWith(/h/); } catch (e) { console.log(e.constructor.name); }
var re = /h/; re[Symbol.match] = false;
console.log(s.startsWith(re) === false, "/h/".startsWith(re));
console.log(s.slice(7), s.slice(-5, -1), s.slice(5, 2) === "", s.substring(5, 2), s.substring(-3, 3), s.substr(-5, 3), s.substr(2));
console.log("abc".concat(1, null, undefined, {}), String.prototype.concat.call(42, "x"));
console.log("x".repeat(0) === "", "ab".repeat(3), "".repeat(5) === "");
try { "a".repeat(-1); } catch (e) { console.log(e.constructor.name); }
try { "a".repeat(Infinity); } catch (e) { console.log(e.constructor.name); }
console.log("5".padStart(3, "0"), "abc".padStart(10, "123"), "abc".padEnd(6, "xy"), "abc".padEnd(2), "abc".padStart(5, "") === "abc");
console.log("[" + " \t\n\u00a0\ufeff\u2028x y\u3000 ".trim() + "]", "[" + "  x  ".trimStart() + "]", "[" + "  x  ".trimEnd() + "]");
console.log(String.prototype.trimLeft === String.prototype.trimStart, String.prototype.trimRight === String.prototype.trimEnd);
console.log(codes("a\ud800b".toWellFormed()), "a\ud800b".isWellFormed(), "a\ud83d\ude00".isWellFormed(), codes("\udc00\ud800".toWellFormed()));
console.log(String.fromCharCode(72, 105, 65536 + 33), String.fromCodePoint(0x1F600) === "\u{1F600}", codes(String.fromCodePoint(0x10FFFF)));
try { String.fromCodePoint(1.5); } catch (e) { console.log(e.constructor.name); }
try { String.fromCodePoint(0x110000); } catch (e) { console.log(e.constructor.name); }
console.log(String.raw`a\n${1 + 1}b\u0041`, String.raw({ raw: ["x", "y", "z"] }, 1, 2, 3), String.raw({ raw: "abc" }, "-", "+"));
var it = "a\u{1F600}\ud800c"[Symbol.iterator]();
var parts = [];
for (var r = it.next(); !r.done; r = it.next()) parts.push(codes(r.value));
console.log(parts, Object.prototype.toString.call(it));
var count = 0;
for (var ch of "x\u{1F601}y") count++;
console.log(count);
console.log(String(Symbol("d")), typeof new String("ab"), new String("ab").length, new String("ab")[1], Object.keys(new String("ab")));
try { new String(Symbol()); } catch (e) { console.log(e.constructor.name); }
try { String.prototype.at.call(null); } catch (e) { console.log(e.constructor.name); }
console.log(String.prototype.length, String.prototype.toString(), String.prototype.valueOf.call(new String("w")));
try { String.prototype.toString.call({}); } catch (e) { console.log(e.constructor.name); }
console.log("a".localeCompare("b"), "b".localeCompare("a"), "a".localeCompare("a"), "\u0041\u030A".localeCompare("\u00C5"));
