// Full Unicode case mapping (SpecialCasing, final sigma) and normalization forms.
function codes(s) {
  var out = "";
  for (var i = 0; i < s.length; i++) out += (i ? "," : "") + s.charCodeAt(i);
  return out;
}
console.log("Hello World".toUpperCase(), "Hello World".toLowerCase());
console.log("straße".toUpperCase(), "ﬁ".toUpperCase(), "ŉ".toUpperCase(), codes("İ".toLowerCase()));
console.log("ΟΔΟΣ".toLowerCase(), "Σ".toLowerCase(), "ΑΣ.".toLowerCase(), "ΑΣΑ".toLowerCase(), "Α.Σ".toLowerCase());
console.log("ǆ".toUpperCase(), "ǅ".toLowerCase(), "ǅ".toUpperCase());
console.log("\u{10428}".toUpperCase() === "\u{10400}", "\u{10400}".toLowerCase() === "\u{10428}");
console.log(codes("a\ud800B".toUpperCase()), codes("\udc00ΣA".toLowerCase()));
console.log("ABC".toLocaleLowerCase(), "abc".toLocaleUpperCase());
console.log(String.prototype.toUpperCase.call(true), String.prototype.toLowerCase.call(123));
var s = "\u1E9B\u0323";
console.log(codes(s.normalize()), codes(s.normalize("NFC")), codes(s.normalize("NFD")), codes(s.normalize("NFKC")), codes(s.normalize("NFKD")));
console.log(codes("\u00C5".normalize("NFD")), codes("A\u030A".normalize("NFC")), codes("\uFB01".normalize("NFKD")));
console.log(codes("a\ud800\u0301e\u0301".normalize("NFC")));
console.log("abc".normalize("NFKD"), "".normalize() === "");
try { "a".normalize("nfc"); } catch (e) { console.log(e.constructor.name); }
try { "a".normalize(null); } catch (e) { console.log(e.constructor.name); }
console.log("\u212B".normalize("NFC") === "\u00C5", "\u00C5".localeCompare("\u212B"));
