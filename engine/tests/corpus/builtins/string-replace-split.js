// replace, replaceAll, split, match, matchAll, search with strings, RegExps and custom protocol objects.
var s = "the cat sat on the mat";
console.log(s.replace("at", "[$&]"), s.replaceAll("at", "<$`|$'>").length, s.replaceAll("the", "$$"));
console.log("abc".replace("b", "$0$1$<x>$"), "aaa".replace("", "-"), "aaa".replaceAll("", "-"));
console.log(s.replace("cat", function (m, pos, str) { return m.toUpperCase() + pos + (str === s); }));
console.log("a.b.c".replaceAll(".", function () { return arguments.length; }));
try { "x".replaceAll(/x/, "y"); } catch (e) { console.log(e.constructor.name); }
console.log("xax".replaceAll(/x/g, "y"), "2020-11-05".replace(/(\d+)-(\d+)-(\d+)/, "$3/$2/$1"));
console.log("abc".replace(/(?<first>a)(?<rest>.*)/, "$<rest>$<first>$<none>|$2$1$10$01$00"));
console.log("aaa".replace(/a/g, function (m, off) { return off; }), "xyz".replace(/(y)|(q)/, function (m, a, b, off, str) { return "[" + a + "," + b + "," + off + "]"; }));
console.log("abc".replace(/(?<L>b)/, function () { var g = arguments[arguments.length - 1]; return g.L.toUpperCase(); }));
console.log("aaaa".replace(/a*?/g, "-"), "abc".replace(/$/, "!"), "abc".replace(/^|$/g, "|"));
console.log("a,b,,c".split(","), "a,b,,c".split(",", 2), "abc".split(""), "".split(","), "".split(""), "abc".split(), "abc".split(undefined, 0));
console.log("a1b22c333".split(/\d+/), "a1b22c".split(/(\d)+/), "abc".split(/(?:)/), "".split(/x/), "".split(/(?:)/));
console.log("one  two three".split(/\s+/, 2), "ab".split(/a*?/), "ab".split(/a*/));
console.log("\u{1F600}\u{1F601}".split(/(?:)/u).length, "\u{1F600}\u{1F601}".split("").length);
console.log("a1b2c3".match(/\d/), "a1b2c3".match(/\d/g), "abc".match(/x/g), "abc".match(/x/));
console.log("abc".match("b").index, "a.c".match(".").index, "abc".search("c"), "abc".search(/x/));
try { "a+b".search("+"); } catch (e) { console.log(e.constructor.name); }
var all = [];
for (var m of "a1b22c333".matchAll(/(\d)+/g)) all.push(m[0] + "@" + m.index + ":" + m[1]);
console.log(all);
try { "a".matchAll(/a/); } catch (e) { console.log(e.constructor.name); }
var mi = "ab".matchAll("");
var n = 0;
for (var e of mi) n++;
console.log(n, Object.prototype.toString.call("x".matchAll(/x/g)));
var custom = {};
custom[Symbol.replace] = function (str, rep) { return "replaced(" + str + "," + rep + ")"; };
custom[Symbol.split] = function (str, lim) { return "split(" + str + "," + lim + ")"; };
custom[Symbol.match] = function (str) { return "match(" + str + ")"; };
custom[Symbol.search] = function (str) { return "search(" + str + ")"; };
console.log("s".replace(custom, "r"), "s".split(custom, 3), "s".match(custom), "s".search(custom));
console.log("a1b1c".split(1));
console.log("x-y".split({ toString: function () { return "-"; } }));
