const sticky = /foo/y;
console.log("sticky at 0: " + sticky.test("foofoo bar") + " lastIndex " + sticky.lastIndex);
console.log("sticky at 3: " + sticky.test("foofoo bar") + " lastIndex " + sticky.lastIndex);
console.log("sticky at 6 fails: " + sticky.test("foofoo bar") + " lastIndex " + sticky.lastIndex);
console.log("flags: " + /a/gimsuy.flags + " " + /a/.flags + " " + new RegExp("a", "yg").flags);
console.log("sticky/unicode props: " + /a/y.sticky + " " + /a/u.unicode + " " + /a/s.dotAll + " " + /a/d.hasIndices);
console.log("unicode dot: " + /^.$/u.test("😀") + " without u: " + /^.$/.test("😀"));
console.log("unicode escape: " + /\u{1F600}/u.test("😀") + " " + /^\u{61}$/u.test("a"));
console.log("unicode class: " + "a😀b".match(/[😀]/u)[0].length);
console.log("dotAll: " + /a.b/s.test("a\nb") + " " + /a.b/.test("a\nb"));
const named = /(?<year>\d{4})-(?<month>\d{2})/.exec("on 2023-07!");
console.log("named groups: " + named.groups.year + " " + named.groups.month + " index " + named.index);
console.log("named replace: " + "2023-07".replace(/(?<y>\d+)-(?<m>\d+)/, "$<m>/$<y>"));
console.log("named backreference: " + /(?<ch>\w)\k<ch>/.test("abba") + " " + /(?<ch>\w)\k<ch>/.test("abc"));
console.log("lookbehind: " + "price $42 and €7".match(/(?<=\$)\d+/)[0] + " negative: " + JSON.stringify("a1 b2 c3".match(/(?<!b)\d/g)));
console.log("property escapes: " + /^\p{L}+$/u.test("héllo") + " " + /\p{Lu}/u.test("abc") + " " + "a1b2".replace(/\p{Nd}/gu, "#"));
const all = [..."a1b22c333".matchAll(/\d+/g)].map((m) => m[0] + "@" + m.index);
console.log("matchAll: " + all.join(" "));
try { "x".matchAll(/x/); } catch (e) { console.log("matchAll non-global: " + e.name); }
const withIndices = /(b)(?<n>c)/d.exec("abcd");
console.log("indices: " + JSON.stringify(withIndices.indices[0]) + " " + JSON.stringify(withIndices.indices[1]) + " " + JSON.stringify(withIndices.indices.groups.n));
console.log("source escaping: " + new RegExp("/").source + " " + new RegExp("").source + " " + String(new RegExp("\n")));
console.log("copy with new flags: " + new RegExp(/ab/g, "i").flags + " " + new RegExp(/ab/g).flags);
console.log("split by sticky: " + JSON.stringify("a,b".split(/,/y)));
const re = /o/g;
console.log("Symbol.replace: " + RegExp.prototype[Symbol.replace].call(re, "foo", "0"));
console.log("Symbol.split exists: " + typeof RegExp.prototype[Symbol.split]);
const tokens = [];
const lexer = /\s*(?:(?<num>\d+)|(?<op>[-+*\/()])|(?<id>[a-z]+))/y;
const src = "x + 12*(y-3)";
let m;
while (lexer.lastIndex < src.length && (m = lexer.exec(src))) {
  const g = m.groups;
  tokens.push(g.num !== undefined ? "N" + g.num : g.op !== undefined ? "O" + g.op : "I" + g.id);
}
console.log("sticky lexer: " + tokens.join(" "));
try { new RegExp("a", "gg"); } catch (e) { console.log("duplicate flag: " + e.name); }
try { new RegExp("\\p{Nope}", "u"); } catch (e) { console.log("bad property: " + e.name); }
console.log("case-insensitive unicode: " + /\u212A/iu.test("k") + " " + /\u212A/i.test("k"));
