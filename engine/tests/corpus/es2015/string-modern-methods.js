const s = "Hello, jolt engine";
console.log("includes: " + s.includes("jolt") + " " + s.includes("Jolt") + " " + s.includes("Hello", 1) + " " + s.includes(""));
console.log("startsWith: " + s.startsWith("Hello") + " " + s.startsWith("jolt", 7) + " " + s.startsWith("x"));
console.log("endsWith: " + s.endsWith("engine") + " " + s.endsWith("jolt", 11) + " " + s.endsWith("e", 0));
try { s.includes(/jolt/); } catch (e) { console.log("regex arg: " + e.name); }
console.log("repeat: [" + "ab".repeat(3) + "] [" + "x".repeat(0) + "] [" + "".repeat(5) + "]");
try { "a".repeat(-1); } catch (e) { console.log("repeat negative: " + e.name); }
try { "a".repeat(Infinity); } catch (e) { console.log("repeat infinity: " + e.name); }
console.log("padStart: [" + "5".padStart(3, "0") + "] [" + "abc".padStart(8, "12") + "] [" + "abc".padStart(2) + "] [" + "x".padStart(4) + "] [" + "x".padStart(4, "") + "]");
console.log("padEnd: [" + "5".padEnd(3, "0") + "] [" + "abc".padEnd(8, "12") + "] [" + "abc".padEnd(6) + "]");
console.log("at: " + s.at(0) + " " + s.at(-1) + " " + s.at(100) + " " + "😀".at(0).length);
console.log("codePointAt: " + "😀".codePointAt(0) + " " + "😀".codePointAt(1) + " " + "a".codePointAt(0) + " " + "a".codePointAt(5));
console.log("fromCodePoint: " + String.fromCodePoint(0x1F600, 65, 0x4E2D) + " length " + String.fromCodePoint(0x1F600).length);
try { String.fromCodePoint(0x110000); } catch (e) { console.log("fromCodePoint out of range: " + e.name); }
console.log("unicode escape: " + "\u{1F600}".length + " " + ("\u{41}" === "A") + " " + "\u{0000000041}");
console.log("String.raw: " + String.raw`\n${1}\t` + " " + String.raw`\u{41}`.length);
console.log("trimStart/trimEnd: [" + "  x  ".trimStart() + "] [" + "  x  ".trimEnd() + "]");
console.log("replaceAll: " + "a-b-c".replaceAll("-", "+") + " " + "aaa".replaceAll("a", "$&$&") + " " + "xyz".replaceAll("", "_"));
console.log("replaceAll regex: " + "a1b2".replaceAll(/\d/g, "#"));
try { "a".replaceAll(/a/, "b"); } catch (e) { console.log("replaceAll non-global: " + e.name); }
console.log("matchAll: " + JSON.stringify([..."k1=v1;k2=v2".matchAll(/(\w+)=(\w+)/g)].map((m) => [m[1], m[2], m.index])));
console.log("normalize-free comparisons: " + ("\u00e9" === "e\u0301") + " lengths " + "\u00e9".length + " " + "e\u0301".length);
console.log("split with limit & unicode: " + JSON.stringify("a😀b".split("")));
console.log("spread vs split: " + [..."a😀b"].length + " " + "a😀b".split("").length);
const count = (str) => [...str].length;
console.log("code point count: " + count("héllo 😀 wörld"));
console.log("reverse by code points: " + [..."ab😀c"].reverse().join(""));
console.log("isWellFormed: " + "ab".isWellFormed() + " " + "a\uD800".isWellFormed() + " toWellFormed: " + "a\uD800".toWellFormed().charCodeAt(1));
const lines = ["id", "name"].map((h, i) => `${h.padEnd(6, ".")}${String(i).padStart(3, "0")}`);
console.log(lines.join(" | "));
